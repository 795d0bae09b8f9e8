"""The package follows the data flow: no stage imports a later one.

documents -> figures -> checks -> findings -> reports; the rule files sit
before extraction because they supply its vocabulary.  Only the CLI talks to
click, and nothing outside ``checks.validate`` imports Great Expectations.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "checks"
LAYERS = [
    ("checks.model", "checks.errors", "checks.dates", "checks.fingerprint", "checks.catalog",
     "checks.config"),
    ("checks.documents",),
    ("checks.rules",),
    ("checks.extract",),
    ("checks.store",),  # figures kept between runs, read back for the cross-release checks
    ("checks.validate",),
    ("checks.suppress", "checks.baseline"),  # findings, filtered
    ("checks.reports", "checks.pipeline"),
    ("checks.cli",),
]


def layer_of(module: str) -> int:
    for index, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return index
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name != "checks":
            found.append((name, path))
    return found


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize(("module", "path"), modules(), ids=lambda v: str(v))
def test_no_stage_imports_a_later_one(module: str, path: Path) -> None:
    own = layer_of(module)
    for imported in imports(path):
        if imported.startswith("checks.") and imported != "checks":
            assert layer_of(imported) <= own, f"{module} imports later stage {imported}"


@pytest.mark.parametrize(("module", "path"), modules(), ids=lambda v: str(v))
def test_only_the_cli_uses_click_and_only_validate_uses_gx(module: str, path: Path) -> None:
    found = imports(path)
    if not module.startswith("checks.cli"):
        assert not any(name.split(".")[0] == "click" for name in found), module
    if not module.startswith("checks.validate"):
        assert not any(name.split(".")[0] == "great_expectations" for name in found), module
