"""The same quantity stated twice with different values: ``conflict``.

Within a document, two figures for the same entity, metric and period must
agree.  Across documents, two releases giving a figure for the same entity,
metric and dated period (a day of action, a restated total at the same date)
must agree too; the later release carries the finding.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from checks.model import Figure, Finding, Rule, ScopeKind, Severity
from checks.validate.batch import (
    Batch,
    entity_name,
    metric_name,
    quantity_key,
    quoted,
    related,
    same_period,
    scope_phrase,
)
from checks.validate.claims import Claim, Interval

_RESTRICTION = re.compile(
    r"\b(?:for|on\s+suspicion\s+of|in\s+connection\s+with|aged|under|over)\s+[\w'’\-]+"
    r"|\b(?:in|at|from)\s+(?:the\s+)?(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\b)[A-Z][\w'’\-]+"
)
_FRONTED = re.compile(r"\s*((?:In|At|Across)\s+(?:the\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*),")
IN_DOCUMENT = "figcheck.restated-figure-agrees"
ACROSS = "figcheck.releases-agree"
CHECKS = {
    IN_DOCUMENT: "A figure stated twice in one document (same entity, metric, period) agrees.",
    ACROSS: "Two releases give the same figure for the same entity, metric and dated period.",
}


def claims(batch: Batch) -> Iterator[Claim]:
    groups: dict[tuple[str | None, str], list[Figure]] = defaultdict(list)
    for figure in batch.measured(need_metric=False):
        if figure.scope.kind is ScopeKind.UNKNOWN or _part_of_own_total(batch, figure):
            continue
        groups[(figure.entity, quantity_key(figure))].append(figure)
    for (_, key), figures in groups.items():
        # Within one release only rule-file metrics are compared: a counted noun alone
        # ("fires") too often names different sub-groups.  Across releases the exact
        # same dates and publisher make the noun enough.
        if not key.startswith("noun:"):
            yield from _within(batch, figures)
        yield from _across(batch, figures)


def restriction(figure: Figure) -> str:
    """Return what narrows a figure to a sub-group: "for drugs offences", "in Coventry".

    "15 people were arrested for drugs offences" and "3 people were arrested for
    weapons offences" are two quantities, not one stated twice.
    """
    after = figure.context[figure.at + len(figure.text) :]
    clause = re.split(r"[,;:.()]", after, maxsplit=1)[0]
    found = _RESTRICTION.findall(clause)
    fronted = _FRONTED.match(figure.context)  # "In Blackburn, seven warrants led to ..."
    if fronted and fronted.end() <= figure.at:
        found.insert(0, fronted.group(1))
    return " ".join(part.lower() for part in found)


def _part_of_own_total(batch: Batch, figure: Figure) -> bool:
    """Say whether a figure is one item of a breakdown of its own entity's total
    ("Five in Stockport, four in Oldham"): a different quantity from the total."""
    if figure.relation != "part" or not figure.about:
        return False
    whole = batch.by_id.get(figure.about)
    return whole is None or whole.entity == figure.entity


def _within(batch: Batch, figures: list[Figure]) -> Iterator[Claim]:
    by_path: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_path[figure.path].append(figure)
    for same_doc in by_path.values():
        for index, later in enumerate(same_doc):
            first = next(
                (
                    f
                    for f in same_doc[:index]
                    if same_period(f.scope, later.scope) and restriction(f) == restriction(later)
                ),
                None,
            )
            if first is not None:
                yield _claim(batch, IN_DOCUMENT, later, first, Severity.ERROR)


def _across(batch: Batch, figures: list[Figure]) -> Iterator[Claim]:
    # Only the same dates count across releases, so figures are grouped by their
    # exact period first: an archive of thousands of releases stays linear.
    by_period: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
    for figure in figures:
        if _dated(figure):
            by_period[_period_key(figure)].append(figure)
    for dated in by_period.values():
        if len({f.path for f in dated}) >= 2:
            yield from _against_latest_earlier(batch, dated)


def _against_latest_earlier(batch: Batch, dated: list[Figure]) -> Iterator[Claim]:
    """Compare each figure with a figure of the latest earlier release that gives the
    same quantity, in one pass over the releases in publication order."""

    def order(figure: Figure) -> tuple[object, ...]:
        published = batch.published.get(figure.path)
        return (published is None, published.toordinal() if published else 0, figure.path)

    # Per kind of quantity (restriction, programme): the figures of the latest release
    # seen and of the release before it, so a figure is never compared with its own.
    latest: dict[tuple[str, str], tuple[list[Figure], list[Figure]]] = {}
    for later in sorted(dated, key=order):
        programme = later.scope.label if later.scope.kind is ScopeKind.CUMULATIVE else ""
        key = (restriction(later), programme)
        current, previous = latest.get(key, ([], []))
        if current and current[0].path != later.path:
            previous, current = current, []
        candidates = [f for f in previous if _before(batch, f.path, later.path)]
        if candidates:
            yield _claim(batch, ACROSS, later, candidates[-1], Severity.ERROR)
        current.append(later)
        latest[key] = (current, previous)


def _period_key(figure: Figure) -> tuple[object, ...]:
    scope = figure.scope
    if scope.kind is ScopeKind.CUMULATIVE:
        return (scope.kind, scope.end)
    return (False, scope.start, scope.end)


def _dated(figure: Figure) -> bool:
    scope = figure.scope
    if scope.kind is ScopeKind.CUMULATIVE:
        return scope.end is not None
    return scope.start is not None and scope.end is not None


def _before(batch: Batch, first: str, second: str) -> bool:
    one, two = batch.published.get(first), batch.published.get(second)
    if one is None or two is None:
        return False
    return one < two or (one == two and first < second)


def _claim(batch: Batch, check: str, later: Figure, earlier: Figure, severity: Severity) -> Claim:
    where = (
        f"line {earlier.line}"
        if earlier.path == later.path
        else f"{earlier.path} line {earlier.line}"
    )
    message = (
        f"{entity_name(batch.rules, later.entity)} {metric_name(batch.rules, later.metric)} "
        f"{scope_phrase(later.scope)} is given as {quoted(later)} here but as "
        f'"{earlier.text}" at {where}.'
    )
    hint = "The same quantity for the same period must have one value: correct one of the two."
    finding = Finding(
        rule=Rule.CONFLICT,
        severity=severity,
        path=later.path,
        line=later.line,
        column=later.column,
        end_line=later.end_line,
        end_column=later.end_column,
        message=message,
        hint=hint,
        check=check,
        related=(related(earlier, "earlier"),),
    )
    stated, derived = Interval(later.low, later.high), Interval(earlier.low, earlier.high)
    return Claim(check, stated, derived, finding, (later.id, earlier.id))
