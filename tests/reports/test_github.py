"""GitHub workflow commands: exact lines, and escaping that survives hostile text."""

from __future__ import annotations

from typing import Any

import pytest

from checks.model import Finding, Rule, RunResult, Severity
from checks.pipeline import check_paths
from checks.reports import github
from tests.conftest import EXPECTATIONS, SAFENET_2017


def finding(**changes: Any) -> Finding:
    values: dict[str, Any] = {
        "rule": Rule.DATE, "severity": Severity.ERROR, "path": "releases/warrant.txt",
        "line": 3, "column": 42, "end_line": 3, "end_column": 64,
        "message": '"Wednesday 14 September": 14 September 2021 was a Tuesday, not a Wednesday.',
        "hint": None, "check": "figcheck.weekday-matches-date",
    }
    values.update(changes)
    return Finding(**values)


def render(*findings: Finding) -> str:
    return github.render(RunResult(documents=(), figures=(), findings=findings))


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """Read a workflow command back as GitHub's runner does; undo the escaping."""
    assert line.startswith("::")
    head, message = line[2:].split("::", 1)
    command, _, raw = head.partition(" ")
    properties = dict(item.split("=", 1) for item in raw.split(","))
    return command, {k: _unescape(v) for k, v in properties.items()}, _unescape(message)


def _unescape(text: str) -> str:
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def test_exact_line() -> None:
    assert render(finding()) == (
        "::error file=releases/warrant.txt,line=3,col=42,endLine=3,endColumn=64,"
        "title=FC201 weekday-matches-date::"
        '"Wednesday 14 September": 14 September 2021 was a Tuesday, not a Wednesday.\n'
    )


@pytest.mark.parametrize(
    ("severity", "command"),
    [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "notice")],
)
def test_severities(severity: Severity, command: str) -> None:
    assert render(finding(severity=severity)).startswith(f"::{command} file=")


def test_hint_follows_on_its_own_line() -> None:
    line = render(finding(hint="Either the weekday should be Tuesday, or the date 15 September."))
    assert line.endswith("Wednesday.%0AHint: Either the weekday should be Tuesday, "
                         "or the date 15 September.\n")


@pytest.mark.parametrize(
    ("text", "data", "property_"),
    [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("x: y, z", "x: y, z", "x%3A y%2C z"),
        ("%0A", "%250A", "%250A"),
        ("::error::", "::error::", "%3A%3Aerror%3A%3A"),
    ],
)
def test_escaping(text: str, data: str, property_: str) -> None:
    assert github.escape_data(text) == data
    assert github.escape_property(text) == property_


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("docs/a,b:c.md", "plain"),
        ("docs/100%/release\n::error file=x::pwned.md", "50% of 8 is 4"),
        ("C:\\releases\\r.txt", "two\nlines\r\nand ::warning::inside, with, commas"),
        ("docs/%0A%25.md", "literal %0A and %25 stay literal"),
    ],
)
def test_hostile_paths_and_messages_round_trip(path: str, message: str) -> None:
    text = render(finding(path=path, message=message, hint="see: 1, 2%"))
    lines = text.splitlines()
    assert len(lines) == 1, "an injected newline would start a second command"
    command, properties, parsed_message = parse(lines[0])
    assert command == "error"
    assert properties["file"] == path.replace("\\", "/")
    assert properties["title"] == "FC201 weekday-matches-date"
    assert parsed_message == f"{message}\nHint: see: 1, 2%"
    assert set(properties) == {"file", "line", "col", "endLine", "endColumn", "title"}


def test_multi_line_finding_has_no_columns() -> None:
    # GitHub accepts col/endColumn only when the annotation starts and ends on one line.
    _, properties, _ = parse(render(finding(end_line=5, end_column=3)).strip())
    assert properties == {"file": "releases/warrant.txt", "line": "3", "endLine": "5",
                          "title": "FC201 weekday-matches-date"}


def test_unknown_end_uses_the_start_line() -> None:
    _, properties, _ = parse(render(finding(end_line=None, end_column=None)).strip())
    assert (properties["line"], properties["endLine"], properties["col"]) == ("3", "3", "42")
    assert "endColumn" not in properties


def test_leading_dot_slash_is_dropped() -> None:
    _, properties, _ = parse(render(finding(path="./releases/r.md")).strip())
    assert properties["file"] == "releases/r.md"


def test_no_findings_no_output() -> None:
    assert render() == ""


def test_seed_findings_one_command_each() -> None:
    result = check_paths([SAFENET_2017], [EXPECTATIONS])
    lines = github.render(result).splitlines()
    assert len(lines) == len(result.findings)
    for line, found in zip(lines, result.findings, strict=True):
        command, properties, message = parse(line)
        assert command == {"error": "error", "warning": "warning", "info": "notice"}[
            found.severity.value]
        assert (properties["file"], properties["line"]) == (found.path, str(found.line))
        assert properties["title"].startswith(found.code + " ")
        assert message.startswith(found.message)
