"""Arrow tables of the release: documents, stories and quarantine rows, typed by `schemas/`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from flows.config import Config
from flows.dedup import Assignments
from flows.model import Doc, Quarantined
from flows.schema import arrow_schema
from flows import tablefile
from flows.tablefile import RowGroupWriter, TableFile, batches


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


# Columns of documents that stories are computed from; the wide ones are picked a batch at a time.
_LEAN = ["doc_id", "story_id", "is_canonical", "text_chars", "published_date", "agencies", "outlet"]
_PICKED = ["doc_id", "title", "text", "dateline_place"]


def stories_table(documents: pa.Table | TableFile, cfg: Config) -> pa.Table:
    """Return one row per story, in the order its canonical copy appears in documents."""
    parts = list(stories_batches(documents, cfg))
    return pa.concat_tables(parts) if parts else arrow_schema(cfg.schemas_dir, "stories").empty_table()


def write_stories(documents: pa.Table | TableFile, path: Path, cfg: Config) -> TableFile:
    """Write the stories table as Parquet a batch of documents at a time; return it as a table file."""
    with RowGroupWriter(path, arrow_schema(cfg.schemas_dir, "stories")) as writer:
        for part in stories_batches(documents, cfg):
            writer.write(part)
    return TableFile(path)


def stories_batches(documents: pa.Table | TableFile, cfg: Config) -> Iterator[pa.Table]:
    """Stories rows in order, picking each stand-in's title and text from one batch of documents at a time."""
    lean, schema = documents.select(_LEAN), arrow_schema(cfg.schemas_dir, "stories")
    columns, rows = _story_columns(lean)
    done, start = 0, 0
    for batch in batches(documents, _PICKED, tablefile.ROW_GROUP):
        end = int(np.searchsorted(rows, start + batch.num_rows))
        picked = batch.take(pa.array(rows[done:end] - start))
        found = {**{k: v.slice(done, end - done) for k, v in columns.items()},
                 "title": picked["title"], "text": picked["text"], "canonical_doc_id": picked["doc_id"],
                 "dateline_place": picked["dateline_place"]}
        if end > done:
            yield pa.Table.from_arrays([found[f.name] for f in schema], schema=schema)
        done, start = end, start + batch.num_rows


def _story_columns(docs: pa.Table) -> tuple[dict[str, pa.Array], np.ndarray]:
    """Per story, in stand-in row order: the columns computed from lean document columns, and the rows."""
    numbered = docs.select(_LEAN[:5]).append_column("row", pa.array(np.arange(docs.num_rows, dtype=np.int64)))
    per_story = _per_story(numbered)  # sorted by story_id
    story = pc.index_in(docs["story_id"], value_set=per_story["story_id"]).to_numpy()
    agencies = docs["agencies"].combine_chunks()
    order = np.argsort(per_story["row"].to_numpy(), kind="stable")
    columns = {
        "story_id": per_story["story_id"].take(order),
        "agencies": _distinct_lists(story[pc.list_parent_indices(agencies).to_numpy()],
                                    pc.list_flatten(agencies), per_story.num_rows).take(order),
        "outlets": _distinct_lists(story, docs["outlet"].combine_chunks(), per_story.num_rows).take(order),
        "copy_count": pc.cast(per_story["copies"], pa.int32()).take(order),
        "doc_ids": per_story["doc_ids"].take(order), "first_published": per_story["first"].take(order),
        "last_published": per_story["last"].take(order),
    }
    return {k: v.combine_chunks() if isinstance(v, pa.ChunkedArray) else v for k, v in columns.items()}, \
        per_story["row"].to_numpy()[order]


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
