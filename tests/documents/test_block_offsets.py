"""Every character of every block maps back to the raw file it came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.documents import read_document
from checks.model import Block, Document

from document_examples import all_example_files

EXAMPLES = all_example_files()


def check_mapping(document: Document, block: Block) -> None:
    """Assert the segment invariants and the character-by-character mapping."""
    raw = document.raw
    assert block.text, "blocks are never empty"
    assert "\r" not in block.text and "\n" not in block.text
    assert block.text == block.text.strip()
    assert "  " not in block.text or block.cells, "whitespace runs collapse outside table rows"
    covered = 0
    for segment in block.segments:
        assert segment.text_start == covered, "segments tile the text in order"
        assert segment.length >= 1
        covered += segment.length
    assert covered == len(block.text)
    for index, char in enumerate(block.text):
        offset = block.raw_offset(index)
        assert 0 <= offset < len(raw)
        source = raw[offset]
        if char == source:
            continue
        # Not copied verbatim: a space standing for whitespace or a separator,
        # or a character decoded from an entity.
        assert char == " " or source == "&", (
            f"{document.path}: text[{index}]={char!r} maps to raw[{offset}]={source!r} in {block.text!r}"
        )
        if char == " " and not source.isspace():
            assert source in "|<&", f"a space stands for whitespace, a pipe or a tag, not {source!r}"


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_every_block_character_maps_back_to_raw(path: Path) -> None:
    document = read_document(path)
    assert document.blocks
    for block in document.blocks:
        check_mapping(document, block)


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_blocks_are_in_reading_order(path: Path) -> None:
    document = read_document(path)
    starts = [block.raw_offset(0) for block in document.blocks]
    assert starts == sorted(starts)


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_cells_lie_inside_the_row_text(path: Path) -> None:
    document = read_document(path)
    for block in document.blocks:
        previous_end = 0
        for cell in block.cells:
            assert previous_end <= cell.start <= cell.end <= len(block.text)
            text = block.text[cell.start : cell.end]
            assert text == text.strip()
            previous_end = cell.end


def test_there_are_examples_of_every_format() -> None:
    suffixes = {path.suffix for path in EXAMPLES}
    assert {".txt", ".md"} <= suffixes
