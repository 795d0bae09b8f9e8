"""Tests for reading plain-text releases into blocks."""

from __future__ import annotations

from datetime import date

import pytest
from document_examples import corpus_file, seed_file

from checks.documents import parse_document, read_document
from checks.documents.text import is_capitals, row_cells
from checks.model import Block, BlockKind, Document


def lines_of(document: Document, block: Block) -> tuple[int, int]:
    """Return the first and last raw line a block's text comes from."""
    first = document.position(block.raw_offset(0))[0]
    last = document.position(block.raw_offset(len(block.text) - 1))[0]
    return first, last


def only(document: Document, needle: str) -> Block:
    (block,) = [block for block in document.blocks if needle in block.text]
    return block


def test_the_2017_seed_joins_wrapped_lines_and_keeps_their_lines() -> None:
    document = read_document(seed_file("2017-02-01-operation-safenet.txt"))
    block = only(document, "safeguarded 491")
    assert block.kind is BlockKind.PARAGRAPH
    assert lines_of(document, block) == (39, 40)
    assert block.text == (
        "Since it was launched in across the region, the teams have carried out 593 "
        "investigations, arrested 353 people for sexual offences and safeguarded 491"
    )
    position = block.text.index("593")
    assert document.position(block.raw_offset(position)) == (39, 72)
    assert document.position(block.raw_offset(block.text.index("491"))) == (40, 73)


def test_the_2017_seed_title_dateline_and_list() -> None:
    document = read_document(seed_file("2017-02-01-operation-safenet.txt"))
    title, dateline = document.blocks[:2]
    assert (title.kind, title.level, title.text) == (BlockKind.HEADING, 1, "Operation safenet")
    assert (dateline.kind, dateline.text) == (BlockKind.PARAGRAPH, "February 1, 2017")
    assert document.title == "Operation safenet"
    assert document.published == date(2017, 2, 1)
    assert document.metadata["published_from"] == "dateline"
    items = [block.text for block in document.blocks if block.kind is BlockKind.ITEM]
    assert items == [
        "Facebook - White Circle",
        "Twitter - White Circle",
        "Instagram - White Circle",
    ]
    assert document.blocks[-1].text.startswith("Your information will not be shared")


def test_keystone_2023_table_rows_and_capital_heading() -> None:
    document = read_document(corpus_file("keystone_update_2023.txt"))
    rows = [block for block in document.blocks if block.kind is BlockKind.ROW]
    assert [lines_of(document, row) for row in rows] == [(12, 12), (13, 13), (14, 14), (15, 15)]
    assert {row.table for row in rows} == {0}
    assert [[row.text[cell.start : cell.end] for cell in row.cells] for row in rows] == [
        ["Staffordshire Police", "161 arrested, 104 charged"],
        ["West Midlands Police", "352 arrested, 231 charged"],
        ["Warwickshire and West Mercia alliance", "193 arrested, 128 charged"],
        ["West Midlands region", "706 arrested, 463 charged"],
    ]
    assert not any(cell.header for row in rows for cell in row.cells)
    heading = only(document, "THE LAST 12 MONTHS")
    assert (heading.kind, heading.level, lines_of(document, heading)) == (
        BlockKind.HEADING,
        2,
        (17, 17),
    )
    ends = only(document, "ENDS")
    assert (ends.kind, ends.level) == (BlockKind.HEADING, 2)
    first = document.blocks[0]
    assert (first.kind, first.level, first.text) == (
        BlockKind.HEADING,
        1,
        "OPERATION KEYSTONE - PROGRESS UPDATE",
    )
    assert document.blocks[1].text == "Published: Tuesday 16 May 2023"
    assert document.published == date(2023, 5, 16)


def test_a_cell_maps_to_its_column() -> None:
    document = read_document(corpus_file("keystone_update_2023.txt"))
    row = only(document, "West Midlands region")
    cell = row.cells[1]
    assert document.position(row.raw_offset(cell.start)) == (15, 43)
    assert (
        document.raw[row.raw_offset(cell.start) : row.raw_end(cell.end)]
        == "706 arrested, 463 charged"
    )


