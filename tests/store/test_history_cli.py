"""``figcheck history``: the command on a real store, its formats and its errors."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from checks.cli.history import command
from checks.store import open_store
from checks.store.schema import SCHEMA_VERSION
from tests.store import SINCE_LAUNCH, figure


def total(path: str, value: float, line: int, **fields: object) -> object:
    return figure(path, line - 2, text=f"{value:g}", value=value, low=value, high=value,
                  **fields)


@pytest.fixture
def store_path(tmp_path: Path) -> str:
    path = tmp_path / "figures.db"
    with open_store(path) as store:
        store.save("releases/2021.html", "h1", date(2021, 4, 20),
                   [total("releases/2021.html", 410, 8)])
        store.save("releases/2023.txt", "h3", date(2023, 4, 20),
                   [total("releases/2023.txt", 395, 6),
                    total("releases/2023.txt", 361, 7, metric="arrests")])
        store.save("releases/2022.md", "h2", date(2022, 4, 20),
                   [total("releases/2022.md", 512, 12,
                          scope=replace(SINCE_LAUNCH, end=date(2022, 4, 20)))])
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_text_timeline(store_path: str) -> None:
    code, out, err = run("staffordshire", "warrants", "--store", store_path)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "staffordshire warrants since launch: 3 figures in 3 releases, 1 fall  .^_",
        "date        value  bounds  where",
        "2021-04-20    410  410     releases/2021.html:8",
        "2022-04-20    512  512     releases/2022.md:12",
        "2023-04-20    395  395     releases/2023.txt:6   v fell below 512",
    ]


def test_csv_and_json(store_path: str, tmp_path: Path) -> None:
    code, out, _ = run("staffordshire", "warrants", "--store", store_path, "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "date,value,low,high,path,line,column,text,label,fell,was"
    assert out.splitlines()[3].startswith("2023-04-20,395,395,395,releases/2023.txt,6,")
    target = tmp_path / "history.json"
    code, out, _ = run("staffordshire", "warrants", "--store", store_path, "--format", "json",
                       "-o", str(target))
    assert (code, out) == (0, "")
    document = json.loads(target.read_text())
    assert [(p["date"], p["value"], p["fell"]) for p in document["points"]] == [
        ("2021-04-20", 410, False), ("2022-04-20", 512, False), ("2023-04-20", 395, True)]


@pytest.mark.parametrize(("args", "message"), [
    (["staffordshire", "seizures"],
     "releases: no since-launch 'seizures' figures for 'staffordshire'; stored: "
     "staffordshire arrests, staffordshire warrants"),
    (["nowhere", "warrants", "--store", "{tmp}/absent.db"],
     "{tmp}/absent.db: no figure store here: run `figcheck check --store` first"),
    (["nowhere", "warrants", "--store", "{tmp}/no-dir/figures.db"],
     "{tmp}/no-dir/figures.db: no directory {tmp}/no-dir for the figure store"),
])
def test_errors_are_one_line_and_exit_2(store_path: str, tmp_path: Path, args: list[str],
                                        message: str) -> None:
    if "--store" not in args:
        args = [*args, "--store", store_path]
    tmp = str(tmp_path)
    code, out, err = run(*[arg.format(tmp=tmp) for arg in args])
    assert (code, out) == (2, "")
    assert err.endswith(message.format(tmp=tmp).removeprefix("releases") + "\n")
    assert err.startswith("figcheck: error: ") and err.count("\n") == 1
    assert not (tmp_path / "absent.db").exists()


def test_a_store_from_a_newer_figcheck_exits_2(store_path: str) -> None:
    import sqlite3

    with sqlite3.connect(store_path) as connection:
        connection.execute("UPDATE figcheck_schema SET version = ?", (SCHEMA_VERSION + 1,))
    code, _, err = run("staffordshire", "warrants", "--store", store_path)
    assert code == 2
    assert "newer than this figcheck" in err and err.count("\n") == 1


def test_an_empty_store_says_so(tmp_path: Path) -> None:
    path = tmp_path / "figures.db"
    open_store(path).close()
    code, _, err = run("staffordshire", "warrants", "--store", str(path))
    assert code == 2
    assert err.endswith("the store holds no since-launch figures\n")


def test_the_store_is_required_and_help_ends_with_an_example() -> None:
    code, _, err = run("staffordshire", "warrants")
    assert code == 2 and "Missing option '--store'" in err
    code, out, _ = run("--help")
    assert code == 0
    assert "  figcheck history staffordshire warrants --store figures.db\n" in out
    assert (command.help or "").rstrip().endswith("--format csv -o arrests.csv")
    assert "\b" in (command.help or "")
