"""Inline suppressions: parsing the comments, and what they silence in real runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checks.documents import parse_document
from checks.model import Document, Finding, Rule, Severity
from checks.suppress import (
    INVALID_CHECK,
    UNKNOWN_CHECK,
    UNUSED_CHECK,
    Directive,
    apply_suppressions,
    parse_suppressions,
    resolve_code,
)
from tests.conftest import EXPECTATIONS

# A real release (Operation Sceptre knife surrender, 2019) whose total is 30 short of its
# parts: 804 + 1,116 + 420 = 2,340, not 2,310.  FC101 is reported at "2,310".
KNIFE_MD = """\
---
title: "Knife surrender: more than 2,000 weapons handed in"
date: 2019-11-04
---

# Knife surrender: more than 2,000 weapons handed in across the region

Police forces in the West Midlands region have published the results of the two-week knife surrender that ended on Sunday 3 November.

{before}A total of 2,310 knives were placed in surrender bins at police stations.{same} Staffordshire Police received 804, West Midlands Police 1,116 and the Warwickshire and West Mercia alliance 420.

Among the weapons were machetes, zombie knives and a sword. All of them will be destroyed.
"""

KNIFE_HTML = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Knife surrender</title></head>
<body>
<article>
<h1>Knife surrender: more than 2,000 weapons handed in across the region</h1>
<p class="published">Published Monday 4 November 2019</p>
<p>Police forces in the West Midlands region have published the results of the two-week knife surrender that ended on Sunday 3 November.</p>
{before}<p>A total of 2,310 knives were placed in surrender bins at police stations.{same} Staffordshire Police received 804, West Midlands Police 1,116 and the Warwickshire and West Mercia alliance 420.</p>
<p>Among the weapons were machetes, zombie knives and a sword.</p>
</article>
</body>
</html>
"""

TEMPLATES = {"md": KNIFE_MD, "html": KNIFE_HTML}


def release(kind: str, before: str = "", same: str = "") -> str:
    return TEMPLATES[kind].format(before=before, same=same)


def doc(raw: str, name: str = "release.md") -> Document:
    return parse_document(raw, name)


def finding(line: int, column: int = 1, rule: Rule = Rule.SUM, path: str = "release.md") -> Finding:
    return Finding(rule=rule, severity=Severity.ERROR, path=path, line=line, column=column,
                   message=f"{rule.value} at {line}:{column}", check=rule.value)


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("comment", "directive", "codes", "reason"),
    [
        ("<!-- figcheck off -->", Directive.OFF, (), None),
        ("<!-- figcheck on -->", Directive.ON, (), None),
        ("<!-- figcheck disable FC101 -->", Directive.DISABLE, ("FC101",), None),
        ("<!-- figcheck disable FC101,count -->", Directive.DISABLE, ("FC101", "count"), None),
        ("<!-- figcheck disable FC101, FC103 FC104 -->", Directive.DISABLE, ("FC101", "FC103", "FC104"), None),
        ("<!-- figcheck enable sum -->", Directive.ENABLE, ("sum",), None),
        ("<!-- figcheck disable-next-line -->", Directive.DISABLE_NEXT_LINE, (), None),
        ("<!-- figcheck disable-line FC202 -- quoted from the court list -->", Directive.DISABLE_LINE, ("FC202",), "quoted from the court list"),
        ("<!--figcheck disable-file sum -- figures as published by each force-->", Directive.DISABLE_FILE, ("sum",), "figures as published by each force"),
        ("<!-- figcheck off -- -->", Directive.OFF, (), None),
        ("<!--\n  figcheck disable-next-line FC101\n  -- spans lines\n-->", Directive.DISABLE_NEXT_LINE, ("FC101",), "spans lines"),
    ],
)
def test_directives_codes_and_reasons(comment: str, directive: Directive,
                                      codes: tuple[str, ...], reason: str | None) -> None:
    (found,) = parse_suppressions(doc(f"# Title\n\n{comment}\n\nText.\n"))
    assert (found.directive, found.codes, found.reason) == (directive, codes, reason)
    assert (found.line, found.column) == (3, 1)