@pytest.mark.parametrize(
    ("name", "title", "dateline", "published"),
    [
        (
            "east_midlands_knife_amnesty_2006.txt",
            "Amnesty brings in thousands of knives in three counties",
            "Date: Monday 3 July 2006",
            date(2006, 7, 3),
        ),
        (
            "hscic_ambulance_2013_14.txt",
            "Ambulance services handled around 16 emergency calls a minute in 2013-14",
            "Thursday, 31 July 2014",
            date(2014, 7, 31),
        ),
        (
            "psni_operation_cordella_2016.txt",
            "Burglaries down by more than a third after police operation",
            "Published: Tuesday 25 October 2016",
            date(2016, 10, 25),
        ),
        (
            "keystone_region_day_of_action_2021.txt",
            "Operation Keystone regional day of action: 33 arrests",
            "Date: Friday 17 September 2021",
            date(2021, 9, 17),
        ),
    ],
)
def test_title_then_dateline_on_the_next_line(
    name: str, title: str, dateline: str, published: date
) -> None:
    document = read_document(corpus_file(name))
    first, second = document.blocks[:2]
    assert (first.kind, first.level, first.text) == (BlockKind.HEADING, 1, title)
    assert (second.kind, second.text) == (BlockKind.PARAGRAPH, dateline)
    assert document.position(second.raw_offset(0)) == (2, 1)
    assert document.published == published


def test_lines_of_a_paragraph_under_a_label_are_joined() -> None:
    document = read_document(corpus_file("keystone_region_day_of_action_2021.txt"))
    block = only(document, "Results by force:")
    assert block.text.startswith("Results by force: Staffordshire Police: 11 warrants, 8 arrests")
    assert lines_of(document, block) == (8, 11)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Title\n\nBody.", [("heading", 1, "Title"), ("paragraph", 0, "Body.")]),
        (
            "A sentence that ends.\n\nBody.",
            [("paragraph", 0, "A sentence that ends."), ("paragraph", 0, "Body.")],
        ),
        ("Only one line", [("paragraph", 0, "Only one line")]),
        (
            "Police forces across the region are warning those who\nview images.\n\nMore.",
            [
                (
                    "paragraph",
                    0,
                    "Police forces across the region are warning those who view images.",
                ),
                ("paragraph", 0, "More."),
            ],
        ),
        (
            "\n\n  Title after blanks\n\nBody.",
            [("heading", 1, "Title after blanks"), ("paragraph", 0, "Body.")],
        ),
        (
            "Intro.\n\nENDS\n\nNotes.",
            [("paragraph", 0, "Intro."), ("heading", 2, "ENDS"), ("paragraph", 0, "Notes.")],
        ),
        (
            "Intro.\n\nTWO LINES\nIN CAPITALS",
            [("paragraph", 0, "Intro."), ("paragraph", 0, "TWO LINES IN CAPITALS")],
        ),
        (
            "Intro.\n- one\n* two\n\u2022 three\n  \u2022 four\n1. five\n2) six\na) seven",
            [("paragraph", 0, "Intro.")]
            + [
                ("item", 0, word)
                for word in ("one", "two", "three", "four", "five", "six", "seven")
            ],
        ),
        (
            "Intro.\n- an item that\n  wraps\n- next",
            [("paragraph", 0, "Intro."), ("item", 0, "an item that wraps"), ("item", 0, "next")],
        ),
        (
            "Intro.\n  - item\nNot part of it.",
            [("paragraph", 0, "Intro."), ("item", 0, "item"), ("paragraph", 0, "Not part of it.")],
        ),
        (
            "Intro.\nPosted 26 March 2021 09:26\nText.",
            [
                ("paragraph", 0, "Intro."),
                ("paragraph", 0, "Posted 26 March 2021 09:26"),
                ("paragraph", 0, "Text."),
            ],
        ),
        (
            "Intro.\nIt happened on 26 March 2021 in town.",
            [("paragraph", 0, "Intro. It happened on 26 March 2021 in town.")],
        ),
        ("Intro.\n\tTabbed\tcolumns", [("paragraph", 0, "Intro."), ("row", 0, "Tabbed columns")]),
        ("Intro.\nOne.  Two.  Three.", [("paragraph", 0, "Intro. One. Two. Three.")]),
    ],
    ids=[
        "title",
        "no-title-with-full-stop",
        "single-line-file",
        "wrapped-first-sentence",
        "leading-blank-lines",
        "capitals",
        "two-capital-lines",
        "list-markers",
        "item-continuation",
        "item-ends",
        "dateline-with-time",
        "date-in-a-sentence",
        "tab-row",
        "sentence-spacing",
    ],
)
def test_plain_text_blocks(raw: str, expected: list[tuple[str, int, str]]) -> None:
    blocks = parse_document(raw, "x.txt").blocks
    assert [(block.kind.value, block.level, block.text) for block in blocks] == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Those charged are:\n\n  Jordan McGrath, 19, of Kirkby\n  Callum Ashworth, 23\n\nAfter.",
            [
                ("paragraph", "Those charged are:"),
                ("item", "Jordan McGrath, 19, of Kirkby"),
                ("item", "Callum Ashworth, 23"),
                ("paragraph", "After."),
            ],
        ),
        (
            "Intro.\n\n  First entry that\n  wraps in lower case\n  Second entry\n",
            [
                ("paragraph", "Intro."),
                ("item", "First entry that wraps in lower case"),
                ("item", "Second entry"),
            ],
        ),
        (
            "Intro.\n\n    An indented sentence that wraps\n    onto a second line.\n",
            [
                ("paragraph", "Intro."),
                ("paragraph", "An indented sentence that wraps onto a second line."),
            ],
        ),
        (
            "Intro.\n\n   One indented line.\n",
            [("paragraph", "Intro."), ("paragraph", "One indented line.")],
        ),
        (
            "Intro.\n  Entry one\n  Entry two\nBack to prose.",
            [
                ("paragraph", "Intro."),
                ("item", "Entry one"),
                ("item", "Entry two"),
                ("paragraph", "Back to prose."),
            ],
        ),
    ],
    ids=[
        "indented-list",
        "entry-continues",
        "indented-prose",
        "single-indented-line",
        "list-then-prose",
    ],
)
def test_indented_lines_without_markers(raw: str, expected: list[tuple[str, str]]) -> None:
    blocks = parse_document(raw, "x.txt").blocks
    assert [(block.kind.value, block.text) for block in blocks] == expected


