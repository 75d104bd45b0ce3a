"""Dedup rules: when two documents are copies of one story, which copy stands for it, and who joins whom.

A copy of a wire story keeps the story's opening and most of its text, then may be trimmed, extended with
local paragraphs, retitled and house-styled. Two documents are copies when, with at least
`min_shared_shingles` word n-grams in common, either the shorter one's n-grams are mostly in the longer
(containment, robust to trimming) or one's opening n-grams are mostly in the other's opening window
(robust to extension: added paragraphs dilute containment but not the shared opening). Stories are stars:
every copy is checked against the story's canonical copy, never against another copy, so A~B~C chains
cannot join two stories through a middle document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from flows.config import Config
from flows.fingerprint import NO_DATE


@dataclass(frozen=True)
class Assignment:
    """A document's place in its story."""

    story_id: str
    is_canonical: bool
    similarity: float  # share of this copy's n-grams found in the canonical copy
    canonical_doc_id: str


class Assignments(Mapping[str, Assignment]):
    """Assignments of many documents held as arrays; looking a doc_id up builds its Assignment."""

    def __init__(self, doc_id: np.ndarray, story_id: np.ndarray, is_canonical: np.ndarray,
                 similarity: np.ndarray, canonical_doc_id: np.ndarray) -> None:
        order = np.argsort(doc_id, kind="stable")
        self._ids, self._story, self._canonical = doc_id[order], story_id[order], is_canonical[order]
        self._similarity = np.round(similarity[order].astype(np.float64), 6)
        self._head = canonical_doc_id[order]

    @classmethod
    def empty(cls) -> "Assignments":
        """No assignments at all."""
        none = np.empty(0, dtype="S24")
        return cls(none, none, np.empty(0, dtype=bool), np.empty(0), none)

    def _rows(self, doc_ids: list[str]) -> np.ndarray:
        keys = np.array(doc_ids, dtype="S24")
        if not keys.size:
            return np.empty(0, dtype=np.int64)
        at = np.minimum(np.searchsorted(self._ids, keys), max(self._ids.size - 1, 0))
        found = (self._ids[at] == keys) if self._ids.size else np.zeros(keys.size, dtype=bool)
        if not found.all():
            raise KeyError(doc_ids[int(np.argmin(found))])
        return at

    def columns(self, doc_ids: list[str]) -> tuple[list[str], list[bool], list[float]]:
        """story_id, is_canonical and similarity of each document, as column lists."""
        at = self._rows(doc_ids)
        return (self._story[at].astype(str).tolist(), self._canonical[at].tolist(),
                self._similarity[at].tolist())

    def __getitem__(self, doc_id: str) -> Assignment:
        row = int(self._rows([doc_id])[0])
        return Assignment(self._story[row].decode(), bool(self._canonical[row]),
                          float(self._similarity[row]), self._head[row].decode())

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids.astype(str).tolist())

    def __len__(self) -> int:
        return int(self._ids.size)


@dataclass(frozen=True)
class Shingled:
    """A document's n-grams prepared for comparison: its opening window and its distinct set."""

    prefix: np.ndarray  # uint32, the first `opening_window` n-grams in text order
    window: np.ndarray  # the prefix, sorted
    ordered: np.ndarray  # uint32, every distinct n-gram, sorted


@dataclass(frozen=True)
class Match:
    """How two documents compare: copy or not, and how much of each lies in the other."""

    is_copy: bool
    shared: int
    share_a: float  # |A∩B| / |A|
    share_b: float  # |A∩B| / |B|


def prepare(record: np.ndarray, prefix_len: int) -> Shingled:
    """Prepare a stored record (opening prefix, then sorted distinct n-grams) for `compare`."""
    prefix = record[:prefix_len]
    return Shingled(prefix, np.sort(prefix), record[prefix_len:])


def compare(a: Shingled, b: Shingled, cfg: Config) -> Match:
    """Decide exactly whether A and B are copies of one story."""
    size_a, size_b = a.ordered.size, b.ordered.size
    if not size_a or not size_b:
        return Match(False, 0, 0.0, 0.0)
    shared = _found(a.ordered, b.ordered)
    if shared < cfg.min_shared_shingles:
        return Match(False, shared, shared / size_a, shared / size_b)
    is_copy = (shared >= cfg.containment_threshold * min(size_a, size_b)
               or _opening(a, b, cfg) >= cfg.opening_threshold
               or _opening(b, a, cfg) >= cfg.opening_threshold)
    return Match(is_copy, shared, shared / size_a, shared / size_b)


