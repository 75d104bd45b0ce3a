"""Cleaning plain-text pages: body boundaries, paragraphs, date evidence, credits, and hostile input."""

import datetime as dt
import os

import pytest

from flows import extract, ingest, tag, textclean
from flows.config import build_config
from flows.model import Doc, Quarantined

P1 = "The city council approved the new school budget on Tuesday after a long debate about roads and parks."
P2 = "Teachers welcomed the decision, which adds two hundred new places for pupils in the autumn term."
P3 = "The mayor said the money would come from savings elsewhere, and that no taxes would rise this year."


@pytest.fixture
def cfg():
    return build_config(today=dt.date(2026, 11, 21))


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_body_keeps_paragraph_breaks_and_drops_chrome(cfg):
    ex = textclean.clean(page("Skip to content", "Home | News | Sport", "Council approves budget", P1, P2,
                              "Share this:", "You may also like", "Other story headline here", "Powered by Blogger."),
                         cfg)
    assert ex.text == f"{P1}\n\n{P2}"


def test_subheads_inside_the_story_are_kept(cfg):
    ex = textclean.clean(page("Council approves budget", P1, "Broader plans", P2, P3), cfg)
    assert ex.text == f"{P1}\n\nBroader plans\n\n{P2}\n\n{P3}"


def test_repeated_caption_is_dropped(cfg):
    caption = "Vladimir Putin and Barack Obama at the UN."
    ex = textclean.clean(page("Council approves budget", caption, caption, P1, P2), cfg)
    assert caption not in ex.text


def test_comment_section_ends_the_story(cfg):
    comment = "I fully agree with the council, this was long overdue and the schools badly need it, thanks!"
    ex = textclean.clean(page("Council approves budget", P1, P2, "3 Comments", "Jane says:", comment, comment + " x",
                              comment + " y"), cfg)
    assert comment not in ex.text and P2 in ex.text


def test_second_story_is_cut_and_counted(cfg):
    ex = textclean.clean(page(" date 1995-01-01 US, Russian generals meet", "Washington (AFP) Sept 21, 2017", P1, P2,
                              "Air strikes kill 22 in northwest Syria in 48 hours: monitor",
                              "Beirut (AFP) Sept 21, 2017 - At least 22 civilians have been killed in 48 hours.", P3),
                         cfg)
    assert ex.split_stories == 1 and P3 not in ex.text
    assert ex.text.startswith("Washington (AFP) Sept 21, 2017\n\n")  # the standalone dateline opens the body


def test_headline_and_its_source(cfg):
    ex = textclean.clean(page("Council approves budget | Town Paper", "Home | News", "Council approves budget", P1,
                              P2), cfg)
    assert (ex.title_raw, ex.title_source) == ("Council approves budget", "headline")


def test_a_headline_the_page_title_repeats_whole_keeps_its_dashes(cfg):
    ex = textclean.clean(page("Sitzung 7 – KBR – die Zweite | Katrins Blog", "Home | Blog",
                              "Sitzung 7 – KBR – die Zweite", "12 March 2021", P1, P2, P3), cfg)
    assert ex.title_raw == "Sitzung 7 – KBR – die Zweite"


def test_a_headline_repeating_the_page_title_whole_keeps_its_bar_part(cfg):
    ex = textclean.clean(page("Repot a fern in spring | Easy Guide", "Home | Plants",
                              "Repot a fern in spring | Easy Guide", "12 March 2021", P1, P2, P3), cfg)
    assert ex.title_raw == "Repot a fern in spring | Easy Guide"


def test_a_page_title_line_loses_its_site_suffix(cfg):
    ex = textclean.clean(page("Budget approved after long debate | Town Paper", "Home | News", P1, P2), cfg)
    assert (ex.title_raw, ex.title_source) == ("Budget approved after long debate", "page_title")


def test_dates_rank_by_place_next_to_headline_then_above_then_just_below(cfg):
    ex = textclean.clean(page("Friday, 4 February 2022", "Menu", "Council approves budget", "3 February 2022", P1,
                              P2, "Published: 1 February 2022"), cfg)
    assert [d for d, _, _ in ex.dates] == [dt.date(2022, 2, 3), dt.date(2022, 2, 4), dt.date(2022, 2, 1)]


