"""The PostgreSQL tests skip without a server, but fail under CI rather than skip."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run_postgres_tests(**environment: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("CI", "FIGCHECK_TEST_POSTGRES_URL")}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/store/test_postgres.py", "-k", "infinity_stored_by_postgres or round_trip"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("environment", "code", "summary"), [
    ({}, 0, "skipped"),
    ({"CI": "true"}, 1, "error"),
])
def test_without_a_server_url(environment: dict[str, str], code: int, summary: str) -> None:
    result = run_postgres_tests(**environment)
    assert result.returncode == code, result.stdout + result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert summary in last and "passed" not in last
    if environment:
        assert "CI is set but FIGCHECK_TEST_POSTGRES_URL is not" in result.stdout
