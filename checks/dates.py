"""Find and read calendar dates in press-release text.

UK sources write dates day first ("26/03/2021", "Monday 26 September"), often
without a year, and next to relative words ("yesterday (Tuesday 14
September)").  :func:`find_dates` finds those mentions with their spans and
works out the date each one means relative to a reference day (usually the
publication date); :func:`parse_date` reads a single metadata value.

The scanner works on tokens (words, numbers, punctuation) with a fixed
look-ahead, so it runs in linear time whatever the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "DateMention",
    "find_dates",
    "parse_date",
    "weekday_name",
]

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

#: Month number (1-12) by lower-case full name or common abbreviation.
MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **_MONTH_ABBREVIATIONS,
}

_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBREVIATIONS = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "weds": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}

#: Weekday number as ``date.weekday()`` counts it (Monday = 0) by lower-case
#: full name or common abbreviation.
WEEKDAYS: dict[str, int] = {
    **{name: number for number, name in enumerate(_WEEKDAY_NAMES)},
    **_WEEKDAY_ABBREVIATIONS,
}

# Words that are also ordinary English words: as months they must be
# capitalised ("may" the verb, "a march").
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar"})

_RELATIVE_WORDS = {
    "today": "today",
    "yesterday": "yesterday",
    "tomorrow": "tomorrow",
    "tonight": "today",
}
_RELATIVE_PAIRS = {
    ("this", "morning"): "today",
    ("this", "afternoon"): "today",
    ("this", "evening"): "today",
    ("last", "night"): "yesterday",
}
_RELATIVE_SHIFT = {"today": 0, "yesterday": -1, "tomorrow": 1}
_RANGE_CONNECTORS = frozenset({"-", "\u2013", "\u2014", "to", "and", "until", "till", "through"})
_ORDINAL_SUFFIXES = frozenset({"", "st", "nd", "rd", "th"})

_PADDING = 32

# Words a mention can start with; the scanner skips every other word at once.
_START_WORDS = frozenset(
    {*MONTHS, *WEEKDAYS, *_RELATIVE_WORDS, *(first for first, _ in _RELATIVE_PAIRS), "the"}
)

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def weekday_name(index: int) -> str:
    """Return the English name of a weekday number (Monday = 0)."""
    return _WEEKDAY_NAMES[index % 7].capitalize()


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date, weekday or relative day written in a text.

    ``start``/``end`` span the mention in the text it was found in; ``day``,
    ``month`` and ``year`` are as written (None where absent).  ``resolved`` is
    the calendar date meant, where it can be worked out; ``valid`` is False for
    an impossible day such as 30 February.
    """

    start: int
    end: int
    text: str
    weekday: int | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    resolved: date | None = None
    valid: bool = True
    relative: str | None = None


# --------------------------------------------------------------------------- tokens

# Numeric dates are whole tokens so that "26/03/2021" is never read as three
# numbers; every alternative is a simple bounded pattern (no nested repeats).
_TOKEN = re.compile(
    r"(?P<iso>\d{4}-\d{1,2}-\d{1,2})(?!\d)"
    r"|(?P<dmy>\d{1,2}(?P<sep>[/.])\d{1,2}(?P=sep)\d{4}(?![\d/]|\.\d)"
    r"|\d{1,2}/\d{1,2}/\d{2}(?![\d/]|\.\d))"
    r"|(?P<num>\d+(?:[.,]\d+)*[^\W\d_]*)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>\S)"
)
_ORDINAL_ENDINGS = ("st", "nd", "rd", "th")


@dataclass(slots=True)
class _Tokens:
    """The tokens of a stretch of text, as parallel lists.

    Lists rather than one object per token: a megabyte of text holds hundreds
    of thousands of tokens, and building objects for them dominated the time.
    """

    text: str  # the whole text, to see what precedes a token
    kinds: list[str]  # "iso", "dmy", "num", "word", "punct" (or "end" past the last)
    texts: list[str]
    lowers: list[str]
    starts: list[int]
    ends: list[int]

    @property
    def count(self) -> int:
        return len(self.kinds) - _PADDING


