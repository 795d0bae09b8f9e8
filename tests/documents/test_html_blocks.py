"""Tests for reading HTML pages into blocks: the article text, not the site."""

from __future__ import annotations

from datetime import date

import pytest
from document_examples import corpus_file

from checks.documents import parse_document, read_document
from checks.model import Block, BlockKind, Document

FURNITURE_WORDS = (
    "Share",
    "Facebook",
    "Twitter",
    "Home",
    "Privacy",
    "More local news",
    "Roadworks",
    "rights reserved",
)


def blocks_of(raw: str) -> list[tuple[str, int, str]]:
    return [
        (block.kind.value, block.level, block.text)
        for block in parse_document(raw, "x.html").blocks
    ]


def cell_texts(block: Block) -> list[str]:
    return [block.text[cell.start : cell.end] for cell in block.cells]


def line_of(document: Document, block: Block) -> int:
    return document.position(block.raw_offset(0))[0]


def test_hampshire_article_without_the_page_around_it() -> None:
    document = read_document(corpus_file("hampshire_op_solar_2012.html"))
    texts = [block.text for block in document.blocks]
    for word in FURNITURE_WORDS:
        assert not any(word in text for text in texts), word
    assert document.title == "Summer drink-drive arrests fall by a fifth | South Coast News"
    heading = document.blocks[0]
    assert (heading.kind, heading.level, heading.text) == (
        BlockKind.HEADING,
        1,
        "Summer drink-drive arrests fall by a fifth",
    )
    paragraphs = [block for block in document.blocks if block.kind is BlockKind.PARAGRAPH]
    assert [line_of(document, block) for block in paragraphs] == [
        12,
        13,
        14,
        15,
        16,
        17,
        18,
        20,
        21,
        22,
    ]
    for block in paragraphs[1:]:
        first, last = block.raw_offset(0), block.raw_offset(len(block.text) - 1)
        assert document.position(first)[1] == 4, "text starts after <p>"
        assert document.raw[last + 1 : last + 5] == "</p>"
    subheading = next(block for block in document.blocks if block.level == 2)
    assert (subheading.text, line_of(document, subheading)) == ("Where the arrests were made", 19)


def test_an_article_figure_maps_to_its_line_and_column() -> None:
    document = read_document(corpus_file("hampshire_op_solar_2012.html"))
    block = next(block for block in document.blocks if "Eastern Area" in block.text)
    index = block.text.index("124 people")
    assert document.position(block.raw_offset(index)) == (21, 24)


def test_keystone_2021_table_rows_with_header_cells() -> None:
    document = read_document(corpus_file("keystone_update_2021.html"))
    rows = [block for block in document.blocks if block.kind is BlockKind.ROW]
    assert len(rows) == 5
    assert {row.table for row in rows} == {0}
    assert [line_of(document, row) for row in rows] == [18, 19, 20, 21, 22]
    header, *body = rows
    assert cell_texts(header) == [
        "Since launch",
        "Investigations",
        "Warrants",
        "Arrests",
        "Charged",
        "Children safeguarded",
    ]
    assert all(cell.header for cell in header.cells)
    assert cell_texts(body[-1]) == ["Region", "803", "522", "467", "311", "604"]
    assert not any(cell.header for row in body for cell in row.cells)
    region = body[-1]
    cell = region.cells[1]
    assert document.raw[region.raw_offset(cell.start) : region.raw_end(cell.end)] == "803"
    levels = [
        (block.level, block.text) for block in document.blocks if block.kind is BlockKind.HEADING
    ]
    assert levels == [
        (1, "Operation Keystone: more than 600 children safeguarded"),
        (2, "The last 12 months"),
        (3, "Staffordshire"),
        (3, "West Midlands"),
        (3, "Warwickshire and West Mercia"),
    ]


def test_list_items_of_the_week_of_action() -> None:
    document = read_document(corpus_file("keystone_week_of_action_2023.html"))
    items = [block for block in document.blocks if block.kind is BlockKind.ITEM]
    assert len(items) == 11
    assert items[0].text == "Staffordshire Police: 9 warrants, 7 arrests, 5 children safeguarded"
    assert [line_of(document, item) for item in items] == [*range(19, 22), *range(25, 33)]


