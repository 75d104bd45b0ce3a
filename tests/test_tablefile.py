"""Table files: Parquet written a row group at a time, and tables read back by columns or batches."""

from __future__ import annotations

import pyarrow as pa
import pytest

import flows.tablefile as tablefile
from flows.config import build_config
from flows.tablefile import RowGroupWriter, TableFile, batches, copy_into, write_parquet
from flows.tables import stories_table, write_stories
from flows.validate import run_gate
from release_data import doc, first_rows, tables


@pytest.fixture
def small_groups(monkeypatch):
    """Row groups of three rows, so a handful of rows spans several of them."""
    monkeypatch.setattr(tablefile, "ROW_GROUP", 3)


def numbers(n: int) -> pa.Table:
    return pa.table({"n": pa.array(range(n), pa.int64()), "word": [f"w{i}" for i in range(n)]})


@pytest.mark.parametrize("pieces", [[7], [1, 1, 1, 1, 1, 1, 1], [2, 5], [3, 3, 1], [0, 7, 0]])
def test_rows_written_in_any_batches_give_the_bytes_of_the_whole_table(pieces, small_groups, tmp_path):
    whole = numbers(7)
    write_parquet(whole, tmp_path / "whole.parquet")
    with RowGroupWriter(tmp_path / "pieces.parquet", whole.schema) as writer:
        start = 0
        for size in pieces:
            writer.write(whole.slice(start, size))
            start += size
    assert (tmp_path / "pieces.parquet").read_bytes() == (tmp_path / "whole.parquet").read_bytes()


def test_an_empty_table_file_keeps_its_schema(tmp_path):
    with RowGroupWriter(tmp_path / "empty.parquet", numbers(0).schema):
        pass
    found = TableFile(tmp_path / "empty.parquet")
    assert found.num_rows == 0 and found.column_names == ["n", "word"] and list(found.to_batches()) == []


def test_a_failed_write_leaves_no_file(tmp_path):
    with pytest.raises(RuntimeError), RowGroupWriter(tmp_path / "t.parquet", numbers(0).schema) as writer:
        writer.write(numbers(2))
        raise RuntimeError("disk gone")
    assert not (tmp_path / "t.parquet").exists()


def test_a_table_file_reads_columns_and_batches_like_the_table(small_groups, tmp_path):
    write_parquet(numbers(8), tmp_path / "t.parquet")
    found = TableFile(tmp_path / "t.parquet")
    assert found.num_rows == 8 and found["n"].to_pylist() == list(range(8))
    assert found.select(["word"]).column_names == ["word"]
    sizes = [b.num_rows for b in batches(found, ["n"], 3)]
    assert sizes == [3, 3, 2] and [b.num_rows for b in batches(numbers(8), ["n"], 3)] == sizes


def test_copy_into_links_a_table_file_and_writes_a_table(tmp_path):
    write_parquet(numbers(4), tmp_path / "t.parquet")
    copy_into(TableFile(tmp_path / "t.parquet"), tmp_path / "linked.parquet")
    copy_into(numbers(4), tmp_path / "written.parquet")
    assert (tmp_path / "linked.parquet").read_bytes() == (tmp_path / "t.parquet").read_bytes()
    assert (tmp_path / "written.parquet").read_bytes() == (tmp_path / "t.parquet").read_bytes()


def test_stories_written_a_batch_at_a_time_equal_the_stories_table(small_groups, tmp_path):
    cfg = build_config()
    rows = first_rows() + [doc(f"b00000000000000000000{i:03x}", story_id="a0000000000000000000aa01")
                           for i in range(5)]
    built = tables(rows, cfg)
    write_parquet(built["documents"], tmp_path / "documents.parquet")
    on_disk = write_stories(TableFile(tmp_path / "documents.parquet"), tmp_path / "stories.parquet", cfg)
    assert on_disk.select(on_disk.column_names).equals(stories_table(built["documents"], cfg))
    assert on_disk.num_rows == built["stories"].num_rows


def test_the_gate_judges_table_files_as_it_judges_tables(tmp_path):
    cfg = build_config()
    built = tables(first_rows(), cfg)
    for name in ("documents", "stories"):
        write_parquet(built[name], tmp_path / f"{name}.parquet")
    files = {**built, "documents": TableFile(tmp_path / "documents.parquet"),
             "stories": TableFile(tmp_path / "stories.parquet")}
    in_memory, from_files = run_gate(built, cfg), run_gate(files, cfg)
    assert [(o.expectation, o.column, o.success, o.observed) for o in from_files.outcomes] == \
        [(o.expectation, o.column, o.success, o.observed) for o in in_memory.outcomes]


def test_reading_batches_holds_one_row_group_not_the_file(small_groups, tmp_path):
    write_parquet(numbers(10), tmp_path / "t.parquet")
    found = TableFile(tmp_path / "t.parquet")
    assert [b.num_rows for b in found.to_batches(2)] == [2, 1, 2, 1, 2, 1, 1]  # groups of 3, 3, 3, 1
