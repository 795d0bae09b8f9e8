"""What every check reads: the documents of a run, their figures and the rules."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from checks.model import (
    COMPARABLE_KINDS,
    Document,
    Figure,
    Kind,
    Related,
    Scope,
    ScopeKind,
)
from checks.rules import RuleSet


@dataclass
class Batch:
    """The documents of one run with their figures, indexed for the checks."""

    documents: list[Document]
    figures: list[Figure]
    rules: RuleSet
    by_id: dict[str, Figure] = field(init=False)
    by_path: dict[str, list[Figure]] = field(init=False)
    published: dict[str, date | None] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {f.id: f for f in self.figures}
        self.by_path = defaultdict(list)
        for figure in self.figures:
            self.by_path[figure.path].append(figure)
        self.published = {d.path: d.published for d in self.documents}

    def measured(
        self, path: str | None = None, *, need_entity: bool = True, need_metric: bool = True
    ) -> Iterable[Figure]:
        """Yield the figures that state a quantity with a metric and an entity (or, when
        asked, without them)."""
        figures = self.by_path.get(path, []) if path else self.figures
        for figure in figures:
            if (
                figure.kind in COMPARABLE_KINDS
                and figure.kind is not Kind.PERCENT
                and (figure.metric or (not need_metric and figure.noun))
                and (figure.entity or not need_entity)
                and figure.relation not in ("listing", "remainder")
                and not self._sub_population(figure)
            ):
                yield figure

    def _sub_population(self, figure: Figure) -> bool:
        """Say whether a figure counts part of another's group with the same metric
        ("nine victims safeguarded, two of them children"): not the metric's value."""
        if figure.relation != "subset":
            return False
        if not figure.about:
            return True  # "313 of the arrests": part of a group the text does not count
        whole = self.by_id.get(figure.about)
        return whole is not None and whole.metric == figure.metric


# ------------------------------------------------------------------ periods


def _tolerance(scope: Scope) -> int:
    if scope.start and scope.end and (scope.end - scope.start).days <= 16:
        return 0
    return 31


def same_period(a: Scope, b: Scope) -> bool:
    """Say whether two scopes describe the same period, allowing for how loosely
    releases name long periods ("the last 12 months" against "April to March")."""
    if ScopeKind.UNKNOWN in (a.kind, b.kind):
        return False
    if (a.kind is ScopeKind.CUMULATIVE) != (b.kind is ScopeKind.CUMULATIVE):
        return False
    if a.kind is ScopeKind.CUMULATIVE:
        if a.end and b.end:
            return abs((a.end - b.end).days) <= 31
        return a.end is None and b.end is None
    if a.start and a.end and b.start and b.end:
        tolerance = min(_tolerance(a), _tolerance(b))
        return abs((a.start - b.start).days) <= tolerance and abs((a.end - b.end).days) <= tolerance
    if a.start is None and b.start is None:
        return a.kind is b.kind and a.label.lower() == b.label.lower()
    return False


def contains(outer: Scope, inner: Scope) -> bool:
    """Say whether ``inner`` is a strictly shorter period inside ``outer``."""
    if inner.kind in (ScopeKind.UNKNOWN, ScopeKind.CUMULATIVE) or outer.kind is ScopeKind.UNKNOWN:
        return False
    if inner.start is None or inner.end is None or outer.end is None:
        return False
    tolerance = 3
    if outer.kind is ScopeKind.CUMULATIVE:
        started = outer.start is None or outer.start <= inner.start
        return started and inner.end <= outer.end + _days(31)
    if outer.start is None:
        return False
    inside = outer.start - _days(tolerance) <= inner.start and inner.end <= outer.end + _days(
        tolerance
    )
    shorter = (inner.end - inner.start).days * 2 < (outer.end - outer.start).days
    return inside and shorter


def _days(count: int) -> timedelta:
    return timedelta(days=count)


# ------------------------------------------------------------------ wording


def number(value: float) -> str:
    """Format a value for a message: 4,492; 6.33 million; 7.3."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if abs(value) >= 1_000_000 and value != int(value):
        return f"{value / 1_000_000:,.3g} million"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def interval(low: float, high: float) -> str:
    """Format an interval: "4,492", "4,490 to 4,500", "at least 1,600"."""
    if low == high:
        return number(low)
    if math.isinf(high):
        return f"at least {number(low)}"
    if math.isinf(low) or (low <= 0 and high > 0 and low == 0):
        return f"at most {number(high)}"
    return f"{number(low)} to {number(high)}"


def quoted(figure: Figure) -> str:
    """Return '"593 investigations" (line 39)'."""
    text = figure.text
    if figure.noun and figure.noun.lower() not in text.lower() and figure.kind is not Kind.LISTED:
        text = f"{text} {figure.noun}"
    return f'"{text}" (line {figure.line})'


def related(figure: Figure, role: str) -> Related:
    return Related(figure.path, figure.line, figure.column, figure.text, role)


def entity_name(rules: RuleSet, entity: str | None) -> str:
    if entity is None:
        return "the document"
    found = rules.entities.get(entity)
    return found.name if found else entity


def metric_name(rules: RuleSet, metric: str | None, fallback: str | None = None) -> str:
    if metric is None:
        return fallback or "figures"
    found = rules.metrics.get(metric)
    return found.name if found else metric


def quantity_key(figure: Figure) -> str:
    """Return what a figure measures: its metric, or else its counted noun ("county line")."""
    if figure.metric:
        return figure.metric
    from checks.extract.language import singular

    words = (figure.noun or "").split()
    return "noun:" + " ".join(singular(w) for w in words)


def same_programme(a: Scope, b: Scope) -> bool:
    """Say whether two cumulative scopes can count the same thing: both name the same
    operation, or one names none."""
    plain = "since launch"
    return a.label == b.label or plain in (a.label, b.label)


def scope_phrase(scope: Scope) -> str:
    if scope.kind is ScopeKind.CUMULATIVE:
        return scope.label or "since launch"
    if scope.label:
        return scope.label
    return scope.kind.value
