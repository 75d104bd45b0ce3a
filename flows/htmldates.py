"""Publication-date candidates an HTML page states about itself, strongest evidence first."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

from flows import htmlshown, outlets
from flows.config import Config
from flows.htmlmeta import PageMeta

# Meta tags that name the first publication (never the last modification), most specific first.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "article.published",
    "datepublished", "published_time", "publish-date", "publish_date", "publishdate", "pubdate",
    "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime", "original-publish-date",
    "citation_publication_date", "citation_date", "prism.publicationdate", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created",
    "article_date_original", "article:published", "og:pubdate",
)
# Meta tags that say only "a date": many CMSs fill them with the last change, so the date line the
# page shows beside its headline outranks them (extraction dev set: 4 of 4 disagreements).
GENERIC_META = ("dc.date", "dcterms.date", "date")
# Two stamps this close name one moment (a CMS may write seconds in one and not the other).
_SAME_INSTANT = dt.timedelta(minutes=1)
_ISO = re.compile(r"(?P<y>(?:19|20)\d\d)-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)(?![\d])")
_DOTTED = re.compile(r"(?<!\d)(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)(?!\d)")
_SLASHED = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?!\d)")
# Dates in a URL path: /2020/02/18/, /2020-02-18-, /20200218/.
_URL_DATE = re.compile(r"(?<![\d])(?P<y>(?:19|20)\d\d)(?P<s>[/\-_]?)(?P<m>[01]\d)(?P=s)(?P<d>[0-3]\d)(?![\d])"
                       r"|/(?P<y2>(?:19|20)\d\d)/(?P<m2>1[0-2]|0?[1-9])/(?P<d2>[12]\d|3[01]|0?[1-9])/")
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>1[0-2]|0?[1-9])/")
# <time> elements whose context says they date the story, not a comment or an update.
_PUBLISHED_CONTEXT = re.compile(r"publish|datepublished|pubdate|posted|entry-date|veröffentlicht|created")
_MODIFIED_CONTEXT = re.compile(r"modif|update|aktualisiert|edited|comment|related|teaser|sidebar|footer")


def page_dates(tree, page: PageMeta, url: str | None, title: str | None, cfg: Config) -> list[tuple[dt.date, str, str]]:
    """Return the page's publication-date candidates, strongest first: what it states about itself,
    else a day of the month its URL names, else htmldate's reading completed by the headline's date line."""
    found = candidates(page, url, cfg, htmlshown.shown_date(tree, title, cfg))
    month = None if found else url_month(url)
    if month and (line := htmlshown.month_date(tree, month, cfg)):
        return [(line[0], "text", line[1][:80])]
    found = found or fallback(tree, cfg)
    # htmldate reads the whole page, links to other stories included; a date line beside the headline
    # that leaves out the year ('Jun 17', '6月24日') is the page's own day, in the year htmldate found.
    if found and found[0][1] == "html_metadata":
        if line := htmlshown.shown_date(tree, title, cfg, near=found[0][0]):
            return [(line[0], "text", line[1][:80])]
    return found


def candidates(page: PageMeta, url: str | None, cfg: Config,
               shown: tuple[dt.date, str] | None = None) -> list[tuple[dt.date, str, str]]:
    """Return (day, source, evidence) publication-date candidates, strongest first, all plausible:
    stated publication dates and <time> elements, the date line shown beside the headline, then
    generic date tags and the URL."""
    found: list[tuple[dt.date, str, str]] = []
    for obj in page.stories():
        for key in ("datePublished", "dateCreated"):
            _add(found, obj.get(key), "json_ld", cfg)
    for key in PUBLISHED_META:
        _add(found, page.meta.get(key), "meta", cfg)
    for tag in _ranked_times(page):
        _add(found, tag.stamp or tag.text, "time_element", cfg)
    if shown and plausible(shown[0], cfg):
        found.append((shown[0], "text", shown[1][:80]))
    for key in GENERIC_META:
        _add(found, page.meta.get(key), "meta", cfg)
    url_day = url_date(url)
    if url_day and plausible(url_day, cfg):
        found.append((url_day, "url", url or ""))
    return _local_first(found)


def _local_first(found: list[tuple[dt.date, str, str]]) -> list[tuple[dt.date, str, str]]:
    """Put first a candidate that states the top candidate's UTC instant in the publisher's own offset:
    '2021-03-04T23:30:00Z' is 5 March for a publisher at +01:00 that says '2021-03-05T00:30:00+01:00'."""
    top = _stamp(found[0][2]) if found else None
    if top is None or top.utcoffset():
        return found
    for i, (day, _, evidence) in enumerate(found[1:], 1):
        local = _stamp(evidence)
        if local is not None and local.utcoffset() and abs(local - top) <= _SAME_INSTANT and day != found[0][0]:
            return [found[i]] + found[:i] + found[i + 1:]
    return found


def _stamp(value: str) -> dt.datetime | None:
    """Return the moment a timestamp with a time zone names, else None."""
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _add(found: list, value: object, source: str, cfg: Config) -> None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return
    day = parse_day(value)
    if day and plausible(day, cfg):
        found.append((day, source, value.strip()[:80]))


def _ranked_times(page: PageMeta) -> list:
    """Return <time> elements that date the story: marked as publication first, then the first one."""
    usable = [t for t in page.times if not _MODIFIED_CONTEXT.search(t.context)]
    marked = [t for t in usable if _PUBLISHED_CONTEXT.search(t.context)]
    return marked + [t for t in usable[:1] if t not in marked]


def parse_day(value: str) -> dt.date | None:
    """Return the calendar day a date or timestamp string names, in its own time zone."""
    value = value.strip()
    for pattern in (_ISO, _SLASHED, _DOTTED):
        match = pattern.search(value[:40])
        if match:
            return _day(match["y"], match["m"], match["d"])
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def url_date(url: str | None) -> dt.date | None:
    """Return the day written in a URL's path (/2020/02/18/), archive replays unwrapped."""
    url = outlets.unwrap_archive_url(url)
    if not url:
        return None
    path = url.split("://", 1)[-1].split("/", 1)[-1] if "/" in url.split("://", 1)[-1] else ""
    match = _URL_DATE.search("/" + path)
    if not match:
        return None
    if match["y"]:
        return _day(match["y"], match["m"], match["d"])
    return _day(match["y2"], match["m2"], match["d2"])


