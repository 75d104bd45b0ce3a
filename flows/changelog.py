"""Changes between two releases (records added, removed and changed, by id and content) and CHANGELOG.md."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from flows.tablefile import TableFile

# What identifies a row of each table; quarantine rows have no id, so the whole row is their key.
KEYS: dict[str, tuple[str, ...]] = {"stories": ("story_id",), "documents": ("doc_id",), "quarantine": ()}
_BATCH = 20_000


def row_digests(batches, key: tuple[str, ...], columns: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return (keys, contents): 64-bit digests per row of the key and of `columns`, sorted by key."""
    keys, contents = [], []
    for batch in batches:
        content = _digests(batch, columns)
        keys.append(_digests(batch, list(key)) if key else content)
        contents.append(content)
    k = np.concatenate(keys) if keys else np.array([], dtype=np.uint64)
    c = np.concatenate(contents) if contents else np.array([], dtype=np.uint64)
    order = np.argsort(k, kind="stable")
    return k[order], c[order]


def _digests(batch: pa.RecordBatch, columns: list[str]) -> np.ndarray:
    """64-bit BLAKE2b of each row's values joined as text: Arrow joins them, rows never become dicts."""
    # 64 bits make a false match between two of a million rows about a one-in-thirty-million event.
    texts = [_as_text(batch.column(name)) for name in columns]
    joined = pc.binary_join_element_wise(*texts, "\x1e", null_handling="replace", null_replacement="\x00")
    digests = np.fromiter((hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest()
                           for s in joined.to_pylist()), dtype="S8", count=len(joined))
    return digests.view("<u8")


def _as_text(column: pa.Array) -> pa.Array:
    if pa.types.is_list(column.type):
        return pc.binary_join(column, "\x1f")
    return pc.cast(column, pa.string())


def compare(old: tuple[np.ndarray, np.ndarray], new: tuple[np.ndarray, np.ndarray]) -> dict[str, int]:
    """Count rows added, removed and changed (same key, other content) from `old` to `new`."""
    old_k, old_c = _unique(*old)
    new_k, new_c = _unique(*new)
    _, i_old, i_new = np.intersect1d(old_k, new_k, assume_unique=True, return_indices=True)
    return {"added": int(new_k.size - i_new.size), "removed": int(old_k.size - i_old.size),
            "changed": int(np.count_nonzero(old_c[i_old] != new_c[i_new])), "total": int(new[0].size)}


def _unique(keys: np.ndarray, contents: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    k, first = np.unique(keys, return_index=True)
    return k, contents[first]


def diff_release(previous: Path | None, tables: dict[str, pa.Table]) -> dict[str, dict[str, int]]:
    """Per table, rows added/removed/changed since the release in `previous` (all added without one)."""
    changes = {}
    for name, table in tables.items():
        key = KEYS.get(name, ())
        old_path = previous / f"{name}.parquet" if previous else None
        if old_path is None or not old_path.is_file():
            changes[name] = {"added": table.num_rows, "removed": 0, "changed": 0, "total": table.num_rows}
            continue
        old_file = TableFile(old_path)
        columns = [c for c in table.column_names if c in old_file.column_names]
        if not all(k in columns for k in key):
            key = ()
        old = row_digests(old_file.to_batches(_BATCH, columns), key, columns)
        new = row_digests(table.to_batches(max_chunksize=_BATCH), key, columns)
        changes[name] = compare(old, new)
    return changes


def schema_changes(old: dict | None, new: dict) -> list[str]:
    """Describe columns added, removed or retyped between two {table: [column spec]} maps."""
    if not old:
        return []
    lines = []
    for table in sorted(set(old) | set(new)):
        before = {c["name"]: (c["type"], c["nullable"]) for c in old.get(table, [])}
        after = {c["name"]: (c["type"], c["nullable"]) for c in new.get(table, [])}
        lines += [f"`{table}.{n}` added ({after[n][0]})" for n in after if n not in before]
        lines += [f"`{table}.{n}` removed" for n in before if n not in after]
        lines += [f"`{table}.{n}` changed from {before[n][0]} to {after[n][0]}"
                  + ("" if before[n][1] == after[n][1] else f", nullable {after[n][1]}")
                  for n in after if n in before and before[n] != after[n]]
    return lines


def entry(manifest: dict) -> str:
    """Return the Markdown CHANGELOG entry of one release manifest."""
    prev = manifest.get("previous_version")
    lines = [f"## [{manifest['version']}] - {manifest['released'][:10]}", ""]
    lines.append(f"Compared with {prev}." if prev else "First release.")
    lines += ["", "| table | added | removed | changed | rows now |", "|---|---:|---:|---:|---:|"]
    for name in ("stories", "documents", "quarantine"):
        c = manifest["changes"].get(name)
        if c:
            changed = c["changed"] if KEYS.get(name) else "–"
            lines.append(f"| {name} | {c['added']} | {c['removed']} | {changed} | {c['total']} |")
    if manifest.get("schema_changes"):
        lines += ["", "Schema changes:", ""] + [f"- {s}" for s in manifest["schema_changes"]]
    return "\n".join(lines) + "\n"


_HEADER = ("# Changelog\n\nEvery release of this dataset, newest first. Versions are semantic: MAJOR when a "
           "table's columns change, MINOR when records are added, PATCH for corrections. A row is "
           "*changed* when its id (doc_id, story_id) is kept and any value differs; quarantine rows have "
           "no id, so they are only added or removed.\n")


def write_changelog(manifest: dict, previous: Path | None, path: Path) -> None:
    """Write CHANGELOG.md: this release's entry above every entry of the previous release's changelog."""
    older = ""
    old_file = previous / "CHANGELOG.md" if previous else None
    if old_file is not None and old_file.is_file():
        text = old_file.read_text(encoding="utf-8")
        cut = text.find("\n## [")
        older = text[cut + 1:] if cut >= 0 else ""
    path.write_text(_HEADER + "\n" + entry(manifest) + ("\n" + older if older else ""), encoding="utf-8")
