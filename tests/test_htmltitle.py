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
    markup = ('<html><head><title>Interne Papiere: Daten gehackt | beispielschau.de</title></head><body>'
              '<h1><span class="dachzeile">Interne Papiere</span><span class="headline">Daten gehackt</span>'
              '</h1></body></html>')
    assert title_of(markup, "https://www.beispielschau.de/x.html") == ("Daten gehackt", "h1")


def test_site_logo_h1_is_not_the_headline():
    markup = ('<html><head><title>Night Owl Notes » Blog Archive » Caching short strings</title></head>'
              '<body><h1><a href="http://nightowl.example/">Night Owl Notes</a></h1></body></html>')
    assert title_of(markup, "http://nightowl.example/2020/03/14/x/") == ("Caching short strings", "html_title")


def test_page_without_any_title_gives_none():
    assert title_of("<html><body><p>text</p></body></html>") == (None, None)


def test_a_site_name_holding_a_separator_is_removed_whole():
    sites = ["Blatt - Unabhängige Stimmen aus der Region"]
    found = strip_site("Der Titel des Tages | Blatt - Unabhängige Stimmen aus der Region", sites)
    assert found == "Der Titel des Tages"


def test_a_site_name_glued_without_spaces_is_removed_unless_it_ends_a_compound_word():
    assert strip_site("城市的声音：新的一天！-示例网", ["示例网"]) == "城市的声音：新的一天！"
    assert strip_site("Interview mit dem Stern-Reporter", ["Reporter"]) == "Interview mit dem Stern-Reporter"
    assert strip_site("Tagesblatt", ["Tagesblatt"]) == "Tagesblatt"
    assert strip_site("Blatt", ["Tagesblatt"]) == "Blatt"


def test_h2_spelling_out_a_meta_title_wins_over_unconfirmed_h1s_and_keeps_its_dash():
    markup = ('<html><head><title>Konzerte März - Juni 2021 in Kassel</title></head><body>'
              '<h1>Konzerte – Hessen</h1><h2>[> Konzerte März – Juni 2021 in Kassel</h2></body></html>')
    assert title_of(markup) == ("Konzerte März – Juni 2021 in Kassel", "heading")


def test_h2_spelling_out_one_part_of_the_title_wins():
    markup = ('<html><head><title>Haus Seeblick - Ferienwohnung an der Ostsee</title></head><body>'
              '<h3>Haus Seeblick</h3><p>text</p></body></html>')
    assert title_of(markup) == ("Haus Seeblick", "heading")


def test_a_part_after_a_colon_is_not_a_title_part():
    markup = ('<html><head><title>Markt Eck: Fischbrötchen, frisch und warm</title></head><body>'
              '<h2>Markt Eck</h2></body></html>')
    assert title_of(markup) == ("Markt Eck: Fischbrötchen, frisch und warm", "html_title")


def test_the_title_part_the_description_repeats_is_the_headline():
    markup = ('<html><head><title>Gartenverein Süd - Verein wählt neuen Vorstand - Vereinsleben - Aktuelles</title>'
              '<meta name="description" content="Verein wählt neuen Vorstand"></head><body></body></html>')
    assert title_of(markup) == ("Verein wählt neuen Vorstand", "html_title")


def test_short_h1_confirmed_when_the_rest_of_the_title_names_the_site():
    markup = '<html><head><title>Wege! Brixen</title></head><body><h1>Brixen</h1></body></html>'
    assert title_of(markup, "https://wege.example/region/brixen/") == ("Brixen", "h1")


def test_short_h1_whose_words_recur_in_order_in_the_title_is_the_headline():
    markup = ('<html><head><title>Ferienhaus Typ 7 am Plauer See. Günstig buchen.</title></head>'
              '<body><h1>Ferienhaus 7</h1></body></html>')
    assert title_of(markup) == ("Ferienhaus 7", "h1")


