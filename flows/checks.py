"""Record-level checks: null a field that cannot be right, quarantine a record that is not a clean story.

Every tagged document passes `check` before it is staged, so a rejected record never joins a story; the
table-level Great Expectations gate (flows/validate.py) then asserts the same rules on the whole release.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from flows.config import Config
from flows.model import Doc, Quarantined

STAGE = "validate"
# Marks a tail cut out of a longer body, so a line-start anchor cannot match at the cut.
CUT_MARK = "…"
# ASCII whitespace, as Arrow's regular expressions see it, so both levels compare titles alike.
SPACES = r"[\t\n\v\f\r ]+"
_SPACES = re.compile(SPACES)


def end_of_today(cfg: Config) -> dt.datetime:
    """The first instant after `cfg.today` in UTC: a crawl time at or after it is in the future."""
    return dt.datetime.combine(cfg.today + dt.timedelta(days=1), dt.time(), dt.timezone.utc)


def body_tail(text: str, chars: int) -> str:
    """The body's last `chars` characters after trailing blanks; a cut tail starts with '…'."""
    trimmed = text.rstrip()
    return trimmed if len(trimmed) <= chars else CUT_MARK + trimmed[-(chars - 1):]


def same_name(title: str | None, outlet: str | None) -> bool:
    """True when the title is only the outlet's name, case and spacing aside."""
    return title is not None and outlet is not None and _normal(title) == _normal(outlet)


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower()


@lru_cache(maxsize=4)
def furniture(pattern: str) -> re.Pattern[str]:
    """The compiled page-furniture pattern (config `chrome_tail_pattern`), compiled once per run."""
    return re.compile(pattern)


def check(doc: Doc, cfg: Config, counts: Counter) -> Doc | Quarantined:
    """Return the document with impossible fields nulled (counted in `counts`), or its quarantine row."""
    rejected = rejection(doc, cfg)
    if rejected is not None:
        return rejected
    for key in null_bad_fields(doc, cfg):
        counts[f"nulled/{key}"] += 1
    return doc


def rejection(doc: Doc, cfg: Config) -> Quarantined | None:
    """The quarantine row of a body that is too short, too long or ends in page furniture; else None."""
    chars = len(doc.text)
    reason = detail = None
    floor = cfg.body_floor(doc.input_format)
    if chars < floor:
        reason, detail = "body_too_short", f"{chars} characters of body, fewer than {floor}"
    elif chars > cfg.max_body_chars:
        reason, detail = "body_too_long", f"{chars} characters of body, more than {cfg.max_body_chars}"
    else:
        tail = body_tail(doc.text, cfg.tail_chars)
        if furniture(cfg.chrome_tail_pattern).search(tail):
            last = tail.rsplit("\n", 1)[-1].strip()
            reason, detail = "chrome_in_body", f"body ends in page furniture: {last[:100]!r}"
    return None if reason is None else Quarantined(doc.source_path, STAGE, reason, detail, doc.doc_id)


def null_bad_fields(doc: Doc, cfg: Config) -> list[str]:
    """Null a date outside [date_floor, today], a future crawl time and a title that is no headline."""
    nulled = []
    if doc.published_date is not None and not cfg.date_floor <= doc.published_date <= cfg.today:
        doc.published_date = doc.date_source = None
        nulled.append("published_date/out_of_range")
    crawled = doc.crawled_at
    if crawled is not None and (crawled if crawled.tzinfo else crawled.replace(tzinfo=dt.timezone.utc)) \
            >= end_of_today(cfg):
        doc.crawled_at = None
        nulled.append("crawled_at/in_future")
    if same_name(doc.title, doc.outlet):
        doc.title = doc.title_source = None
        nulled.append("title/equals_outlet")
    elif doc.title is not None and not cfg.min_title_chars <= len(doc.title) <= cfg.max_title_chars:
        doc.title = doc.title_source = None
        nulled.append("title/length_out_of_bounds")
    return nulled


def nulled_counts(results: Iterable) -> Counter:
    """Fields the checks nulled across chunk results (anything with `counts`), per `field/reason`."""
    total: Counter = Counter()
    for result in results:
        total.update({k.removeprefix("nulled/"): n for k, n in result.counts.items() if k.startswith("nulled/")})
    return total
