"""Tests for reading Markdown releases into blocks."""

from __future__ import annotations

import pytest
from document_examples import corpus_file

from checks.documents import parse_document, read_document
from checks.documents.markdown import table_cells
from checks.model import Block, BlockKind


def kinds_and_texts(raw: str) -> list[tuple[str, int, str]]:
    return [
        (block.kind.value, block.level, block.text) for block in parse_document(raw, "x.md").blocks
    ]


def cell_texts(block: Block) -> list[str]:
    return [block.text[cell.start : cell.end] for cell in block.cells]


def test_keystone_2019_table_has_a_header_and_five_rows() -> None:
    document = read_document(corpus_file("keystone_update_2019.md"))
    rows = [block for block in document.blocks if block.kind is BlockKind.ROW]
    assert len(rows) == 5
    assert {row.table for row in rows} == {0}
    header, *body = rows
    assert cell_texts(header) == [
        "Force",
        "Investigations",
        "Warrants",
        "Arrests",
        "Charged",
        "Children safeguarded",
    ]
    assert all(cell.header for cell in header.cells)
    assert not any(cell.header for row in body for cell in row.cells)
    assert cell_texts(body[-1]) == ["West Midlands region", "412", "268", "241", "163", "318"]
    assert [document.position(row.raw_offset(0))[0] for row in rows] == [22, 24, 25, 26, 27]
    staffordshire = body[0]
    cell = staffordshire.cells[1]
    assert document.position(staffordshire.raw_offset(cell.start)) == (24, 26)
    assert (
        document.raw[staffordshire.raw_offset(cell.start) : staffordshire.raw_end(cell.end)] == "96"
    )


def test_keystone_2019_headings_dateline_and_list() -> None:
    document = read_document(corpus_file("keystone_update_2019.md"))
    blocks = document.blocks
    assert (blocks[0].kind, blocks[0].level) == (BlockKind.HEADING, 1)
    assert blocks[1].text == "Thursday 14 March 2019"
    items = [block.text for block in blocks if block.kind is BlockKind.ITEM]
    assert items == [
        "carried out 412 investigations;",
        "executed 268 search warrants;",
        "arrested 241 people, of whom 163 have been charged;",
        "safeguarded 318 children.",
    ]
    subheading = next(block for block in blocks if block.text == "Force by force")
    assert (subheading.kind, subheading.level) == (BlockKind.HEADING, 2)
    assert document.position(subheading.raw_offset(0)) == (20, 4)


def test_list_items_map_to_their_lines() -> None:
    document = read_document(corpus_file("keystone_westmids_day_of_action_2021.md"))
    items = [block for block in document.blocks if block.kind is BlockKind.ITEM]
    assert len(items) == 6
    assert [document.position(item.raw_offset(0)) for item in items] == [
        (line, 3) for line in range(17, 23)
    ]
    assert items[0].text == "Daniel Hollins, 34, of Erdington, Birmingham"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "# One\n## Two ##\n###### Six\n####### Seven",
            [
                ("heading", 1, "One"),
                ("heading", 2, "Two"),
                ("heading", 6, "Six"),
                ("paragraph", 0, "####### Seven"),
            ],
        ),
        ("#NoSpace\n\n#", [("paragraph", 0, "#NoSpace")]),
        (
            "Title\n=====\n\nSub\n---\nText",
            [("heading", 1, "Title"), ("heading", 2, "Sub"), ("paragraph", 0, "Text")],
        ),
        ("Two line\nsetext title\n===", [("heading", 1, "Two line setext title")]),
        ("Para.\n\n---\n\n***\n\nMore.", [("paragraph", 0, "Para."), ("paragraph", 0, "More.")]),
        (
            "- one\n- two\n  wraps\n+ three\n* four",
            [
                ("item", 0, "one"),
                ("item", 0, "two wraps"),
                ("item", 0, "three"),
                ("item", 0, "four"),
            ],
        ),
        (
            "1. first\n2. second\n10) tenth",
            [("item", 0, "first"), ("item", 0, "second"), ("item", 0, "tenth")],
        ),
        (
            "- outer\n  - nested\n- back",
            [("item", 0, "outer"), ("item", 0, "nested"), ("item", 0, "back")],
        ),
        (
            "Text that wraps onto\n2019. A year-led line",
            [("paragraph", 0, "Text that wraps onto 2019. A year-led line")],
        ),
        ("Intro:\n- item", [("paragraph", 0, "Intro:"), ("item", 0, "item")]),
        (
            "> Quoted *words*\n> carry on\n>\n> Second",
            [("paragraph", 0, "Quoted words carry on"), ("paragraph", 0, "Second")],
        ),
        ("> > nested quote", [("paragraph", 0, "nested quote")]),
        (
            "Before\n\n```python\nx = 1\n```\n\n~~~\ncode\n~~~\nAfter",
            [("paragraph", 0, "Before"), ("paragraph", 0, "After")],
        ),
        ("Before\n```\nnever closed", [("paragraph", 0, "Before")]),
        ("<!-- a comment -->\nText", [("paragraph", 0, "Text")]),
        ("<!--\nmany\nlines\n-->\nText", [("paragraph", 0, "Text")]),
        ("<!-- figcheck off --> Shown", [("paragraph", 0, "Shown")]),
        ("[ref]: https://example.com\n\nUses [the ref][ref].", [("paragraph", 0, "Uses the ref.")]),
    ],
    ids=[
        "atx",
        "atx-needs-space",
        "setext",
        "setext-multiline",
        "thematic-breaks",
        "bullets",
        "numbers",
        "nested",
        "year-at-line-start",
        "list-after-paragraph",
        "blockquote",
        "nested-quote",
        "fenced-code",
        "unclosed-fence",
        "comment",
        "multiline-comment",
        "comment-then-text",
        "reference-definition",
    ],
)
def test_markdown_blocks(raw: str, expected: list[tuple[str, int, str]]) -> None:
    assert kinds_and_texts(raw) == expected


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Some *emphasis*, **strong** and ***both***.", "Some emphasis, strong and both."),
        ("Some _emphasis_ and __strong__.", "Some emphasis and strong."),
        ("A ~~struck~~ word.", "A struck word."),
        ("Run `code 593` here.", "Run code 593 here."),
        ("Double ``code ` tick`` here.", "Double code ` tick here."),
        ('A [link text](https://example.com/a_b_c "Title") here.', "A link text here."),
        ("A [link](<https://example.com/with space>) here.", "A link here."),
        ("An image ![alt *text*](pic.png) gone.", "An image gone."),
        (
            "Mail <https://example.com/x> or <someone@example.com>.",
            "Mail https://example.com/x or someone@example.com.",
        ),
        ('Tags <span class="x">kept text</span> and<br>break.', "Tags kept text and break."),
        (
            "Fish &amp; chips &copy; &#8217; &#x2019; &bogus;",
            "Fish & chips \u00a9 \u2019 \u2019 &bogus;",
        ),
        ("snake_case_name and 2_000 stay.", "snake_case_name and 2_000 stay."),
        ("5 * 3 and 4 * 2 stay.", "5 * 3 and 4 * 2 stay."),
        ("Escaped \\*stars\\* and \\_under\\_.", "Escaped *stars* and _under_."),
        ("Unclosed `tick and [bracket and *star.", "Unclosed `tick and [bracket and *star."),
        ("[Not a link] stays.", "[Not a link] stays."),
        ("Hard break  \nnext and \\\nnext.", "Hard break next and next."),
        ("Text <!-- hidden --> shown.", "Text shown."),
    ],
    ids=[
        "star-emphasis",
        "underscore-emphasis",
        "strikethrough",
        "code",
        "double-backticks",
        "inline-link",
        "angle-destination",
        "image",
        "autolinks",
        "inline-html",
        "entities",
        "intraword-underscore",
        "spaced-star",
        "escapes",
        "unclosed",
        "brackets-alone",
        "hard-breaks",
        "inline-comment",
    ],
)
def test_inline_markup_is_dropped(raw: str, text: str) -> None:
    (block,) = parse_document(raw, "x.md").blocks
    assert block.text == text


