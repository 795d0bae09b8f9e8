"""``figcheck extract``: the figure table, as CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import click

from checks.cli.common import handle_errors, output_option, rule_paths, rules_option, write


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rules_option
@click.option(
    "--format",
    "format_",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
    help="Table format.",
)
@output_option
@handle_errors
def command(
    paths: tuple[str, ...], rules: tuple[str, ...], format_: str, output: str | None
) -> None:
    """Print every figure read from the documents, a row a figure.

    Columns: where it is, the text, its kind, value and bounds, the noun it
    counts, and the metric, entity and scope figcheck attributed to it.

    \b
    figcheck extract seeds/2017-02-01-operation-safenet.txt
    figcheck extract seeds/ --format json -o figures.json
    """
    from checks.pipeline import extract_all, load_rule_paths, read_paths
    from checks.reports.serialise import figure_record

    rule_set = load_rule_paths(rule_paths(rules))
    documents = read_paths(paths)
    figures = extract_all(documents, rule_set)
    records = [{"path": f.path, **figure_record(f)} for f in figures]
    if format_ == "json":
        write(json.dumps(records, indent=2, ensure_ascii=False) + "\n", output)
    else:
        write(_csv(records), output)


def _csv(records: list[dict[str, Any]]) -> str:
    columns = [
        "path",
        "line",
        "column",
        "text",
        "kind",
        "value",
        "low",
        "high",
        "qualifier",
        "noun",
        "metric",
        "entity",
        "scope",
        "scope_start",
        "scope_end",
        "relation",
        "about",
        "id",
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        scope = record["scope"]
        writer.writerow(
            {
                **record,
                "scope": scope["label"] or scope["kind"],
                "scope_start": scope["start"],
                "scope_end": scope["end"],
            }
        )
    return buffer.getvalue()
