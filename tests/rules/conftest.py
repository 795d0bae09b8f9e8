"""Helpers for the rule-file tests: write YAML to a temporary file and load it."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from checks.errors import RuleFileError
from checks.rules import RuleSet, load_rules


@pytest.fixture
def write_rules(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that writes dedented YAML (or bytes) to a file in tmp_path."""

    def write(content: str | bytes, name: str = "rules.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
        return path

    return write


@pytest.fixture
def load_text(write_rules: Callable[..., Path]) -> Callable[[str], RuleSet]:
    """Return a function that loads a rule set from one YAML text."""

    def load(content: str) -> RuleSet:
        return load_rules([write_rules(content)])

    return load


@pytest.fixture
def load_error(write_rules: Callable[..., Path]) -> Callable[..., RuleFileError]:
    """Return a function that loads content expected to fail and returns the error."""

    def fail(content: str | bytes, name: str = "rules.yaml") -> RuleFileError:
        path = write_rules(content, name)
        with pytest.raises(RuleFileError) as caught:
            load_rules([path])
        error = caught.value
        assert error.path == str(path)
        assert "\n" not in str(error), f"message spans lines: {error}"
        return error

    return fail
