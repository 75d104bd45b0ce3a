"""The page's <title>-like lines: the keys a headline line may match, and how strongly each counts."""

from __future__ import annotations

import re

from flows import titles
from flows.story import Line

# Lines at the top of a page searched for its <title> (a dump may open with menus before it).
_TITLE_LINE_SEARCH = 40
# A line equal to a part of the <title> other than its headline part (a section, a kicker) counts this much.
PART_STRENGTH = 0.5
# A kicker before a colon in a page title is a short label ("Die Stadt und der neue Hafen: ...").
_KICKER_WORDS = 6
# Marks that open a link or teaser line.
LINK_MARKS = (">", "»", "›", "→", "▶", "►")
_SEPARATOR_CHARS = re.compile(r"[|:·»/–—-]")
# A bracketed aside closing a <title>'s headline part: an item number, "(Video)", "(updated)".
_ASIDE_TAIL = re.compile(r"\s*\([^()]*\)$")


def title_keys(lines: list[Line]) -> tuple[dict[str, tuple[float, int]], list[str]]:
    """Comparison keys of the page's <title>-like lines (the headline part counts fully, other parts less),
    and the keys of their headline parts, space-padded for word-boundary containment tests."""
    keys: dict[str, tuple[float, int]] = {}
    heads: list[str] = []
    for i, ln in enumerate(lines[:_TITLE_LINE_SEARCH]):
        if ":" in ln.text and titles.is_breadcrumb(ln.text) and titles.parts(ln.text):
            # "You are here: Home » News » Headline": the trail ends with the page's own title.
            crumb = titles.key(titles.parts(ln.text)[-1])
            if len(crumb) > 2:
                _raise(keys, crumb, 1.0, i)
            continue
        if ln.kind is not None or ln.words > 30 or ln.prose:
            continue
        if (i and not _SEPARATOR_CHARS.search(ln.text)) or ln.text.startswith(LINK_MARKS):
            continue  # an arrow opens a link ("» Jobs in the region"), never a <title>
        page_title = titles.strip_placeholder(ln.text)[0]
        head, site = titles.split_site(page_title)
        head_key = titles.key(head)
        if i == 0 or site is not None:
            heads.append(f" {head_key} ")
        if ln.is_date or (i and (site is None or len(head.split()) < 2 or _short_items(page_title))):
            # Below the first line, a one-word part is a section label ("Thema – Corona") and three or more
            # short parts are a menu ("The week ahead | Podcasts | Newsletters"), no <title>.
            continue
        whole = titles.key(page_title)
        for variant in titles.head_variants(head, site):
            if site is not None and variant == whole:
                continue  # the <title> repeated whole, site and all, is not the page's h1
            # A first line without a site part may be the site's name rather than the headline.
            _raise(keys, variant, 1.0 if site is not None and variant == head_key else PART_STRENGTH, i)
        if site is not None:
            for part, strength in _h1_forms(head):
                _raise(keys, titles.key(part), strength, i)
    return keys, heads


def _raise(keys: dict[str, tuple[float, int]], key: str, strength: float, line: int) -> None:
    if strength > keys.get(key, (0.0, 0))[0]:
        keys[key] = (strength, line)


def _h1_forms(head: str) -> list[tuple[str, float]]:
    # How a page's h1 may shorten the headline part of its "<headline> | Site" title, and how strongly each counts.
    forms = []
    bare = _ASIDE_TAIL.sub("", head)
    if bare != head and len(bare.split()) >= 2:
        forms.append((bare, 1.0))  # "Headline (12345)": the h1 leaves the aside out
    kicker, colon, rest = head.partition(": ")
    if colon and len(kicker.split()) <= _KICKER_WORDS and len(rest.split()) >= 2:
        # "Kicker: Headline": the page sets the kicker above its h1; the h1 is the headline.
        forms.extend(((rest, 1.0), (kicker, PART_STRENGTH)))
    return forms


def _short_items(title: str) -> bool:
    parts = titles.parts(title)
    return len(parts) >= 3 and all(len(part.split()) <= 4 for part in parts)


def title_related(text: str, heads: list[str]) -> bool:
    """True when a line of two words or more holds, or is held by, the headline part of a <title>-like line."""
    k = titles.key(text)
    if len(k.split()) < 2:
        return False
    k = f" {k} "
    return any(k in h or (h in k and len(h) > 12) for h in heads)
