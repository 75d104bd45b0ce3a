"""The persistent dedup index: load it, add a run's documents, assign them to stories, save it.

    index = DedupIndex.load(cfg)              # the last committed generation (empty the first time)
    index.add(parts)                           # FingerprintParts or paths of saved parts
    assignments = index.assign()               # doc_id -> Assignment, for every document added
    index.save()                               # commit atomically (call only once the release is out)

Per indexed document the index keeps in memory only small fields (id, story, rank fields, where its
n-grams lie on disk); per story the canonical copy's LSH band keys; per (group, paragraph) a page count.
The n-grams themselves stay in segment files and are read back only to verify candidate pairs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np

from flows import dedup, dedup_add, dedup_assign, dedup_store
from flows.dedup_store import DOC_COLUMNS
from flows.config import Config
from flows.fingerprint import AGENCY_SLOTS, FingerprintPart

class IndexMismatch(RuntimeError):
    """The stored index was built with other fingerprint settings; it cannot be extended."""


class DedupIndex:
    """Documents seen so far, their stories, and the means to place new documents among them."""

    def __init__(self, cfg: Config, folder: Path, manifest: dict | None,
                 tables: dict[str, np.ndarray]) -> None:
        self.cfg, self.folder = cfg, folder
        self.manifest = manifest or {"segments": [], "fingerprint": fingerprint_settings(cfg)}
        empty = {name: np.empty((0, AGENCY_SLOTS) if name == "agencies" else 0, dtype=dt)
                 for name, dt in DOC_COLUMNS.items()}
        self.docs = {name: tables.get(f"doc_{name}", empty[name]) for name in DOC_COLUMNS}
        self.story_id = tables.get("story_id", np.empty(0, dtype="S24"))
        self.canonical = tables.get("story_canonical", np.empty(0, dtype=np.int64))
        self.story_keys = tables.get("story_keys", np.empty((0, band_count(cfg)), dtype=np.uint32))
        self.boiler_keys = tables.get("boiler_keys", np.empty(0, dtype=np.uint64))
        self.boiler_counts = tables.get("boiler_counts", np.empty(0, dtype=np.uint32))
        self.indexed = int(self.docs["doc_id"].size)  # rows committed before this run
        self.present = np.empty(0, dtype=np.int64)  # rows (old or new) of documents added this run
        self.new_keys = np.empty((0, band_count(cfg)), dtype=np.uint32)
        self.writer: dedup_store.SegmentWriter | None = None
        self.parked: dict | None = None  # the staged manifest of a parked generation
        self.stats: dict[str, int] = {}  # figures of the last assign()

    @classmethod
    def load(cls, cfg: Config, folder: Path | None = None) -> "DedupIndex":
        """Open the committed index under `folder` (default: the config's state folder)."""
        folder = folder or cfg.dedup_state_dir
        manifest = dedup_store.read_manifest(folder)
        if manifest is None:
            return cls(cfg, folder, None, {})
        if manifest.get("fingerprint") != fingerprint_settings(cfg):
            raise IndexMismatch(f"the dedup index in {folder} was built with fingerprint settings "
                                f"{manifest.get('fingerprint')}; this run uses "
                                f"{fingerprint_settings(cfg)}. Move the folder away to rebuild it.")
        return cls(cfg, folder, manifest, dedup_store.read_tables(folder, manifest))

    def add(self, parts: Iterable[FingerprintPart | Path]) -> None:
        """Stage a run's documents: already indexed ones are only noted, new ones fingerprinted."""
        dedup_add.add(self, list(parts))

    def assign(self) -> dedup.Assignments:
        """Place every new document in a story and return the assignment of every document added."""
        dedup_assign.assign(self)
        return self.assignments(self.present)

    def assignments(self, rows: np.ndarray) -> dedup.Assignments:
        """The assignment of the given document rows, as one release of exactly these rows shows it.

        A story's canonical copy is its best-ranked copy among `rows`: the index's canonical copy when
        present, else (its copy came in an earlier run and is absent now) the best copy present, with
        similarities measured against that one.
        """
        story = self.docs["story"][rows]
        head, similarity = dedup_assign.release_heads(self, rows, story)
        return dedup.Assignments(self.docs["doc_id"][rows], self.story_id[story], head == rows,
                                 similarity, self.docs["doc_id"][head])

    def discard(self) -> None:
        """Forget this run's uncommitted segment and parked tables: a failed run leaves the folder as it was."""
        if self.writer is not None:
            self.writer.close()
            self.writer.path.unlink(missing_ok=True)
            self.writer = None
        if self.parked is not None:
            for name in (self.parked["tables"], *self.parked["segments"][len(self.manifest["segments"]):]):
                (self.folder / name).unlink(missing_ok=True)
            self.parked = None

    def park(self) -> None:
        """Write this run's generation to disk uncommitted and free the index's memory until save()."""
        self._stage()
        # The release steps after dedup need only the assignments; at a million documents the
        # arrays below are ~0.3 GB the gate's peak would otherwise carry.
        self.docs, self.story_keys, self.new_keys = {}, self.story_keys[:0], self.new_keys[:0]
        self.story_id = self.canonical = self.boiler_keys = self.boiler_counts = None

    def save(self) -> None:
        """Commit this run's documents and stories as the index's next generation."""
        if self.parked is None:
            self._stage()
            self.indexed = int(self.docs["doc_id"].size)
        self.manifest, self.parked = dedup_store.commit_staged(self.folder, self.parked), None

    def _stage(self) -> None:
        """Close this run's segment and write the next generation's tables, not yet committed."""
        segments = list(self.manifest["segments"])
        if self.writer is not None:
            self.writer.close()
            if self.writer.size:
                segments.append(self.writer.name)
            else:
                self.writer.path.unlink(missing_ok=True)
        self.writer = None
        self.folder.mkdir(parents=True, exist_ok=True)
        self.parked = dedup_store.stage_tables(self.folder, {**self.manifest, "segments": segments},
                                               self._tables())

    def _tables(self) -> dict[str, np.ndarray]:
        tables = {f"doc_{name}": col for name, col in self.docs.items()}
        tables.update(story_id=self.story_id, story_canonical=self.canonical,
                      story_keys=self.story_keys, boiler_keys=self.boiler_keys,
                      boiler_counts=self.boiler_counts)
        return tables

    def reader(self) -> dedup_store.SegmentReader:
        """A reader over committed segments plus the one this run is writing."""
        names = list(self.manifest["segments"])
        if self.writer is not None:
            names.append(self.writer.name)
        return dedup_store.SegmentReader(self.folder, names)

    def memory_bytes(self) -> dict[str, int]:
        """Bytes the index holds in memory, by table."""
        return {"documents": sum(c.nbytes for c in self.docs.values()),
                "stories": self.story_id.nbytes + self.canonical.nbytes + self.story_keys.nbytes,
                "boilerplate": self.boiler_keys.nbytes + self.boiler_counts.nbytes,
                "run_band_keys": self.new_keys.nbytes}


def band_count(cfg: Config) -> int:
    """LSH band keys per document: whole-text bands plus opening bands."""
    return cfg.lsh_bands + cfg.opening_bands


def fingerprint_settings(cfg: Config) -> dict:
    """Settings that make stored fingerprints comparable; a change needs a new index."""
    return {"hashing": "wiredesk-shingles-1", "shingle_size": cfg.shingle_size,
            "lsh_bands": cfg.lsh_bands, "lsh_rows": cfg.lsh_rows,
            "opening_shingles": cfg.opening_shingles, "opening_window": cfg.opening_window,
            "opening_bands": cfg.opening_bands, "opening_rows": cfg.opening_rows}
