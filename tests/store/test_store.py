"""The figure store's behaviour, on SQLite here and on PostgreSQL in ``test_postgres.py``.

:class:`StoreBehaviour` holds the tests every backend must pass; a subclass
supplies ``store_url`` (what :func:`open_store` is given).  Killing a writer in
the middle of a save runs a real subprocess and sends it SIGKILL.
"""

from __future__ import annotations

import math
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checks.errors import ConfigError
from checks.model import Figure, Kind, Scope, ScopeKind
from checks.store import SCHEMA_VERSION, FigureStore, open_store
from checks.store.rows import id_prefix
from checks.store.schema import TABLES, documents, figures, schema_version
from tests.conftest import ROOT
from tests.store import SINCE_LAUNCH, figure, many, sample

BULK = 50_000

# Saves many figures and stops for good inside the transaction, after the third
# batch of figure rows, so that the test can read the store and then kill it.
KILLED_WRITER = """
import pathlib, sys, time
from sqlalchemy import event
from checks.store import open_store
from tests.store import many

url, marker, count = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3])
store = open_store(url)
batches = 0

@event.listens_for(store.engine, "after_cursor_execute")
def pause(connection, cursor, statement, parameters, context, executemany):
    global batches
    if statement.lstrip().upper().startswith("INSERT INTO FIGURES"):
        batches += 1
        if batches == 3:
            marker.write_text("in the middle of the save")
            time.sleep(600)

store.save("releases/a.txt", "hash-new", None, many("releases/a.txt", count))
"""


def tables(store: FigureStore) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of every store table, in primary-key order."""
    dump = {}
    with store.engine.connect() as connection:
        for table in TABLES:
            order = list(table.primary_key.columns) or list(table.columns)
            dump[table.name] = [tuple(row) for row in
                                connection.execute(sa.select(table).order_by(*order))]
    return dump


def raw_engine(store_url: str) -> sa.Engine:
    """Return an engine on the store's database that bypasses the store."""
    return sa.create_engine(store_url if "://" in store_url else f"sqlite:///{store_url}")


def stored_as(original: Figure, path: str) -> Figure:
    """Return the figure as the store gives it back: its ids prefixed, its path normalised."""
    prefix = id_prefix(path)
    return replace(original, path=path, id=prefix + original.id,
                   about=original.about and prefix + original.about)


def contents(store: FigureStore) -> list[tuple[str, date | None, str, tuple[Figure, ...]]]:
    return [(d.path, d.published, d.content_hash, d.figures) for d in store.load()]


