"""CSV twins: RFC 4180 quoting and line ends, UTF-8, lists as JSON, formula cells neutralised."""

import csv
import datetime as dt
import io

import pandas as pd
import pyarrow as pa
import pytest

from flows.csvfile import neutralise, write_csv


@pytest.mark.parametrize("value", ["=1+2", "+1", "-cmd", "@SUM(A1)", "\tx", "\rx", "\nx"])
def test_formula_starts_get_a_quote(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Plain", "a=b", "", "'already", 5, None, -3])
def test_other_values_are_untouched(value):
    assert neutralise(value) == value


def _write(tmp_path, table):
    path = tmp_path / "t.csv"
    write_csv(table, path)
    return path.read_bytes()


def test_rfc4180_crlf_quotes_and_embedded_newlines(tmp_path):
    table = pa.table({"text": ['Line one\nline "two", with comma', "é “curly”"], "n": [1, 2]})
    raw = _write(tmp_path, table)
    assert raw.startswith(b'"text","n"\r\n')
    assert b'"Line one\nline ""two"", with comma","1"\r\n' in raw
    assert raw.endswith(b"\r\n") and raw.count(b"\r\n") == 3
    raw.decode("utf-8")  # UTF-8, no BOM
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows[1] == ['Line one\nline "two", with comma', "1"]


def test_csv_round_trips_through_pandas(tmp_path):
    table = pa.table({"text": ["a\r\nb", "plain"], "when": [dt.date(2024, 3, 1), None]})
    write_csv(table, tmp_path / "t.csv")
    back = pd.read_csv(tmp_path / "t.csv", keep_default_na=True)
    assert back["text"].tolist() == ["a\r\nb", "plain"]
    assert back["when"].tolist()[0] == "2024-03-01" and pd.isna(back["when"].tolist()[1])


def test_formula_text_is_neutralised_in_csv_only(tmp_path):
    table = pa.table({"title": ['=HYPERLINK("http://x")', "-5 degrees"]})
    raw = _write(tmp_path, table).decode()
    assert '"\'=HYPERLINK(""http://x"")"' in raw and "\"'-5 degrees\"" in raw
    assert table.column("title").to_pylist()[0] == '=HYPERLINK("http://x")'


def test_lists_are_json_arrays_nulls_empty_and_bools_words(tmp_path):
    table = pa.table({"agencies": pa.array([["AP", "AFP"], []], pa.list_(pa.string())),
                      "flag": [True, False], "title": [None, ""], "score": [-0.5, 0.8]})
    lines = _write(tmp_path, table).decode().split("\r\n")
    # A null is an empty, unquoted cell; an empty string is a quoted empty cell.
    assert lines[1] == '"[""AP"", ""AFP""]","true",,"-0.5"'
    assert lines[2] == '"[]","false","","0.8"'


def test_list_items_that_need_escaping_are_valid_json(tmp_path):
    import json

    items = ['say "hi"', "back\\slash", "tab\tnew\nline"]
    table = pa.table({"l": pa.array([items], pa.list_(pa.string()))})
    write_csv(table, tmp_path / "t.csv")
    with (tmp_path / "t.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert json.loads(rows[1][0]) == items


def test_timestamps_are_iso_8601_utc(tmp_path):
    when = dt.datetime(2024, 3, 2, 8, 30, 5, tzinfo=dt.timezone.utc)
    table = pa.table({"t": pa.array([when], pa.timestamp("us", tz="UTC"))})
    cell = _write(tmp_path, table).decode().split("\r\n")[1].strip('"')
    assert dt.datetime.fromisoformat(cell.replace("Z", "+00:00")) == when


def test_empty_table_is_just_the_header(tmp_path):
    assert _write(tmp_path, pa.table({"a": pa.array([], pa.string())})) == b'"a"\r\n'


def test_large_tables_are_written_in_batches(tmp_path):
    table = pa.table({"n": list(range(25_000))})
    lines = _write(tmp_path, table).split(b"\r\n")
    assert len(lines) == 25_002 and lines[-2] == b'"24999"'
