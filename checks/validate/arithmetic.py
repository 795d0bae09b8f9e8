"""Stated changes against the figures they describe: ``arithmetic``.

"up 7% from 23,391 to 24,876" is 6.3%; "fell by 1.2m tonnes to 27.5m tonnes,
against 28.5m tonnes" is a fall of 1.0m; "121 people, three more than ... (118)"
is right.  Each stated figure is compared with what its two values give,
allowing for the rounding of every number involved.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from checks.model import Figure, Finding, Kind, Rule, Severity
from checks.validate.batch import Batch, number, quoted, related
from checks.validate.claims import Claim, Interval

PERCENT_CHANGE = "figcheck.percent-change-matches"
DIFFERENCE = "figcheck.difference-matches"
CHECKS = {
    PERCENT_CHANGE: "A stated percentage change equals the change between the two figures given.",
    DIFFERENCE: "A stated difference equals the difference between the two figures given.",
}

_UP = (
    r"up|rose|rise|risen|rising|increased?|increases|grew|growth|higher|more|"
    r"jump(?:ed)?|climb(?:ed)?"
)
_DOWN = (
    r"down|fell|fall|fallen|falling|dropped|drop|decreased?|decreases|reduction|cut|declined?|"
    r"lower|fewer|less"
)
_CUE_BEFORE = re.compile(rf"\b(?P<word>{_UP}|{_DOWN})\b(?:\s+(?:by|of))?\s*$", re.IGNORECASE)
_CUE_AFTER = re.compile(
    r"^\s*(?P<word>increase|rise|fall|drop|decrease|reduction|cut|jump|more|fewer|less|higher|"
    r"lower|up|down)\b",
    re.IGNORECASE,
)
_OLD_MARK = re.compile(
    r"\b(?:from|against|compared\s+(?:with|to)|than(?:\s+the)?|on(?:\s+the)?|versus|vs\.?)"
    r"(?:\s+(?:an\s+estimated|the))?\s*$",
    re.IGNORECASE,
)
_NEW_MARK = re.compile(
    r"(?<!compared )\bto(?:\s+(?:an\s+estimated|a\s+total\s+of))?\s*$", re.IGNORECASE
)
_BY_MARK = re.compile(r"\bby\s*$", re.IGNORECASE)
_CHANGE_COMPARISON = re.compile(r"^\s*(more|fewer|less|higher|lower)\s+than\b", re.IGNORECASE)
_VALUE_KINDS = (Kind.COUNT, Kind.DECIMAL, Kind.MONEY)


def claims(batch: Batch) -> Iterator[Claim]:
    sentences: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for figure in batch.figures:
        if figure.kind is not Kind.LISTED:
            sentences[(figure.path, figure.sentence)].append(figure)
    for figures in sentences.values():
        figures.sort(key=lambda f: f.at)
        yield from _sentence_claims(figures)


def _sentence_claims(figures: list[Figure]) -> Iterator[Claim]:
    text = figures[0].context
    differences = [
        f
        for f in figures
        if f.kind in (*_VALUE_KINDS, Kind.CHANGE) and _BY_MARK.search(text[: f.at])
    ]
    values = [f for f in figures if f.kind in _VALUE_KINDS and f not in differences and f.value > 0]
    for percent in (f for f in figures if f.kind is Kind.PERCENT):
        direction = _direction(text, percent)
        if direction is None:
            continue
        pair = _pair(text, percent, values)
        if pair is not None:
            yield _percent_claim(percent, *pair)
    for difference in differences:
        if _direction(text, difference) is None:
            continue
        pair = _pair(text, difference, values)
        if pair is not None:
            yield _difference_claim(difference, *pair)
    for change in (f for f in figures if f.kind is Kind.CHANGE and f not in differences):
        if not _CHANGE_COMPARISON.match(text[change.at + len(change.text) :]) and not re.search(
            r"\b(?:more|fewer|less)\s+than\b", change.text, re.IGNORECASE
        ):
            continue
        before = [v for v in values if v.at < change.at]
        end = change.at + len(change.text)
        # "121 people, three more than in the previous 12 months (118)": the compared
        # figure follows "than" closely, within the clause.
        after = [
            v
            for v in values
            if end < v.at <= end + 45 and not re.search(r"[,;.]", text[end : v.at])
        ]
        if before and after:
            yield _difference_claim(change, after[0], before[-1])


def _direction(text: str, figure: Figure) -> str | None:
    before = _CUE_BEFORE.search(text[max(0, figure.at - 30) : figure.at])
    after = _CUE_AFTER.match(text[figure.at + len(figure.text) : figure.at + len(figure.text) + 25])
    word = (before or after).group("word").lower() if (before or after) else None  # type: ignore[union-attr]
    if word is None:
        return None
    return "up" if re.fullmatch(_UP, word) else "down"


def _pair(text: str, anchor: Figure, values: list[Figure]) -> tuple[Figure, Figure] | None:
    """Return (old, new) among the sentence's values for a change stated at ``anchor``."""
    candidates = [v for v in values if v is not anchor]
    if len(candidates) < 2:
        return None
    old = [v for v in candidates if _OLD_MARK.search(text[max(0, v.at - 30) : v.at])]
    new = [v for v in candidates if _NEW_MARK.search(text[max(0, v.at - 30) : v.at])]
    if old and new and old[0] is not new[0]:
        return _nearest(old, anchor), _nearest(new, anchor)
    before = [v for v in candidates if v.at < anchor.at]
    after = [v for v in candidates if v.at > anchor.at]
    if old:
        first = _nearest(old, anchor)
        rest = [v for v in before if v is not first] or [v for v in after if v is not first]
        return (first, _nearest(rest, anchor)) if rest else None
    if before and after:
        return after[0], before[-1]
    if len(before) >= 2:
        return before[-1], before[-2]
    return None