@pytest.mark.parametrize("name", ["release.md", "release.html"])
def test_positions_are_those_of_the_raw_file(name: str) -> None:
    raw = "line one\n\n  text <!-- figcheck disable-line FC101 --> more\n<!--\nfigcheck off\n-->\n"
    first, second = parse_suppressions(doc(raw, name))
    lines = raw.splitlines()
    assert (first.line, first.column) == (3, 8)
    assert lines[first.line - 1][first.column - 1 :].startswith("<!-- figcheck disable-line")
    assert (first.end_line, first.end_column) == (3, 8 + len("<!-- figcheck disable-line FC101 -->"))
    assert (second.line, second.column, second.end_line, second.end_column) == (4, 1, 6, 4)


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Intro.\n\n```html\n<!-- figcheck off -->\n```\n", "r.md"),
        ("Intro.\n\n~~~~\n<!-- figcheck off -->\n~~~\nstill code\n~~~~\n", "r.md"),
        ("- item\n\n    ```\n    <!-- figcheck off -->\n    ```\n", "r.md"),
        ("> ```\n> <!-- figcheck off -->\n> ```\n", "r.md"),
        ("Write `<!-- figcheck off -->` to silence figcheck.\n", "r.md"),
        ("Write ``a ` <!-- figcheck off --> `` to silence it.\n", "r.md"),
        ("<p>x</p><script>var s = '<!-- figcheck off -->';</script>\n", "r.html"),
        ("<style>/* <!-- figcheck off --> */</style>\n", "r.html"),
        ("<!-- figcheck off -->\n", "r.txt"),  # plain text has no comments
        ("<!-- figchecker off -->\n<!-- not figcheck off -->\n", "r.md"),
        ("<!-- figcheck off\n", "r.md"),  # never closed: not a comment
    ],
)
def test_comments_that_are_text_are_not_suppressions(raw: str, name: str) -> None:
    assert parse_suppressions(doc(raw, name)) == []


def test_comment_after_a_closed_fence_or_code_span_counts() -> None:
    raw = "```\ncode\n```\n\n`code` <!-- figcheck disable-line sum -->\n"
    (found,) = parse_suppressions(doc(raw))
    assert found.line == 5


@pytest.mark.parametrize(
    ("token", "code"),
    [("FC101", "FC101"), ("fc202", "FC202"), ("sum", "FC101"), ("Truncated", "FC202"),
     ("reference", "FC303"), ("FC999", None), ("summ", None), ("", None)],
)
def test_resolve_code(token: str, code: str | None) -> None:
    assert resolve_code(token) == code


# --------------------------------------------------------------------------- applying


OFF, ON = "<!-- figcheck off -->", "<!-- figcheck on -->"


@pytest.mark.parametrize(
    ("lines", "suppressed"),
    [
        # A finding is placed on every line that is not a comment.
        (["a", OFF, "b", "", "c", ON, "d"], {3, 4, 5}),
        (["a", "<!-- figcheck disable sum -->", "b", "c"], {3, 4}),
        (["a", "<!-- figcheck disable FC101 -->", "b", "<!-- figcheck enable FC101 -->", "c"], {3}),
        (["a", "<!-- figcheck disable FC101 -->", "b", "<!-- figcheck enable -->", "c"], {3}),
        (["a", "<!-- figcheck disable-next-line -->", "b", "c"], {3}),
        (["a", "<!-- figcheck disable-next-line FC101 -->", "", "b"], {3}),
        (["a", "b", "<!-- figcheck disable-file sum -->", "c"], {1, 2, 4}),
        (["a", "<!-- figcheck disable-next-line count -->", "b"], set()),
        (["a", "<!-- figcheck disable-file FC103 -->", "b"], set()),
        (["a", OFF, "b", OFF, "c", ON, "d"], {3, 5}),
    ],
)
def test_scopes(lines: list[str], suppressed: set[int]) -> None:
    document = doc("\n".join(lines) + "\n")
    findings = [finding(n) for n, line in enumerate(lines, 1) if not line.startswith("<!--")]
    kept, _ = apply_suppressions([document], findings)
    assert {f.line for f in findings} - {f.line for f in kept} == suppressed


def test_disable_line_covers_only_its_own_line_after_or_before_the_comment() -> None:
    raw = "a\nThe 12 arrests <!-- figcheck disable-line -->\nc\n"
    kept, notes = apply_suppressions([doc(raw)], [finding(1), finding(2, 5), finding(3)])
    assert [f.line for f in kept] == [1, 3]
    assert notes == []


def test_enable_ends_only_the_codes_it_names() -> None:
    raw = "<!-- figcheck disable sum, count -->\na\n<!-- figcheck enable sum -->\nb\n"
    findings = [finding(2), finding(2, rule=Rule.COUNT), finding(4), finding(4, rule=Rule.COUNT)]
    kept, notes = apply_suppressions([doc(raw)], findings)
    assert [(f.line, f.code) for f in kept] == [(4, "FC101")]
    assert notes == []


def test_off_region_ends_at_the_on_comment_on_the_same_line() -> None:
    raw = "x <!-- figcheck off --> 12 arrests <!-- figcheck on --> 13 charged\n"
    inside = finding(1, raw.index("12") + 1)
    before = finding(1, 1)
    after = finding(1, raw.index("13") + 1)
    kept, _ = apply_suppressions([doc(raw)], [before, inside, after])
    assert kept == [before, after]


