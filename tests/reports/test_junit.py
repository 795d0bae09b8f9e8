"""JUnit XML: one failing testcase per finding, readable by junitparser and ElementTree."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import Any

import pytest
from junitparser import Failure, JUnitXml

from checks.model import Finding, Related, Rule, RunResult, Severity
from checks.pipeline import check_paths
from checks.reports import junit
from tests.conftest import EXPECTATIONS, SAFENET_2017


@pytest.fixture(scope="module")
def seed_result() -> RunResult:
    return check_paths([SAFENET_2017], [EXPECTATIONS])


def finding(**changes: Any) -> Finding:
    values: dict[str, Any] = {
        "rule": Rule.COUNT, "severity": Severity.ERROR, "path": "releases/charged.md",
        "line": 7, "column": 1, "end_line": 7, "end_column": 10,
        "message": '"Four men" (line 7) but 5 people are listed (from line 9).',
        "hint": "Make the count 5, or add or remove a listed person so the list gives 4.",
        "check": "figcheck.count-matches-list",
        "related": (Related("releases/charged.md", 9, 3, "5", "list"),),
    }
    values.update(changes)
    return Finding(**values)


def render(*findings: Finding) -> str:
    return junit.render(RunResult(documents=(), figures=(), findings=findings))


def test_seed_report_parses_back(seed_result: RunResult) -> None:
    text = junit.render(seed_result)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')
    report = JUnitXml.fromstring(text.encode("utf-8"))
    suites = list(report)
    assert [s.name for s in suites] == ["figcheck"]
    cases = list(suites[0])
    assert len(cases) == len(seed_result.findings)
    assert suites[0].tests == suites[0].failures == len(seed_result.findings)
    for case, found in zip(cases, seed_result.findings, strict=True):
        assert case.name == f"{found.code} {found.line}:{found.column}"
        assert case.classname == found.path
        (failure,) = case.result
        assert isinstance(failure, Failure)
        assert failure.type == found.code
        assert failure.message == found.message
        assert found.message in failure.text


def test_structure_with_elementtree() -> None:
    root = ElementTree.fromstring(render(finding(), finding(line=12, severity=Severity.WARNING)))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "2", "0")
    (suite,) = root.findall("testsuite")
    assert (suite.get("name"), suite.get("tests"), suite.get("failures")) == ("figcheck", "2", "2")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["FC103 7:1", "FC103 12:1"]
    assert {c.get("classname") for c in cases} == {"releases/charged.md"}
    assert {c.get("file") for c in cases} == {"releases/charged.md"}
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("type") == "FC103"
    assert failure.get("message") == finding().message
    assert failure.text == (
        "releases/charged.md:7:1: FC103 count-matches-list [error] (figcheck.count-matches-list)\n"
        '"Four men" (line 7) but 5 people are listed (from line 9).\n'
        "hint: Make the count 5, or add or remove a listed person so the list gives 4.\n"
        'related: list: "5" at releases/charged.md:9:3'
    )


def test_no_findings_is_one_passing_testcase() -> None:
    report = JUnitXml.fromstring(render().encode("utf-8"))
    (suite,) = list(report)
    (case,) = list(suite)
    assert case.is_passed
    assert (suite.tests, suite.failures, suite.errors) == (1, 0, 0)
    root = ElementTree.fromstring(render())
    assert root.get("failures") == "0"


def test_hostile_text_stays_well_formed() -> None:
    hostile = finding(
        path='dir/<"odd"> & \\path\x01.md',
        message='"<b>6 & 7</b>" ]]> \x00 \x1b[31m "quoted" \ud800 (line 7)',
        hint="Tab\there, newline\nthere, CR\rtoo.",
    )
    text = render(hostile)
    root = ElementTree.fromstring(text.encode("utf-8"))  # would raise on bad XML
    case = root.find("testsuite/testcase")
    assert case is not None
    assert case.get("classname") == 'dir/<"odd"> & /path\ufffd.md'
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == '"<b>6 & 7</b>" ]]> \ufffd \ufffd[31m "quoted" \ufffd (line 7)'
    assert "newline\nthere" in (failure.text or "")


def test_output_is_deterministic(seed_result: RunResult) -> None:
    assert junit.render(seed_result) == junit.render(seed_result)
