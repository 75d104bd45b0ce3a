"""Run the release flow once in this process and print its figures as one JSON line.

Orchestration is the share of the flow call's wall time during which no task body was running
(task start/end times as the Prefect API recorded them); peak RSS is this process's high-water mark,
and a sampler attributes memory to the task running when it was taken.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import threading
import time


def _sampler(samples: list, stop: threading.Event) -> None:
    page = os.sysconf("SC_PAGE_SIZE")
    while not stop.is_set():
        with open("/proc/self/statm") as handle:
            samples.append((time.time(), int(handle.read().split()[1]) * page))
        stop.wait(0.2)


async def _task_runs(flow_run_id, expected_min: int) -> list:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    flt = FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
    async with get_client() as client:
        for _ in range(120):  # task run states reach the API as events, a moment after the flow ends
            runs, offset = [], 0
            while batch := await client.read_task_runs(flow_run_filter=flt, limit=200, offset=offset):
                runs += batch
                offset += len(batch)
            if len(runs) >= expected_min and all(r.end_time for r in runs):
                return runs
            await asyncio.sleep(1)
    return runs


def _union(intervals: list[tuple[float, float]]) -> float:
    total, end = 0.0, float("-inf")
    for a, b in sorted(intervals):
        if b > end:
            total += b - max(a, end)
            end = b
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--dask-workers", type=int, default=0, help="run chunks on a local Dask cluster")
    parser.add_argument("--chunk-docs", type=int, default=None)
    args = parser.parse_args()
    samples, stop = [], threading.Event()
    threading.Thread(target=_sampler, args=(samples, stop), daemon=True).start()
    started = time.perf_counter()
    from flows.pipeline import build_release

    imported = time.perf_counter() - started
    cluster = None
    if args.dask_workers:
        from distributed import LocalCluster

        cluster = LocalCluster(n_workers=args.dask_workers, threads_per_worker=1, dashboard_address=None,
                               silence_logs=40)
    began = time.time()
    state = build_release(input_dir=args.input, output_dir=args.output, full=True, workers=args.workers,
                          dask=cluster.scheduler_address if cluster else None, chunk_docs=args.chunk_docs,
                          return_state=True)
    ended = time.time()
    stop.set()
    outcome = state.result()
    runs = asyncio.run(_task_runs(state.state_details.flow_run_id, 6 + outcome["chunks"]))
    print(json.dumps(_figures(outcome, runs, samples, began, ended, imported)))
    if cluster is not None:
        cluster.close()


def _figures(outcome: dict, runs: list, samples: list, began: float, ended: float, imported: float) -> dict:
    spans = [(r.start_time.timestamp(), r.end_time.timestamp(), r.name.rsplit("-", 1)[0]) for r in runs]
    stages: dict[str, dict] = {}
    for a, b, name in spans:
        stage = stages.setdefault(name, {"seconds": 0.0, "peak_rss": 0})
        stage["seconds"] += b - a
        inside = [rss for t, rss in samples if a <= t <= b]
        stage["peak_rss"] = max([stage["peak_rss"], *inside])
    wall = ended - began
    in_tasks = _union([(a, b) for a, b, _ in spans])
    first, last = min(a for a, _, _ in spans), max(b for _, b, _ in spans)
    return {"wall": wall, "import_seconds": imported, "documents": outcome["counts"].get("documents"),
            "inputs": outcome["counts"].get("inputs"), "chunks": outcome["chunks"],
            "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            "in_tasks": in_tasks, "orchestration": max(0.0, wall - in_tasks) / wall, "stages": stages,
            "before_first_task": first - began, "after_last_task": ended - last,
            "version": outcome["version"]}


if __name__ == "__main__":
    main()
