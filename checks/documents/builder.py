"""Assemble block text while remembering where every character came from.

Every parser (text, Markdown, HTML) feeds pieces of the raw file into a
:class:`TextBuilder`; it collapses whitespace to single spaces, drops leading
and trailing whitespace and records :class:`~checks.model.Segment` runs so that
each character of the block text maps back to a raw-file offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.model import Block, BlockKind, Cell, Segment

# Whitespace that is not already a single space between words: a run of two
# or more characters, or one tab, newline, carriage return, no-break space...
_IRREGULAR_SPACE = re.compile(r"\s{2,}|[^\S ]")


@dataclass(frozen=True, slots=True)
class BuiltText:
    """Finished block text and the segments that map it to the raw file."""

    text: str
    segments: tuple[Segment, ...]


class TextBuilder:
    """Collect the text of one block (or one table cell) from raw pieces."""

    def __init__(self) -> None:
        # Parallel lists, one entry per piece added: building one object per
        # piece cost more than everything else on long documents.
        self._texts: list[str] = []
        self._raw_starts: list[int] = []
        self._verbatim: list[bool] = []  # copied unchanged; else every char maps to raw_start
        # A space waiting for the next visible character: (raw offset, verbatim).
        self._pending: tuple[int, bool] | None = None

    @property
    def empty(self) -> bool:
        """Return True while no visible character has been added."""
        return not self._texts

    def add(self, text: str, raw_start: int) -> None:
        """Add ``text``, copied from the raw file at ``raw_start``."""
        if _IRREGULAR_SPACE.search(text) is None:
            self._add_regular(text, raw_start)
            return
        if text.isspace():  # the line breaks between HTML tags, mostly
            self.add_space(raw_start, verbatim=text[0] == " ")
            return
        position = 0
        for match in _IRREGULAR_SPACE.finditer(text):
            start = match.start()
            if start > position:
                self._add_regular(text[position:start], raw_start + position)
            self.add_space(raw_start + start, verbatim=text[start] == " ")
            position = match.end()
        if position < len(text):
            self._add_regular(text[position:], raw_start + position)

    def add_decoded(self, text: str, raw_start: int) -> None:
        """Add text that stands for the raw characters at ``raw_start`` (an entity)."""
        for char in text:
            if char.isspace():
                self.add_space(raw_start)
            else:
                self._emit(char, raw_start, verbatim=False)

    def add_space(self, raw_offset: int, *, verbatim: bool = False) -> None:
        """Add a word break mapped to ``raw_offset`` (a line break, ``<br>``...)."""
        if self._texts and self._pending is None:
            self._pending = (raw_offset, verbatim)

    def build(self) -> BuiltText:
        """Return the text and segments collected so far (trailing space dropped)."""
        return BuiltText("".join(self._texts), self._segments())

    def _add_regular(self, piece: str, raw_start: int) -> None:
        """Add a piece whose only whitespace is single spaces."""
        if not piece:
            return
        if piece[0] == " ":
            self.add_space(raw_start, verbatim=True)
            piece, raw_start = piece[1:], raw_start + 1
            if not piece:
                return
        if piece[-1] == " ":
            self._emit(piece[:-1], raw_start, verbatim=True)
            self.add_space(raw_start + len(piece) - 1, verbatim=True)
        else:
            self._emit(piece, raw_start, verbatim=True)

    def _emit(self, text: str, raw_start: int, *, verbatim: bool) -> None:
        if self._pending is not None:
            offset, pending_verbatim = self._pending
            self._pending = None
            self._texts.append(" ")
            self._raw_starts.append(offset)
            self._verbatim.append(pending_verbatim)
        self._texts.append(text)
        self._raw_starts.append(raw_start)
        self._verbatim.append(verbatim)

    def _segments(self) -> tuple[Segment, ...]:
        """Return one segment per run of verbatim pieces that lie next to each
        other in the raw file, and one per character of every other piece."""
        segments = []
        text_start = 0
        run_text = run_raw = run_length = -1
        for text, raw_start, verbatim in zip(
            self._texts, self._raw_starts, self._verbatim, strict=True
        ):
            length = len(text)
            if verbatim and run_length >= 0 and run_raw + run_length == raw_start:
                run_length += length
            else:
                if run_length >= 0:
                    segments.append(Segment(run_text, run_raw, run_length))
                    run_length = -1
                if verbatim:
                    run_text, run_raw, run_length = text_start, raw_start, length
                elif length == 1:
                    segments.append(Segment(text_start, raw_start, 1))
                else:
                    # Each replacement character maps to the first raw character it stands for.
                    segments.extend(Segment(text_start + i, raw_start, 1) for i in range(length))
            text_start += length
        if run_length >= 0:
            segments.append(Segment(run_text, run_raw, run_length))
        return tuple(segments)


def make_block(kind: BlockKind, built: BuiltText, *, level: int = 0) -> Block | None:
    """Return a block of ``built`` text, or None when it holds no text."""
    if not built.text:
        return None
    return Block(kind=kind, text=built.text, segments=built.segments, level=level)


def make_row(cells: list[tuple[BuiltText, int, bool]], table: int) -> Block | None:
    """Return a ROW block from (cell text, raw offset of the separator before it, header).

    Cell texts are joined with one space, mapped to the raw separator (a
    pipe, a run of spaces or a cell's tag).  Empty cells are kept, as empty
    spans, so that columns line up with the header row; they add no space.
    """
    if not any(cell.text for cell, _, _ in cells):
        return None
    text_parts: list[str] = []
    segments: list[Segment] = []
    spans: list[Cell] = []
    length = 0
    for cell, separator_offset, header in cells:
        if cell.text and length:
            text_parts.append(" ")
            segments.append(Segment(length, separator_offset, 1))
            length += 1
        segments.extend(
            Segment(s.text_start + length, s.raw_start, s.length) for s in cell.segments
        )
        text_parts.append(cell.text)
        spans.append(Cell(length, length + len(cell.text), header))
        length += len(cell.text)
    return Block(
        kind=BlockKind.ROW,
        text="".join(text_parts),
        segments=tuple(segments),
        table=table,
        cells=tuple(spans),
    )
