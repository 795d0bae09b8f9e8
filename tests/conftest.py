"""Shared fixtures: paths of the project's seeds and rule files, and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPECTATIONS = ROOT / "expectations"
SAFENET_2017 = SEEDS / "2017-02-01-operation-safenet.txt"
SAFENET_2021 = SEEDS / "2021-03-26-six-men-arrested.md"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
