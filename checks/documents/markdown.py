"""Read the blocks of a Markdown release.

A line-based reading of the CommonMark block structure that releases use:
ATX and setext headings, paragraphs, bullet and numbered list items, pipe
tables and block quotes.  Fenced code blocks, HTML comments, thematic breaks
and link reference definitions are not text and give no block.  Inline
markup is handled by :mod:`checks.documents.inline`.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from checks.documents.builder import BuiltText, TextBuilder, make_block, make_row
from checks.documents.inline import render_inline, source_of
from checks.documents.lines import split_lines
from checks.model import Block, BlockKind

_QUOTE_MARKER = re.compile(r" {0,3}> ?")
_ATX_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_THEMATIC_BREAK = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"[ \t]*(?:([-*+])|(\d{1,9})[.)])(?:[ \t]+|$)")
_REFERENCE_DEFINITION = re.compile(r" {0,3}\[[^\]\n]{1,999}\]:[ \t]*\S")
_TABLE_DELIMITER = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
# The first character of every line that can open a block other than a paragraph.
_BLOCK_START_CHARS = frozenset("#`~*-_+<0123456789")


class _Line(NamedTuple):
    """A line's content after any block-quote markers: raw [start, end).

    A named tuple rather than a dataclass: one is made per line.
    """

    start: int
    end: int
    blank: bool


def parse_markdown(raw: str, body_start: int = 0) -> list[Block]:
    """Return the blocks of Markdown ``raw`` from offset ``body_start``."""
    return _MarkdownParser(raw, _content_lines(raw, body_start)).parse()


def _content_lines(raw: str, body_start: int) -> list[_Line]:
    lines = []
    for start, end in split_lines(raw, body_start):
        if ">" in raw[start : start + 4]:
            while (match := _QUOTE_MARKER.match(raw, start, end)) is not None:
                start = match.end()
        lines.append(_Line(start, end, start == end or raw[start:end].isspace()))
    return lines


def table_cells(raw: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Return (cell start, cell end, separator offset) for a pipe-table row.

    Cell spans exclude the pipes and the spaces around them; the separator is
    the pipe before the cell.
    """
    text = raw[start:end]
    content_start = len(text) - len(text.lstrip())
    content_end = len(text.rstrip())
    pipes = [match.start() for match in _UNESCAPED_PIPE.finditer(text, content_start, content_end)]
    bounds = [content_start - 1, *pipes, content_end]
    if pipes and pipes[0] == content_start:
        bounds = bounds[1:]  # a leading pipe opens the first cell
    if len(bounds) > 2 and bounds[-2] == content_end - 1:
        bounds = bounds[:-1]  # a trailing pipe closes the last cell
    cells = []
    for left, right in itertools.pairwise(bounds):
        cell = text[left + 1 : right]
        cell_start = left + 1 + len(cell) - len(cell.lstrip())
        cell_end = max(cell_start, left + 1 + len(cell.rstrip()))
        cells.append((start + cell_start, start + cell_end, start + max(left, content_start)))
    return cells


