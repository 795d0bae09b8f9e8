"""Stage 3: figures to findings, with Great Expectations doing the comparing.

Each check module turns the figure table into claims (a stated interval that
must overlap a derived one, with the finding to report if it does not); the
engine runs all claims of a run through one GX suite and hands back the ones
that failed.
"""

from __future__ import annotations

from collections.abc import Sequence

from checks.model import Document, Figure, Finding
from checks.rules import RuleSet
from checks.validate import (
    arithmetic,
    conflicts,
    counts,
    order,
    ranges,
    sums,
    trend,
    truncation,
    weekdays,
)
from checks.validate.batch import Batch
from checks.validate.claims import Claim, Interval

CHECK_MODULES = (sums, order, counts, conflicts, trend, weekdays, truncation, ranges, arithmetic)

__all__ = [
    "Batch",
    "Claim",
    "Interval",
    "check_descriptions",
    "collect_claims",
    "run_checks",
    "validate",
]


def check_descriptions(rules: RuleSet) -> dict[str, str]:
    """Return every check id a run can use, with what it checks."""
    batch = Batch([], [], rules)
    described: dict[str, str] = {}
    for module in CHECK_MODULES:
        described.update(module.CHECKS)
    described.update(sums.rule_checks(batch))
    described.update(order.rule_checks(batch))
    return described


def collect_claims(
    documents: Sequence[Document], figures: Sequence[Figure], rules: RuleSet
) -> list[Claim]:
    """Return every claim the checks make about these documents."""
    batch = Batch(list(documents), list(figures), rules)
    return [claim for module in CHECK_MODULES for claim in module.claims(batch)]


def run_checks(
    documents: Sequence[Document], figures: Sequence[Figure], rules: RuleSet
) -> list[Finding]:
    """Validate the figures of ``documents`` and return the findings, sorted by place.

    Where two checks report the same figure for the same rule (a subset stated
    in the text and a rule file's order rule, say), the finding is kept once.
    """
    return validate(documents, figures, rules)[0]


def validate(
    documents: Sequence[Document], figures: Sequence[Figure], rules: RuleSet
) -> tuple[list[Finding], frozenset[str]]:
    """Return the findings and the ids of every figure a check compared (the coverage)."""
    from checks.validate.engine import failing_claims

    claims = collect_claims(documents, figures, rules)
    failed = failing_claims(claims, check_descriptions(rules))
    checked = frozenset(figure for claim in claims for figure in claim.figures)
    return _deduplicated([claim.finding for claim in failed]), checked


def _deduplicated(findings: list[Finding]) -> list[Finding]:
    kept: dict[tuple[str, str, int, int], Finding] = {}
    for finding in findings:
        key = (finding.path, finding.rule.value, finding.line, finding.column)
        current = kept.get(key)
        if current is None or finding.severity.rank > current.severity.rank:
            kept[key] = finding
    return sorted(kept.values(), key=Finding.sort_key)
