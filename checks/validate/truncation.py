"""Text cut off mid-way: ``truncated``.

A paragraph that stops without closing punctuation after a number ("and
safeguarded 491") has lost the noun the number counts: an error, because the
figure can no longer be read.  One that stops on a word that cannot end a
sentence ("... indecent images of", "and a further") has lost the rest of the
sentence: a warning, because the figures in it may be incomplete.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.extract.language import DANGLING_WORDS
from checks.model import Block, BlockKind, Document, Figure, Finding, Kind, Rule, Severity
from checks.validate.batch import Batch
from checks.validate.claims import Claim, Interval

DANGLING_NUMBER = "figcheck.number-has-noun"
CUT_SENTENCE = "figcheck.sentence-complete"
CHECKS = {
    DANGLING_NUMBER: "A number at the end of a paragraph is followed by what it counts.",
    CUT_SENTENCE: "A paragraph does not stop in the middle of a sentence.",
}
_CLOSED = re.compile(r"[.!?…:;\"'”’)\]»*]\s*$")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z'’\-]*)\W*$")


def claims(batch: Batch) -> Iterator[Claim]:
    for document in batch.documents:
        figures = batch.by_path.get(document.path, [])
        last_figure = {f.block: f for f in figures if f.kind is not Kind.LISTED}
        for index, block in enumerate(document.blocks):
            if block.kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
                continue
            claim = _claim(document, block, last_figure.get(index))
            if claim is not None:
                yield claim


def _claim(document: Document, block: Block, figure: Figure | None) -> Claim | None:
    text = block.text.rstrip()
    if not text or len(text.split()) < 3:
        return None
    closed = bool(_CLOSED.search(text))
    if (
        figure is not None
        and block.kind is BlockKind.PARAGRAPH
        and _ends_with(text, figure)
        and figure.kind is Kind.COUNT
        and not figure.noun
    ):
        message = (
            f'"{_tail(text)}" ends with the number {figure.text} and nothing it counts: '
            "the sentence looks cut off."
        )
        hint = (f'Add what {figure.text} counts (for example "{figure.text} children") '
                "and finish the sentence.")
        finding = _finding(
            document,
            block,
            len(text) - len(figure.text),
            len(text),
            message,
            hint,
            DANGLING_NUMBER,
            Severity.ERROR,
            figure,
        )
        return Claim(DANGLING_NUMBER, Interval.point(0), Interval.point(1), finding, (figure.id,))
    word = _LAST_WORD.search(text)
    dangling = (
        not closed and word is not None and word.group(1).lower().strip("'’") in DANGLING_WORDS
    )
    start = word.start(1) if word else len(text) - 1
    message = f'"{_tail(text)}" stops in the middle of a sentence.'
    hint = "Restore the end of the sentence; a figure in it may be incomplete."
    finding = _finding(
        document, block, start, len(text), message, hint, CUT_SENTENCE, Severity.WARNING, None
    )
    return Claim(CUT_SENTENCE, Interval.point(0 if dangling else 1), Interval.point(1), finding)


def _ends_with(text: str, figure: Figure) -> bool:
    """Say whether the text stops right after the figure, which follows a word
    ("freed 185"), not a label ("False alarms: 4,302")."""
    if not text.endswith(figure.text) or _CLOSED.search(text):
        return False
    before = text[: len(text) - len(figure.text)].rstrip()
    return bool(before) and before[-1].isalpha()


def _tail(text: str, words: int = 6) -> str:
    return "... " + " ".join(text.split()[-words:]) if len(text.split()) > words else text


def _finding(
    document: Document,
    block: Block,
    start: int,
    end: int,
    message: str,
    hint: str,
    check: str,
    severity: Severity,
    figure: Figure | None,
) -> Finding:
    if figure is not None:
        line, column = figure.line, figure.column
        end_line, end_column = figure.end_line, figure.end_column
    else:
        raw_start = block.raw_offset(start)
        line, column = document.position(raw_start)
        end_line, end_column = document.position(max(block.raw_end(end) - 1, raw_start))
        end_column += 1
    return Finding(
        rule=Rule.TRUNCATED,
        severity=severity,
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        message=message,
        hint=hint,
        check=check,
    )
