"""Read typed values out of composed YAML nodes, failing at the offending line.

Every failure is a one-line :class:`~checks.errors.RuleFileError` that names
the rule file and the 1-based line of the key or value at fault.  Messages
describe a value the way it was written, shortened, never across lines.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from checks.errors import RuleFileError

_TAG = "tag:yaml.org,2002:"
NULL_TAG = _TAG + "null"
STR_TAG = _TAG + "str"
BOOL_TAG = _TAG + "bool"
NUMBER_TAGS = frozenset({_TAG + "int", _TAG + "float"})

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
MAX_ID_LENGTH = 100
_SHOWN_LENGTH = 40
_LISTED = 8

# Only its scalar constructors are used, which keep no state between calls.
_SCALARS = SafeConstructor()


def line_of(node: Node) -> int:
    """Return the 1-based line a node starts on."""
    return node.start_mark.line + 1


def shorten(text: str) -> str:
    """Return ``text`` quoted on one line, cut to a readable length."""
    if len(text) > _SHOWN_LENGTH:
        text = text[: _SHOWN_LENGTH - 3] + "..."
    return repr(text)


def describe(node: Node) -> str:
    """Return how a value was written, for "got ..." in messages."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == NULL_TAG:
        return "nothing"
    if node.tag == STR_TAG:
        return shorten(node.value)
    return node.value if len(node.value) <= _SHOWN_LENGTH else shorten(node.value)


