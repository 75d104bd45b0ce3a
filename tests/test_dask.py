"""Scale-out: the chunk tasks run on a real Dask cluster and the release equals a local run's."""

import os

import pytest

from bench.corpus import generate
from flows.config import REPO_ROOT


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes on this machine, started the way `dask worker` would run them."""
    from distributed import LocalCluster

    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str(REPO_ROOT)  # workers import this checkout's flows package
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=40) as local:
            yield local
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before


@pytest.mark.slow
def test_release_on_a_dask_cluster_equals_a_local_release(prefect_harness, cluster, tmp_path):
    from distributed import Client

    from flows.pipeline import build_release

    inp = generate(tmp_path / "in", 80, seed=21)
    on_dask = build_release(input_dir=str(inp), output_dir=str(tmp_path / "dask"),
                            dask=cluster.scheduler_address, chunk_docs=10)
    local = build_release(input_dir=str(inp), output_dir=str(tmp_path / "local"), chunk_docs=10)
    assert on_dask["version"] == local["version"] == "1.0.0" and on_dask["chunks"] == 8
    for name in ("documents", "stories", "quarantine"):
        a = (tmp_path / "dask" / "releases" / "latest" / f"{name}.parquet").read_bytes()
        b = (tmp_path / "local" / "releases" / "latest" / f"{name}.parquet").read_bytes()
        assert a == b, name
    with Client(cluster) as client:
        worked = client.run(lambda dask_worker: dask_worker.state.transition_counter)
    assert len(worked) == 2 and all(n > 0 for n in worked.values())  # both workers ran chunk tasks
