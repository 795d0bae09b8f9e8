"""``figcheck check``: read, extract, validate and report."""

from __future__ import annotations

import sys

import click

from checks.cli.common import (
    FAIL_LEVELS,
    handle_errors,
    output_option,
    rule_paths,
    rules_option,
    write,
)
from checks.reports import FORMATS


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rules_option
@click.option("--format", "format_", type=click.Choice(sorted(FORMATS)), default="text",
              show_default=True, help="Report format.")
@output_option
@click.option("--fail-level", type=click.Choice(FAIL_LEVELS), default="error", show_default=True,
              help="Exit 1 when a finding is at least this severe ('none': never).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@handle_errors
def command(paths: tuple[str, ...], rules: tuple[str, ...], format_: str, output: str | None,
            fail_level: str, exit_zero: bool) -> None:
    """Check documents (.txt, .md, .html; directories are walked) and report discrepancies.

    \b
    figcheck check seeds/
    figcheck check release.md --rules expectations/ --format json -o report.json
    """
    from checks.pipeline import check_paths
    from checks.reports import render

    result = check_paths(paths, rule_paths(rules))
    write(render(result, format_), output)
    if output and format_ != "text":
        from checks.reports.text_report import summary_line

        click.echo(summary_line(result), err=True)
    if exit_zero or fail_level == "none":
        return
    threshold = {"error": 3, "warning": 2, "info": 1}[fail_level]
    if any(f.severity.rank >= threshold for f in result.findings):
        sys.exit(1)
