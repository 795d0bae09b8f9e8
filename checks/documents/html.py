"""Read the blocks of an HTML page: the article text, without the site around it.

The page is parsed with the standard library's :class:`html.parser.HTMLParser`
(``convert_charrefs=False``, so each entity's position is known) into a small,
forgiving tree: unclosed tags are closed where HTML closes them, stray end tags
are ignored.  The content root is the first ``<article>``, else ``<main>``,
else ``<body>``; navigation, share bars, footers and the like are skipped.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from checks.documents.builder import BuiltText, TextBuilder, make_block, make_row
from checks.model import Block, BlockKind

_VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_NEVER_TEXT = frozenset(
    {
        "head",
        "title",
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "form",
        "button",
        "select",
        "iframe",
        "object",
    }
)
# Page furniture: skipped when it is not part of an article.
_FURNITURE = frozenset({"nav", "aside", "footer", "header"})
_FURNITURE_WORDS = (
    "share", "social", "breadcrumb", "cookie", "related", "menu", "nav", "footer",
    "masthead", "subscribe", "newsletter", "advert", "promo",
)  # fmt: skip
_FURNITURE_PATTERN = re.compile("|".join(_FURNITURE_WORDS), re.IGNORECASE)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "blockquote", "pre", "dt", "dd", "figcaption", "caption", "td", "th",
        "tr", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "section", "article", "main",
        "header", "footer", "nav", "aside", "figure", "address", "hr", "details", "summary",
        "center", "fieldset", "body", "html", *_HEADINGS,
    }
)  # fmt: skip
# Inline elements may sit between a <p> and a tag that closes it implicitly.
_INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
     "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}
)  # fmt: skip
#: ``<meta>`` names and properties that hold the publication date, best first.
PUBLISHED_META = (
    "article:published_time",
    "date",
    "dc.date",
    "dc.date.issued",
    "datepublished",
    "og:published_time",
)
# How far up the open elements an implied end tag is looked for.
_IMPLIED_END_DEPTH = 64


@dataclass(slots=True)
class _Text:
    text: str
    offset: int  # raw offset of the first character (the "&" of an entity)
    decoded: bool  # an entity: the text stands for the raw characters at offset


@dataclass(slots=True)
class _Element:
    tag: str
    attrs: dict[str, str]
    offset: int
    children: list[_Element | _Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What an HTML page yields: blocks, the ``<title>``, ``<meta>`` values and
    the publication-date candidates (``<meta>`` then ``<time datetime>``)."""

    blocks: tuple[Block, ...]
    title: str | None
    meta: dict[str, str]
    dates: tuple[str, ...]


def parse_html(raw: str, line_starts: tuple[int, ...]) -> HtmlPage:
    """Return the blocks, title and date metadata of HTML ``raw``."""
    builder = _TreeBuilder(raw, line_starts)
    fed, end = _sanitize(raw)
    try:
        builder.feed(fed[:end])
        builder.close()
    except (AssertionError, ValueError):
        # html.parser has raised on malformed declarations that slipped past
        # _sanitize; the tree built so far is the best reading of the page.
        pass
    root = builder.root
    blocks = _BlockWalker().walk(_content_root(root))
    title_element = _first(root, "title")
    title = _element_text(title_element).text if title_element is not None else ""
    dates = [builder.meta[name] for name in PUBLISHED_META if builder.meta.get(name)]
    dates.extend(builder.times)
    return HtmlPage(tuple(blocks), title or None, dict(builder.meta), tuple(dates))


# --------------------------------------------------------------------------- tree


