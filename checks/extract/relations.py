"""Link figures that the text itself relates: subsets, complements and breakdowns.

- subset: "arrested 26 people, of whom 29 have been charged", "Of the 371, 271 ...",
  "54 of them", "Three of the 11 trusts", "... including 12 women";
- part: "Of the six, four have been charged; the other two ..." (a subset and its
  complement make the whole), and labelled breakdowns after a total: "More than
  4,500 knives ... Leicestershire Police collected 1,107, Nottinghamshire Police
  1,937 and Lincolnshire Police 1,448", "124 people ...: 18 in Fareham, 32 in Havant ...".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checks.extract.language import singular
from checks.extract.nouns import head
from checks.model import Kind

if TYPE_CHECKING:
    from checks.extract.figures import Draft, Extractor, SentenceInfo

_OF_WHOM_BEFORE = re.compile(
    r"\bof\s+(?:whom|which)\s*,?\s*$|\bof\s+(?:these|them|those)\s*,\s*$", re.IGNORECASE
)
_OF_WHOM_AFTER = re.compile(r"^\s+of\s+(?:whom|which)\b", re.IGNORECASE)
_OF_THEM_AFTER = re.compile(r"^\s+of\s+(?:them|these|those)\b", re.IGNORECASE)
_OF_THE_N_AFTER = re.compile(r"^\s+of\s+the\s+(?=[\d,]+\b)", re.IGNORECASE)
_LEADING_OF = re.compile(
    r"^\s*(?:but\s+|and\s+)?of\s+(?:the\s+(?P<n>[\w,\-]+)|(?P<pro>these|them|those|this\s+total))"
    r"\b[^,]{0,40},",
    re.IGNORECASE,
)
_INCLUDING_BEFORE = re.compile(r"\b(?:including|among\s+them|among\s+whom)\s*$", re.IGNORECASE)
_COMPLEMENT_BEFORE = re.compile(
    r"\b(?:the\s+(?:other|remaining|rest|last)|the\s+remainder,?|a\s+further)\s*$", re.IGNORECASE
)
_LABEL_BEFORE = re.compile(
    r"(?:^|[\s,;:])(?P<label>[A-Z][\w'’\-]*(?:\s+(?:and|of|upon|under|on|&)?\s*[A-Z][\w'’\-]*)*)"
    r"(?:\s+[a-z]+)?\s*$"
)
_INTRODUCES = re.compile(r"[:—–]|\b(?:including|comprising|made\s+up\s+of|of\s+which|of\s+whom)\b")
_PLACE_AFTER = re.compile(
    r"^\s+(?:(?:were|was|have\s+been|had\s+been)\s+[a-z]+ed\s+)?"
    r"(?:in|on|at|from|for)\s+(?:the\s+)?[A-Z][\w'’\-]*"
    r"(?:\s+(?:and|of|upon|under|on|the|&)?\s*[A-Z][\w'’\-]*)*"
)
_ITEM_GAP = re.compile(r"^[^.;:()]{0,80}$")


def link_relations(extractor: Extractor) -> None:
    """Set ``relation``/``about`` on the extractor's drafts, sentence by sentence."""
    _link_table_totals(extractor)
    _link_named_breakdowns(extractor)
    previous: SentenceInfo | None = None
    for sentence in extractor.sentences:
        counts = [i for i in sentence.drafts if extractor.drafts[i].is_count]
        if counts:
            _link_subsets(extractor, sentence, counts, previous)
            _link_complements(extractor, sentence, counts)
            _link_breakdown(extractor, sentence, counts, previous)
        if any(extractor.drafts[i].is_count for i in sentence.drafts):
            previous = sentence
        elif sentence.drafts:
            previous = None
    for draft in extractor.drafts:
        if draft.partitive and draft.relation is None:
            draft.relation = "subset"  # "313 of the arrests": a share of an uncounted group


