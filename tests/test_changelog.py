"""Changes between releases: counts by id and content, schema changes, the cumulative CHANGELOG.md."""

import pyarrow as pa
import pyarrow.parquet as pq

from flows import changelog
from release_data import first_rows, second_rows, tables


def _digests(table, key):
    return changelog.row_digests(table.to_batches(), key, table.column_names)


def test_compare_counts_added_removed_changed():
    old = pa.table({"id": ["a", "b", "c"], "v": [1, 2, 3]})
    new = pa.table({"id": ["b", "c", "d", "e"], "v": [2, 30, 4, 5]})
    got = changelog.compare(_digests(old, ("id",)), _digests(new, ("id",)))
    assert got == {"added": 2, "removed": 1, "changed": 1, "total": 4}


def test_keyless_rows_are_only_added_or_removed():
    old = pa.table({"path": ["x", "y"], "detail": ["d", "e"]})
    new = pa.table({"path": ["x", "y"], "detail": ["d", "E"]})
    got = changelog.compare(_digests(old, ()), _digests(new, ()))
    assert got == {"added": 1, "removed": 1, "changed": 0, "total": 2}


def test_list_and_date_values_count_as_content():
    import datetime as dt

    old = pa.table({"id": ["a"], "l": [["AP"]], "d": [dt.date(2024, 1, 1)]})
    same = pa.table({"id": ["a"], "l": [["AP"]], "d": [dt.date(2024, 1, 1)]})
    other = pa.table({"id": ["a"], "l": [["AP", "AFP"]], "d": [dt.date(2024, 1, 1)]})
    assert changelog.compare(_digests(old, ("id",)), _digests(same, ("id",)))["changed"] == 0
    assert changelog.compare(_digests(old, ("id",)), _digests(other, ("id",)))["changed"] == 1


def test_diff_release_against_previous_parquet(cfg, tmp_path):
    previous = tmp_path / "prev"
    previous.mkdir()
    for name, table in tables(first_rows(), cfg).items():
        pq.write_table(table, previous / f"{name}.parquet")
    got = changelog.diff_release(previous, tables(second_rows(), cfg))
    assert got["documents"] == {"added": 2, "removed": 0, "changed": 0, "total": 5}
    # The lone story gained a copy: same story_id, new copy_count, doc_ids and outlets.
    assert got["stories"] == {"added": 1, "removed": 0, "changed": 1, "total": 3}


def test_first_release_counts_everything_as_added(cfg):
    got = changelog.diff_release(None, tables(first_rows(), cfg))
    assert got["documents"] == {"added": 3, "removed": 0, "changed": 0, "total": 3}


def test_schema_changes_name_columns():
    old = {"documents": [{"name": "a", "type": "string", "nullable": True},
                         {"name": "b", "type": "int32", "nullable": False}]}
    new = {"documents": [{"name": "a", "type": "int64", "nullable": True},
                         {"name": "c", "type": "date", "nullable": True}]}
    assert changelog.schema_changes(old, new) == [
        "`documents.c` added (date)", "`documents.b` removed", "`documents.a` changed from string to int64"]
    assert changelog.schema_changes(None, new) == []


def _manifest(version, previous, docs_added):
    zero = {"added": 0, "removed": 0, "changed": 0, "total": 1}
    return {"version": version, "previous_version": previous, "released": "2025-11-21T00:00:00Z",
            "changes": {"stories": zero, "documents": dict(zero, added=docs_added), "quarantine": zero}}


def test_changelog_keeps_older_entries_below_the_new_one(tmp_path):
    one, two = tmp_path / "1.0.0", tmp_path / "1.1.0"
    one.mkdir(), two.mkdir()
    changelog.write_changelog(_manifest("1.0.0", None, 1), None, one / "CHANGELOG.md")
    changelog.write_changelog(_manifest("1.1.0", "1.0.0", 7), one, two / "CHANGELOG.md")
    text = (two / "CHANGELOG.md").read_text()
    assert text.startswith("# Changelog")
    assert text.index("## [1.1.0]") < text.index("## [1.0.0]") and text.count("## [") == 2
    assert "| documents | 7 | 0 | 0 | 1 |" in text and "| quarantine | 0 | 0 | – | 1 |" in text
