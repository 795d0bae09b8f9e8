"""Work out the period a figure covers: since launch, the last 12 months, a day of action.

A sentence may carry scope cues ("since the launch in October 2017", "in the
last 12 months", "yesterday (Tuesday 14 September)", "from Monday 7 February to
Sunday 20 February").  A figure takes the cue that follows it in the same
clause, else the nearest cue before it in its sentence, else the scope the
document was last talking about: releases set a period once and keep to it
until they change the subject.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from checks.dates import DateMention, find_dates
from checks.model import UNKNOWN_SCOPE, Scope, ScopeKind

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "twenty-four": 24,
    "thirty": 30,
    "thirty-six": 36,
}
_N = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(days?|weeks?|fortnights?|months?|years?)"

_CUMULATIVE = re.compile(
    r"\bsince\b(?:[\s,]+[\w'’\-]+){0,8}?[\s,]+(?:launch(?:ed)?|began|begun|started|start|"
    r"set\s+up|inception|joined|formed|introduced|created|established|beginning|outset)\b"
    r"|\bsince\s+launch\b|\bto\s+date\b|\b(?:have|has|had)\s+now\b|\bin\s+all\b"
    r"|\bafter\s+(?:it|the\s+\w+)\s+(?:was\s+)?(?:set\s+up|launched|began|started)\b",
    re.IGNORECASE,
)
_SINCE_DATE = re.compile(
    r"\bsince\s+(?:(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_LAST = re.compile(
    rf"\b(?:the|this)\s+(last|past|previous|preceding|latest)\s+(?:{_N}\s+)?{_UNIT}",
    re.IGNORECASE,
)
_IN_N = re.compile(
    rf"\b(?:in|over)\s+(?:the\s+)?{_N}\s+(months|years|weeks)\b(?!\s+(?:to|ending|ended|up)\b)",
    re.IGNORECASE,
)
_MONTHS_TO = re.compile(
    r"\bthe\s+(?:(?:12|twelve)\s+months|year)\s+(?:to|ending|ended|up\s+to)\b", re.IGNORECASE
)
_A_YEAR = re.compile(r"\bin\s+a\s+year\b|\bin\s+the\s+past\s+year\b", re.IGNORECASE)
_PREVIOUS_YEAR = re.compile(
    r"\b(?:the\s+year\s+before|the\s+previous\s+year|a\s+year\s+earlier|the\s+year\s+earlier|"
    r"last\s+year)\b",
    re.IGNORECASE,
)
_CALENDAR_YEAR = re.compile(
    r"(?<!since )(?<!back )(?<!launched )(?<!began )(?<!started )(?<!up )"
    r"\b(?:in|during|throughout|for|of)\s+((?:19|20)\d\d)\b(?![-/–]\d)",
    re.IGNORECASE,
)
_THIS_YEAR = re.compile(r"\bthis\s+year\b", re.IGNORECASE)
_SAME = re.compile(
    r"\b(?:in|during|over|across)\s+(?:the|that)\s+(?:same\s+)?(?:year|period|time)\b"
    r"|\bthe\s+same\s+(?:year|period)\b",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(day|week|weekend|fortnight|month|night)s?\s+of\s+(?:action|activity|intensification|"
    r"enforcement)\b|\b(?:week|day)-long\s+operation\b",
    re.IGNORECASE,
)
_EVENT_BACK = re.compile(
    r"\b(?:during|over|on|in|throughout)\s+the\s+(?:day|week|fortnight|weekend|operation)\b"
    r"|\bthe\s+(?:day|week|fortnight)'?s?\s+(?:operation|activity)\b"
    r"|\bin\s+(?:a|one)\s+(?:single\s+)?(?:day|week|fortnight|morning|night)\b"
    r"|\bover\s+the\s+(?:seven|five|ten|fourteen|\d{1,2})\s+days\b",
    re.IGNORECASE,
)
_FINANCIAL_YEAR = re.compile(
    r"\b(?:in|during|for|over)\s+(?:the\s+)?((?:19|20)\d\d)[-/–](\d\d)\b", re.IGNORECASE
)
_RANGE_LINK = re.compile(r"^\s*(?:to|and|until|till|through|-|–|—)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:from|between|\()\s*(?:\w+day,?\s*)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ScopeCue:
    """A phrase that sets the period of the figures near it.

    ``scope`` is None for cues that say "the same period as before"."""

    start: int
    end: int
    scope: Scope | None
    sticky: bool = True  # False for comparisons ("the year before", "in 2019") that set no context
    to_event: bool = False  # "during the week", "in a single day": the event the release is about


def shift_months(day: date, months: int) -> date:
    """Return ``day`` moved by a whole number of months, clamped to the month's end."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _span(count: int, unit: str, end: date) -> date:
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return end - timedelta(days=count)
    if unit == "week":
        return end - timedelta(weeks=count)
    if unit == "fortnight":
        return end - timedelta(weeks=2 * count)
    if unit == "month":
        return shift_months(end, -count)
    return shift_months(end, -12 * count)


