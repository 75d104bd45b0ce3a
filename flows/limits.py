"""Limits on hostile input: bounded reads of regular files inside the input folder, markup size guards,
and decompression caps for archives."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO, Callable

from flows.config import Config


class Refused(Exception):
    """An input the limits turn away, with the quarantine reason and detail to record."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def shown_name(rel: str) -> str:
    """A relative path as a valid Unicode string: bytes that are not UTF-8 spelled as \\xNN escapes."""
    return os.fsencode(rel).decode("utf-8", "backslashreplace")


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading; anything else (a directory, a named pipe, a device) is refused as
    not_a_file, checked on the opened descriptor, and O_NONBLOCK keeps a named pipe from blocking the open."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("not_a_file", f"{_kind(info.st_mode)}, not a regular file")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def open_input(path: Path, root: Path) -> BinaryIO:
    """Open a regular file for reading, refusing it when the file actually opened lies outside `root`: a
    file swapped for a symlink after planning is refused rather than followed."""
    handle = open_regular(path)
    try:
        if not _within(_real_path(handle.fileno(), path), root.resolve()):
            raise Refused("outside_input", "the file resolves outside the input folder")
        return handle
    except BaseException:
        handle.close()
        raise


def read_input(path: Path, root: Path, max_bytes: int) -> bytes:
    """Read a whole regular file under `root`, refusing it as too_large past `max_bytes` however it grows."""
    with open_input(path, root) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise Refused("too_large", f"{size} bytes, over the {max_bytes}-byte limit")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Refused("too_large", f"grew past the {max_bytes}-byte limit while being read")
    return data


def _real_path(fd: int, path: Path) -> Path:
    # /proc names the file actually opened; elsewhere fall back to resolving the name.
    try:
        return Path(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        return path.resolve()


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def html_problem(text: str, tree, cfg: Config) -> tuple[str, str] | None:
    """Return (reason, detail) when a parsed page is beyond what extraction may spend on one document."""
    if len(text) > cfg.max_html_chars:
        return "too_large", f"{len(text)} characters of markup, over the {cfg.max_html_chars}-character limit"
    elements = int(tree.xpath("count(//*)"))
    if elements > cfg.max_html_elements:
        return "too_many_elements", f"{elements} elements, over the {cfg.max_html_elements}-element limit"
    # An element at depth max+1 exists exactly when this chain of child steps selects something.
    if tree.xpath("boolean(/*" + "/*" * cfg.max_html_depth + ")"):
        return "too_deep", (f"markup nested deeper than {cfg.max_html_depth} levels (the parser drops "
                            "whatever lies below 255)")
    return None


class OverCap(Exception):
    """An archive inflated past a configured cap; reading it stops there."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class InflationGuard:
    """A file wrapper counting the compressed bytes read, which checks the decompressed count before each
    read: past `max_archive_bytes`, or inflating more than `max_inflation` times once past
    `max_doc_bytes`, it raises OverCap, so a gzip bomb costs at most one read block beyond the cap."""

    def __init__(self, handle: BinaryIO, cfg: Config) -> None:
        self.handle = handle
        self.compressed = 0
        self.inflated: Callable[[], int] = lambda: self.compressed
        self._cap, self._ratio, self._floor = cfg.max_archive_bytes, cfg.max_inflation, cfg.max_doc_bytes

    def read(self, size: int = -1) -> bytes:
        """Check the caps, then read from the wrapped file."""
        self.check()
        data = self.handle.read(size)
        self.compressed += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        """Check the caps, then read one line of at most `size` bytes (an uncompressed archive's reader)."""
        self.check()
        line = self.handle.readline(size)
        self.compressed += len(line)
        return line

    def check(self) -> None:
        """Raise OverCap when the decompressed bytes so far exceed a cap."""
        out = self.inflated()
        if out > self._cap:
            raise OverCap("archive_too_large",
                          f"decompressed past the {self._cap}-byte cap on one archive")
        if out > self._floor and out > self._ratio * max(self.compressed, 1):
            raise OverCap("compression_bomb", f"{self.compressed} compressed bytes inflated to {out}, "
                                              f"more than {self._ratio} times")

    def __getattr__(self, name: str):
        # tell(), seek(), close() and friends go to the wrapped file.
        return getattr(self.handle, name)
