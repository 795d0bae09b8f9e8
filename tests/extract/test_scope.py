"""The period each figure covers: since launch, the last 12 months, a dated range, a day.

Each release is written for the test; dates are worked out from its publication date,
so every expected start and end below follows from the calendar, not from figcheck.
"""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from checks.documents import parse_document
from checks.extract import extract_figures
from checks.model import Figure, Kind, ScopeKind
from checks.rules import RuleSet, load_rules
from tests.conftest import EXPECTATIONS

CUMULATIVE, PERIOD, EVENT, UNKNOWN = (ScopeKind.CUMULATIVE, ScopeKind.PERIOD, ScopeKind.EVENT,
                                      ScopeKind.UNKNOWN)


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules([EXPECTATIONS])


def read(rules: RuleSet, raw: str, fmt: str = "markdown") -> list[Figure]:
    path = {"text": "release.txt", "markdown": "release.md", "html": "release.html"}[fmt]
    document = parse_document(textwrap.dedent(raw).lstrip("\n"), path, fmt)
    return extract_figures(document, rules)


def find(figures: list[Figure], text: str, occurrence: int = 0) -> Figure:
    hits = [f for f in figures if f.text == text and f.kind is not Kind.LISTED]
    assert len(hits) > occurrence, f"{text!r} not among {[f.text for f in figures]}"
    return hits[occurrence]


def scope_of(figure: Figure) -> tuple[ScopeKind, date | None, date | None]:
    return figure.scope.kind, figure.scope.start, figure.scope.end


def dated(published: str, body: str) -> str:
    """Return a Markdown release published on ``published`` (ISO) with ``body``."""
    return f"---\ndate: {published}\n---\n\n# Release\n\n{textwrap.dedent(body).strip()}\n"


# --------------------------------------------------------------------------- one sentence, one cue
# (published, sentence, mention, kind, start, end)

