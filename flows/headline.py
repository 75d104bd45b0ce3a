"""The headline line of a text dump: the page's h1 repeating its <title>, else the best headline above the story."""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import mul

from flows import dateline, pagetitle, titles
from flows.story import Line, best_span, hard_end

# How far into the page an h1 is looked for, and how far below it the story may start.
_HEAD_SEARCH_LINES = 600
_HEAD_TO_BODY_LINES = 30
# Story lines between an h1 repeating the <title>'s headline and the page's text count up to this many: shops,
# listings and rental pages set hundreds of lines of facts between the two (textdump dev set: 10-40 gain the same).
_H1_FAR_LINES = 20
# A page repeats its headline a few times (h1, breadcrumb, related list); more matches are menu repeats,
# and each costs a pass over the page.
_MAX_H1_MATCHES = 8
# Lines above the story span searched for its headline when no <title> names it: full dumps put a byline,
# share bar, audio player and tag list between the two (15 -> 20 on the textdump dev set; 25 reaches teasers).
_HEAD_WINDOW = 20
# Lines at the top of the best span that may still be its headline (the span opened a line early).
_HEAD_INSIDE = 3
# An h1 is trusted when the story below it scores at least this share of the page's best span:
# lower and related-story lists repeating the title win, higher and comment-heavy pages lose (dev set).
HEAD_SPAN_SHARE = 0.5
_WORD = re.compile(r"\w+")
_LONG_WORD = re.compile(r"\w{3,}")
# Weights of the headline evidence (_evidence): constant; 3-25 words (long Spanish headlines); share of its
# words in the story's lead; being the first line; share of its words in the first line; a date or byline on
# the line above or within three below (a page header's date further up dates no headline); story-text lines
# between it and the story (per 10); menu marks or a tag list; prose (or a caption's short sentence); a glued
# menu token; sitting inside the story span; repeated three times or more on the page; the story below
# opening with a dateline; strength of its match with a <title>-like line (1 headline part, 0.5 another
# part); English Title Case. Word shares count fully from four words on. Set by hand, then checked by
# coordinate search on the textdump dev set (which moved no weight by more than one step; Title Case gains
# at 0.25 and loses from 0.5 on); the dateline weight on the syndication set's titles.
WEIGHTS = (0.5, 1.0, 1.0, 0.25, 3.0, 0.5, -0.25, -2.0, -0.5, -2.0, -4.0, -0.5, 1.0, 4.0, 0.25)
# A headline directly above the chosen line wins when that line reads as its standfirst and the headline
# scores within this much of it (1.5-2.0 gain the same on the textdump dev set; from 2.5 on, a correct
# headline starts to lose to the short line above it).
STANDFIRST_MARGIN = 2.0
# Menu and breadcrumb marks between words ("Home » News", "A | B", ">Section>Page").
_MENU_MARKS = re.compile(r"\S\s*[|·•>›»]\s*\S")
# Two words glued where one menu item ends and the next begins ("noticiasElecciones"); brand names glue
# shorter heads ("iPhone", "YouTube").
_GLUED_ITEM = re.compile(r"[a-zà-ÿ]{3}[A-ZÀ-Þ][a-zà-ÿ]")
# A stock ticker after a company name ("Chrysler <c> Says ..."), no menu arrow.
_TICKER = re.compile(r"<[\w.]{1,8}>")
_CRUMB_MARKS = "-»>›•*"
# Lines between a breadcrumb's last item and the h1 repeating it (textdump dev set: 15-30 gain the same; 5 is
# too short for a forum's pager and tool bar).
_CRUMB_REACH = 15
_EMAIL = re.compile(r"\S@\S+\.\w")
_WIDE = re.compile(r"[\u3040-\u9fff\uac00-\ud7af]")


