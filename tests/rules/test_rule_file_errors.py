"""Every way a rule file can be wrong gives a one-line RuleFileError at the right line.

Each case marks the line the error must point at with a ``#!`` comment; the
test asserts that exact line, the file's path and a fragment of the message.
"""

from __future__ import annotations

from collections.abc import Callable
from textwrap import dedent

import pytest

from checks.errors import RuleFileError

MARKER = "#!"

# Declarations the reference cases build on: line 1 is "entities:".
DECLARED = """\
entities:
  region:
    name: Region
    parts: [north, south]
  north: {name: North}
  south: {name: South}
metrics:
  arrests: {name: people arrested}
  charged: {name: people charged}
"""


def marked_line(text: str) -> int:
    """Return the 1-based number of the one line that holds the ``#!`` marker."""
    lines = [number for number, line in enumerate(text.splitlines(), 1) if MARKER in line]
    assert len(lines) == 1, f"expected one {MARKER} marker, found {len(lines)}"
    return lines[0]


def with_rules(rules: str) -> str:
    return DECLARED + dedent(rules)


CASES: list[tuple[str, str, str]] = [
    # ---------------------------------------------------------------- YAML itself
    (
        "syntax-error",
        """\
        entities:
          north:
            name: North
           aliases: [x]  #!
        """,
        "invalid YAML: did not find expected key "
        "(while parsing a block mapping that starts at line 2)",
    ),
    (
        "unclosed-flow-list",
        """\
        entities:
          north:
            name: [North
          south: {name: South}  #!
        """,
        "invalid YAML: did not find expected ',' or ']'",
    ),
    (
        "tab-indent",
        "entities:\n\tnorth: {name: North}  #!\n",
        "invalid YAML: found character that cannot start any token",
    ),
    (
        "control-character",
        "name: bell\x07  #!\n",
        "character #x0007 is not allowed",
    ),
    (
        "two-documents",
        """\
        name: first
        ---  #!
        name: second
        """,
        "a rule file must hold one YAML document",
    ),
    (
        "anchor",
        """\
        entities:
          north: &forces {name: North}  #!
        """,
        "YAML anchors (&forces) are not supported",
    ),
    (
        "alias",
        """\
        entities:
          north:
            name: *forces  #!
        """,
        "YAML aliases (*forces) are not supported",
    ),
    (
        "python-tag",
        """\
        entities:
          north:
            name: !!python/object/apply:os.system ["true"]  #!
        """,
        "YAML tag '!!python/object/apply:os.system' is not supported",
    ),
    (
        "local-tag",
        """\
        entities:
          north: !force  #!
            name: North
        """,
        "YAML tag '!force' is not supported",
    ),
    (
        "set-tag",
        """\
        metrics:
          arrests:
            name: people arrested
            nouns: !!set {arrest, detention}  #!
        """,
        "YAML tag '!!set' is not supported",
    ),
    (
        "merge-key",
        """\
        entities:
          north:
            <<: {name: North}  #!
        """,
        "YAML merge keys (<<) are not supported in entity 'north'",
    ),
    (
        "too-deep",
        "name: North\ndescription: " + "[" * 40 + "x" + "]" * 40 + "  #!\n",
        "YAML is nested more than 32 levels deep",
    ),
    # ---------------------------------------------------------------- shape of the file
    (
        "top-level-list",
        """\
        - north  #!
        - south
        """,
        "a rule file must be a mapping with keys name, description, entities, metrics, rules, "
        "got a list",
    ),
    (
        "top-level-text",
        "just some words  #!\n",
        "a rule file must be a mapping with keys name, description, entities, metrics, rules, "
        "got 'just some words'",
    ),
    (
        "unknown-top-key",
        """\
        name: keystone
        entites:  #!
          north: {name: North}
        """,
        "unknown key 'entites' in the rule file (did you mean 'entities'?); allowed keys: "
        "name, description, entities, metrics, rules",
    ),
    (
        "list-as-key",
        """\
        name: keystone
        [north, south]: both  #!
        """,
        "keys in the rule file must be plain text, got a list",
    ),
    (
        "empty-key",
        """\
        name: keystone
        "": nothing  #!
        """,
        "the rule file has an empty key",
    ),
    (
        "duplicate-top-key",
        """\
        name: keystone
        description: first
        name: again  #!
        """,
        "duplicate key 'name' in the rule file (first at line 1)",
    ),
    (
        "rule-set-name-not-text",
        """\
        name: [keystone]  #!
        """,
        "name must be text, got a list",
    ),
    # ---------------------------------------------------------------- entities
    (
        "entities-not-mapping",
        """\
        entities: [north, south]  #!
        """,
        "entities must be a mapping of ids to entities, got a list",
    ),
    (
        "entity-id-with-space",
        """\
        entities:
          West Midlands: {name: West Midlands Police}  #!
        """,
        "entity id 'West Midlands' must be letters, digits, '-', '_' or '.'",
    ),
    (
        "duplicate-entity-id",
        """\
        entities:
          north: {name: North}
          south: {name: South}
          north: {name: North again}  #!
        """,
        "duplicate key 'north' in entities (first at line 2)",
    ),
    (
        "entity-not-mapping",
        """\
        entities:
          north: North Police  #!
        """,
        "entity 'north' must be a mapping of keys (name, aliases, places, parts), "
        "got 'North Police'",
    ),
    (
        "unknown-entity-key",
        """\
        entities:
          staffordshire:
            name: Staffordshire Police
            alias: [Staffordshire]  #!
        """,
        "unknown key 'alias' in entity 'staffordshire' (did you mean 'aliases'?); "
        "allowed keys: name, aliases, places, parts",
    ),
    (
        "unknown-entity-key-no-suggestion",
        """\
        entities:
          north:
            name: North
            colour: red  #!
        """,
        "unknown key 'colour' in entity 'north'; allowed keys: name, aliases, places, parts",
    ),
    (
        "entity-without-name",
        """\
        entities:
          north:  #!
            aliases: [the north]
        """,
        "entity 'north': missing required key 'name'",
    ),
    (
        "entity-left-empty",
        """\
        entities:
          north:  #!
          south: {name: South}
        """,
        "entity 'north': missing required key 'name'",
    ),
    (
        "entity-name-empty-value",
        """\
        entities:
          north:
            name:  #!
        """,
        "entity 'north': missing required key 'name'",
    ),
    (
        "entity-name-blank",
        """\
        entities:
          north:
            name: "   "  #!
        """,
        "entity 'north': name must not be empty",
    ),
    (
        "entity-name-list",
        """\
        entities:
          north:
            name: [North, Northern]  #!
        """,
        "entity 'north': name must be text, got a list",
    ),
    (
        "duplicate-entity-key",
        """\
        entities:
          north:
            name: North
            aliases: [the north]
            name: Northern  #!
        """,
        "duplicate key 'name' in entity 'north' (first at line 3)",
    ),
    (
        "aliases-mapping",
        """\
        entities:
          north:
            name: North
            aliases: {short: the north}  #!
        """,
        "entity 'north': aliases must be a list of texts, got a mapping",
    ),
    (
        "alias-item-list",
        """\
        entities:
          north:
            name: North
            aliases:
              - the north
              - [up, north]  #!
        """,
        "entity 'north': aliases item must be text, got a list",
    ),
    (
        "places-item-empty",
        """\
        entities:
          north:
            name: North
            places:
              - Stafford
              - ~  #!
        """,
        "entity 'north': places item must be text, got nothing",
    ),
    (
        "unknown-part",
        """\
        entities:
          region:
            name: Region
            parts:
              - north
              - sout  #!
          north: {name: North}
          south: {name: South}
        """,
        "entity 'region': part 'sout' is not a declared entity (did you mean 'south'?)",
    ),
    (
        "unknown-part-no-suggestion",
        """\
        entities:
          region:
            name: Region
            parts: [north, zzz]  #!
          north: {name: North}
        """,
        "entity 'region': part 'zzz' is not a declared entity; declared entities: region, north",
    ),
    (
        "part-listed-twice",
        """\
        entities:
          region:
            name: Region
            parts:
              - north
              - north  #!
          north: {name: North}
        """,
        "entity 'region': part 'north' is listed twice",
    ),
    (
        "part-is-itself",
        """\
        entities:
          north:
            name: North
            parts: [north]  #!
        """,
        "entity 'north' lists itself as a part",
    ),
    (
        "parts-cycle",
        """\
        entities:
          region:
            name: Region
            parts: [north, south]
          north:
            name: North
            parts:
              - region  #!
          south: {name: South}
        """,
        "entity 'north': parts form a cycle: region -> north -> region",
    ),
    (
        "parts-cycle-three",
        """\
        entities:
          a: {name: A, parts: [b]}
          b: {name: B, parts: [c]}
          c: {name: C, parts: [a]}  #!
        """,
        "entity 'c': parts form a cycle: a -> b -> c -> a",
    ),
    (
        "part-not-an-id",
        """\
        entities:
          region:
            name: Region
            parts: [north, {name: South}]  #!
        """,
        "entity 'region': parts item must be an id, got a mapping",
    ),
    # ---------------------------------------------------------------- metrics
    (
        "metrics-not-mapping",
        """\
        metrics: arrests  #!
        """,
        "metrics must be a mapping of ids to metrics, got 'arrests'",
    ),
    (
        "metric-id-all",
        """\
        metrics:
          all: {name: everything}  #!
        """,
        "metric id 'all' is reserved",
    ),
    (
        "unknown-metric-key",
        """\
        metrics:
          arrests:
            name: people arrested
            noun: [arrest]  #!
        """,
        "unknown key 'noun' in metric 'arrests' (did you mean 'nouns'?)",
    ),
    (
        "metric-without-name",
        """\
        metrics:
          arrests:  #!
            nouns: [arrest]
        """,
        "metric 'arrests': missing required key 'name'",
    ),
    (
        "people-not-bool",
        """\
        metrics:
          arrests:
            name: people arrested
            people: maybe  #!
        """,
        "metric 'arrests': people must be true or false, got 'maybe'",
    ),
    (
        "people-quoted-bool",
        """\
        metrics:
          arrests:
            name: people arrested
            people: "true"  #!
        """,
        "metric 'arrests': people must be true or false, got 'true'",
    ),
    # ---------------------------------------------------------------- rules: shape
    (
        "rules-not-list",
        with_rules(
            """\
            rules:
              id: r  #!
              sum: region
            """
        ),
        "rules must be a list of rules, got a mapping",
    ),
    (
        "rule-not-mapping",
        with_rules(
            """\
            rules:
              - region-adds-up  #!
            """
        ),
        "rule #1 must be a mapping with an id and a kind, got 'region-adds-up'",
    ),
    (
        "rule-without-id",
        with_rules(
            """\
            rules:
              - id: first
                sum: region
              - sum: region  #!
                severity: warning
            """
        ),
        "rule #2: missing required key 'id'",
    ),
    (
        "rule-id-with-space",
        with_rules(
            """\
            rules:
              - id: region adds up  #!
                sum: region
            """
        ),
        "rule #1: id 'region adds up' must be letters, digits, '-', '_' or '.'",
    ),
    (
        "rule-without-kind",
        with_rules(
            """\
            rules:
              - id: r  #!
                severity: warning
            """
        ),
        "rule 'r' has no kind: give one of sum, order",
    ),
    (
        "rule-with-two-kinds",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                severity: warning
                order: {smaller: charged, larger: arrests}  #!
            """
        ),
        "rule 'r' has two kinds (sum and order); give exactly one",
    ),
    (
        "unknown-rule-key",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                tolerence: 1  #!
            """
        ),
        "unknown key 'tolerence' in rule 'r' (did you mean 'tolerance'?); allowed keys: "
        "id, description, sum, order, metrics, tolerance, severity",
    ),
    (
        "kind-misspelt",
        with_rules(
            """\
            rules:
              - id: r
                summ: {whole: region}  #!
            """
        ),
        "unknown key 'summ' in rule 'r' (did you mean 'sum'?)",
    ),
    (
        "key-not-for-order-rule",
        with_rules(
            """\
            rules:
              - id: r
                order: {smaller: charged, larger: arrests}
                tolerance: 1  #!
            """
        ),
        "key 'tolerance' does not apply to order rule 'r'; allowed keys: id, description, order, "
        "severity",
    ),
    (
        "duplicate-rule-id",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
              - id: r  #!
                order: {smaller: charged, larger: arrests}
            """
        ),
        "rule id 'r' is already used (line 11)",
    ),
    (
        "duplicate-rule-key",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                severity: info
                severity: warning  #!
            """
        ),
        "duplicate key 'severity' in rule #1 (first at line 13)",
    ),
    (
        "invalid-severity",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                severity: fatal  #!
            """
        ),
        "rule 'r': severity must be one of error, warning, info, got 'fatal'",
    ),
    (
        "misspelt-severity",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                severity: eror  #!
            """
        ),
        "severity must be one of error, warning, info, got 'eror' (did you mean 'error'?)",
    ),
    (
        "description-not-text",
        with_rules(
            """\
            rules:
              - id: r
                description: {what: sums}  #!
                sum: region
            """
        ),
        "rule 'r': description must be text, got a mapping",
    ),
    # ---------------------------------------------------------------- rules: sum
    (
        "tolerance-word",
        with_rules(
            """\
            rules:
              - id: region-adds-up
                sum: {whole: region}
                tolerance: zero  #!
            """
        ),
        "rule 'region-adds-up': tolerance must be a number >= 0, got 'zero'",
    ),
    (
        "tolerance-negative",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                tolerance: -1  #!
            """
        ),
        "tolerance must be a number >= 0, got -1",
    ),
    (
        "tolerance-bool",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                tolerance: true  #!
            """
        ),
        "tolerance must be a number >= 0, got true",
    ),
    (
        "tolerance-infinite",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                tolerance: .inf  #!
            """
        ),
        "tolerance must be a number >= 0, got .inf",
    ),
    (
        "tolerance-quoted",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                tolerance: "5"  #!
            """
        ),
        "tolerance must be a number >= 0, got '5'",
    ),
    (
        "tolerance-huge",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                tolerance: 1.0e+999  #!
            """
        ),
        "tolerance must be a number >= 0, got 1.0e+999",
    ),
    (
        "tolerance-too-many-digits",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                tolerance: 1%s  #!
            """
            % ("0" * 5000)
        ),
        "tolerance must be a number >= 0, got '1000000000000000000000000000000000000...'",
    ),
    (
        "sum-as-list",
        with_rules(
            """\
            rules:
              - id: r
                sum: [north, south]  #!
            """
        ),
        "rule 'r': sum must be a mapping with whole (and parts), or the whole's id, got a list",
    ),
    (
        "sum-without-whole",
        with_rules(
            """\
            rules:
              - id: r
                sum: {parts: [north, south]}  #!
            """
        ),
        "rule 'r': missing required key 'whole'",
    ),
    (
        "unknown-sum-key",
        with_rules(
            """\
            rules:
              - id: r
                sum:
                  whole: region
                  part: [north]  #!
            """
        ),
        "unknown key 'part' in the sum of rule 'r' (did you mean 'parts'?); "
        "allowed keys: whole, parts",
    ),
    (
        "unknown-whole",
        with_rules(
            """\
            rules:
              - id: r
                sum: {whole: regoin}  #!
            """
        ),
        "rule 'r': whole 'regoin' is not a declared entity (did you mean 'region'?)",
    ),
    (
        "unknown-whole-shorthand",
        with_rules(
            """\
            rules:
              - id: r
                sum: nowhere  #!
            """
        ),
        "rule 'r': whole 'nowhere' is not a declared entity; "
        "declared entities: region, north, south",
    ),
    (
        "whole-without-parts",
        with_rules(
            """\
            rules:
              - id: r
                sum: {whole: north}  #!
            """
        ),
        "rule 'r': entity 'north' has no parts; give parts: [...] in the rule or declare parts",
    ),
    (
        "unknown-sum-part",
        with_rules(
            """\
            rules:
              - id: r
                sum:
                  whole: region
                  parts:
                    - north
                    - soth  #!
            """
        ),
        "rule 'r': part 'soth' is not a declared entity (did you mean 'south'?)",
    ),
    (
        "empty-sum-parts",
        with_rules(
            """\
            rules:
              - id: r
                sum: {whole: region, parts: []}  #!
            """
        ),
        "rule 'r': parts must list at least one entity",
    ),
    (
        "whole-among-parts",
        with_rules(
            """\
            rules:
              - id: r
                sum:
                  whole: region
                  parts:
                    - north
                    - region  #!
            """
        ),
        "rule 'r': the whole 'region' cannot be one of its parts",
    ),
    (
        "sum-part-listed-twice",
        with_rules(
            """\
            rules:
              - id: r
                sum:
                  whole: region
                  parts:
                    - north
                    - south
                    - north  #!
            """
        ),
        "rule 'r': part 'north' is listed twice",
    ),
    (
        "part-contains-whole",
        with_rules(
            """\
            rules:
              - id: r
                sum:
                  whole: north
                  parts:
                    - region  #!
            """
        ),
        "rule 'r': part 'region' contains the whole 'north'",
    ),
    (
        "part-inside-another-part",
        DECLARED.replace("entities:\n", "entities:\n  country: {name: Country}\n", 1)
        + dedent(
            """\
            rules:
              - id: r
                sum:
                  whole: country
                  parts:
                    - region
                    - north  #!
            """
        ),
        "rule 'r': part 'north' is inside part 'region', so it would be counted twice",
    ),
    (
        "unknown-metric",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                metrics:
                  - arrests
                  - charges  #!
            """
        ),
        "rule 'r': metric 'charges' is not a declared metric (did you mean 'charged'?)",
    ),
    (
        "metric-listed-twice",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                metrics: [arrests, arrests]  #!
            """
        ),
        "rule 'r': metric 'arrests' is listed twice",
    ),
    (
        "empty-metrics",
        with_rules(
            """\
            rules:
              - id: r
                sum: region
                metrics: []  #!
            """
        ),
        "rule 'r': metrics must be 'all' or list at least one metric",
    ),
    (
        "all-metrics-none-declared",
        """\
        entities:
          region: {name: Region, parts: [north]}
          north: {name: North}
        rules:
          - id: r  #!
            sum: region
        """,
        "rule 'r' applies to all metrics, but no metrics are declared",
    ),
    # ---------------------------------------------------------------- rules: order
    (
        "order-not-mapping",
        with_rules(
            """\
            rules:
              - id: r
                order: charged  #!
            """
        ),
        "the order of rule 'r' must be a mapping of smaller and larger, got 'charged'",
    ),
    (
        "order-without-larger",
        with_rules(
            """\
            rules:
              - id: r
                order: {smaller: charged}  #!
            """
        ),
        "rule 'r': missing required key 'larger'",
    ),
    (
        "unknown-order-key",
        with_rules(
            """\
            rules:
              - id: r
                order:
                  smaller: charged
                  bigger: arrests  #!
            """
        ),
        "unknown key 'bigger' in the order of rule 'r'",
    ),
    (
        "unknown-smaller",
        with_rules(
            """\
            rules:
              - id: r
                order:
                  smaller: charge  #!
                  larger: arrests
            """
        ),
        "rule 'r': smaller 'charge' is not a declared metric (did you mean 'charged'?)",
    ),
    (
        "unknown-larger",
        with_rules(
            """\
            rules:
              - id: r
                order:
                  smaller: charged
                  larger: zzz  #!
            """
        ),
        "rule 'r': larger 'zzz' is not a declared metric; declared metrics: arrests, charged",
    ),
    (
        "order-same-metric",
        with_rules(
            """\
            rules:
              - id: r
                order:
                  smaller: charged
                  larger: charged  #!
            """
        ),
        "rule 'r': smaller and larger are the same metric 'charged'",
    ),
]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [pytest.param(dedent(content), fragment, id=name) for name, content, fragment in CASES],
)
def test_error_names_file_line_and_problem(
    load_error: Callable[..., RuleFileError], content: str, fragment: str
) -> None:
    error = load_error(content)
    assert error.line == marked_line(content)
    assert fragment in error.message
    assert str(error) == f"{error.path}:{error.line}: {error.message}"


def test_case_names_are_unique() -> None:
    names = [name for name, _, _ in CASES]
    assert len(names) == len(set(names))
