"""Where the example releases live, for the document tests (a uniquely named
helper module: this test folder has no __init__.py, so a plain "conftest"
import could pick up another folder's)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# CI clones the repository with shared/ beside it; developers have it at /work.
CORPUS_CANDIDATES = (REPO.parent / "shared" / "corpus" / "docs", Path("/work/shared/corpus/docs"))
# More releases the project keeps with its tests; they only feed the offset checks.
MORE_DOCS = REPO / "tests" / "corpus" / "docs"
CORPUS = next((candidate for candidate in CORPUS_CANDIDATES if candidate.is_dir()), None)
SEEDS = REPO / "seeds"


def corpus_file(name: str) -> Path:
    """Return a corpus document, skipping the test when the corpus is absent."""
    if CORPUS is None:
        pytest.skip("the example corpus is not available")
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


def more_example_files() -> list[Path]:
    """Return the releases kept under tests/corpus, when there are any."""
    return sorted(MORE_DOCS.iterdir()) if MORE_DOCS.is_dir() else []
