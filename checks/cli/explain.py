"""``figcheck explain``: one rule's documentation."""

from __future__ import annotations

import json

import click

from checks.cli.common import handle_errors, write
from checks.errors import ConfigError


@click.command("explain")
@click.argument("code")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@handle_errors
def command(code: str, format_: str) -> None:
    """Explain a rule: what it checks, why, an example, the fix and its options.

    CODE is a code (FC101, any case), a slug (parts-add-up-to-total) or a rule
    name (sum), as `figcheck rules` lists them.

    \b
    figcheck explain FC102
    figcheck explain weekday-matches-date --format json
    """
    from checks.catalog import as_text, lookup

    try:
        doc = lookup(code)
    except KeyError as error:
        raise ConfigError(str(error)) from None
    if format_ == "json":
        write(json.dumps(doc.record(), indent=2, ensure_ascii=False) + "\n", None)
    else:
        write(as_text(doc), None)
