"""Headlines: strip the site's name glued to a page title, and pick the headline line of a text dump."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A template placeholder some scrapers write before the title: "date 1995-01-01 Headline".
_PLACEHOLDER = re.compile(r"^\s*(?:date|datum)\s+\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s*", re.I)
# Separators sites put between headline and site name or section ("Headline | Site", "Site - Headline").
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|»|/)\s+|(?<=\w)(?:-|–|—)\s+(?=[A-ZÀ-ÖØ-Þ\d])|\s+\|(?=\S)")
# "Site:Headline": a site name of up to four words glued to the headline by a colon without a space
# (seed 000, syndication dev set); a colon before a digit or slash is a time or a link, not a site.
_GLUED_PREFIX = re.compile(r"^(?P<site>[^\s:]{2,30}+(?: [^\s:]{1,30}+){0,3}):(?=[^\s/\d])")
# Site names are short; a part longer than this is headline, whatever side it is on.
_MAX_SITE_WORDS = 6
# Bullets and arrows a dump keeps around a heading ("› Headline", "• Headline").
_DECORATION = " ›»•·*#>|-–—"
_TRAILING_DECORATION = " ›»•·*#|-–—"  # not ">": a headline may end with a ticker ("Net <blt>")
# What sets a site's name off from the headline it is glued to ("Headline | Site", "Site: Headline").
_NAME_SEPARATORS = " |-–—:·»/"
_QUOTES = str.maketrans({c: '"' for c in "„“”«»‚‘’'`´"} | {c: "-" for c in "–—‐‑"})


def glued_site(line: str) -> tuple[str, str | None]:
    """Split 'Site:Headline' (a one-token name glued on by a bare colon) into (headline, site)."""
    match = _GLUED_PREFIX.match(line)
    return (line[match.end():].strip(), match.group("site")) if match else (line, None)


def strip_placeholder(title: str) -> tuple[str, str | None]:
    """Return the title without a leading 'date YYYY-MM-DD' placeholder, and the placeholder."""
    match = _PLACEHOLDER.match(title) if title[:6].lstrip()[:4].lower() in ("date", "datu") else None
    if not match:
        return title, None
    return title[match.end():], match.group(0).strip()


@lru_cache(maxsize=4096)
def split_site(title: str) -> tuple[str, str | None]:
    """Split 'Headline | Site', 'Headline - Site', 'Site - Headline', 'Site:Headline' into (headline, site)."""
    title = " ".join(title.split())
    glued = _GLUED_PREFIX.match(title)
    if glued:
        return title[glued.end():].strip(), glued.group("site")
    parts = [p for p in _SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip(" -|"), None
    if " » " in title and len(parts) >= 3 and _site_like(parts[0].strip()):
        # "Site - Section » Page", "Blog » Archive » Post": a trail runs from the site down to the page itself.
        return title[title.rfind(" » ") + 3:].strip(), parts[0].strip()
    first, last = parts[0].strip(), parts[-1].strip()
    # A site name is the shorter end: suffixes are the common form, so they win ties; after a bar
    # ("Headline | Site") the end is the site unless it is much the longer part (textdump dev set).
    piped = title.rstrip().endswith(last) and "|" in title[title.rfind(last) - 3:title.rfind(last)]
    if _site_like(last) and (len(last) <= len(first) or (piped and len(last) <= 2 * (len(title) - len(last)))):
        return _rest(title, last, suffix=True), last
    if _site_like(first) and len(first) < len(last):
        return _rest(title, first, suffix=False), first
    return title, None


_BREADCRUMB = re.compile(r"^(?:sie sind hier|you are here|vous êtes ici|usted está en|estás en|sei qui|u bent hier)"
                         r"\s?:", re.I)


def is_breadcrumb(line: str) -> bool:
    """True for a 'you are here' trail of links ('Sie sind hier: Home » News » Headline')."""
    return _BREADCRUMB.match(line) is not None


def parts(title: str) -> list[str]:
    """The parts of a page title between its separators."""
    return [p.strip() for p in _SEPARATOR.split(title) if p.strip()]


def _site_like(part: str) -> bool:
    return 1 <= len(part.split()) <= _MAX_SITE_WORDS and not part.endswith(("?", "!"))


def _rest(title: str, site: str, suffix: bool) -> str:
    rest = title[: title.rfind(site)] if suffix else title[title.find(site) + len(site):]
    return rest.strip(_NAME_SEPARATORS)


def key(text: str) -> str:
    """Comparison key for headlines: NFKC, case-folded, quotes and dashes unified, spaces collapsed."""
    if text.isascii():  # NFKC leaves ASCII alone and only two ASCII quotes are unified
        if "'" in text or "`" in text:
            text = text.replace("'", '"').replace("`", '"')
        return " ".join(text.lower().strip(_DECORATION).split())
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(text.strip(_DECORATION).split())


def clean_title(title: str | None, sitename: str | None = None, guess_site: bool = False) -> str | None:
    """Return the headline without placeholder and site name; None for an empty title.

    A glued 'Site:Headline' prefix and a known site name are removed; other prefixes and suffixes are
    guessed off only for <title>-like lines (guess_site), never for a headline line, whose dashes and
    colons are its own."""
    if not title or not title.strip():
        return None
    title, _ = strip_placeholder(" ".join(title.split()))
    if "«" not in title and "‹" not in title:  # with guillemets, "»" closes a quote and is no decoration
        title = title.lstrip(_DECORATION).rstrip(_TRAILING_DECORATION) or title
    # "Site:Headline" is never a headline's own colon.
    title = glued_site(title)[0]
    if sitename:
        title = _drop_named(title, sitename)
    if guess_site:
        title = split_site(title)[0]
    return title.strip() or None


def _drop_named(title: str, sitename: str) -> str:
    # The page said who it is: remove exactly that name when a separator sets it off at either end. A name
    # run into the words ("15 Jahre example.net", "Example.net feiert Geburtstag") is the headline's own.
    for part in (sitename, sitename.upper()):
        if title.endswith(part) or title.startswith(part):
            rest = title[: -len(part)] if title.endswith(part) else title[len(part):]
            if rest.strip(" ") == rest.strip(_NAME_SEPARATORS):
                continue
            rest = rest.strip(_NAME_SEPARATORS)
            if rest:
                return rest
    return title


def variants(title: str) -> dict[str, int]:
    """Comparison keys of the headline part of a page title and of each run of its parts, with lengths.

    The site name is never a variant: a line repeating it is the site's logo, not the headline."""
    title, _ = strip_placeholder(" ".join(title.split()))
    return head_variants(*split_site(title))


def head_variants(title: str, site: str | None) -> dict[str, int]:
    """variants() of a page title already split into its headline part and site name."""
    if site is None and len(key(title).replace("-", " ").split()) < 2:
        return {}  # one word is a label ("Home"); a hyphenated pair ("Harbour-Rules") names a page
    cuts = [0]
    for sep in _SEPARATOR.finditer(title):
        cuts.extend((sep.start(), sep.end()))
    cuts.append(len(title))
    starts, ends = cuts[0::2], cuts[1::2]
    out: dict[str, int] = {}
    for i, start in enumerate(starts[:12]):
        for end in ends[i:12]:
            part = key(title[start:end])
            if part and (len(part.split()) >= 2 or (i == 0 and end == len(title))):
                out[part] = len(part)
    return out
