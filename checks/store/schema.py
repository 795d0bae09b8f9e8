"""The tables of a figure store, on SQLAlchemy Core.

``figcheck_schema`` holds one row, the schema version the tables follow;
``documents`` one row per release read (keyed by its normalised path);
``figures`` one row per figure, in extraction order (``seq``), with every field
needed to rebuild a :class:`checks.model.Figure` exactly.  Open interval ends
are NULL: a NULL ``low`` is -∞, a NULL ``high`` is +∞.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

#: The version of the tables this code reads and writes; a store with a higher
#: version was written by a newer figcheck and is refused.
SCHEMA_VERSION = 1

metadata = MetaData()

schema_version = Table(
    "figcheck_schema",
    metadata,
    Column("version", Integer, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False),  # sha256 of the raw file
    Column("published", Date),
    Column("read_at", DateTime(timezone=True), nullable=False),
    Column("figure_count", Integer, nullable=False),
    Column("tool_version", String(32), nullable=False),
    # sha256 of the figure rows: an unchanged save is recognised and skipped.
    Column("figures_hash", String(64), nullable=False),
)

figures = Table(
    "figures",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("figure_id", Text, nullable=False),
    Column("line", Integer, nullable=False),
    Column("column", Integer, nullable=False),
    Column("end_line", Integer, nullable=False),
    Column("end_column", Integer, nullable=False),
    Column("offset", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("value", Double),
    Column("low", Double),
    Column("high", Double),
    Column("qualifier", Text),
    Column("noun", Text),
    Column("metric", Text),
    Column("entity", Text),
    Column("scope_kind", String(16), nullable=False),
    Column("scope_label", Text, nullable=False),
    Column("scope_start", Date),
    Column("scope_end", Date),
    Column("block", Integer, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("context", Text, nullable=False),
    Column("at", Integer, nullable=False),
    Column("relation", String(16)),
    Column("about", Text),
    Column("parts", Integer),
    Index("figures_by_series", "entity", "metric", "scope_kind"),
    Index("figures_by_figure_id", "document_id", "figure_id"),  # "about" looks figures up
)

#: Every table the store owns, in creation order.
TABLES = (schema_version, documents, figures)
