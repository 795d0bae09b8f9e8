"""Tests for discover(): which files a list of paths names."""

from __future__ import annotations

from pathlib import Path

import pytest
from document_examples import CORPUS

from checks.documents import discover
from checks.errors import DocumentError


def make(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("A release.\n", encoding="utf-8")


def test_directories_are_walked_recursively_for_documents_sorted(tmp_path: Path) -> None:
    make(
        tmp_path,
        "b.md",
        "a.txt",
        "sub/c.html",
        "sub/d.htm",
        "sub/deeper/e.markdown",
        "notes.csv",
        "image.png",
    )
    found = discover([tmp_path])
    assert [path.relative_to(tmp_path).as_posix() for path in found] == [
        "a.txt",
        "b.md",
        "sub/c.html",
        "sub/d.htm",
        "sub/deeper/e.markdown",
    ]


def test_hidden_and_tool_directories_are_skipped(tmp_path: Path) -> None:
    make(
        tmp_path,
        "keep.md",
        ".git/x.md",
        ".hidden/y.txt",
        ".venv/lib/readme.md",
        "node_modules/pkg/README.md",
        "__pycache__/z.txt",
        ".draft.md",
    )
    assert [path.name for path in discover([tmp_path])] == ["keep.md"]


def test_extensions_are_matched_without_regard_to_case(tmp_path: Path) -> None:
    make(tmp_path, "UPPER.MD", "Page.HTML")
    assert sorted(path.name for path in discover([tmp_path])) == ["Page.HTML", "UPPER.MD"]


def test_files_are_kept_in_the_order_given_and_listed_once(tmp_path: Path) -> None:
    make(tmp_path, "one.txt", "two.md")
    found = discover(
        [tmp_path / "two.md", str(tmp_path / "one.txt"), tmp_path / "two.md", tmp_path]
    )
    assert [path.name for path in found] == ["two.md", "one.txt"]


def test_a_file_given_explicitly_must_have_a_document_extension(tmp_path: Path) -> None:
    make(tmp_path, "figures.csv")
    with pytest.raises(DocumentError, match=r"unsupported file type \.csv") as caught:
        discover([tmp_path / "figures.csv"])
    assert caught.value.path == str(tmp_path / "figures.csv")


def test_a_file_without_an_extension_is_unsupported(tmp_path: Path) -> None:
    make(tmp_path, "README")
    with pytest.raises(DocumentError, match="unsupported file type"):
        discover([tmp_path / "README"])


def test_a_missing_path_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "release.md"
    with pytest.raises(DocumentError) as caught:
        discover([missing])
    assert caught.value.path == str(missing)
    assert str(missing) in str(caught.value)
    assert "no such file" in str(caught.value)


def test_a_directory_without_documents_is_an_error(tmp_path: Path) -> None:
    make(tmp_path, "data.csv", ".hidden/x.md")
    with pytest.raises(DocumentError, match="no documents") as caught:
        discover([tmp_path])
    assert caught.value.path == str(tmp_path)


def test_the_corpus_directory_yields_every_release() -> None:
    if CORPUS is None:
        pytest.skip("the example corpus is not available")
    found = discover([CORPUS])
    assert len(found) == 18
    assert found == sorted(found)
