"""Synthetic syndicated news for dedup tests and benchmarks: wire stories and their edited outlet copies.

Text is drawn from a Zipf-distributed vocabulary (English function words first, then pronounceable
pseudo-words), so common phrases recur across unrelated stories as they do in real news. An outlet's
copy of a story may be trimmed at the end, lose a middle paragraph, run two paragraphs together, gain
local paragraphs, be house-styled (a per-outlet word substitution), retitled, and carry the outlet's
chrome paragraphs; it is dated the story's day or up to two days later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import xxhash

FUNCTION_WORDS = (
    "the of and to a in that is for on was with he it as at by said from his be has have an are "
    "were they not but had this its who which their been after also would more one new will than "
    "two first year last up about over into other when there could all out people government told "
    "officials minister president police state week including under since some them while against "
    "because city country between during made can may most were we she her him our news report"
).split()
AGENCIES = ("AP", "AFP", "Reuters")
_SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["an", "er", "in", "or", "ul"]


class Vocabulary:
    """Zipf-distributed words: function words are the most frequent."""

    def __init__(self, size: int = 30_000, seed: int = 7) -> None:
        rng = np.random.default_rng(seed)
        words, seen = list(FUNCTION_WORDS), set(FUNCTION_WORDS)
        while len(words) < size:
            picks = rng.integers(0, len(_SYLLABLES), size=(size, 4)).tolist()
            lengths = rng.integers(2, 5, size=size).tolist()
            for pick, length in zip(picks, lengths):
                word = "".join(_SYLLABLES[p] for p in pick[:length])
                if word not in seen and len(words) < size:
                    seen.add(word)
                    words.append(word)
        self.words = words
        # Rendering table: every word followed by a space; the extra last id ends a paragraph.
        spelled = [w.encode() + b" " for w in words] + [b".\n\n"]
        self.blob = np.frombuffer(b"".join(spelled), dtype=np.uint8)
        self.size = np.array([len(w) for w in spelled], dtype=np.int64)
        self.start = np.cumsum(self.size) - self.size
        weights = 1.0 / (np.arange(size) + 2.7) ** 1.07
        self.cdf = np.cumsum(weights / weights.sum())

    def paragraph(self, rng: np.random.Generator, words: int | None = None) -> np.ndarray:
        """Token ids of one paragraph (1-3 sentences, about 20-60 words)."""
        return self.paragraphs(rng, 1, words)[0]

    def paragraphs(self, rng: np.random.Generator, count: int, words: int | None = None) -> list[np.ndarray]:
        """Token ids of `count` paragraphs."""
        sizes = np.full(count, words) if words else rng.integers(20, 60, size=count)
        ids = np.minimum(np.searchsorted(self.cdf, rng.random(int(sizes.sum()))), len(self.words) - 1)
        return np.split(ids, np.cumsum(sizes)[:-1])

    def render(self, paragraphs: list[np.ndarray]) -> str:
        """Paragraphs as text: words, a full stop, a blank line between paragraphs."""
        end = np.array([len(self.words)])
        ids = np.concatenate([x for p in paragraphs for x in (p, end)]) if paragraphs else end[:0]
        size = self.size[ids]
        at = np.repeat(self.start[ids] - (np.cumsum(size) - size), size) + np.arange(int(size.sum()))
        return self.blob[at].tobytes().decode("ascii").rstrip()


@dataclass
class SynthDoc:
    """One generated page body with the facts dedup reads, and its true story."""

    doc_id: str
    text: str
    published: dt.date | None
    is_wire: bool
    agencies: list[str]
    outlet: str
    story: int


@dataclass
class Outlet:
    """A simulated outlet: its chrome paragraphs and house-style substitutions."""

    name: str
    chrome: list[np.ndarray]
    style: np.ndarray  # word id -> the id this outlet prints instead


def make_outlets(vocab: Vocabulary, count: int, rng: np.random.Generator) -> list[Outlet]:
    """Outlets, each with 2-4 chrome paragraphs and a house style touching 0.5% of the vocabulary."""
    out = []
    size = len(vocab.words)
    for i in range(count):
        chrome = [vocab.paragraph(rng, int(rng.integers(10, 25))) for _ in range(int(rng.integers(2, 5)))]
        swap = rng.choice(size, size // 200, replace=False)
        style = np.arange(size, dtype=np.int32)
        style[swap] = rng.permutation(swap)
        out.append(Outlet(f"outlet{i:03d}", chrome, style))
    return out


def edit_copy(story: list[np.ndarray], outlet: Outlet, vocab: Vocabulary,
              rng: np.random.Generator) -> list[np.ndarray]:
    """An outlet's edited copy of a story's paragraphs (body only; chrome is added by `render_page`)."""
    paras = list(story[:max(1, int(np.ceil(len(story) * rng.uniform(0.3, 1.0))))])
    if len(paras) > 3 and rng.random() < 0.3:
        del paras[int(rng.integers(1, len(paras) - 1))]
    if len(paras) > 2 and rng.random() < 0.3:
        k = int(rng.integers(0, len(paras) - 1))
        paras[k:k + 2] = [np.concatenate(paras[k:k + 2])]
    if rng.random() < 0.3:
        paras += vocab.paragraphs(rng, int(rng.integers(1, 3)))
    return [outlet.style[p] for p in paras]


def render_page(paras: list[np.ndarray], outlet: Outlet | None, vocab: Vocabulary) -> str:
    """The page body: story paragraphs, then the outlet's chrome paragraphs the cleaner left in."""
    return vocab.render([*paras, *(outlet.chrome if outlet else [])])


