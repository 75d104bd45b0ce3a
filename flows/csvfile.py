"""CSV twins of the release tables: RFC 4180, UTF-8, CRLF, and guarded against spreadsheet formulas."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

# OWASP CSV injection: a spreadsheet reads a cell starting with one of these as a formula (or,
# for tab/CR/LF, as the start of one after trimming). Parquet keeps the value untouched.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_FORMULA_RE = r"^([=+\-@\t\r\n])"
GUARD_NOTE = ("In the CSV only, a text value that starts with = + - @, tab, CR or LF carries a leading "
              "single quote (') so spreadsheets do not run it as a formula; the Parquet file holds the "
              "original value.")
# Rows converted per step, so memory stays flat however large the table.
_BATCH = 10_000
# A list item with one of these needs JSON escaping, which Arrow's string joins cannot do.
_NEEDS_ESCAPE = r'["\\\x00-\x1f]'


def neutralise(value: object) -> object:
    """Prefix a text cell that would start a spreadsheet formula with a single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(table: pa.Table, path: Path) -> None:
    """Write RFC 4180 CSV: UTF-8, CRLF, every value quoted, nulls empty, lists as JSON, formulas guarded."""
    options = pacsv.WriteOptions(include_header=True, eol="\r\n", quoting_style="all_valid",
                                 quoting_header="all_valid")
    schema = pa.schema([pa.field(f.name, pa.string()) for f in table.schema])
    with pacsv.CSVWriter(str(path), schema, write_options=options) as writer:
        for batch in table.to_batches(max_chunksize=_BATCH):
            columns = [as_text(batch.column(i)) for i in range(batch.num_columns)]
            writer.write_batch(pa.record_batch(columns, schema=schema))


def as_text(column: pa.Array) -> pa.Array:
    """Render one column as the CSV shows it: ISO dates and times, true/false, JSON lists, guarded text."""
    kind = column.type
    if pa.types.is_list(kind):
        return _json_lists(column)
    if pa.types.is_timestamp(kind):
        return pc.strftime(column, format="%Y-%m-%dT%H:%M:%SZ")
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return pc.replace_substring_regex(column, pattern=_FORMULA_RE, replacement=r"'\1")
    return pc.cast(column, pa.string())


def _json_lists(column: pa.Array) -> pa.Array:
    """Each list as a JSON array of strings; plain items are joined by Arrow, the rest by json.dumps."""
    items = pc.list_flatten(column)
    if len(items) and pc.any(pc.match_substring_regex(items, _NEEDS_ESCAPE)).as_py():
        return pa.array([None if v is None else json.dumps(v, ensure_ascii=False) for v in column.to_pylist()],
                        pa.string())
    joined = pc.binary_join_element_wise('["', pc.binary_join(column, '", "'), '"]', "")
    return pc.if_else(pc.equal(pc.list_value_length(column), 0), pa.scalar("[]"), joined)
