"""The ``figcheck`` command group.

Exit codes follow the linters CI systems know: 0 clean (or findings below the
fail level), 1 findings at or above it, 2 a usage, input, rule-file or
internal error.  Errors are one line on stderr, never a traceback.  Each
command lives in its own module and only parses options, calls the library
and writes what it returns.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from checks import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="figcheck")
def cli() -> None:
    """Check the figures in press releases: totals, breakdowns, counts, dates.

    \b
    figcheck check seeds/                 report every discrepancy
    figcheck extract seeds/ --format csv  show the figures figcheck read
    figcheck suite                        print the Great Expectations suite
    """


# The commands import the group's shared helpers, so they are registered after it.
from checks.cli import check as _check  # noqa: E402
from checks.cli import config as _config  # noqa: E402
from checks.cli import explain as _explain  # noqa: E402
from checks.cli import extract as _extract  # noqa: E402
from checks.cli import history as _history  # noqa: E402
from checks.cli import rules as _rules  # noqa: E402
from checks.cli import suite as _suite  # noqa: E402

for _module in (_check, _extract, _suite, _rules, _explain, _config, _history):
    cli.add_command(_module.command)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="figcheck",
            standalone_mode=True,
        )
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
