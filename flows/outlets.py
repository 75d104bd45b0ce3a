"""Outlets: who published a page, from its URL's registered domain and the editable outlets table."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

TABLE = Path(__file__).parent / "data" / "outlets.csv"
# Second-level labels under which country registries sell names (example.co.uk, example.com.au).
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go", "gv", "gob", "nic"}


@dataclass(frozen=True)
class Outlet:
    """An outlet's display name, registered domain, and whether it is a wire agency."""

    name: str | None
    domain: str
    is_wire: bool


def registered_domain(url: str | None) -> str | None:
    """Return the registrable domain of a URL (news.bbc.co.uk -> bbc.co.uk), or None."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, bool]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return {row["domain"].lower(): (row["name"], row["is_wire"].lower() == "true")
                for row in csv.DictReader(handle)}


def lookup(url: str | None) -> Outlet | None:
    """Return the outlet behind a URL: the table's name when listed, else only its domain."""
    domain = registered_domain(url)
    if domain is None:
        return None
    name, is_wire = _table().get(domain, (None, False))
    return Outlet(name, domain, is_wire)
