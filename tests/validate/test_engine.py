"""Tests for the Great Expectations engine: frames, suites, and failing claims."""

from __future__ import annotations

import json
import math
import os
import random
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from checks.errors import FigcheckError
from checks.model import Finding, Rule, Severity
from checks.validate import engine
from checks.validate.claims import Claim, Interval

INF = math.inf
REPO = Path(__file__).resolve().parents[2]
FINDING = Finding(
    rule=Rule.SUM, severity=Severity.ERROR, path="x.txt", line=1, column=1, message="m", check="c"
)


def claim(check: str, stated: Interval, derived: Interval) -> Claim:
    """Return a claim of ``check``; equal claims are told apart by identity."""
    return Claim(check, stated, derived, FINDING)


def positions(found: list[Claim], claims: list[Claim]) -> list[int]:
    """Return the input positions of ``found``, by identity (equal claims stay apart)."""
    by_id = {id(c): i for i, c in enumerate(claims)}
    return [by_id[id(c)] for c in found]


# --------------------------------------------------------------------------- overlap


@pytest.mark.parametrize(
    ("stated", "derived", "fails"),
    [
        (Interval.point(5), Interval.point(5), False),
        (Interval.point(5), Interval.point(6), True),
        (Interval.point(6), Interval.point(5), True),
        (Interval(4, 6), Interval(6, 9), False),  # touching above
        (Interval(4, 6), Interval(1, 4), False),  # touching below
        (Interval(4, 6), Interval(6.000001, 9), True),
        (Interval(4, 6), Interval(1, 3.999999), True),
        (Interval.point(5), Interval(1, 9), False),
        (Interval(1, 9), Interval.point(5), False),
        # "at most" and "at least" claims, including exact touches
        (Interval.point(5), Interval.at_most(5), False),
        (Interval.point(5), Interval.at_most(4), True),
        (Interval.point(5), Interval.at_least(5), False),
        (Interval.point(5), Interval.at_least(6), True),
        (Interval.at_least(7), Interval.at_most(7), False),
        (Interval.at_least(7), Interval.at_most(6), True),
        (Interval.at_most(2), Interval.at_least(3), True),
        (Interval.at_most(2), Interval.at_most(-100), False),
        (Interval.at_least(2), Interval.at_least(1e300), False),
        (Interval(-INF, INF), Interval.point(0), False),
        (Interval.point(-1e308), Interval(-INF, INF), False),
        (Interval(-INF, INF), Interval(-INF, INF), False),
    ],
)
def test_failing_claims_follows_interval_overlap(
    stated: Interval, derived: Interval, fails: bool
) -> None:
    claims = [claim("sum", stated, derived)]
    assert stated.overlaps(derived) is not fails  # the table agrees with claims.py
    assert engine.failing_claims(claims) == (claims if fails else [])


def test_failing_claims_maps_rows_of_several_checks_back_by_identity() -> None:
    same = (Interval.point(3), Interval.point(4))
    claims = [
        claim("sum", Interval.point(10), Interval.point(10)),  # pass
        claim("subset", Interval.point(12), Interval.at_most(11)),  # fail
        claim("weekday", Interval.point(2), Interval.point(2)),  # pass
        claim("sum", Interval.point(10), Interval(10.5, 11)),  # fail
        claim("subset", Interval.point(3), Interval.at_most(3)),  # pass: touches
        claim("weekday", *same),  # fail
        claim("weekday", *same),  # fail: equal to the one above, kept apart
        claim("sum", Interval.point(1), Interval.at_least(1)),  # pass: touches
    ]
    found = engine.failing_claims(claims)
    assert positions(found, claims) == [1, 3, 5, 6]
    assert [c.check for c in found] == ["subset", "sum", "weekday", "weekday"]


def test_sparse_failures_come_back_in_input_order() -> None:
    failing = {3, 17, 33, 40}
    claims = [
        claim("sum", Interval.point(i), Interval.point(i + (i in failing))) for i in range(41)
    ]
    assert positions(engine.failing_claims(claims), claims) == sorted(failing)


def test_claim_failing_both_bounds_comes_back_once() -> None:
    # An inverted stated interval fails the upper and the lower comparison.
    claims = [
        claim("sum", Interval(10, 0), Interval.point(5)),
        claim("sum", Interval.point(1), Interval.point(1)),
    ]
    assert positions(engine.failing_claims(claims), claims) == [0]


