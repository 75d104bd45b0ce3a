"""Chrome lines: each rule on small named cases, and story sentences that must not be taken for chrome."""

import pytest

from flows import chrome


def kind(line: str) -> str | None:
    return chrome.kind(line, chrome.words(line))


@pytest.mark.parametrize("line", [
    "Skip to content", "Zum Inhalt springen", "Menu", "Search", "Suche", "Sign in", "Log in", "Subscribe",
    "Home | World | Business | Sport", "Startseite · Politik · Wirtschaft · Kultur", "Share", "Facebook",
    "Twitter", "Read more", "Weiterlesen", "Back to top", "Impressum", "Datenschutz", "Newsletter", "Anzeige",
    "Tags:", "INGRESAR", "Multimedia · User Galleries · News in Pictures",
    "Springe zum Inhalt", "Zur Hauptnavigation springen", "Primäres Menü", "Je m'abonne au Journal",
    "Síguenos en instagram", "Folgen Sie uns auf Twitter", "envoyer par mail", "Subscribe | Log in",
    "Breaking News", "Today's paper", "Zum Vergrößern bitte anklicken",
])
def test_navigation_and_buttons(line):
    assert kind(line) == chrome.NAV


@pytest.mark.parametrize("line", [
    "Your email address will not be published. Required fields are marked *",
    "Creating your profile will enable you to submit photos and stories",
    "Location Settings", "Create Profile", "Please provide a username for your profile page:",
    "Facebook Sign-In", "Log in with Facebook to comment and personalise news, weather and listings.",
    "Click to share on Twitter (Opens in new window)", "Powered by Blogger.", "Designed by 7Harbours",
    "Theme images by Bim. Powered by Blogger.", "There are new stories on the homepage. Click here to see them.",
    "Advertising disclosure: Some links on this page may earn us a small commission.",
    "Already have a subscription?", "Si ya tenés una cuenta", "Registrate para leer 5 notas gratis cada mes",
    "Teilen Sie diesen Artikel", "Beitrag gefallen? Dann gerne weitersagen!", "Le puede interesar: Otra noticia",
    "We want to hear what you think. Send your view to our letters desk.",
    "Disclaimer: The reviews below are not written or endorsed by the card issuer.",
    "Mit dem Absenden des Formulars willige ich in die Speicherung meiner Angaben ein.",
    "Dieser Beitrag erscheint unter der Lizenz CC-BY-SA-4.0-AT.",
    "Erstellt am 6. Mai 2014 und abgelegt unter Linux, Tutorials",
    "Join the gardeners who get fresh planting tips delivered to their inboxes every Friday.",
    "Listen to this article", "Artikel anhören", "Escuchar artículo", "Écouter cet article",
])
def test_widgets_prompts_and_profile_text(line):
    assert kind(line) == chrome.WIDGET


@pytest.mark.parametrize("line", [
    "No comments:", "Post a Comment", "Leave a Reply", "17 Kommentare", "Schreibe einen Kommentar",
    "Join the conversation! encourages commentary submitted via MyNews24.", "Vos réactions (11)",
    "Kommentare und Pings sind derzeit nicht erlaubt.", "Kommentieren Sie den Artikel",
    "Bitte geben Sie Ihren Kommentar ein!", "Lesermeinungen",
])
def test_comment_prompts_end_the_story(line):
    assert kind(line) == chrome.COMMENT


@pytest.mark.parametrize("line", [
    "You may also like", "Related articles", "Read more on: us | russia | syria", "Mehr zum Thema",
    "Das könnte Sie auch interessieren", "Lee también", "Trending now", "Otras Noticias",
])
def test_related_and_tag_lists(line):
    assert kind(line) == chrome.END


@pytest.mark.parametrize("line", [
    "In this Friday, Sept. 15, 2017 file photo, Russian military helicopter flies over a desert.",
    "Foto: Carla Wendisch", "Photo: Getty Images", "Die Bürgermeisterin in Lübbenau. Foto: Henrike Quast",
    "Ministra de Salud, Ana Ferreyra / AFP", "© Lotte Brenneke", "Abbildung 3: einfache Pendelschaltung.",
    "Photograph by Rosa Pennick, Wetland Survey Society", "Image caption: Volunteers cleared the beach on Sunday",
    "Die Schülerinnen pflanzten zwölf Apfelbäume. (Bildquelle: Obstbauverein Talheim )",
])
def test_captions_and_photo_credits(line):
    assert kind(line) == chrome.CAPTION


@pytest.mark.parametrize("line", [
    "Copyright 2017 The Associated Press. All rights reserved.", "© 2023 Hafenblick",
    "Copyright ©2011-2015", "Alle Rechte vorbehalten © 2021 Verlag",
])
def test_copyright_notices(line):
    assert kind(line) == chrome.COPYRIGHT


def test_link_shortener_line_is_a_url():
    assert kind("http://ift.tt/2huic6t") == chrome.URL


def test_byline():
    assert kind("by Staff Writers") == chrome.BYLINE and kind("Von Ines Tammert") == chrome.BYLINE
    assert kind("Interview: Mara Stolzenberg") == chrome.BYLINE and kind("Staff reporter") == chrome.BYLINE
    assert kind("From wire reports") == chrome.BYLINE
    assert kind("By") == chrome.BYLINE and kind("von") == chrome.BYLINE  # the name follows on its own line
    assert kind("Redaktion Hafenblatt.de") == chrome.BYLINE and not chrome.is_byline("Redaktion und Verlag danken")
    assert kind("Redacción Diario Sur") == chrome.BYLINE and kind("Rédaction Le Courrier") == chrome.BYLINE


def test_byline_names_a_person():
    assert chrome.is_byline("by Ravi Osei-Lindqvist") and chrome.is_byline("Text: Max Muster")
    assert not chrome.is_byline("by the government and its allies")


def test_a_byline_may_carry_its_date_after_a_separator():
    assert chrome.is_byline("von Jonas · 7. März 2021") and chrome.is_byline("By Jane Doe | March 3, 2020")
    assert chrome.is_byline("By Jane Doe, 3 March 2020")
    assert not chrome.is_byline("by the river, 2019") and not chrome.is_byline("by Jane Doe | Sports | Local")


@pytest.mark.parametrize("line", [
    "Much of the talk has concerned the two nations' immediate operations.",
    "Shares of the company rose after it said it would share more data with regulators.",
    "Broader plans",
    "The photo: a record of the day the dam broke, he said, was taken by a farmer nearby in 1998 at dawn.",
    "Sitzung 7 – KBR – die Zweite",
    "Zur Fußzeile des Hauses führt eine Treppe, die im Winter oft vereist ist, sagte der Hausmeister.",
    "She said the bank's disclaimer was added after the ruling, and customers were not told about it.",
    "War and Peace | Tolstoy",
])
def test_story_lines_are_not_chrome(line):
    assert kind(line) is None


def test_words_count_unspaced_scripts():
    assert chrome.words("话剧《约定无期限》河北各市巡演结束") >= 8
    assert chrome.words("Home | News") == 2


@pytest.mark.parametrize("line", ["U.S. well-known don't 3.5 — x_y", "Grüße aus Köln – 2,5 Mio.", "", "...!"])
def test_word_count_is_the_count_of_word_tokens(line):
    import re

    assert chrome.words(line) == len(re.findall(r"\w+", line))
