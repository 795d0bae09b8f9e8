"""Turn the paths a user gives into the list of documents to read."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from checks.errors import DocumentError

#: Document format by lower-case file extension.
FORMATS_BY_SUFFIX: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}

# Tool and dependency folders never hold releases, and can be huge.
_SKIPPED_DIRECTORIES = frozenset({".venv", "node_modules", "__pycache__"})


def format_for(path: str | Path) -> str | None:
    """Return "text", "markdown" or "html" for a path's extension, or None."""
    return FORMATS_BY_SUFFIX.get(Path(path).suffix.lower())


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Return the documents named by ``paths``, walking directories recursively.

    Files are kept in the order given; each directory contributes its
    ``.txt``, ``.md``, ``.markdown``, ``.html`` and ``.htm`` files sorted by
    path, skipping hidden, ``.venv``, ``node_modules`` and ``__pycache__``
    folders.  A path listed twice is returned once.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        for path in _documents_under(Path(given)):
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                found.append(path)
    return found


def _documents_under(path: Path) -> list[Path]:
    if path.is_dir():
        documents = _walk(path)
        if not documents:
            suffixes = ", ".join(FORMATS_BY_SUFFIX)
            raise DocumentError(f"no documents ({suffixes}) in this directory", str(path))
        return documents
    if not path.exists():
        raise DocumentError("no such file or directory", str(path))
    if format_for(path) is None:
        suffix = path.suffix or "(no extension)"
        expected = ", ".join(FORMATS_BY_SUFFIX)
        raise DocumentError(
            f"unsupported file type {suffix}: expected one of {expected}", str(path)
        )
    return [path]


def _walk(directory: Path) -> list[Path]:
    documents = []
    for folder, subfolders, files in os.walk(directory):
        # Pruning in place stops os.walk from descending into these folders.
        subfolders[:] = [name for name in subfolders if not _skipped(name)]
        for name in files:
            if not name.startswith(".") and format_for(name) is not None:
                documents.append(Path(folder) / name)
    return sorted(documents, key=lambda document: document.parts)


def _skipped(folder_name: str) -> bool:
    return folder_name.startswith(".") or folder_name in _SKIPPED_DIRECTORIES
