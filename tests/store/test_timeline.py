"""Timeline points, falls, the ASCII sparkline and the three output formats."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import replace
from datetime import date

import pytest

from checks.model import Figure, Scope, ScopeKind
from checks.store.render import render_timeline
from checks.store.timeline import TimelinePoint, sparkline, timeline
from tests.store import SINCE_LAUNCH, figure

KEYSTONE = "since launch of Operation Keystone"
SAFENET = "since launch of Operation Safenet"


def total(path: str, value: float, label: str = "since launch", *, low: float | None = None,
          high: float | None = None, line: int = 3) -> Figure:
    return figure(path, line - 2, text=f"{value:g}", value=value,
                  low=value if low is None else low, high=value if high is None else high,
                  scope=replace(SINCE_LAUNCH, label=label, end=None))


PUBLISHED = {"2019.md": date(2019, 5, 1), "2020.md": date(2020, 5, 1),
             "2021.md": date(2021, 5, 1), "2022.md": date(2022, 5, 1),
             "2022b.md": date(2022, 5, 1)}


@pytest.mark.parametrize(("figures", "fell"), [
    ([total("2019.md", 100), total("2020.md", 150), total("2021.md", 200)], [False, False, False]),
    ([total("2019.md", 410), total("2020.md", 395)], [False, True]),
    # Against the previous release only: 300 is below 500 (2019) but above 250 (2020).
    ([total("2019.md", 500), total("2020.md", 250), total("2021.md", 300)], [False, True, False]),
    # Equal is not a fall; bounds count: "more than 400" cannot be below 400.
    ([total("2019.md", 400), total("2020.md", 400)], [False, False]),
    ([total("2019.md", 410), total("2020.md", 400, low=400, high=math.inf)], [False, False]),
    ([total("2019.md", 230, low=207, high=253), total("2020.md", 210)], [False, False]),
    ([total("2019.md", 230, low=207, high=253), total("2020.md", 200)], [False, True]),
    # Two figures in the previous release: the highest lower bound is what it fell below.
    ([total("2019.md", 90, line=3), total("2019.md", 120, line=9), total("2020.md", 100)],
     [False, False, True]),
    # Same day, two releases: not compared with each other.
    ([total("2022.md", 500), total("2022b.md", 100)], [False, False]),
    # Named programmes are compared only with themselves (or a plain "since launch").
    ([total("2019.md", 500, KEYSTONE), total("2020.md", 100, SAFENET)], [False, False]),
    ([total("2019.md", 500, KEYSTONE), total("2020.md", 100, SAFENET),
      total("2021.md", 450, KEYSTONE)], [False, False, True]),
    ([total("2019.md", 500), total("2020.md", 100, SAFENET)], [False, True]),
    # Undated releases never fall and come last.
    ([total("undated.md", 1), total("2019.md", 500)], [False, False]),
])
def test_falls_are_marked_against_the_previous_release(figures: list[Figure],
                                                       fell: list[bool]) -> None:
    points = timeline(figures, PUBLISHED)
    assert [point.fell for point in points] == fell
    assert all((point.was is not None) == point.fell for point in points)


def test_points_carry_date_value_bounds_and_place_oldest_first() -> None:
    points = timeline([total("2021.md", 395, line=6), total("undated.md", 7),
                       total("2019.md", 410, line=8, low=410, high=math.inf)], PUBLISHED)
    assert points == [
        TimelinePoint(date=date(2019, 5, 1), value=410, low=410, high=math.inf, path="2019.md",
                      line=8, fell=False, text="410", column=5, label="since launch"),
        TimelinePoint(date=date(2021, 5, 1), value=395, low=395, high=395, path="2021.md",
                      line=6, fell=True, text="395", column=5, label="since launch", was=410),
        TimelinePoint(date=None, value=7, low=7, high=7, path="undated.md", line=3, fell=False,
                      text="7", column=5, label="since launch"),
    ]


def test_without_a_publication_date_the_scope_end_dates_a_point() -> None:
    dated = figure("x.md", scope=Scope(ScopeKind.CUMULATIVE, "since launch", None,
                                       date(2020, 1, 2)))
    (point,) = timeline([dated])
    assert point.date == date(2020, 1, 2)


@pytest.mark.parametrize(("values", "line"), [
    ([], ""),
    ([5], "-"),
    ([5, 5, 5], "---"),
    ([0, 1, 2, 3, 4], "_.-~^"),
    ([410, 395, 512], "._^"),  # 410 sits just above the lowest, 395
    ([1, math.inf, 3], "_?^"),
    ([math.nan], "?"),
])
def test_sparkline(values: list[float], line: str) -> None:
    assert sparkline(values) == line
    assert sparkline(values).isascii()


POINTS = timeline([total("2019.md", 410, line=8), total("2020.md", 395, line=6),
                   total("2021.md", 4500, low=4500, high=math.inf),
                   total("2022.md", 230.5, low=207, high=253.25)], PUBLISHED)


def test_text_has_a_row_per_figure_and_marks_the_falls() -> None:
    assert render_timeline(POINTS, "staffordshire", "warrants", "text").splitlines() == [
        "staffordshire warrants since launch: 4 figures in 4 releases, 2 falls  __^_",
        "date        value  bounds          where",
        "2019-05-01    410  410             2019.md:8",
        "2020-05-01    395  395             2020.md:6  v fell below 410",
        "2021-05-01  4,500  at least 4,500  2021.md:3",
        "2022-05-01  230.5  207 to 253.25   2022.md:3  v fell below 4,500",
    ]


def test_text_of_one_undated_open_figure() -> None:
    (point,) = timeline([total("x.md", 9, low=-math.inf, high=math.inf)])
    assert render_timeline([point], "e", "m", "text").splitlines() == [
        "e m since launch: 1 figure in 1 release, 0 falls  -",
        "date     value  bounds  where",
        "undated      9  any     x.md:3",
    ]


def test_csv_and_json_carry_the_same_points() -> None:
    rows = list(csv.DictReader(io.StringIO(render_timeline(POINTS, "s", "w", "csv"))))
    document = json.loads(render_timeline(POINTS, "s", "w", "json"))
    assert [row["fell"] for row in rows] == ["False", "True", "False", "True"]
    assert rows[2]["high"] == "" and rows[2]["low"] == "4500"
    assert rows[1]["was"] == "410" and rows[0]["date"] == "2019-05-01"
    assert document["entity"] == "s" and document["metric"] == "w"
    assert document["sparkline"] == sparkline([p.value for p in POINTS])
    assert [p["value"] for p in document["points"]] == [410, 395, 4500, 230.5]
    assert document["points"][2]["high"] is None
    assert document["points"][1] == {
        "date": "2020-05-01", "value": 395, "low": 395, "high": 395, "path": "2020.md",
        "line": 6, "column": 5, "text": "395", "label": "since launch", "fell": True,
        "was": 410}
