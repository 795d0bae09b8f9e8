"""Tests for checks.extract.numbers: what each number in a sentence is, and what it allows.

Sentences come from the seed releases and the development corpus (copied here so
the tests stand alone) and from hand-written cases for each rule.
"""

from __future__ import annotations

import math
import random

import pytest

from checks.extract.numbers import find_quantities
from checks.model import Kind, Quantity

INF = math.inf


def _find(text: str, span: str, occurrence: int = 0) -> Quantity:
    """Return the quantity whose text is ``span`` (the n-th such one)."""
    hits = [q for q in find_quantities(text) if q.text == span]
    found = [q.text for q in find_quantities(text)]
    assert len(hits) > occurrence, f"{span!r} not found in {found}"
    return hits[occurrence]


# --------------------------------------------------------------------------- the table
# (sentence, mention text, kind, value, low, high, qualifier, words)

C = Kind.COUNT
CASES: list[tuple[str, str, Kind, float, float, float, str | None, bool]] = [
    # plain numerals
    ("the teams have carried out 593 investigations", "593", C, 593, 593, 593, None, False),
    ("Leicestershire Police collected 1,107, Nottinghamshire Police 1,937 and Lincolnshire "
     "Police 1,448.", "1,107", C, 1107, 1107, 1107, None, False),
    ("Leicestershire Police collected 1,107, Nottinghamshire Police 1,937 and Lincolnshire "
     "Police 1,448.", "1,937", C, 1937, 1937, 1937, None, False),
    ("Leicestershire Police collected 1,107, Nottinghamshire Police 1,937 and Lincolnshire "
     "Police 1,448.", "1,448", C, 1448, 1448, 1448, None, False),
    ("or 23,216 calls on an average day", "23,216", C, 23216, 23216, 23216, None, False),
    ("followed a 999 call and 309,260 (4.9 per cent) followed a call to 111.", "309,260", C,
     309260, 309260, 309260, None, False),
    ("Fire deaths fell by 23%, from 338 to 261.", "338", C, 338, 338, 338, None, False),
    ("| Staffordshire Police | 96 | 61 | 55 | 38 | 74 |", "74", C, 74, 74, 74, None, False),
    # decimals and scales
    ("counts 8.47 million emergency calls to 999 over the year", "8.47 million", Kind.DECIMAL,
     8.47e6, 8.465e6, 8.475e6, None, False),
    ("Emergency vehicles were sent in response to 6.33 million calls.", "6.33 million",
     Kind.DECIMAL, 6.33e6, 6.325e6, 6.335e6, None, False),
    ("against 28.5m tonnes in 2007/8", "28.5m", Kind.DECIMAL, 28.5e6, 28.45e6, 28.55e6, None,
     False),
    ("Of the waste collected, 13.8m tonnes was sent to landfill.", "13.8m", Kind.DECIMAL,
     13.8e6, 13.75e6, 13.85e6, None, False),
    ("with a recycling and composting rate of 61.58%.", "61.58%", Kind.PERCENT, 61.58, 61.575,
     61.585, None, False),
    ("the deficit is 16.1 on the index", "16.1", Kind.DECIMAL, 16.1, 16.05, 16.15, None, False),
    ("A crowd of two million people", "two million", Kind.DECIMAL, 2e6, 1.5e6, 2.5e6, None,
     True),
    ("Almost a million people tuned in", "Almost a million", Kind.DECIMAL, 1e6, 0.5e6, 1.5e6,
     "almost", True),
    ("some two thousand officers", "some two thousand", C, 2000, 1800, 2200, "some", True),
    ("Officers seized 2 thousand items", "2 thousand", C, 2000, 2000, 2000, None, False),
    # number words
    ("Three warrants were executed in Staffordshire resulting in three arrests.", "Three", C,
     3, 3, 3, None, True),
    ("Three warrants were executed in Staffordshire resulting in three arrests.", "three", C,
     3, 3, 3, None, True),
    ("Twenty-seven children were safeguarded.", "Twenty-seven", C, 27, 27, 27, None, True),
    ("Seventy-nine people were charged.", "Seventy-nine", C, 79, 79, 79, None, True),
    ("Seventy-six people were charged over the same period.", "Seventy-six", C, 76, 76, 76,
     None, True),
    ("Thirty people were arrested during the week.", "Thirty", C, 30, 30, 30, None, True),
    ("Fourteen people have been charged", "Fourteen", C, 14, 14, 14, None, True),
    ("They seized a dozen phones", "a dozen", C, 12, 12, 12, None, True),
    ("They seized half a dozen phones", "half a dozen", C, 6, 6, 6, None, True),
    ("There were two hundred and fifty calls", "two hundred and fifty", C, 250, 250, 250, None,
     True),
    ("about a hundred people came", "about a hundred", C, 100, 90, 110, "about", True),
    ("twenty one officers took part", "twenty one", C, 21, 21, 21, None, True),
    ("One arrest has taken place in Telford.", "One", C, 1, 1, 1, None, True),
    ("two in Hambleton and one in Richmondshire", "one", C, 1, 1, 1, None, True),
    ("one of the officers was injured", "one", C, 1, 1, 1, None, True),
    ("There were zero arrests", "zero", C, 0, 0, 0, None, True),
    # qualifiers
    ("More than 4,500 knives and other bladed weapons were handed in", "More than 4,500", C,
     4500, 4500, INF, "more than", False),
    ("officers have acted on more than 380 referrals", "more than 380", C, 380, 380, INF,
     "more than", False),
    ("over the last year around 230 children have been safeguarded", "around 230", C, 230,
     207, 253, "around", False),
    ("recorded almost 100 serious or fatal knife attacks", "almost 100", C, 100, 90, 100,
     "almost", False),
    ("Nationally, nearly 18,000 weapons were surrendered", "nearly 18,000", C, 18000, 16200,
     18000, "nearly", False),
    ("# Just over 5,000 call-outs for Norfolk firefighters in a year", "Just over 5,000", C,
     5000, 5000, 5500, "just over", False),
    ("Around 40 officers from the alliance took part.", "Around 40", C, 40, 36, 44, "around",
     False),
    ("There were over 30 incidents", "over 30", C, 30, 30, INF, "over", False),
    ("It will take above 12 officers", "above 12", C, 12, 12, INF, "above", False),
    ("costs in excess of 40 hours", "in excess of 40 hours", Kind.DURATION, 40, 40, INF,
     "in excess of", False),
    ("upwards of 200 people attended", "upwards of 200", C, 200, 200, INF, "upwards of",
     False),
    ("at least 12 people were hurt", "at least 12", C, 12, 12, INF, "at least", False),
    ("a minimum of 8 officers", "a minimum of 8", C, 8, 8, INF, "a minimum of", False),
    ("fewer than 50 people", "fewer than 50", C, 50, 0, 50, "fewer than", False),
    ("less than 20 calls", "less than 20", C, 20, 0, 20, "less than", False),
    ("young people under 18 involves", "under 18", C, 18, 0, 18, "under", False),
    ("below 10 arrests", "below 10", C, 10, 0, 10, "below", False),
    ("up to 40 officers", "up to 40", C, 40, 0, 40, "up to", False),
    ("at most 6 warrants", "at most 6", C, 6, 0, 6, "at most", False),
    ("no more than 9 people", "no more than 9", C, 9, 0, 9, "no more than", False),
    ("a maximum of 30 people", "a maximum of 30", C, 30, 0, 30, "a maximum of", False),
    ("close to 300 people", "close to 300", C, 300, 270, 300, "close to", False),
    ("just under 500 calls", "just under 500", C, 500, 450, 500, "just under", False),
    ("just short of 1,000 knives", "just short of 1,000", C, 1000, 900, 1000, "just short of",
     False),
    ("about 60 officers", "about 60", C, 60, 54, 66, "about", False),
    ("approximately 70 officers", "approximately 70", C, 70, 63, 77, "approximately", False),
    ("approx. 70 officers", "approx. 70", C, 70, 63, 77, "approx.", False),
    ("roughly 70 officers", "roughly 70", C, 70, 63, 77, "roughly", False),
    ("some 70 officers", "some 70", C, 70, 63, 77, "some", False),
    ("circa 70 officers", "circa 70", C, 70, 63, 77, "circa", False),
    ("c. 70 officers", "c. 70", C, 70, 63, 77, "c.", False),
    ("c.70 officers", "c.70", C, 70, 63, 77, "c.", False),
    ("40 or more officers", "40 or more", C, 40, 40, INF, "or more", False),
    ("to an estimated 27.5m tonnes", "an estimated 27.5m", Kind.DECIMAL, 27.5e6, 27.45e6,
     27.55e6, "an estimated", False),
    ("an estimated 300 people", "an estimated 300", C, 300, 300, 300, "an estimated", False),
    ("Regional rates ranged from under 30% in London to almost 45% in the East", "under 30%",
     Kind.PERCENT, 30, 0, 30.5, "under", False),
    ("Regional rates ranged from under 30% in London to almost 45% in the East", "almost 45%",
     Kind.PERCENT, 45, 40.5, 45.5, "almost", False),
    ("more than 37% of household rubbish", "more than 37%", Kind.PERCENT, 37, 36.5, INF,
     "more than", False),
    ("the amount fell by more than a million tonnes", "more than a million", Kind.CHANGE, 1e6,
     0.5e6, INF, "more than", True),
    ("More  Than\n200 officers", "More  Than\n200", C, 200, 200, INF, "more than", False),
    # ranges
    ("between 18 and 25 people", "between 18 and 25", C, 21.5, 18, 25, "between", False),
    ("a group of 18-25 people", "18-25", C, 21.5, 18, 25, None, False),
    ("a group of 18–25 people", "18–25", C, 21.5, 18, 25, None, False),
    ("between 10 and 20 per cent", "between 10 and 20 per cent", Kind.PERCENT, 15, 9.5, 20.5,
     "between", False),
    ("rates of 10-15% were seen", "10-15%", Kind.PERCENT, 12.5, 9.5, 15.5, None, False),
    ("it takes 2-3 weeks", "2-3 weeks", Kind.DURATION, 2.5, 2, 3, None, False),
    ("between 2 and 3 million people", "between 2 and 3 million", Kind.DECIMAL, 2.5e6, 1.5e6,
     3.5e6, "between", False),
    ("around 10-15 people", "around 10-15", C, 12.5, 9, 16.5, "around", False),
    ("between 60 and 70 incidents reported each month", "between 60 and 70", Kind.RATE, 65, 60,
     70, "between", False),
    ("between £5m and £10m", "between £5m and £10m", Kind.MONEY, 7.5e6, 4.5e6, 10.5e6,
     "between", False),
    # precision of percentages
    ("effecting entry or exit, up 7% from 23,391 to 24,876;", "7%", Kind.PERCENT, 7, 6.5, 7.5,
     None, False),
    ("6.02 million (95.1 per cent) followed a 999 call", "95.1 per cent", Kind.PERCENT, 95.1,
     95.05, 95.15, None, False),
    ("a fall of 20 per cent on the same period", "20 per cent", Kind.PERCENT, 20, 19.5, 20.5,
     None, False),
    ("a rise of 16 percent", "16 percent", Kind.PERCENT, 16, 15.5, 16.5, None, False),
    ("English councils recycled or composted 37.6% of household waste", "37.6%", Kind.PERCENT,
     37.6, 37.55, 37.65, None, False),
    ("0.8 per cent fewer than the 8.54 million", "0.8 per cent", Kind.PERCENT, 0.8, 0.75, 0.85,
     None, False),
    ("the rate up by more than three percentage points on the 34.5%",
     "more than three percentage points", Kind.POINTS, 3, 2.5, INF, "more than", True),
    ("a gap of 3.1 percentage points", "3.1 percentage points", Kind.POINTS, 3.1, 3.05, 3.15,
     None, False),
    # money
    ("could cost councils an extra £1.1bn by 2013", "£1.1bn", Kind.MONEY, 1.1e9, 1.05e9,
     1.15e9, None, False),
    ("a fine of £20,000", "£20,000", Kind.MONEY, 20000, 20000, 20000, None, False),
    ("a budget of $5m", "$5m", Kind.MONEY, 5e6, 4.5e6, 5.5e6, None, False),
    ("tickets cost €3", "€3", Kind.MONEY, 3, 3, 3, None, False),
    ("a 20p charge", "20p", Kind.MONEY, 0.2, 0.2, 0.2, None, False),
    ("a 50 pence coin", "50 pence", Kind.MONEY, 0.5, 0.5, 0.5, None, False),
    ("a £5 million scheme", "£5 million", Kind.MONEY, 5e6, 4.5e6, 5.5e6, None, False),
    ("more than £1.1bn", "more than £1.1bn", Kind.MONEY, 1.1e9, 1.05e9, INF, "more than",
     False),
    ("it cost five pounds", "five pounds", Kind.MONEY, 5, 5, 5, None, True),
    # years
    ("pioneered in Staffordshire during the summer of 2015 before", "2015", Kind.YEAR, 2015,
     2015, 2015, None, False),
    ("since the alliance joined Keystone at its launch in 2017, its officers", "2017",
     Kind.YEAR, 2017, 2017, 2017, None, False),
    ("called out to 5,029 incidents in the 2019-20 financial year", "2019-20", Kind.YEAR,
     2019, 2019, 2020, None, False),
    ("In 2013-14 the target time was met", "2013-14", Kind.YEAR, 2013, 2013, 2014, None,
     False),
    ("on the 34.5% of 2007/8, and far above", "2007/8", Kind.YEAR, 2007, 2007, 2008, None,
     False),
    ("the 11.2% recorded in 2000/1.", "2000/1", Kind.YEAR, 2000, 2000, 2001, None, False),
    ("deaths have been falling since the 1980s", "1980s", Kind.YEAR, 1980, 1980, 1989, None,
     False),
    ("the years 1999-2000 were hard", "1999-2000", Kind.YEAR, 1999, 1999, 2000, None, False),
    ("the force recruited 2000 officers", "2000", C, 2000, 2000, 2000, None, False),
    ("in 2000 officers were recruited", "2000", Kind.YEAR, 2000, 2000, 2000, None, False),
    ("the 2019 figures show", "2019", Kind.YEAR, 2019, 2019, 2019, None, False),
    ("a total of 1,999 knives", "1,999", C, 1999, 1999, 1999, None, False),
    # dates
    ("a day of action on Wednesday 14 September.", "14 September", Kind.DATE, 14, 14, 14,
     None, False),
    ("Operation Cordella ran from Monday 26 September to Saturday 9 October.", "26 September",
     Kind.DATE, 26, 26, 26, None, False),
    ("Operation Safenet February 1, 2017 Police forces", "February 1, 2017", Kind.DATE, 1, 1,
     1, None, False),
    ("Figures to 31st March show", "31st March", Kind.DATE, 31, 31, 31, None, False),
    ("published 09:26 26/03/2021", "26/03/2021", Kind.DATE, 26, 26, 26, None, False),
    ("date: 2021-09-15", "2021-09-15", Kind.DATE, 15, 15, 15, None, False),
    ("39 people arrested during the fortnight of 7-20 February", "7-20 February", Kind.DATE,
     7, 7, 20, None, False),
    ("Figures to 31 March 2021 show", "31 March 2021", Kind.DATE, 31, 31, 31, None, False),
    ("The amnesty ran from 24 May to 30 June.", "30 June", Kind.DATE, 30, 30, 30, None, False),
    ("on the 24th of May", "24th of May", Kind.DATE, 24, 24, 24, None, False),
    ("from March 3 onwards", "March 3", Kind.DATE, 3, 3, 3, None, False),
    ("on Sept. 14 there was", "Sept. 14", Kind.DATE, 14, 14, 14, None, False),
    # times
    ("publish: date: 09:26 26/03/2021", "09:26", Kind.TIME, 9 + 26 / 60, 9 + 26 / 60,
     9 + 26 / 60, None, False),
    ("the raid began at 11pm", "11pm", Kind.TIME, 23, 23, 23, None, False),
    ("the raid began at 10.30am", "10.30am", Kind.TIME, 10.5, 10.5, 10.5, None, False),
    ("the raid began at 2.15 pm", "2.15 pm", Kind.TIME, 14.25, 14.25, 14.25, None, False),
    ("the raid began at 11 a.m. on", "11 a.m.", Kind.TIME, 11, 11, 11, None, False),
    # ages
    ("A 55-year-old from Stafford; a 52-year-old from Stone", "55-year-old", Kind.AGE, 55, 55,
     55, None, False),
    ("One arrest has taken place in Telford. A 62-yearold was arrested", "62-yearold",
     Kind.AGE, 62, 62, 62, None, False),
    ("a 62 year old man", "62 year old", Kind.AGE, 62, 62, 62, None, False),
    ("he is 62 years old", "62 years old", Kind.AGE, 62, 62, 62, None, False),
    ("a sixty-two-year-old man", "sixty-two-year-old", Kind.AGE, 62, 62, 62, None, True),
    ("Two men, aged 25 and 39, were arrested in Coventry", "aged 25", Kind.AGE, 25, 25, 25,
     None, False),
    ("Two men, aged 25 and 39, were arrested in Coventry", "39", Kind.AGE, 39, 39, 39, None,
     False),
    ("five men aged 19, 23, 26, 28 and 32, three men who are all 25, and a woman aged 21",
     "26", Kind.AGE, 26, 26, 26, None, False),
    ("five men aged 19, 23, 26, 28 and 32, three men who are all 25, and a woman aged 21",
     "32", Kind.AGE, 32, 32, 32, None, False),
    ("five men aged 19, 23, 26, 28 and 32, three men who are all 25, and a woman aged 21",
     "25", Kind.AGE, 25, 25, 25, None, False),
    ("five men aged 19, 23, 26, 28 and 32, three men who are all 25, and a woman aged 21",
     "aged 21", Kind.AGE, 21, 21, 21, None, False),
    ("three men, all aged 25, were charged", "aged 25", Kind.AGE, 25, 25, 25, None, False),
    ("people aged between 18 and 25", "aged between 18 and 25", Kind.AGE, 21.5, 18, 25,
     "between", False),
    ("Burglaries affecting people aged over 60 fell by 16 per cent", "aged over 60", Kind.AGE,
     60, 60, INF, "over", False),
    ("- Daniel Hollins, 34, of Erdington, Birmingham", "34", Kind.AGE, 34, 34, 34, None,
     False),
    ("- Mark Pearce, 51, from Coventry", "51", Kind.AGE, 51, 51, 51, None, False),
    ("John Smith (45) of Leek was charged", "45", Kind.AGE, 45, 45, 45, None, False),
    ("a 370-year-old man from Tamworth", "370-year-old", Kind.AGE, 370, 370, 370, None,
     False),
    ("a group of 16-24 year olds", "16-24 year olds", Kind.AGE, 20, 16, 24, None, False),
    ("a six-month-old baby", "six-month-old", Kind.AGE, 0.5, 0.5, 0.5, None, True),
    # durations
    ("often within four weeks of conducting the raid", "four weeks", Kind.DURATION, 4, 4, 4,
     None, True),
    ("In the last 12 months, officers have acted", "12 months", Kind.DURATION, 12, 12, 12,
     None, False),
    ("And over the last two weeks, the team have carried out seven warrants", "two weeks",
     Kind.DURATION, 2, 2, 2, None, True),
    ("In seventeen months our teams have arrested nearly 250 people", "seventeen months",
     Kind.DURATION, 17, 17, 17, None, True),
    ("within eight minutes in 75 per cent of Category A cases", "eight minutes",
     Kind.DURATION, 8, 8, 8, None, True),
    ("Three and a half years after it began", "Three and a half years", Kind.DURATION, 3.5,
     3.5, 3.5, None, True),
    ("during the five-week national knife amnesty", "five-week", Kind.DURATION, 5, 5, 5, None,
     True),
    ("missed the eight-minute standard for Red 1 calls", "eight-minute", Kind.DURATION, 8, 8,
     8, None, True),
    ("a 24-hour operation", "24-hour", Kind.DURATION, 24, 24, 24, None, False),
    ("within 24 hours", "24 hours", Kind.DURATION, 24, 24, 24, None, False),
    ("a 2 day course", "2 day", Kind.DURATION, 2, 2, 2, None, False),
    # rates
    ("handled an average of 16.1 emergency calls a minute during 2013-14", "16.1", Kind.RATE,
     16.1, 16.05, 16.15, None, False),
    ("an average of 12 per day", "12 per day", Kind.RATE, 12, 12, 12, None, False),
    ("drivers doing 30mph", "30mph", Kind.RATE, 30, 30, 30, None, False),
    # phone numbers
    ("Anyone with information should call 101, or 999 in an emergency.", "101", Kind.PHONE,
     101, 101, 101, None, False),
    ("Anyone with information should call 101, or 999 in an emergency.", "999", Kind.PHONE,
     999, 999, 999, None, False),
    ("6.02 million (95.1 per cent) followed a 999 call", "999", Kind.PHONE, 999, 999, 999,
     None, False),
    ("emergency calls passed on by the NHS 111 service.", "111", Kind.PHONE, 111, 111, 111,
     None, False),
    ("counts 8.47 million emergency calls to 999 over the year", "999", Kind.PHONE, 999, 999,
     999, None, False),
    ("309,260 (4.9 per cent) followed a call to 111.", "111", Kind.PHONE, 111, 111, 111, None,
     False),
    ("Contact police on 101.", "101", Kind.PHONE, 101, 101, 101, None, False),
    ("Ring 0800 555 111 free", "0800 555 111", Kind.PHONE, 800555111, 800555111, 800555111,
     None, False),
    ("Call 01234 567890 today", "01234 567890", Kind.PHONE, 1234567890, 1234567890,
     1234567890, None, False),
    ("or 0300 123 4567.", "0300 123 4567", Kind.PHONE, 3001234567, 3001234567, 3001234567,
     None, False),
    ("the force made 101 arrests", "101", C, 101, 101, 101, None, False),
    # references
    ("arrested under Section 160 of the Act", "Section 160", Kind.REFERENCE, 160, 160, 160,
     None, False),
    ("millions tuned in to Channel 4's hard-hitting documentary", "Channel 4", Kind.REFERENCE,
     4, 4, 4, None, False),
    ("Article 8 rights", "Article 8", Kind.REFERENCE, 8, 8, 8, None, False),
    ("Part 2 of the Act", "Part 2", Kind.REFERENCE, 2, 2, 2, None, False),
    ("under Schedule 7 powers", "Schedule 7", Kind.REFERENCE, 7, 7, 7, None, False),
    ("in Room 101", "Room 101", Kind.REFERENCE, 101, 101, 101, None, False),
    ("see No. 5 on the list", "No. 5", Kind.REFERENCE, 5, 5, 5, None, False),
    ("see page 12", "page 12", Kind.REFERENCE, 12, 12, 12, None, False),
    ("135,240 calls (4.7 per cent) were Red 1 emergencies", "Red 1", Kind.REFERENCE, 1, 1, 1,
     None, False),
    ("2.74 million (95.3 per cent) were Red 2 calls", "Red 2", Kind.REFERENCE, 2, 2, 2, None,
     False),
    ("a Level 3 incident", "Level 3", Kind.REFERENCE, 3, 3, 3, None, False),
    ("Tier 2 restrictions", "Tier 2", Kind.REFERENCE, 2, 2, 2, None, False),
    ("a Category 1 call", "Category 1", Kind.REFERENCE, 1, 1, 1, None, False),
    ("Phase 2 of the scheme", "Phase 2", Kind.REFERENCE, 2, 2, 2, None, False),
    ("pupils at Key Stage 2", "Key Stage 2", Kind.REFERENCE, 2, 2, 2, None, False),
    ("near Junction 10 of the M6", "Junction 10", Kind.REFERENCE, 10, 10, 10, None, False),
    ("near Junction 10 of the M6", "M6", Kind.REFERENCE, 6, 6, 6, None, False),
    ("during the Covid-19 pandemic", "Covid-19", Kind.REFERENCE, 19, 19, 19, None, False),
    ("a crash on the A34 near Oxford", "A34", Kind.REFERENCE, 34, 34, 34, None, False),
    ("the B4144 was closed", "B4144", Kind.REFERENCE, 4144, 4144, 4144, None, False),
    ("a 5G mast", "5G", Kind.REFERENCE, 5, 5, 5, None, False),
    ("quoting log 123 of 14 March", "log 123", Kind.REFERENCE, 123, 123, 123, None, False),
    ("quote Ref: 4567", "Ref: 4567", Kind.REFERENCE, 4567, 4567, 4567, None, False),
    ("PC 2345 Smith said", "PC 2345", Kind.REFERENCE, 2345, 2345, 2345, None, False),
    ("a raid on 12 High Street, Leek", "12", Kind.REFERENCE, 12, 12, 12, None, False),
    ("at 4 Tile Hill Road, Coventry", "4", Kind.REFERENCE, 4, 4, 4, None, False),
    ("sold 12 Street Fighter games", "12", C, 12, 12, 12, None, False),
    ("15 West Midlands Police officers", "15", C, 15, 15, 15, None, False),
    ("1. Figures cover reported collisions", "1.", Kind.REFERENCE, 1, 1, 1, None, False),
    ("Notes\n2) A person is counted as killed", "2)", Kind.REFERENCE, 2, 2, 2, None, False),
    ("there were 5. Police said", "5", C, 5, 5, 5, None, False),
    ("Sorina Dumitru, 26, also of Abbey Green, Nuneaton", "26", Kind.AGE, 26, 26, 26, None,
     False),
    ("John Smith, 34, of no fixed abode, was charged", "34", Kind.AGE, 34, 34, 34, None, False),
    ("Connor Walsh, 218, of Burnley Wood, Burnley", "218", Kind.AGE, 218, 218, 218, None,
     False),
    ("In Birmingham, 34, of whom 20 were charged", "34", C, 34, 34, 34, None, False),
    # ordinals
    ("the 1st and 3rd of the series", "1st", Kind.ORDINAL, 1, 1, 1, None, False),
    ("the 1st and 3rd of the series", "3rd", Kind.ORDINAL, 3, 3, 3, None, False),
    ("in the 21st century", "21st", Kind.ORDINAL, 21, 21, 21, None, False),
    ("has published its first progress figures", "first", Kind.ORDINAL, 1, 1, 1, None, True),
    ("a second man was arrested", "second", Kind.ORDINAL, 2, 2, 2, None, True),
    ("the tenth arrest", "tenth", Kind.ORDINAL, 10, 10, 10, None, True),
    ("its twentieth year", "twentieth", Kind.ORDINAL, 20, 20, 20, None, True),
    ("its twenty-first year", "twenty-first", Kind.ORDINAL, 21, 21, 21, None, True),
    # changes
    ("arrested 121 people, three more than in the previous 12 months (118).",
     "three more than", Kind.CHANGE, 3, 3, 3, None, True),
    ("two more arrests were made", "two more", Kind.CHANGE, 2, 2, 2, None, True),
    ("and a further 20 were charged", "a further 20", Kind.CHANGE, 20, 20, 20, None, False),
    ("another 12 were bailed", "another 12", Kind.CHANGE, 12, 12, 12, None, False),
    ("an extra 5 officers", "an extra 5", Kind.CHANGE, 5, 5, 5, None, False),
    ("an additional 30 patrols", "an additional 30", Kind.CHANGE, 30, 30, 30, None, False),
    ("waste collected fell by 1.2m tonnes to an estimated 27.5m tonnes", "1.2m", Kind.CHANGE,
     1.2e6, 1.15e6, 1.25e6, None, False),
    ("arrests rose by 12 on last year", "12", Kind.CHANGE, 12, 12, 12, None, False),
    ("the total was 121, up 3 on the year before", "3", Kind.CHANGE, 3, 3, 3, None, False),
    ("a reduction of 40 incidents", "40", Kind.CHANGE, 40, 40, 40, None, False),
    # more awkward spellings
    ("half a million people", "half a million", Kind.DECIMAL, 5e5, 4.5e5, 5.5e5, None, True),
    ("forty-one officers", "forty-one", C, 41, 41, 41, None, True),
    ("one hundred and twenty-three people", "one hundred and twenty-three", C, 123, 123, 123,
     None, True),
    ("a nine-year-old girl", "nine-year-old", Kind.AGE, 9, 9, 9, None, True),
    ("a one-year sentence", "one-year", Kind.DURATION, 1, 1, 1, None, True),
    ("a 25-year sentence", "25-year", Kind.DURATION, 25, 25, 25, None, False),
    ("over 2000 years ago", "over 2000 years", Kind.DURATION, 2000, 2000, INF, "over", False),
    ("children aged 5-11", "aged 5-11", Kind.AGE, 8, 5, 11, None, False),
    ("pupils ages 11 to 16", "ages 11 to 16", Kind.AGE, 13.5, 11, 16, None, False),
    ("men aged 16 to 25 were held", "aged 16 to 25", Kind.AGE, 20.5, 16, 25, None, False),
    ("charged at the age of 25", "25", Kind.AGE, 25, 25, 25, None, False),
    ("a man in his 20s", "20s", Kind.AGE, 20, 20, 29, None, False),
    ("music of the 60s", "60s", Kind.YEAR, 1960, 1960, 1969, None, False),
    ("on 10th November 2022", "10th November 2022", Kind.DATE, 10, 10, 10, None, False),
    ("on November 10th", "November 10th", Kind.DATE, 10, 10, 10, None, False),
    ("from Nov 10", "Nov 10", Kind.DATE, 10, 10, 10, None, False),
    ("on 6 and 7 March", "6", Kind.DATE, 6, 6, 6, None, False),
    ("on 6 and 7 March", "7 March", Kind.DATE, 7, 7, 7, None, False),
    ("in March 12 people were arrested", "12", C, 12, 12, 12, None, False),
    ("open 10am-2pm", "2pm", Kind.TIME, 14, 14, 14, None, False),
    ("open 9.30am–4.30pm", "9.30am", Kind.TIME, 9.5, 9.5, 9.5, None, False),
    ("a round-the-clock 24/7 service", "24/7", Kind.RATE, 24, 24, 24, None, False),
    ("a 3:1 ratio", "3:1", Kind.REFERENCE, 3, 3, 3, None, False),
    ("see section 1.2.3", "1.2.3", Kind.REFERENCE, 1, 1, 1, None, False),
    ("three 4x4 vehicles", "4x4", Kind.REFERENCE, 4, 4, 4, None, False),
    ("results for Q3 2021", "Q3", Kind.REFERENCE, 3, 3, 3, None, False),
    ("results for Q3 2021", "2021", Kind.YEAR, 2021, 2021, 2021, None, False),
    ("date: 2023/05/24", "2023/05/24", Kind.DATE, 24, 24, 24, None, False),
    ("dial 112 in Europe", "112", Kind.PHONE, 112, 112, 112, None, False),
    ("ring 105 in a power cut", "105", Kind.PHONE, 105, 105, 105, None, False),
    ("phone 119 to book", "119", Kind.PHONE, 119, 119, 119, None, False),
    ("report it via 101.", "101", Kind.PHONE, 101, 101, 101, None, False),
    ("the force took 101 arrests to court", "101", C, 101, 101, 101, None, False),
    ("a 5km run", "5km", Kind.DECIMAL, 5, 5, 5, None, False),
    ("a budget of US$5m", "$5m", Kind.MONEY, 5e6, 4.5e6, 5.5e6, None, False),
    ("a £1,000-a-month fee", "£1,000", Kind.MONEY, 1000, 1000, 1000, None, False),
    ("tickets at £3.50", "£3.50", Kind.MONEY, 3.5, 3.495, 3.505, None, False),
    ("costs of £20k", "£20k", Kind.MONEY, 20000, 19500, 20500, None, False),
    ("2.5 billion views", "2.5 billion", Kind.DECIMAL, 2.5e9, 2.45e9, 2.55e9, None, False),
    ("1.5bn views", "1.5bn", Kind.DECIMAL, 1.5e9, 1.45e9, 1.55e9, None, False),
    ("1,000,000 views", "1,000,000", C, 1e6, 1e6, 1e6, None, False),
    ("a 3% points gap", "3% points", Kind.POINTS, 3, 2.5, 3.5, None, False),
    ("a gap of 3.1pp", "3.1pp", Kind.POINTS, 3.1, 3.05, 3.15, None, False),
    ("a 12 per-cent rise", "12 per-cent", Kind.PERCENT, 12, 11.5, 12.5, None, False),
    ("seven per cent of calls", "seven per cent", Kind.PERCENT, 7, 6.5, 7.5, None, True),
    ("more than more than 5 people", "more than 5", C, 5, 5, INF, "more than", False),
    ("a 40-plus crowd", "40-plus", C, 40, 40, INF, "plus", False),
    ("people aged 60+", "aged 60+", Kind.AGE, 60, 60, INF, "+", False),
    ("some 40-odd people", "some 40", C, 40, 36, 44, "some", False),
    ("a crowd of 40-odd", "40-odd", C, 40, 36, 44, "odd", False),
    ("40 or so people", "40 or so", C, 40, 36, 44, "or so", False),
    ("12 or fewer people", "12 or fewer", C, 12, 0, 12, "or fewer", False),
    ("people handed over 12 knives", "12", C, 12, 12, 12, None, False),
    ("Category C. 5 people were hurt", "5", C, 5, 5, 5, None, False),
    ("121 people, three more than 118 the year before", "118", C, 118, 118, 118, None, False),
    ("the 2nd arrest", "2nd", Kind.ORDINAL, 2, 2, 2, None, False),
    ("well over 300 people", "well over 300", C, 300, 300, INF, "well over", False),
    ("as many as 300 people", "as many as 300", C, 300, 0, 300, "as many as", False),
    ("in the region of 300 people", "in the region of 300", C, 300, 270, 330,
     "in the region of", False),
    ("no fewer than 30 people", "no fewer than 30", C, 30, 30, INF, "no fewer than", False),
    # negative numbers and odd spacing
    ("a balance of -5 points", "-5", C, -5, -5, -5, None, False),
    ("the temperature was −3 overnight", "−3", C, -3, -3, -3, None, False),
    ("total:\n593\ninvestigations", "593", C, 593, 593, 593, None, False),
]


