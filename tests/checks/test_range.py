"""``range`` (FC302): a value no person or count can have (a 203-year-old suspect)."""

from __future__ import annotations

import pytest

from checks.model import RunResult, Severity
from tests.checks.conftest import assert_finding, findings_in, reported, run_fixtures, the_finding

HYPHENATED = "range/impossible_age_2022.txt"
NAMED = "range/named_ages_2023.md"
ERRORS = (HYPHENATED, NAMED)
CLEAN = ("range/impossible_age_2022_clean.txt", "range/named_ages_2023_clean.md")


@pytest.fixture(scope="module")
def errors() -> RunResult:
    return run_fixtures(*ERRORS)


@pytest.fixture(scope="module")
def clean() -> RunResult:
    return run_fixtures(*CLEAN)


def test_hyphenated_age(errors: RunResult) -> None:
    """"A 203-year-old woman ... from Leek"."""
    finding = the_finding(errors, HYPHENATED, "range")
    assert_finding(finding, rule="range", code="FC302", severity=Severity.ERROR, line=6,
                   check="figcheck.age-possible", related=set())
    assert finding.column == 3
    assert finding.hint is not None and "23" in finding.hint


def test_age_between_commas_after_a_name(errors: RunResult) -> None:
    """"- Kevin Rowe, 134, of Hanley"."""
    finding = the_finding(errors, NAMED, "range")
    assert_finding(finding, rule="range", code="FC302", severity=Severity.ERROR, line=10,
                   check="figcheck.age-possible", related=set())
    assert finding.hint is not None and "34" in finding.hint


@pytest.mark.parametrize(("fixture", "line"), [(HYPHENATED, 6), (NAMED, 10)])
def test_nothing_else_is_reported(errors: RunResult, fixture: str, line: int) -> None:
    assert reported(errors, fixture) == {("range", line)}


@pytest.mark.parametrize("fixture", CLEAN)
def test_possible_ages_are_silent(clean: RunResult, fixture: str) -> None:
    assert findings_in(clean, fixture, "range") == []
    assert reported(clean, fixture) == set()
