"""Hostile inputs end as a named quarantine row or a clean record, never an exception, a hang or a read
outside the input folder; mixed with the seeds in a real run, every seed record still reaches the release."""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from conftest import SEEDS
from flows import ingest
from flows.chunks import prepare_chunk
from flows.config import REPO_ROOT
from hostile_data import DOC, gz, html_page, jsonl, text_page, warc, write
from hostile_kinds import KINDS


def run_stages(cfg, run_dir: Path) -> tuple[list[dict], list]:
    """Plan, then read, extract, tag, check and stage every chunk: the staged rows and the rejections."""
    plan = ingest.plan(cfg)
    docs, quarantined = [], list(plan.rejected)
    for index, chunk in enumerate(plan.chunks):
        result = prepare_chunk(index, chunk, run_dir, cfg)
        quarantined += result.quarantined
        if result.part is not None:
            docs += pq.read_table(result.part).to_pylist()
    return docs, quarantined


def outcomes(docs: list[dict], quarantined: list) -> list[tuple[str, str]]:
    return [(d["source_path"], DOC) for d in docs] + [(q.source_path, f"{q.stage}/{q.reason}") for q in quarantined]


def assert_outcomes(expected: dict[str, list[str]], seen: list[tuple[str, str]]) -> None:
    """Every glob matches exactly its outcomes, and no row is left that no glob expects."""
    for glob, wanted in expected.items():
        got = sorted(o for p, o in seen if fnmatch.fnmatchcase(p, glob))
        assert got == sorted(wanted), f"{glob!r}: {got}"
    stray = [(p, o) for p, o in seen if not any(fnmatch.fnmatchcase(p, g) for g in expected)]
    assert not stray, stray


def run_kind(name: str, cfg, tmp_path: Path) -> dict[str, dict]:
    """Write one hostile kind, check every file's outcome, and return the clean records by source_path."""
    expected = KINDS[name](cfg.input_dir)
    (tmp_path / "run").mkdir()
    docs, quarantined = run_stages(cfg, tmp_path / "run")
    assert_outcomes(expected, outcomes(docs, quarantined))
    return {d["source_path"]: d for d in docs}


@pytest.mark.parametrize("name", sorted(KINDS))
def test_hostile_kind_ends_as_a_named_row_or_a_clean_record(name, cfg, tmp_path):
    run_kind(name, cfg, tmp_path)


def test_utf16_pages_decode_with_and_without_bom(cfg, tmp_path):
    docs = run_kind("utf16", cfg, tmp_path)
    assert [docs[n]["encoding"] for n in ("utf16_bom.html", "utf16_nobom.txt", "utf16_be_nobom.txt")] == \
        ["utf-16", "utf-16-le", "utf-16-be"]
    assert all("\x00" not in d["text"] and d["language"] == "en" for d in docs.values())


def test_invalid_utf8_keeps_the_page_as_utf8(cfg, tmp_path):
    docs = run_kind("invalid_utf8", cfg, tmp_path)
    assert docs["stray_bytes.txt"]["encoding"] == "utf-8" and "Zürich" in docs["stray_bytes.txt"]["title"]


def test_cp1252_without_charset_reads_curly_quotes(cfg, tmp_path):
    doc = run_kind("cp1252_without_charset", cfg, tmp_path)["windows.html"]
    assert doc["encoding"] == "cp1252" and "\u201cIt is fair,\u201d" in doc["text"] and "café" in doc["text"]


def test_wrong_declared_charset_loses_to_the_bytes(cfg, tmp_path):
    docs = run_kind("wrong_declared_charset", cfg, tmp_path)
    assert "Déjà vu à Genève" in docs["says_utf8_is_cp1252.html"]["text"]
    assert "Привет, мир" in docs["says_latin1_is_utf8.html"]["text"]


def test_nul_bytes_are_dropped_from_text(cfg, tmp_path):
    doc = run_kind("nul_bytes", cfg, tmp_path)["some_nuls.html"]
    assert "\x00" not in doc["text"] and doc["text_chars"] > 200


def test_malformed_entities_leave_readable_text(cfg, tmp_path):
    doc = run_kind("malformed_entities", cfg, tmp_path)["entities.html"]
    assert "&bogus;" in doc["text"] and "\x00" not in doc["text"] and "\ud800" not in doc["text"]


