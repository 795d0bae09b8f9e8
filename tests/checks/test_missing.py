"""``missing`` (FC102): a regional total whose breakdown lacks one force's figure.

A force that the breakdown covers for other figures but not for this one makes the
breakdown incomplete; a force the release never mentions does not.
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

SECTIONS = "missing/keystone_year_2022.html"
TABLE = "missing/warrants_table_2023.md"
ERRORS = (SECTIONS, TABLE)
CLEAN = ("missing/keystone_year_2022_clean.html", "missing/warrants_table_2023_clean.md")
ONE_FORCE = "missing/staffordshire_only_2021.md"


@pytest.fixture(scope="module")
def errors() -> RunResult:
    return run_fixtures(*ERRORS)


@pytest.fixture(scope="module")
def clean() -> RunResult:
    return run_fixtures(*CLEAN, ONE_FORCE)


def test_force_section_without_the_metric(errors: RunResult) -> None:
    """164 arrests for the region; the alliance's section gives warrants but no arrests."""
    finding = the_finding(errors, SECTIONS, "missing")
    assert_finding(finding, rule="missing", code="FC102", severity=Severity.ERROR, line=12,
                   check="west-midlands.region-adds-up")
    assert {(r.line, r.text, r.role) for r in finding.related} >= {(14, "38", "part"),
                                                                   (16, "81", "part")}
    assert "Warwickshire and West Mercia" in finding.message


def test_the_gap_points_at_a_likely_mislabelled_figure(errors: RunResult) -> None:
    """164 - (38 + 81) = 45, exactly the alliance's "45 warrants"."""
    finding = the_finding(errors, SECTIONS, "missing")
    assert (18, "45", "likely mislabelled") in {(r.line, r.text, r.role) for r in finding.related}
    assert finding.hint is not None and "45" in finding.hint and "line 18" in finding.hint


def test_table_cell_given_as_not_available(errors: RunResult) -> None:
    finding = the_finding(errors, TABLE, "missing")
    assert_finding(finding, rule="missing", code="FC102", severity=Severity.ERROR, line=15,
                   check="west-midlands.region-adds-up",
                   related={(12, "24", "part"), (13, "52", "part")})
    assert finding.column == 18  # the arrests cell of the region row
    # no figure of the alliance equals the gap of 19, so nothing is blamed
    assert "Add the" in (finding.hint or "")


@pytest.mark.parametrize(("fixture", "line"), [(SECTIONS, 12), (TABLE, 15)])
def test_nothing_else_is_reported(errors: RunResult, fixture: str, line: int) -> None:
    assert reported(errors, fixture) == {("missing", line)}


@pytest.mark.parametrize("fixture", CLEAN)
def test_complete_breakdown_is_silent(clean: RunResult, fixture: str) -> None:
    assert findings_in(clean, fixture, "missing") == []
    assert reported(clean, fixture) == set()


def test_a_force_the_release_never_mentions_is_not_missing(clean: RunResult) -> None:
    """A regional total with only Staffordshire's share given: not a breakdown."""
    figures = figures_in(clean, ONE_FORCE)
    children = {f.entity: f.value for f in figures
                if f.metric == "children_safeguarded" and f.scope.kind.value == "period"}
    assert children == {"region": 230, "staffordshire": 74}
    assert reported(clean, ONE_FORCE) == set()