def _sanitize(raw: str) -> tuple[str, int]:
    """Return ``raw`` with the markup html.parser mishandles neutralised, and
    how much of it to parse.

    html.parser rescans to the end of the input for every ``<`` that opens a
    tag, end tag, declaration or processing instruction with no ``>`` before
    the next ``<`` (quadratic time on hostile input), raises on a malformed
    ``<![``, and reports every other ``<`` and every lone ``&`` as a text
    event of its own.  Each such character becomes a NUL, which the parser
    reads as ordinary text; the text handler copies the raw characters back.  An
    unclosed comment runs to the end of the page, so parsing stops there.
    The result has the same length and line breaks as ``raw``, so positions
    are unchanged.
    """
    opens = [match.start() for match in _ANGLE.finditer(raw)]
    closes = [match.start() for match in _CLOSE_ANGLE.finditer(raw)]
    stray: list[int] = []
    budget = 4 * len(raw) + 100_000
    end = len(raw)
    comment_end = 0
    comments_close = True
    for index, position in enumerate(opens):
        if position < comment_end:
            continue
        if raw.startswith("<!--", position):
            close = raw.find("-->", position + 4) if comments_close else -1
            if close == -1:
                comments_close = False
                end = position
                break
            comment_end = close + 3
            continue
        following = raw[position + 1 : position + 3]
        if not following or not (following[0].isalpha() or following[0] in "/!?"):
            # Text to html.parser too, but it reports such a "<" one at a time.
            stray.append(position)
            continue
        if following[0].isalpha():
            match = _START_TAG.match(raw, position, position + _TAG_WINDOW)
            if match is None and budget > 0:
                # A long tag (an inline data URI, say): look further, within a
                # budget that keeps the whole pass linear.
                match = _START_TAG.match(raw, position)
                budget -= (match.end() if match is not None else len(raw)) - position
            complete = match is not None
        else:
            next_open = opens[index + 1] if index + 1 < len(opens) else len(raw)
            next_close = bisect.bisect_left(closes, position)
            complete = next_close < len(closes) and closes[next_close] < next_open
        if not complete or (following == "![" and not _MARKED_SECTION.match(raw, position)):
            stray.append(position)
    # A lone "&" is text too, but html.parser also reports it on its own.
    stray.extend(match.start() for match in _LONE_AMPERSAND.finditer(raw, 0, end))
    if not stray:
        return raw, end
    pieces = []
    previous = 0
    for position in sorted(stray):
        pieces.append(raw[previous:position])
        pieces.append("\x00")
        previous = position + 1
    pieces.append(raw[previous:])
    return "".join(pieces), end


_TAG_WINDOW = 512
_LONE_AMPERSAND = re.compile(r"&(?![A-Za-z#])")
_ANGLE = re.compile("<")
_CLOSE_ANGLE = re.compile(">")
_MARKED_SECTION = re.compile(r"<!\[[A-Za-z]")
# A start tag that ends with ">": html.parser's own tolerant grammar, except that
# attribute names and unquoted values may not hold quotes or "<".  Each attribute must follow a
# space, slash or quote (the look-behind), so the repeat cannot backtrack.
_START_TAG = re.compile(
    r"""<[a-zA-Z][^\t\n\r\f />\x00]*"""
    r"""(?:[\s/]*(?<=['"\s/])[^\s/>'"<=][^\s/=>'"<]*"""
    r"""(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s<]*)\s*)?)*"""
    r"""[\s/]*>"""
)