def _link_subsets(
    extractor: Extractor, sentence: SentenceInfo, counts: list[int], previous: SentenceInfo | None
) -> None:
    drafts, text = extractor.drafts, sentence.text
    leading = _LEADING_OF.match(text)
    leading_whole: int | None = None
    if leading:
        if leading.group("n"):
            inside = [i for i in counts if drafts[i].quantity.start < leading.end()]
            leading_whole = inside[0] if inside else None
        else:
            leading_whole = _antecedent(extractor, previous)
    for position, index in enumerate(counts):
        draft = drafts[index]
        if draft.relation is not None or index == leading_whole:
            continue
        start, end = draft.quantity.start, draft.quantity.end
        before, after = text[:start], text[end:]
        whole: int | None = None
        if _OF_WHOM_BEFORE.search(before) or _OF_WHOM_AFTER.match(after):
            whole = _nearest_before(drafts, counts[:position])
            if whole is None and _OF_WHOM_BEFORE.search(before):
                whole = _antecedent(extractor, previous)
        elif _OF_THEM_AFTER.match(after):
            whole = _nearest_before(drafts, counts[:position]) or _antecedent(extractor, previous)
        elif _OF_THE_N_AFTER.match(after):
            later = counts[position + 1 : position + 2]
            whole = later[0] if later else None
        elif _INCLUDING_BEFORE.search(before):
            whole = _nearest_before(drafts, counts[:position])
        elif leading_whole is not None and start >= leading.end():  # type: ignore[union-attr]
            whole = leading_whole
        if whole is not None and whole != index:
            draft.relation, draft.about = "subset", whole


def _link_complements(extractor: Extractor, sentence: SentenceInfo, counts: list[int]) -> None:
    """Turn "four charged ...; the other two ..." into two parts of the same whole."""
    drafts = extractor.drafts
    for index in counts:
        draft = drafts[index]
        if not _COMPLEMENT_BEFORE.search(sentence.text[: draft.quantity.start]):
            continue
        if sentence.text[: draft.quantity.start].rstrip().lower().endswith("a further"):
            continue
        siblings = [i for i in counts if i != index and drafts[i].relation == "subset"]
        if not siblings:
            # "The other four people arrested ...": the rest of a group stated elsewhere.
            if draft.relation is None:
                draft.relation = "remainder"
            continue
        whole = drafts[siblings[0]].about
        if whole is None or any(drafts[i].about != whole for i in siblings):
            continue
        for part in (*siblings, index):
            drafts[part].relation, drafts[part].about = "part", whole


def _link_breakdown(
    extractor: Extractor, sentence: SentenceInfo, counts: list[int], previous: SentenceInfo | None
) -> None:
    """Find "A 1,107, B 1,937 and C 1,448" / "18 in A, 32 in B" lists and their total."""
    drafts, text = extractor.drafts, sentence.text
    items = _labelled_run(drafts, text, [i for i in counts if drafts[i].relation is None])
    if len(items) < 2:
        return
    first = drafts[items[0]]
    item_heads = {head(drafts[i].noun) for i in items} - {None}
    if len(item_heads) > 1:
        return
    whole = None
    earlier = [
        i
        for i in counts
        if drafts[i].quantity.end <= first.quantity.start
        and drafts[i].relation is None
        and drafts[i].quantity.kind is Kind.COUNT
    ]
    # A total in the same sentence introduces its breakdown: "124 people ...: 18 in A, ...".
    if earlier and _INTRODUCES.search(
        text[drafts[earlier[-1]].quantity.end : first.quantity.start]
    ):
        whole = earlier[-1]
    elif previous is not None:
        whole = _whole_in(extractor, previous, item_heads)
    if whole is None:
        return
    total = drafts[whole]
    if (item_heads and total.noun is not None and head(total.noun) not in item_heads
            and not _same_head(total.noun, item_heads)):
        return
    if total.quantity.high < max(drafts[i].quantity.low for i in items):
        return
    for index in items:
        drafts[index].relation, drafts[index].about = "part", whole


