"""What each figure counts and whose it is: noun, metric, entity and value bounds.

Every case is a short release written for the test, read with the project's rule
files (``expectations/``), so the entity and metric ids are the ones a real run uses.
"""

from __future__ import annotations

import math
import textwrap
from datetime import date

import pytest

from checks.documents import parse_document
from checks.extract import extract_figures
from checks.model import Figure, Kind
from checks.rules import RuleSet, load_rules
from tests.conftest import EXPECTATIONS

INF = math.inf


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules([EXPECTATIONS])


def read(rules: RuleSet, raw: str, fmt: str = "text") -> list[Figure]:
    """Return the figures of a dedented release."""
    path = {"text": "release.txt", "markdown": "release.md", "html": "release.html"}[fmt]
    document = parse_document(textwrap.dedent(raw).lstrip("\n"), path, fmt)
    return extract_figures(document, rules)


def find(figures: list[Figure], text: str, occurrence: int = 0) -> Figure:
    """Return the ``occurrence``-th figure whose text is ``text``."""
    hits = [f for f in figures if f.text == text and f.kind is not Kind.LISTED]
    assert len(hits) > occurrence, f"{text!r} not among {[f.text for f in figures]}"
    return hits[occurrence]


def attributes(figure: Figure, names: list[str]) -> dict[str, object]:
    return {name: getattr(figure, name) for name in names}


# --------------------------------------------------------------------------- nouns, metrics, values

SAFENET = """
    Operation Safenet update
    Date: Friday 26 March 2021

    In the last 12 months, officers in Stoke-on-Trent have acted on more than 380 referrals.
    In addition, around 230 children have been safeguarded and nearly 250 people were
    interviewed.

    Twelve people were arrested in Stafford last month. Seventy-six people were charged over
    the same period. Staffs Police officers executed a dozen warrants.

    Officers have safeguarded at least 40 children, and fewer than 20 people were released
    without charge.

    Since it was launched, the teams have carried out 593 investigations, arrested 353 people
    and safeguarded 491.

    Officers from Warwickshire and West Mercia have carried out 144 investigations with
    119 people arrested and 27 charged. They have safeguarded 190 children.

    Over the fortnight officers detained 42 suspects and carried out 27 searches, and their
    investigations produced 64 charges or reports for summons.

    West Midlands Police carried out 97 investigations and 37 children were safeguarded.
"""

# (mention, occurrence, expected attributes)
SAFENET_CASES: list[tuple[str, int, dict[str, object]]] = [
    # qualifiers give open or widened bounds
    ("more than 380", 0, {"kind": Kind.COUNT, "value": 380, "low": 380, "high": INF,
                          "qualifier": "more than", "noun": "referrals", "metric": "referrals"}),
    ("at least 40", 0, {"low": 40, "high": INF, "noun": "children",
                        "metric": "children_safeguarded"}),
    ("fewer than 20", 0, {"high": 20, "noun": "people"}),
    # number words
    ("Twelve", 0, {"kind": Kind.COUNT, "value": 12, "low": 12, "high": 12, "noun": "people",
                   "metric": "arrests"}),
    ("Seventy-six", 0, {"value": 76, "noun": "people", "metric": "charged"}),
    ("a dozen", 0, {"value": 12, "noun": "warrants", "metric": "warrants",
                    "entity": "staffordshire"}),
    # a verb before the number, with and without a noun after it
    ("593", 0, {"noun": "investigations", "metric": "investigations"}),
    ("353", 0, {"noun": "people", "metric": "arrests"}),
    ("491", 0, {"noun": None, "metric": "children_safeguarded"}),
    # a verb after the noun, and an elliptical count that borrows the noun
    ("119", 0, {"noun": "people", "metric": "arrests", "entity": "warwickshire-west-mercia"}),
    ("27", 0, {"noun": None, "metric": "charged", "entity": "warwickshire-west-mercia"}),
    ("37", 0, {"noun": "children", "metric": "children_safeguarded",
               "entity": "west-midlands"}),
    ("42", 0, {"noun": "suspects", "metric": "arrests"}),
    # charges are offences, not people charged
    ("64", 0, {"noun": "charges", "metric": None}),
    ("27", 1, {"noun": "searches", "metric": None}),
]


