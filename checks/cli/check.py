"""``figcheck check``: read, extract, validate, filter and report."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from checks.cli.common import (
    FAIL_LEVELS,
    handle_errors,
    output_option,
    rule_paths,
    rules_option,
    write,
)
from checks.errors import ConfigError
from checks.reports import FORMATS

SEVERITY_RANKS = {"error": 3, "warning": 2, "info": 1}


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rules_option
@click.option(
    "--format",
    "format_",
    type=click.Choice(sorted(FORMATS)),
    default=None,
    help="Report format (default: text, or the configuration's).",
)
@output_option
@click.option(
    "--fail-level",
    type=click.Choice(FAIL_LEVELS),
    default=None,
    help="Exit 1 when a finding is at least this severe ('none': never). Default: error.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Configuration file (default: nearest .figcheck.yaml or [tool.figcheck]).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODE",
    help="Ignore a rule by code, name or slug; repeatable.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Report only findings the baseline FILE does not already list.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Record every current finding in FILE and exit 0.",
)
@click.option(
    "--store",
    metavar="PATH_OR_URL",
    help="Keep figures in this store (SQLite file or SQLAlchemy URL) and check against "
    "the releases earlier runs stored.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Read and extract documents in this many processes.",
)
@handle_errors
def command(
    paths: tuple[str, ...],
    rules: tuple[str, ...],
    format_: str | None,
    output: str | None,
    fail_level: str | None,
    exit_zero: bool,
    config_file: str | None,
    ignore: tuple[str, ...],
    baseline: str | None,
    write_baseline: str | None,
    store: str | None,
    jobs: int,
) -> None:
    """Check documents (.txt, .md, .html; directories are walked) and report discrepancies.

    \b
    figcheck check seeds/
    figcheck check release.md --rules expectations/ --format json -o report.json
    figcheck check site/ --format github --baseline .figcheck-baseline.json
    figcheck check release-2023.md --store figures.db
    """
    from checks.baseline import load_baseline
    from checks.baseline import write_baseline as save_baseline
    from checks.config import load_config
    from checks.pipeline import check_paths, filter_findings
    from checks.reports import render
    from checks.reports.text_report import summary_line
    from checks.suppress import resolve_code

    config = load_config(
        Path.cwd(),
        Path(config_file) if config_file else None,
        os.environ,
        {
            "rules": rules,
            "fail-level": fail_level,
            "format": format_,
            "ignore": ignore,
            "baseline": baseline,
        },
        resolve=resolve_code,
    )
    report_format = config.format or "text"
    if report_format not in FORMATS:
        raise ConfigError(
            f"unknown report format {report_format!r} (choose from {', '.join(sorted(FORMATS))})"
        )
    rule_files = [str(p) for p in config.rules] or rule_paths(())
    result = check_paths(paths, rule_files, jobs=jobs, progress=True, store=store)
    if write_baseline:
        result = filter_findings(result, config.is_ignored)
        count = save_baseline(result.findings, write_baseline)
        click.echo(f"figcheck: wrote {count} findings to {write_baseline}", err=True)
        return
    known = load_baseline(config.baseline) if config.baseline else None
    result = filter_findings(result, config.is_ignored, known)
    write(render(result, report_format), output)
    _write_step_summary(result, report_format)
    if output and report_format != "text":
        click.echo(summary_line(result), err=True)
    level = config.fail_level or "error"
    if exit_zero or level == "none":
        return
    if any(f.severity.rank >= SEVERITY_RANKS[level] for f in result.findings):
        sys.exit(1)


def _write_step_summary(result, report_format: str) -> None:  # type: ignore[no-untyped-def]
    """Append the Markdown report to GitHub's step summary, which shows every finding
    where annotations stop at ten per step."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if report_format != "github" or not summary or "markdown" not in FORMATS:
        return
    from checks.reports import render

    try:
        with open(summary, "a", encoding="utf-8") as stream:
            stream.write(render(result, "markdown"))
    except OSError as error:
        raise ConfigError(
            f"cannot append to GITHUB_STEP_SUMMARY: {error.strerror}", path=summary
        ) from None
