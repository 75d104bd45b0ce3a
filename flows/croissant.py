"""MLCommons Croissant 1.0 descriptor (`croissant.json`) of a release: files, checksums, typed fields."""

from __future__ import annotations

from pathlib import Path

from flows.schema import TABLES, load_table_spec

_TYPES = {"string": "sc:Text", "bool": "sc:Boolean", "int32": "sc:Integer", "int64": "sc:Integer",
          "float64": "sc:Float", "date": "sc:Date", "timestamp": "sc:DateTime", "list<string>": "sc:Text"}
# The MIME type mlcroissant reads Parquet by.
PARQUET_MIME = "application/x-parquet"

CONTEXT = {
    "@language": "en", "@vocab": "https://schema.org/", "citeAs": "cr:citeAs", "column": "cr:column",
    "conformsTo": "dct:conformsTo", "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/", "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"}, "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"}, "extract": "cr:extract", "field": "cr:field",
    "fileProperty": "cr:fileProperty", "fileObject": "cr:fileObject", "fileSet": "cr:fileSet",
    "format": "cr:format", "includes": "cr:includes", "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath", "key": "cr:key", "md5": "cr:md5", "parentField": "cr:parentField",
    "path": "cr:path", "recordSet": "cr:recordSet", "references": "cr:references", "regex": "cr:regex",
    "repeated": "cr:repeated", "replace": "cr:replace", "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator", "source": "cr:source", "subField": "cr:subField",
    "transform": "cr:transform",
}


def _file_object(name: str, info: dict, mime: str) -> dict:
    return {"@type": "cr:FileObject", "@id": name, "name": name, "contentUrl": name,
            "encodingFormat": mime, "contentSize": f"{info['bytes']} B", "sha256": info["sha256"]}


def _record_set(table: str, schemas_dir: Path) -> dict:
    spec = load_table_spec(schemas_dir, table)
    fields = []
    for col in spec["columns"]:
        field = {"@type": "cr:Field", "@id": f"{table}/{col['name']}", "name": col["name"],
                 "description": col["description"], "dataType": _TYPES[col["type"]],
                 "source": {"fileObject": {"@id": f"{table}.parquet"}, "extract": {"column": col["name"]}}}
        if col["type"].startswith("list<"):
            field["repeated"] = True
        fields.append(field)
    out = {"@type": "cr:RecordSet", "@id": table, "name": table, "description": spec["description"],
           "field": fields}
    if spec.get("primary_key"):
        out["key"] = {"@id": f"{table}/{spec['primary_key']}"}
    return out


def croissant(meta: dict, manifest: dict, citation: str, url: str, schemas_dir: Path) -> dict:
    """Return the Croissant JSON-LD of a release; file URLs are relative to the release folder."""
    files = manifest["files"]
    distribution = [_file_object(f"{t}.parquet", files[f"{t}.parquet"], PARQUET_MIME) for t in TABLES]
    distribution += [_file_object(f"{t}.csv", files[f"{t}.csv"], "text/csv") for t in TABLES]
    licence = meta["licence"]
    return {
        "@context": CONTEXT, "@type": "sc:Dataset", "name": meta["name"],
        "alternateName": meta["title"], "description": meta["summary"],
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "license": f"{licence['title']}. {licence['note']}", "url": url,
        "version": manifest["version"], "datePublished": manifest["released"][:10],
        "citeAs": citation, "keywords": meta["keywords"],
        "creator": {"@type": "sc:Organization", "name": meta["publisher"]},
        "rai:dataCollection": "Web pages (HTML, plain-text dumps, WARC, JSONL) read by the wiredesk "
                              "pipeline: ingest, extract, tag, dedup, validate, release.",
        "rai:dataLimitations": "Tags are extracted automatically and are null when a page does not say; "
                               "clustering of syndicated copies is approximate. See README.md.",
        "distribution": distribution,
        "recordSet": [_record_set(t, schemas_dir) for t in TABLES],
    }
