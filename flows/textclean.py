"""Plain-text dumps: find the story among the page chrome a naive scraper saved with it."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from flows import checks, chrome, dateline, dates, headline, selfname, story, titles
from flows.config import Config
from flows.model import Extracted

METHOD = "wiredesk-textclean-2"
# Kinds of chrome lines whose text the tagger reads for agencies (credits, notices, bylines).
_CREDIT_KINDS = (chrome.CREDIT, chrome.COPYRIGHT, chrome.BYLINE)
# Chrome whose dates never date the story: photo captions, copyright notices, links.
_UNDATED_KINDS = (chrome.CAPTION, chrome.COPYRIGHT, chrome.URL)
# Credit lines follow the story closely; further down the page they belong to other items.
_CREDIT_REACH = 6
# A date line this close below the story still dates it (a "Published:" footer); further down it dates
# comments or related stories (textdump dev set).
_DATE_BELOW_REACH = 8
# Further below, only a line labelled as the publication date still dates the story (an article footer's
# "Published: 14 May 2021" below a story whose code listings cut the span short), before any comments.
_PUBLISHED = re.compile(r"\W*(?:first )?(?:published|posted|veröffentlicht|erschienen|publicado|publié|pubblicato)\b",
                        re.I)
# A label ending a line whose value, on the next line, names the source ("Quelle:", "来源：").
_SOURCE_LABEL = re.compile(r"(?:\b(?:quelle|source|fuente|fonte|bildquelle)|来源|出处)\s*[:：]$", re.I)
# Words of a label's value on its own line: a name or an outlet.
_LABEL_VALUE_WORDS = 6
# A story's first lines that may open with its date ("29.11.2022 – ...").
_LEADING_DATE_LINES = 3
# Lines up to this long are memoised (see _judge_cached).
_CACHED_CHARS = 300


def clean(text: str, cfg: Config) -> Extracted:
    """Return the story body, final headline and the date, credit and site-name evidence of a plain-text page."""
    lines = read_lines(text)
    if not lines:
        return Extracted(text="", method=METHOD)
    story.weigh_all(lines)
    head, first, last = headline.locate(lines)
    last, split = story.cut_second_story(lines, first, last)
    if first > 0 and lines[first - 1].standalone_dateline:
        first -= 1  # a dateline on its own line opens the story below it
    kept = [i for i in range(first, last + 1)
            if story.keep(lines[i]) or (i == first and lines[i].standalone_dateline)]
    kept = _without_furniture_tail(lines, kept, cfg)
    body = "\n\n".join(lines[i].text for i in kept)
    raw_title, title_source, title_site, weak_site = _title(lines, head)
    skip = {*kept, head, 0}
    site = selfname.self_name(title_site, [ln.text for i, ln in enumerate(lines) if i not in skip], body, weak_site,
                              _colon_parts(raw_title))
    # A <title>-like line loses a guessed site prefix or suffix; a headline line only the named site.
    title = titles.clean_title(raw_title, site, guess_site=title_source == "page_title")
    return Extracted(
        text=body, method=METHOD, title_raw=title, title_source=title_source if title else None, sitename=site,
        sitename_source="self_reference" if site else None,
        dates=_date_candidates(lines, head, first, last, cfg),
        credit_lines=_credit_lines(lines, first, last), split_stories=split,
    )


def _without_furniture_tail(lines: list[story.Line], kept: list[int], cfg: Config) -> list[int]:
    """Drop the story's last lines while they are page furniture by the record checks' own pattern (a
    comment prompt, a comment count, a share bar): the story then reaches the release instead of being
    quarantined for the widget below it."""
    pattern = checks.furniture(cfg.chrome_tail_pattern)
    while len(kept) > 1 and pattern.search(lines[kept[-1]].text):
        kept = kept[:-1]
    return kept


def read_lines(text: str) -> list[story.Line]:
    """Split a page into judged non-empty lines: whitespace collapsed, hard-wrapped prose rejoined."""
    raw = story.unwrap(text.splitlines())
    counts = Counter(raw)
    out = []
    for line in raw:
        judged = _judge_cached(line) if len(line) <= _CACHED_CHARS else judge(line)
        copies = counts[line]
        out.append(story.Line(line, *judged, copies > 1, 0.0, copies))  # positional: one Line per page line
    _carry_labels(out)
    return out


def _carry_labels(lines: list[story.Line]) -> None:
    # A credit split over two lines ("By" / "Jane Doe", "Source:" / "Harbour Daily"): the short line after the
    # label is the credit's value, not a headline or story text.
    for label, value in zip(lines, lines[1:]):
        if value.kind is None and value.words <= _LABEL_VALUE_WORDS and not value.prose and not value.is_date:
            if label.kind == chrome.BYLINE and label.words == 1:
                value.kind = chrome.BYLINE
            elif _SOURCE_LABEL.search(label.text[-20:]):
                value.kind = chrome.CREDIT


def judge(line: str) -> tuple[int, str | None, bool, bool, bool]:
    """(words, chrome kind, prose, date line, standalone dateline) of one line."""
    n = chrome.words(line)
    kind = chrome.kind(line, n)
    is_date = standalone = False
    if kind is None and n <= 8 and dateline.is_standalone(line):
        standalone = True
    elif kind is None and n <= 16 and dateline.credit_agencies(line):
        kind = chrome.CREDIT
    elif kind not in _UNDATED_KINDS and n <= 16 and titles.strip_placeholder(line)[1] is None:
        # Bylines and comment counters often carry the date ("Von Jana / 3. März 2022 / Keine
        # Kommentare"); captions and copyright notices date a photo or a site, and a template's
        # "date ..." field is no date line.
        is_date = dates.parse_date_line(line, None) is not None
    return n, kind, story.is_prose(line, n), is_date, standalone


@lru_cache(maxsize=1 << 16)
def _judge_cached(line: str) -> tuple[int, str | None, bool, bool, bool]:
    # Sites repeat their chrome lines on every page: short lines are judged once per run.
    return judge(line)


def _title(lines: list[story.Line], head: int | None) -> tuple[str | None, str | None, str | None, str | None]:
    """The headline line as written, its evidence, the site name a title line carries as a suffix (or glued
    on as 'Site:Headline'), and a weaker candidate: a prefix, which may as well be a kicker."""
    page_title = titles.strip_placeholder(lines[0].text)[0]
    # A breadcrumb ("Sie sind hier: Home » Europa » Emden") ends with the page itself and a menu ("Home |
    # Sport | News") with its last item, not a site name.
    menu = titles.is_breadcrumb(page_title) or lines[0].kind == chrome.NAV
    site, prefix = (None, None) if menu else _site_parts(page_title)
    if head is None:
        return None, None, site, prefix
    if head == 0:
        return page_title, "page_title", site, prefix
    text = titles.strip_placeholder(lines[head].text)[0]
    own_site, own_prefix = _site_parts(text)
    if len(text) > 12 and titles.key(text) in titles.key(page_title):
        own_site = own_prefix = None  # the page title repeats the whole line: its dashes are the headline's own
        if titles.key(text) == titles.key(page_title):
            site = prefix = None  # and so are the page title's, which the headline repeats whole
    return text, "headline", own_site or site, prefix or own_prefix


def _colon_parts(title: str | None) -> tuple[str, ...]:
    # "Site: Headline" and "Headline: Site" look like "Kicker: Headline"; the page's other lines decide.
    if not title or ": " not in title:
        return ()
    return title.partition(": ")[0], title.rpartition(": ")[2]


def _site_parts(title: str) -> tuple[str | None, str | None]:
    # (suffix site, prefix site): "Headline | Site" and "Site:Headline" name the site as a rule,
    # "Kicker - Headline" need not.
    glued = titles.glued_site(title)[1]
    site = glued or titles.split_site(title)[1]
    if site is None or glued:
        return site, None
    return (site, None) if title.endswith(site) else (None, site)


def _date_candidates(lines: list[story.Line], head: int | None, first: int, last: int,
                     cfg: Config) -> list[tuple[dt.date, str, str]]:
    """Date lines ranked by where they sit: next to the headline first, then above it, then in the story,
    then just below it (a footer 'Published:' line).

    Dates further below belong to comments and related-story lists and are never taken."""
    anchor = first if head is None else head
    end = story.hard_end(lines, last)
    stop = min(end, last + _DATE_BELOW_REACH + 1)
    ranked = []
    for i in range(0, min(end, len(lines))):
        ln = lines[i]
        labelled = i >= stop and ln.is_date and _PUBLISHED.match(ln.text) is not None
        day = dates.parse_date_line(ln.text, cfg) if ln.is_date and (i < stop or labelled) else None
        if day is None:
            continue
        if anchor - 3 <= i <= first + 3:
            rank = (0, abs(i - anchor))
        elif i < anchor:
            rank = (1, anchor - i)
        else:
            rank = (2 if i <= last else 3 if i < stop else 4, i)
        ranked.append((rank, day, ln.text))
    found = [(day, "date_line", text) for _, day, text in sorted(ranked)]
    if not found:
        found = _leading_dates(lines, head, first, cfg)
    placeholder = _placeholder_date(lines[0].text, cfg)
    if placeholder and not found:
        found.append((placeholder, "date_line", lines[0].text))
    return found


def _leading_dates(lines: list[story.Line], head: int | None, first: int,
                   cfg: Config) -> list[tuple[dt.date, str, str]]:
    # Without a date line, a date opening the headline or the story's first lines dates the page:
    # "14.03.2021 – Seit Jahren fordert der Verband ...", "Pressemitteilung vom 3. Mai 2021 | Hamburg – ...".
    where = [] if head is None else [head, head + 1][:len(lines) - head]  # the headline and its standfirst
    for i in [*where, *range(max(0, first - 1), min(len(lines), first + _LEADING_DATE_LINES))]:
        text = lines[i].text
        # Captions, notices and template placeholders date no story; a dateline's date is the dateline's evidence.
        undated = (lines[i].kind in _UNDATED_KINDS or lines[i].standalone_dateline
                   or titles.strip_placeholder(text)[1] is not None or dateline.opens_with_dateline(text))
        day = None if undated else dates.leading_date(text, cfg)
        if day:
            return [(day, "story_start", text)]
    return []


def _placeholder_date(first_line: str, cfg: Config) -> dt.date | None:
    # "date 1995-01-01 Headline": a template field, not a date line. It stands only when nothing else
    # dates the page, and never as January 1st, the empty value such fields default to.
    _, placeholder = titles.strip_placeholder(first_line)
    day = dates.find_date(placeholder or "")
    if day is None or (day.month, day.day) == (1, 1) or not dates.plausible(day, cfg):
        return None
    return day


def _credit_lines(lines: list[story.Line], first: int, last: int) -> list[str]:
    """Credit, byline and copyright lines around the story (copyright notices anywhere below it)."""
    out = []
    for i, ln in enumerate(lines):
        near = first - 3 <= i <= last + _CREDIT_REACH
        if ln.kind in _CREDIT_KINDS and (near or (ln.kind == chrome.COPYRIGHT and i > last)):
            out.append(ln.text)
    return out
