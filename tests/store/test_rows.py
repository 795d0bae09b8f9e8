"""Figures to table rows and back, path keys and id prefixes (no database)."""

from __future__ import annotations

import hashlib
import math
from dataclasses import replace
from pathlib import Path

import pytest

from checks.model import Figure
from checks.store.rows import (
    figure_from_row,
    figure_row,
    hash_file,
    id_prefix,
    normalise_path,
    rows_digest,
    strip_prefix,
)
from tests.store import figure, sample

PREFIX = id_prefix("releases/a.txt")


@pytest.mark.parametrize("original", sample(), ids=lambda f: f.text)
def test_a_row_rebuilds_the_figure_with_prefixed_ids(original: Figure) -> None:
    rebuilt = figure_from_row(figure_row(original, 3, PREFIX), original.path, PREFIX)
    expected = replace(original, id=PREFIX + original.id,
                       about=original.about and PREFIX + original.about)
    assert rebuilt == expected


@pytest.mark.parametrize(("low", "high", "stored"), [
    (410.0, 410.0, (410.0, 410.0)),
    (4500.0, math.inf, (4500.0, None)),
    (-math.inf, 10.0, (None, 10.0)),
    (-math.inf, math.inf, (None, None)),
    (math.inf, math.inf, (math.inf, None)),  # not a NULL low: NULL low means -inf
])
def test_open_ends_are_null(low: float, high: float, stored: tuple[float | None, ...]) -> None:
    row = figure_row(figure(low=low, high=high), 0, PREFIX)
    assert (row["low"], row["high"]) == stored
    rebuilt = figure_from_row(row, "releases/a.txt", PREFIX)
    assert (rebuilt.low, rebuilt.high) == (low, high)


def test_a_stored_infinity_reads_back_as_itself() -> None:
    row = {**figure_row(figure(), 0, PREFIX), "low": -math.inf, "high": math.inf}
    rebuilt = figure_from_row(row, "releases/a.txt", PREFIX)
    assert (rebuilt.low, rebuilt.high) == (-math.inf, math.inf)


def test_nan_is_stored_as_null_and_read_as_nan() -> None:
    row = figure_row(figure(value=math.nan), 0, PREFIX)
    assert row["value"] is None
    assert math.isnan(figure_from_row(row, "releases/a.txt", PREFIX).value)


def test_dates_come_back_as_dates_whatever_the_driver_returns() -> None:
    row = {**figure_row(figure(), 0, PREFIX), "scope_end": "2021-04-20"}
    assert figure_from_row(row, "p", PREFIX).scope.end == figure().scope.end


def test_a_loaded_figure_saved_again_keeps_its_plain_id() -> None:
    loaded = replace(figure(about="d1f9"), id=PREFIX + "d1f1", about=PREFIX + "d1f9")
    row = figure_row(loaded, 0, PREFIX)
    assert (row["figure_id"], row["about"]) == ("d1f1", "d1f9")
    assert strip_prefix("d1f1", PREFIX) == "d1f1"
    assert strip_prefix(None, PREFIX) is None


@pytest.mark.parametrize(("given", "key"), [
    ("releases/a.md", "releases/a.md"),
    ("./releases/a.md", "releases/a.md"),
    ("releases\\a.md", "releases/a.md"),
    ("releases//sub/../a.md", "releases/a.md"),
    ("/abs/releases/a.md", "/abs/releases/a.md"),
    (Path("releases") / "a.md", "releases/a.md"),
])
def test_paths_are_keyed_in_one_spelling(given: str | Path, key: str) -> None:
    assert normalise_path(given) == key


def test_prefixes_differ_by_path_and_never_look_like_run_ids() -> None:
    first, second = id_prefix("releases/a.md"), id_prefix("releases/b.md")
    assert first != second
    assert first.startswith("s") and first.endswith(":") and len(first) == 10
    assert id_prefix("releases/a.md") == first


def test_hash_file_is_the_sha256_of_the_raw_bytes(tmp_path: Path) -> None:
    data = b"Since launch: 593 investigations\r\n" + bytes(range(256)) * 5000
    path = tmp_path / "release.txt"
    path.write_bytes(data)
    assert hash_file(path) == hashlib.sha256(data).hexdigest()


def test_the_digest_changes_with_any_field() -> None:
    rows = [figure_row(f, seq, PREFIX) for seq, f in enumerate(sample())]
    base = rows_digest(rows)
    assert rows_digest([dict(row) for row in rows]) == base
    for field in ("line", "text", "low", "scope_end", "about", "context"):
        changed = [dict(row) for row in rows]
        changed[1][field] = "x" if changed[1][field] is None else None
        assert rows_digest(changed) != base, field
    assert rows_digest(rows[::-1]) != base