def _tokenize(text: str, start: int = 0, end: int | None = None) -> _Tokens:
    matches = list(_TOKEN.finditer(text, start, len(text) if end is None else end))
    texts = [match.group() for match in matches]
    last = matches[-1].end() if matches else start
    # Padding lets every look-ahead index the lists without bounds checks: no
    # rule looks further than _PADDING tokens past where it starts.
    padding = [""] * _PADDING
    return _Tokens(
        text=text,
        kinds=[match.lastgroup or "punct" for match in matches] + ["end"] * _PADDING,
        texts=texts + padding,
        lowers=[token.lower() for token in texts] + padding,
        starts=[match.start() for match in matches] + [last] * _PADDING,
        ends=[match.end() for match in matches] + [last] * _PADDING,
    )


@dataclass(frozen=True, slots=True)
class _Parsed:
    """Fields of one mention before resolution (token indexes, inclusive end)."""

    first: int
    last: int
    weekday: int | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    relative: str | None = None


# --------------------------------------------------------------------------- grammar


class _Scanner:
    """Recognise date mentions in a token list, left to right."""

    def __init__(self, tokens: _Tokens) -> None:
        self.tokens = tokens
        self.kinds = tokens.kinds
        self.lowers = tokens.lowers

    def is_punct(self, index: int, chars: str) -> bool:
        return self.kinds[index] == "punct" and self.tokens.texts[index] in chars

    def is_word(self, index: int, *words: str) -> bool:
        return self.kinds[index] == "word" and self.lowers[index] in words

    def glued(self, index: int) -> bool:
        """Return True for a number stuck to a letter or digit before it ("A34")."""
        start = self.tokens.starts[index]
        return start > 0 and self.tokens.text[start - 1].isalnum()

    # ----------------------------------------------------------------- atoms

    def weekday_at(self, index: int, *, abbreviations: bool = True) -> tuple[int, int] | None:
        """Return (weekday, last token index) for a weekday word at ``index``."""
        if self.kinds[index] != "word":
            return None
        lower = self.lowers[index]
        if lower in _WEEKDAY_NAMES:
            return _WEEKDAY_NAMES.index(lower), index
        if abbreviations and lower in _WEEKDAY_ABBREVIATIONS:
            last = index + 1 if self.is_punct(index + 1, ".") else index
            return _WEEKDAY_ABBREVIATIONS[lower], last
        return None

    def month_at(self, index: int) -> tuple[int, int] | None:
        """Return (month, last token index) for a month word at ``index``."""
        lower = self.lowers[index]
        if self.kinds[index] != "word" or lower not in MONTHS:
            return None
        if lower in _AMBIGUOUS_MONTHS and not self.tokens.texts[index][0].isupper():
            return None
        last = index
        if lower in _MONTH_ABBREVIATIONS and self.is_punct(index + 1, "."):
            last = index + 1
        return MONTHS[lower], last

    def day_at(self, index: int) -> int | None:
        """Return the day number of a token such as "26" or "26th"."""
        if self.kinds[index] != "num":
            return None
        digits = self.lowers[index]
        if not digits.isdecimal():
            if not digits.endswith(_ORDINAL_ENDINGS):
                return None
            digits = digits[:-2]
            if not digits.isdecimal():
                return None
        if len(digits) > 2 or self.glued(index):
            return None
        day = int(digits)
        return day if 1 <= day <= 31 else None

    def year_at(self, index: int) -> int | None:
        """Return the year of a four-digit number token."""
        text = self.tokens.texts[index]
        if (
            self.kinds[index] != "num"
            or len(text) != 4
            or not text.isdecimal()
            or text[0] not in "12"
        ):
            return None
        return None if self.glued(index) else int(text)

    def year_after(self, index: int) -> tuple[int | None, int]:
        """Return (year, last index) for an optional ", 2021" after ``index``."""
        year = self.year_at(index + 1)
        if year is not None:
            return year, index + 1
        if self.is_punct(index + 1, ",") and (year := self.year_at(index + 2)) is not None:
            return year, index + 2
        return None, index

    # ----------------------------------------------------------------- dates

    def numeric_at(self, index: int) -> _Parsed | None:
        """Read "2021-09-15", "26/03/2021" or "26.03.2021"."""
        kind = self.kinds[index]
        if kind not in ("iso", "dmy") or self.glued(index):
            return None
        parts = [int(part) for part in re.split(r"[-/.]", self.tokens.texts[index])]
        if kind == "iso":
            year, month, day = parts
        else:
            day, month, year = parts
            if year < 100:
                year += 2000
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return _Parsed(index, index, day=day, month=month, year=year)

    def day_first_at(self, index: int, *, ranges: bool = True) -> list[_Parsed] | None:
        """Read "26 March 2021", "the 3rd of July" or a range "7-20 February"."""
        first = index
        if self.is_word(index, "the"):
            index += 1
        day = self.day_at(index)
        if day is None:
            return None
        after_day = index + 1
        if self.is_word(after_day, "of"):
            after_day += 1
        month = self.month_at(after_day)
        if month is not None:
            year, last = self.year_after(month[1])
            return [_Parsed(first, last, day=day, month=month[0], year=year)]
        return self.range_tail(first, index, day) if ranges else None

    def range_tail(self, first: int, day_index: int, day: int) -> list[_Parsed] | None:
        """Read the "-20 February" of "7-20 February": both days share the month."""
        if self.lowers[day_index + 1] not in _RANGE_CONNECTORS:
            return None
        second = self.day_first_at(self._skip_weekday(day_index + 2), ranges=False)
        if not second or len(second) != 1:
            return None
        tail = second[0]
        head = _Parsed(first, day_index, day=day, month=tail.month, year=tail.year)
        weekday = self.weekday_at(day_index + 2)
        if weekday is not None:
            tail = _Parsed(day_index + 2, tail.last, weekday[0], tail.day, tail.month, tail.year)
        return [head, tail]

    def _skip_weekday(self, index: int) -> int:
        weekday = self.weekday_at(index)
        if weekday is None:
            return index
        return weekday[1] + (2 if self.is_punct(weekday[1] + 1, ",") else 1)

    def month_first_at(self, index: int) -> list[_Parsed] | None:
        """Read "March 26, 2021", "April 2020" or "February 7-9"."""
        month = self.month_at(index)
        if month is None:
            return None
        after = month[1] + 1
        year = self.year_at(after)
        if year is not None:
            return [_Parsed(index, after, month=month[0], year=year)]
        if self.is_word(after, "the"):
            after += 1
        day = self.day_at(after)
        if day is None:
            return None
        if self.is_punct(after + 1, "-\u2013") and (second := self.day_at(after + 2)) is not None:
            year, last = self.year_after(after + 2)
            return [
                _Parsed(index, after, day=day, month=month[0], year=year),
                _Parsed(after + 2, last, day=second, month=month[0], year=year),
            ]
        year, last = self.year_after(after)
        return [_Parsed(index, last, day=day, month=month[0], year=year)]

    def plain_date_at(self, index: int) -> list[_Parsed] | None:
        """Read a date without a weekday in any of the written forms."""
        numeric = self.numeric_at(index)
        if numeric is not None:
            return [numeric]
        return self.day_first_at(index) or self.month_first_at(index)

    def weekday_date_at(self, index: int, *, bare_abbreviations: bool) -> list[_Parsed] | None:
        """Read "Friday 26 March 2021", "Tuesday (23 May)" or a bare "Thursday"."""
        weekday = self.weekday_at(index)
        if weekday is None:
            return None
        number, last = weekday
        after = last + 1
        if self.is_punct(after, ","):
            after += 1
        dates = self.plain_date_at(after)
        if dates is None and self.is_punct(after, "("):
            inner = self.plain_date_at(after + 1)
            if inner is not None and len(inner) == 1 and self.is_punct(inner[0].last + 1, ")"):
                dates = [
                    _Parsed(
                        after, inner[0].last + 1, None, inner[0].day, inner[0].month, inner[0].year
                    )
                ]
        if dates is not None and dates[0].day is not None:
            head = dates[0]
            merged = _Parsed(index, head.last, number, head.day, head.month, head.year)
            return [merged, *dates[1:]]
        if self.lowers[index] in _WEEKDAY_NAMES or bare_abbreviations:
            return [_Parsed(index, last, weekday=number)]
        return None

    def date_at(self, index: int, *, bare_abbreviations: bool = False) -> list[_Parsed] | None:
        """Read any date or weekday mention starting at ``index``."""
        found = self.weekday_date_at(index, bare_abbreviations=bare_abbreviations)
        if found is not None:
            return found
        found = self.plain_date_at(index)
        if found is None:
            return None
        last = found[-1]
        # "14 September (Tuesday)": a weekday in brackets after the date.
        if last.weekday is None and last.day is not None and self.is_punct(last.last + 1, "("):
            weekday = self.weekday_at(last.last + 2)
            if weekday is not None and self.is_punct(weekday[1] + 1, ")"):
                found[-1] = _Parsed(
                    last.first, weekday[1] + 1, weekday[0], last.day, last.month, last.year
                )
        return found

    def relative_at(self, index: int) -> _Parsed | None:
        """Read "yesterday", "this morning (Thurs)", "today (Wednesday 15 September)"."""
        if self.kinds[index] != "word":
            return None
        lower = self.lowers[index]
        relative = _RELATIVE_WORDS.get(lower)
        last = index
        if relative is None:
            if self.kinds[index + 1] != "word":
                return None
            relative = _RELATIVE_PAIRS.get((lower, self.lowers[index + 1]))
            last = index + 1
        if relative is None:
            return None
        if self.is_punct(last + 1, "("):
            inner = self.date_at(last + 2, bare_abbreviations=True)
            if inner is not None and len(inner) == 1 and self.is_punct(inner[0].last + 1, ")"):
                found = inner[0]
                return _Parsed(
                    index,
                    found.last + 1,
                    found.weekday,
                    found.day,
                    found.month,
                    found.year,
                    relative,
                )
        return _Parsed(index, last, relative=relative)

    def scan(self) -> list[_Parsed]:
        """Return every mention, in order, never overlapping."""
        found: list[_Parsed] = []
        index = 0
        kinds, lowers, count = self.kinds, self.lowers, self.tokens.count
        while index < count:
            kind = kinds[index]
            if kind == "punct" or (kind == "word" and lowers[index] not in _START_WORDS):
                index += 1
                continue
            relative = self.relative_at(index)
            mentions = [relative] if relative is not None else self.date_at(index)
            if mentions:
                found.extend(mentions)
                index = mentions[-1].last + 1
            else:
                index += 1
        return found


