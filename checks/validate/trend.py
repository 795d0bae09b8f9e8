"""Cumulative totals that fall between releases: ``trend``.

A figure "since launch" can only grow: a later release giving a smaller total
for the same entity and metric than an earlier release contradicts it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from checks.model import Figure, Finding, Rule, ScopeKind, Severity
from checks.validate.batch import (
    Batch,
    entity_name,
    metric_name,
    number,
    quantity_key,
    quoted,
    related,
    same_programme,
)
from checks.validate.claims import Claim, Interval

CUMULATIVE = "figcheck.cumulative-never-falls"
CHECKS = {CUMULATIVE: "A cumulative (since launch) total is not lower than in an earlier release."}


def claims(batch: Batch) -> Iterator[Claim]:
    groups: dict[tuple[str | None, str | None], list[Figure]] = defaultdict(list)
    for figure in batch.measured(need_entity=False, need_metric=False):
        # Without a rule-file entity, a named operation still identifies the total.
        named = figure.entity is not None or figure.scope.label != "since launch"
        if (
            figure.scope.kind is ScopeKind.CUMULATIVE
            and named
            and _as_of(batch, figure) is not None
        ):
            groups[(figure.entity, quantity_key(figure))].append(figure)
    for figures in groups.values():
        yield from _falls(batch, figures)


def _falls(batch: Batch, figures: list[Figure]) -> Iterator[Claim]:
    """Compare each figure with the highest total published strictly before it, in date
    order (one pass: the group may hold a figure from every release of an archive).

    Per programme label the two highest figures from different releases are kept, so
    a figure is never compared with its own release, and a date's figures join the
    running maxima only once every figure of that date has been compared.
    """
    ordered = sorted(figures, key=lambda f: _as_of(batch, f))  # type: ignore[arg-type, return-value]
    best: dict[str, list[Figure]] = {}  # label -> up to two figures, distinct paths
    index = 0
    while index < len(ordered):
        when = _as_of(batch, ordered[index])
        same_day = []
        while index < len(ordered) and _as_of(batch, ordered[index]) == when:
            same_day.append(ordered[index])
            index += 1
        for later in same_day:
            earlier = [f for kept in best.values() for f in kept
                       if f.path != later.path and same_programme(f.scope, later.scope)]
            if earlier:
                yield _claim(batch, later, max(earlier, key=lambda f: f.low))
        for figure in same_day:
            _keep_highest(best.setdefault(figure.scope.label, []), figure)


def _keep_highest(kept: list[Figure], figure: Figure) -> None:
    """Keep the two highest figures (by lower bound) that come from different releases."""
    candidates = sorted([*kept, figure], key=lambda f: f.low, reverse=True)
    chosen: list[Figure] = []
    for candidate in candidates:
        if all(c.path != candidate.path for c in chosen):
            chosen.append(candidate)
        if len(chosen) == 2:
            break
    kept[:] = chosen


def _as_of(batch: Batch, figure: Figure) -> date | None:
    return batch.published.get(figure.path) or figure.scope.end


def _claim(batch: Batch, later: Figure, earlier: Figure) -> Claim:
    message = (
        f"{entity_name(batch.rules, later.entity)} {metric_name(batch.rules, later.metric)} "
        f"{later.scope.label or 'since launch'} is {quoted(later)}, lower than the "
        f"{number(earlier.low)} published earlier "
        f"({earlier.path} line {earlier.line}); a cumulative total cannot fall."
    )
    hint = (
        f"The total should be at least {number(earlier.low)}; check whether the figure "
        "covers a shorter period or has a typing error."
    )
    finding = Finding(
        rule=Rule.TREND,
        severity=Severity.ERROR,
        path=later.path,
        line=later.line,
        column=later.column,
        end_line=later.end_line,
        end_column=later.end_column,
        message=message,
        hint=hint,
        check=CUMULATIVE,
        related=(related(earlier, "earlier"),),
    )
    return Claim(
        CUMULATIVE,
        Interval(later.low, later.high),
        Interval.at_least(earlier.low),
        finding,
        (later.id, earlier.id),
    )