def locate(lines: list[Line]) -> tuple[int | None, int, int]:
    """Return (headline line or None, first and last line of the story span)."""
    cands = candidates(lines)
    best = max(cands, key=lambda c: (score(c.features), -c.index), default=None)
    if best is None or score(best.features) <= 0:
        first, last, _ = best_span(lines, 0, len(lines))
        return None, first, last
    first, last = best.first, best.last  # the story below the chosen line
    above = next((c for c in cands if c.index == best.index - 1), None)
    if above is not None and score(above.features) >= score(best.features) - STANDFIRST_MARGIN and \
            _standfirst(lines[above.index], lines[best.index]):
        best = above  # the chosen line is the standfirst under its headline; the story below stays
    if best.index >= first:
        first = best.index + 1  # the span opened with its own headline
    return best.index, first, max(first, last)


@dataclass(slots=True)
class Candidate:
    """A line that may be the headline, the story span it heads, and its evidence (see WEIGHTS)."""

    index: int
    first: int
    last: int
    features: tuple[float, ...]


def score(features: tuple[float, ...]) -> float:
    """Weighted evidence that a line is the headline."""
    return sum(map(mul, WEIGHTS, features))


def candidates(lines: list[Line]) -> list[Candidate]:
    """Lines repeating the page title's headline (h1s) with the story below them, and lines above the page's
    best story span, each with its evidence."""
    first, last, best = best_span(lines, 0, len(lines))
    keys, heads = pagetitle.title_keys(lines)
    # A line can only equal a title variant if its length is close to one (quotes and dashes aside).
    sizes = {size for key in keys for size in range(len(key) - 3, len(key) + 4)}
    spans: dict[int, tuple[int, int, float]] = {}
    for i in range(1, min(len(lines), _HEAD_SEARCH_LINES)):
        ln = lines[i]
        if ln.kind is not None or ln.words > 30 or ln.prose or len(ln.text) not in sizes:
            continue
        strength, source = keys.get(titles.key(ln.text), (0.0, i))
        if strength and source < i and len(spans) < _MAX_H1_MATCHES:
            f, l, s = best_span(lines, i + 1, hard_end(lines, i + 1), i + _HEAD_TO_BODY_LINES)
            if s > 0 and s >= best * HEAD_SPAN_SHARE:
                spans[i] = (f, l, strength)
            elif i < first:  # a weak story below it (product, recipe, forum page): the page's best span
                spans[i] = (first, last, strength)
    _dated_heads(lines, first, best, spans)
    # The span may open with its headline, or with a line or two (a kicker, a menu) above it.
    inside = [i for i in range(first, min(first + _HEAD_INSIDE, last)) if not lines[i].prose or i == first]
    for i in [*inside, *range(first - 1, max(-1, first - _HEAD_WINDOW - 1), -1), 0]:
        if i >= 0 and i not in spans:
            text = lines[i].text
            strength, source = keys.get(titles.key(text), (0.0, i)) if len(text) in sizes else (0.0, i)
            spans[i] = (first, last, strength if source < i else 0.0)
    _far_candidates(lines, first, last, heads, spans)
    _crumb_echoes(lines, (first, last, best), spans)
    top = lines[0].text if lines and not lines[0].text.startswith(pagetitle.LINK_MARKS) else ""
    title = titles.strip_placeholder(top)[0]
    site = titles.split_site(title)[1]
    # A line repeating the <title>'s site part is the site's logo: it shares no headline words with the title.
    page = (tokens(title), titles.key(site) if site else None)
    leads: dict[int, set[str]] = {}
    out = []
    for i, (f, l, strength) in spans.items():
        if _headline_shaped(lines[i]):
            if f not in leads:
                leads[f] = tokens(" ".join(x.text[:300] for x in lines[f:f + 2]))
            out.append(Candidate(i, f, l, _evidence(lines, i, f, leads[f], page, strength)))
    return out


