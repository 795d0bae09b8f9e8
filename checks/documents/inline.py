"""Drop Markdown inline markup from a block's text, keeping the raw offsets.

A block's lines are joined into one *source* string made of raw pieces (the
line breaks stay in it); :func:`render_inline` finds the markup in it (code
backticks, emphasis markers, link brackets and destinations, images, HTML tags
and comments, backslash escapes) and feeds everything else, and decoded
entities, into a :class:`~checks.documents.builder.TextBuilder`.

Every search is a bounded pattern or a single forward scan, so hostile input
(thousands of unmatched brackets or backticks) stays linear.
"""

from __future__ import annotations

import bisect
import html
import re
import string
import unicodedata
from dataclasses import dataclass

from checks.documents.builder import TextBuilder

_SPECIAL = re.compile(r"[\\`<&!\[\]*_~]")
_BACKTICKS = re.compile(r"`+")
_ASCII_PUNCTUATION = frozenset(string.punctuation)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
# What follows the "]" of a link or image: an inline destination with an
# optional title, or a reference label.  The alternatives inside each repeat
# cannot match the same characters, so there is no backtracking blow-up.
_LINK_TAIL = re.compile(
    r"\(\s*(?:<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
    r"|\[[^\[\]\n]{0,999}\]"
)


@dataclass(frozen=True, slots=True)
class Source:
    """Block text made of raw pieces; piece ``i`` starts at ``starts[i]`` in the
    source and at ``raw_starts[i]`` in the raw file."""

    text: str
    starts: tuple[int, ...]
    raw_starts: tuple[int, ...]

    def raw_offset(self, index: int) -> int:
        """Return the raw offset of source character ``index``."""
        piece = bisect.bisect_right(self.starts, index) - 1
        return self.raw_starts[piece] + index - self.starts[piece]


def source_of(raw: str, spans: list[tuple[int, int]]) -> Source:
    """Return the source for line spans of ``raw``, each keeping its line break."""
    texts, starts, raw_starts = [], [], []
    length = 0
    for index, (start, end) in enumerate(spans):
        if index + 1 < len(spans):
            # Keep the raw line break after the span, so the join maps back to it.
            newline = raw.find("\n", end)
            end = len(raw) if newline == -1 else newline + 1
        texts.append(raw[start:end])
        starts.append(length)
        raw_starts.append(start)
        length += end - start
    return Source("".join(texts), tuple(starts), tuple(raw_starts))


@dataclass(frozen=True, slots=True)
class _Edit:
    start: int
    end: int
    replacement: str  # "" drops the characters; " " is a word break; else decoded text


@dataclass(frozen=True, slots=True)
class _Run:
    """A run of ``*``, ``_`` or ``~`` that may open or close emphasis."""

    start: int
    end: int
    char: str
    can_open: bool
    can_close: bool


def render_inline(source: Source, builder: TextBuilder) -> None:
    """Add the visible text of Markdown ``source`` to ``builder``."""
    text = source.text
    if _SPECIAL.search(text) is None:
        _add_verbatim(source, 0, len(text), builder)  # no markup: the common case
        return
    edits = _InlineScanner(text).scan()
    position = 0
    for edit in sorted(edits, key=lambda item: item.start):
        if edit.start < position:
            continue  # inside a span already dropped (an image)
        _add_verbatim(source, position, edit.start, builder)
        if edit.replacement == " ":
            builder.add_space(source.raw_offset(edit.start))
        elif edit.replacement:
            builder.add_decoded(edit.replacement, source.raw_offset(edit.start))
        position = edit.end
    _add_verbatim(source, position, len(text), builder)


def _add_verbatim(source: Source, start: int, end: int, builder: TextBuilder) -> None:
    """Add source characters [start, end), one raw piece at a time."""
    if start >= end:
        return
    piece = bisect.bisect_right(source.starts, start) - 1
    while start < end:
        piece_end = source.starts[piece + 1] if piece + 1 < len(source.starts) else len(source.text)
        stop = min(end, piece_end)
        builder.add(
            source.text[start:stop], source.raw_starts[piece] + start - source.starts[piece]
        )
        start = stop
        piece += 1


def _is_punctuation(char: str) -> bool:
    return char in _ASCII_PUNCTUATION or unicodedata.category(char).startswith("P")


