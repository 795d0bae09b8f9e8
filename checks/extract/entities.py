"""Find the entities (forces, regions, areas) that a rule file names in a text.

Aliases and places are matched as whole words, longest first, ignoring case,
possessives ("West Midland's officers") and a dropped plural "s".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.rules import RuleSet

_NAMED_PLACE_AFTER = re.compile(r"['’]?\s+(?:[A-Z][a-z]+|Magistrates)")


@dataclass(frozen=True, slots=True)
class EntityMention:
    """An entity named in a text: by an alias, or by one of its places."""

    start: int
    end: int
    entity: str
    by_place: bool


def _phrase_pattern(phrase: str) -> str:
    words = phrase.replace("’", "'").split()
    parts = []
    for index, word in enumerate(words):
        escaped = re.escape(word)
        if index == len(words) - 1 and index > 0 and word.lower().endswith("s") and len(word) > 5:
            escaped = re.escape(word[:-1]) + "s?"
        parts.append(escaped)
    return r"[\s\-]+".join(parts) + r"(?:['’]s|s['’]|['’])?"


_ORGANISATION = re.compile(
    r"\b((?:[A-Z][a-z]+(?:[\s\-]+(?:and|&|of|upon)?\s*)?){1,4}?"
    r"(?:Police|Constabulary|Fire\s+and\s+Rescue\s+Service|Fire\s+Service|Ambulance\s+Service"
    r"|Council|NHS\s+Trust|Trust))\b"
)


def organisations(text: str) -> list[EntityMention]:
    """Return organisations no rule file declares ("Avon and Somerset Police"), so that
    figures of different publishers are never taken for one quantity."""
    mentions = []
    for match in _ORGANISATION.finditer(text):
        name = re.sub(r"^(?:The|A|An|In|By|From|Of)\s+", "", match.group(1))
        key = "org:" + " ".join(name.lower().replace("&", "and").split())
        mentions.append(EntityMention(match.start(1), match.end(1), key, False))
    return mentions


class EntityMatcher:
    """Match the aliases and places of every entity in a rule set."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        phrases: dict[str, tuple[str, bool]] = {}
        for entity in rules.entities.values():
            for place in entity.places:
                phrases.setdefault(place.lower(), (entity.id, True))
            for alias in (entity.name, *entity.aliases):
                phrases[alias.lower()] = (entity.id, False)
        self._lookup = phrases
        ordered = sorted(phrases, key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<![\w\-])(?:" + "|".join(_phrase_pattern(p) for p in ordered) + r")(?![\w\-])",
                re.IGNORECASE,
            )
            if ordered
            else None
        )
        self._normalise = {self._key(p): v for p, v in phrases.items()}
        proper = {
            self._key(p): p[:1].isupper()
            for entity in rules.entities.values()
            for p in (entity.name, *entity.aliases, *entity.places)
        }
        self._proper = proper

    @staticmethod
    def _key(text: str) -> str:
        text = re.sub(r"['’]s?$", "", text.lower().replace("’", "'"))
        text = re.sub(r"[\s\-]+", " ", text)
        return text.rstrip("s")

    def find(self, text: str) -> list[EntityMention]:
        """Return every entity mention in ``text``, in order."""
        if self._pattern is None:
            return []
        mentions = []
        for match in self._pattern.finditer(text):
            found = self._normalise.get(self._key(match.group(0)))
            if found is None:
                continue
            entity, by_place = found
            if match.group(0)[0].islower() and self._proper.get(self._key(match.group(0))):
                continue  # "staff" is not "Staffs": names are matched as names
            if by_place and _NAMED_PLACE_AFTER.match(text, match.end()):
                continue  # "Warwick Crown Court", "Birmingham Airport": a building, not the area
            mentions.append(EntityMention(match.start(), match.end(), entity, by_place))
        return mentions

    def common_whole(self, entities: list[str]) -> str | None:
        """Return the entity that all of ``entities`` belong to (the region for
        "Staffordshire, Warwickshire, West Mercia and West Midlands")."""
        distinct = list(dict.fromkeys(entities))
        if not distinct:
            return None
        if len(distinct) == 1:
            return distinct[0]
        chains = [self._ancestry(e) for e in distinct]
        common = [e for e in chains[0] if all(e in chain for chain in chains[1:])]
        return common[0] if common else None

    def _ancestry(self, entity: str) -> list[str]:
        chain = [entity]
        parent = self.rules.parent_of(entity)
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = self.rules.parent_of(parent)
        return chain
