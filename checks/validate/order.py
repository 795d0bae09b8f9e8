"""Figures that cannot exceed others: ``order``.

- a subset stated in the text cannot exceed its total ("arrested 26 people, of
  whom 29 have been charged");
- a rule file's ``order`` rules ("charged <= arrests", per entity and period);
- a figure for a shorter period cannot exceed the same quantity for a period
  that contains it (39 arrests in a February fortnight against 34 in the year
  to 31 March; a day of action against the total since launch).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from checks.model import Figure, Finding, Kind, Rule, Severity
from checks.rules import OrderRule
from checks.validate.batch import (
    Batch,
    contains,
    entity_name,
    metric_name,
    number,
    quoted,
    related,
    same_period,
    scope_phrase,
)
from checks.validate.claims import Claim, Interval

SUBSET = "figcheck.subset-within-total"
PERIOD = "figcheck.part-period-within-whole"
CHECKS = {
    SUBSET: "A subset stated in the text (of whom, of them, including) does not exceed its total.",
    PERIOD: "A figure for a period inside a longer one does not exceed the longer period's figure.",
}


def claims(batch: Batch) -> Iterator[Claim]:
    yield from _subsets(batch)
    for rule in batch.rules.orders:
        for path in batch.by_path:
            yield from _rule_orders(batch, rule, path)
    for path in batch.by_path:
        yield from _periods(batch, path)


def rule_checks(batch: Batch) -> dict[str, str]:
    return {_check_id(rule): rule.description for rule in batch.rules.orders}


def _check_id(rule: OrderRule) -> str:
    stem = Path(rule.source.path).stem if rule.source else "rules"
    return f"{stem}.{rule.id}"


def _claim(
    check: str,
    smaller: Figure,
    larger: Figure,
    message: str,
    hint: str,
    severity: Severity = Severity.ERROR,
) -> Claim:
    finding = Finding(
        rule=Rule.ORDER,
        severity=severity,
        path=smaller.path,
        line=smaller.line,
        column=smaller.column,
        end_line=smaller.end_line,
        end_column=smaller.end_column,
        message=message,
        hint=hint,
        check=check,
        related=(related(larger, "limit"),),
    )
    return Claim(
        check,
        Interval(smaller.low, smaller.high),
        Interval.at_most(larger.high),
        finding,
        (smaller.id, larger.id),
    )


def _subsets(batch: Batch) -> Iterator[Claim]:
    for figure in batch.figures:
        if figure.relation != "subset" or not figure.about:
            continue
        whole = batch.by_id.get(figure.about)
        if whole is None or whole.kind not in (Kind.COUNT, Kind.DECIMAL):
            continue
        message = (
            f"{quoted(figure)} is a subset of {quoted(whole)} but is larger: "
            f"{number(figure.value)} > {number(whole.high)}."
        )
        hint = "A part cannot exceed the group it is drawn from: one of the two figures is wrong."
        yield _claim(SUBSET, figure, whole, message, hint)


def _rule_orders(batch: Batch, rule: OrderRule, path: str) -> Iterator[Claim]:
    check = _check_id(rule)
    figures = list(batch.measured(path))
    smaller = [f for f in figures if f.metric == rule.smaller]
    larger = [f for f in figures if f.metric == rule.larger]
    for small in smaller:
        candidates = [
            large
            for large in larger
            if large.entity == small.entity and same_period(small.scope, large.scope)
        ]
        # The group's total is the largest figure given for it; the others are parts.
        if candidates:
            large = max(candidates, key=lambda f: f.high)
            what_small = metric_name(batch.rules, rule.smaller)
            what_large = metric_name(batch.rules, rule.larger)
            message = (
                f"{entity_name(batch.rules, small.entity)} {scope_phrase(small.scope)}: "
                f"{what_small} {quoted(small)} exceed {what_large} {quoted(large)}."
            )
            hint = f"{what_small.capitalize()} cannot outnumber {what_large}; check both figures."
            yield _claim(check, small, large, message, hint, rule.severity)


def _periods(batch: Batch, path: str) -> Iterator[Claim]:
    groups: dict[tuple[str | None, str | None], list[Figure]] = defaultdict(list)
    for figure in batch.measured(path):
        if figure.relation in ("subset", "part"):
            continue
        groups[(figure.entity, figure.metric)].append(figure)
    for (entity, metric), figures in groups.items():
        for inner in figures:
            outers = [o for o in figures if o is not inner and contains(o.scope, inner.scope)]
            if not outers:
                continue
            outer = min(outers, key=lambda o: o.high)
            what = metric_name(batch.rules, metric)
            message = (
                f"{entity_name(batch.rules, entity)} {what} for {scope_phrase(inner.scope)} "
                f"is {quoted(inner)}, more than the {quoted(outer)} for "
                f"{scope_phrase(outer.scope)}, a period that contains it."
            )
            hint = "A figure for part of a period cannot exceed the figure for the whole period."
            yield _claim(PERIOD, inner, outer, message, hint)