D = date
SINGLE_CUES: list[object] = [
    # cumulative: since launch, to date; the launch month starts the period
    ("2021-09-15", "Since Keystone began in October 2017, the team has arrested 640 people.",
     "640", CUMULATIVE, D(2017, 10, 1), D(2021, 9, 15)),
    ("2022-04-27", "To date the team has executed 395 warrants in Cannock.",
     "395", CUMULATIVE, None, D(2022, 4, 27)),
    ("2021-04-21", "Figures to 31 March 2021 show that since the launch in October 2017 the four "
     "forces have carried out 803 investigations.",
     "803", CUMULATIVE, D(2017, 10, 1), D(2021, 3, 31)),
    # rolling periods end on the publication date
    ("2021-03-26", "In the last 12 months, officers in Stafford have acted on more than 380 "
     "referrals.", "more than 380", PERIOD, D(2020, 3, 26), D(2021, 3, 26)),
    ("2021-03-26", "Over the last two weeks the team in Leek carried out seven warrants.",
     "seven", PERIOD, D(2021, 3, 12), D(2021, 3, 26)),
    ("2021-09-15", "Over the past three years, 212 warrants were executed in Worcester.",
     "212", PERIOD, D(2018, 9, 15), D(2021, 9, 15)),
    ("2021-09-15", "So far this year 19 children have been safeguarded in Hereford.",
     "19", PERIOD, D(2021, 1, 1), D(2021, 9, 15)),
    # twelve months to a stated date
    ("2022-05-04", "Figures for the 12 months to 31 March 2022 show 88 investigations in Dudley.",
     "88", PERIOD, D(2021, 4, 1), D(2022, 3, 31)),
    ("2023-05-16", "Over the year to 31 March 2023, officers in Rugby executed 139 warrants.",
     "139", PERIOD, D(2022, 4, 1), D(2023, 3, 31)),
    pytest.param(
        "2022-04-11", "In the 12 months to 31 March 2022 officers in Tamworth arrested 34 people.",
        "34", PERIOD, D(2021, 4, 1), D(2022, 3, 31), id="in-the-12-months-to",
        ),
    # financial years
    ("2021-09-15", "Officers in Rugby charged 75 people in 2020-21.",
     "75", PERIOD, D(2020, 4, 1), D(2021, 3, 31)),
    pytest.param(
        "2021-09-15", "In 2020-21, 75 people were charged in Rugby.",
        "75", PERIOD, D(2020, 4, 1), D(2021, 3, 31), id="sentence-initial-financial-year",
        ),
    # dated ranges
    ("2022-04-11", "From Monday 7 February to Sunday 20 February the team in Stafford executed "
     "13 warrants.", "13", PERIOD, D(2022, 2, 7), D(2022, 2, 20)),
    ("2021-04-21", "Between April 2020 and March 2021 Keystone teams carried out 198 "
     "investigations.", "198", PERIOD, D(2020, 4, 1), D(2021, 3, 31)),
    ("2021-09-15", "Between 1 and 14 August, 31 people were arrested in Stoke-on-Trent.",
     "31", PERIOD, D(2021, 8, 1), D(2021, 8, 14)),
    pytest.param(
        "2020-11-30", "Between April and June 2020 fire crews in Walsall attended 934 deliberate "
        "fires.", "934", PERIOD, D(2020, 4, 1), D(2020, 6, 30), id="month-range-one-year",
        marks=pytest.mark.xfail(strict=True, reason=(
            "A bare month name ('April') is no date mention, so 'Between April and June 2020' "
            "is no range and the figure's scope stays unknown"))),
    # days: a day of action, yesterday, a past weekday and date
    ("2021-09-17", "Officers took part in a day of action on Wednesday 14 September and "
     "arrested 33 people in Walsall.", "33", EVENT, D(2021, 9, 14), D(2021, 9, 14)),
    ("2021-09-15", "Eleven people were arrested yesterday (Tuesday 14 September) in Walsall.",
     "Eleven", EVENT, D(2021, 9, 14), D(2021, 9, 14)),
    ("2022-11-11", "Seven warrants were executed in Worcester on Thursday 10 November.",
     "Seven", EVENT, D(2022, 11, 10), D(2022, 11, 10)),
    pytest.param(
        "2020-10-15", "Officers in Solihull arrested 61 people during a week of action that "
        "ended on Sunday 11 October.", "61", EVENT, D(2020, 10, 5), D(2020, 10, 11),
        id="week-of-action-ending-on-a-day",
        marks=pytest.mark.xfail(strict=True, reason=(
            "ScopeReader._event() gives a week of action the dates of the one day named in the "
            "sentence, so 'a week of action that ended on Sunday 11 October' spans 11..11 "
            "October instead of 5..11 October"))),
]


@pytest.mark.parametrize(("published", "sentence", "mention", "kind", "start", "end"),
                         SINGLE_CUES)
def test_scope_of_a_sentence(rules: RuleSet, published: str, sentence: str, mention: str,
                             kind: ScopeKind, start: date | None, end: date | None) -> None:
    figure = find(read(rules, dated(published, sentence)), mention)
    assert scope_of(figure) == (kind, start, end)


@pytest.mark.parametrize(("sentence", "label"), [
    ("In the last 12 months, officers in Stafford arrested 41 people.", "last 12 months"),
    ("Eleven people were arrested yesterday (Tuesday 14 September) in Walsall.",
     "yesterday (Tuesday 14 September)"),
    ("Officers in Rugby charged 75 people in 2020-21.", "2020-21"),
])
def test_scope_label_keeps_the_wording(rules: RuleSet, sentence: str, label: str) -> None:
    figures = [f for f in read(rules, dated("2021-09-15", sentence))
               if f.kind is Kind.COUNT]
    assert figures and figures[-1].scope.label == label


def test_a_court_date_in_the_future_is_not_the_period(rules: RuleSet) -> None:
    figures = read(rules, dated("2022-06-08", """
        Four men have been charged and will appear before magistrates in Hanley on Thursday
        30 June.
    """))
    assert find(figures, "Four").scope.kind is UNKNOWN


