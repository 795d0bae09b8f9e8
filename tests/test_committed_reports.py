"""The reports committed in reports/ are what ``make check`` writes today."""

from __future__ import annotations

import pytest

from checks.pipeline import check_paths
from checks.reports import render
from tests.conftest import EXPECTATIONS, ROOT


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    # Paths as make check passes them, relative to the project: reports show them.
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return check_paths(["seeds"], [EXPECTATIONS.relative_to(ROOT)])
    finally:
        os.chdir(here)


@pytest.mark.parametrize(("name", "format_"), [("seeds.html", "html"), ("seeds.md", "markdown"),
                                               ("seeds.json", "json")])
def test_committed_report_is_current(result, name: str, format_: str) -> None:  # type: ignore[no-untyped-def]
    committed = (ROOT / "reports" / name).read_text(encoding="utf-8")
    assert committed == render(result, format_), f"reports/{name} is stale: run `make check`"
