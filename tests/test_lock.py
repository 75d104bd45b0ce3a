"""One run at a time: the output folder's lock refuses, waits, and dies with its holder."""

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from flows import lock
from flows.config import REPO_ROOT

_HOLD = "import sys, time; from pathlib import Path; from flows import lock\n" \
        "with lock.hold(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(600)\n"


def _holder_process(folder):
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", _HOLD, str(folder)], stdout=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_second_holder_is_refused_with_the_holders_pid(tmp_path):
    with lock.hold(tmp_path):
        with pytest.raises(lock.Busy) as err:
            with lock.hold(tmp_path):
                pass
    assert f"pid {os.getpid()}" in str(err.value) and "--wait" in str(err.value)


def test_waiting_holder_gets_the_lock_once_it_is_released(tmp_path):
    entered = threading.Event()

    def first():
        with lock.hold(tmp_path):
            entered.set()
            time.sleep(0.6)

    thread = threading.Thread(target=first)
    thread.start()
    entered.wait(5)
    started = time.monotonic()
    with lock.hold(tmp_path, wait=10):
        waited = time.monotonic() - started
    thread.join()
    assert 0.2 < waited < 5


def test_wait_gives_up_after_its_timeout(tmp_path):
    with lock.hold(tmp_path):
        started = time.monotonic()
        with pytest.raises(lock.Busy, match="after waiting 0.5 s"):
            with lock.hold(tmp_path, wait=0.5):
                pass
        assert time.monotonic() - started >= 0.5


def test_lock_dies_with_a_killed_process(tmp_path):
    proc = _holder_process(tmp_path)
    assert lock.holder(tmp_path).startswith(f"pid {proc.pid}")
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert lock.holder(tmp_path) is None
    with lock.hold(tmp_path):
        pass


def test_release_exits_with_a_clear_message_while_another_run_holds_the_output(prefect_harness, tmp_path,
                                                                               capsys):
    from flows.cli import EXIT_BUSY, main

    out = tmp_path / "out"
    proc = _holder_process(out)
    try:
        status = main(["release", "--input", str(tmp_path), "--output", str(out)])
    finally:
        proc.kill()
        proc.wait(10)
    err = capsys.readouterr().err
    assert status == EXIT_BUSY
    assert f"another wiredesk run is using {out}" in err and f"pid {proc.pid}" in err
    assert not (out / "releases").exists()
