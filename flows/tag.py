"""Tag: decide each document's title, date, outlet, dateline and agencies from the extracted evidence."""

from __future__ import annotations

import re

from flows import dateline, language, outlets
from flows.config import Config
from flows.model import Doc, Extracted, RawDoc

_SITE_SEPARATORS = re.compile(r"\s+[|\-–—:]\s+|(?<=\w):(?=\S)")


def tag(raw: RawDoc, ex: Extracted, cfg: Config) -> Doc:
    """Return the documents-table row for one extracted page."""
    raw_dl, place, agency, body = dateline.parse_dateline(ex.text)
    agencies = sorted({agency} if agency else set())
    agencies_source = "dateline" if agencies else None
    if not agencies and ex.agencies:  # credited outside the text: JSON-LD author/publisher, bylines
        agencies, agencies_source = sorted(ex.agencies), ex.agencies_source
    if ex.title_source:  # already decided from the page's own evidence (HTML)
        title, title_source = ex.title_raw, ex.title_source
    else:
        title = clean_title(ex.title_raw, ex.sitename)
        title_source = "extracted" if title else None
    date, date_source = _pick_date(ex, cfg)
    site = outlets.resolve(raw.url, ex.sitename, ex.sitename_source or "sitename")
    return Doc(
        doc_id=raw.doc_id, source_path=raw.source_path, url=raw.url, crawled_at=raw.crawled_at,
        input_format=raw.kind, encoding=raw.encoding, extraction_method=ex.method,
        language=language.detect(body, ex.language_hint), title=title, title_source=title_source,
        text=body, text_chars=len(body), published_date=date, date_source=date_source,
        outlet=site.name if site else None, outlet_domain=site.domain if site else None,
        outlet_source=site.source if site else None,
        dateline_raw=raw_dl, dateline_place=place, agencies=agencies,
        agencies_source=agencies_source, split_stories=ex.split_stories,
    )


def clean_title(title: str | None, sitename: str | None) -> str | None:
    """Strip a site name glued before or after the headline; None for an empty title."""
    if not title or not title.strip():
        return None
    title = " ".join(title.split())
    if sitename:
        for part in _SITE_SEPARATORS.split(title):
            if part.strip().lower() == sitename.strip().lower():
                rest = title.replace(part, "", 1)
                return rest.strip(" |-–—:") or title
    return title


def _pick_date(ex: Extracted, cfg: Config):
    for day, source, _ in ex.dates:
        if cfg.date_floor <= day <= cfg.today:
            return day, source
    return None, None
