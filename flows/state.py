"""State store under the output folder: every input processed so far (by content hash) and its rows.

Rows live in segments: staged chunks kept after their run, ordered by input path and never
overlapping, so old and new segments concatenate into the order a from-scratch run would produce.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import json
import os
import pickle
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from flows import __version__, ingest, segments
from flows.chunks import ChunkResult
from flows.config import Config
from flows.model import Quarantined
from flows.schema import schema_fingerprint
from flows.resume import InputRecord, RunDir, Staged, file_sha256, meta_of, replace_durably, write_durably

STATE_DIR = "state"  # shared with the dedup index (Config.dedup_state_dir)
FORMAT = 2
# Knobs that never change a row: how work is cut up and spread, and how a release is labelled.
# Paths and clocks (date and datetime knobs) are left out by type: dates are judged when first read.
_NEUTRAL = {"chunk_docs", "chunk_workers", "stage_batch_docs", "base_url"}


def settings_digest(cfg: Config) -> str:
    """Digest of everything that shapes a row: schema, processing knobs and package version."""
    knobs = {f.name: repr(value) for f in dataclasses.fields(cfg)
             if f.name not in _NEUTRAL and not isinstance(value := getattr(cfg, f.name), (Path, dt.date))}
    text = json.dumps([FORMAT, __version__, schema_fingerprint(cfg.schemas_dir), knobs], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass
class Selection:
    """What a run must do: the new or changed inputs in chunks, and what changes for the old ones."""

    chunks: tuple[tuple[ingest.Source, ...], ...]
    rejected: dict[str, Quarantined]
    dropped: set[str] = field(default_factory=set)
    touched: dict[str, InputRecord] = field(default_factory=dict)
    stats: dict[str, tuple[int, int]] = field(default_factory=dict)  # size and mtime of the work

    @property
    def keys(self) -> list[str]:
        """New or changed input paths, in order."""
        return [s.rel_path for chunk in self.chunks for s in chunk]


Piece = tuple[str, list[str], "Staged | None"]  # segment id, its input keys, its rows when not yet kept


class Store:
    """The committed state of one output folder; read at the start of a run, replaced at its end."""

    def __init__(self, cfg: Config, full: bool = False) -> None:
        self.cfg, self.root = cfg, cfg.output_dir / STATE_DIR
        self.settings = settings_digest(cfg)
        self.records: dict[str, InputRecord] = {}
        self.members: dict[str, list[str]] = {}
        self.rejected: dict[str, Quarantined] = {}
        self.order: list[str] = []
        self.generation, self.reset, self.forgotten = 0, None, set()
        head = _read_json(self.root / "head.json")
        if head and head.get("settings") == self.settings and not full:
            self.generation, self.order = head["generation"], head["segments"]
            self._load_inputs(self.root / head["inputs"])
        elif head:
            self.generation = head.get("generation", 0)
            self.reset = "--full was given" if full else "settings or schema changed since the last run"
            self.forgotten = set(pq.read_table(self.root / head["inputs"], columns=["rel_path"])
                                 .column("rel_path").to_pylist())
        if self.generation == 0 or self.reset:  # the index must describe exactly the rows kept here
            shutil.rmtree(cfg.dedup_state_dir, ignore_errors=True)
        self._pending: list[Piece] | None = None

    def _load_inputs(self, path: Path) -> None:
        for row in pq.read_table(path).to_pylist():
            key = row["rel_path"]
            if row["segment"] is None:
                self.rejected[key] = Quarantined(key, row["stage"], row["reason"], row["detail"] or "")
                continue
            self.records[key] = InputRecord(key, row["size"], row["mtime_ns"], row["sha256"], row["meta"])
            self.members.setdefault(row["segment"], []).append(key)

    def select(self, plan: ingest.Plan) -> Selection:
        """Keep the inputs new or changed since the state was written; chunk them between old rows."""
        rejected, dropped = dict(self.rejected), set()
        for q in plan.rejected:
            rejected[q.source_path] = q
            if q.source_path in self.records:
                dropped.add(q.source_path)
        work, touched, stats = [], {}, {}
        for source in (s for chunk in plan.chunks for s in chunk):
            rejected.pop(source.rel_path, None)
            verdict, stat = self._compare(source)
            if verdict == "touched":
                touched[source.rel_path] = dataclasses.replace(self.records[source.rel_path],
                                                               size=stat[0], mtime_ns=stat[1])
            elif verdict != "same":
                work.append(source)
                stats[source.rel_path] = stat
                if verdict == "changed":
                    dropped.add(source.rel_path)
        self.forgotten -= {s.rel_path for chunk in plan.chunks for s in chunk} | set(rejected)
        return Selection(self._chunks(work, dropped), rejected, dropped, touched, stats)

    def _compare(self, source: ingest.Source) -> tuple[str, tuple[int, int]]:
        """'new', 'same', 'touched' (same bytes, new stat) or 'changed' for one planned input."""
        path = self.cfg.input_dir / source.rel_path
        try:
            st = path.stat()
            stat = (st.st_size, st.st_mtime_ns)
        except OSError:
            stat = (-1, -1)
        old = self.records.get(source.rel_path)
        if old is None:
            return "new", stat
        if old.meta != meta_of(source):
            return "changed", stat
        if (old.size, old.mtime_ns) == stat and stat[0] >= 0:
            return "same", stat
        try:  # the stat moved: only the bytes say whether the content did
            same_bytes = file_sha256(path) == old.sha256
        except OSError:
            same_bytes = False
        return ("touched" if same_bytes else "changed"), stat

    def _chunks(self, work: list[ingest.Source], dropped: set[str]) -> tuple[tuple[ingest.Source, ...], ...]:
        """Cut new inputs into chunks that never straddle an old input, so segments stay ordered."""
        kept = sorted(k for k in self.records if k not in dropped)
        size, chunks, current, gap = max(1, self.cfg.chunk_docs), [], [], None
        for source in work:
            here = bisect.bisect_left(kept, source.rel_path)
            if current and (here != gap or len(current) >= size or source.archive or current[0].archive):
                chunks.append(tuple(current))  # an archive is a chunk of its own, as ingest plans it
                current = []
            current.append(source)
            gap = here
        if current:
            chunks.append(tuple(current))
        return tuple(chunks)

    def unchanged(self, selection: Selection) -> bool:
        """True when the release cannot change: no work, nothing dropped, the same rejections."""
        return (self.generation > 0 and self.reset is None and not selection.chunks
                and not selection.dropped and selection.rejected == self.rejected)

    def union(self, fresh: list[Staged], selection: Selection) -> list[ChunkResult]:
        """Old segments (cut where new inputs fall between their rows) and fresh chunks, in input order."""
        new_keys = sorted(selection.keys)
        pieces: list[Piece] = []
        for seg_id in self.order:
            old = self.members.get(seg_id, [])
            keys = [k for k in old if k not in selection.dropped]
            groups = _split_at(keys, new_keys)
            if len(groups) == 1 and len(keys) == len(old):
                pieces.append((seg_id, keys, None))
                continue
            for group in groups:
                new_id = uuid.uuid4().hex[:16]
                target = self._folder() / f"{new_id}.parquet"
                pieces.append((new_id, group, segments.cut(self._load(seg_id), set(group), target)))
        pieces += [(uuid.uuid4().hex[:16], [r.rel_path for r in s.inputs], s) for s in fresh]
        pieces.sort(key=lambda p: p[1][0])
        self._pending = pieces
        results = []
        for number, (seg_id, _keys, staged) in enumerate(pieces):
            result = (staged or self._load(seg_id)).result
            results.append(dataclasses.replace(result, index=number))
        return results

    def planned(self, selection: Selection) -> int:
        """Inputs in the union after this run: processed ones plus plan-level rejections."""
        keys = set(self.records) - selection.dropped
        keys.update(selection.keys)
        return len(keys) + len(selection.rejected)

    def _folder(self) -> Path:
        folder = self.root / "segments"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _load(self, seg_id: str) -> Staged:
        folder = self._folder()
        with (folder / f"{seg_id}.pkl").open("rb") as handle:
            staged: Staged = pickle.load(handle)
        part = folder / f"{seg_id}.parquet"
        staged.result.part = part if part.is_file() else None
        staged.result.fingerprints = [folder / p.name for p in staged.result.fingerprints]
        return staged

    def commit(self, selection: Selection, run: RunDir | None = None) -> None:
        """Make this run's inputs and rows the state with one atomic rename, then drop unused files."""
        pending = self._pending if self._pending is not None else [
            (seg_id, self.members.get(seg_id, []), None) for seg_id in self.order]
        rows, order = [], []
        for seg_id, keys, staged in pending:
            if staged is not None:
                _keep(staged, self._folder() / seg_id)
            order.append(seg_id)
            fresh = {r.rel_path: r for r in staged.inputs} if staged is not None else {}
            for key in keys:
                record = fresh.get(key) or selection.touched.get(key) or self.records[key]
                rows.append({**dataclasses.asdict(record), "segment": seg_id,
                             "stage": None, "reason": None, "detail": None})
        rows += [_rejected_row(q) for q in selection.rejected.values()]
        generation = self.generation + 1
        inputs = f"inputs-{generation:06d}.parquet"
        _write_inputs(rows, self.root / inputs)
        head = {"format": FORMAT, "generation": generation, "settings": self.settings,
                "inputs": inputs, "segments": order}
        write_durably(self.root / "head.json", _json(head))  # the commit point
        _collect(self.root, set(order), inputs)
        if run is not None:
            run.remove()


