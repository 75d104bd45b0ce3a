"""On-disk state of the dedup index: immutable shingle segments, one table file per generation, a manifest.

Layout under the state folder (`output/state/dedup/` by default):
  index.json            manifest: format, fingerprint settings, generation, segment and table file names
  seg-<id>.u32          the distinct n-gram hashes (uint32, text order) of the documents one run added
  tables-<gen>-<id>.npz document, story and boilerplate tables of one generation
A run writes its segment and table files under fresh names and only then replaces index.json (atomic
rename), so a run that fails at any point leaves the previous generation intact; files no manifest names
are removed by the next successful save.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import numpy as np

MANIFEST = "index.json"
# Per indexed document: id, story number, the canonical-order fields, agency hashes (one row of
# fingerprint.AGENCY_SLOTS), similarity to the canonical, and where its n-gram record lies (segment,
# offset, opening-prefix length, distinct-set length).
DOC_COLUMNS = {"doc_id": "S24", "story": np.int32, "text_chars": np.int32, "published": np.int32,
               "is_wire": np.bool_, "agencies": np.uint32, "similarity": np.float32,
               "segment": np.int32, "offset": np.int64, "prefix": np.int16, "length": np.int32}
FORMAT = 1
_ITEM = np.dtype(np.uint32).itemsize


class SegmentWriter:
    """Appends documents' n-gram arrays to one new segment file."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.name = f"seg-{uuid.uuid4().hex[:16]}.u32"
        self.path = folder / self.name
        self._handle = self.path.open("wb")
        self.size = 0  # values written

    def append(self, values: np.ndarray) -> int:
        """Write values; return the offset (in values) where they start."""
        start = self.size
        self._handle.write(np.ascontiguousarray(values, dtype=np.uint32).tobytes())
        self.size += int(values.size)
        return start

    def flush(self) -> None:
        """Hand written values to the OS so positioned reads see them."""
        self._handle.flush()

    def close(self) -> None:
        """Flush and sync the file so readers and later runs see every value."""
        if not self._handle.closed:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()


class SegmentReader:
    """Reads one document's n-gram array from any segment (positioned reads, nothing mapped)."""

    def __init__(self, folder: Path, names: list[str]) -> None:
        self.folder = folder
        self.names = names
        self._fds: dict[int, int] = {}

    def read(self, segment: int, offset: int, length: int) -> np.ndarray:
        """Return `length` values starting at `offset` of segment number `segment`."""
        fd = self._fds.get(segment)
        if fd is None:
            fd = self._fds[segment] = os.open(self.folder / self.names[segment], os.O_RDONLY)
        data = os.pread(fd, length * _ITEM, offset * _ITEM)
        return np.frombuffer(data, dtype=np.uint32)

    def close(self) -> None:
        """Close every open file."""
        for fd in self._fds.values():
            os.close(fd)
        self._fds.clear()


def read_manifest(folder: Path) -> dict | None:
    """Return the committed manifest, or None when the folder holds no index yet."""
    path = folder / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def read_tables(folder: Path, manifest: dict) -> dict[str, np.ndarray]:
    """Load every array of the manifest's table file."""
    with np.load(folder / manifest["tables"]) as data:
        return {name: data[name] for name in data.files}


def stage_tables(folder: Path, manifest: dict, tables: dict[str, np.ndarray]) -> dict:
    """Write the next generation's tables durably and return its manifest, not yet committed."""
    manifest = dict(manifest, format=FORMAT, generation=int(manifest.get("generation", 0)) + 1)
    manifest["tables"] = f"tables-{manifest['generation']:06d}-{uuid.uuid4().hex[:8]}.npz"
    _write_atomic(folder / manifest["tables"], lambda h: np.savez(h, **tables))
    return manifest


def commit_staged(folder: Path, manifest: dict) -> dict:
    """Make a staged generation the index's own with one atomic rename; remove files no longer referenced."""
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    _write_atomic(folder / MANIFEST, lambda h: h.write(text.encode("utf-8")))
    _sync_dir(folder)
    keep = {MANIFEST, manifest["tables"], *manifest["segments"]}
    for path in folder.iterdir():
        if path.name not in keep and path.name.startswith(("seg-", "tables-", ".tmp-")):
            path.unlink(missing_ok=True)
    return manifest


def _write_atomic(path: Path, write) -> None:
    tmp = path.with_name(f".tmp-{uuid.uuid4().hex[:8]}-{path.name}")
    with tmp.open("wb") as handle:
        write(handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
