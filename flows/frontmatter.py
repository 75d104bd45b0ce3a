"""Hugging Face dataset-card YAML front matter: licence, languages, size, configs and every column."""

from __future__ import annotations

import json
from pathlib import Path

from flows.schema import TABLES, load_table_spec

# Hugging Face feature dtypes for our contract types; lists are sequences of strings.
_DTYPES = {"string": "string", "bool": "bool", "int32": "int32", "int64": "int64", "float64": "float64",
           "date": "date32", "timestamp": "timestamp[us, tz=UTC]"}
_SIZES = ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
          (10**7, "1M<n<10M"), (10**8, "10M<n<100M"), (10**9, "100M<n<1B"), (10**10, "1B<n<10B"),
          (10**11, "10B<n<100B"), (10**12, "100B<n<1T"))


def size_category(rows: int) -> str:
    """Return the Hugging Face size category of a row count."""
    for bound, name in _SIZES:
        if rows < bound:
            return name
    return "n>1T"


def _features(table: str, schemas_dir: Path) -> list[dict]:
    out = []
    for col in load_table_spec(schemas_dir, table)["columns"]:
        if col["type"].startswith("list<"):
            out.append({"name": col["name"], "sequence": "string"})
        else:
            out.append({"name": col["name"], "dtype": _DTYPES[col["type"]]})
    return out


def header(meta: dict, manifest: dict, schemas_dir: Path) -> dict:
    """Return the card's metadata as a dict in the order Hugging Face documents it."""
    languages = sorted(manifest["summary"]["languages"])
    rows = manifest["table_rows"]
    found = {"language": languages,
             "multilinguality": "multilingual" if len(languages) > 1 else "monolingual"} if languages else {}
    return {
        "pretty_name": meta["title"],
        "license": meta["licence"]["huggingface"],
        "license_name": meta["licence"]["huggingface_name"],
        **found,  # no language key at all rather than an empty list when none was detected
        "size_categories": [size_category(rows["documents"])],
        "source_datasets": ["original"],
        "annotations_creators": ["machine-generated"],
        "language_creators": ["found"],
        "tags": meta["keywords"],
        "configs": [{"config_name": t, "data_files": [{"split": "train", "path": f"{t}.parquet"}],
                     **({"default": True} if t == "stories" else {})} for t in TABLES],
        "dataset_info": [{
            "config_name": t, "features": _features(t, schemas_dir),
            "splits": [{"name": "train", "num_bytes": manifest["table_bytes"][t], "num_examples": rows[t]}],
            "download_size": manifest["files"][f"{t}.parquet"]["bytes"],
            "dataset_size": manifest["table_bytes"][t],
        } for t in TABLES],
    }


def to_yaml(value: object, indent: int = 0) -> list[str]:
    """Render dicts, lists and scalars as block YAML; strings are JSON-quoted, which YAML reads as-is."""
    pad = "  " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:")
                lines += to_yaml(item, indent + 1)
            else:
                lines.append(f"{pad}{key}: {_scalar(item)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)) and item:
                sub = to_yaml(item, indent + 1)
                lines.append(f"{pad}- {sub[0].lstrip()}")
                lines += sub[1:]
            else:
                lines.append(f"{pad}- {_scalar(item)}")
    return lines


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, dict)):
        return "[]" if isinstance(value, list) else "{}"
    return json.dumps(str(value), ensure_ascii=False)


def front_matter(meta: dict, manifest: dict, schemas_dir: Path) -> str:
    """Return the `---`-fenced YAML block that opens README.md."""
    return "---\n" + "\n".join(to_yaml(header(meta, manifest, schemas_dir))) + "\n---\n"
