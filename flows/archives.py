"""Archives of many pages: WARC (.warc, .warc.gz) and JSONL (.jsonl, .jsonl.gz), read as a stream of records."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flows.model import Quarantined

STAGE = "ingest"
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Record kinds that are not pages (requests, crawl metadata, deduplicated revisits): skipped unseen.
_PAGE_RECORDS = ("response", "resource")
_DAMAGE = (OSError, EOFError, zlib.error, ValueError, UnicodeDecodeError)


@dataclass(frozen=True)
class Record:
    """One page inside an archive: its key there, its bytes, and what the archive says about it."""

    key: str
    data: bytes
    kind: str
    url: str | None = None
    crawled_at: dt.datetime | None = None
    charset: str | None = None


def is_archive(name: str) -> bool:
    """Tell whether a file name is a WARC or JSONL archive wiredesk reads record by record."""
    return name.lower().endswith(WARC_SUFFIXES + JSONL_SUFFIXES)


def read_archive(path: Path, rel: str, max_bytes: int) -> Iterator[Record | Quarantined]:
    """Stream an archive's pages; damage ends the stream with one quarantine row naming where."""
    reader = _warc if rel.lower().endswith(WARC_SUFFIXES) else _jsonl
    yield from reader(path, rel, max_bytes)


def _damage(rel: str, where: str, err: BaseException) -> Quarantined:
    reason = "truncated_archive" if isinstance(err, EOFError) else "damaged_archive"
    return Quarantined(f"{rel}#{where}", STAGE, reason,
                       f"unreadable from {where}: {type(err).__name__}: {err}; "
                       "every record before it was kept"[:500])


def _warc(path: Path, rel: str, max_bytes: int) -> Iterator[Record | Quarantined]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    last_offset = 0
    with path.open("rb") as handle:
        records = ArchiveIterator(handle, check_digests=True)
        try:
            for rec in records:
                last_offset = records.offset  # where this record starts (before it is read)
                if rec.rec_type in _PAGE_RECORDS:
                    yield _warc_page(rec, rel, max_bytes)
        except (ArchiveLoadFailed, *_DAMAGE) as err:
            yield _damage(rel, f"offset:{records.offset}", err)
            return
    if rel.lower().endswith(".gz") and not _gzip_ends_cleanly(path, last_offset):
        yield Quarantined(f"{rel}#offset:{last_offset}", STAGE, "truncated_archive",
                          "the compressed archive ends inside a record; every record before it was kept")


def _warc_page(rec, rel: str, max_bytes: int) -> Record | Quarantined:
    """Turn one WARC response or resource record into a page Record, or say why it is not one."""
    key = f"{rel}#{(rec.rec_headers.get_header('WARC-Record-ID') or '').strip('<>')}"
    url = rec.rec_headers.get_header("WARC-Target-URI")
    headers = rec.http_headers if rec.http_headers is not None else rec.rec_headers
    ctype = (headers.get_header("Content-Type") or "").lower()
    status = rec.http_headers.get_statuscode() if rec.http_headers is not None else "200"
    if not (status or "").startswith("2"):
        return Quarantined(key, STAGE, "http_status", f"HTTP status {status} for {url}")
    if not ctype.startswith(HTML_TYPES):
        return Quarantined(key, STAGE, "not_html", f"content type {ctype or 'missing'} for {url}")
    data = rec.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Quarantined(key, STAGE, "too_large", f"over the {max_bytes}-byte limit")
    rec.raw_stream.read()  # the rest of the block feeds the digest check
    if getattr(rec.raw_stream, "limit", 0):
        return Quarantined(key, STAGE, "truncated_archive", "the archive ends inside this record")
    checker = getattr(rec, "digest_checker", None)
    if checker is not None and checker.passed is False:
        return Quarantined(key, STAGE, "digest_mismatch", "; ".join(checker.problems)[:300])
    charset = ctype.split("charset=", 1)[1].split(";")[0].strip(" \"'") if "charset=" in ctype else None
    return Record(key, data, "html", url, parse_timestamp(rec.rec_headers.get_header("WARC-Date")), charset)


def _gzip_ends_cleanly(path: Path, offset: int) -> bool:
    """Tell whether every gzip member from the last record's start to the file's end is complete."""
    with path.open("rb") as handle:
        handle.seek(offset)
        data = handle.read()
    while data:
        inflater = zlib.decompressobj(31)
        try:
            inflater.decompress(data)
        except zlib.error:
            return False
        if not inflater.eof:
            return False
        data = inflater.unused_data.lstrip(b"\0")
    return True


def _jsonl(path: Path, rel: str, max_bytes: int) -> Iterator[Record | Quarantined]:
    opener = gzip.open if rel.lower().endswith(".gz") else open
    number = 0
    try:
        with opener(path, "rb") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield _jsonl_record(line, f"{rel}#line:{number}", max_bytes)
    except _DAMAGE as err:
        yield _damage(rel, f"line:{number + 1}", err)


def _jsonl_record(line: bytes, key: str, max_bytes: int) -> Record | Quarantined:
    """Turn one JSONL line ({url, html or text, crawled_at?}) into a page Record, or say why not."""
    if len(line) > 2 * max_bytes:
        return Quarantined(key, STAGE, "too_large", f"a {len(line)}-byte record")
    try:
        obj = json.loads(line)
    except ValueError as err:
        return Quarantined(key, STAGE, "bad_record", f"not a JSON object: {err}"[:300])
    if not isinstance(obj, dict):
        return Quarantined(key, STAGE, "bad_record", "the line is JSON but not an object")
    html, text = obj.get("html"), obj.get("text")
    body, kind = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(body, str) or not body.strip():
        return Quarantined(key, STAGE, "empty_file", "the record has no html or text")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    crawled = obj.get("crawled_at") if isinstance(obj.get("crawled_at"), str) else None
    return Record(key, body.encode("utf-8", "surrogatepass"), kind, url or None, parse_timestamp(crawled))


def parse_timestamp(value: str | None) -> dt.datetime | None:
    """Parse an ISO 8601 timestamp to an aware UTC datetime; None when absent or unreadable."""
    if not value or not value.strip():
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    return stamp.astimezone(dt.timezone.utc)
