"""Outlet boilerplate: paragraphs an outlet repeats across its own pages, found and dropped before hashing.

Pages are grouped by who published them: the registered domain or outlet name when the tagger knows it,
else (plain-text dumps) the page's frame, its first and last lines outside the story body, which a site's
template repeats on every page. A paragraph found on at least `boilerplate_min_docs` pages of one group is
the outlet's, not a story's: a story's own paragraphs repeat across outlets, rarely within one.
"""

from __future__ import annotations

import re

import numpy as np
import xxhash

from flows import arrays
from flows.shingles import mix64

_DIGITS = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
_U64 = np.uint64


def group_key(domain: str | None, outlet: str | None, input_format: str, page: str,
              body: str) -> int:
    """Return a nonzero 64-bit key naming the page's outlet or template, or 0 when unknown."""
    if domain:
        return _nonzero(f"domain:{domain.lower()}")
    if outlet:
        return _nonzero(f"outlet:{outlet.strip().lower()}")
    if input_format != "text":
        return 0  # an HTML page's first and last lines are markup, the same for every site
    frame = _frame(page, body)
    return _nonzero("frame:" + "\n".join(frame)) if frame else 0


def _frame(page: str, body: str) -> tuple[str, str] | None:
    """The first and last non-empty lines of a page when neither belongs to the story body."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    if len(lines) < 2 or lines[0] in body or lines[-1] in body:
        return None
    return _normal(lines[0]), _normal(lines[-1])


def _normal(line: str) -> str:
    # Digits vary from page to page in a template's lines (dates, copyright years, counters).
    return _SPACES.sub(" ", _DIGITS.sub("0", line.lower()))


def _nonzero(text: str) -> int:
    return xxhash.xxh3_64_intdigest(text.encode("utf-8")) or 1


def paragraph_keys(groups: np.ndarray, para_ptr: np.ndarray, para_hash: np.ndarray) -> np.ndarray:
    """Key of each paragraph within its document's group (0 where the group is unknown)."""
    per_para = np.repeat(groups.astype(np.uint64), np.diff(para_ptr))
    with np.errstate(over="ignore"):
        keys = mix64(per_para * _U64(0x9E3779B97F4A7C15) ^ para_hash) | _U64(1)
    keys[per_para == 0] = 0
    return keys


def distinct_per_doc(keys: np.ndarray, para_ptr: np.ndarray, selected: np.ndarray) -> np.ndarray:
    """The nonzero paragraph keys of the selected documents (bool mask), each once per document."""
    doc_of = np.repeat(np.arange(len(para_ptr) - 1), np.diff(para_ptr))
    chosen = selected[doc_of] & (keys != 0)
    doc_of, keys = doc_of[chosen], keys[chosen]
    if not keys.size:
        return keys
    order = np.lexsort((keys, doc_of))
    doc_of, keys = doc_of[order], keys[order]
    repeat = np.r_[False, (doc_of[1:] == doc_of[:-1]) & (keys[1:] == keys[:-1])]
    return keys[~repeat]


def merge_counts(keys: np.ndarray, counts: np.ndarray, new_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Add one count per occurrence in `new_keys` to the sorted (keys, counts) table."""
    if not new_keys.size:
        return keys, counts
    fresh, fresh_counts = arrays.counted(new_keys)
    return arrays.add_counts(keys, counts, fresh, fresh_counts)


def boilerplate_mask(keys: np.ndarray, table_keys: np.ndarray, table_counts: np.ndarray,
                     min_docs: int) -> np.ndarray:
    """True for paragraphs whose key was seen on at least `min_docs` pages of the group."""
    if not table_keys.size:
        return np.zeros(keys.size, dtype=bool)
    at = np.minimum(np.searchsorted(table_keys, keys), table_keys.size - 1)
    return (keys != 0) & (table_keys[at] == keys) & (table_counts[at] >= min_docs)
