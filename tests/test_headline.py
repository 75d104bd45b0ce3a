"""Finding the headline line: the h1 repeating the page title, else the best headline above the story."""

from flows import headline, story, textclean

LEAD = "The city council approved the new school budget on Tuesday after a long debate about roads and parks."
MORE = "Teachers welcomed the decision, which adds two hundred new places for pupils in the autumn term."


def locate(*texts: str) -> tuple[int | None, int, int]:
    lines = textclean.read_lines("\n".join(texts))
    story.weigh_all(lines)
    return headline.locate(lines)


def test_h1_repeating_the_page_title_heads_the_story():
    head, first, last = locate("Council approves school budget | Town Paper", "Home | News | Sport",
                               "Council approves school budget", "12 March 2021", LEAD, MORE)
    assert (head, first, last) == (2, 4, 5)


def test_without_a_title_line_the_headline_above_the_story_is_found():
    head, first, _ = locate("Skip to content", "Home | News | Sport", "Politics",
                            "Council approves the school budget after long debate", "By Jane Doe", LEAD, MORE)
    assert (head, first) == (3, 5)


def test_a_line_repeating_the_site_part_of_the_title_is_not_the_headline():
    head, _, _ = locate("Council approves school budget | Town Paper", "Home | News | Sport", "Town Paper",
                        "Council approves school budget", "12 March 2021", LEAD, MORE)
    assert head == 3


def test_a_tag_list_is_no_headline():
    head, _, _ = locate("Home | News", "Parti des Régions, Justice, Claire Vautrin",
                        "Trois ans à la mairie : deux procès et quatre enquêtes", "Par Jean Dupont",
                        LEAD, MORE)
    assert head == 2


def test_labels_links_and_menus_are_never_headlines():
    head, _, _ = locate("Sie sind hier:", "Home | News | Sport", "kontakt@example.org", LEAD, MORE)
    assert head is None


def test_cjk_tokens_are_characters():
    assert {"河", "北"} <= headline.tokens("河北日报")


def test_h1_over_a_weak_story_is_still_the_headline():
    head, first, last = locate("Oak garden bench with armrests | Garden Shop", "Home | Garden | Furniture",
                               "Oak garden bench with armrests", "Art.-Nr.: 4000263518", "In stock",
                               *[f"Product {n}" for n in range(40)], LEAD, MORE)
    assert head == 2 and (first, last) == (45, 46)


def test_kicker_above_the_headline_is_not_the_headline():
    head, _, _ = locate("Norvik and the Tessmar gravel pit: Halden outplays Brandt - Town Paper",
                        "Home | News | Sport", "Norvik and the Tessmar gravel pit", "Halden outplays Brandt",
                        "12 March 2021",
                        "Norvik chief Ole Halden offered the campaigner Mia Brandt a place on the trust that runs "
                        "the pit.", MORE)
    assert head == 3


def test_a_line_repeating_the_last_item_of_a_breadcrumb_set_line_by_line_is_the_headline():
    standfirst = "The city's theatres reopen step by step after the long closure; what they need now is more than aid."
    head, _, _ = locate("Skip to content", "- Home", "- >", "- Culture", "- >", "- Plan today for tomorrow",
                        "Plan today for tomorrow", "ARTS-2/FUNDING-19", standfirst, "Jane Doe", LEAD, MORE)
    assert head == 6


def test_a_breadcrumb_trail_ends_with_the_page_title():
    head, _, _ = locate("Sie sind hier: Home » Europa » Deutschland » Lindenhorst", "Foto: Jane Doe", "Lindenhorst",
                        LEAD, "Heimatmuseum in Lindenhorst", MORE)
    assert head == 2


def test_a_ticker_is_no_menu_mark_and_a_caption_sentence_no_headline():
    lead = "TOLEDO, April 1 (Reuters) - Harlan Motor Corp said it built fewer trucks in March than a year earlier."
    head, _, _ = locate("Tech / Science / Culture / Jobs", "Harlan Motor <hmc> Says March Truck Output Fell",
                        "Friday, June 10, 2005", "The square on Monday.", lead, MORE)
    assert head == 1


def test_glued_menu_items_and_bracketed_asides_are_no_headlines():
    head, _, _ = locate("Home | News", "Últimas noticiasSequía en CórdobaInflación", "( + 45 Minuten Anfahrt )",
                        "Council approves new school budget", "12 March 2021", LEAD, MORE)
    assert head == 3


def test_a_dated_header_inside_the_span_heads_the_story_below_it():
    teaser = ("Read how the council spent last year's money on roads, parks and the new library in the old town, "
              "why the mayor wants a second bridge over the river, and what the opposition says about the plans "
              "for the harbour, the schools and the swimming pool that closed in the spring after the storm.")
    head, first, _ = locate("Latest", teaser, "Your reading list", "Opinion", "Council approves new school budget",
                            "By Jane Doe", "12/03/2021 21:44", LEAD, MORE, LEAD + " Again.")
    assert head == 4 and first == 7


