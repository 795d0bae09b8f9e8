"""Small facts about English that the extractors share: sentences, words, nouns.

Press releases are plain enough that a handful of word lists does better than a
general-purpose parser (see the measurements in the extraction guide), and the
lists stay easy to read and extend.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Words that end a noun phrase or can never be the counted noun.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "to",
        "into",
        "onto",
        "over",
        "under",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "were",
        "was",
        "is",
        "are",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "this",
        "these",
        "those",
        "their",
        "his",
        "her",
        "its",
        "our",
        "your",
        "my",
        "them",
        "they",
        "he",
        "she",
        "it",
        "we",
        "you",
        "i",
        "me",
        "us",
        "him",
        "all",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "more",
        "most",
        "fewer",
        "less",
        "than",
        "as",
        "also",
        "now",
        "then",
        "just",
        "only",
        "not",
        "no",
        "per",
        "about",
        "across",
        "after",
        "before",
        "between",
        "during",
        "since",
        "until",
        "while",
        "when",
        "where",
        "including",
        "within",
        "without",
        "against",
        "among",
        "around",
        "than",
        "up",
        "down",
        "out",
        "off",
        "again",
        "further",
        "other",
        "another",
        "such",
        "very",
        "some",
        "any",
        "many",
        "much",
        "several",
        "same",
        "said",
        "says",
        "told",
        "here",
        "there",
        "what",
        "how",
        "why",
        "if",
        "because",
        "though",
        "although",
        "whether",
        "via",
        "like",
    ]
)

# Words that may end a sentence only when it has been cut off.
DANGLING_WORDS = FUNCTION_WORDS - {
    "them",
    "us",
    "him",
    "me",
    "it",
    "here",
    "there",
    "again",
    "now",
    "then",
    "up",
    "down",
    "out",
    "off",
    "said",
    "says",
    "told",
    "too",
    "also",
    "all",
    "both",
    "much",
    "more",
    "less",
    "fewer",
    "most",
    "before",
    "after",
    "since",
    "why",
    "how",
    "what",
    "where",
    "when",
    "yet",
    "either",
    "neither",
    "same",
}

PERSON_NOUNS = frozenset(
    [
        "people",
        "person",
        "persons",
        "men",
        "man",
        "women",
        "woman",
        "suspects",
        "suspect",
        "offenders",
        "offender",
        "individuals",
        "individual",
        "adults",
        "adult",
        "youths",
        "youth",
        "teenagers",
        "teenager",
        "boys",
        "boy",
        "girls",
        "girl",
        "children",
        "child",
        "youngsters",
        "youngster",
        "drivers",
        "driver",
        "motorists",
        "motorist",
        "defendants",
        "defendant",
        "others",
        "victims",
        "victim",
        "survivors",
        "survivor",
        "casualties",
        "casualty",
        "patients",
        "patient",
        "residents",
        "resident",
        "pupils",
        "pupil",
        "students",
        "student",
        "migrants",
        "migrant",
        "workers",
        "worker",
    ]
)

_IRREGULAR_SINGULARS = {
    "children": "child",
    "people": "person",
    "men": "man",
    "women": "woman",
    "knives": "knife",
    "lives": "life",
    "wives": "wife",
    "thieves": "thief",
    "data": "data",
    "police": "police",
    "series": "series",
}

_ABBREVIATIONS = frozenset(
    [
        "ds",
        "dc",
        "det",
        "insp",
        "supt",
        "sgt",
        "pc",
        "ref",
        "no",
        "approx",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "ch",
        "co",
        "ltd",
        "inc",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "cllr",
        "gov",
        "dept",
        "est",
        "fig",
        "nos",
        "op",
    ]
)

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a block: its text and where it starts in the block text."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_sentences(text: str) -> list[Sentence]:
    """Split block text into sentences, keeping each one's offset.

    A full stop ends a sentence unless it closes a known abbreviation
    ("DS", "approx.") or sits inside a number ("8.47").  A lower-case word
    after the stop also means the sentence goes on.
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if _is_abbreviation(text, match.start()) or _continues_lower(text, end):
            continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        sentences.append(Sentence(start + chunk.index(stripped[0]), stripped))


def _is_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[:stop])
    return bool(word) and word.group(1).lower().rstrip(".") in _ABBREVIATIONS


def _continues_lower(text: str, end: int) -> bool:
    rest = text[end:].lstrip()
    return bool(rest) and rest[0].islower()


def words_after(text: str, index: int, limit: int = 6) -> Iterator[re.Match[str]]:
    """Yield up to ``limit`` word matches after ``index``, stopping at punctuation."""
    position = index
    for _ in range(limit):
        gap = re.match(r"[ \t]*", text[position:])
        position += gap.end() if gap else 0
        match = WORD.match(text, position)
        if not match:
            return
        yield match
        position = match.end()


def words_before(text: str, index: int, limit: int = 6) -> list[str]:
    """Return up to ``limit`` words before ``index``, nearest first, lower-cased,
    stopping at sentence or clause punctuation other than commas."""
    chunk = re.split(r"[;:()\[\].!?]", text[:index])[-1]
    return [w.lower() for w in WORD.findall(chunk)][::-1][:limit]


def singular(word: str) -> str:
    """Return a rough singular of an English noun, lower-cased."""
    word = word.lower().replace("’", "'")
    if word in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[word]
    if "-" in word:
        head, _, tail = word.rpartition("-")
        return f"{head}-{singular(tail)}"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def is_verb_form(word: str) -> bool:
    """Guess whether a word after a number is a participle rather than a noun."""
    word = word.lower()
    if len(word) <= 4 or word.endswith(("eed", "ings")):
        return False
    return word.endswith(("ed", "ing"))


def inflections(verb: str) -> set[str]:
    """Return the past and -ing forms of a base verb ("charge" -> charged, charging)."""
    verb = verb.lower()
    forms = {verb}
    if verb.endswith("e"):
        forms |= {verb + "d", verb[:-1] + "ing"}
    elif re.search(r"[^aeiou][aeiou][bdgmnpt]$", verb) and len(verb) <= 4:
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    else:
        forms |= {verb + "ed", verb + "ing"}
    forms.discard(verb)
    return forms