def _labelled_run(drafts: list[Draft], text: str, counts: list[int]) -> list[int]:
    """Return the longest run of consecutive counts each labelled by a name."""
    best: list[int] = []
    run: list[int] = []
    style: str | None = None
    for index in counts:
        draft = drafts[index]
        if draft.quantity.kind is not Kind.COUNT:
            run, style = [], None
            continue
        label = _label_style(text, draft)
        joined = not run or _ITEM_GAP.match(
            text[drafts[run[-1]].quantity.end : draft.quantity.start]
        )
        if label is not None and joined and (style in (None, label)):
            run.append(index)
            style = label
        else:
            run, style = ([index], label) if label is not None else ([], None)
        if len(run) > len(best):
            best = list(run)
    return best


def _label_style(text: str, draft: Draft) -> str | None:
    if _PLACE_AFTER.match(text[draft.noun_end :]):
        return "after"
    label = _LABEL_BEFORE.search(text[: draft.quantity.start])
    if label and not re.match(r"(?:The|A|An|In|On|Of|And|But|It|This)$", label.group("label")):
        return "before"
    return None


def _whole_in(extractor: Extractor, sentence: SentenceInfo, heads: set[str | None]) -> int | None:
    drafts = extractor.drafts
    candidates = [
        i
        for i in sentence.drafts
        if drafts[i].quantity.kind is Kind.COUNT and drafts[i].noun and drafts[i].relation is None
    ]
    if heads:
        candidates = [i for i in candidates if _same_head(drafts[i].noun, heads)]
    if not candidates:
        return None
    return max(candidates, key=lambda i: drafts[i].quantity.value)


def _same_head(noun: str | None, heads: set[str | None]) -> bool:
    wanted = {singular(h) for h in heads if h}
    return noun is not None and singular(noun.split()[-1]) in wanted


def _nearest_before(drafts: list[Draft], earlier: list[int]) -> int | None:
    for index in reversed(earlier):
        if drafts[index].quantity.kind is Kind.COUNT or drafts[index].quantity.kind is Kind.DECIMAL:
            return index
    return None


def _antecedent(extractor: Extractor, previous: SentenceInfo | None) -> int | None:
    """Return the figure "these"/"them" points back to: the first count with a noun
    in the sentence before."""
    if previous is None:
        return None
    for index in previous.drafts:
        draft = extractor.drafts[index]
        if draft.is_count and draft.noun:
            return index
    return None


_TOTAL_LABEL = re.compile(
    r"\b(?:total|totals|all|overall|combined|grand|region|england|wales|scotland|national|"
    r"nationally|force-wide|countywide)\b",
    re.IGNORECASE,
)


def _link_table_totals(extractor: Extractor) -> None:
    """Link a table's total row to the rows above it, column by column.

    The last row is a total when its label says so ("Total", "All incidents",
    "Region") or names the publisher the title names ("Thames Valley" in a Thames
    Valley Police release) while the other rows do not.
    """
    from checks.model import BlockKind

    document = extractor.document
    rows_by_table: dict[int, list[int]] = {}
    for index, block in enumerate(document.blocks):
        if (
            block.kind is BlockKind.ROW
            and block.table is not None
            and block.cells
            and not all(c.header for c in block.cells)
        ):
            rows_by_table.setdefault(block.table, []).append(index)
    by_block: dict[int, list[int]] = {}
    for index, draft in enumerate(extractor.drafts):
        by_block.setdefault(draft.block, []).append(index)
    title = " ".join(
        [document.title or ""]
        + [b.text for b in document.blocks[:3] if b.kind is BlockKind.HEADING]
    ).lower()
    for rows in rows_by_table.values():
        if len(rows) < 3:
            continue
        labels = [_label(document.blocks[r]) for r in rows]
        last = labels[-1]
        in_title = (
            bool(last)
            and last.lower() in title
            and not any(label and label.lower() in title for label in labels[:-1])
        )
        if (
            not (_TOTAL_LABEL.search(last) and not re.search(r"\bother\b", last, re.I))
            and not in_title
        ):
            continue
        cells = [_cell_counts(extractor, r, by_block.get(r, [])) for r in rows]
        for key, whole in cells[-1].items():
            parts = [row.get(key) for row in cells[:-1]]
            if any(p is None for p in parts):
                continue
            for part in parts:
                if extractor.drafts[part].relation is None:  # type: ignore[index]
                    extractor.drafts[part].relation = "part"  # type: ignore[index]
                    extractor.drafts[part].about = whole  # type: ignore[index]