def test_many_claims_over_many_checks_match_python_overlap() -> None:
    rnd = random.Random(20240326)
    claims = []
    for i in range(6000):
        value = float(rnd.randint(0, 50))
        derived = rnd.choice(
            [
                Interval.point(float(rnd.randint(0, 50))),
                Interval.at_most(float(rnd.randint(0, 50))),
                Interval.at_least(float(rnd.randint(0, 50))),
                Interval(value - 1, value + rnd.choice([-2.0, 0.0, 3.0])),
            ]
        )
        claims.append(claim(f"check-{i % 12}", Interval.point(value), derived))
    expected = [i for i, c in enumerate(claims) if not c.stated.overlaps(c.derived)]
    assert 500 < len(expected) < 5500  # both outcomes are well represented
    assert positions(engine.failing_claims(claims), claims) == expected


@pytest.mark.parametrize(
    "odd_id",
    [
        "it's",
        'say "six"',
        "back\\slash",
        "line\nbreak",
        "check == 'sum' or True",
        "`check`",
        "périmètre",
        "",
    ],
)
def test_check_ids_are_matched_literally(odd_id: str) -> None:
    claims = [
        claim(odd_id, Interval.point(1), Interval.point(2)),  # fail
        claim("sum", Interval.point(1), Interval.point(1)),  # pass
        claim(odd_id, Interval.point(3), Interval.point(3)),  # pass
        claim("sum", Interval.point(4), Interval.point(5)),  # fail
    ]
    assert positions(engine.failing_claims(claims), claims) == [0, 3]


