"""``figcheck rules`` and ``figcheck explain``: the catalogue on the command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from checks.catalog import CATALOG, SECTIONS
from checks.cli.explain import command as explain
from checks.cli.rules import command as rules
from checks.model import Rule


def test_rules_table_lists_every_rule(runner: CliRunner) -> None:
    result = runner.invoke(rules, [], catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "slug", "rule", "severity", "title"]
    assert len(lines) == 1 + len(Rule)
    for line, doc in zip(lines[1:], CATALOG.values(), strict=True):
        assert line.split()[:4] == [doc.code, doc.slug, doc.rule.value,
                                    doc.default_severity.value]
        assert line.endswith(doc.title)
    # Columns line up: every title starts at the same place.
    starts = {line.index(doc.title) for line, doc in zip(lines[1:], CATALOG.values(), strict=True)}
    assert len(starts) == 1


def test_rules_json(runner: CliRunner) -> None:
    result = runner.invoke(rules, ["--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [row["code"] for row in rows] == [rule.code for rule in Rule]
    assert rows[0] == {"code": "FC101", "slug": "parts-add-up-to-total", "rule": "sum",
                       "default_severity": "error",
                       "title": "A total differs from the sum of its parts"}


@pytest.mark.parametrize("key", ["FC201", "fc201", "weekday-matches-date", "date"])
def test_explain_text_has_every_section(runner: CliRunner, key: str) -> None:
    result = runner.invoke(explain, [key], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr == ""
    doc = CATALOG[Rule.DATE]
    assert result.stdout.splitlines()[0] == "FC201 weekday-matches-date (date)"
    for _, heading in SECTIONS:
        assert f"\n{heading}\n{'-' * len(heading)}\n" in result.stdout
    assert "    Officers executed a warrant in Hanley on Wednesday 14 September." in result.stdout
    assert doc.title in result.stdout


def test_explain_json_has_every_field(runner: CliRunner) -> None:
    result = runner.invoke(explain, ["FC102", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    doc = CATALOG[Rule.MISSING]
    assert record == {
        "code": "FC102", "slug": "breakdown-part-missing", "rule": "missing",
        "title": doc.title, "default_severity": "error", "what": doc.what, "why": doc.why,
        "example": doc.example, "use_instead": doc.use_instead, "fix_safety": doc.fix_safety,
        "options": doc.options, "example_format": "text",
    }


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("FC999", "figcheck: error: unknown rule 'FC999'"),
        ("weekday-matches-dates", "(did you mean weekday-matches-date?)"),
        ("", "figcheck: error: unknown rule ''"),
    ],
)
def test_explain_unknown_code_is_a_one_line_error(runner: CliRunner, key: str,
                                                  expected: str) -> None:
    result = runner.invoke(explain, [key], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("figcheck: error: unknown rule ")
    assert expected in lines[0]


def test_explain_without_a_code_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(explain, [])
    assert result.exit_code == 2
    assert "Missing argument 'CODE'" in result.stderr


@pytest.mark.parametrize("command", [rules, explain], ids=["rules", "explain"])
def test_help_ends_with_an_example(runner: CliRunner, command) -> None:  # type: ignore[no-untyped-def]
    assert command.help and re.search(r"\x08\n\s*figcheck \w+", command.help)
    result = runner.invoke(command, ["--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "--format [text|json]" in result.stdout


def test_explain_does_not_load_great_expectations() -> None:
    # `explain` should answer at once: GX costs seconds to import.
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from checks.cli.explain import command\n"
        "from checks.cli.rules import command as rules\n"
        "assert CliRunner().invoke(command, ['FC101']).exit_code == 0\n"
        "assert CliRunner().invoke(rules, []).exit_code == 0\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('great_expectations', 'pandas')]\n"
        "assert not loaded, loaded[:5]\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                               timeout=60, check=False)
    assert completed.returncode == 0, completed.stderr
