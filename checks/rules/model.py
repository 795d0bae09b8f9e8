"""The values a rule file declares: entities, metrics, sum and order rules.

A :class:`RuleSet` is the merge of every rule file loaded.  Its references are
already resolved and checked by the loader (every part, whole and metric names
something declared; parts form no cycle), so the checks can use it as is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from checks.model import Severity


@dataclass(frozen=True, slots=True)
class Source:
    """Where a declaration was written: the rule file and its 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Entity:
    """A body figures are reported for: a force, a region, a council.

    ``aliases`` are the phrases that name it, ``places`` the towns and areas
    inside it, ``parts`` the ids of the entities it is the sum of.
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Metric:
    """A quantity figures count: people arrested, warrants executed.

    ``nouns`` are counted nouns (singular) that alone signal it, ``verbs`` base
    verbs that signal it for a person noun or no noun; ``people`` says that it
    counts people, so lists of named people can be counted against it.
    """

    id: str
    name: str
    nouns: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    people: bool = False
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class SumRule:
    """The whole's figure for each metric must equal the sum of its parts' figures.

    ``parts`` and ``metrics`` are resolved by the loader: the whole's declared
    parts when the rule names none, every declared metric for ``all``.
    """

    id: str
    description: str
    whole: str
    parts: tuple[str, ...]
    metrics: tuple[str, ...]
    tolerance: float = 0.0
    severity: Severity = Severity.ERROR
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class OrderRule:
    """Per entity and scope, the ``smaller`` metric must not exceed the ``larger``."""

    id: str
    description: str
    smaller: str
    larger: str
    severity: Severity = Severity.ERROR
    source: Source | None = None


def _frozen(mapping: Mapping[str, object]) -> Mapping[str, object]:
    """Return a read-only copy of ``mapping`` that keeps its order."""
    return MappingProxyType(dict(mapping))


def descendant_masks(entities: Mapping[str, Entity]) -> dict[str, int]:
    """Return, per entity, a bit mask of its descendants (bit ``i`` is the i-th entity).

    Masks are built bottom-up in one iterative depth-first pass, so deep or
    wide hierarchies cost time linear in their size (times a machine word per
    64 entities) and never hit the recursion limit.  Parts that name no
    entity are ignored; an entity inside a cycle gets the descendants found
    before the cycle closed.
    """
    index = {entity_id: position for position, entity_id in enumerate(entities)}
    masks: dict[str, int] = {}
    for root in entities:
        if root in masks:
            continue
        on_path = {root}
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(entities[root].parts))]
        while stack:
            current, pending = stack[-1]
            child = next(pending, None)
            if child is None:
                stack.pop()
                on_path.discard(current)
                masks[current] = _mask_of_parts(entities[current].parts, index, masks)
            elif child in index and child not in masks and child not in on_path:
                on_path.add(child)
                stack.append((child, iter(entities[child].parts)))
    return masks


def _mask_of_parts(
    parts: tuple[str, ...], index: Mapping[str, int], masks: Mapping[str, int]
) -> int:
    mask = 0
    for part in parts:
        if part in index:
            mask |= (1 << index[part]) | masks.get(part, 0)
    return mask


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Every entity, metric and rule from the loaded rule files, merged.

    ``entities`` and ``metrics`` keep declaration order (file by file);
    ``files`` lists the rule files read, in the order they were read.
    """

    entities: Mapping[str, Entity] = field(default_factory=dict, hash=False)
    metrics: Mapping[str, Metric] = field(default_factory=dict, hash=False)
    sums: tuple[SumRule, ...] = ()
    orders: tuple[OrderRule, ...] = ()
    files: tuple[str, ...] = ()
    # Worked out once from ``entities`` for the hierarchy helpers.
    _index: Mapping[str, int] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    _masks: Mapping[str, int] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    _parents: Mapping[str, tuple[str, ...]] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        # Copy into read-only mappings so a shared rule set cannot change under a check.
        object.__setattr__(self, "entities", _frozen(self.entities))
        object.__setattr__(self, "metrics", _frozen(self.metrics))
        index = {entity_id: position for position, entity_id in enumerate(self.entities)}
        object.__setattr__(self, "_index", _frozen(index))
        object.__setattr__(self, "_masks", _frozen(descendant_masks(self.entities)))
        object.__setattr__(self, "_parents", _frozen(self._wholes_by_part()))

    @classmethod
    def empty(cls) -> RuleSet:
        """Return a rule set that declares nothing."""
        return cls()

    @property
    def is_empty(self) -> bool:
        """Say whether the rule set declares no entity, metric or rule."""
        return not (self.entities or self.metrics or self.sums or self.orders)

    def parts_of(self, entity_id: str) -> tuple[str, ...]:
        """Return the ids of the entities ``entity_id`` is the sum of (none if unknown)."""
        entity = self.entities.get(entity_id)
        return entity.parts if entity else ()

    def parents_of(self, entity_id: str) -> tuple[str, ...]:
        """Return every entity that lists ``entity_id`` among its parts, most specific first."""
        return self._parents.get(entity_id, ())

    def parent_of(self, entity_id: str) -> str | None:
        """Return the entity ``entity_id`` is a part of, or None.

        Where an entity is a part of several wholes (a force in both an
        alliance and the region), the most specific whole wins: the one with
        the fewest descendants, then the one declared first.
        """
        parents = self._parents.get(entity_id, ())
        return parents[0] if parents else None

    def descendants(self, entity_id: str) -> tuple[str, ...]:
        """Return the parts of ``entity_id``, their parts and so on, depth first, each once."""
        return tuple(self._walk_parts(entity_id))

    def contains(self, whole: str, part: str) -> bool:
        """Say whether ``part`` is among the descendants of ``whole``."""
        position = self._index.get(part)
        return position is not None and bool(self._masks.get(whole, 0) >> position & 1)

    def _walk_parts(self, entity_id: str) -> Iterator[str]:
        # Guarded by ``seen`` so that a hand-built set with a cycle cannot hang.
        seen = {entity_id}
        stack = list(reversed(self.parts_of(entity_id)))
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            yield current
            stack.extend(reversed(self.parts_of(current)))

    def _wholes_by_part(self) -> dict[str, tuple[str, ...]]:
        wholes: dict[str, list[str]] = {}
        for whole in self.entities.values():
            for part in dict.fromkeys(whole.parts):
                wholes.setdefault(part, []).append(whole.id)

        def specificity(whole: str) -> tuple[int, int]:
            return (self._masks.get(whole, 0).bit_count(), self._index[whole])

        return {part: tuple(sorted(found, key=specificity)) for part, found in wholes.items()}
