"""Split the body of a document into lines with their raw offsets."""

from __future__ import annotations

from typing import NamedTuple


class Line(NamedTuple):
    """One line of the raw file: ``start`` and ``end`` exclude the line break.

    A named tuple rather than a dataclass: one is made per line, and tuples
    are several times cheaper to create.
    """

    start: int
    end: int

    def text(self, raw: str) -> str:
        """Return the line's characters."""
        return raw[self.start : self.end]

    def is_blank(self, raw: str) -> bool:
        """Return True when the line holds only whitespace."""
        return raw[self.start : self.end].isspace() or self.start == self.end


def split_lines(raw: str, start: int = 0) -> list[Line]:
    """Return the lines of ``raw`` from offset ``start`` (CR before LF excluded)."""
    lines = []
    position = start
    length = len(raw)
    while position < length:
        newline = raw.find("\n", position)
        end = length if newline == -1 else newline
        content_end = end - 1 if end > position and raw[end - 1] == "\r" else end
        lines.append(Line(position, content_end))
        position = end + 1
    return lines


def leading_spaces(text: str) -> int:
    """Return how many whitespace characters ``text`` starts with."""
    return len(text) - len(text.lstrip())
