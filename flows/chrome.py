"""Chrome lines: the site furniture a naive scraper saves around a story, told apart line by line.

Every rule here and in flows/chromewords.py is general page vocabulary (what navigation, widgets, captions,
comment forms and footers say on news sites in the languages of the dev sets), never a string of one site. A
line is judged on its own; where a story starts and ends is decided from these judgements by flows/story.py.
"""

from __future__ import annotations

import re

from flows import chromewords

# Kinds a line can have; the story finder weighs them.
NAV, WIDGET, CAPTION, URL, CREDIT, COPYRIGHT, BYLINE, END, COMMENT = (
    "nav", "widget", "caption", "url", "credit", "copyright", "byline", "end", "comment")

_WORD = re.compile(r"\w+")
_WIDE = re.compile(r"[\u3040-\u9fff\uac00-\ud7af]")
# ASCII word characters (\w) as "a", every other byte a space: a word is then a " a" or the opening "a".
_ASCII_WORDS = bytes(97 if chr(c).isalnum() or c == ord("_") else 32 for c in range(128)) + b" " * 128
# Longest navigation phrase, longest comment/related marker, longest widget sentence, in words.
_NAV_WORDS, _MARKER_WORDS, _PHRASE_WORDS = 8, 12, 25
# Characters of a longer line normalised for the widget phrases that open a line (the longest is ~50).
_PHRASE_PREFIX = 120
# Characters that decorate menu items and buttons: bullets, arrows, separators, icons.
_DECOR_CHARS = "|·•»«›‹>→←↓↑▶►◄▼▲✓✔✕×*#+-–—_:;,.!?()[]{}\"'“”„‘’/\\…"
_DECOR_TABLE = str.maketrans(dict.fromkeys(_DECOR_CHARS, " "))
# A link line: a bare URL, as scrapers save link shorteners and "source" links.
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)

# "In this Friday, Sept. 15, 2017 file photo, ..." and similar photo captions and credits.
# Captions start with a photo label ("Foto: …", "In this … file photo, …"), end with a credit
# ("… Foto: Jane Doe", "… / AFP") or name a picture agency.
_CAPTION_START = re.compile(
    r"in this (?:\w+[ ,.]+){0,6}(?:file )?(?:photo|image|picture|handout)\b|(?:photograph|photo|picture)s? by\b"
    r"|(?:file |archive )?(?:photo|fotos?|bild|image|imagen|picture|illustration|grafik|quelle|source|credit"
    r"|(?:image |photo |picture )?caption|bildunterschrift"
    r"|kuva|abbildung|titelbild|crédito|crédit|légende|fotografía|beeld)\s?\d*\s?(?:credit)?\s?:(?:\s?\S|$)",
    re.I)
_CAPTION_END = re.compile(
    r"(?:\(|\b)(?:photo|foto|bild|image|imagen|picture|kuva|crédito|credit|bildquelle|fotoquelle|bildnachweis)s?"
    r"\s?:\s?[^.!?]{2,60}\)?\s*$"
    r"|[/|]\s?(?:afp|ap|reuters|dpa|efe|epa|ansa|getty|picture alliance|imago|keystone)\s*$", re.I)
_CAPTION_OPENERS = ("in this", "photogr", "photo b", "photos ", "picture")
_PICTURE_AGENCIES = re.compile(r"getty images|ap photo|afp photo|reuters/|/afp|/reuters|/ap |/dpa|dpa-bildfunk"
                               r"|imago images|shutterstock")
# Substrings every picture-agency name above contains (a caption's closing credit needs ":", "/" or "|"):
# plain substring tests rule most lines out far faster than the patterns' scans.
_PICTURE_KEYS = ("/", "getty", "photo", "imago", "shutterstock", "dpa-")
# Copyright and all-rights notices, in the dev sets' languages (looked for only when a marker is present).
_NOTICE_PHRASES = ("©", "copyright", "rights reserved", "rechte vorbehalten", "derechos reservados",
                   "droits réservés", "not reproduce", "may not be published", "may not be republished")
