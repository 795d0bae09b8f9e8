"""Find every number mentioned in a sentence, with its kind and the values it allows.

The finder works on tokens (digit chains, letter runs, single punctuation
marks) rather than on one large regular expression: every decision looks at a
fixed number of neighbouring tokens, so the work is linear in the length of the
text and no pattern can backtrack catastrophically.

Numbers that are not quantities (years, dates, times, ages, durations, phone
numbers, references, ordinals) are recognised and labelled, so that later
stages never take "Section 160" or "call 101" for a count.  Qualifiers ("more
than", "around", "between ... and") and the precision a figure is written to
("8.47 million", "7%") become the ``low``/``high`` bounds of each quantity.

Values are stated in one unit per kind: money in pounds (or the currency
written; "20p" is 0.2), ages in years (a "six-month-old" is 0.5), times in
hours on the 24-hour clock ("2.15 pm" is 14.25), dates as the day of the month,
years and year spans as their first year (``high`` is the last), phone numbers
as their digits, and changes as unsigned sizes (the direction is in the words).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import Enum
from heapq import merge
from itertools import accumulate, compress
from operator import eq, itemgetter

from checks.model import Kind, Quantity

__all__ = ["find_quantities"]


def _wordlist(text: str) -> list[str]:
    """Split a space-separated vocabulary string into its words."""
    return text.split()


# A digit chain longer than this is not prose (a hash, a pasted table); it is skipped whole.
_MAX_CHAIN = 1000

# Digit chains keep their inner separators ("1,107", "16.1", "09:26", "26/03/2021");
# each repetition needs a separator followed by digits, so matching is linear.
# A run of eight or more punctuation marks (rules, ASCII art) is one token: no rule
# reads that far into punctuation, and it keeps hostile input cheap.
# Splitting on the one capturing group yields gap, token, gap, token, ..., gap.
_TOKEN = re.compile(r"([0-9]+(?:[.,:/][0-9]+)*|[^\W\d_]+|[^\w\s%£$€¥]{8,}|[^\w\s])")
_DIGITS = frozenset("0123456789")
_MAX_LISTED = 40  # longer chains with stray commas are junk, not "25,39"-style typos
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?")

_PAD = 8  # empty tokens after the last one; rules never look further than this
_HYPHENS = frozenset({"-", "–"})

# --------------------------------------------------------------------------- vocabulary

_UNITS = {
    word: value
    for value, word in enumerate(
        _wordlist(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS = {
    word: 10 * (index + 2)
    for index, word in enumerate(_wordlist("twenty thirty forty fifty sixty seventy eighty ninety"))
}
_ORDINALS = {
    word: index + 1
    for index, word in enumerate(
        _wordlist(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
        )
    )
}
_ORDINALS.update(
    {
        word: 10 * (index + 2)
        for index, word in enumerate(
            _wordlist(
                "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
            )
        )
    }
)
_ORDINALS.update({"hundredth": 100, "thousandth": 1000, "millionth": 1_000_000})
_FRACTION_PLURALS = frozenset(
    _wordlist(
        "halves thirds quarters fourths fifths sixths sevenths eighths ninths tenths twentieths "
        "hundredths thousandths"
    )
)
_FRACTIONS = frozenset({*_FRACTION_PLURALS, *_ORDINALS, "half", "quarter", "fraction"})
_WORD_STARTS = frozenset({*_UNITS, *_TENS, *_ORDINALS, "a", "half"})
_A_HEADS = frozenset({"dozen", "hundred", "thousand", "million", "billion", "trillion"})
# Where a number word can start ("a" and "half" only before "dozen", "million" ...), matched
# in lower-cased text: a plain alternation of literals lets the regex engine skip quickly
# over text that holds none, where a look-behind or IGNORECASE would test every position.
# Whether a letter comes just before a hit is checked afterwards ("someone").
_LETTER = re.compile(r"[^\W\d_]")
_NUMBER_WORD_PATTERN = (
    "(?:"
    + "|".join(sorted({*_UNITS, *_TENS, *_ORDINALS}, key=len, reverse=True))
    + r"|a(?=\s+(?:"
    + "|".join(sorted(_A_HEADS))
    + r")(?![^\W\d_]))"
    + r"|half(?=\s+a(?![^\W\d_])))(?![^\W\d_])"
)
_NUMBER_WORD = re.compile(_NUMBER_WORD_PATTERN)
_NUMBER_WORD_ANY_CASE = re.compile(_NUMBER_WORD_PATTERN, re.IGNORECASE)
_DIGIT = re.compile("[0-9]")
_EXACT_SCALES = {"hundred": 100.0, "thousand": 1000.0}
_ROUND_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
_GLUED_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}

# "one" is a pronoun, not a count, after these words ("no one", "every one", "the one").
_ONE_PRONOUN_BEFORE = frozenset(
    _wordlist(
        "no every each the this that which any another last little young big same right wrong other"
    )
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_ABBREVIATIONS = frozenset(_wordlist("jan feb mar apr jun jul aug sep sept oct nov dec"))
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

# Time units name a duration after a number; their value in years converts ages.
_TIME_UNITS = {
    "second": 1 / 31_557_600,
    "seconds": 1 / 31_557_600,
    "sec": 1 / 31_557_600,
    "secs": 1 / 31_557_600,
    "minute": 1 / 525_960,
    "minutes": 1 / 525_960,
    "min": 1 / 525_960,
    "mins": 1 / 525_960,
    "hour": 1 / 8766,
    "hours": 1 / 8766,
    "hr": 1 / 8766,
    "hrs": 1 / 8766,
    "day": 1 / 365.25,
    "days": 1 / 365.25,
    "night": 1 / 365.25,
    "nights": 1 / 365.25,
    "week": 7 / 365.25,
    "weeks": 7 / 365.25,
    "wk": 7 / 365.25,
    "wks": 7 / 365.25,
    "weekend": 7 / 365.25,
    "weekends": 7 / 365.25,
    "fortnight": 14 / 365.25,
    "fortnights": 14 / 365.25,
    "month": 1 / 12,
    "months": 1 / 12,
    "year": 1.0,
    "years": 1.0,
    "yr": 1.0,
    "yrs": 1.0,
    "decade": 10.0,
    "decades": 10.0,
    "century": 100.0,
    "centuries": 100.0,
}
_RATE_UNITS = frozenset(
    ["second", "minute", "hour", "day", "night", "week", "fortnight", "month", "year", "weekend"]
)
_AGE_SUFFIXES = frozenset({"old", "olds"})
_GLUED_AGE = frozenset({"yearold", "yearolds"})

# Measurement units written straight after digits ("5km", "30mph"); case matters ("5G").
_GLUED_MEASURES = frozenset(
    _wordlist(
        "km kg mg g ml cl cm mm ft lb lbs oz ha kw kwh mw mwh gw gwh gb mb tb kb hz ghz mhz t l sqm"
    )
)
_GLUED_SPEEDS = frozenset({"mph", "kph", "kmh"})
_GLUED_DURATIONS = frozenset(
    {"h", "hr", "hrs", "min", "mins", "sec", "secs", "yr", "yrs", "wk", "wks"}
)
_GLUED_POINTS = frozenset({"pp", "ppt", "ppts"})
_CURRENCIES = frozenset({"£", "$", "€", "¥"})
_MONEY_WORDS = frozenset({"pounds", "pence", "euros", "euro", "dollars", "quid"})

# Words after which a number is a label, not an amount ("Section 160", "Channel 4").
_REFERENCE_WORDS = frozenset(
    _wordlist(
        "section sections article articles schedule schedules chapter chapters clause clauses "
        "paragraph paragraphs regulation regulations appendix annex page pages channel tier "
        "category junction platform terminal version season episode volume vol level phase stage "
        "room log ref reference"
    )
)
# Ambiguous in lower case ("took part 2 weeks ago"), so only when capitalised.
_CAPITAL_REFERENCE_WORDS = frozenset(
    _wordlist(
        "Part Parts Figure Table Unit Step Question Number Red Amber Green Box Bus Gate Flight "
        "Route Zone Ward Band Grade Rule Item PC DC PS PCSO Sgt"
    )
)
_REFERENCE_BEFORE_HYPHEN = frozenset({"covid", "sars"})
# The last word of a street name: the number before "12 High Street" is an address.
_STREET_WORDS = frozenset(
    _wordlist(
        "Street Road Lane Avenue Close Drive Way Court Place Crescent Terrace Square Gardens "
        "Grove Row Walk Parade St Rd"
    )
)

_SERVICE_NUMBERS = frozenset({"101", "999", "111", "112", "105", "119"})
_CALL_WORDS = frozenset(
    _wordlist(
        "call calls calling called dial dialling dialing dialled dialed ring ringing rang phone "
        "phoning phoned text texting contact on via"
    )
)
_PHONE_NOUNS = frozenset(
    _wordlist("call calls caller callers service services line lines number operator operators")
)

_YEAR_PREPOSITIONS = frozenset(
    _wordlist(
        "in since of during by until till from to before after between and or early late mid "
        "summer spring autumn winter around circa"
    )
)
_YEAR_NOUNS = frozenset(
    _wordlist(
        "figures statistics stats results elections accounts levels rates totals games olympics "
        "awards floods riots numbers data reports"
    )
)

_NOT_PLURAL = frozenset(
    _wordlist(
        "this was has does its his hers ours yours theirs thus plus always across unless towards "
        "afterwards whereas perhaps versus yes bus gas news series means species status census "
        "campus bonus virus chaos basis crisis analysis alias lens whilst besides sometimes "
        "nowadays sideways thanks"
    )
)
_IRREGULAR_PLURALS = frozenset(
    _wordlist(
        "people children men women police staff personnel cattle sheep youths feet teeth mice geese"
    )
)
_PERSON_NOUNS = frozenset(["man", "woman", "boy", "girl", "teenager", "youth", "mother", "father"])

_CHANGE_PREFIXES = (("a", "further"), ("an", "additional"), ("an", "extra"), ("another",))
_CHANGE_COMPARATIVES = frozenset({"more", "fewer", "less"})
_CHANGE_VERBS = frozenset(
    _wordlist(
        "rose rise rises risen rising fell fall falls fallen falling increased increase increases "
        "increasing decreased decrease decreases decreasing dropped drop drops dropping reduced "
        "reduce reduces reducing cut cuts cutting grew grow grows grown growing up down declined "
        "decline declines declining"
    )
)
_CHANGE_NOUNS = frozenset(
    ["rise", "fall", "increase", "decrease", "drop", "reduction", "cut", "growth", "decline"]
)
_BE_VERBS = frozenset(["is", "was", "are", "were", "be", "been", "being"])

_RATE_LINKS = frozenset({"a", "an", "per", "each", "every"})
_RATE_BLOCKERS = frozenset(
    _wordlist(
        "in on at for of over within during than from to by after before with and or the this "
        "that these those last next first same whole"
    )
)
_RATE_FOLLOWERS = frozenset({"of", "later", "earlier", "after", "before", "ago"})

_OVER_VERBS = frozenset(
    _wordlist(
        "hand hands handed handing turn turns turned took take takes taken taking pass passed "
        "sign signed carried ran run left"
    )
)


class _Bound(Enum):
    """How a qualifier widens the stated value X."""

    AT_LEAST = "at least"  # [X, inf]
    JUST_OVER = "just over"  # [X, 1.1X]
    AT_MOST = "at most"  # [0, X]
    ALMOST = "almost"  # [0.9X, X]
    ABOUT = "about"  # [0.9X, 1.1X]
    STATED = "stated"  # recorded only: the precision alone bounds the value


def _phrases(bound: _Bound, *phrases: str) -> dict[tuple[str, ...], _Bound]:
    """Map each qualifier phrase, split into tokens, to the bound it implies."""
    return {tuple(phrase.replace(".", " .").split()): bound for phrase in phrases}


_QUALIFIERS: dict[tuple[str, ...], _Bound] = {
    **_phrases(
        _Bound.AT_LEAST,
        "more than",
        "over",
        "above",
        "in excess of",
        "upwards of",
        "at least",
        "a minimum of",
        "minimum of",
        "well over",
        "well above",
        "greater than",
        "no fewer than",
        "no less than",
        "not less than",
        "not fewer than",
    ),
    **_phrases(
        _Bound.JUST_OVER,
        "just over",
        "just above",
        "a little over",
        "slightly over",
        "slightly more than",
        "just more than",
    ),
    **_phrases(
        _Bound.AT_MOST,
        "fewer than",
        "less than",
        "under",
        "below",
        "up to",
        "at most",
        "no more than",
        "not more than",
        "a maximum of",
        "maximum of",
        "well under",
        "well below",
        "as many as",
        "as much as",
    ),
    **_phrases(
        _Bound.ALMOST,
        "almost",
        "nearly",
        "close to",
        "just under",
        "just below",
        "just short of",
        "slightly less than",
        "slightly fewer than",
        "slightly under",
        "a little under",
        "just less than",
        "just fewer than",
    ),
    **_phrases(
        _Bound.ABOUT,
        "around",
        "about",
        "approximately",
        "approx.",
        "approx",
        "roughly",
        "some",
        "circa",
        "c.",
        "ca.",
        "in the region of",
    ),
    **_phrases(_Bound.STATED, "an estimated", "estimated", "est.", "exactly"),
}
_LONGEST_QUALIFIER = max(len(phrase) for phrase in _QUALIFIERS)
_QUALIFIER_ENDS = frozenset(phrase[-1] for phrase in _QUALIFIERS)
_POSTFIX_GATE = frozenset({"+", "-", "–", "or"})
_RANGE_GATE = frozenset({"and", "to", "-", "–"})
_POSTFIX_QUALIFIERS: dict[tuple[str, ...], _Bound] = {
    ("or", "more"): _Bound.AT_LEAST,
    ("or", "over"): _Bound.AT_LEAST,
    ("or", "above"): _Bound.AT_LEAST,
    ("or", "so"): _Bound.ABOUT,
    ("or", "fewer"): _Bound.AT_MOST,
    ("or", "less"): _Bound.AT_MOST,
    ("or", "under"): _Bound.AT_MOST,
}

# Kinds a qualifier or a range can apply to; the rest are labels or points in time.
_AMOUNTS = frozenset(
    {
        Kind.COUNT,
        Kind.DECIMAL,
        Kind.PERCENT,
        Kind.POINTS,
        Kind.MONEY,
        Kind.CHANGE,
        Kind.AGE,
        Kind.DURATION,
        Kind.RATE,
    }
)
_RANGE_KINDS = frozenset(
    {
        Kind.COUNT,
        Kind.DECIMAL,
        Kind.PERCENT,
        Kind.POINTS,
        Kind.MONEY,
        Kind.AGE,
        Kind.DURATION,
        Kind.RATE,
    }
)
_ROUNDED_KINDS = frozenset({Kind.PERCENT, Kind.POINTS})


# --------------------------------------------------------------------------- public API


def find_quantities(text: str) -> list[Quantity]:
    """Return every number mentioned in ``text``, sorted by position and non-overlapping.

    Each quantity spans its whole mention, qualifier and unit included
    (``text[q.start:q.end] == q.text``); ``low``/``high`` bound the value the
    words allow, with ``math.inf`` for an open end.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        words = [m.start() for m in _NUMBER_WORD.finditer(lowered)]
    else:  # lower-casing changed the length ("İ"): match case-insensitively in place
        words = [m.start() for m in _NUMBER_WORD_ANY_CASE.finditer(text)]
    words = [k for k in words if not (k and _LETTER.match(text, k - 1))]
    if not words and not _DIGIT.search(text):
        return []  # no digit and no number word: nothing to tokenise
    return _Scanner(text).scan(words)


