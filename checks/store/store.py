"""The figure store: what earlier runs read, kept so that later runs can be checked against it.

A plain path is an embedded SQLite file; a URL (``sqlite:///...``,
``postgresql://...``, ``postgresql+psycopg2://...``) goes to SQLAlchemy as it
is.  Every write is one transaction: a run killed in the middle of a save
leaves the store exactly as it was.

SQLite runs in WAL mode (``PRAGMA journal_mode=WAL``): readers see the last
committed state and are never blocked by a writer, writers queue behind one
another (``BEGIN IMMEDIATE`` with a 30-second busy timeout), and a killed
writer's partial transaction is discarded by the next connection.  WAL keeps
``-wal`` and ``-shm`` files beside the database and needs the directory to be
writable; it does not work on network file systems.  ``synchronous=NORMAL``
is enough to survive a killed process (not necessarily a power cut: the last
commit may then be lost, never half-applied).  PostgreSQL writers take one
transaction-level advisory lock; readers use REPEATABLE READ snapshots.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime, timezone
from importlib.util import find_spec
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, Row
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from checks import __version__
from checks.errors import ConfigError
from checks.model import COMPARABLE_KINDS, Document, Figure, Kind, ScopeKind
from checks.store import schema
from checks.store.rows import (
    figure_from_row,
    figure_row,
    id_prefix,
    normalise_path,
    rows_digest,
)

__all__ = ["FigureStore", "StoredDocument", "open_store"]

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_WRITE = "figcheck_write"  # execution option: this connection will write
_LOCK_KEY = 0x66696763  # "figc": the advisory lock every PostgreSQL writer takes
_BUSY_MS = 30_000
_CHUNK = 5_000  # figure rows per INSERT batch
_SERIES_KINDS = tuple(k.value for k in COMPARABLE_KINDS if k is not Kind.PERCENT)
_NOT_A_MEASURE = ("listing", "remainder")
_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A release an earlier run read: where it was, what it said and when it was published."""

    path: str
    published: date | None
    content_hash: str
    figures: tuple[Figure, ...]
    tool_version: str = ""
    read_at: datetime | None = None

    def as_document(self) -> Document:
        """Return a text-less Document carrying the path and publication date the checks need.

        The cross-document checks look up a figure's publication date by its
        path; the stored release has no blocks, so the per-document checks
        find nothing new in it.
        """
        suffix = Path(self.path).suffix.lower()
        return Document(path=self.path, raw="", format=_FORMATS.get(suffix, "text"), blocks=(),
                        published=self.published, line_starts=(0,))