def test_cjk_and_rtl_pages_keep_script_and_language(cfg, tmp_path):
    docs = run_kind("cjk_and_rtl", cfg, tmp_path)
    assert {n: d["language"] for n, d in docs.items()} == {"ja.html": "ja", "zh.html": "zh", "ar.html": "ar",
                                                           "he.html": "he"}
    assert "東京都議会" in docs["ja.html"]["text"] and "מועצת העיר" in docs["he.html"]["text"]
    assert docs["ar.html"]["title"] == "المجلس يقر الميزانية"


def test_impossible_dates_stay_null(cfg, tmp_path):
    docs = run_kind("impossible_dates", cfg, tmp_path)
    assert [d["published_date"] for d in docs.values()] == [None] * 4


def test_broken_jsonl_keeps_good_lines_and_nulls_bad_fields(cfg, tmp_path):
    docs = run_kind("broken_jsonl", cfg, tmp_path)
    by_url = {d["url"]: d for d in docs.values()}
    assert set(by_url) == {"https://example.org/j/1", "https://example.org/j/3", "https://example.org/j/4", None}
    assert by_url["https://example.org/j/3"]["crawled_at"] is None  # a number is no timestamp
    assert by_url["https://example.org/j/4"]["crawled_at"] is None  # 9999-12-31 -05:00 is past year 9999 in UTC


def test_odd_file_names_are_kept_exactly(cfg, tmp_path):
    docs = run_kind("odd_file_names", cfg, tmp_path)
    assert "new\nline.txt" in docs and "rtl\u202egnp.txt" in docs and "sub../..x.txt" in docs


def test_control_characters_never_crash_and_escape_sequences_stay_text(cfg, tmp_path):
    doc = run_kind("control_characters", cfg, tmp_path)["controls.txt"]
    assert doc["text_chars"] == len(doc["text"]) > 200


def test_entity_expansion_reads_no_file_and_expands_nothing(cfg, tmp_path):
    doc = run_kind("entity_expansion", cfg, tmp_path)["laughs.html"]
    assert "TOP-SECRET" not in doc["text"] and "lollol" not in doc["text"]


def test_sidecar_that_cannot_be_read_is_quarantined_and_its_pages_read(cfg, tmp_path):
    doc = run_kind("hostile_sidecar", cfg, tmp_path)["listed.html"]
    assert doc["url"] is None


def test_archive_over_the_decompressed_cap_keeps_the_records_before_it(cfg, tmp_path):
    cfg = dataclasses.replace(cfg, max_archive_bytes=20_000)
    pages = [html_page(200 + i) for i in range(8)]  # ~1.3 kB each, so the cap falls after a dozen
    write(cfg.input_dir, "capped.jsonl.gz", gz(jsonl([{"url": f"https://example.org/c/{i}", "html": p}
                                                      for i, p in enumerate(pages * 4)])))
    write(cfg.input_dir, "capped.warc.gz", warc([(f"https://example.org/w/{i}", p.encode())
                                                 for i, p in enumerate(pages * 4)]))
    docs, quarantined = run_stages(cfg, tmp_path)
    for name in ("capped.jsonl.gz", "capped.warc.gz"):
        kept = [d for d in docs if d["source_path"].startswith(name)]
        cut = [q for q in quarantined if q.source_path.startswith(name)]
        assert 3 <= len(kept) < 32 and [q.reason for q in cut] == ["archive_too_large"], name
        assert "20000-byte cap" in cut[0].detail and "every record before it was kept" in cut[0].detail


# Files that change between planning and reading: the plan lists them, the read finds something else.

def _planned_then(cfg, change) -> list:
    write(cfg.input_dir, "story.txt", text_page(210))
    plan = ingest.plan(cfg)
    change(cfg.input_dir / "story.txt")
    return [row for chunk in plan.chunks for row in ingest.read_chunk(chunk, cfg)]


def test_file_vanishing_after_planning_is_unreadable(cfg):
    (row,) = _planned_then(cfg, os.unlink)
    assert (row.reason, row.source_path) == ("unreadable", "story.txt") and "FileNotFoundError" in row.detail


def test_file_replaced_by_a_directory_is_not_a_file(cfg):
    (row,) = _planned_then(cfg, lambda p: (os.unlink(p), os.mkdir(p)))
    assert (row.reason, row.detail) == ("not_a_file", "a directory, not a regular file")


