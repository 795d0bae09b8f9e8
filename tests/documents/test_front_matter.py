"""Tests for YAML front matter at the top of text and Markdown documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from document_examples import corpus_file, seed_file

from checks.documents import parse_document, read_document
from checks.documents.frontmatter import split_front_matter


def test_the_fenced_yaml_block_of_the_2021_seed() -> None:
    document = read_document(seed_file("2021-03-26-six-men-arrested.md"))
    # BaseLoader keeps every value a string: "09:26" is not read as 566 minutes.
    assert document.metadata["publish"] == {"date": "09:26 26/03/2021"}
    assert document.metadata["area"] == "Staffordshire"
    assert document.metadata["og"]["locale"] == "en_GB"
    assert document.metadata["og"]["description"].startswith("\u201cIt can be horrific,\u201d")
    assert (
        document.title
        == "Six men arrested following Operation Safenet warrants | Staffordshire Police"
    )
    assert document.published == date(2021, 3, 26)
    assert document.metadata["published_from"] == "front matter"
    first = document.blocks[0]
    assert document.position(first.raw_offset(0)) == (16, 1)
    assert first.text.startswith('"It can be horrific," says Sergeant Chris Hood')
    assert not any("og:" in block.text or "```" in block.text for block in document.blocks)


def test_dashed_front_matter_of_a_corpus_release() -> None:
    document = read_document(corpus_file("keystone_westmids_day_of_action_2021.md"))
    assert document.metadata["title"] == "Twelve arrested as Keystone officers execute 15 warrants"
    assert document.metadata["date"] == "2021-09-15"
    assert document.title == "Twelve arrested as Keystone officers execute 15 warrants"
    assert document.published == date(2021, 9, 15)
    assert document.position(document.blocks[0].raw_offset(0)) == (7, 3)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("no", "no"),
        ("09:26", "09:26"),
        ("1.0", "1.0"),
        ("2021-09-15", "2021-09-15"),
        ("'quoted'", "quoted"),
    ],
)
def test_values_stay_strings(value: str, expected: str) -> None:
    document = parse_document(f"---\nkey: {value}\n---\nBody.\n", "x.md")
    assert document.metadata["key"] == expected


def test_front_matter_in_plain_text() -> None:
    document = parse_document(
        "---\ntitle: From the top\ndate: 26/03/2021\n---\nBody line.\n", "x.txt"
    )
    assert document.title == "From the top"
    assert document.published == date(2021, 3, 26)
    assert [block.text for block in document.blocks] == ["Body line."]


def test_dots_close_front_matter_too() -> None:
    document = parse_document("---\ntitle: T\n...\nBody.\n", "x.md")
    assert document.metadata == {"title": "T"}
    assert [block.text for block in document.blocks] == ["Body."]


def test_crlf_front_matter() -> None:
    raw = "---\r\ntitle: Windows\r\ndate: 2020-01-02\r\n---\r\n\r\nBody text.\r\n"
    document = parse_document(raw, "x.md")
    assert document.title == "Windows"
    assert document.published == date(2020, 1, 2)
    (block,) = document.blocks
    assert block.text == "Body text."
    assert document.position(block.raw_offset(0)) == (6, 1)


def test_empty_front_matter_is_an_empty_mapping() -> None:
    document = parse_document("---\n---\nBody.\n", "x.md")
    assert "title" not in document.metadata
    assert [block.text for block in document.blocks] == ["Body."]


def test_unclosed_dashes_are_not_front_matter() -> None:
    front = split_front_matter("---\ntitle: never closed\n\nBody.\n", "x.md")
    assert front.metadata == {} and front.body_start == 0


def test_yaml_that_is_not_a_mapping_is_left_in_the_body() -> None:
    raw = "---\nJust a sentence between rules.\n---\nBody.\n"
    front = split_front_matter(raw, "x.md")
    assert front.body_start == 0
    texts = [block.text for block in parse_document(raw, "x.md").blocks]
    assert texts == ["Just a sentence between rules.", "Body."]


def test_front_matter_only_at_the_very_top() -> None:
    raw = "Intro.\n\n---\ntitle: not front matter\n---\n"
    assert split_front_matter(raw, "x.md").body_start == 0


def test_body_start_and_closing_line() -> None:
    raw = "```yaml\na: b\n```\nBody.\n"
    front = split_front_matter(raw, "x.md")
    assert front.metadata == {"a": "b"}
    assert raw[front.body_start :] == "Body.\n"
    assert front.end_line == 3


def test_a_bom_before_front_matter_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf---\ntitle: BOM\n---\nBody.\n")
    document = read_document(path)
    assert document.title == "BOM"
    assert document.raw.startswith("---")
    (block,) = document.blocks
    assert document.raw[block.raw_offset(0)] == "B"
    assert document.position(block.raw_offset(0)) == (4, 1)