@pytest.mark.parametrize(
    "name",
    [
        "frm_fire_statistics_2018.html",
        "hampshire_op_solar_2012.html",
        "keystone_staffordshire_2022.html",
        "keystone_update_2021.html",
        "keystone_week_of_action_2023.html",
        "midlands_deliberate_fires_2020.html",
    ],
)
def test_no_corpus_page_leaks_navigation_share_or_footer(name: str) -> None:
    document = read_document(corpus_file(name))
    raw_lines = document.raw.splitlines()
    article_lines = {
        number
        for number, line in enumerate(raw_lines, start=1)
        if "<article" in line
        or any(tag in line for tag in ("<h1", "<h2", "<h3", "<p", "<li", "<tr", "<table"))
    }
    for block in document.blocks:
        line = line_of(document, block)
        assert line in article_lines
        assert not any(
            word in block.text
            for word in ("Share", "Privacy", "Accessibility", "Subscribe", "Advertise")
        )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "<p>Fish &amp; chips &middot; it&rsquo;s &#8217; &#x2019;</p>",
            [("paragraph", 0, "Fish & chips \u00b7 it\u2019s \u2019 \u2019")],
        ),
        ("<p>Unknown &bogus; and &copy</p>", [("paragraph", 0, "Unknown &bogus; and \u00a9")]),
        ("<p>a<br>b<br/>c</br>d</p>", [("paragraph", 0, "a b c d")]),
        ("<p>  spaced\n\n   out\t text </p>", [("paragraph", 0, "spaced out text")]),
        ("<p>in<b>line</b> <i>tags</i></p>", [("paragraph", 0, "inline tags")]),
        (
            "<h1>One</h1><h2>Two</h2><h6>Six</h6>",
            [("heading", 1, "One"), ("heading", 2, "Two"), ("heading", 6, "Six")],
        ),
        (
            "<ul><li>a<li>b<ul><li>c</ul>tail</ul>",
            [("item", 0, "a"), ("item", 0, "b"), ("item", 0, "c"), ("item", 0, "tail")],
        ),
        ("<ol><li><p>para in item</p></li></ol>", [("item", 0, "para in item")]),
        (
            "<div>loose <div>nested</div> after</div>",
            [("paragraph", 0, "loose"), ("paragraph", 0, "nested"), ("paragraph", 0, "after")],
        ),
        (
            "<blockquote>Quote</blockquote><pre>pre\n  text</pre><dl><dt>T</dt><dd>D</dd></dl>",
            [
                ("paragraph", 0, "Quote"),
                ("paragraph", 0, "pre text"),
                ("paragraph", 0, "T"),
                ("paragraph", 0, "D"),
            ],
        ),
        (
            "<figure><img src=x alt=y><figcaption>Caption</figcaption></figure>",
            [("paragraph", 0, "Caption")],
        ),
        ("plain words, no tags", [("paragraph", 0, "plain words, no tags")]),
    ],
    ids=[
        "entities",
        "unknown-entity",
        "br",
        "whitespace",
        "inline",
        "headings",
        "implied-li-close",
        "p-in-li",
        "div-boundaries",
        "blockquote-pre-dl",
        "figcaption",
        "no-tags",
    ],
)
def test_html_blocks(raw: str, expected: list[tuple[str, int, str]]) -> None:
    assert blocks_of(raw) == expected


def test_entities_map_to_their_ampersand() -> None:
    raw = "<p>Fish &amp; chips &#8217;s</p>"
    (block,) = parse_document(raw, "x.html").blocks
    for char, entity in (("&", "&amp;"), ("\u2019", "&#8217;")):
        offset = block.raw_offset(block.text.index(char))
        assert raw.startswith(entity, offset)


@pytest.mark.parametrize(
    ("raw", "kept", "dropped"),
    [
        (
            "<body><nav>Menu</nav><p>Body</p><footer>Foot</footer></body>",
            ["Body"],
            ["Menu", "Foot"],
        ),
        (
            "<body><header>Site</header><aside>Side</aside><p>Body</p></body>",
            ["Body"],
            ["Site", "Side"],
        ),
        ("<body><main><p>Main</p></main><p>Outside</p></body>", ["Main"], ["Outside"]),
        ("<body><article><p>Story</p></article><p>Outside</p></body>", ["Story"], ["Outside"]),
        (
            "<article><header><h1>Title</h1></header><p>Story</p><footer>Byline</footer></article>",
            ["Title", "Story", "Byline"],
            [],
        ),
        (
            "<aside><article><p>Teaser</p></article></aside><article><p>Story</p></article>",
            ["Story"],
            ["Teaser"],
        ),
        (
            "<body><div class='social-links'>S</div><div id='cookie-banner'>C</div><p class='Promo'>P</p><p>Kept</p></body>",
            ["Kept"],
            ["S", "C", "P"],
        ),
        (
            "<body><script>var x = '<p>no</p>';</script><style>p {}</style><noscript>N</noscript><p>Kept</p></body>",
            ["Kept"],
            ["no", "N", "p {}"],
        ),
        (
            "<body><form><p>Search</p><button>Go</button></form><template>T</template><svg><text>V</text></svg><p>Kept</p></body>",
            ["Kept"],
            ["Search", "Go", "T", "V"],
        ),
        ("<body><p hidden>Hidden</p><p>Kept</p></body>", ["Kept"], ["Hidden"]),
    ],
    ids=[
        "nav-footer",
        "header-aside",
        "main",
        "article",
        "furniture-inside-article",
        "article-in-aside",
        "class-and-id",
        "script-style",
        "form-template-svg",
        "hidden",
    ],
)
def test_content_root_and_skipped_furniture(raw: str, kept: list[str], dropped: list[str]) -> None:
    texts = [block.text for block in parse_document(raw, "x.html").blocks]
    assert texts == kept
    for word in dropped:
        assert not any(word in text for text in texts)


