"""The dedup index across runs: same stories split or whole, stable story ids, safe commits."""

import dataclasses
import datetime as dt
import shutil
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest

from conftest import SEEDS
from dedup_synth import Vocabulary, corpus
from flows.boilerplate import group_key
from flows.dedup_index import DedupIndex, IndexMismatch
from flows.fingerprint import DocFacts, build_part
from flows.pipeline import build_release

VOCAB = Vocabulary()


def facts_of(docs) -> list[DocFacts]:
    return [DocFacts(d.doc_id, d.text, d.published, d.is_wire, d.agencies,
                     group_key(None, d.outlet, "text", "", "")) for d in docs]


def run(cfg, facts) -> dict:
    """One run: load the index, add, assign, save; return doc_id -> Assignment."""
    index = DedupIndex.load(cfg)
    index.add([build_part(facts, cfg)])
    found = index.assign()
    index.save()
    return found


def partition(assignments: dict) -> set[frozenset]:
    groups = defaultdict(set)
    for doc_id, a in assignments.items():
        groups[a.story_id].add(doc_id)
    return {frozenset(g) for g in groups.values()}


def test_a_corpus_split_over_two_runs_gives_the_same_stories_as_one_run(cfg, tmp_path):
    docs = list(corpus(600, seed=5, window=200, outlets=12))
    whole = run(dataclasses.replace(cfg, output_dir=tmp_path / "one"), facts_of(docs))
    split_cfg = dataclasses.replace(cfg, output_dir=tmp_path / "two")
    first = run(split_cfg, facts_of(docs[:300]))
    second = run(split_cfg, facts_of(docs[300:]))
    assert len(partition(whole)) < 0.8 * len(docs)  # the corpus does have copies
    assert partition({**first, **second}) == partition(whole)


def test_story_ids_stay_and_a_later_wire_copy_becomes_canonical(cfg):
    story = VOCAB.paragraphs(np.random.default_rng(3), 8, 40)
    day = dt.date(2024, 5, 2)
    copies = [DocFacts("c1".ljust(24, "0"), VOCAB.render(story[:6]), day, False, [], 1),
              DocFacts("c2".ljust(24, "0"), VOCAB.render(story[:4]), day, False, [], 2)]
    first = run(cfg, copies)
    story_id = first[copies[0].doc_id].story_id
    assert story_id == first[copies[1].doc_id].story_id == copies[0].doc_id
    wire = DocFacts("w".ljust(24, "0"), VOCAB.render(story), day, True, ["AP"], 0)
    later = run(cfg, [wire, *copies])
    assert {a.story_id for a in later.values()} == {story_id}
    assert later[wire.doc_id].is_canonical and not later[copies[0].doc_id].is_canonical
    trimmed = later[copies[1].doc_id]
    assert trimmed.similarity == 1.0 and trimmed.canonical_doc_id == wire.doc_id


def test_a_document_arriving_next_week_joins_the_story_it_copies(cfg):
    story = VOCAB.paragraphs(np.random.default_rng(4), 8, 40)
    original = DocFacts("o".ljust(24, "0"), VOCAB.render(story), dt.date(2024, 5, 2), False, [], 0)
    run(cfg, [original])
    late = DocFacts("l".ljust(24, "0"), VOCAB.render(story[:5]), dt.date(2024, 5, 6), False, [], 0)
    assert run(cfg, [late])[late.doc_id].story_id == original.doc_id


def test_rerun_with_the_same_documents_changes_nothing(cfg):
    docs = facts_of(list(corpus(120, seed=6, window=60, outlets=5)))
    first = run(cfg, docs)
    files = sorted(p.name for p in cfg.dedup_state_dir.glob("seg-*"))
    assert run(cfg, docs) == first
    assert sorted(p.name for p in cfg.dedup_state_dir.glob("seg-*")) == files


def test_an_unsaved_run_leaves_the_index_as_it_was(cfg):
    docs = facts_of(list(corpus(120, seed=7, window=60, outlets=5)))
    run(cfg, docs[:60])
    failed = DedupIndex.load(cfg)
    failed.add([build_part(docs[60:], cfg)])
    failed.assign()  # ... and the release fails: save() is never called
    again = DedupIndex.load(cfg)
    assert again.docs["doc_id"].size == 60
    again.add([build_part(docs[60:], cfg)])
    again.assign()
    again.save()
    assert len(list(cfg.dedup_state_dir.glob("seg-*"))) == 2  # the failed run's segment is gone


