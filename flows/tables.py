"""Arrow tables of the release: documents, stories and quarantine rows, typed by `schemas/`."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
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


def stories_table(documents: pa.Table, cfg: Config) -> pa.Table:
    """Return one row per story, in the order its canonical copy appears in documents."""
    docs = documents.select(["doc_id", "story_id", "is_canonical", "text_chars", "published_date"])
    docs = docs.append_column("row", pa.array(np.arange(docs.num_rows, dtype=np.int64)))
    per_story = _per_story(docs)  # sorted by story_id
    story = pc.index_in(documents["story_id"], value_set=per_story["story_id"]).to_numpy()
    agencies = documents["agencies"].combine_chunks()
    order = np.argsort(per_story["row"].to_numpy(), kind="stable")
    picked = documents.take(pa.array(per_story["row"].to_numpy()[order]))
    columns = {
        "story_id": per_story["story_id"].take(order), "title": picked["title"], "text": picked["text"],
        "canonical_doc_id": picked["doc_id"],
        "agencies": _distinct_lists(story[pc.list_parent_indices(agencies).to_numpy()],
                                    pc.list_flatten(agencies), per_story.num_rows).take(order),
        "outlets": _distinct_lists(story, documents["outlet"].combine_chunks(),
                                   per_story.num_rows).take(order),
        "copy_count": pc.cast(per_story["copies"], pa.int32()).take(order),
        "doc_ids": per_story["doc_ids"].take(order), "first_published": per_story["first"].take(order),
        "last_published": per_story["last"].take(order), "dateline_place": picked["dateline_place"],
    }
    schema = arrow_schema(cfg.schemas_dir, "stories")
    return pa.Table.from_arrays([columns[f.name] for f in schema], schema=schema)


def _per_story(docs: pa.Table) -> pa.Table:
    """Per story (sorted by id): stand-in row, sorted doc_ids, copy count, first and last known day.

    The stand-in is the canonical copy when present, else the fullest copy, then the lowest doc_id.
    """
    ordered = docs.sort_by([("story_id", "ascending"), ("is_canonical", "descending"),
                            ("text_chars", "descending"), ("doc_id", "ascending")])
    stand_in = ordered.group_by("story_id", use_threads=False).aggregate(
        [("row", "first"), ("doc_id", "count"), ("published_date", "min"), ("published_date", "max")])
    by_id = docs.sort_by([("story_id", "ascending"), ("doc_id", "ascending")])
    ids = by_id.group_by("story_id", use_threads=False).aggregate([("doc_id", "list")])
    return stand_in.rename_columns(["story_id", "row", "copies", "first", "last"]).append_column(
        "doc_ids", ids["doc_id_list"])


def _distinct_lists(story: np.ndarray, values: pa.Array, stories: int) -> pa.ListArray:
    """A list per story of its distinct non-null values, sorted."""
    keep = pc.is_valid(values).to_numpy(zero_copy_only=False)
    pairs = pa.table({"story": story[keep], "value": values.filter(pa.array(keep))})
    pairs = pairs.sort_by([("story", "ascending"), ("value", "ascending")])
    story_of, value = pairs["story"].to_numpy(), pairs["value"].combine_chunks()
    repeat = np.zeros(len(value), dtype=bool)
    if len(value) > 1:
        same = pc.equal(value[1:], value[:-1]).to_numpy(zero_copy_only=False)
        repeat[1:] = same & (story_of[1:] == story_of[:-1])
    story_of, value = story_of[~repeat], value.filter(pa.array(~repeat))
    offsets = np.zeros(stories + 1, dtype=np.int32)
    np.cumsum(np.bincount(story_of, minlength=stories), out=offsets[1:])
    return pa.ListArray.from_arrays(pa.array(offsets), value)


_PARQUET = {"compression": "zstd", "compression_level": 9, "use_dictionary": True,
            "write_statistics": True, "store_schema": True}
_ROW_GROUP = 50_000


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write a table as Parquet with settings fixed so equal tables give equal bytes."""
    with pq.ParquetWriter(path, table.schema, **_PARQUET) as writer:
        # Page breaks follow the in-memory chunks, so each row group is written as one contiguous
        # chunk: the bytes then depend on the rows only, not on how the table was pieced together.
        for start in range(0, table.num_rows, _ROW_GROUP):
            writer.write_table(table.slice(start, _ROW_GROUP).combine_chunks(), row_group_size=_ROW_GROUP)
        if table.num_rows == 0:
            writer.write_table(table)


def parquet_writer(path: Path, schema: pa.Schema) -> pq.ParquetWriter:
    """Open a Parquet file to append tables to in batches, with write_parquet's settings."""
    return pq.ParquetWriter(path, schema, **_PARQUET)
