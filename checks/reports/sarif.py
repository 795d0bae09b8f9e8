"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every rule of the catalogue is listed in ``tool.driver.rules`` in catalogue
order, whether it fired or not, so ``ruleIndex`` and ``ruleId`` (the code) stay
stable across runs.  Regions are 1-based, columns count Unicode code points and
``endColumn`` is exclusive, as figcheck's own positions are.  Paths given
relative to the current directory become repository-relative URIs under
``%SRCROOT%``; absolute paths become ``file://`` URIs.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from checks import __version__
from checks.catalog import CATALOG, RuleDoc, as_markdown, as_text
from checks.fingerprint import fingerprint
from checks.model import Finding, Related, RunResult, Severity

FORMAT = "sarif"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://pypi.org/project/figcheck/"
FINGERPRINT_KEY = "figcheck/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

_RULE_INDEX = {doc.rule: index for index, doc in enumerate(CATALOG.values())}
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def render(result: RunResult) -> str:
    return json.dumps(log(result), indent=2, ensure_ascii=False) + "\n"


def log(result: RunResult) -> dict[str, Any]:
    """Return the SARIF log as plain data."""
    return {
        "$schema": SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver()},
                "columnKind": "unicodeCodePoints",
                "results": [result_record(finding) for finding in result.findings],
            }
        ],
    }


def driver() -> dict[str, Any]:
    """Return the ``tool.driver`` object: figcheck and every rule it has."""
    return {
        "name": "figcheck",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [rule_record(doc) for doc in CATALOG.values()],
    }


def rule_record(doc: RuleDoc) -> dict[str, Any]:
    """Return a ``reportingDescriptor`` for one rule of the catalogue."""
    return {
        "id": doc.code,
        "name": doc.slug,
        "shortDescription": {"text": doc.title},
        "fullDescription": {"text": doc.what},
        "help": {"text": as_text(doc), "markdown": as_markdown(doc)},
        "defaultConfiguration": {"level": LEVELS[doc.default_severity]},
        "properties": {"rule": doc.rule.value},
    }


def result_record(finding: Finding) -> dict[str, Any]:
    """Return a SARIF ``result`` for one finding."""
    record: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": _RULE_INDEX[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": message_text(finding)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(finding.path),
                    "region": region(finding),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
        "properties": {"check": finding.check},
    }
    if finding.related:
        record["relatedLocations"] = [
            related_location(index, related) for index, related in enumerate(finding.related)
        ]
    return record


def message_text(finding: Finding) -> str:
    """Return the message, followed by the hint where there is one."""
    return f"{finding.message}\nHint: {finding.hint}" if finding.hint else finding.message


def artifact_location(path: str) -> dict[str, str]:
    """Return an ``artifactLocation``: a relative URI under %SRCROOT% or a file URI."""
    posix = path.replace("\\", "/")
    if _WINDOWS_DRIVE.match(posix):
        return {"uri": "file:///" + quote(posix, safe="/:")}
    if posix.startswith("/"):
        return {"uri": "file://" + quote(posix, safe="/")}
    while posix.startswith("./"):
        posix = posix[2:]
    return {"uri": quote(posix, safe="/"), "uriBaseId": "%SRCROOT%"}


def region(finding: Finding) -> dict[str, int]:
    """Return the 1-based region of a finding; the end column is exclusive."""
    start_line, start_column = max(finding.line, 1), max(finding.column, 1)
    end_line = max(finding.end_line or start_line, start_line)
    spans: dict[str, int] = {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
    }
    if finding.end_column is not None:
        lowest = start_column if end_line == start_line else 1
        spans["endColumn"] = max(finding.end_column, lowest)
    return spans


def related_location(index: int, related: Related) -> dict[str, Any]:
    """Return a ``location`` for a figure the finding rests on."""
    label = f'{related.role}: "{related.text}"' if related.role else f'"{related.text}"'
    return {
        "id": index,
        "physicalLocation": {
            "artifactLocation": artifact_location(related.path),
            "region": {"startLine": max(related.line, 1), "startColumn": max(related.column, 1)},
        },
        "message": {"text": label},
    }