def _found(values: np.ndarray, ordered: np.ndarray) -> int:
    """How many of `values` occur in the sorted array `ordered`."""
    at = ordered.searchsorted(values)
    at[at == ordered.size] = 0
    return int(np.count_nonzero(ordered[at] == values))


def _opening(a: Shingled, b: Shingled, cfg: Config) -> float:
    """Share of A's first n-grams found in B's opening window."""
    head = a.prefix[:cfg.opening_shingles]
    return _found(head, b.window) / head.size if head.size and b.window.size else 0.0


def canonical_order(is_wire: np.ndarray, text_chars: np.ndarray, published: np.ndarray,
                    doc_id: np.ndarray) -> np.ndarray:
    """Indices best-first: the wire's own copy, then the fullest text, the earliest date, the doc_id."""
    undated = np.where(published == NO_DATE, np.iinfo(np.int32).max, published)
    return np.lexsort((doc_id, undated, -text_chars.astype(np.int64), ~is_wire))


def allowed_pairs(pairs: np.ndarray, published: np.ndarray, agencies: np.ndarray,
                  cfg: Config) -> np.ndarray:
    """Drop pairs that cannot be copies: dated too far apart, or credited to different agencies."""
    a, b = pairs[:, 0], pairs[:, 1]
    dated = (published[a] != NO_DATE) & (published[b] != NO_DATE)
    far = dated & (np.abs(published[a].astype(np.int64) - published[b]) > cfg.max_copy_days)
    left, right = agencies[a][:, :, None], agencies[b][:, None, :]
    shared = ((left == right) & (left != 0)).any(axis=(1, 2))
    rival = (agencies[a][:, 0] != 0) & (agencies[b][:, 0] != 0) & ~shared
    return pairs[~far & ~rival]


@dataclass
class Resolution:
    """Outcome of star clustering for the new nodes of a run."""

    story: np.ndarray  # story index per node (-1 for nodes that were not new)
    similarity: np.ndarray  # float64 per node: share of its n-grams in its canonical
    displaced: list[tuple[int, int, int]]  # (story, old canonical node, new canonical node)
    founders: np.ndarray  # node that started each new story, in story order
    comparisons: int  # exact checks made


def resolve(order: np.ndarray, indptr: np.ndarray, neighbours: np.ndarray, rank: np.ndarray,
            anchor: np.ndarray, next_story: int, match: Callable[[int, int], Match]) -> Resolution:
    """Star-cluster the new nodes in canonical order against the current canonical copies.

    anchor[k] is the story whose canonical copy node k is (-1 otherwise); it is updated in place.
    A new node joins the matching canonical it shares most with; if it ranks before that canonical
    it becomes the story's canonical instead; with no match it starts a story of its own.
    """
    heads, ranks, ptr, near = anchor.tolist(), rank.tolist(), indptr.tolist(), neighbours.tolist()
    story = [-1] * rank.size
    similarity = [0.0] * rank.size
    displaced: list[tuple[int, int, int]] = []
    founders: list[int] = []
    comparisons = 0
    for j in order.tolist():
        best, best_key, best_match = -1, None, None
        for k in near[ptr[j]:ptr[j + 1]]:
            if heads[k] < 0:
                continue
            found = match(j, k)
            comparisons += 1
            key = (found.share_a, -ranks[k])
            if found.is_copy and (best_key is None or key > best_key):
                best, best_key, best_match = k, key, found
        if best < 0:
            heads[j] = story[j] = next_story
            similarity[j] = 1.0
            founders.append(j)
            next_story += 1
        elif ranks[j] < ranks[best]:
            story[j] = heads[j] = heads[best]
            displaced.append((heads[best], best, j))
            heads[best] = -1
            similarity[j] = 1.0
        else:
            story[j] = heads[best]
            similarity[j] = best_match.share_a
    anchor[:] = heads
    return Resolution(np.array(story, dtype=np.int64), np.array(similarity), displaced,
                      np.array(founders, dtype=np.int64), comparisons)
