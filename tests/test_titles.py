"""Site names glued to headlines, placeholders, and headline comparison keys."""

import pytest

from flows import titles


@pytest.mark.parametrize("page_title, headline, site", [
    ("3Novices:US and Russian militaries sharing increasing information on ISIL",
     "US and Russian militaries sharing increasing information on ISIL", "3Novices"),
    ("Gute Tabus, schlechte Tabus | Übermedien", "Gute Tabus, schlechte Tabus", "Übermedien"),
    ("Hund vertreibt Einbrecher - Polizei Hildesheim", "Hund vertreibt Einbrecher", "Polizei Hildesheim"),
    ("BMAS - Änderung der Anforderungen an Impf- und Genesenennachweise",
     "Änderung der Anforderungen an Impf- und Genesenennachweise", "BMAS"),
    ("Caritas-Chef gegen Impfpflicht in der Pflege- Kirche+Leben", "Caritas-Chef gegen Impfpflicht in der Pflege",
     "Kirche+Leben"),
    ("A headline without a site", "A headline without a site", None),
    ("Alles hat seine Zeit… | Marktplatz für ein gutes Leben", "Alles hat seine Zeit…",
     "Marktplatz für ein gutes Leben"),
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
    headline = "Hund vertreibt Einbrecher – Zeugenaufruf"
    assert titles.clean_title(headline) == headline
    assert titles.clean_title(headline + " | Presseportal", guess_site=True) == headline


def test_clean_title_removes_a_known_site_name():
    assert titles.clean_title("News24 - US, Russian militaries sharing more", "News24") == (
        "US, Russian militaries sharing more")


def test_clean_title_keeps_a_site_name_run_into_the_headline():
    assert titles.clean_title("Ten years of harbourlight.net", "harbourlight.net") == "Ten years of harbourlight.net"
    assert titles.clean_title("Harbourlight.net turns ten", "Harbourlight.net") == "Harbourlight.net turns ten"


def test_clean_title_of_nothing_is_none():
    assert titles.clean_title("  ") is None and titles.clean_title(None) is None


def test_key_unifies_quotes_dashes_case_and_decoration():
    assert titles.key("› Warum ich lieber „Bauchgeburt“ sage") == titles.key('warum ich lieber "Bauchgeburt" sage')


def test_variants_hold_the_headline_part_but_not_the_site():
    found = titles.variants("Einheit der Woche | Lagen-Pyramide mit GA2 - SWIM.DE")
    assert "lagen-pyramide mit ga2" in found and "swim.de" not in found
