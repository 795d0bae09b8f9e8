"""Benchmark figcheck on generated releases: throughput, peak memory, start-up.

For every corpus size (5,000 and 50,000 documents by default) and job count, a
fresh Python process imports figcheck and Great Expectations, warms up on one
document, then reads, extracts and validates the whole corpus, reporting each
phase as it ends (so a run stopped by ``--timeout`` still reports the phases it
finished) and its peak RSS.  Documents per second are counted past start-up:
interpreter start, imports and the warm-up are reported apart.

It also times ``figcheck check ONE_DOCUMENT --rules expectations`` against
``python -c "import great_expectations"``, best of five new processes each.

Usage::

    python bench/run.py                              # 5,000 and 50,000, one job
    python bench/run.py --sizes 5000 --jobs 1 2 --json bench/out/results.json
    python bench/run.py --sizes 5000 --profile       # cProfile of the 5,000 run

Generated corpora and profiles go to ``bench/out/`` (never committed).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script: make ``bench`` and ``checks`` importable
    sys.path.insert(0, str(ROOT))

from bench.generate import DEFAULT_OUT, DEFAULT_SEED, generate, is_generated  # noqa: E402

DEFAULT_SIZES = (5000, 50000)
DEFAULT_RULES = ROOT / "expectations"
DEFAULT_TIMEOUT = 3600.0
STARTUP_REPEATS = 5
PROFILE_LINES = 25
PHASES = ("read", "extract", "read+extract", "validate")

# Targets from the issue.
TARGET_DOCS_PER_SECOND = 1000.0
TARGET_PEAK_MB = 1024.0
TARGET_STARTUP_RATIO = 1.3

Report = dict[str, Any]
PhaseHook = Callable[[str, float, Report], None]


# --------------------------------------------------------------------------- measuring


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Return the peak resident set size in MiB of this process (or of its largest
    finished child, with ``RUSAGE_CHILDREN``); Linux reports KiB, macOS bytes."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def cpu_seconds() -> float:
    """Return the CPU time used so far by this process and its finished children.

    On a shared machine wall time depends on what else runs; CPU time much less.
    """
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(corpus: Path | Sequence[Path], rule_paths: Sequence[str | Path] = (DEFAULT_RULES,),
            jobs: int = 1, on_phase: PhaseHook | None = None) -> Report:
    """Read, extract and validate ``corpus`` and return what each phase cost.

    With one job, reading and extraction are timed apart (``read_paths`` then
    ``extract_all``); with more, ``read_and_extract`` spreads both over ``jobs``
    processes and they are timed together as ``read+extract``.  ``on_phase`` is
    called after each phase with its name, seconds and the report so far.
    """
    from checks.pipeline import extract_all, load_rule_paths, read_paths
    from checks.validate import validate

    paths = [corpus] if isinstance(corpus, Path) else list(corpus)
    report: Report = {"jobs": jobs, "documents": 0, "figures": 0, "findings": None,
                      "phases": {}, "cpu": {}, "complete": False, "peak_rss_mb": None,
                      "worker_peak_rss_mb": None}

    def timed(name: str, work: Callable[[], Any], counts: Callable[[Any], Report]) -> Any:
        started, cpu_started = time.perf_counter(), cpu_seconds()
        result = work()
        report["phases"][name] = time.perf_counter() - started
        report["cpu"][name] = cpu_seconds() - cpu_started
        report.update(counts(result))
        report["peak_rss_mb"] = peak_rss_mb()
        # Worker processes of ``read_and_extract`` have ended by now: their peak counts too.
        report["worker_peak_rss_mb"] = peak_rss_mb(resource.RUSAGE_CHILDREN) if jobs > 1 else None
        if on_phase is not None:
            on_phase(name, report["phases"][name], report)
        return result

    rules = load_rule_paths(list(rule_paths))
    if jobs == 1:
        documents = timed("read", lambda: read_paths(paths), lambda d: {"documents": len(d)})
        figures = timed("extract", lambda: extract_all(documents, rules),
                        lambda f: {"figures": len(f)})
    else:
        from checks.pipeline import read_and_extract

        documents, figures, rules = timed(
            "read+extract", lambda: read_and_extract(paths, list(rule_paths), jobs=jobs),
            lambda r: {"documents": len(r[0]), "figures": len(r[1])})
    timed("validate", lambda: validate(documents, figures, rules),
          lambda r: {"findings": len(r[0]), "complete": True})
    return summarise(report)


def summarise(report: Report) -> Report:
    """Add the seconds past start-up and the documents per second, overall and per phase."""
    phases: dict[str, float] = report["phases"]
    documents = report["documents"]
    report["past_startup_seconds"] = sum(phases.values())
    report["documents_per_second"] = (documents / report["past_startup_seconds"]
                                      if report.get("complete") and phases else None)
    cpu = sum(report.get("cpu", {}).values())
    report["documents_per_cpu_second"] = (documents / cpu if report.get("complete") and cpu > 0
                                          else None)
    report["phase_documents_per_second"] = {
        name: documents / seconds if seconds > 0 else None for name, seconds in phases.items()
    }
    return report


# --------------------------------------------------------------------------- the child process


def child(args: argparse.Namespace) -> int:
    """Measure one corpus in this (fresh) process, writing a JSON line per event."""
    events = open(args.events, "a", encoding="utf-8")  # noqa: SIM115 (kept open for the run)

    def emit(event: Report) -> None:
        events.write(json.dumps(event) + "\n")
        events.flush()

    started = time.perf_counter()
    import great_expectations  # noqa: F401 (imported here so validate does not pay for it)

    import checks.pipeline
    import checks.validate  # noqa: F401

    emit({"event": "imports", "seconds": time.perf_counter() - started})
    # One document through every stage compiles the regexes and builds GX's context.
    first = next(path for path in sorted(args.corpus.rglob("*"))
                 if path.suffix in (".txt", ".md", ".html"))
    started = time.perf_counter()
    measure([first], args.rules, jobs=1)
    emit({"event": "warm-up", "seconds": time.perf_counter() - started, "path": str(first)})

    def on_phase(name: str, seconds: float, report: Report) -> None:
        emit({"event": "phase", "phase": name, "seconds": seconds, "cpu": report["cpu"][name],
              "documents": report["documents"], "figures": report["figures"],
              "peak_rss_mb": report["peak_rss_mb"],
              "worker_peak_rss_mb": report["worker_peak_rss_mb"]})

    profiler = cProfile.Profile() if args.profile_out else None
    if profiler is not None:
        profiler.enable()
    report = measure([args.corpus], args.rules, jobs=args.jobs[0], on_phase=on_phase)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(args.profile_out))
    emit({"event": "done", "report": report})
    events.close()
    return 0


# --------------------------------------------------------------------------- the parent


def run_child(corpus: Path, rules: Sequence[Path], jobs: int, timeout: float, events: Path,
              profile_out: Path | None = None) -> Report:
    """Measure ``corpus`` in a new process; return its report, partial if it timed out."""
    events.unlink(missing_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--child", "--corpus", str(corpus),
               "--events", str(events), "--jobs", str(jobs),
               *(arg for rule in rules for arg in ("--rules", str(rule)))]
    if profile_out is not None:
        command += ["--profile-out", str(profile_out)]
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)
    timed_out = False
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        process.kill()
        process.wait()
    wall = time.perf_counter() - started
    report = read_events(events)
    # Other processes on the machine slow a run down: keep the load it ran under.
    report.update({"wall_seconds": wall, "timed_out": timed_out, "timeout": timeout,
                   "returncode": process.returncode, "corpus": str(corpus),
                   "load_before": load_before, "load_after": os.getloadavg()[0]})
    return report


def read_events(events: Path) -> Report:
    """Rebuild a child's report from its event lines (all of them, or those before a kill)."""
    report: Report = {"phases": {}, "cpu": {}, "complete": False, "documents": 0, "figures": 0,
                      "findings": None, "peak_rss_mb": None, "worker_peak_rss_mb": None}
    lines = events.read_text(encoding="utf-8").splitlines() if events.exists() else []
    for line in lines:
        event = json.loads(line)
        kind = event["event"]
        if kind in ("imports", "warm-up"):
            report[kind.replace("-", "_") + "_seconds"] = event["seconds"]
        elif kind == "phase":
            report["phases"][event["phase"]] = event["seconds"]
            report["cpu"][event["phase"]] = event["cpu"]
            report.update({key: event[key] for key in ("documents", "figures", "peak_rss_mb",
                                                       "worker_peak_rss_mb")})
        elif kind == "done":
            report.update(event["report"])
    return summarise(report)


