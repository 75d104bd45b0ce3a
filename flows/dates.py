"""Publication dates written in page text: date lines in the common forms of the dev sets' languages."""

from __future__ import annotations

import datetime as dt
import re

from flows import wordtrie
from flows.config import Config

# Month names and abbreviations (English, German, Spanish, French, Portuguese, Italian, Dutch, Russian).
_MONTH_NAMES = (
    "january jan januar jänner janvier janv enero ene janeiro gennaio gen januari января январь янв",
    "february feb februar feber février févr fevr febrero fevereiro fev febbraio februari"
    " февраля февраль фев",
    "march mar märz mär mrz mars marzo março maart марта март",
    "april apr avril avr abril abr aprile mrt апреля апрель",
    "may mai mayo maio maggio mag mei мая май",
    "june jun juni juin junio junho giugno giu июня июнь",
    "july jul juli juillet juil julio julho luglio lug июля июль",
    "august aug août agosto ago augustus августа август авг",
    "september sep sept septembre septiembre setiembre setembro set settembre sett сентября сентябрь",
    "october oct okt oktober octobre octubre outubro out ottobre ott октября октябрь",
    "november nov novembre noviembre novembro ноября ноябрь",
    "december dec dez dezember décembre déc diciembre dic dezembro dicembre декабря декабрь",
)
MONTHS: dict[str, int] = {name: i for i, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()}
_MONTH = "(?P<month>" + wordtrie.alternation(MONTHS) + r")\.?"
# Years written in news pages: this century and the last; a year may run into the next token ("201619").
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_FORMS = tuple(re.compile(p, re.I) for p in (
    rf"(?<![\d.]){_YEAR}-(?P<mnum>\d{{1,2}})-(?P<day>\d{{1,2}})(?!\d)",
    rf"(?<![\d/]){_YEAR}/(?P<mnum>\d{{1,2}})/(?P<day>\d{{1,2}})(?!\d)",
    rf"{_YEAR}年(?P<mnum>\d{{1,2}})月(?P<day>\d{{1,2}})日",
    r"(?<![\d.,])(?P<day>\d{1,2})\.\s?(?P<mnum>\d{1,2})\.\s?(?P<year>(?:19|20)\d{2}|\d{2}(?![\d.]))",
    r"(?<![\d/])(?P<day>\d{1,2})/(?P<mnum>\d{1,2})/(?P<year>(?:19|20)\d{2}|\d{2}(?![\d/]))",
    rf"(?<!\d)(?P<day>\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s?(?:de\s)?{_MONTH},?\s?(?:de\s|del\s)?{_YEAR}",
    rf"(?<!\w){_MONTH}\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s{_YEAR}",
))
# The character each numeric form cannot do without ("2019-11-20", "2019/11/20", "2019年", "20.11.2019",
# "20/11/2019"); the month-name forms need none. A form whose character is absent is not tried.
_FORM_MARKS = ("-", "/", "年", ".", "/", "", "")
_MARKED_FORMS = tuple(zip(_FORM_MARKS, _FORMS))
_MONTH_DAY = re.compile(rf"(?<!\w){_MONTH}\s(?P<day>\d{{1,2}})(?!\d)", re.I)
# What else a date line says: clock times, weekdays, "published/updated" labels in the dev sets' languages.
_NOISE = re.compile(
    r"\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s?(?:am|pm|a\.\s?m\.|p\.\s?m\.|uhr|hrs?|h|gmt|utc|cet|est|edt))?"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche)\b\.?"
    r"|\b(?:published|posted|updated|last|on|at|date|datum|stand|veröffentlicht|aktualisiert|erstellt|am|um"
    r"|vom|publicado|actualizado|el|le|publié|mis à jour|à|às|em|de|del|a las|uhr|hrs|gmt|utc)\b", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_TWO_NUMBERS = re.compile(r"\d\D+\d")
# A date line may carry a few more words (an author's name, a section); more than this is a sentence.
_MAX_OTHER_WORDS = 6
# A date opening a line sits within its first characters, after a label of a few words at most.
_LEADING_REACH, _LEADING_LABEL_WORDS = 40, 2


def find_date(text: str) -> dt.date | None:
    """Return the first calendar date written anywhere in text (any form above), or None."""
    if not _TWO_NUMBERS.search(text):
        return None  # every form writes at least a day and a year
    best: tuple[int, dt.date] | None = None
    for mark, form in _MARKED_FORMS:
        if mark not in text:
            continue
        for match in form.finditer(text):
            day = _to_date(match.groupdict())
            if day and (best is None or match.start() < best[0]):
                best = (match.start(), day)
                break
    return best[1] if best else None


def parse_date_line(line: str, cfg: Config | None) -> dt.date | None:
    """Return the date a short line states (a date, maybe with time, weekday, label or name), or None."""
    if len(line) > 120:
        return None
    day = find_date(line)
    if day is None:
        return None
    rest = _NOISE.sub(" ", _strip_dates(line))
    if len(_WORD.findall(rest)) > _MAX_OTHER_WORDS:
        return None
    return day if cfg is None or plausible(day, cfg) else None


def leading_date(text: str, cfg: Config) -> dt.date | None:
    """Return a plausible date that opens a line, after at most a short label ('Red. /', 'Pressemitteilung vom')."""
    head = text[:_LEADING_REACH]
    if not _TWO_NUMBERS.search(head):
        return None
    for form in _FORMS:
        match = form.search(head)
        if match and len(_WORD.findall(head[:match.start()])) <= _LEADING_LABEL_WORDS:
            day = _to_date(match.groupdict())
            if day and plausible(day, cfg):
                return day
    return None


def month_day(text: str) -> tuple[int, int] | None:
    """Return (month, day) of a yearless date like 'Oct. 5' or 'Sept 21', or None."""
    match = _MONTH_DAY.search(text)
    if not match:
        return None
    day = int(match.group("day"))
    return (MONTHS[match.group("month").lower()], day) if 1 <= day <= 31 else None


def plausible(day: dt.date, cfg: Config) -> bool:
    """A publication day lies between the configured floor and today (never in the future)."""
    return cfg.date_floor <= day <= cfg.today


def _strip_dates(line: str) -> str:
    for mark, form in _MARKED_FORMS:
        if mark in line:
            line = form.sub(" ", line)
    return line


def _to_date(parts: dict[str, str | None]) -> dt.date | None:
    month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get((parts.get("month") or "").lower())
    day = int(parts["day"] or 0)
    if parts.get("mnum") and (month or 0) > 12 >= day:
        month, day = day, month  # "12/30/2019": only month-first reads as a date
    year = int(parts["year"] or 0)
    if year < 100:
        year += 2000 if year <= 69 else 1900
    try:
        return dt.date(year, month or 0, day)
    except ValueError:
        return None
