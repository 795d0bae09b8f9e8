"""Figures to table rows and back, and the keys a store files them under.

Pure functions: nothing here touches a database, so the round trip
``figure_from_row(figure_row(f))`` can be tested on its own.
"""

from __future__ import annotations

import hashlib
import math
import posixpath
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from checks.model import Figure, Kind, Scope, ScopeKind

_HASH_CHUNK = 1 << 20


def normalise_path(path: str | Path) -> str:
    """Return the form a store keys a document path by: forward slashes, no ``./``.

    ``./releases\\a.md`` and ``releases/a.md`` are one document, so a release
    read from another working directory spelling is still recognised.
    """
    text = str(path).replace("\\", "/")
    normal = posixpath.normpath(text) if text else text
    return normal


def hash_file(path: str | Path) -> str:
    """Return the sha256 (hex) of the raw bytes of the file at ``path``."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def id_prefix(path: str) -> str:
    """Return the prefix a stored document's figure ids get: ``s`` and 8 hex digits of its path.

    A new run numbers its figures ``d1f1``, ``d1f2``...; stored ids become
    ``s3fa09c1e:d1f1`` so they never collide with them or with another
    stored document's.
    """
    return "s" + hashlib.sha256(path.encode("utf-8")).hexdigest()[:8] + ":"


def strip_prefix(figure_id: str | None, prefix: str) -> str | None:
    """Return an id without a stored document's prefix (a loaded figure saved again)."""
    if figure_id is not None and figure_id.startswith(prefix):
        return figure_id[len(prefix):]
    return figure_id


def figure_row(figure: Figure, seq: int, prefix: str) -> dict[str, Any]:
    """Return the ``figures`` row of a figure (without its ``document_id``)."""
    scope = figure.scope
    return {
        "seq": seq,
        "figure_id": strip_prefix(figure.id, prefix),
        "line": figure.line,
        "column": figure.column,
        "end_line": figure.end_line,
        "end_column": figure.end_column,
        "offset": figure.offset,
        "text": figure.text,
        "kind": figure.kind.value,
        "value": _stored_float(figure.value),
        # Open ends are NULL; the side says which infinity they were.
        "low": None if figure.low == -math.inf else _stored_float(figure.low),
        "high": None if figure.high == math.inf else _stored_float(figure.high),
        "qualifier": figure.qualifier,
        "noun": figure.noun,
        "metric": figure.metric,
        "entity": figure.entity,
        "scope_kind": scope.kind.value,
        "scope_label": scope.label,
        "scope_start": scope.start,
        "scope_end": scope.end,
        "block": figure.block,
        "sentence": figure.sentence,
        "context": figure.context,
        "at": figure.at,
        "relation": figure.relation,
        "about": strip_prefix(figure.about, prefix),
        "parts": figure.parts,
    }


def _stored_float(value: float) -> float | None:
    # NaN would not survive SQLite (it stores NULL); say so explicitly.
    return None if math.isnan(value) else value


def figure_from_row(row: Mapping[str, Any], path: str, prefix: str) -> Figure:
    """Return the figure a ``figures`` row stores, its ids carrying ``prefix``."""
    about = row["about"]
    return Figure(
        id=prefix + row["figure_id"],
        path=path,
        line=row["line"],
        column=row["column"],
        end_line=row["end_line"],
        end_column=row["end_column"],
        offset=row["offset"],
        text=row["text"],
        kind=Kind(row["kind"]),
        value=math.nan if row["value"] is None else float(row["value"]),
        low=-math.inf if row["low"] is None else float(row["low"]),
        high=math.inf if row["high"] is None else float(row["high"]),
        qualifier=row["qualifier"],
        noun=row["noun"],
        metric=row["metric"],
        entity=row["entity"],
        scope=Scope(
            kind=ScopeKind(row["scope_kind"]),
            label=row["scope_label"],
            start=_as_date(row["scope_start"]),
            end=_as_date(row["scope_end"]),
        ),
        block=row["block"],
        sentence=row["sentence"],
        context=row["context"],
        at=row["at"],
        relation=row["relation"],
        about=None if about is None else prefix + about,
        parts=row["parts"],
    )


def _as_date(value: Any) -> date | None:
    # Some drivers hand back a datetime or an ISO string for a DATE column.
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def rows_digest(rows: Iterable[Mapping[str, Any]]) -> str:
    """Return a sha256 (hex) that changes whenever any field of any row does.

    The rows must come from :func:`figure_row`, which always orders their keys
    the same way; repr is exact for the floats, strings, dates and None they hold.
    """
    text = "\n".join(repr(tuple(row.values())) for row in rows)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