def test_unused_suppressions_are_reported_at_their_comment() -> None:
    raw = "a\n\n<!-- figcheck disable-next-line sum -- as published -->\nclean line\n\n<!-- figcheck disable sum,count -->\nb\n"
    kept, notes = apply_suppressions([doc(raw)], [finding(7)])
    assert kept == []
    assert [(n.line, n.column, n.check) for n in notes] == [(3, 1, UNUSED_CHECK), (6, 1, UNUSED_CHECK)]
    assert all(n.rule is Rule.REFERENCE and n.severity is Severity.WARNING for n in notes)
    assert notes[0].message == 'suppression "figcheck disable-next-line sum" suppressed nothing'
    assert notes[1].message == 'suppression "figcheck disable sum,count" suppressed nothing for count'
    assert notes[0].path == "release.md"


@pytest.mark.parametrize(
    ("raw", "target", "unused_line"),
    [
        ("<!-- figcheck disable-file sum -->\n<!-- figcheck disable-next-line sum -->\nx\n", 3, 1),
        ("<!-- figcheck off -->\n<!-- figcheck disable-next-line -->\nx\n<!-- figcheck on -->\n", 3, 1),
        ("<!-- figcheck disable-next-line -->\nx <!-- figcheck disable-line sum -->\n", 2, 1),
        ("<!-- figcheck disable-file -->\n<!-- figcheck disable-file FC101 -->\nx\n", 3, 1),
    ],
)
def test_the_narrowest_suppression_is_credited_and_a_redundant_one_reported(
        raw: str, target: int, unused_line: int) -> None:
    kept, notes = apply_suppressions([doc(raw)], [finding(target)])
    assert kept == []
    assert [(n.line, n.check) for n in notes] == [(unused_line, UNUSED_CHECK)]


def test_ordinary_comments_are_ignored() -> None:
    raw = "<!-- see the figcheck docs -->\n<!-- TODO: figcheck off -->\nx\n"
    assert parse_suppressions(doc(raw)) == []
    assert apply_suppressions([doc(raw)], [finding(3)]) == ([finding(3)], [])


def test_unknown_codes_are_reported_and_known_ones_still_apply() -> None:
    raw = "<!-- figcheck disable-next-line FC999, sum -->\nx\n<!-- figcheck disable-file nonsense -->\n"
    kept, notes = apply_suppressions([doc(raw)], [finding(2)])
    assert kept == []
    assert [(n.line, n.check) for n in notes] == [(1, UNKNOWN_CHECK), (3, UNKNOWN_CHECK)]
    assert "'FC999'" in notes[0].message and "sum" not in notes[0].message.split("code")[-1]
    assert "'nonsense'" in notes[1].message


@pytest.mark.parametrize(
    ("comment", "problem"),
    [
        ("<!-- figcheck disabel FC101 -->", "unknown directive 'disabel'"),
        ("<!-- figcheck -->", "names no directive"),
        ("<!-- figcheck off FC101 -->", "takes no codes"),
        ("<!-- figcheck disable -->", "needs at least one code"),
    ],
)
def test_malformed_comments_are_reported(comment: str, problem: str) -> None:
    kept, notes = apply_suppressions([doc(f"a\n{comment}\nb\n")], [finding(3)])
    assert kept == [finding(3)]
    (note,) = notes
    assert (note.line, note.check) == (2, INVALID_CHECK)
    assert problem in note.message


@pytest.mark.parametrize("comment", ["<!-- figcheck on -->", "<!-- figcheck enable sum -->"])
def test_closing_comment_without_an_opening_is_reported(comment: str) -> None:
    _, notes = apply_suppressions([doc(f"a\n{comment}\n")], [])
    (note,) = notes
    assert (note.line, note.check) == (2, UNUSED_CHECK)
    assert "ends nothing" in note.message


def test_findings_of_other_documents_and_plain_text_are_untouched() -> None:
    markdown = doc("<!-- figcheck disable-file -->\n", "a.md")
    text = doc("<!-- figcheck disable-file -->\n", "b.txt")
    other = finding(1, path="b.txt")
    kept, notes = apply_suppressions([markdown, text], [finding(1, path="a.md"), other])
    assert kept == [other]
    assert notes == []


def test_windows_paths_match_their_document() -> None:
    document = doc("<!-- figcheck disable-file -->\n", "releases/a.md")
    kept, _ = apply_suppressions([document], [finding(1, path="releases\\a.md")])
    assert kept == []


