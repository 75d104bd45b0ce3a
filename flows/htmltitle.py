"""The headline of an HTML page: the visible <h1> when the page's own titles confirm it, else a
meta title with the outlet's prefix or suffix removed, using the site name and domain as evidence."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from flows import outlets
from flows.htmlmeta import PageMeta, fold, squash

# Separators sites put between a headline and their name ("Headline | Outlet", "Outlet » Headline").
_WORD = re.compile(r"\w+")
_BREADCRUMB = re.compile(r"\s(?:»|>|//)\s")
_SEPARATORS = re.compile(r"\s+(?:[|\-–—»«·•:/]{1,2}|::)\s+|\s*[|»«•]\s*|(?<=\S):(?=\s)")
# Where a title joins its parts (headline, site, section); a colon joins a topic to its headline instead.
_PARTS = re.compile(r"\s+(?:[|\-–—»«·•/]{1,2}|::)\s+|\s*[|»«•]\s*")
# Symbols a heading may open with that are not part of the headline ('» Headline', '[> Headline').
_LEADING_SYMBOLS = re.compile(r"^(?:\[(?![^\]]*\]))?[<>»«|/\\*•·:–—-]*\s*")
_LEADING_DATE = re.compile(r"^(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d\d)|\d{4}-\d\d-\d\d)\s*[|\-–—:/]\s+")
# A separator left at the end (or start) of a title once a site name glued to it is removed.
_GLUE = re.compile(r"\s*[|\-–—»«·•:/]{1,2}\s*$")
_LEAD = re.compile(r"^\s*[|\-–—»«·•:/]{1,2}\s*")
# A heading is the page's headline when it and a meta title agree this closely (difflib ratio on
# normalised text); 0.8 accepted punctuation and kicker differences on the extraction dev set.
_AGREE = 0.8
# An unconfirmed <h1> is taken as the headline when it has this many words or characters: section
# labels ('News', 'Page') are shorter (extraction dev set).
_MIN_HEADLINE_WORDS = 3
_MIN_HEADLINE_CHARS = 20
# Headlines are short: longer "titles" are teasers or body text.
_MAX_TITLE_CHARS = 300


def pick_title(page: PageMeta, url: str | None) -> tuple[str | None, str | None]:
    """Return (headline, evidence name) for a page; (None, None) when it has no usable title."""
    title, source = _pick(page, url)
    # A date opening a headline ('12.03.2021 - Headline') dates the story; it is not part of its title.
    shorter = _LEADING_DATE.sub("", title or "")
    return (shorter if len(shorter.split()) >= 2 else title), source


def _pick(page: PageMeta, url: str | None) -> tuple[str | None, str | None]:
    sites = site_names(page, url)
    metas = _meta_titles(page)
    cleaned = [(strip_site(text, sites), source) for text, source in metas]
    heading = _confirmed_heading(page, [c for c, _ in cleaned] + [t for t, _ in metas], sites)
    if heading:
        spelled = _spelled_out(heading, page, {c for c, _ in cleaned})
        return (spelled, "heading") if spelled else (heading, "h1")
    if shown := _confirmed_subheading(page, metas, sites):
        return shown, "heading"
    if not any(_headline_like(h, sites) for h in page.headings) and (shown := _crumb_heading(page, sites)):
        return shown, "heading"
    # The visible headline beats a meta title written for search engines and social cards, when
    # both speak of the same thing; a heading that runs on past a meta title carries a subtitle.
    for h in page.headings:
        if _headline_like(h, sites) and (not cleaned or _shares_word(h.core, cleaned) or _labels(cleaned)):
            key = _key(h.core)
            for text, source in cleaned:
                if len(_key(text)) >= max(10, len(key) // 2) and key.startswith(_key(text)):
                    return text, source
            return h.core, "h1"
        break
    for text, source in cleaned:
        if text:
            return _described(text, page, sites)[:_MAX_TITLE_CHARS], source
    for h in page.headings:
        if not h.links_home and not _is_site(h.core, sites):
            return h.core[:_MAX_TITLE_CHARS], "h1"
    return None, None


def site_names(page: PageMeta, url: str | None) -> list[str]:
    """Return the names a site goes by: its declared name, its publisher, its domain and host."""
    names = [page.first("og:site_name", "application-name", "twitter:site", "al:android:app_name")]
    for obj in page.json_ld:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict):
            names.append(publisher.get("name"))
        if "WebSite" in str(obj.get("@type")):
            names.append(obj.get("name"))
    names.extend(h.core for h in page.headings if h.links_home)
    host = outlets.hostname(url)
    own = (host or "").removeprefix("www.")
    # On the home page itself home links name nothing; with the page's host unknown, a home link to any
    # host is taken as the site's own (logo and name links far outnumber links to partner sites).
    if not outlets.is_home_page(url):
        names.extend(name for link_host, name in page.home_names if not own or link_host in ("", own))
    if host:
        domain = outlets.registered_domain(url) or host
        names.extend([host.removeprefix("www."), domain, domain.split(".")[0]])
    return [n for n in dict.fromkeys(squash(str(n)).lstrip("@") for n in names if n) if n]


def _meta_titles(page: PageMeta) -> list[tuple[str, str]]:
    out = [(page.first("og:title"), "og_title"), (page.first("twitter:title"), "twitter_title")]
    out += [(o.get("headline"), "json_ld") for o in page.stories() if isinstance(o.get("headline"), str)]
    out.append((page.title_tag, "html_title"))
    return [(squash(t), s) for t, s in out if t and squash(t)]


def strip_site(title: str, sites: list[str]) -> str:
    """Remove leading and trailing parts of a title that name the site; keep at least one part."""
    original, title = title, _strip_whole_site(title, sites)
    parts = [p for p in _SEPARATORS.split(title) if p and p.strip()]
    if len(parts) < 2:
        return title
    start, end = 0, len(parts)
    while end - start > 1 and _is_site(parts[end - 1], sites):
        end -= 1
    # A leading part must name the site exactly: headlines often open with a topic word.
    while end - start > 1 and _is_site(parts[start], sites, exact=True):
        start += 1
    if (start, end) == (0, len(parts)) and title == original:
        return title
    kept = _span(title, parts[start], parts[end - 1])
    # What is left of a breadcrumb ("Blog Archive » Headline") ends with the page's own name.
    return parts[end - 1].strip() if _BREADCRUMB.search(kept) else kept


def _strip_whole_site(title: str, sites: list[str]) -> str:
    """Remove a declared site name at either end of a title, even when the name holds a separator
    itself ('Zeitung Eins - Nachrichten aus Ort') or touches the title without spaces ('标题-示例网')."""
    for site in sorted(sites, key=len, reverse=True):
        n = len(site)
        if n < 3 or n >= len(title) or n > len(title) // 2 + 10:
            continue
        if title[-n:].casefold() == site.casefold():
            head = _GLUE.sub("", title[:-n])
            spaced = title[-n - 1].isspace()
            if len(head) >= 3 and head != title[:-n] and _joinable(head[-1], title[-n], spaced):
                return head
        if title[:n].casefold() == site.casefold():
            tail = _LEAD.sub("", title[n:])
            spaced = title[n].isspace()
            if len(tail) >= 3 and tail != title[n:] and _joinable(title[n - 1], tail[0], spaced):
                return tail
    return title


def _joinable(left: str, right: str, spaced: bool) -> bool:
    # 'Stern-Reporter' is one compound word, not a headline glued to a site called 'Reporter':
    # without a space beside the site name, Latin letters on both sides stay together.
    return spaced or not (_latin(left) and _latin(right))


def _latin(ch: str) -> bool:
    return ch.isalnum() and ch < "\u0250"


def _span(title: str, first: str, last: str) -> str:
    """Return the stretch of the title from one part to another, separators inside kept."""
    begin = title.find(first)
    finish = title.rfind(last) + len(last)
    return title[begin:finish].strip() if 0 <= begin < finish else first.strip()


def _is_site(part: str, sites: list[str], exact: bool = False) -> bool:
    key = _key(part)
    if not key:
        return True
    for site in sites:
        other = _key(site)
        if len(other) < 3:
            continue
        if key == other or (not exact and len(key) >= 4 and (key in other or other in key)
                            and _close(key, other)):
            return True
    return False


def _close(a: str, b: str) -> bool:
    # 'riverpostonline' ~ 'riverpost', 'harbornewsde' ~ 'harbornews': one holds the other and adds little,
    # or opens or closes it; a site word inside a headline ('caritas' in a sentence) is no match.
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 0.5 * len(long_):
        return True
    return len(short) >= 0.3 * len(long_) and (long_.startswith(short) or long_.endswith(short))


def _confirmed_heading(page: PageMeta, metas: list[str], sites: list[str]) -> str | None:
    """Return the <h1> text that a meta title confirms, or None; a headline beats a section label."""
    keys = [_key(m) for m in metas if m]
    best, best_rank = None, (False, 0.0)
    for h in page.headings:
        if h.links_home or _is_site(h.core, sites) or len(h.core) > _MAX_TITLE_CHARS:
            continue
        # The heading without its kicker wins whenever a meta title confirms it.
        for text in dict.fromkeys((h.core, h.text)):
            score = max((_agreement(_key(text), k, sites) for k in keys), default=0.0)
            if score < _AGREE and any(_words_within(text, m) for m in metas if m):
                score = _AGREE
            if score >= _AGREE:
                rank = (_headline_like(h, sites), score)
                if rank > best_rank:
                    best, best_rank = text, rank
                break
    return best


def _confirmed_subheading(page: PageMeta, metas: list[tuple[str, str]], sites: list[str]) -> str | None:
    """Return the first <h2>/<h3> that spells out a meta title or one of its parts, or None."""
    keys: set[str] = set()
    for text, _ in metas:
        keys.update(_key(p) for p in [text, strip_site(text, sites)] + _PARTS.split(text) if p)
    for h in page.subheadings:
        text = _LEADING_SYMBOLS.sub("", h.text)
        if len(text.split()) >= 2 and not h.links_home and not _is_site(text, sites) and _key(text) in keys:
            return text
    return None


def _spelled_out(heading: str, page: PageMeta, metas: set[str]) -> str | None:
    """Return the <h2>/<h3> that spells a meta title letter for letter where the <h1> agrees with it only
    when letter case is ignored ('Notes on macros' against 'Notes on Macros' twice), else None."""
    if heading in metas:
        return None
    folded = heading.casefold()
    return next((h.text for h in page.subheadings if h.text in metas and h.text.casefold() == folded), None)


def _crumb_heading(page: PageMeta, sites: list[str]) -> str | None:
    """Return the first <h2>/<h3> that names the page as its breadcrumb trail ends, or None."""
    key = _key(page.breadcrumb_end() or "")
    for h in page.subheadings if key else ():
        if _key(h.text) == key and len(h.text.split()) >= 2 and not h.links_home and not _is_site(h.text, sites):
            return h.text
    return None


def _described(title: str, page: PageMeta, sites: list[str]) -> str:
    """Return the part of a multi-part title that the page's description repeats, else the title."""
    description = _key(page.first("description", "og:description") or "")
    parts = [p for p in _PARTS.split(title) if p and p.strip()]
    if len(parts) > 1 and description:
        for part in parts:
            if _key(part) == description:
                return part.strip()
    return title


