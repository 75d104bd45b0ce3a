"""Nothing escapes: a run fetches nothing, writes nothing outside its output folder, shows record text
escaped wherever it renders HTML, and neutralises spreadsheet formulas in its CSV files."""

from __future__ import annotations

import csv
import errno
import html
import re
import shutil
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import SEEDS
from flows import validate
from hostile_data import html_page, jsonl, story, text_page, write

SCRIPT = "<script>alert('wiredesk')</script>"
IMG = '<img src=x onerror="alert(1)">'


class _Counter(BaseHTTPRequestHandler):
    hits: list[str] = []

    def _count(self):
        self.hits.append(f"{self.command} {self.path}")
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body>fetched</body></html>")

    do_GET = do_HEAD = do_POST = _count

    def log_message(self, *args):  # keep the test output quiet
        pass


@pytest.fixture(scope="module")
def counting_server():
    """An HTTP server on 127.0.0.1 that records every request it gets."""
    handler = type("Handler", (_Counter,), {"hits": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler.hits
    server.shutdown()


def remote_page(base: str, seed: int) -> str:
    """A page whose every kind of remote reference points at `base`."""
    head = (f'<meta charset="utf-8"><meta http-equiv="refresh" content="0; url={base}/refresh">'
            f'<base href="{base}/base/"><link rel="stylesheet" href="{base}/style.css">'
            f'<link rel="preload" href="{base}/font.woff2"><script src="{base}/app.js"></script>'
            f'<meta property="og:image" content="{base}/og.png"><link rel="canonical" href="{base}/canonical">'
            f'<style>@import url("{base}/import.css"); body {{ background: url({base}/bg.png) }}</style>'
            f'<script type="application/ld+json">{{"@type": "NewsArticle", "image": "{base}/ld.png", '
            f'"url": "{base}/ld", "@context": "{base}/context.jsonld"}}</script>')
    extra = (f'<img src="{base}/img.png" srcset="{base}/img2x.png 2x"><iframe src="{base}/frame"></iframe>'
             f'<video poster="{base}/poster.png" src="{base}/video.mp4"></video><object data="{base}/obj"></object>'
             f'<embed src="{base}/embed"><audio src="{base}/audio.mp3"></audio><a href="{base}/link">link</a>'
             f'<img src="http://wiredesk-no-such-host.invalid/x.png">')
    return html_page(seed, head=head, extra=extra)


def hostile_inputs(folder: Path, base: str) -> None:
    """Pages with remote resources, markup in their text, formulas, and names and URLs aimed outside."""
    folder.mkdir(parents=True, exist_ok=True)
    write(folder, "remote.html", remote_page(base, 300))
    # Markup as text: escaped in the HTML page, literal in the text dump; both reach the records as written.
    shown = f"{html.escape(SCRIPT)} {html.escape(IMG)}"
    write(folder, "markup.html", html_page(301, title=f"Budget {shown} vote", body=[
        f"{p} {shown}" for p in story(301)]).replace(
        'content="Example Gazette"', f'content="{html.escape(IMG)}"'))
    write(folder, "markup.txt", text_page(309, headline=f"Budget vote {SCRIPT}").replace("\n\n", f" {IMG}\n\n"))
    write(folder, "=cmd.txt", text_page(302, headline='=HYPERLINK("http://example.invalid","Budget vote")'))
    write(folder, "+plus.txt", text_page(303, headline="+Budget vote passes"))
    write(folder, "@at.txt", text_page(304, headline="@Budget vote passes"))
    write(folder, "..%2f..%2fescape.txt", text_page(305))
    write(folder, "export.jsonl", jsonl([
        {"url": "file:///etc/passwd", "html": html_page(306)},
        {"url": "../../../../tmp/wiredesk-escape", "text": text_page(307)},
        {"url": f"{base}/jsonl", "html": remote_page(base, 308)}]))
    write(folder, "manifest.csv", "file,url,crawled_at\n../../outside.html,https://example.org/o,\n"
                                  f"remote.html,{base}/manifest,2024-03-01T00:00:00Z\n")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)


def _snapshot(root: Path, skip: Path) -> set[str]:
    return {str(p) for p in root.rglob("*") if skip not in p.parents and p != skip}


def guard_sockets(patch: pytest.MonkeyPatch, allowed_port: int) -> list:
    """Refuse, and record, every name lookup and connection but those to 127.0.0.1:`allowed_port`."""
    attempts: list = []
    real_connect, real_connect_ex, real_getaddrinfo = (socket.socket.connect, socket.socket.connect_ex,
                                                       socket.getaddrinfo)

    def allowed(address) -> bool:
        return isinstance(address, tuple) and address[:2] in (("127.0.0.1", allowed_port), ("::1", allowed_port))

    def connect(sock, address):
        if not allowed(address):
            attempts.append(address)
            raise OSError(errno.EACCES, "network access during a run")
        return real_connect(sock, address)

    def connect_ex(sock, address):
        return real_connect_ex(sock, address) if allowed(address) else connect(sock, address)

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in ("127.0.0.1", "::1") or port != allowed_port:
            attempts.append((host, port))
            raise socket.gaierror(socket.EAI_NONAME, "name lookup during a run")
        return real_getaddrinfo(host, port, *args, **kwargs)

    patch.setattr(socket.socket, "connect", connect)
    patch.setattr(socket.socket, "connect_ex", connect_ex)
    patch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


@pytest.fixture(scope="module")
def hostile_run(prefect_harness, tmp_path_factory, counting_server):
    """The real flow over the hostile inputs and the seeds, with the counting server listening and every
    connection refused but those to the run's own Prefect API."""
    from prefect.settings import PREFECT_API_URL

    from flows.pipeline import build_release

    base, hits = counting_server
    root = tmp_path_factory.mktemp("security")
    hostile_inputs(root / "in", base)
    before = _snapshot(root, root / "out")
    with pytest.MonkeyPatch.context() as patch:
        attempts = guard_sockets(patch, urlparse(PREFECT_API_URL.value()).port)
        outcome = build_release(input_dir=str(root / "in"), output_dir=str(root / "out"))
    return root, outcome, before, list(hits), attempts


def test_the_socket_guard_catches_a_fetch(counting_server):
    import urllib.request

    base, hits = counting_server
    with pytest.MonkeyPatch.context() as patch:
        attempts = guard_sockets(patch, allowed_port=1)
        with pytest.raises(OSError):
            urllib.request.urlopen(f"{base}/probe", timeout=5)
    assert attempts and not any("/probe" in hit for hit in hits)


def test_real_run_fetches_nothing_and_connects_nowhere(hostile_run):
    _, outcome, _, hits, attempts = hostile_run
    assert outcome["version"] == "1.0.0" and hits == [] and attempts == []


def test_no_input_name_or_url_leads_to_a_write_outside_the_output(hostile_run):
    root, before = hostile_run[0], hostile_run[2]
    assert _snapshot(root, root / "out") == before
    assert not Path("/tmp/wiredesk-escape").exists() and not (root.parent / "outside.html").exists()
    written = [p.relative_to(root / "out").as_posix() for p in (root / "out").rglob("*")]
    allowed = re.compile(r"^(releases|\.staging|state|\.state|failed-gate)(/.*)?$"
                         r"|^(index\.html|releases\.json|\.lock)$")
    assert [p for p in written if not allowed.match(p)] == []
    assert not any("escape" in p or "passwd" in p or "cmd" in p for p in written)


def test_markup_in_records_is_shown_escaped_on_every_page(hostile_run):
    root = hostile_run[0]
    out = root / "out"
    latest = out / "releases" / "latest"
    import pandas as pd

    docs = pd.read_parquet(latest / "documents.parquet")
    assert docs["text"].str.contains(SCRIPT, regex=False).any()  # the data keeps what the page said
    assert (docs["outlet"] == IMG).any()
    pages = [out / "index.html", latest / "README.md", *latest.glob("validation/**/*.html")]
    assert len(pages) > 2
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "alert('wiredesk')" not in text or "&lt;script&gt;" in text, page
        assert "<script>alert" not in text and "<img src=x onerror" not in text, page
    assert html.escape(IMG) in (out / "index.html").read_text(encoding="utf-8")  # the top-outlets chart


def test_csv_cells_never_start_a_formula(hostile_run):
    latest = hostile_run[0] / "out" / "releases" / "latest"
    starts = set()
    for name in ("documents", "stories", "quarantine"):
        with open(latest / f"{name}.csv", newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                starts |= {cell[0] for cell in row if cell}
    assert not starts & set("=+-@\t\r\n")
    with open(latest / "documents.csv", newline="", encoding="utf-8") as handle:
        paths = [row["source_path"] for row in csv.DictReader(handle)]
    assert {"'=cmd.txt", "'+plus.txt", "'@at.txt"} <= set(paths)


def test_data_docs_of_a_failed_gate_show_record_values_escaped(cfg, tmp_path):
    import gate_data

    rows = gate_data.good_rows()
    rows[0]["title"] = (SCRIPT + IMG) * 20  # too long a title: the gate lists the value it rejects
    report = validate.run_gate(gate_data.good_tables(cfg, rows), cfg, docs_dir=tmp_path / "docs")
    assert not report.passed
    shown = [p.read_text(encoding="utf-8") for p in (tmp_path / "docs").rglob("*.html")]
    assert any("alert(&#39;wiredesk&#39;)" in t or "alert(&#x27;wiredesk&#x27;)" in t
               or "&lt;script&gt;alert" in t for t in shown)
    assert not any("<script>alert" in t or "<img src=x onerror" in t for t in shown)
