"""Generate a corpus of seed-like press releases for the benchmark.

The releases imitate the ones in ``seeds/`` and the development corpus: joint
releases of the four West Midlands forces (days of action, "since launch"
progress updates with force-by-force breakdowns, lists of people arrested by age
and town) and releases of forces the rule files do not know (knife amnesties,
drugs operations with percentage changes).  About one opportunity in twelve
carries a planted error: a total that does not add up, a force left out of a
breakdown, a list one person short, a weekday that does not match its date, more
people charged than arrested, a wrong percentage, a cumulative total that falls,
a sentence cut off after a number, an impossible age.

Generation is deterministic: the same seed and count give byte-identical files.
Cumulative figures are a function of the programme, force, metric and date, so
two consistent releases of the same day agree and totals grow over time.

Usage::

    python bench/generate.py 5000                      # into bench/out/docs-5000
    python bench/generate.py 200 --out /tmp/docs --seed 7

Generated files are never committed: ``bench/out/`` belongs in ``.gitignore``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_OUT = BENCH / "out"
DEFAULT_SEED = 2017
MANIFEST = "manifest.json"
FILES_PER_FOLDER = 1000  # keeps directories small at 50,000 documents
FIRST_DAY = date(2016, 1, 4)
LAST_DAY = date(2024, 12, 20)
ERROR_RATE = 1 / 12

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_SHORT = ("Mon", "Tues", "Wed", "Thurs", "Fri", "Sat", "Sun")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


# --------------------------------------------------------------------------- the world


@dataclass(frozen=True, slots=True)
class Force:
    """A police force (or alliance) as releases name it."""

    key: str
    name: str
    short: str
    places: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Programme:
    """A joint operation whose cumulative figures grow from its launch."""

    name: str
    launched: date
    subject: str  # what the offenders are suspected of
    metrics: tuple[str, ...]  # cumulative metrics it reports, in reporting order


WEST_MIDLANDS = (
    Force("staffordshire", "Staffordshire Police", "Staffordshire",
          ("Stafford", "Stone", "Fenton", "Stoke-on-Trent", "Hanley", "Longton", "Lichfield",
           "Cannock", "Leek", "Tamworth", "Burton upon Trent", "Newcastle-under-Lyme",
           "Uttoxeter", "Rugeley")),
    Force("west-midlands", "West Midlands Police", "West Midlands",
          ("Birmingham", "Coventry", "Wolverhampton", "Walsall", "Dudley", "Solihull",
           "West Bromwich", "Erdington", "Bilston", "Sutton Coldfield", "Smethwick",
           "Halesowen", "Stourbridge")),
    Force("warwickshire-west-mercia", "Warwickshire and West Mercia",
          "Warwickshire and West Mercia",
          ("Nuneaton", "Rugby", "Leamington Spa", "Warwick", "Bedworth", "Worcester", "Redditch",
           "Shrewsbury", "Telford", "Hereford", "Kidderminster", "Bromsgrove", "Evesham")),
)
NORTH_WEST = (
    Force("lancashire", "Lancashire Constabulary", "Lancashire",
          ("Preston", "Blackburn", "Burnley", "Lancaster", "Blackpool", "Chorley")),
    Force("cumbria", "Cumbria Constabulary", "Cumbria",
          ("Carlisle", "Kendal", "Barrow-in-Furness", "Workington", "Penrith")),
    Force("merseyside", "Merseyside Police", "Merseyside",
          ("Liverpool", "Birkenhead", "St Helens", "Southport", "Bootle")),
    Force("greater-manchester", "Greater Manchester Police", "Greater Manchester",
          ("Manchester", "Stockport", "Oldham", "Bolton", "Wigan", "Salford")),
)
PROGRAMMES = (
    Programme("Safenet", date(2015, 7, 1), "possession of indecent images of children",
              ("investigations", "arrests", "children")),
    Programme("Keystone", date(2017, 10, 2), "distributing indecent images of children",
              ("investigations", "warrants", "arrests", "children")),
)
# People, warrants or children per force per day since launch, by metric.
DAILY_RATES = {
    "investigations": (0.18, 0.35, 0.20),
    "warrants": (0.11, 0.23, 0.13),
    "arrests": (0.10, 0.21, 0.12),
    "children": (0.13, 0.27, 0.16),
}
CUMULATIVE_PHRASES = {
    "investigations": "carried out {} investigations",
    "warrants": "executed {} warrants",
    "arrests": "arrested {} people",
    "children": "safeguarded {} children",
}
TABLE_HEADINGS = {
    "investigations": "Investigations", "warrants": "Warrants", "arrests": "Arrests",
    "children": "Children safeguarded",
}
OFFICERS = ("Detective Sergeant Steve Chadwick", "Detective Chief Superintendent Alison Pryce",
            "Detective Inspector Karen Whitfield", "Sergeant Chris Hood",
            "Chief Inspector Raj Patel", "Superintendent Helen Cole")
QUOTES = (
    "We will continue to tackle this issue and take enforcement action to protect children "
    "until we know children are safe.",
    "Every warrant we carry out starts with information from someone who cared enough to come "
    "forward. Please keep telling us what you see.",
    "Offenders should understand that the forces now share intelligence as a matter of routine, "
    "so a county boundary will not protect them.",
    "It can be horrific looking at the images, and we do have a buddy system so that nobody "
    "goes through it alone.",
)
BOILERPLATE = (
    "Anyone with information about a child at risk should call 101, or 999 in an emergency.",
    "Information can also be passed anonymously to Crimestoppers on 0800 555 111.",
    "More detail on each force's approach can be found on their websites.",
)


# --------------------------------------------------------------------------- wording


def number_words(value: int) -> str:
    """Spell out 0 to 99 the way releases do: "seven", "twenty-seven"."""
    if value < 20:
        return UNITS[value]
    tens, units = divmod(value, 10)
    return TENS[tens] + (f"-{UNITS[units]}" if units else "")


def long_date(day: date, weekday: bool = True, year: bool = True) -> str:
    """Return "Wednesday 1 February 2017" (optionally without weekday or year)."""
    text = f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def grouped(value: int) -> str:
    return f"{value:,}"


def plural(count: int, noun: str) -> str:
    return noun if count == 1 else noun + "s"


def and_join(items: Sequence[str], separator: str = ", ") -> str:
    """Join "a", "b", "c" as "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return separator.join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------- releases


