"""Publishing: versions, immutability, nothing-new runs, `latest`, checksums, reproducible bytes."""

import dataclasses
import json
import os
import shutil
import stat
import subprocess

import pyarrow as pa
import pytest

from flows import release
from flows.config import build_config
from release_data import counts, doc, first_rows, second_rows, tables, two_releases

EPOCH = "1763700000"  # 2025-11-21T04:40:00Z


@pytest.fixture
def cfg(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return build_config().with_paths(tmp_path / "in", tmp_path / "out")


def _publish(rows, cfg, **kwargs):
    t = tables(rows, cfg)
    return release.publish(t, counts(t), {"success": True}, cfg, **kwargs)


def test_first_release_is_1_0_0_and_latest_points_at_it(cfg):
    out = _publish(first_rows(), cfg)
    assert out.version == "1.0.0" and out.path == cfg.releases_dir / "1.0.0"
    assert os.readlink(cfg.releases_dir / "latest") == "1.0.0"


def test_new_records_bump_minor_and_move_latest(cfg):
    first, second = two_releases(cfg)
    assert (first.version, second.version) == ("1.0.0", "1.1.0")
    assert os.readlink(cfg.releases_dir / "latest") == "1.1.0"
    assert (cfg.releases_dir / "1.0.0" / "documents.parquet").is_file()


def test_correction_without_new_records_bumps_patch(cfg):
    _publish(first_rows(), cfg)
    corrected = first_rows()
    corrected[0]["title"] = "A corrected headline"
    assert _publish(corrected, cfg).version == "1.0.1"


def test_schema_change_bumps_major(cfg, tmp_path):
    _publish(first_rows(), cfg)
    schemas = tmp_path / "schemas"
    shutil.copytree(cfg.schemas_dir, schemas)
    spec = json.loads((schemas / "documents.json").read_text())
    spec["columns"].append({"name": "section", "type": "string", "nullable": True, "description": "Section."})
    (schemas / "documents.json").write_text(json.dumps(spec))
    wider = dataclasses.replace(cfg, schemas_dir=schemas)
    out = _publish([dict(r, section=None) for r in first_rows()], wider)
    manifest = json.loads((out.path / "manifest.json").read_text())
    assert out.version == "2.0.0"
    assert manifest["schema_changes"] == ["`documents.section` added (string)"]


def test_same_data_again_publishes_nothing(cfg):
    _publish(first_rows(), cfg)
    again = _publish(first_rows(), cfg)
    assert again.path is None and again.version is None
    assert sorted(p.name for p in cfg.releases_dir.iterdir()) == ["1.0.0", "latest"]
    assert list((cfg.output_dir / ".staging").iterdir()) == []


def test_release_files_are_read_only_and_folders_world_readable(cfg):
    out = _publish(first_rows(), cfg)
    assert stat.S_IMODE(out.path.stat().st_mode) == 0o755
    for path in out.path.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o444, path


def test_an_existing_version_is_never_overwritten(cfg, tmp_path):
    out = _publish(first_rows(), cfg)
    before = (out.path / "documents.parquet").read_bytes()
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(FileExistsError):
        release._move_into_place(other, "1.0.0", cfg)
    assert (out.path / "documents.parquet").read_bytes() == before and other.is_dir()


def test_latest_is_repaired_when_the_newest_release_was_left_unpointed(cfg):
    _publish(first_rows(), cfg)
    _publish(second_rows(), cfg)
    release._point_latest("1.0.0", cfg)  # as if a run died between the rename and the swap
    assert _publish(second_rows(), cfg).path is None
    assert os.readlink(cfg.releases_dir / "latest") == "1.1.0"


def test_sha256sums_checks_with_sha256sum(cfg):
    out = _publish(first_rows(), cfg)
    listed = [line.split("  ", 1)[1] for line in (out.path / "SHA256SUMS").read_text().splitlines()]
    assert "documents.parquet" in listed and "README.md" in listed and "manifest.json" in listed
    done = subprocess.run(["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=out.path,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_manifest_lists_every_file_but_itself_and_the_sums(cfg):
    out = _publish(first_rows(), cfg)
    manifest = json.loads((out.path / "manifest.json").read_text())
    on_disk = {p.relative_to(out.path).as_posix() for p in out.path.rglob("*") if p.is_file()}
    assert set(manifest["files"]) == on_disk - {"manifest.json", "SHA256SUMS"}
    assert manifest["released"] == "2025-11-21T04:40:00Z"
    assert manifest["files"]["documents.parquet"]["sha256"] == release.sha256_file(out.path / "documents.parquet")


def test_rebuild_from_the_same_tables_is_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    folders = []
    for name in ("one", "two"):
        c = build_config().with_paths(tmp_path / "in", tmp_path / name)
        folders.append(_publish(first_rows(), c).path)
    names = sorted(p.relative_to(folders[0]).as_posix() for p in folders[0].rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(folders[1]).as_posix() for p in folders[1].rglob("*") if p.is_file())
    for name in names:
        assert (folders[0] / name).read_bytes() == (folders[1] / name).read_bytes(), name
    assert (folders[0] / "README.md").stat().st_mtime == int(EPOCH)


def test_data_files_do_not_depend_on_the_release_time(tmp_path, monkeypatch):
    folders = []
    for epoch in ("1700000000", "1800000000"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        c = build_config().with_paths(tmp_path / "in", tmp_path / epoch)
        folders.append(_publish(first_rows(), c).path)
    for name in ("documents", "stories", "quarantine"):
        for suffix in ("parquet", "csv"):
            assert (folders[0] / f"{name}.{suffix}").read_bytes() == (folders[1] / f"{name}.{suffix}").read_bytes()
    assert (folders[0] / "README.md").read_bytes() != (folders[1] / "README.md").read_bytes()


def test_validation_docs_are_copied_into_the_release(cfg, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.html").write_text("<html>report</html>")
    out = _publish(first_rows(), cfg, validation_docs=docs)
    assert (out.path / "validation" / "index.html").read_text() == "<html>report</html>"
    assert "validation/index.html" in (out.path / "README.md").read_text()


def test_pandas_reads_typed_columns_without_arguments(cfg):
    import datetime as dt

    import pandas as pd

    out = _publish(first_rows() + [doc("a0000000000000000000aa09", agencies=["AFP", "AP"])], cfg)
    docs = pd.read_parquet(out.path / "documents.parquet")
    stories = pd.read_parquet(out.path / "stories.parquet")
    assert isinstance(docs["published_date"].dropna().iloc[0], dt.date)
    assert list(docs.set_index("doc_id").loc["a0000000000000000000aa09", "agencies"]) == ["AFP", "AP"]
    assert pd.api.types.is_string_dtype(docs["text"]) and docs["is_canonical"].dtype == bool
    assert str(docs["crawled_at"].dtype) == "datetime64[us, UTC]"
    assert stories["copy_count"].dtype == "int32"


def test_empty_tables_still_publish(cfg):
    import pyarrow.parquet as pq

    t = tables([], cfg)
    out = release.publish(t, counts(t), {}, cfg)
    assert out.version == "1.0.0" and (out.path / "README.md").is_file()
    assert pa.types.is_list(pq.read_schema(out.path / "stories.parquet").field("doc_ids").type)
