"""``figcheck history``: a cumulative figure across the releases in a figure store."""

from __future__ import annotations

import click

from checks.cli.common import handle_errors, output_option, write
from checks.errors import ConfigError

_FORMATS = ("text", "csv", "json")
_LISTED_SERIES = 12  # how many stored series an unknown-series error names


@click.command("history")
@click.argument("entity")
@click.argument("metric")
@click.option(
    "--store",
    "store",
    required=True,
    metavar="PATH",
    help="The figure store `figcheck check --store` fills: an SQLite file or a "
    "database URL (postgresql://USER:PASSWORD@HOST:PORT/DATABASE).",
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(_FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@output_option
@handle_errors
def command(entity: str, metric: str, store: str, format_: str, output: str | None) -> None:
    """Show a "since launch" figure release by release, marking where it fell.

    ENTITY and METRIC are the ids figcheck gives figures (the rule files'
    entity and metric ids, as `figcheck extract` shows them).  Each row is
    one stated figure: its release's date, its value and bounds, where it
    stands, and "v fell below N" where it is lower than the previous
    release's N.

    \b
    figcheck check release-2021.html --store figures.db
    figcheck check release-2023.txt --store figures.db
    figcheck history staffordshire warrants --store figures.db
    figcheck history region arrests --store figures.db --format csv -o arrests.csv
    """
    from checks.store import open_store
    from checks.store.render import render_timeline
    from checks.store.timeline import timeline

    with open_store(store, create=False) as figures_store:
        figures = figures_store.history(entity, metric)
        if not figures:
            raise ConfigError(
                _nothing_stored(entity, metric, figures_store.series()), path=figures_store.name
            )
        points = timeline(figures, figures_store.published_dates())
    write(render_timeline(points, entity, metric, format_), output)


def _nothing_stored(entity: str, metric: str, series: list[tuple[str | None, str]]) -> str:
    message = f"no since-launch {metric!r} figures for {entity!r}"
    named = [
        f"{stored_entity} {stored_metric}"
        for stored_entity, stored_metric in series
        if stored_entity is not None
    ]
    if not named:
        return message + "; the store holds no since-launch figures"
    more = len(named) - _LISTED_SERIES
    listed = ", ".join(named[:_LISTED_SERIES]) + (f" and {more} more" if more > 0 else "")
    return f"{message}; stored: {listed}"
