"""A real `prefect server start` on a free local port, for tests and benchmarks that need a live API."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, timeout: float, what: str):
    """Poll `check` until it returns something true; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def get(api: str, path: str):
    """GET a JSON document from the API; None when it is not there (yet)."""
    try:
        response = httpx.get(f"{api}{path}", timeout=5)
    except httpx.HTTPError:
        return None
    return response.json() if response.status_code == 200 else None


@contextmanager
def prefect_server(home: Path) -> Iterator[str]:
    """Run `prefect server start` with its own PREFECT_HOME; yield the API URL, then stop it."""
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_UI_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    port = free_port()
    prefect = str(Path(sys.executable).with_name("prefect"))
    proc = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    api = f"http://127.0.0.1:{port}/api"
    try:
        wait_for(lambda: get(api, "/health") is True or proc.poll() is not None, 120, "the Prefect API")
        assert proc.poll() is None, "prefect server start exited"
        yield api
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
