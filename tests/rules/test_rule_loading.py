"""Loading valid rule files: merging across files, defaults, shorthands, paths."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from checks.errors import RuleFileError
from checks.model import Severity
from checks.rules import (
    Entity,
    Metric,
    OrderRule,
    RuleSet,
    Source,
    SumRule,
    load_rules,
)
from checks.rules import __all__ as exported

KEYSTONE = Path(__file__).parent / "fixtures" / "keystone"
EXPECTATIONS = Path(__file__).resolve().parents[2] / "expectations"


@pytest.fixture(scope="module")
def keystone() -> RuleSet:
    return load_rules([KEYSTONE])


def test_package_exports_the_public_names() -> None:
    assert set(exported) == {
        "Entity",
        "Metric",
        "OrderRule",
        "RuleSet",
        "Source",
        "SumRule",
        "load_rules",
    }


def test_directory_files_are_read_recursively_in_sorted_order(keystone: RuleSet) -> None:
    assert keystone.files == tuple(
        str(KEYSTONE / name)
        for name in ("10-entities.yaml", "20-metrics.yml", "rules/order.yaml", "rules/sums.yaml")
    )


def test_entities_are_merged_in_declaration_order(keystone: RuleSet) -> None:
    assert list(keystone.entities) == [
        "region",
        "staffordshire",
        "west-midlands",
        "alliance",
        "warwickshire",
        "west-mercia",
    ]
    assert keystone.entities["staffordshire"] == Entity(
        id="staffordshire",
        name="Staffordshire Police",
        aliases=("Staffordshire", "Staffordshire Police"),
        places=("Stafford", "Stone", "Stoke-on-Trent", "Lichfield"),
        parts=(),
        source=Source(str(KEYSTONE / "10-entities.yaml"), 9),
    )


@pytest.mark.parametrize(
    ("entity", "aliases", "parts"),
    [
        (
            "region",
            ("the region", "across the region", "all four forces"),
            ("staffordshire", "west-midlands", "alliance"),
        ),
        ("west-midlands", ("West Midlands Police",), ()),  # a single text is a one-item list
        (
            "alliance",
            ("the alliance", "Warwickshire and West Mercia"),
            ("warwickshire", "west-mercia"),
        ),
        ("warwickshire", (), ()),
    ],
)
def test_entity_lists(
    keystone: RuleSet, entity: str, aliases: tuple[str, ...], parts: tuple[str, ...]
) -> None:
    assert keystone.entities[entity].aliases == aliases
    assert keystone.entities[entity].parts == parts


def test_metrics_from_another_file(keystone: RuleSet) -> None:
    path = str(KEYSTONE / "20-metrics.yml")
    assert keystone.metrics == {
        "arrests": Metric(
            "arrests", "people arrested", ("arrest",), ("arrest", "detain"), True, Source(path, 2)
        ),
        "charged": Metric("charged", "people charged", (), ("charge",), True, Source(path, 7)),
        "warrants": Metric(
            "warrants", "warrants executed", ("warrant",), (), False, Source(path, 11)
        ),
    }


def test_sum_rules_use_entities_and_metrics_from_other_files(keystone: RuleSet) -> None:
    path = str(KEYSTONE / "rules" / "sums.yaml")
    assert keystone.sums == (
        SumRule(
            id="region-adds-up",
            description="The region's figure is the sum of its forces' figures.",
            whole="region",
            parts=("staffordshire", "west-midlands", "alliance"),  # the whole's parts
            metrics=("arrests", "charged", "warrants"),  # "all", in declaration order
            tolerance=0.0,
            severity=Severity.ERROR,
            source=Source(path, 3),
        ),
        SumRule(
            id="alliance-adds-up",
            description="",
            whole="alliance",  # "sum: alliance" shorthand
            parts=("warwickshire", "west-mercia"),
            metrics=("arrests", "charged"),
            tolerance=1.5,
            severity=Severity.WARNING,
            source=Source(path, 9),
        ),
        SumRule(
            id="forces-add-up",
            description="",
            whole="region",
            parts=("staffordshire", "west-midlands", "warwickshire", "west-mercia"),
            metrics=("arrests", "charged", "warrants"),  # default is "all"
            tolerance=0.0,
            severity=Severity.ERROR,
            source=Source(path, 14),
        ),
    )
    assert all(isinstance(rule.tolerance, float) for rule in keystone.sums)


def test_order_rule(keystone: RuleSet) -> None:
    assert keystone.orders == (
        OrderRule(
            id="charged-within-arrested",
            description="No more people are charged than were arrested.",
            smaller="charged",
            larger="arrests",
            severity=Severity.INFO,
            source=Source(str(KEYSTONE / "rules" / "order.yaml"), 2),
        ),
    )


def test_hidden_and_non_yaml_files_are_skipped(keystone: RuleSet) -> None:
    # .draft.yaml is broken YAML: loading would fail if it were read.
    assert (KEYSTONE / ".draft.yaml").exists()
    assert not any(".draft" in name or name.endswith(".txt") for name in keystone.files)


def test_files_and_directories_may_be_given_together(keystone: RuleSet) -> None:
    # The same file named twice (directly and through its directory) is read once.
    again = load_rules([KEYSTONE / "10-entities.yaml", str(KEYSTONE)])
    assert again.files[0] == str(KEYSTONE / "10-entities.yaml")
    assert len(again.files) == 4
    assert again == RuleSet(
        keystone.entities, keystone.metrics, keystone.sums, keystone.orders, again.files
    )


def test_one_path_may_be_given_without_a_list() -> None:
    rules = load_rules(str(KEYSTONE / "10-entities.yaml"))
    assert len(rules.entities) == 6
    assert rules.sums == ()


def test_no_paths_give_an_empty_rule_set() -> None:
    rules = load_rules([])
    assert rules.is_empty
    assert rules == RuleSet.empty()


def test_a_file_that_declares_nothing_is_empty(load_text: Callable[[str], RuleSet]) -> None:
    rules = load_text("name: placeholder\nentities:\nmetrics:\nrules:\n")
    assert rules.is_empty
    assert len(rules.files) == 1


def test_rules_needing_another_file_fail_alone() -> None:
    with pytest.raises(RuleFileError) as caught:
        load_rules([KEYSTONE / "rules" / "sums.yaml"])
    assert caught.value.path == str(KEYSTONE / "rules" / "sums.yaml")
    assert caught.value.line == 5
    assert caught.value.message == (
        "rule 'region-adds-up': whole 'region' is not a declared entity; no entities are declared"
    )


def test_scalars_are_taken_as_written(load_text: Callable[[str], RuleSet]) -> None:
    rules = load_text(
        """\
        entities:
          2017:
            name: 2017
            aliases: [yes, on, 1.5, 2021-03-26]
            places: "  Stoke-on-Trent \\n "
        metrics:
          m:
            name: counted
            people: on
        """
    )
    entity = rules.entities["2017"]
    assert entity.name == "2017"
    assert entity.aliases == ("yes", "on", "1.5", "2021-03-26")
    assert entity.places == ("Stoke-on-Trent",)
    assert rules.metrics["m"].people is True


def test_repeated_aliases_are_kept_once(load_text: Callable[[str], RuleSet]) -> None:
    rules = load_text("entities:\n  a:\n    name: A\n    aliases: [x, y, x]\n")
    assert rules.entities["a"].aliases == ("x", "y")


def test_empty_optional_values_mean_not_given(load_text: Callable[[str], RuleSet]) -> None:
    rules = load_text(
        """\
        entities:
          region: {name: Region, parts: [a, b], aliases: }
          a: {name: A, parts: }
          b: {name: B}
        metrics:
          m: {name: M, people: }
        rules:
          - id: r
            sum: {whole: region, parts: }
            metrics:
            tolerance:
            severity:
        """
    )
    assert rules.entities["region"].aliases == ()
    assert rules.entities["a"].parts == ()
    assert rules.metrics["m"].people is False
    assert rules.sums[0].parts == ("a", "b")
    assert rules.sums[0].metrics == ("m",)
    assert rules.sums[0].tolerance == 0.0
    assert rules.sums[0].severity is Severity.ERROR


def test_a_utf8_byte_order_mark_is_accepted(write_rules: Callable[..., Path]) -> None:
    path = write_rules("\ufeffentities:\n  a: {name: Ärzte}\n".encode())
    assert load_rules([path]).entities["a"].name == "Ärzte"


def test_entity_declared_in_one_file_is_used_in_another(write_rules: Callable[..., Path]) -> None:
    first = write_rules(
        "entities:\n  whole: {name: W, parts: [x]}\n  x: {name: X}\n", "a/first.yaml"
    )
    second = write_rules(
        "entities:\n  y: {name: Y}\nmetrics:\n  m: {name: M}\n"
        "rules:\n  - id: r\n    sum: {whole: whole, parts: [x, y]}\n",
        "b/second.yml",
    )
    rules = load_rules([first.parent.parent])
    assert rules.files == (str(first), str(second))
    assert rules.sums[0].parts == ("x", "y")
    assert rules.sums[0].source == Source(str(second), 6)


def test_directory_paths_are_shown_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(KEYSTONE, tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    rules = load_rules(["rules/"])
    assert rules.files[0] == "rules/10-entities.yaml"
    assert rules.entities["region"].source == Source("rules/10-entities.yaml", 5)


@pytest.mark.skipif(
    not any(EXPECTATIONS.glob("**/*.y*ml")), reason="no rule files shipped in expectations/ yet"
)
def test_the_shipped_expectations_load() -> None:
    rules = load_rules([EXPECTATIONS])
    assert rules.files
    assert not rules.is_empty
    for rule in rules.sums:
        assert rule.whole in rules.entities
        assert rule.parts and all(part in rules.entities for part in rule.parts)
        assert rule.metrics and all(metric in rules.metrics for metric in rule.metrics)
    for order in rules.orders:
        assert {order.smaller, order.larger} <= set(rules.metrics)
