from lxml import html

from flows.htmlmeta import read
from flows.htmltitle import pick_title, strip_site


def title_of(markup: str, url: str | None = None):
    return pick_title(read(html.fromstring(markup)), url)


def test_outlet_suffix_and_prefix_are_removed_using_evidence():
    sites = ["Beispiel Zeitung", "beispiel-zeitung.de", "beispiel-zeitung"]
    assert strip_site("Rat beschließt Haushalt | Beispiel Zeitung", sites) == "Rat beschließt Haushalt"
    assert strip_site("Beispiel Zeitung » Rat beschließt Haushalt", sites) == "Rat beschließt Haushalt"
    assert strip_site("Rat beschließt Haushalt - BEISPIEL-ZEITUNG.DE", sites) == "Rat beschließt Haushalt"


def test_a_leading_topic_word_is_kept():
    assert strip_site("Haushalt: Rat beschließt Sparpaket", ["Haushalt Online"]) == "Haushalt: Rat beschließt Sparpaket"


def test_h1_confirmed_by_og_title_wins_and_keeps_its_typography():
    markup = ('<html><head><meta property="og:title" content="Editor\'s letter: a new start - Mag">'
              '<meta property="og:site_name" content="Mag"></head>'
              '<body><h1>Editor’s letter: a new start</h1></body></html>')
    assert title_of(markup) == ("Editor’s letter: a new start", "h1")


def test_kicker_inside_the_h1_is_dropped():
    markup = ('<html><head><title>Interne Papiere: Daten gehackt | tagesschau.de</title></head><body>'
              '<h1><span class="dachzeile">Interne Papiere</span><span class="headline">Daten gehackt</span>'
              '</h1></body></html>')
    assert title_of(markup, "https://www.tagesschau.de/x.html") == ("Daten gehackt", "h1")


def test_site_logo_h1_is_not_the_headline():
    markup = ('<html><head><title>Four Years » Blog Archive » Interning small integers</title></head>'
              '<body><h1><a href="http://fouryears.example/">Four Years</a></h1></body></html>')
    assert title_of(markup, "http://fouryears.example/2019/10/21/x/") == ("Interning small integers", "html_title")


def test_page_without_any_title_gives_none():
    assert title_of("<html><body><p>text</p></body></html>") == (None, None)