def test_a_headline_above_a_long_header_block_is_still_found():
    # Byline, date, share bar, audio player and a tag list: 18 lines between the headline and the story.
    header = ["Author", "Jane Doe", "Published", "12 March 2021", "Share", "Listen to this article",
              "Tags", "council", "budget", "schools", "roads", "parks", "pupils", "taxes", "savings",
              "autumn", "Recommended", "Gallery"]
    head, first, _ = locate("Home | News | Sport", "Politics", "Council approves the school budget after long debate",
                            *header, LEAD, MORE)
    assert (head, first) == (2, 21)


def test_a_long_headline_opening_the_story_span_heads_the_story_below_its_date():
    # Twenty words with commas, ending with a bracket, read as prose; a date line right below makes it a header.
    head, first, _ = locate("Harbour History", "Search", "Main menu", "About the blog",
                            "Workshop: the school budget, roads and parks of the city council after the long "
                            "debate (3 and 4 May 2019, Leiden)",
                            "12 March 2019 jdoe Leave a comment", LEAD, MORE)
    assert (head, first) == (4, 6)


def test_a_standfirst_under_the_headline_is_not_the_headline():
    # The standfirst shares more words with the story's lead; the line above it is still the headline.
    head, first, _ = locate("Home | News | Sport", "Midnight deal ends the long row",
                            "The city council approved the new school budget after a long debate about roads and parks",
                            "12 March 2021", LEAD, MORE)
    assert (head, first) == (1, 4)



def test_a_date_two_lines_up_is_the_page_header_not_the_headline_s_own():
    lines = textclean.read_lines("\n".join(["Wednesday, 4 May 2022", "Home | News | Sport", "Local",
                                            "Council approves the school budget after long debate", LEAD, MORE]))
    story.weigh_all(lines)
    near_meta = {c.index: c.features[5] for c in headline.candidates(lines)}
    assert near_meta[2] == 0.0 and near_meta[3] == 0.0
    lines = textclean.read_lines("\n".join(["Local", "Wednesday, 4 May 2022",
                                            "Council approves the school budget after long debate", LEAD, MORE]))
    story.weigh_all(lines)
    assert {c.index: c.features[5] for c in headline.candidates(lines)}[2] == 1.0


def test_an_h1_naming_the_title_heads_a_listing_far_above_its_text():
    facts = [f"Feature {n}: {n} items" for n in range(120)]
    head, _, _ = locate("Cottage by the mill (40917) - Holiday homes Lindau", "Home | Search | Login",
                        "Cottage by the mill", "Object number: 40917", *facts, LEAD, MORE)
    assert head == 2


def test_a_long_headline_over_its_standfirst_and_date():
    words = ("The council approved the new school budget, adding two hundred places for pupils, after a long "
             "debate about roads and parks")  # 22 words, commas and all: a long headline reads like prose
    head, _, _ = locate("Home | News | Sport", "World", words,
                        "Teachers said the money would not cover the repairs the old buildings need this winter.",
                        "3 May 2022", LEAD, MORE)
    assert head == 2


def test_a_title_case_headline_beats_its_sentence_case_standfirst_below_the_byline():
    head, _, _ = locate("Home | News | Sport", "Council Approves New School Budget After Long Debate", "By",
                        "Jane Doe", "Date", "12 March 2021", "Share",
                        "Councillors agree the new school budget after a long debate", LEAD, MORE)
    assert head == 1


def test_a_line_repeating_a_link_at_the_top_of_the_page_is_no_h1():
    head, _, _ = locate(">> Jobs in the region", "Home | News | Sport", "Jobs in the region",
                        "Start News Council approves school budget", "Council approves school budget", "12 March 2021",
                        LEAD, MORE)
    assert head == 4


def test_an_h1_repeating_a_breadcrumb_past_a_pager_counts_as_the_page_naming_its_headline():
    lines = textclean.read_lines("\n".join([
        "- Home", "- Forum", "- Council approves school budget", "Page 3 of 40", "First", "Last", "- Go to page:",
        "Council approves school budget", "Quote from Jane", "Short reply one here", "Another short reply", LEAD]))
    story.weigh_all(lines)
    strength = {c.index: c.features[13] for c in headline.candidates(lines)}
    assert strength[7] == 1.0


def test_a_line_repeating_the_title_s_site_part_lends_no_title_words():
    # "Site - Headline": the site's slogan line repeats the site part, the h1 shortens the headline part.
    head, _, _ = locate("Row on the lake - Harbour club boats for hire on the lake", "Home | Boats",
                        "Harbour club boats for hire", "Row on the lake", "Harbour club boats for hire",
                        "Row on the lake", "Book a boat now",
                        "Row on the lake in boats for hire: the club's rowers are ready every weekend this summer.",
                        MORE)
    assert head in (2, 4)


def test_a_title_line_under_the_menus_is_no_menu_for_its_site_bar():
    head, _, _ = locate("Toggle navigation", "News · Business · Travel · Opinion",
                        "Council approves school budget | Town Paper", "Mar 18, 2021", "By Town Paper Newsdesk",
                        "The scene on Monday.", "The scene on Monday.", "LONDON // " + LEAD, MORE)
    assert head == 2
