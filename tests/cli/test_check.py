"""``figcheck check``: exit codes, formats, output files and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checks.cli import cli
from tests.conftest import EXPECTATIONS, SAFENET_2017, SAFENET_2021

CLEAN = "Officers arrested 12 people and charged 5 of them.\n"
BROKEN = "Officers arrested 12 people, of whom 15 have been charged.\n"


def run(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, list(args), catch_exceptions=False)


def test_clean_document_exits_zero(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN)
    result = run(runner, "check", str(path), "--rules", str(EXPECTATIONS))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "No problems found in 1 document (2 figures)."


def test_finding_exits_one_with_a_parseable_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_text(BROKEN)
    result = run(runner, "check", str(path), "--rules", str(EXPECTATIONS))
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{path}:1:38: FC104 [error] ")
    assert result.stdout.splitlines()[-1] == "Found 1 error in 1 document (2 figures)."


@pytest.mark.parametrize(
    ("flags", "code"),
    [((), 1), (("--fail-level", "none"), 0), (("--exit-zero",), 0), (("--fail-level", "warning"), 1)],
)
def test_fail_level(runner: CliRunner, flags: tuple[str, ...], code: int) -> None:
    result = run(runner, "check", str(SAFENET_2017), "--rules", str(EXPECTATIONS), *flags)
    assert result.exit_code == code


def test_warnings_only_pass_at_error_level(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_text("Officers visited homes in the area and spoke to the\n")
    assert run(runner, "check", str(path)).exit_code == 0
    assert run(runner, "check", str(path), "--fail-level", "warning").exit_code == 1


def test_json_report_shape(runner: CliRunner) -> None:
    result = run(runner, "check", str(SAFENET_2017), str(SAFENET_2021),
                 "--rules", str(EXPECTATIONS), "--format", "json")
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert [d["path"] for d in report["documents"]] == [str(SAFENET_2017), str(SAFENET_2021)]
    assert [d["published"] for d in report["documents"]] == ["2017-02-01", "2021-03-26"]
    figure = report["documents"][0]["figures"][0]
    assert {"id", "line", "column", "text", "kind", "value", "low", "high", "noun", "metric",
            "entity", "scope", "relation", "about"} <= set(figure)
    finding = report["findings"][0]
    assert {"rule", "code", "severity", "path", "line", "column", "message", "hint",
            "related"} <= set(finding)
    summary = report["summary"]
    assert summary["findings"] == len(report["findings"])
    assert summary["errors"] + summary["warnings"] + summary["info"] == summary["findings"]


def test_output_file_is_written_whole(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = run(runner, "check", str(SAFENET_2021), "--format", "json", "-o", str(target))
    assert result.exit_code == 0
    assert json.loads(target.read_text())["version"] == 1
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_output_into_missing_directory_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "check", str(SAFENET_2021), "-o", str(tmp_path / "nope" / "r.txt"))
    assert result.exit_code == 2
    assert "no directory" in result.stderr


def _error(runner: CliRunner, *args: str) -> str:
    result = run(runner, *args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("figcheck: error: ")
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n \n", "whitespace"),
        ("binary.txt", b"PK\x03\x04\x00\x00binary", "binary"),
        ("latin.txt", b"Officers arrested\ncaf\xe9 owners", "UTF-8"),
        ("notes.pdf", b"%PDF-1.4", "unsupported"),
    ],
)
def test_bad_documents_get_one_line_errors(runner: CliRunner, tmp_path: Path, name: str,
                                           content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    line = _error(runner, "check", str(path))
    assert str(path) in line and expected in line


def test_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    line = _error(runner, "check", str(tmp_path / "absent.txt"))
    assert "absent.txt" in line


def test_huge_document_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Officers arrested 12 people. " * 400_000)
    line = _error(runner, "check", str(path))
    assert "huge.txt" in line


@pytest.mark.parametrize(
    ("rule_file", "line_number", "expected"),
    [
        ("metrics: [\n", 2, ""),
        ("metrics:\n  arrests:\n    name: arrests\n    nouns: [arrest]\n    verbz: [arrest]\n", 5,
         "verbz"),
        ("entities:\n  region:\n    name: Region\n    parts: [nowhere]\n", 4, "nowhere"),
        ("rules:\n  - id: r\n    sum: {whole: region}\n    tolerance: zero\n", 4, "tolerance"),
    ],
)
def test_broken_rule_files_name_file_and_line(runner: CliRunner, tmp_path: Path, rule_file: str,
                                             line_number: int, expected: str) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(rule_file)
    line = _error(runner, "check", str(SAFENET_2021), "--rules", str(rules))
    assert f"{rules}:{line_number}:" in line
    assert expected in line


def test_walks_directories(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text(CLEAN)
    (tmp_path / "two.html").write_text(f"<html><body><p>{CLEAN}</p></body></html>")
    (tmp_path / "ignored.csv").write_text("1,2,3")
    result = run(runner, "check", str(tmp_path), "--format", "json")
    paths = [d["path"] for d in json.loads(result.stdout)["documents"]]
    assert [Path(p).name for p in paths] == ["one.md", "two.html"]


def test_jobs_give_the_same_report(runner: CliRunner, tmp_path: Path) -> None:
    for name, text in (("a.txt", BROKEN), ("b.md", CLEAN), ("c.txt", BROKEN)):
        (tmp_path / name).write_text(text)
    reports = [
        json.loads(run(runner, "check", str(tmp_path), "--format", "json", "-j", jobs).stdout)
        for jobs in ("1", "2")
    ]
    assert reports[0]["findings"] == reports[1]["findings"]
    assert reports[0]["documents"] == reports[1]["documents"]
    assert len(reports[0]["findings"]) == 2


def test_store_carries_releases_between_runs(runner: CliRunner, tmp_path: Path) -> None:
    first = tmp_path / "2021.md"
    first.write_text("---\ndate: 2021-04-21\n---\n\nSince the launch of Operation Lantern, "
                     "Staffordshire Police officers have arrested 401 people.\n")
    second = tmp_path / "2023.md"
    second.write_text("---\ndate: 2023-05-16\n---\n\nSince the launch of Operation Lantern, "
                      "Staffordshire Police officers have arrested 389 people.\n")
    store = str(tmp_path / "figures.db")
    rules = ["--rules", str(EXPECTATIONS), "--store", store, "--format", "json"]
    assert run(runner, "check", str(first), *rules).exit_code == 0
    result = run(runner, "check", str(second), *rules)
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["line"]) for f in findings] == [("trend", 5)]
    assert findings[0]["related"][0]["path"].endswith("2021.md")
    assert findings[0]["related"][0]["line"] == 5
    # Checking the second release again changes nothing in the store or the report.
    again = json.loads(run(runner, "check", str(second), *rules).stdout)["findings"]
    assert again == findings


def test_a_fall_is_found_past_a_same_day_release_and_the_own_release(
    runner: CliRunner, tmp_path: Path
) -> None:
    def release(name: str, day: str, arrested: int) -> Path:
        path = tmp_path / name
        path.write_text(f"---\ndate: {day}\n---\n\nSince the launch of Operation Lantern, "
                        f"Staffordshire Police officers have arrested {arrested} people.\n")
        return path

    release("a.md", "2021-01-10", 500)
    release("b.md", "2021-01-10", 300)  # same day as a: neither compares with the other
    release("c.md", "2022-01-10", 450)  # below a's 500
    report = json.loads(run(runner, "check", str(tmp_path), "--rules", str(EXPECTATIONS),
                            "--format", "json").stdout)
    falls = [(Path(f["path"]).name, f["related"][0]["text"]) for f in report["findings"]
             if f["rule"] == "trend"]
    assert falls == [("c.md", "500")]
