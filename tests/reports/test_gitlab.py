"""GitLab Code Quality: the documented fields, and fingerprints unique in a report."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft7Validator

from checks.catalog import CATALOG
from checks.fingerprint import fingerprint
from checks.model import Finding, Rule, RunResult, Severity
from checks.pipeline import check_paths
from checks.reports import gitlab
from tests.conftest import EXPECTATIONS, ROOT, SAFENET_2017

# The fields GitLab's Code Quality documentation lists as required, with the
# severities it accepts; anything else in an issue is ignored by GitLab.
CODE_QUALITY_SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1, "not": {"pattern": "^(\\./|/)"}},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1},
                                       "end": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def finding(**changes: Any) -> Finding:
    values: dict[str, Any] = {
        "rule": Rule.TRUNCATED, "severity": Severity.WARNING, "path": "releases/cut.txt",
        "line": 27, "column": 78, "end_line": 27, "end_column": 80,
        "message": '"... and distribution of indecent images of" stops in the middle of a sentence.',
        "hint": "Restore the end of the sentence; a figure in it may be incomplete.",
        "check": "figcheck.sentence-complete",
    }
    values.update(changes)
    return Finding(**values)


def issues(*findings: Finding) -> list[dict[str, Any]]:
    text = gitlab.render(RunResult(documents=(), figures=(), findings=findings))
    loaded: list[dict[str, Any]] = json.loads(text)
    errors = list(Draft7Validator(CODE_QUALITY_SCHEMA).iter_errors(loaded))
    assert not errors, [e.message for e in errors]
    return loaded


def test_the_schema_bites() -> None:
    bad = [{"description": "x", "check_name": "y", "fingerprint": "", "severity": "error",
            "location": {"path": "./a", "lines": {"begin": 0}}}]
    assert len(list(Draft7Validator(CODE_QUALITY_SCHEMA).iter_errors(bad))) >= 4


def test_seed_report_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    # GitLab wants repository-relative paths: check the seed as CI would name it.
    monkeypatch.chdir(ROOT)
    result = check_paths([SAFENET_2017.relative_to(ROOT)], [EXPECTATIONS])
    loaded = json.loads(gitlab.render(result))
    assert not list(Draft7Validator(CODE_QUALITY_SCHEMA).iter_errors(loaded))
    assert len(loaded) == len(result.findings)
    assert len({issue["fingerprint"] for issue in loaded}) == len(loaded)
    for issue, found in zip(loaded, result.findings, strict=True):
        assert issue["check_name"] == CATALOG[found.rule].slug
        assert issue["location"] == {"path": found.path,
                                     "lines": {"begin": found.line, "end": found.end_line}}


def test_issue_fields() -> None:
    (issue,) = issues(finding())
    assert issue == {
        "type": "issue",
        "description": 'FC202 "... and distribution of indecent images of" stops in the middle '
                       "of a sentence. Hint: Restore the end of the sentence; a figure in it "
                       "may be incomplete.",
        "check_name": "text-not-cut-off",
        "fingerprint": fingerprint(finding()),
        "severity": "major",
        "location": {"path": "releases/cut.txt", "lines": {"begin": 27, "end": 27}},
    }


@pytest.mark.parametrize(
    ("severity", "expected"),
    [(Severity.ERROR, "critical"), (Severity.WARNING, "major"), (Severity.INFO, "info")],
)
def test_severities(severity: Severity, expected: str) -> None:
    assert issues(finding(severity=severity))[0]["severity"] == expected


def test_shared_fingerprints_are_disambiguated() -> None:
    # The same message at three lines has one fingerprint (lines are left out of it).
    same = [finding(line=line, end_line=line) for line in (27, 80, 94)]
    other = finding(rule=Rule.RANGE, message='"370-year-old" (line 5) is not a possible age.')
    assert len({fingerprint(f) for f in same}) == 1
    loaded = issues(*same, other)
    prints = [issue["fingerprint"] for issue in loaded]
    base = fingerprint(same[0])
    assert prints == [base, f"{base}-2", f"{base}-3", fingerprint(other)]
    assert len(set(prints)) == len(prints)


@pytest.mark.parametrize(
    ("path", "expected"),
    [("./releases/r.md", "releases/r.md"), ("releases\\win\\r.md", "releases/win/r.md"),
     ('docs/"quoted", ünïcode.md', 'docs/"quoted", ünïcode.md')],
)
def test_paths(path: str, expected: str) -> None:
    assert issues(finding(path=path))[0]["location"]["path"] == expected


def test_multi_line_and_unknown_ends() -> None:
    assert issues(finding(end_line=30))[0]["location"]["lines"] == {"begin": 27, "end": 30}
    assert issues(finding(end_line=None))[0]["location"]["lines"] == {"begin": 27, "end": 27}


def test_no_findings_is_an_empty_list() -> None:
    assert issues() == []
