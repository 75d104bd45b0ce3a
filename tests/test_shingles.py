"""Word n-gram shingles: the same n-grams as a plain Python reference, per paragraph, stable hashes."""

import re

import numpy as np

from flows.shingles import shingle_batch

_WORD = re.compile(r"\w+")


def reference(text: str, n: int) -> list[set[str]]:
    """Distinct n-grams of each blank-line paragraph, as lower-cased word strings."""
    out = []
    for para in re.split(r"\n\s*\n", text):
        words = _WORD.findall(para.lower())
        grams = {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}
        if grams:
            out.append(grams)
    return out


def doc_paragraphs(batch, d):
    first, last = batch.para_ptr[d], batch.para_ptr[d + 1]
    return [set(batch.shingles[batch.shingle_ptr[p]:batch.shingle_ptr[p + 1]].tolist())
            for p in range(first, last)]


TEXTS = [
    "The Prime Minister said on Monday that talks would resume.\n\nOfficials in Brussels "
    "declined to comment on the report, citing the ongoing negotiations.",
    "Zürich – Die Verhandlungen über den Vertrag gehen weiter, sagte der Sprecher am Dienstag.",
    "“Quoted,” he said — isn’t it… odd?  Numbers 1,300 and 2024 stay: they separate reports.",
    "too short",
    "",
    "Line one of a paragraph\ncontinues on a second line without a blank line between them.\n\n\n\n"
    "After several blank lines a new paragraph starts here with enough words in it.",
]


def test_same_ngrams_as_reference_per_paragraph():
    batch = shingle_batch(TEXTS, 5)
    assert batch.n_docs == len(TEXTS)
    for d, text in enumerate(TEXTS):
        ours = doc_paragraphs(batch, d)
        assert [len(p) for p in ours] == [len(p) for p in reference(text, 5)], text


def test_case_punctuation_and_unicode_quotes_do_not_change_ngrams():
    plain = "the minister said it isn t over yet for the talks in geneva"
    styled = "The Minister said: “It isn’t over yet” — for the talks in Geneva!"
    a, b = shingle_batch([plain, styled], 5).shingles.reshape(2, -1)
    assert np.array_equal(a, b)


def test_no_ngram_spans_two_paragraphs():
    one = shingle_batch(["a b c d e f g h"], 5)
    two = shingle_batch(["a b c d\n\ne f g h"], 5)
    assert one.shingles.size == 4 and two.shingles.size == 0


def test_hashes_are_stable_across_runs():
    # The persistent index compares n-grams hashed in earlier runs: these values must never drift.
    batch = shingle_batch(["the quick brown fox jumps over"], 5)
    assert batch.shingles.tolist() == [788120982, 903643351]


def test_large_batches_match_small_ones():
    # ~600 KB of text: hashed in several internal blocks, which must not change any value.
    texts = [f"story {i} " + " ".join(f"word{(i * 7 + k) % 50}" for k in range(200)) for i in range(500)]
    whole = shingle_batch(texts, 5)
    parts = [shingle_batch(texts[i:i + 7], 5) for i in range(0, 500, 7)]
    assert np.array_equal(whole.shingles, np.concatenate([p.shingles for p in parts]))
    assert np.array_equal(whole.para_hash, np.concatenate([p.para_hash for p in parts]))
