"""The frames the gate validates: lean pandas views of the release tables, derived with pyarrow."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from flows.checks import CUT_MARK, SPACES
from flows.config import Config
from flows.memory import give_back
from flows.schema import TABLES, arrow_schema, load_table_spec
from flows.tablefile import TableFile, batches

# Extra characters read before a tail so that trailing blanks can be dropped without trimming whole bodies.
TAIL_SLACK = 64
# Rows read at a time from a table file (CSV cells, derived columns), so no step copies a whole text column.
_BATCH = 50_000


def body_tail(text: pa.Array | pa.ChunkedArray, chars: int) -> pa.Array:
    """Per body, what `checks.body_tail` returns: its last `chars` characters after trailing blanks."""
    # Only the last chars + TAIL_SLACK characters are trimmed (trimming whole bodies costs seconds per
    # million); a body with a longer blank run at its end is trimmed whole, so the result stays exact.
    suffix = _one_chunk(_suffix(text, chars + TAIL_SLACK))
    trimmed = pc.utf8_rtrim_whitespace(suffix)
    length = pc.utf8_length(trimmed)
    partial = _one_chunk(pc.greater(pc.binary_length(text), pc.binary_length(suffix)))
    tail = _cut(trimmed, pc.or_(partial, pc.greater(length, chars)), chars)
    redo = pc.fill_null(pc.and_(partial, pc.less(length, chars)), False)
    if pc.any(redo).as_py():
        whole = _one_chunk(pc.utf8_rtrim_whitespace(text.filter(redo)))
        tail = pc.replace_with_mask(tail, redo, _cut(whole, pc.greater(pc.utf8_length(whole), chars), chars))
    return tail


def furniture_tail(text: pa.Array | pa.ChunkedArray, chars: int, pattern: str) -> pa.Array:
    """Per body, its tail when that tail ends in page furniture (config `chrome_tail_pattern`), else null."""
    # Only the rejected tails reach pandas: a million 240-character tails cost GE's regex path over a GB.
    tail = body_tail(text, chars)
    return pc.if_else(pc.fill_null(pc.match_substring_regex(tail, pattern), False), tail,
                      pa.scalar(None, pa.string()))


def _suffix(text: pa.Array | pa.ChunkedArray, chars: int) -> pa.Array | pa.ChunkedArray:
    """The last `chars` characters of each text."""
    # Cut from the last 4 * chars bytes (UTF-8 spends at most 4 per character) rather than by counting
    # characters from the start of every body, which costs seconds per million.
    raw = pc.binary_slice(text.cast(pa.binary()), start=-4 * chars)
    whole_characters = pc.replace_substring_regex(raw, r"^[\x80-\xbf]+", "")  # drop a split character's tail
    return pc.utf8_slice_codeunits(whole_characters.cast(pa.string()), start=-chars)


def _one_chunk(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _cut(trimmed: pa.Array, cut: pa.Array, chars: int) -> pa.Array:
    end = pc.binary_join_element_wise(CUT_MARK, pc.utf8_slice_codeunits(trimmed, start=-(chars - 1)), "")
    return pc.if_else(cut, end, trimmed)


def _normal(text: pa.Array | pa.ChunkedArray) -> pa.Array:
    return pc.utf8_lower(pc.utf8_trim_whitespace(pc.replace_substring_regex(text, SPACES, " ")))


def title_equals_outlet(table: pa.Table) -> pa.Array:
    """True where the title is only the outlet's name (case and spacing aside); False when either is null."""
    return pc.fill_null(pc.equal(_normal(table["title"]), _normal(table["outlet"])), False)


# Value columns and the column naming their evidence: null together or not at all.
PROVENANCE = (("title", "title_source"), ("published_date", "date_source"), ("outlet", "outlet_source"))


def provenance_gaps(table: pa.Table) -> pa.Array:
    """Per row, how many fields disagree with their *_source column about being present."""
    def gap(present: pa.Array, source: str) -> pa.Array:
        return pc.cast(pc.xor(present, pc.is_valid(table[source])), pa.int64())

    total = gap(pc.fill_null(pc.greater(pc.list_value_length(table["agencies"]), 0), False), "agencies_source")
    for value, source in PROVENANCE:
        total = pc.add(total, gap(pc.is_valid(table[value]), source))
    return total


