"""The whole flow for a list of paths: read, extract, check.

This is the one place that chains the stages; the CLI and library users call
:func:`check_paths`, and each stage stays usable on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from checks.documents import discover, read_document
from checks.extract import Vocabulary, extract_figures
from checks.baseline import Baseline
from checks.model import Document, Figure, Finding, RunResult
from checks.rules import RuleSet, load_rules
from checks.suppress import apply_suppressions
from checks.validate import validate


def read_paths(paths: Iterable[str | Path]) -> list[Document]:
    """Return the documents at ``paths`` (directories are walked), in path order."""
    return [read_document(path) for path in discover(paths)]


def extract_all(documents: Sequence[Document], rules: RuleSet) -> list[Figure]:
    """Return the figures of every document, with ids unique across the run."""
    vocabulary = Vocabulary(rules)
    figures: list[Figure] = []
    for index, document in enumerate(documents):
        figures.extend(extract_figures(document, vocabulary, doc_index=index))
    return figures


def load_rule_paths(rule_paths: Sequence[str | Path]) -> RuleSet:
    return load_rules(rule_paths) if rule_paths else RuleSet.empty()


def check_paths(paths: Iterable[str | Path], rule_paths: Sequence[str | Path] = ()) -> RunResult:
    """Read, extract and check the documents at ``paths`` against the rule files."""
    rules = load_rule_paths(rule_paths)
    documents = read_paths(paths)
    figures = extract_all(documents, rules)
    findings, checked = validate(documents, figures, rules)
    return RunResult(tuple(documents), tuple(figures), tuple(findings), tuple(rules.files), checked)


def filter_findings(result: RunResult, is_ignored: Callable[[Finding], bool] | None = None,
                    baseline: Baseline | None = None) -> RunResult:
    """Apply inline suppressions, ignore settings and a baseline to a run's findings.

    Findings about the suppression comments themselves (unused, unknown codes)
    join the findings, so they can be ignored or baselined like any other.
    """
    kept, notes = apply_suppressions(result.documents, result.findings)
    candidates = [*kept, *notes]
    findings = [f for f in candidates if not (is_ignored and is_ignored(f))]
    suppressed = len(result.findings) - len(kept) + (len(candidates) - len(findings))
    baselined = 0
    if baseline is not None:
        findings, baselined = baseline.filter(findings)
    return replace(result, findings=tuple(sorted(findings, key=Finding.sort_key)),
                   suppressed=suppressed, baselined=baselined)
