"""Which documents are copies of one story: named cases through the dedup index, plus the rules themselves."""

import dataclasses
import datetime as dt

import numpy as np
import pytest

from conftest import SEEDS
from dedup_synth import Vocabulary
from flows import dedup
from flows.chunks import prepare_chunk
from flows.dedup_index import DedupIndex
from flows.fingerprint import NO_DATE, DocFacts, agency_hashes, build_part
from flows.ingest import plan

VOCAB = Vocabulary()
DAY = dt.date(2024, 3, 1)


def paragraphs(seed: int, count: int, words: int = 40) -> list[np.ndarray]:
    return VOCAB.paragraphs(np.random.default_rng(seed), count, words)


def house_style(paras: list[np.ndarray]) -> list[np.ndarray]:
    """Swap one word in twenty, as an outlet's style guide would (US -> U.S., ISIS -> ISIL)."""
    return [np.where(np.arange(p.size) % 20 == 7, (p + 1) % len(VOCAB.words), p) for p in paras]


def doc(name, paras, day=DAY, wire=False, agencies=(), group=0):
    return {"name": name, "text": VOCAB.render(paras), "day": day, "wire": wire,
            "agencies": list(agencies), "group": group}


def cluster(docs, cfg, **overrides) -> dict[str, str]:
    """Story id of each named document after one run over all of them."""
    cfg = dataclasses.replace(cfg, **overrides)
    facts = [DocFacts(d["name"].ljust(24, "0"), d["text"], d["day"], d["wire"], d["agencies"], d["group"])
             for d in docs]
    index = DedupIndex.load(cfg)
    index.add([build_part(facts, cfg)])
    found = index.assign()
    return {d["name"]: found[f.doc_id].story_id for d, f in zip(docs, facts)}


def test_trimmed_house_styled_copy_joins_its_story(cfg):
    story = paragraphs(1, 10)
    found = cluster([doc("a0", story), doc("b0", house_style(story[:3])), doc("c0", paragraphs(2, 6))], cfg)
    assert found["a0"] == found["b0"] != found["c0"]


def test_copy_extended_with_other_material_joins_by_its_opening(cfg):
    story, local = paragraphs(3, 8), paragraphs(4, 6)
    original, extended = doc("a1", story), doc("b1", story[:2] + local)
    assert cluster([original, extended], cfg)["a1"] == cluster([original, extended], cfg)["b1"]
    # containment alone would miss it: the added paragraphs outweigh the kept ones
    assert cluster([original, extended], cfg, opening_threshold=2.0)["a1"] != \
        cluster([original, extended], cfg, opening_threshold=2.0)["b1"]


def test_same_event_from_another_agency_stays_apart(cfg):
    quote = paragraphs(5, 1, words=30)
    ap = doc("ap", paragraphs(6, 2) + quote + paragraphs(7, 4), agencies=["AP"])
    afp = doc("afp", paragraphs(8, 3) + quote + paragraphs(9, 2), agencies=["AFP"])
    found = cluster([ap, afp], cfg)
    assert found["ap"] != found["afp"]


def test_copies_credited_to_different_agencies_never_merge(cfg):
    story = paragraphs(10, 6)
    found = cluster([doc("ap", story, agencies=["AP"]), doc("afp", story[:5], agencies=["AFP"]),
                     doc("uncredited", story[:4])], cfg)
    assert found["ap"] != found["afp"] and found["uncredited"] == found["ap"]


def test_only_pairs_crediting_no_common_agency_are_ruled_out(cfg):
    credits = [["AP"], ["AFP"], ["AFP", "AP"], [], ["Reuters", "dpa"]]
    agencies = np.array([agency_hashes(c) for c in credits], dtype=np.uint32)
    pairs = np.array([[0, 1], [0, 2], [1, 2], [0, 3], [4, 0], [4, 2]])
    undated = np.full(5, NO_DATE, dtype=np.int32)
    kept = dedup.allowed_pairs(pairs, undated, agencies, cfg)
    assert kept.tolist() == [[0, 2], [1, 2], [0, 3]]


def test_a_chain_through_a_middle_copy_is_broken(cfg):
    story, other, more = paragraphs(11, 8), paragraphs(12, 3), paragraphs(13, 2)
    a, b, c = doc("a", story), doc("b", story[4:] + other), doc("c", other + more)
    found = cluster([a, b, c], cfg)
    assert found["a"] == found["b"] != found["c"]
    # c is a copy of b by the rules: only the star (everything checked against a) keeps it apart
    prepared = {d["name"]: _prepared(d, cfg) for d in (a, b, c)}
    assert dedup.compare(prepared["c"], prepared["b"], cfg).is_copy
    assert not dedup.compare(prepared["c"], prepared["a"], cfg).is_copy


