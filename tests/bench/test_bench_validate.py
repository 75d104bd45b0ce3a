"""Benchmark: the validation gate on 1,000,000 documents against the whole run's per-document cost.

Prints: GE import time avoided by `import flows.pipeline`, gate time and memory at 1M rows, the flow's
measured seconds per document, and the gate's share of an estimated 1M-document run (target: under 10%).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from flows import validate
from flows.config import REPO_ROOT, build_config
from flows.schema import arrow_schema
from flows.tables import quarantine_table
from gate_data import WORDS, write_pages

ROWS = 1_000_000
TARGET_SHARE = 0.10
# Flow runs on two input sizes, after a warm-up run: their difference cancels the fixed costs (server,
# first imports, GE's import) and leaves the cost per document.
WARM_UP, SMALL, LARGE = 10, 100, 500


def synthetic_tables(cfg, rows: int = ROWS) -> dict[str, pa.Table]:
    """Documents shaped like a real run (~2,000-character bodies, 30% copies, 10% undated), typed by schemas/."""
    rng = np.random.default_rng(7)
    ids = pa.array([f"{i:08x}{v:016x}" for i, v in enumerate(rng.integers(0, 2**63, rows).tolist())])
    canonical = rng.random(rows) >= 0.3
    canonical[0] = True
    owner = np.maximum.accumulate(np.where(canonical, np.arange(rows), 0))
    paragraphs = [" ".join(rng.choice(WORDS, 70)).capitalize() + "." for _ in range(4000)]
    text = pa.array(["\n\n".join(paragraphs[j] for j in row) for row in rng.integers(0, 4000, (rows, 5)).tolist()])
    no_date, no_outlet = rng.random(rows) < 0.1, rng.random(rows) >= 0.6
    days = np.datetime64("2015-01-01") + rng.integers(0, 3650, rows).astype("timedelta64[D]")
    outlets = np.array([f"Outlet {i}" for i in range(500)])[rng.integers(0, 500, rows)]

    def same(value: object) -> pa.Array:
        return pa.array(np.full(rows, value))

    columns = {
        "doc_id": ids, "story_id": ids.take(pa.array(owner)), "is_canonical": pa.array(canonical),
        "similarity_to_canonical": pa.array(np.where(canonical, 1.0, 0.8)),
        "source_path": pc.binary_join_element_wise("in/", ids, ""), "input_format": same("text"),
        "encoding": same("utf-8"), "extraction_method": same("wiredesk-textclean-1"), "language": same("en"),
        "title": pc.binary_join_element_wise("Ministers meet over border trade, report ", ids, ""),
        "title_source": same("first_line"), "text": text, "text_chars": pc.utf8_length(text),
        "published_date": pa.array(days, pa.date32(), mask=no_date),
        "date_source": pa.array(np.full(rows, "date_line"), mask=no_date),
        "outlet": pa.array(outlets, mask=no_outlet),
        "outlet_source": pa.array(np.full(rows, "outlets_table"), mask=no_outlet),
        "agencies": pa.ListArray.from_arrays(pa.array(np.zeros(rows + 1, np.int32)), pa.array([], pa.string())),
        "split_stories": pa.array(np.zeros(rows, np.int32)),
    }
    schema = arrow_schema(cfg.schemas_dir, "documents")
    documents = pa.Table.from_arrays([columns[f.name].cast(f.type) if f.name in columns else pa.nulls(rows, f.type)
                                      for f in schema], schema=schema)
    story = np.searchsorted(np.flatnonzero(canonical), owner)  # each row's story number
    return {"documents": documents, "stories": _stories(documents, story, cfg),
            "quarantine": quarantine_table([], cfg)}


def _grouped(values: pa.Array, story: np.ndarray, stories: int) -> pa.ListArray:
    """`values` gathered into one list per story (story = each row's story number)."""
    order = np.argsort(story, kind="stable")
    offsets = np.concatenate([[0], np.cumsum(np.bincount(story, minlength=stories))]).astype(np.int32)
    return pa.ListArray.from_arrays(pa.array(offsets), values.take(pa.array(order)))


def _stories(documents: pa.Table, story: np.ndarray, cfg) -> pa.Table:
    """One row per story, built in Arrow and numpy (the pipeline's row-wise builder is not what is measured)."""
    canon = documents.filter(documents["is_canonical"])
    count = canon.num_rows
    dates = pa.table({"story": story, "day": documents["published_date"]}).group_by("story").aggregate(
        [("day", "min"), ("day", "max")]).sort_by("story")
    known = pc.is_valid(documents["outlet"]).to_numpy(zero_copy_only=False)
    pairs = pa.table({"story": story[known], "outlet": documents["outlet"].filter(pa.array(known))}).group_by(
        ["story", "outlet"]).aggregate([]).sort_by([("story", "ascending"), ("outlet", "ascending")])
    doc_ids = _grouped(documents["doc_id"].combine_chunks(), story, count)
    values = {
        "story_id": canon["story_id"], "canonical_doc_id": canon["doc_id"], "title": canon["title"],
        "text": canon["text"], "agencies": canon["agencies"], "copy_count": pc.list_value_length(doc_ids),
        "outlets": _grouped(pairs["outlet"].combine_chunks(), pairs["story"].to_numpy(), count),
        "doc_ids": doc_ids, "first_published": dates["day_min"], "last_published": dates["day_max"],
        "dateline_place": canon["dateline_place"],
    }
    schema = arrow_schema(cfg.schemas_dir, "stories")
    return pa.Table.from_arrays([pc.cast(values[f.name], f.type) for f in schema], schema=schema)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_ge_is_not_imported_by_the_pipeline():
    code = ("import time, sys; t = time.perf_counter(); import flows.pipeline; a = time.perf_counter() - t; "
            "t = time.perf_counter(); import great_expectations; b = time.perf_counter() - t; "
            "print(a, b)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    pipeline_s, ge_s = (float(x) for x in out.stdout.split())
    check = subprocess.run([sys.executable, "-X", "importtime", "-c", "import flows.pipeline"], cwd=REPO_ROOT,
                           capture_output=True, text=True, check=True)
    assert "great_expectations" not in check.stderr
    print(f"\nimport flows.pipeline: {pipeline_s:.2f} s without GE; importing great_expectations adds "
          f"{ge_s:.2f} s, paid only inside the validate step")


@pytest.fixture(scope="module")
def gate_at_1m(tmp_path_factory):
    cfg = build_config()
    start = time.perf_counter()
    tables = synthetic_tables(cfg)
    built = time.perf_counter() - start
    import great_expectations  # noqa: F401  (its import is timed separately, above)

    rss_before = _rss_mb()
    start = time.perf_counter()
    report = validate.run_gate(tables, cfg, docs_dir=tmp_path_factory.mktemp("docs"), nulled={})
    seconds = time.perf_counter() - start
    text_mb = tables["documents"]["text"].nbytes / 1e6
    print(f"\nsynthetic tables: {ROWS:,} documents, {tables['stories'].num_rows:,} stories, "
          f"{text_mb:,.0f} MB of body text, built in {built:.1f} s")
    print(f"gate at {ROWS:,} documents: {seconds:.1f} s ({report.statistics()['evaluated']} expectations, "
          f"passed={report.passed}); peak RSS {rss_before:,.0f} -> {_rss_mb():,.0f} MB")
    return report, seconds


def test_gate_passes_synthetic_million(gate_at_1m):
    report, _ = gate_at_1m
    assert report.passed, report.summary()


def test_gate_share_of_a_whole_run(gate_at_1m, prefect_harness, tmp_path):
    from flows.pipeline import build_release

    timings = {}
    for count in (WARM_UP, SMALL, LARGE):
        folder = tmp_path / f"in{count}"
        write_pages(folder, count, paragraphs=8)
        start = time.perf_counter()
        build_release(input_dir=str(folder), output_dir=str(tmp_path / f"out{count}"))
        timings[count] = time.perf_counter() - start
    per_doc = (timings[LARGE] - timings[SMALL]) / (LARGE - SMALL)
    _, gate_seconds = gate_at_1m
    whole = per_doc * ROWS
    share = gate_seconds / whole
    print(f"\nflow: {SMALL} pages {timings[SMALL]:.1f} s, {LARGE} pages {timings[LARGE]:.1f} s -> "
          f"{per_doc * 1000:.1f} ms per document; 1M-document run ~ {whole / 3600:.1f} h")
    print(f"gate at 1M documents: {gate_seconds:.1f} s = {share:.2%} of the whole run "
          f"(target < {TARGET_SHARE:.0%})")
    assert per_doc > 0 and share < TARGET_SHARE