def test_consecutive_rows_share_a_table_and_a_gap_starts_another() -> None:
    raw = "Intro.\n\n  A    1\n  B    2\n\n  C    3\nProse line.\n  D    4\n"
    rows = [block for block in parse_document(raw, "x.txt").blocks if block.kind is BlockKind.ROW]
    assert [(row.text, row.table) for row in rows] == [
        ("A 1", 0),
        ("B 2", 0),
        ("C 3", 1),
        ("D 4", 2),
    ]


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        (
            "  Staffordshire Police                    161 arrested, 104 charged",
            ["Staffordshire Police", "161 arrested, 104 charged"],
        ),
        ("Name    Value   Other", ["Name", "Value", "Other"]),
        ("Force\tArrests", None),
        ("\tForce\tArrests", ["Force", "Arrests"]),
        ("A plain line of prose.", None),
        ("  Indented prose with one gap only at the end.  ", None),
        ("Two  gaps  here.", ["Two", "gaps", "here."]),
        ("Ends.  New sentence.  Another.", None),
    ],
)
def test_row_cells(line: str, cells: list[str] | None) -> None:
    found = row_cells(line)
    assert (None if found is None else [line[start:end] for start, end in found]) == cells


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ENDS", True),
        ("THE LAST 12 MONTHS (April 2022 to March 2023)", True),
        ("Notes to editors", False),
        ("12", False),
        ("A", False),
    ],
)
def test_is_capitals(text: str, expected: bool) -> None:
    assert is_capitals(text) is expected


def test_crlf_line_endings_never_reach_block_text() -> None:
    raw = "Title\r\n\r\nLine one\r\nline two\r\n\r\n  A    1\r\n"
    document = parse_document(raw, "x.txt")
    assert [block.text for block in document.blocks] == ["Title", "Line one line two", "A 1"]
    paragraph = document.blocks[1]
    space = paragraph.text.index(" line")
    assert raw[paragraph.raw_offset(space)] == "\r"
    assert document.position(paragraph.raw_offset(space + 1)) == (4, 1)