# --------------------------------------------------------------------------- internals


@dataclass(slots=True)
class _Atom:
    """A number as written, before its context is known (a scale may still be added)."""

    first: int
    last: int
    value: float
    decimals: int = 0
    words: bool = False
    scale: float = 1.0
    rounded: bool = False  # scaled by million, bn, m or k: the mantissa is rounded

    @property
    def integer(self) -> bool:
        """Tell whether the number is whole and unscaled (a count, not a measure)."""
        return self.decimals == 0 and self.scale == 1.0  # word atoms set decimals for halves

    @property
    def total(self) -> float:
        """Return the value with its scale applied."""
        return self.value * self.scale


@dataclass(slots=True)
class _Mention:
    """A classified number: its token span, kind and bounds (mutable while scanning)."""

    first: int
    last: int
    kind: Kind
    value: float
    low: float
    high: float
    words: bool = False
    qualifier: str | None = None
    atom: _Atom | None = None  # the number itself, kept so a range partner can re-read it
    bare: bool = False  # a plain number with no unit: it may borrow a range partner's unit
    bound: _Bound | None = None  # how the qualifier widened the value


@dataclass(frozen=True, slots=True)
class _Skip:
    """Tokens that look like a number but are not one ("no one", "a third")."""

    last: int


@dataclass(frozen=True, slots=True)
class _Qualifier:
    """Qualifier words found next to a number, and the interval they imply."""

    first: int
    last: int
    text: str
    bound: _Bound


