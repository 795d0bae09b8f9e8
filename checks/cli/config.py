"""``figcheck config``: the effective configuration and where each value came from."""

from __future__ import annotations

import os
from pathlib import Path

import click

from checks.cli.common import FAIL_LEVELS, handle_errors, output_option, write


@click.command("config")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Read this configuration file instead of looking for one.",
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--rules",
    "rules",
    multiple=True,
    type=click.Path(),
    metavar="PATH",
    help="Show the effect of this --rules flag; repeatable.",
)
@click.option(
    "--fail-level",
    type=click.Choice(FAIL_LEVELS),
    default=None,
    help="Show the effect of this --fail-level flag.",
)
@click.option(
    "--ignore",
    "ignore",
    multiple=True,
    metavar="CODE",
    help="Show the effect of this --ignore flag; repeatable.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    default=None,
    help="Show the effect of this --baseline flag.",
)
@output_option
@handle_errors
def command(
    config_file: str | None,
    format_: str,
    rules: tuple[str, ...],
    fail_level: str | None,
    ignore: tuple[str, ...],
    baseline: str | None,
    output: str | None,
) -> None:
    """Print the configuration figcheck check would use here, and where each value came from.

    The file is --config, else $FIGCHECK_CONFIG, else the nearest
    .figcheck.yaml or pyproject.toml with [tool.figcheck] at or above the
    current directory; flags given here override it as they would for check.

    \b
    figcheck config
    figcheck config --format json --ignore FC202
    """
    from checks.config import describe_config, load_config
    from checks.suppress import resolve_code

    overrides = {"rules": rules, "fail-level": fail_level, "ignore": ignore, "baseline": baseline}
    config = load_config(
        Path.cwd(),
        Path(config_file) if config_file else None,
        os.environ,
        overrides,
        resolve=resolve_code,
    )
    write(describe_config(config, format_), output)
