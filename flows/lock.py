"""One run at a time: an exclusive lock on the output folder that dies with the process holding it."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".lock"
# Poll interval while waiting for another run to finish; runs take minutes, so 0.2 s is instant enough.
_POLL_SECONDS = 0.2


class Busy(RuntimeError):
    """Another run holds the output folder's lock and did not let go in time."""


@contextmanager
def hold(folder: Path, wait: float = 0.0) -> Iterator[Path]:
    """Hold the exclusive run lock of `folder` for the block, waiting up to `wait` seconds for it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, wait)
        # flock belongs to this open file: the kernel drops it when the process exits, even on SIGKILL.
        os.ftruncate(fd, 0)
        os.pwrite(fd, _holder_line().encode(), 0)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, path: Path, wait: float) -> None:
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise Busy(_busy_message(path, wait)) from None
            time.sleep(_POLL_SECONDS)


def _holder_line() -> str:
    started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    return f"pid {os.getpid()} on {socket.gethostname()} since {started}\n"


def _busy_message(path: Path, wait: float) -> str:
    try:
        holder = path.read_text(encoding="utf-8").strip() or "another process"
    except OSError:
        holder = "another process"
    waited = f" after waiting {wait:g} s" if wait > 0 else ""
    return (f"another wiredesk run is using {path.parent} ({holder}){waited}; "
            f"nothing was done. Retry later, or pass --wait SECONDS to queue behind it.")


def holder(folder: Path) -> str | None:
    """Return who holds the lock of `folder` (as written by the holder), or None when it is free."""
    path = folder / LOCK_NAME
    if not path.is_file():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    except BlockingIOError:
        return path.read_text(encoding="utf-8").strip() or "another process"
    finally:
        os.close(fd)