class _Scanner:
    """Tokenise a text once, then read its numbers left to right."""

    def __init__(self, text: str) -> None:
        # One list per token attribute, indexed by token; the rules read them in tight
        # loops, hence the short names.
        self.text = text
        self.tx: list[str] = []  # token text
        self.lo: list[str] = []  # token text, lower-cased
        self.st: list[int] = []  # offset of the first character
        self.en: list[int] = []  # offset just past the last character
        self.isn: list[bool] = []  # a digit chain (junk chains excluded)
        self.isw: list[bool] = []  # a word (a run of letters)
        self._tokenise()
        self.n = len(self.tx)
        self._pad()
        self.found: list[_Mention] = []

    # ------------------------------------------------------------------ tokens

    def _tokenise(self) -> None:
        """Split the text into tokens and note where each starts and ends."""
        parts = _TOKEN.split(self.text)
        tokens = parts[1::2]
        offsets = list(accumulate(map(len, parts)))  # token k spans offsets[2k]..offsets[2k+1]
        self.tx = tokens
        self.st = offsets[0:-1:2]
        self.en = offsets[1::2]
        self.isn = list(map(_DIGITS.__contains__, map(itemgetter(0), tokens)))
        odd = [k for k in compress(range(len(tokens)), self.isn) if _odd_chain(tokens[k])]
        if odd:
            self._split_chains(odd)
        self.isw = list(map(str.isalpha, self.tx))
        self.lo = list(map(str.lower, self.tx))

    def _split_chains(self, odd: list[int]) -> None:
        """Replace each odd digit chain by its pieces, or by one junk token."""
        tx: list[str] = []
        st: list[int] = []
        isn: list[bool] = []
        done = 0
        for k in odd:
            tx += self.tx[done:k]
            st += self.st[done:k]
            isn += self.isn[done:k]
            for start, token, numeral in _chain_pieces(self.tx[k], self.st[k]):
                tx.append(token)
                st.append(start)
                isn.append(numeral)
            done = k + 1
        self.tx, self.st = tx + self.tx[done:], st + self.st[done:]
        self.isn = isn + self.isn[done:]
        self.en = [start + len(token) for start, token in zip(self.st, self.tx, strict=True)]

    def _pad(self) -> None:
        """Precompute per-token lookups and pad every list with empty tokens.

        The padding sits at the end, so that both ``k + 1`` past the last token
        and ``k - 1`` before the first (a negative index) read an empty token:
        the rules look a few tokens either way without bounds checks.
        """
        st, en = self.st, self.en
        # aj: the token touches the one before it (no space between).
        self.aj: list[bool] = [False, *map(eq, st[1:], en[:-1])] if self.n else []
        for pad in range(_PAD):
            self.tx.append("")
            self.lo.append("")
            self.isn.append(False)
            self.isw.append(False)
            st.append(-2 * pad - 2)
            en.append(-2 * pad - 3)
            self.aj.append(False)

    def numeral(self, k: int) -> str:
        """Return token ``k`` if it is a digit chain, else the empty string."""
        return self.tx[k] if self.isn[k] else ""

    def capitalised(self, k: int) -> bool:
        """Tell whether token ``k`` is a word that starts with a capital."""
        return self.isw[k] and self.tx[k][0].isupper()

    def plural_noun(self, k: int) -> bool:
        """Guess whether token ``k`` is a lower-case plural noun ("officers", "people")."""
        if not (self.isw[k] and self.tx[k][0].islower()):
            return False
        w = self.lo[k]
        if w in _IRREGULAR_PLURALS:
            return True
        return (
            len(w) > 3
            and w.endswith("s")
            and not w.endswith(("ss", "us", "is", "wards"))
            and w not in _NOT_PLURAL
            and w not in _TIME_UNITS
        )

    def month(self, k: int) -> int:
        """Return the month number of token ``k`` if it is a capitalised month name."""
        if not self.capitalised(k):
            return 0
        return _MONTHS.get(self.lo[k], 0)

    # ------------------------------------------------------------------ scan

    def scan(self, word_starts: list[int]) -> list[Quantity]:
        """Read every number left to right; each mention starts after the last one ends.

        ``word_starts`` are the offsets where number words begin.
        """
        floor = 0
        starts, n = self.st, self.n
        numerals = compress(range(n), self.isn)
        words = (bisect_right(starts, offset, 0, n) - 1 for offset in word_starts)
        for i in merge(numerals, words):
            if i < floor:
                continue
            result = self._mention(i, floor)
            if isinstance(result, _Mention):
                self.found.append(result)
                floor = result.last + 1
            elif isinstance(result, _Skip):
                floor = result.last + 1
        return [self._quantity(m) for m in self.found]

    def _quantity(self, m: _Mention) -> Quantity:
        """Freeze a mention into the ``Quantity`` handed to later stages."""
        start, end = self.st[m.first], self.en[m.last]
        return Quantity(
            start=start,
            end=end,
            text=self.text[start:end],
            kind=m.kind,
            value=m.value,
            low=m.low,
            high=m.high,
            qualifier=m.qualifier,
            words=m.words,
        )

    def _mention(self, i: int, floor: int) -> _Mention | _Skip | None:
        """Read the number at token ``i`` in its context (None or a skip if none)."""
        found = self._atom(i, floor)
        if not isinstance(found, _Atom):
            return found
        mention = self._classify(found, floor)
        if (
            isinstance(mention, _Mention)
            and mention.kind in _RANGE_KINDS
            and (self.lo[mention.last + 1] in _RANGE_GATE)
        ):
            return self._range(mention, floor) or mention
        return mention

    # ------------------------------------------------------------------ atoms

    def _atom(self, i: int, floor: int) -> _Atom | _Mention | _Skip | None:
        """Read the number that starts at token ``i``, in digits or in words."""
        if self.isn[i]:
            return self._numeral_atom(i, floor)
        return self._word_atom(i)

    def _numeral_atom(self, i: int, floor: int) -> _Atom | _Mention | _Skip | None:
        """Read a digit chain; times, dates and codes come back classified."""
        chain = self.tx[i]
        if ":" in chain:
            return self._clock(i)
        if "/" in chain:
            return self._slashed(i)
        if chain.count(".") > 1:
            return self._mention_of(Kind.REFERENCE, i, i, _leading(chain))
        phone = self._long_phone(i)
        if phone is not None:
            return phone
        decimals = len(chain) - chain.index(".") - 1 if "." in chain else 0
        return _Atom(i, i, float(chain.replace(",", "")), decimals)

    def _clock(self, i: int) -> _Mention:
        """Read "09:26" as a time; other colon chains ("3:1") are references."""
        match = _CLOCK.fullmatch(self.tx[i])
        if match and int(match.group(1)) <= 24 and int(match.group(2)) < 60:
            hours, minutes = int(match.group(1)), int(match.group(2))
            last, hours = self._meridiem(i, hours)
            return self._mention_of(Kind.TIME, i, last, hours + minutes / 60)
        return self._mention_of(Kind.REFERENCE, i, i, _leading(self.tx[i]))

    def _slashed(self, i: int) -> _Mention:
        """Read a year span ("2007/8"), a date ("26/03/2021") or a slashed code."""
        parts = self.tx[i].split("/")
        first = int(parts[0]) if "." not in parts[0] else -1
        if len(parts) == 2 and len(parts[0]) == 4:
            second = _following_year(first, parts[1])
            if second is not None and (len(parts[1]) == 4 or second == first + 1):
                return self._mention_of(Kind.YEAR, i, i, first, first, second)
        if len(parts) == 3 and len(parts[0]) == 4 and _valid_day_month(parts[:0:-1]):
            return self._mention_of(Kind.DATE, i, i, int(parts[2]))  # "2023/05/24"
        if parts[-1] == "7" and parts[0] == "24" and len(parts) == 2:
            return self._mention_of(Kind.RATE, i, i, 24)  # "24/7": round the clock
        if _valid_day_month(parts):
            return self._mention_of(Kind.DATE, i, i, first)
        return self._mention_of(Kind.REFERENCE, i, i, _leading(self.tx[i]))

    def _long_phone(self, i: int) -> _Mention | None:
        """Read a UK phone number: "0800 555 111", "01234 567890", "0300 123 4567"."""
        chain = self.tx[i]
        if chain[0] != "0" or not chain.isdigit():
            return None
        if 10 <= len(chain) <= 11:
            return self._mention_of(Kind.PHONE, i, i, float(chain))
        if not 3 <= len(chain) <= 5:
            return None
        digits, last, k = len(chain), i, i + 1
        while digits < 11 and k < self.n:
            if self.tx[k] in _HYPHENS and self.aj[k] and self.aj[k + 1]:
                k += 1
            group = self.numeral(k)
            if not (group.isdigit() and (3 <= len(group) <= 4 or len(group) == 6)):
                break
            if self.tx[k - 1] not in _HYPHENS and self.aj[k]:
                break
            digits, last, k = digits + len(group), k, k + 1
        if 10 <= digits <= 11 and last > i:
            written = "".join(self.tx[k] for k in range(i, last + 1) if self.isn[k])
            return self._mention_of(Kind.PHONE, i, last, float(written))
        return None

    def _word_atom(self, i: int) -> _Atom | _Mention | _Skip | None:
        """Read a number in words, skipping fractions and the pronoun "one"."""
        w = self.lo[i]
        if w in _ORDINALS:
            return self._ordinal_word(i)
        if w in _TENS and self.tx[i + 1] in _HYPHENS and self.aj[i + 1] and self.aj[i + 2]:
            unit = _ORDINALS.get(self.lo[i + 2], 0)
            if 1 <= unit <= 9:  # "twenty-first"
                mention = self._mention_of(Kind.ORDINAL, i, i + 2, _TENS[w] + unit)
                mention.words = True
                return mention
        parsed = self._number_words(i)
        if parsed is None:
            return None
        value, last, scale = parsed
        after = last + 1
        if self.tx[after] in _HYPHENS and self.aj[after] and self.aj[after + 1]:
            after += 1
        following = self.lo[after]
        if following in _FRACTION_PLURALS or (
            value == 1 and following in _ORDINALS and following not in ("first", "second")
        ):
            return _Skip(after)  # "two thirds", "one fifth", "one-third"
        if last == i and w == "one":
            skip = self._pronoun_one(i)
            if skip is not None:
                return skip
        if last == i and w == "zero" and not (self.plural_noun(after) or not self.isw[after]):
            return None  # "zero tolerance", "zero waste"
        decimals = 0 if float(value).is_integer() else 1
        return _Atom(i, last, value, decimals, words=True, scale=scale, rounded=scale > 1)

    def _pronoun_one(self, i: int) -> _Skip | None:
        """Skip "one" where it is a pronoun or part of a compound, not a count."""
        if self.lo[i - 1] in _ONE_PRONOUN_BEFORE or self.lo[i + 1] == "another":
            return _Skip(i)
        if self.lo[i + 1] == "too" and self.lo[i + 2] == "many":
            return _Skip(i)
        if self.tx[i - 1] in _HYPHENS and self.aj[i] and self.isw[i - 2]:
            return _Skip(i)  # the second "one" of "one-to-one"
        if self.tx[i + 1] in _HYPHENS and self.aj[i + 1] and self.aj[i + 2]:
            unit = self.lo[i + 2]
            if unit not in _TIME_UNITS and unit not in _GLUED_AGE:
                last = i
                while self.tx[last + 1] in _HYPHENS and self.aj[last + 1] and self.aj[last + 2]:
                    last += 2
                return _Skip(last)  # "one-off", "one-to-one"
        return None

    def _below_hundred(self, k: int) -> tuple[int, int] | None:
        """Read "seven", "twenty" or "twenty-seven" at token ``k``."""
        w = self.lo[k]
        if w in _UNITS:
            return _UNITS[w], k
        if w not in _TENS:
            return None
        value = _TENS[w]
        if self.tx[k + 1] in _HYPHENS and self.aj[k + 1] and self.aj[k + 2]:
            unit = _UNITS.get(self.lo[k + 2], 0)
            if 1 <= unit <= 9:
                return value + unit, k + 2
        unit = _UNITS.get(self.lo[k + 1], 0)
        if 1 <= unit <= 9 and not self.aj[k + 1]:
            return value + unit, k + 1
        return value, k

    def _below_thousand(self, k: int) -> tuple[int, int] | None:
        """Read "a hundred", "two hundred and fifty" or a number below 100."""
        small = self._below_hundred(k)
        if self.lo[k] == "a" and self.lo[k + 1] == "hundred":
            small = (1, k)
        if small is None:
            return None
        value, last = small
        if self.lo[last + 1] != "hundred" or not 1 <= value <= 99:
            return small
        value, last = value * 100, last + 1
        if self.lo[last + 1] == "and":
            rest = self._below_hundred(last + 2)
            if rest is not None:
                return value + rest[0], rest[1]
        return value, last

    def _number_words(self, i: int) -> tuple[float, int, float] | None:
        """Read "two hundred and fifty", "a dozen", "half a million", "three and a half".

        Returns the value (before any million/billion scale), the last token and
        the scale.
        """
        w = self.lo[i]
        value: float
        if w == "a" and self.lo[i - 1] == "of" and self.lo[i - 2] in _FRACTIONS:
            return None  # "a quarter of a million": not a million
        if w == "a" or (w == "half" and self.lo[i + 1] == "a"):
            start = i if w == "a" else i + 1
            head = self.lo[start + 1]
            if head not in ("dozen", "hundred", "thousand", *_ROUND_SCALES):
                return None
            if w == "half" and head in ("hundred", "thousand"):
                return None
            value, last = (1.0 if w == "a" else 0.5), start
            if head == "hundred":
                parsed = self._below_thousand(start)
                if parsed is None:
                    return None
                value, last = float(parsed[0]), parsed[1]
        else:
            parsed = self._below_thousand(i)
            if parsed is None:
                return None
            value, last = float(parsed[0]), parsed[1]
        if self.lo[last + 1] == "thousand" and value >= 1:
            value, last = value * 1000, last + 1
            joined = last + 2 if self.lo[last + 1] == "and" else last + 1
            rest = self._below_thousand(joined)
            if rest is not None and self.lo[joined] != "a":
                value, last = value + rest[0], rest[1]
        if (self.lo[last + 1], self.lo[last + 2], self.lo[last + 3]) == ("and", "a", "half"):
            value, last = value + 0.5, last + 3
        if self.lo[last + 1] == "dozen":
            value, last = value * 12, last + 1
        scale = _ROUND_SCALES.get(self.lo[last + 1], 1.0)
        if scale > 1:
            last += 1
        return value, last, scale

    def _ordinal_word(self, i: int) -> _Mention | _Skip | None:
        """Read "first" ... "twentieth" as an ordinal unless it is a fraction."""
        w = self.lo[i]
        before = self.lo[i - 1]
        if w != "second" and w != "first" and (before == "a" or before == "one"):
            return _Skip(i)  # "a third", "a fifth": fractions
        if self.tx[i - 1] in _HYPHENS and self.aj[i] and self.lo[i - 2] in _UNITS:
            return _Skip(i)  # "one-fifth"
        mention = self._mention_of(Kind.ORDINAL, i, i, _ORDINALS[w])
        mention.words = True
        return mention

    def _mention_of(
        self,
        kind: Kind,
        first: int,
        last: int,
        value: float,
        low: float | None = None,
        high: float | None = None,
    ) -> _Mention:
        """Build a mention with exact bounds unless ``low``/``high`` are given."""
        return _Mention(
            first, last, kind, value, value if low is None else low, value if high is None else high
        )

    # ------------------------------------------------------------------ classify

    def _classify(self, atom: _Atom, floor: int) -> _Mention | _Skip | None:
        """Decide what a number is and how far its mention reaches."""
        numeral = not atom.words
        left = atom.first
        money = negative = False
        if numeral:
            labelled = self._label(atom, floor)
            if labelled is not None:
                return labelled
            if self.aj[atom.last + 1]:
                self._glued_scale(atom)
            before = self.tx[left - 1]
            if before in _CURRENCIES and self.aj[left] and left - 1 >= floor:
                money, left = True, left - 1
            elif before in ("-", "−") and self._minus_sign(left, floor):
                negative, left = True, left - 1
            if self.lo[atom.last + 1] in _SCALE_WORDS:
                self._scale_word(atom)
        qualifier = None
        if self.lo[left - 1] in _QUALIFIER_ENDS and left > floor:
            qualifier = self._qualifier(left, floor)
        context = qualifier.first if qualifier else left
        mention = self._unit(atom, left, money)
        if mention.kind is Kind.COUNT or mention.kind is Kind.DECIMAL:
            mention = self._in_context(atom, mention, context, floor)
        if mention.kind in _AMOUNTS and (qualifier or self.lo[mention.last + 1] in _POSTFIX_GATE):
            self._qualify(mention, qualifier)
        if negative:
            mention.value, mention.low, mention.high = -mention.value, -mention.high, -mention.low
        return mention

    def _minus_sign(self, left: int, floor: int) -> bool:
        """Tell whether a minus sign before token ``left`` belongs to the number."""
        if left - 1 < floor or self.tx[left - 1] not in ("-", "−") or not self.aj[left]:
            return False
        return not self.aj[left - 1] or self.tx[left - 2] in ("(", "[")

    def _label(self, atom: _Atom, floor: int) -> _Mention | _Skip | None:
        """Recognise numbers that are labels or points in time from their spelling."""
        i = atom.first
        glued_before = self.aj[i]
        if glued_before and self.isw[i - 1] and i - 1 >= floor:
            return self._code(i - 1, atom)
        if self.lo[i - 1] in _REFERENCE_GATE:
            reference = self._reference_before(i, floor)
            if reference is not None:
                return self._mention_of(Kind.REFERENCE, reference, self._code_end(i), atom.value)
        after = self.lo[i + 1]
        if self.aj[i + 1] and self.isw[i + 1]:
            glued = self._glued_suffix(atom, floor)
            if glued is not None:
                return glued
        if after in ("am", "pm") or (after in ("a", "p") and self._dotted_meridiem(i + 1)):
            clock = self._decimal_clock(atom)
            if clock is not None:
                return clock
        chain = self.tx[i]
        if after in (".", ")") and self._enumerator(i):
            return self._mention_of(Kind.REFERENCE, i, i + 1, atom.value)  # "1. Figures cover"
        if self.capitalised(i + 1) and self._street_after(i):
            return self._mention_of(Kind.REFERENCE, i, i, atom.value)  # "12 High Street"
        if len(chain) <= 2 and (after in _DATE_NEXT or self.lo[i - 1] in _DATE_PREVIOUS):
            date = self._date(atom, floor)
            if date is not None:
                return date
        if len(chain) == 4:
            return self._year(atom, floor)
        return None

    def _enumerator(self, i: int) -> bool:
        """Tell whether token ``i`` numbers a list item: "1. Figures ..." at a line start."""
        if len(self.tx[i]) > 2 or not self.aj[i + 1] or self.aj[i + 2]:
            return False
        line_start = i == 0 or "\n" in self.text[self.en[i - 1] : self.st[i]]
        return line_start and self.capitalised(i + 2)

    def _street_after(self, i: int) -> bool:
        """Tell whether a street name ("High Street", "Tile Hill Road") follows token ``i``."""
        if not self.tx[i].isdigit() or len(self.tx[i]) > 4:
            return False
        for k in range(i + 2, i + 5):
            if not self.capitalised(k - 1) or self.aj[k - 1]:
                return False
            if self.tx[k] in _STREET_WORDS and not self.capitalised(k + 1):
                return True  # a name, then the street word last: "High Street"
        return False

    def _code(self, letters: int, atom: _Atom) -> _Mention:
        """Read an alphanumeric code ("A34", "M6", "B4144", "Covid19") as a reference."""
        return self._mention_of(Kind.REFERENCE, letters, self._code_end(atom.first), atom.value)

    def _code_end(self, k: int) -> int:
        """Return the last token of the alphanumeric run that starts at ``k``."""
        while k + 1 < self.n and self.aj[k + 1] and (self.isw[k + 1] or self.isn[k + 1]):
            k += 1
        return k

    def _reference_before(self, i: int, floor: int) -> int | None:
        """Return where a reference word before token ``i`` starts ("Section 160")."""
        prev = i - 1
        if prev < floor:
            return None
        if self.tx[prev] in _HYPHENS and self.aj[i] and self.aj[prev]:
            if self.lo[prev - 1] in _REFERENCE_BEFORE_HYPHEN and prev - 1 >= floor:
                return prev - 1  # "Covid-19"
            return None
        if self.tx[prev] == "." and self.aj[prev] and self.lo[prev - 1] in ("no", "nos"):
            return prev - 1 if prev - 1 >= floor else None  # "No. 5"
        if self.tx[prev] in (":", "#") and self.lo[prev - 1] in _REFERENCE_WORDS:
            return prev - 1 if prev - 1 >= floor else None  # "Ref: 4567"
        if not self.isw[prev] or self.aj[i]:
            return None
        if self.lo[prev] in _REFERENCE_WORDS or self.tx[prev] in _CAPITAL_REFERENCE_WORDS:
            if self.lo[prev] == "stage" and self.lo[prev - 1] == "key" and prev - 1 >= floor:
                return prev - 1
            return prev
        if self.lo[prev] in _REFERENCE_BEFORE_HYPHEN:
            return prev
        return None

    def _glued_suffix(self, atom: _Atom, floor: int) -> _Mention | _Skip | None:
        """Read letters written straight after the digits ("1st", "11pm", "20p", "1980s")."""
        i, k = atom.first, atom.first + 1
        if not (k < self.n and self.aj[k] and self.isw[k]):
            return None
        suffix, raw = self.lo[k], self.tx[k]
        if suffix in _ORDINAL_SUFFIXES:
            return self._date(atom, floor) or self._mention_of(Kind.ORDINAL, i, k, atom.value)
        if suffix in ("am", "pm"):
            return self._decimal_clock(atom)
        if suffix in _GLUED_SCALES or suffix in _GLUED_AGE:
            return None  # read later as a scale or an age
        if suffix == "p":
            return self._pence(self._money_mention(atom, i, k, words=False))
        if suffix == "s":
            return self._decade(atom, k)
        if suffix in _GLUED_POINTS:
            return self._amount(Kind.POINTS, atom, i, k)
        if suffix in _GLUED_DURATIONS:
            return self._amount(Kind.DURATION, atom, i, k)
        if raw in _GLUED_SPEEDS or suffix in _GLUED_SPEEDS:
            return self._amount(Kind.RATE, atom, i, k)
        if raw in _GLUED_MEASURES:
            return self._amount(Kind.DECIMAL, atom, i, k)
        return self._mention_of(Kind.REFERENCE, i, self._code_end(i), atom.value)

    def _decade(self, atom: _Atom, k: int) -> _Mention | _Skip:
        """Read "1980s" and "the 60s" as years, "in their 20s" as an age."""
        chain = self.tx[atom.first]
        if len(chain) == 4 and chain.isdigit() and chain.endswith("0"):
            return self._mention_of(
                Kind.YEAR, atom.first, k, atom.value, atom.value, atom.value + 9
            )
        if len(chain) == 2 and chain.endswith("0"):
            if self.tx[atom.first - 1] in _HYPHENS and self.aj[atom.first]:
                return _Skip(k)  # "the over-60s": an age group, not a number
            if self.lo[atom.first - 1] in ("their", "his", "her", "early", "mid", "late"):
                return self._mention_of(
                    Kind.AGE, atom.first, k, atom.value, atom.value, atom.value + 9
                )
            decade = 1900 + atom.value
            return self._mention_of(Kind.YEAR, atom.first, k, decade, decade, decade + 9)
        return _Skip(k)  # "1,000s", "under-18s": a vague plural or a group, not a number

    def _meridiem(self, i: int, hours: int) -> tuple[int, int]:
        """Extend a clock time over a following "am"/"pm"/"a.m." and use the 24-hour clock."""
        k = i + 1
        half = ""
        if self.lo[k] in ("am", "pm"):
            half = self.lo[k]
        elif self._dotted_meridiem(k):
            half, k = self.lo[k] + "m", k + 2
            if self.tx[k + 1] == "." and self.aj[k + 1]:
                k += 1
        if not half:
            return i, hours
        if half == "pm" and hours < 12:
            hours += 12
        if half == "am" and hours == 12:
            hours = 0
        return k, hours

    def _dotted_meridiem(self, k: int) -> bool:
        """Tell whether "a.m." or "p.m." starts at token ``k``."""
        return (
            self.lo[k] in ("a", "p")
            and self.tx[k + 1] == "."
            and self.lo[k + 2] == "m"
            and self.aj[k + 1]
            and self.aj[k + 2]
        )

    def _decimal_clock(self, atom: _Atom) -> _Mention | None:
        """Read "11pm", "10.30am", "2.15 pm" as a time."""
        chain = self.tx[atom.first]
        hours_text, _, minutes_text = chain.partition(".")
        if not hours_text.isdigit() or len(hours_text) > 2 or len(minutes_text) not in (0, 2):
            return None
        hours, minutes = int(hours_text), int(minutes_text or 0)
        if not 1 <= hours <= 12 or minutes >= 60:
            return None
        last, hours = self._meridiem(atom.first, hours)
        return self._mention_of(Kind.TIME, atom.first, last, hours + minutes / 60)

    # ------------------------------------------------------------------ dates and years

    def _day_end(self, k: int) -> int | None:
        """Return the last token of a day number at ``k`` ("14", "31st"), or None."""
        chain = self.numeral(k)
        if not chain.isdigit() or len(chain) > 2 or not 1 <= int(chain) <= 31:
            return None
        if self.lo[k + 1] in _ORDINAL_SUFFIXES and self.aj[k + 1]:
            return k + 1
        return k

    def _month_after(self, k: int) -> int | None:
        """Return the token of a month name at ``k`` (or after "of"), with its full stop."""
        if self.lo[k] == "of" and not self.aj[k]:
            k += 1
        if not self.month(k) or self.aj[k]:
            return None
        if self.tx[k + 1] == "." and self.aj[k + 1] and self.lo[k] in _MONTH_ABBREVIATIONS:
            return k + 1
        return k

    def _year_after(self, k: int) -> int:
        """Extend a date over a following year ("14 September 2021", "February 1, 2017")."""
        j = k + 1
        if self.tx[j] == "," and self.aj[j]:
            j += 1
        if _is_year(self.numeral(j)) and not self.aj[j] and not self.plural_noun(j + 1):
            return j
        return k

    def _date(self, atom: _Atom, floor: int) -> _Mention | None:
        """Read a day with its month: "14 September", "7-20 February", "September 14"."""
        i = atom.first
        end = self._day_end(i)
        if end is None:
            return None
        day = atom.value
        month = self._month_after(end + 1)
        if month is not None:
            return self._mention_of(Kind.DATE, i, self._year_after(month), day)
        link = end + 1
        if self.tx[link] in _HYPHENS and self.aj[link] and self.aj[link + 1]:
            second = self._day_end(link + 1)
            if second is not None:
                month = self._month_after(second + 1)
                if month is not None:
                    to_day = float(self.tx[link + 1])
                    if to_day >= day:
                        return self._mention_of(
                            Kind.DATE, i, self._year_after(month), day, day, to_day
                        )
        if self.lo[link] in ("and", "to", "or") or self.tx[link] in ("&", ","):
            second = self._day_end(link + 1)
            if second is not None and self._month_after(second + 1) is not None:
                return self._mention_of(Kind.DATE, i, end, day)  # "6 and 7 March"
        return self._date_after_month(atom, end, floor)

    def _date_after_month(self, atom: _Atom, end: int, floor: int) -> _Mention | None:
        """Read "September 14" or "February 1, 2017", but not "March 12 people"."""
        i = atom.first
        before = i - 1
        if self.tx[before] == "." and self.aj[before] and not self.aj[i]:
            before -= 1
        if before < floor or not self.month(before) or self.aj[i]:
            return None
        if self.plural_noun(end + 1):
            return None  # "in March 12 people were arrested"
        return self._mention_of(Kind.DATE, before, self._year_after(end), atom.value)

    def _year(self, atom: _Atom, floor: int) -> _Mention | None:
        """Read a year or year span unless the number counts something ("2000 officers")."""
        i = atom.first
        chain = self.tx[i]
        if not _is_year(chain):
            return None
        year = int(chain)
        iso = self._iso_date(i)
        if iso is not None:
            return iso
        link = i + 1
        if self.tx[link] in _HYPHENS and self.aj[link] and self.aj[link + 1]:
            following = self.numeral(link + 1)
            second = _following_year(year, following) if following.isdigit() else None
            glued = self.aj[link + 2] and (self.isw[link + 2] or self.isn[link + 2])
            if second is not None and not glued:
                return self._mention_of(Kind.YEAR, i, link + 1, year, year, second)
            if len(following) == 2 and 1 <= int(following or 0) <= 12 and not glued:
                return self._mention_of(Kind.YEAR, i, link + 1, year)  # "2019-03": a month
        if self.aj[i + 1] and self.isw[i + 1]:
            return None
        if self.tx[i - 1] in _CURRENCIES and self.aj[i]:
            return None
        if self.lo[i + 1] in _SCALE_WORDS or self._unit_follows(i):
            return None
        counted = self.plural_noun(i + 1) and self.lo[i + 1] not in _YEAR_NOUNS
        if counted and self.lo[i - 1] not in _YEAR_PREPOSITIONS and not self.month(i - 1):
            return None  # "2000 officers"
        return self._mention_of(Kind.YEAR, i, i, year)

    def _unit_follows(self, i: int) -> bool:
        """Tell whether a unit follows that makes a four-digit number an amount."""
        k = i + 1
        nxt = self.tx[k]
        return nxt == "%" or self.lo[k] in ("per", "percent") or self.lo[k] in _TIME_UNITS

    def _iso_date(self, i: int) -> _Mention | None:
        """Read "2021-09-15" as a date whose value is the day."""
        if not (self.tx[i + 1] in _HYPHENS and self.tx[i + 3] == self.tx[i + 1]):
            return None
        if not all(self.aj[k] for k in range(i + 1, i + 5)):
            return None
        month, day = self.numeral(i + 2), self.numeral(i + 4)
        if len(month) == 2 and len(day) == 2 and _valid_day_month([day, month]):
            return self._mention_of(Kind.DATE, i, i + 4, int(day))
        return None

    # ------------------------------------------------------------------ scales and units

    def _glued_scale(self, atom: _Atom) -> None:
        """Absorb "m", "bn", "k" written straight after the digits ("1.2m", "£1.1bn")."""
        k = atom.last + 1
        if k < self.n and self.aj[k] and self.lo[k] in _GLUED_SCALES:
            if self.lo[k] == "b" and self.tx[atom.first - 1] not in _CURRENCIES:
                return
            atom.scale, atom.rounded, atom.last = _GLUED_SCALES[self.lo[k]], True, k

    def _scale_word(self, atom: _Atom) -> None:
        """Absorb "million", "billion" or "thousand" after a numeral ("8.47 million")."""
        if atom.scale != 1.0:
            return
        k = atom.last + 1
        w = self.lo[k]
        if w in _ROUND_SCALES and not self.aj[k]:
            atom.scale, atom.rounded, atom.last = _ROUND_SCALES[w], True, k
        elif w in _EXACT_SCALES and not self.aj[k] and atom.decimals == 0:
            atom.scale, atom.last = _EXACT_SCALES[w], k
            atom.value *= atom.scale
            atom.scale = 1.0

    def _unit(self, atom: _Atom, left: int, money: bool) -> _Mention:
        """Read the unit after a number: %, per cent, points, money, age, duration."""
        j = atom.last
        if money:
            return self._money_mention(atom, left, self._money_word_end(j), words=atom.words)
        if self.lo[j + 1] not in _UNIT_NEXT:
            return self._plain(atom, left, j)
        percent = self._percent_end(j)
        if percent is not None:
            kind, end = percent
            return self._amount(kind, atom, left, end)
        money_word = self._money_word_end(j)
        if money_word != j:
            mention = self._money_mention(atom, left, money_word, words=atom.words)
            return self._pence(mention) if self.lo[money_word] == "pence" else mention
        age = self._age_end(j)
        if age is not None:
            end, per_year = age
            mention = self._amount(Kind.AGE, atom, left, end)
            mention.value, mention.low, mention.high = (
                mention.value * per_year,
                mention.low * per_year,
                mention.high * per_year,
            )
            return mention
        duration = self._duration_end(j)
        if duration is not None:
            return self._amount(Kind.DURATION, atom, left, duration)
        return self._plain(atom, left, j)

    def _plain(self, atom: _Atom, first: int, last: int) -> _Mention:
        """Return a number with no unit: a count if whole, otherwise a decimal."""
        mention = self._amount(Kind.COUNT if atom.integer else Kind.DECIMAL, atom, first, last)
        mention.bare = not atom.rounded
        return mention

    def _percent_end(self, j: int) -> tuple[Kind, int] | None:
        """Return the kind and last token of "%", "per cent" or "percentage points"."""
        k = j + 1
        end: int | None = None
        if self.tx[k] == "%" or self.lo[k] == "percent":
            end = k
        elif self.lo[k] == "per":
            if self.lo[k + 1] == "cent" and not self.aj[k + 1]:
                end = k + 1
            elif self.tx[k + 1] in _HYPHENS and self.lo[k + 2] == "cent":
                end = k + 2
        elif self.lo[k] == "percentage":
            point = k + 2 if self.tx[k + 1] in _HYPHENS else k + 1
            if self.lo[point] in ("point", "points"):
                return Kind.POINTS, point
            return None
        if end is None:
            return None
        if self.lo[end + 1] in ("point", "points", "pts"):
            return Kind.POINTS, end + 1
        return Kind.PERCENT, end

    def _money_word_end(self, j: int) -> int:
        """Return the last token of the number, extended over "pounds" or "pence"."""
        if self.lo[j + 1] in _MONEY_WORDS and not self.aj[j + 1]:
            return j + 1
        return j

    def _age_end(self, j: int) -> tuple[int, float] | None:
        """Return the last token of "-year-old", "-yearold" or " years old" after ``j``."""
        k = j + 1
        if self.tx[k] in _HYPHENS and self.aj[k] and self.aj[k + 1]:
            k += 1
        if self.lo[k] in _GLUED_AGE:
            return k, 1.0
        unit = self.lo[k]
        if unit not in _TIME_UNITS or unit in ("decade", "decades", "century", "centuries"):
            return None
        old = k + 1
        if self.tx[old] in _HYPHENS and self.aj[old] and self.aj[old + 1]:
            old += 1
        if self.lo[old] in _AGE_SUFFIXES:
            return old, _TIME_UNITS[unit]
        return None

    def _duration_end(self, j: int) -> int | None:
        """Return the token of a time unit after the number ("weeks", "-minute")."""
        k = j + 1
        if self.tx[k] in _HYPHENS and self.aj[k] and self.aj[k + 1]:
            k += 1
        elif self.aj[k]:
            return None
        return k if self.lo[k] in _TIME_UNITS else None

    @staticmethod
    def _pence(mention: _Mention) -> _Mention:
        """Express an amount in pence ("20p") in pounds, like every other sum of money."""
        mention.value, mention.low, mention.high = (
            mention.value / 100,
            mention.low / 100,
            mention.high / 100,
        )
        return mention

    def _money_mention(self, atom: _Atom, first: int, last: int, *, words: bool) -> _Mention:
        """Build a sum of money spanning tokens ``first`` to ``last``."""
        mention = self._amount(Kind.MONEY, atom, first, last)
        mention.words = words
        return mention

    def _amount(self, kind: Kind, atom: _Atom, first: int, last: int) -> _Mention:
        """Build an amount whose bounds follow the precision it is written to."""
        value = atom.total
        half = _half_step(kind, atom)
        return _Mention(
            first, last, kind, value, value - half, value + half, words=atom.words, atom=atom
        )

    # ------------------------------------------------------------------ context

    def _in_context(self, atom: _Atom, mention: _Mention, context: int, floor: int) -> _Mention:
        """Decide from the words around it whether a plain number is an age, a phone
        number, a change or a rate rather than a count."""
        before = self.lo[context - 1]
        if (before in _AGE_PREVIOUS or (self.found and self.found[-1].kind is Kind.AGE)) and (
            self._is_age(atom, mention, context, floor)
        ):
            mention.kind, mention.bare = Kind.AGE, False
            if before in _AGE_WORDS and context - 1 >= floor:
                mention.first = min(mention.first, context - 1)
            return mention
        if (
            not atom.words
            and self.tx[atom.first] in _SERVICE_NUMBERS
            and (self._is_phone(atom, mention, context, floor))
        ):
            mention.kind, mention.bare = Kind.PHONE, False
            return mention
        after = mention.last + 1
        if before in _CHANGE_PREVIOUS or self.lo[after] in _CHANGE_COMPARATIVES:
            change = self._change(mention, context, floor)
            if change is not None:
                return change
        if self.isw[after]:
            self._rate(mention)
        return mention

    def _is_age(self, atom: _Atom, mention: _Mention, context: int, floor: int) -> bool:
        """Tell from the words around it whether a plain number is an age."""
        if not atom.integer or mention.first != atom.first:
            return False  # an impossible age ("Connor Walsh, 218,") stays an age: a check flags it
        before = self.lo[context - 1]
        if before in _AGE_WORDS and context - 1 >= floor:
            return True
        if before == "between" and self.lo[context - 2] in _AGE_WORDS and context - 2 >= floor:
            return True
        if before == "of" and self.lo[context - 2] in ("age", "ages"):
            return True  # "at the age of 25"
        if before in ("all", "both") and self.lo[context - 2] in _BE_VERBS:
            return not self.isw[atom.last + 1]
        if atom.words:
            return False
        if self._continues_ages(context, floor) and not self.plural_noun(atom.last + 1):
            return True
        return self._name_age_place(atom)

    def _continues_ages(self, context: int, floor: int) -> bool:
        """Tell whether a number follows an age in a list ("aged 19, 23, 26 and 32")."""
        if not self.found or self.found[-1].kind is not Kind.AGE or self.found[-1].words:
            return False
        if self.found[-1].last + 1 != floor or context <= floor:
            return False
        between = [self.lo[k] for k in range(floor, context)]
        return all(w in (",", "and", "or", "&") for w in between)

    def _name_age_place(self, atom: _Atom) -> bool:
        """Recognise "Daniel Hollins, 34, of Erdington" and "John Smith (34) from Leek"."""
        i, j = atom.first, atom.last
        if len(self.tx[i]) > 3 or atom.first != atom.last:
            return False
        name = self.capitalised(i - 2) or self.lo[i - 2] in _PERSON_NOUNS
        if not name:
            return False
        opened, closed = self.tx[i - 1], self.tx[j + 1]
        if (opened, closed) not in ((",", ","), ("(", ")")):
            return False
        place = j + 2
        if self.lo[place] in ("also", "formerly", "previously", "now"):
            place += 1  # "Sorina Dumitru, 26, also of Abbey Green"
        if self.lo[place] in ("of", "from"):
            where = place + 1
            if self.lo[where] == "no":
                return True  # "of no fixed abode"
            if self.lo[where] == "the":
                where += 1
            return self.capitalised(where)
        return closed == ")" and self.capitalised(place)

    def _is_phone(self, atom: _Atom, mention: _Mention, context: int, floor: int) -> bool:
        """Tell whether 101, 999, 111 and the like are used as service numbers here."""
        chain = self.tx[atom.first]
        if atom.words or chain not in _SERVICE_NUMBERS or mention.last != atom.last:
            return False
        after = atom.last + 1
        if self.lo[after] in _PHONE_NOUNS:
            return True
        if self.plural_noun(after):
            return False
        before = self.lo[context - 1]
        if before in _CALL_WORDS or before == "nhs":
            return True
        if before == "to" and self.lo[context - 2] in ("call", "calls", "calling", "called"):
            return True
        if self.found and self.found[-1].kind is Kind.PHONE and self.found[-1].last + 1 == floor:
            between = [self.lo[k] for k in range(floor, context)]
            return bool(between) and all(w in (",", "or", "and", "/") for w in between)
        # "Call 101 to report a concern, or 999 in an emergency": a second service number
        # offered as the alternative to one already given.
        emergency = [self.lo[k] for k in range(after, after + 3)] == ["in", "an", "emergency"]
        alternative = before in ("or", "and") and any(m.kind is Kind.PHONE for m in self.found)
        return emergency or alternative

    def _change(self, mention: _Mention, context: int, floor: int) -> _Mention | None:
        """Recognise a difference: "a further 20", "three more than", "fell by 1.2m"."""
        for prefix in _CHANGE_PREFIXES:
            start = context - len(prefix)
            if start >= floor and tuple(self.lo[k] for k in range(start, context)) == prefix:
                mention.kind, mention.bare = Kind.CHANGE, False
                mention.first = min(mention.first, start)
                return mention
        after = mention.last + 1
        if self.lo[after] in _CHANGE_COMPARATIVES and not self.aj[after]:
            mention.kind, mention.bare = Kind.CHANGE, False
            mention.last = after + 1 if self.lo[after + 1] == "than" else after
            return mention
        before, earlier = self.lo[context - 1], self.lo[context - 2]
        if before == "by" and earlier in _CHANGE_VERBS:
            mention.kind, mention.bare = Kind.CHANGE, False
            return mention
        if before == "of" and earlier in _CHANGE_NOUNS:
            mention.kind, mention.bare = Kind.CHANGE, False
            return mention
        if before in ("up", "down") and context - 1 >= floor:
            lead = context - 2
            if lead < 0 or self.tx[lead] in (",", ";", "(", "-", "–", "—") or earlier in _BE_VERBS:
                mention.kind, mention.bare = Kind.CHANGE, False
                return mention
        return None

    def _rate(self, mention: _Mention) -> None:
        """Mark "16 calls a minute" or "12 per day" as a rate."""
        k = mention.last + 1
        skipped = 0
        while skipped < 3 and self.isw[k] and self.tx[k][0].islower():
            w = self.lo[k]
            if w in _RATE_LINKS or w in _RATE_BLOCKERS:
                break
            k, skipped = k + 1, skipped + 1
        if self.lo[k] not in _RATE_LINKS or self.lo[k + 1] not in _RATE_UNITS:
            return
        if self.lo[k + 2] in _RATE_FOLLOWERS:
            return  # "a day of action", "a week later"
        mention.kind, mention.bare = Kind.RATE, False
        if skipped == 0:
            mention.last = k + 1

    # ------------------------------------------------------------------ qualifiers

    def _qualifier(self, left: int, floor: int) -> _Qualifier | None:
        """Match the longest qualifier phrase that ends just before token ``left``."""
        for size in range(min(_LONGEST_QUALIFIER, left - floor), 0, -1):
            start = left - size
            phrase = tuple(self.lo[k] for k in range(start, left))
            bound = _QUALIFIERS.get(phrase)
            if bound is None:
                continue
            if phrase[0] in ("c", "ca") and self.tx[start] != phrase[0]:
                continue  # "Category C. 5": a capital C is not "circa"
            if phrase == ("over",) and self.lo[start - 1] in _OVER_VERBS:
                continue  # "handed over 12 knives"
            written = self.text[self.st[start] : self.en[left - 1]]
            return _Qualifier(start, left - 1, " ".join(written.lower().split()), bound)
        return None

    def _postfix_qualifier(self, mention: _Mention) -> _Qualifier | None:
        """Match "or more", "or so", "+" or "-plus" written after a number."""
        k = mention.last + 1
        if self.tx[k] == "+" and self.aj[k]:
            return _Qualifier(k, k, "+", _Bound.AT_LEAST)
        if self.tx[k] in _HYPHENS and self.aj[k] and self.aj[k + 1]:
            if self.lo[k + 1] == "plus":
                return _Qualifier(k, k + 1, "plus", _Bound.AT_LEAST)
            if self.lo[k + 1] == "odd":
                return _Qualifier(k, k + 1, "odd", _Bound.ABOUT)
        phrase = (self.lo[k], self.lo[k + 1])
        if phrase in _POSTFIX_QUALIFIERS:
            return _Qualifier(k, k + 1, " ".join(phrase), _POSTFIX_QUALIFIERS[phrase])
        return None

    def _qualify(self, mention: _Mention, qualifier: _Qualifier | None) -> None:
        """Widen a mention's bounds by its qualifier, written before or after it."""
        if qualifier is None:
            qualifier = self._postfix_qualifier(mention)
            if qualifier is None:
                return
            mention.last = qualifier.last
        else:
            mention.first = min(mention.first, qualifier.first)
        mention.qualifier, mention.bound = qualifier.text, qualifier.bound
        mention.low, mention.high = _widen(
            qualifier.bound, mention.value, mention.value, mention.low, mention.high
        )

    # ------------------------------------------------------------------ ranges

    def _range(self, a: _Mention, floor: int) -> _Mention | None:
        """Join "between 18 and 25" or "10-15%" into one quantity."""
        after = a.last + 1
        left = a.first
        if a.kind is Kind.AGE and self.lo[left] in _AGE_WORDS:
            left += 1
        aged = a.kind is Kind.AGE and self.lo[left - 2] in _AGE_WORDS and left - 2 >= floor
        between = self.lo[left - 1] == "between" and left - 1 >= floor and a.qualifier is None
        if between and self.lo[after] == "and":
            start = after + 1
        elif a.kind is Kind.AGE and self.lo[left - 1] in _AGE_WORDS and self.lo[after] == "to":
            start, between = after + 1, False  # "aged 16 to 25"
        elif self._hyphen_range(a, after):
            start, between = after + 1, False
        else:
            return None
        floor_b = start
        if self.tx[start] in _CURRENCIES and self.aj[start + 1]:
            start += 1  # "between £5m and £10m"
        if not (self.isn[start] or self.lo[start] in _WORD_STARTS):
            return None
        b = self._mention(start, floor_b)
        if not isinstance(b, _Mention) or b.kind not in _RANGE_KINDS or b.qualifier:
            return None
        joined = self._join(a, b)
        if joined is None:
            return None
        if between:
            joined.first = min(joined.first, left - 2 if aged else left - 1)
            joined.qualifier = "between"
        return joined

    def _hyphen_range(self, a: _Mention, after: int) -> bool:
        """Tell whether "A-B" at ``after`` joins two plain numbers, not a code ("1-6762320-9")."""
        if a.atom is None or a.last != a.atom.last:
            return False
        if not (self.tx[after] in _HYPHENS and self.aj[after] and self.aj[after + 1]):
            return False
        chained = self.aj[after + 2] and self.tx[after + 2] in _HYPHENS
        if not self.isn[after + 1] or chained:
            return False
        return not (self.tx[a.first - 1] in _HYPHENS and self.aj[a.first])

    def _join(self, a: _Mention, b: _Mention) -> _Mention | None:
        """Merge the two ends of a range, or return None if their kinds do not fit."""
        if (
            a.bare
            and b.atom is not None
            and a.atom is not None
            and (a.kind is not b.kind or a.atom.scale != b.atom.scale)
        ):
            kind = b.kind
            low_end = self._borrow_unit(a.atom, b)
        elif a.kind is b.kind or {a.kind, b.kind} == {Kind.COUNT, Kind.DECIMAL}:
            kind = Kind.DECIMAL if Kind.DECIMAL in (a.kind, b.kind) else a.kind
            low_end = a
        elif b.bare:
            kind = a.kind
            low_end = a
        else:
            return None
        if low_end.value > b.value:
            return None
        value = (low_end.value + b.value) / 2
        low, high = min(low_end.low, b.low), max(low_end.high, b.high)
        if a.bound is not None:  # "around 10-15": the qualifier covers the whole range
            low, high = _widen(a.bound, low_end.value, b.value, low, high)
        return _Mention(
            a.first,
            b.last,
            kind,
            value,
            low,
            high,
            words=a.words or b.words,
            qualifier=a.qualifier,
            bound=a.bound,
        )

    def _borrow_unit(self, atom: _Atom, b: _Mention) -> _Mention:
        """Read the first number of "10-15%" or "2 and 3 million" in its partner's unit."""
        partner = b.atom
        assert partner is not None
        scale = partner.scale if atom.scale == 1.0 else atom.scale
        borrowed = _Atom(
            atom.first,
            atom.last,
            atom.value,
            atom.decimals,
            atom.words,
            scale,
            partner.rounded or atom.rounded,
        )
        mention = self._amount(b.kind, borrowed, atom.first, atom.last)
        if b.kind is Kind.AGE and b.atom is not None and b.atom.total:
            per_unit = b.value / b.atom.total
            mention.value, mention.low, mention.high = (
                mention.value * per_unit,
                mention.low * per_unit,
                mention.high * per_unit,
            )
        return mention


