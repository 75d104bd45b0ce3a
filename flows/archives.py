"""Archives of many pages: WARC (.warc, .warc.gz) and JSONL (.jsonl, .jsonl.gz), read as a stream of records."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from flows.config import Config
from flows.limits import InflationGuard, OverCap
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


def read_archive(handle: BinaryIO, rel: str, cfg: Config) -> Iterator[Record | Quarantined]:
    """Stream an archive's pages from an open file; damage, or inflating past the caps of `cfg`, ends the
    stream with one quarantine row naming where. An archive without a single page is quarantined whole."""
    reader = _warc if rel.lower().endswith(WARC_SUFFIXES) else _jsonl
    empty = True
    for item in reader(InflationGuard(handle, cfg), rel, cfg.max_doc_bytes):
        empty = False
        yield item
    if empty:
        yield Quarantined(rel, STAGE, "empty_file", "the archive holds no page records")


def _damage(rel: str, where: str, err: BaseException) -> Quarantined:
    if isinstance(err, OverCap):
        reason, text = err.reason, err.detail
    else:
        reason = "truncated_archive" if isinstance(err, EOFError) else "damaged_archive"
        text = f"unreadable from {where}: {type(err).__name__}: {err}"
    return Quarantined(f"{rel}#{where}", STAGE, reason, f"{text}; every record before it was kept"[:500])


def _warc(guard: InflationGuard, rel: str, max_bytes: int) -> Iterator[Record | Quarantined]:
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(guard, check_digests=True)
    guard.inflated = lambda: getattr(records.reader, "num_read", 0)
    last_offset, cut = 0, False
    try:
        for rec in records:
            last_offset, cut = records.offset, False  # where this record starts (before it is read)
            if rec.rec_type in _PAGE_RECORDS:
                page = _warc_page(rec, rel, max_bytes)
                cut = isinstance(page, Quarantined) and page.reason == "truncated_archive"
                yield page
    except Exception as err:  # noqa: BLE001 - any failure of the parser on hostile bytes is damage
        yield _damage(rel, f"offset:{records.offset}", err)
        return
    # A last record already found cut short is not reported twice.
    if rel.lower().endswith(".gz") and not cut and not _gzip_ends_cleanly(guard.handle, last_offset):
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


def _gzip_ends_cleanly(handle: BinaryIO, offset: int) -> bool:
    """Tell whether every gzip member from the last record's start to the file's end is complete; the
    members are inflated in bounded steps and their output dropped."""
    handle.seek(offset)
    inflater, inside = zlib.decompressobj(31), False
    while block := handle.read(1 << 16):
        while block:
            if not inside:
                block = block.lstrip(b"\0")  # zero padding between members
                if not block:
                    break
                inflater, inside = zlib.decompressobj(31), True
            try:
                inflater.decompress(block, 1 << 20)
            except zlib.error:
                return False
            block, inside = (inflater.unused_data, False) if inflater.eof else (inflater.unconsumed_tail, True)
    return not inside


def _jsonl(guard: InflationGuard, rel: str, max_bytes: int) -> Iterator[Record | Quarantined]:
    gz = rel.lower().endswith(".gz")
    lines = _Lines(gzip.GzipFile(fileobj=guard, mode="rb") if gz else guard, 2 * max_bytes + 1)
    if gz:
        guard.inflated = lambda: lines.count
    number = 0
    try:
        while line := lines.next():
            number += 1
            key = f"{rel}#line:{number}"
            if lines.overlong(line):
                lines.skip_rest(guard)
                yield Quarantined(key, STAGE, "too_large", f"a record over {lines.limit - 1} bytes")
            elif line.strip():
                guard.check()
                yield _jsonl_record(line, key, max_bytes)
    except (OverCap, *_DAMAGE) as err:
        yield _damage(rel, f"line:{number + 1}", err)


class _Lines:
    """Lines of at most `limit` bytes from a binary stream, counting every byte read."""

    def __init__(self, stream, limit: int) -> None:
        self.stream, self.limit, self.count = stream, limit, 0

    def next(self) -> bytes:
        """The next line, or its first `limit` bytes; b'' at the end."""
        line = self.stream.readline(self.limit)
        self.count += len(line)
        return line

    def overlong(self, line: bytes) -> bool:
        """Tell whether a line was cut at the limit."""
        return len(line) == self.limit and not line.endswith(b"\n")

    def skip_rest(self, guard: InflationGuard) -> None:
        """Read past the rest of a cut line in bounded pieces, checking the caps as it goes."""
        while piece := self.next():
            guard.check()
            if piece.endswith(b"\n"):
                return


def _jsonl_record(line: bytes, key: str, max_bytes: int) -> Record | Quarantined:
    """Turn one JSONL line ({url, html or text, crawled_at?}) into a page Record, or say why not."""
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as err:
        return Quarantined(key, STAGE, "bad_record", f"not a JSON object: {err}"[:300])
    if not isinstance(obj, dict):
        return Quarantined(key, STAGE, "bad_record", "the line is JSON but not an object")
    html, text = obj.get("html"), obj.get("text")
    body, kind = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(body, str) or not body.strip():
        return Quarantined(key, STAGE, "empty_file", "the record has no html or text")
    url, crawled = _string(obj.get("url")), _string(obj.get("crawled_at"))
    return Record(key, body.encode("utf-8", "surrogatepass"), kind, url or None, parse_timestamp(crawled))


def _string(value: object) -> str | None:
    """A JSON string field, or None when it is another type or holds a lone surrogate (no valid text)."""
    if not isinstance(value, str):
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return value


def parse_timestamp(value: str | None) -> dt.datetime | None:
    """Parse an ISO 8601 timestamp to an aware UTC datetime; None when absent or unreadable."""
    if not value or not value.strip():
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=dt.timezone.utc)
        return stamp.astimezone(dt.timezone.utc)
    except (ValueError, OverflowError):  # unreadable, or a year-9999 stamp that UTC pushes past 9999
        return None
