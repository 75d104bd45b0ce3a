import gzip
import io
import json

from flows import archives, ingest
from flows.model import Quarantined, RawDoc

STORY = "<html><body><article><p>" + "Ein Satz über die Stadt und ihre Leute. " * 20 + "</p></article></body></html>"


def write_warc(path, records, gz=True):
    """Write (url, content type, body bytes, record type) tuples as a WARC file with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, ctype, body, rec_type in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, rec_type, payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-05-01T10:00:00Z"}))
    path.write_bytes(buf.getvalue())
    return path


def pages(n):
    return [(f"https://example.org/news/{i}", "text/html; charset=utf-8", STORY.encode(), "response")
            for i in range(n)]


def read_all(cfg):
    return [row for chunk in ingest.plan(cfg).chunks for row in ingest.read_chunk(chunk, cfg)]


def test_warc_response_records_become_documents_keyed_by_record_id(cfg):
    write_warc(cfg.input_dir / "crawl.warc.gz", pages(2))
    rows = read_all(cfg)
    assert [type(r) for r in rows] == [RawDoc, RawDoc]
    first = rows[0]
    assert first.source_path.startswith("crawl.warc.gz#urn:uuid:")
    assert first.url == "https://example.org/news/0" and first.kind == "html"
    assert first.crawled_at.isoformat() == "2024-05-01T10:00:00+00:00"


def test_uncompressed_warc_is_read_too(cfg):
    write_warc(cfg.input_dir / "crawl.warc", pages(1), gz=False)
    (row,) = read_all(cfg)
    assert isinstance(row, RawDoc) and "Stadt" in row.text


def test_non_html_record_is_quarantined_and_the_rest_kept(cfg):
    records = pages(1) + [("https://example.org/logo.png", "image/png", b"\x89PNG....", "response")]
    write_warc(cfg.input_dir / "mixed.warc.gz", records + pages(1))
    rows = read_all(cfg)
    assert [type(r).__name__ for r in rows] == ["RawDoc", "Quarantined", "RawDoc"]
    assert rows[1].reason == "not_html" and "image/png" in rows[1].detail


def test_request_records_are_skipped(cfg):
    write_warc(cfg.input_dir / "c.warc.gz", [("https://example.org/a", "text/html", b"GET / HTTP/1.1", "request")]
               + pages(1))
    assert [type(r) for r in read_all(cfg)] == [RawDoc]


def test_truncated_warc_gz_keeps_records_before_the_damage(cfg):
    path = write_warc(cfg.input_dir / "cut.warc.gz", pages(3))
    data = path.read_bytes()
    path.write_bytes(data[:len(data) - 200])
    rows = read_all(cfg)
    kept = [r for r in rows if isinstance(r, RawDoc)]
    lost = [r for r in rows if isinstance(r, Quarantined)]
    assert len(kept) == 2
    assert [q.reason for q in lost] == ["truncated_archive"] and lost[0].source_path.startswith("cut.warc.gz#")


def test_truncated_plain_warc_quarantines_the_partial_record(cfg):
    path = write_warc(cfg.input_dir / "cut.warc", pages(2), gz=False)
    path.write_bytes(path.read_bytes()[:-300])
    rows = read_all(cfg)
    assert isinstance(rows[0], RawDoc) and rows[1].reason == "truncated_archive"


def test_garbage_after_records_is_quarantined_as_damage(cfg):
    path = write_warc(cfg.input_dir / "bad.warc.gz", pages(1))
    path.write_bytes(path.read_bytes() + b"this is not a warc record at all\r\n" * 20)
    rows = read_all(cfg)
    assert isinstance(rows[0], RawDoc)
    assert rows[-1].reason in ("damaged_archive", "truncated_archive")


def test_cp1252_page_without_charset_is_decoded(cfg):
    body = "<html><body><p>Café “Zürich” – naïve résumé</p></body></html>".encode("cp1252")
    write_warc(cfg.input_dir / "w.warc.gz", [("https://example.org/c", "text/html", body, "response")])
    (row,) = read_all(cfg)
    assert row.encoding == "cp1252" and "Café “Zürich” – naïve résumé" in row.text


def test_http_header_charset_is_used(cfg):
    body = "<p>Αθήνα</p>".encode("iso-8859-7")
    write_warc(cfg.input_dir / "w.warc.gz", [("https://example.org/g", "text/html; charset=iso-8859-7", body,
                                              "response")])
    (row,) = read_all(cfg)
    assert "Αθήνα" in row.text


def test_jsonl_records_with_html_or_text(cfg):
    lines = [{"url": "https://example.org/a", "html": STORY, "crawled_at": "2024-05-02T08:00:00Z"},
             {"url": "https://example.org/b", "text": "Plain story text."},
             {"url": "https://example.org/c"}]
    (cfg.input_dir / "export.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    rows = read_all(cfg)
    assert [r.source_path for r in rows] == [f"export.jsonl#line:{i}" for i in (1, 2, 3, 4)]
    assert rows[0].kind == "html" and rows[0].crawled_at.isoformat() == "2024-05-02T08:00:00+00:00"
    assert rows[1].kind == "text" and rows[1].url == "https://example.org/b"
    assert rows[2].reason == "empty_file" and rows[3].reason == "bad_record"


def test_truncated_jsonl_gz_keeps_whole_records_before_the_damage(cfg):
    lines = "".join(json.dumps({"url": f"https://example.org/{i}", "html": STORY}) + "\n" for i in range(50))
    data = gzip.compress(lines.encode())
    (cfg.input_dir / "cut.jsonl.gz").write_bytes(data[:len(data) // 2])
    rows = read_all(cfg)
    docs = [r for r in rows if isinstance(r, RawDoc)]
    assert docs and all(r.source_path.startswith("cut.jsonl.gz#line:") for r in docs)
    assert rows[-1].reason == "truncated_archive"


def test_each_archive_is_a_chunk_of_its_own(cfg):
    for name in ("a.html", "b.html", "m.jsonl", "z.html"):
        (cfg.input_dir / name).write_text("{}" if name.endswith("jsonl") else STORY)
    chunks = ingest.plan(cfg).chunks
    assert [[s.rel_path for s in c] for c in chunks] == [["a.html", "b.html"], ["m.jsonl"], ["z.html"]]
    assert chunks[1][0].archive


def test_is_archive_knows_the_endings():
    assert archives.is_archive("x/CC-NEWS-2024.warc.gz") and archives.is_archive("a.jsonl")
    assert not archives.is_archive("page.html")
