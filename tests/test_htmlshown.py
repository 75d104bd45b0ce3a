import datetime as dt

from lxml import html

from flows.config import build_config
from flows.htmlshown import date_line, month_date, shown_date

CFG = build_config()


def shown(body: str, title: str | None = "Rat beschließt Haushalt"):
    found = shown_date(html.fromstring(f"<html><body>{body}</body></html>"), title, CFG)
    return found[0].isoformat() if found else None


def test_date_lines_in_the_common_forms_and_languages():
    assert date_line("Stand: 3.2.2021 9:00 Uhr", CFG) == dt.date(2021, 2, 3)
    assert date_line("Montag, 4. Oktober 2021", CFG) == dt.date(2021, 10, 4)
    assert date_line("5 May 2020", CFG) == dt.date(2020, 5, 5)
    assert date_line("Aug 9, 2018", CFG) == dt.date(2018, 8, 9)
    assert date_line("14 de mayo de 2020", CFG) == dt.date(2020, 5, 14)
    assert date_line("Posted: 2022-03-15 08:00:00", CFG) == dt.date(2022, 3, 15)
    assert date_line("2018年3月5日", CFG) == dt.date(2018, 3, 5)
    assert date_line("02.11.18", CFG) == dt.date(2018, 11, 2)


def test_updates_other_events_prose_and_ambiguous_days_are_not_date_lines():
    assert date_line("Aktualisiert: 03.05.2021, 11:40", CFG) is None
    assert date_line("Termin: 12.06.2021, 20 Uhr", CFG) is None
    assert date_line("Der Rat hat am Dienstag, 4. Mai 2021, lange über den Haushalt beraten.", CFG) is None
    assert date_line("Version 2.1.10", CFG) is None
    assert date_line("11/08/2020", CFG) is None
    assert date_line("25/08/2020", CFG) == dt.date(2020, 8, 25)
    assert date_line("12.05.2999", CFG) is None


def test_the_date_line_nearest_the_headline_wins():
    body = ('<p>3. März 2020</p><nav>Startseite Politik Wirtschaft Kultur</nav>'
            '<h1>Rat beschließt <b>Haushalt</b></h1>'
            '<p class="meta">Von Anna Muster</p><p>12.05.2021</p><p>Der Rat hat getagt.</p>'
            '<aside><p>01.01.2021</p></aside>')
    assert shown(body) == "2021-05-12"


def test_a_label_in_the_text_node_before_counts():
    body = '<h1>Rat beschließt Haushalt</h1><p><span>Aktualisiert am</span> <span>12.05.2021</span></p>'
    assert shown(body) is None
    body = ('<h1>Rat beschließt Haushalt</h1>' + "<p>Ein langer Absatz der Geschichte.</p>" * 30
            + '<p><span>Erschienen am</span> <time>14. Feb 2022</time></p>')
    assert shown(body) == "2022-02-14"


def test_the_headline_is_found_by_its_text_before_teaser_copies():
    body = ('<div class="teasers"><h2>Rat beschließt Haushalt</h2><p>05.03.2018</p></div>'
            + "<p>Ein langer Absatz über etwas anderes, der weit genug trennt.</p>" * 20
            + '<h1>Rat beschließt Haushalt</h1><p>22.09.2018</p>')
    assert shown(body) == "2018-09-22"


def test_no_headline_no_shown_date():
    assert shown("<p>12.05.2021</p>", None) is None


def test_a_two_digit_year_after_a_month_name_counts_only_where_the_line_closes():
    assert date_line("( Seestadt, 9 Marzo 21 )", CFG) == dt.date(2021, 3, 9)
    assert date_line("3 March 21", CFG) == dt.date(2021, 3, 3)
    assert date_line("5. Mai 20 Uhr", CFG) is None
    assert date_line("14 June 20 people", CFG) is None


def test_the_first_date_line_of_a_given_month():
    tree = html.fromstring("<html><body><p>Kommentar vom 2. Juni 2010</p><h1>Rat tagt</h1><p>Text.</p>"
                           "<p>Dieser Beitrag wurde am <nobr>27. Mai 2010</nobr> gepostet.</p></body></html>")
    assert month_date(tree, (2010, 5), CFG) == (dt.date(2010, 5, 27), "27. Mai 2010")
    assert month_date(tree, (2010, 6), CFG) == (dt.date(2010, 6, 2), "Kommentar vom 2. Juni 2010")
    assert month_date(tree, (2010, 7), CFG) is None


def test_a_line_without_a_year_is_a_day_only_in_the_year_nearest_other_evidence():
    assert date_line("[06月24日 11時30分]", CFG) is None
    assert date_line("[06月24日 11時30分]", CFG, near=dt.date(2019, 6, 19)) == dt.date(2019, 6, 24)
    assert date_line("Dec 30", CFG, near=dt.date(2020, 1, 2)) == dt.date(2019, 12, 30)
    assert date_line("17. Juni", CFG, near=dt.date(2021, 5, 1)) == dt.date(2021, 6, 17)
    assert date_line("Aktualisiert: 17. Juni", CFG, near=dt.date(2021, 5, 1)) is None
