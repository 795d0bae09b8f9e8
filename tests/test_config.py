"""Configuration: discovery, precedence, validation, ignores and ``figcheck config``."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checks.cli.config import command as config_command
from checks.config import (
    ENV_VARIABLE,
    Config,
    describe_config,
    discover_config,
    load_config,
)
from checks.errors import ConfigError
from checks.model import Finding, Rule, Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(cwd: Path, explicit: Path | None = None, env: dict[str, str] | None = None,
         **overrides: object) -> Config:
    return load_config(cwd, explicit, env or {}, overrides)


def finding(path: str, rule: Rule = Rule.SUM, check: str | None = None) -> Finding:
    return Finding(rule=rule, severity=Severity.ERROR, path=path, line=1, column=1,
                   message="m", check=check or rule.value)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Return an empty project folder with no configuration above it."""
    root = tmp_path / "project"
    root.mkdir()
    assert discover_config(root) is None, "a configuration file above the temporary folder"
    return root


# --------------------------------------------------------------------------- discovery


def test_defaults_without_any_configuration(project: Path) -> None:
    config = load(project)
    assert (config.rules, config.fail_level, config.ignore, config.per_file_ignores,
            config.format, config.baseline) == ((), "error", (), (), "text", None)
    assert dict(config.sources) == dict.fromkeys(
        ["rules", "fail-level", "ignore", "per-file-ignores", "format", "baseline"], "default")
    assert config.files == ()
    assert config.origin == ""


def test_nearest_file_wins_walking_up(project: Path) -> None:
    write(project / ".figcheck.yaml", "fail-level: warning\nformat: json\n")
    write(project / "releases" / ".figcheck.yaml", "fail-level: info\n")
    deep = project / "releases" / "2023" / "march"
    deep.mkdir(parents=True)
    config = load(deep)
    assert config.fail_level == "info"
    assert config.format == "text"  # files are not merged: the nearest one wins
    assert config.files == (project / "releases" / ".figcheck.yaml",)
    assert config.origin == "discovered"


def test_in_one_directory_figcheck_yaml_beats_pyproject(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.figcheck]\nfail-level = "none"\n')
    write(project / ".figcheck.yaml", "fail-level: warning\n")
    assert load(project).fail_level == "warning"


def test_pyproject_without_the_table_is_passed_over(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.figcheck]\nfail-level = "info"\nformat = "json"\n')
    inner = project / "package"
    write(inner / "pyproject.toml", '[project]\nname = "figcheck-notes"\n')
    config = load(inner)
    assert (config.fail_level, config.format) == ("info", "json")
    assert config.sources["fail-level"] == f"{project / 'pyproject.toml'}:2"  # outside cwd: absolute
    assert config.files == (project / "pyproject.toml",)


def test_pyproject_table_with_subtable(project: Path) -> None:
    write(project / "pyproject.toml",
          '[project]\nname = "x"\n\n[tool.figcheck]\nignore = ["FC202"]\n\n'
          '[tool.figcheck.per-file-ignores]\n"archive/*.md" = ["trend"]\n')
    config = load(project)
    assert config.ignore == ("FC202",)
    assert [(e.pattern, e.codes) for e in config.per_file_ignores] == [("archive/*.md", ("trend",))]
    assert config.sources["ignore"] == "pyproject.toml:5"
    assert config.sources["per-file-ignores"] == "pyproject.toml:7"


# --------------------------------------------------------------------------- precedence


def test_explicit_file_beats_environment_beats_discovery(project: Path) -> None:
    write(project / ".figcheck.yaml", "fail-level: warning\n")
    write(project / "ci" / "env.yaml", "fail-level: info\n")
    write(project / "ci" / "explicit.yaml", "fail-level: none\n")
    env = {ENV_VARIABLE: "ci/env.yaml"}
    assert load(project).fail_level == "warning"
    from_env = load(project, env=env)
    assert (from_env.fail_level, from_env.origin) == ("info", ENV_VARIABLE)
    explicit = load(project, Path("ci/explicit.yaml"), env=env)
    assert (explicit.fail_level, explicit.origin) == ("none", "--config")
    assert explicit.sources["fail-level"] == "ci/explicit.yaml:1"
    flagged = load(project, Path("ci/explicit.yaml"), env=env, fail_level="error")
    assert flagged.fail_level == "error"
    assert flagged.sources["fail-level"] == "command line (--fail-level)"