def test_a_confirmed_headline_beats_a_confirmed_section_label():
    markup = ('<html><head><title>Meldungen - Institut</title><meta property="og:title" content="Neue Messung'
              ' zeigt schnellere Elektronen"></head><body><h1>Meldungen</h1>'
              '<h1>Neue Messung zeigt schnellere Elektronen</h1></body></html>')
    found = title_of(markup, "https://www.institut.example/news/x/")
    assert found == ("Neue Messung zeigt schnellere Elektronen", "h1")


def test_a_date_opening_the_headline_is_dropped():
    markup = ('<html><head><title>12.03.2021 - Stadtlauf endet mit Rekord - Laufverein Ort</title></head>'
              '<body><h1>12.03.2021 - Stadtlauf endet mit Rekord</h1></body></html>')
    assert title_of(markup) == ("Stadtlauf endet mit Rekord", "h1")


def test_ruby_readings_are_not_part_of_the_headline():
    markup = ('<html><head><title>町に新しい橋ができる</title></head><body>'
              '<h1><ruby>町<rt>まち</rt></ruby>に<ruby>新<rt>あたら</rt></ruby>しい'
              '<ruby>橋<rp>(</rp><rt>はし</rt><rp>)</rp></ruby>ができる</h1></body></html>')
    assert title_of(markup) == ("町に新しい橋ができる", "h1")


def test_without_a_url_an_absolute_home_link_names_the_site():
    markup = ('<html><head><title>Neue Brücke eröffnet | Stadtblatt</title></head><body>'
              '<a href="https://www.stadtblatt.example/">Stadtblatt</a><p>text</p></body></html>')
    assert title_of(markup) == ("Neue Brücke eröffnet", "html_title")
    assert title_of(markup, "https://other.example/a/b")[0] == "Neue Brücke eröffnet | Stadtblatt"


def test_a_headline_h1_beats_meta_titles_that_are_only_a_page_label():
    markup = ('<html><head><meta property="og:title" content="Über uns - Beispielverein">'
              '<meta property="og:site_name" content="Beispielverein"></head>'
              '<body><h1>Gemeinsam für saubere Flüsse</h1></body></html>')
    assert title_of(markup) == ("Gemeinsam für saubere Flüsse", "h1")
    markup = markup.replace("Über uns", "Wir räumen jeden Frühling die Ufer auf")
    assert title_of(markup) == ("Wir räumen jeden Frühling die Ufer auf", "og_title")


def test_without_a_headline_h1_the_heading_the_breadcrumb_ends_with_is_the_title():
    crumbs = ('<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": ['
              '{"@type": "ListItem", "position": "2", "name": "Gut zu wissen"},'
              '{"@type": "ListItem", "position": "1", "item": {"@id": "/", "name": "Start"}}]}</script>')
    markup = ('<html><head><meta property="og:title" content="Den Vertrieb planen oder gut zu wissen">'
              f'{crumbs}</head><body><h2>Unsere Leistungen</h2><h2>Gut zu Wissen</h2></body></html>')
    assert title_of(markup) == ("Gut zu Wissen", "heading")
    with_h1 = markup.replace("<body>", "<body><h1>Warum wir den Vertrieb anders planen</h1>")
    assert title_of(with_h1) == ("Warum wir den Vertrieb anders planen", "h1")


def test_a_heading_spelling_the_meta_title_exactly_beats_an_h1_that_differs_only_in_case():
    markup = ('<html><head><meta property="og:title" content="Macros In Lisp Using Defmacro"></head><body>'
              '<h3 class="post-title">Macros In Lisp Using Defmacro</h3>'
              '<div><h1>Macros In Lisp Using <b>defmacro</b></h1></div></body></html>')
    assert title_of(markup) == ("Macros In Lisp Using Defmacro", "heading")
    assert title_of(markup.replace("<h3", "<p").replace("</h3>", "</p>")) == ("Macros In Lisp Using defmacro", "h1")
