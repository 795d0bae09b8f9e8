"""Inline suppressions: HTML comments that silence findings in Markdown and HTML.

A comment is invisible when the release is rendered, so an author can keep a
known discrepancy in the text (figures quoted as published) without figcheck
failing on it::

    <!-- figcheck off -->  ...  <!-- figcheck on -->             everything in between
    <!-- figcheck disable FC101,count -->                        to the end, or to
    <!-- figcheck enable FC101 -->                               ... a matching enable
    <!-- figcheck disable-next-line [CODE...] -->                the line after the comment
    <!-- figcheck disable-line [CODE...] -->                     the comment's own line(s)
    <!-- figcheck disable-file [CODE...] -- quoted as published -->

A CODE is a code (``FC101``), a rule name (``sum``) or, when the rule catalogue
is installed, a slug; codes may be separated by commas or spaces, and anything
after `` -- `` is the reason.  Plain-text documents have no comments, so their
findings can only be silenced by a baseline.  Comments inside fenced code
blocks or inline code spans of Markdown, and inside ``<script>`` or
``<style>`` of HTML, are text, not suppressions.

Suppressions that suppress nothing, name unknown codes or cannot be parsed are
reported as warnings (rule ``reference``), so stale comments do not pile up.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum

from checks.model import RULE_CODES, Document, Finding, Rule, Severity, line_starts_of

__all__ = [
    "Directive",
    "Suppression",
    "apply_suppressions",
    "parse_suppressions",
    "resolve_code",
]

UNUSED_CHECK = "figcheck.unused-suppression"
UNKNOWN_CHECK = "figcheck.unknown-code"
INVALID_CHECK = "figcheck.invalid-suppression"

_KNOWN_CODES = frozenset(RULE_CODES.values())
_RULE_NAMES = {rule.value: rule.code for rule in Rule}
# The reason follows " -- "; a trailing "--" with no reason is allowed too.
_REASON_SEPARATOR = re.compile(r"\s--(?=\s|$)")
_COMMENT_FORMATS = frozenset({"markdown", "html"})
# Elements whose content is raw text: a "<!--" inside them is not a comment.
_RAW_TEXT_OR_COMMENT = re.compile(r"<!--|<(script|style|textarea|title)(?=[\s>/])", re.IGNORECASE)
_FENCE = re.compile(r"[ \t>]*(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")


class Directive(str, Enum):
    """What a ``<!-- figcheck ... -->`` comment asks for."""

    OFF = "off"
    ON = "on"
    DISABLE = "disable"
    ENABLE = "enable"
    DISABLE_NEXT_LINE = "disable-next-line"
    DISABLE_LINE = "disable-line"
    DISABLE_FILE = "disable-file"


@dataclass(frozen=True, slots=True)
class Suppression:
    """One figcheck comment of a document, where it stands and what it names.

    ``codes`` are the tokens as written (codes, rule names or slugs); empty
    means every code.  Lines and columns are 1-based; ``end_line`` and
    ``end_column`` point just past the closing ``-->``.
    """

    path: str
    directive: Directive
    codes: tuple[str, ...]
    line: int
    column: int
    end_line: int
    end_column: int
    reason: str | None = None

    @property
    def text(self) -> str:
        """Return the directive as written in messages: ``figcheck disable FC101``."""
        return " ".join(("figcheck", self.directive.value, ",".join(self.codes))).rstrip()


@dataclass(frozen=True, slots=True)
class _Malformed:
    """A comment that starts with ``figcheck`` but is no valid directive."""

    path: str
    body: str
    problem: str
    line: int
    column: int
    end_line: int
    end_column: int


# --------------------------------------------------------------------------- codes


def resolve_code(token: str) -> str | None:
    """Return the code a suppression or ignore token names, or None if unknown.

    Codes are matched without regard to case, then rule names, then (when
    ``checks.catalog`` exists) whatever its ``lookup`` accepts, such as slugs.
    """
    cleaned = token.strip()
    if cleaned.upper() in _KNOWN_CODES:
        return cleaned.upper()
    if cleaned.lower() in _RULE_NAMES:
        return _RULE_NAMES[cleaned.lower()]
    return _catalog_code(cleaned)


@functools.lru_cache(maxsize=1)
def _catalog_lookup() -> Callable[[str], object] | None:
    # The catalogue is optional: without it, codes and rule names still work.
    try:
        module = importlib.import_module("checks.catalog")
    except ModuleNotFoundError as error:
        if error.name not in {"checks.catalog", "checks"}:
            raise
        return None
    lookup = getattr(module, "lookup", None)
    return lookup if callable(lookup) else None


def _catalog_code(token: str) -> str | None:
    lookup = _catalog_lookup()
    if lookup is None or not token:
        return None
    try:
        entry = lookup(token)
    except (LookupError, ValueError):
        return None
    code = entry if isinstance(entry, str) else getattr(entry, "code", None)
    return code if isinstance(code, str) and code in _KNOWN_CODES else None


# --------------------------------------------------------------------------- parsing


def parse_suppressions(document: Document) -> list[Suppression]:
    """Return the valid figcheck comments of a Markdown or HTML document, in order.

    Plain-text documents have none.  Malformed comments are left out here and
    reported by :func:`apply_suppressions`.
    """
    return [item for item in _scan(document) if isinstance(item, Suppression)]


def _scan(document: Document) -> list[Suppression | _Malformed]:
    if document.format not in _COMMENT_FORMATS or "figcheck" not in document.raw:
        return []
    raw = document.raw
    starts = document.line_starts or line_starts_of(raw)
    code_ranges = _markdown_code(raw, starts) if document.format == "markdown" else _NoRanges()
    found: list[Suppression | _Malformed] = []
    for start, end in _comments(raw):
        body = raw[start + 4 : end - 3]
        if not _is_figcheck(body) or code_ranges.contains(start):
            continue
        line, column = _position(starts, start)
        end_line, end_column = _position(starts, end)
        found.append(_parse_body(document.path, body, (line, column, end_line, end_column)))
    return found


def _comments(raw: str) -> Iterator[tuple[int, int]]:
    """Yield the [start, end) offsets of every ``<!-- ... -->`` outside raw-text elements."""
    lowered: str | None = None
    position = 0
    while (match := _RAW_TEXT_OR_COMMENT.search(raw, position)) is not None:
        if match.group(1) is None:
            end = _comment_end(raw, match.end())
            if end == -1:
                return  # an unclosed comment hides the rest of the file
            yield match.start(), end
            position = end
            continue
        lowered = lowered if lowered is not None else raw.lower()
        closing = lowered.find(f"</{match.group(1).lower()}", match.end())
        if closing == -1:
            return
        position = closing


def _comment_end(raw: str, after_opening: int) -> int:
    """Return the offset just past the comment opened before ``after_opening``, or -1."""
    if raw.startswith(">", after_opening):
        return after_opening + 1  # "<!-->" is an (empty) comment in HTML
    if raw.startswith("->", after_opening):
        return after_opening + 2
    close = raw.find("-->", after_opening)
    return -1 if close == -1 else close + 3


def _is_figcheck(body: str) -> bool:
    stripped = body.lstrip()
    if not stripped.startswith("figcheck"):
        return False
    return len(stripped) == 8 or stripped[8].isspace()


def _parse_body(path: str, body: str, where: tuple[int, int, int, int]) -> Suppression | _Malformed:
    text = body.strip()
    separator = _REASON_SEPARATOR.search(text)
    head = text[: separator.start()] if separator else text
    reason = text[separator.end() :].strip() if separator else ""
    words = head[8:].replace(",", " ").split()
    directive = _directive(words[0]) if words else None
    codes = tuple(words[1:])
    problem = _problem(words, directive, codes)
    if problem is not None or directive is None:
        return _Malformed(path, text, problem or "names no directive", *where)
    return Suppression(path, directive, codes, *where, reason=reason or None)


def _directive(word: str) -> Directive | None:
    try:
        return Directive(word.lower())
    except ValueError:
        return None


def _problem(words: Sequence[str], directive: Directive | None, codes: Sequence[str]) -> str | None:
    """Return why a figcheck comment is not a valid directive, or None."""
    if not words:
        return "names no directive"
    if directive is None:
        choices = ", ".join(d.value for d in Directive)
        return f"unknown directive {words[0]!r} (expected {choices})"
    if codes and directive is Directive.OFF:
        return "'figcheck off' takes no codes (use 'figcheck disable CODE' for some codes only)"
    if codes and directive is Directive.ON:
        return "'figcheck on' takes no codes (use 'figcheck enable CODE')"
    if not codes and directive is Directive.DISABLE:
        return "'figcheck disable' needs at least one code (or use 'figcheck off')"
    return None


def _position(starts: Sequence[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


class _NoRanges:
    """No code in the document: nothing to skip."""

    def contains(self, offset: int) -> bool:
        return False


@dataclass(slots=True)
class _CodeRanges:
    """Offsets of Markdown code (fenced blocks and inline spans) where comments are text."""

    raw: str
    starts: Sequence[int]
    fences: list[tuple[int, int]]
    spans_by_line: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    def contains(self, offset: int) -> bool:
        index = bisect.bisect_right(self.fences, (offset, len(self.raw) + 1)) - 1
        if index >= 0 and self.fences[index][0] <= offset < self.fences[index][1]:
            return True
        line = bisect.bisect_right(self.starts, offset) - 1
        if line not in self.spans_by_line:
            self.spans_by_line[line] = self._spans_of_line(line)
        spans = self.spans_by_line[line]  # sorted and disjoint
        index = bisect.bisect_left(spans, (offset, -1)) - 1
        return index >= 0 and spans[index][0] < offset < spans[index][1]

    def _spans_of_line(self, line: int) -> list[tuple[int, int]]:
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.raw)
        if self.raw.find("`", start, end) == -1:
            return []
        return _code_spans(self.raw, start, end)


def _markdown_code(raw: str, starts: Sequence[int]) -> _CodeRanges:
    fences = _fenced_blocks(raw, starts) if ("```" in raw or "~~~" in raw) else []
    return _CodeRanges(raw, starts, fences)


def _fenced_blocks(raw: str, starts: Sequence[int]) -> list[tuple[int, int]]:
    """Return the [start, end) offsets of fenced code blocks, fences included.

    Indentation and block-quote markers before a fence are allowed: inside a
    list item or quote the fence is still code, and a deeper-indented fence
    is an indented code block, code either way.
    """
    blocks: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None  # (offset, fence as written)
    for index, line_start in enumerate(starts):
        line_end = starts[index + 1] if index + 1 < len(starts) else len(raw)
        match = _FENCE.match(raw, line_start, line_end)
        if match is None:
            continue
        fence = match.group(1)
        if opened is None:
            if fence[0] == "`" and "`" in raw[match.end() : line_end]:
                continue  # an info string with a backtick makes it inline code
            opened = (line_start, fence)
        elif fence[0] == opened[1][0] and len(fence) >= len(opened[1]) \
                and not raw[match.end() : line_end].strip():
            blocks.append((opened[0], line_end))
            opened = None
    if opened is not None:
        blocks.append((opened[0], len(raw)))  # an unclosed fence runs to the end
    return blocks


def _code_spans(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the inline code spans of one line: a backtick run up to the next run as long.

    The next run of each length is found right to left first, so a line of
    unmatched backticks costs linear time.
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(raw, start, end)]
    following: list[int | None] = [None] * len(runs)
    last_of_length: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = last_of_length.get(length)
        last_of_length[length] = index
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        partner = following[index]
        if partner is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[partner][1]))
        index = partner + 1
    return spans


# --------------------------------------------------------------------------- applying


Position = tuple[int, int]  # (line, column), 1-based


@dataclass(slots=True)
class _Usage:
    """A suppression, the codes it names and the codes it has suppressed so far."""

    suppression: Suppression
    codes: dict[str, list[str]] | None  # code -> tokens naming it; None for every code
    used: set[str] = field(default_factory=set)

    def unused_tokens(self) -> list[str] | None:
        """Return the tokens that suppressed nothing ([] for a codeless one), or None if all did."""
        if self.codes is None:
            return None if self.used else []
        tokens = [t for code, names in self.codes.items() if code not in self.used for t in names]
        return tokens or None


@dataclass(slots=True)
class _Scope:
    """Where a suppression applies, for some codes (None: all)."""

    usage: _Usage
    codes: frozenset[str] | None
    start: Position  # inclusive
    end: Position | None = None  # exclusive; None for the end of the file


def apply_suppressions(documents: Iterable[Document],
                       findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
    """Drop the findings that inline comments suppress.

    Return the findings kept (in their order) and findings about the
    suppressions themselves: ones that suppressed nothing, named unknown
    codes or could not be parsed (warnings, sorted by position).  Where
    several suppressions cover a finding, the narrowest is credited with it
    (a line before a region before the whole file, a named code before all
    codes), so a redundant one is reported as unused.
    """
    indexes: dict[str, _Index] = {}
    usages: list[_Usage] = []
    notes: list[Finding] = []
    for document in documents:
        scopes, document_usages, document_notes = _scopes_of(document)
        indexes[_slashed(document.path)] = _Index(scopes)
        usages.extend(document_usages)
        notes.extend(document_notes)
    kept: list[Finding] = []
    for finding in findings:
        index = indexes.get(_slashed(finding.path))
        scope = index.find(finding) if index is not None else None
        if scope is None:
            kept.append(finding)
        else:
            scope.usage.used.add(finding.code)
    notes.extend(_unused_note(usage, tokens) for usage in usages
                 if (tokens := usage.unused_tokens()) is not None)
    return kept, sorted(notes, key=Finding.sort_key)


class _Index:
    """A document's scopes, arranged so that a finding's suppression is found in log time.

    Even a hostile file with tens of thousands of comments costs little per
    finding: line scopes are keyed by (line, code), regions are searched by
    bisection over their starts with a running furthest end.
    """

    def __init__(self, scopes: Iterable[_Scope]) -> None:
        self.lines: dict[tuple[int, str | None], _Scope] = {}
        self.files: dict[str | None, _Scope] = {}
        regions: dict[str | None, list[_Scope]] = {}
        for scope in scopes:
            codes: Iterable[str | None] = (None,) if scope.codes is None else scope.codes
            for code in codes:
                if scope.usage.suppression.directive is Directive.DISABLE_FILE:
                    self.files.setdefault(code, scope)
                elif scope.usage.suppression.directive in _LINE_DIRECTIVES and scope.end:
                    for line in range(scope.start[0], scope.end[0]):
                        self.lines.setdefault((line, code), scope)
                else:
                    regions.setdefault(code, []).append(scope)
        self.regions = {code: _Regions(found) for code, found in regions.items()}

    def find(self, finding: Finding) -> _Scope | None:
        """Return the narrowest scope covering ``finding``, or None."""
        where = (finding.line, finding.column)
        for key in (finding.code, None):
            if (scope := self.lines.get((finding.line, key))) is not None:
                return scope
        for key in (finding.code, None):
            regions = self.regions.get(key)
            if regions is not None and (scope := regions.covering(where)) is not None:
                return scope
        return self.files.get(finding.code) or self.files.get(None)


_END_OF_FILE: Position = (2**62, 0)
_LINE_DIRECTIVES = frozenset({Directive.DISABLE_LINE, Directive.DISABLE_NEXT_LINE})


class _Regions:
    """Regions sorted by start, each with the furthest-reaching region started by then."""

    def __init__(self, scopes: Sequence[_Scope]) -> None:
        ordered = sorted(scopes, key=lambda scope: scope.start)
        self.starts = [scope.start for scope in ordered]
        self.reaching: list[_Scope] = []
        best: _Scope | None = None
        for scope in ordered:
            if best is None or (scope.end or _END_OF_FILE) > (best.end or _END_OF_FILE):
                best = scope
            self.reaching.append(best)

    def covering(self, where: Position) -> _Scope | None:
        index = bisect.bisect_right(self.starts, where) - 1
        if index < 0:
            return None
        scope = self.reaching[index]
        return scope if where < (scope.end or _END_OF_FILE) else None


def _slashed(path: str) -> str:
    return path.replace("\\", "/")


def _scopes_of(document: Document) -> tuple[list[_Scope], list[_Usage], list[Finding]]:
    """Turn a document's comments into scopes; note malformed, unknown and stray ones."""
    scopes: list[_Scope] = []
    usages: list[_Usage] = []
    notes: list[Finding] = []
    open_regions: list[_Scope] = []  # off, or disable CODE: waiting for on / enable
    for item in _scan(document):
        if isinstance(item, _Malformed):
            notes.append(_invalid_note(item))
            continue
        codes, unknown = _resolved(item.codes)
        if unknown:
            notes.append(_unknown_note(item, unknown))
            if not codes:
                continue  # naming only unknown codes, it cannot suppress anything
        if item.directive in (Directive.ON, Directive.ENABLE):
            if not _close(open_regions, item, codes):
                notes.append(_stray_note(item))
            continue
        usage = _Usage(item, codes)
        usages.append(usage)
        new = _scopes_for(usage)
        scopes.extend(new)
        if item.directive in (Directive.OFF, Directive.DISABLE):
            open_regions.extend(new)
    return scopes, usages, notes


