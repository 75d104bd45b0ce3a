"""Ingest: find the input documents, cut them into chunks, and read each as decoded text."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flows import archives, limits
from flows.archives import parse_timestamp
from flows.config import Config
from flows.decode import Undecodable, decode
from flows.model import Quarantined, RawDoc

STAGE = "ingest"


@dataclass(frozen=True, slots=True)
class Source:
    """Where one input file is and what the sidecar manifest says about it."""

    rel_path: str
    url: str | None = None
    crawled_at: dt.datetime | None = None
    # A WARC or JSONL file: many records, streamed, planned as a chunk of its own.
    archive: bool = False


@dataclass(frozen=True)
class Plan:
    """The run's inputs cut into chunks, plus files rejected before reading."""

    chunks: tuple[tuple[Source, ...], ...]
    rejected: tuple[Quarantined, ...]

    @property
    def total(self) -> int:
        """Number of input files (loose pages and archives) planned for reading."""
        return sum(len(c) for c in self.chunks)


def doc_id_for(data: bytes) -> str:
    """Return the stable id of a document: 24 hex digits (96 bits) of the SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()[:24]


def plan(cfg: Config) -> Plan:
    """List every input file, sorted; loose files in chunks of `cfg.chunk_docs`, each archive alone."""
    sidecar, rejected = _sidecar(cfg)
    chunks: list[tuple[Source, ...]] = []
    loose: list[Source] = []
    for rel, problem in _walk(cfg):
        if problem:
            rejected.append(Quarantined(limits.shown_name(rel), STAGE, problem[0], problem[1]))
        elif archives.is_archive(rel):
            chunks.extend(_cut(loose, cfg.chunk_docs))
            loose = []
            chunks.append((Source(rel, archive=True),))
        else:
            url, crawled = sidecar.get(rel, (None, None))
            loose.append(Source(rel, url, crawled))
    chunks.extend(_cut(loose, cfg.chunk_docs))
    return Plan(tuple(chunks), tuple(rejected))


def _sidecar(cfg: Config) -> tuple[dict, list[Quarantined]]:
    """The sidecar manifest's mapping, or none and a quarantine row when it cannot be read."""
    try:
        return load_sidecar(cfg.input_dir / cfg.manifest_name, cfg), []
    except limits.Refused as err:
        return {}, [Quarantined(cfg.manifest_name, STAGE, err.reason, err.detail)]
    except (OSError, ValueError, csv.Error) as err:
        return {}, [Quarantined(cfg.manifest_name, STAGE, "bad_manifest",
                                f"read without it: {type(err).__name__}: {err}"[:300])]


def _cut(sources: list[Source], size: int) -> list[tuple[Source, ...]]:
    size = max(1, size)
    return [tuple(sources[i:i + size]) for i in range(0, len(sources), size)]


def _walk(cfg: Config) -> Iterator[tuple[str, tuple[str, str] | None]]:
    """Yield (relative path, problem) for every file with a known ending, in sorted order."""
    root = cfg.input_dir.resolve()
    suffixes = cfg.text_suffixes + cfg.html_suffixes + archives.WARC_SUFFIXES + archives.JSONL_SUFFIXES
    # Only the relative names are held while listing: a Path per file, kept until sorting, would cost a
    # few hundred bytes per input and leave the heap fragmented for the rest of the run.
    found: list[str] = []
    for dirpath, _dirs, filenames in os.walk(root, followlinks=False):
        folder = os.path.relpath(dirpath, root).replace(os.sep, "/")
        prefix = "" if folder == "." else f"{folder}/"
        found.extend(prefix + name for name in filenames if name.lower().endswith(suffixes))
    found.sort()
    for rel in found:
        yield rel, _name_problem(rel) or _link_problem(root / rel, root)


def _name_problem(rel: str) -> tuple[str, str] | None:
    # A name that is not UTF-8 cannot be a source_path: the operator has to rename the file.
    if rel != limits.shown_name(rel):
        return "bad_file_name", "the file name is not valid UTF-8; rename the file to read it"
    return None


def _link_problem(path: Path, root: Path) -> tuple[str, str] | None:
    # realpath, unlike Path.resolve, returns rather than raises on a symlink loop; reading the file then
    # fails as unreadable. A symlink swapped in after planning is caught when the file is opened.
    if path.is_symlink() and not _inside(Path(os.path.realpath(path)), root):
        return "outside_input", "symbolic link pointing outside the input folder"
    return None


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def load_sidecar(path: Path, cfg: Config) -> dict[str, tuple[str | None, dt.datetime | None]]:
    """Read the optional `file,url,crawled_at` manifest; a missing file gives an empty mapping."""
    if not os.path.lexists(path):
        return {}
    data = limits.read_input(path, cfg.input_dir, cfg.max_doc_bytes)
    out: dict[str, tuple[str | None, dt.datetime | None]] = {}
    for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")):
        name = (row.get("file") or "").strip()
        if name:
            out[name] = ((row.get("url") or "").strip() or None,
                         parse_timestamp(row.get("crawled_at")))
    return out


def read_chunk(chunk: tuple[Source, ...], cfg: Config) -> Iterator[RawDoc | Quarantined]:
    """Read each source of a chunk (every record of an archive) as a RawDoc or a Quarantined row."""
    for source in chunk:
        if source.archive:
            yield from read_archive(source, cfg)
        else:
            yield read_source(source, cfg)


def read_archive(source: Source, cfg: Config) -> Iterator[RawDoc | Quarantined]:
    """Stream an archive's records as documents; `source_path` is the archive path, '#', the record key."""
    rel = source.rel_path
    try:
        with limits.open_input(cfg.input_dir / source.rel_path, cfg.input_dir) as handle:
            for rec in archives.read_archive(handle, rel, cfg):
                if isinstance(rec, Quarantined):
                    yield rec
                else:
                    yield raw_from_bytes(rec.data, rec.key, rec.kind, rec.url, rec.crawled_at, rec.charset)
    except limits.Refused as err:
        yield Quarantined(rel, STAGE, err.reason, err.detail)
    except OSError as err:
        yield Quarantined(rel, STAGE, "unreadable", f"{type(err).__name__}: {err.strerror}")


def read_source(source: Source, cfg: Config) -> RawDoc | Quarantined:
    """Read one loose file; failures become quarantine rows, never exceptions."""
    rel = source.rel_path
    try:
        data = limits.read_input(cfg.input_dir / source.rel_path, cfg.input_dir, cfg.max_doc_bytes)
    except limits.Refused as err:
        return Quarantined(rel, STAGE, err.reason, err.detail)
    except OSError as err:
        return Quarantined(rel, STAGE, "unreadable", f"{type(err).__name__}: {err.strerror}")
    kind = "html" if rel.lower().endswith(cfg.html_suffixes) else "text"
    return raw_from_bytes(data, rel, kind, source.url, source.crawled_at)


def raw_from_bytes(data: bytes, rel: str, kind: str, url: str | None = None,
                   crawled_at: dt.datetime | None = None, charset: str | None = None) -> RawDoc | Quarantined:
    """Decode one document's bytes into a RawDoc, or quarantine it with the decoder's reason."""
    doc_id = doc_id_for(data)
    try:
        text, encoding = decode(data, html=kind == "html", charset=charset)
    except Undecodable as err:
        return Quarantined(rel, STAGE, err.reason, err.detail, doc_id)
    return RawDoc(doc_id, rel, kind, text, encoding, url, crawled_at)
