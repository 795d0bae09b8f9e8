"""Decide what a count measures: a rule file's metric, from its noun or its verb.

"593 investigations" names its metric by the noun; "arrested 353 people",
"27 charged" and "37 children safeguarded" by a verb, which may stand before
the number or after the counted noun.  A verb only counts for a person noun or
for no noun at all ("64 charges" are offences, not people charged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.extract.language import (
    PERSON_NOUNS,
    WORD,
    inflections,
    singular,
)
from checks.rules import RuleSet

# Verbs that make a count of people a list can be checked against, for
# releases no rule file covers.
PERSON_VERBS = (
    "arrest",
    "charge",
    "detain",
    "convict",
    "sentence",
    "jail",
    "remand",
    "caution",
    "summons",
    "imprison",
)

# Words that may stand between a counted noun and its verb: "people were arrested",
# "33 of whom have been charged", "men have now been charged".
_AUXILIARIES = frozenset(
    [
        "were",
        "was",
        "have",
        "has",
        "had",
        "been",
        "being",
        "be",
        "are",
        "is",
        "now",
        "all",
        "also",
        "since",
        "then",
        "later",
        "of",
        "whom",
        "who",
        "which",
        "subsequently",
        "already",
        "so",
        "far",
        "successfully",
    ]
)


@dataclass(frozen=True, slots=True)
class VerbHit:
    """A metric verb near a number: which metric, the form seen, and where."""

    metric: str
    word: str
    start: int


class MetricMatcher:
    """Match counted nouns and verbs against a rule set's metrics."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self._nouns: dict[str, str] = {}
        self._verbs: dict[str, str] = {}
        for metric in rules.metrics.values():
            for noun in metric.nouns:
                self._nouns[" ".join(singular(w) for w in noun.split())] = metric.id
            for verb in metric.verbs:
                for form in inflections(verb):
                    self._verbs[form] = metric.id
        self._person_verbs = {form for verb in PERSON_VERBS for form in inflections(verb)}

    def by_noun(self, noun: str | None) -> str | None:
        """Return the metric a counted noun phrase signals, if any."""
        if not noun:
            return None
        words = [singular(w) for w in noun.split()]
        for size in range(len(words), 0, -1):
            for first in range(len(words) - size + 1):
                metric = self._nouns.get(" ".join(words[first : first + size]))
                if metric:
                    return metric
        return None

    def verb_metric(self, word: str) -> str | None:
        return self._verbs.get(word.lower())

    def is_person_verb(self, word: str) -> bool:
        word = word.lower()
        return word in self._person_verbs or word in self._verbs

    def verb_after(self, text: str, index: int, limit: int = 5) -> VerbHit | None:
        """Return a metric verb following the counted noun: "people were arrested"."""
        position = index
        for _ in range(limit):
            match = WORD.search(text, position)
            if not match or re.search(r"[\d.,;:!?()]", text[position : match.start()]):
                return None
            word = match.group(0).lower()
            metric = self._verbs.get(word)
            if metric:
                return VerbHit(metric, word, match.start())
            if word not in _AUXILIARIES:
                return None
            position = match.end()
        return None

    def verb_before(self, text: str, index: int, limit: int = 12) -> VerbHit | None:
        """Return the nearest metric verb before a number within its clause:
        "arrested 353 people", "safeguarded 491"."""
        clause_start = max(text.rfind(ch, 0, index) for ch in ".;:!?(")
        words = list(WORD.finditer(text, clause_start + 1, index))[-limit:]
        for match in reversed(words):
            metric = self._verbs.get(match.group(0).lower())
            if metric:
                return VerbHit(metric, match.group(0).lower(), match.start())
        return None

    def person_verb_near(self, text: str) -> str | None:
        """Return the first person verb in a text ("were all arrested"), if any."""
        for match in WORD.finditer(text):
            word = match.group(0).lower()
            if word in self._verbs or word in self._person_verbs:
                return verb_stem(word)
        return None


def verb_stem(word: str) -> str:
    """Return the stem shared by a verb's forms ("arrested", "arresting" -> "arrest")."""
    return re.sub(r"(ed|ing|d)$", "", word)


def is_person_noun(noun: str | None) -> bool:
    if not noun:
        return False
    return noun.split()[-1].lower() in PERSON_NOUNS
