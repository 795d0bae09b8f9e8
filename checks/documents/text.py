"""Read the blocks of a plain-text release.

Paragraphs are separated by blank lines and their lines joined with a space.
Within a paragraph, a line that is only a dateline, a list item (with a marker,
or one of several indented lines) or a table row (columns separated by runs of
spaces) is a block of its own.  The first line
is the title when it has no closing punctuation, and a one-line paragraph in
capitals ("ENDS") is a subheading.
"""

from __future__ import annotations

import re

from checks.documents.builder import TextBuilder, make_block, make_row
from checks.documents.lines import Line, leading_spaces, split_lines
from checks.documents.published import dateline_date
from checks.model import Block, BlockKind

_LIST_MARKER = re.compile(
    r"[ \t]*(?:[-*\u2022\u2023\u25e6\u2043\u2219]|\d{1,3}[.)]|[A-Za-z]\))[ \t]+(?=\S)"
)
_CELL_GAP = re.compile(r"[ \t]{2,}|\t")
_SENTENCE_END = frozenset(".!?")
_TERMINAL_PUNCTUATION = frozenset(".!?:;,")
_CLOSING_QUOTES = "\"'\u201d\u2019)]"
_PARENTHESISED = re.compile(r"\([^()]*\)")
_DIGIT = re.compile(r"\d")
_MAX_DATELINE_LENGTH = 120


def parse_text(raw: str, body_start: int = 0) -> list[Block]:
    """Return the blocks of plain text ``raw`` from offset ``body_start``."""
    return _TextParser(raw, split_lines(raw, body_start)).parse()


def row_cells(text: str) -> list[tuple[int, int]] | None:
    """Return the (start, end) of each column when a line reads as a table row.

    A row is an indented line with at least two columns, or any line with at
    least three, columns being separated by two or more spaces or a tab.  A
    gap after a full stop is sentence spacing, not a column break.
    """
    indent = leading_spaces(text)
    end = len(text.rstrip())
    gaps = list(_CELL_GAP.finditer(text, indent, end))
    if len(gaps) < (1 if indent else 2):
        return None
    if any(text[gap.start() - 1] in _SENTENCE_END for gap in gaps):
        return None
    starts = [indent, *(gap.end() for gap in gaps)]
    ends = [*(gap.start() for gap in gaps), end]
    return list(zip(starts, ends, strict=True))


