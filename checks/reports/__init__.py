"""Stage 5: findings to reports, one module per format.

Every format module exposes ``FORMAT`` (its name on the command line) and a
pure ``render(result) -> str``; writing files is the CLI's job.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from checks.model import RunResult
from checks.reports import (
    github,
    gitlab,
    html,
    json_report,
    junit,
    markdown,
    sarif,
    text_report,
)

FORMATS: dict[str, ModuleType] = {
    module.FORMAT: module
    for module in (text_report, json_report, html, markdown, sarif, junit, github, gitlab)
}

__all__ = ["FORMATS", "render"]


def render(result: RunResult, format: str = "text") -> str:
    """Render ``result`` in the named format."""
    renderer: Callable[[RunResult], str] = FORMATS[format].render
    return renderer(result)
