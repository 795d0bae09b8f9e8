"""Read releases into documents: find the files, decode them, split them into blocks.

Text, Markdown and HTML are read into :class:`checks.model.Document` values
whose blocks map every character back to the raw file.
"""

from __future__ import annotations

from checks.documents.discover import discover
from checks.documents.reader import parse_document, read_document

__all__ = ["discover", "parse_document", "read_document"]
