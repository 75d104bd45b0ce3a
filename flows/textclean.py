"""Plain-text dumps: find the story among the page chrome a naive scraper saved with it."""

from __future__ import annotations

import re

from flows import dates
from flows.config import Config
from flows.model import Extracted

METHOD = "wiredesk-textclean-1"
_WORD = re.compile(r"\w+")
# A story paragraph is prose: enough words, ending like a sentence (seeds and textdump dev set).
_MIN_PROSE_WORDS = 8


def clean(text: str, cfg: Config) -> Extracted:
    """Return the story body, headline and date evidence found in a plain-text page."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    title = next((line for line in lines if _is_headline(line)), None)
    body = [line for line in lines if _is_prose(line) and line != title]
    found = [(d, "date_line", line) for line in lines if (d := dates.parse_date_line(line, cfg))]
    return Extracted(text="\n\n".join(body), method=METHOD, title_raw=title, dates=found)


def _is_prose(line: str) -> bool:
    words = _WORD.findall(line)
    return len(words) >= _MIN_PROSE_WORDS and line.rstrip()[-1:] in '.!?"”’\''


def _is_headline(line: str) -> bool:
    words = _WORD.findall(line)
    return 3 <= len(words) <= 30 and not _is_prose(line) and dates.parse_date_line(line, None) is None
