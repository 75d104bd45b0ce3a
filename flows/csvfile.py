"""CSV twins of the release tables: RFC 4180, UTF-8, CRLF, and guarded against spreadsheet formulas."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa

# OWASP CSV injection: a spreadsheet reads a cell starting with one of these as a formula (or,
# for tab/CR/LF, as the start of one after trimming). Parquet keeps the value untouched.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
GUARD_NOTE = ("In the CSV only, a text value that starts with = + - @, tab, CR or LF carries a leading "
              "single quote (') so spreadsheets do not run it as a formula; the Parquet file holds the "
              "original value.")


def neutralise(value: object) -> object:
    """Prefix a text cell that would start a spreadsheet formula with a single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(table: pa.Table, path: Path) -> None:
    """Write RFC 4180 CSV: UTF-8, CRLF, every field quoted, lists as JSON arrays, formulas neutralised."""
    names = table.column_names
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(names)
        for batch in table.to_batches(max_chunksize=10_000):
            for row in batch.to_pylist():
                writer.writerow([_cell(row[n]) for n in names])


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        # List items are not neutralised: the cell starts with '[' and JSON readers need them intact.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return neutralise(value)
