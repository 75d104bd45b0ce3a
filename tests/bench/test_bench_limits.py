"""Per-document limits against the wall-clock budget they are sized to: the worst pages just inside the
limits, side by side, and what a gzip bomb and a huge JSON-LD array cost before they are cut off."""

from __future__ import annotations

import io
import time
import tracemalloc
from collections import Counter

from flows import archives, checks, extract, ingest, tag
from flows.config import build_config
from flows.htmlmeta import _json_ld
from flows.model import Quarantined

CFG = build_config()
_S = "The council met on Tuesday to debate the budget for schools and roads on 2024-03-01. "


def _html(body: str) -> bytes:
    return f"<html><head><title>Budget</title></head><body>{body}</body></html>".encode()


def _worst_cases() -> dict[str, tuple[str, bytes]]:
    """Pages just inside each HTML limit (and one past them), and the largest text dump allowed."""
    n = CFG.max_html_elements
    return {
        "elements: div/span pairs": ("html", _html("<div><span>x</span></div>" * (n // 2 - 10))),
        "elements: short paragraphs": ("html", _html(f"<p>{_S}</p>" * (n - 10))),
        "elements: table cells": ("html", _html("<table>" + f"<tr><td>{_S}</td><td>cell</td></tr>" * (n // 3 - 10)
                                                + "</table>")),
        "depth: nested blocks": ("html", _html(("<div>" * (CFG.max_html_depth - 10) + f"<p>{_S}</p>"
                                                + "</div>" * (CFG.max_html_depth - 10)) * 60)),
        "characters: long paragraphs": ("html", _html(f"<p>{_S * 60}</p>" * (CFG.max_html_chars // (len(_S) * 61)))),
        "past the limits: 380k elements": ("html", _html("<div><span>x</span></div>" * 190_000)),
        "text: largest dump allowed": ("text", ("Budget vote\n\n" + (_S * 8 + "\n\n")
                                               * (CFG.max_doc_bytes // (len(_S) * 8 + 2) - 1)).encode()),
    }


def _through(kind: str, data: bytes) -> str:
    raw = ingest.raw_from_bytes(data, f"bench.{kind}", kind)
    ex = raw if isinstance(raw, Quarantined) else extract.extract(raw, CFG)
    if isinstance(ex, Quarantined):
        return f"quarantined: {ex.reason}"
    checks.check(tag.tag(raw, ex, CFG), CFG, Counter())
    return "document"


def test_worst_pages_inside_the_limits_stay_within_the_budget():
    _through("html", _html(f"<p>{_S * 5}</p>"))  # warm up imports and caches
    print(f"\nper-document budget: {CFG.extract_seconds:.0f} s (limits: {CFG.max_html_elements:,} elements, "
          f"depth {CFG.max_html_depth}, {CFG.max_html_chars:,} characters, {CFG.max_doc_bytes:,} bytes)")
    over = []
    for name, (kind, data) in _worst_cases().items():
        started = time.perf_counter()
        outcome = _through(kind, data)
        spent = time.perf_counter() - started
        print(f"  {name:34s} {len(data) / 1e6:6.1f} MB  {spent:6.2f} s  {outcome}")
        if spent > CFG.extract_seconds:
            over.append(name)
    assert not over, f"over the {CFG.extract_seconds} s budget: {over}"


def _bomb(inflated: int, prefix: bytes) -> bytes:
    import zlib

    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    return deflate.compress(prefix) + b"".join(deflate.compress(b"A" * (1 << 20))
                                               for _ in range(inflated >> 20)) + deflate.flush()


def test_gzip_bombs_are_cut_off_early():
    for name, prefix in (("bomb.jsonl.gz", b'{"html": "'), ("bomb.warc.gz", b"WARC/1.0\r\nX: ")):
        data = _bomb(4 << 30, prefix)
        tracemalloc.start()
        started = time.perf_counter()
        (row,) = list(archives.read_archive(io.BytesIO(data), name, CFG))
        spent = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"\n  {name}: {len(data) / 1e6:.1f} MB inflating to 4.3 GB -> {row.reason} after {spent:.2f} s, "
              f"peak Python memory {peak / 1e6:.0f} MB")
        assert row.reason == "compression_bomb" and spent < CFG.extract_seconds


def test_huge_json_ld_arrays_are_walked_in_linear_time():
    timings = []
    for n in (100_000, 400_000):
        text = "[" + "0," * n + '{"@type": "NewsArticle"}]'
        started = time.perf_counter()
        assert _json_ld(text) == [{"@type": "NewsArticle"}]
        timings.append(time.perf_counter() - started)
    print(f"\n  JSON-LD arrays of 100k and 400k items: {timings[0]:.3f} s and {timings[1]:.3f} s "
          f"(ratio {timings[1] / timings[0]:.1f} for 4x the items)")
    assert timings[1] / timings[0] < 10  # a quadratic walk gives 16
