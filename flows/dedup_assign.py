"""Assigning a run's new documents to stories: LSH candidates, date/agency bounds, exact checks, stars."""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

import numpy as np

from flows import arrays, dedup, lsh
from flows.fingerprint import NO_DATE

if TYPE_CHECKING:
    from flows.dedup_index import DedupIndex


def assign(index: "DedupIndex") -> None:
    """Give every staged document a story; update canonical copies their arrival displaces."""
    docs, cfg = index.docs, index.cfg
    staged = np.arange(index.indexed, docs["doc_id"].size)
    pending = staged[docs["story"][staged] < 0]
    if not pending.size:
        return
    old = reachable_stories(index, pending)
    nodes = np.concatenate([index.canonical[old], pending])
    keys = np.concatenate([index.story_keys[old], index.new_keys[pending - index.indexed]])
    order = dedup.canonical_order(docs["is_wire"][nodes], docs["text_chars"][nodes],
                                  docs["published"][nodes], docs["doc_id"][nodes])
    rank = np.empty(nodes.size, dtype=np.int64)
    rank[order] = np.arange(nodes.size)
    wanted = np.arange(nodes.size) >= old.size
    pairs = lsh.candidate_pairs(keys, rank, docs["length"][nodes] > 0, cfg.lsh_bucket_heads, wanted)
    pairs = dedup.allowed_pairs(pairs, docs["published"][nodes], docs["agencies"][nodes], cfg)
    indptr, neighbours = _adjacency(pairs, nodes.size)
    anchor = np.full(nodes.size, -1, dtype=np.int64)
    anchor[:old.size] = old
    cache = ShingleCache(index)
    result = dedup.resolve(order[order >= old.size], indptr, neighbours, rank, anchor,
                           index.story_id.size,
                           lambda j, k: dedup.compare(cache.get(nodes[j]), cache.get(nodes[k]), cfg))
    docs["story"][pending] = result.story[old.size:]
    docs["similarity"][pending] = result.similarity[old.size:]
    _update_stories(index, nodes, keys, anchor, result)
    _rescore(index, cache, sorted({s for s, _, _ in result.displaced}))
    index.stats = {"candidate_pairs": int(pairs.shape[0]), "comparisons": result.comparisons,
                   "stories_considered": int(old.size)}
    cache.reader.close()


def reachable_stories(index: "DedupIndex", pending: np.ndarray) -> np.ndarray:
    """Stories whose canonical copy a new document may copy: undated, or dated near a new document.

    When every new document is dated, stories dated outside [first - max_copy_days, last +
    max_copy_days] cannot match, so a small run does not rescan the whole index.
    """
    published = index.docs["published"]
    every = np.arange(index.story_id.size)
    days = published[pending]
    if not every.size or (days == NO_DATE).any():
        return every
    lo, hi = int(days.min()) - index.cfg.max_copy_days, int(days.max()) + index.cfg.max_copy_days
    heads = published[index.canonical]
    return every[(heads == NO_DATE) | ((heads >= lo) & (heads <= hi))]


def release_heads(index: "DedupIndex", rows: np.ndarray,
                  story: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Canonical row and similarity of each given row, the canonical chosen among `rows` only."""
    docs = index.docs
    head = index.canonical[story]
    similarity = docs["similarity"][rows].astype(np.float64)
    present = np.zeros(docs["doc_id"].size, dtype=bool)
    present[rows] = True
    orphans = np.flatnonzero(~present[head])
    if not orphans.size:
        return head, similarity
    members = rows[orphans]
    order = dedup.canonical_order(docs["is_wire"][members], docs["text_chars"][members],
                                  docs["published"][members], docs["doc_id"][members])
    best = order[arrays.first_occurrences(story[orphans][order])]
    stand_in = dict(zip(story[orphans][best].tolist(), members[best].tolist()))
    cache = ShingleCache(index)
    for at, row in zip(orphans.tolist(), members.tolist()):
        head[at] = stand_in[int(story[at])]
        similarity[at] = 1.0 if head[at] == row else dedup.compare(
            cache.get(row), cache.get(int(head[at])), index.cfg).share_a
    cache.reader.close()
    return head, similarity


def _adjacency(pairs: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric neighbour lists (CSR) of the candidate pairs."""
    src = np.concatenate([pairs[:, 0], pairs[:, 1]])
    dst = np.concatenate([pairs[:, 1], pairs[:, 0]])
    order = np.argsort(src, kind="stable")
    return np.searchsorted(src[order], np.arange(n + 1)), dst[order]


def _update_stories(index: "DedupIndex", nodes: np.ndarray, keys: np.ndarray, anchor: np.ndarray,
                    result: dedup.Resolution) -> None:
    """Record new stories (id = first canonical's doc_id) and every story's current canonical."""
    if result.founders.size:
        founders = nodes[result.founders]
        index.story_id = np.concatenate([index.story_id, index.docs["doc_id"][founders]])
        index.canonical = np.concatenate([index.canonical, founders])
        index.story_keys = np.concatenate([index.story_keys, keys[result.founders]])
    heads = np.flatnonzero(anchor >= 0)
    index.canonical[anchor[heads]] = nodes[heads]
    index.story_keys[anchor[heads]] = keys[heads]


def _rescore(index: "DedupIndex", cache: "ShingleCache", stories: list[int]) -> None:
    """Recompute similarity to the canonical for every copy of stories whose canonical changed."""
    if not stories:
        return
    docs = index.docs
    flagged = np.zeros(index.story_id.size, dtype=bool)
    flagged[stories] = True
    for row in np.flatnonzero(flagged[docs["story"]]).tolist():
        head = int(index.canonical[docs["story"][row]])
        if row == head:
            docs["similarity"][row] = 1.0
        else:
            found = dedup.compare(cache.get(row), cache.get(head), index.cfg)
            docs["similarity"][row] = found.share_a


class ShingleCache:
    """Prepared n-gram arrays of index rows, read from the segments on demand (least recent evicted)."""

    def __init__(self, index: "DedupIndex", capacity: int = 1 << 16) -> None:
        self.index, self.capacity = index, capacity
        self.reader = index.reader()
        self._cache: OrderedDict[int, dedup.Shingled] = OrderedDict()

    def get(self, row: int) -> dedup.Shingled:
        """The prepared n-grams of document row `row`."""
        row = int(row)
        hit = self._cache.get(row)
        if hit is not None:
            self._cache.move_to_end(row)
            return hit
        docs = self.index.docs
        prefix = int(docs["prefix"][row])
        record = self.reader.read(int(docs["segment"][row]), int(docs["offset"][row]),
                                  prefix + int(docs["length"][row]))
        prepared = dedup.prepare(record, prefix)
        self._cache[row] = prepared
        if len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        return prepared
