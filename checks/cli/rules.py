"""``figcheck rules``: the rule catalogue, one line a rule."""

from __future__ import annotations

import json

import click

from checks.cli.common import handle_errors, write

COLUMNS = ("code", "slug", "rule", "default_severity", "title")
HEADINGS = ("code", "slug", "rule", "severity", "title")


@click.command("rules")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Table format.",
)
@handle_errors
def command(format_: str) -> None:
    """List every rule: its code, slug, rule name, default severity and title.

    Select, ignore or suppress a rule by its code or slug; `figcheck explain
    CODE` says what it checks and how to fix what it finds.

    \b
    figcheck rules
    figcheck rules --format json
    """
    from checks.catalog import CATALOG

    rows = [{name: doc.record()[name] for name in COLUMNS} for doc in CATALOG.values()]
    if format_ == "json":
        write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", None)
    else:
        write(_table(rows), None)


def _table(rows: list[dict[str, str]]) -> str:
    cells = [list(HEADINGS), *([row[name] for name in COLUMNS] for row in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS) - 1)]
    lines = []
    for line in cells:
        padded = [cell.ljust(width) for cell, width in zip(line[:-1], widths, strict=True)]
        lines.append("  ".join([*padded, line[-1]]))
    return "\n".join(lines) + "\n"
