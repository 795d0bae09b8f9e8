"""Wholes against their parts: ``sum`` when every part is given, ``missing`` when one is not.

Two sources of wholes and parts:
- the text itself ("More than 4,500 knives ... Leicestershire Police collected
  1,107, Nottinghamshire Police 1,937 and Lincolnshire Police 1,448"), linked by
  the extractor as ``relation="part"``;
- a rule file's ``sum`` rules: the whole entity's figure for a metric and period
  against its parts' figures for the same metric and period.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checks.model import Figure, Finding, Rule, Severity
from checks.rules import SumRule
from checks.validate.batch import (
    Batch,
    entity_name,
    interval,
    metric_name,
    number,
    quoted,
    related,
    same_period,
    scope_phrase,
)
from checks.validate.claims import Claim, Interval

TEXT_SUM = "figcheck.text-sum"
CHECKS = {
    TEXT_SUM: "A total stated in the text equals the sum of the parts listed after it.",
}


def claims(batch: Batch) -> Iterator[Claim]:
    yield from _text_sums(batch)
    for rule in batch.rules.sums:
        for path in batch.by_path:
            yield from _rule_sums(batch, rule, path)


def rule_checks(batch: Batch) -> dict[str, str]:
    return {_check_id(batch, rule): rule.description for rule in batch.rules.sums}


def _check_id(batch: Batch, rule: SumRule) -> str:
    return f"{_rule_set_name(rule)}.{rule.id}"


def _rule_set_name(rule: SumRule) -> str:
    from pathlib import Path

    return Path(rule.source.path).stem if rule.source else "rules"


# ------------------------------------------------------------------ text sums


def _text_sums(batch: Batch) -> Iterator[Claim]:
    parts_of: dict[str, list[Figure]] = defaultdict(list)
    for figure in batch.figures:
        if figure.relation == "part" and figure.about:
            parts_of[figure.about].append(figure)
    for whole_id, parts in parts_of.items():
        whole = batch.by_id.get(whole_id)
        if whole is None:
            continue
        if whole.parts and len(parts) < whole.parts:
            yield _text_missing(whole, parts)
            continue
        if len(parts) < 2:
            continue
        total = Interval(sum(p.low for p in parts), sum(p.high for p in parts))
        terms = " + ".join(number(p.value) for p in parts)
        message = (
            f"{quoted(whole)} does not match its parts: {terms} = {interval(total.low, total.high)}"
            f" ({', '.join(f'line {p.line}' for p in parts)})."
        )
        hint = f"Check each part and the total; the parts give {interval(total.low, total.high)}."
        finding = Finding(
            rule=Rule.SUM,
            severity=Severity.ERROR,
            path=whole.path,
            line=whole.line,
            column=whole.column,
            end_line=whole.end_line,
            end_column=whole.end_column,
            message=message,
            hint=hint,
            check=TEXT_SUM,
            related=tuple(related(p, "part") for p in parts),
        )
        yield Claim(
            TEXT_SUM,
            Interval(whole.low, whole.high),
            total,
            finding,
            (whole.id, *(p.id for p in parts)),
        )


def _text_missing(whole: Figure, parts: list[Figure]) -> Claim:
    known = Interval(sum(p.low for p in parts), sum(p.high for p in parts))
    gap = Interval(max(whole.low - known.high, 0), whole.high - known.low)
    terms = " + ".join(f"{number(p.value)} (line {p.line})" for p in parts)
    absent = whole.parts - len(parts)  # type: ignore[operator]
    message = (
        f"{quoted(whole)} is broken down into {whole.parts} named parts, but "
        f"{absent} of them {'gives' if absent == 1 else 'give'} no such figure: the others give "
        f"{terms} = {interval(known.low, known.high)}, leaving {interval(gap.low, gap.high)} "
        "unaccounted for."
    )
    finding = Finding(
        rule=Rule.MISSING,
        severity=Severity.ERROR,
        path=whole.path,
        line=whole.line,
        column=whole.column,
        end_line=whole.end_line,
        end_column=whole.end_column,
        message=message,
        hint="Give the missing part's figure, or say why it is not given.",
        check=TEXT_SUM,
        related=tuple(related(p, "part") for p in parts),
    )
    return Claim(
        TEXT_SUM,
        Interval.point(len(parts)),
        Interval.point(whole.parts or 0),
        finding,
        (whole.id, *(p.id for p in parts)),
    )


# ------------------------------------------------------------------ rule sums


def _rule_sums(batch: Batch, rule: SumRule, path: str) -> Iterator[Claim]:
    figures = [f for f in batch.measured(path) if f.metric in rule.metrics]
    by_metric: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_metric[figure.metric or ""].append(figure)
    check = _check_id(batch, rule)
    for metric, metric_figures in by_metric.items():
        for whole in _wholes(rule, metric_figures, batch):
            yield from _compare(batch, rule, check, whole, metric, figures)


def _wholes(rule: SumRule, figures: list[Figure], batch: Batch) -> list[Figure]:
    """Return one whole per period: the statement that agrees with its parts if any."""
    classes: list[list[Figure]] = []
    for figure in figures:
        if figure.entity != rule.whole:
            continue
        for group in classes:
            if same_period(group[0].scope, figure.scope):
                group.append(figure)
                break
        else:
            classes.append([figure])
    chosen = []
    for group in classes:
        agreeing = [w for w in group if _resolved_parts(batch, rule, w, figures)[1] == "agrees"]
        chosen.append(agreeing[0] if agreeing else group[0])
    return chosen


def _part_figure(figures: list[Figure], entity: str, whole: Figure) -> Figure | None:
    for figure in figures:
        if (
            figure.entity == entity
            and figure.metric == whole.metric
            and same_period(figure.scope, whole.scope)
            and figure.id != whole.id
        ):
            return figure
    return None


def _resolve(
    batch: Batch, entity: str, whole: Figure, figures: list[Figure]
) -> list[Figure] | None:
    """Return the figures that give ``entity``'s value: its own, or all its parts'."""
    own = _part_figure(figures, entity, whole)
    if own is not None:
        return [own]
    parts = batch.rules.parts_of(entity)
    if not parts:
        return None
    found: list[Figure] = []
    for part in parts:
        resolved = _resolve(batch, part, whole, figures)
        if resolved is None:
            return None
        found.extend(resolved)
    return found


def _resolved_parts(
    batch: Batch, rule: SumRule, whole: Figure, figures: list[Figure]
) -> tuple[dict[str, list[Figure] | None], str]:
    parts = {p: _resolve(batch, p, whole, [f for f in figures]) for p in rule.parts}
    if any(v is None for v in parts.values()):
        return parts, "incomplete"
    total = _total(parts)
    agrees = total.widen(rule.tolerance).overlaps(Interval(whole.low, whole.high))
    return parts, "agrees" if agrees else "disagrees"


def _total(parts: dict[str, list[Figure] | None]) -> Interval:
    figures = [f for group in parts.values() if group for f in group]
    return Interval(sum(f.low for f in figures), sum(f.high for f in figures))


def _compare(
    batch: Batch, rule: SumRule, check: str, whole: Figure, metric: str, figures: list[Figure]
) -> Iterator[Claim]:
    all_figures = list(batch.measured(whole.path))
    parts, state = _resolved_parts(batch, rule, whole, all_figures)
    present = {p: v for p, v in parts.items() if v}
    if not present:
        return
    what = metric_name(batch.rules, metric)
    if state == "incomplete":
        yield from _missing(batch, rule, check, whole, parts, all_figures, what)
        return
    total = _total(parts)
    terms = " + ".join(
        f"{number(f.value)} ({entity_name(batch.rules, f.entity)}, line {f.line})"
        for group in parts.values()
        if group
        for f in group
    )
    message = (
        f"{entity_name(batch.rules, whole.entity)} {what} {scope_phrase(whole.scope)} is "
        f"{quoted(whole)}, but its parts add up to {interval(total.low, total.high)}: {terms}."
    )
    finding = Finding(
        rule=Rule.SUM,
        severity=rule.severity,
        path=whole.path,
        line=whole.line,
        column=whole.column,
        end_line=whole.end_line,
        end_column=whole.end_column,
        message=message,
        check=check,
        hint=(f"Either the total should be {interval(total.low, total.high)} "
              "or one of the parts is wrong."),
        related=tuple(related(f, "part") for group in parts.values() if group for f in group),
    )
    ids = (whole.id, *(f.id for group in parts.values() if group for f in group))
    yield Claim(check, Interval(whole.low, whole.high), total.widen(rule.tolerance), finding, ids)


def _missing(
    batch: Batch,
    rule: SumRule,
    check: str,
    whole: Figure,
    parts: dict[str, list[Figure] | None],
    figures: list[Figure],
    what: str,
) -> Iterator[Claim]:
    absent = [p for p, v in parts.items() if v is None]
    # Only a breakdown that covers the absent part for other metrics is incomplete;
    # a release that never mentions a force is not breaking anything down for it.
    reported = [
        p
        for p in absent
        if any(
            f.entity in (p, *batch.rules.descendants(p)) and same_period(f.scope, whole.scope)
            for f in figures
        )
    ]
    if not reported:
        return
    present = [f for group in parts.values() if group for f in group]
    known = Interval(sum(f.low for f in present), sum(f.high for f in present))
    gap = Interval(whole.low - known.high, whole.high - known.low)
    names = ", ".join(entity_name(batch.rules, p) for p in reported)
    terms = " + ".join(number(f.value) for f in present)
    message = (
        f"{entity_name(batch.rules, whole.entity)} {what} {scope_phrase(whole.scope)} is "
        f"{quoted(whole)}, but {names} gives no {what} figure; the others give {terms} = "
        f"{interval(known.low, known.high)}, leaving "
        f"{interval(max(gap.low, 0), gap.high)} unaccounted for."
    )
    hint, clue = _hint_for_gap(batch, reported, whole, gap, figures, what, terms)
    finding = Finding(
        rule=Rule.MISSING,
        severity=rule.severity,
        path=whole.path,
        line=whole.line,
        column=whole.column,
        end_line=whole.end_line,
        end_column=whole.end_column,
        message=message,
        hint=hint,
        check=check,
        related=tuple(
            [
                *(related(f, "part") for f in present),
                *([related(clue, "likely mislabelled")] if clue else []),
            ]
        ),
    )
    stated = Interval.point(float(len(parts) - len(reported)))
    ids = (whole.id, *(f.id for f in present))
    yield Claim(check, stated, Interval.point(float(len(parts))), finding, ids)


def _hint_for_gap(
    batch: Batch,
    absent: list[str],
    whole: Figure,
    gap: Interval,
    figures: list[Figure],
    what: str,
    terms: str,
) -> tuple[str, Figure | None]:
    """Point at a figure of the absent part that equals the gap: a likely mislabel."""
    for figure in figures:
        if (
            figure.entity in absent
            and figure.metric != whole.metric
            and same_period(figure.scope, whole.scope)
            and gap.low <= figure.value <= gap.high
        ):
            label = f"{figure.text} {figure.noun or ''}".strip()
            return (
                f"{number(whole.value)} - ({terms}) = {number(figure.value)}, exactly "
                f'{entity_name(batch.rules, figure.entity)}\'s "{label}" (line {figure.line}): '
                f"that figure is probably {what} mislabelled as "
                f"{metric_name(batch.rules, figure.metric)}.",
                figure,
            )
    names = ", ".join(entity_name(batch.rules, p) for p in absent)
    return f"Add the {what} figure for {names}, or say why it is not given.", None
