"""The HTML report: one self-contained page for reviewers, offline or as a CI artifact.

The page needs no network and no JavaScript: CSS is inline, and a
Content-Security-Policy forbids scripts and remote loads, so even text that
escaped escaping could not run.  Every document is shown as its raw source
lines, numbered as in the file (HTML documents as source, never rendered),
with each figure marked and each finding anchored after its line.  Where a
cumulative total is stated by several releases, a "Totals over time" section
draws it as an inline SVG chart (one point per release, falls in red) with
the same points as a table.  All text reaches the page through Jinja2
autoescaping.

The summary helpers (:func:`document_summaries`, :func:`total_of`,
:func:`rule_totals`, :func:`uncovered_figures`) are shared with the Markdown report.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from jinja2 import Environment, PackageLoader, StrictUndefined

from checks import __version__
from checks.model import (
    COMPARABLE_KINDS,
    Document,
    Figure,
    Finding,
    Related,
    RunResult,
    ScopeKind,
    Severity,
    line_starts_of,
)
from checks.reports.text_report import summary_line
from checks.store.timeline import TimelinePoint, timeline

FORMAT = "html"
TEMPLATE = "report.html.j2"

# C0 controls (bar tab) and DEL become their visible Control Pictures, one
# character for one, so offsets stay valid and a stray CR cannot break a line.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(32) if code != 9} | {127: 0x2421}
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
# Prefixes of the page's own ids: findings, figures, document sections, charts.
_RESERVED_PREFIXES = ("f-", "fig-", "doc-", "tl-")
_Located = TypeVar("_Located", Figure, Finding)


# --------------------------------------------------------------------------- summaries


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One row of the summary table: a document's figures and findings."""

    path: str
    published: str  # ISO date, or "" when unknown
    title: str
    figures: int
    checked: int
    errors: int
    warnings: int
    info: int


@dataclass(frozen=True, slots=True)
class RuleTotal:
    """How many findings one rule raised, by severity."""

    rule: str
    code: str
    count: int
    errors: int
    warnings: int
    info: int


def document_summaries(result: RunResult) -> list[DocumentSummary]:
    """Return a summary per document, in the run's document order."""
    figures = _by_path(result.figures)
    findings = _by_path(result.findings)
    summaries = []
    for document in result.documents:
        own = figures.get(document.path, [])
        severities = Counter(f.severity for f in findings.get(document.path, []))
        summaries.append(
            DocumentSummary(
                path=document.path,
                published=document.published.isoformat() if document.published else "",
                title=document.title or "",
                figures=len(own),
                checked=sum(1 for f in own if f.id in result.checked),
                errors=severities[Severity.ERROR],
                warnings=severities[Severity.WARNING],
                info=severities[Severity.INFO],
            )
        )
    return summaries


def total_of(summaries: Sequence[DocumentSummary]) -> DocumentSummary:
    """Return the column sums of the summary table (path "total", no date)."""
    return DocumentSummary(
        path="total",
        published="",
        title="",
        figures=sum(s.figures for s in summaries),
        checked=sum(s.checked for s in summaries),
        errors=sum(s.errors for s in summaries),
        warnings=sum(s.warnings for s in summaries),
        info=sum(s.info for s in summaries),
    )


def rule_totals(result: RunResult) -> list[RuleTotal]:
    """Return the findings counted by rule, in code order."""
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        grouped[finding.code].append(finding)
    totals = []
    for code in sorted(grouped):
        severities = Counter(f.severity for f in grouped[code])
        totals.append(
            RuleTotal(
                rule=grouped[code][0].rule.value,
                code=code,
                count=len(grouped[code]),
                errors=severities[Severity.ERROR],
                warnings=severities[Severity.WARNING],
                info=severities[Severity.INFO],
            )
        )
    return totals


def uncovered_figures(result: RunResult, path: str) -> list[Figure]:
    """Return the quantities of a document that no check compared, in text order.

    Only the kinds the checks can compare count (counts, decimals, percentages,
    money): an age or a date left alone is expected, a count is a blind spot.
    """
    return [
        f
        for f in result.figures_of(path)
        if f.kind in COMPARABLE_KINDS and f.id not in result.checked
    ]


