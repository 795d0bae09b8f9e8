"""Run claims through Great Expectations and map the failing rows back to claims.

Claims become rows of a pandas frame; every check becomes a pair of built-in
column-pair expectations restricted to its rows, which together say that the
stated and derived intervals overlap (``derived_high >= stated_low`` and
``stated_high >= derived_low``).  The suite uses nothing figcheck-specific, so
``figcheck suite`` output can be run by plain Great Expectations.

Great Expectations takes seconds to import (pandas a fraction of one), so
both are imported inside the functions that need them.  One quiet, in-memory context serves the
whole process; validations through it are serialised by a lock because GX
shares batch state between threads.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from checks.errors import FigcheckError
from checks.validate.claims import Claim

if TYPE_CHECKING:
    import pandas as pd
    from great_expectations import ExpectationSuite
    from great_expectations.core.batch_definition import BatchDefinition
    from great_expectations.core.expectation_validation_result import (
        ExpectationSuiteValidationResult,
        ExpectationValidationResult,
    )
    from great_expectations.data_context import AbstractDataContext

CLAIM = "claim"
CHECK = "check"
STATED_LOW = "stated_low"
STATED_HIGH = "stated_high"
DERIVED_LOW = "derived_low"
DERIVED_HIGH = "derived_high"
COLUMNS = (CLAIM, CHECK, STATED_LOW, STATED_HIGH, DERIVED_LOW, DERIVED_HIGH)

# Each bound of the overlap test as (meta "bound", column A, column B): A >= B.
BOUNDS = (
    ("upper", DERIVED_HIGH, STATED_LOW),
    ("lower", STATED_HIGH, DERIVED_LOW),
)

_VALIDATION_LOCK = threading.Lock()

# Set before GX is first imported: its import alone logs hundreds of DEBUG and
# INFO records, which an application logging at DEBUG would print.  The null
# handler keeps its ERROR records off stderr when the application sets no
# handler (logging's last resort would print them).
_GX_LOGGER = logging.getLogger("great_expectations")
_GX_LOGGER.setLevel(logging.ERROR)
_GX_LOGGER.addHandler(logging.NullHandler())


def build_frame(claims: Sequence[Claim]) -> pd.DataFrame:
    """Return one row per claim, keyed by its position in ``claims``.

    Infinite bounds are kept (they compare correctly); a NaN bound would make
    both comparisons false or be skipped, so it is refused.
    """
    import numpy as np
    import pandas as pd

    count = len(claims)

    def floats(values: Iterable[float]) -> np.ndarray:
        return np.fromiter(values, dtype=np.float64, count=count)

    frame = pd.DataFrame(
        {
            CLAIM: np.arange(count, dtype=np.int64),
            CHECK: pd.Series([claim.check for claim in claims], dtype="str"),
            STATED_LOW: floats(claim.stated.low for claim in claims),
            STATED_HIGH: floats(claim.stated.high for claim in claims),
            DERIVED_LOW: floats(claim.derived.low for claim in claims),
            DERIVED_HIGH: floats(claim.derived.high for claim in claims),
        }
    )
    _refuse_nan(frame, claims)
    return frame


def _refuse_nan(frame: pd.DataFrame, claims: Sequence[Claim]) -> None:
    """Raise FigcheckError naming the check of the first claim with a NaN bound."""
    nan_rows = frame[[STATED_LOW, STATED_HIGH, DERIVED_LOW, DERIVED_HIGH]].isna().any(axis=1)
    if nan_rows.any():
        check = claims[int(nan_rows.to_numpy().argmax())].check
        raise FigcheckError(f"check {check!r} produced a claim with a NaN bound")


def build_suite(checks: Mapping[str, str], name: str = "figcheck") -> ExpectationSuite:
    """Return a suite with two overlap expectations per check id, limited to its rows.

    ``checks`` maps each check id to its description, which is kept in the
    expectations' ``meta`` with the check id and which bound they test.
    """
    import great_expectations as gx
    import great_expectations.expectations as gxe
    from great_expectations.expectations.row_conditions import Column

    # Passing expectations to the constructor keeps the suite unbound: adding
    # them one by one would look the suite up in whatever context is current.
    return gx.ExpectationSuite(
        name=name,
        expectations=[
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A=column_a,
                column_B=column_b,
                or_equal=True,
                row_condition=Column(CHECK) == check_id,
                meta={"check_id": check_id, "bound": bound, "description": description},
            )
            for check_id, description in checks.items()
            for bound, column_a, column_b in BOUNDS
        ],
    )


def suite_json(checks: Mapping[str, str], name: str = "figcheck") -> dict[str, Any]:
    """Return the suite for ``checks`` as Great Expectations' JSON dict."""
    suite_dict: dict[str, Any] = build_suite(checks, name).to_json_dict()
    return suite_dict


