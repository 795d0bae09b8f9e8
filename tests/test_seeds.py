"""The two real releases: exactly the discrepancies a reader can see, and no others."""

from __future__ import annotations

import pytest

from checks.pipeline import check_paths, extract_all, load_rule_paths, read_paths
from checks.validate import collect_claims
from tests.conftest import EXPECTATIONS, SAFENET_2017, SAFENET_2021

REQUIRED_2017 = {("date", 8), ("missing", 39), ("truncated", 40)}
# Sentences cut off mid-way: reporting them is right, not reporting them is allowed.
OPTIONAL_2017 = {("truncated", 27), ("truncated", 80), ("truncated", 94), ("truncated", 98)}


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return check_paths([SAFENET_2017, SAFENET_2021], [EXPECTATIONS])


def _reported(result, path):  # type: ignore[no-untyped-def]
    return {(f.rule.value, f.line) for f in result.findings
            if f.path == str(path) and f.severity.value in ("error", "warning")}


def test_2017_release_reports_exactly_the_known_problems(result) -> None:  # type: ignore[no-untyped-def]
    reported = _reported(result, SAFENET_2017)
    assert reported >= REQUIRED_2017
    assert reported - REQUIRED_2017 <= OPTIONAL_2017


def test_2021_release_is_clean(result) -> None:  # type: ignore[no-untyped-def]
    assert _reported(result, SAFENET_2021) == set()


def test_missing_investigations_points_at_the_117_warrants(result) -> None:  # type: ignore[no-untyped-def]
    (finding,) = [f for f in result.findings if f.rule.value == "missing"]
    assert finding.severity.value == "error"
    assert "593" in finding.message and "332 + 144" in finding.message
    assert finding.hint is not None and "117" in finding.hint and "line 75" in finding.hint
    assert {r.line for r in finding.related} == {71, 75, 77}


def test_dangling_491_is_an_error_and_the_weekday_names_both_days(result) -> None:  # type: ignore[no-untyped-def]
    by_line = {(f.rule.value, f.line): f for f in result.findings}
    assert by_line[("truncated", 40)].severity.value == "error"
    assert "491" in by_line[("truncated", 40)].message
    date = by_line[("date", 8)].message
    assert "Wednesday" in date and "Thursday" in date


def test_consistent_totals_were_checked_not_skipped() -> None:
    """Arrests 353 = 134 + 100 + 119 and children 491 = 210 + 91 + 190 pass a real check."""
    rules = load_rule_paths([EXPECTATIONS])
    documents = read_paths([SAFENET_2017])
    claims = collect_claims(documents, extract_all(documents, rules), rules)
    sums = {c.finding.message.split('"')[1]: c for c in claims
            if c.check == "west-midlands.region-adds-up" and c.finding.rule.value == "sum"}
    assert set(sums) >= {"353 people", "491"}
    for claim in sums.values():
        assert claim.stated.overlaps(claim.derived)


def test_2021_listed_men_match_the_stated_six() -> None:
    rules = load_rule_paths([EXPECTATIONS])
    documents = read_paths([SAFENET_2021])
    figures = extract_all(documents, rules)
    (listing,) = [f for f in figures if f.kind.value == "listed"]
    stated = next(f for f in figures if f.id == listing.about)
    assert (stated.text, stated.line, listing.value) == ("six", 24, 6)
