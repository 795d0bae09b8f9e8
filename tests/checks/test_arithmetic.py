"""``arithmetic`` (FC301): a stated change that its own figures do not give.

A percentage change, a difference ("fell by 45, from 310 to 275") and a comparison
("five more than ... (118)"); figures rounded to a tenth of a million allow a range of
percentages, and a stated one inside that range is right.
"""

from __future__ import annotations

import pytest

from checks.model import RunResult, Severity
from tests.checks.conftest import (
    assert_finding,
    figures_in,
    findings_in,
    reported,
    run_fixtures,
    the_finding,
)

PERCENT = "arithmetic/percent_change_2023.md"
DIFFERENCE = "arithmetic/difference_2022.txt"
COMPARISON = "arithmetic/more_than_2021.html"
ERRORS = (PERCENT, DIFFERENCE, COMPARISON)
CLEAN = ("arithmetic/percent_change_2023_clean.md", "arithmetic/difference_2022_clean.txt",
         "arithmetic/more_than_2021_clean.html")
MILLIONS = "arithmetic/rounded_millions_2014.md"


@pytest.fixture(scope="module")
def errors() -> RunResult:
    return run_fixtures(*ERRORS)


@pytest.fixture(scope="module")
def clean() -> RunResult:
    return run_fixtures(*CLEAN, MILLIONS)


def test_percentage_change(errors: RunResult) -> None:
    """"rose from 2,140 to 2,410 ..., an increase of 18 per cent": it is 12.6%."""
    finding = the_finding(errors, PERCENT, "arithmetic")
    assert_finding(finding, rule="arithmetic", code="FC301", severity=Severity.ERROR, line=8,
                   check="figcheck.percent-change-matches",
                   related={(8, "2,140", "from"), (8, "2,410", "to")})
    assert finding.column == 106
    assert "12.6%" in finding.message


def test_difference(errors: RunResult) -> None:
    """"fell by 45 this summer, from 310 to 275": the difference is 35."""
    finding = the_finding(errors, DIFFERENCE, "arithmetic")
    assert_finding(finding, rule="arithmetic", code="FC301", severity=Severity.ERROR, line=4,
                   check="figcheck.difference-matches",
                   related={(4, "310", "from"), (4, "275", "to")})
    assert "35" in finding.message


def test_comparison_with_the_previous_year(errors: RunResult) -> None:
    """"127 people, five more than in the previous 12 months (118)": nine more."""
    finding = the_finding(errors, COMPARISON, "arithmetic")
    assert_finding(finding, rule="arithmetic", code="FC301", severity=Severity.ERROR, line=8,
                   check="figcheck.difference-matches",
                   related={(8, "118", "from"), (8, "127", "to")})


@pytest.mark.parametrize(("fixture", "line"), [(PERCENT, 8), (DIFFERENCE, 4), (COMPARISON, 8)])
def test_nothing_else_is_reported(errors: RunResult, fixture: str, line: int) -> None:
    assert reported(errors, fixture) == {("arithmetic", line)}


@pytest.mark.parametrize("fixture", CLEAN)
def test_correct_changes_are_silent(clean: RunResult, fixture: str) -> None:
    assert findings_in(clean, fixture, "arithmetic") == []
    assert reported(clean, fixture) == set()


def test_percentages_from_figures_rounded_to_millions(clean: RunResult) -> None:
    """2.4m -> 2.6m "an increase of 9 per cent" (8.3% as written, 4-13% as rounded) and
    1.3m -> 1.2m "a drop of 4 per cent" (7.7% as written, 0-15% as rounded)."""
    figures = {f.text: f for f in figures_in(clean, MILLIONS)}
    for text in ("2.4 million", "2.6 million", "1.3 million", "1.2 million"):
        assert figures[text].approximate, text
    assert reported(clean, MILLIONS) == set()
