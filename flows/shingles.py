"""Word n-gram shingles of many bodies at once: 32-bit hashes per paragraph, computed with numpy."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Tokens are runs of letters and digits of the lower-cased UTF-8 text: ASCII punctuation and the
# Unicode punctuation/symbol blocks separate them; a blank line ends a paragraph.
_SEP_DOC, _NEWLINE, _SPACE = 1, 10, 32
_U64 = np.uint64
# Odd 64-bit multipliers (splitmix64 / golden ratio); fixed so fingerprints are stable across runs.
_P = _U64(0x9E3779B97F4A7C15)
_M1, _M2 = _U64(0xBF58476D1CE4E5B9), _U64(0x94D049BB133111EB)
_GRAM_MULTS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                        0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53,
                        0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5], dtype=np.uint64)


@dataclass
class ShingleBatch:
    """Shingles of a batch of documents, flat: doc → paragraphs → shingles (in text order)."""

    para_ptr: np.ndarray  # int64, len n_docs+1: doc d owns paragraphs para_ptr[d]:para_ptr[d+1]
    para_hash: np.ndarray  # uint64 per paragraph: hash of its token sequence (boilerplate key)
    shingle_ptr: np.ndarray  # int64, len n_paras+1: paragraph p owns shingles shingle_ptr[p]:[p+1]
    shingles: np.ndarray  # uint32 hash per word n-gram, in text order, repeats kept

    @property
    def n_docs(self) -> int:
        """Number of documents in the batch."""
        return len(self.para_ptr) - 1


def mix64(x: np.ndarray) -> np.ndarray:
    """Return the splitmix64 finaliser of a uint64 array: every input bit moves every output bit."""
    x = x ^ (x >> _U64(30))
    x = x * _M1
    x = x ^ (x >> _U64(27))
    x = x * _M2
    return x ^ (x >> _U64(31))


def _word_bytes(data: np.ndarray) -> np.ndarray:
    """True for bytes inside a token: ASCII letters, digits and _, and non-ASCII letters."""
    word = np.zeros(256, dtype=bool)
    word[[*range(48, 58), *range(97, 123), 95, *range(128, 256)]] = True
    inside = word[data]
    # Multi-byte punctuation and symbols: U+0080-U+00BF (C2 xx), U+2000-U+2FFF (E2 xx xx),
    # U+3000-U+303F (E3 80 xx), the byte-order mark (EF BB BF), and x and / signs (C3 97, C3 B7).
    lead = np.flatnonzero((data == 0xC2) | (data == 0xE2) | (data == 0xE3) | (data == 0xEF) | (data == 0xC3))
    lead = lead[lead + 1 < data.size]
    first, second = data[lead], data[lead + 1]
    two = lead[(first == 0xC2) | ((first == 0xC3) & ((second == 0x97) | (second == 0xB7)))]
    three = lead[(first == 0xE2) | ((first == 0xE3) & (second == 0x80))
                 | ((first == 0xEF) & (second == 0xBB))]
    three = three[three + 2 < data.size]
    for span, starts in ((2, two), (3, three)):
        for k in range(span):
            inside[starts + k] = False
    return inside


_powers: list[tuple[np.ndarray, np.ndarray]] = []  # one shared pair of tables, replaced whole


def _power_tables(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P**i and P**-i (mod 2**64) for i < n; cached between calls (chunk tasks run in threads)."""
    have = _powers[-1] if _powers else None
    if have is None or have[0].size < n:
        size = max(n, 1 << 16, 2 * (0 if have is None else have[0].size))
        inverse = _U64(pow(int(_P), -1, 1 << 64))
        with np.errstate(over="ignore"):
            table = (np.cumprod(np.full(size, _P, dtype=np.uint64)) * inverse,
                     np.cumprod(np.full(size, inverse, dtype=np.uint64)) * _P)
        if not _powers or _powers[-1][0].size < size:
            _powers[:] = [table]
        have = table
    return have[0][:n], have[1][:n]


def shingle_batch(texts: list[str], n: int) -> ShingleBatch:
    """Return the word n-gram shingles of each text, paragraph by paragraph (no gram spans two)."""
    blocks, start, size = [], 0, 0
    for i, text in enumerate(texts):
        size += len(text)
        if size >= _BLOCK_CHARS or i == len(texts) - 1:
            blocks.append(_block(texts[start:i + 1], n))
            start, size = i + 1, 0
    return _concat(blocks) if blocks else _block([], n)


# Texts are hashed in blocks of about this many characters, so the work arrays stay in CPU cache.
_BLOCK_CHARS = 1 << 18