class FigureStore:
    """The figures of every release earlier runs read, in SQLite or PostgreSQL.

    Paths are keyed in normalised form (see :func:`checks.store.rows.normalise_path`);
    figures come back with that path and with ids prefixed by a short hash of
    it, so they never collide with a new run's ``d1f1``-style ids.
    """

    def __init__(self, engine: Engine, name: str, tool_version: str = __version__) -> None:
        self.engine = engine
        self.name = name
        self.tool_version = tool_version

    # ------------------------------------------------------------ lifecycle

    def __enter__(self) -> FigureStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"FigureStore({self.name!r})"

    def close(self) -> None:
        """Close every connection the store holds."""
        self.engine.dispose()

    # ------------------------------------------------------------ queries

    def known(self, path: str | Path, content_hash: str) -> bool:
        """Say whether ``path`` is stored with this content, read by this figcheck version.

        A document read by another version is not known: its figures may have
        been extracted differently.
        """
        with self._reading() as connection:
            row = connection.execute(
                sa.select(schema.documents.c.content_hash, schema.documents.c.tool_version)
                .where(schema.documents.c.path == normalise_path(path))
            ).first()
        return (row is not None and row.content_hash == content_hash
                and row.tool_version == self.tool_version)

    def get(self, path: str | Path) -> StoredDocument | None:
        """Return the stored document at ``path``, or None when it was never saved."""
        key = normalise_path(path)
        with self._reading() as connection:
            row = connection.execute(
                sa.select(schema.documents).where(schema.documents.c.path == key)).first()
            if row is None:
                return None
            figures = connection.execute(
                sa.select(schema.figures).where(schema.figures.c.document_id == row.id)
                .order_by(schema.figures.c.seq)).mappings().all()
        return _stored(row, figures)

    def load(self, exclude_paths: Iterable[str | Path] = (), *,
             exclude_hashes: Iterable[str] = ()) -> list[StoredDocument]:
        """Return every stored document but those at ``exclude_paths`` (the current run's).

        ``exclude_hashes`` also leaves out documents with these contents: the
        same release stored under another path is not an earlier release.
        Documents come by publication date (undated last), then path.
        """
        excluded = {normalise_path(path) for path in exclude_paths}
        hashes = set(exclude_hashes)
        with self._reading() as connection:
            kept = {row.id: row for row in connection.execute(sa.select(schema.documents))
                    if row.path not in excluded and row.content_hash not in hashes}
            rows: dict[int, list[Any]] = {key: [] for key in kept}
            query = sa.select(schema.figures).order_by(schema.figures.c.document_id,
                                                       schema.figures.c.seq)
            for figure in connection.execute(query).mappings():
                bucket = rows.get(figure["document_id"])
                if bucket is not None:
                    bucket.append(figure)
        stored = [_stored(row, rows[key]) for key, row in kept.items()]
        return sorted(stored, key=lambda d: (d.published is None, d.published or date.min, d.path))

    def history(self, entity: str | None, metric: str) -> list[Figure]:
        """Return the cumulative ("since launch") figures for an entity and metric, oldest first.

        Only figures that state the metric's value count: not percentages,
        listings, or subsets of a group with the same metric.  They are
        ordered by their release's publication date (else the scope's end;
        undated last), then path and position.
        """
        found = []
        with self._reading() as connection:
            for row in connection.execute(_series_query(entity, metric)).mappings():
                if row["relation"] == "subset" and (row["about"] is None
                                                    or row["whole_metric"] == metric):
                    continue  # part of a larger group of the same thing, not its total
                figure = figure_from_row(row, row["path"], id_prefix(row["path"]))
                day = row["published"] or figure.scope.end
                found.append((day, figure.path, row["seq"], figure))
        found.sort(key=lambda item: (item[0] is None, item[0] or date.min, item[1], item[2]))
        return [figure for *_, figure in found]

    def published_dates(self) -> dict[str, date | None]:
        """Return the publication date of every stored document, by path."""
        with self._reading() as connection:
            rows = connection.execute(
                sa.select(schema.documents.c.path, schema.documents.c.published)).all()
        return {row.path: row.published for row in rows}

    def series(self) -> list[tuple[str | None, str]]:
        """Return every (entity, metric) with a stored cumulative figure, sorted."""
        figures = schema.figures
        query = (sa.select(figures.c.entity, figures.c.metric).distinct()
                 .where(figures.c.scope_kind == ScopeKind.CUMULATIVE.value,
                        figures.c.metric.is_not(None), figures.c.kind.in_(_SERIES_KINDS)))
        with self._reading() as connection:
            pairs = [(row.entity, row.metric) for row in connection.execute(query)]
        return sorted(pairs, key=lambda pair: (pair[0] or "", pair[1]))

    # ------------------------------------------------------------ writing

    def save(self, document_path: str | Path, content_hash: str, published: date | None,
             figures: Iterable[Figure]) -> bool:
        """Store a document's figures in place of any earlier ones, in one transaction.

        Return False when the store already held exactly this (same content,
        date, figures and figcheck version) and nothing was written.  Raise
        ValueError for a figure of another document.
        """
        path = normalise_path(document_path)
        prefix = id_prefix(path)
        rows = [figure_row(figure, seq, prefix)
                for seq, figure in enumerate(_own_figures(path, figures))]
        day = published.date() if isinstance(published, datetime) else published
        fields = {"content_hash": content_hash, "published": day,
                  "tool_version": self.tool_version, "figures_hash": rows_digest(rows),
                  "figure_count": len(rows)}
        documents = schema.documents
        with self._writing() as connection:
            current = connection.execute(
                sa.select(documents).where(documents.c.path == path)).first()
            if current is not None and all(getattr(current, k) == v for k, v in fields.items()):
                return False
            values = {**fields, "read_at": datetime.now(timezone.utc)}
            if current is None:
                inserted = connection.execute(sa.insert(documents).values(path=path, **values))
                key = inserted.inserted_primary_key[0]
            else:
                key = current.id
                connection.execute(
                    sa.delete(schema.figures).where(schema.figures.c.document_id == key))
                connection.execute(
                    sa.update(documents).where(documents.c.id == key).values(**values))
            for start in range(0, len(rows), _CHUNK):
                batch = [{**row, "document_id": key} for row in rows[start:start + _CHUNK]]
                connection.execute(sa.insert(schema.figures), batch)
        return True

    def forget(self, path: str | Path) -> bool:
        """Remove a stored document and its figures; return whether it was there."""
        documents = schema.documents
        with self._writing() as connection:
            key = connection.execute(sa.select(documents.c.id)
                                     .where(documents.c.path == normalise_path(path))).scalar()
            if key is None:
                return False
            connection.execute(sa.delete(schema.figures).where(schema.figures.c.document_id == key))
            connection.execute(sa.delete(documents).where(documents.c.id == key))
        return True

    # ------------------------------------------------------------ plumbing

    def _prepare(self, create: bool) -> None:
        """Check the schema version and, when ``create``, make the tables that are missing."""
        with self._reading() as connection:
            if self._check_schema(connection, create=False):
                return
        if not create:
            raise ConfigError("no figure store here: run `figcheck check --store` first",
                              path=self.name)
        with self._writing() as connection:
            self._check_schema(connection, create=True)

    def _check_schema(self, connection: Connection, *, create: bool) -> bool:
        """Return whether the tables are ready, creating them if asked and absent."""
        names = set(sa.inspect(connection).get_table_names())
        if schema.schema_version.name not in names:
            foreign = sorted(names & {schema.documents.name, schema.figures.name})
            if foreign:
                raise ConfigError(f"table {foreign[0]!r} was not made by figcheck: "
                                  "not a figure store", path=self.name)
            if not create:
                return False
            schema.metadata.create_all(connection)
            connection.execute(sa.insert(schema.schema_version)
                               .values(version=schema.SCHEMA_VERSION))
            return True
        version = connection.execute(
            sa.select(sa.func.max(schema.schema_version.c.version))).scalar()
        if version is None:
            raise ConfigError("figure store has no schema version: not a figure store",
                              path=self.name)
        if version > schema.SCHEMA_VERSION:
            raise ConfigError(
                f"figure store schema version {version} is newer than this figcheck "
                f"{self.tool_version} reads ({schema.SCHEMA_VERSION}): upgrade figcheck",
                path=self.name)
        if version < schema.SCHEMA_VERSION:
            raise ConfigError(f"figure store schema version {version} is older than "
                              f"{schema.SCHEMA_VERSION} and cannot be upgraded", path=self.name)
        if {t.name for t in schema.TABLES} - names:
            if not create:
                return False
            schema.metadata.create_all(connection)
        return True

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as error:
            raise ConfigError(_reason(error), path=self.name) from None

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with self._errors(), self.engine.connect() as connection:
            if self.engine.dialect.name == "postgresql":
                # One snapshot for every query of the read.
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with self._errors(), self.engine.connect() as connection:
            connection.execution_options(**{_WRITE: True})
            with connection.begin():
                if self.engine.dialect.name == "postgresql":
                    connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_LOCK_KEY)))
                yield connection


