"""Rule files: the entities, metrics and rules figcheck checks figures against.

``load_rules(paths)`` reads YAML rule files (see :mod:`checks.rules.loader`
for the format) into one :class:`RuleSet`.
"""

from __future__ import annotations

from checks.rules.loader import load_rules
from checks.rules.model import Entity, Metric, OrderRule, RuleSet, Source, SumRule

__all__ = [
    "Entity",
    "Metric",
    "OrderRule",
    "RuleSet",
    "Source",
    "SumRule",
    "load_rules",
]