@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value", "low", "high", "qualifier", "words"),
    CASES,
    ids=[f"{c[1]}|{c[0][:30]}" for c in CASES],
)
def test_quantity(sentence: str, span: str, kind: Kind, value: float, low: float, high: float,
                  qualifier: str | None, words: bool) -> None:
    q = _find(sentence, span)
    assert q.kind is kind
    assert q.value == pytest.approx(value)
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)
    assert q.qualifier == qualifier
    assert q.words is words
    assert sentence[q.start : q.end] == q.text


# --------------------------------------------------------------------------- whole sentences
# Every mention, in order, as (text, kind): nothing extra, nothing missing.

SENTENCES: list[tuple[str, list[tuple[str, Kind]]]] = [
    (
        "Across the region they executed 41 warrants and arrested 33 people. "
        "Twenty-seven children were safeguarded.",
        [("41", C), ("33", C), ("Twenty-seven", C)],
    ),
    (
        "Anyone with information about a child at risk should call 101, or 999 in an "
        "emergency.",
        [("101", Kind.PHONE), ("999", Kind.PHONE)],
    ),
    (
        "Staffordshire Police: 11 warrants, 8 arrests, seven children safeguarded.",
        [("11", C), ("8", C), ("seven", C)],
    ),
    (
        "All nine were arrested and now face charges of conspiring to supply Class A drugs: "
        "five men aged 19, 23, 26, 28 and 32, three men who are all 25, and a woman aged 21.",
        [("nine", C), ("five", C), ("aged 19", Kind.AGE), ("23", Kind.AGE), ("26", Kind.AGE),
         ("28", Kind.AGE), ("32", Kind.AGE), ("three", C), ("25", Kind.AGE),
         ("aged 21", Kind.AGE)],
    ),
    (
        "The centre's Ambulance Services, England: 2013-14 report counts 8.47 million "
        "emergency calls to 999 over the year, 0.8 per cent fewer than the 8.54 million made "
        "the year before.",
        [("2013-14", Kind.YEAR), ("8.47 million", Kind.DECIMAL), ("999", Kind.PHONE),
         ("0.8 per cent", Kind.PERCENT), ("8.54 million", Kind.DECIMAL)],
    ),
    (
        "Within Category A, 135,240 calls (4.7 per cent) were Red 1 emergencies, the most "
        "urgent kind, and 2.74 million (95.3 per cent) were Red 2 calls, serious but less "
        "urgent.",
        [("135,240", C), ("4.7 per cent", Kind.PERCENT), ("Red 1", Kind.REFERENCE),
         ("2.74 million", Kind.DECIMAL), ("95.3 per cent", Kind.PERCENT),
         ("Red 2", Kind.REFERENCE)],
    ),
    (
        "Since Keystone launched on Monday 2 October 2017, and up to 28 February 2019, "
        "officers have:",
        [("2 October 2017", Kind.DATE), ("28 February 2019", Kind.DATE)],
    ),
    (
        "Three of the 11 ambulance trusts missed the eight-minute standard for Red 1 calls, "
        "and four missed it for Red 2 calls.",
        [("Three", C), ("11", C), ("eight-minute", Kind.DURATION), ("Red 1", Kind.REFERENCE),
         ("four", C), ("Red 2", Kind.REFERENCE)],
    ),
    (
        "The total amount of municipal waste collected in England fell by 1.2m tonnes to an "
        "estimated 27.5m tonnes, against 28.5m tonnes in 2007/8, a reduction of 4.1%.",
        [("1.2m", Kind.CHANGE), ("an estimated 27.5m", Kind.DECIMAL),
         ("28.5m", Kind.DECIMAL), ("2007/8", Kind.YEAR), ("4.1%", Kind.PERCENT)],
    ),
    (
        "Staffordshire Police's Operation Keystone team arrested 34 people in the 12 months "
        "to 31 March 2022, of whom 22 have been charged so far.",
        [("34", C), ("12 months", Kind.DURATION), ("31 March 2022", Kind.DATE), ("22", C)],
    ),
    (
        "Ambulance services handled around 16 emergency calls a minute in 2013-14",
        [("around 16", Kind.RATE), ("2013-14", Kind.YEAR)],
    ),
    (
        "All the arrests were made between 1 June and 31 July. Of the 371, 271 (73 per cent) "
        "have been charged.",
        [("1 June", Kind.DATE), ("31 July", Kind.DATE), ("371", C), ("271", C),
         ("73 per cent", Kind.PERCENT)],
    ),
    (
        "Between April 2020 and March 2021, despite the pandemic, Keystone teams carried out "
        "198 investigations.",
        [("2020", Kind.YEAR), ("2021", Kind.YEAR), ("198", C)],
    ),
    (
        "Two men, aged 25 and 39, were arrested in Coventry in the West Midlands on "
        "suspicion of possession of indecent images.",
        [("Two", C), ("aged 25", Kind.AGE), ("39", Kind.AGE)],
    ),
    (
        "Our role doesn't involve going into online chat rooms, but we act on 25, 39 and "
        "the 2015 figures.",
        [("25", C), ("39", C), ("2015", Kind.YEAR)],
    ),
    (
        "counts of 25,39 were typed without a space",
        [("25", C), ("39", C)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES, ids=[s[0][:40] for s in SENTENCES])
def test_sentence(sentence: str, expected: list[tuple[str, Kind]]) -> None:
    assert [(q.text, q.kind) for q in find_quantities(sentence)] == expected


# --------------------------------------------------------------------------- not numbers

ABSENT: list[tuple[str, str]] = [
    ("Your information will not be shared with anyone.", "anyone"),
    ("no one was hurt", "one"),
    ("No one was hurt", "one"),
    ("someone told us", "one"),
    ("everyone was safe", "one"),
    ("every one of those 149 children", "one"),
    ("each one was checked", "one"),
    ("the one that got away", "one"),
    ("they helped one another", "one"),
    ("a one-off payment", "one"),
    ("one-to-one support", "one"),
    ("he was one too many", "one"),
    ("an amnesty bin", "an"),
    ("a bayonet and a spear gun", "a"),
    ("Burglaries down by more than a third after police operation", "third"),
    ("down by a fifth", "fifth"),
    ("two-thirds of calls", "two"),
    ("two thirds of calls", "two"),
    ("one fifth of calls", "one"),
    ("the other half of the week", "half"),
    ("Just under half of the calls", "half"),
    ("thousands of knives", "thousands"),
    ("hundreds of officers", "hundreds"),
    ("dozens of officers", "dozens"),
    ("a zero waste future", "zero"),
    ("zero tolerance", "zero"),
    ("a quarter of a million people", "million"),
    ("three quarters of a million people", "million"),
    ("the under-18s and the over-60s", "60s"),
    ("the under-18s and the over-60s", "18s"),
    ("tens of thousands of calls", "thousands"),
]


@pytest.mark.parametrize(("sentence", "word"), ABSENT, ids=[a[0][:30] for a in ABSENT])
def test_not_a_number(sentence: str, word: str) -> None:
    found = find_quantities(sentence)
    assert all(word not in q.text.lower().split() for q in found), found


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Officers seized 54 of them, and a further", 1),  # a dangling "a further": no number
        ("It was a long day.", 0),
        ("The 1,000s of people who attended", 0),
        ("", 0),
        ("   \n\t  ", 0),
        ("Undercover Police: Hunting Paedophiles", 0),
    ],
)
def test_number_of_quantities(sentence: str, count: int) -> None:
    assert len(find_quantities(sentence)) == count


