"""Run the whole pipeline on the fixture releases under ``tests/fixtures/<rule>/``.

A run costs about half a second (the Great Expectations validation), so each test
module asks for a few runs, each over several fixture files, and :func:`run_fixtures`
keeps every result for the session.  Errors and their corrected counterparts never
share a run: two releases in one run are compared with each other (``conflict``,
``trend``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checks.model import Figure, Finding, RunResult, Severity
from checks.pipeline import check_paths
from tests.conftest import EXPECTATIONS, ROOT

FIXTURES = ROOT / "tests" / "fixtures"

_RESULTS: dict[tuple[str, ...], RunResult] = {}


def fixture_path(relative: str) -> Path:
    """Return the path of a fixture file or directory, relative to ``tests/fixtures``."""
    path = FIXTURES / relative
    assert path.exists(), f"no fixture {relative}"
    return path


def run_fixtures(*relative: str) -> RunResult:
    """Return the result of one pipeline run over the given fixtures (kept per session)."""
    key = tuple(relative)
    if key not in _RESULTS:
        _RESULTS[key] = check_paths([fixture_path(r) for r in relative], [EXPECTATIONS])
    return _RESULTS[key]


def _same_file(reported: str, relative: str) -> bool:
    return Path(reported).resolve() == fixture_path(relative).resolve()


def findings_in(result: RunResult, relative: str, rule: str | None = None) -> list[Finding]:
    """Return the findings reported in one fixture file, of one rule if given."""
    return [f for f in result.findings
            if _same_file(f.path, relative) and (rule is None or f.rule.value == rule)]


def figures_in(result: RunResult, relative: str) -> list[Figure]:
    """Return the figures read from one fixture file."""
    return [f for f in result.figures if _same_file(f.path, relative)]


def reported(result: RunResult, relative: str,
             severities: Iterable[str] = ("error", "warning")) -> set[tuple[str, int]]:
    """Return (rule, line) of every finding of the given severities in one fixture file."""
    wanted = set(severities)
    return {(f.rule.value, f.line) for f in findings_in(result, relative)
            if f.severity.value in wanted}


def related_of(finding: Finding) -> set[tuple[int, str, str]]:
    """Return (line, text, role) of every place a finding rests on."""
    return {(r.line, r.text, r.role) for r in finding.related}


def the_finding(result: RunResult, relative: str, rule: str) -> Finding:
    """Return the one finding of ``rule`` in a fixture file, failing if there is not one."""
    found = findings_in(result, relative, rule)
    assert len(found) == 1, f"{relative}: expected one {rule} finding, got {found}"
    return found[0]


def assert_finding(finding: Finding, *, rule: str, code: str, severity: Severity, line: int,
                   check: str | set[str], related: set[tuple[int, str, str]] | None = None,
                   ) -> None:
    """Assert the identity and anchor of a finding (and the places it rests on).

    ``check`` may be a set where two checks find the same discrepancy and the run keeps
    one of them (a table's total row is both a text breakdown and a rule-file sum).
    """
    assert finding.rule.value == rule
    assert finding.code == code
    assert finding.severity is severity
    assert finding.line == line
    assert finding.check in ({check} if isinstance(check, str) else check)
    if related is not None:
        assert related_of(finding) == related


__all__ = ["FIXTURES", "assert_finding", "figures_in", "findings_in", "fixture_path", "related_of",
           "reported", "run_fixtures", "the_finding"]