def _label(block) -> str:  # type: ignore[no-untyped-def]
    first = block.cells[0]
    text = block.text[first.start : first.end].strip()
    return "" if any(ch.isdigit() for ch in text) else text


def _cell_counts(
    extractor: Extractor, block_index: int, indices: list[int]
) -> dict[tuple[int, int], int]:
    """Return the counts of a row keyed by (cell, position within the cell)."""
    block = extractor.document.blocks[block_index]
    found: dict[tuple[int, int], int] = {}
    seen: dict[int, int] = {}
    for index in indices:
        draft = extractor.drafts[index]
        if draft.quantity.kind is not Kind.COUNT:
            continue
        cell = next(
            (n for n, c in enumerate(block.cells) if c.start <= draft.quantity.start < c.end), None
        )
        if cell is None or cell == 0:
            continue
        position = seen.get(cell, 0)
        seen[cell] = position + 1
        found[(cell, position)] = index
    return found


_NAME = (
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][\w'’\-]+"
    r"(?:\s+(?:upon\s+)?(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][\w'’\-]+)*"
)
_NAMED_LIST = re.compile(
    rf"\b(?:in|across|at|between)\s+(?P<names>{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+and\s+{_NAME})"
)
_LOOKAHEAD_SENTENCES = 6


def _link_named_breakdowns(extractor: Extractor) -> None:
    """Link totals over named places to the figures given place by place.

    "Sixteen people were arrested ... in Preston, Blackburn and Burnley" followed
    by "In Preston, officers ... arrested seven people. In Blackburn, ... five
    arrests. In Burnley, officers arrested four people" makes 16 a total of three
    named parts; a part that gives other figures but not this one is missing.
    """
    drafts, sentences = extractor.drafts, extractor.sentences
    for position, sentence in enumerate(sentences):
        listed = _NAMED_LIST.search(sentence.text)
        if not listed:
            continue
        names = [
            n.strip()
            for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listed.group("names"))
            if n.strip()
        ]
        wholes = [
            i
            for i in sentence.drafts
            if drafts[i].quantity.kind is Kind.COUNT
            and drafts[i].relation is None
            and _key(drafts[i])
        ]
        if len(names) < 2 or not wholes:
            continue
        by_name = _figures_by_name(extractor, position, names)
        if len(by_name) < 2:
            continue
        for whole in wholes:
            matching = {
                name: [i for i in found if _key(drafts[i]) == _key(drafts[whole])]
                for name, found in by_name.items()
            }
            present = {name: found[0] for name, found in matching.items() if found}
            if not present:
                continue
            drafts[whole].parts = len(names)
            for part in present.values():
                drafts[part].relation, drafts[part].about = "part", whole


def _figures_by_name(extractor: Extractor, position: int, names: list[str]) -> dict[str, list[int]]:
    drafts = extractor.drafts
    found: dict[str, list[int]] = {}
    for sentence in extractor.sentences[position + 1 : position + 1 + _LOOKAHEAD_SENTENCES]:
        mentioned = [n for n in names if re.search(rf"\b{re.escape(n)}\b", sentence.text)]
        if len(mentioned) != 1:
            continue
        counts = [
            i
            for i in sentence.drafts
            if drafts[i].quantity.kind is Kind.COUNT
            and drafts[i].relation is None
            and _key(drafts[i])
        ]
        if counts:
            found.setdefault(mentioned[0], []).extend(counts)
    return found


def _key(draft: Draft) -> str | None:
    """Return what a count measures, for matching a part to its total."""
    if draft.metric:
        return draft.metric
    return singular(draft.noun.split()[-1]) if draft.noun else None
