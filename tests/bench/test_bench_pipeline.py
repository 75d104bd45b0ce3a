"""Benchmark: the whole release flow on 10k, 100k (and 1M) synthetic pages against a live Prefect server.

Prints, per size: wall time, documents/s, peak RSS of the flow process, the share of wall time spent in
orchestration, and seconds / peak RSS per stage. Sizes: WIREDESK_BENCH_SIZES (default "10000,100000";
add 1000000 for the million-document run). Corpora and outputs go to .bench/ (WIREDESK_BENCH_DIR).
Targets: 1M completes with peak RSS <= 4 GB, cost grows linearly, orchestration <= 10% at 10k.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import bench_root, generate
from flows.config import REPO_ROOT
from prefect_server import prefect_server

_GB = 1e9  # the target is stated in GB (10^9 bytes)


def _sizes() -> list[int]:
    return [int(s) for s in os.environ.get("WIREDESK_BENCH_SIZES", "10000,100000").split(",") if s.strip()]


def _drive(api: str, corpus: Path, out: Path, **options: int) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PREFECT_API_URL": api, "PYTHONPATH": str(REPO_ROOT),
           "PREFECT_LOGGING_LEVEL": "WARNING", "WIREDESK_TODAY": "2026-11-21"}
    command = [sys.executable, str(Path(__file__).with_name("drive.py")), "--input", str(corpus),
               "--output", str(out)] + [f"--{k.replace('_', '-')}={v}" for k, v in options.items()]
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=REPO_ROOT)
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _row(label: str, n: int, fig: dict) -> str:
    return (f"{label:<26} {n:>9,} {fig['wall']:>9.1f} {n / fig['wall']:>8.0f} "
            f"{fig['peak_rss'] / _GB:>8.2f} {100 * fig['orchestration']:>7.1f}%")


def _stages(fig: dict) -> str:
    parts = [f"{name} {s['seconds']:.1f}s/{s['peak_rss'] / _GB:.2f}GB"
             for name, s in sorted(fig["stages"].items(), key=lambda kv: -kv[1]["seconds"])]
    between = fig["wall"] - fig["in_tasks"] - fig["before_first_task"] - fig["after_last_task"]
    return ("      stages (task seconds / peak RSS while running): " + ", ".join(parts)
            + f"\n      orchestration: {fig['before_first_task']:.1f}s before the first task, "
              f"{between:.1f}s between tasks, {fig['after_last_task']:.1f}s after the last")


def test_bench_pipeline(tmp_path):
    root = bench_root()
    rows, figures = [], {}
    print(f"\n{'run':<26} {'documents':>9} {'wall s':>9} {'docs/s':>8} {'RSS GB':>8} {'orch.':>8}")
    with prefect_server(tmp_path / "prefect-home") as api:
        for n in _sizes():
            started = time.perf_counter()
            corpus = generate(root / f"corpus-{n}", n)
            made = time.perf_counter() - started
            fig = figures[n] = _drive(api, corpus, root / f"out-{n}", workers=1)
            rows.append(_row(f"{n:,} (1 thread)", n, fig))
            print(rows[-1], f"  [corpus ready in {made:.0f} s; import {fig['import_seconds']:.1f} s]")
            print(_stages(fig))
            if n == 10_000:  # side by side: the same corpus with chunk tasks on two local Dask processes
                duo = _drive(api, corpus, root / f"out-{n}-dask", dask_workers=2)
                print(_row(f"{n:,} (Dask, 2 processes)", n, duo))
                print(_stages(duo))
    sizes = sorted(figures)
    for small, large in zip(sizes, sizes[1:]):
        per_small = figures[small]["wall"] / small
        per_large = figures[large]["wall"] / large
        print(f"cost per document {large:,} vs {small:,}: x{per_large / per_small:.2f} (linear = 1.00)")
    print("targets: orchestration <= 10% at 10k; peak RSS <= 4 GB at 1M; linear cost")
    assert all(figures[n]["documents"] > 0.9 * n for n in figures)
