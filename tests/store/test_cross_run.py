"""Two runs a month apart: the second is checked against what the first stored.

The wiring here is what ``figcheck check --store`` does: read and extract the
run's documents, load every other stored release, validate them together,
keep the findings of the run's own documents, then save the run's figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from checks.model import Finding
from checks.pipeline import extract_all, load_rule_paths, read_paths
from checks.store import FigureStore, hash_file, normalise_path, open_store
from checks.validate import validate
from tests.conftest import EXPECTATIONS, ROOT

FIXTURES = ROOT / "tests" / "fixtures"
KEYSTONE_2021 = FIXTURES / "trend/falls/staffordshire_update_2021.md"
KEYSTONE_2022 = FIXTURES / "trend/falls/staffordshire_update_2022.txt"
FORCE_DAY = FIXTURES / "conflict/across/staffordshire_day_of_action_2022.md"
REGION_DAY = FIXTURES / "conflict/across/region_day_of_action_2022.html"


def check(paths: Sequence[Path], store: FigureStore | None) -> list[Finding]:
    """Return the findings of the run's documents, checked against the stored releases."""
    rules = load_rule_paths([EXPECTATIONS])
    documents = read_paths(paths)
    figures = extract_all(documents, rules)
    earlier = store.load(exclude_paths=[d.path for d in documents]) if store else []
    findings, _ = validate([*documents, *(e.as_document() for e in earlier)],
                           [*figures, *(f for e in earlier for f in e.figures)], rules)
    if store:
        for document in documents:
            store.save(document.path, hash_file(document.path), document.published,
                       [f for f in figures if f.path == document.path])
    current = {d.path for d in documents}
    return [f for f in findings if f.path in current]


def across(findings: list[Finding]) -> list[tuple[str, str, int, str, str, int, str]]:
    return sorted((Path(f.path).name, f.rule.value, f.line, Path(r.path).name, r.text, r.line, r.role)
                  for f in findings if f.rule.value in ("trend", "conflict")
                  for r in f.related if r.path != f.path)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    store_path = tmp_path_factory.mktemp("store") / "figures.db"
    with open_store(store_path) as store:
        first = check([KEYSTONE_2021, FORCE_DAY], store)
        second = check([KEYSTONE_2022, REGION_DAY], store)
        tables_after_second = [(d.path, d.content_hash, d.read_at) for d in store.load()]
        again = check([KEYSTONE_2022, REGION_DAY], store)
        tables_after_again = [(d.path, d.content_hash, d.read_at) for d in store.load()]
        history = [(f.path, f.value) for f in store.history("staffordshire", "warrants")]
    return {"first": first, "second": second, "again": again, "store": store_path,
            "unchanged": tables_after_second == tables_after_again, "history": history}


def test_the_first_run_has_nothing_to_compare_with(runs: dict[str, object]) -> None:
    assert across(runs["first"]) == []  # type: ignore[arg-type]


def test_the_second_run_reports_the_fall_and_the_conflict_at_the_first_release(
        runs: dict[str, object]) -> None:
    assert across(runs["second"]) == [  # type: ignore[arg-type]
        ("region_day_of_action_2022.html", "conflict", 11,
         "staffordshire_day_of_action_2022.md", "Nine", 8, "earlier"),
        ("staffordshire_update_2022.txt", "trend", 6,
         "staffordshire_update_2021.md", "410", 8, "earlier"),
    ]
    (trend,) = [f for f in runs["second"] if f.rule.value == "trend"]  # type: ignore[attr-defined]
    assert trend.code == "FC106"
    assert f"{normalise_path(KEYSTONE_2021)} line 8" in trend.message
    assert trend.related[0].path == normalise_path(KEYSTONE_2021)


def test_without_the_store_the_second_run_sees_no_earlier_release() -> None:
    assert across(check([KEYSTONE_2022, REGION_DAY], None)) == []


def test_running_the_second_release_again_reports_the_same_and_stores_nothing_new(
        runs: dict[str, object]) -> None:
    assert across(runs["again"]) == across(runs["second"])  # type: ignore[arg-type]
    assert runs["unchanged"] is True


def test_the_history_follows_the_releases(runs: dict[str, object]) -> None:
    assert runs["history"] == [(normalise_path(KEYSTONE_2021), 410),
                               (normalise_path(KEYSTONE_2022), 395)]
