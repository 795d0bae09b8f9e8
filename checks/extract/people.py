"""Count the people a release lists, and match each list to the count it spells out.

A listed person is an age ("a 55-year-old from Stafford", "Daniel Hollins, 34, of
Erdington"); a group is a count of people followed by their ages ("Two men, aged
25 and 39", "three men who are all 25") and stands for that many people.  A list
belongs to the stated count before it in the same sentence or paragraph, or,
for a run of paragraphs or list items, to the nearest earlier count with the
same verb ("arrested six men" ... "A 41-year-old man ... was arrested"), or to
the count that introduces the list ("Five men have been charged:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checks.extract.metrics import is_person_noun
from checks.extract.nouns import head
from checks.model import Kind

if TYPE_CHECKING:
    from checks.extract.figures import Draft, Extractor, Listing

_GROUP_OPENING = re.compile(
    r"^\s*,?\s*(?:(?:who\s+(?:are|were)\s+)?(?:all\s+)?aged\b|who\s+(?:are|were)\s+(?:all|both)\b|all\s+aged\b)",
    re.IGNORECASE,
)
_FIRST_AGE_GAP = re.compile(
    r"^\s*,?\s*(?:(?:who\s+(?:are|were)\s+)?(?:all|both)\s+)?(?:aged\s+)?(?:between\s+)?$",
    re.IGNORECASE,
)
_PARTIAL = re.compile(
    r"\b(?:including|among\s+(?:them|those|whom)|such\s+as|includes?|included|for\s+example)\b",
    re.IGNORECASE,
)
_NEXT_AGE_GAP = re.compile(r"^\s*(?:,|and|,\s*and|to|-|–)\s*(?:aged\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Item:
    """Listed people: one age, or a group of ``weight`` people."""

    draft: int
    weight: int
    sentence: int
    block: int
    group: bool


def find_listings(extractor: Extractor) -> list[Listing]:
    """Return the document's people lists, each matched to its stated count."""
    from checks.extract.figures import Listing

    drafts = extractor.drafts
    listings: list[Listing] = []
    items: list[_Item] = []
    groups: set[int] = set()
    for sentence_index, sentence in enumerate(extractor.sentences):
        ages = [i for i in sentence.drafts if drafts[i].quantity.kind is Kind.AGE]
        covered: set[int] = set()
        for index in sentence.drafts:
            if not _counts_people(drafts[index]) or not _GROUP_OPENING.match(
                sentence.text[drafts[index].noun_end :]
            ):
                continue
            members = _group_ages(sentence.text, drafts, index, ages)
            groups.add(index)
            covered.update(members)
            if len(members) >= 2:
                listings.append(Listing(index, len(members), _place(extractor, members[0])))
            items.append(
                _Item(
                    index, int(drafts[index].quantity.value), sentence_index, sentence.block, True
                )
            )
        items.extend(
            _Item(age, 1, sentence_index, sentence.block, False)
            for age in ages
            if age not in covered
        )
    items.sort(key=lambda item: (item.sentence, drafts[item.draft].quantity.start))
    stated = [
        i
        for i, d in enumerate(drafts)
        if _counts_people(d) and i not in groups and d.verb is not None
    ]
    owned: dict[int, list[_Item]] = {}
    loose: list[_Item] = []
    by_sentence: dict[int, list[int]] = {}
    by_block: dict[int, list[int]] = {}
    for index in stated:
        by_sentence.setdefault(drafts[index].sentence, []).append(index)
        by_block.setdefault(drafts[index].block, []).append(index)
    for item in items:
        owner = _owner_nearby(
            drafts, by_sentence.get(item.sentence, []), by_block.get(item.block, []), item
        )
        if owner is None:
            loose.append(item)
        else:
            owned.setdefault(owner, []).append(item)
    for run in _runs(extractor, loose, stated, groups):
        owner = _owner_before(extractor, stated, run, set(owned))
        if owner is not None:
            owned[owner] = run
    for owner, members in owned.items():
        first = members[0]
        if _partial(extractor, owner, first):
            continue
        listings.append(
            Listing(owner, sum(m.weight for m in members), _place(extractor, first.draft))
        )
    return listings


def _partial(extractor: Extractor, owner: int, first: _Item) -> bool:
    """Say whether the text presents the list as a selection ("including", "among them")."""
    count = extractor.drafts[owner]
    item_sentence = extractor.sentences[first.sentence].text
    return bool(
        _PARTIAL.search(count.context[count.quantity.end :])
        or _PARTIAL.search(item_sentence[: extractor.drafts[first.draft].quantity.start])
    )


def _counts_people(draft: Draft) -> bool:
    if draft.quantity.kind is not Kind.COUNT:
        return False
    noun_head = head(draft.noun)
    return (
        is_person_noun(draft.noun)
        or bool(noun_head and noun_head.startswith("arrest"))
        or (draft.noun is None and draft.verb is not None)
    )


def _group_ages(text: str, drafts: list[Draft], group: int, ages: list[int]) -> list[int]:
    members: list[int] = []
    position = drafts[group].noun_end
    for age in ages:
        start = drafts[age].quantity.start
        if start < position:
            continue
        gap = text[position:start]
        pattern = _NEXT_AGE_GAP if members else _FIRST_AGE_GAP
        if not pattern.match(gap) and not (not members and _GROUP_OPENING.match(gap)):
            break
        members.append(age)
        position = drafts[age].quantity.end
    return members


def _owner_nearby(
    drafts: list[Draft], in_sentence: list[int], in_block: list[int], item: _Item
) -> int | None:
    """Return the stated count earlier in the item's sentence, else in its paragraph."""
    start = drafts[item.draft].quantity.start
    same_sentence = [i for i in in_sentence if drafts[i].quantity.start < start and i != item.draft]
    if same_sentence:
        return same_sentence[-1]
    same_block = [i for i in in_block if drafts[i].sentence < item.sentence]
    return same_block[-1] if same_block else None


def _runs(
    extractor: Extractor, loose: list[_Item], stated: list[int], groups: set[int]
) -> list[list[_Item]]:
    """Group loose list items into runs of consecutive blocks free of stated counts."""
    drafts = extractor.drafts
    counting_blocks = {drafts[i].block for i in (*stated, *groups)}
    runs: list[list[_Item]] = []
    for item in loose:
        if item.block in counting_blocks:
            continue
        if runs and item.block - runs[-1][-1].block <= 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _owner_before(
    extractor: Extractor, stated: list[int], run: list[_Item], taken: set[int]
) -> int | None:
    drafts = extractor.drafts
    first_block = run[0].block
    verbs = {_item_verb(extractor, item) for item in run} - {None}
    candidates = [i for i in stated if drafts[i].block < first_block and i not in taken]
    for index in reversed(candidates):
        draft = drafts[index]
        if verbs:
            if draft.verb in verbs:
                return index
            continue
        introduces = extractor.sentences[draft.sentence].ends_with_colon or (
            draft.block == first_block - 1
        )
        return index if introduces else None
    return None


def _item_verb(extractor: Extractor, item: _Item) -> str | None:
    sentence = extractor.sentences[item.sentence]
    return extractor.vocabulary.metrics.person_verb_near(sentence.text)


def _place(extractor: Extractor, draft_index: int) -> tuple[int, int]:
    draft = extractor.drafts[draft_index]
    return draft.block, draft.sentence_start + draft.quantity.start