class _TreeBuilder(HTMLParser):
    """Build a tolerant element tree with the raw offset of every piece."""

    def __init__(self, raw: str, line_starts: tuple[int, ...]) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = line_starts or (0,)
        self.root = _Element("#document", {}, 0)
        self.stack = [self.root]
        self.open_tags: Counter[str] = Counter()
        self.meta: dict[str, str] = {}
        self.times: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[min(line, len(self.line_starts)) - 1] + column

    def _append(self, node: _Element | _Text) -> None:
        self.stack[-1].children.append(node)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        element = _Element(tag, {name: value or "" for name, value in attrs}, self._offset())
        self._append(element)
        self._note_metadata(element)
        if tag not in _VOID_TAGS:
            self.stack.append(element)
            self.open_tags[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _Element(tag, {name: value or "" for name, value in attrs}, self._offset())
        self._append(element)
        self._note_metadata(element)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            self._append(_Element("br", {}, self._offset()))  # "</br>" is read as <br>
            return
        if not self.open_tags[tag]:
            return  # a stray end tag
        while len(self.stack) > 1:
            element = self.stack.pop()
            self.open_tags[element.tag] -= 1
            if element.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        offset = self._offset()
        # The raw characters, not the parsed ones: _sanitize may have changed a "<".
        self._append(_Text(self.raw[offset : offset + len(data)], offset, decoded=False))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};", f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};", f"&#{name}")

    def _reference(self, reference: str, as_written: str) -> None:
        offset = self._offset()
        decoded = _decode(reference)
        if decoded == reference:
            # Not an entity after all: keep the characters as written, with
            # the ";" the parser swallowed.
            if self.raw.startswith(";", offset + len(as_written)):
                as_written += ";"
            self._append(_Text(as_written, offset, decoded=False))
        else:
            self._append(_Text(decoded, offset, decoded=True))

    def _note_metadata(self, element: _Element) -> None:
        attrs = element.attrs
        if element.tag == "meta" and "content" in attrs:
            for key in ("name", "property", "itemprop", "http-equiv"):
                name = attrs.get(key, "").strip().lower()
                if name and name not in self.meta:
                    self.meta[name] = attrs["content"]
        elif element.tag == "time" and attrs.get("datetime"):
            self.times.append(attrs["datetime"])

    def _close_implied(self, tag: str) -> None:
        """Close the elements that ``tag`` ends implicitly (a new <p>, <li>, <td>...)."""
        if tag in ("li", "dt", "dd", "tr", "td", "th"):
            closes, limits = _IMPLIED_BY[tag]
            self._pop_to(closes, limits)
        if tag in _BLOCK_TAGS and self.open_tags["p"]:
            self._pop_to(frozenset({"p"}), _INLINE_TAGS, only_through=True)

    def _pop_to(
        self, closes: frozenset[str], limits: frozenset[str], *, only_through: bool = False
    ) -> None:
        """Pop up to the nearest open element in ``closes``.

        The search stops at an element in ``limits`` (a list for ``<li>``);
        with ``only_through`` it may pass only through elements in ``limits``.
        """
        for depth in range(1, min(len(self.stack), _IMPLIED_END_DEPTH)):
            element = self.stack[-depth]
            if element.tag in closes:
                for _ in range(depth):
                    popped = self.stack.pop()
                    self.open_tags[popped.tag] -= 1
                return
            if (element.tag in limits) != only_through:
                return


@functools.lru_cache(maxsize=512)
def _decode(reference: str) -> str:
    """Return what a character reference stands for (pages repeat the same few)."""
    return html.unescape(reference)