# ---------------------------------------------------------------- opening


def open_store(url_or_path: str | Path, *, create: bool = True,
               tool_version: str = __version__) -> FigureStore:
    """Open the figure store at a path (an SQLite file) or a database URL.

    With ``create`` (the default) a missing SQLite file and missing tables are
    created; without it, a store that does not exist yet is an error.  Raise
    ConfigError, naming the store, for a missing directory, a URL SQLAlchemy
    cannot use, a server that does not answer, or a store written by a newer
    figcheck.
    """
    text = str(url_or_path)
    if _URL.match(text):
        url = _with_installed_driver(_parse_url(text))
        name = url.render_as_string(hide_password=True)
        in_file = url.database not in (None, "", ":memory:") and not url.query.get("uri")
        if url.get_backend_name() == "sqlite" and in_file:
            _check_file(Path(str(url.database)), name, create)
    else:
        name = text
        _check_file(Path(text), name, create)
        url = URL.create("sqlite+pysqlite", database=text)
    store = FigureStore(_engine(url, name), name, tool_version)
    try:
        store._prepare(create)
    except BaseException:
        store.close()
        raise
    return store


def _parse_url(text: str) -> URL:
    try:
        return sa.make_url(text)
    except ArgumentError:
        scheme = text.split("://", 1)[0]
        raise ConfigError(f"not a database URL (scheme {scheme!r}): expected sqlite:///PATH or "
                          "postgresql://USER:PASSWORD@HOST:PORT/DATABASE") from None


