"""Regular-expression alternations of many words, written as a trie so that matching stays cheap."""

from __future__ import annotations

import re


def alternation(words) -> str:
    """A non-capturing group matching exactly the given words, longest first, with shared prefixes factored.

    Python's engine tries every branch of "a|b|c" at every position; a trie ("a(?:fp|p)") lets it reject a
    position after one character, which makes word lists of dozens of names several times faster."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie) or "(?!)"


def _emit(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a word ends here and longer ones go on: the longer ones are tried first (greedy "?")
        return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
    return body
