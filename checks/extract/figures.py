"""Turn a document into its figure table: every number, with what it counts.

The extractor walks the blocks in reading order, keeping the context a reader
keeps: the section's entity, the entity of the sentence before, and the period
the release is talking about.  Each number becomes a draft; relations between
numbers (subsets, parts of a breakdown, listed people) are added once the whole
document has been read, and the drafts are then frozen into ``Figure``s.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from checks.dates import find_dates
from checks.extract.entities import EntityMatcher, EntityMention, organisations
from checks.extract.language import Sentence, split_sentences
from checks.extract.metrics import MetricMatcher, is_person_noun, verb_stem
from checks.extract.nouns import counted_noun, skip_parenthetical
from checks.extract.numbers import find_quantities
from checks.extract.scope import ScopeCue, ScopeReader, resolve
from checks.model import (
    COMPARABLE_KINDS,
    UNKNOWN_SCOPE,
    Block,
    BlockKind,
    Document,
    Figure,
    Kind,
    Quantity,
    Scope,
    ScopeKind,
)
from checks.rules import RuleSet

_CLAUSE_PUNCTUATION = re.compile(r"[,;:]")
_LIST_JOIN = re.compile(r"^\s*(?:,|and|,\s*and|&)\s*$")
_PROGRAMME = re.compile(r"\b(?:operation|op\.?)\s+([a-z][a-z\-]{2,})\b", re.IGNORECASE)
_OWN_PREDICATE = re.compile(r"\s+(?:are|were|is|was|have|has|had|will|would)\b")
# "12 men and three women": the gap between two coordinated counts of people.
_COORDINATED = re.compile(r"^\s*[a-z]+(?:\s+[a-z]+)?\s*(?:,|and|,\s*and)\s*$")
_APPOSITIVE = re.compile(r"\s*,\s*(?:aged|from|of|all)\b[^,;.()]{0,40},")


class _SentenceIndex:
    """Positions of a sentence's counts and clause punctuation, for lookups in
    logarithmic time: a hostile sentence may hold thousands of numbers."""

    def __init__(self, text: str, quantities: list[Quantity]) -> None:
        self.counts = [q for q in quantities if q.kind in (*COMPARABLE_KINDS, Kind.CHANGE)]
        self.count_starts = [q.start for q in self.counts]
        self.punctuation = [m.start() for m in _CLAUSE_PUNCTUATION.finditer(text)]

    def has_count(self, start: int, end: int) -> bool:
        position = bisect.bisect_left(self.count_starts, start)
        return position < len(self.count_starts) and self.count_starts[position] < end

    def has_punctuation(self, start: int, end: int) -> bool:
        position = bisect.bisect_left(self.punctuation, start)
        return position < len(self.punctuation) and self.punctuation[position] < end

    def last_count_before(self, index: int) -> Quantity | None:
        position = bisect.bisect_left(self.count_starts, index)
        return self.counts[position - 1] if position else None


class Vocabulary:
    """The entity and metric matchers compiled from a rule set, built once a run."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.entities = EntityMatcher(rules)
        self.metrics = MetricMatcher(rules)


@dataclass(slots=True)
class Draft:
    """A figure while the document is still being read (mutable on purpose)."""

    quantity: Quantity
    block: int
    sentence: int
    sentence_start: int  # offset of the sentence in the block text
    context: str
    noun: str | None = None
    noun_end: int = 0  # offset in ``context`` just past the counted noun (or the number)
    partitive: bool = False
    metric: str | None = None
    verb: str | None = None  # stem of the person verb that governs it ("arrest")
    entity: str | None = None
    scope: Scope = UNKNOWN_SCOPE
    relation: str | None = None
    about: int | None = None  # index of another draft
    parts: int | None = None  # for a total: how many parts the text names
    id: str = ""

    @property
    def comparable(self) -> bool:
        return self.quantity.kind in COMPARABLE_KINDS

    @property
    def is_count(self) -> bool:
        return self.quantity.kind in (Kind.COUNT, Kind.DECIMAL)


