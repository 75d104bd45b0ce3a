"""datapackage.json: a Frictionless Data Package that `frictionless validate` accepts, and that catches tampering."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flows.package import datapackage
from flows.schema import TABLES, load_table_spec
from release_data import two_releases

FRICTIONLESS = str(Path(sys.executable).parent / "frictionless")


@pytest.fixture
def latest(cfg):
    two_releases(cfg)
    return cfg.releases_dir / "1.1.0"


def _validate(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([FRICTIONLESS, "validate", "--json", "datapackage.json"], cwd=folder,
                          capture_output=True, text=True, timeout=300)


def test_frictionless_validate_passes(latest):
    done = _validate(latest)
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["valid"], done.stdout[-3000:]
    assert sorted(t["name"] for t in report["tasks"]) == sorted(
        [t for t in TABLES] + [f"{t}-csv" for t in TABLES])


def test_a_changed_csv_byte_fails_the_hash(latest, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(latest, copy)
    target = copy / "documents.csv"
    target.chmod(0o644)
    data = bytearray(target.read_bytes())
    data[-5] = ord("X") if data[-5] != ord("X") else ord("Y")
    target.write_bytes(bytes(data))
    done = _validate(copy)
    assert done.returncode != 0 and "hash-count" in done.stdout


def test_descriptor_carries_version_licence_checksums_and_keys(latest, cfg):
    package = json.loads((latest / "datapackage.json").read_text())
    manifest = json.loads((latest / "manifest.json").read_text())
    assert package["version"] == "1.1.0" and package["licenses"][0]["name"] == "other-closed"
    resources = {r["name"]: r for r in package["resources"]}
    assert resources["documents-csv"]["hash"] == "sha256:" + manifest["files"]["documents.csv"]["sha256"]
    assert resources["documents"]["schema"]["primaryKey"] == ["doc_id"]
    assert resources["stories-csv"]["schema"]["foreignKeys"][0]["reference"] == {
        "resource": "documents-csv", "fields": ["doc_id"]}
    fields = {f["name"]: f for f in resources["documents-csv"]["schema"]["fields"]}
    assert fields["published_date"]["type"] == "date" and fields["agencies"]["type"] == "array"
    assert "single quote" in fields["text"]["description"]
    names = [f["name"] for f in resources["quarantine"]["schema"]["fields"]]
    assert names == [c["name"] for c in load_table_spec(cfg.schemas_dir, "quarantine")["columns"]]


def test_required_text_keeps_empty_strings_as_values(cfg):
    manifest = {"version": "1.0.0", "released": "2025-11-21T00:00:00Z",
                "files": {f"{t}.csv": {"bytes": 1, "sha256": "0" * 64} for t in TABLES}}
    meta = json.loads((Path(__file__).parents[1] / "flows" / "data" / "dataset.json").read_text())
    package = datapackage(meta, manifest, cfg.schemas_dir)
    detail = next(f for r in package["resources"] if r["name"] == "quarantine-csv"
                  for f in r["schema"]["fields"] if f["name"] == "detail")
    assert detail["missingValues"] == [] and detail["constraints"] == {"required": True}