@pytest.fixture(scope="module")
def safenet(rules: RuleSet) -> list[Figure]:
    return read(rules, SAFENET)


@pytest.mark.parametrize(("mention", "occurrence", "expected"), SAFENET_CASES,
                         ids=[f"{m}#{n}" for m, n, _ in SAFENET_CASES])
def test_noun_metric_and_bounds(safenet: list[Figure], mention: str, occurrence: int,
                                expected: dict[str, object]) -> None:
    figure = find(safenet, mention, occurrence)
    assert attributes(figure, list(expected)) == expected


@pytest.mark.parametrize("mention", ["around 230", "nearly 250"])
def test_approximations_are_intervals_around_the_value(safenet: list[Figure],
                                                       mention: str) -> None:
    figure = find(safenet, mention)
    assert figure.approximate
    assert figure.low < figure.high
    assert figure.low <= figure.value <= figure.high
    assert figure.qualifier == mention.split()[0]


def test_nearly_never_exceeds_the_number(safenet: list[Figure]) -> None:
    figure = find(safenet, "nearly 250")
    assert figure.high == 250 and figure.low < 250


def test_around_230_is_children_safeguarded(safenet: list[Figure]) -> None:
    figure = find(safenet, "around 230")
    assert (figure.noun, figure.metric) == ("children", "children_safeguarded")


def test_the_next_sentence_inherits_the_entity(safenet: list[Figure]) -> None:
    """"They have safeguarded 190 children" is the alliance's, named a sentence earlier."""
    figure = find(safenet, "190")
    assert (figure.entity, figure.metric) == ("warwickshire-west-mercia", "children_safeguarded")


def test_line_and_column_point_at_the_mention(safenet: list[Figure]) -> None:
    figure = find(safenet, "more than 380")
    assert (figure.line, figure.column) == (4, 65)
    assert (figure.end_line, figure.end_column) == (4, 78)  # one past the last character
    assert figure.context.startswith("In the last 12 months")
    assert figure.context[figure.at:].startswith("more than 380")


def test_figure_ids_are_numbered_per_document(rules: RuleSet) -> None:
    document = parse_document("Officers arrested 12 people and executed 15 warrants.\n",
                              "x.txt", "text")
    figures = extract_figures(document, rules, doc_index=2)
    assert [f.id for f in figures] == ["d3f1", "d3f2"]


def test_time_adverb_after_the_noun_is_not_part_of_it(rules: RuleSet) -> None:
    figures = read(rules, """
        Date: Thursday 6 October 2022

        Staffordshire Police arrested nine people yesterday in Tamworth.
    """)
    figure = find(figures, "nine")
    assert (figure.noun, figure.metric) == ("people", "arrests")


def test_one_verb_governs_coordinated_counts_of_people(rules: RuleSet) -> None:
    figures = read(rules, "Officers in Hanley arrested 12 men and three women.\n")
    assert find(figures, "12").metric == "arrests"
    assert (find(figures, "three").noun, find(figures, "three").metric) == ("women", "arrests")


# --------------------------------------------------------------------------- entities

ENTITIES = """
    Keystone round-up
    Date: Wednesday 13 April 2022

    Officers across the region executed 214 warrants.

    WMP officers arrested 31 people. West Midland's officers also safeguarded 18 children.

    Eleven people were arrested in Coventry and four in Telford.

    Two men were detained in Nuneaton.

    Officers from Staffordshire, Warwickshire, West Mercia and West Midlands arrested 46 people.

    All four forces safeguarded 77 children.

    Warwickshire Police and West Mercia Police executed 33 warrants. The alliance arrested 28
    people.

    Staffordshire Police received 804 reports, West Midlands Police 1,116 and West Mercia
    Police 420.

    Officers in Stoke-on-Trent executed 12 warrants.
"""