_IMPLIED_BY: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu", "table"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl", "table"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl", "table"})),
    "tr": (frozenset({"tr"}), frozenset({"table"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
}


def _iterate(element: _Element) -> Iterator[_Element]:
    """Yield ``element`` and its descendant elements in document order."""
    stack = [element]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(child for child in reversed(current.children) if isinstance(child, _Element))


def _first(root: _Element, tag: str) -> _Element | None:
    return next((element for element in _iterate(root) if element.tag == tag), None)


def _is_furniture_by_name(element: _Element) -> bool:
    attrs = element.attrs
    if not attrs or ("class" not in attrs and "id" not in attrs):
        return False
    return _FURNITURE_PATTERN.search(f"{attrs.get('class', '')} {attrs.get('id', '')}") is not None


def _content_root(root: _Element) -> _Element:
    """Return the first article outside page furniture, else main, else body."""
    stack: list[tuple[_Element, bool]] = [(root, False)]
    main = body = None
    while stack:
        element, in_furniture = stack.pop()
        in_furniture = in_furniture or element.tag in _FURNITURE or _is_furniture_by_name(element)
        if element.tag == "article" and not in_furniture:
            return element
        if element.tag == "main" and main is None:
            main = element
        if element.tag == "body" and body is None:
            body = element
        stack.extend(
            (child, in_furniture)
            for child in reversed(element.children)
            if isinstance(child, _Element)
        )
    return main or body or root


def _element_text(element: _Element) -> BuiltText:
    builder = TextBuilder()
    for node in _texts(element):
        _add_text(builder, node)
    return builder.build()


def _texts(element: _Element) -> Iterator[_Text]:
    stack: list[_Element | _Text] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, _Text):
            yield node
        else:
            stack.extend(reversed(node.children))


def _add_text(builder: TextBuilder, node: _Text) -> None:
    if node.decoded:
        builder.add_decoded(node.text, node.offset)
    else:
        builder.add(node.text, node.offset)


# --------------------------------------------------------------------------- blocks


@dataclass(slots=True)
class _Row:
    table: int | None
    cells: list[tuple[BuiltText, int, bool]] = field(default_factory=list)
    cell: TextBuilder | None = None
    cell_offset: int = 0
    cell_header: bool = False


class _BlockWalker:
    """Walk the content root in document order and cut its text into blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.builder = TextBuilder()
        self.kinds: list[tuple[BlockKind, int]] = []  # enclosing headings and list items
        self.rows: list[_Row] = []
        self.tables: list[
            list[int | None]
        ] = []  # the index of each open <table>, once it has a row
        self.table_count = 0
        self.in_article = 0

    def walk(self, root: _Element) -> list[Block]:
        self.in_article = 1 if root.tag == "article" else 0
        stack: list[tuple[_Element | _Text, bool]] = [
            (child, True) for child in reversed(root.children)
        ]
        while stack:
            node, entering = stack.pop()
            if isinstance(node, _Text):
                self._text(node)
            elif not entering:
                self._leave(node)
            elif not self._skipped(node):
                self._enter(node)
                stack.append((node, False))
                stack.extend((child, True) for child in reversed(node.children))
        self._flush()
        return self.blocks

    def _skipped(self, element: _Element) -> bool:
        if element.tag in _NEVER_TEXT or "hidden" in element.attrs:
            return True
        if element.tag in _FURNITURE and not self.in_article:
            return True
        return _is_furniture_by_name(element)

    def _target(self) -> TextBuilder | None:
        """Return where text goes now: the open cell, the block, or nowhere
        (between the cells of a row)."""
        if self.rows:
            return self.rows[-1].cell
        return self.builder

    def _text(self, node: _Text) -> None:
        target = self._target()
        if target is not None:
            _add_text(target, node)

    def _enter(self, element: _Element) -> None:
        tag = element.tag
        if tag == "article":
            self.in_article += 1
        if tag == "br":
            target = self._target()
            if target is not None:
                target.add_space(element.offset)
        elif tag == "table":
            self.tables.append([None])
        elif tag == "tr":
            self._boundary(element)
            self.rows.append(_Row(table=None))
        elif tag in ("td", "th") and self.rows:
            row = self.rows[-1]
            self._close_cell(row)
            row.cell, row.cell_offset, row.cell_header = TextBuilder(), element.offset, tag == "th"
        elif tag in _BLOCK_TAGS:
            self._boundary(element)
            if tag in _HEADINGS:
                self.kinds.append((BlockKind.HEADING, _HEADINGS[tag]))
            elif tag == "li":
                self.kinds.append((BlockKind.ITEM, 0))

    def _leave(self, element: _Element) -> None:
        tag = element.tag
        if tag == "article":
            self.in_article -= 1
        if tag == "table":
            if self.tables:
                self.tables.pop()
        elif tag == "tr" and self.rows:
            self._finish_row(self.rows.pop())
        elif tag in ("td", "th") and self.rows:
            self._close_cell(self.rows[-1])
        elif tag in _BLOCK_TAGS:
            self._boundary(element)
            if tag in _HEADINGS or tag == "li":
                self.kinds.pop()

    def _boundary(self, element: _Element) -> None:
        """End the current block, or put a space between words inside a cell."""
        if self.rows:
            cell = self.rows[-1].cell
            if cell is not None:
                cell.add_space(element.offset)
            return
        self._flush()

    def _close_cell(self, row: _Row) -> None:
        if row.cell is not None:
            row.cells.append((row.cell.build(), row.cell_offset, row.cell_header))
            row.cell = None

    def _finish_row(self, row: _Row) -> None:
        self._close_cell(row)
        if not row.cells:
            return
        block = make_row(row.cells, self._table_index())
        if block is not None:
            self.blocks.append(block)

    def _table_index(self) -> int:
        """Return the index of the innermost open table, numbering it on first use."""
        if not self.tables:
            self.tables.append([None])  # a row outside any <table>
        current = self.tables[-1]
        index = current[0]
        if index is None:
            index = current[0] = self.table_count
            self.table_count += 1
        return index

    def _flush(self) -> None:
        if self.builder.empty:
            return
        built = self.builder.build()
        self.builder = TextBuilder()
        kind, level = self.kinds[-1] if self.kinds else (BlockKind.PARAGRAPH, 0)
        block = make_block(kind, built, level=level)
        if block is not None:
            self.blocks.append(block)