# --------------------------------------------------------------------------- regions

# Every mention holds a month, weekday or relative word, or is a numeric date;
# only the text around those needs tokens, which keeps number-heavy input fast.
_ANCHOR_WORDS = sorted(
    {*MONTHS, *WEEKDAYS, *_RELATIVE_WORDS, "morning", "afternoon", "evening", "night"},
    key=len,
    reverse=True,
)
# The leading look-aheads reject most positions before the long alternation
# is tried, which keeps the scan fast on digit- or punctuation-heavy input.
_ANCHOR = re.compile(
    r"(?i)(?=[" + "".join(sorted({word[0] for word in _ANCHOR_WORDS})) + r"])"
    r"(?<![^\W\d_])(?:" + "|".join(_ANCHOR_WORDS) + r")(?![^\W\d_])"
    r"|(?=\d)(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2})"
)
# How far a mention reaches from its anchor: "the 26th of" before a month,
# "this" before "morning", ", 2021" after a month.
_REACH = 40


def _regions(text: str) -> list[tuple[int, int]]:
    """Return the stretches of ``text`` around anchors, merged, cut at spaces."""
    regions: list[tuple[int, int]] = []
    start = end = -1
    for match in _ANCHOR.finditer(text):
        if start != -1 and match.start() - _REACH <= end:
            end = match.end() + _REACH
            continue
        if start != -1:
            regions.append((start, _space_after(text, min(end, len(text)))))
        start = _space_before(text, max(match.start() - _REACH, 0))
        if regions:
            # Snapping to spaces must not make two regions share a token.
            start = max(start, regions[-1][1])
        end = match.end() + _REACH
    if start != -1:
        regions.append((start, _space_after(text, min(end, len(text)))))
    return regions


