"""Datelines in all the usual forms, agencies from credit, copyright and byline lines, and false friends."""

import pytest

from flows import dateline


@pytest.mark.parametrize("body, raw, place, agencies", [
    ("WASHINGTON (AP) — Senior officials met.", "WASHINGTON (AP) —", "Washington", ["AP"]),
    ("Washington (AFP) Sept 21, 2017\n\nUS and Russian generals met.", "Washington (AFP) Sept 21, 2017",
     "Washington", ["AFP"]),
    ("Washington - US-Russian talks are becoming productive.", "Washington -", "Washington", []),
    ("WASHINGTON // US-Russian talks are becoming productive.", "WASHINGTON //", "Washington", []),
    ("LONDON, Oct 5 (Reuters) - Britain said.", "LONDON, Oct 5 (Reuters) -", "London", ["Reuters"]),
    ("BEIRUT, Lebanon (AP) — At least 22 died.", "BEIRUT, Lebanon (AP) —", "Beirut", ["AP"]),
    ("NELSON, British Columbia, May 4 (Reuters) - Kootenay Smelting said.",
     "NELSON, British Columbia, May 4 (Reuters) -", "Nelson", ["Reuters"]),
    ("Berlin (dpa/AFP) - Die Regierung hat.", "Berlin (dpa/AFP) -", "Berlin", ["AFP", "DPA"]),
    ("SAN DIEGO (BBC) — The port reopened.", "SAN DIEGO (BBC) —", "San Diego", ["BBC"]),
    ("Bogotá (EFE).- El Gobierno dijo.", "Bogotá (EFE).-", "Bogotá", ["EFE"]),
    ("(Reuters) - Shares rose.", "(Reuters) -", None, ["Reuters"]),
])
def test_dateline_forms(body, raw, place, agencies):
    found_raw, found_place, found_agencies, rest = dateline.parse_dateline(body)
    assert (found_raw, found_place, found_agencies) == (raw, place, agencies)
    assert not rest.startswith(raw) and rest[:1].isalnum()


@pytest.mark.parametrize("body", [
    "Many people - said the mayor - were there.",
    "UPDATE - The council met again.",
    "Background: Libraries are trying longer opening hours.",
    "Washington (Photo) - caption text",
    "The Associated Press reported the meeting.",
    "Mara Lou Brennick — a press officer for the Harbour Board — is leaving.",
])
def test_not_a_dateline(body):
    assert dateline.parse_dateline(body)[0] is None


def test_dateline_date_is_read_back():
    assert dateline.dateline_date("Washington (AFP) Sept 21, 2017") == "Sept 21, 2017"
    assert dateline.dateline_date("WASHINGTON (AP) —") is None


def test_standalone_dateline_names_an_agency():
    assert dateline.is_standalone("Beirut (AFP) Sept 19, 2017")
    assert not dateline.is_standalone("Broader plans")


def test_credit_line_agencies():
    assert dateline.credit_agencies("* Associated Press, Reuters, Agence France-Presse") == ["AFP", "AP", "Reuters"]
    assert dateline.credit_agencies("Mit Material von dpa und AFP") == ["AFP", "DPA"]
    assert dateline.credit_agencies("dpa/lno") == ["DPA"]


def test_credit_line_needs_little_else_around_the_names():
    assert dateline.credit_agencies("Reuters reported that the ministry had denied the claims on Monday") == []


def test_copyright_notice_agency():
    notice = "Copyright 2017 The Associated Press. All rights reserved. This material may not be published."
    assert dateline.copyright_agencies(notice) == ["AP"]
    assert dateline.copyright_agencies("© 2023 Hafenblick") == []


@pytest.mark.parametrize("text", ["APPLE shares", "the ap of", "ANIMAL rights", "Scranton, Pa.", "a pa system"])
def test_acronyms_inside_words_or_lower_case_are_not_agencies(text):
    assert dateline.agencies_named(text) == []


def test_place_normalised_to_title_case():
    assert dateline.normalise_place("NEW YORK") == "New York"
    assert dateline.normalise_place("Frankfurt/Main") == "Frankfurt/Main"
