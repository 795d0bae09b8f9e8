"""The rule catalogue: what each rule checks, why, and how to fix what it finds.

One :class:`RuleDoc` per :class:`~checks.model.Rule`, in fixed sections after
ruff's rule pages.  The same text feeds ``figcheck rules``, ``figcheck
explain``, the generated pages in ``docs/rules/`` and the SARIF rule metadata.

Examples are release passages as a press office would write them, each opening
with its publication date (a ``Date:`` dateline, or front matter in Markdown),
which the weekday and trend checks need.  A rule that compares releases gives
one passage per release, in publication order, each with its own ``Date:``
line; :func:`release_passages` splits them.  ``example_format``
says how a passage is read: ``"text"`` or ``"markdown"``.
"""

from __future__ import annotations

import difflib
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from checks.model import RULE_CODES, Rule, Severity

SECTIONS = (
    ("what", "What it checks"),
    ("why", "Why it matters"),
    ("example", "Example"),
    ("use_instead", "Use instead"),
    ("fix_safety", "Fix safety"),
    ("options", "Options"),
)


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """The documentation of one rule: its identity, then ruff-style sections.

    ``what``, ``why``, ``fix_safety`` and ``options`` are paragraphs separated by
    blank lines (a line opening with ``- `` is a list item); ``example`` and
    ``use_instead`` are verbatim release passages.
    """

    rule: Rule
    code: str
    slug: str
    title: str
    default_severity: Severity
    what: str
    why: str
    example: str
    use_instead: str
    fix_safety: str
    options: str
    example_format: str = "text"

    def record(self) -> dict[str, Any]:
        """Return every field as JSON-ready data."""
        return {
            "code": self.code,
            "slug": self.slug,
            "rule": self.rule.value,
            "title": self.title,
            "default_severity": self.default_severity.value,
            **{name: getattr(self, name) for name, _ in SECTIONS},
            "example_format": self.example_format,
        }


