"""Every character of every block maps back to the raw file it came from."""

from __future__ import annotations

from pathlib import Path

import pytest
from document_examples import all_example_files, more_example_files

from checks.documents import parse_document, read_document
from checks.model import Block, Document

EXAMPLES = all_example_files()
MORE = more_example_files()


def check_mapping(document: Document, block: Block) -> None:
    """Assert the segment invariants and the character-by-character mapping."""
    raw = document.raw
    assert block.text, "blocks are never empty"
    assert "\r" not in block.text and "\n" not in block.text
    assert block.text == block.text.strip()
    assert "  " not in block.text, "whitespace runs collapse to one space"
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
            assert source in "|<&", (
                f"a space stands for whitespace, a pipe or a tag, not {source!r}"
            )


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_every_block_character_maps_back_to_raw(path: Path) -> None:
    document = read_document(path)
    assert document.blocks
    for block in document.blocks:
        check_mapping(document, block)


@pytest.mark.parametrize("path", MORE, ids=[path.name for path in MORE])
def test_more_releases_map_back_to_raw(path: Path) -> None:
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


TRICKY = {
    "crlf.txt": "Title\r\n\r\nFirst line\r\n  second\tline\u00a0end\r\n\r\n  A    1\r\n  B    2\r\n- item\r\n",
    "markup.md": (
        '---\ntitle: T\n---\n# Head *one* #\n\nSome **bold**, _em_, `code`, [link](http://x.example "t"),'
        " ![img](i.png), <https://auto.example>, <b>tag</b>, &amp; &#8217; \\*esc\\*.\n"
        "> quoted\n> more\n\n- item\n  continued\n\n| a | **b** |\n|---|---|\n| 1 |  |\n\nSetext\n---\n"
    ),
    "entities.html": (
        "<html><head><title>T &amp; U</title></head><body><article><h1>A &middot; B</h1>"
        "<p>x&nbsp;y &rsquo; &#x2019; &bogus; a<br>b\n\n c</p><ul><li>one<li>two</ul>"
        "<table><tr><th>H</th><td></td><td>&pound;5</td></tr></table></article></body></html>"
    ),
}


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_tricky_documents_map_back_too(name: str) -> None:
    document = parse_document(TRICKY[name], name)
    assert document.blocks
    for block in document.blocks:
        check_mapping(document, block)


def test_read_document_keeps_the_file_text_as_raw() -> None:
    for path in EXAMPLES:
        assert read_document(path).raw == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize(
    ("raw", "path", "word", "expected"),
    [
        ("First  \n   second", "x.txt", "First second", "  \n   "),
        ("First\r\nsecond", "x.md", "First second", "\r\n"),
        ("<p>First\n\t second</p>", "x.html", "First second", "\n\t "),
        ("<p>First<br>second</p>", "x.html", "First second", "<br>"),
    ],
)
def test_a_space_maps_to_the_first_whitespace_it_replaced(
    raw: str, path: str, word: str, expected: str
) -> None:
    (block,) = parse_document(raw, path).blocks
    assert block.text == word
    offset = block.raw_offset(word.index(" "))
    assert raw.startswith(expected, offset)


def test_the_public_api() -> None:
    import checks.documents as documents

    assert sorted(documents.__all__) == ["discover", "parse_document", "read_document"]
