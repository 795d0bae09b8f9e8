"""Claims: the comparisons the checks hand to Great Expectations.

Every check turns figures into claims.  A claim says that a *stated* interval
must meet a *derived* one (a whole against the sum of its parts, a subset
against its total, a weekday against the calendar).  "At most" and "at least"
relations are written as open derived intervals, so one test serves all:
the two intervals must overlap.  The finding to report if they do not is built
with the claim, so a failing row maps straight back to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from checks.model import Finding


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of plausible values; ``math.inf`` bounds are open ends."""

    low: float
    high: float

    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(value, value)

    @classmethod
    def at_most(cls, value: float) -> Interval:
        return cls(-math.inf, value)

    @classmethod
    def at_least(cls, value: float) -> Interval:
        return cls(value, math.inf)

    def widen(self, tolerance: float) -> Interval:
        return Interval(self.low - tolerance, self.high + tolerance)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


@dataclass(frozen=True, slots=True)
class Claim:
    """One comparison: ``stated`` must overlap ``derived``.

    ``check`` groups claims into one expectation pair in the suite (a built-in
    check's code, or a rule-file rule's id); ``finding`` is reported when the
    comparison fails.
    """

    check: str
    stated: Interval
    derived: Interval
    finding: Finding
    figures: tuple[str, ...] = ()  # ids of the figures compared: what the check covered
