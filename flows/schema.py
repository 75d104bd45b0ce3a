"""Table contracts read from `schemas/`: column names, types, nullability, descriptions."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

TABLES = ("documents", "stories", "quarantine")

_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "bool": pa.bool_(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us", tz="UTC"),
    "list<string>": pa.list_(pa.string()),
}


@lru_cache(maxsize=None)
def load_table_spec(schemas_dir: Path, table: str) -> dict:
    """Return the parsed JSON contract of one table."""
    return json.loads((schemas_dir / f"{table}.json").read_text(encoding="utf-8"))


def arrow_schema(schemas_dir: Path, table: str) -> pa.Schema:
    """Return the pyarrow schema of a table, with column descriptions as field metadata."""
    spec = load_table_spec(schemas_dir, table)
    fields = [
        pa.field(c["name"], _TYPES[c["type"]], nullable=c["nullable"],
                 metadata={"description": c["description"]})
        for c in spec["columns"]
    ]
    return pa.schema(fields, metadata={"table": table, "description": spec["description"]})


def column_names(schemas_dir: Path, table: str) -> list[str]:
    """Return a table's column names in contract order."""
    return [c["name"] for c in load_table_spec(schemas_dir, table)["columns"]]


def schema_fingerprint(schemas_dir: Path) -> str:
    """Return a short digest of every table's column names and types: it changes only with the schema."""
    import hashlib

    parts = []
    for table in TABLES:
        spec = load_table_spec(schemas_dir, table)
        parts += [f"{table}.{c['name']}:{c['type']}:{c['nullable']}" for c in spec["columns"]]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