ENTITY_CASES: list[object] = [
    ("214", 0, "region"),  # "across the region"
    ("31", 0, "west-midlands"),  # alias "WMP"
    ("18", 0, "west-midlands"),  # possessive "West Midland's"
    ("Eleven", 0, "west-midlands"),  # place: Coventry
    pytest.param("four", 0, "west-mercia", id="four", marks=pytest.mark.xfail(strict=True, reason=(
        "_nearest_entity() prefers the mention before the number: in 'Eleven people were "
        "arrested in Coventry and four in Telford' the four get West Midlands Police "
        "(Coventry), not West Mercia Police (Telford)"))),
    ("Two", 0, "warwickshire"),  # place: Nuneaton, after the number
    ("46", 0, "region"),  # a list of the four forces is the region
    ("77", 0, "region"),  # alias "all four forces"
    ("33", 0, "warwickshire-west-mercia"),  # "Warwickshire Police and West Mercia Police"
    ("28", 0, "warwickshire-west-mercia"),  # "The alliance"
    ("804", 0, "staffordshire"),
    ("1,116", 0, "west-midlands"),
    ("420", 0, "west-mercia"),
    ("12", 0, "staffordshire"),  # hyphenated place: Stoke-on-Trent
]


@pytest.fixture(scope="module")
def entities(rules: RuleSet) -> list[Figure]:
    return read(rules, ENTITIES)


@pytest.mark.parametrize(("mention", "occurrence", "entity"), ENTITY_CASES)
def test_entity(entities: list[Figure], mention: str, occurrence: int, entity: str) -> None:
    assert find(entities, mention, occurrence).entity == entity


def test_section_headings_set_the_entity(rules: RuleSet) -> None:
    figures = read(rules, """
        ---
        title: Keystone by force
        date: 2022-05-04
        ---

        # Keystone by force

        Keystone teams across the region carried out 300 investigations in the last 12 months.

        ### Staffordshire

        Officers carried out 46 investigations and executed 29 warrants.

        ### West Midlands

        Officers carried out 97 investigations.

        ## Notes for editors

        The teams carried out 157 investigations in the previous 12 months.
    """, "markdown")
    assert find(figures, "300").entity == "region"
    assert find(figures, "46").entity == "staffordshire"
    assert find(figures, "29").entity == "staffordshire"
    assert find(figures, "97").entity == "west-midlands"
    # a shallower heading without an entity ends the "### West Midlands" section
    assert find(figures, "157").entity == "region"


def test_a_named_entity_beats_the_section_heading(rules: RuleSet) -> None:
    figures = read(rules, """
        # Keystone

        ## Staffordshire

        Officers in Walsall arrested five people.
    """, "markdown")
    assert find(figures, "five").entity == "west-midlands"


def test_the_area_in_front_matter_is_the_default_entity(rules: RuleSet) -> None:
    figures = read(rules, """
        ---
        title: Six men arrested
        date: 2021-03-26
        area: Staffordshire
        ---

        Over the last two weeks the team have carried out seven warrants.
    """, "markdown")
    assert find(figures, "seven").entity == "staffordshire"


# --------------------------------------------------------------------------- tables

MARKDOWN_TABLE = """
    ---
    title: Keystone in numbers
    date: 2022-05-04
    ---

    # Keystone in numbers

    Figures for the 12 months to 31 March 2022.

    | Force | Investigations | Warrants | Arrests | Children safeguarded |
    |---|---|---|---|---|
    | Staffordshire Police | 96 | 58 | 61 | 55 |
    | West Midlands Police | 180 | 121 | 112 | 140 |
    | Warwickshire and West Mercia | 77 | 49 | 67 | 38 |
    | Region | 353 | 228 | 240 | 233 |
"""