def _dated_heads(lines: list[Line], first: int, best: float, spans: dict[int, tuple[int, int, float]]) -> None:
    # An article header: a headline, then its byline and date, then the story. Inside the page's best span
    # (which may open with a teaser above it) such a line heads the story below it. The span's first line may
    # read as prose (a long headline with commas): no paragraph of a story is followed by its date line.
    found = 0
    for i in range(first, min(len(lines) - 1, first + _HEAD_SEARCH_LINES)):
        ln = lines[i]
        if found >= _MAX_H1_MATCHES or ln.kind is not None or (ln.prose and i > first) or i in spans \
                or not 3 <= ln.words <= 25:
            continue
        if any(x.is_date for x in lines[i + 1:i + 4]) and _headline_shaped(ln):
            f, l, s = best_span(lines, i + 1, hard_end(lines, i + 1), i + _HEAD_TO_BODY_LINES)
            if s > 0 and s >= best * HEAD_SPAN_SHARE:
                spans[i] = (f, l, 0.0)
                found += 1


def _far_candidates(lines: list[Line], first: int, last: int, heads: list[str],
                    spans: dict[int, tuple[int, int, float]]) -> None:
    # Above the story span's window: a headline repeated on the page (breadcrumb, sticky header and h1) or
    # related to the page title heads a weak story (forum, shop, recipe page).
    for i in range(1, min(first, _HEAD_SEARCH_LINES)):
        ln = lines[i]
        if i in spans or ln.kind is not None or ln.prose or not 2 <= ln.words <= 25:
            continue
        if ln.copies >= 2 or pagetitle.title_related(ln.text, heads):
            spans[i] = (first, last, 0.0)


def _crumb_echoes(lines: list[Line], span: tuple[int, int, float], spans: dict[int, tuple[int, int, float]]) -> None:
    # A breadcrumb trail set one item per line ends with the page itself ("- Kultur", "- Headline") and the
    # h1 a few lines below (past a pager or a tool bar) repeats that last item: the page names its headline twice.
    first, last, best = span
    crumb, seen = "", -_CRUMB_REACH
    for i in range(1, min(first + 1, _HEAD_SEARCH_LINES)):
        above, ln = lines[i - 1].text, lines[i].text
        if _crumb_item(above) and i > 1 and _crumb_item(lines[i - 2].text):
            crumb, seen = above[1:].strip(), i - 1  # the last item so far of a trail of two or more
        if ln == crumb and i - seen <= _CRUMB_REACH and 2 <= lines[i].words <= 25:
            f, l, s = best_span(lines, i + 1, hard_end(lines, i + 1), i + _HEAD_TO_BODY_LINES)
            spans[i] = (f, l, 1.0) if s > 0 and s >= best * HEAD_SPAN_SHARE else (first, last, 1.0)


def _crumb_item(text: str) -> bool:
    return len(text) > 2 and text[:1] in _CRUMB_MARKS and text[1:2] == " "


def _dateline_below(lines: list[Line], i: int) -> bool:
    # The story's first line, past a date, byline or caption sentence, opens with a dateline ("DETROIT,
    # April 1 (Reuters) -"): the line above it is the headline.
    if _sentence(lines[i].text):
        return False
    for ln in lines[i + 1:i + 5]:
        if ln.kind is None and not ln.is_date and not (ln.words < 7 and _sentence(ln.text)):
            return ln.words >= 4 and ("(" in ln.text[:60] or ln.text[:40] != ln.text[:40].lower()) and \
                dateline.opens_with_dateline(ln.text)
    return False


def _standfirst(head: Line, dek: Line) -> bool:
    # A headline (4 words or more, no full stop) is followed by its standfirst: a longer line (10-60 words, at
    # least 1.3 times the headline's) that is neither chrome nor a date.
    if head.kind is not None or dek.kind is not None or head.is_date or dek.is_date:
        return False
    if head.words < 4 or head.text.endswith(".") or dek.words < 10 or dek.words < 1.3 * head.words:
        return False
    return dek.words <= 60


def _title_case(text: str) -> bool:
    # "Council Backs New Harbour Plan After Long Debate": English headline style; standfirsts and captions run in
    # sentence case, menus in capitals.
    words = [w for w in text.split() if len(w) > 3 and w[:1].isalpha()]
    return text.isascii() and len(words) >= 3 and all(w[:1].isupper() and not w.isupper() for w in words)


