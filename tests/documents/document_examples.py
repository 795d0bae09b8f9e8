"""Where the example releases live, for the document tests (a uniquely named
helper module: test folders have no __init__.py, so a plain "conftest" import
could pick up another folder's)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# CI clones the repository with shared/ beside it; developers have it at /work.
SHARED_CANDIDATES = (REPO.parent / "shared", Path("/work/shared"))
SHARED = next(
    (candidate for candidate in SHARED_CANDIDATES if (candidate / "corpus").is_dir()), None
)
CORPUS = SHARED / "corpus" / "docs" if SHARED else None
SEEDS = REPO / "seeds"


def corpus_file(name: str) -> Path:
    """Return a corpus document, skipping the test when the corpus is absent."""
    if CORPUS is None:
        pytest.skip("shared/corpus is not beside the repository")
    return CORPUS / name


def seed_file(name: str) -> Path:
    """Return a seed release from the repository's seeds/ folder."""
    return SEEDS / name


def all_example_files() -> list[Path]:
    """Return every corpus document and seed release that exists here."""
    files = sorted(SEEDS.glob("*.*"))
    if CORPUS is not None:
        files += sorted(CORPUS.iterdir())
    return files