def test_publication_dates_bound_copies(cfg):
    story = paragraphs(14, 6)
    found = cluster([doc("orig", story), doc("late", story[:4], day=DAY + dt.timedelta(days=30)),
                     doc("next", story[:5], day=DAY + dt.timedelta(days=2)),
                     doc("undated", story[:3], day=None)], cfg)
    assert found["orig"] == found["next"] == found["undated"] != found["late"]


def test_canonical_is_wire_then_fullest_then_earliest_then_doc_id():
    order = dedup.canonical_order(
        is_wire=np.array([False, False, True, False, False]),
        text_chars=np.array([900, 900, 100, 900, 2000]),
        published=np.array([20, 10, 30, NO_DATE, 10], dtype=np.int32),
        doc_id=np.array([b"b", b"a", b"z", b"c", b"d"], dtype="S24"))
    assert order.tolist() == [2, 4, 1, 0, 3]


def test_the_wire_copy_stands_for_the_story_and_similarity_is_measured_against_it(cfg):
    story = paragraphs(15, 6)
    docs = [doc("longer", story + paragraphs(16, 3)), doc("wire", story, wire=True), doc("trim", story[:2])]
    facts = [DocFacts(d["name"].ljust(24, "0"), d["text"], d["day"], d["wire"], [], 0) for d in docs]
    index = DedupIndex.load(cfg)
    index.add([build_part(facts, cfg)])
    found = index.assign()
    wire, longer, trim = (found[f.doc_id] for f in (facts[1], facts[0], facts[2]))
    assert wire.is_canonical and not longer.is_canonical and wire.story_id == longer.story_id == trim.story_id
    assert trim.similarity == 1.0 and 0.6 < longer.similarity < 0.75


def test_outlet_chrome_does_not_make_short_stories_copies(cfg):
    chrome = paragraphs(17, 3, words=25)
    pages = [doc(f"p{i}", paragraphs(100 + i, 2, words=20) + chrome, group=42) for i in range(4)]
    assert len(set(cluster(pages, cfg).values())) == 4
    assert len(set(cluster(pages, cfg, boilerplate_min_docs=99).values())) < 4


def test_a_story_run_by_many_outlets_keeps_its_paragraphs(cfg):
    story = paragraphs(18, 5)
    copies = [doc(f"o{i}", story[:4] + paragraphs(200 + i, 1), group=i + 1) for i in range(6)]
    assert len(set(cluster(copies, cfg).values())) == 1


def test_seed_copies_form_one_story_and_other_seeds_stay_apart(cfg, tmp_path):
    cfg = cfg.with_paths(SEEDS, tmp_path / "out")
    work = tmp_path / "run"
    work.mkdir()
    parts = [path for i, chunk in enumerate(plan(cfg).chunks)
             for path in prepare_chunk(i, chunk, work, cfg).fingerprints]
    index = DedupIndex.load(cfg)
    index.add(parts)
    found = index.assign()
    ids = {p.name[:3]: i for p, i in zip(sorted(SEEDS.glob("*.txt")), _seed_ids())}
    story = {name: found[doc_id].story_id for name, doc_id in ids.items()}
    assert story["000"] == story["001"]
    assert len({story[k] for k in ("001", "002", "003", "004")}) == 4


def _seed_ids():
    from flows.ingest import doc_id_for

    return [doc_id_for(p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]


def _prepared(d, cfg) -> dedup.Shingled:
    from flows.dedup_add import final_shingles

    part = build_part([DocFacts("x" * 24, d["text"], None, False, [], 0)], cfg)
    kept = final_shingles(part.shingles, np.ones(1, dtype=bool),
                          np.zeros(part.shingles.para_hash.size, dtype=bool), cfg)
    return dedup.prepare(kept.records(), int(kept.prefix_len[0]))


@pytest.mark.parametrize(("kept", "joins"), [(2, False), (3, True)])
def test_without_a_shared_opening_containment_decides(cfg, kept, joins):
    story, other = paragraphs(19, 10), paragraphs(20, 5 - kept)
    mixed = (story[:kept] + other)[::-1]  # containment kept/5 (0.4 or 0.6), openings differ
    found = cluster([doc("s", story), doc("t", mixed)], cfg)
    assert (found["s"] == found["t"]) is joins
