"""The values that flow through figcheck, stage by stage.

documents -> figures -> checks -> findings -> reports.  Every stage takes and
returns these frozen dataclasses; dicts appear only at the edges (YAML in,
JSON out).  Offsets are 0-based character offsets into the raw file; lines and
columns are 1-based, as editors and CI annotations count them.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

# --------------------------------------------------------------------------- documents


class BlockKind(str, Enum):
    """What a block of document text is, as far as the checks care."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"  # a list item
    ROW = "row"  # a table row (its cells are in Block.cells)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of block text copied unchanged from the raw file.

    ``text_start`` is the offset in the block text, ``raw_start`` the offset in
    the raw file, ``length`` the run's length.
    """

    text_start: int
    raw_start: int
    length: int


def _segment_start(segment: Segment) -> int:
    return segment.text_start


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its span in the block text and whether it is a header."""

    start: int
    end: int
    header: bool


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph, list item or table row of a document's visible text.

    ``text`` is normalised for reading (single spaces for line breaks, HTML
    entities decoded, Markdown markers dropped); ``segments`` map every
    character of it back to the raw file.
    """

    kind: BlockKind
    text: str
    segments: tuple[Segment, ...]
    level: int = 0  # heading level (1 = title); 0 for other blocks
    table: int | None = None  # index of the table a row belongs to, per document
    cells: tuple[Cell, ...] = ()

    def raw_offset(self, index: int) -> int:
        """Return the raw-file offset of character ``index`` of the block text."""
        if not self.segments:
            return 0
        found = bisect.bisect_right(self.segments, index, key=_segment_start)
        seg = self.segments[max(found - 1, 0)]
        return seg.raw_start + min(max(index - seg.text_start, 0), max(seg.length - 1, 0))

    def raw_end(self, index: int) -> int:
        """Return the raw-file offset just past character ``index - 1``."""
        if index <= 0:
            return self.raw_offset(0)
        return self.raw_offset(index - 1) + 1


@dataclass(frozen=True, slots=True)
class Document:
    """A release as read from disk: raw text, visible blocks and metadata."""

    path: str
    raw: str
    format: str  # "text", "markdown" or "html"
    blocks: tuple[Block, ...]
    published: date | None = None
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    line_starts: tuple[int, ...] = ()

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a raw-file offset."""
        starts = self.line_starts or (0,)
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1


def line_starts_of(raw: str) -> tuple[int, ...]:
    """Return the offset at which every line of ``raw`` starts."""
    starts = [0]
    index = raw.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = raw.find("\n", index + 1)
    return tuple(starts)


# --------------------------------------------------------------------------- numbers


class Kind(str, Enum):
    """What a number in the text is.  Only COUNT, PERCENT, MONEY and DECIMAL are
    quantities the checks compare; the rest are recognised so that they are not
    mistaken for counts."""

    COUNT = "count"  # a whole number of things: "593 investigations", "six men"
    DECIMAL = "decimal"  # a measured amount: "8.47 million", "1.2m tonnes", "16.1"
    PERCENT = "percent"  # "7%", "16 per cent"
    POINTS = "points"  # "three percentage points"
    MONEY = "money"  # "£1.1bn", "$20"
    CHANGE = "change"  # a difference, not a total: "three more than", "a further 20"
    AGE = "age"  # "a 62-year-old", "aged 25", "Daniel Hollins, 34,"
    YEAR = "year"  # "2015", "2019-20", "2007/8"
    DATE = "date"  # the day in "14 September", "26/03/2021"
    TIME = "time"  # "09:26", "11pm"
    DURATION = "duration"  # "four weeks", "five-week", "three and a half years"
    PHONE = "phone"  # "101", "999", "0800 555 111"
    REFERENCE = "reference"  # "Section 160", "Channel 4", "A34", "Red 1"
    ORDINAL = "ordinal"  # "first", "3rd"
    RATE = "rate"  # "16 calls a minute"
    LISTED = "listed"  # not written as a number: how many people a list names


