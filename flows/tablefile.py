"""Release tables too big for memory: written as Parquet a row group at a time, read back by columns or batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

# Fixed Parquet settings and row-group size, so equal rows give equal bytes however they were batched.
PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 9, "use_dictionary": True,
                   "write_statistics": True, "store_schema": True}
# Rows per row group: ~60 MB of news text (3 KB a page) held while a group is written, and groups large
# enough that readers filtering on a column skip whole groups (statistics are per group).
ROW_GROUP = 20_000


class RowGroupWriter:
    """Appends tables to a Parquet file in row groups of exactly ROW_GROUP rows (the last one shorter)."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path, self.schema = path, schema
        self._writer = pq.ParquetWriter(path, schema, **PARQUET_OPTIONS)
        self._pending: list[pa.Table] = []
        self._buffered = 0
        self.rows = 0

    def write(self, table: pa.Table) -> None:
        """Buffer `table`'s rows and write every full row group they complete."""
        self._pending.append(table)
        self._buffered += table.num_rows
        while self._buffered >= ROW_GROUP:
            self._flush(ROW_GROUP)

    def _flush(self, rows: int) -> None:
        merged = pa.concat_tables(self._pending) if len(self._pending) > 1 else self._pending[0]
        # One contiguous chunk per row group: the bytes then depend on the rows only.
        self._writer.write_table(merged.slice(0, rows).combine_chunks(), row_group_size=ROW_GROUP)
        rest = merged.slice(rows)
        self._pending, self._buffered = ([rest] if rest.num_rows else []), rest.num_rows
        self.rows += rows

    def close(self) -> None:
        """Write the last, shorter row group (an empty table keeps its schema) and close the file."""
        if self._buffered:
            self._flush(self._buffered)
        elif self.rows == 0:
            self._writer.write_table(self.schema.empty_table())
        self._writer.close()

    def __enter__(self) -> "RowGroupWriter":
        return self

    def __exit__(self, kind, *_rest) -> None:
        if kind is None:
            self.close()
        else:  # a failed write leaves no file that looks finished
            self._writer.close()
            self.path.unlink(missing_ok=True)


class TableFile:
    """A Parquet file standing in for a pyarrow Table: columns and batches are read only when asked for."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        meta = pq.read_metadata(self.path)
        self.num_rows = meta.num_rows
        self.nbytes = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        self.schema = pq.read_schema(self.path)
        self.column_names = list(self.schema.names)

    def column(self, name: str) -> pa.ChunkedArray:
        """One whole column, read from the file."""
        return pq.read_table(self.path, columns=[name]).column(name)

    def __getitem__(self, name: str) -> pa.ChunkedArray:
        return self.column(name)

    def select(self, names: Iterable[str]) -> pa.Table:
        """The named columns as an in-memory table."""
        return pq.read_table(self.path, columns=list(names))

    def to_batches(self, max_chunksize: int = ROW_GROUP, columns: list[str] | None = None) -> Iterator[pa.RecordBatch]:
        """Every row, at most `max_chunksize` rows at a time, reading one row group at a time."""
        # One row group at a time: ParquetFile.iter_batches reads ahead across groups, which at a million
        # news pages held 1.2 GB of body text to hand out 50,000 rows.
        source = pq.ParquetFile(self.path)
        try:
            for group in range(source.num_row_groups):
                yield from source.read_row_group(group, columns=columns, use_threads=False).to_batches(max_chunksize)
        finally:
            source.close()


def batches(table: pa.Table | TableFile, columns: list[str], size: int) -> Iterator[pa.Table]:
    """The named columns of an in-memory table or a table file, `size` rows at a time."""
    if isinstance(table, TableFile):
        for batch in table.to_batches(size, columns):
            yield pa.Table.from_batches([batch])
        return
    picked = table.select(columns)
    for start in range(0, picked.num_rows, size):
        yield picked.slice(start, size)


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write a table as Parquet with settings fixed so equal tables give equal bytes."""
    with RowGroupWriter(path, table.schema) as writer:
        writer.write(table)


def parquet_writer(path: Path, schema: pa.Schema) -> pq.ParquetWriter:
    """Open a Parquet file to append tables to in batches, with the settings of write_parquet."""
    return pq.ParquetWriter(path, schema, **PARQUET_OPTIONS)


def copy_into(table: pa.Table | TableFile, path: Path) -> None:
    """Write `table` as a release Parquet file at `path` (a table file is linked, or copied across devices)."""
    if not isinstance(table, TableFile):
        write_parquet(table, path)
        return
    try:
        path.hardlink_to(table.path)
    except OSError:
        import shutil

        shutil.copyfile(table.path, path)
