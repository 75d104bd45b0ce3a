"""The state store: only new or changed inputs are processed, and the union equals a from-scratch run."""

import io
import os
import shutil

import pytest

from bench.corpus import generate
from flows import assemble, ingest, resume, state
from flows.config import build_config
from flows.dedup_index import DedupIndex
from flows.tablefile import write_parquet


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """120 synthetic pages (wire stories, syndicated copies, chrome), generated once."""
    folder = generate(tmp_path_factory.mktemp("corpus"), 120, seed=3)
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.txt"))}


@pytest.fixture(scope="module")
def later(tmp_path_factory):
    """60 pages of other stories, named to sort between the first 60 of `pages` (0000123 < 0000123b)."""
    folder = generate(tmp_path_factory.mktemp("later"), 60, seed=4)
    return {p.relative_to(folder).as_posix().replace(".txt", "b.txt"): p.read_bytes()
            for p in sorted(folder.rglob("*.txt"))}


def _put(folder, pages, names, edit=None):
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(edit(pages[name]) if edit else pages[name])


def _run(inp, out, chunk_docs=7, commit=True):
    """One run's stages without Prefect; returns what was processed and the tables' Parquet bytes."""
    cfg = build_config(chunk_docs=chunk_docs).with_paths(inp, out)
    store = state.Store(cfg)
    selection = store.select(ingest.plan(cfg))
    if store.unchanged(selection):
        if selection.touched and commit:
            store.commit(selection)
        return selection, None
    run = resume.RunDir(cfg, resume.plan_digest(selection.chunks, selection.stats, store.settings)).open()
    staged = [resume.stage_chunk(i, c, run.path, cfg) for i, c in enumerate(selection.chunks)]
    results = store.union(staged, selection)
    rejected = list(selection.rejected.values()) + assemble.drop_exact_duplicates(results)
    index = DedupIndex.load(cfg)
    index.add(assemble.fingerprint_parts(results))
    tables = assemble.build_tables(results, index.assign(), rejected, cfg)
    tables["counts"] = assemble.count(results, tables, store.planned(selection))
    if commit:
        index.save()
        store.commit(selection, run)
    return selection, tables


def _bytes(tables):
    out = {}
    for name in ("documents", "stories", "quarantine"):
        buffer = io.BytesIO()
        write_parquet(tables[name], buffer)
        out[name] = buffer.getvalue()
    return out


def test_second_run_processes_nothing_and_touching_a_file_is_not_a_change(tmp_path, pages):
    names = sorted(pages)[:30]
    _put(tmp_path / "in", pages, names)
    first, _ = _run(tmp_path / "in", tmp_path / "out")
    assert first.keys == names
    os.utime(tmp_path / "in" / names[3], ns=(1, 1))
    second, tables = _run(tmp_path / "in", tmp_path / "out")
    assert tables is None and not second.chunks and list(second.touched) == [names[3]]
    third, _ = _run(tmp_path / "in", tmp_path / "out")
    assert not third.touched  # the refreshed stat was remembered


def test_incremental_runs_equal_a_from_scratch_run_on_the_union(tmp_path, pages, later):
    old = sorted(pages)[:60]
    _put(tmp_path / "in", pages, old)
    _run(tmp_path / "in", tmp_path / "out")
    for gone in old[5:8]:
        (tmp_path / "in" / gone).unlink()  # removed from the input folder: stays in the release
    _put(tmp_path / "in", later, later)  # new stories whose names fall between the old ones
    selection, incremental = _run(tmp_path / "in", tmp_path / "out")
    assert selection.keys == sorted(later) and len(selection.chunks) > 9

    _put(tmp_path / "all", pages, old)
    _put(tmp_path / "all", later, later)
    _, scratch = _run(tmp_path / "all", tmp_path / "scratch", chunk_docs=11)
    assert incremental["documents"].num_rows == scratch["documents"].num_rows > len(old) + 50
    assert _bytes(incremental) == _bytes(scratch)
    assert incremental["counts"] == scratch["counts"]


def test_later_copies_and_corrections_join_the_stories_already_published(tmp_path, pages):
    names = sorted(pages)
    old, new = names[0::2], names[1::2]  # copies of one story land in both runs
    edit = lambda b: b.replace(b".", b"!", 2)  # noqa: E731  a corrected page: a new doc_id
    _put(tmp_path / "in", pages, old)
    _, first = _run(tmp_path / "in", tmp_path / "out")
    _put(tmp_path / "in", pages, old[20:22], edit=edit)
    _put(tmp_path / "in", pages, new)
    selection, incremental = _run(tmp_path / "in", tmp_path / "out")
    assert selection.dropped == set(old[20:22])
    _put(tmp_path / "all", pages, old + new)
    _put(tmp_path / "all", pages, old[20:22], edit=edit)
    _, scratch = _run(tmp_path / "all", tmp_path / "scratch", chunk_docs=11)

    story = ["story_id", "is_canonical", "similarity_to_canonical"]
    inc, ref = incremental["documents"], scratch["documents"]
    assert inc.drop_columns(story).equals(ref.drop_columns(story))  # the same rows, in the same order
    before, after = _stories(first["documents"]), _stories(inc)
    assert all(after[path] == before[path] for path in before)  # published stories keep their ids
    joined = [p for p in new if after[p] in set(before.values())]
    assert len(joined) > 10  # later copies joined stories of the first release


