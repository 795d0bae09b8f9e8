"""``trend`` (FC106): a cumulative total lower than an earlier release gave.

Two releases a year apart in one run: "since the launch in October 2017 ... 410
warrants" (April 2021) and "To date the team has executed 395 warrants" (April 2022).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checks.cli import cli
from checks.model import RunResult, ScopeKind, Severity
from tests.checks.conftest import (
    assert_finding,
    figures_in,
    fixture_path,
    reported,
    run_fixtures,
    the_finding,
)
from tests.conftest import EXPECTATIONS

EARLIER = "trend/falls/staffordshire_update_2021.md"
LATER = "trend/falls/staffordshire_update_2022.txt"


@pytest.fixture(scope="module")
def falls() -> RunResult:
    return run_fixtures("trend/falls")


@pytest.fixture(scope="module")
def rises() -> RunResult:
    return run_fixtures("trend/rises")


def test_total_since_launch_falls_between_releases(falls: RunResult) -> None:
    finding = the_finding(falls, LATER, "trend")
    assert_finding(finding, rule="trend", code="FC106", severity=Severity.ERROR, line=6,
                   check="figcheck.cumulative-never-falls", related={(8, "410", "earlier")})
    (earlier,) = finding.related
    assert fixture_path(EARLIER).resolve().samefile(earlier.path)
    assert "395" in finding.message
    assert finding.hint is not None and "at least 410" in finding.hint


def test_only_the_later_release_carries_the_finding(falls: RunResult) -> None:
    assert reported(falls, EARLIER) == set()
    assert reported(falls, LATER) == {("trend", 6)}


def test_arrests_that_grew_are_silent(falls: RunResult) -> None:
    """296 arrests since launch in 2021, 361 in 2022: both cumulative, compared, fine."""
    arrests = [f for release in (EARLIER, LATER) for f in figures_in(falls, release)
               if f.metric == "arrests" and f.scope.kind is ScopeKind.CUMULATIVE]
    assert sorted(f.value for f in arrests) == [296, 361]
    assert {f.entity for f in arrests} == {"staffordshire"}
    assert [f for f in falls.findings if f.related and f.related[0].text == "296"] == []


def test_a_total_that_grew_is_silent(rises: RunResult) -> None:
    later = "trend/rises/staffordshire_update_2022.txt"
    warrants = [f for f in figures_in(rises, later) if f.text == "512"]
    assert [(f.metric, f.scope.kind) for f in warrants] == [("warrants", ScopeKind.CUMULATIVE)]
    assert rises.findings == ()


def test_totals_of_different_operations_are_not_compared() -> None:
    """A Safenet total since its own launch is not a Keystone total that fell."""
    result = run_fixtures("trend/other_operation")
    safenet = "trend/other_operation/safenet_update_2022.txt"
    warrants = [f for f in figures_in(result, safenet) if f.text == "120"]
    assert [(f.metric, f.entity, f.scope.kind) for f in warrants] == [
        ("warrants", "staffordshire", ScopeKind.CUMULATIVE)]
    assert [f for f in result.findings if f.rule.value == "trend"] == []


def test_cli_text_report_names_both_releases() -> None:
    earlier, later = str(fixture_path(EARLIER)), str(fixture_path(LATER))
    outcome = CliRunner().invoke(cli, ["check", earlier, later, "--rules", str(EXPECTATIONS)])
    assert outcome.exit_code == 1, outcome.output
    first = outcome.stdout.splitlines()[0]
    assert first.startswith(f"{later}:6:")
    assert "FC106" in first and "[error]" in first and earlier in first


def test_cli_json_exit_zero_overrides_the_exit_code() -> None:
    paths = [str(fixture_path(EARLIER)), str(fixture_path(LATER))]
    outcome = CliRunner().invoke(cli, ["check", *paths, "--rules", str(EXPECTATIONS),
                                       "--format", "json", "--exit-zero"])
    assert outcome.exit_code == 0, outcome.output
    report = json.loads(outcome.stdout)
    assert [(f["rule"], f["line"]) for f in report["findings"]] == [("trend", 6)]