HTML_TABLE = """
    <!DOCTYPE html>
    <html lang="en">
    <head><meta charset="utf-8"><title>Keystone since launch</title></head>
    <body>
    <article>
    <h1>Keystone since launch</h1>
    <p class="published">Published Wednesday 21 April 2021</p>
    <table>
    <tr><th>Since launch</th><th>Investigations</th><th>Warrants</th><th>Arrests</th><th>Charged</th></tr>
    <tr><td>Staffordshire Police</td><td>187</td><td>119</td><td>108</td><td>71</td></tr>
    <tr><td>West Midlands Police</td><td>392</td><td>257</td><td>229</td><td>153</td></tr>
    <tr><td>Warwickshire and West Mercia</td><td>224</td><td>146</td><td>130</td><td>87</td></tr>
    <tr><td>Region</td><td>803</td><td>522</td><td>467</td><td>311</td></tr>
    </table>
    </article>
    </body>
    </html>
"""

# (mention, occurrence, entity, metric, line)
MARKDOWN_CELLS = [
    ("96", 0, "staffordshire", "investigations", 12),
    ("58", 0, "staffordshire", "warrants", 12),
    ("61", 0, "staffordshire", "arrests", 12),
    ("55", 0, "staffordshire", "children_safeguarded", 12),
    ("121", 0, "west-midlands", "warrants", 13),
    ("67", 0, "warwickshire-west-mercia", "arrests", 14),
    ("233", 0, "region", "children_safeguarded", 15),
]
HTML_CELLS = [
    ("187", 0, "staffordshire", "investigations", 10),
    ("71", 0, "staffordshire", "charged", 10),
    ("257", 0, "west-midlands", "warrants", 11),
    ("130", 0, "warwickshire-west-mercia", "arrests", 12),
    ("311", 0, "region", "charged", 13),
]


@pytest.mark.parametrize(("mention", "occurrence", "entity", "metric", "line"), MARKDOWN_CELLS,
                         ids=[c[0] for c in MARKDOWN_CELLS])
def test_markdown_table_cell(rules: RuleSet, mention: str, occurrence: int, entity: str,
                             metric: str, line: int) -> None:
    figure = find(read(rules, MARKDOWN_TABLE, "markdown"), mention, occurrence)
    assert (figure.entity, figure.metric, figure.line) == (entity, metric, line)


@pytest.mark.parametrize(("mention", "occurrence", "entity", "metric", "line"), HTML_CELLS,
                         ids=[c[0] for c in HTML_CELLS])
def test_html_table_cell(rules: RuleSet, mention: str, occurrence: int, entity: str,
                         metric: str, line: int) -> None:
    figure = find(read(rules, HTML_TABLE, "html"), mention, occurrence)
    assert (figure.entity, figure.metric, figure.line) == (entity, metric, line)


def test_row_labels_are_not_figures(rules: RuleSet) -> None:
    figures = read(rules, MARKDOWN_TABLE, "markdown")
    counts = [f for f in figures if f.kind is Kind.COUNT and f.line >= 10]
    assert len(counts) == 16
    assert {f.noun for f in counts} == {"Investigations", "Warrants", "Arrests",
                                        "Children safeguarded"}


def test_a_header_cell_sets_the_scope_of_the_table(rules: RuleSet) -> None:
    figures = read(rules, HTML_TABLE, "html")
    cells = [f for f in figures if f.kind is Kind.COUNT]
    assert cells and {f.scope.kind.value for f in cells} == {"cumulative"}
    assert {f.scope.end for f in cells} == {date(2021, 4, 21)}


def test_markdown_table_takes_the_period_set_before_it(rules: RuleSet) -> None:
    figure = find(read(rules, MARKDOWN_TABLE, "markdown"), "240")
    assert figure.scope.kind.value == "period"
    assert (figure.scope.start, figure.scope.end) == (date(2021, 4, 1), date(2022, 3, 31))
