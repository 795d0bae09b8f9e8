"""The rule catalogue: complete, consistent, and its examples true to the checks.

Every rule's ``example`` must raise that rule through the real pipeline and its
``use_instead`` must not: the documentation cannot drift from what figcheck does.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import fields
from pathlib import Path
from types import ModuleType

import pytest

from checks.catalog import (
    CATALOG,
    SECTIONS,
    RuleDoc,
    as_markdown,
    as_text,
    lookup,
    release_passages,
)
from checks.model import RULE_CODES, Rule, RunResult
from checks.pipeline import check_paths
from tests.conftest import EXPECTATIONS, ROOT

SUFFIXES = {"text": ".txt", "markdown": ".md"}
PIPELINE_RULES = [rule for rule in Rule if rule is not Rule.REFERENCE]


def run_passages(text: str, example_format: str, directory: Path) -> RunResult:
    """Write each release of an example to its own file and check them together."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, passage in enumerate(release_passages(text)):
        path = directory / f"release-{index}{SUFFIXES[example_format]}"
        path.write_text(passage, encoding="utf-8")
        paths.append(path)
    return check_paths(paths, [EXPECTATIONS])


# --------------------------------------------------------------------------- completeness


def test_every_rule_has_a_doc_in_code_order() -> None:
    assert list(CATALOG) == list(Rule)
    assert all(CATALOG[rule].rule is rule for rule in Rule)


@pytest.mark.parametrize("rule", list(Rule), ids=lambda r: r.value)
def test_every_section_is_written(rule: Rule) -> None:
    doc = CATALOG[rule]
    for field in fields(RuleDoc):
        value = getattr(doc, field.name)
        if isinstance(value, str):
            assert value.strip(), f"{doc.code}: {field.name} is empty"
    assert "\n" not in doc.title and not doc.title.endswith(".")
    assert doc.example.strip() != doc.use_instead.strip()
    assert doc.example_format in SUFFIXES


@pytest.mark.parametrize("rule", list(Rule), ids=lambda r: r.value)
def test_codes_match_the_model(rule: Rule) -> None:
    assert CATALOG[rule].code == RULE_CODES[rule] == rule.code


def test_slugs_are_unique_kebab_case() -> None:
    slugs = [doc.slug for doc in CATALOG.values()]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)+", slug) for slug in slugs), slugs


@pytest.mark.parametrize(
    ("rule", "slug"),
    [
        (Rule.SUM, "parts-add-up-to-total"),
        (Rule.MISSING, "breakdown-part-missing"),
        (Rule.COUNT, "count-matches-list"),
        (Rule.ORDER, "part-within-whole"),
        (Rule.CONFLICT, "same-figure-same-value"),
        (Rule.TREND, "cumulative-never-falls"),
        (Rule.DATE, "weekday-matches-date"),
        (Rule.TRUNCATED, "text-not-cut-off"),
        (Rule.ARITHMETIC, "stated-change-matches"),
        (Rule.RANGE, "value-possible"),
        (Rule.REFERENCE, "suppression-used"),
    ],
)
def test_slugs_are_stable(rule: Rule, slug: str) -> None:
    # Slugs are public identities (SARIF rule names, select/ignore keys): never rename.
    assert CATALOG[rule].slug == slug


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("FC101", Rule.SUM),
        ("fc101", Rule.SUM),
        (" Fc202 ", Rule.TRUNCATED),
        ("breakdown-part-missing", Rule.MISSING),
        ("Weekday-Matches-Date", Rule.DATE),
        ("arithmetic", Rule.ARITHMETIC),
        ("reference", Rule.REFERENCE),
        ("FC303", Rule.REFERENCE),
    ],
)
def test_lookup_by_code_slug_or_name(key: str, rule: Rule) -> None:
    assert lookup(key) is CATALOG[rule]


@pytest.mark.parametrize(
    ("key", "suggestion"),
    [
        ("FC1O1", "FC101"),
        ("weekday-matches-dates", "weekday-matches-date"),
        ("trnd", "trend"),
    ],
)
def test_unknown_key_suggests_close_matches(key: str, suggestion: str) -> None:
    with pytest.raises(KeyError) as raised:
        lookup(key)
    message = str(raised.value)
    assert message.startswith(f"unknown rule {key!r}")
    assert f"did you mean {suggestion}" in message


@pytest.mark.parametrize("key", ["", "FC999x-nothing-like-it", "zzz"])
def test_unknown_key_without_a_close_match(key: str) -> None:
    with pytest.raises(KeyError, match="figcheck rules"):
        lookup(key)


# --------------------------------------------------------------------------- rendering


