"""``truncated`` (FC202): a paragraph cut off after a number, or in mid-sentence.

A number that ends a paragraph without what it counts is an error; a paragraph that
stops on a word that cannot end a sentence is a warning.  Service numbers (101, 999,
111) end sentences all the time and must stay silent.
"""

from __future__ import annotations

import pytest

from checks.model import Kind, RunResult, Severity
from tests.checks.conftest import (
    assert_finding,
    figures_in,
    findings_in,
    reported,
    run_fixtures,
    the_finding,
)

NUMBER = "truncated/dangling_number_2022.txt"
SENTENCE = "truncated/cut_sentence_2023.md"
ERRORS = (NUMBER, SENTENCE)
CLEAN = ("truncated/dangling_number_2022_clean.txt", "truncated/cut_sentence_2023_clean.md")
PHONES = "truncated/phone_numbers_2023.md"


@pytest.fixture(scope="module")
def errors() -> RunResult:
    return run_fixtures(*ERRORS)


@pytest.fixture(scope="module")
def clean() -> RunResult:
    return run_fixtures(*CLEAN, PHONES)


def test_number_without_its_noun_ends_the_paragraph(errors: RunResult) -> None:
    """"... executed 31 warrants and safeguarded 28" and nothing after."""
    finding = the_finding(errors, NUMBER, "truncated")
    assert_finding(finding, rule="truncated", code="FC202", severity=Severity.ERROR, line=4,
                   check="figcheck.number-has-noun", related=set())
    assert (finding.column, finding.end_column) == (112, 114)
    assert "28" in finding.message


def test_paragraph_stops_on_a_word_that_cannot_end_it(errors: RunResult) -> None:
    """"... digital forensic examiners are now working through the"."""
    finding = the_finding(errors, SENTENCE, "truncated")
    assert_finding(finding, rule="truncated", code="FC202", severity=Severity.WARNING,
                   line=10, check="figcheck.sentence-complete", related=set())
    assert finding.column == 114  # the dangling "the"


@pytest.mark.parametrize(("fixture", "line"), [(NUMBER, 4), (SENTENCE, 10)])
def test_nothing_else_is_reported(errors: RunResult, fixture: str, line: int) -> None:
    assert reported(errors, fixture) == {("truncated", line)}


@pytest.mark.parametrize("fixture", CLEAN)
def test_finished_paragraphs_are_silent(clean: RunResult, fixture: str) -> None:
    assert findings_in(clean, fixture, "truncated") == []
    assert reported(clean, fixture, ("error", "warning", "info")) == set()


def test_service_numbers_at_the_end_of_a_paragraph_are_silent(clean: RunResult) -> None:
    """"call 101", "dial 999", "call NHS 111", with and without a full stop."""
    assert findings_in(clean, PHONES, "truncated") == []
    assert reported(clean, PHONES, ("error", "warning", "info")) == set()


@pytest.mark.parametrize("line", [10, 12, 14, 16, 18, 22])
def test_service_numbers_are_read_as_phone_numbers(clean: RunResult, line: int) -> None:
    kinds = {f.text: f.kind for f in figures_in(clean, PHONES) if f.line == line}
    assert kinds and set(kinds.values()) == {Kind.PHONE}, kinds


@pytest.mark.xfail(strict=True, reason=(
    "numbers.py reads the 999 in 'Call 101 to report a concern, or 999 in an emergency.' as "
    "a count (the call word is a clause away), so it gets an entity and could be compared "
    "or reported as a dangling number"))
def test_999_after_a_clause_is_a_phone_number(clean: RunResult) -> None:
    kinds = {f.text: f.kind for f in figures_in(clean, PHONES) if f.line == 20}
    assert kinds == {"101": Kind.PHONE, "999": Kind.PHONE}