@pytest.mark.parametrize(
    "unit",
    [
        "<!-- figcheck disable FC101 -->\n",  # ~31,000 regions, all open to the end
        "<!-- figcheck disable-line sum -->\n",
        "` <!-- figcheck disable-line sum --> ",  # one line of code spans and comments
        "```\n<!-- figcheck off -->\n",
        "<!-- figcheck" + " x" * 100,  # never closed
    ],
)
@pytest.mark.parametrize("format_", ["markdown", "html"])
def test_a_megabyte_of_hostile_comments_stays_linear(unit: str, format_: str) -> None:
    # About 0.5 s on a typical laptop for the worst of these; a quadratic scan would take minutes.
    raw = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    document = Document(path="big.md", raw=raw, format=format_, blocks=())
    kept, _ = apply_suppressions([document], [finding(n, path="big.md") for n in range(1, 300)])
    assert len(kept) <= 299  # finishing at all is the point: speed is measured in bench/


def test_a_megabyte_of_ordinary_text_costs_nothing() -> None:
    raw = "Officers arrested 12 people and seized 2,310 knives in the week of action.\n" * 13_500
    document = Document(path="big.md", raw=raw + "<!-- figcheck off -->\n", format="markdown", blocks=())
    kept, _ = apply_suppressions([document], [finding(n, path="big.md") for n in range(1, 300)])
    assert len(kept) == 299


# --------------------------------------------------------------------------- real runs


@pytest.fixture(scope="module")
def run_checks() -> Callable[[dict[str, str]], tuple[list[Finding], list[Finding], list[Document]]]:
    """Return a function that writes releases, checks them and applies their suppressions."""
    from checks.pipeline import extract_all, load_rule_paths, read_paths
    from checks.validate import validate

    rules = load_rule_paths([EXPECTATIONS])

    def run(files: dict[str, str], folder: Path) -> tuple[list[Finding], list[Finding], list[Document]]:
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        documents = read_paths([folder / name for name in sorted(files)])
        findings, _ = validate(documents, extract_all(documents, rules), rules)
        kept, notes = apply_suppressions(documents, findings)
        return kept, notes, documents

    return run  # type: ignore[return-value]


def sums(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(Path(f.path).name, f.line) for f in findings if f.rule is Rule.SUM]


@pytest.mark.parametrize("kind", ["md", "html"])
def test_real_release_reports_the_sum_at_its_raw_line(run_checks, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    text = release(kind)
    kept, notes, _ = run_checks({f"knives.{kind}": text}, tmp_path)
    (line,) = [i for i, row in enumerate(text.splitlines(), 1) if "2,310" in row]
    assert sums(kept) == [(f"knives.{kind}", line)]
    assert notes == []


@pytest.mark.parametrize("kind", ["md", "html"])
@pytest.mark.parametrize(
    ("before", "same"),
    [
        ("<!-- figcheck disable-next-line sum -- figures as published by each force -->\n", ""),
        ("", " <!-- figcheck disable-line FC101 -->"),
        ("<!-- figcheck disable-file FC101 -->\n", ""),
        ("<!-- figcheck off -->\n", ""),
        ("<!-- figcheck disable sum -->\n", ""),
    ],
)
def test_suppressed_in_real_releases(run_checks, tmp_path: Path, kind: str, before: str, same: str) -> None:  # type: ignore[no-untyped-def]
    kept, notes, _ = run_checks({f"knives.{kind}": release(kind, before, same)}, tmp_path)
    assert sums(kept) == []
    assert notes == []


@pytest.mark.parametrize("kind", ["md", "html"])
def test_suppression_survives_lines_inserted_above(run_checks, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    text = release(kind, "<!-- figcheck disable-next-line sum -->\n")
    anchor = "<p>Police forces" if kind == "html" else "Police forces"
    inserted = ("<p>Added later.</p>\n" if kind == "html" else "Added later.\n\n") * 3
    moved = text.replace(anchor, inserted + anchor, 1)
    kept, notes, documents = run_checks({f"moved.{kind}": moved}, tmp_path)
    assert sums(kept) == []
    assert notes == []
    (suppression,) = parse_suppressions(documents[0])
    assert moved.splitlines()[suppression.line - 1].startswith("<!-- figcheck disable-next-line")
    assert "2,310" in moved.splitlines()[suppression.line]


@pytest.mark.parametrize("kind", ["md", "html"])
def test_suppression_for_another_line_or_code_is_unused(run_checks, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    text = release(kind, "<!-- figcheck disable-next-line count -->\n")
    kept, notes, _ = run_checks({f"wrong.{kind}": text}, tmp_path)
    (line,) = [i for i, row in enumerate(text.splitlines(), 1) if "2,310" in row]
    assert sums(kept) == [(f"wrong.{kind}", line)]
    assert [(n.check, n.line) for n in notes] == [(UNUSED_CHECK, line - 1)]
