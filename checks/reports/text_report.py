"""The default report: one ``path:line:col: CODE [severity] message`` line a finding.

The hint follows on an indented line, so reviewdog-style parsers
(``%f:%l:%c: %m``) read the finding lines and skip the hints.
"""

from __future__ import annotations

from checks.model import RunResult, Severity

FORMAT = "text"


def render(result: RunResult) -> str:
    lines = []
    for finding in result.findings:
        lines.append(
            f"{finding.path}:{finding.line}:{finding.column}: {finding.code} "
            f"[{finding.severity.value}] {finding.message}"
        )
        if finding.hint:
            lines.append(f"    hint: {finding.hint}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def summary_line(result: RunResult) -> str:
    """Return the closing line: what was found, in how many documents and figures."""
    documents = _plural(len(result.documents), "document")
    figures = _plural(len(result.figures), "figure")
    hidden = []
    if result.suppressed:
        hidden.append(f"{result.suppressed:,} suppressed")
    if result.baselined:
        hidden.append(f"{result.baselined:,} in the baseline")
    tail = f"; {', '.join(hidden)}" if hidden else ""
    if not result.findings:
        return f"No problems found in {documents} ({figures}{tail})."
    parts = [
        _plural(result.count(s), s.value if s is not Severity.INFO else "note")
        for s in Severity
        if result.count(s)
    ]
    return f"Found {', '.join(parts)} in {documents} ({figures}{tail})."


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