def url_month(url: str | None) -> tuple[int, int] | None:
    """Return (year, month) a URL's path names as folders (/2010/05/slug), archive replays unwrapped."""
    url = outlets.unwrap_archive_url(url)
    rest = (url or "").split("://", 1)[-1]
    match = _URL_MONTH.search("/" + rest.split("/", 1)[1]) if "/" in rest else None
    return (int(match["y"]), int(match["m"])) if match else None


def _day(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def plausible(day: dt.date, cfg: Config) -> bool:
    """A publication day lies between the configured floor and today."""
    return cfg.date_floor <= day <= cfg.today


def fallback(tree, cfg: Config) -> list[tuple[dt.date, str, str]]:
    """Return htmldate's reading of the page (visible dates, text patterns) when nothing structured dates
    it, unless it is a day htmldate filled in."""
    from htmldate import find_date

    try:
        found = find_date(tree, original_date=True, extensive_search=True, outputformat="%Y-%m-%d",
                          min_date=cfg.date_floor.isoformat(), max_date=cfg.today.isoformat())
    except (ValueError, TypeError):
        return []
    day = parse_day(found) if found else None
    # htmldate pads what it could not find: a copyright year becomes 1 January, a URL's year and month
    # the 1st. Null rather than that guess: on the extraction dev set none of its 13 first-of-month
    # days was right.
    if not day or day.day == 1 or not plausible(day, cfg):
        return []
    return [(day, "html_metadata", found)]
