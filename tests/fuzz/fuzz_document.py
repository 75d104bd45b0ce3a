"""Coverage-guided fuzzing of the per-document path with atheris (`make fuzz`).

Each input is one document's bytes, read by the first byte's choice as an HTML page, a plain-text page,
a JSONL archive or a WARC archive, then decoded, extracted, tagged and checked exactly as a run does. A
finding is any exception, or one input taking longer than the configured per-document budget.

    python tests/fuzz/fuzz_document.py -max_total_time=60 [CORPUS_DIR ...]

Without a corpus folder, one is seeded in a temporary folder from seeds/ and a few hostile samples.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE.parent)]
os.environ.setdefault("WIREDESK_TODAY", "2026-11-21")

with atheris.instrument_imports(include=["flows"]):
    from flows import archives, checks, extract, ingest, tag
    from flows.config import REPO_ROOT, build_config
    from flows.model import Quarantined

CFG = build_config()
KINDS = ("html", "text", "jsonl", "warc")


class TooSlow(AssertionError):
    """One input took longer than the per-document budget."""


def document(raw) -> None:
    """Extract, tag and check one decoded document as a chunk would."""
    if isinstance(raw, Quarantined):
        return
    ex = extract.extract(raw, CFG)
    if not isinstance(ex, Quarantined):
        checks.check(tag.tag(raw, ex, CFG), CFG, Counter())


def one_input(data: bytes) -> None:
    """The fuzz target: never raises, never takes longer than `extract_seconds` on one input."""
    if not data:
        return
    kind, body = KINDS[data[0] % len(KINDS)], data[1:]
    started = time.monotonic()
    if kind in ("html", "text"):
        document(ingest.raw_from_bytes(body, f"fuzz.{kind}", kind))
    else:
        name = "fuzz.jsonl" if kind == "jsonl" else "fuzz.warc"
        for rec in archives.read_archive(io.BytesIO(body), name, CFG):
            if not isinstance(rec, Quarantined):
                document(ingest.raw_from_bytes(rec.data, rec.key, rec.kind, rec.url, rec.crawled_at, rec.charset))
    spent = time.monotonic() - started
    if spent > CFG.extract_seconds:
        raise TooSlow(f"{spent:.1f} s on one {kind} input of {len(body)} bytes, over {CFG.extract_seconds} s")


def seed_corpus(folder: Path) -> None:
    """Seed the corpus with the seed pages (as text and as HTML) and small hostile samples."""
    from hostile_data import html_page, jsonl, text_page, warc

    samples = [b"\x00" + html_page(1).encode(), b"\x01" + text_page(2).encode(),
               b"\x02" + jsonl([{"url": "https://example.org/a", "html": html_page(3)}]),
               b"\x03" + warc([("https://example.org/b", html_page(4).encode())], compress=False),
               b"\x00" + html_page(5, lang="ja", body=["東京都議会は予算案を可決した。" * 20]).encode("utf-16"),
               b"\x01" + text_page(6, date="31/02/2024", dateline="WASHINGTON (AP) — ").encode("cp1252")]
    samples += [b"\x01" + p.read_bytes() for p in sorted((REPO_ROOT / "seeds").glob("*.txt"))]
    for i, sample in enumerate(samples):
        (folder / f"seed-{i:02d}").write_bytes(sample)


def main() -> None:
    args = sys.argv[:]
    if not any(not a.startswith("-") for a in args[1:]):
        corpus = Path(tempfile.mkdtemp(prefix="wiredesk-fuzz-"))
        seed_corpus(corpus)
        args.append(str(corpus))
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