def test_dates_in_comments_below_the_story_are_ignored(cfg):
    ex = textclean.clean(page("Council approves budget", P1, P2, P3, "2 Comments", "Jane, 1 February 2022"), cfg)
    assert ex.dates == []


def test_caption_date_is_no_date_line(cfg):
    ex = textclean.clean(page("Council approves budget",
                              "In this Friday, Sept. 15, 2017 file photo, the council meets in the town hall.", P1,
                              P2), cfg)
    assert ex.dates == []


def test_placeholder_date_stands_only_alone_and_never_as_january_first(cfg):
    assert textclean.clean(page(" date 1995-01-01 Council approves budget", P1, P2), cfg).dates == []
    alone = textclean.clean(page(" date 2019-10-18 Council approves budget", P1, P2), cfg)
    assert [d for d, _, _ in alone.dates] == [dt.date(2019, 10, 18)]


def test_credit_and_copyright_lines_are_collected(cfg):
    ex = textclean.clean(page("Council approves budget", P1, P2, "* Associated Press, Reuters",
                              "Copyright 2021 The Associated Press. All rights reserved."), cfg)
    notice = "Copyright 2021 The Associated Press. All rights reserved."
    assert ex.credit_lines == ["* Associated Press, Reuters", notice]
    assert "Associated Press" not in ex.text


def test_self_named_site(cfg):
    ex = textclean.clean(page("7Harbours:Council approves budget", P1, P2, "7Harbours Europe",
                              "Designed by 7Harbours Copyright ©2011-2015"), cfg)
    assert (ex.sitename, ex.sitename_source) == ("7Harbours", "self_reference")


# Hostile input: every case ends in a quarantine row or a clean record, never an exception.

def through_text_path(data: bytes, cfg) -> Doc | Quarantined:
    raw = ingest.raw_from_bytes(data, "hostile.txt", "text")
    if isinstance(raw, Quarantined):
        return raw
    ex = extract.extract(raw, cfg)
    return ex if isinstance(ex, Quarantined) else tag.tag(raw, ex, cfg)


def test_hostile_empty_text(cfg):
    assert through_text_path(b"", cfg).reason == "empty_file"
    assert through_text_path(b" \n\n \t\n", cfg).reason == "empty_file"


def test_hostile_single_huge_line(cfg):
    doc = through_text_path(("Word after word goes on here. " * 200_000).encode(), cfg)
    assert isinstance(doc, Doc) and doc.text_chars > 5_000_000 and doc.title is None


def test_hostile_binary_noise(cfg):
    assert through_text_path(os.urandom(100_000), cfg).reason == "binary_content"


def test_hostile_mixed_encodings(cfg):
    data = ("Café crème au lait, " * 30).encode() + ("Schlüssel für die Tür, " * 30).encode("cp1252") + \
        b"\r\n" + ("Ein längerer Satz über die Stadt und ihre Schulen geht hier weiter. " * 20).encode()
    doc = through_text_path(data, cfg)
    assert isinstance(doc, Doc) and doc.text