def test_empty_environment_variable_is_unset(project: Path) -> None:
    write(project / ".figcheck.yaml", "fail-level: warning\n")
    assert load(project, env={ENV_VARIABLE: " "}).fail_level == "warning"


@pytest.mark.parametrize(("explicit", "env"), [(Path("nope.yaml"), {}), (None, {ENV_VARIABLE: "nope.yaml"})])
def test_named_file_that_does_not_exist(project: Path, explicit: Path | None, env: dict[str, str]) -> None:
    with pytest.raises(ConfigError, match="configuration file not found") as error:
        load(project, explicit, env)
    assert error.value.path == "nope.yaml"


def test_flags_not_given_leave_the_file_values(project: Path) -> None:
    write(project / ".figcheck.yaml", "rules: [expectations]\nbaseline: known.json\n")
    config = load(project, rules=(), ignore=(), fail_level=None, baseline=None, format=None)
    assert config.rules == (Path("expectations"),)
    assert config.baseline == Path("known.json")


def test_flags_replace_but_ignore_adds(project: Path) -> None:
    write(project / ".figcheck.yaml", "rules: [expectations]\nignore: [FC202]\n")
    config = load(project, rules=("other/rules.yaml",), ignore=("sum,FC202", "trend"))
    assert config.rules == (Path("other/rules.yaml"),)
    assert config.ignore == ("FC202", "sum", "trend")
    assert config.ignore_keys == frozenset({"FC202", "FC101", "FC106"})
    assert config.sources["ignore"] == ".figcheck.yaml:2 + command line (--ignore)"


# --------------------------------------------------------------------------- paths and extend


def test_paths_resolve_relative_to_the_file_that_names_them(project: Path) -> None:
    write(project / "shared" / "base.yaml", "rules: [../expectations, regional]\nbaseline: known.json\n")
    write(project / "releases" / ".figcheck.yaml", "extend: ../shared/base.yaml\nfail-level: warning\n")
    config = load(project / "releases")
    assert config.rules == (project / "expectations", project / "shared" / "regional")
    assert config.baseline == project / "shared" / "known.json"
    assert config.fail_level == "warning"
    assert config.files == (project / "releases" / ".figcheck.yaml", project / "shared" / "base.yaml")
    assert config.sources["rules"] == f"{project / 'shared' / 'base.yaml'}:1"
    at_root = load(project, project / "releases" / ".figcheck.yaml")
    assert at_root.rules == (Path("expectations"), Path("shared/regional"))  # shown relative to cwd


def test_extending_file_overrides_the_extended(project: Path) -> None:
    write(project / "base.yaml", "fail-level: info\nformat: json\n")
    write(project / ".figcheck.yaml", "extend: base.yaml\nfail-level: error\n")
    config = load(project)
    assert (config.fail_level, config.format) == ("error", "json")
    assert config.sources["format"] == "base.yaml:2"


def test_extend_between_yaml_and_pyproject(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.figcheck]\nextend = "figcheck-base.yaml"\n')
    write(project / "figcheck-base.yaml", "ignore: [truncated]\n")
    assert load(project).ignore == ("truncated",)


def test_mistakes_in_an_extended_file_are_reported_even_when_overridden(project: Path) -> None:
    write(project / "base.yaml", "format: json\nfail-level: fatal\n")
    write(project / ".figcheck.yaml", "extend: base.yaml\nfail-level: error\n")
    with pytest.raises(ConfigError, match="'fail-level' must be one of") as error:
        load(project)
    assert (error.value.path, error.value.line) == ("base.yaml", 2)


def test_extend_cycle_is_refused(project: Path) -> None:
    write(project / "a.yaml", "extend: b.yaml\n")
    write(project / "b.yaml", "extend: a.yaml\n")
    with pytest.raises(ConfigError, match="cycle"):
        load(project, Path("a.yaml"))


