"""Extract: separate each page's story from its chrome (trafilatura for HTML, our cleaner for text)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import trafilatura
from trafilatura.utils import load_html

from flows import dateline, htmldates, htmlmeta, htmlsite, htmltitle, limits, textclean
from flows.config import Config
from flows.model import Extracted, Quarantined, RawDoc

STAGE = "extract"
# A picture credit or copyright notice standing as a paragraph of its own: '© Name/Getty Images',
# 'Foto: Name', 'Crédits photos : Name', 'caption | © Publisher'. Such lines are chrome, not story.
_CREDIT = re.compile(r"^(?:©|\(c\)\s|copyright\b)"
                     r"|^(?:fotos?|bild(?:er|quelle)?|photos?|cr[ée]dits?(?: photos?)?|image)\s*:"
                     r"|\|\s*©[^|]{1,60}$|(?:getty images|shutterstock|istock(?:photo)?)\s*$", re.I)
# The line a CMS files a story under ('Kategorie: News', 'Tags: Wahl, Rat', 'Filed under: Politics').
_FILED = re.compile(r"^(?:kategorien?|categor(?:y|ies)|rubriken?|tags?|schlagw[öo]rter?|stichw[öo]rter|themen"
                    r"|cat[ée]gories?|categor[ií]as?|etiquetas|[ée]tiquettes|abgelegt unter|filed under"
                    r"|posted in|veröffentlicht in)\s*:", re.I)
# Labels of reading tips and share buttons, alone or with the teaser they introduce ('Lesen Sie auch:',
# 'À lire aussi » Other story', 'Share this:'); only when punctuation or the paragraph's end follows.
_WIDGET = re.compile(r"^(?:lesen sie auch|lies auch|auch interessant|mehr zum thema|read (?:more|also)|see also"
                     r"|related(?: stories| articles| posts)?|à lire aussi|lire aussi|puedes ver|lee también"
                     r"|lea también|leia também|leggi anche|teilen sie dies mit|teilen mit|share this|partager"
                     r"|compartir|condividi)\s*(?:[:»|›]|$)", re.I)
# Credits and filing lines are short; a longer paragraph opening with 'Foto:' is a story sentence.
_CREDIT_CHARS = 120
HTML_METHOD = f"trafilatura-{trafilatura.__version__}"


def extract(raw: RawDoc, cfg: Config) -> Extracted | Quarantined:
    """Return the page's body and tagging evidence, or a quarantine row when no story is found."""
    html = raw.kind == "html"
    result = extract_html(raw, cfg) if html else textclean.clean(raw.text, cfg)
    if isinstance(result, Quarantined):
        return result
    floor = cfg.body_floor(raw.kind)
    # The floor counts the story the release carries, after the tagger lifts the dateline off its start:
    # the documents suite holds every released body to it.
    found = 0 if result is None else len(dateline.parse_dateline(result.text)[3])
    if found < floor:
        return Quarantined(raw.source_path, STAGE, "no_body",
                           f"{found} characters of story found, fewer than {floor}", raw.doc_id)
    return result


def extract_html(raw: RawDoc, cfg: Config) -> Extracted | Quarantined | None:
    """Parse the page once; read its self-description, then let trafilatura cut the story from that tree."""
    tree = parse(raw.text)
    if tree is None:
        return None
    if problem := limits.html_problem(raw.text, tree, cfg):  # bounds trafilatura's time on one page
        return Quarantined(raw.source_path, STAGE, *problem, raw.doc_id)
    page = htmlmeta.read(tree)
    # trafilatura works on its own copy of the tree, so the evidence read above stays valid.
    doc = trafilatura.bare_extraction(tree, url=raw.url, **_options(cfg))
    if doc is None or not doc.text:
        return None
    # A page saved without its address still names it: the canonical link stands in for the URL.
    url = raw.url or page.own_url()
    title, title_source = htmltitle.pick_title(page, url)
    dates = htmldates.page_dates(tree, page, url, title, cfg)
    sitename, site_source = htmlsite.site_name(page)
    agencies, agencies_source = htmlsite.credited_agencies(page)
    return Extracted(
        text=body_text(doc.text, [title] + [h.text for h in page.headings]),
        method=HTML_METHOD,
        title_raw=title,
        title_source=title_source,
        sitename=sitename,
        sitename_source=site_source,
        dates=dates,
        author=doc.author,
        language_hint=page.lang,
        agencies=agencies,
        agencies_source=agencies_source,
    )


def parse(html: str):
    """Parse decoded HTML into an lxml tree the way trafilatura does, or None when nothing parses."""
    try:
        return load_html(html)
    except (ValueError, TypeError):
        return None


def body_text(text: str, headings: list[str | None]) -> str:
    """Join trafilatura's lines into blank-line paragraphs, dropping picture credits, category and tag
    lines, reading-tip and share labels, and a leading repeat of the headline."""
    # NFC: one spelling per character, so searches and counts agree ('য়' composed or not).
    text = unicodedata.normalize("NFC", text)
    paragraphs = [" ".join(p.split()) for p in text.split("\n") if p.strip()]
    paragraphs = [p for p in paragraphs if len(p) > _CREDIT_CHARS or not _chrome_line(p)]
    lead = {htmlmeta.squash(h) for h in headings if h}
    while paragraphs and paragraphs[0] in lead:
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def _chrome_line(paragraph: str) -> bool:
    return bool(_CREDIT.search(paragraph) or _FILED.search(paragraph) or _WIDGET.search(paragraph))


@lru_cache(maxsize=4)
def _options(cfg: Config) -> dict[str, object]:
    return dict(cfg.trafilatura_options)
