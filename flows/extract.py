"""Extract: separate each page's story from its chrome (trafilatura for HTML, our cleaner for text)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import trafilatura

from flows import textclean
from flows.config import Config
from flows.model import Extracted, Quarantined, RawDoc

STAGE = "extract"
HTML_METHOD = f"trafilatura-{trafilatura.__version__}"


def extract(raw: RawDoc, cfg: Config) -> Extracted | Quarantined:
    """Return the page's body and tagging evidence, or a quarantine row when no story is found."""
    result = extract_html(raw, cfg) if raw.kind == "html" else textclean.clean(raw.text, cfg)
    if result is None or len(result.text) < cfg.min_body_chars:
        found = 0 if result is None else len(result.text)
        return Quarantined(raw.source_path, STAGE, "no_body",
                           f"{found} characters of story found, fewer than {cfg.min_body_chars}",
                           raw.doc_id)
    return result


def extract_html(raw: RawDoc, cfg: Config) -> Extracted | None:
    """Run trafilatura's Python API once on the page and keep its body and metadata."""
    doc = trafilatura.bare_extraction(raw.text, url=raw.url, **_options(cfg))
    if doc is None or not doc.text:
        return None
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    if paragraphs and doc.title and paragraphs[0] == doc.title.strip():
        paragraphs = paragraphs[1:]  # trafilatura repeats the <h1> headline as the first line
    dates = []
    if doc.date:
        try:
            dates.append((dt.date.fromisoformat(doc.date[:10]), "html_metadata", doc.date))
        except ValueError:
            pass
    return Extracted(
        text="\n\n".join(paragraphs),
        method=HTML_METHOD,
        title_raw=doc.title,
        sitename=doc.sitename,
        dates=dates,
        author=doc.author,
        language_hint=doc.language,
    )


@lru_cache(maxsize=4)
def _options(cfg: Config) -> dict[str, object]:
    return dict(cfg.trafilatura_options)