def test_no_cue_means_unknown(rules: RuleSet) -> None:
    figures = read(rules, dated("2022-06-08", "Officers in Hanley executed 12 warrants."))
    assert scope_of(find(figures, "12")) == (UNKNOWN, None, None)


# --------------------------------------------------------------------------- cues across sentences


def test_scope_carries_to_the_next_paragraph(rules: RuleSet) -> None:
    figures = read(rules, dated("2022-04-04", """
        In the last 12 months West Mercia Police's Keystone team arrested 48 people.

        Officers also executed 61 warrants and safeguarded 57 children.

        Over the same period 42 people were charged.
    """))
    expected = (PERIOD, D(2021, 4, 4), D(2022, 4, 4))
    for mention in ("48", "61", "57", "42"):
        assert scope_of(find(figures, mention)) == expected, mention


def test_a_new_cue_replaces_the_carried_scope(rules: RuleSet) -> None:
    figures = read(rules, dated("2022-04-11", """
        In the last 12 months officers arrested 34 people in Stafford.

        Since the county joined the programme at its launch in October 2017, officers in
        Stafford have arrested 142 people.

        They have also safeguarded 180 children.
    """))
    assert scope_of(find(figures, "34"))[0] is PERIOD
    assert scope_of(find(figures, "142")) == (CUMULATIVE, D(2017, 10, 1), D(2022, 4, 11))
    assert scope_of(find(figures, "180")) == (CUMULATIVE, D(2017, 10, 1), D(2022, 4, 11))


def test_during_the_week_refers_back_to_the_week_of_action(rules: RuleSet) -> None:
    figures = read(rules, dated("2023-03-16", """
        Keystone teams from all four forces carried out a week of action from Monday 6 March to
        Sunday 12 March.

        Officers executed 42 warrants and safeguarded 37 children.

        Thirty people were arrested during the week.
    """))
    for mention in ("42", "37", "Thirty"):
        figure = find(figures, mention)
        assert (figure.scope.start, figure.scope.end) == (D(2023, 3, 6), D(2023, 3, 12)), mention


def test_a_comparison_year_does_not_become_the_context(rules: RuleSet) -> None:
    """"three more than in the previous 12 months (118)": 118 is the year before; the next
    sentence is back in the last 12 months."""
    figures = read(rules, dated("2023-05-16", """
        In the last 12 months the teams arrested 121 people, three more than in the previous
        12 months (118). Seventy-nine people were charged.
    """))
    assert scope_of(find(figures, "121")) == (PERIOD, D(2022, 5, 16), D(2023, 5, 16))
    assert scope_of(find(figures, "118")) == (PERIOD, D(2021, 5, 16), D(2022, 5, 16))
    assert scope_of(find(figures, "Seventy-nine")) == (PERIOD, D(2022, 5, 16), D(2023, 5, 16))


def test_a_day_of_action_named_later_keeps_its_date(rules: RuleSet) -> None:
    figures = read(rules, dated("2021-09-17", """
        Officers from all four police forces took part in a day of action on Tuesday
        14 September.

        Across the region they executed 41 warrants and arrested 33 people.
    """))
    for mention in ("41", "33"):
        assert scope_of(find(figures, mention)) == (EVENT, D(2021, 9, 14), D(2021, 9, 14))


@pytest.mark.xfail(strict=True, reason=(
    "Extractor._scope_for() lets a following cue reach a figure only when no other count "
    "stands between them, so in 'carried out 41 investigations and executed nine warrants "
    "since the launch' the 41 keeps the carried-over period instead of 'since launch'"))
def test_a_trailing_cue_covers_every_count_of_its_clause(rules: RuleSet) -> None:
    figures = read(rules, dated("2021-10-12", """
        In the last 12 months officers in Leek arrested 20 people.

        Officers in Leek have carried out 41 investigations and executed nine warrants since
        the launch in 2017.
    """))
    assert find(figures, "nine").scope.kind is CUMULATIVE
    assert find(figures, "41").scope.kind is CUMULATIVE
