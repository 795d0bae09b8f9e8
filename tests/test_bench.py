"""Smoke test of the benchmark: the generator and the measurement, not the timings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.generate import generate, is_generated
from bench.run import markdown, measure, read_events, summarise
from tests.conftest import EXPECTATIONS

COUNT = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench") / "docs"
    generate(root, COUNT, seed=3)
    return root


@pytest.fixture(scope="module")
def report(corpus: Path) -> dict:
    return measure([corpus], [EXPECTATIONS])


def documents(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".txt", ".md", ".html"))


def test_generator_writes_every_format_and_a_manifest(corpus: Path) -> None:
    paths = documents(corpus)
    assert len(paths) == COUNT
    assert {p.suffix for p in paths} == {".txt", ".md", ".html"}
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["count"] == COUNT and manifest["seed"] == 3
    assert set(manifest["planted"]) == {p.relative_to(corpus).as_posix() for p in paths}
    assert is_generated(corpus, COUNT, seed=3)
    assert not is_generated(corpus, COUNT + 1, seed=3)


def test_generator_is_deterministic(corpus: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate(again, COUNT, seed=3)
    for path in documents(corpus):
        assert (again / path.relative_to(corpus)).read_bytes() == path.read_bytes()
    other = tmp_path / "other"
    generate(other, COUNT, seed=4)
    assert any((other / p.relative_to(corpus)).read_bytes() != p.read_bytes()
               for p in documents(corpus))


@pytest.mark.parametrize(("suffix", "marker"), [
    (".txt", "arrested"),
    (".md", "\n# "),
    (".html", "<nav"),
])
def test_documents_look_like_releases(corpus: Path, suffix: str, marker: str) -> None:
    texts = [p.read_text(encoding="utf-8") for p in documents(corpus) if p.suffix == suffix]
    assert any(marker in text for text in texts)


def test_measure_reports_every_phase(report: dict) -> None:
    assert report["complete"] is True
    assert report["documents"] == COUNT
    assert report["figures"] > COUNT  # every release states several figures
    assert isinstance(report["findings"], int) and report["findings"] > 0  # errors are planted
    assert set(report["phases"]) == {"read", "extract", "validate"}
    assert set(report["cpu"]) == set(report["phases"])
    assert report["documents_per_cpu_second"] > 0
    assert all(seconds >= 0 for seconds in report["phases"].values())
    assert report["past_startup_seconds"] == pytest.approx(sum(report["phases"].values()))
    assert report["documents_per_second"] > 0
    assert set(report["phase_documents_per_second"]) == set(report["phases"])
    assert report["peak_rss_mb"] > 0


def test_two_jobs_read_the_same_figures(corpus: Path, report: dict) -> None:
    parallel = measure([corpus], [EXPECTATIONS], jobs=2)
    assert set(parallel["phases"]) == {"read+extract", "validate"}
    assert (parallel["documents"], parallel["figures"], parallel["findings"]) == (
        report["documents"], report["figures"], report["findings"])
    assert parallel["worker_peak_rss_mb"] > 0


def test_a_killed_run_keeps_its_finished_phases(tmp_path: Path) -> None:
    events = tmp_path / "events.jsonl"
    lines = [
        {"event": "imports", "seconds": 2.0},
        {"event": "warm-up", "seconds": 1.0, "path": "x.txt"},
        {"event": "phase", "phase": "read", "seconds": 4.0, "cpu": 3.5, "documents": 8, "figures": 0,
         "peak_rss_mb": 300.0, "worker_peak_rss_mb": None},
    ]
    events.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    partial = read_events(events)
    assert partial["complete"] is False
    assert partial["phases"] == {"read": 4.0}
    assert partial["cpu"] == {"read": 3.5}
    assert partial["documents_per_second"] is None
    assert partial["phase_documents_per_second"] == {"read": 2.0}
    assert (partial["imports_seconds"], partial["warm_up_seconds"]) == (2.0, 1.0)


def test_markdown_names_each_target(report: dict) -> None:
    run = summarise({**report, "size": COUNT, "wall_seconds": 1.0, "timed_out": False})
    startup = {"check_best": 1.2, "check_median": 1.3, "import_best": 1.0,
               "import_median": 1.1, "ratio": 1.2}
    table = markdown({"runs": [run], "startup": startup})
    assert f"| {COUNT} | 1 |" in table
    assert "- one document <= 1.3x `import great_expectations`: met (1.20x)" in table
    assert "- throughput >= 1,000 documents/s:" in table
    assert f"- peak memory <= 1,024 MB at {COUNT} documents:" in table
