"""Arrow tables of the release: documents, stories and quarantine rows, typed by `schemas/`."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from flows.config import Config
from flows.dedup import Assignments
from flows.model import Doc, Quarantined
from flows.schema import arrow_schema


def docs_table(docs: list[Doc], cfg: Config) -> pa.Table:
    """Return documents without story columns yet, as the staging schema."""
    schema = staging_schema(cfg)
    rows = [asdict(d) for d in docs]
    return pa.Table.from_pylist(rows, schema=schema)


def staging_schema(cfg: Config) -> pa.Schema:
    """Documents schema minus the columns dedup fills in."""
    full = arrow_schema(cfg.schemas_dir, "documents")
    return pa.schema([f for f in full if f.name not in _STORY_COLUMNS])


_STORY_COLUMNS = ("story_id", "is_canonical", "similarity_to_canonical")


def quarantine_table(rows: list[Quarantined], cfg: Config) -> pa.Table:
    """Return quarantine rows sorted by path and reason, typed by the contract."""
    ordered = sorted(rows, key=lambda q: (q.source_path, q.stage, q.reason, q.doc_id or ""))
    return pa.Table.from_pylist([asdict(q) for q in ordered],
                                schema=arrow_schema(cfg.schemas_dir, "quarantine"))


def with_stories(part: pa.Table, assignments: Assignments, cfg: Config) -> pa.Table:
    """Add story columns to a staged part and order columns as the contract says."""
    story, canonical, similarity = assignments.columns(part.column("doc_id").to_pylist())
    extra = {
        "story_id": pa.array(story, pa.string()),
        "is_canonical": pa.array(canonical, pa.bool_()),
        "similarity_to_canonical": pa.array(similarity, pa.float64()),
    }
    schema = arrow_schema(cfg.schemas_dir, "documents")
    columns = [extra[f.name] if f.name in extra else part.column(f.name) for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def stories_table(documents: pa.Table, cfg: Config, assignments: Assignments | None = None) -> pa.Table:
    """Return one row per story, in the order its canonical copy (else first copy) appears in documents.

    A story whose canonical copy came in an earlier run and is absent from this input still gets its
    row: canonical_doc_id names that copy, title and text come from the fullest copy present.
    """
    rows = documents.select(["doc_id", "story_id", "is_canonical", "title", "text", "text_chars",
                             "agencies", "outlet", "published_date", "dateline_place"]).to_pylist()
    members: dict[str, list[dict]] = {}
    for row in rows:
        members.setdefault(row["story_id"], []).append(row)
    stand_in = {story: next((c for c in copies if c["is_canonical"]), None)
                or min(copies, key=lambda c: (-c["text_chars"], c["doc_id"]))
                for story, copies in members.items()}
    out = []
    for row in rows:
        if row is stand_in[row["story_id"]]:
            head = assignments[row["doc_id"]].canonical_doc_id if assignments else row["doc_id"]
            out.append(_story_row(row, members[row["story_id"]], head))
    return pa.Table.from_pylist(out, schema=arrow_schema(cfg.schemas_dir, "stories"))


def _story_row(canonical: dict, copies: list[dict], canonical_doc_id: str) -> dict:
    dates = [c["published_date"] for c in copies if c["published_date"]]
    return {
        "story_id": canonical["story_id"],
        "canonical_doc_id": canonical_doc_id,
        "title": canonical["title"],
        "text": canonical["text"],
        "agencies": sorted({a for c in copies for a in c["agencies"]}),
        "copy_count": len(copies),
        "outlets": sorted({c["outlet"] for c in copies if c["outlet"]}),
        "doc_ids": sorted(c["doc_id"] for c in copies),
        "first_published": min(dates) if dates else None,
        "last_published": max(dates) if dates else None,
        "dateline_place": canonical["dateline_place"],
    }


_PARQUET = {"compression": "zstd", "compression_level": 9, "use_dictionary": True,
            "write_statistics": True, "store_schema": True}


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write a table as Parquet with settings fixed so equal tables give equal bytes."""
    pq.write_table(table, path, row_group_size=50_000, **_PARQUET)


def parquet_writer(path: Path, schema: pa.Schema) -> pq.ParquetWriter:
    """Open a Parquet file to append tables to in batches, with write_parquet's settings."""
    return pq.ParquetWriter(path, schema, **_PARQUET)
