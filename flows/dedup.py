"""Dedup: cluster syndicated copies of one story (MinHash-LSH candidates, exact containment check)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import xxhash

from flows.config import Config

_TOKEN = re.compile(r"\w+")
_MERSENNE = np.uint64((1 << 61) - 1)


@dataclass(slots=True)
class Fingerprint:
    """What dedup keeps per document: shingle hashes and the fields the canonical order needs."""

    doc_id: str
    shingles: np.ndarray  # sorted unique uint64 hashes of word n-grams
    text_chars: int
    published: dt.date | None
    is_wire: bool


@dataclass(slots=True)
class Assignment:
    """A document's place in its story."""

    story_id: str
    is_canonical: bool
    similarity: float


def fingerprint(doc_id: str, text: str, published: dt.date | None, is_wire: bool,
                cfg: Config) -> Fingerprint:
    """Return the fingerprint of one document's body."""
    words = [w.lower() for w in _TOKEN.findall(text)]
    n = cfg.shingle_size
    grams = (" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1)))
    hashes = np.unique(np.fromiter((xxhash.xxh3_64_intdigest(g.encode()) for g in grams), dtype=np.uint64))
    return Fingerprint(doc_id, hashes, len(text), published, is_wire)


def _permutations(cfg: Config) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(1)
    a = rng.integers(1, int(_MERSENNE), cfg.minhash_perm, dtype=np.uint64)
    b = rng.integers(0, int(_MERSENNE), cfg.minhash_perm, dtype=np.uint64)
    return a, b


def minhash(shingles: np.ndarray, perms: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Return the MinHash signature of a shingle set (uint64 per permutation)."""
    if shingles.size == 0:
        return np.full(perms[0].size, np.iinfo(np.uint64).max, dtype=np.uint64)
    x = (shingles & _MERSENNE)[:, None]
    return ((x * perms[0][None, :] + perms[1][None, :]) % _MERSENNE).min(axis=0)


def candidates(fps: list[Fingerprint], cfg: Config) -> set[tuple[int, int]]:
    """Return index pairs whose signatures collide in at least one LSH band."""
    perms = _permutations(cfg)
    sigs = np.stack([minhash(fp.shingles, perms) for fp in fps]) if fps else np.empty((0, 0))
    pairs: set[tuple[int, int]] = set()
    for band in range(cfg.lsh_bands):
        buckets: dict[bytes, list[int]] = defaultdict(list)
        cols = sigs[:, band * cfg.lsh_rows:(band + 1) * cfg.lsh_rows]
        for i, row in enumerate(cols):
            buckets[row.tobytes()].append(i)
        for members in buckets.values():
            pairs.update((a, b) for k, a in enumerate(members) for b in members[k + 1:])
    return pairs


def containment(a: np.ndarray, b: np.ndarray) -> tuple[float, int]:
    """Return (|A∩B| / min(|A|,|B|), |A∩B|) for two sorted shingle arrays."""
    if a.size == 0 or b.size == 0:
        return 0.0, 0
    shared = int(np.intersect1d(a, b, assume_unique=True).size)
    return shared / min(a.size, b.size), shared


def canonical_key(fp: Fingerprint) -> tuple:
    """Order copies: the wire's own copy, then the fullest text, the earliest date, the doc_id."""
    return (not fp.is_wire, -fp.text_chars, fp.published or dt.date.max, fp.doc_id)


def cluster(fps: list[Fingerprint], cfg: Config) -> dict[str, Assignment]:
    """Assign every document to a story; a copy joins only if it matches the story's canonical."""
    order = sorted(range(len(fps)), key=lambda i: canonical_key(fps[i]))
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b in candidates(fps, cfg):
        neighbours[a].add(b)
        neighbours[b].add(a)
    out: dict[str, Assignment] = {}
    for i in order:  # canonical candidates first: each unassigned doc starts a story (star, no chains)
        head = fps[i]
        if head.doc_id in out:
            continue
        out[head.doc_id] = Assignment(head.doc_id, True, 1.0)
        for j in sorted(neighbours[i], key=lambda k: canonical_key(fps[k])):
            copy = fps[j]
            if copy.doc_id in out or not _dates_close(head, copy, cfg):
                continue
            score, shared = containment(copy.shingles, head.shingles)
            if _is_copy(score, shared, cfg):
                out[copy.doc_id] = Assignment(head.doc_id, False, round(score, 6))
    return out


def _is_copy(score: float, shared: int, cfg: Config) -> bool:
    """A copy shares most of the shorter text, or a long verbatim stretch of it."""
    if shared >= cfg.long_overlap_shingles:
        return True
    return score >= cfg.containment_threshold and shared >= cfg.min_shared_shingles


def _dates_close(a: Fingerprint, b: Fingerprint, cfg: Config) -> bool:
    if a.published is None or b.published is None:
        return True
    return abs((a.published - b.published).days) <= cfg.max_copy_days
