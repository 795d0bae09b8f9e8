"""``date`` (FC201): a weekday that is not the date's, or a date that does not exist.

A weekday with a full date, a weekday in brackets after "this morning" (checked
against the publication date), and the 31st of a 30-day month.
"""

from __future__ import annotations

import pytest

from checks.model import RunResult, Severity
from checks.rules import load_rules
from checks.validate import collect_claims
from tests.checks.conftest import assert_finding, findings_in, reported, run_fixtures, the_finding
from tests.conftest import EXPECTATIONS

WEEKDAY = "date/weekday_2022.md"
RELATIVE = "date/relative_day_2023.txt"
IMPOSSIBLE = "date/impossible_date_2021.html"
ERRORS = (WEEKDAY, RELATIVE, IMPOSSIBLE)
CLEAN = ("date/weekday_2022_clean.md", "date/relative_day_2023_clean.txt",
         "date/impossible_date_2021_clean.html")


@pytest.fixture(scope="module")
def errors() -> RunResult:
    return run_fixtures(*ERRORS)


@pytest.fixture(scope="module")
def clean() -> RunResult:
    return run_fixtures(*CLEAN)


def test_weekday_next_to_a_date(errors: RunResult) -> None:
    """"on Thursday 5 October" in a release of 7 October 2022: the 5th was a Wednesday."""
    finding = the_finding(errors, WEEKDAY, "date")
    assert_finding(finding, rule="date", code="FC201", severity=Severity.ERROR, line=8,
                   check="figcheck.weekday-matches-date", related=set())
    assert finding.column == 75
    assert "Wednesday" in finding.message and "Thursday" in finding.message


def test_weekday_in_brackets_after_this_morning(errors: RunResult) -> None:
    """"this morning (Tues)" in a release dated Wednesday 8 November 2023."""
    finding = the_finding(errors, RELATIVE, "date")
    assert_finding(finding, rule="date", code="FC201", severity=Severity.ERROR, line=4,
                   check="figcheck.weekday-matches-date", related=set())
    assert "Wednesday" in finding.message and "Tuesday" in finding.message


def test_day_that_does_not_exist(errors: RunResult) -> None:
    """"on 31 April": April has 30 days."""
    finding = the_finding(errors, IMPOSSIBLE, "date")
    assert_finding(finding, rule="date", code="FC201", severity=Severity.ERROR, line=9,
                   check="figcheck.date-exists", related=set())
    assert "30 days" in finding.message


@pytest.mark.parametrize(("fixture", "line"), [(WEEKDAY, 8), (RELATIVE, 4), (IMPOSSIBLE, 9)])
def test_nothing_else_is_reported(errors: RunResult, fixture: str, line: int) -> None:
    assert reported(errors, fixture) == {("date", line)}


@pytest.mark.parametrize("fixture", CLEAN)
def test_correct_dates_are_silent(clean: RunResult, fixture: str) -> None:
    assert findings_in(clean, fixture, "date") == []
    assert reported(clean, fixture) == set()


def test_a_correct_court_date_is_checked_and_passes(clean: RunResult) -> None:
    """"on Monday 31 October" 2022 (after publication) is compared with the calendar too."""
    fixture = "date/weekday_2022_clean.md"
    document = next(d for d in clean.documents if d.path.endswith(fixture))
    claims = [c for c in collect_claims([document], [], load_rules([EXPECTATIONS]))
              if c.check == "figcheck.weekday-matches-date"]
    assert sorted(c.finding.line for c in claims) == [8, 12]
    assert all(c.stated == c.derived for c in claims)
