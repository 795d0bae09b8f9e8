"""Tests for working out when a document was published."""

from __future__ import annotations

from datetime import date

import pytest
from document_examples import CORPUS, corpus_file, seed_file

from checks.documents import parse_document, read_document
from checks.documents.published import dateline_date

EXPECTED = {
    "east_midlands_knife_amnesty_2006.txt": (date(2006, 7, 3), "dateline"),
    "frm_fire_statistics_2018.html": (None, None),
    "hampshire_op_solar_2012.html": (None, None),
    "hscic_ambulance_2013_14.txt": (date(2014, 7, 31), "dateline"),
    "keystone_alliance_warrants_2022.md": (date(2022, 11, 11), "front matter"),
    "keystone_region_day_of_action_2021.txt": (date(2021, 9, 17), "dateline"),
    "keystone_staffordshire_2022.html": (date(2022, 4, 11), "dateline"),
    "keystone_update_2019.md": (date(2019, 3, 14), "front matter"),
    "keystone_update_2021.html": (date(2021, 4, 21), "dateline"),
    "keystone_update_2023.txt": (date(2023, 5, 16), "dateline"),
    "keystone_week_of_action_2023.html": (date(2023, 3, 16), "dateline"),
    "keystone_westmids_day_of_action_2021.md": (date(2021, 9, 15), "front matter"),
    "midlands_deliberate_fires_2020.html": (date(2020, 11, 30), "dateline"),
    "norfolk_fire_callouts_2019_20.md": (date(2020, 7, 25), "front matter"),
    "npcc_sceptre_november_2021.md": (date(2021, 11, 29), "front matter"),
    "psni_operation_cordella_2016.txt": (date(2016, 10, 25), "dateline"),
    "which_recycling_rates_2009.md": (date(2009, 11, 5), "front matter"),
    "wmp_county_lines_charges_2023.md": (date(2023, 5, 24), "front matter"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_publication_dates(name: str) -> None:
    document = read_document(corpus_file(name))
    published, source = EXPECTED[name]
    assert document.published == published
    assert document.metadata.get("published_from") == source


def test_every_corpus_document_is_listed() -> None:
    if CORPUS is None:
        pytest.skip("the example corpus is not available")
    assert sorted(path.name for path in CORPUS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize(
    ("name", "published", "source"),
    [
        ("2017-02-01-operation-safenet.txt", date(2017, 2, 1), "dateline"),
        ("2021-03-26-six-men-arrested.md", date(2021, 3, 26), "front matter"),
    ],
)
def test_seed_publication_dates(name: str, published: date, source: str) -> None:
    document = read_document(seed_file(name))
    assert (document.published, document.metadata["published_from"]) == (published, source)


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("date: 2021-09-15", date(2021, 9, 15)),
        ("published: 26 March 2021", date(2021, 3, 26)),
        ("pubDate: Fri, 26 Mar 2021 09:26:00 GMT", date(2021, 3, 26)),
        ("publish.date: 09:26 26/03/2021", date(2021, 3, 26)),
        ("publish:\n  date: 09:26 26/03/2021", date(2021, 3, 26)),
        ("datePublished: 2020-02-29T10:00:00Z", date(2020, 2, 29)),
        ("Date: 2019-01-02", date(2019, 1, 2)),
        ("date: sometime\npublished: 2018-05-06", date(2018, 5, 6)),
    ],
    ids=[
        "date",
        "published",
        "pubDate",
        "dotted-key",
        "nested-publish",
        "datePublished",
        "capitalised-key",
        "first-usable",
    ],
)
def test_front_matter_keys(front: str, expected: date) -> None:
    document = parse_document(f"---\n{front}\n---\n\nDate: Monday 3 July 2006\n\nBody.\n", "x.md")
    assert document.published == expected
    assert document.metadata["published_from"] == "front matter"


def test_unusable_front_matter_falls_back_to_the_dateline() -> None:
    document = parse_document("---\ndate: soon\n---\n\nPublished: Tuesday 16 May 2023\n", "x.md")
    assert document.published == date(2023, 5, 16)
    assert document.metadata["published_from"] == "dateline"


def test_a_dateline_block_wins_over_a_date_in_an_earlier_sentence() -> None:
    raw = "Title\n\nThe scheme began on 2 October 2017 across the region.\n\nPublished: Tuesday 16 May 2023\n"
    assert parse_document(raw, "x.txt").published == date(2023, 5, 16)


def test_a_date_in_a_sentence_serves_when_there_is_no_dateline() -> None:
    raw = "Title\n\nOfficers made arrests on Thursday 14 March 2019 in town.\n"
    document = parse_document(raw, "x.txt")
    assert document.published == date(2019, 3, 14)
    assert document.metadata["published_from"] == "dateline"


def test_only_the_first_eight_blocks_are_searched() -> None:
    raw = "\n\n".join(
        [f"Paragraph {number}." for number in range(8)] + ["Date: Monday 3 July 2006"]
    )
    document = parse_document(raw, "x.txt")
    assert document.published is None
    assert "published_from" not in document.metadata


def test_an_impossible_date_is_not_a_publication_date() -> None:
    assert parse_document("Title\n\nDate: 31 April 2021\n", "x.txt").published is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 1, 2017", date(2017, 2, 1)),
        ("Date: Monday 3 July 2006", date(2006, 7, 3)),
        ("Thursday, 31 July 2014", date(2014, 7, 31)),
        ("Published Wednesday 21 April 2021", date(2021, 4, 21)),
        ("Published: Tuesday 16 May 2023", date(2023, 5, 16)),
        ("Posted on 26/03/2021 at 09:26", date(2021, 3, 26)),
        ("09:26 26/03/2021", date(2021, 3, 26)),
        ("  Monday 11 April 2022  ", date(2022, 4, 11)),
        ("It happened on 3 July 2006.", None),
        ("South Coast news desk, August 2012", None),
        ("From 1 June 2012 to 31 July 2012", None),
        ("Date: Monday 3 July", None),
    ],
)
def test_dateline_date(text: str, expected: date | None) -> None:
    assert dateline_date(text) == expected