def _split_at(keys: list[str], new_keys: list[str]) -> list[list[str]]:
    """Cut a segment's ordered keys wherever a new key falls between two of them."""
    groups: list[list[str]] = []
    last_gap = None
    for key in keys:
        gap = bisect.bisect_left(new_keys, key)
        if not groups or gap != last_gap:
            groups.append([])
        groups[-1].append(key)
        last_gap = gap
    return groups


def _keep(staged: Staged, stem: Path) -> None:
    """Hard-link (or copy) a staged chunk's files into the state and save its chunk record beside them."""
    result = staged.result
    fingerprints = [stem.with_name(f"{stem.name}.fp{k:04d}.npz") for k in range(len(result.fingerprints))]
    for src, dst in zip([result.part, *result.fingerprints], [stem.with_suffix(".parquet"), *fingerprints]):
        if src is not None and src != dst:
            _link(src, dst)
    names = [Path(p.name) for p in fingerprints]  # the record names files relative to its folder
    record = dataclasses.replace(staged, result=dataclasses.replace(result, part=None, fingerprints=names))
    write_durably(stem.with_suffix(".pkl"), pickle.dumps(record))


def _link(src: Path, dst: Path) -> None:
    """Hard-link, so the run folder keeps its copy until the commit is done; copy across file systems."""
    dst.unlink(missing_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def _rejected_row(q: Quarantined) -> dict:
    return {"rel_path": q.source_path, "size": -1, "mtime_ns": -1, "sha256": "", "meta": "",
            "segment": None, "stage": q.stage, "reason": q.reason, "detail": q.detail}


_INPUTS = pa.schema([("rel_path", pa.string()), ("size", pa.int64()), ("mtime_ns", pa.int64()),
                     ("sha256", pa.string()), ("meta", pa.string()), ("segment", pa.string()),
                     ("stage", pa.string()), ("reason", pa.string()), ("detail", pa.string())])


def _write_inputs(rows: list[dict], path: Path) -> None:
    table = pa.Table.from_pylist(sorted(rows, key=lambda r: r["rel_path"]), schema=_INPUTS)
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp)
    replace_durably(tmp, path)


def _json(value: dict) -> bytes:
    return (json.dumps(value, indent=1) + "\n").encode()


def _read_json(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _collect(root: Path, live: set[str], inputs: str) -> None:
    """Delete segment files and input tables the new head no longer names."""
    for path in (root / "segments").iterdir():
        if path.name.split(".")[0] not in live:
            path.unlink(missing_ok=True)
    for path in root.glob("inputs-*.parquet"):
        if path.name != inputs:
            path.unlink(missing_ok=True)