def test_file_replaced_by_a_dangling_symlink_is_unreadable(cfg):
    (row,) = _planned_then(cfg, lambda p: (os.unlink(p), os.symlink("gone.txt", p)))
    assert row.reason == "unreadable"


def test_file_swapped_for_a_symlink_outside_is_refused_at_read_time(cfg, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(text_page(211))
    (row,) = _planned_then(cfg, lambda p: (os.unlink(p), os.symlink(secret, p)))
    assert row.reason == "outside_input" and not hasattr(row, "text")


def test_file_replaced_by_a_named_pipe_does_not_block(cfg):
    (row,) = _planned_then(cfg, lambda p: (os.unlink(p), os.mkfifo(p)))
    assert (row.reason, row.detail) == ("not_a_file", "a named pipe, not a regular file")


_READ_AS_NOBODY = """
import sys
from flows import ingest
from flows.config import build_config
cfg = build_config().with_paths(sys.argv[1], sys.argv[2])
for chunk in ingest.plan(cfg).chunks:
    for row in ingest.read_chunk(chunk, cfg):
        print(type(row).__name__, getattr(row, "reason", ""), getattr(row, "detail", ""))
"""


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root and setpriv")
def test_file_losing_read_permission_is_unreadable():
    # Root reads a mode-000 file anyway, so the reading process drops to nobody, as an operator's would.
    root = Path(tempfile.mkdtemp(prefix="wiredesk-perm-"))
    try:
        root.chmod(0o755)
        (root / "in").mkdir(mode=0o755)
        write(root / "in", "open.txt", text_page(212))
        write(root / "in", "locked.txt", text_page(213))
        (root / "in" / "locked.txt").chmod(0o000)
        done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable,
                               "-c", _READ_AS_NOBODY, str(root / "in"), str(root / "out")],
                              capture_output=True, text=True, timeout=120, cwd=REPO_ROOT,
                              env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "HOME": str(root)})
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.splitlines() == ["Quarantined unreadable PermissionError: Permission denied",
                                            "RawDoc  "]
    finally:
        shutil.rmtree(root, ignore_errors=True)


# Everything at once, with the seeds, through the real flow.

@pytest.fixture(scope="module")
def hostile_release(prefect_harness, tmp_path_factory):
    from flows.pipeline import build_release

    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    folder.mkdir()
    expected = {}
    for name in sorted(KINDS):
        expected |= KINDS[name](folder)
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    outcome = build_release(input_dir=str(folder), output_dir=str(root / "out"))
    return root, outcome, expected, seeds


def test_hostile_mix_completes_and_every_seed_record_is_released(hostile_release):
    root, outcome, _, seeds = hostile_release
    assert outcome["version"] == "1.0.0"
    latest = root / "out" / "releases" / "latest"
    docs = pd.read_parquet(latest / "documents.parquet")
    by_path = dict(zip(docs["source_path"], docs["doc_id"]))
    for seed in seeds:
        assert by_path.get(seed.name) == ingest.doc_id_for(seed.read_bytes()), seed.name
    stories = pd.read_parquet(latest / "stories.parquet")
    assert set(docs.loc[docs["source_path"].isin([s.name for s in seeds]), "story_id"]) <= set(stories["story_id"])


def test_hostile_mix_accounts_for_every_input_in_the_release(hostile_release):
    root, _, expected, seeds = hostile_release
    latest = root / "out" / "releases" / "latest"
    docs = pd.read_parquet(latest / "documents.parquet", columns=["source_path"])
    rejected = pd.read_parquet(latest / "quarantine.parquet")
    seen = [(p, DOC) for p in docs["source_path"]] + \
        [(p, f"{s}/{r}") for p, s, r in zip(rejected["source_path"], rejected["stage"], rejected["reason"])]
    assert_outcomes(expected | {seed.name: [DOC] for seed in seeds}, seen)


def test_hostile_mix_run_again_finds_nothing_new_to_publish(hostile_release):
    from flows.pipeline import build_release

    root = hostile_release[0]
    again = build_release(input_dir=str(root / "in"), output_dir=str(root / "out"))
    assert again["path"] is None
    assert sorted(p.name for p in (root / "out" / "releases").iterdir()) == ["1.0.0", "latest"]