class _InlineScanner:
    """Find the markup in one block's source text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.edits: list[_Edit] = []
        self.runs: list[_Run] = []
        self.brackets: list[tuple[int, bool]] = []  # (offset of "[" or "!", is an image)
        self.comment_closes = True  # False once no "-->" is left to find
        self.backtick_runs: dict[int, list[int]] = {}
        for match in _BACKTICKS.finditer(text):
            self.backtick_runs.setdefault(len(match.group()), []).append(match.start())

    def scan(self) -> list[_Edit]:
        text = self.text
        position = 0
        while True:
            match = _SPECIAL.search(text, position)
            if match is None:
                break
            position = self._markup_at(match.start())
        self._pair_emphasis()
        return self.edits

    def _markup_at(self, index: int) -> int:
        """Record the markup starting at ``index``; return where to carry on."""
        char = self.text[index]
        if char == "\\":
            return self._escape(index)
        if char == "`":
            return self._code_span(index)
        if char == "<":
            return self._angle(index)
        if char == "&":
            return self._entity(index)
        if char == "!" and self.text.startswith("[", index + 1):
            self.brackets.append((index, True))
            return index + 2
        if char == "[":
            self.brackets.append((index, False))
            return index + 1
        if char == "]":
            return self._close_bracket(index)
        if char in "*_~":
            return self._delimiter_run(index)
        return index + 1

    def _escape(self, index: int) -> int:
        following = self.text[index + 1 : index + 2]
        if following and (following in _ASCII_PUNCTUATION or following in "\r\n"):
            self.edits.append(_Edit(index, index + 1, ""))
            # The escaped character is plain text, never markup.
            return index + 2 if following not in "\r\n" else index + 1
        return index + 1

    def _code_span(self, index: int) -> int:
        end = index
        while end < len(self.text) and self.text[end] == "`":
            end += 1
        length = end - index
        starts = self.backtick_runs.get(length, [])
        following = bisect.bisect_right(starts, index)
        if following >= len(starts):
            return end  # no closing run: the backticks are plain text
        close = starts[following]
        self.edits.append(_Edit(index, end, ""))
        self.edits.append(_Edit(close, close + length, ""))
        return close + length

    def _angle(self, index: int) -> int:
        text = self.text
        if text.startswith("<!--", index) and self.comment_closes:
            close = text.find("-->", index + 4)
            if close == -1:
                self.comment_closes = False
            else:
                self.edits.append(_Edit(index, close + 3, ""))
                return close + 3
        match = _AUTOLINK.match(text, index)
        if match is not None:
            self.edits.append(_Edit(index, index + 1, ""))
            self.edits.append(_Edit(match.end() - 1, match.end(), ""))
            return match.end()
        match = _HTML_TAG.match(text, index)
        if match is not None:
            self.edits.append(
                _Edit(index, match.end(), " " if match.group(1).lower() == "br" else "")
            )
            return match.end()
        return index + 1

    def _entity(self, index: int) -> int:
        match = _ENTITY.match(self.text, index)
        if match is None:
            return index + 1
        decoded = html.unescape(match.group())
        if decoded == match.group():
            return index + 1
        self.edits.append(_Edit(index, match.end(), decoded))
        return match.end()

    def _close_bracket(self, index: int) -> int:
        if not self.brackets:
            return index + 1
        opener, is_image = self.brackets.pop()
        tail = _LINK_TAIL.match(self.text, index + 1)
        if tail is None:
            return index + 1
        if is_image:
            # An image shows nothing: forget the markup found inside its alt text.
            while self.edits and self.edits[-1].start > opener:
                self.edits.pop()
            while self.runs and self.runs[-1].start > opener:
                self.runs.pop()
            self.edits.append(_Edit(opener, tail.end(), ""))
        else:
            self.edits.append(_Edit(opener, opener + 1, ""))
            self.edits.append(_Edit(index, tail.end(), ""))
        return tail.end()

    def _delimiter_run(self, index: int) -> int:
        text = self.text
        char = text[index]
        end = index
        while end < len(text) and text[end] == char:
            end += 1
        before = text[index - 1] if index > 0 else " "
        after = text[end] if end < len(text) else " "
        left = not after.isspace() and (
            not _is_punctuation(after) or before.isspace() or _is_punctuation(before)
        )
        right = not before.isspace() and (
            not _is_punctuation(before) or after.isspace() or _is_punctuation(after)
        )
        if char == "_":
            # "snake_case" and "2_000" are words, not emphasis.
            can_open = left and (not right or _is_punctuation(before))
            can_close = right and (not left or _is_punctuation(after))
        else:
            can_open, can_close = left, right
        if char == "~" and end - index != 2:
            return end
        self.runs.append(_Run(index, end, char, can_open, can_close))
        return end

    def _pair_emphasis(self) -> None:
        openers: dict[str, list[_Run]] = {"*": [], "_": [], "~": []}
        for run in self.runs:
            stack = openers[run.char]
            if run.can_close and stack:
                opener = stack.pop()
                width = min(opener.end - opener.start, run.end - run.start)
                self.edits.append(_Edit(opener.end - width, opener.end, ""))
                self.edits.append(_Edit(run.start, run.start + width, ""))
            elif run.can_open:
                stack.append(run)
