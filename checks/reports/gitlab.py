"""GitLab Code Quality: a JSON list of issues, one a finding.

Each issue has ``description`` (message and hint), ``check_name`` (the rule's
slug), ``fingerprint``, ``severity`` and ``location`` (``path`` and
``lines.begin``).  GitLab uses the fingerprint to match issues between the
merge request and its target branch, so it must be unique in a report:
findings whose fingerprints coincide (the same message twice in a document)
get ``-2``, ``-3``... appended in report order.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from checks.catalog import CATALOG
from checks.fingerprint import fingerprint
from checks.model import Finding, RunResult, Severity

FORMAT = "gitlab"
SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def render(result: RunResult) -> str:
    return json.dumps(issues(result), indent=2, ensure_ascii=False) + "\n"


def issues(result: RunResult) -> list[dict[str, Any]]:
    """Return the Code Quality issues as plain data, with unique fingerprints."""
    seen: Counter[str] = Counter()
    records = []
    for finding in result.findings:
        base = fingerprint(finding)
        seen[base] += 1
        unique = base if seen[base] == 1 else f"{base}-{seen[base]}"
        records.append(issue(finding, unique))
    return records


def issue(finding: Finding, unique_fingerprint: str) -> dict[str, Any]:
    """Return the Code Quality issue for one finding."""
    begin = max(finding.line, 1)
    description = f"{finding.code} {finding.message}"
    if finding.hint:
        description += f" Hint: {finding.hint}"
    return {
        "type": "issue",
        "description": description,
        "check_name": CATALOG[finding.rule].slug,
        "fingerprint": unique_fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {
            "path": _repository_path(finding.path),
            "lines": {"begin": begin, "end": max(finding.end_line or begin, begin)},
        },
    }


def _repository_path(path: str) -> str:
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    return posix
