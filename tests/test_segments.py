"""Cutting a staged chunk by input: rows, fingerprints, rejections and counts stay together."""

import numpy as np
import pyarrow.parquet as pq
import pytest

from bench.corpus import generate
from flows import ingest, resume, segments
from flows.fingerprint import load_part


def test_input_of_finds_loose_files_and_archive_records():
    keys = {"a.txt", "feed#1.warc", "feed.warc"}
    assert segments.input_of("a.txt", keys) == "a.txt"
    assert segments.input_of("feed.warc#17", keys) == "feed.warc"
    assert segments.input_of("feed#1.warc#3", keys) == "feed#1.warc"
    with pytest.raises(KeyError):
        segments.input_of("b.txt#1", keys)


def test_cut_keeps_only_the_chosen_inputs(tmp_path, cfg):
    generate(cfg.input_dir, 12, seed=5)
    (cfg.input_dir / "0000" / "0000099.txt").write_text("Menu\n\nSign in\n")  # no story: quarantined
    chunk = ingest.plan(cfg).chunks[0]
    run = tmp_path / "run"
    run.mkdir()
    staged = resume.stage_chunk(0, chunk, run, cfg)
    keep = {chunk[1].rel_path, chunk[4].rel_path, "0000/0000099.txt"}
    piece = segments.cut(staged, keep, tmp_path / "piece.parquet")
    rows = pq.read_table(piece.result.part)
    assert set(rows.column("source_path").to_pylist()) == keep - {"0000/0000099.txt"}
    assert piece.result.sources == rows.column("source_path").to_pylist()
    kept = [d.decode() for p in piece.result.fingerprints for d in load_part(p).doc_id]
    assert kept == piece.result.doc_ids == rows.column("doc_id").to_pylist()
    whole = load_part(staged.result.fingerprints[0])
    again = segments.take(whole, np.ones(len(whole), dtype=bool))
    for name in ("para_ptr", "para_hash", "shingle_ptr", "shingles"):
        assert (getattr(again.shingles, name) == getattr(whole.shingles, name)).all()
    assert [q.source_path for q in piece.result.quarantined] == ["0000/0000099.txt"]
    assert piece.result.counts["read"] == len(keep) and piece.result.counts["tagged"] == rows.num_rows
    assert [r.rel_path for r in piece.inputs] == sorted(keep)
