"""Site names glued to headlines, placeholders, and headline comparison keys."""

import pytest

from flows import titles


@pytest.mark.parametrize("page_title, headline, site", [
    ("7Harbours:Ferry operators and port pilots sharing more data on winter storms",
     "Ferry operators and port pilots sharing more data on winter storms", "7Harbours"),
    ("Alte Wege, neue Wege | Hafenblick", "Alte Wege, neue Wege", "Hafenblick"),
    ("Katze weckt Nachbarn - Polizei Talheim", "Katze weckt Nachbarn", "Polizei Talheim"),
    ("BMVW - Neuregelung der Fristen für Bau- und Abrissanträge",
     "Neuregelung der Fristen für Bau- und Abrissanträge", "BMVW"),
    ("Kreiselternrat gegen Kürzungen in der Schulsozialarbeit- Land+Leute",
     "Kreiselternrat gegen Kürzungen in der Schulsozialarbeit", "Land+Leute"),
    ("A headline without a site", "A headline without a site", None),
    ("Jeder Tag zählt… | Werkstatt für ein gutes Miteinander", "Jeder Tag zählt…",
     "Werkstatt für ein gutes Miteinander"),
])
def test_split_site(page_title, headline, site):
    assert titles.split_site(page_title) == (headline, site)


def test_a_long_part_is_never_taken_for_the_site():
    title = "Tenants of the Nostrand Houses begin to vote - what the three options mean for their homes"
    assert titles.split_site(title)[1] is None


def test_placeholder_is_removed():
    assert titles.strip_placeholder(" date 1995-01-01 US, Russian generals meet to talk Syria ops: Pentagon") == (
        "US, Russian generals meet to talk Syria ops: Pentagon", "date 1995-01-01")


def test_clean_title_guesses_the_site_only_for_page_titles():
    headline = "Katze weckt Nachbarn – Polizei sucht Zeugen"
    assert titles.clean_title(headline) == headline
    assert titles.clean_title(headline + " | Presseportal", guess_site=True) == headline


def test_clean_title_removes_a_known_site_name():
    assert titles.clean_title("News24 - US, Russian militaries sharing more", "News24") == (
        "US, Russian militaries sharing more")


def test_clean_title_keeps_a_site_name_run_into_the_headline():
    assert titles.clean_title("Ten years of harbourlight.net", "harbourlight.net") == "Ten years of harbourlight.net"
    assert titles.clean_title("Harbourlight.net turns ten", "Harbourlight.net") == "Harbourlight.net turns ten"


def test_a_quoted_headline_keeps_both_guillemets():
    assert titles.clean_title("«Mehr Lohn allein hilft nicht»") == "«Mehr Lohn allein hilft nicht»"
    assert titles.clean_title("»Mehr Lohn« – ein Gespräch") == "»Mehr Lohn« – ein Gespräch"
    assert titles.clean_title("» Hafen öffnet wieder") == "Hafen öffnet wieder"


def test_clean_title_of_nothing_is_none():
    assert titles.clean_title("  ") is None and titles.clean_title(None) is None


def test_key_unifies_quotes_dashes_case_and_decoration():
    assert titles.key("› Warum wir lieber „Mittagsruhe“ sagen") == titles.key('warum wir lieber "Mittagsruhe" sagen')


def test_variants_hold_the_headline_part_but_not_the_site():
    found = titles.variants("Übung der Woche | Intervall-Treppe mit KB3 - RUDERN.AT")
    assert "intervall-treppe mit kb3" in found and "rudern.at" not in found


def test_a_one_word_title_has_no_variants_but_a_hyphenated_pair_has():
    assert titles.variants("Home") == {}
    assert "harbour-rules" in titles.variants("Harbour-Rules")


def test_a_trail_in_the_title_runs_from_the_site_down_to_the_page():
    assert titles.split_site("Harbour Rowing Club - News » Regatta results from the weekend") == \
        ("Regatta results from the weekend", "Harbour Rowing Club")