def test_extend_of_a_missing_file(project: Path) -> None:
    write(project / ".figcheck.yaml", "fail-level: info\nextend: missing.yaml\n")
    with pytest.raises(ConfigError, match=r"'missing\.yaml', which is not a file") as error:
        load(project)
    assert (error.value.path, error.value.line) == (".figcheck.yaml", 2)


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("fail-level: error\nfail_level: warning\n", "unknown key 'fail_level' (did you mean 'fail-level'?)", 2),
        ("rules: expectations\n", "'rules' must be a list of paths, not a string", 1),
        ("format: json\nignore: [FC101, 3]\n", "'ignore' must be a list of codes, rule names or slugs, not a list holding a number, a string", 2),
        ("fail-level: fatal\n", "'fail-level' must be one of error, warning, info, none, not 'fatal'", 1),
        ("fail-level: off\n", "'fail-level' must be one of error, warning, info, none, not False", 1),
        ("per-file-ignores: [a]\n", "'per-file-ignores' must map globs to lists of codes, not a list", 1),
        ("per-file-ignores:\n  '*.md': FC101\n", "'per-file-ignores' must be a list of codes for '*.md', not a string", 1),
        ("ignore: [FC999]\n", "'ignore' names unknown code, rule or slug 'FC999'", 1),
        ("per-file-ignores:\n  '*.md': [summ]\n", "'per-file-ignores' names unknown code, rule or slug 'summ'", 1),
        ("baseline: 3\n", "'baseline' must be the path of a baseline file", 1),
        ("format: ''\n", "'format' must be the name of a report format", 1),
        ("- rules\n", "a configuration file must be a mapping", 1),
        ("rules: [a\nformat: json\n", "not valid YAML", 2),
        ("format: json\nformat: text\n", "key 'format' appears twice (first at line 1)", 2),
        ("base: &b [FC101]\nignore: *b\n", "anchors and aliases are not allowed", 1),
    ],
)
def test_bad_yaml_configuration(project: Path, text: str, message: str, line: int) -> None:
    write(project / ".figcheck.yaml", text)
    with pytest.raises(ConfigError) as error:
        load(project)
    assert message in error.value.message
    assert (error.value.path, error.value.line) == (".figcheck.yaml", line)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('[tool.figcheck]\nfail-level = "info"\nverbose = true\n', "unknown key 'verbose'", 3),
        ('[tool.figcheck]\nrules = "expectations"\n', "'rules' must be a list of paths", 2),
        ('[tool.figcheck]\nfail-level = \n', "not valid TOML", 2),
        ("[tool]\nfigcheck = 3\n", "[tool.figcheck] must be a table", None),
    ],
)
def test_bad_pyproject_configuration(project: Path, text: str, message: str, line: int | None) -> None:
    write(project / "pyproject.toml", text)
    with pytest.raises(ConfigError) as error:
        load(project)
    assert message in error.value.message
    assert (error.value.path, error.value.line) == ("pyproject.toml", line)


def test_explicit_pyproject_needs_the_table(project: Path) -> None:
    write(project / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool.figcheck\] table"):
        load(project, Path("pyproject.toml"))


def test_standalone_toml_file_may_use_the_top_level(project: Path) -> None:
    write(project / "figcheck.toml", 'fail-level = "warning"\n')
    config = load(project, Path("figcheck.toml"))
    assert config.fail_level == "warning"
    assert config.sources["fail-level"] == "figcheck.toml:1"


def test_bad_flag_value_names_the_command_line(project: Path) -> None:
    with pytest.raises(ConfigError, match="'ignore' names unknown code") as error:
        load(project, ignore=("FC000",))
    assert error.value.path == "command line"
    with pytest.raises(ConfigError, match="unknown key 'colour'"):
        load(project, colour="always")


