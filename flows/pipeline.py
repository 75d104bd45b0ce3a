"""The Prefect flow `build_release`: ingest → extract → tag → dedup → validate → release."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402
from prefect.utilities.annotations import quote  # noqa: E402

from flows import assemble, checks, ingest, ioerrors, lock, release, resume, state, validate  # noqa: E402
from flows.config import Config, build_config  # noqa: E402
from flows.dedup_index import DedupIndex  # noqa: E402
from flows.memory import give_back  # noqa: E402

# Chunk tasks in flight at once: enough to keep a few dozen Dask workers busy, few enough that
# finished chunks never pile up in the flow's memory.
_WINDOW = 64


class GateFailed(RuntimeError):
    """The validation gate found a critical failure; nothing was published."""

    def __init__(self, report: validate.GateReport) -> None:
        names = ", ".join(f"{o.where} {o.expectation}" for o in report.blocking)
        super().__init__(f"validation failed, nothing published: {names}")
        self.report = report


@task(name="ingest", cache_policy=NO_CACHE)
def select(cfg: Config, full: bool) -> tuple[state.Store, state.Selection]:
    """List the input folder and keep only inputs that are new or changed since the last run."""
    store = state.Store(cfg, full)
    return store, store.select(ingest.plan(cfg))


@task(name="extract-and-tag", cache_policy=NO_CACHE)
def prepare(index: int, chunk: tuple, run_path: str, cfg: Config) -> resume.Staged:
    """Ingest, extract, tag and screen (record-level checks) one chunk; stage it durably for resume."""
    return resume.stage_chunk(index, chunk, Path(run_path), cfg)


@task(name="dedup", cache_policy=NO_CACHE)
def cluster(results: list, rejected: list, cfg: Config):
    """Drop byte-identical files, then place every document in a story of the persistent index."""
    duplicates = assemble.drop_exact_duplicates(results)
    index = DedupIndex.load(cfg)
    with discard_on_failure(index):
        index.add(assemble.fingerprint_parts(results))
        assignments = index.assign()
        index.park()  # written, uncommitted until the release is out; its memory is free for the gate
    give_back()
    return index, assignments, rejected + duplicates


@contextmanager
def discard_on_failure(index: DedupIndex, run: resume.RunDir | None = None) -> Iterator[None]:
    """Remove the index's uncommitted segment when anything before its commit fails."""
    try:
        yield
    except BaseException as err:
        index.discard()
        # A full disk needs its space back more than the next run needs these chunks to resume.
        if run is not None and ioerrors.disk_full(err):
            run.remove()
        raise


@task(name="save-dedup-index", cache_policy=NO_CACHE)
def remember(index: DedupIndex) -> None:
    """Commit the run's fingerprints and stories so later runs join the same stories."""
    index.save()


@task(name="assemble", cache_policy=NO_CACHE)
def tables(results: list, assignments, rejected: list, planned: int, run_path: str,
           cfg: Config) -> tuple[dict, dict]:
    """Join every staged row with its story into the release tables (the big ones written to the run's
    folder a part at a time), and count them for the manifest."""
    built = assemble.build_tables(results, assignments, rejected, cfg, folder=Path(run_path) / "tables")
    give_back()
    return built, assemble.count(results, built, planned)


@task(name="validate", cache_policy=NO_CACHE)
def gate(built: dict, results: list, run_path: str, cfg: Config) -> validate.GateReport:
    """Run the Great Expectations suites and write their Data Docs; a failed gate keeps its docs aside."""
    report = validate.run_gate(built, cfg, docs_dir=Path(run_path) / "validation",
                               nulled=checks.nulled_counts(results))
    give_back()
    if not report.passed:
        shutil.rmtree(cfg.failed_gate_dir, ignore_errors=True)
        report.docs_dir = Path(shutil.copytree(report.docs_dir, cfg.failed_gate_dir))
    get_run_logger().info("%s", report.summary().splitlines()[0])
    return report


@task(name="release", cache_policy=NO_CACHE)
def publish(built: dict, counts: dict, report: validate.GateReport, cfg: Config):
    """Write the release folder and move `latest`."""
    return release.publish(built, counts, report.to_json(), cfg, report.docs_dir)


@task(name="commit-state", cache_policy=NO_CACHE)
def commit(store: state.Store, selection: state.Selection, run: resume.RunDir | None) -> None:
    """Remember this run's inputs and rows so the next run starts from them."""
    store.commit(selection, run)