_NOTICE_MARK = re.compile(r"\d{4}|rights|rechte|derechos|droits|copyright|reserved", re.I)
# A byline: "By Jane Doe", "Von Max Muster", "by Staff Writers", a lone "By" over the name; a credit label
# ("Interview: Lena Vogt", "Text: Max Muster") or a desk credit ("Redaktion Hafenblatt.de", "Redacción Sur").
_BYLINE = re.compile(r"^((?:by|von|por|par|di|door|av|af|redaktion|redacción|redação|rédaction|redazione)\s+"
                     r"|(?:interview|text|texte|texto|autor|autorin|author|words|redaktion)\s?:\s?)"
                     r"(?:\w[\w.'’-]*+\s?){1,6}(?:[|·•,–—-]\s?[^|·•]{0,40}\d[^|·•]{0,40})?$"
                     r"|^(?:by|von|por|par|door|av|af|autor|autorin|author)$"
                     r"|^(?:staff|our|special) (?:reporter|writer|correspondent)s?$"
                     r"|^(?:from |compiled from )?(?:staff and )?wire (?:reports|services)$", re.I)
# Menu separators: a line of three or more short items joined by these is a menu.
_MENU_CHARS = re.compile(r"[|·•/»>\t]")
_SPACED_MARK = re.compile(r"\s(?:\s|[–—-]\s)")
_STRONG_MENU_MARK = re.compile(r"[|·•/»>\t]|\s{2,}")
_MENU_SPLIT = re.compile(r"\s+[|·•/»>–—-]\s+|\t+|\s{2,}|\s?·\s?")
# The same separators where single spaces are the only whitespace (printable text, no double space, as every
# line of a cleaned dump): each branch opens with a literal, which lets the pattern skip to the next space.
_MENU_SPLIT_SPACED = re.compile(r" [|·•/»>–—-] |· ?| · ?")


def words(line: str) -> int:
    """Word count that also weighs unspaced scripts (CJK): two characters count as one word."""
    if line.isascii():  # the same count as the \w+ tokens, by a byte table and two scans: no token objects
        marks = line.encode("ascii").translate(_ASCII_WORDS)
        return marks.count(b" a") + (marks[:1] == b"a")
    return len(_WORD.findall(line)) + len(_WIDE.findall(line)) // 2


def normalise(line: str) -> str:
    """Lower-cased line with decoration removed, for whole-line vocabulary matching."""
    return _undecorated(line.lower())


def _undecorated(low: str) -> str:
    # Decoration and runs of whitespace become single spaces (a table and a split: faster than a pattern).
    return " ".join(low.translate(_DECOR_TABLE).split())


def kind(line: str, n_words: int) -> str | None:
    """Return the chrome kind of one stripped line, or None when it may be story text."""
    if n_words > 40:
        # A paragraph: only its start can open a disclosure or a notice (ASCII lowers letter for letter).
        low = line[:160].lower() if line.isascii() else line.lower()[:160]
        if chromewords.WIDGET_ANYWHERE.match(low[:120]):
            return WIDGET  # an affiliate disclosure opening a long paragraph
        return COPYRIGHT if _notice(low) and _is_notice(line) else None
    low = line.lower()
    notice = _notice(low)
    # Vocabulary phrases are short: a long line is only matched against the phrases that can be that long,
    # and past the whole-line markers only phrases opening a line remain, so only its start is normalised.
    if n_words <= _MARKER_WORDS:
        norm = _undecorated(low)
    else:
        norm = low if n_words > _PHRASE_WORDS else _undecorated(low[:_PHRASE_PREFIX]) or low
    if not norm or (n_words <= _NAV_WORDS and chromewords.NAV_LINE.match(norm)):
        return NAV
    if n_words <= _MARKER_WORDS and chromewords.COMMENT_LINE.match(norm):
        return COMMENT
    if n_words <= _MARKER_WORDS and chromewords.END_LINE.match(norm):
        return END
    if ("http" in low or "www." in low) and _URL_LINE.match(line):
        return URL
    if (n_words <= _PHRASE_WORDS and (chromewords.WIDGET_LINE.match(norm) or low.startswith("mehr:"))) or (
            _holds_any(low, chromewords.WIDGET_KEYS) and chromewords.WIDGET_ANYWHERE.search(low)):
        return WIDGET
    if notice and _is_notice(line):
        # "© Jane Doe" under a picture credits the photographer; a notice has a year or reserves rights.
        return COPYRIGHT if _NOTICE_MARK.search(line) or n_words > 6 else CAPTION
    if _is_caption(line, low):
        return CAPTION
    if n_words <= 8 and _BYLINE.match(line.strip(" .")):
        return BYLINE
    if n_words >= 3 and _menu_mark(line) and _is_menu(line):
        return NAV
    if n_words <= 2 and line.endswith(":"):
        return NAV  # a label ("Tags:", "Quellenangaben:") heading a list, not a sentence
    return None


