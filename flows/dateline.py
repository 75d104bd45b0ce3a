"""Datelines and wire agencies: 'WASHINGTON (AP) —' opening a story, credit and copyright lines."""

from __future__ import annotations

import re

# Names and spellings of wire agencies, mapped to the codes researchers filter on.
AGENCY_NAMES: dict[str, str] = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "dpa": "DPA", "deutsche presse-agentur": "DPA", "efe": "EFE", "ansa": "ANSA",
    "xinhua": "Xinhua", "pa": "PA", "press association": "PA", "upi": "UPI",
    "united press international": "UPI", "bloomberg": "Bloomberg", "kyodo": "Kyodo",
    "tass": "TASS", "aap": "AAP", "australian associated press": "AAP", "pti": "PTI",
    "press trust of india": "PTI", "ani": "ANI", "ians": "IANS", "cp": "CP",
    "the canadian press": "CP", "canadian press": "CP", "anadolu": "Anadolu", "yonhap": "Yonhap",
}
_AGENCY_ALT = "|".join(sorted((re.escape(k) for k in AGENCY_NAMES), key=len, reverse=True))
_PLACE = r"(?P<place>[A-Z][A-Za-z.'\-]+(?:[ \-][A-Z][A-Za-z.'\-]+){0,3})"
_DATELINE = re.compile(
    rf"^{_PLACE}(?:,\s*[A-Z][A-Za-z.\s]{{1,30}}?)?"
    rf"(?:\s*\((?P<agency>{_AGENCY_ALT})\))?"
    rf"(?:,?\s+(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?))?"
    r"\s*(?P<sep>—|–|-{1,2}|//|:)\s+", re.I)


def parse_dateline(body: str) -> tuple[str | None, str | None, str | None, str]:
    """Return (raw dateline, place, agency code, body without the dateline) for a story's start."""
    match = _DATELINE.match(body[:200])
    if not match or not _looks_like_place(match.group("place")):
        return None, None, None, body
    agency = AGENCY_NAMES.get((match.group("agency") or "").lower())
    raw = match.group(0).strip()
    return raw, match.group("place").strip().title(), agency, body[match.end():].lstrip()


def _looks_like_place(place: str) -> bool:
    # Datelines are written in capitals or as a capitalised name of at most four words.
    words = place.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def agencies_in_credit(line: str) -> list[str]:
    """Return agency codes named in a credit or copyright line."""
    found = re.findall(rf"\b({_AGENCY_ALT})\b", line, re.I)
    return sorted({AGENCY_NAMES[f.lower()] for f in found})