class _MarkdownParser:
    """Turn the lines of a Markdown body into blocks."""

    def __init__(self, raw: str, lines: list[_Line]) -> None:
        self.raw = raw
        self.lines = lines
        self.blocks: list[Block] = []
        self.paragraph: list[tuple[int, int]] = []
        self.tables = 0

    def text(self, index: int) -> str:
        line = self.lines[index]
        return self.raw[line.start : line.end]

    def parse(self) -> list[Block]:
        index = 0
        while index < len(self.lines):
            index = self._block_at(index)
        self._flush_paragraph()
        return self.blocks

    def _block_at(self, index: int) -> int:
        """Read the block starting at line ``index``; return the next line to read."""
        line = self.lines[index]
        text = self.text(index)
        if line.blank:
            self._flush_paragraph()
            return index + 1
        if self.paragraph and _SETEXT_UNDERLINE.fullmatch(text):
            level = 1 if text.strip()[0] == "=" else 2
            spans, self.paragraph = self.paragraph, []
            self._emit(BlockKind.HEADING, spans, level=level)
            return index + 1
        if not self.paragraph and _REFERENCE_DEFINITION.match(text):
            return index + 1
        if self._starts_block(index, interrupting=bool(self.paragraph)):
            self._flush_paragraph()
            return self._special_block(index)
        self.paragraph.append((line.start, line.end))
        return index + 1

    def _starts_block(self, index: int, *, interrupting: bool) -> bool:
        """Return True when line ``index`` opens a block other than a paragraph."""
        text = self.text(index)
        if text.lstrip()[:1] not in _BLOCK_START_CHARS and "|" not in text:
            return False  # the common case: a line of prose
        if _FENCE.match(text) or _ATX_HEADING.match(text) or _THEMATIC_BREAK.fullmatch(text):
            return True
        if text.lstrip().startswith("<!--"):
            return True
        item = _LIST_ITEM.match(text)
        # Only a bullet or "1." may interrupt a paragraph: a wrapped line that
        # starts "2019. The" is still prose.
        if (
            item is not None
            and text[item.end() :].strip()
            and (not interrupting or item.group(1) or item.group(2) == "1")
        ):
            return True
        return self._is_table_start(index)

    def _is_table_start(self, index: int) -> bool:
        if index + 1 >= len(self.lines) or "|" not in self.text(index):
            return False
        delimiter = self.lines[index + 1]
        if not _TABLE_DELIMITER.fullmatch(self.raw, delimiter.start, delimiter.end):
            return False
        header = self.lines[index]
        header_cells = table_cells(self.raw, header.start, header.end)
        return len(header_cells) == len(table_cells(self.raw, delimiter.start, delimiter.end))

    def _special_block(self, index: int) -> int:
        text = self.text(index)
        if fence := _FENCE.match(text):
            return self._skip_fence(index, fence.group(1))
        if heading := _ATX_HEADING.match(text):
            self._heading(index, len(heading.group(1)), heading.end())
            return index + 1
        if _THEMATIC_BREAK.fullmatch(text):
            return index + 1
        if text.lstrip().startswith("<!--"):
            return self._skip_comment(index)
        if self._is_table_start(index):
            return self._table(index)
        return self._list_item(index)

    def _skip_fence(self, index: int, fence: str) -> int:
        index += 1
        while index < len(self.lines):
            stripped = self.text(index).strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                return index + 1
            index += 1
        return index

    def _skip_comment(self, index: int) -> int:
        text = self.text(index)
        opening = text.find("<!--")
        if "-->" in text[opening + 4 :]:
            # A comment that closes on its own line leaves any text after it.
            close = text.find("-->", opening + 4) + 3
            line = self.lines[index]
            if text[close:].strip():
                self.paragraph.append((line.start + close, line.end))
            return index + 1
        index += 1
        while index < len(self.lines):
            text = self.text(index)
            if "-->" in text:
                close = text.find("-->") + 3
                line = self.lines[index]
                if text[close:].strip():
                    self.paragraph.append((line.start + close, line.end))
                return index + 1
            index += 1
        return index

    def _heading(self, index: int, level: int, content_offset: int) -> None:
        line = self.lines[index]
        text = self.text(index)
        content = text[content_offset:].rstrip()
        # An optional closing run of "#" after a space is not part of the title.
        without_closing = content.rstrip("#")
        if not without_closing or without_closing[-1] in " \t":
            content = without_closing.rstrip()
        start = line.start + content_offset
        self._emit(BlockKind.HEADING, [(start, start + len(content))], level=level)

    def _list_item(self, index: int) -> int:
        line = self.lines[index]
        item = _LIST_ITEM.match(self.text(index))
        start = line.start + (item.end() if item is not None else 0)
        spans = [(start, line.end)]
        index += 1
        while index < len(self.lines):
            following = self.lines[index]
            if following.blank or self._starts_block(index, interrupting=True):
                break
            next_item = _LIST_ITEM.match(self.text(index))
            if next_item is not None and self.text(index)[next_item.end() :].strip():
                break  # the next item of the same list, whatever its number
            if _SETEXT_UNDERLINE.fullmatch(self.text(index)):
                break
            spans.append((following.start, following.end))
            index += 1
        self._emit(BlockKind.ITEM, spans)
        return index

    def _table(self, index: int) -> int:
        table = self.tables
        self.tables += 1
        self._row(index, table, header=True)
        index += 2  # the delimiter row is not text
        while index < len(self.lines):
            if self.lines[index].blank or "|" not in self.text(index):
                break
            self._row(index, table, header=False)
            index += 1
        return index

    def _row(self, index: int, table: int, *, header: bool) -> None:
        line = self.lines[index]
        cells: list[tuple[BuiltText, int, bool]] = []
        for start, end, separator in table_cells(self.raw, line.start, line.end):
            builder = TextBuilder()
            if end > start:
                render_inline(source_of(self.raw, [(start, end)]), builder)
            cells.append((builder.build(), separator, header))
        block = make_row(cells, table)
        if block is not None:
            self.blocks.append(block)

    def _flush_paragraph(self) -> None:
        if self.paragraph:
            spans, self.paragraph = self.paragraph, []
            self._emit(BlockKind.PARAGRAPH, spans)

    def _emit(self, kind: BlockKind, spans: list[tuple[int, int]], *, level: int = 0) -> None:
        builder = TextBuilder()
        render_inline(source_of(self.raw, spans), builder)
        block = make_block(kind, builder.build(), level=level)
        if block is not None:
            self.blocks.append(block)