_SCALE_WORDS = frozenset({*_ROUND_SCALES, *_EXACT_SCALES})
_REFERENCE_GATE = frozenset(
    {
        *_REFERENCE_WORDS,
        *(w.lower() for w in _CAPITAL_REFERENCE_WORDS),
        *_REFERENCE_BEFORE_HYPHEN,
        *_HYPHENS,
        ".",
        ":",
        "#",
    }
)
_DATE_NEXT = frozenset({*_MONTHS, *_ORDINAL_SUFFIXES, *_HYPHENS, "of", "and", "to", "or", "&", ","})
_DATE_PREVIOUS = frozenset({*_MONTHS, "."})
_UNIT_NEXT = frozenset(
    {"%", "per", "percent", "percentage", *_HYPHENS, *_MONEY_WORDS, *_TIME_UNITS, *_GLUED_AGE}
)
_AGE_WORDS = frozenset({"aged", "age", "ages"})
_AGE_PREVIOUS = frozenset({*_AGE_WORDS, "between", "all", "both", "of", ",", "("})
_CHANGE_PREVIOUS = frozenset(
    {"by", "of", "up", "down", "further", "another", "extra", "additional"}
)


def _half_step(kind: Kind, atom: _Atom) -> float:
    """Return half the last written unit: the rounding a figure's precision allows."""
    if atom.words and atom.rounded:
        # "two million" is rounded to the million, "half a million" to a tenth of one.
        return 0.5 * atom.scale * (1.0 if float(atom.value).is_integer() else 0.1)
    if not atom.words and (atom.rounded or atom.decimals):
        return 0.5 * 10.0**-atom.decimals * atom.scale
    if kind in _ROUNDED_KINDS:
        return 0.5
    return 0.0


