"""Word alternations written as tries match exactly what the plain alternation matches."""

import re

from flows import wordtrie

WORDS = ["ap", "apa", "afp", "associated press", "a", "reuters", "re"]


def test_trie_matches_the_same_words_as_the_plain_alternation():
    plain = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, WORDS), key=len, reverse=True)) + r")\b")
    trie = re.compile(r"\b" + wordtrie.alternation(WORDS) + r"\b")
    text = "AP and APA, afp; the associated press; a reuters re-run apart apace"
    assert trie.findall(text.lower()) == plain.findall(text.lower())
    assert trie.findall("apa ap a") == ["apa", "ap", "a"]


def test_an_empty_word_list_matches_nothing():
    assert re.search(wordtrie.alternation([]), "anything") is None