def test_articles_are_never_one() -> None:
    found = find_quantities("A man and an officer spoke to a woman.")
    assert found == []


def test_every_one_of_those_keeps_the_count() -> None:
    found = find_quantities("every one of those 183 drivers was one too many")
    assert [(q.text, q.kind) for q in found] == [("183", C)]


# --------------------------------------------------------------------------- invariants

CORPUS_SENTENCES = [
    "Hampshire Constabulary arrested 371 people in the first two months of Op Solar, its "
    "summer drink-drive campaign, a fall of 20 per cent on the same period last year.",
    "The Northern Area accounted for the largest share (36 per cent): 22 arrests in Andover, "
    "33 in Basingstoke and Deane, 37 in Hart and Rushmoor and 40 in East Hampshire.",
    "Home Office figures for the 12 months to December 2018 show that English fire and rescue "
    "services (FRSs) went to 576,586 incidents, compared with 565,777 in the previous year.",
    "There were 6,902 non-fatal casualties, 4% fewer than the 7,199 of the year before.",
    "Defra's annual survey of council recycling shows the rate up by more than three "
    "percentage points on the 34.5% of 2007/8, and far above the 11.2% recorded in 2000/1.",
    "During the seven days officers arrested 1,977 people, of whom 773 were held for offences "
    "involving knives.",
    "HM Prison Service joined in with intelligence-led searches at five prisons, covering 74 "
    "cells and 118 inmates. Twelve weapons were found inside.",
    "Detective Chief Superintendent Alison Pryce said: \"In seventeen months our teams have "
    "arrested nearly 250 people and more than 300 children are safer as a result.\"",
    "Figures to 31 March 2021 show that since the launch in October 2017 the four forces have "
    "carried out 803 investigations, executed 522 warrants and arrested 467 people.",
    "Staffordshire officers carried out 46 investigations in the year and executed 29 "
    "warrants. They arrested 26 people, of whom 29 have been charged, and safeguarded 31.",
    "The year ran from 6 April 2019 to 5 April 2020. Fewer false alarms, fewer road traffic "
    "collisions and fewer other calls account for most of the drop.",
    "Fires made up 2,249 of the call-outs, well below the 2,604 fires of 2018-19, when a long "
    "spell of hot weather brought a surge in wildfires.",
    "| West Midlands region | 412 | 268 | 241 | 163 | 318 |",
    "In 2013-14 the target time was met for 75.6 per cent of Red 1 calls and for 74.8 per "
    "cent of Red 2 calls.",
    "From Monday 7 February to Sunday 20 February the team executed 13 warrants, arresting "
    "39 people; around 90 devices were seized at 10.30am on 26/03/2021 (call 0800 555 111).",
]


