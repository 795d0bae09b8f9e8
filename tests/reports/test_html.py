"""The HTML report, rendered from real runs and read back with the stdlib HTML parser."""

from __future__ import annotations

import dataclasses
import re
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checks.model import COMPARABLE_KINDS, RunResult
from checks.pipeline import check_paths
from checks.reports import html
from tests.conftest import EXPECTATIONS, SAFENET_2017, SAFENET_2021, SEEDS

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_ATTRIBUTE = '"><img src=x onerror=alert(2)>'


class ReportPage(HTMLParser):
    """The parts of a rendered report the tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.ids: dict[str, dict[str, str]] = {}
        self.hrefs: list[str] = []
        self.lines: dict[str, str] = {}  # line id -> the text shown
        self.marks: dict[str, tuple[dict[str, str], str]] = {}  # mark id -> (attributes, text)
        self.tables: dict[str, list[list[str]]] = {}  # table class -> rows of cell texts
        self.blocks: dict[str, str] = {}  # id of a finding or coverage section -> its text
        self._line: str | None = None
        self._in_source = False
        self._mark: tuple[str, dict[str, str]] | None = None
        self._mark_text: list[str] = []
        self._table: str | None = None
        self._cell: list[str] | None = None
        self._open_blocks: list[tuple[str, int]] = []  # (id, div depth at its start)
        self._depth = 0
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {name: value or "" for name, value in attributes}
        classes = attrs.get("class", "").split()
        self.tags[tag] += 1
        if "id" in attrs:
            assert attrs["id"] not in self.ids, f"duplicate id {attrs['id']}"
            self.ids[attrs["id"]] = attrs
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "div":
            self._depth += 1
            if "line" in classes:
                self._line = attrs["id"]
                self.lines[self._line] = ""
            if "finding" in classes or "coverage" in classes:
                self._open_blocks.append((attrs.get("id", f"coverage-{len(self.blocks)}"),
                                          self._depth))
                self.blocks[self._open_blocks[-1][0]] = ""
        elif tag == "span" and "src" in classes:
            self._in_source = True
        elif tag == "mark" and self._in_source:
            self._mark = (attrs.get("id", f"anonymous-{len(self.marks)}"), attrs)
            self._mark_text = []
        elif tag == "table":
            self._table = classes[0] if classes else "table"
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._table:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            if self._open_blocks and self._open_blocks[-1][1] == self._depth:
                self._open_blocks.pop()
            self._depth -= 1
            self._line = None
        elif tag == "span" and self._in_source:
            self._in_source = False
        elif tag == "mark" and self._mark:
            self.marks[self._mark[0]] = (self._mark[1], "".join(self._mark_text))
            self._mark = None
        elif tag in ("td", "th") and self._cell is not None and self._table:
            self.tables[self._table][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._in_source and self._line:
            self.lines[self._line] += data
        if self._mark:
            self._mark_text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        for block, _ in self._open_blocks:
            self.blocks[block] += data

    def line_texts(self, slug: str) -> list[str]:
        """Return the text of a document's numbered lines, checking they run 1, 2, 3, ..."""
        numbered = {int(k.rsplit("-L", 1)[1]): v for k, v in self.lines.items()
                    if k.startswith(f"{slug}-L")}
        assert sorted(numbered) == list(range(1, len(numbered) + 1))
        return [numbered[n] for n in range(1, len(numbered) + 1)]


def slug(path: Path | str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(path).lower()).strip("-")


