"""A cumulative figure across releases: the points of its timeline and a text sparkline.

Pure functions over :class:`checks.model.Figure`: the ``history`` command
prints them, and a report can draw them as a chart.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from checks.model import Figure

__all__ = ["SPARK_LEVELS", "TimelinePoint", "sparkline", "timeline"]

#: Sparkline characters from the lowest value to the highest (ASCII only).
SPARK_LEVELS = "_.-~^"
_PLAIN_LAUNCH = "since launch"


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """One stated value of a cumulative figure.

    ``date`` is the release's publication date (else the end of the figure's
    scope; None when neither is known).  ``fell`` says the value lies wholly
    below the previous release's (``was``, that release's highest lower bound).
    """

    date: dt.date | None
    value: float
    low: float
    high: float
    path: str
    line: int
    fell: bool
    text: str = ""
    column: int = 0
    label: str = ""  # the scope as figcheck read it: "since launch of Operation Keystone"
    was: float | None = None


def timeline(figures: Iterable[Figure],
             published: Mapping[str, dt.date | None] | None = None) -> list[TimelinePoint]:
    """Return the figures as timeline points, oldest first, each marked where it fell.

    ``published`` maps a figure's path to its release's publication date.  A
    point is compared with the latest earlier-dated release that states the
    same programme's total ("since launch of Operation Keystone" is not
    compared with "since launch of Operation Safenet"); releases of one day
    are not compared with each other, and undated points never fall.
    """
    dates = published or {}
    dated = [(dates.get(figure.path) or figure.scope.end, figure) for figure in figures]
    dated.sort(key=lambda item: (item[0] is None, item[0] or dt.date.min, item[1].path,
                                 item[1].offset))
    releases = _lows_by_day(dated)
    days = sorted(releases)
    points = []
    for day, figure in dated:
        was = _previous_low(releases, days, day, figure.scope.label) if day else None
        fell = was is not None and figure.high < was
        points.append(TimelinePoint(
            date=day, value=figure.value, low=figure.low, high=figure.high, path=figure.path,
            line=figure.line, fell=fell, text=figure.text, column=figure.column,
            label=figure.scope.label, was=was if fell else None,
        ))
    return points


def _lows_by_day(dated: Sequence[tuple[dt.date | None, Figure]]) -> dict[dt.date, dict[str, float]]:
    """Return, for each day, the highest lower bound stated for each programme label."""
    lows: dict[dt.date, dict[str, float]] = {}
    for day, figure in dated:
        if day is not None:
            by_label = lows.setdefault(day, {})
            label = figure.scope.label
            by_label[label] = max(by_label.get(label, -math.inf), figure.low)
    return lows


def _previous_low(releases: Mapping[dt.date, Mapping[str, float]], days: Sequence[dt.date],
                  day: dt.date, label: str) -> float | None:
    """Return the highest lower bound of the latest earlier day that states the same total."""
    for index in range(bisect.bisect_left(days, day) - 1, -1, -1):
        lows = [low for other, low in releases[days[index]].items()
                if _same_programme(other, label)]
        if lows:
            return max(lows)
    return None


def _same_programme(a: str, b: str) -> bool:
    # A plain "since launch" can be any programme's; two named ones must match.
    return a == b or _PLAIN_LAUNCH in (a, b)


def sparkline(values: Sequence[float]) -> str:
    """Return one character per value, from ``_`` (the lowest) to ``^`` (the highest).

    Equal values all get the middle level; a value that is not finite is ``?``.
    """
    finite = [value for value in values if math.isfinite(value)]
    if not finite:
        return "?" * len(values)
    low, high = min(finite), max(finite)
    top = len(SPARK_LEVELS) - 1
    characters = []
    for value in values:
        if not math.isfinite(value):
            characters.append("?")
        elif high == low:
            characters.append(SPARK_LEVELS[top // 2])
        else:
            characters.append(SPARK_LEVELS[round((value - low) / (high - low) * top)])
    return "".join(characters)
