"""How to cite a release: a BibTeX entry and a CITATION.cff, both naming the exact version."""

from __future__ import annotations

import json
from pathlib import Path


def release_url(base_url: str | None, version: str) -> str | None:
    """Return the public address of a release folder, or None when no base URL is configured."""
    return f"{base_url.rstrip('/')}/releases/{version}/" if base_url else None


def bibtex(meta: dict, manifest: dict, url: str | None) -> str:
    """Return a BibTeX @misc entry for one release."""
    version, day = manifest["version"], manifest["released"][:10]
    digest = manifest["files"]["documents.parquet"]["sha256"]
    lines = [
        f"@misc{{{meta['name']}_{version.replace('.', '_')},",
        f"  title = {{{{{meta['title']}}}}},",
        f"  author = {{{{{meta['publisher']}}}}},",
        f"  year = {{{day[:4]}}},",
        f"  version = {{{version}}},",
        f"  howpublished = {{Dataset release {version}, {day}}},",
    ]
    if url:
        lines.append(f"  url = {{{url}}},")
    lines.append(f"  note = {{documents.parquet SHA-256 {digest}}}")
    return "\n".join(lines) + "\n}"


def write_cff(meta: dict, manifest: dict, url: str | None, path: Path) -> None:
    """Write CITATION.cff (Citation File Format 1.2.0) for one release."""
    q = json.dumps  # JSON strings are valid YAML scalars, so no value can break the file
    lines = [
        "cff-version: 1.2.0",
        f"message: {q('If you use this dataset, please cite this exact release.')}",
        "type: dataset",
        f"title: {q(meta['title'])}",
        f"version: {q(manifest['version'])}",
        f"date-released: {q(manifest['released'][:10])}",
        "authors:",
        f"  - name: {q(meta['publisher'])}",
        f"abstract: {q(meta['summary'])}",
        "keywords:",
        *[f"  - {q(k)}" for k in meta["keywords"]],
    ]
    if url:
        lines.append(f"url: {q(url)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
