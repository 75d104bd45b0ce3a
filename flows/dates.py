"""Publication dates written in page text: whole date lines in the common news forms."""

from __future__ import annotations

import datetime as dt
import re

from flows.config import Config

_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in names}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+)?"
_FORMS = (
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?$"),
    re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})$", re.I),
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})$", re.I),
)


def parse_date_line(line: str, cfg: Config | None) -> dt.date | None:
    """Return the date a line consists of (ISO, '17 November 2015', 'Monday, October 23, 2017')."""
    line = line.strip()
    if len(line) > 40:
        return None
    for form in _FORMS:
        match = form.match(line)
        if match and (day := _to_date(match.groupdict())):
            return day if cfg is None or _plausible(day, cfg) else None
    return None


def _to_date(parts: dict[str, str | None]) -> dt.date | None:
    month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS.get((parts.get("month") or "").lower())
    try:
        return dt.date(int(parts["year"] or 0), month or 0, int(parts["day"] or 0))
    except ValueError:
        return None


def _plausible(day: dt.date, cfg: Config) -> bool:
    return cfg.date_floor <= day <= cfg.today
