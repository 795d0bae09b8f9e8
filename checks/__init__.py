"""figcheck: check the figures in press releases and reports for consistency.

The stages, each usable on its own::

    from checks import discover, read_document, load_rules, extract_figures, run_checks, render

    rules = load_rules(["expectations"])                         # YAML -> RuleSet
    documents = [read_document(p) for p in discover(["seeds"])]  # files -> Document
    figures = [f for i, d in enumerate(documents)                # Document -> Figure
               for f in extract_figures(d, rules, doc_index=i)]
    findings = run_checks(documents, figures, rules)             # Figure -> Finding (via GX)

or all at once: ``render(check_paths(["seeds"], ["expectations"]), "json")``.
Names are imported on first use, so ``import checks`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "ConfigError": "checks.errors",
    "DocumentError": "checks.errors",
    "FigcheckError": "checks.errors",
    "RuleFileError": "checks.errors",
    "Document": "checks.model",
    "Figure": "checks.model",
    "Finding": "checks.model",
    "RunResult": "checks.model",
    "Severity": "checks.model",
    "discover": "checks.documents",
    "read_document": "checks.documents",
    "extract_figures": "checks.extract",
    "RuleSet": "checks.rules",
    "load_rules": "checks.rules",
    "run_checks": "checks.validate",
    "check_paths": "checks.pipeline",
    "render": "checks.reports",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'checks' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
