"""Frictionless Data Package descriptor (`datapackage.json`) of a release: resources, schemas, checksums."""

from __future__ import annotations

import json
from pathlib import Path

from flows.csvfile import GUARD_NOTE
from flows.schema import TABLES, load_table_spec

_FRICTIONLESS = {"string": "string", "bool": "boolean", "int32": "integer", "int64": "integer",
                 "float64": "number", "date": "date", "timestamp": "datetime", "list<string>": "array"}
PARQUET_MIME = "application/vnd.apache.parquet"
# Stories point at the document that stands for them.
_FOREIGN_KEYS = {"stories": [("canonical_doc_id", "documents", "doc_id")]}


def _field(col: dict, fmt: str) -> dict:
    """One Table Schema field; in the CSV an empty cell is null, except in a column that cannot be null."""
    kind = _FRICTIONLESS[col["type"]]
    description = col["description"]
    if kind == "array":
        description += " In the CSV, a JSON array of strings."
        # Frictionless reads Parquet lists as arrays it does not recognise, so it checks them as 'any'.
        kind = kind if fmt == "csv" else "any"
    if kind == "string" and fmt == "csv":
        description += " " + GUARD_NOTE
    out = {"name": col["name"], "type": kind, "description": description}
    if not col["nullable"]:
        out["constraints"] = {"required": True}
        if kind == "string":
            out["missingValues"] = []  # an empty string is a value here, not a missing one
    return out


def _table_schema(table: str, schemas_dir: Path, fmt: str, suffix: str) -> dict:
    spec = load_table_spec(schemas_dir, table)
    schema: dict = {"fields": [_field(c, fmt) for c in spec["columns"]]}
    if spec.get("primary_key"):
        schema["primaryKey"] = [spec["primary_key"]]
    keys = [{"fields": [col], "reference": {"resource": ref + suffix, "fields": [ref_col]}}
            for col, ref, ref_col in _FOREIGN_KEYS.get(table, [])]
    if keys:
        schema["foreignKeys"] = keys
    return schema


def _resources(files: dict[str, dict], schemas_dir: Path) -> list[dict]:
    out = []
    for table in TABLES:
        description = load_table_spec(schemas_dir, table)["description"]
        out.append({"name": table, "path": f"{table}.parquet", "type": "table", "format": "parquet",
                    "mediatype": PARQUET_MIME, "description": description + " Canonical file.",
                    "schema": _table_schema(table, schemas_dir, "parquet", "")})
        csv_file = files[f"{table}.csv"]
        out.append({"name": f"{table}-csv", "path": f"{table}.csv", "type": "table", "format": "csv",
                    "mediatype": "text/csv", "encoding": "utf-8",
                    "bytes": csv_file["bytes"], "hash": f"sha256:{csv_file['sha256']}",
                    "description": description + " CSV twin of the Parquet file (RFC 4180).",
                    "dialect": {"header": True, "delimiter": ",", "lineTerminator": "\r\n",
                                "quoteChar": '"', "doubleQuote": True},
                    "schema": _table_schema(table, schemas_dir, "csv", "-csv")})
    return out


def datapackage(meta: dict, manifest: dict, schemas_dir: Path) -> dict:
    """Return the Frictionless Data Package (v2) descriptor of a release."""
    licence = meta["licence"]
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": meta["name"], "title": meta["title"], "description": meta["summary"],
        "version": manifest["version"], "created": manifest["released"],
        "keywords": meta["keywords"],
        "licenses": [{"name": licence["opendefinition"], "title": licence["title"]}],
        "contributors": [{"title": meta["publisher"], "roles": ["publisher"]}],
        "sources": [{"title": "News web pages read by wiredesk: see the url and source_path columns"}],
        "resources": _resources(manifest["files"], schemas_dir),
    }


def write_json(descriptor: dict, path: Path) -> None:
    """Write a descriptor as stable, human-readable UTF-8 JSON."""
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
