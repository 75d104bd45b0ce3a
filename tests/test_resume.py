"""Resume: chunks are staged durably under the plan's digest, and a killed run restarts from them."""

import os
import signal
import subprocess
import sys
import time

import pytest

from bench.corpus import generate
from flows import ingest, resume
from flows.config import REPO_ROOT, build_config


def _plan(cfg):
    plan = ingest.plan(cfg)
    stats = {s.rel_path: (1, 1) for c in plan.chunks for s in c}
    return plan, stats


def test_plan_digest_names_the_chunks_their_stats_and_the_settings(cfg):
    generate(cfg.input_dir, 6, seed=1)
    plan, stats = _plan(cfg)
    digest = resume.plan_digest(plan.chunks, stats, "s1")
    assert digest == resume.plan_digest(plan.chunks, stats, "s1")
    assert digest != resume.plan_digest(plan.chunks, stats, "s2")
    assert digest != resume.plan_digest(plan.chunks, {**stats, "0000/0000002.txt": (1, 2)}, "s1")
    assert digest != resume.plan_digest((plan.chunks[0][:3], plan.chunks[0][3:]), stats, "s1")


def test_a_chunk_counts_as_done_only_with_its_marker(cfg):
    generate(cfg.input_dir, 6, seed=1)
    plan, stats = _plan(cfg)
    run = resume.RunDir(cfg, resume.plan_digest(plan.chunks, stats, "s")).open()
    assert run.done(0) is None
    staged = resume.stage_chunk(0, plan.chunks[0], run.path, cfg)
    again = run.done(0)
    assert again.result.part == staged.result.part == run.path / "part-000000.parquet"
    assert [r.rel_path for r in again.inputs] == [s.rel_path for s in plan.chunks[0]]
    assert again.inputs[0].sha256 == ingest.hashlib.sha256(
        (cfg.input_dir / plan.chunks[0][0].rel_path).read_bytes()).hexdigest()
    assert not list((run.path / "tmp").iterdir())  # the scratch folder went away
    run.marker(0).unlink()
    assert resume.RunDir(cfg, resume.plan_digest(plan.chunks, stats, "s")).open().done(0) is None


def test_opening_a_run_folder_removes_other_plans_folders(cfg):
    stale = cfg.staging_dir / "run-stale"
    stale.mkdir(parents=True)
    run = resume.RunDir(cfg, "fresh").open()
    assert run.path.is_dir() and not stale.exists()


def _release(inp, out, api_url):
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PREFECT_API_URL": api_url}
    return subprocess.Popen([sys.executable, "-m", "flows.cli", "release", "--input", str(inp),
                             "--output", str(out), "--chunk-docs", "4"],
                            cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


@pytest.mark.slow
def test_a_run_killed_part_way_resumes_and_matches_an_uninterrupted_run(prefect_harness, tmp_path):
    from prefect.settings import PREFECT_API_URL

    from flows.pipeline import build_release

    inp = generate(tmp_path / "in", 240, seed=11)
    out = tmp_path / "out"
    proc = _release(inp, out, PREFECT_API_URL.value())
    markers = []
    deadline = time.monotonic() + 120
    while len(markers) < 3 and time.monotonic() < deadline and proc.poll() is None:
        markers = list(out.glob(".staging/run-*/part-*.done"))
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    finished = len(list(out.glob(".staging/run-*/part-*.done")))
    assert 3 <= finished < 60 and not (out / "releases").exists()

    restart = build_release(input_dir=str(inp), output_dir=str(out), chunk_docs=4)
    assert restart["version"] == "1.0.0"
    assert (restart["chunks"], restart["chunks_resumed"]) == (60, finished)

    build_release(input_dir=str(inp), output_dir=str(tmp_path / "straight"), chunk_docs=4)
    for name in ("documents", "stories", "quarantine"):
        resumed = (out / "releases" / "latest" / f"{name}.parquet").read_bytes()
        assert resumed == (tmp_path / "straight" / "releases" / "latest" / f"{name}.parquet").read_bytes()
    assert not list(out.glob(".staging/run-*"))  # committed runs leave no staging behind


def test_hashing_an_input_that_became_a_named_pipe_raises_instead_of_blocking(tmp_path):
    import threading

    os.mkfifo(tmp_path / "pipe.txt")
    raised = []

    def digest():
        try:
            resume.file_sha256(tmp_path / "pipe.txt")
        except OSError as err:
            raised.append(err)

    thread = threading.Thread(target=digest, daemon=True)
    thread.start()
    thread.join(10)
    assert raised and "a named pipe, not a regular file" in str(raised[0])
