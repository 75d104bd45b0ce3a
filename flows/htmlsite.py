"""Who a page says published it: its declared site name, and wire agencies credited in JSON-LD or bylines."""

from __future__ import annotations

from flows import dateline
from flows.htmlmeta import PageMeta, squash


def site_name(page: PageMeta) -> tuple[str | None, str | None]:
    """Return (name, evidence) the page declares for its site: og:site_name, JSON-LD publisher, app name."""
    if name := page.first("og:site_name"):
        return name, "og_site_name"
    for obj in page.stories():
        if name := _name(obj.get("publisher")):
            return name, "json_ld_publisher"
    if name := page.first("application-name"):
        return name, "application_name"
    return None, None


def credited_agencies(page: PageMeta) -> tuple[list[str], str | None]:
    """Return wire agencies named as the story's author or publisher (JSON-LD), else in its bylines."""
    names: list[str] = []
    for obj in page.stories():
        for key in ("author", "creator", "sourceOrganization", "publisher"):
            value = obj.get(key)
            names.extend(_name(v) or "" for v in (value if isinstance(value, list) else [value]))
    found = _agencies(names)
    if found:
        return found, "json_ld"
    found = _agencies(page.bylines + [page.meta.get("author", "")])
    return (found, "byline") if found else ([], None)


def _agencies(names: list[str]) -> list[str]:
    codes: set[str] = set()
    for name in names:
        if name and len(name) <= 200:
            codes.update(dateline.agencies_in_credit(name))
    return sorted(codes)


def _name(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = value[0] if value else None
    return squash(value) or None if isinstance(value, str) else None
