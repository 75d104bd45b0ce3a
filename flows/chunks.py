"""One chunk of documents through ingest → extract → tag, staged as a Parquet part on disk."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from flows import dedup, extract, ingest, outlets, tag
from flows.config import Config
from flows.model import Doc, Quarantined
from flows.tables import docs_table, write_parquet


@dataclass
class ChunkResult:
    """What a chunk leaves behind: its staged part, fingerprints, rejections and counts."""

    index: int
    part: Path | None
    fingerprints: list[dedup.Fingerprint] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)


def prepare_chunk(index: int, chunk: tuple[ingest.Source, ...], run_dir: Path,
                  cfg: Config) -> ChunkResult:
    """Read, extract and tag every document of a chunk and stage the rows as Parquet."""
    result = ChunkResult(index, None)
    docs: list[Doc] = []
    for raw in ingest.read_chunk(chunk, cfg):
        result.counts["read"] += 1
        if isinstance(raw, Quarantined):
            result.quarantined.append(raw)
            continue
        ex = extract.extract(raw, cfg)
        if isinstance(ex, Quarantined):
            result.quarantined.append(ex)
            continue
        doc = tag.tag(raw, ex, cfg)
        result.counts["split_stories"] += doc.split_stories
        docs.append(doc)
    result.counts["tagged"] = len(docs)
    if docs:
        result.part = run_dir / f"part-{index:06d}.parquet"
        write_parquet(docs_table(docs, cfg), result.part)
    result.fingerprints = [dedup.fingerprint(d.doc_id, d.text, d.published_date,
                                             _is_wire(d), cfg) for d in docs]
    result.sources = [d.source_path for d in docs]
    return result


def _is_wire(doc: Doc) -> bool:
    """A copy published by the agency itself (its own site) ranks first as canonical."""
    site = outlets.lookup(doc.url)
    return bool(site and site.is_wire)
