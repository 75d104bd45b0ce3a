"""Candidate pairs: one-permutation MinHash signatures and LSH banding, all in numpy."""

from __future__ import annotations

import numpy as np

from flows import arrays
from flows.shingles import mix64

_U64 = np.uint64
_EMPTY = np.uint32(0xFFFFFFFF)
# Per-sketch seeds and per-row multipliers, fixed so signatures are comparable across runs.
_SEEDS = (0x243F6A8885A308D3, 0x13198A2E03707344)
_ROW_MULTS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                       0xD6E8FEB86659FD93], dtype=np.uint64)
_DENSIFY = np.uint32(0x9E3779B1)


def signatures(values: np.ndarray, ptr: np.ndarray, bins: int, seed: int) -> np.ndarray:
    """One-permutation MinHash of each set values[ptr[d]:ptr[d+1]], densified by rotation.

    Returns an (n_sets, bins) uint32 matrix; `bins` must be a power of two. An empty set's row
    is all 0xFFFFFFFF and must not be banded (see `band_keys`).
    """
    if bins < 2 or bins & (bins - 1):
        raise ValueError(f"one-permutation MinHash needs a power-of-two number of bins, not {bins}")
    n = len(ptr) - 1
    shift = _U64(64 - int(bins).bit_length() + 1)
    h = mix64(values.astype(np.uint64) ^ _U64(_SEEDS[seed]))
    cell = np.repeat(np.arange(n, dtype=np.int64) * bins, np.diff(ptr)) + (h >> shift).astype(np.int64)
    sig = np.full(n * bins, _EMPTY, dtype=np.uint32)
    np.minimum.at(sig, cell, h.astype(np.uint32))
    return _densify(sig.reshape(n, bins))


def _densify(sig: np.ndarray) -> np.ndarray:
    """Fill each empty bin from the next filled bin to its right (circularly), offset by distance."""
    n, bins = sig.shape
    filled = sig != _EMPTY
    if filled.all() or n == 0:
        return sig
    cols = np.arange(2 * bins)
    where = np.where(np.concatenate([filled, filled], axis=1), cols, 4 * bins)
    nearest = np.minimum.accumulate(where[:, ::-1], axis=1)[:, ::-1][:, :bins]
    ok = nearest < 4 * bins
    source = np.where(ok, nearest % bins, 0)
    distance = (nearest - np.arange(bins)).astype(np.uint32)
    with np.errstate(over="ignore"):
        dense = np.take_along_axis(sig, source, axis=1) + distance * _DENSIFY
    return np.where(ok, np.where(filled, sig, dense), _EMPTY).astype(np.uint32)


def band_keys(sig: np.ndarray, rows: int) -> np.ndarray:
    """Hash each band of `rows` consecutive signature values to one uint32 key: (n_sets, bins/rows)."""
    n, bins = sig.shape
    bands = bins // rows
    grouped = sig[:, :bands * rows].reshape(n, bands, rows).astype(np.uint64)
    with np.errstate(over="ignore"):
        acc = (grouped * _ROW_MULTS[:rows]).sum(axis=2, dtype=np.uint64)
        acc += np.arange(bands, dtype=np.uint64) * _U64(0x632BE59BD9B4E019)
    return (mix64(acc) >> _U64(32)).astype(np.uint32)


def candidate_pairs(keys: np.ndarray, rank: np.ndarray, valid: np.ndarray, heads: int,
                    wanted: np.ndarray | None = None) -> np.ndarray:
    """Pairs of rows sharing a band key: each row paired with the `heads` best-ranked rows before it.

    keys: (n, bands) uint32; rank: a permutation of 0..n-1, lower is better; valid: rows that may
    pair; wanted: optional mask, keep only pairs touching at least one wanted row.
    Returns an (m, 2) int64 array of distinct pairs (better row, worse row).
    """
    n = rank.size
    row_of_rank = np.empty(n, dtype=np.int64)
    row_of_rank[rank] = np.arange(n)
    rows = np.flatnonzero(valid)
    codes = []
    for band in range(keys.shape[1]):
        better, worse = _band_pairs(keys[rows, band], rank[rows], heads)
        better, worse = row_of_rank[better], row_of_rank[worse]
        if wanted is not None:
            touch = wanted[better] | wanted[worse]
            better, worse = better[touch], worse[touch]
        codes.append(better * (n + 1) + worse)
    code = arrays.distinct(np.concatenate(codes)) if codes else np.empty(0, dtype=np.int64)
    return np.stack([code // (n + 1), code % (n + 1)], axis=1)


def _band_pairs(key: np.ndarray, rank: np.ndarray, heads: int) -> tuple[np.ndarray, np.ndarray]:
    """Ranks of pairs within one band: each bucket member with up to `heads` better-ranked members."""
    packed = np.sort((key.astype(np.uint64) << np.uint64(32)) | rank.astype(np.uint64))
    bucket = packed >> np.uint64(32)
    start = np.flatnonzero(np.r_[True, bucket[1:] != bucket[:-1]])
    size = np.diff(np.r_[start, packed.size])
    position = np.arange(packed.size) - np.repeat(start, size)
    partners = np.minimum(position, heads)
    worse = np.repeat(np.arange(packed.size), partners)
    better = np.repeat(start, size)[worse] + (np.arange(worse.size)
                                              - np.repeat(np.cumsum(partners) - partners, partners))
    ranks = (packed & np.uint64(0xFFFFFFFF)).astype(np.int64)
    return ranks[better], ranks[worse]
