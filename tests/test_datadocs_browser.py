"""A real release's validation report opens in headless Chromium and shows the results."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from flows.config import build_config
from flows.pipeline import build_release
from gate_data import write_pages

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make browser installs it)")


@pytest.fixture(scope="module")
def release(prefect_harness, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    write_pages(root / "in", 3)
    (root / "in" / "empty.txt").write_bytes(b"")
    build_release(input_dir=str(root / "in"), output_dir=str(root / "out"))
    return root / "out" / "releases" / "latest"


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *args, page.resolve().as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def rendered_text(page: Path, profile: Path) -> str:
    """The page's text after Chromium has parsed and laid it out (scripts and styles dropped)."""
    dom = chromium(page, profile, "--dump-dom").stdout
    dom = re.sub(r"<(script|style)\b.*?</\1>", " ", dom, flags=re.S | re.I)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", dom)).split())


def screenshot(page: Path, profile: Path, target: Path) -> Path:
    chromium(page, profile, "--window-size=1280,1600", f"--screenshot={target}")
    assert target.is_file() and target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return target


def test_report_index_renders_the_verdict_and_every_suite(release, tmp_path):
    page = release / "validation" / "index.html"
    text = rendered_text(page, tmp_path / "profile")
    assert "wiredesk validation report" in text and "PASSED: no critical expectation failed" in text
    for suite in ("documents", "stories", "quarantine", "columns", "story_links", "csv_cells"):
        assert f"{suite} " in text
    assert "why it exists" in text and "doc_id is the primary key" in text
    assert "ingest/empty_file 1" in text
    shot = screenshot(page, tmp_path / "profile", tmp_path / "validation-index.png")
    print(f"screenshot: {shot}")


def test_great_expectations_page_renders_the_documents_results(release, tmp_path):
    page = release / "validation" / "validations" / "documents" / "gate" / build_config().today.isoformat() \
        / "documents.html"
    text = rendered_text(page, tmp_path / "profile")
    assert "Expectation Validation Result" in text and "Expectation Suite: documents" in text
    assert re.search(r"Evaluated Expectations \d+ Successful Expectations \d+", text)
    assert "values must never be null" in text and "doc_id" in text
    assert "Validations / documents / gate" in text
    shot = screenshot(page, tmp_path / "profile", tmp_path / "validation-documents.png")
    print(f"screenshot: {shot}")
