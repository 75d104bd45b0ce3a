"""Evidence a parsed HTML page carries about itself: meta tags, JSON-LD, headings, <time> elements."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from flows.outlets import unwrap_archive_url

# JSON-LD types that describe the story itself rather than the site, a breadcrumb or an image.
_STORY_TYPES = re.compile(r"article|posting|report|news|blog|review|recipe|webpage|creativework", re.I)
_SPACE = re.compile(r"\s+")
# A JSON-LD block that json.loads rejects still names its fields in the usual form.
_LOOSE_FIELD = re.compile(r'"(headline|datePublished|dateCreated)"\s*:\s*"([^"\\]{1,300})"')


@dataclass
class Heading:
    """One heading of the page: its visible text and the text without a kicker or date line."""

    text: str
    core: str
    # The heading links to the site's home page: a logo or site name, not a headline.
    links_home: bool


@dataclass
class TimeTag:
    """One <time> element (or element with a datePublished itemprop): its stamp and context."""

    stamp: str
    text: str
    context: str
    order: int


@dataclass
class PageMeta:
    """Everything the tagger may weigh about a page, read from one parsed tree."""

    lang: str | None = None
    title_tag: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    json_ld: list[dict] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    # Visible <h2>/<h3>, in document order: where pages without a usable <h1> show their headline.
    subheadings: list[Heading] = field(default_factory=list)
    # The page's own address (<link rel=canonical>), for pages whose URL the input does not say.
    canonical: str | None = None
    times: list[TimeTag] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    # (host or '' when relative, text) of links to a site's home page, logo alt texts included:
    # how the site names itself, once the host is known to be the page's own.
    home_names: list[tuple[str, str]] = field(default_factory=list)

    def first(self, *keys: str) -> str | None:
        """Return the first non-empty meta value among the keys."""
        for key in keys:
            if value := self.meta.get(key):
                return value
        return None

    def own_url(self) -> str | None:
        """Return the absolute http(s) address the page gives for itself (canonical link, og:url)."""
        for value in (self.canonical, self.meta.get("og:url")):
            if value and value.strip().lower().startswith(("http://", "https://")):
                return value.strip()
        return None

    def breadcrumb_end(self) -> str | None:
        """Return the name of the last item of the page's JSON-LD breadcrumb trail: the page itself."""
        for obj in self.json_ld:
            items = obj.get("itemListElement") if "BreadcrumbList" in _types(obj) else None
            if isinstance(items, list) and items and all(isinstance(i, dict) for i in items):
                last = max(items, key=_position)
                item = last.get("item")
                name = last.get("name") or (item.get("name") if isinstance(item, dict) else None)
                return squash(name) or None if isinstance(name, str) else None
        return None

    def stories(self) -> list[dict]:
        """Return the JSON-LD objects that describe a story or page, in document order."""
        return [o for o in self.json_ld if _STORY_TYPES.search(" ".join(_types(o)))]


def squash(text: str | None) -> str:
    """Collapse white space (including non-breaking spaces) to single spaces and strip."""
    return _SPACE.sub(" ", text or "").strip()


def fold(text: str) -> str:
    """Normalise for comparison: NFKC, case-folded, letters and digits only."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


# One pass in C over the elements any rule below reads, in document order.
_WANTED = ("//meta | //title | //script[contains(@type, 'ld+json')] | //h1 | //h2 | //h3 | //time"
           " | //link[@rel='canonical']"
           " | //*[@itemprop='datePublished' or @itemprop='dateCreated']"
           " | //*[@rel='author' or @itemprop='author' or contains(@class, 'byline')]"
           " | //a[@href='/' or substring(@href, string-length(@href)) = '/']")
# Leading parts of a headline that are not the headline: kickers, rooflines, dates.
_KICKER = re.compile(r"kicker|roof|dach|topline|overline|super|subtitle|eyebrow|label|categor"
                     r"|rubri|spitzmarke|titleheader|date|time|vorspann|section", re.I)
_HIDDEN = re.compile(r"hidden|sr-only|screen-reader|visually|aural", re.I)


def read(tree) -> PageMeta:
    """Collect the page's self-description from an lxml HTML tree without changing it."""
    page = PageMeta(lang=_lang(tree))
    for order, el in enumerate(tree.xpath(_WANTED)):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "meta":
            _meta(el, page)
        elif tag == "title" and page.title_tag is None:
            page.title_tag = squash(el.text_content()) or None
        elif tag == "script":
            page.json_ld.extend(_json_ld(el.text or ""))
        elif tag == "h1":
            _heading(el, page)
        elif tag in ("h2", "h3"):
            _subheading(el, page)
        elif tag == "link" and el.get("rel") == "canonical":
            page.canonical = page.canonical or el.get("href")
        elif tag == "time" or el.get("itemprop") in ("datePublished", "dateCreated"):
            _time(el, page, order)
        elif tag == "a":
            _home_link(el, page)
        elif len(page.bylines) < 5:
            page.bylines.append(squash(el.get("content") or el.text_content())[:200])
    return page


