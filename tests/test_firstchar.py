"""Anchored phrase patterns dispatched by their first character match exactly as the whole pattern does."""

import itertools
import re

from flows import firstchar

PHRASES = [r"(skip|jump) to content", r"(\w+ )?newsletters?", r"e ?paper", r"\d+", r"über uns", r"[a-c]x",
           r"(?:mehr|weitere) (?:artikel|news)", r"sign ?(in|up)"]


def test_alternatives_split_only_at_the_top_level():
    assert firstchar.alternatives(r"a|b(c|d)|[|x]|\||[^]|]|e") == ["a", "b(c|d)", "[|x]", r"\|", "[^]|]", "e"]


def test_first_characters_of_literals_groups_sets_and_optional_parts():
    assert firstchar._first_chars(r"(skip|jump) to", 0) == {"s", "j"}
    assert firstchar._first_chars(r"e ?paper", 0) == {"e"}
    assert firstchar._first_chars(r"[a-c]x", 0) == {"a", "b", "c"}
    assert firstchar._first_chars(r"(?:new )?york", 0) == {"n", "y"}


def test_a_word_class_or_an_optional_whole_is_tried_for_every_text():
    assert firstchar._first_chars(r"(\w+ )?newsletters?", 0) is None
    assert firstchar._first_chars(r"\d+", 0) is None
    assert firstchar._first_chars(r"(x)?", 0) is None
    assert firstchar._first_chars(r"abc", re.IGNORECASE) is None


def test_dispatch_matches_as_the_whole_pattern():
    whole = re.compile(r"^(?:" + "|".join(PHRASES) + r")$")
    dispatch = firstchar.Dispatch(PHRASES, "^", "$")
    texts = ["skip to content", "jump to content", "weekly newsletter", "newsletters", "epaper", "e paper",
             "2024", "über uns", "bx", "dx", "mehr news", "signin", "sign up", "", "sign", "skip"]
    texts += [" ".join(p) for p in itertools.product(["mehr", "über", "e"], ["uns", "paper", "news"])]
    for text in texts:
        assert bool(dispatch.match(text)) == bool(whole.match(text)), text
