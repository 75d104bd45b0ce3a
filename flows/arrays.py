"""Sort-based set helpers for large integer arrays (np.unique is hash-based here and far slower)."""

from __future__ import annotations

import numpy as np


def distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values."""
    ordered = np.sort(values)
    if ordered.size < 2:
        return ordered
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]]


def counted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values and how often each occurs."""
    ordered = np.sort(values)
    if not ordered.size:
        return ordered, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    return ordered[starts], np.diff(np.r_[starts, ordered.size])


def first_occurrences(values: np.ndarray) -> np.ndarray:
    """Indices of the first occurrence of each distinct value, in ascending index order."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    first = np.r_[True, ordered[1:] != ordered[:-1]] if ordered.size else np.zeros(0, dtype=bool)
    return np.sort(order[first])


def add_counts(keys: np.ndarray, counts: np.ndarray, new_keys: np.ndarray,
               new_counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Merge sorted distinct (new_keys, new_counts) into sorted distinct (keys, counts), summing."""
    counts = counts.copy()
    if keys.size:
        at = np.minimum(np.searchsorted(keys, new_keys), keys.size - 1)
        hit = keys[at] == new_keys
        np.add.at(counts, at[hit], new_counts[hit].astype(counts.dtype))
        new_keys, new_counts = new_keys[~hit], new_counts[~hit]
    merged = np.concatenate([keys, new_keys])
    order = np.argsort(merged)
    return merged[order], np.concatenate([counts, new_counts.astype(counts.dtype)])[order]