def test_empty_file_and_null_values_count_as_not_set(project: Path) -> None:
    write(project / ".figcheck.yaml", "# nothing yet\n")
    assert load(project).fail_level == "error"
    write(project / ".figcheck.yaml", "baseline: null\nformat: ~\n")
    config = load(project)
    assert (config.baseline, config.format, config.sources["format"]) == (None, "text", "default")


def test_tomli_is_used_where_tomllib_is_missing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib

    fake = types.ModuleType("tomli")
    calls: list[str] = []

    def loads(text: str) -> dict[str, object]:
        calls.append(text)
        return tomllib.loads(text)

    fake.loads = loads  # type: ignore[attr-defined]
    fake.TOMLDecodeError = tomllib.TOMLDecodeError  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tomllib", None)  # as on Python 3.10
    monkeypatch.setitem(sys.modules, "tomli", fake)
    write(project / "pyproject.toml", '[tool.figcheck]\nfail-level = "info"\n')
    assert load(project).fail_level == "info"
    assert calls

    monkeypatch.setitem(sys.modules, "tomli", None)
    with pytest.raises(ConfigError, match="'tomli' package"):
        load(project)


@pytest.mark.parametrize(
    ("text", "configures"),
    [
        ('[tool.figcheck]\nformat = "json"\n', True),
        ('[ tool . "figcheck" ]\nformat = "json"\n', True),
        ('tool.figcheck.format = "json"\n', True),
        ('[tool]\nfigcheck = { format = "json" }\n', True),
        ('[project]\nname = "figcheck"\ndependencies = ["figcheck>=0.1"]\n', False),
        ('[tool.ruff]\n# figcheck = later\n', False),
    ],
)
def test_only_pyproject_files_with_a_figcheck_table_are_parsed(
        project: Path, monkeypatch: pytest.MonkeyPatch, text: str, configures: bool) -> None:
    write(project / "pyproject.toml", text)
    assert (discover_config(project) is not None) is configures
    # Without any TOML parser (Python 3.10 without tomli) the others are still passed over.
    monkeypatch.setitem(sys.modules, "tomllib", None)
    monkeypatch.setitem(sys.modules, "tomli", None)
    if configures:
        with pytest.raises(ConfigError, match="'tomli' package"):
            discover_config(project)
    else:
        assert discover_config(project) is None


# --------------------------------------------------------------------------- ignoring


@pytest.mark.parametrize(
    ("ignore", "finding_", "ignored"),
    [
        (["FC101"], finding("a.md"), True),
        (["fc101"], finding("a.md"), True),
        (["sum"], finding("a.md"), True),
        (["sum"], finding("a.md", Rule.COUNT), False),
        (["west-midlands.region-adds-up"], finding("a.md", check="west-midlands.region-adds-up"), True),
        (["west-midlands.region-adds-up"], finding("a.md", check="west-midlands.other"), False),
        (["figcheck.unused-suppression"], finding("a.md", Rule.REFERENCE, "figcheck.unused-suppression"), True),
    ],
)
def test_ignore(project: Path, ignore: list[str], finding_: Finding, ignored: bool) -> None:
    write(project / ".figcheck.yaml", yaml.safe_dump({"ignore": ignore}))
    assert load(project).is_ignored(finding_) is ignored


@pytest.mark.parametrize(
    ("pattern", "path", "ignored"),
    [
        ("archive/*.md", "archive/2019.md", True),
        ("archive/*.md", "archive/old/2019.md", False),
        ("archive/**", "archive/old/2019.md", True),
        ("archive/**/*.md", "archive/2019.md", True),
        ("**/draft-*.md", "releases/2023/draft-knives.md", True),
        ("*.html", "releases/2023/knives.html", True),  # no slash: any folder
        ("*.html", "releases/2023/knives.md", False),
        ("knives.md", "releases/knives.md", True),
        ("releases/knives.md", "other/releases/knives.md", False),
        ("./releases/knives.md", "releases/knives.md", True),
        ("releases/knives.m?", "releases/knives.md", True),
        ("releases/[ab].md", "releases/b.md", True),
        ("releases/[!ab].md", "releases/b.md", False),
        ("*.md", "../outside/knives.md", False),  # globs never reach above the config file
    ],
)
def test_per_file_ignores_globs_relative_to_the_config_file(
        project: Path, pattern: str, path: str, ignored: bool) -> None:
    write(project / ".figcheck.yaml", yaml.safe_dump({"per-file-ignores": {pattern: ["sum"]}}))
    config = load(project)
    assert config.is_ignored(finding(path)) is ignored
    assert config.is_ignored(finding(path, Rule.COUNT)) is False


