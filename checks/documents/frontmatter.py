"""Split YAML front matter off the top of a text or Markdown document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from checks.errors import DocumentError

# The C loader reads large front matter quickly where libyaml is built in; both
# are BaseLoaders, which keep every value a string ("09:26" stays "09:26").
_LOADER: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

_DASH_FENCE = re.compile(r"---[ \t]*\r?")
_DASH_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*\r?")
_YAML_FENCE = re.compile(r"```[ \t]*ya?ml[ \t]*\r?", re.IGNORECASE)
_BACKTICK_CLOSE = re.compile(r"```[ \t]*\r?")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Metadata read from the top of a document and where its body starts."""

    metadata: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0  # raw offset of the first character after the front matter
    end_line: int = 0  # 1-based line of the closing fence; 0 when there is none


def split_front_matter(raw: str, path: str) -> FrontMatter:
    """Return the front matter at the very top of ``raw``, if there is any.

    Two forms are read: ``---`` ... ``---`` (or ``...``), and a fenced block
    opened by a line of three backticks and ``yaml``.  A block that never
    closes, or whose YAML is not a mapping, is not front matter: it is left in
    the body.  YAML that does not parse raises :class:`DocumentError` naming
    the file's line.
    """
    first_end = _line_end(raw, 0)
    first_line = raw[:first_end]
    if _DASH_FENCE.fullmatch(first_line):
        closing = _DASH_CLOSE
    elif _YAML_FENCE.fullmatch(first_line):
        closing = _BACKTICK_CLOSE
    else:
        return FrontMatter()
    content_start = min(first_end + 1, len(raw))
    line_start, line_number = content_start, 2
    while line_start < len(raw):
        line_end = _line_end(raw, line_start)
        if closing.fullmatch(raw, line_start, line_end):
            metadata = _load(raw[content_start:line_start], path)
            if metadata is None:
                return FrontMatter()
            return FrontMatter(metadata, min(line_end + 1, len(raw)), line_number)
        line_start, line_number = line_end + 1, line_number + 1
    return FrontMatter()


def _line_end(raw: str, start: int) -> int:
    end = raw.find("\n", start)
    return len(raw) if end == -1 else end


def _load(text: str, path: str) -> dict[str, Any] | None:
    """Return the mapping in ``text`` (front matter starting on line 2), or None."""
    try:
        loaded = yaml.load(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if mark is not None and error.context_mark is not None and mark.line >= text.count("\n"):
            # "Unexpected end of stream": the line where the unclosed thing began helps more.
            mark = error.context_mark
        line = 2 + mark.line if mark is not None else 2
        problem = error.problem or error.context or "cannot be read"
        raise DocumentError(f"bad YAML in front matter: {problem}", path, line) from None
    except yaml.YAMLError as error:
        raise DocumentError(f"bad YAML in front matter: {error}", path, 2) from None
    if loaded is None:
        return {}
    return loaded if isinstance(loaded, dict) else None
