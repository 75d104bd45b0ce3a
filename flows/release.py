"""Release: write the validated tables as an immutable, versioned folder and move `latest` to it."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from flows import __version__
from flows.config import Config
from flows.schema import schema_fingerprint
from flows.tables import write_parquet

# OWASP CSV-injection guard: a cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True)
class Published:
    """Where a release went and what it holds; `path` is None when nothing new was published."""

    path: Path | None
    version: str | None
    counts: dict[str, int]


def neutralise(value: object) -> object:
    """Prefix a text cell that would start a spreadsheet formula with a single quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(table: pa.Table, path: Path) -> None:
    """Write RFC 4180 CSV: UTF-8, CRLF, every field quoted, lists as JSON, formulas neutralised."""
    names = table.column_names
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(names)
        for batch in table.to_batches(max_chunksize=10_000):
            for row in batch.to_pylist():
                writer.writerow([_cell(row[n]) for n in names])


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return neutralise(value)


def sha256_file(path: Path) -> str:
    """Return the hex SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def previous_manifest(cfg: Config) -> dict | None:
    """Return the manifest of the release `latest` points at, if any."""
    latest = cfg.releases_dir / "latest" / "manifest.json"
    return json.loads(latest.read_text(encoding="utf-8")) if latest.is_file() else None


def next_version(prev: dict | None, prev_ids: set[str], doc_ids: set[str], schema_fp: str) -> str:
    """Semantic version: MAJOR on a schema change, MINOR on new records, PATCH on corrections."""
    if prev is None:
        return "1.0.0"
    major, minor, patch = (int(x) for x in prev["version"].split("."))
    if prev.get("schema_fingerprint") != schema_fp:
        return f"{major + 1}.0.0"
    if doc_ids - prev_ids:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def previous_doc_ids(cfg: Config) -> set[str]:
    """Return the doc_ids of the latest release (empty when there is none)."""
    path = cfg.releases_dir / "latest" / "documents.parquet"
    if not path.is_file():
        return set()
    import pyarrow.parquet as pq

    return set(pq.read_table(path, columns=["doc_id"]).column("doc_id").to_pylist())


def publish(tables: dict[str, pa.Table], counts: dict, validation: dict, cfg: Config) -> Published:
    """Write a release folder atomically unless its data equals the latest release's."""
    staging = cfg.output_dir / ".staging" / "release"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    files = _write_tables(tables, staging)
    content = hashlib.sha256("".join(files[k] for k in sorted(files)).encode()).hexdigest()
    prev = previous_manifest(cfg)
    if prev is not None and prev.get("content_digest") == content:
        shutil.rmtree(staging)
        return Published(None, None, counts)
    doc_ids = set(tables["documents"].column("doc_id").to_pylist())
    schema_fp = schema_fingerprint(cfg.schemas_dir)
    version = next_version(prev, previous_doc_ids(cfg), doc_ids, schema_fp)
    _write_validation(validation, staging)
    manifest = {
        "name": "wiredesk", "version": version, "previous_version": prev and prev["version"],
        "wiredesk_version": __version__, "pyarrow_version": pa.__version__,
        "schema_fingerprint": schema_fp, "content_digest": content,
        "counts": counts,
        "files": {name: _checksum(staging / name) for name in sorted(_listing(staging))},
    }
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n",
                                           encoding="utf-8")
    _write_sums(staging)
    return Published(_move_into_place(staging, version, cfg), version, counts)


def _write_tables(tables: dict[str, pa.Table], folder: Path) -> dict[str, str]:
    digests = {}
    for name, table in tables.items():
        write_parquet(table, folder / f"{name}.parquet")
        write_csv(table, folder / f"{name}.csv")
        digests[name] = sha256_file(folder / f"{name}.parquet")
    return digests


def _write_validation(validation: dict, folder: Path) -> None:
    target = folder / "validation"
    target.mkdir(exist_ok=True)
    (target / "results.json").write_text(json.dumps(validation, indent=2, sort_keys=True,
                                                    default=str) + "\n", encoding="utf-8")


def _listing(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]


def _checksum(path: Path) -> dict:
    return {"sha256": sha256_file(path), "bytes": path.stat().st_size}


def _write_sums(folder: Path) -> None:
    lines = [f"{sha256_file(folder / n)}  {n}\n" for n in sorted(_listing(folder))]
    (folder / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def _move_into_place(staging: Path, version: str, cfg: Config) -> Path:
    """Rename the finished folder into releases/ and repoint `latest` with an atomic replace."""
    cfg.releases_dir.mkdir(parents=True, exist_ok=True)
    final = cfg.releases_dir / version
    if final.exists():
        raise FileExistsError(f"release {version} already exists and is never overwritten")
    os.replace(staging, final)
    link = cfg.releases_dir / ".latest.tmp"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(version, target_is_directory=True)
    os.replace(link, cfg.releases_dir / "latest")
    return final
