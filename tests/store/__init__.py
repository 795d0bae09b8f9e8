"""Figures to store: a varied sample (every field set somewhere) and bulk sets."""

from __future__ import annotations

import math
from datetime import date

from checks.model import Figure, Kind, Scope, ScopeKind

SINCE_LAUNCH = Scope(ScopeKind.CUMULATIVE, "since launch", None, date(2021, 4, 20))


def figure(path: str = "releases/a.txt", number: int = 1, **fields: object) -> Figure:
    """Return a plain count figure ``d1f<number>`` of ``path``, with ``fields`` changed."""
    values: dict[str, object] = {
        "id": f"d1f{number}", "path": path, "line": number + 2, "column": 5,
        "end_line": number + 2, "end_column": 8, "offset": 40 * number, "text": "410",
        "kind": Kind.COUNT, "value": 410.0, "low": 410.0, "high": 410.0,
        "noun": "warrants", "metric": "warrants", "entity": "staffordshire",
        "scope": SINCE_LAUNCH, "block": 1, "sentence": number,
        "context": "Officers have executed 410 warrants since the launch.", "at": 23,
    }
    values.update(fields)
    return Figure(**values)  # type: ignore[arg-type]


def sample(path: str = "releases/a.txt") -> list[Figure]:
    """Return figures that between them set every field, open ends and odd values included."""
    return [
        figure(path, 1),
        figure(path, 2, text="more than 4,500", value=4500.0, low=4500.0, high=math.inf,
               qualifier="more than", scope=Scope(ScopeKind.PERIOD, "the last 12 months",
                                                  date(2020, 4, 1), date(2021, 3, 31))),
        figure(path, 3, text="fewer than ten", value=10.0, low=-math.inf, high=10.0,
               qualifier="fewer than", noun=None, metric=None, entity=None,
               scope=Scope(), relation="subset", about="d1f1"),
        figure(path, 4, text="around 230", kind=Kind.COUNT, value=230.0, low=207.0, high=253.0,
               qualifier="around", scope=Scope(ScopeKind.EVENT, "yesterday",
                                               date(2021, 4, 19), date(2021, 4, 19)),
               relation="part", about="d1f2", parts=3),
        figure(path, 5, text="8.47 million", kind=Kind.DECIMAL, value=8_470_000.0,
               low=8_465_000.0, high=8_475_000.0, context="Unicode “quotes” — and £ 0.1",
               at=0, end_line=9, end_column=1),
        figure(path, 6, text="7%", kind=Kind.PERCENT, value=7.0, low=6.5, high=7.5,
               scope=Scope(ScopeKind.CUMULATIVE, "since launch of Operation Keystone", None,
                           None), context="", at=0),
        figure(path, 7, text="6 listed", kind=Kind.LISTED, value=6.0, low=6.0, high=6.0,
               relation="listing", about="d1f1", qualifier=""),
    ]


def many(path: str, count: int) -> list[Figure]:
    """Return ``count`` figures of ``path``, cycling through the sample's shapes."""
    shapes = sample(path)
    return [
        figure(path, number, **{
            field: getattr(shapes[number % len(shapes)], field)
            for field in ("text", "kind", "value", "low", "high", "qualifier", "noun",
                          "metric", "entity", "scope", "relation", "parts")
        }, about=None)
        for number in range(1, count + 1)
    ]
