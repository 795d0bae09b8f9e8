"""Turn the YAML nodes of one rule file into drafts, checking its shape.

A draft is a declaration whose references (parts, wholes, metrics) are still
plain ids with the line they were written on; resolving them needs every
file, so :mod:`checks.rules.resolve` does it once all files are read.
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from checks.model import Severity
from checks.rules.model import Entity, Metric, Source
from checks.rules.nodes import Entry, NodeReader, describe, is_null, line_of

TOP_KEYS = ("name", "description", "entities", "metrics", "rules")
ENTITY_KEYS = ("name", "aliases", "places", "parts")
METRIC_KEYS = ("name", "nouns", "verbs", "people")
RULE_KINDS = ("sum", "order")
RULE_KEYS = ("id", "description", "sum", "order", "metrics", "tolerance", "severity")
KIND_KEYS = {
    "sum": ("id", "description", "sum", "metrics", "tolerance", "severity"),
    "order": ("id", "description", "order", "severity"),
}
SUM_KEYS = ("whole", "parts")
ORDER_KEYS = ("smaller", "larger")
SEVERITIES = tuple(severity.value for severity in Severity)
ALL_METRICS = "all"
_PLURAL = {"entity": "entities", "metric": "metrics"}


@dataclass(frozen=True, slots=True)
class Ref:
    """An id as written in a rule file, with its line, before it is resolved."""

    id: str
    line: int


@dataclass(frozen=True, slots=True)
class EntityDraft:
    """An entity with the lines of its part references."""

    entity: Entity
    parts: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class SumDraft:
    """A sum rule before resolution: ``parts``/``metrics`` are None where not given."""

    id: Ref
    description: str
    whole: Ref
    parts: tuple[Ref, ...] | None
    metrics: tuple[Ref, ...] | None
    metrics_line: int
    tolerance: float
    severity: Severity
    source: Source


@dataclass(frozen=True, slots=True)
class OrderDraft:
    """An order rule before resolution."""

    id: Ref
    description: str
    smaller: Ref
    larger: Ref
    severity: Severity
    source: Source


RuleDraft = SumDraft | OrderDraft


@dataclass(frozen=True, slots=True)
class FileDraft:
    """Everything one rule file declares."""

    path: str
    name: str
    description: str
    entities: tuple[EntityDraft, ...]
    metrics: tuple[Metric, ...]
    rules: tuple[RuleDraft, ...]


def parse_rule_file(root: Node | None, path: str, default_name: str) -> FileDraft:
    """Return the drafts declared by a rule file whose root node is ``root``."""
    reader = NodeReader(path)
    if root is None:
        reader.fail("rule file holds only comments; it declares nothing", 1)
    if not isinstance(root, MappingNode):
        reader.fail(
            f"a rule file must be a mapping with keys {', '.join(TOP_KEYS)}, "
            f"got {describe(root)}",
            root,
        )
    top = reader.entries(root, "the rule file", "keys")
    reader.check_keys(top, TOP_KEYS, "the rule file")
    name = _optional_text(reader, top, "name", "the rule file") or default_name
    description = _optional_text(reader, top, "description", "the rule file") or ""
    return FileDraft(
        path=path,
        name=name,
        description=description,
        entities=tuple(_entities(reader, top.get("entities"))),
        metrics=tuple(_metrics(reader, top.get("metrics"))),
        rules=tuple(_rules(reader, top.get("rules"))),
    )


# --------------------------------------------------------------------------- helpers


def _value(entries: dict[str, Entry], key: str) -> Node | None:
    """Return the value of an optional key; an empty value counts as not given."""
    entry = entries.get(key)
    return None if entry is None or is_null(entry.value) else entry.value


def _optional_text(
    reader: NodeReader, entries: dict[str, Entry], key: str, where: str
) -> str | None:
    node = _value(entries, key)
    return None if node is None else reader.text(node, where, key)


def _declared(reader: NodeReader, entry: Entry | None, kind: str) -> list[tuple[str, Entry]]:
    """Return the ``id: {...}`` entries of the ``entities`` or ``metrics`` mapping."""
    if entry is None:
        return []
    entries = reader.entries(entry.value, entry.key, f"ids to {_PLURAL[kind]}")
    return [
        (reader.check_identifier(key, item.key_node, f"{kind} id"), item)
        for key, item in entries.items()
    ]


def _refs(reader: NodeReader, node: Node | None, where: str, field: str) -> tuple[Ref, ...]:
    items = reader.items(node, where, field, "ids")
    return tuple(
        Ref(reader.identifier(item, where, f"{field} item"), line_of(item)) for item in items
    )


def _ref(reader: NodeReader, entry: Entry, where: str) -> Ref:
    return Ref(reader.identifier(entry.value, where, entry.key), line_of(entry.value))


def _severity(reader: NodeReader, entries: dict[str, Entry], where: str) -> Severity:
    node = _value(entries, "severity")
    if node is None:
        return Severity.ERROR
    return Severity(reader.choice(node, where, "severity", SEVERITIES))


# --------------------------------------------------------------------------- entities and metrics


def _entities(reader: NodeReader, section: Entry | None) -> list[EntityDraft]:
    drafts = []
    for entity_id, item in _declared(reader, section, "entity"):
        where = f"entity {entity_id!r}"
        fields = reader.entries(item.value, where, f"keys ({', '.join(ENTITY_KEYS)})")
        reader.check_keys(fields, ENTITY_KEYS, where)
        name = reader.text(reader.require(fields, "name", where, item.line).value, where, "name")
        parts = _refs(reader, _value(fields, "parts"), where, "parts")
        entity = Entity(
            id=entity_id,
            name=name,
            aliases=reader.text_list(_value(fields, "aliases"), where, "aliases"),
            places=reader.text_list(_value(fields, "places"), where, "places"),
            parts=tuple(ref.id for ref in parts),
            source=Source(reader.path, item.line),
        )
        drafts.append(EntityDraft(entity, parts))
    return drafts


def _metrics(reader: NodeReader, section: Entry | None) -> list[Metric]:
    metrics = []
    for metric_id, item in _declared(reader, section, "metric"):
        where = f"metric {metric_id!r}"
        if metric_id == ALL_METRICS:
            reader.fail(f"metric id {ALL_METRICS!r} is reserved: it means every metric", item.line)
        fields = reader.entries(item.value, where, f"keys ({', '.join(METRIC_KEYS)})")
        reader.check_keys(fields, METRIC_KEYS, where)
        name = reader.text(reader.require(fields, "name", where, item.line).value, where, "name")
        people = _value(fields, "people")
        metrics.append(
            Metric(
                id=metric_id,
                name=name,
                nouns=reader.text_list(_value(fields, "nouns"), where, "nouns"),
                verbs=reader.text_list(_value(fields, "verbs"), where, "verbs"),
                people=False if people is None else reader.flag(people, where, "people"),
                source=Source(reader.path, item.line),
            )
        )
    return metrics


# --------------------------------------------------------------------------- rules


def _rules(reader: NodeReader, section: Entry | None) -> list[RuleDraft]:
    if section is None or is_null(section.value):
        return []
    if not isinstance(section.value, SequenceNode):
        reader.fail(f"rules must be a list of rules, got {describe(section.value)}", section.value)
    return [_rule(reader, item, number) for number, item in enumerate(section.value.value, 1)]


def _rule(reader: NodeReader, node: Node, number: int) -> RuleDraft:
    if not isinstance(node, MappingNode):
        reader.fail(
            f"rule #{number} must be a mapping with an id and a kind, got {describe(node)}", node
        )
    fields = reader.entries(node, f"rule #{number}", "keys")
    id_entry = reader.require(fields, "id", f"rule #{number}", line_of(node))
    rule_id = _ref(reader, id_entry, f"rule #{number}")
    where = f"rule {rule_id.id!r}"
    reader.check_keys(fields, RULE_KEYS, where)
    kind = _kind(reader, fields, where, line_of(node))
    for entry in fields.values():
        if entry.key not in KIND_KEYS[kind]:
            reader.fail(
                f"key {entry.key!r} does not apply to {kind} rule {rule_id.id!r}; "
                f"allowed keys: {', '.join(KIND_KEYS[kind])}",
                entry.key_node,
            )
    description = _optional_text(reader, fields, "description", where) or ""
    severity = _severity(reader, fields, where)
    source = Source(reader.path, line_of(node))
    if kind == "sum":
        return _sum_rule(reader, fields, rule_id, description, severity, source)
    return _order_rule(reader, fields, rule_id, description, severity, source)


def _kind(reader: NodeReader, fields: dict[str, Entry], where: str, line: int) -> str:
    kinds = [fields[key] for key in RULE_KINDS if key in fields]
    if not kinds:
        reader.fail(f"{where} has no kind: give one of {', '.join(RULE_KINDS)}", line)
    if len(kinds) > 1:
        second = max(kinds, key=lambda entry: (entry.line, entry.key_node.start_mark.column))
        reader.fail(
            f"{where} has two kinds ({' and '.join(e.key for e in kinds)}); give exactly one",
            second.key_node,
        )
    return kinds[0].key


def _sum_rule(
    reader: NodeReader,
    fields: dict[str, Entry],
    rule_id: Ref,
    description: str,
    severity: Severity,
    source: Source,
) -> SumDraft:
    where = f"rule {rule_id.id!r}"
    sum_entry = reader.require(fields, "sum", where, source.line)
    if isinstance(sum_entry.value, MappingNode):
        spec = reader.entries(sum_entry.value, f"the sum of {where}", "whole and parts")
        reader.check_keys(spec, SUM_KEYS, f"the sum of {where}")
        whole = _ref(reader, reader.require(spec, "whole", where, sum_entry.line), where)
        parts_node = _value(spec, "parts")
        parts = None if parts_node is None else _refs(reader, parts_node, where, "parts")
        if parts == ():
            reader.fail(f"{where}: parts must list at least one entity", parts_node)
    elif isinstance(sum_entry.value, ScalarNode):
        # ``sum: region`` is short for ``sum: {whole: region}``.
        whole = _ref(reader, sum_entry, where)
        parts = None
    else:
        reader.fail(
            f"{where}: sum must be a mapping with whole (and parts), or the whole's id, "
            f"got {describe(sum_entry.value)}",
            sum_entry.value,
        )
    metrics_entry = fields.get("metrics")
    tolerance_node = _value(fields, "tolerance")
    tolerance = (
        0.0
        if tolerance_node is None
        else reader.non_negative(tolerance_node, where, "tolerance")
    )
    return SumDraft(
        id=rule_id,
        description=description,
        whole=whole,
        parts=parts,
        metrics=_metric_refs(reader, metrics_entry, where),
        metrics_line=metrics_entry.line if metrics_entry else source.line,
        tolerance=tolerance,
        severity=severity,
        source=source,
    )


def _metric_refs(reader: NodeReader, entry: Entry | None, where: str) -> tuple[Ref, ...] | None:
    """Return the metric ids a sum rule lists, or None for ``all`` (the default)."""
    node = None if entry is None or is_null(entry.value) else entry.value
    if node is None or (isinstance(node, ScalarNode) and node.value == ALL_METRICS):
        return None
    refs = _refs(reader, node, where, "metrics")
    if not refs:
        reader.fail(f"{where}: metrics must be {ALL_METRICS!r} or list at least one metric", node)
    return refs


def _order_rule(
    reader: NodeReader,
    fields: dict[str, Entry],
    rule_id: Ref,
    description: str,
    severity: Severity,
    source: Source,
) -> OrderDraft:
    where = f"rule {rule_id.id!r}"
    order_entry = reader.require(fields, "order", where, source.line)
    spec = reader.entries(order_entry.value, f"the order of {where}", "smaller and larger")
    reader.check_keys(spec, ORDER_KEYS, f"the order of {where}")
    smaller = _ref(reader, reader.require(spec, "smaller", where, order_entry.line), where)
    larger = _ref(reader, reader.require(spec, "larger", where, order_entry.line), where)
    return OrderDraft(rule_id, description, smaller, larger, severity, source)
