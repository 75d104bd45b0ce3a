import datetime as dt

from lxml import html

from flows.config import build_config
from flows.htmlshown import date_line, shown_date

CFG = build_config()


def shown(body: str, title: str | None = "Rat beschließt Haushalt"):
    found = shown_date(html.fromstring(f"<html><body>{body}</body></html>"), title, CFG)
    return found[0].isoformat() if found else None


def test_date_lines_in_the_common_forms_and_languages():
    assert date_line("Stand: 28.04.2020 18:00 Uhr", CFG) == dt.date(2020, 4, 28)
    assert date_line("Samstag, 9. September 2017", CFG) == dt.date(2017, 9, 9)
    assert date_line("7 April 2020", CFG) == dt.date(2020, 4, 7)
    assert date_line("Jul 3, 2019", CFG) == dt.date(2019, 7, 3)
    assert date_line("14 de mayo de 2020", CFG) == dt.date(2020, 5, 14)
    assert date_line("Written: 2023-11-07 15:03:30", CFG) == dt.date(2023, 11, 7)
    assert date_line("2019年6月24日", CFG) == dt.date(2019, 6, 24)
    assert date_line("10.12.19", CFG) == dt.date(2019, 12, 10)


def test_updates_other_events_prose_and_ambiguous_days_are_not_date_lines():
    assert date_line("Aktualisiert: 11.04.2020, 10:27", CFG) is None
    assert date_line("Termin: 21.02.2020, 19 Uhr", CFG) is None
    assert date_line("Der Rat hat am Dienstag, 4. Mai 2021, lange über den Haushalt beraten.", CFG) is None
    assert date_line("Version 2.1.10", CFG) is None
    assert date_line("11/08/2020", CFG) is None
    assert date_line("25/08/2020", CFG) == dt.date(2020, 8, 25)
    assert date_line("12.05.2999", CFG) is None


def test_the_date_line_nearest_the_headline_wins():
    body = ('<p>3. März 2020</p><nav>Startseite Politik Wirtschaft Kultur</nav><h1>Rat beschließt <b>Haushalt</b></h1>'
            '<p class="meta">Von Anna Muster</p><p>12.05.2021</p><p>Der Rat hat getagt.</p>'
            '<aside><p>01.01.2021</p></aside>')
    assert shown(body) == "2021-05-12"


def test_a_label_in_the_text_node_before_counts():
    body = '<h1>Rat beschließt Haushalt</h1><p><span>Aktualisiert am</span> <span>12.05.2021</span></p>'
    assert shown(body) is None
    body = ('<h1>Rat beschließt Haushalt</h1>' + "<p>Ein langer Absatz der Geschichte.</p>" * 30
            + '<p><span>Erschienen am</span> <time>26. Jan 2022</time></p>')
    assert shown(body) == "2022-01-26"


def test_the_headline_is_found_by_its_text_before_teaser_copies():
    body = ('<div class="teasers"><h2>Rat beschließt Haushalt</h2><p>18.01.2019</p></div>'
            + "<p>Ein langer Absatz über etwas anderes, der weit genug trennt.</p>" * 20
            + '<h1>Rat beschließt Haushalt</h1><p>01.10.2019</p>')
    assert shown(body) == "2019-10-01"


def test_no_headline_no_shown_date():
    assert shown("<p>12.05.2021</p>", None) is None