def test_hostile_ten_megabytes_of_menu_lines(cfg):
    menu = "Home | News | Sport | Weather\nSign in\nSubscribe\nLatest headlines today\n"
    found = through_text_path((menu * (10_000_000 // len(menu))).encode(), cfg)
    assert isinstance(found, Quarantined) and found.reason == "no_body"


def test_hostile_control_characters_and_lone_symbols(cfg):
    doc = through_text_path(page("\u200b\ufeff—", "|||", "©", P1, P2, P3, "\x0c").encode(), cfg)
    assert isinstance(doc, Doc) and P1 in doc.text


def test_a_breadcrumb_first_line_names_no_site(cfg):
    ex = textclean.clean(page("Sie sind hier: Home » Reisen » Lindenhorst", "Lindenhorst", P1,
                              "Heimatmuseum in Lindenhorst", P2, P3), cfg)
    assert ex.title_raw == "Lindenhorst" and ex.sitename is None


def test_a_site_named_after_a_colon_is_removed_when_the_page_vouches_for_it(cfg):
    text = page("Home | News", "Council approves school budget: The Copper Valley Mirror", "12 March 2021", P1, P2,
                P3, "More from The Copper Valley Mirror: Other story | Another story")
    ex = textclean.clean(text, cfg)
    assert ex.title_raw == "Council approves school budget" and ex.sitename == "The Copper Valley Mirror"


def test_a_masthead_before_a_colon_is_the_site_with_no_other_mention(cfg):
    ex = textclean.clean(page("Home | News", "The Copper Valley Gazette: Council approves school budget",
                              "12 March 2021", P1, P2, P3), cfg)
    assert ex.title_raw == "Council approves school budget" and ex.sitename == "The Copper Valley Gazette"


def test_a_menu_first_line_names_no_site(cfg):
    ex = textclean.clean(page("Home | World | Sport | Culture | Opinion | News", "Council approves school budget",
                              "12 March 2021", P1, P2, P3, "News in brief", "Latest News"), cfg)
    assert ex.title_raw == "Council approves school budget" and ex.sitename is None


def test_a_kicker_before_a_colon_stays(cfg):
    ex = textclean.clean(page("Home | News", "Mother's Day: Council approves school budget", "12 March 2021", P1, P2,
                              P3, "Tags: Mother's Day, Budget"), cfg)
    assert ex.title_raw == "Mother's Day: Council approves school budget"


def test_a_date_opening_the_story_dates_a_page_without_date_line(cfg):
    ex = textclean.clean(page("Council approves school budget", "29.11.2022 – " + P1, P2, P3), cfg)
    assert [(d, s) for d, s, _ in ex.dates] == [(dt.date(2022, 11, 29), "story_start")]


def test_a_date_line_outranks_a_date_opening_the_story(cfg):
    ex = textclean.clean(page("Council approves school budget", "12 March 2021", "29.11.2022 – " + P1, P2, P3), cfg)
    assert ex.dates[0][:2] == (dt.date(2021, 3, 12), "date_line")


def test_comment_widgets_after_the_story_are_trimmed_so_the_record_passes_its_checks():
    from collections import Counter

    from flows import checks
    from flows.model import RawDoc

    story = [
        "Harbour council approves new ferry timetable",
        "PORTVALE (AP) — The harbour council voted on Tuesday to add three evening ferry crossings from "
        "next month, after commuters complained that the last boat left before most offices closed.",
        "The council's transport chair said the extra crossings would be paid for from parking fees at "
        "the terminal, and that a review after six months would decide whether they stay.",
        "Commuter groups welcomed the vote but said weekend services were still too thin for shift workers "
        "who travel across the bay on Saturdays and Sundays.",
    ]
    tail = ["Updated 3 hours ago | 14 comments",
            "Join the conversation! Letters of 150 words or more may be chosen for the weekend edition."]
    text = "\n\n".join(story + tail) + "\n"
    cfg = build_config()
    found = textclean.clean(text, cfg)
    assert found.text.endswith("on Saturdays and Sundays.")
    raw = RawDoc("d1", "ferry.txt", "text", text, "utf-8")
    assert not isinstance(checks.check(tag.tag(raw, found, cfg), cfg, Counter()), Quarantined)


def test_a_labelled_publication_date_in_the_footer_still_dates_the_story(cfg):
    footer = [f"• Tag {n}" for n in range(12)]
    ex = textclean.clean(page("Council approves budget", P1, P2, P3, *footer, "• Published: 14 May 2021"), cfg)
    assert [d for d, _, _ in ex.dates] == [dt.date(2021, 5, 14)]
    ex = textclean.clean(page("Council approves budget", P1, P2, P3, *footer, "• 14 May 2021"), cfg)
    assert ex.dates == []


def test_a_date_opening_the_standfirst_dates_a_story_set_further_down(cfg):
    gallery = ["Vollbild öffnen", "© Jan Berg/bildwerk.example"] * 6
    ex = textclean.clean(page("Home | News", "Council approves school budget",
                              "Pressemitteilung vom 3. Mai 2021 | Hamburg – " + P1 + " " + P2, *gallery, P3, P2, P1),
                         cfg)
    assert [(d, s) for d, s, _ in ex.dates] == [(dt.date(2021, 5, 3), "story_start")]


def test_a_credit_split_over_two_lines_keeps_its_value_out_of_headline_and_story(cfg):
    lines = textclean.read_lines("By\nJane Doe\nSource:\nHarbour Daily\n来源：\n海港日报\n" + P1)
    assert [ln.kind for ln in lines[1:6:2]] == ["byline", "credit", "credit"] and lines[6].kind is None
