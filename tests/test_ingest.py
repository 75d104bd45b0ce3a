import os

from flows import ingest
from flows.model import Quarantined, RawDoc


def test_plan_finds_text_and_html_recursively_sorted(cfg):
    for rel in ("b.txt", "a/z.html", "a/y.htm", "skip.pdf", "c.TXT"):
        path = cfg.input_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    plan = ingest.plan(cfg)
    assert [s.rel_path for c in plan.chunks for s in c] == ["a/y.htm", "a/z.html", "b.txt", "c.TXT"]


def test_doc_id_is_stable_hash_of_bytes():
    assert ingest.doc_id_for(b"abc") == ingest.doc_id_for(b"abc")
    assert len(ingest.doc_id_for(b"abc")) == 24
    assert ingest.doc_id_for(b"abc") != ingest.doc_id_for(b"abd")


def test_sidecar_manifest_gives_url_and_crawl_time(cfg):
    (cfg.input_dir / "p.html").write_text("<p>hi</p>")
    (cfg.input_dir / "manifest.csv").write_text(
        "file,url,crawled_at\np.html,https://example.org/a,2024-05-01T10:00:00Z\n")
    (source,) = ingest.plan(cfg).chunks[0]
    assert source.url == "https://example.org/a"
    assert source.crawled_at.isoformat() == "2024-05-01T10:00:00+00:00"


def test_empty_file_becomes_quarantine_row(cfg):
    (cfg.input_dir / "empty.txt").write_bytes(b"")
    (row,) = list(ingest.read_chunk(ingest.plan(cfg).chunks[0], cfg))
    assert isinstance(row, Quarantined) and row.reason == "empty_file" and row.stage == "ingest"


def test_symlink_outside_input_is_rejected(cfg, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read")
    os.symlink(secret, cfg.input_dir / "link.txt")
    plan = ingest.plan(cfg)
    assert plan.total == 0 and plan.rejected[0].reason == "outside_input"


def test_readable_file_becomes_raw_doc_with_relative_path(cfg):
    (cfg.input_dir / "sub").mkdir()
    (cfg.input_dir / "sub" / "story.txt").write_text("Some text", encoding="utf-8")
    (row,) = list(ingest.read_chunk(ingest.plan(cfg).chunks[0], cfg))
    assert isinstance(row, RawDoc) and row.source_path == "sub/story.txt" and row.kind == "text"
