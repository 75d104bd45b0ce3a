"""Tag: decide each document's title, date, outlet, dateline and agencies from the extracted evidence.

The rules read only the generic evidence of `Extracted` (ranked date candidates with their sources, a title
and its source, a site name, credited agencies, credit lines), so the plain-text and HTML paths are tagged
alike; the dateline parser runs on every body.
"""

from __future__ import annotations

import datetime as dt
import re

from flows import dateline, dates, language, outlets, titles
from flows.config import Config
from flows.model import Doc, Extracted, RawDoc

# Evidence kinds for agencies, strongest first; the first one that named an agency is reported. The
# extractor's own evidence (JSON-LD author/publisher on HTML pages) ranks after the dateline.
_AGENCY_SOURCES = ("dateline", "extracted", "credit_line", "copyright", "byline")
_BYLINE = re.compile(r"^(?:by|von|por|par)\s", re.I)
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_YEAR_RANGE = re.compile(r"\d{4}\s*[-–]\s*\d{4}")
# A date line and the story's own dated dateline that differ by more than this disagree: the dateline wins.
# Two days allow for time zones and overnight filing (seeds and syndication dev set).
_DATELINE_TOLERANCE = dt.timedelta(days=2)


def tag(raw: RawDoc, ex: Extracted, cfg: Config) -> Doc:
    """Return the documents-table row for one extracted page."""
    site = outlets.resolve(raw.url, ex.sitename, ex.sitename_source or "sitename")
    raw_dl, place, dl_agencies, body = dateline.parse_dateline(ex.text)
    if raw_dl and place and ex.sitename and titles.key(place) == titles.key(ex.sitename):
        raw_dl, place, dl_agencies, body = None, None, [], ex.text  # "Outlet – text" credits, names no place
    agencies, agencies_source = _agencies(dl_agencies, ex)
    title, title_source = _title(ex)
    date, date_source = pick_date(ex.dates, raw_dl, ex.credit_lines, raw.crawled_at, cfg)
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


def _title(ex: Extracted) -> tuple[str | None, str | None]:
    """The extractor's final headline when it names its evidence, else the raw title cleaned here."""
    if ex.title_source:  # already decided from the page's own evidence (HTML pages, cleaned text dumps)
        return (ex.title_raw, ex.title_source) if ex.title_raw else (None, None)
    title = titles.clean_title(ex.title_raw, ex.sitename)
    return title, "extracted" if title else None


def _agencies(from_dateline: list[str], ex: Extracted) -> tuple[list[str], str | None]:
    """Agency codes from the dateline, the extractor's evidence and the credit, copyright and byline lines,
    with the strongest source that named any."""
    found: dict[str, set[str]] = {"dateline": set(from_dateline), "extracted": set(ex.agencies)}
    for line in ex.credit_lines:
        if _COPYRIGHT.search(line):
            found.setdefault("copyright", set()).update(dateline.copyright_agencies(line))
        elif _BYLINE.match(line):
            found.setdefault("byline", set()).update(dateline.agencies_named(line))
        else:
            found.setdefault("credit_line", set()).update(dateline.credit_agencies(line))
    codes = sorted(set().union(*found.values()))
    source = next((s for s in _AGENCY_SOURCES if found.get(s)), None)
    return codes, (ex.agencies_source or "extracted") if source == "extracted" else source


def pick_date(candidates: list[tuple[dt.date, str, str]], raw_dateline: str | None, credit_lines: list[str],
              crawled_at: dt.datetime | None, cfg: Config) -> tuple[dt.date | None, str | None]:
    """The publication day and its source: the best candidate unless the story's dated dateline contradicts it."""
    usable = [(day, source) for day, source, _ in candidates if dates.plausible(day, cfg)]
    written = dateline.dateline_date(raw_dateline)
    if written:
        day = _dateline_day(written, usable, credit_lines, crawled_at, cfg)
        if day and (not usable or abs(usable[0][0] - day) > _DATELINE_TOLERANCE):
            return day, "dateline"
    return usable[0] if usable else (None, None)


def _dateline_day(written: str, usable: list[tuple[dt.date, str]], credit_lines: list[str],
                  crawled_at: dt.datetime | None, cfg: Config) -> dt.date | None:
    """The dateline's date: as written when it has a year, else only when no date line speaks at all.

    A yearless dateline ("Oct. 5") takes its year from the page's own context: the crawl date, or the
    single year of an agency's copyright notice on the story; it never lands after that context date."""
    full = dates.find_date(written)
    if full:
        return full if dates.plausible(full, cfg) else None
    if usable:
        return None
    parts = dates.month_day(written)
    context = crawled_at.date() if crawled_at else _notice_year_end(credit_lines)
    if parts is None or context is None:
        return None
    for year in (context.year, context.year - 1):
        try:
            day = dt.date(year, *parts)
        except ValueError:
            continue
        if day <= context and dates.plausible(day, cfg):
            return day
    return None


def _notice_year_end(credit_lines: list[str]) -> dt.date | None:
    # "Copyright 2017 The Associated Press": the agency's notice on the story dates it to that year.
    # A site's own footer notice and any range of years do not: they date the site, not the story.
    for line in credit_lines:
        years = _YEAR.findall(line)
        if (_COPYRIGHT.search(line) and len(years) == 1 and dateline.copyright_agencies(line)
                and not _YEAR_RANGE.search(line)):
            return dt.date(int(years[0]), 12, 31)
    return None
