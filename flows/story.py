"""Where the story starts and ends among a page's lines, once each line has been judged by flows/chrome.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows import chrome, dateline

# Sentence-final punctuation in the scripts of the dev sets (Latin, CJK, Arabic).
# A closing bracket ends a line of prose too ("… (Anon.)"); a closing quote only after a mark.
_SENTENCE_END = tuple('.!?…。！？؟:)')
# Closing quotes after a sentence's final mark ('… he said.”').
_CLOSERS = '"”’\'»'
# Menus saved with runs of spaces or tabs between their items ("Home  World  Business").
_SPACED_ITEMS = re.compile(r"\t|\s{2,}")
_ITEM_BARS = re.compile(r"\s[|·•]\s")
_PUNCTUATION = re.compile(r"[.,;:!?。，、！？]\s|[.!?。！？]$")


@dataclass(slots=True)
class Line:
    """One non-empty line of a page with what the story finder needs to weigh it."""

    text: str
    words: int
    kind: str | None
    prose: bool = False
    is_date: bool = False
    standalone_dateline: bool = False
    repeated: bool = False
    weight: float = 0.0
    copies: int = 1


def ends_sentence(text: str) -> bool:
    """True when a line ends with a sentence's final mark, maybe inside closing quotes or brackets."""
    return text.rstrip(_CLOSERS).endswith(_SENTENCE_END)


def is_prose(text: str, words: int) -> bool:
    """A story paragraph: a sentence of several words, or a long line with punctuation in it.

    A long line without any punctuation is a run of menu items or tags, not a paragraph."""
    if words >= 7 and ends_sentence(text):
        return True
    return words >= 20 and _PUNCTUATION.search(text) is not None


# A repeated line this long is story text quoted again (a pull quote), not a caption or a menu item.
_LONG = 20


def keep(line: Line) -> bool:
    """True for a line of the story span that belongs in the body."""
    return line.kind is None and not line.is_date and not line.standalone_dateline and (
        not line.repeated or line.words >= _LONG)


# A table of contents heading: the entries below it link to the story's own subheads.
_CONTENTS = re.compile(r"^(?:table of contents|contents|inhalt|inhaltsverzeichnis|inhaltsübersicht|índice|indice"
                       r"|sommaire|contenidos?|conteúdo|in this article|on this page|auf dieser seite"
                       r"|in diesem artikel)$")


def is_contents_heading(line: str) -> bool:
    """True for a table-of-contents heading ('Inhaltsverzeichnis', 'Contents', 'Sommaire')."""
    return len(line) <= 30 and _CONTENTS.match(chrome.normalise(line)) is not None


# Prose below a comment-section marker is readers' text: it counts this much of story prose.
_COMMENT_ZONE_FACTOR = 0.25
# A table of contents ends at its first paragraph of prose, or after this many entries.
_CONTENTS_LINES = 40
# A short line the page repeats elsewhere (menu item, caption, teaser) scores like a short line.
_REPEATED = -2.0


def weigh_all(lines: list[Line]) -> None:
    """Set every line's weight for the span search, discounting prose inside a comment section; a table of
    contents is neutral (it sits between a story's lead and its body) and none of it is story text."""
    seen_prose = in_comments = False
    contents = 0
    for ln in lines:
        ln.weight = weigh(ln)
        if contents and (ln.prose or ln.words > _LONG) and not ln.repeated:  # entries repeat as subheads
            contents = 0
        elif contents or (ln.kind is None and ln.words <= 3 and is_contents_heading(ln.text)):
            ln.kind, ln.weight = chrome.NAV, 0.0
            contents = _CONTENTS_LINES if not contents else contents - 1
            continue
        if ln.kind == chrome.COMMENT and seen_prose:
            in_comments = True
        elif in_comments and ln.weight > 0:
            ln.weight *= _COMMENT_ZONE_FACTOR
        seen_prose = seen_prose or (ln.kind is None and ln.words >= _LONG)


