"""``order`` (FC104): a figure larger than one it cannot exceed.

Three sources of the limit: a subset stated in the text ("of whom"), the rule files'
"charged cannot outnumber arrested", and a shorter period inside a longer one.
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

SUBSET = "order/subset_2021.md"
RULE = "order/charged_arrested_2022.txt"
PERIOD = "order/fortnight_2022.html"
ERRORS = (SUBSET, RULE, PERIOD)
CLEAN = ("order/subset_2021_clean.md", "order/charged_arrested_2022_clean.txt",
         "order/fortnight_2022_clean.html")
CHARGES = "order/charges_or_reports_2016.txt"


@pytest.fixture(scope="module")
def errors() -> RunResult:
    return run_fixtures(*ERRORS)


@pytest.fixture(scope="module")
def clean() -> RunResult:
    return run_fixtures(*CLEAN, CHARGES)


def test_subset_larger_than_its_total(errors: RunResult) -> None:
    """"arrested 31 people, of whom 35 have been charged"."""
    finding = the_finding(errors, SUBSET, "order")
    assert_finding(finding, rule="order", code="FC104", severity=Severity.ERROR, line=8,
                   check="figcheck.subset-within-total", related={(8, "31", "limit")})
    assert finding.column == 88  # the 35, not the 31


def test_more_charged_than_arrested_in_the_same_period(errors: RunResult) -> None:
    """48 arrested in the last 12 months; "over the same period 52 people were charged"."""
    finding = the_finding(errors, RULE, "order")
    assert_finding(finding, rule="order", code="FC104", severity=Severity.ERROR, line=6,
                   check="policing.charged-within-arrested", related={(4, "48", "limit")})


def test_fortnight_larger_than_the_year_that_contains_it(errors: RunResult) -> None:
    finding = the_finding(errors, PERIOD, "order")
    assert_finding(finding, rule="order", code="FC104", severity=Severity.ERROR, line=11,
                   check="figcheck.part-period-within-whole", related={(9, "64", "limit")})
    assert "71" in finding.message


@pytest.mark.parametrize(("fixture", "line"), [(SUBSET, 8), (RULE, 6), (PERIOD, 11)])
def test_nothing_else_is_reported(errors: RunResult, fixture: str, line: int) -> None:
    assert reported(errors, fixture) == {("order", line)}


@pytest.mark.parametrize("fixture", CLEAN)
def test_figures_in_order_are_silent(clean: RunResult, fixture: str) -> None:
    assert findings_in(clean, fixture, "order") == []
    assert reported(clean, fixture) == set()


def test_charges_count_offences_not_people(clean: RunResult) -> None:
    """"64 charges or reports" against 42 suspects arrested: no person was charged 64 times
    over; charges are not the people-charged metric."""
    figures = figures_in(clean, CHARGES)
    suspects = next(f for f in figures if f.text == "42" and f.noun == "suspects")
    charges = next(f for f in figures if f.text == "64")
    charged = next(f for f in figures if f.text == "30")
    assert (suspects.metric, suspects.entity) == ("arrests", charges.entity)
    assert charges.metric != "charged"
    assert (charged.metric, charged.relation) == ("charged", "subset")
    assert reported(clean, CHARGES) == set()
