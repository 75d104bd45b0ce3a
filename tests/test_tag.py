"""Tagging from extracted evidence: which date wins, agencies and their source, outlet, title clean-up."""

import datetime as dt

import pytest

from flows import tag
from flows.config import build_config
from flows.model import Extracted, RawDoc

BODY = "The council approved the budget on Tuesday after a long debate about schools and roads in the town."


@pytest.fixture
def cfg():
    return build_config(today=dt.date(2026, 11, 21))


def tagged(cfg, text=BODY, url=None, crawled_at=None, **evidence):
    raw = RawDoc("d1", "page.txt", "text", text, "utf-8", url, crawled_at)
    return tag.tag(raw, Extracted(text=text, method="test", **evidence), cfg)


def candidates(*days):
    return [(day, "date_line", day.isoformat()) for day in days]


def test_date_line_wins_when_there_is_no_dateline(cfg):
    doc = tagged(cfg, dates=candidates(dt.date(2017, 10, 23)))
    assert (doc.published_date, doc.date_source) == (dt.date(2017, 10, 23), "date_line")


def test_dated_dateline_overrules_a_contradicting_date_line(cfg):
    doc = tagged(cfg, text="Washington (AFP) Sept 21, 2017 - " + BODY, dates=candidates(dt.date(1995, 1, 1)))
    assert (doc.published_date, doc.date_source) == (dt.date(2017, 9, 21), "dateline")


def test_date_line_stands_when_the_dateline_agrees_within_two_days(cfg):
    doc = tagged(cfg, text="Washington (AFP) Sept 21, 2017 - " + BODY, dates=candidates(dt.date(2017, 9, 22)))
    assert (doc.published_date, doc.date_source) == (dt.date(2017, 9, 22), "date_line")


def test_yearless_dateline_takes_the_crawl_year(cfg):
    crawled = dt.datetime(2017, 10, 7, tzinfo=dt.timezone.utc)
    doc = tagged(cfg, text="LONDON, Oct 5 (Reuters) - " + BODY, crawled_at=crawled)
    assert (doc.published_date, doc.date_source) == (dt.date(2017, 10, 5), "dateline")


def test_yearless_dateline_takes_the_year_of_the_storys_own_copyright(cfg):
    doc = tagged(cfg, text="LONDON, Oct 5 (Reuters) - " + BODY, credit_lines=["Copyright 2017 Thomson Reuters."])
    assert doc.published_date == dt.date(2017, 10, 5)


def test_yearless_dateline_without_context_gives_no_date(cfg):
    doc = tagged(cfg, text="LONDON, Oct 5 (Reuters) - " + BODY, credit_lines=["© 2011-2015 Town Paper"])
    assert (doc.published_date, doc.date_source) == (None, None)


def test_future_dates_are_never_taken(cfg):
    doc = tagged(cfg, dates=candidates(dt.date(2031, 1, 5), dt.date(2021, 1, 5)))
    assert doc.published_date == dt.date(2021, 1, 5)


def test_no_evidence_no_date(cfg):
    assert tagged(cfg).published_date is None


def test_agencies_from_all_evidence_with_the_strongest_source(cfg):
    doc = tagged(cfg, text="WASHINGTON (AP) — " + BODY,
                 credit_lines=["* Reuters, Agence France-Presse", "Copyright 2017 The Associated Press."])
    assert (doc.agencies, doc.agencies_source) == (["AFP", "AP", "Reuters"], "dateline")
    assert doc.dateline_raw == "WASHINGTON (AP) —" and doc.text == BODY


def test_agencies_from_a_byline(cfg):
    doc = tagged(cfg, credit_lines=["By BBC News staff"])
    assert (doc.agencies, doc.agencies_source) == (["BBC"], "byline")


def test_outlet_from_the_outlets_table(cfg):
    doc = tagged(cfg, url="https://www.news24.com/world/x", sitename="Something else", sitename_source="self_reference")
    assert (doc.outlet, doc.outlet_domain, doc.outlet_source) == ("News24", "news24.com", "outlets_table")


def test_outlet_from_the_page_when_the_table_does_not_know_the_domain(cfg):
    doc = tagged(cfg, url="https://example-gazette.org/a", sitename="Example Gazette", sitename_source="self_reference")
    assert (doc.outlet, doc.outlet_domain, doc.outlet_source) == ("Example Gazette", "example-gazette.org",
                                                                  "self_reference")


def test_outlet_is_the_bare_domain_when_nothing_names_it(cfg):
    doc = tagged(cfg, url="https://example-gazette.org/a")
    assert (doc.outlet, doc.outlet_source) == ("example-gazette.org", "domain")


def test_outlet_unknown_without_url_or_self_reference(cfg):
    assert (tagged(cfg).outlet, tagged(cfg).outlet_source) == (None, None)


def test_outlet_credit_opening_the_story_is_no_dateline(cfg):
    doc = tagged(cfg, text="Harbour Ledger – " + BODY, sitename="Harbour Ledger", sitename_source="self_reference")
    assert doc.dateline_raw is None and doc.text.startswith("Harbour Ledger")


def test_a_title_with_its_source_is_final(cfg):
    headline = "Katze weckt Nachbarn – Polizei sucht Zeugen"
    assert (tagged(cfg, title_raw=headline, title_source="headline").title) == headline


def test_a_title_without_source_loses_placeholder_glued_and_named_site(cfg):
    doc = tagged(cfg, title_raw=" date 1995-01-01 Town Paper:Budget approved", sitename="Town Paper")
    assert (doc.title, doc.title_source) == ("Budget approved", "extracted")


def test_language_is_detected_from_the_body(cfg):
    assert tagged(cfg).language == "en"