def describe_value(figure: Figure) -> str:
    """Return a figure's value, with the interval when the words allow a range."""
    value = _number(figure.value)
    if figure.low == figure.high:
        return value
    return f"{value} [{_number(figure.low)}, {_number(figure.high)}]"


def _number(value: float) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if math.isfinite(value) and value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6g}"


def _by_path(items: Iterable[_Located]) -> dict[str, list[_Located]]:
    grouped: dict[str, list[_Located]] = defaultdict(list)
    for item in items:
        grouped[item.path].append(item)
    return grouped


# --------------------------------------------------------------------------- the page's view


@dataclass(frozen=True, slots=True)
class Mark:
    """How one figure is marked in the text."""

    id: str
    css: str  # classes: kind, coverage, flagged
    title: str  # the tooltip: kind, value, noun, metric, entity, scope
    badge: str  # shown for figures not written in the text ("3 listed")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of one line's text, marked as a figure or plain."""

    text: str
    mark: Mark | None = None
    first: bool = True  # False where a figure carries on from the line above


@dataclass(frozen=True, slots=True)
class RelatedView:
    """A figure a finding rests on, with a link to its line when it is on the page."""

    text: str
    role: str
    where: str  # "line 71" or "other.txt:71"
    href: str  # "" when the document is not in the report


@dataclass(frozen=True, slots=True)
class FindingView:
    """A finding as shown on its line and in the index."""

    anchor: str
    code: str
    rule: str
    severity: str
    location: str  # path:line:column
    line_href: str
    message: str
    hint: str
    check: str
    related: tuple[RelatedView, ...]


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of a document's raw file, numbered as in the file."""

    number: int
    anchor: str
    pieces: tuple[Piece, ...]
    findings: tuple[FindingView, ...]
    severity: str  # the worst severity of its findings, "" without any


@dataclass(frozen=True, slots=True)
class UncoveredView:
    """A quantity no check compared, linked to its line."""

    text: str
    kind: str
    noun: str
    line: int
    href: str


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A document's section: summary, coverage and numbered source."""

    summary: DocumentSummary
    slug: str
    anchor: str
    format: str
    number_width: int  # characters in the largest line number
    lines: tuple[SourceLine, ...]
    findings: tuple[FindingView, ...]
    uncovered: tuple[UncoveredView, ...]


@dataclass(frozen=True, slots=True)
class ReportView:
    """Everything the template shows."""

    version: str
    summary_line: str
    rule_files: tuple[str, ...]
    documents: tuple[DocumentView, ...]
    totals: DocumentSummary
    rules: tuple[RuleTotal, ...]
    findings: tuple[FindingView, ...]  # every finding, for the index
    stray: tuple[FindingView, ...]  # findings in files the report does not show
    timelines: tuple[TimelineChart, ...] = ()  # cumulative totals across releases