def time_command(command: Sequence[str]) -> tuple[float, int]:
    """Run ``command`` in a new process; return its wall time and exit code."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started, done.returncode


def startup(document: Path, rules: Sequence[Path], figcheck: Path, python: Path,
            repeats: int = STARTUP_REPEATS) -> Report:
    """Time one document end to end against importing GX, alternating new processes."""
    check = [str(figcheck), "check", str(document),
             *(arg for rule in rules for arg in ("--rules", str(rule)))]
    bare = [str(python), "-c", "import great_expectations"]
    check_times: list[float] = []
    import_times: list[float] = []
    codes: set[int] = set()
    for _ in range(repeats):
        seconds, code = time_command(check)
        check_times.append(seconds)
        codes.add(code)
        import_times.append(time_command(bare)[0])
    # figcheck exits 1 when it finds something; 2 (an error) would make the timing meaningless.
    if 2 in codes or any(code < 0 for code in codes):
        raise RuntimeError(f"{' '.join(check)} failed (exit codes {sorted(codes)})")
    best_check, best_import = min(check_times), min(import_times)
    return {
        "document": str(document),
        "check_command": " ".join(check), "import_command": " ".join(bare),
        "check_seconds": check_times, "import_seconds": import_times,
        "check_best": best_check, "import_best": best_import,
        "check_median": statistics.median(check_times),
        "import_median": statistics.median(import_times),
        "ratio": best_check / best_import,
    }


def profile_summary(stats_file: Path, lines: int = PROFILE_LINES) -> str:
    """Return the top ``lines`` functions by cumulative and by own time."""
    text = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=text)
    stats.strip_dirs()
    for order in ("cumulative", "tottime"):
        text.write(f"\n=== top {lines} by {order} time ===\n")
        stats.sort_stats(order).print_stats(lines)
    return text.getvalue()


def machine() -> Report:
    """Describe the machine: CPU, usable cores, memory, OS and versions."""
    from importlib.metadata import PackageNotFoundError, version

    cpu = next((line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor() or "unknown")
    memory_kb = next((int(line.split()[1]) for line in _lines("/proc/meminfo")
                      if line.startswith("MemTotal:")), 0)
    versions = {}
    for package in ("figcheck", "great-expectations", "pandas"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = None
    return {
        "cpu": cpu, "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
        else os.cpu_count(), "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "os": platform.platform(), "python": platform.python_version(), "versions": versions,
    }


def code_version() -> Report:
    """Identify the code measured: the commit and a hash of every ``checks/`` source file.

    The hash also catches uncommitted edits, and a change in the middle of a run
    (others may be editing the tree) shows as two different hashes.
    """
    digest = hashlib.sha256()
    for path in sorted((ROOT / "checks").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=False).stdout.strip() or None
    except OSError:
        commit = None
    return {"commit": commit, "checks_sha256": digest.hexdigest()[:16]}


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


# --------------------------------------------------------------------------- reporting


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f}"


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def markdown(results: Report) -> str:
    """Return the results as Markdown tables, with each target met or missed."""
    out = ["| documents | jobs | figures | findings | read s | extract s | read+extract s "
           "| validate s | past start-up s | docs/s | read+extract docs/s | docs/CPU-s "
           "| peak RSS MB | worker peak MB | imports + warm-up s | wall s |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for run in results["runs"]:
        phases = run["phases"]
        reading = [phases[p] for p in ("read", "extract", "read+extract") if p in phases]
        reading_rate = (run["documents"] / sum(reading)
                        if reading and run["documents"] and ("extract" in phases
                                                             or "read+extract" in phases)
                        else None)
        validate_cell = _seconds(phases.get("validate"))
        if "validate" not in phases and run.get("timed_out"):
            unfinished = run["wall_seconds"] - sum(phases.values()) - run.get("imports_seconds", 0)
            validate_cell = f"> {unfinished - run.get('warm_up_seconds', 0):,.0f} (killed)"
        startup_cost = (run.get("imports_seconds") or 0) + (run.get("warm_up_seconds") or 0)
        out.append(
            f"| {run['size']:,} | {run['jobs']} | {run['figures']:,} | "
            f"{'-' if run['findings'] is None else format(run['findings'], ',')} | "
            f"{_seconds(phases.get('read'))} | {_seconds(phases.get('extract'))} | "
            f"{_seconds(phases.get('read+extract'))} | {validate_cell} | "
            f"{_seconds(run['past_startup_seconds'] if run['complete'] else None)} | "
            f"{_rate(run['documents_per_second'])} | {_rate(reading_rate)} | "
            f"{_rate(run.get('documents_per_cpu_second'))} | "
            f"{_seconds(run['peak_rss_mb'])} | {_seconds(run.get('worker_peak_rss_mb'))} | "
            f"{_seconds(startup_cost)} | "
            f"{_seconds(run['wall_seconds'])} |")
    start = results.get("startup")
    if start:
        out += ["", "| one document | best s | median s |", "|---|---:|---:|",
                f"| `figcheck check` | {start['check_best']:.2f} | {start['check_median']:.2f} |",
                f"| `import great_expectations` | {start['import_best']:.2f} | "
                f"{start['import_median']:.2f} |",
                f"| ratio (best / best) | {start['ratio']:.2f} | |"]
    out += ["", *targets(results)]
    code = results.get("code")
    if code:
        changed = results.get("code_after", code) != code
        out.append(f"- code: commit {str(code['commit'])[:10]}, checks/ sha256 "
                   f"{code['checks_sha256']}" + (" (changed during the run)" if changed else ""))
    return "\n".join(out) + "\n"


def targets(results: Report) -> list[str]:
    """Return one line per target: met, missed or not measured."""
    lines = []
    runs = results["runs"]
    complete = [r for r in runs if r["complete"]]
    if complete:
        best = max(complete, key=lambda r: r["documents_per_second"])
        verdict = "met" if best["documents_per_second"] >= TARGET_DOCS_PER_SECOND else "missed"
        lines.append(f"- throughput >= {TARGET_DOCS_PER_SECOND:,.0f} documents/s: {verdict} "
                     f"(best {best['documents_per_second']:,.0f} at {best['size']:,} documents, "
                     f"{best['jobs']} job(s))")
    largest = [r for r in runs if r["size"] == max(r2["size"] for r2 in runs)]
    if largest and all(r["peak_rss_mb"] is not None for r in largest):
        peak = max(r["peak_rss_mb"] for r in largest)
        partial = "" if all(r["complete"] for r in largest) else " (run did not finish)"
        verdict = "met" if peak <= TARGET_PEAK_MB else "missed"
        lines.append(f"- peak memory <= {TARGET_PEAK_MB:,.0f} MB at {largest[0]['size']:,} "
                     f"documents: {verdict} ({peak:,.0f} MB{partial})")
    start = results.get("startup")
    if start:
        verdict = "met" if start["ratio"] <= TARGET_STARTUP_RATIO else "missed"
        lines.append(f"- one document <= {TARGET_STARTUP_RATIO}x `import great_expectations`: "
                     f"{verdict} ({start['ratio']:.2f}x)")
    return lines


# --------------------------------------------------------------------------- command line


def corpus_for(out: Path, size: int, seed: int) -> Path:
    """Return the corpus directory for ``size``, generating it first if needed."""
    root = out / f"docs-{size}" if seed == DEFAULT_SEED else out / f"docs-{size}-seed{seed}"
    if not is_generated(root, size, seed):
        started = time.perf_counter()
        generate(root, size, seed)
        _say(f"generated {size:,} documents in {time.perf_counter() - started:.1f} s: {root}")
    return root


def _say(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES),
                        metavar="N", help="corpus sizes (default: 5000 50000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1], metavar="J",
                        help="job counts to measure each size with (default: 1)")
    parser.add_argument("--rules", type=Path, action="append", default=None,
                        help=f"rule file or directory (default: {DEFAULT_RULES})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"where corpora and profiles go (default: {DEFAULT_OUT})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="seconds before a run is stopped (its finished phases are kept)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to FILE")
    parser.add_argument("--markdown", type=Path, help="also write the Markdown tables to FILE")
    parser.add_argument("--profile", action="store_true",
                        help="also profile the smallest size and print the top functions")
    parser.add_argument("--no-startup", action="store_true",
                        help="skip the one-document start-up comparison")
    parser.add_argument("--repeats", type=int, default=STARTUP_REPEATS,
                        help="runs of each start-up command (best is kept)")
    parser.add_argument("--figcheck", type=Path, default=ROOT / ".venv" / "bin" / "figcheck")
    parser.add_argument("--python", type=Path, default=ROOT / ".venv" / "bin" / "python")
    # The measuring child process (internal).
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--events", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.rules = args.rules or [DEFAULT_RULES]
    if any(size < 1 for size in args.sizes) or any(jobs < 1 for jobs in args.jobs):
        parser.error("sizes and job counts must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        return child(args)
    args.out.mkdir(parents=True, exist_ok=True)
    results: Report = {"machine": machine(), "code": code_version(), "seed": args.seed,
                       "rules": [str(r) for r in args.rules], "runs": []}
    corpora = {size: corpus_for(args.out, size, args.seed) for size in args.sizes}
    for size in args.sizes:
        for jobs in args.jobs:
            _say(f"measuring {size:,} documents with {jobs} job(s)...")
            events = args.out / f"events-{size}-j{jobs}.jsonl"
            run = run_child(corpora[size], args.rules, jobs, args.timeout, events)
            run["size"] = size
            results["runs"].append(run)
            _say(json.dumps({k: run[k] for k in ("phases", "peak_rss_mb", "timed_out")}))
    if not args.no_startup:
        one = min(corpora.values(), key=lambda root: root.name)
        document = next(p for p in sorted(one.rglob("*.txt")))
        results["startup"] = startup(document, args.rules, args.figcheck, args.python,
                                     args.repeats)
    if args.profile:
        size = min(args.sizes)
        stats_file = args.out / f"profile-{size}.pstats"
        _say(f"profiling {size:,} documents...")
        run = run_child(corpora[size], args.rules, 1, args.timeout,
                        args.out / f"events-{size}-profile.jsonl", profile_out=stats_file)
        results["profile"] = {"size": size, "stats": str(stats_file), "run": run}
        if stats_file.exists():
            summary = profile_summary(stats_file)
            (args.out / f"profile-{size}.txt").write_text(summary, encoding="utf-8")
            sys.stdout.write(summary)
    results["code_after"] = code_version()
    if results["code_after"] != results["code"]:
        _say("warning: checks/ changed during the run; the runs measured different code")
    table = markdown(results)
    sys.stdout.write(table)
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