@pytest.mark.parametrize("sentence", CORPUS_SENTENCES, ids=[s[:30] for s in CORPUS_SENTENCES])
def test_invariants(sentence: str) -> None:
    found = find_quantities(sentence)
    assert found, "every corpus sentence here mentions a number"
    previous_end = -1
    for q in found:
        assert sentence[q.start : q.end] == q.text
        assert q.start >= previous_end, "mentions must not overlap and must be sorted"
        assert q.low <= q.value <= q.high
        assert q.text == q.text.strip()
        previous_end = q.end


def test_offsets_survive_newlines_and_unicode() -> None:
    text = "“It can be horrific,” he said.\nOfficers seized\n37 phones – and 2,000 more."
    found = find_quantities(text)
    assert [q.text for q in found] == ["37", "2,000 more"]
    assert all(text[q.start : q.end] == q.text for q in found)
    assert found[1].kind is Kind.CHANGE


# --------------------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    "text",
    [
        "1,2,3,4,5,6,7,8,9,0," * 50_000,  # 1 MB of digits and commas
        "".join("1234567890,"[(i * 7919) % 11] for i in range(1_000_000)),
        "more than more than " * 100_000,
        "-" * 1_000_000,
        "-,." * 333_333,
        "1-2-" * 10_000,
        "a1" * 50_000,
        "twenty-" * 10_000,
        "between 1 and " * 10_000,
        "1. A " * 100_000,
    ],
    ids=["digit-commas", "digit-commas-mixed", "more-than", "dashes", "punctuation",
         "hyphen-chain", "alnum", "twenty-hyphen", "between-chain", "enumerators"],
)
def test_hostile_input_completes(text: str) -> None:
    found = find_quantities(text)
    assert all(text[q.start : q.end] == q.text for q in found[:1000])


