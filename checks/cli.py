"""The ``figcheck`` command: parse options, call the library, write the report.

Exit codes follow the linters CI systems know: 0 clean (or findings below the
fail level), 1 findings at or above it, 2 a usage, input, rule-file or
internal error.  Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from checks import __version__
from checks.errors import FigcheckError

F = TypeVar("F", bound=Callable[..., Any])

FAIL_LEVELS = ("error", "warning", "info", "none")
DEFAULT_RULES_DIR = "expectations"


class Failure(click.ClickException):
    """An error the user can fix: printed as one line, exit code 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"figcheck: error: {self.message}", err=True)


def _handle_errors(command: F) -> F:
    """Turn library errors into one-line messages and exit code 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except FigcheckError as error:
            raise Failure(str(error)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            raise Failure("interrupted") from None
        except RecursionError:
            raise Failure("input too deeply nested to process") from None
        except MemoryError:
            raise Failure("out of memory: the input is too large") from None
        except Exception as error:  # a bug: still one line, still exit 2
            raise Failure(f"internal error: {type(error).__name__}: {error}") from None

    return wrapper  # type: ignore[return-value]


def _rule_paths(rules: Sequence[str]) -> list[str]:
    """Return the rule paths given, or ``expectations/`` when run from the project."""
    if rules:
        return list(rules)
    default = Path(DEFAULT_RULES_DIR)
    return [str(default)] if default.is_dir() else []


def _write(text: str, output: str | None) -> None:
    """Write a report to stdout or, atomically, to a file: never a half-written report."""
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    target = Path(output)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise FigcheckError(f"cannot write the report: no directory {directory}", path=output)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise FigcheckError(f"cannot write the report: {error.strerror}", path=output) from None


rules_option = click.option(
    "--rules", "rules", multiple=True, type=click.Path(), metavar="PATH",
    help="Rule file or directory of rule files; repeatable. Default: ./expectations if present.",
)
output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=False), metavar="FILE",
    help="Write the report to FILE instead of standard output.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="figcheck")
def cli() -> None:
    """Check the figures in press releases: totals, breakdowns, counts, dates.

    \b
    figcheck check seeds/                 report every discrepancy
    figcheck extract seeds/ --format csv  show the figures figcheck read
    figcheck suite                        print the Great Expectations suite
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rules_option
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
@output_option
@click.option("--fail-level", type=click.Choice(FAIL_LEVELS), default="error", show_default=True,
              help="Exit 1 when a finding is at least this severe ('none': never).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@_handle_errors
def check(paths: tuple[str, ...], rules: tuple[str, ...], format_: str, output: str | None,
          fail_level: str, exit_zero: bool) -> None:
    """Check documents (.txt, .md, .html; directories are walked) and report discrepancies.

    \b
    figcheck check seeds/
    figcheck check release.md --rules expectations/ --format json -o report.json
    """
    from checks.pipeline import check_paths
    from checks.reports import render

    result = check_paths(paths, _rule_paths(rules))
    _write(render(result, format_), output)
    if output and format_ != "text":
        from checks.reports.text_report import summary_line

        click.echo(summary_line(result), err=True)
    if exit_zero or fail_level == "none":
        return
    threshold = {"error": 3, "warning": 2, "info": 1}[fail_level]
    if any(f.severity.rank >= threshold for f in result.findings):
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rules_option
@click.option("--format", "format_", type=click.Choice(["csv", "json"]), default="csv",
              show_default=True, help="Table format.")
@output_option
@_handle_errors
def extract(paths: tuple[str, ...], rules: tuple[str, ...], format_: str,
            output: str | None) -> None:
    """Print every figure read from the documents, a row a figure.

    Columns: where it is, the text, its kind, value and bounds, the noun it
    counts, and the metric, entity and scope figcheck attributed to it.

    \b
    figcheck extract seeds/2017-02-01-operation-safenet.txt
    figcheck extract seeds/ --format json -o figures.json
    """
    from checks.pipeline import extract_all, load_rule_paths, read_paths
    from checks.reports.serialise import figure_record

    rule_set = load_rule_paths(_rule_paths(rules))
    documents = read_paths(paths)
    figures = extract_all(documents, rule_set)
    records = [{"path": f.path, **figure_record(f)} for f in figures]
    if format_ == "json":
        _write(json.dumps(records, indent=2, ensure_ascii=False) + "\n", output)
    else:
        _write(_csv(records), output)


def _csv(records: list[dict[str, Any]]) -> str:
    columns = ["path", "line", "column", "text", "kind", "value", "low", "high", "qualifier",
               "noun", "metric", "entity", "scope", "scope_start", "scope_end", "relation",
               "about", "id"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        scope = record["scope"]
        writer.writerow({**record, "scope": scope["label"] or scope["kind"],
                         "scope_start": scope["start"], "scope_end": scope["end"]})
    return buffer.getvalue()


@cli.command()
@rules_option
@output_option
@_handle_errors
def suite(rules: tuple[str, ...], output: str | None) -> None:
    """Print the Great Expectations suite figcheck validates claims with, as JSON.

    Each check (built in, or a rule from a rule file) is a pair of
    expect_column_pair_values_a_to_be_greater_than_b expectations over the
    claims frame, restricted to the check's rows.

    \b
    figcheck suite --rules expectations/ -o suite.json
    """
    from checks.pipeline import load_rule_paths
    from checks.validate import check_descriptions
    from checks.validate.engine import suite_json

    rule_set = load_rule_paths(_rule_paths(rules))
    _write(json.dumps(suite_json(check_descriptions(rule_set)), indent=2) + "\n", output)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="figcheck",
                 standalone_mode=True)
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
