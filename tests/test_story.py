"""The story span: the max-sum run of story lines, rejoined wrapped lines, and second stories cut off."""

from flows import story, textclean

PROSE = "The council approved the new budget on Tuesday after a long debate about schools and roads in town."


def lines_of(*texts: str) -> list[story.Line]:
    lines = textclean.read_lines("\n".join(texts))
    story.weigh_all(lines)
    return lines


def test_best_span_skips_menus_and_stops_at_the_footer():
    lines = lines_of("Home | News | Sport", "Sign in", PROSE, PROSE + " More.", "Broader plans", PROSE + " Yes.",
                     "Copyright 2020 The Town Paper. All rights reserved.", PROSE + " Again.")
    first, last, score = story.best_span(lines)
    assert (first, last) == (2, 5) and score > 0


def test_best_span_can_be_held_close_to_its_start():
    lines = lines_of(PROSE, *["Menu item"] * 10, PROSE + " B.", PROSE + " C.")
    assert story.best_span(lines, 0, len(lines), latest_first=3)[0] == 0


def test_comment_section_prose_counts_less():
    lines = lines_of(PROSE, "2 Comments", "Great article, thanks for writing it, I agree with every word here!")
    assert lines[2].weight < lines[0].weight


def test_unwrap_rejoins_hard_wrapped_sentences_only():
    raw = ["Die Imkerausbildung im Kreisverband ist sehr praxisnah angelegt und",
           "endet mit einer Prüfung am Lehrbienenstand des Vereins im Frühjahr.", "",
           "Alte Wege, neue Wege: Der lange Streit um den Radweg am Mühlenteich", "von"]
    assert story.unwrap(raw) == [
        "Die Imkerausbildung im Kreisverband ist sehr praxisnah angelegt und endet mit einer Prüfung "
        "am Lehrbienenstand des Vereins im Frühjahr.",
        "Alte Wege, neue Wege: Der lange Streit um den Radweg am Mühlenteich", "von"]


def test_a_dated_byline_is_not_rejoined_to_the_headline_above_it():
    raw = ["Stadtbad: Kein Frühschwimmen mehr mit Zehnerkarte", "von Jonas · 7. März 2021 7. März 2021"]
    assert story.unwrap(raw) == raw


def test_second_story_with_its_own_headline_and_dateline_is_cut():
    lines = lines_of(PROSE, PROSE + " B.", "Air strikes kill 22 in northwest Syria in 48 hours: monitor",
                     "Beirut (AFP) Sept 21, 2017 - At least 22 civilians have been killed in 48 hours of strikes.",
                     PROSE + " C.")
    assert story.cut_second_story(lines, 0, 4) == (1, 1)


def test_a_subhead_followed_by_prose_is_no_second_story():
    lines = lines_of(PROSE, "Putin, Trump", PROSE + " B.")
    assert story.cut_second_story(lines, 0, 2) == (2, 0)


def test_prose_needs_punctuation_when_long():
    assert story.is_prose(PROSE, 19)
    assert not story.is_prose("Startseite Segeln Kurse Material Termine Jugendgruppe " * 4, 24)


def test_a_menu_line_or_a_byline_is_never_joined_to_its_neighbour():
    raw = ["Stative | Shop | Bücher & Hefte | Kurse | Impressum", "eBike 3X Akku Reichweite verdoppelt",
           "Quicker test runs with caching, sharding, or retries", "by Ravi Osei-Lindqvist"]
    assert story.unwrap(raw) == raw


def test_a_table_of_contents_is_neutral_and_no_story_text():
    toc = ["Inhaltsverzeichnis", "Licht und seine Wirkung", "Die technischen Grundlagen", "Fazit"]
    lines = lines_of(PROSE, *toc, "Licht und seine Wirkung", PROSE + " Two.", "Die technischen Grundlagen",
                     PROSE + " Three.", "Fazit", PROSE + " Four.")
    assert [ln.weight for ln in lines[1:5]] == [0.0] * 4
    assert story.best_span(lines)[:2] == (0, len(lines) - 1)
    assert not any(story.keep(ln) for ln in lines[1:5])


def test_contents_headings():
    assert story.is_contents_heading("Inhaltsverzeichnis") and story.is_contents_heading("Table of Contents")
    assert not story.is_contents_heading("Übersicht")