def _resolved(tokens: Sequence[str]) -> tuple[dict[str, list[str]] | None, list[str]]:
    """Return code -> tokens for the known tokens (None if none is named), and the unknown."""
    if not tokens:
        return None, []
    codes: dict[str, list[str]] = {}
    unknown: list[str] = []
    for token in tokens:
        code = resolve_code(token)
        if code is None:
            unknown.append(token)
        else:
            codes.setdefault(code, []).append(token)
    return codes, unknown


def _scopes_for(usage: _Usage) -> list[_Scope]:
    item = usage.suppression
    codes = None if usage.codes is None else frozenset(usage.codes)
    if item.directive is Directive.DISABLE_FILE:
        return [_Scope(usage, codes, (0, 0))]
    if item.directive is Directive.DISABLE_LINE:
        return [_Scope(usage, codes, (item.line, 0), (item.end_line + 1, 0))]
    if item.directive is Directive.DISABLE_NEXT_LINE:
        return [_Scope(usage, codes, (item.end_line + 1, 0), (item.end_line + 2, 0))]
    after_comment = (item.end_line, item.end_column)
    if codes is None:
        return [_Scope(usage, None, after_comment)]
    # One scope a code, so that "enable A" can end A while B stays disabled.
    return [_Scope(usage, frozenset({code}), after_comment) for code in sorted(codes)]


