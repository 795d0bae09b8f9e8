"""Stated counts against the people listed: ``count``.

"Five men have been charged:" followed by six names is a count the list
contradicts.  The extractor matches each list to its count (a figure of kind
``listed`` whose ``about`` is the count); this check compares the two.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import Finding, Kind, Rule, Severity
from checks.validate.batch import Batch, interval, quoted, related
from checks.validate.claims import Claim, Interval

LISTED = "figcheck.count-matches-list"
CHECKS = {LISTED: "A stated number of people equals the number of people listed."}


def claims(batch: Batch) -> Iterator[Claim]:
    for listing in batch.figures:
        if listing.kind is not Kind.LISTED or not listing.about:
            continue
        count = batch.by_id.get(listing.about)
        if count is None:
            continue
        listed = int(listing.value)
        people = "person is" if listed == 1 else "people are"
        message = f"{quoted(count)} but {listed} {people} listed (from line {listing.line})."
        hint = (
            f"Make the count {listed}, or add or remove a listed person so the list gives "
            f"{interval(count.low, count.high)}."
        )
        finding = Finding(
            rule=Rule.COUNT,
            severity=Severity.ERROR,
            path=count.path,
            line=count.line,
            column=count.column,
            end_line=count.end_line,
            end_column=count.end_column,
            message=message,
            hint=hint,
            check=LISTED,
            related=(related(listing, "list"),),
        )
        yield Claim(
            LISTED,
            Interval(count.low, count.high),
            Interval.point(listed),
            finding,
            (count.id, listing.id),
        )
