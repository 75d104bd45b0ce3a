"""Release: write the validated tables as an immutable, versioned folder and move `latest` to it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from flows import __version__, changelog, site
from flows.card import write_card
from flows.citation import bibtex, release_url, write_cff
from flows.config import Config
from flows.croissant import croissant
from flows.csvfile import write_csv
from flows.package import datapackage, write_json
from flows.schema import TABLES, load_table_spec, schema_fingerprint
from flows.summary import summarise
from flows.tablefile import copy_into

METADATA = Path(__file__).resolve().parent / "data" / "dataset.json"
# Written last, so they are the only files not listed in manifest.json.
_SELF_LISTED = ("manifest.json", "SHA256SUMS")


@dataclass(frozen=True)
class Published:
    """Where a release went and what it holds; `path` is None when nothing new was published."""

    path: Path | None
    version: str | None
    counts: dict[str, int]


def sha256_file(path: Path) -> str:
    """Return the hex SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(folder: Path | None) -> dict | None:
    """Return a release folder's manifest, or None without one."""
    path = folder / "manifest.json" if folder else None
    return json.loads(path.read_text(encoding="utf-8")) if path and path.is_file() else None


def next_version(prev: dict | None, changes: dict, schema_fp: str) -> str:
    """Semantic version: MAJOR on a schema change, MINOR when records are added, PATCH otherwise."""
    if prev is None:
        return "1.0.0"
    major, minor, patch = (int(x) for x in prev["version"].split("."))
    if prev.get("schema_fingerprint") != schema_fp:
        return f"{major + 1}.0.0"
    if changes["documents"]["added"] or changes["stories"]["added"]:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def publish(tables: dict[str, pa.Table], counts: dict, validation: dict, cfg: Config,
            validation_docs: Path | None = None) -> Published:
    """Write a release folder and move `latest` to it, unless its data equals the latest release's."""
    cfg.staging_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="release-", dir=cfg.staging_dir))
    try:
        data = _write_tables(tables, staging)
        content = hashlib.sha256("".join(data[k]["sha256"] for k in sorted(data)).encode()).hexdigest()
        previous = (site.versions(cfg.releases_dir) or [None])[-1]
        prev = read_manifest(previous)
        if prev is not None and prev.get("content_digest") == content:
            _point_latest(previous.name, cfg)
            site.build(cfg)
            return Published(None, None, counts)
        manifest = _manifest(tables, counts, content, previous, prev, cfg)
        manifest["files"] = data
        _write_validation(validation, validation_docs, staging)
        _write_documents(manifest, previous, staging, cfg)
        _seal(manifest, staging)
        final = _move_into_place(staging, manifest["version"], cfg)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    site.build(cfg)
    return Published(final, manifest["version"], counts)


def _manifest(tables: dict[str, pa.Table], counts: dict, content: str, previous: Path | None,
              prev: dict | None, cfg: Config) -> dict:
    schema = {t: load_table_spec(cfg.schemas_dir, t)["columns"] for t in TABLES}
    changes = changelog.diff_release(previous, tables)
    schema_fp = schema_fingerprint(cfg.schemas_dir)
    return {
        "name": "wiredesk", "version": next_version(prev, changes, schema_fp),
        "previous_version": prev["version"] if prev else None,
        "released": cfg.released_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "wiredesk_version": __version__, "pyarrow_version": pa.__version__,
        "schema_fingerprint": schema_fp, "content_digest": content,
        "schema": {t: [{k: c[k] for k in ("name", "type", "nullable")} for c in cols]
                   for t, cols in schema.items()},
        "schema_changes": changelog.schema_changes(prev.get("schema") if prev else None, schema),
        "counts": counts, "changes": changes,
        "table_rows": {t: tables[t].num_rows for t in TABLES},
        "table_bytes": {t: tables[t].nbytes for t in TABLES},
        "summary": summarise(tables),
    }


def _write_tables(tables: dict[str, pa.Table], folder: Path) -> dict[str, dict]:
    files = {}
    for name in TABLES:
        copy_into(tables[name], folder / f"{name}.parquet")
        write_csv(tables[name], folder / f"{name}.csv")
        for suffix in ("parquet", "csv"):
            files[f"{name}.{suffix}"] = _checksum(folder / f"{name}.{suffix}")
    return files


def _write_validation(validation: dict, docs: Path | None, folder: Path) -> None:
    target = folder / "validation"
    if docs is not None and docs.is_dir():
        shutil.copytree(docs, target)
    target.mkdir(exist_ok=True)
    (target / "results.json").write_text(json.dumps(validation, indent=2, sort_keys=True,
                                                    default=str) + "\n", encoding="utf-8")


def _write_documents(manifest: dict, previous: Path | None, folder: Path, cfg: Config) -> None:
    """Write the card, descriptors, changelog and citation: everything that describes the data."""
    meta = json.loads(METADATA.read_text(encoding="utf-8"))
    url = release_url(cfg.base_url, manifest["version"])
    landing = url or "../../index.html"
    write_json(datapackage(meta, manifest, cfg.schemas_dir), folder / "datapackage.json")
    write_json(croissant(meta, manifest, bibtex(meta, manifest, url), landing, cfg.schemas_dir),
               folder / "croissant.json")
    changelog.write_changelog(manifest, previous, folder / "CHANGELOG.md")
    write_cff(meta, manifest, url, folder / "CITATION.cff")
    write_card(meta, manifest, cfg, url, folder / "README.md")


def _listing(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _checksum(path: Path) -> dict:
    return {"sha256": sha256_file(path), "bytes": path.stat().st_size}


def _seal(manifest: dict, folder: Path) -> None:
    """List every file in manifest.json, write SHA256SUMS over all of them, and make them read-only."""
    manifest["files"] = {n: _checksum(folder / n) for n in _listing(folder) if n not in _SELF_LISTED}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True,
                                                     ensure_ascii=False) + "\n", encoding="utf-8")
    lines = [f"{sha256_file(folder / n)}  {n}\n" for n in _listing(folder) if n != "SHA256SUMS"]
    (folder / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")
    stamp = _epoch(manifest["released"])
    for name in _listing(folder):
        os.chmod(folder / name, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.utime(folder / name, (stamp, stamp))  # archives and HTTP Last-Modified then match too
    for sub in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
        os.chmod(sub, 0o755)


def _epoch(released: str) -> float:
    return dt.datetime.strptime(released, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc).timestamp()


def _move_into_place(staging: Path, version: str, cfg: Config) -> Path:
    """Rename the finished folder into releases/ (never over an existing one) and repoint `latest`."""
    cfg.releases_dir.mkdir(parents=True, exist_ok=True)
    final = cfg.releases_dir / version
    if final.exists() or final.is_symlink():
        raise FileExistsError(f"release {version} already exists and is never overwritten")
    os.rename(staging, final)
    _point_latest(version, cfg)
    return final


def _point_latest(version: str, cfg: Config) -> None:
    """Make releases/latest a relative symlink to `version`, swapped in with one atomic rename."""
    link = cfg.releases_dir / "latest"
    if link.is_symlink() and os.readlink(link) == version:
        return
    tmp = cfg.releases_dir / f".latest-{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(version, target_is_directory=True)
    os.replace(tmp, link)
