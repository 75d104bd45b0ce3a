"""One chunk of documents through ingest → extract → tag, staged as a Parquet part on disk."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from flows import boilerplate, checks, extract, fingerprint, ingest, outlets, tag
from flows.config import Config
from flows.model import Doc, Quarantined
from flows.tablefile import parquet_writer
from flows.tables import docs_table


@dataclass
class ChunkResult:
    """What a chunk leaves behind: its staged part and fingerprint files, rejections and counts."""

    index: int
    part: Path | None
    fingerprints: list[Path] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)


def prepare_chunk(index: int, chunk: tuple[ingest.Source, ...], run_dir: Path,
                  cfg: Config) -> ChunkResult:
    """Read, extract and tag every document of a chunk and stage the rows as Parquet."""
    result = ChunkResult(index, None)
    docs: list[Doc] = []
    facts: list[fingerprint.DocFacts] = []
    writer = None
    for raw in ingest.read_chunk(chunk, cfg):
        result.counts["read"] += 1
        if isinstance(raw, Quarantined):
            result.quarantined.append(raw)
            continue
        ex = extract.extract(raw, cfg)
        if isinstance(ex, Quarantined):
            result.quarantined.append(ex)
            continue
        doc = checks.check(tag.tag(raw, ex, cfg), cfg, result.counts)
        if isinstance(doc, Quarantined):  # validate's record-level checks: never staged, never clustered
            result.quarantined.append(doc)
            continue
        result.counts["split_stories"] += doc.split_stories
        docs.append(doc)
        facts.append(_facts(raw.text, doc))
        if len(docs) >= cfg.stage_batch_docs:  # an archive may hold millions: bound what is in memory
            writer = _stage(docs, facts, result, writer, run_dir, cfg)
            docs, facts = [], []
    if docs:
        writer = _stage(docs, facts, result, writer, run_dir, cfg)
    if writer is not None:
        writer.close()
    return result


def _stage(docs: list[Doc], facts: list[fingerprint.DocFacts], result: ChunkResult, writer,
           run_dir: Path, cfg: Config):
    """Append a batch of rows to the chunk's part and stage the batch's fingerprints beside it."""
    table = docs_table(docs, cfg)
    if writer is None:
        result.part = run_dir / f"part-{result.index:06d}.parquet"
        writer = parquet_writer(result.part, table.schema)
    writer.write_table(table, row_group_size=50_000)
    result.counts["tagged"] += len(docs)
    path = run_dir / f"fp-{result.index:06d}-{len(result.fingerprints):04d}.npz"
    fingerprint.save_part(fingerprint.build_part(facts, cfg), path)
    result.fingerprints.append(path)
    result.doc_ids += [d.doc_id for d in docs]
    result.sources += [d.source_path for d in docs]
    return writer


def _facts(page: str, doc: Doc) -> fingerprint.DocFacts:
    """What dedup needs of a document; the page itself only names its template (boilerplate group)."""
    group = boilerplate.group_key(doc.outlet_domain, doc.outlet, doc.input_format, page, doc.text)
    return fingerprint.DocFacts(doc.doc_id, doc.text, doc.published_date, _is_wire(doc),
                                doc.agencies, group)


def _is_wire(doc: Doc) -> bool:
    """A copy published by the agency itself (its own site) ranks first as canonical."""
    site = outlets.lookup(doc.url)
    return bool(site and site.is_wire)