def _space_before(text: str, index: int) -> int:
    found = max(
        text.rfind(" ", max(index - _REACH, 0), index),
        text.rfind("\n", max(index - _REACH, 0), index),
    )
    return found + 1 if found != -1 else index


def _space_after(text: str, index: int) -> int:
    limit = min(index + _REACH, len(text))
    candidates = [
        found
        for found in (text.find(" ", index, limit), text.find("\n", index, limit))
        if found != -1
    ]
    return min(candidates) if candidates else index


# --------------------------------------------------------------------------- resolution


def _is_possible(day: int, month: int, year: int | None) -> bool:
    if day > _DAYS_IN_MONTH[month - 1]:
        return False
    if month == 2 and day == 29 and year is not None:
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return True


def _closest_date(day: int, month: int, reference: date) -> date | None:
    """Return the day/month in the year that puts it nearest ``reference``."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        if _is_possible(day, month, year):
            candidates.append(date(year, month, day))
    if not candidates:
        return None
    return min(candidates, key=lambda candidate: abs((candidate - reference).days))


def _resolve(parsed: _Parsed, reference: date | None) -> tuple[date | None, bool]:
    """Return (resolved date, valid) for parsed fields."""
    if parsed.day is None or parsed.month is None:
        if parsed.relative is not None and reference is not None:
            return reference + timedelta(days=_RELATIVE_SHIFT[parsed.relative]), True
        return None, True
    if not _is_possible(parsed.day, parsed.month, parsed.year):
        return None, False
    if parsed.year is not None:
        return date(parsed.year, parsed.month, parsed.day), True
    if reference is None:
        return None, True
    return _closest_date(parsed.day, parsed.month, reference), True


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """Return the date, weekday and relative-day mentions in ``text``, in order.

    A date written without a year resolves to the year that puts it closest to
    ``reference``; a relative word without a date resolves to ``reference``
    shifted by its day.  Ranges ("7-20 February") give one mention per end.
    """
    mentions = []
    for region_start, region_end in _regions(text):
        tokens = _tokenize(text, region_start, region_end)
        mentions.extend(_mentions(text, tokens, reference))
    return mentions


def _mentions(text: str, tokens: _Tokens, reference: date | None) -> list[DateMention]:
    mentions = []
    for parsed in _Scanner(tokens).scan():
        start, end = tokens.starts[parsed.first], tokens.ends[parsed.last]
        resolved, valid = _resolve(parsed, reference)
        mentions.append(
            DateMention(
                start=start,
                end=end,
                text=text[start:end],
                weekday=parsed.weekday,
                day=parsed.day,
                month=parsed.month,
                year=parsed.year,
                resolved=resolved,
                valid=valid,
                relative=parsed.relative,
            )
        )
    return mentions


def parse_date(value: str) -> date | None:
    """Return the full date written in a metadata value, or None.

    Reads ISO dates and timestamps, UK day-month-year numbers ("26/03/2021"),
    and written dates ("26th March 2021", "March 26, 2021"); a time before or
    after the date is ignored.  A month and year alone is not a full date.
    """
    for mention in find_dates(value):
        if mention.day is not None and mention.month is not None and mention.year is not None:
            return mention.resolved if mention.valid else None
    return None