class StoreBehaviour:
    """What every backend must do; subclasses define the ``store_url`` fixture."""

    @pytest.fixture
    def store(self, store_url: str) -> Any:
        with open_store(store_url) as opened:
            yield opened

    # ------------------------------------------------------------ round trip

    def test_saved_figures_come_back_exactly(self, store: FigureStore) -> None:
        figures_a = sample("releases/a.txt")
        assert store.save("./releases/a.txt", "hash-a", date(2021, 4, 20), figures_a) is True
        (loaded,) = store.load()
        assert (loaded.path, loaded.published, loaded.content_hash) == (
            "releases/a.txt", date(2021, 4, 20), "hash-a")
        assert loaded.figures == tuple(stored_as(f, "releases/a.txt") for f in figures_a)
        assert loaded.tool_version == store.tool_version
        assert store.get("releases/a.txt") == loaded
        assert store.get("releases/missing.txt") is None

    def test_open_ends_are_null_in_the_table_and_stored_infinities_read_back(
            self, store: FigureStore) -> None:
        store.save("releases/a.txt", "hash-a", None,
                   [figure(number=1, low=4500.0, high=math.inf),
                    figure(number=2, low=-math.inf, high=10.0)])
        with store.engine.connect() as connection:
            rows = connection.execute(sa.select(figures.c.low, figures.c.high)
                                      .order_by(figures.c.seq)).all()
        assert [tuple(row) for row in rows] == [(4500.0, None), (None, 10.0)]
        with store.engine.begin() as connection:  # as another tool might have written them
            connection.execute(sa.update(figures).values(low=-math.inf, high=math.inf))
        (loaded,) = store.load()
        assert [(f.low, f.high) for f in loaded.figures] == [(-math.inf, math.inf)] * 2

    def test_ids_stay_unique_next_to_a_new_run(self, store: FigureStore) -> None:
        store.save("releases/a.txt", "hash-a", None, sample("releases/a.txt"))
        store.save("releases/b.txt", "hash-b", None, sample("releases/b.txt"))
        loaded = [f for document in store.load() for f in document.figures]
        new_run = {f.id for f in sample("releases/c.txt")}
        ids = [f.id for f in loaded]
        assert len(set(ids)) == len(ids) == 2 * len(new_run)
        assert not set(ids) & new_run
        by_id = {f.id: f for f in loaded}
        for stored in loaded:  # "about" still leads to the figure of the same release
            if stored.about is not None:
                assert by_id[stored.about].path == stored.path

    # ------------------------------------------------------------ saving again

    def test_a_new_save_replaces_the_earlier_rows(self, store: FigureStore) -> None:
        store.save("releases/a.txt", "hash-1", date(2021, 4, 20), sample("releases/a.txt"))
        store.save("releases/b.txt", "hash-b", None, sample("releases/b.txt"))
        newer = [figure("releases/a.txt", 1, text="512", value=512.0, low=512.0, high=512.0)]
        assert store.save("releases/a.txt", "hash-2", date(2022, 4, 27), newer) is True
        by_path = {d.path: d for d in store.load()}
        assert by_path["releases/a.txt"].figures == (stored_as(newer[0], "releases/a.txt"),)
        assert by_path["releases/a.txt"].published == date(2022, 4, 27)
        assert len(by_path["releases/b.txt"].figures) == len(sample())
        with store.engine.connect() as connection:
            counts = dict(connection.execute(sa.select(documents.c.path, documents.c.figure_count)).all())
            rows = connection.execute(sa.select(sa.func.count()).select_from(figures)).scalar()
        assert counts == {"releases/a.txt": 1, "releases/b.txt": len(sample())}
        assert rows == 1 + len(sample())

    def test_saving_the_same_data_twice_changes_nothing(self, store: FigureStore) -> None:
        for path in ("releases/a.txt", "releases/b.txt"):
            store.save(path, f"hash-{path}", date(2021, 4, 20), sample(path))
        before = tables(store)
        for path in ("releases/a.txt", "./releases/b.txt"):
            assert store.save(path, f"hash-{normal(path)}", date(2021, 4, 20),
                              sample(normal(path))) is False
        assert tables(store) == before
        assert len(before["figures"]) == 2 * len(sample())

    def test_loaded_figures_saved_again_change_nothing(self, store: FigureStore) -> None:
        store.save("releases/a.txt", "hash-a", None, sample("releases/a.txt"))
        before = tables(store)
        (loaded,) = store.load()
        assert store.save(loaded.path, loaded.content_hash, loaded.published, loaded.figures) is False
        assert tables(store) == before

    def test_a_figure_of_another_document_is_refused(self, store: FigureStore) -> None:
        with pytest.raises(ValueError, match=r"releases/b\.txt"):
            store.save("releases/a.txt", "hash-a", None, [figure("releases/b.txt")])
        assert store.load() == []

    def test_known_means_same_path_same_content_same_version(
            self, store: FigureStore, store_url: str) -> None:
        assert not store.known("releases/a.txt", "hash-a")
        store.save("releases/a.txt", "hash-a", None, sample("releases/a.txt"))
        assert store.known("releases/a.txt", "hash-a")
        assert store.known("./releases/a.txt", "hash-a")
        assert not store.known("releases/a.txt", "hash-b")
        assert not store.known("releases/b.txt", "hash-a")
        with open_store(store_url, tool_version="99.0") as newer:
            assert not newer.known("releases/a.txt", "hash-a")

    def test_forget_removes_a_document_and_its_figures(self, store: FigureStore) -> None:
        store.save("releases/a.txt", "hash-a", None, sample("releases/a.txt"))
        assert store.forget("./releases/a.txt") is True
        assert store.forget("releases/a.txt") is False
        assert all(rows == [] for name, rows in tables(store).items() if name != "figcheck_schema")

    # ------------------------------------------------------------ reading

    def test_load_leaves_out_the_current_run(self, store: FigureStore) -> None:
        store.save("releases/2021.md", "hash-2021", date(2021, 4, 20), sample("releases/2021.md"))
        store.save("releases/2019.md", "hash-2019", date(2019, 1, 1), sample("releases/2019.md"))
        store.save("releases/undated.md", "hash-u", None, sample("releases/undated.md"))
        store.save("releases/2022.md", "hash-2022", date(2022, 4, 27), [])
        assert [d.path for d in store.load()] == [
            "releases/2019.md", "releases/2021.md", "releases/2022.md", "releases/undated.md"]
        assert [d.path for d in store.load(exclude_paths=["./releases/2021.md"])] == [
            "releases/2019.md", "releases/2022.md", "releases/undated.md"]
        assert [d.path for d in store.load(["releases/2019.md"], exclude_hashes=["hash-u"])] == [
            "releases/2021.md", "releases/2022.md"]
        assert store.published_dates()["releases/2019.md"] == date(2019, 1, 1)

    def test_history_is_the_cumulative_total_in_publication_order(self, store: FigureStore) -> None:
        def total(path: str, number: int, value: float, **fields: Any) -> Figure:
            return figure(path, number, text=f"{value:g}", value=value, low=value, high=value,
                          **fields)

        # Saved out of order; noise that is not the total must not appear.
        store.save("releases/2023.txt", "h3", date(2023, 3, 1), [
            total("releases/2023.txt", 1, 395),
            total("releases/2023.txt", 2, 12, scope=Scope(ScopeKind.EVENT, "yesterday")),
            total("releases/2023.txt", 3, 60, kind=Kind.PERCENT),
            total("releases/2023.txt", 4, 6, kind=Kind.LISTED, relation="listing", about="d1f1"),
            total("releases/2023.txt", 5, 40, relation="subset", about="d1f1"),
            total("releases/2023.txt", 6, 700, entity="west-midlands"),
            total("releases/2023.txt", 7, 300, metric="arrests"),
        ])
        store.save("releases/2021.html", "h1", date(2021, 4, 20), [
            total("releases/2021.html", 1, 410),
            total("releases/2021.html", 2, 30, metric="charged", relation="subset",
                  about="d1f3"),
            total("releases/2021.html", 3, 296, metric="arrests"),
        ])
        store.save("releases/undated.md", "hu", None, [
            total("releases/undated.md", 1, 9, scope=replace(SINCE_LAUNCH, end=None))])
        store.save("releases/2022.md", "h2", None, [
            total("releases/2022.md", 1, 450, scope=replace(SINCE_LAUNCH, end=date(2022, 1, 5)))])
        history = store.history("staffordshire", "warrants")
        assert [(f.path, f.value) for f in history] == [
            ("releases/2021.html", 410), ("releases/2022.md", 450),
            ("releases/2023.txt", 395), ("releases/undated.md", 9)]
        assert history[0].id == id_prefix("releases/2021.html") + "d1f1"
        # A subset of another metric's group is that metric's value: "of whom 30 charged".
        assert [f.value for f in store.history("staffordshire", "charged")] == [30]
        assert store.history("staffordshire", "seizures") == []
        assert store.series() == [("staffordshire", "arrests"), ("staffordshire", "charged"),
                                  ("staffordshire", "warrants"), ("west-midlands", "warrants")]

    def test_a_closed_store_reopens_with_its_contents(self, store_url: str) -> None:
        with open_store(store_url) as first:
            first.save("releases/a.txt", "hash-a", date(2021, 4, 20), sample("releases/a.txt"))
            saved = contents(first)
        with open_store(store_url, create=False) as second:
            assert contents(second) == saved

    # ------------------------------------------------------------ schema

    def test_a_store_from_a_newer_figcheck_is_refused(self, store: FigureStore,
                                                      store_url: str) -> None:
        with store.engine.begin() as connection:
            connection.execute(sa.update(schema_version).values(version=SCHEMA_VERSION + 1))
        with pytest.raises(ConfigError, match=r"schema version 2 is newer .* upgrade figcheck"):
            open_store(store_url)

    def test_tables_figcheck_did_not_make_are_refused(self, store_url: str) -> None:
        engine = raw_engine(store_url)
        with engine.begin() as connection:
            connection.execute(sa.text("CREATE TABLE documents (name TEXT)"))
        engine.dispose()
        with pytest.raises(ConfigError, match="'documents' was not made by figcheck"):
            open_store(store_url)

    def test_an_empty_database_is_no_store_to_read(self, store_url: str) -> None:
        if not store_url.startswith("postgresql"):
            Path(store_url.removeprefix("sqlite:///")).touch()
        with pytest.raises(ConfigError, match="no figure store here"):
            open_store(store_url, create=False)

    # ------------------------------------------------------------ scale and failure

    def test_fifty_thousand_figures_round_trip(self, store: FigureStore) -> None:
        bulk = many("releases/bulk.txt", BULK)
        started = time.perf_counter()
        store.save("releases/bulk.txt", "hash-bulk", date(2021, 4, 20), bulk)
        saved = time.perf_counter()
        (loaded,) = store.load()
        finished = time.perf_counter()
        sys.stderr.write(f"\n{store.engine.dialect.name}: saved {BULK} figures in "
                         f"{saved - started:.2f} s, loaded them in {finished - saved:.2f} s\n")
        assert loaded.figures == tuple(stored_as(f, "releases/bulk.txt") for f in bulk)
        assert finished - started < 120

    def test_a_writer_killed_mid_save_leaves_the_store_as_it_was(
            self, store: FigureStore, store_url: str, tmp_path: Path) -> None:
        store.save("releases/a.txt", "hash-old", date(2021, 4, 20), sample("releases/a.txt"))
        store.save("releases/b.txt", "hash-b", None, sample("releases/b.txt"))
        before = tables(store)
        marker = tmp_path / "mid-save"
        writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, store_url, str(marker),
                                   "30000"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 120
            while not marker.exists():
                assert writer.poll() is None, writer.stderr.read() if writer.stderr else ""
                assert time.monotonic() < deadline, "the writer never reached the middle of its save"
                time.sleep(0.05)
            # A reader is not blocked by the save under way and sees the old contents.
            with open_store(store_url, create=False) as reader:
                assert tables(reader) == before
        finally:
            os.kill(writer.pid, signal.SIGKILL)
            writer.wait(timeout=30)
            if writer.stderr:
                writer.stderr.close()
        assert writer.returncode == -signal.SIGKILL
        with open_store(store_url) as after:
            assert tables(after) == before
            self.assert_intact(after)
            # And the store still takes writes.
            assert after.save("releases/a.txt", "hash-new", None, sample("releases/a.txt"))
            assert after.known("releases/a.txt", "hash-new")

    def test_two_writers_at_once_both_land(self, store_url: str) -> None:
        errors: list[BaseException] = []

        def write(path: str) -> None:
            try:
                with open_store(store_url) as own:
                    own.save(path, f"hash-{path}", None, many(path, 3000))
            except BaseException as error:  # reported below, in the test's thread
                errors.append(error)

        threads = [threading.Thread(target=write, args=(f"releases/{name}.txt",))
                   for name in ("a", "b", "c")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert errors == []
        with open_store(store_url) as store:
            assert {d.path: len(d.figures) for d in store.load()} == {
                "releases/a.txt": 3000, "releases/b.txt": 3000, "releases/c.txt": 3000}

    def assert_intact(self, store: FigureStore) -> None:
        """Check that every document's figure count matches its rows."""
        with store.engine.connect() as connection:
            counted = dict(connection.execute(
                sa.select(figures.c.document_id, sa.func.count()).group_by(figures.c.document_id)).all())
            declared = dict(connection.execute(sa.select(documents.c.id, documents.c.figure_count)).all())
        assert {key: n for key, n in declared.items() if n} == counted


def normal(path: str) -> str:
    return path.removeprefix("./")


class TestSQLiteStore(StoreBehaviour):
    """The behaviour on an embedded SQLite file, given as a plain path."""

    @pytest.fixture
    def store_url(self, tmp_path: Path) -> str:
        return str(tmp_path / "figures.db")

    def assert_intact(self, store: FigureStore) -> None:
        super().assert_intact(store)
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []


# ---------------------------------------------------------------- SQLite specifics


def test_a_plain_path_is_an_sqlite_file_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "figures.db"
    with open_store(path) as store:
        store.save("releases/a.txt", "hash-a", None, sample("releases/a.txt"))
        assert store.engine.dialect.name == "sqlite"
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("SELECT version FROM figcheck_schema").fetchall() == [
            (SCHEMA_VERSION,)]


def test_an_sqlite_url_is_the_same_store(tmp_path: Path) -> None:
    path = tmp_path / "figures.db"
    with open_store(path) as store:
        store.save("releases/a.txt", "hash-a", None, sample("releases/a.txt"))
    with open_store(f"sqlite:///{path}") as by_url:
        assert by_url.known("releases/a.txt", "hash-a")


@pytest.mark.parametrize(("where", "create", "message"), [
    ("missing-dir/figures.db", True, r"missing-dir/figures.db: no directory .*missing-dir"),
    ("sqlite:///{tmp}/missing-dir/figures.db", True, "no directory"),
    (".", True, "is a directory"),
    ("absent.db", False, "absent.db: no figure store here"),
    ("mysqlx://", True, "not a database URL|cannot open the figure store"),
    ("nosuchdialect://user@host/db", True, "cannot open the figure store"),
])
def test_where_there_can_be_no_store(tmp_path: Path, where: str, create: bool,
                                     message: str) -> None:
    target = where.format(tmp=tmp_path)
    if "://" not in target:
        target = str(tmp_path / target)
    with pytest.raises(ConfigError, match=message):
        open_store(target, create=create)
    assert not (tmp_path / "absent.db").exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Since launch: 593 investigations.\n" * 200)
    with pytest.raises(ConfigError, match=r"notes.db: file is not a database"):
        open_store(path)


def test_a_password_in_a_url_is_never_shown() -> None:
    with pytest.raises(ConfigError) as raised:
        open_store("postgresql+psycopg2://figcheck:s3cret@127.0.0.1:1/figcheck")
    assert "s3cret" not in str(raised.value)
    assert "figcheck:***@127.0.0.1:1" in str(raised.value)


def test_a_locked_store_fails_with_a_config_error(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import checks.store.store as module

    monkeypatch.setattr(module, "_BUSY_MS", 50)
    path = tmp_path / "figures.db"
    with open_store(path) as store:
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(ConfigError, match="database is locked"):
                store.save("releases/a.txt", "hash-a", None, sample("releases/a.txt"))
            assert store.load() == []  # readers are not blocked by the writer
        finally:
            holder.execute("ROLLBACK")
            holder.close()


def test_stored_documents_stand_in_for_documents_in_the_checks(tmp_path: Path) -> None:
    with open_store(tmp_path / "figures.db") as store:
        store.save("releases/a.html", "hash-a", date(2021, 4, 20), sample("releases/a.html"))
        (stored,) = store.load()
    document = stored.as_document()
    assert (document.path, document.published, document.format, document.blocks) == (
        "releases/a.html", date(2021, 4, 20), "html", ())
    assert document.position(0) == (1, 1)
