"""The publication date a page shows its readers: the short date line just above or below the headline."""

from __future__ import annotations

import datetime as dt
import re

from flows.config import Config
from flows.dates import MONTHS
from flows.htmlmeta import fold, squash

_MONTH = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_YEAR = r"(?P<y>(?:19|20)\d\d)"
# After a month name a two-digit year ('9 Marzo 21') counts only where the line or a bracket closes:
# followed by more, the two digits are an hour ('5. Mai 20 Uhr').
_FORMS = (
    re.compile(rf"(?<!\d){_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    re.compile(rf"(?<![\d.])(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?:{_YEAR}|(?P<yy>\d\d))(?![\d.])"),
    re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)(?:\.|º|er)?\s*(?:de\s+)?(?P<mon>{_MONTH})\.?,?\s*(?:de\s+)?"
               rf"(?:{_YEAR}(?!\d)|(?P<short>\d\d)\s*(?=$|[)\],;|]))", re.I),
    re.compile(rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)", re.I),
    re.compile(rf"{_YEAR}\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"),
    re.compile(rf"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/{_YEAR}(?![\d/])"),
)
# Month and day without a year ('6月24日', 'Jun 17', '17. Juni'): a day only once other evidence gives the year.
_YEARLESS = (
    re.compile(r"(?<![\d年])(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"),
    re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)(?:\.|º|er)?\s*(?:de\s+)?(?P<mon>{_MONTH})\b", re.I),
    re.compile(rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b", re.I),
)
# A date line is short: a label, the date, a time. A date inside longer text is prose mentioning a day.
LINE_CHARS = 60
# How far from the headline its date line sits: article headers (kicker, byline, date, share buttons)
# span a few dozen text nodes. On the extraction dev set the nearest date line in these bounds names the
# gold day on ~147 of ~153 dated pages that show one; scores were the same from 300/150 to 1000/500.
AFTER_NODES, AFTER_CHARS = 40, 600
BEFORE_NODES, BEFORE_CHARS = 15, 300
# Labels that say a date is not the publication: an update, or another event (release, deadline).
_MODIFIED = re.compile(r"aktualisiert|update|geändert|modifi|editiert|bearbeitet|mis à jour|actualizad"
                       r"|aggiornat|atualizad|bijgewerkt|zaktualizowan|revised", re.I)
_PUBLISHED = re.compile(r"ver[öo]ffentlicht|publiziert|published|publié|publicado|pubblicato|erschienen"
                        r"|posted|written|geschrieben|created|gepubliceerd|opublikowan"
                        r"|\b(?:erstellt|datum|date|stand)\b", re.I)
_OTHER_LABEL = re.compile(r"\w{3,}\s*:\s*$|\($")
_LABEL_WORDS = 4
# How many text nodes are searched for a day in the month a page's URL names: bounds the search on long
# pages (the one page of the extraction dev set this rule dates shows its day at node 8 of 113).
MONTH_NODES = 2000
# A text node this short just before a date line can be its label ('Erschienen am', 'Updated:').
_LABEL_CHARS = 30
# Text that is not shown: scripts, styles, fallbacks, templates, the options of a drop-down.
_UNSHOWN = frozenset({"script", "style", "noscript", "template", "option"})


def shown_date(tree, title: str | None, cfg: Config, near: dt.date | None = None) -> tuple[dt.date, str] | None:
    """Return (day, the date line) nearest the headline element, or None when none is shown; with a
    day `near`, lines without a year count too, placed in the year nearest that day."""
    head = _headline_element(tree, title)
    if head is None:
        return None
    after = _shown(head.xpath(f"following::text()[position() <= {3 * AFTER_NODES}]"))[:AFTER_NODES]
    before = _shown(head.xpath(f"preceding::text()[position() <= {3 * BEFORE_NODES}]"))[-BEFORE_NODES:]
    best = None
    for distance, line, label in _walk(after, AFTER_CHARS, forward=True) + _walk(before, BEFORE_CHARS, False):
        found = date_line(line, cfg, label, near)
        if found and (best is None or distance < best[0]):
            best = (distance, found, line)
    return (best[1], best[2]) if best else None


