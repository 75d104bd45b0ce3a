"""Dedup at scale: fingerprint, index and cluster synthetic syndicated news; print speed, memory, quality.

Size: WIREDESK_BENCH_DEDUP_DOCS (default 100,000; the target scale is 1,000,000). The work runs in a
fresh process so its peak RSS is its own. Targets: >= 6,000 docs/s per core for fingerprinting +
candidates + verification, <= 4 GB peak RSS at 1,000,000 documents.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

DOCS = int(os.environ.get("WIREDESK_BENCH_DEDUP_DOCS", "100000"))
PART = 5_000
TARGET_RATE, TARGET_RSS_GB = 6_000, 4.0


def test_dedup_scale():
    context = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(1, mp_context=context) as pool:
        figures = pool.submit(workload, DOCS, str(Path(__file__).parent.parent)).result()
    _print(figures)
    assert figures["pair_precision"] >= 0.99 and figures["pair_recall"] >= 0.95


def workload(n_docs: int, tests_dir: str) -> dict:
    """Generate, fingerprint, add, assign and save `n_docs` documents; return the measurements."""
    sys.path.insert(0, tests_dir)
    from flows.config import build_config

    with tempfile.TemporaryDirectory(prefix="wiredesk-bench-") as tmp:
        cfg = build_config().with_paths(None, Path(tmp) / "out")
        figures, paths, truth = _fingerprint_corpus(n_docs, cfg, Path(tmp))
        figures.update(_cluster(cfg, paths, truth))
        figures["disk_bytes"] = sum(p.stat().st_size for p in cfg.dedup_state_dir.iterdir())
    figures["peak_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return figures


def _fingerprint_corpus(n_docs: int, cfg, tmp: Path) -> tuple[dict, list[Path], dict]:
    """Stream the synthetic corpus in parts; time only the fingerprinting (build and stage a part)."""
    from dedup_synth import corpus

    from flows.boilerplate import group_key
    from flows.fingerprint import DocFacts, build_part, save_part

    cpu = chars = 0.0
    paths, truth, batch = [], {}, []
    for doc in corpus(n_docs):
        batch.append(doc)
        if len(batch) == PART or len(truth) + len(batch) == n_docs:
            start = time.process_time()
            facts = [DocFacts(d.doc_id, d.text, d.published, d.is_wire, d.agencies,
                              group_key(f"{d.outlet}.example", None, "text", "", "")) for d in batch]
            paths.append(tmp / f"fp-{len(paths):06d}.npz")
            save_part(build_part(facts, cfg), paths[-1])
            cpu += time.process_time() - start
            chars += sum(len(d.text) for d in batch)
            truth.update((d.doc_id, d.story) for d in batch)
            batch = []
    figures = {"docs": len(truth), "mean_chars": chars / max(1, len(truth)), "cpu_fingerprint": cpu}
    return figures, paths, truth


def _cluster(cfg, paths: list[Path], truth: dict) -> dict:
    """Add the parts to a fresh index, assign, save; time each step and score against the truth."""
    from flows.dedup_index import DedupIndex

    wall = time.perf_counter()
    index = DedupIndex.load(cfg)
    start = time.process_time()
    index.add(paths)
    added = time.process_time()
    found = index.assign()
    assigned = time.process_time()
    memory = index.memory_bytes()
    index.save()
    out = {"cpu_add": added - start, "cpu_assign": assigned - added,
           "cpu_save": time.process_time() - assigned, "wall_cluster": time.perf_counter() - wall,
           "memory": memory, **index.stats}
    out.update(_pair_scores([found[d].story_id for d in truth], list(truth.values())))
    return out


def _pair_scores(pred: list[str], gold: list[int]) -> dict:
    """Pairwise precision and recall of predicted stories against the generator's stories."""
    def pairs(counts: Counter) -> int:
        return sum(v * (v - 1) // 2 for v in counts.values())

    both = pairs(Counter(zip(pred, gold)))
    return {"pair_precision": both / max(1, pairs(Counter(pred))),
            "pair_recall": both / max(1, pairs(Counter(gold))),
            "stories": len(set(pred)), "true_stories": len(set(gold))}


def _print(f: dict) -> None:
    n = f["docs"]
    cpu = f["cpu_fingerprint"] + f["cpu_add"] + f["cpu_assign"]
    held = sum(f["memory"].values())
    print(f"\n[dedup bench] {n:,} synthetic documents, {f['mean_chars']:.0f} chars each on average")
    print(f"  fingerprint (shingle + stage)   {n / f['cpu_fingerprint']:>9,.0f} docs/s per core")
    print(f"  index add (boilerplate, sketch) {n / f['cpu_add']:>9,.0f} docs/s per core")
    print(f"  assign (candidates + verify)    {n / f['cpu_assign']:>9,.0f} docs/s per core   "
          f"({f['candidate_pairs']:,} candidate pairs, {f['comparisons']:,} exact checks)")
    print(f"  all three                       {n / cpu:>9,.0f} docs/s per core   (target >= {TARGET_RATE:,})")
    print(f"  clustering wall time            {f['wall_cluster']:>9,.1f} s (add + assign + save)")
    print(f"  peak RSS                        {f['peak_rss'] / 2**30:>9,.2f} GB   "
          f"(target <= {TARGET_RSS_GB} GB at 1,000,000)")
    print(f"  index held in memory            {held / n:>9,.0f} bytes per document  "
          + ", ".join(f"{k} {v / n:,.0f}" for k, v in f["memory"].items()))
    print(f"  index on disk                   {f['disk_bytes'] / n:>9,.0f} bytes per document")
    print(f"  vs synthetic truth              pair precision {f['pair_precision']:.4f}, "
          f"recall {f['pair_recall']:.4f}, stories {f['stories']:,} (true {f['true_stories']:,})")