@pytest.mark.parametrize("rule", list(Rule), ids=lambda r: r.value)
def test_text_and_markdown_carry_every_section(rule: Rule) -> None:
    doc = CATALOG[rule]
    text, markdown = as_text(doc), as_markdown(doc)
    for name, heading in SECTIONS:
        assert f"\n{heading}\n" in text
        assert f"\n## {heading}\n" in markdown
        first_line = getattr(doc, name).strip().splitlines()[0]
        if name in ("example", "use_instead"):
            assert first_line in text and first_line in markdown
    assert text.startswith(f"{doc.code} {doc.slug} ({rule.value})\n")
    assert markdown.startswith(f"# {doc.code} {doc.slug}\n")


def test_text_wraps_prose_but_not_examples() -> None:
    doc = CATALOG[Rule.MISSING]
    text = as_text(doc)
    example_lines = {f"    {line}".rstrip()
                     for line in (doc.example + doc.use_instead).splitlines()}
    prose = [line for line in text.splitlines() if line not in example_lines]
    assert max(len(line) for line in prose) <= 79
    assert max(len(line) for line in text.splitlines()) > 79  # the example line is kept whole


def test_release_passages_split_at_each_later_dateline() -> None:
    assert len(release_passages(CATALOG[Rule.TREND].example)) == 2
    assert len(release_passages(CATALOG[Rule.CONFLICT].example)) == 1
    first, second = release_passages("Date: Monday 4 November 2019\n\nOne.\n\n"
                                     "Date: Monday 11 November 2019\n\nTwo.\n")
    assert first == "Date: Monday 4 November 2019\n\nOne.\n"
    assert second == "Date: Monday 11 November 2019\n\nTwo.\n"


# --------------------------------------------------------------------------- examples


@pytest.mark.parametrize("rule", PIPELINE_RULES, ids=lambda r: r.value)
def test_example_raises_the_rule(rule: Rule, tmp_path: Path) -> None:
    doc = CATALOG[rule]
    result = run_passages(doc.example, doc.example_format, tmp_path)
    found = {finding.rule for finding in result.findings}
    assert found == {rule}, [(f.code, f.message) for f in result.findings]
    assert all(finding.code == doc.code for finding in result.findings)


@pytest.mark.parametrize("rule", PIPELINE_RULES, ids=lambda r: r.value)
def test_use_instead_passes(rule: Rule, tmp_path: Path) -> None:
    doc = CATALOG[rule]
    result = run_passages(doc.use_instead, doc.example_format, tmp_path)
    assert not [f for f in result.findings if f.rule is rule]
    # A corrected passage that trips another rule would be a poor example too.
    assert result.findings == (), [(f.code, f.message) for f in result.findings]


def test_reference_example_raises_the_rule(tmp_path: Path) -> None:
    # Until the pipeline applies inline suppressions itself, apply them here with
    # the real module; once it does, its own reference findings count as well.
    suppress = pytest.importorskip("checks.suppress", reason="inline suppressions not built yet")
    doc = CATALOG[Rule.REFERENCE]

    def rules_raised(text: str, directory: Path) -> set[Rule]:
        result = run_passages(text, doc.example_format, directory)
        figures = [f for f in result.findings if f.rule is not Rule.REFERENCE]
        kept, notes = suppress.apply_suppressions(result.documents, figures)
        return {f.rule for f in (*result.findings, *kept, *notes)}

    assert rules_raised(doc.example, tmp_path / "example") == {Rule.REFERENCE}
    assert rules_raised(doc.use_instead, tmp_path / "instead") == set()


# --------------------------------------------------------------------------- generated docs


def generator() -> ModuleType:
    path = ROOT / "scripts" / "generate_rule_docs.py"
    spec = importlib.util.spec_from_file_location("generate_rule_docs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_rule_docs_are_up_to_date() -> None:
    stale = generator().differences()
    assert stale == [], f"run `python scripts/generate_rule_docs.py`: {stale} differ"


def test_generator_writes_a_page_per_rule_and_an_index(tmp_path: Path) -> None:
    script = generator()
    (tmp_path / "FC999-retired-rule.md").write_text("old\n")
    changed = script.write_docs(tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    expected = sorted(["README.md", *(f"{d.code}-{d.slug}.md" for d in CATALOG.values())])
    assert names == expected
    assert "FC999-retired-rule.md" in changed
    assert script.differences(tmp_path) == []
    index = (tmp_path / "README.md").read_text()
    assert all(f"[{d.code}]({d.code}-{d.slug}.md)" in index for d in CATALOG.values())


def test_generator_check_mode_fails_on_a_hand_edit(tmp_path: Path) -> None:
    script = generator()
    script.write_docs(tmp_path)
    page = tmp_path / "FC201-weekday-matches-date.md"
    page.write_text(page.read_text() + "A hand edit.\n")
    assert script.differences(tmp_path) == ["FC201-weekday-matches-date.md"]
