"""LSH: one-permutation MinHash signatures, band keys and bucket pairs."""

import numpy as np

from flows.lsh import band_keys, candidate_pairs, signatures


def sets_to_flat(sets):
    values = np.concatenate([np.array(sorted(s), dtype=np.uint32) for s in sets])
    ptr = np.r_[0, np.cumsum([len(s) for s in sets])]
    return values, ptr


def test_equal_sets_have_equal_signatures_and_small_sets_are_densified():
    rng = np.random.default_rng(0)
    a = set(rng.integers(0, 2**32, 300).tolist())
    small = set(rng.integers(0, 2**32, 5).tolist())
    values, ptr = sets_to_flat([a, a, small, set()])
    sig = signatures(values, ptr, 64, seed=0)
    assert np.array_equal(sig[0], sig[1])
    assert (sig[2] != 0xFFFFFFFF).all()  # every bin of a 5-element set is filled
    assert (sig[3] == 0xFFFFFFFF).all()  # an empty set stays empty (and is never banded)


def test_similar_sets_share_bands_and_unrelated_sets_do_not():
    rng = np.random.default_rng(1)
    base = rng.integers(0, 2**32, 400)
    trimmed = base[:200]  # containment 1, Jaccard 0.5
    other = rng.integers(0, 2**32, 400)
    values, ptr = sets_to_flat([set(base.tolist()), set(trimmed.tolist()), set(other.tolist())])
    keys = band_keys(signatures(values, ptr, 64, seed=0), rows=2)
    assert (keys[0] == keys[1]).sum() >= 3
    assert (keys[0] == keys[2]).sum() == 0


def test_pairs_link_each_row_to_better_ranked_rows_of_its_bucket_only():
    keys = np.array([[7], [7], [7], [9], [7]], dtype=np.uint32)
    rank = np.array([3, 0, 1, 2, 4])
    pairs = candidate_pairs(keys, rank, np.ones(5, dtype=bool), heads=2)
    assert sorted(map(tuple, pairs.tolist())) == [(1, 0), (1, 2), (1, 4), (2, 0), (2, 4)]


def test_big_buckets_stay_linear_and_wanted_rows_filter():
    n = 1000
    keys = np.zeros((n, 2), dtype=np.uint32)
    rank = np.arange(n)
    pairs = candidate_pairs(keys, rank, np.ones(n, dtype=bool), heads=3)
    assert len(pairs) == 3 * n - 6
    wanted = np.zeros(n, dtype=bool)
    wanted[500] = True
    few = candidate_pairs(keys, rank, np.ones(n, dtype=bool), heads=3, wanted=wanted)
    assert sorted(map(tuple, few.tolist())) == [(0, 500), (1, 500), (2, 500)]
