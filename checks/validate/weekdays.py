"""Weekdays against the calendar: ``date``.

"Wednesday 14 September" in a release dated 17 September 2021 names a Tuesday;
"this morning (Thurs)" in a release dated Wednesday 1 February 2017 names the
wrong day; "30 February" does not exist.  Dates without a year take the year
that puts them nearest the publication date.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta

from checks.dates import DateMention, find_dates, weekday_name
from checks.model import Block, BlockKind, Document, Finding, Rule, Severity
from checks.validate.batch import Batch
from checks.validate.claims import Claim, Interval

WEEKDAY = "figcheck.weekday-matches-date"
VALID = "figcheck.date-exists"
CHECKS = {
    WEEKDAY: "A weekday next to a date, or next to today or yesterday, is that date's weekday.",
    VALID: "A written date exists in the calendar.",
}
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def claims(batch: Batch) -> Iterator[Claim]:
    for document in batch.documents:
        for block in document.blocks:
            if block.kind is BlockKind.ROW and not block.text.strip():
                continue
            for mention in find_dates(block.text, document.published):
                yield from _mention_claims(document, block, mention)


def _mention_claims(document: Document, block: Block, mention: DateMention) -> Iterator[Claim]:
    if mention.day and mention.month and not mention.valid:
        yield _invalid(document, block, mention)
        return
    if mention.weekday is None:
        return
    if mention.day and mention.resolved:
        yield _weekday_claim(document, block, mention, mention.resolved, mention.text)
    elif mention.relative in _RELATIVE_DAYS and document.published:
        day = document.published + timedelta(days=_RELATIVE_DAYS[mention.relative])
        said = f"{mention.relative} ({_date_text(day)})"
        yield _weekday_claim(document, block, mention, day, said)


def _weekday_claim(
    document: Document, block: Block, mention: DateMention, day: date, said: str
) -> Claim:
    stated, actual = mention.weekday or 0, day.weekday()
    nearest = _nearest_with_weekday(day, stated)
    message = (
        f'"{mention.text}": {said if said != mention.text else _date_text(day)} '
        f"was a {weekday_name(actual)}, not a {weekday_name(stated)}."
    )
    hint = (
        f"Either the weekday should be {weekday_name(actual)}, or the date should be "
        f"{weekday_name(stated)} {_date_text(nearest)}."
    )
    if mention.relative and not mention.day:
        hint = (
            f"The release is dated {weekday_name(actual)} {_date_text(day)}: "
            f"write {weekday_name(actual)}, or correct the publication date."
        )
    finding = _finding(document, block, mention, message, hint, WEEKDAY)
    return Claim(WEEKDAY, Interval.point(stated), Interval.point(actual), finding)


def _invalid(document: Document, block: Block, mention: DateMention) -> Claim:
    month = mention.month or 1
    year = mention.year or (document.published.year if document.published else 2001)
    last = calendar.monthrange(year, month)[1]
    message = f'"{mention.text}" does not exist: {calendar.month_name[month]} has {last} days.'
    finding = _finding(document, block, mention, message, "Check the day of the month.", VALID)
    return Claim(VALID, Interval.point(mention.day or 0), Interval(1, last), finding)


def _finding(
    document: Document, block: Block, mention: DateMention, message: str, hint: str, check: str
) -> Finding:
    start = block.raw_offset(mention.start)
    end = block.raw_end(mention.end)
    line, column = document.position(start)
    end_line, end_column = document.position(max(end - 1, start))
    return Finding(
        rule=Rule.DATE,
        severity=Severity.ERROR,
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column + 1,
        message=message,
        hint=hint,
        check=check,
    )


def _nearest_with_weekday(day: date, weekday: int) -> date:
    forward = (weekday - day.weekday()) % 7
    return day + timedelta(days=forward if forward <= 3 else forward - 7)


def _date_text(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"
