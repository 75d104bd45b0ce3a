"""Record-level checks: bad fields are nulled, bad bodies are quarantined with stage, reason and detail."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pyarrow as pa
import pyarrow.parquet as pq

from flows import checks, dedup
from flows.chunks import ChunkResult
from flows.tables import staging_schema, write_parquet
from gate_data import UTC, doc, hex_id, prose


def staged(rows: list[dict], cfg) -> pa.Table:
    """Rows as a chunk stages them: the documents schema without dedup's columns."""
    names = staging_schema(cfg).names
    return pa.Table.from_pylist([{k: r[k] for k in names} for r in rows], schema=staging_schema(cfg))


def test_a_clean_record_is_untouched(cfg):
    table = staged([doc(1)], cfg)
    fixed, nulled = checks.null_bad_fields(table, cfg)
    assert fixed.equals(table) and not nulled and checks.rejections(table, cfg) == [None]


def test_dates_outside_floor_and_today_are_nulled_with_their_source(cfg):
    rows = [doc(1, published_date=dt.date(2099, 1, 1)), doc(2, published_date=dt.date(1989, 12, 31)),
            doc(3, published_date=cfg.today), doc(4, published_date=cfg.date_floor)]
    fixed, nulled = checks.null_bad_fields(staged(rows, cfg), cfg)
    assert fixed["published_date"].to_pylist() == [None, None, cfg.today, cfg.date_floor]
    assert fixed["date_source"].to_pylist() == [None, None, "date_line", "date_line"]
    assert nulled == {"published_date/out_of_range": 2}


def test_a_crawl_time_after_today_is_nulled(cfg):
    later = dt.datetime.combine(cfg.today + dt.timedelta(days=1), dt.time(0, 0, 1), UTC)
    rows = [doc(1, crawled_at=later), doc(2, crawled_at=dt.datetime.combine(cfg.today, dt.time(23, 59), UTC))]
    fixed, nulled = checks.null_bad_fields(staged(rows, cfg), cfg)
    assert fixed["crawled_at"][0].as_py() is None and fixed["crawled_at"][1].as_py() is not None
    assert nulled == {"crawled_at/in_future": 1}


def test_a_title_that_is_the_outlet_or_no_headline_is_nulled(cfg):
    rows = [doc(1, title="The  Courier", outlet="the courier"), doc(2, title="x" * 301), doc(3, title="ab"),
            doc(4, title="Courier wins award", outlet="Courier")]
    fixed, nulled = checks.null_bad_fields(staged(rows, cfg), cfg)
    assert fixed["title"].to_pylist() == [None, None, None, "Courier wins award"]
    assert fixed["title_source"].to_pylist() == [None, None, None, "first_line"]
    assert nulled == {"title/equals_outlet": 1, "title/length_out_of_bounds": 2}


def test_bodies_ending_in_furniture_or_out_of_bounds_are_quarantined(cfg):
    rows = [doc(1, text=prose(1) + "\n\nNo comments:"), doc(2, text="Too short to be a story."),
            doc(3, text=prose(3) + "\nLog in with Facebook to comment and personalise news."),
            doc(4, text=prose(4) + "\n\nHe declined to comment."), doc(5, text="word " * 200_001)]
    found = checks.rejections(staged(rows, cfg), cfg)
    assert [q and q.reason for q in found] == ["chrome_in_body", "body_too_short", "chrome_in_body", None,
                                               "body_too_long"]
    assert found[0].stage == "validate" and found[0].doc_id == hex_id("doc1")
    assert found[0].source_path == "in/001.txt"
    assert found[0].detail == "body ends in page furniture: 'No comments:'"
    assert found[1].detail == "24 characters of body, fewer than 200"


def test_screen_drops_rejected_rows_from_the_part_and_what_dedup_sees(cfg, tmp_path):
    cfg = replace(cfg, stage_batch_docs=2)  # the part is read in batches: rows from both must line up
    rows = [doc(1), doc(2, text=prose(2) + "\nPost a Comment"), doc(3, published_date=dt.date(2099, 5, 5))]
    part = tmp_path / "part-000000.parquet"
    write_parquet(staged(rows, cfg), part)
    fps = [dedup.fingerprint(r["doc_id"], r["text"], r["published_date"], False, cfg) for r in rows]
    result = ChunkResult(0, part, fps, [r["source_path"] for r in rows], counts={"read": 3})
    checks.screen(result, cfg)
    kept = pq.read_table(part)
    assert kept["doc_id"].to_pylist() == [hex_id("doc1"), hex_id("doc3")]
    assert kept.schema.equals(staging_schema(cfg))
    assert [fp.doc_id for fp in result.fingerprints] == [hex_id("doc1"), hex_id("doc3")]
    assert result.fingerprints[1].published is None and result.sources == ["in/001.txt", "in/003.txt"]
    assert [(q.stage, q.reason) for q in result.quarantined] == [("validate", "chrome_in_body")]
    assert result.counts["nulled/published_date/out_of_range"] == 1
    assert checks.nulled_counts([result]) == {"published_date/out_of_range": 1}


def test_screen_removes_a_part_left_empty(cfg, tmp_path):
    part = tmp_path / "part-000001.parquet"
    write_parquet(staged([doc(1, text="tiny")], cfg), part)
    result = checks.screen(ChunkResult(1, part, [], ["in/001.txt"]), cfg)
    assert result.part is None and not part.exists() and result.sources == []