@dataclass(slots=True)
class SentenceInfo:
    """A sentence's text and the drafts found in it."""

    block: int
    start: int
    text: str
    drafts: list[int] = field(default_factory=list)
    ends_with_colon: bool = False


@dataclass(slots=True)
class Listing:
    """People a document lists (with ages, towns or names) against a stated count."""

    count: int  # draft index of the stated count
    items: int  # how many people the list names
    first: tuple[int, int]  # (block, offset in block text) of the first item


class Extractor:
    """Read one document and build its figures."""

    def __init__(self, document: Document, vocabulary: Vocabulary, doc_index: int = 0) -> None:
        self.document = document
        self.vocabulary = vocabulary
        self.doc_index = doc_index
        self.scopes = ScopeReader(document.published)
        self.drafts: list[Draft] = []
        self.sentences: list[SentenceInfo] = []
        self.listings: list[Listing] = []
        self.current_scope: Scope = UNKNOWN_SCOPE
        self._sentence_index = _SentenceIndex("", [])
        self.last_event: Scope | None = None
        self.heading_entities: dict[int, str | None] = {}
        self.default_entity = self._default_entity()
        self.programme = self._programme()

    # ------------------------------------------------------------------ reading

    def run(self) -> list[Figure]:
        tables: dict[int, list[str]] = {}
        for index, block in enumerate(self.document.blocks):
            if block.kind is BlockKind.ROW:
                self._read_row(index, block, tables)
            else:
                self._read_block(index, block)
        # Imported here to keep the reading order of this module top-down.
        from checks.extract.people import find_listings
        from checks.extract.relations import link_relations

        link_relations(self)
        self.listings = find_listings(self)
        return self._freeze()

    def _read_block(self, index: int, block: Block) -> None:
        if block.kind is BlockKind.HEADING:
            self._enter_heading(block)
        block_entity: str | None = None
        for sentence in split_sentences(block.text):
            info = SentenceInfo(
                index,
                sentence.start,
                sentence.text,
                ends_with_colon=sentence.text.rstrip().endswith(":"),
            )
            self.sentences.append(info)
            block_entity = self._read_sentence(info, sentence, block_entity)

    def _enter_heading(self, block: Block) -> None:
        level = block.level or 1
        for deeper in [lvl for lvl in self.heading_entities if lvl >= level]:
            del self.heading_entities[deeper]
        mentions = self._entity_mentions(block.text)
        self.heading_entities[level] = mentions[0].entity if mentions else None

    def _set_scope(self, scope: Scope) -> None:
        self.current_scope = scope
        if scope.kind is ScopeKind.EVENT or (
            scope.kind is ScopeKind.PERIOD
            and scope.start
            and scope.end
            and (scope.end - scope.start).days <= 31
            and "to" in scope.label
        ):
            self.last_event = scope

    def _section_entity(self) -> str | None:
        for level in sorted(self.heading_entities, reverse=True):
            if self.heading_entities[level]:
                return self.heading_entities[level]
        return None

    def _read_sentence(
        self, info: SentenceInfo, sentence: Sentence, inherited: str | None
    ) -> str | None:
        text = sentence.text
        dates = find_dates(text, self.document.published)
        cues = self.scopes.cues(text, dates)
        mentions = self._entity_mentions(text)
        quantities = find_quantities(text)
        self._sentence_index = _SentenceIndex(text, quantities)
        fallback = inherited or self._section_entity() or self.default_entity
        sentence_index = len(self.sentences) - 1
        for quantity in quantities:
            draft = Draft(quantity, info.block, sentence_index, info.start, text)
            self._attribute(draft, quantities, cues, mentions, fallback)
            info.drafts.append(len(self.drafts))
            self.drafts.append(draft)
        first_cue = next(
            (c for c in cues if (c.scope is not None or c.to_event) and c.sticky), None
        )
        if first_cue is not None:
            self._set_scope(resolve(first_cue, self.current_scope, self.last_event))
        return mentions[-1].entity if mentions else inherited

    def _attribute(
        self,
        draft: Draft,
        quantities: list[Quantity],
        cues: list[ScopeCue],
        mentions: list[EntityMention],
        fallback: str | None,
    ) -> None:
        quantity, text = draft.quantity, draft.context
        if not draft.comparable and quantity.kind is not Kind.CHANGE:
            return
        after = skip_parenthetical(text, quantity.end)
        noun = counted_noun(text, after)
        draft.noun, draft.noun_end, draft.partitive = noun.phrase, noun.end, noun.partitive
        if draft.is_count:
            self._attribute_metric(draft, text, quantities)
        draft.entity = _nearest_entity(mentions, quantity.start, quantity.end) or fallback
        draft.scope = self._scope_for(quantity, quantities, cues, text)

    def _attribute_metric(self, draft: Draft, text: str, quantities: list[Quantity]) -> None:
        metrics = self.vocabulary.metrics
        draft.metric = metrics.by_noun(draft.noun)
        if draft.noun is None or is_person_noun(draft.noun) or draft.partitive:
            hit = metrics.verb_after(text, draft.noun_end)
            appositive = _APPOSITIVE.match(text, draft.noun_end)
            if hit is None and appositive:  # "Two men, aged 25 and 39, were arrested"
                hit = metrics.verb_after(text, appositive.end())
            if hit is None:
                hit = metrics.verb_before(text, draft.quantity.start)
                # "arrested nearly 250 people and more than 300 children are safer": a
                # count with a predicate of its own does not borrow the verb of the
                # count before it; "arrested 12 men and three women" does.
                previous = (
                    self._sentence_index.last_count_before(draft.quantity.start)
                    if hit is not None
                    else None
                )
                if (
                    previous is not None
                    and previous.start > hit.start
                    and (  # type: ignore[union-attr]
                        _OWN_PREDICATE.match(text, draft.noun_end)
                        or not _COORDINATED.match(text[previous.end : draft.quantity.start])
                    )
                ):
                    hit = None
            if hit is not None:
                draft.metric = draft.metric or hit.metric
                draft.verb = verb_stem(hit.word)
        if draft.verb is None:
            draft.verb = _person_verb_stem(metrics, text, draft)

    def _scope_for(
        self, quantity: Quantity, quantities: list[Quantity], cues: list[ScopeCue], text: str
    ) -> Scope:
        index = self._sentence_index
        starts = [c.start for c in cues]
        position = bisect.bisect_left(starts, quantity.end)
        if position < len(cues):
            following = cues[position]
            blocked = index.has_count(quantity.end, following.start) or index.has_punctuation(
                quantity.end, following.start
            )
            if not blocked:
                return resolve(following, self.current_scope, self.last_event)
        # A comparison ("the year before") reaches only a figure in its own clause.
        for cue in reversed(cues[:position]):
            if cue.end > quantity.start:
                continue
            if cue.sticky or not index.has_punctuation(cue.end, quantity.start):
                return resolve(cue, self.current_scope, self.last_event)
        return self.current_scope

    def _read_row(self, index: int, block: Block, tables: dict[int, list[str]]) -> None:
        cells = [block.text[c.start : c.end] for c in block.cells] or [block.text]
        table = block.table if block.table is not None else -1
        if block.cells and all(c.header for c in block.cells):
            tables[table] = cells
            for cue in self.scopes.cues(" ".join(cells)):
                self._set_scope(resolve(cue, self.current_scope, self.last_event))
                break
            self.sentences.append(SentenceInfo(index, 0, block.text))
            return
        headers = tables.get(table, [])
        label_mentions = self._entity_mentions(cells[0]) if cells else []
        row_entity = label_mentions[0].entity if label_mentions else None
        if row_entity is None and cells and not find_quantities(cells[0]):
            # A row no rule file names (an area, an incident type) is its own entity.
            row_entity = "label:" + " ".join(cells[0].lower().split())
        sentence_index = len(self.sentences)
        info = SentenceInfo(index, 0, block.text)
        self.sentences.append(info)
        for position, cell in enumerate(block.cells or ()):
            cell_text = block.text[cell.start : cell.end]
            quantities = find_quantities(cell_text)
            if position == 0 and row_entity is not None:
                continue
            header = headers[position] if position < len(headers) else ""
            for quantity in quantities:
                shifted = _shift(quantity, cell.start)
                draft = Draft(shifted, index, sentence_index, 0, block.text)
                if draft.comparable or shifted.kind is Kind.CHANGE:
                    self._attribute_cell(draft, cell_text, quantity, header)
                    draft.entity = row_entity or self._section_entity() or self.default_entity
                    draft.scope = self.current_scope
                info.drafts.append(len(self.drafts))
                self.drafts.append(draft)

    def _attribute_cell(
        self, draft: Draft, cell_text: str, quantity: Quantity, header: str
    ) -> None:
        noun = counted_noun(cell_text, skip_parenthetical(cell_text, quantity.end))
        draft.noun = noun.phrase or (header.strip() or None)
        draft.noun_end = noun.end + (draft.quantity.start - quantity.start)
        metrics = self.vocabulary.metrics
        draft.metric = metrics.by_noun(noun.phrase)
        if draft.metric is None and noun.phrase is None:
            hit = metrics.verb_after(cell_text, quantity.end)
            draft.metric = hit.metric if hit else None
        if draft.metric is None and header:
            draft.metric = metrics.by_noun(header) or _metric_from_header(metrics, header)

    # ---------------------------------------------------------------- entities

    def _entity_mentions(self, text: str) -> list[EntityMention]:
        """Return entity mentions, a list of several ("Staffordshire, Warwickshire and
        West Mercia") merged into one mention of the entity they make up."""
        found = self.vocabulary.entities.find(text) or organisations(text)
        aliases = [m for m in found if not m.by_place] or found
        merged: list[EntityMention] = []
        group: list[EntityMention] = []
        for mention in aliases:
            if group and _LIST_JOIN.match(text[group[-1].end : mention.start]):
                group.append(mention)
                continue
            if group:
                merged.append(self._merge(group))
            group = [mention]
        if group:
            merged.append(self._merge(group))
        return merged

    def _merge(self, group: list[EntityMention]) -> EntityMention:
        if len(group) == 1:
            return group[0]
        if any(m.entity.startswith("org:") for m in group):
            return group[0]
        whole = self.vocabulary.entities.common_whole([m.entity for m in group])
        return EntityMention(group[0].start, group[-1].end, whole or group[0].entity, False)

    def _programme(self) -> str | None:
        """Return the operation a release reports on ("Operation Keystone"), if it names one:
        "since launch" totals of different operations are different quantities."""
        texts = [self.document.title or "", *(b.text for b in self.document.blocks)]
        names = Counter(m.group(1).title() for t in texts for m in _PROGRAMME.finditer(t))
        return f"Operation {names.most_common(1)[0][0]}" if names else None

    def _default_entity(self) -> str | None:
        area = self.document.metadata.get("area") if self.document.metadata else None
        if isinstance(area, str):
            mentions = self._entity_mentions(area)
            if mentions:
                return mentions[0].entity
        for block in self.document.blocks:
            if block.kind is BlockKind.ROW:
                continue
            for sentence in split_sentences(block.text):
                mentions = self._entity_mentions(sentence.text)
                if mentions:
                    return mentions[0].entity
        return None

    # ------------------------------------------------------------------ output

    def _freeze(self) -> list[Figure]:
        for number, draft in enumerate(self.drafts, start=1):
            draft.id = f"d{self.doc_index + 1}f{number}"
        figures = [self._figure(draft) for draft in self.drafts]
        for listing in self.listings:
            figures.append(self._listing_figure(listing, len(figures) + 1))
        return figures

    def _position(self, block_index: int, start: int, end: int) -> tuple[int, int, int, int, int]:
        block = self.document.blocks[block_index]
        raw_start = block.raw_offset(start)
        raw_end = block.raw_end(end)
        line, column = self.document.position(raw_start)
        end_line, end_column = self.document.position(max(raw_end - 1, raw_start))
        return raw_start, line, column, end_line, end_column + 1

    def _figure(self, draft: Draft) -> Figure:
        quantity = draft.quantity
        start = draft.sentence_start + quantity.start
        offset, line, column, end_line, end_column = self._position(
            draft.block, start, draft.sentence_start + quantity.end
        )
        about = self.drafts[draft.about].id if draft.about is not None else None
        scope = draft.scope
        if scope.kind is ScopeKind.CUMULATIVE and self.programme:
            scope = replace(scope, label=f"since launch of {self.programme}")
        return Figure(
            id=draft.id,
            path=self.document.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            offset=offset,
            text=quantity.text,
            kind=quantity.kind,
            value=quantity.value,
            low=quantity.low,
            high=quantity.high,
            qualifier=quantity.qualifier,
            noun=draft.noun,
            metric=draft.metric,
            entity=draft.entity,
            scope=scope,
            block=draft.block,
            sentence=draft.sentence,
            context=draft.context,
            at=quantity.start,
            relation=draft.relation,
            about=about,
            parts=draft.parts,
        )

    def _listing_figure(self, listing: Listing, number: int) -> Figure:
        count = self.drafts[listing.count]
        block_index, start = listing.first
        offset, line, column, _end_line, _end_column = self._position(block_index, start, start + 1)
        noun = count.noun or "people"
        return Figure(
            id=f"d{self.doc_index + 1}f{number}",
            path=self.document.path,
            line=line,
            column=column,
            end_line=line,
            end_column=column,
            offset=offset,
            text=f"{listing.items} listed",
            kind=Kind.LISTED,
            value=listing.items,
            low=listing.items,
            high=listing.items,
            noun=noun,
            metric=count.metric,
            entity=count.entity,
            scope=count.scope,
            block=block_index,
            sentence=count.sentence,
            context=count.context,
            relation="listing",
            about=count.id,
        )


