"""The outlet a page names itself: repeated in its own furniture, never an agency, a platform or a word."""

from flows import selfname

BODY = "The council approved the budget on Tuesday."


def test_title_prefix_confirmed_by_footer():
    chrome = ["7Harbours Europe", "No comments:", "Designed by 7Harbours Copyright ©2011-2015"]
    assert selfname.self_name("7Harbours", chrome, BODY) == "7Harbours"


def test_brand_token_repeated_in_chrome():
    chrome = ["Inside News24", "Join the News24 Community to be involved.", "News24 allows you to edit the display",
              "Log in with Facebook to comment", "Facebook Sign-In"]
    assert selfname.self_name(None, chrome, BODY) == "News24"


def test_copyright_holder_repeated():
    chrome = ["© 2023 Hafenblick", "Über Hafenblick FAQ Archiv"]
    assert selfname.self_name(None, chrome, BODY) == "Hafenblick"


def test_a_proper_name_as_title_suffix_names_the_site():
    assert selfname.self_name("Pinecrest Courier", [], BODY) == "Pinecrest Courier"


def test_a_single_plain_word_suffix_needs_a_second_mention():
    assert selfname.self_name("Glatteiswarnung", ["Home", "Contact"], BODY) is None
    assert selfname.self_name("Glatteiswarnung", ["Alle Meldungen: Glatteiswarnung"], BODY) == "Glatteiswarnung"


def test_a_prefix_counts_only_when_a_notice_names_it():
    assert selfname.self_name(None, ["Wasserverbrauch für Baumwolle"], BODY, "Wasserverbrauch für Baumwolle") is None
    assert selfname.self_name(None, ["© 2021 Umweltblog"], BODY, "Umweltblog") == "Umweltblog"


def test_agency_copyright_is_not_the_outlet():
    chrome = ["Copyright 2017 The Associated Press. All rights reserved.", "You may also like"]
    assert selfname.self_name(None, chrome, BODY) is None


def test_platform_names_are_not_the_outlet():
    chrome = ["Facebook", "Share on Facebook", "Follow us on Facebook"]
    assert selfname.self_name(None, chrome, BODY) is None


def test_brand_token_in_the_story_is_not_the_outlet():
    chrome = ["Covid19 updates", "Covid19 dashboard", "More on Covid19"]
    assert selfname.self_name(None, chrome, "Covid19 cases rose again.") is None


def test_a_masthead_shaped_colon_part_names_the_site():
    parts = ("Harbour board backs new pier", "The Vale Courier")
    assert selfname.self_name(None, [], BODY, colon_parts=parts) == "The Vale Courier"
    parts = ("The Vale Courier", "Harbour board backs new pier")
    assert selfname.self_name(None, [], BODY, colon_parts=parts) == "The Vale Courier"


def test_a_kicker_or_a_short_headline_is_no_masthead():
    assert selfname.self_name(None, [], BODY, colon_parts=("Vale Courier", "Harbour board backs new pier")) is None
    assert selfname.self_name(None, [], BODY, colon_parts=("Film review", "Rising Star")) is None
    assert selfname.self_name(None, [], BODY, colon_parts=("Harbour board backs new pier", "Harbour Works")) is None


def test_a_dated_copyright_notice_names_its_holder_once_is_enough():
    assert selfname.self_name(None, ["Copyright 2005 Harbour Gazette. All rights reserved."], BODY) == "Harbour Gazette"
    assert selfname.self_name(None, ["© 2011 Marlow Times"], BODY) == "Marlow Times"


def test_an_undated_credit_or_a_picture_agency_is_no_outlet():
    assert selfname.self_name(None, ["Designed by Pixelwerk Studio"], BODY) is None
    assert selfname.self_name(None, ["© Getty Images", "© Getty Images"], BODY) is None
    assert selfname.self_name(None, ["© 2021 Getty Images"], BODY) is None


def test_glued_button_labels_and_ordinals_are_no_brand():
    chrome = ["LikeLiked", "LikeLiked", "LikeLiked", "Our 20th year", "The 20th meeting", "20th century"]
    assert selfname.self_name(None, chrome, BODY) is None
    assert selfname.self_name(None, ["Radio21 live", "Radio21 news", "Radio21 app"], BODY) == "Radio21"