def is_byline(line: str) -> bool:
    """True for a short author line ('By Jane Doe', 'von Max Muster', 'Interview: Lena Vogt')."""
    text = line.strip(" .")
    match = _BYLINE.match(text)
    if match is None or match.group(1) is None:
        return match is not None  # "Staff reporter"
    return text[match.end(1):match.end(1) + 1].isupper()  # a name, not "by the river"


def _notice(low: str) -> bool:
    return _holds_any(low, _NOTICE_PHRASES)


def _holds_any(text: str, keys: tuple[str, ...]) -> bool:
    # A plain loop: cheaper than any() over a generator for the few keys tested on every line.
    for key in keys:
        if key in text:
            return True
    return False


def _menu_mark(line: str) -> bool:
    # Menu separators: a bullet, bar, slash or arrow, a tab, a run of spaces or a dash between spaces.
    if _MENU_CHARS.search(line):
        return True
    if line.isascii() and "-" not in line and "  " not in line and line.isprintable():
        return False  # printable ASCII has only spaces for whitespace: no dash, no double space, no match
    return _SPACED_MARK.search(line) is not None


def _is_caption(line: str, low: str) -> bool:
    start = line.lstrip(" .,;:-–—|")
    # Every opening form is "in this ... photo", "photo(s)/picture(s) by" or a label before a colon.
    if (":" in start or start[:7].lower() in _CAPTION_OPENERS) and _CAPTION_START.match(start):
        return True
    tail = line[-90:]
    if (":" in tail or "/" in tail or "|" in tail) and _CAPTION_END.search(tail):
        return True
    return _holds_any(low, _PICTURE_KEYS) and _PICTURE_AGENCIES.search(low) is not None


def _is_notice(line: str) -> bool:
    # A copyright sign inside a sentence of the story ("the © symbol") is rare; a notice is short or
    # starts with the sign or the word.
    head = line.lstrip("* ").lower()
    return len(line) < 200 or head.startswith(("©", "copyright", "(c)"))


def _is_menu(line: str) -> bool:
    # Three or more short items joined by menu separators: all of at most three words, or, in a long
    # menu, three words on average ("Elecciones · Reforma agraria · Día del maestro · ..."); or two
    # navigation buttons.
    single = "  " not in line and line.isprintable()
    parts = [item for item in (_MENU_SPLIT_SPACED if single else _MENU_SPLIT).split(line) if item.strip()]
    if len(parts) == 2:  # "Subscribe | Log in": two buttons
        return all(part.count(" ") <= 3 and chromewords.NAV_LINE.match(normalise(part)) for part in parts)
    items = [len(_WORD.findall(item)) for item in parts]
    if len(items) < 3 or (len(items) == 3 and not _STRONG_MENU_MARK.search(line)):
        return False  # "Projekt 42 – KWS – die Dritte": two dashes make a headline, not a menu
    return max(items) <= 3 or (len(items) >= 5 and sum(items) <= 3 * len(items))
