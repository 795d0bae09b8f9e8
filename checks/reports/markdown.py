"""The Markdown report: a compact summary for a pull-request comment or a CI step summary.

GitHub-flavoured Markdown: a summary table, the findings grouped by file in a
table each, and a coverage line per document.  Text from documents and
messages is escaped so that it cannot make tables, links, code or HTML.
"""

from __future__ import annotations

from collections import defaultdict

from checks.model import Figure, Finding, RunResult
from checks.reports.html import (
    DocumentSummary,
    document_summaries,
    rule_totals,
    total_of,
    uncovered_figures,
)
from checks.reports.text_report import summary_line

FORMAT = "markdown"
# A GitHub comment holds 65,536 characters: past these, point to the full reports.
MAX_FINDINGS = 100
MAX_UNCOVERED = 20

_ESCAPES = str.maketrans(
    {
        **{c: "\\" + c for c in "\\`*_[]|~"},
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "\n": " ",
        "\r": " ",
        "\t": " ",
        # A zero-width space keeps "@name" from notifying a GitHub user.
        "@": "@\u200b",
    }
)


def escape(text: str) -> str:
    """Return ``text`` safe inside a Markdown table cell or paragraph."""
    return text.translate(_ESCAPES).strip()


def render(result: RunResult) -> str:
    """Render ``result`` as GitHub-flavoured Markdown."""
    summaries = document_summaries(result)
    show_info = any(s.info for s in summaries)
    blocks = [f"### figcheck: {escape(summary_line(result))}", _summary_table(summaries, show_info)]
    by_rule = _by_rule_line(result)
    if by_rule:
        blocks.append(by_rule)
    findings = _by_path(result.findings)
    budget = MAX_FINDINGS
    for summary in summaries:
        own = findings.pop(summary.path, [])
        blocks.append(f"#### {escape(summary.path)}")
        shown, budget = own[:budget], max(budget - len(own), 0)
        blocks.extend(_findings_blocks(own, shown))
        blocks.append(_coverage_line(summary, uncovered_figures(result, summary.path)))
    for path, own in findings.items():  # findings in files that are not among the documents
        shown, budget = own[:budget], max(budget - len(own), 0)
        blocks.append(f"#### {escape(path)}")
        blocks.extend(_findings_blocks(own, shown))
    if len(result.findings) > MAX_FINDINGS:
        blocks.append(
            f"Showing {MAX_FINDINGS} of {len(result.findings)} findings: "
            "the HTML and JSON reports have them all."
        )
    return "\n\n".join(blocks) + "\n"


def _summary_table(summaries: list[DocumentSummary], show_info: bool) -> str:
    header = ["Document", "Published", "Figures", "Checked", "Errors", "Warnings"]
    align = [":--", ":--", "--:", "--:", "--:", "--:"]
    if show_info:
        header.append("Info")
        align.append("--:")
    rows = [_row(header), _row(align)]
    for s in summaries:
        rows.append(_row([escape(s.path), s.published or "unknown", *_counts(s, show_info)]))
    total = total_of(summaries)
    rows.append(_row(["**Total**", "", *_counts(total, show_info)]))
    return "\n".join(rows)


def _counts(summary: DocumentSummary, show_info: bool) -> list[str]:
    counts = [summary.figures, summary.checked, summary.errors, summary.warnings]
    if show_info:
        counts.append(summary.info)
    return [f"{count:,}" for count in counts]


def _by_rule_line(result: RunResult) -> str:
    totals = rule_totals(result)
    if not totals:
        return ""
    return "By rule: " + " · ".join(f"{t.rule} `{t.code}` ×{t.count}" for t in totals)


def _findings_blocks(own: list[Finding], shown: list[Finding]) -> list[str]:
    if not own:
        return ["No findings."]
    blocks = [_findings_table(shown)] if shown else []
    hidden = len(own) - len(shown)
    if hidden:
        plural = "" if hidden == 1 else "s"
        blocks.append(f"… {hidden} more finding{plural} in this file not shown.")
    return blocks


def _findings_table(findings: list[Finding]) -> str:
    rows = [
        _row(["Where", "Code", "Severity", "Message", "Likely fix"]),
        _row([":--", ":--", ":--", ":--", ":--"]),
    ]
    for f in findings:
        rows.append(
            _row(
                [
                    escape(f"{f.path}:{f.line}"),
                    f"`{f.code}`",
                    _severity(f),
                    escape(f.message),
                    escape(f.hint or ""),
                ]
            )
        )
    return "\n".join(rows)


def _severity(finding: Finding) -> str:
    label = finding.severity.value
    return f"**{label}**" if label == "error" else label


def _coverage_line(summary: DocumentSummary, uncovered: list[Figure]) -> str:
    line = (
        f"Coverage: {summary.figures:,} figure{'' if summary.figures == 1 else 's'} read, "
        f"{summary.checked:,} compared by a check"
    )
    if not uncovered:
        return line + "; every quantity read was compared."
    listed = ", ".join(f'line {f.line} "{escape(f.text)}"' for f in uncovered[:MAX_UNCOVERED])
    more = len(uncovered) - MAX_UNCOVERED
    if more > 0:
        listed += f" and {more} more"
    return f"{line}; not compared: {listed}."


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _by_path(findings: tuple[Finding, ...]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in sorted(findings, key=Finding.sort_key):
        grouped[finding.path].append(finding)
    return grouped
