"""Date lines in the common forms and languages; what is not a date line."""

import datetime as dt

import pytest

from flows import dates
from flows.config import build_config


@pytest.mark.parametrize("line, day", [
    ("2016-12-27 21:56", dt.date(2016, 12, 27)),
    ("Tuesday 17 November 2015", dt.date(2015, 11, 17)),
    ("Monday, October 23, 2017", dt.date(2017, 10, 23)),
    ("Sept 21, 2017", dt.date(2017, 9, 21)),
    ("19. November 2021", dt.date(2021, 11, 19)),
    ("Vom 3. Februar 2022", dt.date(2022, 2, 3)),
    ("/ 16.11.2018, 03:00 Uhr", dt.date(2018, 11, 16)),
    ("Miércoles 04 mayo de 2022 | 01:10", dt.date(2022, 5, 4)),
    ("mayo 11, 2022", dt.date(2022, 5, 11)),
    ("30 septembre 2018", dt.date(2018, 9, 30)),
    ("15 августа 2016, 13:43", dt.date(2016, 8, 15)),
    ("12/30/2019 05:03 AM EST", dt.date(2019, 12, 30)),
    ("Jun 18th 2018", dt.date(2018, 6, 18)),
    ("23.09.22", dt.date(2022, 9, 23)),
    ("Published: 2005/03/21 04:47:00 GMT", dt.date(2005, 3, 21)),
    ("Von Christian Thiele, 07 Dezember, 2022", dt.date(2022, 12, 7)),
])
def test_date_line_forms(line, day):
    assert dates.parse_date_line(line, None) == day


def test_sentence_with_a_date_is_not_a_date_line():
    line = "Bei Anwendern von Windows 8 und 8.1 ist es sogar seit dem 9. Juni 2015 so, sagte er gestern."
    assert dates.parse_date_line(line, None) is None


def test_copyright_range_is_not_a_date():
    assert dates.find_date("Designed by 3Novices Copyright ©2011-2015") is None


def test_future_and_prehistoric_dates_are_not_plausible():
    cfg = build_config(today=dt.date(2026, 11, 21))
    assert dates.parse_date_line("3 March 2031", cfg) is None
    assert dates.parse_date_line("3 March 1975", cfg) is None
    assert dates.parse_date_line("3 March 2021", cfg) == dt.date(2021, 3, 3)


def test_impossible_calendar_days_are_rejected():
    assert dates.parse_date_line("31.02.2021", None) is None


def test_month_day_without_year():
    assert dates.month_day("LONDON, Oct. 5 (Reuters) -") == (10, 5)
    assert dates.month_day("no date here") is None


def test_leading_date_opens_a_line_after_a_short_label_at_most():
    from flows.config import build_config

    cfg = build_config(today=dt.date(2026, 11, 21))
    assert dates.leading_date("Red. / 31.10.2023 Die ehemalige Kolonie steht vor dem Niedergang.", cfg) == \
        dt.date(2023, 10, 31)
    assert dates.leading_date("The council met on 31.10.2023 to vote on the budget.", cfg) is None
