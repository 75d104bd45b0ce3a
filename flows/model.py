"""Records passed between stages: a raw input, an extracted page, a tagged document, a rejection."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class RawDoc:
    """One input document as read: its bytes, where it came from, and how to parse it."""

    doc_id: str
    source_path: str
    kind: str  # "text" or "html"
    text: str
    encoding: str
    url: str | None = None
    crawled_at: dt.datetime | None = None


@dataclass(slots=True)
class Quarantined:
    """A record that did not make it into the release, with the stage and a named reason."""

    source_path: str
    stage: str
    reason: str
    detail: str = ""
    doc_id: str | None = None


@dataclass(slots=True)
class Extracted:
    """A page's decoded text split into body and the raw evidence the tagger weighs."""

    text: str
    method: str
    title_raw: str | None = None
    sitename: str | None = None
    # (date, source, evidence string) candidates, strongest first.
    dates: list[tuple[dt.date, str, str]] = field(default_factory=list)
    dateline_raw: str | None = None
    credit_lines: list[str] = field(default_factory=list)
    author: str | None = None
    language_hint: str | None = None
    split_stories: int = 0
    # Set when title_raw is already the final headline (HTML pages, cleaned text dumps), naming its evidence.
    title_source: str | None = None
    # Which evidence named the site (og_site_name, json_ld_publisher, ...).
    sitename_source: str | None = None
    # Wire agencies the page credits outside its text (JSON-LD author/publisher, bylines), and where.
    agencies: list[str] = field(default_factory=list)
    agencies_source: str | None = None


@dataclass(slots=True)
class Doc:
    """One row of the documents table before dedup fills in its story."""

    doc_id: str
    source_path: str
    url: str | None
    crawled_at: dt.datetime | None
    input_format: str
    encoding: str
    extraction_method: str
    language: str | None
    title: str | None
    title_source: str | None
    text: str
    text_chars: int
    published_date: dt.date | None
    date_source: str | None
    outlet: str | None
    outlet_domain: str | None
    outlet_source: str | None
    dateline_raw: str | None
    dateline_place: str | None
    agencies: list[str]
    agencies_source: str | None
    split_stories: int
