"""Faults: a run killed at any point leaves no partial release and `latest` intact, and the next run equals
a clean one; a full disk and a read-only output folder end with one clear line and nothing half-written."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flows.config import REPO_ROOT
from hostile_data import text_page, write

pytestmark = pytest.mark.slow
EPOCH = "1763700000"
# Kill the run the moment the named function is called for the n-th time: the process dies with SIGKILL,
# exactly as under the OOM killer or a pulled plug, with no chance to clean up.
_KILLED_RUN = """
import importlib, os, signal, sys
module, name, nth = sys.argv[1].split(":")
target = importlib.import_module(module)
real, calls = getattr(target, name), []
def kill_switch(*args, **kwargs):
    calls.append(1)
    if len(calls) >= int(nth):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
setattr(target, name, kill_switch)
from flows.cli import main
sys.exit(main(["release", "--input", sys.argv[2], "--output", sys.argv[3]]))
"""
KILL_POINTS = {
    "while extracting": "flows.extract:extract:3",
    "with every chunk staged": "flows.assemble:build_tables:1",
    "before validation": "flows.validate:run_gate:1",
    "with data files in the release staging folder": "flows.release:_write_documents:1",
    "with the release sealed, before it is moved into place": "flows.release:_move_into_place:1",
    "with the release moved into place, before latest": "flows.release:_point_latest:1",
    "with latest moved, before the index": "flows.site:build:1",
}


def inputs(folder: Path, grown: bool) -> Path:
    """Four stories; grown, two more and an edited copy of one."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(4):
        write(folder, f"{n:02d}.txt", text_page(400 + n, headline=f"Council report number {n} is out"))
    if grown:
        write(folder, "10.txt", text_page(410, headline="Harbour bridge closes for repairs"))
        write(folder, "11.txt", text_page(411, headline="Farmers warn of drought losses"))
        write(folder, "12.txt", text_page(400, headline="Council report number 0 is out, officials say"))
    return folder


