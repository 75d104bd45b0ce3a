"""Disk and permission failures in one line: a pre-flight write check of the output folder, a one-line
account of an OSError, and the console kept from printing a traceback for one."""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

# Exit status when the output cannot be written (sysexits.h EX_IOERR).
EXIT_IO = 74


def describe(err: OSError) -> str:
    """'cannot write /out/x: No space left on device (ENOSPC)': what failed, on which file, and why."""
    if isinstance(err, shutil.Error):
        err = _first_copy_error(err)
    code = errno.errorcode.get(err.errno or 0)
    why = f"{err.strerror or err}" + (f" ({code})" if code else "")
    where = err.filename if err.filename is not None else None
    return f"cannot write {where}: {why}" if where else why


def disk_full(err: BaseException) -> bool:
    """Whether `err` is a full disk, including one that shutil.copytree reported among its per-file errors."""
    if isinstance(err, shutil.Error):
        err = _first_copy_error(err)
    return isinstance(err, OSError) and err.errno == errno.ENOSPC


def _first_copy_error(err: shutil.Error) -> OSError:
    """shutil.copytree collects (source, target, message) per file; the first one says what went wrong."""
    failures = err.args[0] if err.args and isinstance(err.args[0], list) else []
    if not failures:
        return err
    _source, target, why = failures[0]
    found = re.match(r"\[Errno (\d+)\] ([^:]+)", str(why))
    return OSError(int(found[1]), found[2], target) if found else OSError(None, str(why), target)


def unwritable(folder: Path) -> str | None:
    """Why a run could not write into `folder` (creating it if need be), or None when it can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".write-check-"):
            pass
    except OSError as err:
        if err.filename is None:
            err.filename = os.fspath(folder)
        return describe(err)
    return None


class _NoDiskTracebacks(logging.Filter):
    """Drops the traceback (not the message) of a log record about an OSError."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], OSError):
            record.exc_info, record.exc_text = None, None
        return True


def quiet_disk_tracebacks() -> None:
    """Keep console handlers (Prefect's among them) from printing a traceback for a disk or permission
    error, which the command line reports in one line itself; the records still reach every handler."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and not any(
                isinstance(f, _NoDiskTracebacks) for f in handler.filters):
            handler.addFilter(_NoDiskTracebacks())
