"""The figure store: remember what earlier runs published, to check later releases against it.

::

    from checks.store import hash_file, open_store

    with open_store("figures.db") as store:            # or a postgresql:// URL
        earlier = store.load(exclude_paths=[path])     # earlier releases, their figures
        ...                                            # check the new release against them
        store.save(path, hash_file(path), published, figures)

Names are imported on first use: :mod:`checks.store.timeline` (what the
reports draw: ``from checks.store.timeline import timeline``) does not load
SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the real names, for type checkers; at run time they load on first use
    from checks.store.rows import hash_file, normalise_path
    from checks.store.schema import SCHEMA_VERSION
    from checks.store.store import FigureStore, StoredDocument, open_store
    from checks.store.timeline import TimelinePoint, sparkline

_EXPORTS = {
    "FigureStore": "checks.store.store",
    "StoredDocument": "checks.store.store",
    "open_store": "checks.store.store",
    "SCHEMA_VERSION": "checks.store.schema",
    "hash_file": "checks.store.rows",
    "normalise_path": "checks.store.rows",
    "TimelinePoint": "checks.store.timeline",
    "sparkline": "checks.store.timeline",
}

__all__ = [
    "SCHEMA_VERSION",
    "FigureStore",
    "StoredDocument",
    "TimelinePoint",
    "hash_file",
    "normalise_path",
    "open_store",
    "sparkline",
]
# ``timeline`` is not re-exported: the name is its module's, checks.store.timeline.


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'checks.store' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
