"""Freed memory handed back to the system between the big steps of a run."""

from __future__ import annotations

import pyarrow as pa

from flows.memory import give_back


def _rss() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096


def test_give_back_returns_what_arrow_kept_for_reuse():
    # Many mid-sized buffers, as a batch-at-a-time step leaves them: Arrow's allocator keeps their pages.
    pieces = [pa.array(range(i, i + 100_000), pa.int64()) for i in range(400)]
    del pieces
    kept = _rss()
    give_back()
    assert _rss() < kept - 100 * 2**20


def test_give_back_twice_is_harmless():
    give_back()
    give_back()