def test_per_file_ignores_from_a_subdirectory_and_absolute_paths(project: Path) -> None:
    write(project / ".figcheck.yaml", "per-file-ignores:\n  'archive/**': [FC106]\n")
    below = project / "archive" / "2019"
    below.mkdir(parents=True)
    config = load(below)
    trend = finding("knives.md", Rule.TREND)
    assert config.is_ignored(trend)  # archive/2019/knives.md, seen from its own folder
    assert config.is_ignored(finding(str(project / "archive" / "x.md"), Rule.TREND))
    assert not config.is_ignored(finding(str(project / "releases" / "x.md"), Rule.TREND))


def test_custom_resolver_accepts_slugs(project: Path) -> None:
    write(project / ".figcheck.yaml", "ignore: [sum-matches-total]\n")
    with pytest.raises(ConfigError, match="sum-matches-total"):
        load(project)
    slugs = {"sum-matches-total": "FC101"}
    config = load_config(project, None, {}, {}, resolve=lambda token: slugs.get(token))
    assert config.is_ignored(finding("a.md"))


# --------------------------------------------------------------------------- showing


def test_describe_yaml_is_a_commented_configuration(project: Path) -> None:
    write(project / ".figcheck.yaml",
          "rules: [expectations]\nignore: [FC202]\nper-file-ignores:\n  'archive/**': [trend]\n")
    config = load(project, fail_level="warning")
    text = describe_config(config, "yaml")
    assert yaml.safe_load(text) == {
        "rules": ["expectations"], "fail-level": "warning", "ignore": ["FC202"],
        "per-file-ignores": {"archive/**": ["trend"]}, "format": "text", "baseline": None,
    }
    lines = text.splitlines()
    assert lines[1] == f"# file: {project / '.figcheck.yaml'} (the nearest to the current directory)"
    assert lines[lines.index("fail-level: warning") - 1] == "# from command line (--fail-level)"
    assert lines[lines.index("rules:") - 1] == "# from .figcheck.yaml:1"
    assert lines[lines.index("format: text") - 1] == "# from default"


def test_describe_json(project: Path) -> None:
    data = json.loads(describe_config(load(project), "json"))
    assert data["version"] == 1
    assert data["files"] == []
    assert data["config"]["fail-level"] == "error"
    assert data["sources"]["fail-level"] == "default"


def test_config_command(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / ".figcheck.yaml", "fail-level: warning\n")
    monkeypatch.chdir(project)
    monkeypatch.delenv(ENV_VARIABLE, raising=False)
    runner = CliRunner()
    result = runner.invoke(config_command, ["--format", "json", "--ignore", "count"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["config"]["fail-level"] == "warning"
    assert data["config"]["ignore"] == ["count"]
    assert data["sources"] == {
        "rules": "default", "fail-level": ".figcheck.yaml:1", "ignore": "command line (--ignore)",
        "per-file-ignores": "default", "format": "default", "baseline": "default",
    }
    yaml_result = runner.invoke(config_command, [], catch_exceptions=False)
    assert "# from .figcheck.yaml:1\nfail-level: warning\n" in yaml_result.stdout


def test_config_command_errors_are_one_line_and_exit_two(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / ".figcheck.yaml", "fail-levle: warning\n")
    monkeypatch.chdir(project)
    monkeypatch.delenv(ENV_VARIABLE, raising=False)
    result = CliRunner().invoke(config_command, [], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == ("figcheck: error: .figcheck.yaml:1: unknown key 'fail-levle' "
                             "(did you mean 'fail-level'?); expected one of rules, fail-level, "
                             "ignore, per-file-ignores, format, baseline, extend\n")
