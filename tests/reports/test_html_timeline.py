"""The "Totals over time" section of the HTML report: cumulative series drawn as inline SVG."""

from __future__ import annotations

import dataclasses
import math
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checks.model import Document, Figure, Kind, RunResult, Scope, ScopeKind, line_starts_of
from checks.pipeline import check_paths
from checks.reports import html
from tests.conftest import EXPECTATIONS, SEEDS
from tests.reports.test_html import HOSTILE_ATTRIBUTE, HOSTILE_SCRIPT, ReportPage, slug

CORPUS = Path("/work/shared/corpus/docs")
KEYSTONE_2021 = CORPUS / "keystone_update_2021.html"
KEYSTONE_2023 = CORPUS / "keystone_update_2023.txt"
KEYSTONE = "since launch of Operation Keystone"
SAFENET = "since launch of Operation Safenet"

needs_corpus = pytest.mark.skipif(
    not (KEYSTONE_2021.is_file() and KEYSTONE_2023.is_file()), reason="the shared corpus is absent"
)


class ChartPage(HTMLParser):
    """The charts of a rendered report: per figure id, its points, labels and table rows."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.charts: dict[str, dict[str, list]] = {}
        self.section = False
        self.tags: list[str] = []
        self._chart: str | None = None
        self._point: dict[str, str] | None = None
        self._text: list[str] | None = None
        self._text_class = ""
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_title = False
        self._axis = ""  # "x-axis" or "y-axis" inside an axis group
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {name: value or "" for name, value in attributes}
        classes = attrs.get("class", "").split()
        if attrs.get("id") == "totals-over-time":
            self.section = True
        if tag == "figure" and "timeline" in classes:
            self._chart = attrs["id"]
            self.charts[self._chart] = {"figure": [attrs], "points": [], "texts": [], "rows": [],
                                        "segments": [], "x_ticks": [], "y_ticks": []}
        if self._chart is None:
            return
        self.tags.append(tag)
        chart = self.charts[self._chart]
        if tag == "g" and ("x-axis" in classes or "y-axis" in classes):
            self._axis = classes[0]
        elif "point-link" in classes:
            self._point = {"href": attrs.get("href", ""), "tag": tag, "title": ""}
            chart["points"].append(self._point)
        elif tag == "title" and self._point is not None:
            self._in_title = True
        elif tag == "circle" and self._point is not None:
            self._point.update({f"circle-{k}": v for k, v in attrs.items()})
        elif tag == "line" and "segment" in classes:
            chart["segments"].append(attrs)
        elif tag == "text":
            self._text, self._text_class = [], attrs.get("class", "")
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a" and self._row is not None:
            self._row.append(f"href={attrs['href']}")

    def handle_endtag(self, tag: str) -> None:
        if self._chart is None:
            return
        chart = self.charts[self._chart]
        if tag == "figure":
            self._chart = None
        elif tag == "title":
            self._in_title = False
        elif tag in ("a", "g") and self._point is not None and self._point["tag"] == tag:
            self._point = None
        elif tag == "g":
            self._axis = ""
        elif tag == "text" and self._text is not None:
            text = "".join(self._text)
            if self._point is not None:
                self._point[self._text_class] = text
            elif self._axis:
                chart[f"{self._axis[0]}_ticks"].append(text)
            self._text = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            chart["rows"].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._in_title and self._point is not None:
            self._point["title"] += data
        if self._text is not None:
            self._text.append(data)
        if self._cell is not None:
            self._cell.append(data)


# --------------------------------------------------------------------------- a real two-release run


@pytest.fixture(scope="module")
def keystone_result() -> RunResult:
    return check_paths([KEYSTONE_2021, KEYSTONE_2023], [EXPECTATIONS])


@pytest.fixture(scope="module")
def keystone_html(keystone_result: RunResult) -> str:
    return html.render(keystone_result)


@pytest.fixture(scope="module")
def keystone_charts(keystone_html: str) -> ChartPage:
    return ChartPage(keystone_html)


@needs_corpus
def test_the_fall_of_the_regions_warrants_is_charted_first(keystone_result: RunResult) -> None:
    view = html.build_view(keystone_result)
    first = view.timelines[0]

    assert (first.anchor, first.name, first.label, first.falls) == ("tl-1", "region warrants",
                                                                     KEYSTONE, 1)
    assert [(p.date, p.value, p.fell) for p in first.points] == [
        ("2021-04-21", "522", False), ("2023-05-16", "498", True)]
    assert first.points[1].note == "lower than 522 in the release before"
    assert first.points[1].fall_label == "▼ fell below 522"
    # Every other series grew, and each has a point from both releases.
    assert all(chart.falls == 0 for chart in view.timelines[1:])
    assert all(len(chart.points) == 2 for chart in view.timelines)
    names = {chart.name for chart in view.timelines}
    assert {"region arrests", "region investigations", "staffordshire arrests"} <= names


@needs_corpus
def test_points_link_to_the_figures_lines_and_say_where_they_are(keystone_html: str,
                                                                 keystone_charts: ChartPage) -> None:
    chart = keystone_charts.charts["tl-1"]
    page = ReportPage(keystone_html)
    hrefs = [point["href"] for point in chart["points"]]

    assert hrefs == [f"#{slug(KEYSTONE_2021)}-L16", f"#{slug(KEYSTONE_2023)}-L7"]
    assert all(href[1:] in page.ids for href in page.hrefs if href.startswith("#"))
    old, new = chart["points"]
    assert "2021-04-21: 522" in old["title"] and f"{KEYSTONE_2021}:16" in old["title"]
    assert "2023-05-16: 498" in new["title"] and f"{KEYSTONE_2023}:7" in new["title"]
    assert "Fell: lower than 522" in new["title"] and "Fell" not in old["title"]


@needs_corpus
def test_the_fallen_point_is_drawn_in_the_error_colour_with_a_label(
    keystone_charts: ChartPage, keystone_html: str
) -> None:
    chart = keystone_charts.charts["tl-1"]
    old, new = chart["points"]

    assert "fell" not in old["circle-class"].split()
    assert "fell" in new["circle-class"].split()
    assert new["fall-label"] == "▼ fell below 522"
    assert new["value-label fell"] == "498" and old["value-label"] == "522"
    assert [s["class"] for s in chart["segments"]] == ["segment fall"]
    assert "has-fall" in chart["figure"][0]["class"].split()
    # The error colour is the one findings use.
    assert "svg.chart .point.fell { fill: var(--error)" in keystone_html
    assert 'class="timeline-falls"' in keystone_html and 'href="#tl-1">region warrants</a>' in keystone_html


@needs_corpus
def test_the_table_under_the_chart_has_the_same_points(keystone_charts: ChartPage) -> None:
    rows = keystone_charts.charts["tl-1"]["rows"]

    assert rows[0] == ["Published", "Value", "As written", "Where", "Note"]
    assert rows[1] == ["2021-04-21", "522", "“522”", f"href=#{slug(KEYSTONE_2021)}-L16",
                       f"{KEYSTONE_2021}:16", ""]
    assert rows[2][:5] == ["2023-05-16", "498", "“498”", f"href=#{slug(KEYSTONE_2023)}-L7",
                           f"{KEYSTONE_2023}:7"]
    assert rows[2][5].split() == "fell lower than 522 in the release before".split()


@needs_corpus
def test_a_release_stating_a_total_twice_shows_the_higher(keystone_result: RunResult) -> None:
    # 2021 says "more than 800" and 803 investigations; 2023 "More than 900" and 917 children.
    charts = {chart.name: chart for chart in html.build_view(keystone_result).timelines}

    assert [p.value for p in charts["region investigations"].points] == ["803", "1,214"]
    assert [p.text for p in charts["region children_safeguarded"].points] == ["604", "917"]


@needs_corpus
def test_axes_have_ticks_with_thousands_separators(keystone_charts: ChartPage,
                                                   keystone_result: RunResult) -> None:
    charts = {chart.name: chart for chart in html.build_view(keystone_result).timelines}
    investigations = charts["region investigations"]

    assert [t.label for t in investigations.y_ticks] == ["800", "1,000", "1,200", "1,400"]
    assert [t.label for t in investigations.x_ticks] == ["Jul 2021", "Jan 2022", "Jul 2022",
                                                         "Jan 2023"]
    assert [p.label for p in investigations.points] == ["803", "1,214"]
    warrants = keystone_charts.charts["tl-1"]
    assert warrants["y_ticks"] == ["490", "500", "510", "520", "530"]


@needs_corpus
def test_the_page_stays_self_contained(keystone_html: str, keystone_charts: ChartPage) -> None:
    page = ReportPage(keystone_html)  # also fails on a duplicate id

    assert keystone_charts.section
    # Charts are made of these elements only: no image, no foreign content, no reuse by URL.
    assert set(keystone_charts.tags) == {
        "figure", "figcaption", "span", "svg", "desc", "g", "line", "text", "a", "title",
        "circle", "table", "caption", "thead", "tbody", "tr", "th", "td"}
    assert not {"script", "img", "image", "use", "foreignobject", "link", "iframe"} & set(page.tags)
    assert "url(" not in keystone_html and "@import" not in keystone_html
    assert all(href.startswith("#") for href in page.hrefs)
    assert keystone_html.count('id="totals-over-time"') == 1
    # The section comes after the summary and before the first document.
    assert (keystone_html.index('id="summary"') < keystone_html.index('id="totals-over-time"')
            < keystone_html.index('class="document"'))


# --------------------------------------------------------------------------- when there is no chart


def test_the_seeds_have_no_totals_over_time() -> None:
    rendered = html.render(check_paths([SEEDS], [EXPECTATIONS]))

    assert "totals-over-time" not in rendered
    assert "<svg" not in rendered
    assert "svg.chart" not in rendered  # the chart styles come only with charts


@needs_corpus
def test_one_release_alone_draws_no_chart() -> None:
    rendered = html.render(check_paths([KEYSTONE_2023], [EXPECTATIONS]))

    assert "totals-over-time" not in rendered and "<svg" not in rendered


# --------------------------------------------------------------------------- built runs


def total(path: str, value: float, *, line: int = 2, entity: str | None = "region",
          metric: str | None = "warrants", noun: str | None = "warrants",
          label: str = KEYSTONE, low: float | None = None, high: float | None = None,
          text: str | None = None, end: date | None = None,
          kind: Kind = Kind.COUNT) -> Figure:
    """Return a cumulative figure on ``line`` of ``path``."""
    return Figure(
        id=re.sub(r"[^a-z0-9]+", "-", f"{path}-{line}-{value}".lower()), path=path, line=line, column=1, end_line=line, end_column=4,
        offset=line * 10, text=text or f"{value:,g}", kind=kind, value=value,
        low=value if low is None else low, high=value if high is None else high,
        noun=noun, metric=metric, entity=entity,
        scope=Scope(ScopeKind.CUMULATIVE, label, None, end),
    )


def document(path: str, published: date | None, lines: int = 30) -> Document:
    raw = "".join(f"line {n}\n" for n in range(1, lines + 1))
    return Document(path=path, raw=raw, format="text", blocks=(), published=published,
                    line_starts=line_starts_of(raw))


def built(figures: list[Figure], dates: dict[str, date | None]) -> RunResult:
    return RunResult(tuple(document(p, d) for p, d in dates.items()), tuple(figures), ())


YEARS = {f"{year}.txt": date(year, 5, 1) for year in range(2019, 2024)}


def series_of(result: RunResult) -> list[tuple[str, str, list[float], list[bool]]]:
    return [(s.name, s.label, [p.value for p in s.points], [p.fell for p in s.points])
            for s in html.cumulative_series(result)]


@pytest.mark.parametrize(("figures", "expected"), [
    # One point per release: the higher of two exact values (what the next is compared with).
    ([total("2019.txt", 90, line=3), total("2019.txt", 120, line=9), total("2020.txt", 100)],
     [("region warrants", KEYSTONE, [120, 100], [False, True])]),
    # A fall in a release is shown even where the same release also states a higher value.
    ([total("2019.txt", 500), total("2020.txt", 450, line=3), total("2020.txt", 520, line=8)],
     [("region warrants", KEYSTONE, [500, 450], [False, True])]),
    # "More than 800" and 803: the higher lower bound.
    ([total("2019.txt", 800, high=math.inf, text="more than 800"), total("2019.txt", 803, line=5),
      total("2020.txt", 900)], [("region warrants", KEYSTONE, [803, 900], [False, False])]),
    # Two programmes are two series (Safenet's 100 is no fall from Keystone's 500) ...
    ([total("2019.txt", 500), total("2020.txt", 100, label=SAFENET),
      total("2021.txt", 600), total("2022.txt", 150, label=SAFENET)],
     [("region warrants", KEYSTONE, [500, 600], [False, False]),
      ("region warrants", SAFENET, [100, 150], [False, False])]),
    # ... a plain "since launch" joins the only named one, and stands alone beside two.
    ([total("2019.txt", 500), total("2020.txt", 450, label="since launch")],
     [("region warrants", KEYSTONE, [500, 450], [False, True])]),
    ([total("2019.txt", 500), total("2020.txt", 100, label=SAFENET),
      total("2021.txt", 50, label="since launch"), total("2022.txt", 60, label="since launch")],
     [("region warrants", "since launch", [50, 60], [False, False])]),
    # Grouped by entity and metric; without a metric, by the counted noun (singular).
    ([total("2019.txt", 5, metric=None, noun="forces"), total("2020.txt", 4, metric=None,
                                                               noun="force")],
     [("region “force”", KEYSTONE, [5, 4], [False, True])]),
    ([total("2019.txt", 10, entity="a"), total("2020.txt", 12, entity="b")], []),
    # One document only, an undated second release, a plain "since launch" with no entity.
    ([total("2019.txt", 10), total("2019.txt", 12, line=4)], []),
    ([total("2019.txt", 10), total("undated.txt", 12)], []),
    ([total("2019.txt", 10, entity=None, label="since launch"),
      total("2020.txt", 12, entity=None, label="since launch")], []),
    # Percentages are not totals.
    ([total("2019.txt", 10, kind=Kind.PERCENT), total("2020.txt", 12, kind=Kind.PERCENT)], []),
])
def test_series_are_grouped_as_the_trend_check_groups_them(
    figures: list[Figure], expected: list[tuple[str, str, list[float], list[bool]]]
) -> None:
    assert series_of(built(figures, {**YEARS, "undated.txt": None})) == expected


def test_series_with_a_fall_come_first() -> None:
    figures = [total("2019.txt", 10, entity="a"), total("2020.txt", 12, entity="a"),
               total("2019.txt", 10, entity="b"), total("2020.txt", 8, entity="b")]
    assert [name for name, *_ in series_of(built(figures, YEARS))] == ["b warrants", "a warrants"]


def test_a_release_not_shown_is_drawn_without_a_link() -> None:
    # As with --store: the earlier release's figures are there, its document is not.
    stored = total("stored.txt", 522, line=16, end=date(2021, 4, 21))
    result = built([stored, total("2023.txt", 498, line=7)], {"2023.txt": date(2023, 5, 16)})
    (chart,) = html.build_view(result).timelines

    assert [(p.date, p.href, p.fell) for p in chart.points] == [
        ("2021-04-21", "", False), ("2023-05-16", "#2023-txt-L7", True)]
    page = ChartPage(html.render(result))
    assert [p["tag"] for p in page.charts["tl-1"]["points"]] == ["g", "a"]
    assert page.charts["tl-1"]["rows"][1][3] == "stored.txt:16"  # no link in the table either
    # Line 99 is past the end of the 30-line file: not linked, though the value is drawn.
    result = built([stored, total("2023.txt", 498, line=99)], {"2023.txt": date(2023, 5, 16)})
    assert [p.href for p in html.build_view(result).timelines[0].points] == ["", ""]


def test_points_are_placed_by_date_and_value_inside_the_plot() -> None:
    values = [100, 180, 150, 400]
    figures = [total(f"{2019 + i}.txt", v) for i, v in enumerate(values)]
    (chart,) = html.build_view(built(figures, YEARS)).timelines
    xs = [p.x for p in chart.points]
    ys = [p.y for p in chart.points]

    assert xs == sorted(xs) and len(set(xs)) == 4
    assert ys[1] < ys[2] < ys[0] and ys[3] == min(ys)  # higher values sit higher (smaller y)
    assert all(chart.left <= x <= chart.right and chart.top <= y <= chart.bottom
               for x, y in zip(xs, ys, strict=True))
    assert [p.fell for p in chart.points] == [False, False, True, False]
    assert [(s.fell, s.x1, s.x2) for s in chart.segments] == [
        (False, xs[0], xs[1]), (True, xs[1], xs[2]), (False, xs[2], xs[3])]
    tick_ys = [t.at for t in chart.y_ticks]
    assert tick_ys == sorted(tick_ys, reverse=True) and tick_ys[0] == chart.bottom


def test_a_long_archive_labels_only_its_ends_and_falls() -> None:
    dates = {f"{n:03}.txt": date(2000, 1, 1).replace(year=2000 + n // 12, month=n % 12 + 1)
             for n in range(40)}
    values = [1000 + 10 * n for n in range(40)]
    values[25] = 900
    figures = [total(path, value) for path, value in zip(dates, values, strict=True)]
    (chart,) = html.build_view(built(figures, dates)).timelines
    labelled = [i for i, p in enumerate(chart.points) if p.label]

    assert len(chart.points) == 40
    assert labelled == [0, 25, 39]
    assert chart.points[25].fall_label == "▼ fell below 1,240"
    assert 2 <= len(chart.x_ticks) <= 6


@pytest.mark.parametrize("field", ["entity", "metric", "noun", "label", "text", "path"])
def test_document_words_in_charts_are_escaped(field: str) -> None:
    hostile = f"{HOSTILE_SCRIPT} {HOSTILE_ATTRIBUTE} & “x”"
    paths = {"2019.txt": "2019.txt", "2020.txt": "2020.txt"}
    if field == "path":
        paths = {p: f"{hostile}{p}" for p in paths}
    changes: dict[str, object] = {} if field in ("label", "path") else {field: hostile}
    if field == "noun":
        changes["metric"] = None  # the noun names the series only where there is no metric
    figures = [
        dataclasses.replace(total(paths[p], v, label=hostile if field == "label" else KEYSTONE),
                            **changes)
        for p, v in (("2019.txt", 10), ("2020.txt", 8))
    ]
    result = built(figures, {paths[p]: YEARS[p] for p in paths})
    rendered = html.render(result)
    page = ReportPage(rendered)
    charts = ChartPage(rendered)

    assert page.tags["script"] == page.tags["img"] == 0
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;" in rendered
    (chart,) = charts.charts.values()
    assert len(chart["points"]) == 2
    assert all(hostile in point["title"] for point in chart["points"])
    assert all(re.fullmatch(r"[a-zA-Z0-9-]+", key) for key in page.ids)


# --------------------------------------------------------------------------- axes


@pytest.mark.parametrize(("values", "axis"), [
    ([498, 522], (490, 530, 10)),
    ([803, 1214], (800, 1400, 200)),
    ([4, 4], (3, 5, 1)),
    ([0, 0], (0, 2, 1)),
    ([1, 2], (1, 2, 1)),  # a count never gets a step of a half
    ([10, 20], (10, 20, 5)),  # 2.5 is no step for counts either
    ([1.5, 2.5], (1.5, 2.5, 0.25)),
    ([1_000_000, 3_400_000], (1_000_000, 4_000_000, 1_000_000)),
    ([-5, 12], (-5, 15, 5)),
])
def test_value_axis_uses_round_steps(values: list[float], axis: tuple[float, float, float]) -> None:
    assert html._value_axis(values) == pytest.approx(axis)


@pytest.mark.parametrize(("first", "last", "labels"), [
    (date(2021, 4, 21), date(2023, 5, 16), ["Jul 2021", "Jan 2022", "Jul 2022", "Jan 2023"]),
    (date(2021, 1, 10), date(2021, 6, 20), ["Feb 2021", "Mar 2021", "Apr 2021", "May 2021",
                                            "Jun 2021"]),
    (date(2010, 3, 1), date(2023, 3, 1), ["2013", "2016", "2019", "2022"]),
    (date(2021, 3, 1), date(2021, 3, 13), ["1 Mar", "3 Mar", "5 Mar", "7 Mar", "9 Mar", "11 Mar",
                                           "13 Mar"]),
    (date(2021, 3, 1), date(2021, 3, 1), ["1 Mar 2021"]),
])
def test_date_ticks(first: date, last: date, labels: list[str]) -> None:
    ticks = html._date_ticks(first.toordinal(), last.toordinal())

    assert [label for _, label in ticks] == labels
    assert all(first.toordinal() <= day <= last.toordinal() for day, _ in ticks)


def test_releases_of_one_day_sit_in_the_middle() -> None:
    figures = [total("a.txt", 10), total("b.txt", 12)]
    same_day = {"a.txt": date(2022, 5, 1), "b.txt": date(2022, 5, 1)}
    (chart,) = html.build_view(built(figures, same_day)).timelines

    assert {p.x for p in chart.points} == {(chart.left + chart.right) / 2}
    assert [t.label for t in chart.x_ticks] == ["1 May 2022"]


def test_a_label_crowded_by_the_next_point_goes_under_its_point() -> None:
    dates = {"a.txt": date(2019, 3, 14), "b.txt": date(2021, 4, 21), "c.txt": date(2022, 11, 11),
             "d.txt": date(2023, 5, 16)}
    figures = [total("a.txt", 68), total("b.txt", 130),
               total("c.txt", 180, high=math.inf, text="more than 180"), total("d.txt", 193)]
    (chart,) = html.build_view(built(figures, dates)).timelines

    assert [p.label for p in chart.points] == ["68", "130", "more than 180", "193"]
    assert [p.label_y > p.y for p in chart.points] == [False, False, True, False]
    assert [p.approximate for p in chart.points] == [False, False, True, False]


def test_documents_named_like_the_charts_keep_their_own_ids() -> None:
    dates = {"tl-1": date(2020, 1, 1), "tl-1-name": date(2021, 1, 1)}
    figures = [total("tl-1", 10), total("tl-1-name", 12)]
    rendered = html.render(built(figures, dates))
    page = ReportPage(rendered)  # fails on a duplicate id

    assert {"tl-1", "tl-1-name", "doc-p-tl-1", "doc-p-tl-1-name"} <= set(page.ids)
    assert [p["href"] for p in ChartPage(rendered).charts["tl-1"]["points"]] == [
        "#p-tl-1-L2", "#p-tl-1-name-L2"]
    assert all(href[1:] in page.ids for href in page.hrefs)
