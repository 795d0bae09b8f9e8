"""The pre-commit hook and the GitHub Action: their structure, and running them as CI would.

The hook's entry is run on the files staged in a throw-away git repository,
filtered by ``types_or`` as pre-commit filters them.  The action's shell steps
are run with bash as GitHub runs them (``bash --noprofile --norc -eo pipefail``),
with fake ``GITHUB_*`` files.  What needs the network is not run here:
``actions/setup-python``, the ``pip install`` of the action's checkout, and
pre-commit building its own environment for ``language: python``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from checks.documents.discover import FORMATS_BY_SUFFIX
from checks.reports import FORMATS
from tests.conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

HOOKS = ROOT / ".pre-commit-hooks.yaml"
ACTION = ROOT / "action.yml"
VENV_BIN = Path(sys.executable).parent
# The tags pre-commit's `identify` library gives the extensions figcheck reads.
IDENTIFY_TAGS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                 ".txt": "plain-text"}
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

# 804 + 1,116 + 420 = 2,340, not 2,310: FC101 at line 5.
BROKEN = """\
# Knife surrender: more than 2,000 weapons handed in across the region

Police forces in the West Midlands region have published the results of the two-week knife surrender that ended on Sunday 3 November 2019.

A total of 2,310 knives were placed in surrender bins at police stations. Staffordshire Police received 804, West Midlands Police 1,116 and the Warwickshire and West Mercia alliance 420.
"""
CLEAN = "# Arrests\n\nOfficers arrested 12 people and charged 5 of them.\n"


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def tool_environment(**extra: str) -> dict[str, str]:
    """Return an environment with the project's virtualenv first on PATH, as pre-commit's would be."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("GIT_", "GITHUB_", "FIGCHECK_"))}
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, **extra)
    return env


# --------------------------------------------------------------------------- pre-commit


@pytest.fixture(scope="module")
def hook() -> dict[str, Any]:
    hooks = load_yaml(HOOKS)
    assert isinstance(hooks, list)
    (only,) = hooks
    return dict(only)


def test_hook_structure(hook: dict[str, Any]) -> None:
    assert hook["id"] == "figcheck"
    assert hook["name"] == "figcheck"
    assert hook["entry"] == "figcheck check"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "html", "plain-text"]
    assert hook["require_serial"] is True
    assert set(hook) <= {"id", "name", "description", "entry", "language", "types_or",
                         "require_serial", "minimum_pre_commit_version"}


def test_hook_covers_every_format_figcheck_reads_and_its_entry_is_installed(hook: dict[str, Any]) -> None:
    assert {IDENTIFY_TAGS[suffix] for suffix in FORMATS_BY_SUFFIX} == set(hook["types_or"])
    executable = shlex.split(hook["entry"])[0]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert executable in scripts
    assert shutil.which(executable, path=str(VENV_BIN)) is not None


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env=tool_environment(), check=True,
                          capture_output=True, text=True).stdout


def hook_files(repo: Path, hook: dict[str, Any]) -> list[str]:
    """Return the staged files pre-commit would pass: those whose identify tag is in types_or."""
    staged = [name for name in git(repo, "diff", "--cached", "--name-only", "-z").split("\0") if name]
    return sorted(name for name in staged
                  if IDENTIFY_TAGS.get(Path(name).suffix.lower()) in hook["types_or"])


