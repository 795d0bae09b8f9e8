"""What the figcheck commands share: error handling, output, common options."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from checks.errors import FigcheckError

F = TypeVar("F", bound=Callable[..., Any])

FAIL_LEVELS = ("error", "warning", "info", "none")
DEFAULT_RULES_DIR = "expectations"


class Failure(click.ClickException):
    """An error the user can fix: printed as one line, exit code 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"figcheck: error: {self.message}", err=True)


def handle_errors(command: F) -> F:
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


def rule_paths(rules: Sequence[str]) -> list[str]:
    """Return the rule paths given, or ``expectations/`` when run from the project."""
    if rules:
        return list(rules)
    default = Path(DEFAULT_RULES_DIR)
    return [str(default)] if default.is_dir() else []


def write(text: str, output: str | None) -> None:
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
        # mkstemp creates the file private; a report gets the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise FigcheckError(f"cannot write the report: {error.strerror}", path=output) from None


rules_option = click.option(
    "--rules",
    "rules",
    multiple=True,
    type=click.Path(),
    metavar="PATH",
    help="Rule file or directory of rule files; repeatable. Default: ./expectations if present.",
)
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=False),
    metavar="FILE",
    help="Write the report to FILE instead of standard output.",
)
