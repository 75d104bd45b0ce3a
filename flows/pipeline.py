"""The Prefect flow `build_release`: ingest → extract → tag → dedup → validate → release."""

from __future__ import annotations

import os
import shutil
import uuid

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from flows import assemble, checks, ingest, release, validate  # noqa: E402
from flows.dedup_index import DedupIndex  # noqa: E402
from flows.chunks import ChunkResult, prepare_chunk  # noqa: E402
from flows.config import Config, build_config  # noqa: E402


class GateFailed(RuntimeError):
    """The validation gate found a critical failure; nothing was published."""

    def __init__(self, report: validate.GateReport) -> None:
        names = ", ".join(f"{o.where} {o.expectation}" for o in report.blocking)
        super().__init__(f"validation failed, nothing published: {names}")
        self.report = report


@task(name="extract-and-tag", cache_policy=NO_CACHE)
def prepare(index: int, chunk: tuple, run_dir: str, cfg: Config) -> ChunkResult:
    """Ingest, extract and tag one chunk; validate's record-level checks screen each document before staging."""
    from pathlib import Path

    return prepare_chunk(index, chunk, Path(run_dir), cfg)


@task(name="dedup", cache_policy=NO_CACHE)
def cluster(results: list[ChunkResult], rejected: list, cfg: Config):
    """Drop byte-identical files, then place every document in a story of the persistent index."""
    duplicates = assemble.drop_exact_duplicates(results)
    index = DedupIndex.load(cfg)
    index.add(assemble.fingerprint_parts(results))
    return index, index.assign(), rejected + duplicates


@task(name="save-dedup-index", cache_policy=NO_CACHE)
def remember(index: DedupIndex) -> None:
    """Commit the run's fingerprints and stories so later runs join the same stories."""
    index.save()


@task(name="validate", cache_policy=NO_CACHE)
def gate(tables: dict, results: list[ChunkResult], run_dir: str, cfg: Config) -> validate.GateReport:
    """Run the Great Expectations suites and write their Data Docs; a failed gate keeps its docs aside."""
    from pathlib import Path

    report = validate.run_gate(tables, cfg, docs_dir=Path(run_dir) / "validation",
                               nulled=checks.nulled_counts(results))
    if not report.passed:
        shutil.rmtree(cfg.failed_gate_dir, ignore_errors=True)
        report.docs_dir = Path(shutil.copytree(report.docs_dir, cfg.failed_gate_dir))
    get_run_logger().info("%s", report.summary().splitlines()[0])
    return report


@task(name="release", cache_policy=NO_CACHE)
def publish(tables: dict, counts: dict, report: validate.GateReport, cfg: Config):
    """Write the release folder and move `latest`."""
    return release.publish(tables, counts, report.to_json(), cfg, report.docs_dir)


@flow(name="build_release", log_prints=True)
def build_release(input_dir: str | None = None, output_dir: str | None = None) -> dict:
    """Build a release from the documents in `input_dir` into `output_dir`."""
    cfg = build_config().with_paths(input_dir, output_dir)
    run_dir = cfg.staging_dir / f"run-{uuid.uuid4().hex[:12]}"
    run_dir.mkdir(parents=True)
    try:
        plan = ingest.plan(cfg)
        results = _progress(plan, [prepare.submit(i, c, str(run_dir), cfg)
                                   for i, c in enumerate(plan.chunks)])
        index, assignments, rejected = cluster(results, list(plan.rejected), cfg)
        tables = assemble.build_tables(results, assignments, rejected, cfg)
        report = gate(tables, results, str(run_dir), cfg)
        if not report.passed:
            raise GateFailed(report)
        counts = assemble.count(results, tables, plan.total + len(plan.rejected))
        published = publish(tables, counts, report, cfg)
        remember(index)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
    return {"path": str(published.path) if published.path else None,
            "version": published.version, "counts": published.counts, "gate": report,
            "warnings": [f"{o.where} {o.expectation}" for o in report.warnings]}


def _progress(plan: ingest.Plan, futures: list) -> list[ChunkResult]:
    """Wait for the chunk tasks in order, logging documents done of total."""
    logger = get_run_logger()
    done, results = 0, []
    for future in futures:
        result = future.result()
        done += result.counts["read"]
        logger.info("extract+tag: %d/%d documents", done, plan.total)
        results.append(result)
    return results
