"""Anchored phrase patterns split by the character a match can start with, so a line is tried only against
the phrases that can open it (a long alternation tries every branch at the line's start otherwise)."""

from __future__ import annotations

import re

try:  # the parser behind re.compile: public as sre_parse before Python 3.11
    from re import _parser as _sre
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore[no-redef]

_C = _sre  # opcodes (LITERAL, IN, ...) live beside the parser
_REPEATS = tuple(getattr(_C, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_C, name))


class Dispatch:
    """Match `head(?:alternative)tail` like re.match, trying only the alternatives a text's first character
    can open; an alternative whose first character cannot be worked out is tried for every text."""

    def __init__(self, alternatives: list[str], head: str = "^", tail: str = "", flags: int = 0) -> None:
        firsts = [_first_chars(alt, flags) for alt in alternatives]
        keys = set().union(*(f for f in firsts if f is not None))
        self._by_char = {key: self._compile(head, tail, flags, [a for a, f in zip(alternatives, firsts)
                                                                 if f is None or key in f]) for key in keys}
        self._other = self._compile(head, tail, flags, [a for a, f in zip(alternatives, firsts) if f is None])
        self.pattern = self._compile(head, tail, flags, alternatives)  # every alternative, in order

    @staticmethod
    def _compile(head: str, tail: str, flags: int, alternatives: list[str]) -> re.Pattern[str] | None:
        return re.compile(f"{head}(?:{'|'.join(alternatives)}){tail}", flags) if alternatives else None

    def match(self, text: str) -> re.Match[str] | None:
        """The match at the text's start, as the pattern of every alternative would give it."""
        pattern = self._by_char.get(text[:1], self._other) if text else self.pattern
        return pattern.match(text) if pattern is not None else None


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source ('a|b(c|d)' -> ['a', 'b(c|d)'])."""
    out, depth, start, i, in_set = [], 0, 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_set:
            in_set = char != "]"
        elif char == "[":
            i += 2 if source[i + 1:i + 2] == "^" else 1
            i += 1 if source[i:i + 1] == "]" else 0  # "[]...]" and "[^]...]" open with a literal "]"
            in_set = True
            continue
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    return [*out, source[start:]]


def _first_chars(alternative: str, flags: int) -> set[str] | None:
    """Characters a match of the alternative can start with; None when any can (or it may match nothing)."""
    if flags & re.IGNORECASE:
        return None
    try:
        found, nullable = _first(list(_sre.parse(alternative, flags)))
    except (re.error, TypeError, ValueError):
        return None
    return None if found is None or nullable else found


def _first(items: list) -> tuple[set[str] | None, bool]:
    """(first characters, can match empty) of a parsed sequence."""
    out: set[str] = set()
    for op, av in items:
        found, nullable = _first_item(op, av)
        if found is None:
            return None, False
        out |= found
        if not nullable:
            return out, False
    return out, True


def _first_item(op, av) -> tuple[set[str] | None, bool]:
    if op is _C.LITERAL:
        return {chr(av)}, False
    if op is _C.AT:
        return set(), True  # an anchor or word boundary takes no character
    if op is _C.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is _C.LITERAL:
                chars.add(chr(item_av))
            elif item_op is _C.RANGE and item_av[1] - item_av[0] < 128:
                chars.update(map(chr, range(item_av[0], item_av[1] + 1)))
            else:
                return None, False  # a category (\w, \d) or a negated set: any character
        return chars, False
    if op is _C.SUBPATTERN:
        return _first(list(av[-1]))
    if op is _C.BRANCH:
        results = [_first(list(alt)) for alt in av[1]]
        if any(found is None for found, _ in results):
            return None, False
        return set().union(*(found for found, _ in results)), any(nullable for _, nullable in results)
    if op in _REPEATS:
        found, nullable = _first(list(av[2]))
        return found, nullable or av[0] == 0
    return None, False
