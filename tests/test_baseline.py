"""Baselines: writing, loading, and which findings they let through."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from checks.baseline import BASELINE_VERSION, Baseline, load_baseline, write_baseline
from checks.errors import ConfigError
from checks.fingerprint import fingerprint
from checks.model import Finding, Rule, Severity
from tests.conftest import EXPECTATIONS

KNIFE = """\
# Knife surrender: more than 2,000 weapons handed in across the region

Date: Monday 4 November 2019

Police forces in the West Midlands region have published the results of the two-week knife surrender that ended on Sunday 3 November.

A total of 2,310 knives were placed in surrender bins at police stations. Staffordshire Police received 804, West Midlands Police 1,116 and the Warwickshire and West Mercia alliance 420.

Among the weapons were machetes, zombie knives and a sword.
"""


def finding(path: str = "releases/a.md", line: int = 3, message: str = '"12 men" (line 3) but 11 are named',
            rule: Rule = Rule.COUNT) -> Finding:
    return Finding(rule=rule, severity=Severity.ERROR, path=path, line=line, column=5,
                   message=message, check=rule.value)


# --------------------------------------------------------------------------- the file


def test_file_is_versioned_sorted_and_one_entry_per_finding(tmp_path: Path) -> None:
    target = tmp_path / "baseline.json"
    findings = [finding("z.md"), finding("a.md", rule=Rule.SUM), finding("a.md"), finding("a.md")]
    assert write_baseline(findings, target) == 4
    data = json.loads(target.read_text())
    assert data["version"] == BASELINE_VERSION == 1
    assert [(e["path"], e["code"]) for e in data["findings"]] == [
        ("a.md", "FC101"), ("a.md", "FC103"), ("a.md", "FC103"), ("z.md", "FC103")]
    assert set(data["findings"][0]) == {"fingerprint", "path", "code", "message"}
    assert data["findings"][1]["fingerprint"] == fingerprint(finding("a.md"))
    assert data["findings"][1]["message"] == '"12 men" (line 3) but 11 are named'


def test_file_is_stable_whatever_the_order_of_findings(tmp_path: Path) -> None:
    findings = [finding("b.md"), finding("a.md", rule=Rule.SUM), finding("a.md", line=9)]
    write_baseline(findings, tmp_path / "one.json")
    write_baseline(list(reversed(findings)), tmp_path / "two.json")
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
    assert (tmp_path / "one.json").read_bytes().endswith(b"]\n}\n")


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "baseline.json"
    write_baseline([finding()], target)
    before = target.read_bytes()

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(ConfigError, match="No space left") as error:
        write_baseline([finding(), finding("b.md")], target)
    assert error.value.path == str(target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json"]  # no temporary left


def test_write_into_a_missing_directory_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no directory"):
        write_baseline([finding()], tmp_path / "missing" / "baseline.json")


def test_round_trip(tmp_path: Path) -> None:
    target = tmp_path / "baseline.json"
    write_baseline([finding(), finding("b.md")], target)
    baseline = load_baseline(target)
    assert isinstance(baseline, Baseline)
    assert len(baseline) == 2
    assert baseline.path == str(target)
    assert {entry.path for entry in baseline.entries} == {"releases/a.md", "b.md"}


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        (None, "baseline file not found", None),
        (b"\xff\xfe\x00", "not UTF-8", None),
        (b'{"version": 1,\n "findings": [\n}', "not valid JSON", 3),
        (b"[]", "expected a JSON object", None),
        (b'{"version": 2, "findings": []}', "unsupported baseline version 2", None),
        (b'{"findings": []}', "unsupported baseline version None", None),
        (b'{"version": 1, "findings": {}}', "'findings' must be a list", None),
        (b'{"version": 1, "findings": [{"fingerprint": "ab", "path": "a.md"}]}', "findings[0] needs the text field(s) code, message", None),
        (b'{"version": 1, "findings": [7]}', "findings[0] must be an object", None),
        (b"[" * 100_000, "nested too deeply", None),
    ],
)
def test_unusable_baselines_are_config_errors_naming_the_file(
        tmp_path: Path, content: bytes | None, message: str, line: int | None) -> None:
    target = tmp_path / "known.json"
    if content is not None:
        target.write_bytes(content)
    with pytest.raises(ConfigError) as error:
        load_baseline(target)
    assert message in error.value.message
    assert error.value.path == str(target)
    assert error.value.line == line
    assert str(error.value).startswith(str(target))


def test_a_directory_is_not_a_baseline(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="directory"):
        load_baseline(tmp_path)


# --------------------------------------------------------------------------- filtering


def baseline_of(findings: list[Finding], tmp_path: Path) -> Baseline:
    write_baseline(findings, tmp_path / "baseline.json")
    return load_baseline(tmp_path / "baseline.json")


def test_known_findings_are_dropped_and_counted(tmp_path: Path) -> None:
    baseline = baseline_of([finding(), finding("b.md")], tmp_path)
    new_one = finding(message='"9 men" (line 3) but 8 are named')
    new, matched = baseline.filter([finding("b.md"), new_one, finding()])
    assert new == [new_one]
    assert matched == 2


def test_each_entry_accounts_for_one_finding(tmp_path: Path) -> None:
    twice = baseline_of([finding(), finding()], tmp_path)
    assert twice.filter([finding(), finding(), finding()]) == ([finding()], 2)
    once = baseline_of([finding()], tmp_path)
    assert once.filter([finding(), finding()]) == ([finding()], 1)


@pytest.mark.parametrize(
    ("written", "checked"),
    [
        ("releases/a.md", "releases\\a.md"),
        ("releases\\a.md", "releases/a.md"),
        ("./releases/a.md", "releases/a.md"),
        ("releases//a.md", "./releases\\a.md"),
    ],
)
def test_paths_are_compared_in_forward_slash_form(tmp_path: Path, written: str, checked: str) -> None:
    baseline = baseline_of([finding(written)], tmp_path)
    assert baseline.entries[0].path == "releases/a.md"
    assert baseline.filter([finding(checked)]) == ([], 1)


def test_line_numbers_do_not_matter_but_the_message_and_path_do(tmp_path: Path) -> None:
    baseline = baseline_of([finding(line=3)], tmp_path)
    moved = finding(line=40, message='"12 men" (line 40) but 11 are named')
    assert baseline.filter([moved]) == ([], 1)
    elsewhere = finding("releases/b.md")
    assert baseline.filter([elsewhere]) == ([elsewhere], 0)
    other_rule = replace(finding(), rule=Rule.ORDER)
    assert baseline.filter([other_rule]) == ([other_rule], 0)


# --------------------------------------------------------------------------- real runs


def check(path: Path) -> list[Finding]:
    from checks.pipeline import check_paths

    return list(check_paths([path], [EXPECTATIONS]).findings)


def test_real_release_edits(tmp_path: Path) -> None:
    release = tmp_path / "releases" / "knives.md"
    release.parent.mkdir()
    release.write_text(KNIFE)
    first = check(release)
    assert [(f.code, f.line) for f in first] == [("FC101", 7)]
    baseline = baseline_of(first, tmp_path)

    # Lines inserted above the known finding move it, but do not bring it back.
    release.write_text(KNIFE.replace("Police forces", "Officers from four forces took part.\n\nPolice forces", 1))
    moved = check(release)
    assert [(f.code, f.line) for f in moved] == [("FC101", 9)]
    assert baseline.filter(moved) == ([], 1)

    # A changed figure is a different discrepancy: it is reported.
    release.write_text(KNIFE.replace("alliance 420", "alliance 425"))
    changed = check(release)
    assert [(f.code, f.line) for f in changed] == [("FC101", 7)]
    assert baseline.filter(changed) == (changed, 0)

    # Fixed: nothing to report, nothing matched.
    release.write_text(KNIFE.replace("2,310", "2,340"))
    assert baseline.filter(check(release)) == ([], 0)