def _one_site_part(text: str) -> bool:
    parts = titles.parts(text)
    return len(parts) == 2 and " | " in text and titles.split_site(text)[1] == parts[1]


def _glued_items(text: str) -> bool:
    # "Últimas noticiasElecciones en ChileEconomía": menu items saved without separators.
    return len(_GLUED_ITEM.findall(text)) >= 2


def _sentence(text: str) -> bool:
    # "Crowds at the harbour on Sunday.", "File photo.": a caption's full stop; headlines end without one.
    return text.endswith(".") and not text.endswith("..") and text[-2:-1].islower()


def _tag_list(text: str) -> bool:
    # "Politik, Justiz, Emmanuel Macron": three or more comma-separated short items are a tag list.
    items = text.split(",")
    return len(items) >= 3 and all(1 <= len(item.split()) <= 4 for item in items)


def _evidence(lines: list[Line], i: int, first: int, lead: set[str], page: tuple[set[str], str | None],
              strength: float) -> tuple[float, ...]:
    ln = lines[i]
    # The site part of a <title>-like line ("Headline | Site", first or right under the menus) is no menu mark.
    top = i == 0 or (_one_site_part(ln.text) and all(x.kind is not None for x in lines[:i]))
    text = titles.split_site(titles.strip_placeholder(ln.text)[0])[0] if top else ln.text
    words = tokens(text)
    size = min(1.0, ln.words / 4)
    near_meta = any(lines[m].is_date or lines[m].kind == "byline"
                    for m in range(max(0, i - 1), min(len(lines), i + 4)))
    between = [x.kind for x in lines[i + 1:first]].count(None)
    if strength >= 1.0:
        between = min(between, _H1_FAR_LINES)  # an h1 naming the <title>'s headline may sit far above a listing
    return (
        1.0,
        1.0 if 3 <= ln.words <= 25 else 0.0,
        size * _share(words, lead),
        1.0 if i == 0 else 0.0,
        size * _share(words, page[0]) if i and titles.key(ln.text) != page[1] else 0.0,
        1.0 if near_meta else 0.0,
        between / 10 if i else 0.0,
        1.0 if _MENU_MARKS.search(_TICKER.sub("", text)) or _tag_list(text) or _glued_items(text) else 0.0,
        1.0 if ln.prose or _sentence(ln.text) else 0.0,
        1.0 if max(map(len, ln.text.split())) > 25 else 0.0,
        1.0 if i >= first else 0.0,
        1.0 if ln.copies >= 3 else 0.0,
        1.0 if _dateline_below(lines, i) else 0.0,
        strength,
        1.0 if _title_case(ln.text) else 0.0,
    )


def _headline_shaped(ln: Line) -> bool:
    if ln.kind is not None or ln.is_date or ln.standalone_dateline or not 1 <= ln.words <= 30:
        return False
    if ln.text.endswith(":") or "://" in ln.text or (ln.words <= 4 and _EMAIL.search(ln.text)):
        return False  # labels ("Sie sind hier:"), links and addresses are not headlines
    if ln.text[:1] in "([" and ln.text[-1:] in ")]":
        return False  # an aside in brackets ("( + 45 Minuten Lesezeit )")
    letters = sum(map(str.isalpha, ln.text))
    return letters >= 0.6 * len(ln.text.replace(" ", "")) and (ln.words >= 2 or letters >= 4)


def tokens(text: str) -> set[str]:
    """Words of three letters or more, case-folded; each CJK character counts as a word."""
    if text.isascii():
        return set(_LONG_WORD.findall(text.lower()))
    return {w.casefold() for w in _WORD.findall(text) if len(w) > 2 and not _WIDE.search(w)} | set(_WIDE.findall(text))


def _share(words: set[str], other: set[str]) -> float:
    return len(words & other) / len(words) if words else 0.0
