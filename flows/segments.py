"""Segments of the state store: staged chunks kept after their run, cut apart by input when needed."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from flows.fingerprint import FingerprintPart, load_part, save_part
from flows.resume import Staged
from flows.shingles import ShingleBatch
from flows.tablefile import write_parquet

# Counters a chunk keeps that can be recomputed for any subset of its inputs.
_DERIVED = ("read", "tagged", "split_stories")


def input_of(source_path: str, keys: set[str]) -> str:
    """The input a row came from: its own path, or the archive named before a '#record' suffix."""
    if source_path in keys:
        return source_path
    cut = source_path.find("#")
    while cut != -1:
        if source_path[:cut] in keys:
            return source_path[:cut]
        cut = source_path.find("#", cut + 1)
    raise KeyError(f"{source_path!r} belongs to none of the chunk's inputs")


def cut(staged: Staged, keep: set[str], target: Path) -> Staged:
    """The part of a staged chunk that came from the inputs in `keep`, its files written beside `target`."""
    result = staged.result
    keys = {record.rel_path for record in staged.inputs}
    mask = np.array([input_of(s, keys) in keep for s in result.sources], dtype=bool)
    part, split = None, 0
    if result.part is not None and mask.any():
        table = pq.read_table(result.part).filter(pa.array(mask, pa.bool_()))
        write_parquet(table, target)
        part, split = target, int(pc.sum(table.column("split_stories")).as_py() or 0)
    quarantined = [q for q in result.quarantined if input_of(q.source_path, keys) in keep]
    rows = int(mask.sum())
    counts = Counter({"read": rows + len(quarantined), "tagged": rows, "split_stories": split})
    if min(keys, default=None) in keep:  # counters that cannot be split by input stay with the first input
        counts.update({k: v for k, v in result.counts.items() if k not in _DERIVED})
    piece = dataclasses.replace(
        result, part=part, quarantined=quarantined, counts=counts,
        fingerprints=_cut_fingerprints(result.fingerprints, mask, target),
        doc_ids=[d for d, m in zip(result.doc_ids, mask) if m],
        sources=[s for s, m in zip(result.sources, mask) if m])
    return Staged(piece, [r for r in staged.inputs if r.rel_path in keep])


def _cut_fingerprints(paths: list[Path], mask: np.ndarray, target: Path) -> list[Path]:
    """Write the kept documents' fingerprints, file by file, next to `target`."""
    out, start = [], 0
    for path in paths:
        part = load_part(path)
        keep = mask[start:start + len(part)]
        start += len(part)
        if keep.any():
            out.append(target.with_name(f"{target.stem}.fp{len(out):04d}.npz"))
            save_part(take(part, keep), out[-1])
    return out


def take(part: FingerprintPart, keep: np.ndarray) -> FingerprintPart:
    """The fingerprints of the documents of `part` where `keep` is true, in order."""
    docs = np.flatnonzero(keep)
    batch = part.shingles
    paras = _ranges(batch.para_ptr[docs], batch.para_ptr[docs + 1])
    grams = _ranges(batch.shingle_ptr[paras], batch.shingle_ptr[paras + 1])
    shingles = ShingleBatch(_offsets(batch.para_ptr[docs + 1] - batch.para_ptr[docs]), batch.para_hash[paras],
                            _offsets(batch.shingle_ptr[paras + 1] - batch.shingle_ptr[paras]),
                            batch.shingles[grams])
    fields = {f.name: getattr(part, f.name)[docs] for f in dataclasses.fields(part) if f.name != "shingles"}
    return FingerprintPart(**fields, shingles=shingles)


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Concatenated aranges start..end for each pair."""
    lengths = ends - starts
    if not lengths.sum():
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(lengths.sum(), dtype=np.int64)


def _offsets(lengths: np.ndarray) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
