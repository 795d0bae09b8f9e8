"""Read one rule file and compose its YAML into nodes, refusing anything hostile.

The nodes keep their ``start_mark``, so every later error can name its line.
PyYAML's own composer is used (driven by libyaml's parser where available),
with guards in front of it: a size cap, a node cap, a nesting cap, and no
anchors, aliases or unsupported tags.  Refusing aliases is what stops
"billion laughs" expansion.  The caps are checked as events arrive, so deep
nesting is refused before libyaml's scanner (which slows down badly on deeply
nested flow collections) or the recursive composer gets far into it.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, NoReturn

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent
from yaml.nodes import Node

from checks.errors import RuleFileError

MAX_BYTES = 1024 * 1024
MAX_NODES = 50_000
MAX_DEPTH = 32

_TAG = "tag:yaml.org,2002:"
SUPPORTED_TAGS = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)

_WRITE_OUT = "write the value out in full"


def read_rule_text(path: Path, shown: str) -> str:
    """Return the text of the rule file at ``path``; ``shown`` is its name in messages.

    Raises RuleFileError for a file that is too large, binary, not UTF-8 or
    holds nothing but whitespace.
    """
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise RuleFileError(f"cannot read rule file: {error.strerror or error}", shown) from None
    if len(data) > MAX_BYTES:
        raise RuleFileError(f"rule file is larger than {MAX_BYTES // 1024} KB", shown)
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        raise RuleFileError("rule file looks binary (it contains a NUL byte)", shown, line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        message = f"rule file is not UTF-8 text (byte 0x{byte:02x})"
        raise RuleFileError(message, shown, line) from None
    if not text.strip():
        raise RuleFileError("rule file is empty", shown, 1)
    return text


def compose_rule_yaml(text: str, shown: str) -> Node | None:
    """Return the root node of the single YAML document in ``text`` (None if it has none)."""
    loader = LOADER(text, shown)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, shown) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        character = error.character if isinstance(error.character, int) else ord(error.character)
        message = f"invalid YAML: character #x{character:04x} is not allowed ({error.reason})"
        raise RuleFileError(message, shown, line) from None
    except yaml.YAMLError as error:
        raise RuleFileError(f"invalid YAML: {_one_line(str(error))}", shown) from None
    finally:
        loader.dispose()


def _syntax_error(error: yaml.MarkedYAMLError, shown: str) -> RuleFileError:
    """Return the error for a YAML syntax error, at the line YAML reports, on one line."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    if "expected a single document" in f"{error.context} {error.problem}":
        message = "a rule file must hold one YAML document; remove the second '---'"
        return RuleFileError(f"invalid YAML: {message}", shown, line)
    words = [error.problem or "syntax error"]
    if error.context:
        context = error.context
        context_line = error.context_mark.line + 1 if error.context_mark is not None else line
        if context_line != line:
            context += f" that starts at line {context_line}"
        words.append(f"({context})")
    return RuleFileError(f"invalid YAML: {_one_line(' '.join(words))}", shown, line)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Guards(Composer):
    """PyYAML's Python composer, checking every node before it is composed.

    Mixed in ahead of a loader, so that this ``compose_node`` is used even
    over libyaml's C composer (which has no such checks).
    """

    loader_base: ClassVar[type]

    def __init__(self, text: str, shown: str) -> None:
        self.loader_base.__init__(self, text)
        Composer.__init__(self)
        self.shown = shown
        self.depth = 0
        self.nodes = 0

    def compose_node(self, parent: Node | None, index: object) -> Node:
        event = self.peek_event()
        self._refuse_unsupported(event)
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self._fail(f"rule file has more than {MAX_NODES} YAML values", event)
        self.depth += 1
        if self.depth > MAX_DEPTH and isinstance(event, CollectionStartEvent):
            self._fail(f"YAML is nested more than {MAX_DEPTH} levels deep", event)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def _refuse_unsupported(self, event: NodeEvent) -> None:
        if isinstance(event, AliasEvent):
            self._fail(f"YAML aliases (*{event.anchor}) are not supported; {_WRITE_OUT}", event)
        if event.anchor is not None:
            self._fail(f"YAML anchors (&{event.anchor}) are not supported; {_WRITE_OUT}", event)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in SUPPORTED_TAGS:
            self._fail(f"YAML tag {_short_tag(tag)!r} is not supported", event)

    def _fail(self, message: str, event: NodeEvent) -> NoReturn:
        raise RuleFileError(message, self.shown, event.start_mark.line + 1)


class PurePythonLoader(_Guards, yaml.SafeLoader):
    """The guarded loader over PyYAML's pure-Python parser."""

    loader_base = yaml.SafeLoader


if yaml.__with_libyaml__:

    class LibyamlLoader(_Guards, yaml.CSafeLoader):
        """The guarded loader over libyaml's parser, about ten times faster."""

        loader_base = yaml.CSafeLoader

    LOADER: type[_Guards] = LibyamlLoader
else:
    LOADER = PurePythonLoader
