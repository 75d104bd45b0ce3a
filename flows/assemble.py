"""Joining the staged chunk parts with dedup's story assignments into the release tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from flows import dedup
from flows.chunks import ChunkResult
from flows.config import Config
from flows.model import Quarantined
from flows.schema import arrow_schema
from flows.tablefile import RowGroupWriter, TableFile
from flows.tables import quarantine_table, stories_table, with_stories, write_stories


def drop_exact_duplicates(results: list[ChunkResult]) -> list[Quarantined]:
    """Keep the first file of identical bytes; quarantine the others as duplicate_content."""
    seen: dict[str, str] = {}
    dropped = []
    for result in sorted(results, key=lambda r: r.index):
        for doc_id, source in zip(result.doc_ids, result.sources):
            if doc_id in seen:
                dropped.append(Quarantined(source, "ingest", "duplicate_content",
                                           f"same bytes as {seen[doc_id]}", doc_id))
                continue
            seen[doc_id] = source
    return dropped


def fingerprint_parts(results: list[ChunkResult]) -> list[Path]:
    """The chunks' staged fingerprint files, in input order."""
    return [path for r in sorted(results, key=lambda r: r.index) for path in r.fingerprints]


def build_tables(results: list[ChunkResult], assignments: dedup.Assignments,
                 rejected: list[Quarantined], cfg: Config, folder: Path | None = None) -> dict:
    """Return documents, stories and quarantine tables, in input order; with a `folder`, documents and
    stories are written there as Parquet a part at a time and returned as table files."""
    quarantined = [q for r in results for q in r.quarantined] + rejected
    parts = _joined_parts(results, assignments, rejected, cfg)
    if folder is None:
        documents = pa.concat_tables(list(parts))
        stories = stories_table(documents, cfg)
    else:
        folder.mkdir(parents=True, exist_ok=True)
        with RowGroupWriter(folder / "documents.parquet", arrow_schema(cfg.schemas_dir, "documents")) as out:
            for part in parts:
                out.write(part)
        documents = TableFile(out.path)
        stories = write_stories(documents, folder / "stories.parquet", cfg)
    return {"documents": documents, "stories": stories, "quarantine": quarantine_table(quarantined, cfg)}


def _joined_parts(results: list[ChunkResult], assignments: dedup.Assignments, rejected: list[Quarantined],
                  cfg: Config) -> Iterator[pa.Table]:
    """Each staged part without its dropped byte-identical files, joined with its story columns."""
    dropped = {(q.source_path, q.doc_id) for q in rejected if q.reason == "duplicate_content"}
    yield with_stories(_empty_staged(cfg), dedup.Assignments.empty(), cfg)  # the schema, however few parts
    for result in sorted(results, key=lambda r: r.index):
        if result.part is None:
            continue
        part = pq.read_table(result.part)
        if dropped:
            keys = zip(part.column("source_path").to_pylist(), part.column("doc_id").to_pylist())
            part = part.filter(pa.array([k not in dropped for k in keys]))
        yield with_stories(part, assignments, cfg)


def _empty_staged(cfg: Config) -> pa.Table:
    from flows.tables import staging_schema

    return staging_schema(cfg).empty_table()


def count(results: list[ChunkResult], tables: dict[str, pa.Table], planned: int) -> dict:
    """Counts per stage and per quarantine reason for the release manifest."""
    totals = Counter()
    for result in results:
        totals.update(result.counts)
    quarantine = tables["quarantine"]
    reasons = Counter(zip(quarantine.column("stage").to_pylist(), quarantine.column("reason").to_pylist()))
    documents = tables["documents"]
    return {
        "inputs": planned,
        "read": totals["read"],
        "documents": documents.num_rows,
        "stories": tables["stories"].num_rows,
        "canonical": int(pc.sum(documents.column("is_canonical")).as_py() or 0),
        "split_stories": totals["split_stories"],
        "quarantined": quarantine.num_rows,
        "quarantine_by_reason": {f"{s}/{r}": n for (s, r), n in sorted(reasons.items())},
    }
