"""The gate in the real flow: records are screened, the report ships, a failed gate publishes nothing."""

from __future__ import annotations

import json
import os

import pyarrow.parquet as pq
import pytest

from flows import cli, pipeline
from flows.config import build_config
from gate_data import write_pages

# A body ceiling low enough that one generated page exceeds it: the flow must quarantine, not publish, it.
CEILING = 2_500


@pytest.fixture(scope="module")
def built(prefect_harness, tmp_path_factory):
    """One release from five pages, one of them longer than the (lowered) body ceiling."""
    root = tmp_path_factory.mktemp("flow")
    write_pages(root / "in", 4)
    write_pages(root / "in", 1, start=10, paragraphs=12)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "build_config", lambda: build_config(max_body_chars=CEILING))
        outcome = pipeline.build_release(input_dir=str(root / "in"), output_dir=str(root / "out"))
    return root, outcome


def test_record_checks_quarantine_with_stage_reason_and_detail(built):
    root, outcome = built
    latest = root / "out" / "releases" / "latest"
    rows = pq.read_table(latest / "quarantine.parquet").to_pylist()
    found = [(r["source_path"], r["stage"], r["reason"]) for r in rows]
    assert found == [("0010.txt", "validate", "body_too_long")]
    assert rows[0]["detail"].endswith(f"more than {CEILING}") and rows[0]["doc_id"]
    assert pq.read_table(latest / "documents.parquet").num_rows == 4
    assert outcome["gate"].quarantine == {"validate/body_too_long": 1}


def test_release_carries_the_validation_report(built):
    root, outcome = built
    folder = root / "out" / "releases" / "latest" / "validation"
    results = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    assert results["passed"] is True and results["statistics"]["blocking"] == 0
    assert set(results["great_expectations"]) == {"documents", "stories", "quarantine", "columns",
                                                  "story_links", "csv_cells"}
    assert (folder / "index.html").is_file()
    assert (folder / "validations" / "documents" / "gate" / build_config().today.isoformat()
            / "documents.html").is_file()
    assert (folder / "expectations" / "story_links.html").is_file()
    assert "gate" in outcome and outcome["gate"].passed


def test_validate_command_rechecks_the_release(built, capsys):
    root, _ = built
    assert cli.main(["validate", str(root / "out" / "releases" / "latest")]) == 0
    out = capsys.readouterr().out
    assert "validation gate PASSED" in out and "validate/body_too_long" in out
    assert cli.main(["validate", str(root)]) == 2


def test_a_failed_gate_leaves_latest_unchanged(built, tmp_path, capsys):
    root, _ = built
    releases = root / "out" / "releases"
    before = _snapshot(releases)
    strict = tmp_path / "expectations"
    strict.mkdir()
    for path in build_config().expectations_dir.glob("*.json"):
        (strict / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    _make_critical(strict / "documents.json", "outlet")  # the pages name no outlet
    write_pages(root / "in", 1, start=20)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "build_config", lambda: build_config(expectations_dir=strict))
        status = cli.main(["release", "--input", str(root / "in"), "--output", str(root / "out")])
    err = capsys.readouterr().err
    assert status == 1 and "BLOCKED documents.outlet expect_column_values_to_not_be_null" in err
    assert "nothing was published and releases/latest is unchanged" in err
    assert _snapshot(releases) == before
    report = root / "out" / "failed-gate"
    assert json.loads((report / "results.json").read_text(encoding="utf-8"))["passed"] is False
    assert "FAILED" in (report / "index.html").read_text(encoding="utf-8")


def _make_critical(path, column):
    spec = json.loads(path.read_text(encoding="utf-8"))
    for item in spec["expectations"]:
        if item["kwargs"].get("column") == column and "mostly" in item["kwargs"]:
            item["severity"] = "critical"
            del item["kwargs"]["mostly"]
    path.write_text(json.dumps(spec, indent=2), encoding="utf-8")


def _snapshot(releases):
    """Where latest points and every file's bytes under releases/."""
    files = {p.relative_to(releases).as_posix(): p.read_bytes()
             for p in sorted(releases.rglob("*")) if p.is_file()}
    return os.readlink(releases / "latest"), files
