"""The HTML report: one self-contained page for reviewers, offline or as a CI artifact.

The page needs no network and no JavaScript: CSS is inline, and a
Content-Security-Policy forbids scripts and remote loads, so even text that
escaped escaping could not run.  Every document is shown as its raw source
lines, numbered as in the file (HTML documents as source, never rendered),
with each figure marked and each finding anchored after its line.  All text
reaches the page through Jinja2 autoescaping.

The summary helpers (:func:`document_summaries`, :func:`total_of`,
:func:`rule_totals`, :func:`uncovered_figures`) are shared with the Markdown report.
"""

from __future__ import annotations

import bisect
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
    Severity,
    line_starts_of,
)
from checks.reports.text_report import summary_line

FORMAT = "html"
TEMPLATE = "report.html.j2"

# C0 controls (bar tab) and DEL become their visible Control Pictures, one
# character for one, so offsets stay valid and a stray CR cannot break a line.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(32) if code != 9} | {127: 0x2421}
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
# Prefixes of the page's own ids: findings, figures, document sections.
_RESERVED_PREFIXES = ("f-", "fig-", "doc-")
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
