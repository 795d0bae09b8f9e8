"""Find the noun a number counts: "593 investigations", "2,249 of the call-outs"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.extract.language import FUNCTION_WORDS, is_verb_form, words_after

_PARENTHETICAL = re.compile(r"\s*\([^()]{0,60}\)")
_PARTITIVE = re.compile(
    r"\s+of\s+(?:the|these|those|them|whom|which|its|their|all)\b", re.IGNORECASE
)
# Words that follow a count without being what it counts: "nine people yesterday", "men aged".
_NOT_NOUNS = frozenset(
    [
        "yesterday",
        "today",
        "tonight",
        "overnight",
        "tomorrow",
        "earlier",
        "later",
        "recently",
        "aged",
        "altogether",
        "respectively",
        "alone",
        "each",
        "apiece",
    ]
)
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


@dataclass(frozen=True, slots=True)
class CountedNoun:
    """The noun phrase after a number and where the phrase search ended."""

    phrase: str | None
    partitive: bool  # "54 of them", "2,249 of the call-outs"
    end: int  # offset just past the phrase (or the number when there is none)


def skip_parenthetical(text: str, index: int) -> int:
    """Return the offset after a parenthetical right at ``index`` ("(73 per cent)")."""
    match = _PARENTHETICAL.match(text, index)
    return match.end() if match else index


def counted_noun(text: str, index: int) -> CountedNoun:
    """Return the noun phrase a number ending at ``index`` counts, if any."""
    partitive = _PARTITIVE.match(text, index)
    start = partitive.end() if partitive else index
    if partitive and partitive.group(0).split()[-1].lower() in (
        "them",
        "whom",
        "which",
        "these",
        "those",
    ):
        # "Five of those arrested have been charged": the participle belongs to the partitive.
        participle = re.match(r"\s+[a-z]+ed\b", text[partitive.end() :])
        end = partitive.end() + (participle.end() if participle else 0)
        return CountedNoun(None, True, end)
    if partitive:
        # "Three of the 11 ambulance trusts": skip the total to reach the noun.
        number = re.match(r"\s+[\d,]+", text[start:])
        if number:
            start += number.end()
    words: list[str] = []
    end = start
    for match in words_after(text, start, limit=4):
        word = match.group(0)
        lower = word.lower().strip("'’")
        if lower in FUNCTION_WORDS or lower in _MONTHS or lower in _NOT_NOUNS or is_verb_form(word):
            break
        if words and word[:1].isupper() and not words[-1][:1].isupper():
            break
        words.append(word.strip("'’"))
        end = match.end()
        if text[end : end + 1] in (",", ";", ":", "."):
            break
    phrase = " ".join(words) if words else None
    return CountedNoun(phrase, bool(partitive), end if words else index)


def head(phrase: str | None) -> str | None:
    """Return the last word of a noun phrase, lower-cased."""
    return phrase.split()[-1].lower() if phrase else None
