"""The rule-set values: immutability and the entity hierarchy helpers."""

from __future__ import annotations

import dataclasses

import pytest

from checks.model import Severity
from checks.rules import Entity, Metric, OrderRule, RuleSet, Source, SumRule


def entity(entity_id: str, *parts: str) -> Entity:
    return Entity(id=entity_id, name=entity_id.title(), parts=parts)


@pytest.fixture
def hierarchy() -> RuleSet:
    # The region lists all four forces; the alliance (declared later) groups two of them.
    return RuleSet(
        entities={
            "region": entity("region", "staffs", "west-mids", "warks", "mercia"),
            "staffs": entity("staffs", "stoke", "stafford"),
            "west-mids": entity("west-mids"),
            "warks": entity("warks"),
            "mercia": entity("mercia"),
            "alliance": entity("alliance", "warks", "mercia"),
            "stoke": entity("stoke"),
            "stafford": entity("stafford"),
        }
    )


@pytest.mark.parametrize(
    ("entity_id", "parent"),
    [
        ("staffs", "region"),
        ("stoke", "staffs"),
        ("warks", "alliance"),  # two wholes: the one with fewer descendants wins
        ("mercia", "alliance"),
        ("region", None),
        ("alliance", None),
        ("unknown", None),
    ],
)
def test_parent_of(hierarchy: RuleSet, entity_id: str, parent: str | None) -> None:
    assert hierarchy.parent_of(entity_id) == parent


def test_parents_of_lists_every_whole_most_specific_first(hierarchy: RuleSet) -> None:
    assert hierarchy.parents_of("warks") == ("alliance", "region")
    assert hierarchy.parents_of("region") == ()


def test_equally_specific_wholes_keep_declaration_order() -> None:
    rules = RuleSet(entities={"b": entity("b", "x"), "a": entity("a", "x"), "x": entity("x")})
    assert rules.parents_of("x") == ("b", "a")


@pytest.mark.parametrize(
    ("entity_id", "parts", "descendants"),
    [
        (
            "region",
            ("staffs", "west-mids", "warks", "mercia"),
            ("staffs", "stoke", "stafford", "west-mids", "warks", "mercia"),  # depth first
        ),
        ("staffs", ("stoke", "stafford"), ("stoke", "stafford")),
        ("alliance", ("warks", "mercia"), ("warks", "mercia")),
        ("stoke", (), ()),
        ("unknown", (), ()),
    ],
)
def test_parts_and_descendants(
    hierarchy: RuleSet, entity_id: str, parts: tuple[str, ...], descendants: tuple[str, ...]
) -> None:
    assert hierarchy.parts_of(entity_id) == parts
    assert hierarchy.descendants(entity_id) == descendants


@pytest.mark.parametrize(
    ("whole", "part", "inside"),
    [
        ("region", "stoke", True),
        ("region", "staffs", True),
        ("staffs", "region", False),
        ("alliance", "staffs", False),
        ("region", "region", False),
        ("region", "unknown", False),
        ("unknown", "region", False),
    ],
)
def test_contains(hierarchy: RuleSet, whole: str, part: str, inside: bool) -> None:
    assert hierarchy.contains(whole, part) is inside


def test_a_hand_built_cycle_does_not_hang() -> None:
    rules = RuleSet(entities={"a": entity("a", "b"), "b": entity("b", "a")})
    assert rules.descendants("a") == ("b",)
    assert rules.parent_of("a") == "b"


def test_empty_rule_set() -> None:
    empty = RuleSet.empty()
    assert empty.is_empty
    assert (dict(empty.entities), dict(empty.metrics)) == ({}, {})
    assert (empty.sums, empty.orders, empty.files) == ((), (), ())
    assert empty.parent_of("anything") is None
    assert hash(empty) == hash(RuleSet.empty())


@pytest.mark.parametrize(
    "rules",
    [
        RuleSet(entities={"a": entity("a")}),
        RuleSet(metrics={"m": Metric("m", "M")}),
        RuleSet(orders=(OrderRule("o", "", "m", "n"),)),
        RuleSet(sums=(SumRule("s", "", "a", ("b",), ("m",)),)),
    ],
)
def test_declaring_anything_makes_a_rule_set_non_empty(rules: RuleSet) -> None:
    assert not rules.is_empty


def test_rule_sets_cannot_be_changed(hierarchy: RuleSet) -> None:
    with pytest.raises(TypeError):
        hierarchy.entities["new"] = entity("new")  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        hierarchy.sums = ()  # type: ignore[misc]


def test_the_mappings_given_are_copied() -> None:
    given = {"a": entity("a")}
    rules = RuleSet(entities=given)
    given["b"] = entity("b")
    assert list(rules.entities) == ["a"]


@pytest.mark.parametrize(
    "value",
    [
        Source("rules.yaml", 3),
        Entity("a", "A"),
        Metric("m", "M"),
        SumRule("s", "", "a", ("b",), ("m",)),
        OrderRule("o", "", "m", "n"),
    ],
)
def test_values_are_frozen_and_slotted(value: object) -> None:
    assert not hasattr(value, "__dict__")
    field = dataclasses.fields(value)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field, "changed")


def test_defaults() -> None:
    rule = SumRule("s", "", "a", ("b",), ("m",))
    assert (rule.tolerance, rule.severity, rule.source) == (0.0, Severity.ERROR, None)
    assert Metric("m", "M").people is False
    assert str(Source("rules/west-midlands.yaml", 12)) == "rules/west-midlands.yaml:12"
