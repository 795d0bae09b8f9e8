"""The Markdown report, rendered from real runs."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from checks.model import RunResult
from checks.pipeline import check_paths
from checks.reports import markdown
from tests.conftest import EXPECTATIONS, SAFENET_2017, SAFENET_2021, SEEDS

# A pipe not preceded by a backslash separates table cells.
CELL_SEPARATOR = re.compile(r"(?<!\\)\|")


@pytest.fixture(scope="module")
def seeds_result() -> RunResult:
    return check_paths([SEEDS], [EXPECTATIONS])


@pytest.fixture(scope="module")
def seeds_markdown(seeds_result: RunResult) -> str:
    return markdown.render(seeds_result)


def table_rows(text: str) -> list[list[str]]:
    """Return the cells of every table row in ``text``."""
    return [[cell.strip() for cell in CELL_SEPARATOR.split(line)[1:-1]]
            for line in text.splitlines() if line.startswith("| ")]


def test_heading_gives_the_verdict(seeds_markdown: str) -> None:
    assert seeds_markdown.splitlines()[0] == (
        "### figcheck: Found 3 errors, 3 warnings in 2 documents (51 figures).")


def test_summary_table(seeds_markdown: str, seeds_result: RunResult) -> None:
    rows = table_rows(seeds_markdown)
    assert rows[0] == ["Document", "Published", "Figures", "Checked", "Errors", "Warnings"]
    figures = seeds_result.figures_of(str(SAFENET_2017))
    checked = sum(1 for f in figures if f.id in seeds_result.checked)
    assert rows[2] == [str(SAFENET_2017), "2017-02-01", str(len(figures)), str(checked), "3", "3"]
    assert rows[3][:2] == [str(SAFENET_2021), "2021-03-26"]
    assert rows[4] == ["**Total**", "", str(len(seeds_result.figures)),
                       str(len(seeds_result.checked)), "3", "3"]


def test_totals_by_rule(seeds_markdown: str) -> None:
    assert "By rule: missing `FC102` ×1 · date `FC201` ×1 · truncated `FC202` ×4" in seeds_markdown


@pytest.mark.parametrize(
    ("line", "code", "severity", "hint_words"),
    [
        (39, "`FC102`", "**error**", "117 warrants"),
        (8, "`FC201`", "**error**", "write Wednesday"),
        (27, "`FC202`", "warning", "Restore the end of the sentence"),
    ],
)
def test_findings_are_rows_with_location_code_severity_message_and_hint(
    seeds_markdown: str, line: int, code: str, severity: str, hint_words: str
) -> None:
    rows = {row[0]: row for row in table_rows(seeds_markdown)}
    row = rows[f"{SAFENET_2017}:{line}"]
    assert row[1:3] == [code, severity]
    assert row[3]  # the message
    assert hint_words in row[4]


def test_findings_are_grouped_under_their_file(seeds_markdown: str) -> None:
    section_2017 = seeds_markdown.split(f"#### {SAFENET_2017}\n", 1)[1].split("####", 1)[0]
    section_2021 = seeds_markdown.split(f"#### {SAFENET_2021}\n", 1)[1]
    assert section_2017.count(f"| {SAFENET_2017}:") == 6
    assert "No findings." in section_2021


def test_a_coverage_line_per_document(seeds_markdown: str, seeds_result: RunResult) -> None:
    coverage = [line for line in seeds_markdown.splitlines() if line.startswith("Coverage: ")]
    assert len(coverage) == 2
    figures = seeds_result.figures_of(str(SAFENET_2017))
    checked = sum(1 for f in figures if f.id in seeds_result.checked)
    assert coverage[0].startswith(f"Coverage: {len(figures)} figures read, {checked} compared by a check; not compared: ")
    assert 'line 75 "117"' in coverage[0]


def test_every_table_row_has_the_columns_of_its_header(seeds_markdown: str) -> None:
    for block in seeds_markdown.split("\n\n"):
        rows = table_rows(block)
        if rows:
            assert {len(row) for row in rows} == {len(rows[0])}, block


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a | b", r"a \| b"),
        ("`code`", r"\`code\`"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('"><img src=x onerror=alert(2)>', '"&gt;&lt;img src=x onerror=alert(2)&gt;'),
        ("[link](http://example.invalid)", r"\[link\](http://example.invalid)"),
        ("*bold* _it_ ~x~", r"\*bold\* \_it\_ \~x\~"),
        ("back\\slash", "back\\\\slash"),
        ("AT&amp;T", "AT&amp;amp;T"),
        ("two\nlines\r\n", "two lines"),
        ("ask @someone", "ask @\u200bsomeone"),
    ],
)
def test_escape(text: str, escaped: str) -> None:
    assert markdown.escape(text) == escaped


@pytest.mark.parametrize("field", ["message", "hint", "path"])
def test_finding_text_cannot_break_the_table(seeds_result: RunResult, field: str) -> None:
    hostile = "a | b `c` <script>alert(1)</script>\n| --- |"
    changed = dataclasses.replace(seeds_result.findings[0], **{field: hostile})
    rendered = markdown.render(dataclasses.replace(seeds_result, findings=(changed,)))

    assert "<script>" not in rendered
    assert "`c`" not in rendered
    rows = [row for row in table_rows(rendered) if "alert" in " ".join(row)]
    assert rows and all(len(row) == 5 for row in rows)


def test_quoted_document_text_is_escaped(tmp_path: Path) -> None:
    text = "Officers arrested 26 people, of whom 29 have been charged.\n\nThe force said <b>|</b> `x` and the of\n"
    (tmp_path / "hostile.txt").write_text(text)
    result = check_paths([tmp_path], [EXPECTATIONS])
    rendered = markdown.render(result)

    assert {f.code for f in result.findings} == {"FC104", "FC202"}
    assert "<b>" not in rendered and "`x`" not in rendered
    assert r"&lt;b&gt;\|&lt;/b&gt; \`x\`" in rendered
    assert all(len(row) == 5 for row in table_rows(rendered)[5:])


def test_a_clean_run(tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text("Officers arrested 12 people and charged 5 of them.\n")
    rendered = markdown.render(check_paths([tmp_path], [EXPECTATIONS]))

    assert rendered.startswith("### figcheck: No problems found in 1 document (2 figures).")
    assert "By rule" not in rendered
    assert "No findings." in rendered


def test_many_findings_are_cut_with_a_note(seeds_result: RunResult) -> None:
    many = seeds_result.findings * 30
    rendered = markdown.render(dataclasses.replace(seeds_result, findings=many))
    finding_rows = [row for row in table_rows(rendered) if row[0].startswith(f"{SAFENET_2017}:")]

    assert len(finding_rows) == markdown.MAX_FINDINGS
    assert f"… {len(many) - markdown.MAX_FINDINGS} more findings in this file not shown." in rendered
    assert f"Showing {markdown.MAX_FINDINGS} of {len(many)} findings" in rendered
