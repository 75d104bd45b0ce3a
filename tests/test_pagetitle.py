"""The keys of a page's <title>-like lines and what they say about a headline line."""

from flows import pagetitle, textclean


def test_a_section_label_below_the_first_line_is_no_page_title():
    keys, _ = pagetitle.title_keys(textclean.read_lines("Big data against the virus? An interview\nTopic – Corona"))
    assert "corona" not in keys


def test_the_headline_part_counts_fully_and_a_kicker_less():
    keys, heads = pagetitle.title_keys(textclean.read_lines("Harbour works: Old pier reopens to walkers | Town Paper"))
    assert keys["old pier reopens to walkers"][0] == 1.0
    assert keys["harbour works"][0] == pagetitle.PART_STRENGTH
    assert heads == [" harbour works: old pier reopens to walkers "]


def test_a_line_is_title_related_when_it_holds_or_is_held_by_a_headline_part():
    heads = [" old pier reopens to walkers after two years "]
    assert pagetitle.title_related("Old pier reopens", heads)
    assert not pagetitle.title_related("Pier", heads) and not pagetitle.title_related("New bridge opens", heads)


def test_an_aside_closing_the_headline_part_may_be_left_out_by_the_h1():
    keys, _ = pagetitle.title_keys(textclean.read_lines("Cottage by the mill (40917) - Holiday homes Lindau"))
    assert keys["cottage by the mill"][0] == 1.0


def test_a_link_opening_the_page_is_no_title():
    keys, heads = pagetitle.title_keys(textclean.read_lines(">> Jobs in the region\nCouncil approves budget"))
    assert keys == {} and heads == []
