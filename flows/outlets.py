"""Outlets: who published a page, from its URL's registered domain, its own name and the outlets table."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

TABLE = Path(__file__).parent / "data" / "outlets.csv"
# Web-archive replay URLs wrap the original: /web/20160218174457/http://example.org/...
_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/\d{4,14}[a-z_]*/(?P<url>.+)$", re.I)


@dataclass(frozen=True)
class Outlet:
    """An outlet's display name, registered domain, whether it is a wire agency, and the evidence."""

    name: str | None
    domain: str | None
    is_wire: bool
    source: str | None = None


def unwrap_archive_url(url: str | None) -> str | None:
    """Return the original URL behind a web-archive replay URL, else the URL itself."""
    if not url:
        return url
    match = _ARCHIVED.match(url.strip())
    if not match:
        return url.strip()
    inner = match.group("url")
    return inner if "://" in inner else f"http://{inner}"


def is_home_page(url: str | None) -> bool:
    """Tell whether a URL is the root page of its site."""
    url = unwrap_archive_url(url)
    if not url or "//" not in url:
        return False
    try:
        return urlsplit(url).path in ("", "/")
    except ValueError:
        return False


def hostname(url: str | None) -> str | None:
    """Return the lower-case host of a URL (archive replays unwrapped), or None."""
    url = unwrap_archive_url(url)
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return None
    host = host.lower().rstrip(".")
    return host or None


@lru_cache(maxsize=1)
def _suffixes():
    # The package ships a snapshot of the Public Suffix List and reads only that file: nothing is fetched.
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


@lru_cache(maxsize=65536)
def _registered(host: str) -> str | None:
    labels = host.split(".")
    if len(labels) < 2 or all(label.isdigit() for label in labels) or ":" in host:
        return None
    return _suffixes().privatesuffix(host)


def registered_domain(url: str | None) -> str | None:
    """Return the registrable domain of a URL (news.bbc.co.uk -> bbc.co.uk), or None."""
    host = hostname(url)
    return _registered(host) if host else None


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, bool]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return {row["domain"].strip().lower(): (row["name"].strip(), row["is_wire"].strip().lower() == "true")
                for row in csv.DictReader(handle)}


def lookup(url: str | None) -> Outlet | None:
    """Return the outlet behind a URL: the table's name when listed, else only its domain."""
    domain = registered_domain(url)
    if domain is None:
        return None
    name, is_wire = _table().get(domain, (None, False))
    return Outlet(name, domain, is_wire, "outlets_table" if name else None)


def resolve(url: str | None, site_name: str | None, site_source: str = "og_site_name") -> Outlet | None:
    """Return who published a page: the outlets table, then the page's own name for itself, then its domain."""
    site = lookup(url)
    if site and site.name:
        return site
    domain = site.domain if site else None
    name = _plausible_name(site_name)
    if name:
        return Outlet(name, domain, False, site_source)
    if domain:
        return Outlet(domain, domain, False, "domain")
    return None


def _plausible_name(name: str | None) -> str | None:
    # A site name is short; a sentence there is a mis-filled tag, and a bare '@handle' is no name.
    name = " ".join((name or "").split()).lstrip("@")
    return name if 2 <= len(name) <= 80 and len(name.split()) <= 8 else None