def raw_lines(path: Path) -> list[str]:
    """Return a file's lines as figcheck numbers them: split at LF, CR dropped before it."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


@pytest.fixture(scope="module")
def seeds_result() -> RunResult:
    return check_paths([SEEDS], [EXPECTATIONS])


@pytest.fixture(scope="module")
def seeds_html(seeds_result: RunResult) -> str:
    return html.render(seeds_result)


@pytest.fixture(scope="module")
def seeds_page(seeds_html: str) -> ReportPage:
    return ReportPage(seeds_html)


# --------------------------------------------------------------------------- the seeds


@pytest.mark.parametrize("path", [SAFENET_2017, SAFENET_2021], ids=["2017", "2021"])
def test_every_line_is_shown_with_its_number_in_the_file(seeds_page: ReportPage, path: Path) -> None:
    assert seeds_page.line_texts(slug(path)) == raw_lines(path)


def test_markdown_source_is_shown_as_written(seeds_page: ReportPage) -> None:
    shown = seeds_page.line_texts(slug(SAFENET_2021))
    assert shown[0] == "```yaml"  # front matter is part of the file, so of the listing


@pytest.mark.parametrize(
    ("line", "code", "severity", "words"),
    [
        (39, "FC102", "error", ["missing", "593 investigations", "Likely fix", "117 warrants"]),
        (8, "FC201", "error", ["date", "Wednesday, not a Thursday"]),
        (40, "FC202", "error", ["truncated", "491 children"]),
        (27, "FC202", "warning", ["stops in the middle of a sentence"]),
    ],
)
def test_each_finding_is_anchored_at_its_line(
    seeds_page: ReportPage, line: int, code: str, severity: str, words: list[str]
) -> None:
    anchor = f"f-{slug(SAFENET_2017)}-L{line}"
    text = seeds_page.blocks[anchor]
    assert code in text
    assert f"sev-{severity}" in seeds_page.ids[anchor]["class"].split()
    for word in words:
        assert word in text
    assert f"#{anchor}" in seeds_page.hrefs  # linked from the summary
    assert "has-finding" in seeds_page.ids[f"{slug(SAFENET_2017)}-L{line}"]["class"].split()


def test_related_figures_link_to_their_lines(seeds_html: str, seeds_page: ReportPage) -> None:
    card = seeds_html.split(f'id="f-{slug(SAFENET_2017)}-L39"', 1)[1].split("</div>", 1)[0]
    for line, text, role in [(71, "332", "part"), (77, "144", "part"), (75, "117", "likely mislabelled")]:
        assert f'href="#{slug(SAFENET_2017)}-L{line}"' in card
        assert f"“{text}” line {line}</a> ({role})" in card
    # Every in-page link lands somewhere.
    missing = [href for href in seeds_page.hrefs if href[1:] not in seeds_page.ids]
    assert missing == []


def test_summary_table_counts_per_document(seeds_page: ReportPage, seeds_result: RunResult) -> None:
    rows = seeds_page.tables["summary"]
    assert rows[0] == ["Document", "Published", "Figures", "Checked", "Errors", "Warnings", "Info"]
    figures_2017 = len(seeds_result.figures_of(str(SAFENET_2017)))
    checked_2017 = sum(1 for f in seeds_result.figures_of(str(SAFENET_2017)) if f.id in seeds_result.checked)
    assert rows[1] == [str(SAFENET_2017), "2017-02-01", str(figures_2017), str(checked_2017), "3", "3", "0"]
    assert rows[2][:2] == [str(SAFENET_2021), "2021-03-26"]
    assert rows[2][4:] == ["0", "0", "0"]
    assert rows[3] == ["Total (2 documents)", str(len(seeds_result.figures)),
                       str(len(seeds_result.checked)), "3", "3", "0"]


def test_totals_by_rule(seeds_page: ReportPage) -> None:
    assert seeds_page.tables["rules"][1:] == [
        ["missing", "FC102", "1", "1", "0", "0"],
        ["date", "FC201", "1", "1", "0", "0"],
        ["truncated", "FC202", "4", "1", "3", "0"],
    ]


def test_figures_are_marked_with_kind_coverage_and_tooltip(seeds_page: ReportPage,
                                                            seeds_result: RunResult) -> None:
    written = [f for f in seeds_result.figures if f.kind.value != "listed"]
    assert written
    for figure in written:
        attributes, text = seeds_page.marks[f"fig-{figure.id}"]
        classes = attributes["class"].split()
        assert text == figure.text
        assert f"k-{figure.kind.value}" in classes
        if figure.kind in COMPARABLE_KINDS:
            expected = "checked" if figure.id in seeds_result.checked else "unchecked"
            assert expected in classes, (figure, classes)
        for label in ("noun:", "metric:", "entity:", "scope:"):
            assert label in attributes["title"]
        assert attributes["title"].startswith(f"{figure.kind.value}: ")


def test_a_figure_not_written_in_the_text_shows_as_a_badge(seeds_page: ReportPage,
                                                           seeds_result: RunResult) -> None:
    listed = [f for f in seeds_result.figures if f.kind.value == "listed"]
    assert listed
    for figure in listed:
        attributes, text = seeds_page.marks[f"fig-{figure.id}"]
        assert text == ""
        assert attributes["data-badge"] == figure.text


def test_the_flagged_figure_is_outlined(seeds_page: ReportPage) -> None:
    flagged = [(a, t) for a, t in seeds_page.marks.values() if "flagged" in a["class"].split()]
    assert ("593", "sev-error") in {(t, c) for a, t in flagged for c in a["class"].split() if c.startswith("sev-")}


def test_a_finding_about_words_underlines_them(seeds_page: ReportPage) -> None:
    spans = [t for a, t in seeds_page.marks.values() if "finding-span" in a["class"].split()]
    assert "this morning (Thurs)" in spans


def test_coverage_lists_the_quantities_no_check_compared(seeds_page: ReportPage,
                                                         seeds_result: RunResult) -> None:
    coverage = [text for key, text in seeds_page.blocks.items() if key.startswith("coverage-")]
    assert len(coverage) == 2
    first = " ".join(coverage[0].split())
    figures = seeds_result.figures_of(str(SAFENET_2017))
    checked = sum(1 for f in figures if f.id in seeds_result.checked)
    assert f"{len(figures)} figures read, {checked} compared by a check" in first
    assert "line 75: “117” (count" in first
    assert "line 30: “three”" in first
    assert f"#{slug(SAFENET_2017)}-L75" in seeds_page.hrefs
    unchecked = [f for f in figures if f.kind in COMPARABLE_KINDS and f.id not in seeds_result.checked]
    assert first.count("line ") == len(unchecked)


def test_the_page_is_self_contained(seeds_html: str, seeds_page: ReportPage) -> None:
    assert not {"script", "link", "img", "iframe", "object", "embed", "base"} & set(seeds_page.tags)
    assert all(href.startswith("#") for href in seeds_page.hrefs)
    assert "url(" not in seeds_html
    assert "@import" not in seeds_html
    assert "Content-Security-Policy" in seeds_html and "default-src 'none'" in seeds_html


def test_rendering_is_deterministic(seeds_result: RunResult, seeds_html: str) -> None:
    assert html.render(seeds_result) == seeds_html


# --------------------------------------------------------------------------- hostile and odd documents


def run(tmp_path: Path, files: dict[str, str | bytes]) -> RunResult:
    for name, content in files.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return check_paths([tmp_path], [EXPECTATIONS])


HOSTILE_TEXT = (
    "Officers arrested 26 people, of whom 29 have been charged.\n\n"
    f"The force said {HOSTILE_SCRIPT} and the {HOSTILE_ATTRIBUTE} of\n"
)
HOSTILE_HTML = (
    "<html><body><article>\n<h1>Release</h1>\n"
    f"<p>Officers arrested 12 people, of whom 15 have been charged. {HOSTILE_SCRIPT}</p>\n"
    f"<p>Police said {HOSTILE_ATTRIBUTE} then safeguarded 491</p>\n"
    "</article></body></html>\n"
)


def assert_no_markup_from(rendered: str, page: ReportPage) -> None:
    assert "<script" not in rendered.lower()
    assert "<img" not in rendered.lower()
    assert page.tags["script"] == page.tags["img"] == page.tags["article"] == 0


def test_hostile_text_shows_as_text(tmp_path: Path) -> None:
    result = run(tmp_path, {"hostile.txt": HOSTILE_TEXT})
    rendered = html.render(result)
    page = ReportPage(rendered)

    assert_no_markup_from(rendered, page)
    assert page.line_texts(slug(tmp_path / "hostile.txt"))[2] == HOSTILE_TEXT.splitlines()[2]
    assert "&lt;script&gt;alert(" in rendered  # the 1 inside is marked as a figure
    # The truncation finding quotes the hostile words: its message is escaped too.
    messages = [text for key, text in page.blocks.items() if key.startswith("f-")]
    assert any(HOSTILE_ATTRIBUTE in text for text in messages)


def test_html_documents_show_their_source_not_their_rendering(tmp_path: Path) -> None:
    result = run(tmp_path, {"hostile.html": HOSTILE_HTML})
    rendered = html.render(result)
    page = ReportPage(rendered)

    assert_no_markup_from(rendered, page)
    assert page.line_texts(slug(tmp_path / "hostile.html")) == HOSTILE_HTML.splitlines()
    assert "&lt;article&gt;" in rendered
    assert [f.code for f in result.findings] == ["FC104", "FC202"]
    assert page.marks[f"fig-{result.figures[0].id}"][1] == result.figures[0].text


@pytest.mark.parametrize(
    "field",
    ["message", "hint", "check", "path"],
)
def test_finding_fields_are_escaped(seeds_result: RunResult, field: str) -> None:
    hostile = f"{HOSTILE_SCRIPT} {HOSTILE_ATTRIBUTE} & | `x`"
    finding = seeds_result.findings[0]
    changed = dataclasses.replace(finding, **{field: hostile})
    rendered = html.render(dataclasses.replace(seeds_result, findings=(changed,)))
    page = ReportPage(rendered)

    assert page.tags["script"] == 0 and page.tags["img"] == 0
    assert "&lt;script&gt;" in rendered
    assert any(hostile in text for text in page.blocks.values())


def test_a_hostile_file_name_is_escaped(tmp_path: Path) -> None:
    name = f"x{HOSTILE_ATTRIBUTE}.txt"
    result = run(tmp_path, {name: HOSTILE_TEXT})
    rendered = html.render(result)
    page = ReportPage(rendered)

    assert page.tags["img"] == 0
    assert str(tmp_path / name) in page.tables["summary"][1][0]
    assert all(re.fullmatch(r"[a-zA-Z0-9-]+", key) for key in page.ids)


def test_crlf_and_stray_control_characters(tmp_path: Path) -> None:
    text = "Officers arrested 12 people\r\nand charged 5 of them.\r\n\r\nA lone\rcarriage return and a\x07bell, then 7 arrests.\r\n"
    result = run(tmp_path, {"crlf.txt": text.encode("utf-8")})
    page = ReportPage(html.render(result))

    lines = page.line_texts(slug(tmp_path / "crlf.txt"))
    assert lines == ["Officers arrested 12 people", "and charged 5 of them.", "",
                     "A lone\u240dcarriage return and a\u2407bell, then 7 arrests."]
    for figure in result.figures:
        if figure.kind.value != "listed":
            assert page.marks[f"fig-{figure.id}"][1] == figure.text


def test_a_very_long_line_is_kept_whole(tmp_path: Path) -> None:
    # 112,000 characters on one line, figures at both ends.
    words = ("Officers arrested 12 people and charged 5 of them. "
             + "The operation continued across the region without pause " * 2000
             + "Police charged 3 men.")
    result = run(tmp_path, {"long.txt": words + "\n"})
    rendered = html.render(result)
    page = ReportPage(rendered)

    assert page.line_texts(slug(tmp_path / "long.txt")) == [words]
    assert [page.marks[f"fig-{f.id}"][1] for f in result.figures] == ["12", "5", "3"]
    assert "overflow-wrap: anywhere" in rendered  # long lines wrap instead of widening the page


def test_a_document_without_figures(tmp_path: Path) -> None:
    result = run(tmp_path, {"plain.txt": "Nothing counted here.\n"})
    rendered = html.render(result)
    page = ReportPage(rendered)

    assert page.line_texts(slug(tmp_path / "plain.txt")) == ["Nothing counted here."]
    assert "No findings." in rendered
    assert "0 figures read, 0 compared by a check." in rendered
    assert "No problems found in 1 document (0 figures)." in rendered


def test_paths_that_slug_alike_get_distinct_anchors(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    result = run(tmp_path, {"a/b.txt": "Officers arrested 12 people.\n", "a-b.txt": "Officers charged 5 people.\n"})
    page = ReportPage(html.render(result))

    document_anchors = sorted(key for key in page.ids if key.startswith("doc-"))
    assert len(document_anchors) == 2
    assert len({key.removeprefix("doc-") for key in document_anchors}) == 2


def test_ten_thousand_lines_render_quickly(tmp_path: Path) -> None:
    seed = raw_lines(SAFENET_2017)
    lines = (seed * (10_000 // len(seed) + 1))[:10_000]
    result = run(tmp_path, {"big.txt": "\r\n".join(lines) + "\r\n"})
    assert len(result.findings) > 100

    started = time.perf_counter()
    rendered = html.render(result)
    elapsed = time.perf_counter() - started
    page = ReportPage(rendered)

    assert elapsed < 5.0, f"rendering took {elapsed:.2f} s"
    assert page.line_texts(slug(tmp_path / "big.txt")) == lines
    assert sum(1 for key in page.ids if key.startswith("f-")) == len(result.findings)
