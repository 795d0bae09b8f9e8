"""Recall and precision on annotated corpora, scored the way ../shared/score.py scores them.

``tests/corpus`` was written without reading the implementation (see its README);
``../shared/corpus`` is the development corpus that CI has beside the checkout.
A reported finding (error or warning) matches an expected one when the file and
rule agree and its line, or a related figure's line, is within one line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checks.pipeline import check_paths
from tests.conftest import EXPECTATIONS, ROOT

CORPORA = {
    "held-out": (ROOT / "tests" / "corpus", 0.8, 0.9),
    "development": (ROOT.parent / "shared" / "corpus", 0.9, 0.9),
}


def score(corpus: Path) -> tuple[float, float, list[str]]:
    expected = yaml.safe_load((corpus / "expected.yml").read_text())["documents"]
    result = check_paths([corpus / d["file"] for d in expected], [EXPECTATIONS])
    reported: dict[str, list] = {}
    for finding in result.findings:
        if finding.severity.value in ("error", "warning"):
            reported.setdefault(Path(finding.path).name, []).append(finding)
    hits = misses = false_alarms = 0
    notes = []
    for document in expected:
        name = Path(document["file"]).name
        found = reported.get(name, [])
        used: set[int] = set()
        wanted = sorted(document.get("findings") or [], key=lambda e: bool(e.get("optional")))
        for item in wanted:
            match = next((i for i, f in enumerate(found) if i not in used
                          and f.rule.value == item["rule"]
                          and any(abs(line - item["line"]) <= 1 for line in
                                  {f.line, *(r.line for r in f.related)})), None)
            if match is not None:
                used.add(match)
                hits += 0 if item.get("optional") else 1
            elif not item.get("optional"):
                misses += 1
                notes.append(f"miss {name}:{item['line']} {item['rule']}")
        for index, finding in enumerate(found):
            if index not in used:
                false_alarms += 1
                notes.append(f"false {name}:{finding.line} {finding.rule.value}")
    recall = hits / (hits + misses) if hits + misses else 1.0
    precision = hits / (hits + false_alarms) if hits + false_alarms else 1.0
    return recall, precision, notes


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_corpus_score(name: str) -> None:
    corpus, min_recall, min_precision = CORPORA[name]
    if not (corpus / "expected.yml").exists():
        pytest.skip(f"{corpus} is not beside this checkout")
    recall, precision, notes = score(corpus)
    assert recall >= min_recall and precision >= min_precision, (recall, precision, notes)