def _close(open_regions: list[_Scope], item: Suppression,
           codes: dict[str, list[str]] | None) -> bool:
    """End the open regions ``item`` closes; return whether it closed any.

    ``on`` closes every ``off``; ``enable`` closes the ``disable`` regions of
    the codes it names, or all of them when it names none.
    """
    opener = Directive.OFF if item.directive is Directive.ON else Directive.DISABLE
    closing = [
        scope for scope in open_regions
        if scope.usage.suppression.directive is opener
        and (codes is None or (scope.codes is not None and scope.codes <= codes.keys()))
    ]
    for scope in closing:
        scope.end = (item.line, item.column)
        open_regions.remove(scope)
    return bool(closing)


def _unused_note(usage: _Usage, tokens: Sequence[str]) -> Finding:
    item = usage.suppression
    named = sum(len(names) for names in (usage.codes or {}).values())
    detail = f" for {', '.join(tokens)}" if tokens and len(tokens) < named else ""
    return _note(item, UNUSED_CHECK, f'suppression "{item.text}" suppressed nothing{detail}',
                 "Remove the comment (or its unused codes): nothing it names is reported here.")


def _unknown_note(item: Suppression, unknown: Sequence[str]) -> Finding:
    names = ", ".join(repr(token) for token in unknown)
    plural = "codes" if len(unknown) > 1 else "code"
    return _note(item, UNKNOWN_CHECK, f'suppression "{item.text}" names unknown {plural} {names}',
                 "Use a code (FC101), a rule name (sum) or a rule slug.")


def _stray_note(item: Suppression) -> Finding:
    opener = "figcheck off" if item.directive is Directive.ON else "figcheck disable"
    message = f'suppression "{item.text}" ends nothing: no "{opener}" is open'
    hint = f'Remove it, or add the "{opener}" it was meant to close.'
    return _note(item, UNUSED_CHECK, message, hint)


def _invalid_note(item: _Malformed) -> Finding:
    return _note(item, INVALID_CHECK, f'invalid suppression "{item.body}": {item.problem}',
                 "Write one of: figcheck off, on, disable CODE, enable CODE, "
                 "disable-next-line, disable-line, disable-file.")


def _note(item: Suppression | _Malformed, check: str, message: str, hint: str) -> Finding:
    return Finding(rule=Rule.REFERENCE, severity=Severity.WARNING, path=item.path, line=item.line,
                   column=item.column, message=message, check=check, hint=hint,
                   end_line=item.end_line, end_column=item.end_column)
