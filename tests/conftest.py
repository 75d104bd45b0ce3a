"""Shared fixtures: a config pointed at temporary folders, and one Prefect test harness per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("WIREDESK_TODAY", "2026-11-21")

from flows.config import REPO_ROOT, Config, build_config  # noqa: E402

SEEDS = REPO_ROOT / "seeds"


@pytest.fixture
def cfg(tmp_path: Path) -> Config:
    """A config reading from tmp_path/in and writing to tmp_path/out."""
    (tmp_path / "in").mkdir()
    return build_config().with_paths(tmp_path / "in", tmp_path / "out")


@pytest.fixture(scope="session")
def prefect_harness():
    """A throwaway Prefect API for tests that run the real flow (started once: it costs seconds)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield
