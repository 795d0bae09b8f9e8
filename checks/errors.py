"""Errors a user can cause: each names the file (and line) and maps to exit code 2.

Findings are never exceptions; these are for input figcheck cannot work with.
"""

from __future__ import annotations


class FigcheckError(Exception):
    """Base class: a problem with an input, shown as ``PATH:LINE: message``."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


class DocumentError(FigcheckError):
    """A document that cannot be read: missing, empty, binary, not UTF-8, too large."""


class RuleFileError(FigcheckError):
    """A rule file that cannot be used: bad YAML, unknown key, wrong type, bad reference."""


class ConfigError(FigcheckError):
    """A configuration or usage problem outside any one document or rule file."""
