"""A researcher's download: output/ served by a plain static HTTP server on 127.0.0.1, read with pandas,
checked with sha256sum, and the index page rendered by headless Chromium."""

import datetime as dt
import functools
import hashlib
import io
import json
import shutil
import subprocess
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from flows.config import build_config
from release_data import two_releases

pytestmark = pytest.mark.slow
CHROMIUM = "/usr/bin/chromium"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Two releases under a fresh output/, served over HTTP on a free port; yields (base URL, config)."""
    root = tmp_path_factory.mktemp("site")
    cfg = build_config().with_paths(root / "in", root / "output")
    two_releases(cfg)
    handler = functools.partial(_QuietHandler, directory=str(cfg.output_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)  # port 0: the OS picks a free one
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", cfg
    finally:
        server.shutdown()
        server.server_close()


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def test_pandas_reads_parquet_straight_from_the_url(served):
    base, _ = served
    docs = pd.read_parquet(f"{base}/releases/latest/documents.parquet")
    assert len(docs) == 5 and pd.api.types.is_string_dtype(docs["doc_id"])
    assert docs["published_date"].dropna().map(type).eq(dt.date).all()
    assert list(docs.set_index("doc_id").loc["a0000000000000000000aa05", "agencies"]) == ["AFP", "Reuters"]
    stories = pd.read_parquet(io.BytesIO(_get(f"{base}/releases/1.0.0/stories.parquet")))
    assert len(stories) == 2 and stories["copy_count"].sum() == 3


def test_downloaded_release_passes_sha256sum(served, tmp_path):
    base, _ = served
    sums = _get(f"{base}/releases/1.1.0/SHA256SUMS").decode()
    (tmp_path / "SHA256SUMS").write_text(sums)
    for line in sums.splitlines():
        name = line.split("  ", 1)[1]
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(_get(f"{base}/releases/1.1.0/{name}"))
    done = subprocess.run(["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.count(": OK") == len(sums.splitlines()), done.stdout


def test_releases_json_links_and_checksums_hold_over_http(served):
    base, _ = served
    catalogue = json.loads(_get(f"{base}/releases.json"))
    assert [r["version"] for r in catalogue["releases"]] == ["1.1.0", "1.0.0"]
    for entry in catalogue["releases"]:
        for f in entry["files"]:
            data = _get(f"{base}/{f['url']}")
            assert len(data) == f["bytes"] and hashlib.sha256(data).hexdigest() == f["sha256"]


def test_index_page_in_headless_chromium_shows_every_release(served, tmp_path):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (make browser installs it)")
    base, cfg = served
    done = subprocess.run(
        [CHROMIUM if Path(CHROMIUM).exists() else "chromium", "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", f"{base}/index.html"],
        capture_output=True, text=True, timeout=180)
    dom = done.stdout
    assert done.returncode == 0 and "<h1>wiredesk releases</h1>" in dom, done.stderr[-2000:]
    for version in ("1.0.0", "1.1.0"):
        assert f'<section id="v{version}"><h2>Release {version}' in dom
        assert f'href="releases/{version}/documents.parquet"' in dom
    assert dom.count("<svg") == 8 and "The &lt;b&gt;Bold&lt;/b&gt; &amp; Co" in dom
