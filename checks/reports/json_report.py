"""The versioned JSON report (format documented in the README, "JSON output")."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from checks import __version__
from checks.model import RunResult
from checks.reports.serialise import figure_record, finding_record

FORMAT = "json"
VERSION = 1


def render(result: RunResult) -> str:
    return json.dumps(report(result), indent=2, ensure_ascii=False) + "\n"


def report(result: RunResult) -> dict[str, Any]:
    """Return the report as plain data."""
    return {
        "version": VERSION,
        "tool": {"name": "figcheck", "version": __version__},
        "rule_files": list(result.rule_files),
        "documents": [
            {
                "path": document.path,
                "published": document.published.isoformat() if document.published else None,
                "figures": [figure_record(f) for f in result.figures_of(document.path)],
            }
            for document in result.documents
        ],
        "findings": [finding_record(f) for f in result.findings],
        "summary": summary(result),
    }


def summary(result: RunResult) -> dict[str, Any]:
    severities = Counter(f.severity.value for f in result.findings)
    rules = Counter(f.rule.value for f in result.findings)
    return {
        "documents": len(result.documents),
        "figures": len(result.figures),
        "findings": len(result.findings),
        "errors": severities.get("error", 0),
        "warnings": severities.get("warning", 0),
        "info": severities.get("info", 0),
        "by_rule": dict(sorted(rules.items())),
    }