@flow(name="build_release", log_prints=True)
def build_release(input_dir: str | None = None, output_dir: str | None = None, dask: str | None = None,
                  wait: float = 0.0, full: bool = False, chunk_docs: int | None = None,
                  workers: int | None = None) -> dict:
    """Build a release from the new or changed documents in `input_dir` plus everything seen before."""
    cfg = _config(input_dir, output_dir, chunk_docs, workers)
    # Big inputs (every staged chunk, whole tables) go in quote(): Prefect would otherwise walk each
    # element looking for futures, which costs seconds per 10k documents.
    with lock.hold(cfg.output_dir, wait):
        store, selection = select(cfg, full)
        if store.unchanged(selection):
            return _nothing_new(store, selection)
        staged, run, resumed = _extract_and_tag(store, selection, cfg, dask)
        results = store.union(staged, selection)
        unread = list(selection.rejected.values())
        index, assignments, rejected = cluster(quote(results), quote(unread), cfg)
        with discard_on_failure(index, run):
            built, counts = tables(quote(results), quote(assignments), quote(rejected),
                                   store.planned(selection), str(run.path), cfg)
            report = gate(quote(built), quote(results), str(run.path), cfg)
            if not report.passed:
                raise GateFailed(report)
            published = publish(quote(built), counts, report, cfg)
            remember(quote(index))
        commit(quote(store), quote(selection), run)
    return {"path": str(published.path) if published.path else None,
            "version": published.version, "counts": published.counts,
            "inputs_processed": len(selection.keys), "chunks": len(staged), "chunks_resumed": resumed,
            "gate": report, "warnings": [f"{o.where} {o.expectation}" for o in report.warnings]}


def _config(input_dir: str | None, output_dir: str | None, chunk_docs: int | None,
            workers: int | None) -> Config:
    overrides = {k: v for k, v in (("chunk_docs", chunk_docs), ("chunk_workers", workers)) if v}
    return build_config(**overrides).with_paths(input_dir, output_dir)


def _nothing_new(store: state.Store, selection: state.Selection) -> dict:
    """No input is new or changed: keep refreshed stats and publish nothing."""
    get_run_logger().info("ingest: no new or changed inputs; nothing to publish")
    if selection.touched:
        store.commit(selection)
    return {"path": None, "version": None, "counts": {}, "inputs_processed": 0, "chunks": 0,
            "chunks_resumed": 0, "gate": None, "warnings": []}


def _extract_and_tag(store: state.Store, selection: state.Selection, cfg: Config,
                     dask: str | None) -> tuple[list[resume.Staged], resume.RunDir, int]:
    """Run the chunk tasks that a previous attempt of the same plan did not finish."""
    logger = get_run_logger()
    if store.reset:
        logger.warning("state: rebuilding from the inputs present (%s); %d inputs of earlier runs are no "
                       "longer in the input folder and leave the release", store.reset, len(store.forgotten))
    digest = resume.plan_digest(selection.chunks, selection.stats, store.settings)
    run = resume.RunDir(cfg, digest).open()
    staged = {i: s for i in range(len(selection.chunks)) if (s := run.done(i)) is not None}
    resumed = len(staged)
    todo = [i for i in range(len(selection.chunks)) if i not in staged]
    logger.info("extract+tag: %d new or changed inputs in %d chunks (%d already staged)",
                len(selection.keys), len(selection.chunks), len(staged))
    if todo:
        with _runner(dask, cfg) as runner:
            staged.update(_run_chunks(runner, todo, selection, run, cfg))
    return [staged[i] for i in sorted(staged)], run, resumed


def _run_chunks(runner, todo: list[int], selection: state.Selection, run: resume.RunDir,
                cfg: Config) -> dict[int, resume.Staged]:
    """Submit chunk tasks with a bounded window and collect them in order, logging progress."""
    logger, total = get_run_logger(), len(selection.keys)
    pending, futures, out, done = iter(todo), {}, {}, 0
    while True:
        while len(futures) < _WINDOW and (i := next(pending, None)) is not None:
            futures[i] = runner.submit(prepare, {"index": i, "chunk": selection.chunks[i],
                                                 "run_path": str(run.path), "cfg": cfg})
        if not futures:
            return out
        first = min(futures)
        out[first] = futures.pop(first).result()
        done += len(out[first].inputs)
        logger.info("extract+tag: %d/%d new inputs", done, total)


def _runner(dask: str | None, cfg: Config):
    """The task runner for chunk tasks: a Dask cluster's scheduler address, or local threads."""
    if dask:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask)
    return ThreadPoolTaskRunner(max_workers=cfg.chunk_workers)


def serve(name: str, crons: list[str], parameters: dict, timezone: str = "UTC") -> None:
    """Serve `build_release` as a deployment that runs on the cron schedules until stopped."""
    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType

    build_release.serve(
        name=name, schedules=[Cron(c, timezone=timezone) for c in crons],
        parameters={k: v for k, v in parameters.items() if v is not None},
        pause_on_shutdown=False, entrypoint_type=EntrypointType.MODULE_PATH)
