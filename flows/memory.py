"""Handing freed memory back to the operating system between the big steps of a run."""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache

import pyarrow as pa


@cache
def _libc():
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


def give_back() -> None:
    """Return memory freed by Arrow's pool and the C heap to the system, so the next step's peak starts
    from what is live rather than from what earlier steps once held."""
    # Arrow's allocator keeps freed pages for reuse (1.3 GB after the gate's views at a million rows),
    # and glibc keeps freed heap: both count in the process's RSS until released.
    pa.default_memory_pool().release_unused()
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)
