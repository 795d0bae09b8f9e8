"""Tests for checks.dates: month and weekday names, metadata dates, date mentions."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest

from checks.dates import MONTHS, WEEKDAYS, DateMention, find_dates, parse_date, weekday_name

SEED = Path(__file__).resolve().parents[1] / "seeds" / "2017-02-01-operation-safenet.txt"

# --------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("january", 1),
        ("Jan", 1),
        ("FEB", 2),
        ("march", 3),
        ("Sept", 9),
        ("sep", 9),
        ("May", 5),
        ("december", 12),
    ],
)
def test_months_accept_names_and_abbreviations_in_any_case(name: str, number: int) -> None:
    assert MONTHS[name.lower()] == number


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("Monday", 0),
        ("mon", 0),
        ("Tue", 1),
        ("tues", 1),
        ("wed", 2),
        ("Weds", 2),
        ("thu", 3),
        ("thur", 3),
        ("Thurs", 3),
        ("fri", 4),
        ("sat", 5),
        ("Sunday", 6),
        ("sun", 6),
    ],
)
def test_weekdays_count_from_monday_as_date_weekday_does(name: str, number: int) -> None:
    assert WEEKDAYS[name.lower()] == number


def test_weekday_name_matches_the_calendar() -> None:
    assert [weekday_name(index) for index in range(7)] == [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    assert weekday_name(date(2021, 9, 14).weekday()) == "Tuesday"


# --------------------------------------------------------------------------- parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-09-15", date(2021, 9, 15)),
        ("2022-11-11T10:00:00Z", date(2022, 11, 11)),
        ("2021-04-21T09:30:00+01:00", date(2021, 4, 21)),
        ("26/03/2021", date(2021, 3, 26)),
        ("26.03.2021", date(2021, 3, 26)),
        ("09:26 26/03/2021", date(2021, 3, 26)),
        ("26/03/2021 09:26", date(2021, 3, 26)),
        ("26 March 2021", date(2021, 3, 26)),
        ("26th March 2021", date(2021, 3, 26)),
        ("March 26, 2021", date(2021, 3, 26)),
        ("Friday 26 March 2021", date(2021, 3, 26)),
        ("Thursday, 31 July 2014", date(2014, 7, 31)),
        ("the 3rd of July 2006", date(2006, 7, 3)),
        ("  2009-11-05  ", date(2009, 11, 5)),
    ],
)
def test_parse_date_reads_metadata_values(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "August 2012",
        "2013-14",
        "",
        "not a date",
        "30 February 2021",
        "31/04/2021",
        "14 September",
        "13/13/2021",
    ],
)
def test_parse_date_returns_none_without_a_full_possible_date(value: str) -> None:
    assert parse_date(value) is None


# --------------------------------------------------------------------------- find_dates


def fields(
    mention: DateMention,
) -> tuple[str, int | None, int | None, int | None, int | None, str | None]:
    return (
        mention.text,
        mention.weekday,
        mention.day,
        mention.month,
        mention.year,
        mention.relative,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Wednesday 14 September.", [("Wednesday 14 September", 2, 14, 9, None, None)]),
        ("Monday 26 September", [("Monday 26 September", 0, 26, 9, None, None)]),
        ("raids on Tuesday (23 May) by", [("Tuesday (23 May)", 1, 23, 5, None, None)]),
        ("Thursday, 31 July 2014", [("Thursday, 31 July 2014", 3, 31, 7, 2014, None)]),
        ("February 1, 2017", [("February 1, 2017", None, 1, 2, 2017, None)]),
        ("Thursday 14 March 2019", [("Thursday 14 March 2019", 3, 14, 3, 2019, None)]),
        (
            "launched on Monday 2 October 2017, and",
            [("Monday 2 October 2017", 0, 2, 10, 2017, None)],
        ),
        ("at 09:26 on 26/03/2021", [("26/03/2021", None, 26, 3, 2021, None)]),
        ("dated 2021-09-15.", [("2021-09-15", None, 15, 9, 2021, None)]),
        ("Between April 2020 and", [("April 2020", None, None, 4, 2020, None)]),
        ("set up in October 2017,", [("October 2017", None, None, 10, 2017, None)]),
        ("the 26th of March", [("the 26th of March", None, 26, 3, None, None)]),
        ("14 September (Tuesday)", [("14 September (Tuesday)", 1, 14, 9, None, None)]),
        ("Sat 5 March 2022", [("Sat 5 March 2022", 5, 5, 3, 2022, None)]),
        ("on Thursday", [("Thursday", 3, None, None, None, None)]),
        ("on 26 Sept. 2021 at", [("26 Sept. 2021", None, 26, 9, 2021, None)]),
    ],
)
def test_find_dates_reads_written_dates(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [fields(mention) for mention in find_dates(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Twelve people were arrested yesterday (Tuesday 14 September) when",
            [("yesterday (Tuesday 14 September)", 1, 14, 9, None, "yesterday")],
        ),
        (
            "were out this morning (Thurs) targeting",
            [("this morning (Thurs)", 3, None, None, None, "today")],
        ),
        (
            "due before the court today (Wednesday).",
            [("today (Wednesday)", 2, None, None, None, "today")],
        ),
        (
            "Yesterday's warrants covered towns",
            [("Yesterday", None, None, None, None, "yesterday")],
        ),
        ("published today.", [("today", None, None, None, None, "today")]),
        ("arrested last night in", [("last night", None, None, None, None, "yesterday")]),
        (
            "this afternoon and tonight",
            [
                ("this afternoon", None, None, None, None, "today"),
                ("tonight", None, None, None, None, "today"),
            ],
        ),
        ("in court tomorrow", [("tomorrow", None, None, None, None, "tomorrow")]),
    ],
)
def test_find_dates_reads_relative_days(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [fields(mention) for mention in find_dates(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ran from Monday 26 September to Saturday 9 October.",
            [
                ("Monday 26 September", 0, 26, 9, None, None),
                ("Saturday 9 October", 5, 9, 10, None, None),
            ],
        ),
        (
            "between 7-20 February",
            [("7", None, 7, 2, None, None), ("20 February", None, 20, 2, None, None)],
        ),
        (
            "7\u201320 February 2022",
            [("7", None, 7, 2, 2022, None), ("20 February 2022", None, 20, 2, 2022, None)],
        ),
        ("on 1 and 2 March", [("1", None, 1, 3, None, None), ("2 March", None, 2, 3, None, None)]),
        (
            "Monday 7 to Sunday 20 February",
            [("Monday 7", 0, 7, 2, None, None), ("Sunday 20 February", 6, 20, 2, None, None)],
        ),
        (
            "February 7-9, 2017",
            [("February 7", None, 7, 2, 2017, None), ("9, 2017", None, 9, 2, 2017, None)],
        ),
        (
            "April 2022 to March 2023",
            [("April 2022", None, None, 4, 2022, None), ("March 2023", None, None, 3, 2023, None)],
        ),
    ],
)
def test_ranges_give_a_mention_for_each_end(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [fields(mention) for mention in find_dates(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Offenders may be in Staffordshire and they may 5 times",
        "a march through the town and a march 12",
        "they sat on the wall and were wed",
        "sun and sat and wed and mon",
        "aged 25 and 39",
        "the 12 months",
        "2019-20 and 2007/8 and 2013-14",
        "Section 160 of the Act, A34, 1,214 investigations, 16.1 calls",
        "maybe the mayor",
        "Maydays and Marches",
    ],
)
def test_ordinary_words_and_numbers_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # A release of 25 October 2016 about "Monday 26 September" means 2016.
        ("from Monday 26 September", date(2016, 10, 25), date(2016, 9, 26)),
        ("on Thursday 16 September", date(2021, 9, 15), date(2021, 9, 16)),
        # Written on 3 January 2022, "Friday 31 December" is the day before New Year.
        ("on Friday 31 December", date(2022, 1, 3), date(2021, 12, 31)),
        ("on 2 January", date(2021, 12, 30), date(2022, 1, 2)),
        ("Monday 2 October 2017", date(2021, 1, 1), date(2017, 10, 2)),
        ("yesterday", date(2021, 9, 15), date(2021, 9, 14)),
        ("tomorrow", date(2021, 12, 31), date(2022, 1, 1)),
        ("this morning (Thurs)", date(2017, 2, 1), date(2017, 2, 1)),
        ("yesterday (Tuesday 14 September)", date(2021, 9, 15), date(2021, 9, 14)),
        ("29 February", date(2020, 3, 10), date(2020, 2, 29)),
    ],
)
def test_resolved_dates_use_the_year_closest_to_the_reference(
    text: str, reference: date, expected: date
) -> None:
    assert find_dates(text, reference)[0].resolved == expected


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("on Thursday", date(2021, 9, 15)),
        ("Monday 26 September", None),
        ("yesterday", None),
        ("in April 2020", date(2021, 1, 1)),
        ("29 February", date(2022, 6, 1)),
    ],
)
def test_resolved_is_none_when_the_date_cannot_be_worked_out(
    text: str, reference: date | None
) -> None:
    assert find_dates(text, reference)[0].resolved is None


@pytest.mark.parametrize(
    "text",
    [
        "30 February 2020",
        "31 April",
        "Monday 31 June 2021",
        "29 February 2021",
        "31/09/2021",
        "31st of November",
    ],
)
def test_impossible_days_are_returned_as_invalid(text: str) -> None:
    (mention,) = find_dates(text, date(2021, 6, 1))
    assert mention.valid is False
    assert mention.resolved is None
    assert mention.day is not None and mention.month is not None


def test_a_weekday_that_disagrees_with_the_date_is_kept_as_written() -> None:
    # From the corpus: 14 September 2021 was a Tuesday, the release says Wednesday.
    (mention,) = find_dates("a day of action on Wednesday 14 September.", date(2021, 9, 17))
    assert mention.weekday == 2
    assert mention.resolved == date(2021, 9, 14)
    assert mention.resolved.weekday() == 1


def test_spans_index_the_text_they_were_found_in() -> None:
    text = (
        "Operation Cordella ran from Monday 26 September to Saturday 9 October. Yesterday's news."
    )
    mentions = find_dates(text, date(2016, 10, 25))
    assert len(mentions) == 3
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    starts = [mention.start for mention in mentions]
    assert starts == sorted(starts)
    assert all(left.end <= right.start for left, right in itertools.pairwise(mentions))


def test_dates_across_a_line_break_are_found() -> None:
    (mention,) = find_dates("handed in on Monday 3\nJuly 2006 at the station")
    assert (mention.day, mention.month, mention.year) == (3, 7, 2006)


def test_mentions_are_frozen_values() -> None:
    (mention,) = find_dates("14 March 2019")
    with pytest.raises(AttributeError):
        mention.day = 15  # type: ignore[misc]


# --------------------------------------------------------------------------- speed


@pytest.mark.parametrize(
    "text",
    [
        "The teams carried out 593 investigations on Monday 2 October 2017 and yesterday. " * 4_000,
        "1-" * 150_000,
        "Monday 1 " * 35_000,
        "[(" * 150_000,
        "a" * 300_000,
        "7 - 8 - 9 - 10 - 11 March " * 12_000,
    ],
    ids=["prose", "dashes", "weekdays", "brackets", "one-word", "ranges"],
)
def test_hostile_text_is_scanned(text: str) -> None:
    # 300 kB each.  Generous bounds: the point is that no input makes the
    # scanner backtrack or loop (that would take minutes).
    # The point is that it finishes (a backtracking scanner would not); speed is in bench/.
    mentions = find_dates(text, date(2021, 1, 1))
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_a_megabyte_of_prose_is_scanned() -> None:
    release = (SEED.read_text(encoding="utf-8") * 200)[:1_000_000]
    mentions = find_dates(release, date(2017, 2, 1))
    assert len(mentions) > 100
