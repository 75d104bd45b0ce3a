"""Datelines and wire agencies: 'WASHINGTON (AP) —' opening a story, credit, copyright and byline lines."""

from __future__ import annotations

import re

from flows import wordtrie

# Names and spellings of wire agencies, mapped to the codes researchers filter on. Matched without regard
# to case, except the short acronyms in _ACRONYMS, which must be written in capitals (or the agency's own
# lower-case house style, "dpa", "afp") so that "ap", "pa" or "ani" inside prose never count.
AGENCY_NAMES: dict[str, str] = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP", "agence france-press": "AFP",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "dpa": "DPA", "deutsche presse-agentur": "DPA", "efe": "EFE", "agencia efe": "EFE", "ansa": "ANSA",
    "xinhua": "Xinhua", "pa": "PA", "press association": "PA", "pa media": "PA", "upi": "UPI",
    "united press international": "UPI", "bloomberg": "Bloomberg", "kyodo": "Kyodo", "kyodo news": "Kyodo",
    "tass": "TASS", "itar-tass": "TASS", "aap": "AAP", "australian associated press": "AAP", "pti": "PTI",
    "press trust of india": "PTI", "ani": "ANI", "ians": "IANS", "cp": "CP", "the canadian press": "CP",
    "canadian press": "CP", "anadolu": "Anadolu", "anadolu agency": "Anadolu", "yonhap": "Yonhap",
    "apa": "APA", "kna": "KNA", "epd": "epd", "sda": "SDA", "keystone-sda": "SDA", "ats": "SDA",
    "belga": "Belga", "anp": "ANP", "lusa": "Lusa", "europa press": "Europa Press", "ips": "IPS",
    "bbc": "BBC", "ria novosti": "RIA Novosti", "interfax": "Interfax", "jiji": "Jiji", "jiji press": "Jiji",
}
_ACRONYMS = {"ap", "pa", "ani", "cp", "ips", "ats", "apa", "anp", "sda", "kna", "upi", "aap", "pti", "efe"}
_LOWER_OK = {"dpa", "afp", "epd", "kna", "apa", "sda", "ats", "efe", "ansa"}
_AGENCY_IN_TEXT = re.compile(rf"(?<![\w-]){wordtrie.alternation(AGENCY_NAMES)}(?![\w-])", re.I)
# A name starts where a run of word characters and hyphens starts, so ASCII text without any name's first
# word among its runs names no agency: a set test that spares most lines the pattern's scan.
_FIRST_WORDS = frozenset(name.split()[0] for name in AGENCY_NAMES)
_RUN = re.compile(r"[\w-]+")

# Place: up to four capitalised words ("NEW YORK", "Frankfurt/Main", "ST. LOUIS"), then an optional region.
# Possessive quantifiers (*+): a word is never given back letter by letter, which keeps failed matches fast.
_PLACE = r"(?P<place>[A-ZÀ-Þ][\w.'’/-]*+(?:\s[A-ZÀ-Þ][\w.'’/-]*+){0,3})"
_REGION = r"(?:,\s(?P<region>[A-ZÀ-Þ][\w.'’-]*+(?:\s[A-ZÀ-Þ][\w.'’-]*+){0,2}))?"
_DAY = (r"(?P<{}>(?:[A-Z][a-z]{{2,8}}\.?\s\d{{1,2}}(?:,\s\d{{4}})?)"
        r"|(?:\d{{1,2}}\.?\s[A-Z][a-z]{{2,8}}\.?(?:\s\d{{4}})?))")
_AGENCIES = r"\((?P<{}>[^()]{{2,40}})\)"
_SEP = r"\s?(?P<sep>—|–|--?|//|:|\.-|\.—)(?:\s|$)"
_DATELINE = re.compile(
    rf"^(?:{_PLACE}{_REGION}(?:,?\s{_DAY.format('date')})?\s?(?:{_AGENCIES.format('agency')})?"
    rf"(?:\s{_DAY.format('date2')})?|{_AGENCIES.format('agency2')}){_SEP}")
# A dateline alone on its line ("Washington (AFP) Sept 21, 2017"), the story following below it.
_STANDALONE = re.compile(
    rf"^{_PLACE}{_REGION}(?:,?\s{_DAY.format('date')})?\s?{_AGENCIES.format('agency')}"
    rf"(?:\s{_DAY.format('date2')})?\s*$")
# News labels that open a story like a place does ("UPDATE -", "Analysis:") but name none.
_NOT_PLACES = {
    "update", "updated", "breaking", "breaking news", "exclusive", "analysis", "opinion", "editorial",
    "comment", "video", "watch", "live", "photos", "review", "interview", "correction", "note", "editor's note",
    "eilmeldung", "kommentar", "exklusiv", "meinung", "analyse", "última hora", "urgent", "fact check", "q&a",
}


