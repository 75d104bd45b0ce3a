from flows.language import detect, normalise


def test_detects_languages_of_news_text():
    assert detect("Die Bundesregierung hat am Mittwoch beschlossen, die Hilfen für Familien zu verlängern.") == "de"
    assert detect("The city council voted on Tuesday to extend the budget for schools and bridges.") == "en"
    assert detect("Le conseil municipal a voté mardi pour prolonger le budget des écoles et des ponts.") == "fr"


def test_short_text_falls_back_to_the_declared_language():
    assert detect("Menü", hint="de-AT") == "de"
    assert detect("123 456", hint=None) is None


def test_codes_are_iso_639_1():
    code = detect("Wczoraj rada miasta przegłosowała nowy budżet na szkoły i mosty w całym regionie.")
    assert len(code) == 2 and code.islower()


def test_normalise_keeps_only_two_letter_codes():
    assert normalise("en_US") == "en" and normalise("DE") == "de"
    assert normalise("und") is None and normalise("") is None
