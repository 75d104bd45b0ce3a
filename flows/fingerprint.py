"""Per-chunk fingerprints: what dedup needs of each document, computed beside extraction, staged on disk."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import xxhash

from flows.config import Config
from flows.shingles import ShingleBatch, shingle_batch

NO_DATE = np.iinfo(np.int32).min
AGENCY_SLOTS = 4  # agencies kept per document; a page rarely credits more
_EPOCH = dt.date(1970, 1, 1)


@dataclass
class DocFacts:
    """The fields of one document that dedup reads (no text is kept after fingerprinting)."""

    doc_id: str
    text: str
    published: dt.date | None
    is_wire: bool
    agencies: list[str]
    group: int  # boilerplate group key, 0 when unknown (see flows.boilerplate.group_key)


@dataclass
class FingerprintPart:
    """Fingerprints of a batch of documents: small columns plus their paragraph shingles."""

    doc_id: np.ndarray  # S24 hex doc ids
    text_chars: np.ndarray  # int64
    published: np.ndarray  # int32 days since 1970-01-01, NO_DATE when unknown
    is_wire: np.ndarray  # bool: the wire agency's own copy
    agencies: np.ndarray  # (n, AGENCY_SLOTS) uint32 hashes of credited agencies, sorted, 0-padded
    group: np.ndarray  # uint64 boilerplate group key
    shingles: ShingleBatch

    def __len__(self) -> int:
        return int(self.doc_id.size)


def build_part(facts: list[DocFacts], cfg: Config) -> FingerprintPart:
    """Fingerprint a batch of documents."""
    return FingerprintPart(
        doc_id=np.array([f.doc_id for f in facts], dtype="S24"),
        text_chars=np.array([len(f.text) for f in facts], dtype=np.int64),
        published=np.array([day_number(f.published) for f in facts], dtype=np.int32),
        is_wire=np.array([f.is_wire for f in facts], dtype=bool),
        agencies=np.array([agency_hashes(f.agencies) for f in facts],
                          dtype=np.uint32).reshape(-1, AGENCY_SLOTS),
        group=np.array([f.group for f in facts], dtype=np.uint64),
        shingles=shingle_batch([f.text for f in facts], cfg.shingle_size),
    )


def day_number(day: dt.date | None) -> int:
    """Days since 1970-01-01, or NO_DATE."""
    return NO_DATE if day is None else (day - _EPOCH).days


def agency_hashes(agencies: list[str]) -> list[int]:
    """Nonzero 32-bit hashes of a document's agency names, sorted, zero-padded to AGENCY_SLOTS."""
    found = sorted({xxhash.xxh32_intdigest(a.strip().lower().encode("utf-8")) or 1 for a in agencies})
    return (found + [0] * AGENCY_SLOTS)[:AGENCY_SLOTS]


_ARRAYS = ("doc_id", "text_chars", "published", "is_wire", "agencies", "group")
_SHINGLE_ARRAYS = ("para_ptr", "para_hash", "shingle_ptr", "shingles")


def save_part(part: FingerprintPart, path: Path) -> None:
    """Write a part as an uncompressed .npz (loaded member by member)."""
    arrays = {name: getattr(part, name) for name in _ARRAYS}
    arrays.update({name: getattr(part.shingles, name) for name in _SHINGLE_ARRAYS})
    with path.open("wb") as handle:
        np.savez(handle, **arrays)


def load_part(path: Path) -> FingerprintPart:
    """Read a part written by `save_part`."""
    with np.load(path) as data:
        batch = ShingleBatch(*(data[name] for name in _SHINGLE_ARRAYS))
        return FingerprintPart(*(data[name] for name in _ARRAYS), shingles=batch)