def _widen(
    bound: _Bound, low_value: float, high_value: float, low: float, high: float
) -> tuple[float, float]:
    """Apply a qualifier to a value already bounded by its precision (the union of both)."""
    if bound is _Bound.AT_LEAST:
        q_low, q_high = low_value, math.inf
    elif bound is _Bound.JUST_OVER:
        q_low, q_high = low_value, 1.1 * high_value
    elif bound is _Bound.AT_MOST:
        q_low, q_high = min(0.0, low_value), high_value
    elif bound is _Bound.ALMOST:
        q_low, q_high = 0.9 * low_value, high_value
    elif bound is _Bound.ABOUT:
        q_low, q_high = 0.9 * low_value, 1.1 * high_value
    else:
        q_low, q_high = low, high
    return min(q_low, low), max(q_high, high)


def _is_year(chain: str) -> bool:
    """Tell whether a digit chain reads as a year of the last two centuries or this one."""
    return len(chain) == 4 and chain.isdigit() and 1800 <= int(chain) <= 2099


def _odd_chain(chain: str) -> bool:
    """Tell whether a digit chain is too long, or has commas that do not group thousands."""
    if len(chain) > _MAX_CHAIN:
        return True
    return "," in chain and not _GROUPED.fullmatch(chain)


def _chain_pieces(chain: str, start: int) -> list[tuple[int, str, bool]]:
    """Split "25,39" into numbers and commas; make an overlong chain one junk token.

    Each piece is (offset, text, whether it is a number); junk is not a number.
    """
    if len(chain) > _MAX_LISTED:
        return [(start, chain, False)]
    pieces: list[tuple[int, str, bool]] = []
    offset = 0
    for piece in chain.split(","):
        if offset:
            pieces.append((start + offset - 1, ",", False))
        pieces.append((start + offset, piece, True))
        offset += len(piece) + 1
    return pieces


def _leading(chain: str) -> float:
    """Return the first number in a chain such as "1.2.3" or "3:1"."""
    match = re.match(r"[0-9]+", chain)
    return float(match.group()) if match else 0.0


def _following_year(year: int, written: str) -> int | None:
    """Return the year that ``written`` abbreviates after ``year`` ("2019-20" -> 2020)."""
    if not written.isdigit() or len(written) not in (1, 2, 4):
        return None
    if len(written) == 4:
        second = int(written)
    else:
        base = 10 ** len(written)
        second = year - year % base + int(written)
        if second <= year:
            second += base
    return second if 0 < second - year <= 10 else None


def _valid_day_month(parts: list[str]) -> bool:
    """Tell whether ``parts`` read as day/month or day/month/year."""
    if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
        return False
    day, month = int(parts[0]), int(parts[1])
    if len(parts) == 3 and len(parts[2]) not in (2, 4):
        return False
    return 1 <= day <= 31 and 1 <= month <= 12 and len(parts[0]) <= 2 and len(parts[1]) <= 2