def test_no_claims_returns_empty_without_validating(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> set[int]:
        raise AssertionError("GX was called")

    monkeypatch.setattr(engine, "_failing_rows", boom)
    assert engine.failing_claims([]) == []
    assert engine.failing_claims([], {"sum": "parts add up"}) == []


def test_checks_without_claims_are_harmless() -> None:
    claims = [claim("sum", Interval.point(1), Interval.point(2))]
    assert engine.failing_claims(claims, {"sum": "parts", "subset": "", "weekday": ""}) == claims


def test_claims_of_a_check_missing_from_checks_are_refused() -> None:
    claims = [claim("sum", Interval.point(1), Interval.point(1))]
    with pytest.raises(ValueError, match="'sum'"):
        engine.failing_claims(claims, {"subset": ""})


def test_concurrent_callers_each_get_their_own_failures() -> None:
    def claims_failing_at(fail: int) -> list[Claim]:
        return [
            claim("sum", Interval.point(i), Interval.point(i + (i == fail))) for i in range(6)
        ]

    inputs = {fail: claims_failing_at(fail) for fail in range(6)}
    results: dict[int, list[int]] = {}

    def run(fail: int) -> None:
        results[fail] = positions(engine.failing_claims(inputs[fail]), inputs[fail])

    threads = [threading.Thread(target=run, args=(fail,)) for fail in inputs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {fail: [fail] for fail in inputs}


# --------------------------------------------------------------------------- frame


def test_build_frame_has_one_typed_row_per_claim() -> None:
    claims = [
        claim("sum", Interval.point(5), Interval.at_most(4)),
        claim("subset", Interval(1, 2), Interval.at_least(3)),
    ]
    frame = engine.build_frame(claims)
    assert list(frame.columns) == list(engine.COLUMNS)
    assert frame["claim"].tolist() == [0, 1]
    assert frame["claim"].dtype == "int64"
    assert frame["check"].tolist() == ["sum", "subset"]
    assert frame["check"].dtype == "str"
    assert {str(frame[c].dtype) for c in engine.COLUMNS[2:]} == {"float64"}
    assert frame.iloc[0, 2:].tolist() == [5.0, 5.0, -INF, 4.0]
    assert frame.iloc[1, 2:].tolist() == [1.0, 2.0, 3.0, INF]


def test_build_frame_of_no_claims_is_empty_with_all_columns() -> None:
    frame = engine.build_frame([])
    assert list(frame.columns) == list(engine.COLUMNS)
    assert len(frame) == 0


@pytest.mark.parametrize(
    ("stated", "derived"),
    [
        (Interval.point(math.nan), Interval.point(1)),
        (Interval.point(1), Interval(0, math.nan)),
    ],
)
def test_build_frame_refuses_nan_naming_the_check(stated: Interval, derived: Interval) -> None:
    claims = [claim("sum", Interval.point(1), Interval.point(1)), claim("bad", stated, derived)]
    with pytest.raises(FigcheckError, match=r"'bad'.*NaN"):
        engine.build_frame(claims)


# --------------------------------------------------------------------------- suite


CHECKS = {"sum": "parts add up to the total", "weekday": "weekday matches the date"}


def test_build_suite_has_an_upper_and_a_lower_expectation_per_check() -> None:
    suite = engine.build_suite(CHECKS, name="release")
    assert suite.name == "release"
    seen = []
    for expectation in suite.expectations:
        config = expectation.configuration
        assert config.type == "expect_column_pair_values_a_to_be_greater_than_b"
        assert expectation.or_equal is True
        condition = expectation.row_condition
        assert (condition.column.name, str(condition.operator)) == ("check", "==")
        meta = expectation.meta
        assert condition.parameter == meta["check_id"]
        assert meta["description"] == CHECKS[meta["check_id"]]
        seen.append((meta["check_id"], meta["bound"], expectation.column_A, expectation.column_B))
    assert seen == [
        ("sum", "upper", "derived_high", "stated_low"),
        ("sum", "lower", "stated_high", "derived_low"),
        ("weekday", "upper", "derived_high", "stated_low"),
        ("weekday", "lower", "stated_high", "derived_low"),
    ]


def test_build_suite_of_no_checks_is_empty() -> None:
    assert engine.build_suite({}).expectations == []


def plain_json(value: Any) -> bool:
    """Return whether ``value`` is made only of exact JSON types."""
    if type(value) is dict:
        return all(type(k) is str and plain_json(v) for k, v in value.items())
    if type(value) is list:
        return all(plain_json(v) for v in value)
    return type(value) in (str, int, float, bool, type(None))


def test_suite_json_is_plain_json_and_round_trips() -> None:
    data = engine.suite_json({**CHECKS, "it's \"odd\"": ""})
    assert plain_json(data)
    assert json.loads(json.dumps(data)) == data
    assert data["name"] == "figcheck"
    expectations = data["expectations"]
    assert len(expectations) == 6
    first = expectations[0]
    assert first["type"] == "expect_column_pair_values_a_to_be_greater_than_b"
    assert first["kwargs"]["row_condition"] == {
        "column": {"name": "check"},
        "operator": "==",
        "parameter": "sum",
        "type": "comparison",
    }
    assert first["kwargs"]["or_equal"] is True
    assert first["meta"] == {
        "check_id": "sum",
        "bound": "upper",
        "description": "parts add up to the total",
    }
    assert [e["meta"]["check_id"] for e in expectations[4:]] == ["it's \"odd\""] * 2


def test_suite_json_runs_again_as_a_plain_gx_suite() -> None:
    import great_expectations as gx

    claims = [
        claim("sum", Interval.point(1), Interval.point(1)),
        claim("weekday", Interval.point(3), Interval.point(4)),
        claim("sum", Interval.point(9), Interval.at_most(8)),
    ]
    reloaded = gx.ExpectationSuite(**json.loads(json.dumps(engine.suite_json(CHECKS))))
    assert engine._failing_rows(engine.build_frame(claims), reloaded) == {1, 2}


# --------------------------------------------------------------------------- errors


def test_errored_expectation_raises_naming_its_check() -> None:
    import great_expectations as gx
    import great_expectations.expectations as gxe

    claims = [claim("sum", Interval.point(1), Interval.point(2))]
    broken = gxe.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A="no_such_column",
        column_B="stated_low",
        or_equal=True,
        meta={"check_id": "broken", "bound": "upper"},
    )
    suite = engine.build_suite({"sum": ""})
    suite = gx.ExpectationSuite(name="s", expectations=[*suite.expectations, broken])
    with pytest.raises(FigcheckError, match=r"check 'broken' \(upper bound\)") as raised:
        engine._failing_rows(engine.build_frame(claims), suite)
    assert "\n" not in str(raised.value)


def test_frame_missing_a_column_raises_instead_of_passing() -> None:
    claims = [claim("sum", Interval.point(1), Interval.point(1))]
    frame = engine.build_frame(claims).drop(columns=["derived_high"])
    with pytest.raises(FigcheckError, match=r"check 'sum'.*could not be evaluated"):
        engine._failing_rows(frame, engine.build_suite({"sum": ""}))


@pytest.mark.parametrize(
    ("info", "message"),
    [
        (None, None),
        ({}, None),
        ({"raised_exception": False, "exception_message": None}, None),
        ({"raised_exception": True, "exception_message": "KeyError: 'x'\nmore"}, "KeyError: 'x'"),
        ({"raised_exception": True, "exception_message": None}, "an exception was raised"),
        ({"metric-a": {"raised_exception": False}}, None),
        (
            {
                "metric-a": {"raised_exception": False},
                "metric-b": {"raised_exception": True, "exception_message": " gone \n trace"},
            },
            "gone",
        ),
    ],
)
def test_exception_message_reads_both_shapes(
    info: dict[str, Any] | None, message: str | None
) -> None:
    assert engine._exception_message(info) == message


@pytest.mark.parametrize(
    ("index_list", "keys"),
    [
        ([], []),
        ([{"claim": 3, "stated_low": 1.0}, {"claim": 8, "stated_low": 2.0}], [3, 8]),
        ([{"claim": [3, 8]}], [3, 8]),
    ],
)
def test_claim_keys_reads_both_index_list_shapes(
    index_list: list[dict[str, Any]], keys: list[int]
) -> None:
    assert engine._claim_keys(index_list) == keys


@pytest.mark.parametrize(
    ("success", "details"),
    [
        (False, {"unexpected_count": 2, "unexpected_index_list": [{"claim": 1}]}),
        (False, {"unexpected_count": 0, "unexpected_index_list": []}),
        (False, {}),
    ],
)
def test_failure_without_all_its_rows_raises(success: bool, details: dict[str, Any]) -> None:
    result = SimpleNamespace(
        success=success,
        exception_info={"raised_exception": False},
        result=details,
        expectation_config=SimpleNamespace(meta={"check_id": "sum", "bound": "lower"}),
    )
    with pytest.raises(FigcheckError, match=r"check 'sum' \(lower bound\) failed without"):
        engine._unexpected_keys(result)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- side effects


def test_nothing_printed_and_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    claims = [
        claim("sum", Interval.point(1), Interval.point(2)),
        claim("subset", Interval.point(1), Interval.at_most(1)),
    ]
    assert engine.failing_claims(claims) == claims[:1]
    engine.suite_json(CHECKS)
    with pytest.raises(FigcheckError):
        frame = engine.build_frame(claims).drop(columns=["claim"])
        engine._failing_rows(frame, engine.build_suite({"sum": ""}))
    assert capfd.readouterr() == ("", "")
    assert list(tmp_path.iterdir()) == []


def run_python(code: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter from ``cwd``."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_importing_the_engine_does_not_import_great_expectations(tmp_path: Path) -> None:
    done = run_python(
        "import sys, checks.validate.engine; print('great_expectations' in sys.modules)", tmp_path
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "False\n", "")


COLD_RUN = """
import logging
# An application logging everything must still see nothing from GX.
logging.basicConfig(level=logging.DEBUG)
from checks.model import Finding, Rule, Severity
from checks.validate.claims import Claim, Interval
from checks.validate.engine import failing_claims
finding = Finding(rule=Rule.SUM, severity=Severity.ERROR, path="x.txt", line=1, column=1,
                  message="m", check="c")
claims = [Claim("sum", Interval.point(1), Interval.point(2), finding),
          Claim("sum", Interval.point(1), Interval.at_most(1), finding)]
raise SystemExit(0 if failing_claims(claims) == claims[:1] else 3)
"""


def test_first_call_is_silent_and_ignores_gx_folders(tmp_path: Path) -> None:
    # A gx/ folder above the cwd and GX_HOME would each make a default
    # get_context() a file context.
    (tmp_path / "gx").mkdir()
    work = tmp_path / "work"
    work.mkdir()
    done = run_python(COLD_RUN, work, GX_HOME=str(tmp_path / "home"))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["gx", "work"]
