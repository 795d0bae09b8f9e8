"""A timeline as text, CSV or JSON, for ``figcheck history``."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Sequence
from typing import Any

from checks.store.timeline import TimelinePoint, sparkline

__all__ = ["HISTORY_FORMATS", "render_timeline"]

_CSV_COLUMNS = ("date", "value", "low", "high", "path", "line", "column", "text", "label",
                "fell", "was")


def render_timeline(points: Sequence[TimelinePoint], entity: str, metric: str,
                    format_: str) -> str:
    """Return the timeline of ``entity``'s ``metric`` in a format of :data:`HISTORY_FORMATS`."""
    return HISTORY_FORMATS[format_](points, entity, metric)


def _text(points: Sequence[TimelinePoint], entity: str, metric: str) -> str:
    releases = len({point.path for point in points})
    falls = sum(point.fell for point in points)
    head = (f"{entity} {metric} since launch: {len(points)} figure"
            f"{'' if len(points) == 1 else 's'} in {releases} release{'' if releases == 1 else 's'}"
            f", {falls} fall{'' if falls == 1 else 's'}  {sparkline([p.value for p in points])}")
    rows = [("date", "value", "bounds", "where", "")]
    for point in points:
        marker = f"v fell below {_number(point.was)}" if point.fell else ""
        rows.append((point.date.isoformat() if point.date else "undated", _number(point.value),
                     _bounds(point.low, point.high), f"{point.path}:{point.line}", marker))
    widths = [max(len(row[index]) for row in rows) for index in range(4)]
    lines = [head]
    for date, value, bounds, where, marker in rows:
        line = (f"{date:<{widths[0]}}  {value:>{widths[1]}}  {bounds:<{widths[2]}}  "
                f"{where:<{widths[3]}}  {marker}")
        lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


def _csv(points: Sequence[TimelinePoint], entity: str, metric: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for point in points:
        record = _record(point)
        writer.writerow(["" if record[key] is None else record[key] for key in _CSV_COLUMNS])
    return buffer.getvalue()


def _json(points: Sequence[TimelinePoint], entity: str, metric: str) -> str:
    document = {
        "entity": entity,
        "metric": metric,
        "sparkline": sparkline([point.value for point in points]),
        "points": [_record(point) for point in points],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _record(point: TimelinePoint) -> dict[str, Any]:
    return {
        "date": point.date.isoformat() if point.date else None,
        "value": _plain(point.value),
        "low": _plain(point.low),
        "high": _plain(point.high),
        "path": point.path,
        "line": point.line,
        "column": point.column,
        "text": point.text,
        "label": point.label,
        "fell": point.fell,
        "was": None if point.was is None else _plain(point.was),
    }


def _plain(value: float) -> int | float | None:
    # Whole numbers print without ".0"; open ends are null.
    if not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() else value


def _number(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _bounds(low: float, high: float) -> str:
    if low == high:
        return _number(low)
    if math.isinf(low) and math.isinf(high):
        return "any"
    if math.isinf(high):
        return f"at least {_number(low)}"
    if math.isinf(low):
        return f"at most {_number(high)}"
    return f"{_number(low)} to {_number(high)}"


HISTORY_FORMATS: dict[str, Callable[[Sequence[TimelinePoint], str, str], str]] = {
    "text": _text,
    "csv": _csv,
    "json": _json,
}
