"""The download site: releases.json and index.html list every release; `wiredesk releases` prints them."""

import json
import re
from html.parser import HTMLParser

import pytest

from flows import site
from flows.cli import main
from flows.release import publish
from release_data import counts, second_tables, two_releases


@pytest.fixture
def built(cfg):
    two_releases(cfg)
    return cfg


def test_releases_json_lists_every_release_newest_first(built):
    doc = json.loads((built.output_dir / "releases.json").read_text())
    assert doc["latest"] == "1.1.0" and [r["version"] for r in doc["releases"]] == ["1.1.0", "1.0.0"]
    newest = doc["releases"][0]
    manifest = json.loads((built.releases_dir / "1.1.0" / "manifest.json").read_text())
    files = {f["name"]: f for f in newest["files"]}
    assert set(files) == {f"{t}.{s}" for t in ("documents", "stories", "quarantine") for s in ("parquet", "csv")}
    assert files["documents.parquet"]["sha256"] == manifest["files"]["documents.parquet"]["sha256"]
    assert files["documents.parquet"]["url"] == "releases/1.1.0/documents.parquet"
    assert newest["rows"] == {"documents": 5, "stories": 3, "quarantine": 2}
    assert newest["released"] == manifest["released"] and newest["links"]["dataset card"].endswith("README.md")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [v for k, v in attrs if k == "href"]


def test_index_links_are_relative_and_resolve(built):
    page = (built.output_dir / "index.html").read_text()
    parser = _Links()
    parser.feed(page)
    files = [h for h in parser.hrefs if not h.startswith("#")]
    assert files and all(not re.match(r"^(/|[a-z]+:)", h) for h in files)
    for href in files:
        assert (built.output_dir / href).exists(), href


def test_index_escapes_record_text_and_has_charts(built):
    page = (built.output_dir / "index.html").read_text()
    parser = _Links()
    parser.feed(page)
    assert "b" not in parser.tags and "The &lt;b&gt;Bold&lt;/b&gt; &amp; Co" in page
    assert page.count("<svg") == 8  # four charts per release
    assert 'id="v1.0.0"' in page and 'id="v1.1.0"' in page and "<script" not in page


def test_site_is_rebuilt_when_nothing_new_is_published(built):
    (built.output_dir / "index.html").unlink()
    t = second_tables(built)
    assert publish(t, counts(t), {}, built).path is None  # same data again: nothing published
    assert (built.output_dir / "index.html").is_file()
    assert sorted(p.name for p in built.releases_dir.iterdir()) == ["1.0.0", "1.1.0", "latest"]


def test_human_sizes():
    assert site.human(999) == "999 B" and site.human(23_400) == "23.4 kB" and site.human(5 * 10**9) == "5.0 GB"


def test_cli_releases_lists_them(built, capsys):
    assert main(["releases", "--output", str(built.output_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["version", "released", "stories"]
    assert lines[1].startswith("1.1.0 *") and lines[2].startswith("1.0.0 ")
    assert lines[1].split()[3:6] == ["3", "5", "2"]


def test_cli_releases_json_and_empty(built, tmp_path, capsys):
    assert main(["releases", "--output", str(built.output_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["latest"] == "1.1.0"
    assert main(["releases", "--output", str(tmp_path / "none")]) == 0
    assert "no releases" in capsys.readouterr().out
