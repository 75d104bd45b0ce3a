"""Properties of the text cleaner and the date and dateline parsers on generated input: they never raise,
they read back what they are given in the forms they know, and they are stable on their own output."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from flows import dateline, dates, textclean
from flows.config import build_config

CFG = build_config()
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
       "November", "December"]
_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
       "November", "Dezember"]
_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
       "noviembre", "diciembre"]
_WORDS = ("officials said the council would meet again next week to vote on the budget for schools roads "
          "and bridges after a long debate about money taxes and the harbour").split()

# Any text, control and unpaired surrogate-free characters included, with lines and odd spacing.
anything = st.text(st.characters(exclude_categories=["Cs"]), max_size=400)
lines = st.lists(st.one_of(anything, st.sampled_from(["", "Home | News", "WASHINGTON (AP) —", "2024-03-01",
                                                      "© 2024 The Associated Press", "Share this:"])),
                 max_size=25).map("\n".join)
days = st.dates(min_value=CFG.date_floor, max_value=CFG.today)
sentences = st.lists(st.sampled_from(_WORDS), min_size=12, max_size=30).map(
    lambda w: " ".join(w).capitalize() + ".")
paragraphs = st.lists(st.lists(sentences, min_size=2, max_size=4).map(" ".join), min_size=2, max_size=5)


def written(day: dt.date) -> list[str]:
    """One day in every form the date lines of news pages use."""
    return [day.isoformat(), f"{day.day} {_EN[day.month - 1]} {day.year}",
            f"{day.strftime('%A')}, {_EN[day.month - 1]} {day.day}, {day.year}",
            f"{day.day}. {_DE[day.month - 1]} {day.year}", f"{day.day} de {_ES[day.month - 1]} de {day.year}",
            f"{day.year}年{day.month}月{day.day}日", f"{day.day:02d}/{day.month:02d}/{day.year}",
            f"Published: {day.day:02d}.{day.month:02d}.{day.year} 14:05 Uhr"]


@FAST
@given(lines)
def test_date_parsers_never_raise_and_only_return_plausible_days(text):
    found = dates.parse_date_line(text, CFG)
    assert found is None or CFG.date_floor <= found <= CFG.today
    anywhere = dates.find_date(text)
    assert anywhere is None or isinstance(anywhere, dt.date)
    parts = dates.month_day(text)
    assert parts is None or (1 <= parts[0] <= 12 and 1 <= parts[1] <= 31)


@FAST
@given(days)
def test_every_written_form_of_a_day_reads_back_as_that_day(day):
    for line in written(day):
        assert dates.parse_date_line(line, CFG) == day, line


@FAST
@given(lines)
def test_a_found_date_reads_back_from_its_own_iso_form(text):
    found = dates.find_date(text)
    assume(found is not None)
    assert dates.find_date(found.isoformat()) == found


@FAST
@given(st.integers(1990, 2026), st.integers(1, 12), st.integers(1, 3))
def test_days_past_the_end_of_their_month_are_no_date(year, month, past):
    day = calendar.monthrange(year, month)[1] + past  # 30 February, 31 April, 32 May ...
    assert dates.parse_date_line(f"{year}-{month:02d}-{day:02d}", CFG) is None
    assert dates.parse_date_line(f"{day}/{month}/{year}", CFG) is None
    assert dates.parse_date_line(f"{day} {_EN[month - 1]} {year}", CFG) is None


@FAST
@given(lines)
def test_dateline_parser_never_raises_and_returns_a_tail_of_its_input(text):
    raw, place, agencies, body = dateline.parse_dateline(text)
    assert text.endswith(body)
    if raw is None:
        assert (place, agencies, body) == (None, [], text)
    else:
        assert raw in text and all(code in dateline.AGENCY_NAMES.values() for code in agencies)


@FAST
@given(st.sampled_from(["WASHINGTON", "NEW YORK", "Berlin", "SÃO PAULO", "Frankfurt/Main", "ST. LOUIS"]),
       st.sampled_from([("AP", "AP"), ("AFP", "AFP"), ("Reuters", "Reuters"), ("dpa", "DPA"), ("dpa/AFP", None)]),
       st.sampled_from(["—", "–", "-", "//", ":"]), paragraphs)
def test_a_written_dateline_reads_back_and_leaves_the_story(place, agency, sep, story):
    body = "\n\n".join(story)
    raw, found, codes, rest = dateline.parse_dateline(f"{place} ({agency[0]}) {sep} {body}")
    assert raw == f"{place} ({agency[0]}) {sep}" and rest == body
    assert found == (place.title() if place.isupper() else place)
    assert codes == ([agency[1]] if agency[1] else ["AFP", "DPA"])
    assert dateline.parse_dateline(rest) == (None, None, [], rest)  # stable: the story has no dateline left


@FAST
@given(lines)
def test_text_cleaner_never_raises_and_keeps_only_words_of_the_page(text):
    ex = textclean.clean(text, CFG)
    page_words = set(text.split())
    assert set(ex.text.split()) <= page_words
    assert ex.title_raw is None or ex.title_raw.strip()
    assert all(CFG.date_floor <= day <= CFG.today for day, _, _ in ex.dates)


@FAST
@given(st.lists(sentences, min_size=3, max_size=6).map(" ".join).map(lambda s: s[:60].rstrip(". ")),
       days, paragraphs, st.sampled_from(["Home | World | Sport\n", "Latest News\n", ""]),
       st.sampled_from(["\nShare this:\nComments (3)\n© 2024 Example Gazette", "\nRead more: politics", ""]))
def test_cleaning_a_cleaned_body_keeps_it(headline, day, story, chrome_above, chrome_below):
    page = f"{chrome_above}{headline}\n{day.isoformat()}\n\n" + "\n\n".join(story) + f"\n{chrome_below}\n"
    body = textclean.clean(page, CFG).text
    assert body == "\n\n".join(story)
    assert textclean.clean(body, CFG).text == body