def _shown_text(el) -> str:
    """Return an element's text without ruby annotations (<rt>, <rp>): readings, not words."""
    if el.find(".//rt") is None:
        return el.text_content()
    return "".join(el.xpath(".//text()[not(ancestor::rt or ancestor::rp)]"))


def _heading(el, page: PageMeta) -> None:
    text = squash(_shown_text(el))
    if not text or len(page.headings) >= 10:
        return
    page.headings.append(Heading(text, _core(el) or text, _links_home(el)))


def _subheading(el, page: PageMeta) -> None:
    if len(page.subheadings) < 40 and (text := squash(el.text_content())) and len(text) <= 300:
        page.subheadings.append(Heading(text, text, _links_home(el)))


def _home_link(el, page: PageMeta) -> None:
    href = el.get("href") or ""
    if len(page.home_names) >= 20 or not _is_home(href):
        return
    target = unwrap_archive_url(href.strip()) or ""
    host = (urlsplit(target).hostname or "").removeprefix("www.") if "//" in target else ""
    names = [el.text_content(), el.get("title")] + [img.get("alt") for img in el.iter("img")]
    page.home_names.extend((host, n) for n in (squash(x)[:100] for x in names if x) if n)


def _is_home(href: str) -> bool:
    """Tell whether a link points at the root of a site (archive replays unwrapped)."""
    target = (unwrap_archive_url(href.strip()) or "").split("?")[0].split("#")[0]
    path = urlsplit(target).path if "//" in target else target
    return bool(href.strip()) and path in ("", "/", "./", "/index.html", "/index.php")


def _links_home(el) -> bool:
    """Tell whether a heading is (inside) a link to the root of a site."""
    links = [a for a in el.iter("a")] + [a for a in el.iterancestors("a")]
    return any(_is_home(link.get("href") or "") for link in links)


def _core(el) -> str:
    """Return a heading's text without leading kicker or date parts and screen-reader extras."""
    parts, leading = [], not (el.text or "").strip()
    if not leading:
        parts.append(el.text)
    for child in el:
        label = f"{child.get('class') or ''} {child.get('aria-hidden') or ''}"
        skip = bool(_HIDDEN.search(label)) or child.get("aria-hidden") == "true"
        if leading and not skip and (_KICKER.search(label) or child.tag == "time"):
            skip = True
        elif not skip and squash(child.text_content()):
            leading = False
        if not skip and isinstance(child.tag, str):
            parts.append(_shown_text(child))
        if child.tail and child.tail.strip():
            leading = False
        if child.tail:
            parts.append(child.tail)
    return squash("".join(p for p in parts if p))


def _time(el, page: PageMeta, order: int) -> None:
    stamp = el.get("datetime") or el.get("content") or ""
    text = squash(el.text_content())[:100]
    if (stamp or text) and len(page.times) < 30:
        context = " ".join(filter(None, (el.get("class"), el.get("itemprop"), el.get("pubdate"),
                                         _ancestor_classes(el))))
        page.times.append(TimeTag(stamp.strip(), text, context.lower(), order))


def _ancestor_classes(el, depth: int = 3) -> str:
    out = []
    node = el.getparent()
    while node is not None and depth:
        out.append(f"{node.tag} {node.get('class') or ''} {node.get('itemprop') or ''}")
        node, depth = node.getparent(), depth - 1
    return " ".join(out)


def _lang(tree) -> str | None:
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    value = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
    return value.split("-")[0].split("_")[0].lower() or None


def _meta(el, page: PageMeta) -> None:
    key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
    value = el.get("content")
    if key and value and value.strip():
        page.meta.setdefault(key.strip().lower(), squash(value))


def _json_ld(text: str) -> list[dict]:
    """Return the objects of a JSON-LD block, @graph members flattened; loose fields if malformed."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
        found = dict(_LOOSE_FIELD.findall(text))
        return [{"@type": "Article", **found}] if found else []
    out: list[dict] = []
    stack = [data]  # next item last: popping and pushing at the end keeps a huge array linear
    while stack and len(out) < 50:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            if isinstance(item.get("@graph"), list):
                stack.extend(reversed(item["@graph"]))
    return out


def _position(item: dict) -> int:
    value = str(item.get("position", ""))
    return int(value) if value.isdigit() else 0


def _types(obj: dict) -> list[str]:
    kind = obj.get("@type")
    return [str(k) for k in kind] if isinstance(kind, list) else [str(kind or "")]
