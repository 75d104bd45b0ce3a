"""Schedules: `wiredesk serve` registers a cron deployment on a real Prefect server that runs on demand."""

import os
import shutil
import signal
import subprocess
import sys

import httpx
import pytest

from conftest import SEEDS
from flows.config import REPO_ROOT
from prefect_server import get, prefect_server, wait_for

_FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def test_prefect_yaml_declares_the_flow_with_known_parameters_and_a_daily_schedule():
    import importlib

    import yaml

    spec = yaml.safe_load((REPO_ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    names = {d["name"]: d for d in spec["deployments"]}
    assert set(names) == {"daily", "daily-dask"}
    for deployment in names.values():
        module, _, attr = deployment["entrypoint"].rpartition(".")
        flow = getattr(importlib.import_module(module), attr)
        assert flow.name == "build_release"
        assert set(deployment["parameters"]) <= set(flow.parameters.properties)
        assert deployment["schedules"][0]["cron"] == "0 6 * * *"
    assert names["daily-dask"]["parameters"]["dask"].startswith("tcp://")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`prefect server start` on a free local port with its own PREFECT_HOME; yields the API URL."""
    with prefect_server(tmp_path_factory.mktemp("prefect-home")) as api:
        yield api


def _run_deployment(api: str, deployment: dict) -> dict:
    """Create a flow run of the deployment through the API and wait for it to finish."""
    created = wait_for(lambda: _create_flow_run(api, deployment["id"]), 60, "the API to create a flow run")
    assert created.status_code == 201, created.text[:500]
    run_id = created.json()["id"]
    return wait_for(lambda: (r := get(api, f"/flow_runs/{run_id}")) and r["state_type"] in _FINAL and r,
                    240, "the flow run to finish")


def _create_flow_run(api: str, deployment_id: str) -> httpx.Response | None:
    # The SQLite-backed server may answer 5xx while the served deployment's runner writes to it at the same
    # moment; Prefect's own client retries those too. Any other answer is returned to be checked.
    try:
        response = httpx.post(f"{api}/deployments/{deployment_id}/create_flow_run", json={}, timeout=10)
    except httpx.TransportError:
        return None
    return None if response.status_code >= 500 else response


@pytest.mark.slow
def test_served_deployment_runs_on_demand_and_publishes_nothing_new_the_second_time(server, tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SEEDS, inp)
    env = {**os.environ, "PREFECT_API_URL": server, "PYTHONPATH": str(REPO_ROOT)}
    serve = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "--cron", "0 6 * * *",
                              "--name", "daily", "--input", str(inp), "--output", str(out)],
                             cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deployment = wait_for(lambda: serve.poll() is not None
                              or get(server, "/deployments/name/build_release/daily"),
                              120, "the served deployment")
        assert serve.poll() is None, "wiredesk serve exited"
        assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["0 6 * * *"]
        assert deployment["paused"] is False
        assert deployment["parameters"] == {"input_dir": str(inp), "output_dir": str(out)}

        first = _run_deployment(server, deployment)
        assert first["state_type"] == "COMPLETED", first["state"]
        assert (out / "releases" / "latest" / "documents.parquet").is_file()
        second = _run_deployment(server, deployment)
        assert second["state_type"] == "COMPLETED", second["state"]
        assert sorted(p.name for p in (out / "releases").iterdir()) == ["1.0.0", "latest"]
    finally:
        serve.send_signal(signal.SIGINT)
        try:
            serve.wait(30)
        except subprocess.TimeoutExpired:
            serve.kill()
    after = get(server, "/deployments/name/build_release/daily")
    assert after["paused"] is False  # stopping the server process leaves the schedule active
