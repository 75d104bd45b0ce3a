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


def test_vectorised_ranking_equals_the_detectors_own():
    from flows.language import _model, rank

    ident = _model()[0]
    for text in ("Die Bundesregierung hat am Mittwoch beschlossen, die Hilfen zu verlängern.",
                 "El Gobierno aprobó el martes una nueva ley de vivienda para los jóvenes.",
                 "東京都は火曜日、新しい予算案を発表した。", "Ω"):
        own = ident.rank(text)[:3]
        ours = rank(text)
        assert [code for code, _ in ours] == [code for code, _ in own]
        assert abs(ours[0][1] - own[0][1]) < 1e-4


def test_sample_of_a_few_hundred_characters_decides():
    story = "Der Stadtrat hat am Dienstag den Haushalt für Schulen und Brücken verlängert. " * 20
    assert detect(story) == detect(story[:1000]) == "de"