def render(result: RunResult) -> str:
    """Render ``result`` as one self-contained HTML page."""
    return _environment().get_template(TEMPLATE).render(report=build_view(result))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # Autoescaping is on for every template: all document text and messages pass through it.
    return Environment(
        loader=PackageLoader("checks.reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def build_view(result: RunResult) -> ReportView:
    """Return what the page shows, worked out from ``result``."""
    slugs = _slugs(d.path for d in result.documents)
    summaries = document_summaries(result)
    figures = _by_path(result.figures)
    findings = _by_path(result.findings)
    documents = tuple(
        _document_view(
            document,
            summary,
            slugs,
            figures.get(document.path, []),
            findings.get(document.path, []),
            result,
        )
        for document, summary in zip(result.documents, summaries, strict=True)
    )
    shown = {d.summary.path for d in documents}
    stray = tuple(
        _finding_view(f, f"f-stray-{index}", slugs)
        for index, f in enumerate(result.findings, 1)
        if f.path not in shown
    )
    return ReportView(
        version=__version__,
        summary_line=summary_line(result),
        rule_files=result.rule_files,
        documents=documents,
        totals=total_of(summaries),
        rules=tuple(rule_totals(result)),
        findings=tuple(v for d in documents for v in d.findings) + stray,
        stray=stray,
        timelines=timeline_charts(result, _line_targets(documents)),
    )


def _slugs(paths: Iterable[str]) -> dict[str, str]:
    """Return an id-safe slug per path, unique even where two paths slug alike."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for path in paths:
        base = _SLUG_UNSAFE.sub("-", path.lower()).strip("-") or "document"
        if base.startswith(_RESERVED_PREFIXES):
            base = f"p-{base}"  # "f/x.txt" must not take the ids of the findings of "x.txt"
        slug, index = base, 1
        while slug in taken:
            index += 1
            slug = f"{base}-{index}"
        taken.add(slug)
        slugs[path] = slug
    return slugs


def _document_view(
    document: Document,
    summary: DocumentSummary,
    slugs: dict[str, str],
    figures: list[Figure],
    findings: list[Finding],
    result: RunResult,
) -> DocumentView:
    slug = slugs[document.path]
    starts = document.line_starts or line_starts_of(document.raw)
    count = _line_count(document.raw, starts)
    views = _finding_views(findings, slug, slugs, count)
    spans = _marks(document.raw, starts, figures, findings, result.checked)
    lines = _source_lines(document.raw, starts, count, slug, spans, views)
    uncovered = tuple(
        UncoveredView(f.text, f.kind.value, f.noun or "", f.line, f"#{slug}-L{f.line}")
        for f in uncovered_figures(result, document.path)
    )
    return DocumentView(
        summary=summary,
        slug=slug,
        anchor=f"doc-{slug}",
        format=document.format,
        number_width=len(str(count)),
        lines=lines,
        findings=tuple(v for line in sorted(views) for v in views[line]),
        uncovered=uncovered,
    )


def _line_count(raw: str, starts: Sequence[int]) -> int:
    # A final newline ends the last line; it does not start an empty one.
    if len(starts) > 1 and starts[-1] == len(raw):
        return len(starts) - 1
    return len(starts)


def _finding_views(
    findings: list[Finding], slug: str, slugs: dict[str, str], count: int
) -> dict[int, list[FindingView]]:
    """Return the finding views per line; a second finding on a line gets ``-2``."""
    views: dict[int, list[FindingView]] = defaultdict(list)
    for finding in sorted(findings, key=Finding.sort_key):
        line = min(max(finding.line, 1), count)
        anchor = f"f-{slug}-L{line}"
        if views[line]:
            anchor += f"-{len(views[line]) + 1}"
        views[line].append(_finding_view(finding, anchor, slugs))
    return views


def _finding_view(finding: Finding, anchor: str, slugs: dict[str, str]) -> FindingView:
    slug = slugs.get(finding.path)
    return FindingView(
        anchor=anchor,
        code=finding.code,
        rule=finding.rule.value,
        severity=finding.severity.value,
        location=f"{finding.path}:{finding.line}:{finding.column}",
        line_href=f"#{slug}-L{finding.line}" if slug else "",
        message=finding.message,
        hint=finding.hint or "",
        check=finding.check,
        related=tuple(_related_view(r, finding.path, slugs) for r in finding.related),
    )


def _related_view(related: Related, path: str, slugs: dict[str, str]) -> RelatedView:
    slug = slugs.get(related.path)
    where = f"line {related.line}" if related.path == path else f"{related.path}:{related.line}"
    return RelatedView(
        text=related.text,
        role=related.role,
        where=where,
        href=f"#{slug}-L{related.line}" if slug else "",
    )


# --------------------------------------------------------------------------- marking the text


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    mark: Mark


def _marks(
    raw: str,
    starts: Sequence[int],
    figures: list[Figure],
    findings: list[Finding],
    checked: frozenset[str],
) -> list[_Span]:
    """Return the figures' raw-file spans, sorted and made disjoint."""
    flagged = {(f.line, f.column): f.severity.value for f in findings}
    spans = []
    for figure in figures:
        start = min(max(figure.offset, 0), len(raw))
        end = max(_offset(raw, starts, figure.end_line, figure.end_column), start)
        severity = flagged.get((figure.line, figure.column))
        spans.append(_Span(start, end, _mark(figure, figure.id in checked, severity, end > start)))
    spans.extend(_finding_spans(raw, starts, findings, spans))
    # A badge (an empty span) goes before a figure starting at the same place.
    spans.sort(key=lambda s: (s.start, s.end > s.start, -s.end))
    disjoint: list[_Span] = []
    cursor = 0
    for span in spans:
        # Overlapping figures are rare; the earlier one keeps the shared characters,
        # and a badge inside another figure moves to its end.
        if span.start < cursor:
            if span.end <= cursor and span.end > span.start:
                continue
            span = _Span(cursor, max(span.end, cursor), span.mark)
        disjoint.append(span)
        cursor = max(cursor, span.end)
    return disjoint


def _finding_spans(
    raw: str, starts: Sequence[int], findings: list[Finding], figures: list[_Span]
) -> list[_Span]:
    """Return the spans of findings that are not about a figure ("this morning (Thurs)")."""
    taken = sorted((s.start, s.end) for s in figures if s.end > s.start)
    starts_taken = [start for start, _ in taken]
    reach = list(itertools.accumulate((end for _, end in taken), max))
    spans = []
    for finding in findings:
        start = _offset(raw, starts, finding.line, finding.column)
        end = _offset(
            raw, starts, finding.end_line or finding.line, finding.end_column or finding.column
        )
        # Figures starting before ``end`` overlap when the furthest of them reaches past ``start``.
        before = bisect.bisect_left(starts_taken, end)
        if end <= start or (before and reach[before - 1] > start):
            continue  # empty, or a figure is already flagged there
        title = f"{finding.code} {finding.severity.value}: {finding.message}"
        css = f"finding-span sev-{finding.severity.value}"
        spans.append(_Span(start, end, Mark(id="", css=css, title=title, badge="")))
    return spans


def _offset(raw: str, starts: Sequence[int], line: int, column: int) -> int:
    """Return the raw offset of a 1-based line and column, kept inside the file."""
    line = min(max(line, 1), len(starts))
    return min(max(starts[line - 1] + column - 1, 0), len(raw))


def _mark(figure: Figure, checked: bool, severity: str | None, written: bool) -> Mark:
    if figure.kind in COMPARABLE_KINDS or checked:
        coverage = "checked" if checked else "unchecked"
    else:
        coverage = "ignored"  # ages, dates, phone numbers: read so as not to be counted
    css = f"fig k-{figure.kind.value} {coverage}"
    if severity:
        css += f" flagged sev-{severity}"
    if not written:
        css += " badge-only"
    # A figure not written in the text (how many people a list names) shows as a badge.
    return Mark(
        id=f"fig-{figure.id}",
        css=css,
        title=_tooltip(figure, coverage),
        badge="" if written else figure.text,
    )


def _tooltip(figure: Figure, coverage: str) -> str:
    parts = [f"{figure.kind.value}: {describe_value(figure)}"]
    if figure.qualifier:
        parts.append(f"qualifier: {figure.qualifier}")
    parts.extend(
        f"{label}: {value or '—'}"
        for label, value in (
            ("noun", figure.noun),
            ("metric", figure.metric),
            ("entity", figure.entity),
            ("scope", str(figure.scope)),
        )
    )
    if figure.relation:
        parts.append(f"{figure.relation} of {figure.about}")
    parts.append(_COVERAGE_NOTES[coverage])
    return "\n".join(parts)


_COVERAGE_NOTES = {
    "checked": "compared by a check",
    "unchecked": "not compared by any check",
    "ignored": "not a quantity the checks compare",
}


def _source_lines(
    raw: str,
    starts: Sequence[int],
    count: int,
    slug: str,
    spans: list[_Span],
    findings: dict[int, list[FindingView]],
) -> tuple[SourceLine, ...]:
    """Return the first ``count`` lines of ``raw`` cut into plain and marked pieces."""
    lines = []
    index = 0  # the first span that may reach the current line
    for number in range(1, count + 1):
        start = starts[number - 1]
        next_start = starts[number] if number < len(starts) else len(raw) + 1
        end = min(next_start - 1, len(raw))  # the newline, or the end of the file
        if end > start and raw[end - 1] == "\r":
            end -= 1  # CRLF: the CR is part of the line break, not the text
        pieces, index = _pieces(raw, start, end, next_start, spans, index)
        own = tuple(findings.get(number, ()))
        lines.append(
            SourceLine(
                number=number,
                anchor=f"{slug}-L{number}",
                pieces=pieces,
                findings=own,
                severity=_worst(own) if own else "",
            )
        )
    return tuple(lines)


def _worst(findings: Iterable[FindingView]) -> str:
    return max((Severity(f.severity) for f in findings), key=lambda s: s.rank).value


def _pieces(
    raw: str, start: int, end: int, next_start: int, spans: list[_Span], index: int
) -> tuple[tuple[Piece, ...], int]:
    """Return the pieces of the line ``raw[start:end]`` and the next span to look at."""
    if index >= len(spans) or spans[index].start >= next_start:
        return ((Piece(_visible(raw[start:end])),) if end > start else ()), index
    pieces: list[Piece] = []
    position = start
    while index < len(spans) and spans[index].start < next_start:
        span = spans[index]
        left, right = min(max(span.start, start), end), min(max(span.end, start), end)
        if left > position:
            pieces.append(Piece(_visible(raw[position:left])))
        if right > left or span.start == span.end:
            pieces.append(Piece(_visible(raw[left:right]), span.mark, span.start >= start))
            position = max(position, right)
        if span.end >= next_start:
            break  # the figure goes on into the next line
        index += 1
    if position < end:
        pieces.append(Piece(_visible(raw[position:end])))
    return tuple(pieces), index


def _visible(text: str) -> str:
    return text.translate(_CONTROL_PICTURES)


# --------------------------------------------------------------------------- totals over time

_PLAIN_LAUNCH = "since launch"
_CHART_WIDTH = 520
_CHART_HEIGHT = 230
_PLOT_LEFT, _PLOT_RIGHT, _PLOT_TOP, _PLOT_BOTTOM = 62, 502, 34, 196
_INSET = 18  # keeps the first and last points off the frame
_Y_TICKS = 4  # about how many steps the value axis is cut into
_X_TICKS = 6  # at most this many date labels
_LABELLED_POINTS = 12  # above this, only the ends and the falls carry a value label
_LABEL_CHARACTERS = 22  # a longer "as written" value label is cut short
_LABEL_ROOM = 90  # how near (in x) the next point must be to crowd a label
# Month names of the date axis, fixed: the page must not depend on the locale.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class CumulativeSeries:
    """A total "since launch" stated by two releases or more: one point per release.

    ``quantity`` is what trend compares: the metric, or ``noun:<singular noun>``
    when the figures have none.  ``points`` are oldest first.
    """

    entity: str | None
    quantity: str
    label: str  # the programme: "since launch of Operation Keystone"
    points: tuple[TimelinePoint, ...]

    @property
    def name(self) -> str:
        """Return the series as ``figcheck history`` names it: ``region warrants``."""
        what = self.quantity
        if what.startswith("noun:"):
            what = f"“{what.removeprefix('noun:')}”"
        return f"{self.entity} {what}" if self.entity else what

    @property
    def falls(self) -> int:
        return sum(1 for point in self.points if point.fell)


@dataclass(frozen=True, slots=True)
class Tick:
    """A labelled mark on a chart axis, at an SVG coordinate along that axis."""

    at: float
    label: str


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One release's value of a series, placed on its chart and shown in its table."""

    x: float
    y: float
    date: str  # ISO
    value: str  # "522", or "800 [800, ∞]" where the words allow a range
    text: str  # as written
    where: str  # path:line
    href: str  # the figure's line in the report; "" when that line is not shown
    fell: bool
    approximate: bool
    note: str  # why it is marked: "lower than 522 in the release before"
    tooltip: str
    label: str  # the value drawn by the point; "" where points are too many
    label_y: float
    anchor: str  # text-anchor of the labels: start, middle or end
    fall_label: str
    fall_label_y: float


@dataclass(frozen=True, slots=True)
class ChartSegment:
    """The line from one release's point to the next; ``fell`` where the second fell."""

    x1: float
    y1: float
    x2: float
    y2: float
    fell: bool


@dataclass(frozen=True, slots=True)
class TimelineChart:
    """One cumulative series drawn as an SVG chart, with its points as a table."""

    anchor: str
    name: str
    label: str
    summary: str  # what the chart shows, in words, for screen readers
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    segments: tuple[ChartSegment, ...]
    points: tuple[ChartPoint, ...]
    falls: int


def cumulative_series(result: RunResult) -> list[CumulativeSeries]:
    """Return the run's cumulative totals stated by at least two dated releases.

    Figures are grouped as the trend check groups them (entity and metric, or
    the counted noun; a named programme, or an entity, is needed), then split
    by programme: "since launch of Operation Keystone" and "... Safenet" are
    two series, and a plain "since launch" joins the group's only named
    programme.  A release stating a series more than once shows one point:
    one that fell if any did, else the highest lower bound, the value the next
    release is compared with.
    """
    if not any(f.scope.kind is ScopeKind.CUMULATIVE for f in (*result.figures, *result.stored)):
        return []  # most runs: skip loading the checks' grouping helpers
    published = {d.path: d.published for d in result.documents}
    series = []
    for (entity, quantity), figures in _cumulative_groups(result, published).items():
        for label, members in _by_programme(figures).items():
            dated = [p for p in timeline(members, published) if p.date is not None]
            points = _one_point_per_release(dated)
            if len({point.path for point in points}) >= 2:
                series.append(CumulativeSeries(entity, quantity, label, tuple(points)))
    series.sort(key=lambda s: (s.falls == 0, s.entity or "", s.quantity, s.label))
    return series


def _cumulative_groups(
    result: RunResult, published: dict[str, dt.date | None]
) -> dict[tuple[str | None, str], list[Figure]]:
    # Loaded here, not at the top: a run has loaded them already, and the report
    # module stays light for commands that only register the format.
    from checks.rules import RuleSet
    from checks.validate.batch import Batch, quantity_key

    # Releases from a figure store have no document here; their scope end dates them.
    batch = Batch(list(result.documents), [*result.figures, *result.stored], RuleSet.empty())
    groups: dict[tuple[str | None, str], list[Figure]] = defaultdict(list)
    for figure in batch.measured(need_entity=False, need_metric=False):
        named = figure.entity is not None or figure.scope.label != _PLAIN_LAUNCH
        dated = published.get(figure.path) or figure.scope.end
        if figure.scope.kind is ScopeKind.CUMULATIVE and named and dated and _finite(figure):
            groups[(figure.entity, quantity_key(figure))].append(figure)
    return groups


def _finite(figure: Figure) -> bool:
    return math.isfinite(figure.value)


def _by_programme(figures: list[Figure]) -> dict[str, list[Figure]]:
    """Split a group by programme label; a plain "since launch" joins a lone named one."""
    labels = {f.scope.label for f in figures}
    named = sorted(labels - {_PLAIN_LAUNCH})
    home = named[0] if len(named) == 1 else _PLAIN_LAUNCH
    split: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        label = figure.scope.label
        split[home if label == _PLAIN_LAUNCH else label].append(figure)
    return split


def _one_point_per_release(points: list[TimelinePoint]) -> list[TimelinePoint]:
    """Keep one point per document, in the timeline's (date) order."""
    chosen: dict[str, tuple[tuple[bool, float, bool, int], TimelinePoint]] = {}
    for order, point in enumerate(points):
        key = (not point.fell, -point.low, point.low != point.high, order)
        if point.path not in chosen or key < chosen[point.path][0]:
            chosen[point.path] = (key, point)
    kept = sorted(chosen.values(), key=lambda item: item[0][3])
    return [point for _, point in kept]


def _line_targets(documents: Iterable[DocumentView]) -> dict[str, tuple[str, int]]:
    """Return each shown document's slug and number of lines, for links to them."""
    return {d.summary.path: (d.slug, len(d.lines)) for d in documents}


def timeline_charts(
    result: RunResult, targets: dict[str, tuple[str, int]]
) -> tuple[TimelineChart, ...]:
    """Return a chart per cumulative series; ``targets`` maps a shown path to (slug, lines)."""
    return tuple(
        _chart(series, f"tl-{index}", targets)
        for index, series in enumerate(cumulative_series(result), 1)
    )


def _chart(
    series: CumulativeSeries, anchor: str, targets: dict[str, tuple[str, int]]
) -> TimelineChart:
    dated = [(p, p.date.toordinal()) for p in series.points if p.date is not None]
    first, last = min(day for _, day in dated), max(day for _, day in dated)
    low, high, step = _value_axis([p.value for p, _ in dated])

    def x_of(day: int) -> float:
        if last == first:
            return round((_PLOT_LEFT + _PLOT_RIGHT) / 2, 1)
        span = _PLOT_RIGHT - _PLOT_LEFT - 2 * _INSET
        return round(_PLOT_LEFT + _INSET + span * (day - first) / (last - first), 1)

    def y_of(value: float) -> float:
        return round(_PLOT_BOTTOM - (_PLOT_BOTTOM - _PLOT_TOP) * (value - low) / (high - low), 1)

    labelled = _labelled([p for p, _ in dated])
    spots = [(x_of(day), y_of(point.value)) for point, day in dated]
    placed = tuple(
        _chart_point(series, point, spots[index], index in labelled,
                     _label_below(spots, index), targets)
        for index, (point, _) in enumerate(dated)
    )
    segments = tuple(
        ChartSegment(a.x, a.y, b.x, b.y, b.fell) for a, b in itertools.pairwise(placed)
    )
    y_ticks = tuple(
        Tick(y_of(value), _number(value)) for value in _steps(low, high, step)
    )
    x_ticks = tuple(Tick(x_of(day), label) for day, label in _date_ticks(first, last))
    return TimelineChart(
        anchor=anchor,
        name=series.name,
        label=series.label,
        summary=_chart_summary(series),
        width=_CHART_WIDTH,
        height=_CHART_HEIGHT,
        left=_PLOT_LEFT,
        right=_PLOT_RIGHT,
        top=_PLOT_TOP,
        bottom=_PLOT_BOTTOM,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        segments=segments,
        points=placed,
        falls=series.falls,
    )


def _labelled(points: Sequence[TimelinePoint]) -> set[int]:
    """Return the indexes of the points that carry a value label."""
    if len(points) <= _LABELLED_POINTS:
        return set(range(len(points)))
    return {0, len(points) - 1} | {i for i, p in enumerate(points) if p.fell}


def _chart_point(
    series: CumulativeSeries,
    point: TimelinePoint,
    spot: tuple[float, float],
    labelled: bool,
    below: bool,
    targets: dict[str, tuple[str, int]],
) -> ChartPoint:
    x, y = spot
    date = point.date.isoformat() if point.date else ""
    value = _interval_text(point.value, point.low, point.high)
    where = f"{point.path}:{point.line}"
    note = f"lower than {_number(point.was)} in the release before" if point.was is not None else ""
    tooltip = "\n".join(
        part for part in (f"{series.name} ({series.label})", f"{date}: {value}",
                          f"“{point.text}”" if point.text else "", where,
                          note and f"Fell: {note}") if part
    )
    approximate = point.low != point.high
    label = ""
    if labelled:
        label = _short(point.text) if approximate and point.text else _number(point.value)
    # Labels sit above the point (below where the next point would cover them);
    # a fall's label sits above its point and value.
    label_y = y + 19 if below and label and not point.fell else max(y - 10, 12.0)
    return ChartPoint(
        x=x, y=y, date=date, value=value, text=point.text, where=where,
        href=_line_href(point, targets), fell=point.fell, approximate=approximate, note=note,
        tooltip=tooltip, label=label, label_y=label_y, anchor=_text_anchor(x),
        fall_label=f"▼ fell below {_number(point.was)}" if point.was is not None else "",
        fall_label_y=max(label_y - 14 if label and label_y < y else y - 10, 12.0),
    )


def _label_below(spots: Sequence[tuple[float, float]], index: int) -> bool:
    """Say whether a label above point ``index`` would run into the next, higher point."""
    if index + 1 >= len(spots):
        return False
    (x, y), (next_x, next_y) = spots[index], spots[index + 1]
    room_below = y + 19 <= _PLOT_BOTTOM - 4
    return room_below and next_y < y and next_x - x < _LABEL_ROOM


def _line_href(point: TimelinePoint, targets: dict[str, tuple[str, int]]) -> str:
    # A stored release is not shown, and a text-less one has no such line.
    target = targets.get(point.path)
    if target is None or not 1 <= point.line <= target[1]:
        return ""
    return f"#{target[0]}-L{point.line}"


def _text_anchor(x: float) -> str:
    if x > _PLOT_RIGHT - 40:
        return "end"
    if x < _PLOT_LEFT + 40:
        return "start"
    return "middle"


def _short(text: str) -> str:
    text = " ".join(_visible(text).split())
    return text if len(text) <= _LABEL_CHARACTERS else text[: _LABEL_CHARACTERS - 1] + "…"


def _interval_text(value: float, low: float, high: float) -> str:
    if low == high:
        return _number(value)
    return f"{_number(value)} [{_number(low)}, {_number(high)}]"


def _chart_summary(series: CumulativeSeries) -> str:
    points = series.points
    values = ", ".join(
        f"{_number(p.value)} on {p.date.isoformat() if p.date else 'an unknown date'}"
        for p in points
    )
    falls = f"; {series.falls} fell below the release before" if series.falls else ""
    return f"{series.name} {series.label}: {values}{falls}."


def _value_axis(values: Sequence[float]) -> tuple[float, float, float]:
    """Return the value axis' bottom, top and tick step: round numbers around ``values``."""
    smallest, largest = min(values), max(values)
    whole = all(v == int(v) for v in values)
    step = _nice_step((largest - smallest) / _Y_TICKS, whole)
    low = math.floor(smallest / step) * step
    high = math.ceil(largest / step) * step
    if high == low:  # one value: give it a step each side, not below zero for counts
        low, high = low - step, high + step
        if smallest >= 0 > low:
            low, high = 0.0, high + step
    return low, high, step


def _nice_step(rough: float, whole: bool) -> float:
    """Return 1, 2, 2.5 or 5 times a power of ten, at least ``rough`` (at least 1 for counts)."""
    if not rough > 0:
        return 1.0 if whole else 0.1
    magnitude = 10.0 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough * (1 - 1e-9))
    if whole:
        step = max(step, 1.0)
        if step != int(step):  # 2.5 of a count is no tick: use 5
            step = 2 * step
    return step


def _steps(low: float, high: float, step: float) -> list[float]:
    count = round((high - low) / step)
    return [round(low + index * step, 9) for index in range(count + 1)]


def _date_ticks(first: int, last: int) -> list[tuple[int, str]]:
    """Return (ordinal day, label) ticks between two ordinal days: years, months or days."""
    start, end = dt.date.fromordinal(first), dt.date.fromordinal(last)
    if first == last:
        return [(first, f"{start.day} {_MONTHS[start.month - 1]} {start.year}")]
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 6 * _X_TICKS:
        every = math.ceil((end.year - start.year + 1) / _X_TICKS)
        years = range(start.year + 1, end.year + 1)
        return [(dt.date(y, 1, 1).toordinal(), str(y)) for y in years if y % every == 0]
    if months >= 3:
        every = next(m for m in (1, 2, 3, 6, 12) if months / m <= _X_TICKS)
        ticks = []
        for index in range(start.year * 12 + start.month, end.year * 12 + end.month + 1):
            year, month = divmod(index - 1, 12)
            day = dt.date(year, month + 1, 1)
            if month % every == 0 and start < day <= end:
                ticks.append((day.toordinal(), f"{_MONTHS[month]} {year}"))
        return ticks
    every = max(1, math.ceil((last - first) / _X_TICKS))
    return [
        (day, f"{dt.date.fromordinal(day).day} {_MONTHS[dt.date.fromordinal(day).month - 1]}")
        for day in range(first, last + 1, every)
    ]