def doc_id(seed: int, n: int) -> str:
    """A 24-hex-digit id, as ingest derives from a document's bytes."""
    return xxhash.xxh3_128_hexdigest(f"{seed}:{n}".encode())[:24]


def corpus(n_docs: int, seed: int = 1, window: int = 20_000, outlets: int = 200):
    """Yield about `n_docs` SynthDocs: stories with 0-30 copies, shuffled within windows of days."""
    rng = np.random.default_rng(seed)
    vocab = Vocabulary()
    sites = make_outlets(vocab, outlets, rng)
    made, story = 0, 0
    day = dt.date(2024, 1, 1)
    while made < n_docs:
        batch: list[SynthDoc] = []
        while len(batch) < window and made + len(batch) < n_docs:
            batch += _story_docs(story, day, vocab, sites, rng, seed, made + len(batch))
            story += 1
        rng.shuffle(batch)
        batch = batch[:n_docs - made]
        made += len(batch)
        day += dt.timedelta(days=3)
        yield from batch


def _story_docs(story: int, day: dt.date, vocab: Vocabulary, sites: list[Outlet],
                rng: np.random.Generator, seed: int, serial: int) -> list[SynthDoc]:
    """A story's wire original (sometimes absent) and its outlet copies."""
    paras = vocab.paragraphs(rng, int(rng.integers(4, 16)))
    agency = AGENCIES[int(rng.integers(0, 3))] if rng.random() < 0.8 else None
    start = day + dt.timedelta(days=int(rng.integers(0, 3)))
    copies = int(min(30, len(sites), rng.geometric(0.25) - 1)) if rng.random() < 0.6 else 0
    docs = []
    if copies == 0 or rng.random() < 0.7:
        docs.append(SynthDoc(doc_id(seed, serial), render_page(paras, None, vocab), start,
                             agency is not None, [agency] if agency else [], "wire", story))
    for site in rng.choice(len(sites), size=copies, replace=False).tolist():
        text = render_page(edit_copy(paras, sites[site], vocab, rng), sites[site], vocab)
        published = start + dt.timedelta(days=int(rng.integers(0, 3))) if rng.random() < 0.8 else None
        credit = [agency] if agency and rng.random() < 0.5 else []
        docs.append(SynthDoc(doc_id(seed, serial + len(docs)), text, published, False, credit,
                             sites[site].name, story))
    return docs