COMPARABLE_KINDS = frozenset({Kind.COUNT, Kind.DECIMAL, Kind.PERCENT, Kind.MONEY})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a string, before anything is known of what it counts.

    ``start``/``end`` span the whole mention, qualifier and unit included
    ("more than 380", "16 per cent", "1.2m"); ``low``/``high`` bound the value
    the words allow (``math.inf`` where open).
    """

    start: int
    end: int
    text: str
    kind: Kind
    value: float
    low: float
    high: float
    qualifier: str | None = None
    words: bool = False  # written in words ("six", "a dozen")

    @property
    def exact(self) -> bool:
        return self.low == self.high


# --------------------------------------------------------------------------- figures


class ScopeKind(str, Enum):
    """The period a figure covers."""

    CUMULATIVE = "cumulative"  # since launch / to date
    PERIOD = "period"  # the last 12 months, 2019-20, the year to 31 March
    EVENT = "event"  # a day, week or fortnight of action, "yesterday"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Scope:
    """When a figure applies: its kind, a label as written, and the dates it spans
    where they can be worked out (``start``/``end`` inclusive)."""

    kind: ScopeKind = ScopeKind.UNKNOWN
    label: str = ""
    start: date | None = None
    end: date | None = None

    def __str__(self) -> str:
        if self.start and self.end:
            dates = f"{self.start.isoformat()}..{self.end.isoformat()}"
        elif self.end:
            dates = f"..{self.end.isoformat()}"
        else:
            dates = ""
        return " ".join(
            part for part in (self.kind.value, self.label and f"({self.label})", dates) if part
        )


UNKNOWN_SCOPE = Scope()


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in a document with everything figcheck worked out about it."""

    id: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int  # raw-file offset of the first character
    text: str
    kind: Kind
    value: float
    low: float
    high: float
    qualifier: str | None = None
    noun: str | None = None
    metric: str | None = None
    entity: str | None = None
    scope: Scope = UNKNOWN_SCOPE
    block: int = 0  # index of the block in Document.blocks
    sentence: int = 0  # index of the sentence in the document
    context: str = ""  # the sentence the figure stands in
    at: int = 0  # where the figure's text starts in ``context``
    relation: str | None = None  # "subset", "part", "listing": how it relates to ``about``
    about: str | None = None  # id of the figure this one is a subset, part or listing of
    parts: int | None = None  # for a total: how many parts the text names for it

    @property
    def approximate(self) -> bool:
        return self.low != self.high

    def describe(self) -> str:
        """Return ``"593 investigations" (line 39)`` for messages."""
        return f'"{self.text}" (line {self.line})'


# --------------------------------------------------------------------------- findings


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Rule(str, Enum):
    """The kinds of discrepancy figcheck reports, each with a stable code."""

    SUM = "sum"
    MISSING = "missing"
    COUNT = "count"
    ORDER = "order"
    CONFLICT = "conflict"
    TREND = "trend"
    DATE = "date"
    TRUNCATED = "truncated"
    ARITHMETIC = "arithmetic"
    RANGE = "range"
    REFERENCE = "reference"

    @property
    def code(self) -> str:
        return RULE_CODES[self]


RULE_CODES: dict[Rule, str] = {
    Rule.SUM: "FC101",
    Rule.MISSING: "FC102",
    Rule.COUNT: "FC103",
    Rule.ORDER: "FC104",
    Rule.CONFLICT: "FC105",
    Rule.TREND: "FC106",
    Rule.DATE: "FC201",
    Rule.TRUNCATED: "FC202",
    Rule.ARITHMETIC: "FC301",
    Rule.RANGE: "FC302",
    Rule.REFERENCE: "FC303",
}


@dataclass(frozen=True, slots=True)
class Related:
    """Another place in a document that a finding rests on."""

    path: str
    line: int
    column: int
    text: str
    role: str = ""  # "part", "whole", "earlier", "list item", ...


@dataclass(frozen=True, slots=True)
class Finding:
    """One discrepancy, anchored at the line of its key figure."""

    rule: Rule
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    check: str  # the id of the check or rule-file rule that raised it
    hint: str | None = None  # the likely cause or fix, where the numbers point to one
    related: tuple[Related, ...] = ()
    end_line: int | None = None
    end_column: int | None = None

    @property
    def code(self) -> str:
        return self.rule.code

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


def finite(value: float) -> float | None:
    """Return ``value`` for JSON, or None where it is infinite or NaN."""
    return value if math.isfinite(value) else None


# --------------------------------------------------------------------------- runs


@dataclass(frozen=True, slots=True)
class RunResult:
    """Everything one run produced: what reports are rendered from."""

    documents: tuple[Document, ...]
    figures: tuple[Figure, ...]
    findings: tuple[Finding, ...]
    rule_files: tuple[str, ...] = ()
    checked: frozenset[str] = frozenset()  # ids of the figures some check compared
    suppressed: int = 0  # findings hidden by inline comments or ignore settings
    baselined: int = 0  # findings hidden because the baseline already knows them
    stored: tuple[Figure, ...] = ()  # figures of earlier releases read from a figure store

    def figures_of(self, path: str) -> list[Figure]:
        return [f for f in self.figures if f.path == path]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)
