"""``conflict`` (FC105): one quantity for one period, stated twice with different values.

Within a release (a quote restating the warrants of the day), and across two releases
of one run (a force's own release against the regional summary of the same day of
action); the later statement carries the finding.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from checks.cli import cli
from checks.model import RunResult, Severity
from tests.checks.conftest import (
    assert_finding,
    figures_in,
    findings_in,
    fixture_path,
    reported,
    run_fixtures,
    the_finding,
)
from tests.conftest import EXPECTATIONS

RESTATED = "conflict/restated_2023.txt"
FORCE = "conflict/across/staffordshire_day_of_action_2022.md"
REGION = "conflict/across/region_day_of_action_2022.html"
CLEAN_RESTATED = "conflict/restated_2023_clean.txt"
CLEAN_FORCE = "conflict/across_clean/staffordshire_day_of_action_2022.md"
CLEAN_REGION = "conflict/across_clean/region_day_of_action_2022.html"
SUB_GROUPS = "conflict/sub_groups_2022.md"


@pytest.fixture(scope="module")
def errors() -> RunResult:
    return run_fixtures(RESTATED, "conflict/across")


@pytest.fixture(scope="module")
def clean() -> RunResult:
    return run_fixtures(CLEAN_RESTATED, "conflict/across_clean", SUB_GROUPS)


def test_restated_in_the_same_release(errors: RunResult) -> None:
    """14 warrants on Wednesday 21 June, then "The 16 warrants we executed during the day"."""
    finding = the_finding(errors, RESTATED, "conflict")
    assert_finding(finding, rule="conflict", code="FC105", severity=Severity.ERROR, line=10,
                   check="figcheck.restated-figure-agrees", related={(4, "14", "earlier")})


def test_regional_summary_against_the_force_release(errors: RunResult) -> None:
    """The force says nine arrested on Wednesday 5 October; the region's table says 11."""
    finding = the_finding(errors, REGION, "conflict")
    assert_finding(finding, rule="conflict", code="FC105", severity=Severity.ERROR, line=11,
                   check="figcheck.releases-agree", related={(8, "Nine", "earlier")})
    (earlier,) = finding.related
    assert fixture_path(FORCE).resolve().samefile(earlier.path)
    assert finding.column == 49  # the arrests cell of the Staffordshire row


def test_the_earlier_release_carries_no_finding(errors: RunResult) -> None:
    assert reported(errors, FORCE) == set()
    assert reported(errors, REGION) == {("conflict", 11)}
    assert reported(errors, RESTATED) == {("conflict", 10)}


@pytest.mark.parametrize("fixture", [CLEAN_RESTATED, CLEAN_FORCE, CLEAN_REGION])
def test_agreeing_statements_are_silent(clean: RunResult, fixture: str) -> None:
    assert findings_in(clean, fixture, "conflict") == []
    assert reported(clean, fixture) == set()


def test_counts_of_sub_groups_are_not_restatements(clean: RunResult) -> None:
    """17 arrests, of which twelve "in Birmingham", five "in Wolverhampton", eleven "for drugs
    offences" and six "for weapons offences": five quantities, none stated twice."""
    figures = [f for f in figures_in(clean, SUB_GROUPS)
               if f.metric == "arrests" and f.scope.start is not None]
    assert sorted(f.value for f in figures) == [5, 6, 11, 12, 17]
    assert {(f.entity, f.scope.start, f.scope.end) for f in figures} == {
        ("west-midlands", date(2022, 3, 8), date(2022, 3, 8))}
    assert reported(clean, SUB_GROUPS) == set()


def test_cli_reports_the_cross_release_conflict_as_json() -> None:
    paths = [str(fixture_path(FORCE)), str(fixture_path(REGION))]
    outcome = CliRunner().invoke(
        cli, ["check", *paths, "--rules", str(EXPECTATIONS), "--format", "json"])
    assert outcome.exit_code == 1, outcome.output
    report = json.loads(outcome.stdout)
    findings = [(f["rule"], f["code"], f["severity"], f["path"], f["line"])
                for f in report["findings"]]
    assert findings == [("conflict", "FC105", "error", paths[1], 11)]
    assert report["findings"][0]["related"][0]["path"] == paths[0]


def test_cli_exits_zero_on_agreeing_releases() -> None:
    paths = [str(fixture_path(CLEAN_FORCE)), str(fixture_path(CLEAN_REGION))]
    outcome = CliRunner().invoke(
        cli, ["check", *paths, "--rules", str(EXPECTATIONS), "--format", "json"])
    assert outcome.exit_code == 0, outcome.output
    assert json.loads(outcome.stdout)["findings"] == []
