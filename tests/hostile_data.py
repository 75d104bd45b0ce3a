"""Hostile inputs written on the spot: each kind writes its files into a folder and says what must come of
every one of them, a document or a quarantine row `stage/reason`.

Expectations map a glob of `source_path` (archive records are `archive#key`) to the sorted outcomes of the
rows it matches. Every story is generated from its own seed, so no two files share their bytes."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import zlib
from pathlib import Path

DOC = "document"
_VOCAB = ("officials ministers talks border trade agency report council budget storm coast rescue power "
          "river bridge harbour election court judge police market prices wheat grain shipping ports strike "
          "union workers teachers hospital doctors patients vaccine weather flood drought farmers village "
          "mayor governor senate committee inquiry evidence witness ruling appeal museum festival stadium "
          "railway station tunnel highway traffic accident fire crews forest smoke volcano earthquake").split()


def story(seed: int, paragraphs: int = 3) -> list[str]:
    """Paragraphs of a made-up story: two sentences of twenty words each, different for every seed."""
    rng = random.Random(seed)
    sentence = lambda: " ".join(rng.choice(_VOCAB) for _ in range(20)).capitalize() + "."  # noqa: E731
    return [f"{sentence()} {sentence()}" for _ in range(paragraphs)]


def text_page(seed: int, headline: str = "Council agrees budget after long debate", date: str = "2024-03-01",
              dateline: str = "SPRINGFIELD (AP) — ") -> str:
    """A plain-text dump: headline, date line, then the story with its dateline."""
    first, *rest = story(seed)
    return "\n\n".join([headline, date, dateline + first, *rest]) + "\n"


def html_page(seed: int, title: str = "Council agrees budget after long debate", lang: str = "en",
              head: str = '<meta charset="utf-8">', body: list[str] | None = None, extra: str = "") -> str:
    """A news page: title, site name, an article with an h1 and paragraphs."""
    paragraphs = body if body is not None else story(seed)
    return (f'<!DOCTYPE html><html lang="{lang}"><head>{head}<title>{title} | Example Gazette</title>'
            '<meta property="og:site_name" content="Example Gazette"></head><body>'
            '<nav><a href="/">Home</a> <a href="/news/">News</a></nav>'
            f"<article><h1>{title}</h1>{extra}" + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "</article><footer>© Example Gazette</footer></body></html>")


def write(folder: Path, name: str | bytes, data: bytes | str) -> None:
    """Write one file (a bytes name may be any bytes a file system allows)."""
    path = os.path.join(os.fsencode(folder), os.fsencode(name))
    with open(path, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def gzip_bomb(inflated: int, prefix: bytes = b"") -> bytes:
    """A gzip stream of `prefix` then `inflated` bytes of 'A' without a newline, built without holding them."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"A" * (1 << 20)
    parts = [deflate.compress(prefix)]
    parts += [deflate.compress(block) for _ in range(inflated >> 20)]
    return b"".join(parts) + deflate.flush()


def warc(records: list[tuple[str, bytes]], compress: bool = True,
         content_type: str = "text/html; charset=utf-8") -> bytes:
    """A WARC file of (url, html bytes) response records, written by warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    for url, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=http,
                                                      warc_headers_dict={"WARC-Date": "2024-03-01T10:00:00Z"}))
    return buf.getvalue()


def jsonl(objects: list[object]) -> bytes:
    return b"".join(json.dumps(o).encode() + b"\n" for o in objects)