class UnknownRuleError(KeyError):
    """A code, slug or rule name that names no rule; ``str()`` is the message."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown rule"


# --------------------------------------------------------------------------- the rules

_SUM = RuleDoc(
    rule=Rule.SUM,
    code=RULE_CODES[Rule.SUM],
    slug="parts-add-up-to-total",
    title="A total differs from the sum of its parts",
    default_severity=Severity.ERROR,
    what=(
        "Compares a total with the sum of its parts when every part is given. "
        "The parts come from two places:\n\n"
        "- the text itself: a total followed by its breakdown in the same passage "
        '("A total of 2,310 knives ... Staffordshire Police received 804, West Midlands '
        'Police 1,116 and the alliance 420");\n'
        "- a rule file's `sum` rule: the whole entity's figure for a metric and period "
        "against its parts' figures for the same metric and period. A part that is "
        "itself made of parts counts either way: its own figure, or the sum of its "
        "parts' figures.\n\n"
        'Figures are compared as intervals, so "more than 1,600" agrees with '
        '934 + 574 + 126 and "around 230" allows for the rounding the word admits. '
        "When a rule file's breakdown has no figure at all for one part, FC102 "
        "reports it instead."
    ),
    why=(
        "Readers, journalists and statisticians add breakdowns up. A total that "
        "disagrees with its parts means at least one published figure is wrong, and "
        "whichever one is quoted on, the release has put a wrong number into "
        "circulation."
    ),
    example=(
        "Date: Monday 4 November 2019\n\n"
        "A total of 2,310 knives were handed in. Staffordshire Police received 804, "
        "West Midlands Police 1,116 and the Warwickshire and West Mercia alliance 420.\n"
    ),
    use_instead=(
        "Date: Monday 4 November 2019\n\n"
        "A total of 2,340 knives were handed in. Staffordshire Police received 804, "
        "West Midlands Police 1,116 and the Warwickshire and West Mercia alliance 420.\n"
    ),
    fix_safety=(
        "Not safe to apply blindly. The finding gives the sum of the parts, but "
        "figcheck cannot tell whether the total or one of the parts is wrong: setting "
        "the total to the sum would hide a mistyped part. Check every figure against "
        "its source."
    ),
    options=(
        "Totals stated in the text need no rule file. In a rule file, a `sum` rule "
        "sets `sum.whole` and optionally `sum.parts` (by default the whole entity's "
        "`parts`), `metrics` (a list of metric ids, or `all`), `tolerance` (an "
        "absolute allowance, 0 or more) and `severity`. Entities' `aliases` and "
        "`places` decide which entity a figure belongs to."
    ),
)

_MISSING = RuleDoc(
    rule=Rule.MISSING,
    code=RULE_CODES[Rule.MISSING],
    slug="breakdown-part-missing",
    title="A breakdown gives the other parts but not this one",
    default_severity=Severity.ERROR,
    what=(
        "For a rule file's `sum` rule, reports a whole whose breakdown leaves a part "
        "out: the release gives the whole and some parts for a metric and period, and "
        "reports on the missing part for that period (with figures for other metrics), "
        "but gives it no figure for this metric. The message states how much of the "
        "total is unaccounted for. When one of the missing part's other figures equals "
        "that gap exactly, the hint names it as the likely mislabelled figure.\n\n"
        "A release that never mentions the part is not breaking anything down for it "
        "and is not reported."
    ),
    why=(
        "A gap in a breakdown leaves the total unverifiable, and it is often the "
        "trace of a copy-and-paste slip: in the Operation Safenet release of "
        "1 February 2017, West Midlands Police's 117 investigations were published as "
        '"117 warrants", leaving the region\'s 593 investigations 117 short.'
    ),
    example=(
        "Date: Wednesday 1 February 2017\n\n"
        "Since launch, the region has arrested 353 people. Staffordshire Police "
        "arrested 134 people and the Warwickshire and West Mercia alliance arrested "
        "119, while West Midlands Police has executed 100 warrants.\n"
    ),
    use_instead=(
        "Date: Wednesday 1 February 2017\n\n"
        "Since launch, the region has arrested 353 people. Staffordshire Police "
        "arrested 134 people, West Midlands Police 100 and the Warwickshire and West "
        "Mercia alliance 119.\n"
    ),
    fix_safety=(
        "Not safe to apply blindly. A figure that equals the gap is a strong clue, "
        "not proof: the numbers may match by coincidence. Confirm the missing figure "
        "with the force that supplied it before relabelling anything."
    ),
    options=(
        "Needs a rule file. The `sum` rule's `sum.whole`, `sum.parts`, `metrics` and "
        "`severity` apply as for FC101; the entities' `parts` define the breakdown, "
        "and their `aliases` and `places` decide whose figure is whose."
    ),
)

_COUNT = RuleDoc(
    rule=Rule.COUNT,
    code=RULE_CODES[Rule.COUNT],
    slug="count-matches-list",
    title="A stated number of people differs from the people listed",
    default_severity=Severity.ERROR,
    what=(
        'Compares a stated number of people ("Four men have been charged:", '
        '"arrested six men") with the number of people the release goes on to list. '
        'A listed person is one given with an age ("Lee Granger, 34, of Hanley", '
        '"a 55-year-old from Stafford"); "two men, aged 25 and 39" counts as two. '
        "A list belongs to the count that introduces it, to the count before it in "
        "the same sentence or paragraph, or, over a run of paragraphs or list items, "
        "to the nearest earlier count with the same verb."
    ),
    why=(
        "A count that disagrees with its list usually means a name was added or "
        "dropped late, or the headline figure was not updated. Either the release "
        "names someone it did not mean to, or it leaves out someone it should have "
        "named, and both are the kind of error that needs a correction notice."
    ),
    example=(
        "Date: Wednesday 8 June 2022\n\n"
        "Four men have been charged:\n\n"
        "- Lee Granger, 34, of Hanley\n"
        "- Paul Ince, 41, of Longton\n"
        "- Gareth Boyce, 29, of Fenton\n"
        "- Imran Shah, 52, of Kidsgrove\n"
        "- Tomasz Nowak, 38, of Biddulph\n"
    ),
    use_instead=(
        "Date: Wednesday 8 June 2022\n\n"
        "Five men have been charged:\n\n"
        "- Lee Granger, 34, of Hanley\n"
        "- Paul Ince, 41, of Longton\n"
        "- Gareth Boyce, 29, of Fenton\n"
        "- Imran Shah, 52, of Kidsgrove\n"
        "- Tomasz Nowak, 38, of Biddulph\n"
    ),
    fix_safety=(
        "Not safe to apply blindly. Changing the count to the number listed is right "
        "only if the list is complete and correct; the error may be a person listed "
        "who was released without charge, or one left out."
    ),
    options="none",
    example_format="markdown",
)

_ORDER = RuleDoc(
    rule=Rule.ORDER,
    code=RULE_CODES[Rule.ORDER],
    slug="part-within-whole",
    title="A figure exceeds a figure it is part of",
    default_severity=Severity.ERROR,
    what=(
        "Reports a figure larger than one it cannot exceed:\n\n"
        '- a subset stated in the text and its total ("arrested 31 people, of whom '
        '35 have been charged", "of them", "including");\n'
        "- a rule file's `order` rule, per entity and period (people charged cannot "
        "outnumber people arrested);\n"
        "- a figure for a shorter period inside a longer one, for the same entity and "
        "metric (39 arrests in a February fortnight against 34 in the year to "
        "31 March; a day of action against the total since launch)."
    ),
    why=(
        "A part larger than its whole is impossible, so one of the two figures is "
        "wrong, and the contradiction sits in plain view of any reader who compares "
        "them."
    ),
    example=(
        "Date: Wednesday 30 June 2021\n\n"
        "Officers in Wolverhampton arrested 31 people, of whom 35 have been charged.\n"
    ),
    use_instead=(
        "Date: Wednesday 30 June 2021\n\n"
        "Officers in Wolverhampton arrested 35 people, of whom 31 have been charged.\n"
    ),
    fix_safety=(
        "Not safe to apply blindly. figcheck knows the two figures are in the wrong "
        "order, not which one is wrong; swapping them, as in the example, is only "
        "right when the source says so."
    ),
    options=(
        "Subsets stated in the text need no rule file. Nested periods need a rule "
        "file's metrics and entities, to know that two figures count the same thing "
        "for the same body. In a rule file, an `order` rule sets `order.smaller` and "
        "`order.larger` (metric ids) and `severity`."
    ),
)

_CONFLICT = RuleDoc(
    rule=Rule.CONFLICT,
    code=RULE_CODES[Rule.CONFLICT],
    slug="same-figure-same-value",
    title="The same figure is given two different values",
    default_severity=Severity.ERROR,
    what=(
        "Reports a quantity stated twice with values that cannot both be true: in one "
        "release, two figures for the same entity, metric and period; across "
        "releases, two figures for the same entity, metric and exactly the same dated "
        "period (the same day of action, or a total since launch as at the same date). "
        "The later statement carries the finding. Figures that are parts of a "
        "breakdown are left to FC101 and FC102."
    ),
    why=(
        "A figure restated in the closing paragraph or in a follow-up release is the "
        "one most often quoted. When it differs from the first statement, at least "
        "one is wrong, and readers cannot tell which."
    ),
    example=(
        "Date: Wednesday 1 February 2017\n\n"
        "Since launch, Staffordshire Police has arrested 134 people.\n\n"
        "The force's figures since launch: Staffordshire Police has arrested "
        "143 people.\n"
    ),
    use_instead=(
        "Date: Wednesday 1 February 2017\n\n"
        "Since launch, Staffordshire Police has arrested 134 people.\n\n"
        "The force's figures since launch: Staffordshire Police has arrested "
        "134 people.\n"
    ),
    fix_safety=(
        "Not safe to apply blindly. Either statement may be the wrong one, and a "
        "transposed pair of digits (134 and 143) looks the same from both sides."
    ),
    options=(
        "Needs a rule file: metrics' `nouns` and `verbs` and entities' `aliases` and "
        "`places` decide when two figures count the same thing for the same body. "
        "There are no rule-level keys."
    ),
)

_TREND = RuleDoc(
    rule=Rule.TREND,
    code=RULE_CODES[Rule.TREND],
    slug="cumulative-never-falls",
    title="A total since launch is lower than in an earlier release",
    default_severity=Severity.ERROR,
    what=(
        'Compares totals "since launch" (or "to date") across the releases checked '
        "together: for the same entity and metric, a later release cannot give a "
        "smaller cumulative total than an earlier one. Releases are ordered by their "
        "publication date; the later one carries the finding. The example is two "
        "releases, each with its dateline."
    ),
    why=(
        "A running total can only grow. One that falls shows a typing error, a "
        "figure for a shorter period passed off as the total, or a change of "
        "definition that the release does not explain."
    ),
    example=(
        "Date: Wednesday 1 February 2017\n\n"
        "Since launch, Staffordshire Police has arrested 134 people.\n\n"
        "Date: Wednesday 1 March 2017\n\n"
        "Since launch, Staffordshire Police has arrested 128 people.\n"
    ),
    use_instead=(
        "Date: Wednesday 1 February 2017\n\n"
        "Since launch, Staffordshire Police has arrested 134 people.\n\n"
        "Date: Wednesday 1 March 2017\n\n"
        "Since launch, Staffordshire Police has arrested 148 people.\n"
    ),
    fix_safety=(
        "Not safe to apply blindly. The earlier figure sets a floor, not the right "
        "value: the correct total is at least that figure plus whatever happened in "
        "between."
    ),
    options=(
        "Needs a rule file: metrics and entities, as for FC105. Only the releases "
        "checked in the same run are compared, so pass the earlier releases too."
    ),
)

_DATE = RuleDoc(
    rule=Rule.DATE,
    code=RULE_CODES[Rule.DATE],
    slug="weekday-matches-date",
    title="A weekday does not match its date",
    default_severity=Severity.ERROR,
    what=(
        'Checks every weekday written with a date ("Wednesday 14 September") against '
        "the calendar, and every weekday written with today, yesterday or tomorrow "
        '("this morning (Thurs)") against the publication date. A date without a year '
        "takes the year that puts it nearest the publication date. Also reports dates "
        'that do not exist ("30 February").'
    ),
    why=(
        "A wrong weekday makes readers doubt the date, and the date is what courts, "
        "witnesses and appeals rely on. It is also the error most often introduced "
        "when a release drafted one day is published the next."
    ),
    example=(
        "Date: Friday 17 September 2021\n\n"
        "Officers executed a warrant in Hanley on Wednesday 14 September.\n"
    ),
    use_instead=(
        "Date: Friday 17 September 2021\n\n"
        "Officers executed a warrant in Hanley on Tuesday 14 September.\n"
    ),
    fix_safety=(
        "Not safe to apply blindly. The hint offers both repairs, the right weekday "
        "or the nearest date with that weekday, because either half may be the "
        "mistake; only the source can say which."
    ),
    options=(
        "none (the publication date is read from front matter, `date`, `publish.date` "
        "or `published`, or from a dateline near the top of the release)"
    ),
)

_TRUNCATED = RuleDoc(
    rule=Rule.TRUNCATED,
    code=RULE_CODES[Rule.TRUNCATED],
    slug="text-not-cut-off",
    title="A sentence or figure is cut off",
    default_severity=Severity.ERROR,
    what=(
        "Reports paragraphs and list items that stop part-way:\n\n"
        "- an error when the text ends, without closing punctuation, on a count with "
        'nothing it counts ("... and safeguarded 491"), because the figure can no '
        "longer be read;\n"
        "- a warning when it ends, without closing punctuation, on a word that "
        'cannot end a sentence ("... indecent images of", "and a further"), because '
        "the figures in it may be incomplete.\n\n"
        "Headings, table rows and passages of fewer than three words are not checked."
    ),
    why=(
        "Text lost when a release is pasted between systems takes figures with it. "
        'A bare "491" leaves the reader to guess what was counted, and a half '
        "sentence may have held the qualification that made a figure true."
    ),
    example=(
        "Date: Wednesday 1 February 2017\n\n"
        "Since launch, officers have arrested 353 people and safeguarded 491\n"
    ),
    use_instead=(
        "Date: Wednesday 1 February 2017\n\n"
        "Since launch, officers have arrested 353 people and safeguarded 491 children.\n"
    ),
    fix_safety=(
        "Not safe to apply blindly. figcheck cannot know the missing words; restore "
        "them from the source rather than finishing the sentence by guesswork."
    ),
    options="none",
)

_ARITHMETIC = RuleDoc(
    rule=Rule.ARITHMETIC,
    code=RULE_CODES[Rule.ARITHMETIC],
    slug="stated-change-matches",
    title="A stated change does not match its two figures",
    default_severity=Severity.ERROR,
    what=(
        "Recomputes changes stated in a sentence from the two figures the sentence "
        'gives: a percentage change ("rose by 7% from 23,391 to 24,876" is 6.3%) and '
        'a difference ("fell by 1.2m tonnes to 27.5m tonnes, against 28.5m tonnes"; '
        '"121 people, three more than last year\'s 118"). The rounding of every '
        "number involved is allowed for. The hint recognises two common slips: the "
        "absolute change written as a percentage, and the change divided by the later "
        "figure instead of the earlier one."
    ),
    why=(
        "Percentage changes are the figures headlines are made of. A wrong one "
        "misstates the trend even when both underlying figures are right."
    ),
    example=(
        "Date: Thursday 5 January 2023\n\n"
        "Reports of burglary rose by 7% from 23,391 to 24,876.\n"
    ),
    use_instead=(
        "Date: Thursday 5 January 2023\n\n"
        "Reports of burglary rose by 6% from 23,391 to 24,876.\n"
    ),
    fix_safety=(
        "Usually not. The recomputed change is right only if both figures are; when "
        "the stated change came from the source and a figure was mistyped, correcting "
        "the change makes the release consistently wrong."
    ),
    options="none",
)

_RANGE = RuleDoc(
    rule=Rule.RANGE,
    code=RULE_CODES[Rule.RANGE],
    slug="value-possible",
    title="A value cannot be true",
    default_severity=Severity.ERROR,
    what=(
        "Reports values outside what is possible: a person's age above 120 "
        '("a 370-year-old man") and a negative count. For an impossible age the hint '
        "suggests the ages left by dropping one digit (370 gives 37 or 70)."
    ),
    why=(
        "An impossible value is a typing error that spell checkers pass, and in a "
        "court report an age is part of identifying the defendant."
    ),
    example=(
        "Date: Thursday 5 January 2023\n\n"
        "A 370-year-old man from Stafford has been charged with burglary.\n"
    ),
    use_instead=(
        "Date: Thursday 5 January 2023\n\n"
        "A 37-year-old man from Stafford has been charged with burglary.\n"
    ),
    fix_safety=(
        "Not safe to apply blindly. The suggested ages are guesses from dropping a "
        "digit; 370 may as well have been 73."
    ),
    options="none",
)

_REFERENCE = RuleDoc(
    rule=Rule.REFERENCE,
    code=RULE_CODES[Rule.REFERENCE],
    slug="suppression-used",
    title="A suppression comment suppresses nothing",
    default_severity=Severity.WARNING,
    what=(
        "Reports inline suppression comments that do no good: a `<!-- figcheck disable "
        "CODE -->`, `disable-next-line`, `disable-line`, `disable-file` or `off` that "
        "suppressed no finding in the run; one that names a code, rule name or slug "
        "figcheck does not know; an `on` or `enable` that closes nothing; and a "
        "`figcheck` comment that cannot be parsed. These findings are warnings."
    ),
    why=(
        "A suppression outlives the error it was written for. Left in place it will "
        "silently hide the next real error at that spot, and a mistyped code "
        "suppresses nothing while looking as if it does."
    ),
    example=(
        "---\n"
        "date: 2021-03-26\n"
        "---\n\n"
        "<!-- figcheck disable-next-line FC103 -- list checked by the press office -->\n"
        "Six men were arrested on Thursday 25 March.\n"
    ),
    use_instead=(
        "---\n"
        "date: 2021-03-26\n"
        "---\n\n"
        "Six men were arrested on Thursday 25 March.\n"
    ),
    fix_safety=(
        "Deleting a suppression that suppressed nothing is safe once you have checked "
        "that the rule it names ran: a suppression of a rule-file check is idle when "
        "that rule file was not loaded. Correct a mistyped code rather than deleting "
        "the comment."
    ),
    options=(
        "The comments themselves, in Markdown and HTML releases: `<!-- figcheck off -->` "
        "... `<!-- figcheck on -->`, `<!-- figcheck disable CODE -->` ... "
        "`<!-- figcheck enable CODE -->`, `disable-next-line`, `disable-line` and "
        "`disable-file`, each taking codes, rule names or slugs and an optional reason "
        "after ` -- `. Plain-text releases cannot hold comments; use a baseline for them."
    ),
    example_format="markdown",
)

CATALOG: Mapping[Rule, RuleDoc] = MappingProxyType({
    doc.rule: doc
    for doc in (_SUM, _MISSING, _COUNT, _ORDER, _CONFLICT, _TREND, _DATE, _TRUNCATED,
                _ARITHMETIC, _RANGE, _REFERENCE)
})

# --------------------------------------------------------------------------- lookups


def _keys() -> dict[str, RuleDoc]:
    keys: dict[str, RuleDoc] = {}
    for doc in CATALOG.values():
        keys[doc.code.lower()] = doc
        keys[doc.slug] = doc
        keys[doc.rule.value] = doc
    return keys


_BY_KEY = _keys()


def lookup(key: str) -> RuleDoc:
    """Return the doc of the rule a code ("FC101", any case), slug or rule name names.

    :raises UnknownRuleError: (a ``KeyError``) naming the closest known keys.
    """
    normal = key.strip().lower()
    found = _BY_KEY.get(normal)
    if found is not None:
        return found
    close = difflib.get_close_matches(normal, list(_BY_KEY), n=3, cutoff=0.6)
    names = [_display(k) for k in close]
    hint = f" (did you mean {_either(names)}?)" if names else ""
    raise UnknownRuleError(
        f"unknown rule {key!r}{hint}; `figcheck rules` lists the codes, slugs and names"
    )


def _either(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _display(key: str) -> str:
    return key.upper() if re.fullmatch(r"fc\d+", key) else key


def release_passages(text: str) -> tuple[str, ...]:
    """Split an example into its releases: a new one starts at each later ``Date:`` line."""
    parts = re.split(r"\n\s*\n(?=Date: )", text.strip("\n"))
    return tuple(part.strip("\n") + "\n" for part in parts)


# --------------------------------------------------------------------------- rendering


def as_text(doc: RuleDoc, width: int = 79) -> str:
    """Return the doc as terminal text: headed sections, examples indented."""
    lines = [f"{doc.code} {doc.slug} ({doc.rule.value})", doc.title + ".", "",
             f"Default severity: {doc.default_severity.value}"]
    for name, heading in SECTIONS:
        lines += ["", heading, "-" * len(heading)]
        value: str = getattr(doc, name)
        if name in ("example", "use_instead"):
            lines += [f"    {line}".rstrip() for line in value.rstrip("\n").split("\n")]
        else:
            lines += _wrapped(value, width)
    return "\n".join(lines) + "\n"


def as_markdown(doc: RuleDoc) -> str:
    """Return the doc as a Markdown page: examples fenced, with their format."""
    fence = "markdown" if doc.example_format == "markdown" else "text"
    lines = [f"# {doc.code} {doc.slug}", "", f"{doc.title}.", "",
             f"Rule `{doc.rule.value}`, default severity **{doc.default_severity.value}**."]
    for name, heading in SECTIONS:
        lines += ["", f"## {heading}", ""]
        value: str = getattr(doc, name)
        if name in ("example", "use_instead"):
            lines += [f"````{fence}", value.rstrip("\n"), "````"]
        else:
            lines.append(value.strip())
    return "\n".join(lines) + "\n"


def _wrapped(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        if lines:
            lines.append("")
        for line in paragraph.split("\n"):
            if line.startswith("- "):
                lines += textwrap.wrap(line, width, initial_indent="", subsequent_indent="  ")
            else:
                lines += textwrap.wrap(line, width)
    return lines