def _with_installed_driver(url: URL) -> URL:
    """Return the URL, naming psycopg2 for a bare ``postgresql://`` when psycopg 3 is absent.

    SQLAlchemy 2.1 reads a bare ``postgresql://`` as psycopg 3; figcheck
    installs psycopg2, which 2.0 took for it.
    """
    if url.drivername == "postgresql" and find_spec("psycopg") is None and find_spec("psycopg2"):
        return url.set(drivername="postgresql+psycopg2")
    return url


def _check_file(path: Path, name: str, create: bool) -> None:
    if path.is_dir():
        raise ConfigError("is a directory, not a figure store", path=name)
    directory = path.parent
    if not directory.is_dir():
        raise ConfigError(f"no directory {directory} for the figure store", path=name)
    if not create and not path.exists():
        raise ConfigError("no figure store here: run `figcheck check --store` first", path=name)


def _engine(url: URL, name: str) -> Engine:
    try:
        engine = sa.create_engine(url)
    except (ArgumentError, ImportError) as error:
        raise ConfigError(f"cannot open the figure store: {_reason(error)}", path=name) from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    """Take over BEGIN from the sqlite3 module and set WAL mode on every connection.

    The sqlite3 module opens a transaction only before a data change, so a
    read followed by a write would not be atomic; SQLAlchemy emits BEGIN
    itself instead (IMMEDIATE for writers, so that two writers queue instead
    of failing on a lock upgrade).
    """

    @event.listens_for(engine, "connect")
    def _connect(connection: sqlite3.Connection, _record: Any) -> None:
        connection.isolation_level = None
        cursor = connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # A read-only file keeps its journal mode; reading it still works.
        with suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


# ---------------------------------------------------------------- helpers


def _own_figures(path: str, figures: Iterable[Figure]) -> Iterator[Figure]:
    for figure in figures:
        if normalise_path(figure.path) != path:
            raise ValueError(f"figure {figure.id} is from {figure.path}, not {path}")
        yield figure


def _stored(row: Row[Any], figures: Sequence[Any]) -> StoredDocument:
    prefix = id_prefix(row.path)
    return StoredDocument(
        path=row.path, published=row.published, content_hash=row.content_hash,
        figures=tuple(figure_from_row(figure, row.path, prefix) for figure in figures),
        tool_version=row.tool_version, read_at=row.read_at,
    )


def _series_query(entity: str | None, metric: str) -> sa.Select[Any]:
    figures, documents = schema.figures, schema.documents
    whole = figures.alias("whole")
    same_entity = figures.c.entity.is_(None) if entity is None else figures.c.entity == entity
    return (
        sa.select(figures, documents.c.path, documents.c.published,
                  whole.c.metric.label("whole_metric"))
        .join(documents, documents.c.id == figures.c.document_id)
        .outerjoin(whole, sa.and_(whole.c.document_id == figures.c.document_id,
                                  whole.c.figure_id == figures.c.about))
        .where(same_entity, figures.c.metric == metric,
               figures.c.scope_kind == ScopeKind.CUMULATIVE.value,
               figures.c.kind.in_(_SERIES_KINDS),
               sa.or_(figures.c.relation.is_(None), figures.c.relation.not_in(_NOT_A_MEASURE)))
    )


def _reason(error: BaseException) -> str:
    """Return the first line of what the database said (never the SQL or its parameters)."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(error).__name__