def failing_claims(claims: Sequence[Claim], checks: Mapping[str, str] | None = None) -> list[Claim]:
    """Return the claims whose intervals do not overlap, each once, in input order.

    ``checks`` maps check ids to descriptions; it defaults to the ids present in
    ``claims``.  Raises FigcheckError if Great Expectations could not evaluate a
    check, and ValueError if a claim's check is missing from ``checks``.
    """
    if not claims:
        return []
    present = list(dict.fromkeys(claim.check for claim in claims))
    if checks is None:
        checks = dict.fromkeys(present, "")
    _require_checks(present, checks)
    # Only checks with claims: every expectation costs ~20 ms of GX overhead, rows or not.
    suite = build_suite({check_id: checks[check_id] for check_id in present})
    rows = _failing_rows(build_frame(claims), suite)
    return [claims[row] for row in sorted(rows)]


def _require_checks(present: Sequence[str], checks: Mapping[str, str]) -> None:
    """Raise ValueError if a check with claims is not in ``checks``: it would pass unseen."""
    missing = [check_id for check_id in present if check_id not in checks]
    if missing:
        raise ValueError(f"claims for checks not in the suite: {', '.join(map(repr, missing))}")


def _failing_rows(frame: pd.DataFrame, suite: ExpectationSuite) -> set[int]:
    """Validate ``frame`` against ``suite`` and return the ``claim`` keys of failing rows."""
    result_format = {
        "result_format": "COMPLETE",
        "unexpected_index_column_names": [CLAIM],
        # Only the keys are needed; listing the values halves the time when many rows fail.
        "exclude_unexpected_values": True,
        "return_unexpected_index_query": False,
    }
    with _VALIDATION_LOCK:
        batch = _batch_definition().get_batch(batch_parameters={"dataframe": frame})
        result: ExpectationSuiteValidationResult = batch.validate(
            suite, result_format=result_format
        )
    rows: set[int] = set()
    for expectation_result in result.results:
        rows.update(_unexpected_keys(expectation_result))
    return rows


def _unexpected_keys(expectation_result: ExpectationValidationResult) -> list[int]:
    """Return the failing ``claim`` keys of one result; raise if it errored or is incomplete."""
    meta = expectation_result.expectation_config.meta or {}
    where = f"check {meta.get('check_id')!r} ({meta.get('bound')} bound)"
    error = _exception_message(expectation_result.exception_info)
    if error is not None:
        raise FigcheckError(f"{where} could not be evaluated: {error}")
    details = expectation_result.result or {}
    keys = _claim_keys(details.get("unexpected_index_list") or ())
    # A failure without its rows would be reported as a pass.
    complete = len(keys) == details.get("unexpected_count")
    if not complete or not (expectation_result.success or keys):
        raise FigcheckError(f"{where} failed without naming all its failing rows")
    return keys


def _claim_keys(index_list: Iterable[Mapping[str, Any]]) -> list[int]:
    """Return the ``claim`` keys of an ``unexpected_index_list``.

    Entries are one dict per row (``{"claim": 3, ...}``) or, when values are
    excluded, one dict of lists (``{"claim": [3, 8]}``).
    """
    keys: list[int] = []
    for entry in index_list:
        key = entry[CLAIM]
        if isinstance(key, list):
            keys.extend(int(k) for k in key)
        else:
            keys.append(int(key))
    return keys


def _exception_message(exception_info: Mapping[str, Any] | None) -> str | None:
    """Return the first line of the first raised exception's message, or None.

    GX reports either one flat ``{raised_exception, exception_message, ...}``
    dict or a dict of those keyed by metric id.
    """
    if not exception_info:
        return None
    infos = [exception_info] if "raised_exception" in exception_info else exception_info.values()
    for info in infos:
        if isinstance(info, Mapping) and info.get("raised_exception"):
            message = str(info.get("exception_message") or "").strip()
            return message.split("\n", 1)[0].rstrip() or "an exception was raised"
    return None


@functools.cache
def _context() -> AbstractDataContext:
    """Return the process's quiet, ephemeral GX context with in-memory stores."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    )
    # mode="ephemeral" always: without it a gx/ folder above the cwd or
    # GX_HOME would silently turn this into a file context.
    return gx.get_context(mode="ephemeral", project_config=config)


@functools.cache
def _batch_definition() -> BatchDefinition:
    """Return the whole-dataframe batch definition that claims frames are validated through."""
    source = _context().data_sources.add_pandas("figcheck")
    return source.add_dataframe_asset(name="claims").add_batch_definition_whole_dataframe("all")
