"""Merge the drafts of every rule file into one RuleSet, checking every reference.

Ids are global: an entity, metric or rule id may be declared once across all
files, and a rule in one file may use entities and metrics from another.
Errors are raised at the line of the reference at fault, in the file that
holds it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from checks.errors import RuleFileError
from checks.rules.model import (
    Entity,
    Metric,
    OrderRule,
    RuleSet,
    Source,
    SumRule,
    descendant_masks,
)
from checks.rules.nodes import closest, listing
from checks.rules.parse import EntityDraft, FileDraft, OrderDraft, Ref, SumDraft

_CYCLE_SHOWN = 8
_PLURALS = {"entity": "entities", "metric": "metrics"}


def resolve_rules(files: Sequence[FileDraft]) -> RuleSet:
    """Return the rule set the drafts of ``files`` declare together."""
    drafts = _merge_entities(files)
    entities = {entity_id: draft.entity for entity_id, draft in drafts.items()}
    metrics = _merge_metrics(files)
    _check_parts(drafts)
    _check_no_cycle(drafts)
    hierarchy = _Hierarchy(entities)
    _check_unique_rule_ids(files)
    sums: list[SumRule] = []
    orders: list[OrderRule] = []
    for draft in (rule for file in files for rule in file.rules):
        if isinstance(draft, SumDraft):
            sums.append(_sum_rule(draft, hierarchy, metrics))
        else:
            orders.append(_order_rule(draft, metrics))
    return RuleSet(entities, metrics, tuple(sums), tuple(orders), tuple(f.path for f in files))


def _fail(message: str, path: str, line: int) -> RuleFileError:
    return RuleFileError(" ".join(message.split()), path, line)


# --------------------------------------------------------------------------- declarations


def _merge_entities(files: Sequence[FileDraft]) -> dict[str, EntityDraft]:
    merged: dict[str, EntityDraft] = {}
    for draft in (entity for file in files for entity in file.entities):
        entity = draft.entity
        earlier = merged.get(entity.id)
        if earlier is not None:
            raise _duplicate("entity", entity.id, entity.source, earlier.entity.source)
        merged[entity.id] = draft
    return merged


def _merge_metrics(files: Sequence[FileDraft]) -> dict[str, Metric]:
    merged: dict[str, Metric] = {}
    for metric in (metric for file in files for metric in file.metrics):
        earlier = merged.get(metric.id)
        if earlier is not None:
            raise _duplicate("metric", metric.id, metric.source, earlier.source)
        merged[metric.id] = metric
    return merged


def _duplicate(
    kind: str, item_id: str, source: Source | None, earlier: Source | None
) -> RuleFileError:
    # The parser always sets sources; the fallbacks only satisfy the type.
    first = f"{earlier.path} line {earlier.line}" if earlier else "another rule file"
    return _fail(
        f"{kind} {item_id!r} is already declared in {first}",
        source.path if source else "",
        source.line if source else 0,
    )


def _unknown(
    where: str, role: str, ref: Ref, kind: str, declared: Sequence[str], path: str
) -> RuleFileError:
    suggestion = closest(ref.id, declared)
    if suggestion:
        hint = f" (did you mean {suggestion!r}?)"
    elif declared:
        hint = f"; declared {_PLURALS[kind]}: {listing(declared)}"
    else:
        hint = f"; no {_PLURALS[kind]} are declared"
    return _fail(f"{where}: {role} {ref.id!r} is not a declared {kind}{hint}", path, ref.line)


def _check_parts(drafts: Mapping[str, EntityDraft]) -> None:
    declared = list(drafts)
    for draft in drafts.values():
        entity, path = draft.entity, _path(draft)
        where = f"entity {entity.id!r}"
        seen: set[str] = set()
        for ref in draft.parts:
            if ref.id not in drafts:
                raise _unknown(where, "part", ref, "entity", declared, path)
            if ref.id == entity.id:
                raise _fail(f"{where} lists itself as a part", path, ref.line)
            if ref.id in seen:
                raise _fail(f"{where}: part {ref.id!r} is listed twice", path, ref.line)
            seen.add(ref.id)


def _check_no_cycle(drafts: Mapping[str, EntityDraft]) -> None:
    """Refuse parts that lead back to where they started, at the part that closes the loop."""
    finished: set[str] = set()
    for root in drafts:
        if root in finished:
            continue
        path_ids = [root]
        on_path = {root}
        stack: list[Iterator[Ref]] = [iter(drafts[root].parts)]
        while stack:
            ref = next(stack[-1], None)
            if ref is None:
                stack.pop()
                done = path_ids.pop()
                on_path.discard(done)
                finished.add(done)
            elif ref.id in on_path:
                owner = path_ids[-1]
                cycle = [*path_ids[path_ids.index(ref.id) :], ref.id]
                if len(cycle) > _CYCLE_SHOWN:
                    cycle = [*cycle[: _CYCLE_SHOWN // 2], "...", *cycle[-_CYCLE_SHOWN // 2 :]]
                raise _fail(
                    f"entity {owner!r}: parts form a cycle: {' -> '.join(cycle)}",
                    _path(drafts[owner]),
                    ref.line,
                )
            elif ref.id not in finished:
                path_ids.append(ref.id)
                on_path.add(ref.id)
                stack.append(iter(drafts[ref.id].parts))


def _path(draft: EntityDraft) -> str:
    source = draft.entity.source
    return source.path if source else ""


class _Hierarchy:
    """Which entities lie inside which, as bit masks for fast checks on big sets."""

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        self.entities = entities
        self.index = {entity_id: position for position, entity_id in enumerate(entities)}
        self.masks = descendant_masks(entities)

    def bit(self, entity_id: str) -> int:
        return 1 << self.index[entity_id]

    def inside(self, whole: str, part: str) -> bool:
        return bool(self.masks[whole] & self.bit(part))


# --------------------------------------------------------------------------- rules


def _check_unique_rule_ids(files: Sequence[FileDraft]) -> None:
    first: dict[str, tuple[str, int]] = {}
    for file in files:
        for rule in file.rules:
            earlier = first.get(rule.id.id)
            if earlier is None:
                first[rule.id.id] = (file.path, rule.id.line)
                continue
            path, line = earlier
            where = f"line {line}" if path == file.path else f"{path} line {line}"
            raise _fail(
                f"rule id {rule.id.id!r} is already used ({where})", file.path, rule.id.line
            )


def _sum_rule(draft: SumDraft, hierarchy: _Hierarchy, metrics: Mapping[str, Metric]) -> SumRule:
    where, path = f"rule {draft.id.id!r}", draft.source.path
    declared = list(hierarchy.entities)
    if draft.whole.id not in hierarchy.entities:
        raise _unknown(where, "whole", draft.whole, "entity", declared, path)
    if draft.parts is None:
        parts = hierarchy.entities[draft.whole.id].parts
        if not parts:
            raise _fail(
                f"{where}: entity {draft.whole.id!r} has no parts; "
                "give parts: [...] in the rule or declare parts for the entity",
                path,
                draft.whole.line,
            )
    else:
        parts = _given_parts(draft, hierarchy)
    return SumRule(
        id=draft.id.id,
        description=draft.description,
        whole=draft.whole.id,
        parts=parts,
        metrics=_rule_metrics(draft, metrics),
        tolerance=draft.tolerance,
        severity=draft.severity,
        source=draft.source,
    )


def _given_parts(draft: SumDraft, hierarchy: _Hierarchy) -> tuple[str, ...]:
    """Check the parts a sum rule lists: declared, distinct, outside the whole and each other."""
    where, path, whole = f"rule {draft.id.id!r}", draft.source.path, draft.whole.id
    declared = list(hierarchy.entities)
    parts = draft.parts or ()
    seen: set[str] = set()
    for ref in parts:
        if ref.id not in hierarchy.entities:
            raise _unknown(where, "part", ref, "entity", declared, path)
        if ref.id == whole:
            raise _fail(f"{where}: the whole {whole!r} cannot be one of its parts", path, ref.line)
        if ref.id in seen:
            raise _fail(f"{where}: part {ref.id!r} is listed twice", path, ref.line)
        if hierarchy.inside(ref.id, whole):
            raise _fail(f"{where}: part {ref.id!r} contains the whole {whole!r}", path, ref.line)
        seen.add(ref.id)
    # One pass over the union of the parts' descendants finds a part inside another.
    covered = 0
    for ref in parts:
        covered |= hierarchy.masks[ref.id]
    for ref in parts:
        if covered & hierarchy.bit(ref.id):
            outer = next(other.id for other in parts if hierarchy.inside(other.id, ref.id))
            raise _fail(
                f"{where}: part {ref.id!r} is inside part {outer!r}, so it would be counted twice",
                path,
                ref.line,
            )
    return tuple(ref.id for ref in parts)


def _rule_metrics(draft: SumDraft, metrics: Mapping[str, Metric]) -> tuple[str, ...]:
    where, path = f"rule {draft.id.id!r}", draft.source.path
    if draft.metrics is None:
        if not metrics:
            raise _fail(
                f"{where} applies to all metrics, but no metrics are declared",
                path,
                draft.metrics_line,
            )
        return tuple(metrics)
    seen: set[str] = set()
    for ref in draft.metrics:
        if ref.id not in metrics:
            raise _unknown(where, "metric", ref, "metric", list(metrics), path)
        if ref.id in seen:
            raise _fail(f"{where}: metric {ref.id!r} is listed twice", path, ref.line)
        seen.add(ref.id)
    return tuple(ref.id for ref in draft.metrics)


def _order_rule(draft: OrderDraft, metrics: Mapping[str, Metric]) -> OrderRule:
    where, path = f"rule {draft.id.id!r}", draft.source.path
    for role, ref in (("smaller", draft.smaller), ("larger", draft.larger)):
        if ref.id not in metrics:
            raise _unknown(where, role, ref, "metric", list(metrics), path)
    if draft.smaller.id == draft.larger.id:
        raise _fail(
            f"{where}: smaller and larger are the same metric {draft.smaller.id!r}",
            path,
            draft.larger.line,
        )
    return OrderRule(
        id=draft.id.id,
        description=draft.description,
        smaller=draft.smaller.id,
        larger=draft.larger.id,
        severity=draft.severity,
        source=draft.source,
    )
