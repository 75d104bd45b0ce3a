"""Resumable staging: a run folder named by its plan's digest, and chunks written durably with a marker."""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import os
import pickle
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from flows import ingest, limits
from flows.chunks import ChunkResult, prepare_chunk
from flows.config import Config

_CODE_ROOT = Path(__file__).resolve().parent
# Bumped whenever what a marker holds changes, so an old marker is never read as a new one.
MARKER_FORMAT = 2


@dataclass(frozen=True)
class InputRecord:
    """What a run remembers of one input file: its stat, its content hash and its sidecar metadata."""

    rel_path: str
    size: int
    mtime_ns: int
    sha256: str
    meta: str


@dataclass
class Staged:
    """A finished chunk: its tagged rows (the part) and the inputs it read."""

    result: ChunkResult
    inputs: list[InputRecord] = field(default_factory=list)


def meta_of(source: ingest.Source) -> str:
    """The sidecar metadata of an input as one comparable string."""
    stamp = source.crawled_at.isoformat() if source.crawled_at else ""
    return f"{source.url or ''}\t{stamp}"


def code_digest() -> str:
    """Digest of the package's source and data files: staged chunks never outlive a code change."""
    digest = hashlib.sha256()
    for path in sorted(_CODE_ROOT.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".csv", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_CODE_ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def plan_digest(chunks: tuple[tuple[ingest.Source, ...], ...], stats: dict[str, tuple[int, int]],
                settings: str) -> str:
    """Digest of the chunks to process, each input's size and mtime, the settings and the code."""
    digest = hashlib.sha256(f"{MARKER_FORMAT}\0{code_digest()}\0{settings}".encode())
    for number, chunk in enumerate(chunks):
        for source in chunk:
            size, mtime = stats.get(source.rel_path, (-1, -1))
            digest.update(f"{number}\0{source.rel_path}\0{size}\0{mtime}\0{meta_of(source)}\n".encode())
    return digest.hexdigest()[:20]


class RunDir:
    """The staging folder of one plan; a chunk counts as done only once its marker exists."""

    def __init__(self, cfg: Config, digest: str) -> None:
        self.path = cfg.staging_dir / f"run-{digest}"

    def open(self) -> "RunDir":
        """Create the folder, removing staging folders of other plans (they can never be resumed)."""
        if self.path.parent.is_dir():
            for other in self.path.parent.glob("run-*"):
                if other != self.path:
                    shutil.rmtree(other, ignore_errors=True)
        self.path.mkdir(parents=True, exist_ok=True)
        for scratch in ("tmp", "tables"):  # half-written by an attempt that died; never resumed from
            shutil.rmtree(self.path / scratch, ignore_errors=True)
        return self

    def marker(self, index: int) -> Path:
        """Path of chunk `index`'s completion marker."""
        return self.path / f"part-{index:06d}.done"

    def done(self, index: int) -> Staged | None:
        """The staged chunk `index` if a previous attempt finished it, else None."""
        marker = self.marker(index)
        if not marker.is_file():
            return None
        with marker.open("rb") as handle:
            version, staged = pickle.load(handle)
        return staged if version == MARKER_FORMAT else None

    def remove(self) -> None:
        """Delete the folder once its chunks are committed to the state store."""
        shutil.rmtree(self.path, ignore_errors=True)


def stage_chunk(index: int, chunk: tuple[ingest.Source, ...], run_path: Path, cfg: Config) -> Staged:
    """Process one chunk into a scratch folder, then publish its part and marker by rename."""
    scratch = run_path / "tmp" / f"{index:06d}-{uuid.uuid4().hex[:8]}"
    scratch.mkdir(parents=True)
    try:
        inputs = [_record(source, cfg) for source in chunk]
        result = _settle(prepare_chunk(index, chunk, scratch, cfg), scratch, run_path)
        staged = Staged(result, inputs)
        write_durably(run_path / f"part-{index:06d}.done", pickle.dumps((MARKER_FORMAT, staged)))
    finally:  # a chunk that failed (a full disk, say) leaves no half-written file behind
        shutil.rmtree(scratch, ignore_errors=True)
    return staged


def _settle(result: ChunkResult, scratch: Path, run_path: Path) -> ChunkResult:
    """Move every file the chunk wrote (its part, its fingerprints) into the run folder, durably."""
    for path in sorted(scratch.iterdir()):
        replace_durably(path, run_path / path.name)
    moved = {}
    for name, value in vars(result).items():
        if isinstance(value, Path) and value.parent == scratch:
            moved[name] = run_path / value.name
        elif isinstance(value, list) and value and all(isinstance(v, Path) for v in value):
            moved[name] = [run_path / v.name if v.parent == scratch else v for v in value]
    return dataclasses.replace(result, **moved)


def _record(source: ingest.Source, cfg: Config) -> InputRecord:
    """Stat then hash an input before it is read, so a later edit shows as a changed stat."""
    path = cfg.input_dir / source.rel_path
    try:
        stat = path.stat()
        digest = file_sha256(path)
    except OSError:  # unreadable: remembered with no hash, so the next run tries it again
        return InputRecord(source.rel_path, -1, -1, "", meta_of(source))
    return InputRecord(source.rel_path, stat.st_size, stat.st_mtime_ns, digest, meta_of(source))


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB blocks (archives can be far larger than memory); a named pipe or
    a device raises rather than blocking or never ending."""
    digest = hashlib.sha256()
    try:
        handle = limits.open_regular(path)
    except limits.Refused as err:
        raise OSError(errno.EINVAL, err.detail, str(path)) from None
    with handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_durably(path: Path, data: bytes) -> None:
    """Write-then-rename with fsync of the file and its folder: the name appears only when complete."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with tmp.open("wb") as handle:
        handle.write(data)
    replace_durably(tmp, path)


def replace_durably(tmp: Path, path: Path) -> None:
    """Flush `tmp`, rename it over `path`, and flush the folder so the rename survives a crash."""
    _fsync(tmp)
    os.replace(tmp, path)
    _fsync(path.parent)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