def _nearest(figures: list[Figure], anchor: Figure) -> Figure:
    return min(figures, key=lambda f: abs(f.at - anchor.at))


def _difference(old: Figure, new: Figure) -> Interval:
    """Return the interval of |new - old| for every value the two figures allow."""
    low = max(0.0, new.low - old.high, old.low - new.high)
    high = max(new.high - old.low, old.high - new.low)
    return Interval(low, high)


def _percent_change(old: Figure, new: Figure) -> Interval:
    if old.low <= 0:
        return Interval(0, float("inf"))
    difference = _difference(old, new)
    return Interval(difference.low / old.high * 100, difference.high / old.low * 100)


def _percent_claim(percent: Figure, old: Figure, new: Figure) -> Claim:
    computed = _percent_change(old, new)
    middle = abs(new.value - old.value) / old.value * 100
    message = (
        f"{quoted(percent)} does not match its figures: ({number(new.value)} - {number(old.value)})"
        f" / {number(old.value)} = {middle:.1f}%."
    )
    finding = Finding(
        rule=Rule.ARITHMETIC,
        severity=Severity.ERROR,
        path=percent.path,
        line=percent.line,
        column=percent.column,
        end_line=percent.end_line,
        end_column=percent.end_column,
        message=message,
        hint=_percent_hint(percent, old, new, middle),
        check=PERCENT_CHANGE,
        related=(related(old, "from"), related(new, "to")),
    )
    return Claim(
        PERCENT_CHANGE,
        Interval(percent.low, percent.high),
        computed,
        finding,
        (percent.id, old.id, new.id),
    )


def _percent_hint(percent: Figure, old: Figure, new: Figure, middle: float) -> str:
    change = abs(new.value - old.value)
    if abs(percent.value - change) < 0.5:
        return (
            f"{percent.text} looks like the absolute change ({number(new.value)} - "
            f"{number(old.value)} = {number(change)}) given as a percentage; the change is "
            f"{middle:.1f}%."
        )
    if new.value and abs(change / new.value * 100 - percent.value) <= 0.5:
        return (
            f"{percent.text} is the change divided by the later figure ({number(change)} / "
            f"{number(new.value)}); a change is measured against the earlier figure: "
            f"{middle:.1f}%."
        )
    return f"The figures give {middle:.1f}%, which rounds to {round(middle)}%."


def _difference_claim(difference: Figure, old: Figure, new: Figure) -> Claim:
    computed = _difference(old, new)
    actual = abs(new.value - old.value)
    message = (
        f"{quoted(difference)} does not match its figures: {number(new.value)} and "
        f"{number(old.value)} differ by {number(actual)}."
    )
    finding = Finding(
        rule=Rule.ARITHMETIC,
        severity=Severity.ERROR,
        path=difference.path,
        line=difference.line,
        column=difference.column,
        end_line=difference.end_line,
        end_column=difference.end_column,
        message=message,
        hint=f"The stated difference should be {number(actual)}, or one of the figures is wrong.",
        check=DIFFERENCE,
        related=(related(old, "from"), related(new, "to")),
    )
    return Claim(
        DIFFERENCE,
        Interval(difference.low, difference.high),
        computed,
        finding,
        (difference.id, old.id, new.id),
    )