@dataclass(slots=True)
class Release:
    """A release being written: title, date, blocks and the errors planted in it."""

    title: str
    published: date
    blocks: list[tuple[str, object]] = field(default_factory=list)
    planted: list[str] = field(default_factory=list)

    def add(self, kind: str, content: object) -> None:
        self.blocks.append((kind, content))


class Writer:
    """Write varied releases from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.random = random.Random(seed)

    def facts(self, *key: object) -> random.Random:
        """Return a generator for facts about ``key`` (a day of action, a period).

        Every release that reports the same event draws the same figures from
        it, so consistent releases agree with each other across the corpus.
        """
        return random.Random(":".join(map(str, (self.seed, *key))))

    # ---------------------------------------------------------------- helpers

    def chance(self, probability: float) -> bool:
        return self.random.random() < probability

    def planted(self, release: Release, rule: str) -> bool:
        """Say (at the error rate) whether to plant a ``rule`` error here, and note it."""
        if self.chance(ERROR_RATE):
            release.planted.append(rule)
            return True
        return False

    def count_text(self, value: int, capital: bool = False) -> str:
        """Write a small count as a word half the time ("Three"), else as digits."""
        if value < 20 and self.chance(0.5):
            word = number_words(value)
            return word.capitalize() if capital else word
        return grouped(value)

    def cumulative(self, programme: Programme, force: int, metric: str, day: date) -> int:
        days = max((day - programme.launched).days, 1)
        return int(DAILY_RATES[metric][force] * days) + 3

    def publication_day(self) -> date:
        span = (LAST_DAY - FIRST_DAY).days
        return FIRST_DAY + timedelta(days=self.random.randrange(span))

    def people(self, count: int, places: Sequence[str]) -> list[str]:
        """Return ``count`` people by age and town: "a 55-year-old from Stafford"."""
        return [f"a {self.random.randint(18, 71)}-year-old from {self.random.choice(places)}"
                for _ in range(count)]

    # ---------------------------------------------------------------- paragraphs

    def day_of_action(self, release: Release, programme: Programme, action_day: date,
                      same_day: bool) -> None:
        """Add the opening, force paragraphs with listed suspects, and the region total."""
        weekday = action_day.weekday()
        if self.planted(release, "date"):
            weekday = (weekday + self.random.randint(1, 6)) % 7
        when = (f"this morning ({WEEKDAY_SHORT[weekday]})" if same_day
                else f"on {WEEKDAYS[weekday]} {long_date(action_day, weekday=False, year=False)}")
        names = and_join([force.short for force in WEST_MIDLANDS])
        release.add("p", f"Officers from {names} were out {when} targeting offenders as part of "
                         f"an Operation {programme.name} day of action.")
        facts = self.facts("day of action", action_day)
        total_warrants = total_arrests = 0
        for force in WEST_MIDLANDS:
            arrests = facts.randint(1, 5)
            warrants = arrests + facts.randint(0, 3)
            total_warrants += warrants
            total_arrests += arrests
            listed = arrests
            if self.planted(release, "count"):
                listed = arrests + self.random.choice((-1, 1)) if arrests > 1 else 2
            was = "was" if warrants == 1 else "were"
            release.add("p", f"{self.count_text(warrants, capital=True)} "
                             f"{plural(warrants, 'warrant')} {was} executed in {force.short} "
                             f"resulting in {self.count_text(arrests)} "
                             f"{plural(arrests, 'arrest')}.")
            suspects = self.people(listed, force.places)
            suspects[0] = suspects[0][0].upper() + suspects[0][1:]
            verb = "was" if listed == 1 else "were all"
            release.add("p", f"{and_join(suspects, '; ')} {verb} arrested on suspicion of "
                             f"{programme.subject}.")
        stated = total_arrests
        if self.planted(release, "sum"):
            stated += self.random.choice((-2, -1, 1, 3))
        release.add("p", f"Across the region the teams executed {total_warrants} warrants and "
                         f"arrested {stated} people on the day.")

    def since_launch(self, release: Release, programme: Programme, as_of: date) -> None:
        """Add the region's cumulative totals and a force-by-force breakdown."""
        metrics = programme.metrics
        values = {m: [self.cumulative(programme, i, m, as_of) for i in range(3)] for m in metrics}
        region = {m: sum(values[m]) for m in metrics}
        if self.planted(release, "trend"):
            metric = self.random.choice(metrics)
            region[metric] = max(region[metric] * 17 // 20, 1)  # below earlier releases
        elif self.planted(release, "sum"):
            metric = self.random.choice(metrics)
            region[metric] += self.random.randint(1, 25)
        phrases = [CUMULATIVE_PHRASES[m].format(grouped(region[m])) for m in metrics]
        release.add("p", f"Since Operation {programme.name} was launched across the region, the "
                         f"teams have {and_join(phrases)}.")
        if self.chance(0.35):
            self.breakdown_table(release, programme, values, region)
            return
        skipped = self.random.randrange(3) if self.planted(release, "missing") else None
        for index, force in enumerate(WEST_MIDLANDS):
            given = [m for m in metrics if not (index == skipped and m == metrics[0])]
            phrases = [CUMULATIVE_PHRASES[m].format(grouped(values[m][index])) for m in given]
            opener = self.random.choice(("Since it was launched in {}, the team have",
                                         "In {}, officers have", "Officers from {} have"))
            release.add("p", f"{opener.format(force.short)} {and_join(phrases)}.")

    def breakdown_table(self, release: Release, programme: Programme,
                        values: dict[str, list[int]], region: dict[str, int]) -> None:
        metrics = programme.metrics
        header = ["Since launch", *(TABLE_HEADINGS[m] for m in metrics)]
        rows = [[force.name, *(grouped(values[m][i]) for m in metrics)]
                for i, force in enumerate(WEST_MIDLANDS)]
        rows.append(["West Midlands region", *(grouped(region[m]) for m in metrics)])
        release.add("h2", "Force by force")
        release.add("table", [header, *rows])

    def year_on_year(self, release: Release, subject: str, noun: str) -> None:
        """Add a "rose from X to Y, an increase of Z%" sentence (sometimes wrong)."""
        facts = self.facts("year on year", noun, release.published)
        before = facts.randint(80, 2400)
        after = before + facts.randint(-before // 3, before // 2)
        if after == before:
            after += 7
        change = (after - before) / before * 100
        stated = round(abs(change))
        if self.planted(release, "arithmetic"):
            stated += self.random.choice((-9, -5, 4, 8, 12))
            stated = abs(stated) or 3
        direction = "rose" if after > before else "fell"
        word = "an increase" if after > before else "a fall"
        release.add("p", f"Compared with the previous year, {subject} {direction} from "
                         f"{grouped(before)} to {grouped(after)} {noun}, {word} of {stated}%.")

    def charged_subset(self, release: Release, programme: Programme, force: int) -> None:
        """Add "arrested N people, of whom M have been charged" (sometimes M > N)."""
        day = release.published
        arrested = (self.cumulative(programme, force, "arrests", day)
                    - self.cumulative(programme, force, "arrests", day - timedelta(days=365)))
        arrested = max(arrested, 2)
        facts = self.facts("charged", programme.name, force, day)
        charged = facts.randint(arrested // 3, arrested)
        if self.planted(release, "order"):
            charged = arrested + self.random.randint(1, 9)
        release.add("p", f"In the last 12 months {WEST_MIDLANDS[force].name} arrested "
                         f"{arrested} people, of whom {charged} have been charged.")

    def quote(self, release: Release) -> None:
        officer = self.random.choice(OFFICERS)
        release.add("p", f"{officer} said: \u201c{self.random.choice(QUOTES)}\u201d")

    def truncated(self, release: Release) -> None:
        if self.planted(release, "truncated"):
            release.add("p", f"Digital forensic examiners have reviewed "
                             f"{self.random.randint(20, 90)} devices and officers have "
                             f"safeguarded {self.random.randint(5, 40)}")

    def impossible_age(self, release: Release, places: Sequence[str]) -> None:
        if self.planted(release, "range"):
            release.add("p", f"A {self.random.randint(300, 900)}-year-old man from "
                             f"{self.random.choice(places)} was also arrested.")

    # ---------------------------------------------------------------- kinds of release

    def regional_day_of_action(self) -> Release:
        programme = self.random.choice(PROGRAMMES)
        published = max(self.publication_day(), programme.launched + timedelta(days=60))
        same_day = self.chance(0.5)
        action_day = (published if same_day
                      else published - timedelta(days=self.random.randint(1, 5)))
        release = Release(f"Operation {programme.name}: day of action across the region", published)
        release.add("p", "Police forces across the region are warning those who view sexually "
                         "explicit images of children that they will be caught.")
        self.day_of_action(release, programme, action_day, same_day)
        if self.chance(0.7):
            self.since_launch(release, programme, published)
        self.quote(release)
        self.impossible_age(release, WEST_MIDLANDS[0].places)
        self.truncated(release)
        release.add("p", self.random.choice(BOILERPLATE))
        return release

    def progress_update(self) -> Release:
        programme = self.random.choice(PROGRAMMES)
        published = max(self.publication_day(), programme.launched + timedelta(days=120))
        release = Release(f"Operation {programme.name}: progress update", published)
        release.add("p", f"Operation {programme.name}, the programme run jointly by the police "
                         f"forces of the West Midlands region, has published its latest figures "
                         f"on {long_date(published)}.")
        self.since_launch(release, programme, published)
        release.add("h2", "The last 12 months")
        self.charged_subset(release, programme, self.random.randrange(len(WEST_MIDLANDS)))
        self.year_on_year(release, "the number of referrals", "referrals")
        self.quote(release)
        self.truncated(release)
        release.add("p", self.random.choice(BOILERPLATE))
        return release

    def single_force(self) -> Release:
        force = self.random.choice(WEST_MIDLANDS)
        published = self.publication_day()
        release = Release(f"{force.name}: arrests following warrants", published)
        facts = self.facts("force", force.key, published)
        referrals = facts.randint(120, 600)
        children = facts.randint(60, 300)
        release.add("p", f"In the last 12 months, officers have acted on more than {referrals} "
                         f"referrals. In addition, over the last year around {children} children "
                         f"have been safeguarded.")
        arrests = facts.randint(2, 7)
        listed = arrests
        if self.planted(release, "count"):
            listed = arrests - 1
        warrants = arrests + facts.randint(0, 4)
        release.add("p", f"And over the last two weeks, the team have carried out "
                         f"{self.count_text(warrants)} warrants and arrested "
                         f"{self.count_text(arrests)} men.")
        for suspect in self.people(listed, force.places):
            release.add("p", f"{suspect[0].upper()}{suspect[1:]} man was arrested on suspicion of "
                             f"possession of an indecent image of a child. He was bailed pending "
                             f"further enquiries.")
        self.impossible_age(release, force.places)
        self.quote(release)
        self.truncated(release)
        return release

    def other_region(self) -> Release:
        published = self.publication_day()
        weeks = self.random.randint(1, 3)
        start = published - timedelta(days=7 * weeks + self.random.randint(1, 10))
        facts = self.facts("amnesty", start, weeks)
        end = start + timedelta(days=7 * weeks - 1)
        release = Release("Knife amnesty: weapons handed in across the North West", published)
        start_weekday = start.weekday()
        if self.planted(release, "date"):
            start_weekday = (start_weekday + 1) % 7
        counts = [facts.randint(40, 2000) for _ in NORTH_WEST]
        stated = sum(counts)
        qualifier = ""
        if self.chance(0.3):
            stated = (stated // 100) * 100
            qualifier = "more than "
        elif self.planted(release, "sum"):
            stated += self.random.randint(5, 300)
        release.add("p", f"From {WEEKDAYS[start_weekday]} {long_date(start, weekday=False)} to "
                         f"{long_date(end)}, {qualifier}{grouped(stated)} knives were surrendered "
                         f"at police stations across the North West:")
        for force, count in zip(NORTH_WEST, counts, strict=True):
            release.add("li", f"{grouped(count)} in {force.short}")
        self.year_on_year(release, "the number of knives handed in", "knives")
        arrested = facts.randint(10, 90)
        release.add("p", f"During the same period {arrested} people were arrested for possession "
                         f"of a bladed article in {facts.choice(NORTH_WEST).places[0]}.")
        self.impossible_age(release, NORTH_WEST[0].places)
        self.quote(release)
        self.truncated(release)
        return release

    def release(self) -> Release:
        kind = self.random.choices(
            (self.regional_day_of_action, self.progress_update, self.single_force,
             self.other_region),
            weights=(4, 3, 2, 2),
        )[0]
        return kind()


# --------------------------------------------------------------------------- formats


def wrap(text: str, rng: random.Random) -> str:
    """Hard-wrap a paragraph like text copied from a PDF, a third of the time."""
    if rng.random() < 0.33:
        return textwrap.fill(text, width=rng.randint(78, 90))
    return text


def date_line(day: date, rng: random.Random) -> str:
    choice = rng.randrange(3)
    if choice == 0:
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if choice == 1:
        return f"Date: {long_date(day)}"
    return long_date(day)


def as_text(release: Release, rng: random.Random) -> str:
    """Render as plain text: title, a date line, paragraphs, "Force: figures" rows."""
    lines = [release.title, "", date_line(release.published, rng), ""]
    for kind, content in release.blocks:
        if kind == "table":
            rows = content  # type: ignore[assignment]
            header = rows[0]
            lines.append("Results by force:")
            for row in rows[1:]:
                cells = [f"{value} {header[i + 1].lower()}" for i, value in enumerate(row[1:])]
                lines.append(f"{row[0]}: {', '.join(cells)}.")
            lines.append("")
        elif kind == "li":
            lines.extend([f"- {content}", ""])
        else:
            lines.extend([wrap(str(content), rng), ""])
    if rng.random() < 0.3:
        lines.extend(["", "Share on Facebook", "Share on Twitter", "Please reload"])
    return "\n".join(lines) + "\n"


def as_markdown(release: Release, rng: random.Random) -> str:
    """Render as Markdown with YAML front matter (plain or fenced)."""
    day = release.published
    if rng.random() < 0.7:
        head = ["---", f'title: "{release.title}"',
                f"url: https://news.example/{day.isoformat()}/{rng.randrange(10**6)}",
                f"date: {day.isoformat()}", "---", ""]
    else:
        head = ["```yaml", "publish:", f"  date: 09:{rng.randint(10, 59)} {day:%d/%m/%Y}",
                f'title: "{release.title}"', "```", ""]
    lines = [*head, f"# {release.title}", "", long_date(day), ""]
    for kind, content in release.blocks:
        if kind == "table":
            rows = content  # type: ignore[assignment]
            lines.append("| " + " | ".join(rows[0]) + " |")
            lines.append("|" + "---|" * len(rows[0]))
            lines.extend("| " + " | ".join(row) + " |" for row in rows[1:])
            lines.append("")
        elif kind == "h2":
            lines.extend([f"## {content}", ""])
        elif kind == "li":
            lines.append(f"- {content}")
        else:
            if lines and lines[-1].startswith("- "):
                lines.append("")
            lines.extend([str(content), ""])
    return "\n".join(lines) + "\n"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def as_html(release: Release, rng: random.Random) -> str:
    """Render as an HTML page with navigation, share links and a footer."""
    body = [f"<h1>{escape(release.title)}</h1>",
            f'<p class="date">{long_date(release.published)}</p>']
    in_list = False
    for kind, content in release.blocks:
        if kind == "li" and not in_list:
            body.append("<ul>")
            in_list = True
        elif kind != "li" and in_list:
            body.append("</ul>")
            in_list = False
        if kind == "table":
            rows = content  # type: ignore[assignment]
            body.append("<table>")
            body.append("<tr>" + "".join(f"<th>{escape(c)}</th>" for c in rows[0]) + "</tr>")
            body.extend("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                        for row in rows[1:])
            body.append("</table>")
        elif kind == "h2":
            body.append(f"<h2>{escape(str(content))}</h2>")
        elif kind == "li":
            body.append(f"<li>{escape(str(content))}</li>")
        else:
            body.append(f"<p>{escape(str(content))}</p>")
    if in_list:
        body.append("</ul>")
    nav = ('<nav class="site"><a href="/">Home</a> &middot; <a href="/news/">News</a> &middot; '
           '<a href="/appeals/">Appeals</a> &middot; <a href="/contact/">Contact</a></nav>')
    share = ('<div class="share">Share: <a href="#">Facebook</a> <a href="#">Twitter</a> '
             '<a href="#">Email</a></div>')
    footer = ("<footer><p>In an emergency call 999 &middot; "
              '<a href="/privacy/">Privacy notice</a> &middot; '
              f"Ref {rng.randrange(10**5)}</p></footer>")
    page = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
            f"<title>{escape(release.title)} - news</title>", "</head>", "<body>", nav,
            "<article>", *body, "</article>", share, footer, "</body>", "</html>"]
    return "\n".join(page) + "\n"


RENDERERS = (("txt", as_text), ("md", as_markdown), ("html", as_html))


# --------------------------------------------------------------------------- corpus


def document_path(root: Path, index: int, suffix: str) -> Path:
    return root / f"{index // FILES_PER_FOLDER:03d}" / f"release-{index:06d}.{suffix}"


def is_generated(root: Path, count: int, seed: int = DEFAULT_SEED) -> bool:
    """Say whether ``root`` already holds the corpus ``generate(root, count, seed)`` writes."""
    try:
        summary = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return summary.get("count") == count and summary.get("seed") == seed


def generate(root: Path, count: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write ``count`` releases under ``root`` and a ``manifest.json``; return their paths.

    The manifest records the count and seed and lists, per file, the rules whose
    errors were planted in it.
    """
    writer = Writer(seed)
    paths: list[Path] = []
    manifest: dict[str, list[str]] = {}
    for index in range(count):
        release = writer.release()
        suffix, render = RENDERERS[index % len(RENDERERS)]
        path = document_path(root, index, suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(release, writer.random), encoding="utf-8")
        paths.append(path)
        manifest[path.relative_to(root).as_posix()] = release.planted
    summary = {"count": count, "seed": seed, "planted": manifest}
    (root / MANIFEST).write_text(json.dumps(summary, indent=0, sort_keys=True), encoding="utf-8")
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="how many releases to write")
    parser.add_argument("--out", type=Path, default=None,
                        help=f"directory to write into (default {DEFAULT_OUT}/docs-COUNT)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("count must be at least 1")
    root = args.out or DEFAULT_OUT / f"docs-{args.count}"
    paths = generate(root, args.count, args.seed)
    sys.stdout.write(f"wrote {len(paths)} releases under {root}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
