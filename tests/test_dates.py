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
    ("22. November 2021", dt.date(2021, 11, 22)),
    ("Vom 17. Februar 2022", dt.date(2022, 2, 17)),
    ("/ 21.11.2018, 14:30 Uhr", dt.date(2018, 11, 21)),
    ("Miércoles 14 septiembre de 2022 | 18:25", dt.date(2022, 9, 14)),
    ("mayo 26, 2022", dt.date(2022, 5, 26)),
    ("26 septembre 2018", dt.date(2018, 9, 26)),
    ("15 августа 2016, 13:43", dt.date(2016, 8, 15)),
    ("12/28/2019 09:41 AM EST", dt.date(2019, 12, 28)),
    ("Jun 14th 2018", dt.date(2018, 6, 14)),
    ("23.09.22", dt.date(2022, 9, 23)),
    ("Published: 2005/04/12 16:08:00 GMT", dt.date(2005, 4, 12)),
    ("Von Petra Hollmann, 09 Dezember, 2022", dt.date(2022, 12, 9)),
])
def test_date_line_forms(line, day):
    assert dates.parse_date_line(line, None) == day


def test_sentence_with_a_date_is_not_a_date_line():
    line = "Bei Kunden der Tarife 3 und 3.5 ist es sogar seit dem 4. März 2016 so, sagte sie gestern."
    assert dates.parse_date_line(line, None) is None


def test_copyright_range_is_not_a_date():
    assert dates.find_date("Designed by 7Harbours Copyright ©2011-2015") is None


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
    assert dates.leading_date("Red. / 14.06.2023 Die alte Werft am Kanal steht vor dem Abriss.", cfg) == \
        dt.date(2023, 6, 14)
    assert dates.leading_date("The council met on 14.06.2023 to vote on the budget.", cfg) is None
