"""croissant.json: an MLCommons Croissant descriptor that `mlcroissant validate` accepts and can load."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flows.schema import TABLES
from release_data import two_releases

MLCROISSANT = str(Path(sys.executable).parent / "mlcroissant")


@pytest.fixture
def latest(cfg):
    two_releases(cfg)
    return cfg.releases_dir / "1.1.0"


def test_mlcroissant_validate_passes(latest):
    done = subprocess.run([MLCROISSANT, "validate", "--jsonld", "croissant.json"], cwd=latest,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "WARNING" not in done.stderr, done.stderr[-3000:]


def test_records_load_through_mlcroissant(latest):
    import mlcroissant as mlc

    dataset = mlc.Dataset(jsonld=str(latest / "croissant.json"))
    docs = list(dataset.records("documents"))
    assert len(docs) == 5
    first = next(r for r in docs if r["documents/doc_id"] == b"a0000000000000000000aa05")
    assert list(first["documents/agencies"]) == [b"AFP", b"Reuters"]


def test_descriptor_has_checksums_version_and_citation(latest):
    doc = json.loads((latest / "croissant.json").read_text())
    manifest = json.loads((latest / "manifest.json").read_text())
    files = {f["name"]: f for f in doc["distribution"]}
    for table in TABLES:
        assert files[f"{table}.parquet"]["sha256"] == manifest["files"][f"{table}.parquet"]["sha256"]
    assert doc["version"] == "1.1.0" and "version = {1.1.0}" in doc["citeAs"]
    assert [r["name"] for r in doc["recordSet"]] == list(TABLES)
