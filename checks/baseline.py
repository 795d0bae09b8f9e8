"""Baselines: accept the findings a project already has, report only new ones.

``figcheck check --write-baseline FILE`` records every current finding;
``--baseline FILE`` then drops findings that match a recorded one.  A finding
is matched by its fingerprint (path, code, check and message with line
references removed, see :mod:`checks.fingerprint`), not by its line, so text
inserted above a known finding does not bring it back, while a changed figure
changes the message and does.  Matching counts: two identical findings need
two entries.

The file is JSON, sorted and stable so that it diffs well under version
control::

    {
      "version": 1,
      "tool": "figcheck",
      "findings": [
        {"fingerprint": "3f0c...", "path": "releases/knives.md", "code": "FC101",
         "message": "\\"2,310 knives\\" (line 10) does not match its parts: ..."}
      ]
    }

Paths are stored and compared in forward-slash form without a leading ``./``,
so a baseline written on Windows works on Linux and the other way round.
"""

from __future__ import annotations

import json
import os
import posixpath
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from checks.errors import ConfigError
from checks.fingerprint import fingerprint
from checks.model import Finding

__all__ = ["BASELINE_VERSION", "Baseline", "BaselineEntry", "load_baseline", "write_baseline"]

BASELINE_VERSION = 1
_ENTRY_KEYS = ("fingerprint", "path", "code", "message")
_MAX_BYTES = 50_000_000  # far above any real baseline; refuses a stray huge file quickly


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One accepted finding: its fingerprint, plus path, code and message for readers."""

    fingerprint: str
    path: str
    code: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {key: getattr(self, key) for key in _ENTRY_KEYS}


@dataclass(frozen=True, slots=True)
class Baseline:
    """The accepted findings of a baseline file."""

    path: str
    entries: tuple[BaselineEntry, ...]

    def __len__(self) -> int:
        return len(self.entries)

    def filter(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        """Return the findings no entry accounts for (in their order) and how many matched.

        Each entry absorbs at most one finding, so a third copy of a finding
        recorded twice is new.
        """
        remaining = Counter(entry.fingerprint for entry in self.entries)
        new: list[Finding] = []
        matched = 0
        for finding in findings:
            key = baseline_fingerprint(finding)
            if remaining[key] > 0:
                remaining[key] -= 1
                matched += 1
            else:
                new.append(finding)
        return new, matched


def normalised_path(path: str) -> str:
    """Return ``path`` with forward slashes, no ``./`` and no redundant separators."""
    slashed = path.replace("\\", "/")
    if not slashed:
        return slashed
    return posixpath.normpath(slashed)


def baseline_fingerprint(finding: Finding) -> str:
    """Return the fingerprint of ``finding`` as baselines record it (path normalised first)."""
    path = normalised_path(finding.path)
    return fingerprint(finding if path == finding.path else replace(finding, path=path))


def entry_for(finding: Finding) -> BaselineEntry:
    """Return the baseline entry that accepts ``finding``."""
    return BaselineEntry(baseline_fingerprint(finding), normalised_path(finding.path),
                         finding.code, finding.message)


def baseline_entries(findings: Iterable[Finding]) -> list[BaselineEntry]:
    """Return the entries accepting ``findings``, in the file's order."""
    return sorted((entry_for(f) for f in findings),
                  key=lambda e: (e.path, e.code, e.fingerprint, e.message))


def baseline_json(entries: Iterable[BaselineEntry]) -> str:
    """Return the baseline file's text for ``entries``: stable, newline-terminated."""
    document = {
        "version": BASELINE_VERSION,
        "tool": "figcheck",
        "findings": [entry.as_json() for entry in entries],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_baseline(findings: Iterable[Finding], path: str | Path) -> int:
    """Write a baseline of ``findings`` to ``path`` atomically; return the number of entries.

    The file is written next to its target and renamed over it, so an
    interrupted run leaves the old baseline intact.
    """
    target = Path(path)
    entries = baseline_entries(findings)
    text = baseline_json(entries)
    directory = target.parent
    if not directory.is_dir():
        raise ConfigError(f"cannot write the baseline: no directory {directory}", path=str(path))
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.",
                                             suffix=".tmp")
    except OSError as error:
        raise ConfigError(f"cannot write the baseline: {error.strerror}", path=str(path)) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ConfigError(f"cannot write the baseline: {error.strerror}", path=str(path)) from None
    return len(entries)


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file.

    Raises :class:`ConfigError` naming the file for one that is missing,
    unreadable, not JSON (with the line), of another version or malformed.
    """
    name = str(path)
    data = _parse(_read(Path(path), name), name)
    if not isinstance(data, dict):
        raise ConfigError("not a figcheck baseline: expected a JSON object", path=name)
    version = data.get("version")
    if version != BASELINE_VERSION:
        raise ConfigError(
            f"unsupported baseline version {version!r}: this figcheck reads version "
            f"{BASELINE_VERSION}; write a new one with --write-baseline", path=name)
    records = data.get("findings")
    if not isinstance(records, list):
        raise ConfigError("not a figcheck baseline: 'findings' must be a list", path=name)
    entries = tuple(_entry(record, index, name) for index, record in enumerate(records))
    return Baseline(name, entries)


def _read(location: Path, name: str) -> str:
    try:
        if location.stat().st_size > _MAX_BYTES:
            raise ConfigError(f"baseline file larger than {_MAX_BYTES // 1_000_000} MB", path=name)
        return location.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("baseline file not found", path=name) from None
    except IsADirectoryError:
        raise ConfigError("baseline is a directory, not a file", path=name) from None
    except UnicodeDecodeError:
        raise ConfigError("baseline file is not UTF-8 text", path=name) from None
    except OSError as error:
        raise ConfigError(f"cannot read the baseline: {error.strerror}", path=name) from None


def _parse(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(f"baseline is not valid JSON: {error.msg}", path=name,
                          line=error.lineno) from None
    except RecursionError:
        raise ConfigError("not a figcheck baseline: nested too deeply", path=name) from None


def _entry(record: Any, index: int, name: str) -> BaselineEntry:
    if not isinstance(record, Mapping):
        raise ConfigError(f"findings[{index}] must be an object", path=name)
    missing = [key for key in _ENTRY_KEYS if not isinstance(record.get(key), str)]
    if missing:
        raise ConfigError(f"findings[{index}] needs the text field(s) {', '.join(missing)}",
                          path=name)
    return BaselineEntry(record["fingerprint"], normalised_path(record["path"]), record["code"],
                         record["message"])