def run_hook(repo: Path, hook: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    files = hook_files(repo, hook)
    # require_serial: one process for all files, run from the repository's root.
    return subprocess.run([*shlex.split(hook["entry"]), *files], cwd=repo, env=tool_environment(),
                          capture_output=True, text=True, timeout=300)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_hook_on_staged_files(hook: dict[str, Any], tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "releases").mkdir()
    (repo / "releases" / "knives.md").write_text(BROKEN)
    (repo / "releases" / "arrests.md").write_text(CLEAN)
    (repo / "notes.py").write_text("TOTAL = 2310\n")
    (repo / "unstaged.txt").write_text("Six men were arrested: Adam Smith, 34.\n")
    git(repo, "add", "releases", "notes.py")
    assert hook_files(repo, hook) == ["releases/arrests.md", "releases/knives.md"]

    failing = run_hook(repo, hook)
    assert failing.returncode == 1, failing.stderr
    assert failing.stdout.startswith("releases/knives.md:5:")
    assert " FC101 [error] " in failing.stdout
    assert "arrests.md" not in failing.stdout
    assert failing.stdout.splitlines()[-1].startswith("Found 1 error in 2 documents")

    git(repo, "rm", "-q", "--cached", "releases/knives.md")
    passing = run_hook(repo, hook)
    assert hook_files(repo, hook) == ["releases/arrests.md"]
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert passing.stdout.startswith("No problems found in 1 document")


# --------------------------------------------------------------------------- GitHub Action


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    return dict(load_yaml(ACTION))


def test_action_inputs(action: dict[str, Any]) -> None:
    inputs = action["inputs"]
    assert set(inputs) == {"paths", "args", "config", "fail-level", "format", "python-version"}
    assert inputs["format"]["default"] == "github"
    assert inputs["fail-level"]["default"] == "error"
    assert inputs["paths"]["default"] == "."
    assert all(spec.get("description") for spec in inputs.values())
    assert all(spec.get("required", False) is False and "default" in spec for spec in inputs.values())
    assert action["name"] and action["description"]


def test_action_references_only_declared_inputs_and_uses_them_all(action: dict[str, Any]) -> None:
    text = ACTION.read_text()
    referenced = set(re.findall(r"\binputs\.([A-Za-z0-9_-]+)", text))
    assert referenced == set(action["inputs"])
    outputs = set(re.findall(r"\bsteps\.([A-Za-z0-9_-]+)\.outputs\.", text))
    step_ids = {step["id"] for step in action["runs"]["steps"] if "id" in step}
    assert outputs <= step_ids


def test_action_steps(action: dict[str, Any]) -> None:
    runs = action["runs"]
    assert runs["using"] == "composite"
    steps = runs["steps"]
    setup = steps[0]
    assert setup["uses"].startswith("actions/setup-python@")
    assert setup["with"]["python-version"] == "${{ inputs.python-version }}"
    install = steps[1]
    assert "pip install" in install["run"]
    assert install["env"]["FIGCHECK_SOURCE"] == "${{ github.action_path }}"
    assert "$FIGCHECK_SOURCE" in install["run"]
    names = [step.get("id") for step in steps]
    assert "figcheck" in names
    summary = steps[-1]
    assert "GITHUB_STEP_SUMMARY" in summary["run"]
    assert summary["if"].startswith("always()")
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"
            # Inputs reach scripts through env only: an expression in a script can inject code.
            assert "${{" not in step["run"], step["name"]


def step(action: dict[str, Any], name: str) -> dict[str, Any]:
    (found,) = [s for s in action["runs"]["steps"] if s.get("name") == name]
    return dict(found)


def evaluate(value: str, inputs: dict[str, str]) -> str:
    """Replace ``${{ inputs.x }}`` and ``${{ github.action_path }}`` as the runner would."""
    def one(match: re.Match[str]) -> str:
        expression = match.group(1)
        if expression.startswith("inputs."):
            return inputs[expression.removeprefix("inputs.")]
        assert expression == "github.action_path", expression
        return str(ROOT)
    return EXPRESSION.sub(one, value)


def run_step(action: dict[str, Any], name: str, workspace: Path, github: Path,
             **given: str) -> subprocess.CompletedProcess[str]:
    spec = step(action, name)
    inputs = {key: str(value.get("default", "")) for key, value in action["inputs"].items()}
    inputs.update({key.replace("_", "-"): value for key, value in given.items()})
    env = tool_environment(
        GITHUB_ACTION_PATH=str(ROOT), GITHUB_STEP_SUMMARY=str(github / "summary.md"),
        GITHUB_OUTPUT=str(github / "output"), GITHUB_WORKSPACE=str(workspace),
    )
    env.update({key: evaluate(str(value), inputs) for key, value in spec.get("env", {}).items()})
    script = github / "step.sh"
    script.write_text(spec["run"])
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                          cwd=workspace, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    checkout = tmp_path / "checkout"
    (checkout / "releases").mkdir(parents=True)
    (checkout / "releases" / "knives.md").write_text(BROKEN)
    (checkout / "releases" / "arrests.md").write_text(CLEAN)
    github = tmp_path / "github"
    github.mkdir()
    (github / "summary.md").write_text("## Earlier step\n")
    (github / "output").write_text("")
    return checkout, github


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_action_run_and_summary_steps(action: dict[str, Any], workspace: tuple[Path, Path]) -> None:
    checkout, github = workspace
    report_format = "github" if "github" in FORMATS else "text"
    # Paths on separate lines, and args, reach figcheck as separate words.
    run = run_step(action, "Run figcheck", checkout, github, paths="releases\nreleases/knives.md",
                   format=report_format, args="--fail-level warning")
    assert run.returncode == 1, run.stderr
    assert "FC101" in run.stdout and "knives.md" in run.stdout
    assert (github / "output").read_text() == "exit-code=1\n"

    summary = run_step(action, "Write the job summary", checkout, github, paths="releases")
    assert summary.returncode == 0, summary.stderr
    written = (github / "summary.md").read_text()
    assert written.startswith("## Earlier step\n")  # appended, never overwritten
    if "markdown" in FORMATS:
        assert "FC101" in written[len("## Earlier step\n"):]
    else:
        # Until a Markdown report exists the summary is skipped with a warning, not a failure.
        assert written == "## Earlier step\n"
        assert "::warning title=figcheck::could not write the Markdown summary" in summary.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_action_usage_error_exits_two_and_is_recorded(action: dict[str, Any],
                                                      workspace: tuple[Path, Path]) -> None:
    checkout, github = workspace
    result = run_step(action, "Run figcheck", checkout, github, paths="releases",
                      args="--fail-level fatal")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("Error: Invalid value for '--fail-level'")
    assert (github / "output").read_text() == "exit-code=2\n"
    # The summary step's condition skips it after exit code 2.
    condition = step(action, "Write the job summary")["if"]
    assert "exit-code == '0'" in condition and "exit-code == '1'" in condition


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_action_inputs_cannot_inject_shell(action: dict[str, Any], workspace: tuple[Path, Path]) -> None:
    checkout, github = workspace
    marker = checkout / "injected"
    result = run_step(action, "Run figcheck", checkout, github,
                      paths=f"releases/*.none; touch {marker}", args="$(touch " + str(marker) + ")",
                      format="text")
    assert not marker.exists()
    assert result.returncode == 2  # the odd words reach figcheck as paths and arguments
