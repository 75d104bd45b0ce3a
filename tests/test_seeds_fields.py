"""Every field of the five seed pages, as a reader of the pages would fill it in (one test per field per seed)."""

import datetime as dt
from functools import lru_cache

import pytest

from conftest import SEEDS
from flows import tag, textclean
from flows.config import build_config
from flows.model import Doc, RawDoc

EXPECTED = {
    "000": dict(
        title="US and Russian militaries sharing increasing information on ISIL", title_source="headline",
        published_date=None, date_source=None,  # only a copyright range (2011-2015) is on the page
        outlet="3Novices", outlet_source="self_reference",
        dateline_raw="WASHINGTON //", dateline_place="Washington",
        agencies=["AFP", "AP", "Reuters"], agencies_source="credit_line", split_stories=0),
    "001": dict(
        title="US, Russian militaries sharing more information on Syria", title_source="page_title",
        published_date=dt.date(2016, 12, 27), date_source="date_line",
        outlet="News24", outlet_source="self_reference",
        dateline_raw="Washington -", dateline_place="Washington",
        agencies=[], agencies_source=None, split_stories=0),
    "002": dict(
        title="Russian and US forces exchange military information over airstrikes against Isis",
        title_source="headline", published_date=dt.date(2015, 11, 17), date_source="date_line",
        outlet=None, outlet_source=None, dateline_raw=None, dateline_place=None,
        agencies=[], agencies_source=None, split_stories=0),
    "003": dict(
        title="US, Russian generals meet to talk Syria ops: Pentagon", title_source="page_title",
        published_date=dt.date(2017, 9, 21), date_source="dateline",  # the "date 1995-01-01" placeholder loses
        outlet=None, outlet_source=None,
        dateline_raw="Washington (AFP) Sept 21, 2017", dateline_place="Washington",
        agencies=["AFP"], agencies_source="dateline", split_stories=1),
    "004": dict(
        title="US, Russian militaries hold unprecedented talks on Syria", title_source="headline",
        published_date=dt.date(2017, 10, 23), date_source="date_line",  # not the caption's Sept. 15, 2017
        outlet=None, outlet_source=None,
        dateline_raw="WASHINGTON (AP) —", dateline_place="Washington",
        agencies=["AP"], agencies_source="dateline", split_stories=0),
}
# (first words, last words) of each story body, and chrome that must not be in it.
BODIES = {
    "000": ("US-Russian talks on the two countries'", "to \"spread desperation\" through fear.",
            ["Latest News", "3Novices", "Associated Press", "ift.tt", "No comments", "Powered by", "©"]),
    "001": ("US-Russian talks on their separate fights", "making it difficult to tell them apart.",
            ["2016-12-27", "Barack Obama at the UN", "Multimedia", "Read more on", "MyNews24", "Location Settings",
             "Create Profile", "Facebook"]),
    "002": ("Russian and US forces have for the first time", "asking Russian forces to do the same,” said state "
            "department spokesman Mark Toner.", ["Tuesday 17 November 2015", "No comments"]),
    "003": ("US and Russian generals have met to discuss", "with extensive air support and other aid.",
            ["date 1995", "Staff Writers", "Air strikes kill 22", "Beirut (AFP)", "Khan Sheikun"]),
    "004": ("Senior American and Russian military leaders met", "in a crowded airspace where the U.S., Russia and "
            "Syria all conduct airstrikes.", ["file photo", "Copyright 2017", "You may also like", "October 23"]),
}


@lru_cache(maxsize=None)
def seed_doc(prefix: str) -> Doc:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    cfg = build_config(today=dt.date(2026, 11, 21))
    return tag.tag(RawDoc(prefix, path.name, "text", text, "utf-8"), textclean.clean(text, cfg), cfg)


@pytest.mark.parametrize("prefix, field", [(p, f) for p, fields in EXPECTED.items() for f in fields])
def test_seed_field(prefix, field):
    assert getattr(seed_doc(prefix), field) == EXPECTED[prefix][field]


@pytest.mark.parametrize("prefix", sorted(BODIES))
def test_seed_body_boundaries(prefix):
    start, end, absent = BODIES[prefix]
    text = seed_doc(prefix).text
    assert text.startswith(start) and text.endswith(end)
    assert not [chrome for chrome in absent if chrome in text]


@pytest.mark.parametrize("prefix", sorted(BODIES))
def test_seed_body_keeps_paragraphs(prefix):
    doc = seed_doc(prefix)
    assert doc.text.count("\n\n") >= 7 and "\n\n\n" not in doc.text and doc.text_chars == len(doc.text)


def test_seed_001_keeps_its_subheads():
    assert "\n\nBroader plans\n\n" in seed_doc("001").text and "\n\nPutin, Trump\n\n" in seed_doc("001").text
