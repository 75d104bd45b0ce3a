"""Adding a run's documents to the dedup index: drop outlet boilerplate, store n-grams, compute band keys."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from flows import arrays, boilerplate, lsh
from flows.config import Config
from flows.dedup_store import DOC_COLUMNS, SegmentWriter
from flows.fingerprint import FingerprintPart, load_part
from flows.shingles import ShingleBatch

if TYPE_CHECKING:
    from flows.dedup_index import DedupIndex


def add(index: "DedupIndex", parts: list[FingerprintPart | Path]) -> None:
    """Note already indexed documents; count boilerplate; stage every new document's fingerprint."""
    fresh = _fresh_masks(index, parts)
    if not any(mask.any() for mask in fresh):
        return
    _count_boilerplate(index, parts, fresh)
    if index.writer is None:
        index.writer = SegmentWriter(index.folder)
    segment = len(index.manifest["segments"])
    staged = [_stage(index, open_part(p), mask, segment) for p, mask in zip(parts, fresh) if mask.any()]
    index.writer.flush()
    if staged:
        start = index.docs["doc_id"].size
        for name in index.docs:
            index.docs[name] = np.concatenate([index.docs[name], *(s[0][name] for s in staged)])
        index.new_keys = np.concatenate([index.new_keys, *(s[1] for s in staged)])
        index.present = np.concatenate([index.present, np.arange(start, index.docs["doc_id"].size)])


def open_part(part: FingerprintPart | Path) -> FingerprintPart:
    """Return the part itself, or load it from its file."""
    return part if isinstance(part, FingerprintPart) else load_part(Path(part))


def _member(part: FingerprintPart | Path, name: str) -> np.ndarray:
    """One array of a part, without loading the rest from disk."""
    if isinstance(part, FingerprintPart):
        return getattr(part.shingles, name) if hasattr(part.shingles, name) else getattr(part, name)
    with np.load(part) as data:
        return data[name]


def _fresh_masks(index: "DedupIndex", parts: list) -> list[np.ndarray]:
    """Per part, which documents are new (not indexed, first of their id in this run)."""
    ids = [_member(p, "doc_id") for p in parts]
    every = np.concatenate(ids) if ids else np.empty(0, dtype="S24")
    known = lookup(index.docs["doc_id"], every)
    first = np.zeros(every.size, dtype=bool)
    first[arrays.first_occurrences(every)] = True
    index.present = arrays.distinct(np.concatenate([index.present, known[known >= 0]]))
    new = first & (known < 0)
    return np.split(new, np.cumsum([i.size for i in ids])[:-1]) if ids else []