def _concat(blocks: list[ShingleBatch]) -> ShingleBatch:
    """One batch of the blocks' documents, in order."""
    if len(blocks) == 1:
        return blocks[0]
    para_ptr, shingle_ptr = [np.zeros(1, dtype=np.int64)], [np.zeros(1, dtype=np.int64)]
    paras = shingles = 0
    for b in blocks:
        para_ptr.append(b.para_ptr[1:] + paras)
        shingle_ptr.append(b.shingle_ptr[1:] + shingles)
        paras, shingles = paras + b.para_hash.size, shingles + b.shingles.size
    return ShingleBatch(np.concatenate(para_ptr), np.concatenate([b.para_hash for b in blocks]),
                        np.concatenate(shingle_ptr), np.concatenate([b.shingles for b in blocks]))


def _block(texts: list[str], n: int) -> ShingleBatch:
    """Shingles of a block of texts."""
    joined = "\x01".join(t.replace("\x01", " ") for t in texts).lower().encode("utf-8")
    data = np.frombuffer(joined, dtype=np.uint8)
    token_hash, token_para, n_paras, doc_of_para = _tokens(data)
    with np.errstate(over="ignore"):
        para_hash = _paragraph_hashes(token_hash, token_para, n_paras)
        grams, gram_para = _grams(token_hash, token_para, n)
    counts = np.bincount(gram_para, minlength=n_paras)
    kept = np.flatnonzero(counts)
    shingle_ptr = np.zeros(kept.size + 1, dtype=np.int64)
    np.cumsum(counts[kept], out=shingle_ptr[1:])
    para_ptr = np.searchsorted(doc_of_para[kept], np.arange(len(texts) + 1)).astype(np.int64)
    return ShingleBatch(para_ptr, para_hash[kept], shingle_ptr, grams)


def _tokens(data: np.ndarray) -> tuple[np.ndarray, np.ndarray, int, np.ndarray]:
    """Hash every token of the joined bytes; return hashes, paragraph ids and paragraph→doc."""
    word = _word_bytes(data)
    edge = np.diff(word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts, ends = np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)
    markers = _paragraph_breaks(data, word)
    token_para = np.searchsorted(markers, starts)
    doc_of_para = np.zeros(markers.size + 1, dtype=np.int64)
    np.cumsum(data[markers] == _SEP_DOC, out=doc_of_para[1:])
    powers, inverse = _power_tables(data.size + 1)
    with np.errstate(over="ignore"):
        prefix = np.zeros(data.size + 1, dtype=np.uint64)
        np.cumsum((data.astype(np.uint64) + _U64(1)) * powers[:data.size], out=prefix[1:])
        token_hash = mix64((prefix[ends] - prefix[starts]) * inverse[starts])
    return token_hash, token_para, markers.size + 1, doc_of_para


def _paragraph_breaks(data: np.ndarray, word: np.ndarray) -> np.ndarray:
    """Sorted positions that end a paragraph: document separators and blank lines."""
    newlines = np.flatnonzero(data == _NEWLINE)
    seen = np.cumsum(word)
    blank = newlines[1:][seen[newlines[1:]] == seen[newlines[:-1]]]
    return np.sort(np.concatenate([blank, np.flatnonzero(data == _SEP_DOC)]))


def _paragraph_hashes(token_hash: np.ndarray, token_para: np.ndarray, n_paras: int) -> np.ndarray:
    """Order-sensitive hash of each paragraph's token sequence (0 for a paragraph without tokens)."""
    powers, inverse = _power_tables(token_hash.size + 1)
    prefix = np.zeros(token_hash.size + 1, dtype=np.uint64)
    np.cumsum(token_hash * powers[:token_hash.size], out=prefix[1:])
    first = np.searchsorted(token_para, np.arange(n_paras))
    last = np.searchsorted(token_para, np.arange(n_paras), side="right")
    return np.where(last > first, mix64((prefix[last] - prefix[first]) * inverse[first]), _U64(0))


def _grams(token_hash: np.ndarray, token_para: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """32-bit hashes of every run of n tokens inside one paragraph, and each run's paragraph."""
    count = token_hash.size - n + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint32), np.empty(0, dtype=np.int64)
    acc = np.zeros(count, dtype=np.uint64)
    for k in range(n):
        acc += token_hash[k:k + count] * _GRAM_MULTS[k % _GRAM_MULTS.size]
    inside = token_para[:count] == token_para[n - 1:]
    return (mix64(acc[inside]) >> _U64(32)).astype(np.uint32), token_para[:count][inside]
