"""Values that cannot be true: ``range`` (a 370-year-old suspect, a negative count)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.model import Figure, Finding, Kind, Rule, Severity
from checks.validate.batch import Batch, number, quoted
from checks.validate.claims import Claim, Interval

AGE = "figcheck.age-possible"
NEGATIVE = "figcheck.count-not-negative"
CHECKS = {
    AGE: "A person's age is between 0 and 120.",
    NEGATIVE: "A count is not negative.",
}
OLDEST_AGE = 120
_CHANGE_WORDS = re.compile(r"chang|differ|net\b|varian|increase|decrease|rise|fall|\+|[-–]\s*/")


def claims(batch: Batch) -> Iterator[Claim]:
    for figure in batch.figures:
        if figure.kind is Kind.AGE:
            yield _claim(
                figure,
                AGE,
                Interval(0, OLDEST_AGE),
                f"{quoted(figure)} is not a possible age.",
                _age_hint(figure),
            )
        elif figure.kind is Kind.COUNT and figure.value < 0 and not _is_change(figure):
            yield _claim(
                figure,
                NEGATIVE,
                Interval.at_least(0),
                f"{quoted(figure)} is a negative count.",
                "A count cannot be below zero.",
            )


def _is_change(figure: Figure) -> bool:
    """Say whether a signed number is a change ("Change" column, "net")."""
    noun = (figure.noun or "").lower()
    return bool(_CHANGE_WORDS.search(noun))


def _age_hint(figure: Figure) -> str:
    digits = str(int(figure.value))
    shorter = sorted(
        {
            int(digits[:i] + digits[i + 1 :])
            for i in range(len(digits))
            if len(digits) > 1 and 10 <= int(digits[:i] + digits[i + 1 :]) <= OLDEST_AGE
        }
    )
    if shorter:
        options = " or ".join(number(v) for v in shorter[:3])
        return f"Probably a typing error: did you mean {options}?"
    return "Check the age against the source."


def _claim(figure: Figure, check: str, allowed: Interval, message: str, hint: str) -> Claim:
    finding = Finding(
        rule=Rule.RANGE,
        severity=Severity.ERROR,
        path=figure.path,
        line=figure.line,
        column=figure.column,
        end_line=figure.end_line,
        end_column=figure.end_column,
        message=message,
        hint=hint,
        check=check,
    )
    # A plausibility bound on one number does not count as covering it: coverage
    # is about figures checked against other figures.
    return Claim(check, Interval(figure.low, figure.high), allowed, finding)
