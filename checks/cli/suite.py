"""``figcheck suite``: the Great Expectations suite figcheck runs, as JSON."""

from __future__ import annotations

import json

import click

from checks.cli.common import handle_errors, output_option, rule_paths, rules_option, write


@click.command("suite")
@rules_option
@output_option
@handle_errors
def command(rules: tuple[str, ...], output: str | None) -> None:
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

    rule_set = load_rule_paths(rule_paths(rules))
    write(json.dumps(suite_json(check_descriptions(rule_set)), indent=2) + "\n", output)