def _nearest_entity(mentions: list[EntityMention], start: int, end: int) -> str | None:
    before = [m for m in mentions if m.end <= start]
    if before:
        return before[-1].entity
    after = [m for m in mentions if m.start >= end]
    return after[0].entity if after else None


def _shift(quantity: Quantity, by: int) -> Quantity:
    from dataclasses import replace

    return replace(quantity, start=quantity.start + by, end=quantity.end + by)


def _metric_from_header(metrics: MetricMatcher, header: str) -> str | None:
    for word in re.findall(r"[A-Za-z]+", header):
        metric = metrics.verb_metric(word)
        if metric:
            return metric
    return None


def _person_verb_stem(metrics: MetricMatcher, text: str, draft: Draft) -> str | None:
    """Return the stem of a person verb governing a count of people, if any."""
    if not (draft.noun is None or is_person_noun(draft.noun) or draft.partitive):
        if not (draft.noun and draft.noun.split()[-1].lower().startswith("arrest")):
            return None
        return "arrest"
    window = text[draft.noun_end : draft.noun_end + 40]
    stem = metrics.person_verb_near(re.split(r"[,;:.]", window)[0])
    if stem:
        return stem
    clause = re.split(r"[.;:()]", text[: draft.quantity.start])[-1]
    words = clause.split()[-6:]
    return metrics.person_verb_near(" ".join(words))


def extract_figures(
    document: Document, rules: RuleSet | Vocabulary | None = None, doc_index: int = 0
) -> list[Figure]:
    """Return every figure in ``document``, attributed with the rule set's vocabulary.

    ``doc_index`` numbers the document within a run, so figure ids stay unique
    across documents ("d2f14" is the 14th figure of the second document).
    """
    if rules is None:
        rules = RuleSet.empty()
    vocabulary = rules if isinstance(rules, Vocabulary) else Vocabulary(rules)
    return Extractor(document, vocabulary, doc_index).run()
