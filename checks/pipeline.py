"""The whole flow for a list of paths: read, extract, check.

This is the one place that chains the stages; the CLI and library users call
:func:`check_paths`, and each stage stays usable on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from checks.baseline import Baseline
from checks.documents import discover, read_document
from checks.extract import Vocabulary, extract_figures
from checks.model import Document, Figure, Finding, RunResult
from checks.rules import RuleSet, load_rules
from checks.suppress import apply_suppressions
from checks.validate import validate

_T = TypeVar("_T")


def read_paths(paths: Iterable[str | Path]) -> list[Document]:
    """Return the documents at ``paths`` (directories are walked), in path order."""
    return [read_document(path) for path in discover(paths)]


# Each worker process builds the rule vocabulary once, not once per document.
_WORKER_VOCABULARY: Vocabulary | None = None


def _start_worker(rule_paths: Sequence[str]) -> None:
    global _WORKER_VOCABULARY
    _WORKER_VOCABULARY = Vocabulary(load_rule_paths(rule_paths))


def _read_and_extract_one(item: tuple[int, str]) -> tuple[Document, list[Figure]]:
    index, path = item
    assert _WORKER_VOCABULARY is not None, "worker not started"
    document = read_document(path)
    return document, extract_figures(document, _WORKER_VOCABULARY, doc_index=index)


def read_and_extract(
    paths: Iterable[str | Path],
    rule_paths: Sequence[str | Path] = (),
    *,
    jobs: int = 1,
    progress: bool = False,
) -> tuple[list[Document], list[Figure], RuleSet]:
    """Read and extract every document, over ``jobs`` processes, in path order.

    ``progress`` shows a bar on standard error when it is a terminal.  The first
    unreadable document stops the run with its DocumentError, as a single
    process would.
    """
    rules = load_rule_paths(rule_paths)
    files = [str(path) for path in discover(paths)]
    items = list(enumerate(files))
    names = [str(p) for p in rule_paths]
    if jobs > 1 and len(items) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_start_worker, initargs=(names,)
        ) as pool:
            chunk = max(1, min(64, len(items) // (jobs * 8)))
            results = list(
                _progress(
                    pool.map(_read_and_extract_one, items, chunksize=chunk), len(items), progress
                )
            )
    else:
        _start_worker(names)
        results = list(_progress(map(_read_and_extract_one, items), len(items), progress))
    documents = [document for document, _ in results]
    figures = [figure for _, found in results for figure in found]
    return documents, figures, rules


def _progress(iterator: Iterable[_T], total: int, enabled: bool) -> Iterable[_T]:
    if not enabled or total < 2:
        return iterator
    from tqdm import tqdm

    # disable=None: tqdm draws only when stderr is a terminal, never into CI logs or pipes.
    return tqdm(iterator, total=total, unit="doc", disable=None, leave=False)


def extract_all(documents: Sequence[Document], rules: RuleSet) -> list[Figure]:
    """Return the figures of every document, with ids unique across the run."""
    vocabulary = Vocabulary(rules)
    figures: list[Figure] = []
    for index, document in enumerate(documents):
        figures.extend(extract_figures(document, vocabulary, doc_index=index))
    return figures


def load_rule_paths(rule_paths: Sequence[str | Path]) -> RuleSet:
    return load_rules(rule_paths) if rule_paths else RuleSet.empty()


def check_paths(paths: Iterable[str | Path], rule_paths: Sequence[str | Path] = (), *,
                jobs: int = 1, progress: bool = False, store: str | None = None) -> RunResult:
    """Read, extract and check the documents at ``paths`` against the rule files.

    With ``store`` (a path to an SQLite file or an SQLAlchemy URL) the releases
    stored by earlier runs join the cross-release checks (trend, conflict), and
    the documents of this run are stored once they are checked: a run that fails
    before that leaves the store as it was.
    """
    documents, figures, rules = read_and_extract(paths, rule_paths, jobs=jobs, progress=progress)
    stored: list[Figure] = []
    if store is None:
        findings, checked = validate(documents, figures, rules)
    else:
        findings, checked, stored = _validate_with_store(store, documents, figures, rules)
    return RunResult(
        tuple(documents), tuple(figures), tuple(findings), tuple(rules.files), checked,
        stored=tuple(stored),
    )


def _validate_with_store(
    store_location: str, documents: list[Document], figures: list[Figure], rules: RuleSet
) -> tuple[list[Finding], frozenset[str], list[Figure]]:
    from checks.store import hash_file, open_store

    with open_store(store_location) as store:
        earlier = store.load(exclude_paths=[d.path for d in documents])
        stored = [f for e in earlier for f in e.figures]
        findings, checked = validate(
            [*documents, *(e.as_document() for e in earlier)], [*figures, *stored], rules
        )
        # Stored releases were reported when they were checked; report this run's only.
        current = {d.path for d in documents}
        findings = [f for f in findings if f.path in current]
        by_path: dict[str, list[Figure]] = {d.path: [] for d in documents}
        for figure in figures:
            by_path[figure.path].append(figure)
        for document in documents:
            store.save(document.path, hash_file(document.path), document.published,
                       by_path[document.path])
    return findings, checked, stored


def filter_findings(
    result: RunResult,
    is_ignored: Callable[[Finding], bool] | None = None,
    baseline: Baseline | None = None,
) -> RunResult:
    """Apply inline suppressions, ignore settings and a baseline to a run's findings.

    Findings about the suppression comments themselves (unused, unknown codes)
    join the findings, so they can be ignored or baselined like any other.
    """
    kept, notes = apply_suppressions(result.documents, result.findings)
    candidates = [*kept, *notes]
    findings = [f for f in candidates if not (is_ignored and is_ignored(f))]
    suppressed = len(result.findings) - len(kept) + (len(candidates) - len(findings))
    baselined = 0
    if baseline is not None:
        findings, baselined = baseline.filter(findings)
    return replace(
        result,
        findings=tuple(sorted(findings, key=Finding.sort_key)),
        suppressed=suppressed,
        baselined=baselined,
    )