def _words_within(heading: str, meta: str) -> bool:
    """A short heading whose words all recur, in order, in a longer meta title ('Ferienhaus 7' in
    'Ferienhaus Typ 7 am See')."""
    words = _WORD.findall(heading.casefold())
    if not 2 <= len(words) < _MIN_HEADLINE_WORDS + 1:
        return False
    rest = iter(_WORD.findall(meta.casefold()))
    return all(any(w == r for r in rest) for w in words)


def _headline_like(h, sites: list[str]) -> bool:
    """A heading reads as a headline: not the site's name or logo, and a phrase rather than a label."""
    if h.links_home or _is_site(h.core, sites) or len(h.core) > _MAX_TITLE_CHARS:
        return False
    return len(h.core.split()) >= _MIN_HEADLINE_WORDS or len(h.core) >= _MIN_HEADLINE_CHARS


def _labels(metas: list[tuple[str, str]]) -> bool:
    """Every meta title is a short page label ('About Us', 'Kontakt'), too short to be a headline."""
    return all(len(t.split()) < _MIN_HEADLINE_WORDS and len(t) < _MIN_HEADLINE_CHARS for t, _ in metas)


def _shares_word(heading: str, metas: list[tuple[str, str]]) -> bool:
    words = {w for w in _WORD.findall(heading.casefold()) if len(w) >= 4}
    return any(words & set(_WORD.findall(text.casefold())) for text, _ in metas)


def _agreement(heading: str, meta: str, sites: list[str]) -> float:
    if not heading or not meta:
        return 0.0
    if heading == meta:
        return 1.0
    if heading in meta and (len(heading) >= 10 or _is_site(meta.replace(heading, "", 1), sites, exact=True)):
        return 0.9
    return SequenceMatcher(None, heading, meta, autojunk=False).ratio()


# Titles, parts and site names are compared many times over: fold each once.
_key = lru_cache(maxsize=4096)(fold)