def test_inline_markup_keeps_offsets() -> None:
    raw = "Officers **arrested [six men](https://x.example)** on `Tuesday`."
    (block,) = parse_document(raw, "x.md").blocks
    assert block.text == "Officers arrested six men on Tuesday."
    for word in ("arrested", "six", "men", "Tuesday"):
        index = block.text.index(word)
        offset = block.raw_offset(index)
        assert raw[offset : offset + len(word)] == word


def test_pipe_tables() -> None:
    raw = "| Force | Arrests |\n|:------|-------:|\n| **Staffs** | 11 |\n| | 4 |\n| a \\| b | `5` |\n\nAfter."
    blocks = parse_document(raw, "x.md").blocks
    rows = [block for block in blocks if block.kind is BlockKind.ROW]
    assert [cell_texts(row) for row in rows] == [
        ["Force", "Arrests"],
        ["Staffs", "11"],
        ["", "4"],
        ["a | b", "5"],
    ]
    assert rows[2].text == "4"
    assert [cell.header for cell in rows[0].cells] == [True, True]
    assert blocks[-1].text == "After."


def test_each_table_has_its_own_index() -> None:
    raw = "a | b\n--|--\n1 | 2\n\nText.\n\n| c |\n|---|\n| 3 |\n"
    rows = [block for block in parse_document(raw, "x.md").blocks if block.kind is BlockKind.ROW]
    assert [(row.text, row.table) for row in rows] == [("a b", 0), ("1 2", 0), ("c", 1), ("3", 1)]


def test_a_pipe_without_a_delimiter_row_is_prose() -> None:
    assert kinds_and_texts("Either this | or that.\nSecond line.") == [
        ("paragraph", 0, "Either this | or that. Second line.")
    ]


def test_table_cells_exclude_pipes_and_spaces() -> None:
    raw = "|  Force  | 96 |"
    assert [
        (raw[start:end], raw[separator]) for start, end, separator in table_cells(raw, 0, len(raw))
    ] == [
        ("Force", "|"),
        ("96", "|"),
    ]
    bare = "Force | 96"
    assert [bare[start:end] for start, end, _ in table_cells(bare, 0, len(bare))] == ["Force", "96"]


def test_the_corpus_markdown_has_no_markup_left() -> None:
    for name in (
        "keystone_alliance_warrants_2022.md",
        "npcc_sceptre_november_2021.md",
        "which_recycling_rates_2009.md",
    ):
        document = read_document(corpus_file(name))
        for block in document.blocks:
            assert not block.text.startswith(("#", "- ", "|", "---"))