def _number(word: str | None) -> int:
    if not word:
        return 1
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower(), 1)


def _month_start(mention: DateMention) -> date | None:
    if mention.resolved and mention.day:
        return mention.resolved
    if mention.month and mention.year:
        return date(mention.year, mention.month, 1)
    return mention.resolved


def _month_end(mention: DateMention) -> date | None:
    if mention.resolved and mention.day:
        return mention.resolved
    if mention.month and mention.year:
        return date(
            mention.year, mention.month, calendar.monthrange(mention.year, mention.month)[1]
        )
    if mention.resolved:
        resolved = mention.resolved
        return resolved.replace(day=calendar.monthrange(resolved.year, resolved.month)[1])
    return None


class ScopeReader:
    """Find scope cues in the sentences of one document, relative to its date."""

    def __init__(self, published: date | None) -> None:
        self.published = published

    def cues(self, text: str, dates: list[DateMention] | None = None) -> list[ScopeCue]:
        """Return the scope cues in one sentence, in order."""
        if dates is None:
            dates = find_dates(text, self.published)
        as_of = self._as_of(text, dates) or self.published
        cues: list[ScopeCue] = []
        for match in _CUMULATIVE.finditer(text):
            start = self._launch_date(text, match.end(), dates)
            cues.append(
                ScopeCue(
                    match.start(),
                    match.end(),
                    Scope(ScopeKind.CUMULATIVE, "since launch", start, as_of),
                )
            )
        for match in _SINCE_DATE.finditer(text):
            if not any(c.start <= match.start() < c.end for c in cues):
                start = self._launch_date(text, match.start(), dates)
                cues.append(
                    ScopeCue(
                        match.start(),
                        match.end(),
                        Scope(ScopeKind.CUMULATIVE, "since launch", start, as_of),
                    )
                )
        for match in _LAST.finditer(text):
            cues.append(self._last_cue(match, as_of))
        for match in _IN_N.finditer(text):
            count, unit = _number(match.group(1)), match.group(2)
            label = f"{count} {unit.lower()}"
            begin = _span(count, unit, as_of) if as_of else None
            cues.append(
                ScopeCue(match.start(), match.end(), Scope(ScopeKind.PERIOD, label, begin, as_of))
            )
        for match in _MONTHS_TO.finditer(text):
            end = self._date_after(match.end(), dates)
            begin = shift_months(end, -12) + timedelta(days=1) if end else None
            cues.append(
                ScopeCue(
                    match.start(), match.end(), Scope(ScopeKind.PERIOD, "12 months", begin, end)
                )
            )
        for match in _A_YEAR.finditer(text):
            begin = shift_months(as_of, -12) if as_of else None
            cues.append(
                ScopeCue(
                    match.start(), match.end(), Scope(ScopeKind.PERIOD, "12 months", begin, as_of)
                )
            )
        for match in _PREVIOUS_YEAR.finditer(text):
            end = shift_months(as_of, -12) if as_of else None
            begin = shift_months(as_of, -24) if as_of else None
            cues.append(
                ScopeCue(
                    match.start(),
                    match.end(),
                    Scope(ScopeKind.PERIOD, "previous 12 months", begin, end),
                    sticky=False,
                )
            )
        for match in _CALENDAR_YEAR.finditer(text):
            year = int(match.group(1))
            cues.append(
                ScopeCue(
                    match.start(),
                    match.end(),
                    Scope(ScopeKind.PERIOD, str(year), date(year, 1, 1), date(year, 12, 31)),
                    sticky=False,
                )
            )
        for match in _THIS_YEAR.finditer(text):
            begin = date(as_of.year, 1, 1) if as_of else None
            cues.append(
                ScopeCue(
                    match.start(), match.end(), Scope(ScopeKind.PERIOD, "this year", begin, as_of)
                )
            )
        for match in _FINANCIAL_YEAR.finditer(text):
            first = int(match.group(1))
            cues.append(
                ScopeCue(
                    match.start(),
                    match.end(),
                    Scope(
                        ScopeKind.PERIOD,
                        f"{first}-{match.group(2)}",
                        date(first, 4, 1),
                        date(first + 1, 3, 31),
                    ),
                )
            )
        for match in _SAME.finditer(text):
            cues.append(ScopeCue(match.start(), match.end(), None))
        cues.extend(self._date_cues(text, dates))
        for match in _EVENT.finditer(text):
            cues.append(ScopeCue(match.start(), match.end(), self._event(text, match, dates)))
        for match in _EVENT_BACK.finditer(text):
            cues.append(ScopeCue(match.start(), match.end(), None, to_event=True))
        return _without_overlaps(cues)

    # ----------------------------------------------------------------- helpers

    def _as_of(self, text: str, dates: list[DateMention]) -> date | None:
        """Return the date figures are given to ("figures to 31 March 2023")."""
        for mention in dates:
            before = text[max(0, mention.start - 12) : mention.start].lower()
            if (mention.day and re.search(r"\b(?:to|up to|until|as at|as of|ending)\s*$", before)
                    and not re.search(r"\bmonths?\s+(?:to|ending)\s*$", before)):
                return mention.resolved
        return None

    def _launch_date(self, text: str, index: int, dates: list[DateMention]) -> date | None:
        for mention in dates:
            if mention.start >= index - 40 and mention.start < index + 40:
                before = text[max(0, mention.start - 6) : mention.start].lower()
                if "in" in before or "on" in before or "since" in before:
                    return _month_start(mention)
        return None

    def _date_after(self, index: int, dates: list[DateMention]) -> date | None:
        for mention in dates:
            if 0 <= mention.start - index <= 3:
                return _month_end(mention)
        return None

    def _last_cue(self, match: re.Match[str], as_of: date | None) -> ScopeCue:
        which, count_word, unit = match.group(1).lower(), match.group(2), match.group(3)
        sticky = which not in ("previous", "preceding")
        count = _number(count_word)
        label = f"{'previous' if which in ('previous', 'preceding') else 'last'} {count} {unit}"
        if unit.lower().startswith("year"):
            count, unit = 12 * count, "months"
            label = label.replace(f"{count // 12} year", f"{count} month")
        if as_of is None:
            return ScopeCue(match.start(), match.end(), Scope(ScopeKind.PERIOD, label), sticky)
        begin = _span(count, unit, as_of)
        end = as_of
        if not sticky:
            end, begin = begin, _span(count, unit, begin)
        return ScopeCue(
            match.start(), match.end(), Scope(ScopeKind.PERIOD, label, begin, end), sticky
        )

    def _date_cues(self, text: str, dates: list[DateMention]) -> list[ScopeCue]:
        """Return cues from explicit dates: ranges and single past days."""
        cues: list[ScopeCue] = []
        used: set[int] = set()
        for index in range(len(dates) - 1):
            first, second = dates[index], dates[index + 1]
            link = text[first.end : second.start]
            opening = text[max(0, first.start - 12) : first.start]
            if _RANGE_LINK.match(link) and (_RANGE_OPEN.search(opening) or "(" in opening):
                begin, end = _month_start(first), _month_end(second)
                if begin and end and begin <= end:
                    label = f"{first.text} to {second.text}"
                    cues.append(
                        ScopeCue(
                            first.start, second.end, Scope(ScopeKind.PERIOD, label, begin, end)
                        )
                    )
                    used |= {index, index + 1}
        for index, mention in enumerate(dates):
            if index in used or not self._is_past_day(text, mention):
                continue
            day = mention.resolved
            cues.append(
                ScopeCue(mention.start, mention.end, Scope(ScopeKind.EVENT, mention.text, day, day))
            )
        return cues

    def _is_past_day(self, text: str, mention: DateMention) -> bool:
        if mention.resolved is None or not mention.valid:
            return False
        if self.published and mention.resolved > self.published:
            return False  # a court date or a deadline, not the period of a figure
        if mention.relative:
            return True
        before = text[max(0, mention.start - 4) : mention.start].lower()
        return mention.day is not None and bool(re.search(r"\bon\s*$", before))

    def _event(self, text: str, match: re.Match[str], dates: list[DateMention]) -> Scope:
        label = match.group(0).lower()
        days = [c.scope for c in self._date_cues(text, dates) if c.scope is not None]
        if days:
            first = days[0]
            return Scope(ScopeKind.EVENT, label, first.start, first.end)
        return Scope(ScopeKind.EVENT, label)


def _without_overlaps(cues: list[ScopeCue]) -> list[ScopeCue]:
    """Keep the longest cue where cues overlap, in text order."""
    kept: list[ScopeCue] = []
    for cue in sorted(cues, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and cue.start < kept[-1].end:
            previous = kept[-1]
            if previous.scope is None and cue.scope is not None:
                kept[-1] = cue
            continue
        kept.append(cue)
    return kept


def resolve(cue: ScopeCue | None, current: Scope, event: Scope | None = None) -> Scope:
    """Return the scope a cue sets, given the scope in force before it and the
    release's latest event (day or week of action), if any."""
    if cue is None:
        return current
    if cue.scope is None:
        return event if cue.to_event and event is not None else current
    if (
        cue.scope.kind is ScopeKind.EVENT
        and cue.scope.start is None
        and (current.kind is ScopeKind.EVENT and current.start is not None)
    ):
        return replace(current, label=cue.scope.label)
    return cue.scope


__all__ = ["UNKNOWN_SCOPE", "ScopeCue", "ScopeReader", "resolve", "shift_months"]