def _derivations(cfg: Config) -> dict[str, tuple[list[str], Callable[[pa.Table], pa.Array]]]:
    """Derived view columns and the columns each reads: each stands for a column too wide to copy into pandas."""
    return {
        "text_length": (["text"], lambda t: pc.utf8_length(t["text"])),
        "furniture_tail": (["text"],
                           lambda t: furniture_tail(t["text"], cfg.tail_chars, cfg.chrome_tail_pattern)),
        "title_equals_outlet": (["title", "outlet"], title_equals_outlet),
        "provenance_gaps": (["agencies", "agencies_source", *(c for pair in PROVENANCE for c in pair)],
                            provenance_gaps),
        "agencies_count": (["agencies"], lambda t: pc.list_value_length(t["agencies"])),
        "outlets_count": (["outlets"], lambda t: pc.list_value_length(t["outlets"])),
        "doc_ids_count": (["doc_ids"], lambda t: pc.list_value_length(t["doc_ids"])),
    }


def _comparable(array: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Integers as int64, dates and timestamps as nanosecond timestamps: the types GE compares vectorised."""
    if pa.types.is_integer(array.type):
        return array.cast(pa.int64())
    if pa.types.is_date(array.type):
        return array.cast(pa.timestamp("ns"))
    if pa.types.is_timestamp(array.type):
        return array.cast(pa.timestamp("ns", tz=array.type.tz))
    return array


def table_view(table: pa.Table, columns: Iterable[str], cfg: Config) -> pd.DataFrame:
    """Return the named columns, copied or derived; a column that cannot be made is left out."""
    derive = _derivations(cfg)
    arrays: dict[str, pa.Array] = {}
    for name in columns:
        give_back()  # each column's reading and deriving leaves freed buffers behind
        try:
            arrays[name] = _comparable(table[name] if name in table.column_names else _derive(table, *derive[name]))
        except (KeyError, pa.ArrowException):
            continue  # the suite then fails on the missing column, naming it
    if not arrays:
        return pd.DataFrame(index=pd.RangeIndex(table.num_rows))
    return pa.table(arrays).to_pandas()


def _derive(table: pa.Table | TableFile, reads: list[str],
            how: Callable[[pa.Table], pa.Array]) -> pa.Array | pa.ChunkedArray:
    """A derived column, computed a batch of rows (of the columns it reads) at a time from a table file."""
    if not isinstance(table, TableFile):
        return how(table)
    if not set(reads) <= set(table.column_names):
        raise KeyError(f"{sorted(set(reads) - set(table.column_names))} missing")
    found = [how(part) for part in batches(table, reads, _BATCH)]
    return pa.chunked_array(found) if found else how(table.schema.empty_table())


def _type_names(cfg: Config) -> list[tuple[pa.DataType, str]]:
    pairs = []
    for name in TABLES:
        spec = load_table_spec(cfg.schemas_dir, name)
        pairs += zip((f.type for f in arrow_schema(cfg.schemas_dir, name)), (c["type"] for c in spec["columns"]))
    return pairs


def column_signature(table: str, position: int, field: pa.Field, names: list[tuple[pa.DataType, str]]) -> str:
    """Return 'table.NN column type required|nullable' in the vocabulary of schemas/."""
    kind = next((n for t, n in names if t.equals(field.type)), str(field.type))
    return f"{table}.{position:02d} {field.name} {kind} {'nullable' if field.nullable else 'required'}"


def columns_view(schemas: dict[str, pa.Schema], cfg: Config) -> pd.DataFrame:
    """One row per column of every table as written: its position, name, type and nullability."""
    names = _type_names(cfg)
    rows = [{"table": t, "column": f.name, "signature": column_signature(t, i + 1, f, names)}
            for t, schema in schemas.items() for i, f in enumerate(schema)]
    return pd.DataFrame(rows, columns=["table", "column", "signature"])


def story_links_view(documents: pa.Table, stories: pa.Table) -> pd.DataFrame:
    """One row per story id of either table: its documents, canonical copies and stories row."""
    grouped = documents.select(["story_id", "doc_id", "is_canonical"]).group_by("story_id").aggregate(
        [("doc_id", "count"), ("is_canonical", "sum")])
    per_doc = grouped.select(["story_id", "doc_id_count", "is_canonical_sum"]).rename_columns(
        ["story_id", "documents", "canonical_copies"])
    canon = documents.select(["doc_id", "story_id", "is_canonical"]).rename_columns(
        ["canonical_doc_id", "canonical_story_id", "canonical_flag"])
    side = stories.select(["story_id", "canonical_doc_id", "copy_count"]).join(
        canon, "canonical_doc_id", join_type="left outer")
    side = side.append_column("in_stories", pa.array([True] * side.num_rows, pa.bool_()))
    joined = per_doc.join(side, "story_id", join_type="full outer").sort_by("story_id")
    in_stories = pc.fill_null(joined["in_stories"], False)
    documents = pc.fill_null(joined["documents"], 0)
    matches = pc.fill_null(pc.and_kleene(pc.equal(joined["canonical_story_id"], joined["story_id"]),
                                         joined["canonical_flag"]), False)
    # Null without a stories row or without documents: those rows fail in_stories or documents instead.
    judged = pc.and_(in_stories, pc.greater(documents, 0))
    view = pa.table({
        "story_id": joined["story_id"],
        "in_stories": in_stories,
        "documents": documents,
        "canonical_copies": pc.fill_null(joined["canonical_copies"], 0),
        "copy_count": joined["copy_count"],
        "canonical_doc_matches": pc.if_else(judged, matches, pa.scalar(None, pa.bool_())),
    })
    return view.to_pandas()


def _string_columns(cfg: Config) -> dict[str, list[str]]:
    return {t: [f.name for f in arrow_schema(cfg.schemas_dir, t) if pa.types.is_string(f.type)]
            for t in TABLES}


def _head_rows(counts: Counter) -> pd.DataFrame:
    rows = [{"cell": cell, "first_char": head, "cells": n} for (cell, head), n in sorted(counts.items())]
    return pd.DataFrame(rows, columns=["cell", "first_char", "cells"])


def csv_cells_from_tables(tables: Mapping[str, pa.Table], cfg: Config,
                          render: Callable[[pa.Array], pa.Array]) -> pd.DataFrame:
    """First characters of every text cell as the CSV writer renders it (`render`), in bounded batches."""
    counts: Counter = Counter()
    for table, names in _string_columns(cfg).items():
        present = [n for n in names if n in tables[table].column_names]
        give_back()
        for batch in batches(tables[table], present, _BATCH):
            for name in present:
                # a null is written as an empty cell
                _count_heads(counts, f"{table}.{name}", pc.fill_null(render(batch.column(name)), ""))
    return _head_rows(counts)


def _count_heads(counts: Counter, cell: str, values: pa.Array) -> None:
    found = pc.value_counts(pc.utf8_slice_codeunits(values, 0, 1))
    for head, n in zip(found.field("values").to_pylist(), found.field("counts").to_pylist()):
        if head is not None:
            counts[(cell, head)] += n


def csv_cells_from_files(folder: Path, cfg: Config) -> pd.DataFrame:
    """First characters of every text cell in a release's written CSV files, read in blocks."""
    import pyarrow.csv as pcsv

    counts: Counter = Counter()
    for table, names in _string_columns(cfg).items():
        path = folder / f"{table}.csv"
        if not path.is_file():
            continue
        reader = pcsv.open_csv(path, parse_options=pcsv.ParseOptions(newlines_in_values=True),
                               convert_options=pcsv.ConvertOptions(
                                   column_types={n: pa.string() for n in names}, include_columns=names,
                                   include_missing_columns=True, strings_can_be_null=False))
        for batch in reader:
            for name in names:
                _count_heads(counts, f"{table}.{name}", batch.column(name))
    return _head_rows(counts)
