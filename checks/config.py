"""Configuration: which settings apply to a run and where each one came from.

Sources, highest first:

1. command-line flags (``overrides``);
2. one configuration file: ``--config FILE``, else the file named by the
   ``FIGCHECK_CONFIG`` environment variable, else the nearest
   ``.figcheck.yaml`` or ``pyproject.toml`` with a ``[tool.figcheck]`` table,
   walking up from the current directory (in one directory
   ``.figcheck.yaml`` wins).  Files are not merged: the nearest wins, and a
   file inherits only what it names with ``extend: PATH``;
3. the defaults.

Keys (the same in YAML and TOML)::

    extend: ../base.yaml             # inherit from another file (its keys lose)
    rules: [expectations]            # rule files or directories
    fail-level: error                # error | warning | info | none
    ignore: [FC202, arithmetic]      # codes, rule names, slugs or check ids
    per-file-ignores:
      "archive/**": [FC106]          # globs relative to the config file's directory
    format: text                     # the report format
    baseline: .figcheck-baseline.json

Paths resolve relative to the file that names them.  A ``null`` value counts
as not set.  Unknown keys and wrong types raise :class:`ConfigError` naming
the file (and, for YAML, the line).  ``--ignore`` on the command line adds to
the file's ``ignore``; every other flag replaces the file's value.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import json
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any

import yaml

from checks.errors import ConfigError
from checks.model import RULE_CODES, Finding, Rule

__all__ = [
    "CONFIG_FILE",
    "ENV_VARIABLE",
    "FAIL_LEVELS",
    "KEYS",
    "Config",
    "FileIgnore",
    "default_resolve",
    "describe_config",
    "discover_config",
    "load_config",
]

CONFIG_FILE = ".figcheck.yaml"
PYPROJECT = "pyproject.toml"
ENV_VARIABLE = "FIGCHECK_CONFIG"
FAIL_LEVELS = ("error", "warning", "info", "none")
KEYS = ("rules", "fail-level", "ignore", "per-file-ignores", "format", "baseline")
_FILE_ONLY_KEYS = ("extend",)
_DEFAULTS: dict[str, Any] = {
    "rules": (), "fail-level": "error", "ignore": ((), frozenset()), "per-file-ignores": (),
    "format": "text",
    "baseline": None,
}
_MAX_BYTES = 1_000_000
_MAX_EXTEND_DEPTH = 16
_CODES = frozenset(RULE_CODES.values())
_RULE_NAMES = {rule.value: rule.code for rule in Rule}
_TOML_HEADER = re.compile(r"\s*\[([^\]\[]*)\]\s*(?:#.*)?$")  # unambiguous: no backtracking
_TOML_KEY = re.compile(r"""\s*["']?([A-Za-z0-9_-]+)["']?\s*=""")
_TOML_ERROR_LINE = re.compile(r"at line (\d+)")
# "[tool.figcheck]", "tool.figcheck.x = ..." or "figcheck = {...}" under [tool]: worth parsing.
_MENTIONS_FIGCHECK_TABLE = re.compile(
    r"""^[ \t]*(?:\[[ \t]*)?(?:tool[ \t]*\.[ \t]*)?["']?figcheck["']?[ \t]*[.=\]]""", re.MULTILINE)

Resolver = Callable[[str], str | None]


def default_resolve(token: str) -> str | None:
    """Return the code a code (any case) or rule name stands for, or None.

    The command line passes a resolver that also knows the rule catalogue's
    slugs; this module may not import it.
    """
    cleaned = token.strip()
    if cleaned.upper() in _CODES:
        return cleaned.upper()
    return _RULE_NAMES.get(cleaned.lower())


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class FileIgnore:
    """Codes ignored in the files a glob matches, relative to ``base``.

    A glob without ``/`` also matches a file name in any folder under ``base``;
    ``**`` crosses folders, ``*`` and ``?`` do not.
    """

    pattern: str
    base: Path
    codes: tuple[str, ...]  # as written
    keys: frozenset[str]  # the codes and check ids they resolve to

    def matches(self, path: Path) -> bool:
        """Return whether the absolute ``path`` is one of the files the glob names."""
        try:
            relative = Path(os.path.relpath(path, self.base)).as_posix()
        except ValueError:  # another drive
            return False
        if relative == ".." or relative.startswith("../"):
            return False
        pattern = _glob_regex(self.pattern.removeprefix("./").lstrip("/"))
        if pattern.fullmatch(relative):
            return True
        if "/" in self.pattern:
            return False
        return pattern.fullmatch(posixpath.basename(relative)) is not None


@dataclass(frozen=True, slots=True)
class Config:
    """The effective settings of a run and, in ``sources``, where each came from.

    ``rules`` and ``baseline`` are relative to ``cwd`` when they lie under it.
    ``ignore_keys`` holds the codes and check ids ``ignore`` resolves to.
    ``files`` lists the configuration files read, the chosen one first, then
    those it extends; ``origin`` says how the first was found.
    """

    rules: tuple[Path, ...] = ()
    fail_level: str = "error"
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[FileIgnore, ...] = ()
    format: str = "text"
    baseline: Path | None = None
    sources: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType(dict.fromkeys(KEYS, "default")),
        compare=False, hash=False)
    ignore_keys: frozenset[str] = frozenset()
    files: tuple[Path, ...] = ()
    origin: str = ""
    cwd: Path = field(default_factory=Path.cwd, compare=False)

    def is_ignored(self, finding: Finding) -> bool:
        """Return whether ``ignore`` or a matching ``per-file-ignores`` glob covers ``finding``."""
        if finding.code in self.ignore_keys or finding.check in self.ignore_keys:
            return True
        if not self.per_file_ignores:
            return False
        path = Path(os.path.normpath(self.cwd / finding.path.replace("\\", "/")))
        return any(
            (finding.code in entry.keys or finding.check in entry.keys) and entry.matches(path)
            for entry in self.per_file_ignores
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the settings as a configuration file would write them."""
        return {
            "rules": [str(path) for path in self.rules],
            "fail-level": self.fail_level,
            "ignore": list(self.ignore),
            "per-file-ignores": {e.pattern: list(e.codes) for e in self.per_file_ignores},
            "format": self.format,
            "baseline": None if self.baseline is None else str(self.baseline),
        }


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True, slots=True)
class _Layer:
    """The raw settings of one source, with where each came from."""

    values: Mapping[str, Any]
    sources: Mapping[str, str]
    base: Path  # the directory relative paths and globs in it resolve against
    name: str  # the file, or "command line", for errors
    lines: Mapping[str, int]


def load_config(cwd: Path, explicit: Path | None, env: Mapping[str, str],
                overrides: Mapping[str, object], *,
                resolve: Resolver = default_resolve) -> Config:
    """Return the configuration for a run from ``cwd``.

    ``explicit`` is ``--config`` (relative to ``cwd``); ``env`` the
    environment (only ``FIGCHECK_CONFIG`` is read); ``overrides`` the
    command-line values by key (``fail-level`` or ``fail_level``), where None
    or an empty sequence means the flag was not given.  ``resolve`` turns an
    ignore token into a code, or None when it names nothing.
    """
    cwd = cwd.absolute()
    chosen, origin = _choose_file(cwd, explicit, env)
    layers = [_override_layer(overrides, cwd)]
    files: list[Path] = []
    if chosen is not None:
        for path, layer in _read_chain(chosen, cwd):
            files.append(path)
            layers.append(layer)
    return _combine(layers, cwd, tuple(files), origin, resolve)


def discover_config(cwd: Path) -> Path | None:
    """Return the nearest ``.figcheck.yaml``, or ``pyproject.toml`` with ``[tool.figcheck]``.

    The search starts in ``cwd`` and walks up to the file-system root.
    """
    cwd = cwd.absolute()
    for directory in (cwd, *cwd.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _configures_figcheck(pyproject, cwd):
            return pyproject
    return None


def _choose_file(cwd: Path, explicit: Path | None,
                 env: Mapping[str, str]) -> tuple[Path | None, str]:
    if explicit is not None:
        return _existing(cwd / explicit, cwd, f"--config {explicit}"), "--config"
    named = env.get(ENV_VARIABLE, "").strip()
    if named:
        return _existing(cwd / named, cwd, f"{ENV_VARIABLE}={named}"), ENV_VARIABLE
    found = discover_config(cwd)
    return found, ("discovered" if found is not None else "")


def _existing(path: Path, cwd: Path, given_as: str) -> Path:
    if not path.exists():
        raise ConfigError(f"configuration file not found (given as {given_as})",
                          path=_shown(path, cwd))
    if not path.is_file():
        raise ConfigError(f"configuration path is not a file (given as {given_as})",
                          path=_shown(path, cwd))
    return path


def _read_chain(first: Path, cwd: Path) -> list[tuple[Path, _Layer]]:
    """Return the file and every file it extends, in that order (highest first)."""
    chain: list[tuple[Path, _Layer]] = []
    seen: set[Path] = set()
    path: Path | None = first
    while path is not None:
        key = path.resolve()
        if key in seen:
            raise ConfigError(f"'extend' makes a cycle back to {_shown(path, cwd)}",
                              path=_shown(chain[-1][0], cwd))
        if len(chain) >= _MAX_EXTEND_DEPTH:
            raise ConfigError(f"'extend' chain longer than {_MAX_EXTEND_DEPTH} files",
                              path=_shown(path, cwd))
        seen.add(key)
        layer = _read_file(path, cwd)
        chain.append((path, layer))
        path = _extended(layer)
    return chain


def _extended(layer: _Layer) -> Path | None:
    target = layer.values.get("extend")
    if target is None:
        return None
    if not isinstance(target, str) or not target.strip():
        raise ConfigError("'extend' must be the path of a configuration file", path=layer.name,
                          line=layer.lines.get("extend"))
    path = Path(os.path.normpath(layer.base / target))
    if not path.is_file():
        raise ConfigError(f"'extend' names {target!r}, which is not a file", path=layer.name,
                          line=layer.lines.get("extend"))
    return path


def _read_file(path: Path, cwd: Path) -> _Layer:
    name = _shown(path, cwd)
    text = _read_text(path, name)
    if path.suffix.lower() == ".toml":
        values, lines, where = _toml_table(text, name, path.name == PYPROJECT)
        sources = {key: f"{name}:{lines[key]}" if key in lines else f"{name} {where}"
                   for key in values}
    else:
        values, lines = _yaml_mapping(text, name)
        sources = {key: f"{name}:{lines[key]}" for key in values}
    values = {key: value for key, value in values.items() if value is not None}
    _refuse_unknown(values, name, lines, allowed=(*KEYS, *_FILE_ONLY_KEYS))
    return _Layer(values, sources, path.parent.absolute(), name, lines)


def _override_layer(overrides: Mapping[str, object], cwd: Path) -> _Layer:
    values: dict[str, Any] = {}
    for raw_key, value in overrides.items():
        key = raw_key.replace("_", "-")
        if value is None or (isinstance(value, (list, tuple)) and not value):
            continue  # a flag that was not given
        if key in ("ignore", "rules") and isinstance(value, (str, Path)):
            value = [value]
        if key == "ignore" and isinstance(value, (list, tuple)):
            # "--ignore FC101,FC202" is as good as the flag twice.
            value = [part.strip() for item in value for part in str(item).split(",")
                     if part.strip()]
        if key in ("rules", "baseline"):
            value = [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value)
        values[key] = value
    _refuse_unknown(values, "command line", {}, allowed=KEYS)
    sources = {key: f"command line (--{key})" for key in values}
    return _Layer(values, sources, cwd, "command line", {})


def _refuse_unknown(values: Mapping[str, Any], name: str, lines: Mapping[str, int],
                    allowed: Sequence[str]) -> None:
    for key in values:
        if key not in allowed:
            close = difflib.get_close_matches(key.replace("_", "-"), allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            choices = ", ".join(allowed)
            raise ConfigError(f"unknown key {key!r}{hint}; expected one of {choices}", path=name,
                              line=lines.get(key))


# --------------------------------------------------------------------------- combining


def _combine(layers: Sequence[_Layer], cwd: Path, files: tuple[Path, ...], origin: str,
             resolve: Resolver) -> Config:
    # Every layer is checked, not only the winning one: a mistake in an extended
    # file should not wait until the file extending it drops the key.
    typed = [{key: _typed(key, layer, cwd, resolve) for key in KEYS if key in layer.values}
             for layer in layers]
    chosen: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for key in KEYS:
        index = next((i for i, values in enumerate(typed) if key in values), None)
        chosen[key] = _DEFAULTS[key] if index is None else typed[index][key]
        sources[key] = "default" if index is None else layers[index].sources[key]
    ignore, ignore_keys = chosen["ignore"]
    below = next((i for i in range(1, len(layers)) if "ignore" in typed[i]), None)
    if "ignore" in typed[0] and below is not None:
        # The command line adds to the file's ignore list rather than replacing it.
        more, more_keys = typed[below]["ignore"]
        ignore = tuple(dict.fromkeys((*more, *ignore)))  # in order, once each
        ignore_keys = more_keys | ignore_keys
        sources["ignore"] = f"{layers[below].sources['ignore']} + {sources['ignore']}"
    return Config(
        rules=chosen["rules"], fail_level=chosen["fail-level"], ignore=tuple(ignore),
        per_file_ignores=chosen["per-file-ignores"], format=chosen["format"],
        baseline=chosen["baseline"], sources=MappingProxyType(sources),
        ignore_keys=frozenset(ignore_keys), files=files, origin=origin, cwd=cwd,
    )


def _typed(key: str, layer: _Layer, cwd: Path, resolve: Resolver) -> Any:
    """Return ``key``'s value from ``layer``, checked and converted; ConfigError if wrong."""
    value = layer.values[key]
    problem = _Problem(layer, key)
    if key == "rules":
        return tuple(_path(item, layer, cwd) for item in problem.strings(value, "a list of paths"))
    if key == "fail-level":
        if value not in FAIL_LEVELS:
            raise problem(f"must be one of {', '.join(FAIL_LEVELS)}, not {value!r}")
        return value
    if key == "format":
        if not isinstance(value, str) or not value.strip():
            raise problem("must be the name of a report format")
        return value.strip()
    if key == "baseline":
        if not isinstance(value, str) or not value.strip():
            raise problem("must be the path of a baseline file")
        return _path(value, layer, cwd)
    if key == "ignore":
        tokens = tuple(problem.strings(value, "a list of codes, rule names or slugs"))
        return tokens, _keys(tokens, problem, resolve)
    if key == "per-file-ignores":
        return _file_ignores(value, layer, problem, resolve)
    raise AssertionError(key)  # KEYS and this function are kept in step


class _Problem:
    """Build ConfigErrors that name the file, line and key of a value."""

    def __init__(self, layer: _Layer, key: str) -> None:
        self.layer = layer
        self.key = key

    def __call__(self, message: str) -> ConfigError:
        return ConfigError(f"{self.key!r} {message}", path=self.layer.name,
                           line=self.layer.lines.get(self.key))

    def strings(self, value: Any, expected: str) -> list[str]:
        if not isinstance(value, (list, tuple)) or not all(
                isinstance(item, str) and item.strip() for item in value):
            raise self(f"must be {expected}, not {_describe(value)}")
        return [item.strip() for item in value]


def _describe(value: Any) -> str:
    names = {str: "a string", int: "a number", float: "a number", bool: "true/false",
             dict: "a mapping", list: "a list"}
    if isinstance(value, list) and value:
        return "a list holding " + ", ".join(sorted({names.get(type(v), type(v).__name__)
                                                        for v in value}))
    return names.get(type(value), type(value).__name__)


def _keys(tokens: Iterable[str], problem: _Problem, resolve: Resolver) -> frozenset[str]:
    keys: set[str] = set()
    for token in tokens:
        code = resolve(token)
        if code is not None:
            keys.add(code)
        elif "." in token:
            keys.add(token)  # a check id, such as west-midlands.region-adds-up
        else:
            raise problem(f"names unknown code, rule or slug {token!r}")
    return frozenset(keys)


def _file_ignores(value: Any, layer: _Layer, problem: _Problem,
                  resolve: Resolver) -> tuple[FileIgnore, ...]:
    if not isinstance(value, Mapping):
        raise problem(f"must map globs to lists of codes, not {_describe(value)}")
    entries = []
    for pattern, codes in value.items():
        if not isinstance(pattern, str) or not pattern.strip():
            raise problem("has a glob that is not a non-empty string")
        tokens = tuple(problem.strings(codes, f"a list of codes for {pattern!r}"))
        keys = _keys(tokens, problem, resolve)
        entries.append(FileIgnore(pattern.strip(), layer.base, tokens, keys))
    return tuple(entries)


def _path(value: str, layer: _Layer, cwd: Path) -> Path:
    if layer.name == "command line":
        return Path(value)  # as typed: reports then show it as the user wrote it
    return Path(_shown(Path(os.path.normpath(layer.base / value)), cwd))


def _shown(path: Path, cwd: Path) -> str:
    """Return ``path`` relative to ``cwd`` when it lies under it, else absolute."""
    absolute = path if path.is_absolute() else cwd / path
    try:
        relative = os.path.relpath(absolute, cwd)
    except ValueError:  # another drive
        return str(absolute)
    return str(absolute) if relative.startswith("..") else relative


# --------------------------------------------------------------------------- files


def _read_text(path: Path, name: str) -> str:
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise ConfigError(f"configuration file larger than {_MAX_BYTES // 1000} kB", path=name)
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("configuration file is not UTF-8 text", path=name) from None
    except OSError as error:
        raise ConfigError(f"cannot read the configuration: {error.strerror}", path=name) from None


def _yaml_mapping(text: str, name: str) -> tuple[dict[str, Any], dict[str, int]]:
    """Return the top-level mapping of a YAML file and the line of each key."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise ConfigError("a configuration file must be a mapping of keys to values",
                              path=name, line=node.start_mark.line + 1)
        _refuse_aliases(node, name)
        lines = _key_lines(node, name)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ConfigError(f"not valid YAML: {error.problem or error.context}", path=name,
                          line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise ConfigError(f"not valid YAML: {error}", path=name) from None
    finally:
        loader.dispose()
    return {str(key): value for key, value in data.items()}, lines


def _key_lines(node: yaml.MappingNode, name: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for key_node, _ in node.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + 1
        if key in lines:
            raise ConfigError(f"key {key!r} appears twice (first at line {lines[key]})", path=name,
                              line=line)
        lines[key] = line
    return lines


def _refuse_aliases(root: yaml.Node, name: str) -> None:
    """Refuse YAML aliases: a configuration needs none, and they can expand explosively."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise ConfigError("YAML anchors and aliases are not allowed in a configuration",
                              path=name, line=node.start_mark.line + 1)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(child for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _toml_table(text: str, name: str,
                pyproject: bool) -> tuple[dict[str, Any], dict[str, int], str]:
    """Return a TOML file's figcheck settings, the line of each key, and where they are.

    In ``pyproject.toml`` the settings are the ``[tool.figcheck]`` table; any
    other TOML file may hold them there or at its top level.
    """
    data = _parse_toml(text, name)
    tool = data.get("tool")
    table = tool.get("figcheck") if isinstance(tool, dict) else None
    if table is None and pyproject:
        raise ConfigError("no [tool.figcheck] table", path=name)
    if table is not None and not isinstance(table, dict):
        raise ConfigError("[tool.figcheck] must be a table", path=name)
    if table is None:
        return data, _toml_key_lines(text, ""), "(top level)"
    return dict(table), _toml_key_lines(text, "tool.figcheck"), "[tool.figcheck]"


def _configures_figcheck(pyproject: Path, cwd: Path) -> bool:
    name = _shown(pyproject, cwd)
    text = _read_text(pyproject, name)
    if _MENTIONS_FIGCHECK_TABLE.search(text) is None:
        return False  # most pyproject.toml files (figcheck's own too): no need to parse them
    tool = _parse_toml(text, name).get("tool")
    return isinstance(tool, dict) and "figcheck" in tool


def _toml_module() -> ModuleType:
    """Return ``tomllib`` (Python 3.11+) or the ``tomli`` package it grew from."""
    for module_name in ("tomllib", "tomli"):
        try:
            return importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
    raise ConfigError("reading TOML needs Python 3.11 or later, or the 'tomli' package")


def _parse_toml(text: str, name: str) -> dict[str, Any]:
    toml = _toml_module()
    try:
        data: dict[str, Any] = toml.loads(text)
    except toml.TOMLDecodeError as error:
        found = _TOML_ERROR_LINE.search(str(error))
        raise ConfigError(f"not valid TOML: {error}", path=name,
                          line=int(found.group(1)) if found else None) from None
    return data


def _toml_key_lines(text: str, table: str) -> dict[str, int]:
    """Return the line of each key of ``table`` ("" for the top level), found by reading lines.

    tomllib keeps no positions; this finds ``key =`` lines and ``[table.key]``
    headers, which is how configuration tables are written.
    """
    lines: dict[str, int] = {}
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TOML_HEADER.match(line)
        if header is not None:
            current = header.group(1).replace('"', "").replace("'", "").replace(" ", "")
            prefix = f"{table}." if table else ""
            if current.startswith(prefix) and current != table:
                lines.setdefault(current[len(prefix):].split(".")[0], number)
            continue
        key = _TOML_KEY.match(line)
        if key is not None and current == table:
            lines.setdefault(key.group(1), number)
    return lines


@functools.lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a path glob: ``**`` crosses folders, ``*`` and ``?`` stay within one."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:[^/]*/)*")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        elif pattern[index] == "[" and (close := pattern.find("]", index + 2)) != -1:
            inner = pattern[index + 1 : close]
            negate = inner.startswith("!")
            body = re.escape(inner[1:] if negate else inner).replace(r"\-", "-")
            out.append(f"[{'^' if negate else ''}{body}]")
            index = close + 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(out))


