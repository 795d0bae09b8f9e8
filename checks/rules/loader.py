"""Load rule files: the entities, metrics and rules that figcheck checks against.

Rules are data.  A new publisher or region is a new YAML file, never a code
change.  ``load_rules`` takes files and directories (a directory stands for
its ``*.yaml`` and ``*.yml`` files, recursively, in sorted order, skipping
hidden ones) and merges everything they declare into one
:class:`~checks.rules.model.RuleSet`.  Ids are global across files, so a rule
in one file may use entities and metrics declared in another.

The format (every key is optional unless marked required)::

    name: west-midlands              # the rule set's name; defaults to the file name
    description: Keystone forces of the West Midlands region.
    entities:                        # id -> entity
      region:
        name: West Midlands region   # required
        aliases: [the region, all four forces]   # phrases that name it
        places: [Stafford, Lichfield]            # towns and areas inside it
        parts: [staffordshire, west-midlands]    # it is the sum of these entities
    metrics:                         # id -> metric
      arrests:
        name: people arrested        # required
        nouns: [arrest]              # counted nouns (singular) that alone signal it
        verbs: [arrest, detain]      # base verbs that signal it
        people: true                 # it counts people (default false)
    rules:                           # each rule has an id and exactly one kind
      - id: region-adds-up
        description: The region's figure is the sum of its forces' figures.
        sum: {whole: region}         # parts default to the whole's parts
        metrics: all                 # "all" (default) or a list of metric ids
        tolerance: 0                 # a number >= 0 (default 0)
        severity: error              # error | warning | info (default error)
      - id: charged-within-arrested
        order: {smaller: charged, larger: arrests}

Shorthands: a single text where a list is expected is a one-item list
(``aliases: Staffordshire``); ``sum: region`` means ``sum: {whole: region}``;
an optional key left empty (``parts:``) counts as not given.  Ids are letters,
digits, ``-``, ``_`` and ``.``, starting with a letter or digit; ``all`` may
not be a metric id.

Everything wrong with a rule file is a one-line
:class:`~checks.errors.RuleFileError` carrying the file and the line of the
offending key or value: YAML syntax, unknown keys (with the closest allowed
key suggested), wrong types, missing required keys, duplicate keys or ids,
references to undeclared entities or metrics, cycles in parts, rules with no
kind or two kinds.  Hostile input fails fast: files over 1 MB, more than
50,000 YAML values or 32 levels of nesting are refused, as are YAML anchors,
aliases (which is what stops "billion laughs" expansion), merge keys and tags
other than the standard scalar, list and mapping ones.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from checks.errors import RuleFileError
from checks.rules.model import RuleSet
from checks.rules.parse import FileDraft, parse_rule_file
from checks.rules.resolve import resolve_rules
from checks.rules.yamlread import compose_rule_yaml, read_rule_text

RULE_SUFFIXES = (".yaml", ".yml")


def load_rules(paths: Sequence[str | Path] | str | Path) -> RuleSet:
    """Load and merge the rule files at ``paths`` (files or directories).

    No paths give an empty rule set.  Raises RuleFileError, naming the file
    and line, for any problem with a path or a rule file.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = find_rule_files(paths)
    if not files:
        return RuleSet.empty()
    return resolve_rules([read_rule_file(path, shown) for path, shown in files])


def read_rule_file(path: Path, shown: str) -> FileDraft:
    """Read, compose and check one rule file; ``shown`` is its name in messages."""
    text = read_rule_text(path, shown)
    root = compose_rule_yaml(text, shown)
    return parse_rule_file(root, shown, default_name=path.stem)


def find_rule_files(paths: Sequence[str | Path]) -> list[tuple[Path, str]]:
    """Return ``(path, shown)`` for every rule file the paths name, each file once.

    ``shown`` is the path as the user wrote it (joined with the name found
    for a directory), so that messages point where they looked.
    """
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for given in paths:
        shown = os.fspath(given)
        path = Path(given)
        if path.is_dir():
            members = _directory_members(path, shown)
        elif path.is_file():
            members = [(path, shown)]
        elif path.exists():
            raise RuleFileError("not a regular file or directory", shown)
        else:
            raise RuleFileError("rule file or directory not found", shown)
        for member, member_shown in members:
            key = member.resolve()
            if key not in seen:
                seen.add(key)
                found.append((member, member_shown))
    return found


def _directory_members(directory: Path, shown: str) -> list[tuple[Path, str]]:
    def refuse(error: OSError) -> None:
        raise RuleFileError(f"cannot read directory: {error.strerror or error}", error.filename)

    relative: list[str] = []
    # os.walk does not follow symbolic links to directories, so a link loop cannot hang it.
    for root, directories, names in os.walk(directory, onerror=refuse):
        directories[:] = sorted(name for name in directories if not name.startswith("."))
        base = Path(root).relative_to(directory)
        relative.extend(
            (base / name).as_posix()
            for name in names
            if not name.startswith(".")
            and name.lower().endswith(RULE_SUFFIXES)
            # A pipe or device would block or never end; only regular files are read.
            and (Path(root) / name).is_file()
        )
    if not relative:
        raise RuleFileError(
            f"directory holds no rule files ({', '.join('*' + s for s in RULE_SUFFIXES)})", shown
        )
    return [
        (directory / name, os.path.join(shown, *name.split("/")))
        for name in sorted(relative)
    ]
