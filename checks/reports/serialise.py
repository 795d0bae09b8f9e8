"""Plain-data forms of figures and findings, shared by the machine-readable formats."""

from __future__ import annotations

from typing import Any

from checks.model import Figure, Finding, finite


def figure_record(figure: Figure) -> dict[str, Any]:
    """Return a figure as JSON-ready data (infinite bounds become null)."""
    scope = figure.scope
    return {
        "id": figure.id,
        "line": figure.line,
        "column": figure.column,
        "end_line": figure.end_line,
        "end_column": figure.end_column,
        "text": figure.text,
        "kind": figure.kind.value,
        "value": figure.value,
        "low": finite(figure.low),
        "high": finite(figure.high),
        "qualifier": figure.qualifier,
        "noun": figure.noun,
        "metric": figure.metric,
        "entity": figure.entity,
        "scope": {
            "kind": scope.kind.value,
            "label": scope.label or None,
            "start": scope.start.isoformat() if scope.start else None,
            "end": scope.end.isoformat() if scope.end else None,
        },
        "relation": figure.relation,
        "about": figure.about,
    }


def finding_record(finding: Finding) -> dict[str, Any]:
    """Return a finding as JSON-ready data."""
    return {
        "rule": finding.rule.value,
        "code": finding.code,
        "severity": finding.severity.value,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "message": finding.message,
        "hint": finding.hint,
        "check": finding.check,
        "related": [
            {"path": r.path, "line": r.line, "column": r.column, "text": r.text, "role": r.role}
            for r in finding.related
        ],
    }