def _stories(documents) -> dict:
    return dict(zip(documents.column("source_path").to_pylist(), documents.column("story_id").to_pylist()))


def test_a_changed_sidecar_url_reprocesses_the_file(tmp_path, pages):
    names = sorted(pages)[:10]
    _put(tmp_path / "in", pages, names)
    (tmp_path / "in" / "manifest.csv").write_text(f"file,url,crawled_at\n{names[2]},https://a.example/1,\n")
    _run(tmp_path / "in", tmp_path / "out")
    (tmp_path / "in" / "manifest.csv").write_text(f"file,url,crawled_at\n{names[2]},https://b.example/1,\n")
    selection, tables = _run(tmp_path / "in", tmp_path / "out")
    assert selection.keys == [names[2]]
    urls = dict(zip(tables["documents"].column("source_path").to_pylist(),
                    tables["documents"].column("url").to_pylist()))
    assert urls[names[2]] == "https://b.example/1" and len(urls) == len(names)


def test_an_uncommitted_run_leaves_the_state_as_it_was(tmp_path, pages):
    names = sorted(pages)[:20]
    _put(tmp_path / "in", pages, names[:10])
    _run(tmp_path / "in", tmp_path / "out")
    _put(tmp_path / "in", pages, names[10:])
    _run(tmp_path / "in", tmp_path / "out", commit=False)  # e.g. the gate failed or the run died
    selection, _ = _run(tmp_path / "in", tmp_path / "out")
    assert selection.keys == names[10:]


def test_changed_settings_rebuild_from_the_inputs_present(tmp_path, pages):
    names = sorted(pages)[:12]
    _put(tmp_path / "in", pages, names)
    _run(tmp_path / "in", tmp_path / "out")
    cfg = build_config(min_body_chars=150).with_paths(tmp_path / "in", tmp_path / "out")
    store = state.Store(cfg)
    assert store.reset and store.select(ingest.plan(cfg)).keys == names and not store.forgotten
    (tmp_path / "in" / names[0]).unlink()
    full = state.Store(build_config().with_paths(tmp_path / "in", tmp_path / "out"), full=True)
    assert full.reset and full.select(ingest.plan(cfg)).keys == names[1:] and full.forgotten == {names[0]}


def test_plan_level_rejections_are_remembered_like_inputs(tmp_path, pages):
    names = sorted(pages)[:6]
    _put(tmp_path / "in", pages, names)
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes(pages[names[0]])
    (tmp_path / "in" / "zz-link.txt").symlink_to(outside)
    _run(tmp_path / "in", tmp_path / "out")
    selection, tables = _run(tmp_path / "in", tmp_path / "out")
    assert tables is None and "zz-link.txt" in selection.rejected
    shutil.rmtree(tmp_path / "in" / names[0].split("/")[0])
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "zz-link.txt").unlink(missing_ok=True)
    assert _run(tmp_path / "in", tmp_path / "out")[1] is None  # nothing vanished from the union


def test_an_archive_that_grew_is_reprocessed_whole_and_matches_a_from_scratch_run(tmp_path, pages):
    import json

    names = sorted(pages)
    lines = [json.dumps({"url": f"https://x.example/{i}", "text": pages[n].decode()})
             for i, n in enumerate(names[40:50])]
    for folder in ("in", "all"):
        _put(tmp_path / folder, pages, names[:20])
    (tmp_path / "in" / "0000" / "0000005b.jsonl").write_text("\n".join(lines[:6]) + "\n")
    _run(tmp_path / "in", tmp_path / "out")
    (tmp_path / "in" / "0000" / "0000005b.jsonl").write_text("\n".join(lines) + "\n")
    selection, incremental = _run(tmp_path / "in", tmp_path / "out")
    assert selection.keys == ["0000/0000005b.jsonl"] and selection.dropped == {"0000/0000005b.jsonl"}
    (tmp_path / "all" / "0000" / "0000005b.jsonl").write_text("\n".join(lines) + "\n")
    _, scratch = _run(tmp_path / "all", tmp_path / "scratch")
    assert incremental["documents"].num_rows == 30
    assert _bytes(incremental) == _bytes(scratch)


def test_settings_digest_follows_processing_knobs_not_clocks_paths_or_chunking(tmp_path):
    import datetime as dt

    base = build_config()
    same = [base.with_paths(tmp_path, tmp_path), build_config(chunk_docs=3, chunk_workers=5),
            build_config(today=dt.date(2030, 1, 1))]
    assert {state.settings_digest(c) for c in same} == {state.settings_digest(base)}
    assert state.settings_digest(build_config(min_body_chars=1)) != state.settings_digest(base)