def month_date(tree, month: tuple[int, int], cfg: Config) -> tuple[dt.date, str] | None:
    """Return (day, line) for the page's first date line in the given (year, month), else None."""
    nodes = _shown(tree.xpath(f"(//body//text())[position() <= {MONTH_NODES}]"))
    for i, line in enumerate(nodes):
        label = nodes[i - 1] if i > 0 and len(nodes[i - 1]) <= _LABEL_CHARS else ""
        day = date_line(line, cfg, label)
        if day and (day.year, day.month) == month:
            return day, line
    return None


def _shown(nodes: list) -> list[str]:
    """Return the visible, non-blank text nodes, squashed, in document order."""
    out = []
    for node in nodes:
        owner = node.getparent()
        if node.is_tail and owner is not None:
            owner = owner.getparent()
        if (text := squash(str(node))) and (owner is None or owner.tag not in _UNSHOWN):
            out.append(text)
    return out


def _walk(nodes: list[str], limit: int, forward: bool) -> list[tuple[int, str, str]]:
    """Return (characters between the headline and the node, node, the node before it), nearest
    first. Beyond the limit only lines the node before labels as the publication date count."""
    out, distance = [], 0
    order = range(len(nodes)) if forward else range(len(nodes) - 1, -1, -1)
    for i in order:
        previous = nodes[i - 1] if i > 0 and len(nodes[i - 1]) <= _LABEL_CHARS else ""
        if distance <= limit or _PUBLISHED.search(previous):
            out.append((distance, nodes[i], previous))
        distance += len(nodes[i])
    return out


def _headline_element(tree, title: str | None):
    """Return the heading that shows the page's headline (an <h1> before the <h2>s and <h3>s of
    teaser lists that repeat it), else the first <h1>, else None."""
    first = tree.xpath("//h1")
    key = fold(title or "")
    if len(key) >= 5:
        for h in first:
            if key in fold(h.text_content()):
                return h
        # Teaser headings are many: a plain case-insensitive comparison is enough for them.
        plain = squash(title).casefold()
        for h in tree.xpath("//h2 | //h3"):
            if plain in squash(h.text_content()).casefold():
                return h
    return first[0] if first else None


def date_line(line: str, cfg: Config, before: str = "", near: dt.date | None = None) -> dt.date | None:
    """Return the day a short date line states ('Stand: 3.2.2021 9:00 Uhr', '5 May 2020',
    'Montag, 4. Oktober 2021'), or None for prose, updates and other labelled dates; `before`
    is the short text just before the line, a label when the page sets it apart. With a day `near`,
    a line without a year ('Jun 17') names the day of that month nearest it."""
    if not line or len(line) > LINE_CHARS:
        return None
    for form in _FORMS + (_YEARLESS if near else ()):
        match = form.search(line)
        if not match:
            continue
        own = line[:match.start()].strip()
        label = own or before.strip()
        if _MODIFIED.search(label) or len(own.split()) > _LABEL_WORDS:
            return None
        if _OTHER_LABEL.search(label) and not _PUBLISHED.search(label):
            return None
        if match.groupdict().get("yy") and own:  # '10.12.19' alone is a date; after a word, a version
            return None
        day = _day(match.groupdict(), near)
        if day and cfg.date_floor <= day <= cfg.today:
            return day
    return None


def _day(parts: dict[str, str | None], near: dt.date | None = None) -> dt.date | None:
    if near and not (parts.get("y") or parts.get("yy") or parts.get("short") or parts.get("a")):
        return _nearest(parts, near)
    year = int(parts["y"]) if parts.get("y") else 2000 + int(parts.get("yy") or parts.get("short") or 0)
    if parts.get("a"):  # d/m/yyyy or m/d/yyyy: only when one of them cannot be a month
        a, b = int(parts["a"]), int(parts["b"] or 0)
        if (a > 12) == (b > 12):
            return None
        day, month = (a, b) if a > 12 else (b, a)
    else:
        day = int(parts["d"] or 0)
        month = MONTHS.get((parts.get("mon") or "").lower()) or int(parts.get("m") or 0)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest(parts: dict[str, str | None], near: dt.date) -> dt.date | None:
    """Return the day and month `parts` name in whichever year puts it nearest `near`."""
    found = [_day({**parts, "y": str(year)}) for year in (near.year - 1, near.year, near.year + 1)]
    return min((d for d in found if d), key=lambda d: abs(d - near), default=None)