def closest(word: str, choices: Sequence[str]) -> str | None:
    """Return the choice closest to a misspelt ``word``, if one is close enough."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not found:
        found = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def listing(words: Sequence[str]) -> str:
    """Return ``a, b, c`` (cut after a few words) for messages."""
    shown = ", ".join(words[:_LISTED])
    return shown + ", ..." if len(words) > _LISTED else shown


def is_null(node: Node | None) -> bool:
    """Say whether a value was left empty (``key:`` with nothing, ``~`` or ``null``)."""
    return node is None or (isinstance(node, ScalarNode) and node.tag == NULL_TAG)


@dataclass(frozen=True, slots=True)
class Entry:
    """One key of a mapping with its value, both as nodes."""

    key: str
    key_node: ScalarNode
    value: Node

    @property
    def line(self) -> int:
        return line_of(self.key_node)


def _number(node: Node) -> float | None:
    """Return the value of a YAML int or float scalar, or None for anything else."""
    if not isinstance(node, ScalarNode) or node.tag not in NUMBER_TAGS:
        return None
    try:
        if node.tag.endswith(":int"):
            return float(_SCALARS.construct_yaml_int(node))
        return float(_SCALARS.construct_yaml_float(node))
    except (ValueError, OverflowError):  # too many digits, or too large for a float
        return None


class NodeReader:
    """Typed access to the nodes of one rule file; every failure names that file."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, message: str, line: int | Node | None) -> NoReturn:
        """Raise a RuleFileError for this file at ``line`` (or at a node's line)."""
        if isinstance(line, Node):
            line = line_of(line)
        raise RuleFileError(" ".join(message.split()), self.path, line)

    # ------------------------------------------------------------------ mappings

    def entries(self, node: Node, where: str, what: str) -> dict[str, Entry]:
        """Return a mapping's entries by key, refusing duplicate and non-text keys.

        ``where`` names the mapping in messages ("entity 'staffordshire'"),
        ``what`` says what it should hold when it is not a mapping at all.
        """
        if is_null(node):
            return {}
        if not isinstance(node, MappingNode):
            self.fail(f"{where} must be a mapping of {what}, got {describe(node)}", node)
        found: dict[str, Entry] = {}
        for key_node, value in node.value:
            key = self.key_text(key_node, where)
            if key in found:
                first = found[key].line
                message = f"duplicate key {shorten(key)} in {where} (first at line {first})"
                self.fail(message, key_node)
            found[key] = Entry(key, key_node, value)
        return found

    def key_text(self, node: Node, where: str) -> str:
        """Return a key's text; keys must be plain text."""
        if not isinstance(node, ScalarNode):
            self.fail(f"keys in {where} must be plain text, got {describe(node)}", node)
        if node.tag == NULL_TAG or not node.value.strip():
            self.fail(f"{where} has an empty key", node)
        return node.value

    def check_keys(
        self, entries: dict[str, Entry], allowed: Sequence[str], where: str
    ) -> None:
        """Refuse any key not in ``allowed``, suggesting the closest allowed one."""
        for entry in entries.values():
            if entry.key in allowed:
                continue
            if entry.key == "<<":
                self.fail(f"YAML merge keys (<<) are not supported in {where}", entry.key_node)
            suggestion = closest(entry.key, allowed)
            hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
            self.fail(
                f"unknown key {shorten(entry.key)} in {where}{hint}; "
                f"allowed keys: {', '.join(allowed)}",
                entry.key_node,
            )

    def require(self, entries: dict[str, Entry], key: str, where: str, line: int) -> Entry:
        """Return the entry for ``key``, or fail at ``line`` saying it is missing."""
        entry = entries.get(key)
        if entry is None or is_null(entry.value):
            at = entry.line if entry else line
            self.fail(f"{where}: missing required key {key!r}", at)
        return entry

    # ------------------------------------------------------------------ scalars

    def text(self, node: Node, where: str, field: str) -> str:
        """Return a non-empty one-line text value, stripped.

        Any scalar is taken as written, so ``name: 2017`` or ``name: yes`` mean
        the text "2017" and "yes" rather than a number or a boolean.
        """
        if not isinstance(node, ScalarNode) or node.tag == NULL_TAG:
            self.fail(f"{where}: {field} must be text, got {describe(node)}", node)
        value = " ".join(node.value.split())
        if not value:
            self.fail(f"{where}: {field} must not be empty", node)
        return value

    def text_list(self, node: Node | None, where: str, field: str) -> tuple[str, ...]:
        """Return a list of texts, without repeats; nothing given is an empty list.

        A single text is accepted as a one-item list (``aliases: Staffordshire``),
        since that is how people write a list of one.
        """
        items = self.items(node, where, field, "texts")
        return tuple(dict.fromkeys(self.text(item, where, f"{field} item") for item in items))

    def items(self, node: Node | None, where: str, field: str, what: str) -> list[Node]:
        """Return the item nodes of a list value; a lone scalar is a one-item list."""
        if is_null(node):
            return []
        if isinstance(node, SequenceNode):
            return list(node.value)
        if isinstance(node, ScalarNode):
            return [node]
        self.fail(f"{where}: {field} must be a list of {what}, got {describe(node)}", node)

    def identifier(self, node: Node, where: str, field: str) -> str:
        """Return an id: letters, digits, '-', '_' or '.', starting with a letter or digit."""
        if not isinstance(node, ScalarNode) or node.tag == NULL_TAG:
            self.fail(f"{where}: {field} must be an id, got {describe(node)}", node)
        return self.check_identifier(node.value, node, f"{where}: {field}")

    def check_identifier(self, value: str, node: Node, what: str) -> str:
        """Return ``value`` if it is a valid id; ``what`` names it in the message."""
        if len(value) > MAX_ID_LENGTH:
            self.fail(f"{what} {shorten(value)} is longer than {MAX_ID_LENGTH} characters", node)
        if not ID_PATTERN.fullmatch(value):
            self.fail(
                f"{what} {shorten(value)} must be letters, digits, '-', '_' or '.', "
                "starting with a letter or digit",
                node,
            )
        return value

    def flag(self, node: Node, where: str, field: str) -> bool:
        """Return a true/false value."""
        if not isinstance(node, ScalarNode) or node.tag != BOOL_TAG:
            self.fail(f"{where}: {field} must be true or false, got {describe(node)}", node)
        return bool(_SCALARS.construct_yaml_bool(node))

    def non_negative(self, node: Node, where: str, field: str) -> float:
        """Return a finite number >= 0."""
        value = _number(node)
        if value is None or not math.isfinite(value) or value < 0:
            self.fail(f"{where}: {field} must be a number >= 0, got {describe(node)}", node)
        return value

    def choice(self, node: Node, where: str, field: str, choices: Sequence[str]) -> str:
        """Return one of ``choices``, suggesting the closest for a misspelling."""
        value = self.text(node, where, field) if isinstance(node, ScalarNode) else None
        if value in choices:
            return value
        suggestion = closest(value, choices) if value else None
        hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
        self.fail(
            f"{where}: {field} must be one of {', '.join(choices)}, got {describe(node)}{hint}",
            node,
        )