def weigh(line: Line) -> float:
    """Score one line for the max-sum search: story text positive, furniture negative."""
    if line.kind in (chrome.END, chrome.COPYRIGHT, chrome.COMMENT):
        return -12.0
    if line.kind is not None:
        return -3.0
    if line.repeated and line.words < _LONG:
        return _REPEATED
    if line.is_date or line.standalone_dateline:
        return -2.0
    if line.prose:
        return line.words / 4
    return -1.0 if line.words >= 4 else -2.0


def best_span(lines: list[Line], start: int = 0, stop: int | None = None,
              latest_first: int | None = None) -> tuple[int, int, float]:
    """Return (first, last, score) of the highest-scoring run of lines (Kadane's max-sum subarray).

    With latest_first, the run must begin at or before that line (a story starts close to its headline)."""
    stop = len(lines) if stop is None else stop
    latest_first = stop if latest_first is None else latest_first
    best = (start, start - 1, 0.0)
    run_start, run = start, 0.0
    for i in range(start, stop):
        w = lines[i].weight
        if run <= 0:
            if i > latest_first:
                break
            run_start, run = i, w
        else:
            run += w
        if run > best[2]:
            best = (run_start, i, run)
    return best


# Kinds after which the page holds no more of the story (comment sections, the footer notice).
_HARD_END = (chrome.COMMENT, chrome.COPYRIGHT)


def hard_end(lines: list[Line], start: int) -> int:
    """Index of the first comment-section or footer line after some story text from start on."""
    seen_prose = False
    for i in range(start, len(lines)):
        if lines[i].kind in _HARD_END and seen_prose:
            return i
        seen_prose = seen_prose or (lines[i].kind is None and lines[i].prose)
    return len(lines)


def unwrap(raw: list[str]) -> list[str]:
    """Non-empty lines, whitespace collapsed; a hard-wrapped sentence continued on the next line is rejoined."""
    out: list[str] = []
    after_text = False
    for part in raw:
        if "  " in part or "\t" in part:
            line = _spaced_menu(part) or " ".join(part.split())
        elif part.isascii() and part.isprintable() and part[:1] != " " and part[-1:] != " ":
            line = part  # printable ASCII whose only whitespace is single spaces: nothing to collapse
        else:
            line = " ".join(part.split())
        if not line:
            after_text = False
            continue
        if after_text and line[0].islower() and _wrapped(out[-1]) and (
                line.count(" ") >= 2 or ends_sentence(line)) and not (len(line) < 60 and chrome.is_byline(line)):
            out[-1] = f"{out[-1]} {line}"  # ("by Jane Doe" under a headline starts a line of its own)
        else:
            out.append(line)
        after_text = True
    return out


def _wrapped(line: str) -> bool:
    # A wrapped line ends mid-sentence and is long; menu items and headlines are short, and a long
    # line of bar- or bullet-separated items is a menu, which no sentence continues.
    return len(line) >= 40 and not ends_sentence(line) and not _ITEM_BARS.search(line)


def _spaced_menu(part: str) -> str | None:
    # Three or more short items separated by runs of spaces or tabs are a menu: keep the separators
    # visible ("Home | World | Business") once whitespace is collapsed.
    if "  " not in part and "\t" not in part:
        return None
    items = [" ".join(item.split()) for item in _SPACED_ITEMS.split(part.strip())]
    if len(items) >= 3 and all(item and item.count(" ") <= 2 for item in items):
        return " | ".join(items)
    return None


def cut_second_story(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    """Cut a further story (its own headline, then a dateline) from the span; return (new last, stories cut)."""
    seen_prose = False
    for i in range(first, last):
        ln = lines[i]
        if seen_prose and _headline_shaped(ln) and dateline.opens_with_dateline(lines[i + 1].text):
            further = sum(1 for j in range(i + 2, last) if _headline_shaped(lines[j])
                          and dateline.opens_with_dateline(lines[j + 1].text))
            return i - 1, 1 + further
        seen_prose = seen_prose or (ln.kind is None and ln.prose)
    return last, 0


def _headline_shaped(line: Line) -> bool:
    return line.kind is None and not line.prose and 3 <= line.words <= 25 and not line.text.endswith(":")
