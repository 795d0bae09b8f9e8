"""Bad paths, bad files, clashes between files and hostile input: clear errors, fast."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from checks.errors import RuleFileError
from checks.rules import load_rules, yamlread

BINARY = "rule file looks binary (it contains a NUL byte)"
ONLY_COMMENTS = "rule file holds only comments; it declares nothing"
TOO_DEEP = "YAML is nested more than 32 levels deep"
TWO_DOCUMENTS = "invalid YAML: a rule file must hold one YAML document; remove the second '---'"
KEYSTONE = Path(__file__).parent / "fixtures" / "keystone"


def load_failure(*paths: Path | str) -> RuleFileError:
    with pytest.raises(RuleFileError) as caught:
        load_rules(list(paths))
    assert "\n" not in str(caught.value)
    return caught.value


# --------------------------------------------------------------------------- paths


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    error = load_failure(missing)
    assert (error.path, error.line) == (str(missing), None)
    assert error.message == "rule file or directory not found"


def test_directory_without_rule_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("entities: {}\n")
    (tmp_path / ".hidden.yaml").write_text("entities: {}\n")
    (tmp_path / "sub").mkdir()
    error = load_failure(tmp_path)
    assert (error.path, error.line) == (str(tmp_path), None)
    assert error.message == "directory holds no rule files (*.yaml, *.yml)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "rules.yaml"
    os.mkfifo(pipe)
    error = load_failure(pipe)
    assert error.message == "not a regular file or directory"
    # Inside a directory it is skipped rather than opened.
    (tmp_path / "real.yaml").write_text("entities:\n  a: {name: A}\n")
    assert load_rules([tmp_path]).files == (str(tmp_path / "real.yaml"),)


# --------------------------------------------------------------------------- file contents


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("", 1, "rule file is empty"),
        ("  \n\n\t\n", 1, "rule file is empty"),
        ("# nothing yet\n\n# still nothing\n", 1, ONLY_COMMENTS),
        (b"name: x\nentities:\n  a: {name: \x00}\n", 3, BINARY),
        (b"\xff\xfe\x00n\x00a\x00m\x00e\x00", 1, BINARY),
        (b"name: x\ndescription: caf\xe9\n", 2, "rule file is not UTF-8 text (byte 0xe9)"),
    ],
    ids=["empty", "whitespace", "comments-only", "nul-byte", "utf-16", "latin-1"],
)
def test_unusable_file(
    load_error: Callable[..., RuleFileError], content: str | bytes, line: int, message: str
) -> None:
    error = load_error(content)
    assert error.line == line
    assert error.message == message


# --------------------------------------------------------------------------- clashes between files


def test_entity_declared_in_two_files(write_rules: Callable[..., Path]) -> None:
    first = write_rules("entities:\n  north: {name: North}\n", "a.yaml")
    second = write_rules(
        "name: b\nentities:\n  south: {name: South}\n  north: {name: N}\n", "b.yaml"
    )
    error = load_failure(first.parent)
    assert (error.path, error.line) == (str(second), 4)
    assert error.message == f"entity 'north' is already declared in {first} line 2"


def test_metric_declared_in_two_files(write_rules: Callable[..., Path]) -> None:
    first = write_rules("metrics:\n  m: {name: M}\n", "a.yaml")
    second = write_rules("\n\nmetrics:\n  m: {name: M}\n", "b.yml")
    error = load_failure(first, second)
    assert (error.path, error.line) == (str(second), 4)
    assert error.message == f"metric 'm' is already declared in {first} line 2"


def test_rule_id_used_in_two_files(write_rules: Callable[..., Path]) -> None:
    first = write_rules(
        "entities:\n  w: {name: W, parts: [p]}\n  p: {name: P}\nmetrics:\n  m: {name: M}\n"
        "rules:\n  - id: r\n    sum: w\n",
        "a.yaml",
    )
    second = write_rules("rules:\n  - id: q\n    sum: w\n  - id: r\n    sum: w\n", "b.yaml")
    error = load_failure(first, second)
    assert (error.path, error.line) == (str(second), 4)
    assert error.message == f"rule id 'r' is already used ({first} line 7)"


def test_an_entity_and_a_metric_may_share_an_id(write_rules: Callable[..., Path]) -> None:
    path = write_rules(
        "entities:\n  arrests: {name: A}\nmetrics:\n  arrests: {name: people arrested}\n"
    )
    rules = load_rules([path])
    assert list(rules.entities) == list(rules.metrics) == ["arrests"]


def test_the_first_bad_file_in_sorted_order_is_reported(write_rules: Callable[..., Path]) -> None:
    write_rules("entities: [a]\n", "b.yaml")
    bad = write_rules("name: a\nentities: {a: x}\n", "a.yaml")
    error = load_failure(bad.parent)
    assert (error.path, error.line) == (str(bad), 2)


# --------------------------------------------------------------------------- hostile input


# Speed is measured by benchmark, not asserted here: these tests check that hostile
# input is refused with the right message (a hang would show as a stuck run).


def test_ten_megabyte_file_is_refused(write_rules: Callable[..., Path]) -> None:
    path = write_rules(b"name: big\ndescription: " + b"x" * 10_000_000 + b"\n")
    error = load_failure(path)
    assert (error.line, error.message) == (None, "rule file is larger than 1024 KB")


def test_billion_laughs_is_refused(write_rules: Callable[..., Path]) -> None:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        name, below = chr(ord("a") + level), chr(ord("a") + level - 1)
        rows.append(f"{name}: &{name} [" + ",".join([f"*{below}"] * 9) + "]")
    path = write_rules("\n".join(rows) + "\n")
    error = load_failure(path)
    assert error.line == 1
    assert error.message == "YAML anchors (&a) are not supported; write the value out in full"


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("a: " + "[" * 400_000, 1, TOO_DEEP),
        ("a: " + "{b: " * 200_000, 1, TOO_DEEP),
        ("a:\n" + "".join(" " * depth + f"k{depth}:\n" for depth in range(1, 200)), 33, TOO_DEEP),
        (
            "entities:\n  a:\n    name: A\n    aliases: [" + "x, " * 300_000 + "]\n",
            4,
            "rule file has more than 50000 YAML values",
        ),
    ],
    ids=["deep-flow-lists", "deep-flow-mappings", "deep-blocks", "too-many-values"],
)
def test_oversized_structure_is_refused(
    write_rules: Callable[..., Path], content: str, line: int, message: str
) -> None:
    error = load_failure(write_rules(content))
    assert (error.line, error.message) == (line, message)


def test_large_valid_file_loads(write_rules: Callable[..., Path]) -> None:
    blocks = [
        f"  force-{n}:\n    name: Force number {n} of a long list of police forces\n"
        f"    aliases: [Force {n}, the force numbered {n}]\n"
        f"    places: [Town {n}a, Town {n}b, Town {n}c]\n"
        for n in range(3000)
    ]
    parts = ", ".join(f"force-{n}" for n in range(3000))
    whole = f"  all-forces:\n    name: All forces\n    parts: [{parts}]\n"
    rules = "metrics:\n  m: {name: M}\nrules:\n  - id: r\n    sum: all-forces\n"
    text = "entities:\n" + "".join(blocks) + whole + rules
    path = write_rules(text)
    assert path.stat().st_size > 400_000
    rules = load_rules([path])
    assert len(rules.sums[0].parts) == 3000
    assert rules.parent_of("force-2999") == "all-forces"


def test_long_chain_of_parts_does_not_recurse(write_rules: Callable[..., Path]) -> None:
    # Far deeper than Python's recursion limit; the cycle closes at the last entity.
    chain = "".join(f"  e{n}: {{name: E, parts: [e{n + 1}]}}\n" for n in range(5000))
    path = write_rules("entities:\n" + chain + "  e5000: {name: E, parts: [e0]}  # closes it\n")
    error = load_failure(path)
    assert error.line == 5002
    assert error.message == (
        "entity 'e5000': parts form a cycle: "
        "e0 -> e1 -> e2 -> e3 -> ... -> e4998 -> e4999 -> e5000 -> e0"
    )


# --------------------------------------------------------------------------- without libyaml


@pytest.fixture
def pure_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compose with PyYAML's pure-Python parser, as where libyaml is not installed."""
    monkeypatch.setattr(yamlread, "LOADER", yamlread.PurePythonLoader)


def test_pure_python_parser_gives_the_same_rule_set(monkeypatch: pytest.MonkeyPatch) -> None:
    with_default = load_rules([KEYSTONE])
    monkeypatch.setattr(yamlread, "LOADER", yamlread.PurePythonLoader)
    assert load_rules([KEYSTONE]) == with_default


@pytest.mark.usefixtures("pure_python")
@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("a: &x 1\nb: *x\n", 1, "YAML anchors (&x) are not supported; write the value out in full"),
        ("a: 1\nb: *x\n", 2, "YAML aliases (*x) are not supported; write the value out in full"),
        ("a: " + "[" * 400_000, 1, TOO_DEEP),
        ("name: a\n---\nname: b\n", 2, TWO_DOCUMENTS),
        ("name: !!binary aGk=\n", 1, "YAML tag '!!binary' is not supported"),
    ],
    ids=["anchor", "alias", "deep", "two-documents", "binary-tag"],
)
def test_pure_python_parser_keeps_the_guards(
    write_rules: Callable[..., Path], content: str, line: int, message: str
) -> None:
    error = load_failure(write_rules(content))
    assert (error.line, error.message) == (line, message)