def test_hostile_digits_and_commas_are_junk_not_numbers() -> None:
    assert find_quantities("1,2,3,4,5,6,7,8,9,0," * 50_000) == []


def test_qualifier_repetitions_find_nothing() -> None:
    assert find_quantities("more than more than " * 100_000) == []


def test_a_long_list_of_numbers_is_read_in_full() -> None:
    text = ", ".join(str(n) for n in range(1, 5001))
    found = find_quantities(text)
    assert [q.value for q in found] == [float(n) for n in range(1, 5001)]


_FUZZ_TOKENS = [
    "1", "25", "999", "2019", "1,107", "16.1", "8.47", "09:26", "26/03/2021", "2007/8", "0800",
    "555", "one", "two", "twenty", "hundred", "thousand", "million", "a", "an", "half", "dozen",
    "and", "more", "than", "around", "between", "aged", "year", "old", "years", "weeks", "per",
    "cent", "%", "£", "$", "m", "bn", "p", "-", "–", "−", ",", ".", "(", ")", "+", "/", ":",
    "st", "th", "am", "pm", "March", "May", "Section", "Red", "Covid", "call", "NHS", "the",
    "no", "every", "further", "by", "fell", "up", "down", "or", "so", "s", "first", "third",
    "thirds", "people", "officers", "calls", "a", "minute", "Smith", "of", "Leek", "’", '"',
]


@pytest.mark.parametrize("seed", range(40))
def test_fuzzed_token_soup_keeps_the_invariants(seed: int) -> None:
    rng = random.Random(seed)
    pieces = []
    for _ in range(400):
        pieces.append(rng.choice(_FUZZ_TOKENS))
        pieces.append(rng.choice(["", " ", " ", " ", "\n"]))
    text = "".join(pieces)
    previous_end = 0
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.start >= previous_end
        assert q.start < q.end
        assert q.low <= q.high
        assert q.low <= q.value <= q.high or math.isinf(q.value)
        previous_end = q.end


def test_huge_number_does_not_raise() -> None:
    digits = str(10**400)
    found = find_quantities(f"Officers seized {digits} phones.")
    assert len(found) == 1
    assert found[0].text == digits
    assert math.isinf(found[0].value)


def test_absurdly_long_digit_run_is_not_a_number() -> None:
    assert find_quantities("7" * 200_000) == []


def test_very_long_grouped_number_does_not_raise() -> None:
    text = "1" + ",000" * 200
    found = find_quantities(text)
    assert len(found) == 1 and found[0].value == math.inf
