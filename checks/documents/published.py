"""Work out when a document was published: metadata first, then its dateline."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from checks.dates import DateMention, find_dates, parse_date
from checks.model import Block

#: Front-matter keys that hold the publication date, in order of preference
#: (compared without regard to case; "publish.date" also matches a nested
#: ``publish: {date: ...}``).
FRONT_MATTER_KEYS = ("date", "published", "pubdate", "publish.date", "datepublished")

#: How many blocks from the top may hold the dateline.
DATELINE_BLOCKS = 8

# A dateline is a short label ("Date:", "Published", "Posted on"), the date and
# perhaps a time; anything longer is a sentence that happens to hold a date.
_MAX_DATELINE_LENGTH = 100
_LABEL = re.compile(
    r"(?:\d{1,2}[:.]\d{2}[ \t]*)?"  # a time before the label, as in "09:26 26/03/2021"
    r"(?:(?P<words>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})[ \t]*(?P<colon>:)?[ \t]*)?"
)
# Without a colon, a label is made of these words ("Posted on", "Last
# updated"): "It happened on 3 July 2006." is a sentence, not a dateline.
_LABEL_WORDS = frozenset(
    {
        "date",
        "dated",
        "published",
        "posted",
        "updated",
        "issued",
        "released",
        "on",
        "modified",
        "created",
    }
    | {"last", "first", "originally"}
)
_TRAILER = re.compile(
    r"[ \t.,;|-]*"
    r"(?:(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?::\d{2})?"  # a time: "at 09:26", "10:00:00"
    r"(?:[ \t]*[apAP]\.?[mM]\.?)?(?:[ \t]+[A-Z]{2,4})?)?"  # "pm", "BST"
    r"[ \t.]*"
)


def dateline_date(text: str) -> date | None:
    """Return the date of a line or block that holds only a dateline.

    "Date: Monday 3 July 2006", "Published: Tuesday 16 May 2023",
    "February 1, 2017" and "Thursday, 31 July 2014" qualify; a sentence that
    mentions a date does not.
    """
    stripped = text.strip()
    if not stripped or len(stripped) > _MAX_DATELINE_LENGTH:
        return None
    mentions = find_dates(stripped)
    if len(mentions) != 1 or not _is_full(mentions[0]):
        return None
    mention = mentions[0]
    label = _LABEL.fullmatch(stripped, 0, mention.start)
    if label is None or not _TRAILER.fullmatch(stripped, mention.end):
        return None
    words = label.group("words")
    if words and not label.group("colon") and not _LABEL_WORDS.issuperset(words.lower().split()):
        return None
    return mention.resolved


def find_published(
    metadata: Mapping[str, Any],
    html_dates: Sequence[str],
    blocks: Sequence[Block],
) -> tuple[date | None, str | None]:
    """Return the publication date and where it came from.

    The source is "front matter", "html meta" (``<meta>`` or ``<time
    datetime>``) or "dateline" (the first full date in the first
    :data:`DATELINE_BLOCKS` blocks, a block that is only a dateline winning
    over a date inside a sentence); (None, None) when there is none.
    """
    for value in _front_matter_values(metadata):
        published = parse_date(value)
        if published is not None:
            return published, "front matter"
    for value in html_dates:
        published = parse_date(value)
        if published is not None:
            return published, "html meta"
    top = blocks[:DATELINE_BLOCKS]
    for block in top:
        published = dateline_date(block.text)
        if published is not None:
            return published, "dateline"
    for block in top:
        for mention in find_dates(block.text):
            if _is_full(mention) and mention.resolved is not None:
                return mention.resolved, "dateline"
    return None, None


def _is_full(mention: DateMention) -> bool:
    return (
        mention.day is not None
        and mention.month is not None
        and mention.year is not None
        and mention.valid
    )


def _front_matter_values(metadata: Mapping[str, Any]) -> Iterable[str]:
    by_key = {str(key).lower(): value for key, value in metadata.items()}
    for key in FRONT_MATTER_KEYS:
        value = by_key.get(key)
        if value is None and "." in key:
            parent, child = key.split(".", 1)
            nested = by_key.get(parent)
            if isinstance(nested, Mapping):
                value = {str(name).lower(): item for name, item in nested.items()}.get(child)
        if isinstance(value, str):
            yield value