def test_an_index_built_with_other_fingerprint_settings_is_refused(cfg):
    run(cfg, facts_of(list(corpus(20, seed=8, window=20))))
    with pytest.raises(IndexMismatch):
        DedupIndex.load(dataclasses.replace(cfg, shingle_size=4))


@pytest.mark.slow
def test_releases_keep_story_ids_and_save_the_index_only_when_published(prefect_harness, tmp_path):
    first_in, out = tmp_path / "first", tmp_path / "out"
    first_in.mkdir()
    for name in ("000", "002"):
        shutil.copy(next(SEEDS.glob(f"{name}_*.txt")), first_in)
    build_release(input_dir=str(first_in), output_dir=str(out))
    before = pd.read_parquet(out / "releases" / "latest" / "documents.parquet")
    assert (out / "state" / "dedup" / "index.json").is_file()
    build_release(input_dir=str(SEEDS), output_dir=str(out))
    after = pd.read_parquet(out / "releases" / "latest" / "documents.parquet")
    story = dict(zip(after["source_path"].str[:3], after["story_id"]))
    assert dict(zip(before["source_path"].str[:3], before["story_id"])).items() <= story.items()
    assert story["000"] == story["001"]


def test_a_dated_run_only_considers_stories_near_its_dates(cfg):
    old = VOCAB.paragraphs(np.random.default_rng(9), 6, 40)
    other = VOCAB.paragraphs(np.random.default_rng(10), 6, 40)
    run(cfg, [DocFacts("old".ljust(24, "0"), VOCAB.render(old), dt.date(2024, 1, 1), False, [], 0),
              DocFacts("undated".ljust(24, "0"), VOCAB.render(other), None, False, [], 0)])
    index = DedupIndex.load(cfg)
    index.add([build_part([DocFacts("new".ljust(24, "0"), VOCAB.render(old), dt.date(2024, 6, 1),
                                    False, [], 0)], cfg)])
    index.assign()
    assert index.stats["stories_considered"] == 1  # only the undated story could be a copy


def test_a_release_without_the_first_canonical_marks_its_best_copy_present(cfg):
    story = VOCAB.paragraphs(np.random.default_rng(11), 8, 40)
    day = dt.date(2024, 5, 2)
    original = DocFacts("o".ljust(24, "0"), VOCAB.render(story), day, False, [], 0)
    run(cfg, [original])
    copies = [DocFacts("c1".ljust(24, "0"), VOCAB.render(story[:6]), day, False, [], 1),
              DocFacts("c2".ljust(24, "0"), VOCAB.render(story[:3]), day, False, [], 2)]
    later = run(cfg, copies)  # the original is not part of this input
    assert {a.story_id for a in later.values()} == {original.doc_id}
    assert later[copies[0].doc_id].is_canonical and later[copies[0].doc_id].similarity == 1.0
    assert later[copies[1].doc_id].canonical_doc_id == copies[0].doc_id
    assert later[copies[1].doc_id].similarity == 1.0


def folder_state(cfg) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(cfg.dedup_state_dir.iterdir())}


def test_a_parked_index_saves_the_same_generation_as_one_never_parked(cfg, tmp_path):
    docs = facts_of(list(corpus(120, seed=8, window=60, outlets=5)))
    run(cfg, docs[:60])
    shutil.copytree(cfg.dedup_state_dir, tmp_path / "copy")
    parked = DedupIndex.load(cfg)
    parked.add([build_part(docs[60:], cfg)])
    found = parked.assign()
    parked.park()
    assert parked.docs == {} and (cfg.dedup_state_dir / "index.json").read_bytes() == \
        (tmp_path / "copy" / "index.json").read_bytes()  # nothing committed yet
    parked.save()
    plain = DedupIndex.load(cfg, tmp_path / "copy")
    plain.add([build_part(docs[60:], cfg)])
    assert plain.assign() == found
    plain.save()
    again, other = DedupIndex.load(cfg), DedupIndex.load(cfg, tmp_path / "copy")
    assert all(np.array_equal(again.docs[k], other.docs[k]) for k in other.docs)
    assert np.array_equal(again.story_id, other.story_id) and again.manifest["generation"] == 2


def test_a_parked_index_discarded_leaves_the_folder_as_it_was(cfg):
    docs = facts_of(list(corpus(120, seed=9, window=60, outlets=5)))
    run(cfg, docs[:60])
    before = folder_state(cfg)
    failed = DedupIndex.load(cfg)
    failed.add([build_part(docs[60:], cfg)])
    failed.assign()
    failed.park()
    assert folder_state(cfg) != before  # the parked generation is on disk ...
    failed.discard()  # ... until the release fails
    assert folder_state(cfg) == before