def env(api: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PREFECT_API_URL": api, "SOURCE_DATE_EPOCH": EPOCH,
            "WIREDESK_TODAY": os.environ["WIREDESK_TODAY"], "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "GX_ANALYTICS_ENABLED": "false"}


def fingerprint(out: Path) -> dict[str, str]:
    """Every file and link under the output's published part (releases, index, catalogue), by content."""
    found = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if rel.split("/")[0] not in ("releases", "index.html", "releases.json"):
            continue  # staging and run state aside
        if path.is_symlink():
            found[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def assert_releases_whole(out: Path) -> None:
    """Every release folder checks against its own SHA256SUMS, and `latest` names one of them."""
    releases = out / "releases"
    folders = [p for p in releases.iterdir() if not p.is_symlink() and p.is_dir()]
    for folder in folders:
        done = subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=folder, capture_output=True,
                              text=True)
        assert done.returncode == 0, (folder.name, done.stdout, done.stderr)
    assert (releases / "latest").resolve().parent == releases.resolve()
    assert (releases / "latest" / "manifest.json").is_file()
    assert sorted(p.name for p in releases.iterdir() if p.name.startswith(".")) == []


@pytest.fixture(scope="module")
def api(prefect_harness):
    """The harness's API address, for runs in child processes."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


def release_cli(api: str, folder: Path, out: Path) -> subprocess.CompletedProcess:
    """`wiredesk release` in a child process, as an operator runs it."""
    return subprocess.run([sys.executable, "-m", "flows.cli", "release", "--input", str(folder), "--output",
                           str(out)], env=env(api), capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def clean(api, tmp_path_factory):
    """A clean history: the output after releasing the first inputs, and after releasing the grown ones."""
    root = tmp_path_factory.mktemp("clean")
    done = release_cli(api, inputs(root / "first", grown=False), root / "out")
    assert done.returncode == 0, done.stderr[-3000:]
    shutil.copytree(root / "out", root / "after-first", symlinks=True)
    done = release_cli(api, inputs(root / "grown", grown=True), root / "out")
    assert done.returncode == 0, done.stderr[-3000:]
    return root


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_sigkill_leaves_latest_whole_and_the_next_run_equals_a_clean_one(point, api, clean, tmp_path,
                                                                          monkeypatch):
    from flows.pipeline import build_release

    out = tmp_path / "out"
    shutil.copytree(clean / "after-first", out, symlinks=True)
    grown = inputs(tmp_path / "grown", grown=True)
    killed = subprocess.run([sys.executable, "-c", _KILLED_RUN, KILL_POINTS[point], str(grown), str(out)],
                            env=env(api), capture_output=True, text=True, timeout=600)
    assert killed.returncode == -9, killed.stderr[-3000:]
    assert_releases_whole(out)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    build_release(input_dir=str(grown), output_dir=str(out))  # the next run, in this process
    assert_releases_whole(out)
    assert fingerprint(out) == fingerprint(clean / "out")


@pytest.fixture
def tmpfs(tmp_path):
    """Mount small tmpfs file systems under tmp_path (root only); unmounted at the end."""
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        point = tmp_path / f"disk{len(mounted)}"
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                              capture_output=True, text=True)
        if done.returncode:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def fill(disk: Path, leave: int) -> Path:
    """Fill a file system with one file until only `leave` bytes stay free; return the file."""
    filler = disk / "filler"
    stats = os.statvfs(disk)
    size = stats.f_bavail * stats.f_frsize - leave
    with open(filler, "wb") as handle:
        while size > 0:
            size -= handle.write(b"\0" * min(size, 1 << 20))
    return filler


def assert_one_line_error(done: subprocess.CompletedProcess, *expected: str) -> None:
    """Exit status 74, one 'wiredesk:' line naming the cause, and no traceback anywhere."""
    assert done.returncode == 74, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    ours = [line for line in done.stderr.splitlines() if line.startswith("wiredesk:")]
    assert len(ours) == 1 and all(text in ours[0] for text in expected), done.stderr[-3000:]


def everything(out: Path) -> dict[str, str]:
    """Every file and link under the output folder by content, the run's staging folder aside."""
    found = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if path.is_symlink():
            found[rel] = "-> " + os.readlink(path)
        elif path.is_file() and not rel.startswith(".staging/"):
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def staged_files(out: Path) -> list[str]:
    return sorted(p.name for p in (out / ".staging").rglob("*") if p.is_file()) if (out / ".staging").is_dir() else []


# Free space left for the run: the staged chunks and the validation report of a run take ~0.7 MB here and
# the release folder ~0.85 MB, so each level runs out at a different stage.
@pytest.mark.parametrize("free", [48_000, 400_000, 900_000, 1_300_000])
def test_full_disk_stops_with_one_line_and_nothing_half_written(free, api, clean, tmpfs, tmp_path, monkeypatch):
    from flows.pipeline import build_release

    disk = tmpfs("8m")
    out = disk / "out"
    shutil.copytree(clean / "after-first", out, symlinks=True)
    before = everything(out)
    filler = fill(disk, free)
    grown = inputs(tmp_path / "grown", grown=True)
    done = release_cli(api, grown, out)
    assert_one_line_error(done, "No space left on device (ENOSPC)")
    assert everything(out) == before and staged_files(out) == []
    filler.unlink()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    build_release(input_dir=str(grown), output_dir=str(out))  # the next run, in this process
    assert fingerprint(out) == fingerprint(clean / "out")


def test_read_only_output_stops_with_one_line(api, clean, tmpfs, tmp_path):
    disk = tmpfs("8m")
    shutil.copytree(clean / "after-first", disk / "out", symlinks=True)
    before = everything(disk / "out")
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    done = release_cli(api, inputs(tmp_path / "grown", grown=True), disk / "out")
    assert_one_line_error(done, f"cannot write {disk / 'out'}", "Read-only file system (EROFS)")
    assert everything(disk / "out") == before


def test_output_folder_that_cannot_be_created_stops_with_one_line(api, tmp_path):
    (tmp_path / "file").write_text("not a folder")
    done = release_cli(api, inputs(tmp_path / "in", grown=False), tmp_path / "file" / "out")
    assert_one_line_error(done, "cannot write", "Not a directory (ENOTDIR)")


def test_site_page_that_does_not_fit_leaves_the_old_page_and_no_temporary_file(tmpfs):
    from flows import site

    disk = tmpfs("1m")
    (disk / "index.html").write_text("old page")
    fill(disk, 0)
    with pytest.raises(OSError, match="No space left"):
        site._replace(disk / "index.html", "new page " * 100_000)
    assert sorted(p.name for p in disk.iterdir()) == ["filler", "index.html"]
    assert (disk / "index.html").read_text() == "old page"


def test_disk_errors_are_told_in_one_line_with_file_and_errno():
    from flows.ioerrors import describe

    copy = shutil.Error([("/run/a.html", "/out/a.html", "[Errno 28] No space left on device: '/run/a.html'"),
                         ("/run/b.html", "/out/b.html", "[Errno 28] No space left on device: '/run/b.html'")])
    assert describe(copy) == "cannot write /out/a.html: No space left on device (ENOSPC)"
    assert describe(OSError(30, "Read-only file system", "/out")) == \
        "cannot write /out: Read-only file system (EROFS)"
    assert "\n" not in describe(OSError(5, "Input/output error"))
