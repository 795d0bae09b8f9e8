"""``figcheck extract``, ``figcheck suite`` and the command group itself."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checks.cli import cli
from tests.conftest import EXPECTATIONS, SAFENET_2017


def test_extract_csv_has_a_row_per_figure(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", str(SAFENET_2017), "--rules", str(EXPECTATIONS)],
                           catch_exceptions=False)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_text = {(r["line"], r["text"]): r for r in rows}
    investigations = by_text[("39", "593")]
    assert (investigations["noun"], investigations["metric"], investigations["entity"],
            investigations["scope"]) == ("investigations", "investigations", "region",
                                         "since launch of Operation Safenet")
    age = by_text[("23", "62-yearold")]
    assert age["kind"] == "age"  # recognised, not taken for a count


def test_extract_json_lists_unattributed_figures_too(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Outside the project there is no ./expectations to fall back on.
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["extract", str(SAFENET_2017), "--format", "json"],
                           catch_exceptions=False)
    records = json.loads(result.stdout)
    assert any(r["text"] == "2015" and r["kind"] == "year" for r in records)
    assert all(r["metric"] is None for r in records)  # no rule file: no metrics


def test_suite_is_great_expectations_json(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["suite", "--rules", str(EXPECTATIONS)], catch_exceptions=False)
    suite = json.loads(result.stdout)
    checks = {e["meta"]["check_id"] for e in suite["expectations"]}
    assert {"west-midlands.region-adds-up", "policing.charged-within-arrested",
            "figcheck.weekday-matches-date"} <= checks
    assert {e["type"] for e in suite["expectations"]} == {
        "expect_column_pair_values_a_to_be_greater_than_b"}


def test_every_command_has_help_with_an_example() -> None:
    for name, command in cli.commands.items():
        assert command.help, name
        assert "\b" in command.help, f"{name} --help has no example"


def test_help_does_not_import_great_expectations() -> None:
    code = ("import sys; from checks.cli import main; main(['--help']) ;"
            "print('great_expectations' in sys.modules, 'pandas' in sys.modules)")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    assert output.strip().splitlines()[-1] == "False False"
