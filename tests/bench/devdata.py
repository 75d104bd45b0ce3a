"""Where the development sets with gold labels live, when this checkout has them beside it."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from flows.config import REPO_ROOT


def devdata_dir() -> Path:
    """Return the dev-data folder: $WIREDESK_DEVDATA, else ../shared/devdata beside the repository."""
    return Path(os.environ.get("WIREDESK_DEVDATA") or REPO_ROOT.parent / "shared" / "devdata")


def scorer(name: str) -> Path:
    """Return the path of a scorer script shipped beside the dev data."""
    return devdata_dir().parent / "tools" / name


def extraction_pages() -> list[tuple[dict, bytes]]:
    """Return (gold record, page bytes) for every page of the extraction set, or [] without it."""
    root = devdata_dir() / "extraction"
    if not (root / "gold.jsonl").is_file():
        return []
    with (root / "gold.jsonl").open(encoding="utf-8") as handle:
        gold = [json.loads(line) for line in handle if line.strip()]
    return [(g, gzip.decompress((root / g["file"]).read_bytes())) for g in gold]