def is_capitals(text: str) -> bool:
    """Return True when the letters outside brackets are all capitals."""
    letters = [char for char in _PARENTHESISED.sub("", text) if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _may_be_dateline(text: str) -> bool:
    """Return False for lines that cannot be a dateline, cheaply (most lines)."""
    return len(text) <= _MAX_DATELINE_LENGTH and _DIGIT.search(text) is not None


def _has_terminal_punctuation(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSING_QUOTES)
    return bool(stripped) and stripped[-1] in _TERMINAL_PUNCTUATION


class _TextParser:
    """Turn the lines of a plain-text body into blocks."""

    def __init__(self, raw: str, lines: list[Line]) -> None:
        self.raw = raw
        self.lines = lines
        self.blocks: list[Block] = []
        self.tables = 0
        self.table_open = False  # the last block was a row of the current table
        self.prose: list[Line] = []
        self.item: list[Line] = []
        self.item_start = 0  # raw offset of the item's text, after its marker
        self.item_indent = 0
        self.unmarked = False  # the open item is a line of an indented list without markers
        self.entry_indents: set[int] = set()
        content = [line for line in lines if not line.is_blank(raw)]
        self.first_line = content[0] if content else None
        self.has_more_lines = len(content) > 1

    def parse(self) -> list[Block]:
        for paragraph in self._paragraphs():
            self.table_open = False
            self.entry_indents = self._entry_indents(paragraph)
            for index, line in enumerate(paragraph):
                following = paragraph[index + 1] if index + 1 < len(paragraph) else None
                self._line(line, following)
            self._flush()
        return self.blocks

    def _entry_indents(self, paragraph: list[Line]) -> set[int]:
        """Return the indents shared by two or more entry-like lines of a paragraph."""
        counts: dict[int, int] = {}
        for line in paragraph:
            text = line.text(self.raw)
            indent = leading_spaces(text)
            if indent and not text.lstrip()[:1].islower() and not _LIST_MARKER.match(text):
                counts[indent] = counts.get(indent, 0) + 1
        return {indent for indent, count in counts.items() if count >= 2}

    def _paragraphs(self) -> list[list[Line]]:
        paragraphs: list[list[Line]] = []
        current: list[Line] = []
        for line in self.lines:
            if line.is_blank(self.raw):
                if current:
                    paragraphs.append(current)
                current = []
            else:
                current.append(line)
        if current:
            paragraphs.append(current)
        return paragraphs

    def _line(self, line: Line, following: Line | None) -> None:
        text = line.text(self.raw)
        if _may_be_dateline(text) and dateline_date(text) is not None:
            self._flush()
            self._emit(BlockKind.PARAGRAPH, line.start, line.end)
            return
        marker = _LIST_MARKER.match(text)
        if marker is not None:
            self._flush()
            self.item = [line]
            self.item_start = line.start + marker.end()
            self.item_indent = leading_spaces(text)
            self.unmarked = False
            return
        cells = row_cells(text) if "  " in text or "\t" in text else None
        if cells is not None:
            self._flush()
            self._row(line, cells)
            return
        if line is self.first_line and self._is_title(text, following):
            self._emit(BlockKind.HEADING, line.start, line.end, level=1)
            return
        if self.item and self._continues_item(text):
            self.item.append(line)
            return
        if self._is_unmarked_entry(text):
            self._flush()
            self.item = [line]
            self.item_indent = leading_spaces(text)
            self.item_start = line.start + self.item_indent
            self.unmarked = True
            return
        self._flush_item()
        self.prose.append(line)

    def _is_unmarked_entry(self, text: str) -> bool:
        """Return True for a line of an indented list without markers.

        Two or more lines of a paragraph at the same indent that each start a
        new entry (not in lower case, which would carry on the line before)
        are list items: "  Jordan McGrath, 19, of Kirkby - possession of...".
        """
        indent = leading_spaces(text)
        return indent in self.entry_indents and not text.lstrip()[:1].islower()

    def _is_title(self, text: str, following: Line | None) -> bool:
        if not self.has_more_lines or _has_terminal_punctuation(text):
            return False
        # A wrapped first sentence carries on in lower case on the next line.
        return following is None or not following.text(self.raw).lstrip()[:1].islower()

    def _continues_item(self, text: str) -> bool:
        indent = leading_spaces(text)
        if self.unmarked and indent < self.item_indent:
            return False
        return indent > self.item_indent or text.lstrip()[:1].islower()

    def _row(self, line: Line, cells: list[tuple[int, int]]) -> None:
        if not self.table_open:
            self.table_index = self.tables
            self.tables += 1
        parts = []
        previous_end = 0
        for start, end in cells:
            builder = TextBuilder()
            builder.add(self.raw[line.start + start : line.start + end], line.start + start)
            parts.append((builder.build(), line.start + previous_end, False))
            previous_end = end
        block = make_row(parts, self.table_index)
        if block is not None:
            self.blocks.append(block)
        self.table_open = True

    def _flush(self) -> None:
        self._flush_item()
        if self.prose:
            first, last = self.prose[0], self.prose[-1]
            single_line = len(self.prose) == 1
            self.prose = []
            if single_line and is_capitals(first.text(self.raw)):
                self._emit(BlockKind.HEADING, first.start, last.end, level=2)
            else:
                self._emit(BlockKind.PARAGRAPH, first.start, last.end)

    def _flush_item(self) -> None:
        if self.item:
            end = self.item[-1].end
            self.item = []
            self._emit(BlockKind.ITEM, self.item_start, end)

    def _emit(self, kind: BlockKind, start: int, end: int, *, level: int = 0) -> None:
        builder = TextBuilder()
        # Line breaks and indentation inside the span collapse to single spaces.
        builder.add(self.raw[start:end], start)
        block = make_block(kind, builder.build(), level=level)
        if block is not None:
            self.blocks.append(block)
            self.table_open = False