def parse_dateline(body: str) -> tuple[str | None, str | None, list[str], str]:
    """Return (raw dateline, place, agency codes, body without the dateline) for a story's start."""
    head = body[:240]
    match = _STANDALONE.match(head.split("\n", 1)[0]) or _DATELINE.match(head)
    parts = _parts(match) if match else None
    if not parts or not _plausible(parts) or _apposition(match, parts, head):
        return None, None, [], body
    raw = match.group(0).strip()
    return raw, normalise_place(parts["place"]), agencies_named(parts["agency"] or ""), body[match.end():].lstrip()


def _apposition(match: re.Match[str], parts: dict[str, str | None], text: str) -> bool:
    # "Ann Lee Ford — a former harbour master — is ...": a name and a dash before lower-case text is
    # an apposition; a dateline's place without agency or date opens a sentence ("Washington - The ...").
    if parts["agency"] or parts["date"] or not parts["place"] or parts["place"].isupper():
        return False
    rest = text[match.end():].lstrip()
    return rest[:1].islower()


def dateline_date(raw: str | None) -> str | None:
    """The date written inside a dateline ('Sept 21, 2017', 'Oct 5'), or None."""
    match = (_STANDALONE.match(raw) or _DATELINE.match(raw + " ")) if raw else None
    return _parts(match)["date"] if match else None


def is_standalone(line: str) -> bool:
    """True for a line that is only a dateline naming an agency ('Beirut (AFP) Sept 21, 2017')."""
    match = _STANDALONE.match(line) if "(" in line else None
    return bool(match and _plausible(_parts(match)))


def opens_with_dateline(text: str) -> bool:
    """True when text starts with a dateline that names an agency or a date (a story's first line)."""
    match = _DATELINE.match(text[:240]) or _STANDALONE.match(text.split("\n", 1)[0][:240])
    parts = _parts(match) if match else None
    return bool(parts and (parts["agency"] or parts["date"]) and _plausible(parts))


def normalise_place(place: str | None) -> str | None:
    """'WASHINGTON' -> 'Washington', 'NEW YORK' -> 'New York'; names already in mixed case are kept."""
    if not place:
        return None
    place = place.strip(" ,.")
    return place.title() if place.isupper() else place


def _parts(match: re.Match[str]) -> dict[str, str | None]:
    groups = match.groupdict()
    return {"place": groups.get("place"), "agency": groups.get("agency") or groups.get("agency2"),
            "date": groups.get("date") or groups.get("date2"), "sep": groups.get("sep")}


def _plausible(groups: dict[str, str | None]) -> bool:
    if groups.get("agency") and not agencies_named(groups["agency"]):
        return False  # parentheses that name no agency ("(Photo)", "(Video)") are not a dateline
    place = groups.get("place")
    if place is None:
        return bool(groups.get("agency"))
    if place.lower().strip(" .") in _NOT_PLACES or len(place) > 40:
        return False
    if groups.get("agency") or groups.get("date"):
        return True
    sep = groups.get("sep")
    # Without agency or date only a capitalised place and a dash or slashes make a dateline.
    return place.isupper() if sep == ":" else sep in ("—", "–", "-", "--", "//")


def agencies_named(text: str) -> list[str]:
    """Return the agency codes named in a short piece of text (a dateline's parentheses, a credit line)."""
    if text.isascii() and _FIRST_WORDS.isdisjoint(_RUN.findall(text.lower())):
        return []
    found = set()
    for match in _AGENCY_IN_TEXT.finditer(text):
        name = match.group(0)
        low = name.lower()
        if low in _ACRONYMS and not name.isupper():
            continue
        if len(low) <= 4 and not (name.isupper() or low in _LOWER_OK or name.istitle()):
            continue
        found.add(AGENCY_NAMES[low])
    return sorted(found)


def agencies_in_credit(line: str) -> list[str]:
    """Return the agency codes a credit, byline or publisher name names ('The Associated Press', 'dpa')."""
    return agencies_named(line)


# Credit lines: agency names with a few words of attribution around them, nothing else.
_CREDIT_WORDS = re.compile(
    r"\b(?:with|and|additional|reporting|reported|by|from|source|sources|quelle|quellen|mit|material|von|und"
    r"|agencies|agenturen|agencias|wires?|fuente|fuentes|con|información|de|avec|et|y|staff|news|text|foto"
    r"|photo|the|writers?|contributed|to|this|report|story|agency)\b", re.I)
_CREDIT_MAX_WORDS = 12


def credit_agencies(line: str) -> list[str]:
    """Agency codes of a credit line ('* Associated Press, Reuters, Agence France-Presse', 'dpa/lno')."""
    if len(line) > 160 or line.count(" ") >= _CREDIT_MAX_WORDS:
        return []
    found = agencies_named(line)
    if not found:
        return []
    rest = _CREDIT_WORDS.sub(" ", _AGENCY_IN_TEXT.sub(" ", line))
    return found if len(re.findall(r"[^\W\d_]{2,}", rest)) <= 2 else []


def copyright_agencies(line: str) -> list[str]:
    """Agency codes a copyright notice names as the rights holder ('Copyright 2017 The Associated Press')."""
    match = re.search(r"(?:©|\(c\)|copyright)", line, re.I)
    return agencies_named(line[match.start():match.start() + 80]) if match else []
