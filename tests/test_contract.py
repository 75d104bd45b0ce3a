"""schemas/ ⇄ expectations/ ⇄ the written Parquet stay in step."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from flows import gateviews, validate
from flows.schema import TABLES, load_table_spec
from flows.tablefile import write_parquet
from gate_data import good_tables

NOT_NULL = "expect_column_values_to_not_be_null"


def suite(cfg, name):
    return validate.load_suite(cfg.expectations_dir, name)


def contract_signatures(cfg) -> list[str]:
    from flows.schema import arrow_schema

    names = gateviews._type_names(cfg)
    return [gateviews.column_signature(t, i + 1, f, names)
            for t in TABLES for i, f in enumerate(arrow_schema(cfg.schemas_dir, t))]


def test_every_suite_file_is_a_ge_suite_whose_rules_say_why(cfg):
    files = sorted(p.stem for p in cfg.expectations_dir.glob("*.json"))
    assert files == sorted(validate.SUITES)
    for name in validate.SUITES:
        spec = suite(cfg, name)
        assert spec["name"] == name and spec["meta"]["great_expectations_version"] == "1.24.1"
        for item in spec["expectations"]:
            assert set(item) == {"type", "kwargs", "meta", "severity"}, item
            assert item["type"].startswith("expect_") and item["severity"] in ("critical", "warning")
            assert len(item["meta"]["notes"]) >= 20, item
            assert (item["severity"] == "warning") == ("mostly" in item["kwargs"]), item


@pytest.mark.parametrize("table", TABLES)
def test_table_suites_name_only_contract_or_derived_columns(cfg, table):
    columns = {c["name"] for c in load_table_spec(cfg.schemas_dir, table)["columns"]}
    derived = set(gateviews._derivations(cfg))
    assert set(validate.referenced_columns(suite(cfg, table))) <= columns | derived


@pytest.mark.parametrize("table", TABLES)
def test_every_required_column_has_a_critical_not_null(cfg, table):
    stand_in = {"text": "text_length", "agencies": "agencies_count", "outlets": "outlets_count",
                "doc_ids": "doc_ids_count"}
    checked = {item["kwargs"]["column"] for item in suite(cfg, table)["expectations"]
               if item["type"] == NOT_NULL and item["severity"] == "critical"}
    required = [c["name"] for c in load_table_spec(cfg.schemas_dir, table)["columns"] if not c["nullable"]]
    assert [c for c in required if stand_in.get(c, c) not in checked] == []


def test_columns_suite_lists_exactly_the_schemas(cfg):
    expected = contract_signatures(cfg)
    for item in suite(cfg, "columns")["expectations"]:
        assert item["kwargs"]["value_set"] == expected


def test_written_parquet_has_the_columns_the_suite_lists(cfg, tmp_path):
    written = {}
    for name, table in good_tables(cfg).items():
        write_parquet(table, tmp_path / f"{name}.parquet")
        written[name] = pq.read_schema(tmp_path / f"{name}.parquet")
    view = gateviews.columns_view(written, cfg)
    assert view["signature"].tolist() == suite(cfg, "columns")["expectations"][0]["kwargs"]["value_set"]


def test_suites_are_stored_as_formatted_json(cfg):
    for name in validate.SUITES:
        path = cfg.expectations_dir / f"{name}.json"
        text = path.read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