def test_title_is_not_a_block() -> None:
    document = parse_document(
        "<html><head><title> Fish &amp;\n chips </title></head><body><p>Body</p></body></html>",
        "x.html",
    )
    assert document.title == "Fish & chips"
    assert [block.text for block in document.blocks] == ["Body"]


def test_tables_rows_cells_and_indexes() -> None:
    raw = (
        "<table><thead><tr><th>Force</th><th>Arrests</th></tr></thead>"
        "<tbody><tr><td>Staffs <b>Police</b></td><td>11</td></tr><tr><td></td><td>4</td></tr></tbody></table>"
        "<p>Between</p>"
        "<table><tr><td>Second<br>table</td><td><p>x</p><p>y</p></td></tr></table>"
    )
    blocks = parse_document(raw, "x.html").blocks
    rows = [block for block in blocks if block.kind is BlockKind.ROW]
    assert [(cell_texts(row), row.table) for row in rows] == [
        (["Force", "Arrests"], 0),
        (["Staffs Police", "11"], 0),
        (["", "4"], 0),
        (["Second table", "x y"], 1),
    ]
    assert [cell.header for cell in rows[0].cells] == [True, True]
    assert [block.text for block in blocks if block.kind is BlockKind.PARAGRAPH] == ["Between"]


def test_implied_row_and_cell_ends() -> None:
    rows = parse_document("<table><tr><th>A<th>B<tr><td>1<td>2</table>", "x.html").blocks
    assert [cell_texts(row) for row in rows] == [["A", "B"], ["1", "2"]]


@pytest.mark.parametrize(
    "raw",
    [
        "<p>Unclosed <b>bold <i>italic",
        "</div></div><p>stray ends</p></span></p>",
        "<div><p>a<div>b</p></div>",
        "<p>attr <a href='x\">broken</a>",
        "<<<>>> < p > &&& &#; &#xZZ; <!-- unclosed comment",
        "<table><td>cell without row</td></table><tr><td>row without table</td></tr>",
        "<html><body><p>one</body></html><p>after html",
        "<![CDATA[ x ]]><?php echo 1; ?><!DOCTYPE html><p>ok</p>",
        "<div>" * 5000 + "deep" + "</div>" * 10,
    ],
    ids=[
        "unclosed",
        "stray",
        "misnested",
        "broken-attr",
        "junk",
        "table-fragments",
        "after-html",
        "odd-markup",
        "deep",
    ],
)
def test_malformed_html_does_not_raise(raw: str) -> None:
    document = parse_document(raw, "x.html")
    for block in document.blocks:
        assert block.text
        assert "\n" not in block.text


def test_malformed_html_keeps_the_text() -> None:
    assert blocks_of("</div><p>stray ends</p></span>") == [("paragraph", 0, "stray ends")]
    assert blocks_of("<p>Unclosed <b>bold <i>italic") == [("paragraph", 0, "Unclosed bold italic")]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<meta property="article:published_time" content="2021-04-21T09:00:00+01:00">',
            date(2021, 4, 21),
        ),
        ('<meta name="date" content="2019-03-14">', date(2019, 3, 14)),
        ('<meta name="DC.date" content="14/03/2019">', date(2019, 3, 14)),
        ('<meta itemprop="datePublished" content="2018-01-02">', date(2018, 1, 2)),
    ],
)
def test_published_from_meta(head: str, expected: date) -> None:
    document = parse_document(
        f"<html><head>{head}</head><body><p>Published 1 January 2000</p></body></html>", "x.html"
    )
    assert document.published == expected
    assert document.metadata["published_from"] == "html meta"
    assert document.metadata["meta"]


def test_published_from_a_time_element() -> None:
    document = parse_document(
        '<article><time datetime="2022-04-11">11 April</time><p>Text</p></article>', "x.html"
    )
    assert document.published == date(2022, 4, 11)
    assert document.metadata["published_from"] == "html meta"


def test_published_from_a_date_paragraph() -> None:
    document = read_document(corpus_file("keystone_staffordshire_2022.html"))
    assert document.published == date(2022, 4, 11)
    assert document.metadata["published_from"] == "dateline"
    assert document.blocks[1].text == "Monday 11 April 2022"