# --------------------------------------------------------------------------- showing


def describe_config(config: Config, output_format: str = "yaml") -> str:
    """Return the effective configuration and its sources as YAML (commented) or JSON."""
    values = config.as_dict()
    files = [str(path) for path in config.files]
    if output_format == "json":
        document = {"version": 1, "files": files, "origin": config.origin or None,
                    "config": values, "sources": dict(config.sources)}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if output_format != "yaml":
        raise ConfigError(f"unknown configuration format {output_format!r}: expected yaml or json")
    header = ["# figcheck: effective configuration"]
    if files:
        found = {"--config": "given with --config", ENV_VARIABLE: f"named by {ENV_VARIABLE}",
                 "discovered": "the nearest to the current directory"}.get(config.origin, "")
        header.append(f"# file: {files[0]} ({found})" if found else f"# file: {files[0]}")
        header.extend(f"# extends: {path}" for path in files[1:])
    else:
        header.append("# no configuration file found: defaults and command-line flags only")
    body = []
    for key in KEYS:
        dumped = yaml.safe_dump({key: values[key]}, sort_keys=False, allow_unicode=True,
                                default_flow_style=False)
        body.append(f"# from {config.sources.get(key, 'default')}\n{dumped}")
    return "\n".join(header) + "\n\n" + "".join(body)