def lookup(table: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Row of each id in `table`, or -1."""
    if not table.size or not ids.size:
        return np.full(ids.size, -1, dtype=np.int64)
    order = np.argsort(table, kind="stable")
    at = np.minimum(np.searchsorted(table[order], ids), table.size - 1)
    return np.where(table[order][at] == ids, order[at], -1)


def _count_boilerplate(index: "DedupIndex", parts: list, fresh: list[np.ndarray]) -> None:
    """Add each new document's (group, paragraph) keys to the index's page counts."""
    found = []
    for part, mask in zip(parts, fresh):
        if mask.any():
            para_ptr = _member(part, "para_ptr")
            keys = boilerplate.paragraph_keys(_member(part, "group"), para_ptr, _member(part, "para_hash"))
            found.append(boilerplate.distinct_per_doc(keys, para_ptr, mask))
    if found:
        index.boiler_keys, index.boiler_counts = boilerplate.merge_counts(
            index.boiler_keys, index.boiler_counts, np.concatenate(found))


def _stage(index: "DedupIndex", part: FingerprintPart, mask: np.ndarray,
           segment: int) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Columns and band keys of a part's new documents; their n-grams go to the segment file."""
    cfg, batch = index.cfg, part.shingles
    keys = boilerplate.paragraph_keys(part.group, batch.para_ptr, batch.para_hash)
    boiler = boilerplate.boilerplate_mask(keys, index.boiler_keys, index.boiler_counts,
                                          cfg.boilerplate_min_docs)
    kept = final_shingles(batch, mask, boiler, cfg)
    start = index.writer.append(kept.records())
    docs = np.flatnonzero(mask)
    columns = {
        "doc_id": part.doc_id[docs], "story": np.full(docs.size, -1),
        "text_chars": np.minimum(part.text_chars[docs], np.iinfo(np.int32).max),
        "published": part.published[docs], "is_wire": part.is_wire[docs], "agencies": part.agencies[docs],
        "similarity": np.zeros(docs.size), "segment": np.full(docs.size, segment),
        "offset": start + kept.record_starts(), "prefix": kept.prefix_len, "length": kept.set_len,
    }
    return {name: col.astype(DOC_COLUMNS[name]) for name, col in columns.items()}, band_keys(kept, cfg)


@dataclass
class Kept:
    """The n-grams a batch's selected documents keep: an opening prefix and the distinct set."""

    prefix: np.ndarray  # uint32, each document's first `opening_window` n-grams in text order
    prefix_len: np.ndarray  # int64 per document
    distinct: np.ndarray  # uint32, each document's distinct n-grams, sorted
    set_len: np.ndarray  # int64 per document

    def record_starts(self) -> np.ndarray:
        """Offset of each document's record (prefix then set) from the first record."""
        size = self.prefix_len + self.set_len
        return np.cumsum(size) - size

    def records(self) -> np.ndarray:
        """All records back to back, as stored in a segment."""
        out = np.empty(self.prefix.size + self.distinct.size, dtype=np.uint32)
        starts = self.record_starts()
        out[_spread(starts, self.prefix_len)] = self.prefix
        out[_spread(starts + self.prefix_len, self.set_len)] = self.distinct
        return out


def _spread(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Indices starts[i] .. starts[i]+lengths[i]-1 for every i, concatenated."""
    within = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return np.repeat(starts, lengths) + within


def final_shingles(batch: ShingleBatch, mask: np.ndarray, boiler: np.ndarray, cfg: Config) -> Kept:
    """The n-grams the selected documents keep once boilerplate paragraphs are left out.

    A document keeps its boilerplate when it would lose more than `boilerplate_max_share` of its
    n-grams: such a page is more likely the same story run twice by one outlet than all template.
    """
    n = batch.n_docs
    para_doc = np.repeat(np.arange(n), np.diff(batch.para_ptr))
    para_len = np.diff(batch.shingle_ptr)
    total = np.bincount(para_doc, weights=para_len, minlength=n)
    dropped = np.bincount(para_doc, weights=para_len * boiler, minlength=n)
    strip = dropped <= cfg.boilerplate_max_share * total
    keep = np.repeat(mask[para_doc] & ~(boiler & strip[para_doc]), para_len)
    doc_of = np.repeat(para_doc, para_len)[keep]
    values = batch.shingles[keep]
    counts = np.bincount(doc_of, minlength=n)
    position = np.arange(values.size) - np.repeat(np.cumsum(counts) - counts, counts)
    head = position < cfg.opening_window
    code = arrays.distinct((doc_of.astype(np.uint64) << np.uint64(32)) | values.astype(np.uint64))
    chosen = np.flatnonzero(mask)
    set_len = np.bincount((code >> np.uint64(32)).astype(np.int64), minlength=n)[chosen]
    return Kept(values[head], np.minimum(counts, cfg.opening_window)[chosen],
                code.astype(np.uint32), set_len)


def band_keys(kept: Kept, cfg: Config) -> np.ndarray:
    """Whole-text band keys next to opening band keys, one row per document."""
    ptr = np.r_[0, np.cumsum(kept.set_len)]
    whole = lsh.signatures(kept.distinct, ptr, cfg.lsh_bands * cfg.lsh_rows, seed=0)
    head = np.minimum(kept.prefix_len, cfg.opening_shingles)
    within = np.arange(kept.prefix.size) - np.repeat(np.cumsum(kept.prefix_len) - kept.prefix_len,
                                                     kept.prefix_len)
    opening = lsh.signatures(kept.prefix[within < cfg.opening_shingles], np.r_[0, np.cumsum(head)],
                             cfg.opening_bands * cfg.opening_rows, seed=1)
    return np.hstack([lsh.band_keys(whole, cfg.lsh_rows), lsh.band_keys(opening, cfg.opening_rows)])
