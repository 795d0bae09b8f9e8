"""Read a release from disk or memory into a :class:`~checks.model.Document`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checks.documents.decode import decode, read_bytes
from checks.documents.discover import format_for
from checks.documents.frontmatter import split_front_matter
from checks.documents.html import parse_html
from checks.documents.markdown import parse_markdown
from checks.documents.published import find_published
from checks.documents.text import parse_text
from checks.errors import DocumentError
from checks.model import Block, BlockKind, Document, line_starts_of

#: The formats :func:`parse_document` reads.
FORMATS = ("text", "markdown", "html")

DEFAULT_MAX_BYTES = 5_000_000


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read the release at ``path``; its format comes from the extension.

    Raises :class:`DocumentError` for a file that is missing, unreadable, a
    directory, larger than ``max_bytes``, empty, binary or not UTF-8.  A UTF-8
    byte-order mark is dropped, so offsets count from the character after it.
    """
    location = Path(path)
    data = read_bytes(location, max_bytes)
    raw = decode(data, str(path))
    return parse_document(raw, str(path))


def parse_document(raw: str, path: str = "<string>", format: str | None = None) -> Document:
    """Return the document for text already in memory.

    ``format`` is "text", "markdown" or "html"; when None it comes from the
    extension of ``path``, and text is assumed for an unknown one.  A leading
    byte-order mark is dropped, as :func:`read_document` does, so offsets
    count from the character after it.
    """
    raw = raw.removeprefix("\ufeff")
    chosen = format or format_for(path) or "text"
    if chosen not in FORMATS:
        raise DocumentError(
            f"unknown document format {chosen!r}: expected one of {', '.join(FORMATS)}", path
        )
    line_starts = line_starts_of(raw)
    metadata: dict[str, Any] = {}
    html_dates: Sequence[str] = ()
    title: str | None = None
    if chosen == "html":
        page = parse_html(raw, line_starts)
        blocks: Sequence[Block] = page.blocks
        title = page.title
        html_dates = page.dates
        if page.meta:
            metadata["meta"] = page.meta
    else:
        front = split_front_matter(raw, path)
        metadata.update(front.metadata)
        parse = parse_markdown if chosen == "markdown" else parse_text
        blocks = parse(raw, front.body_start)
        front_title = front.metadata.get("title")
        title = front_title.strip() or None if isinstance(front_title, str) else None
    published, source = find_published(metadata, html_dates, blocks)
    if source is not None:
        metadata["published_from"] = source
    return Document(
        path=path,
        raw=raw,
        format=chosen,
        blocks=tuple(blocks),
        published=published,
        title=title or _first_heading(blocks),
        metadata=metadata,
        line_starts=line_starts,
    )


def _first_heading(blocks: Sequence[Block]) -> str | None:
    """Return the text of the first top-level heading, if the document has one."""
    for block in blocks:
        if block.kind is BlockKind.HEADING and block.level == 1:
            return block.text
    return None
