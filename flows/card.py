"""The dataset card `README.md` of a release: what it holds, how to load, verify and cite it, and its limits."""

from __future__ import annotations

from pathlib import Path

from flows import changelog
from flows.citation import bibtex
from flows.config import Config
from flows.csvfile import GUARD_NOTE
from flows.frontmatter import front_matter
from flows.schema import TABLES, load_table_spec

# Dedup knobs the card reports, with what each means; missing ones are skipped.
_CLUSTER_KNOBS = (
    ("shingle_size", "words per shingle (word n-grams of the lower-cased body)"),
    ("minhash_perm", "MinHash permutations per document"),
    ("lsh_bands", "LSH bands (candidate pairs share one band)"),
    ("lsh_rows", "rows per LSH band"),
    ("containment_threshold", "share of the shorter text's shingles a copy must share with its canonical"),
    ("min_shared_shingles", "shingles a copy must share at least"),
    ("long_overlap_shingles", "shared shingles that make a copy whatever the share"),
    ("max_copy_days", "most days between the publication dates of two copies"),
)


def write_card(meta: dict, manifest: dict, cfg: Config, url: str | None, path: Path) -> None:
    """Write README.md: Hugging Face front matter, then the card's sections."""
    sections = [_intro(meta, manifest), _files(manifest, path.parent), _loading(url),
                _structure(cfg.schemas_dir), _clustering(cfg), _provenance(manifest),
                _limitations(manifest), _licence(meta), _changes(manifest),
                _citation(meta, manifest, url)]
    text = front_matter(meta, manifest, cfg.schemas_dir) + "\n" + "\n".join(sections)
    path.write_text(text, encoding="utf-8")


def _md(text: object) -> str:
    """Make a value safe inside a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _intro(meta: dict, manifest: dict) -> str:
    s, rows = manifest["summary"], manifest["table_rows"]
    span = f"{s['first_day']} to {s['last_day']}" if s["first_day"] else "no dated documents"
    return "\n".join([
        f"# {meta['title']} — release {manifest['version']}", "", meta["summary"], "",
        f"Released {manifest['released'][:10]}.", "",
        "| | |", "|---|---|",
        f"| stories | {rows['stories']:,} |", f"| documents (copies) | {rows['documents']:,} |",
        f"| rejected inputs (quarantine) | {rows['quarantine']:,} |",
        f"| outlets | {s['outlets']:,} |", f"| publication dates | {span} |",
        f"| languages | {', '.join(_md(k) for k in s['languages']) or 'unknown'} |", ""])


def _files(manifest: dict, folder: Path) -> str:
    lines = ["## Files", "", "Parquet is the canonical format; each table also comes as CSV.", "",
             "| file | bytes | SHA-256 |", "|---|---:|---|"]
    for name in sorted(n for n in manifest["files"] if n.rsplit(".", 1)[-1] in ("parquet", "csv")):
        info = manifest["files"][name]
        lines.append(f"| [{name}]({name}) | {info['bytes']:,} | `{info['sha256']}` |")
    report = "validation/index.html" if (folder / "validation" / "index.html").is_file() \
        else "validation/results.json"
    lines += ["", "Check every file after download with `sha256sum -c SHA256SUMS` (run inside the "
              "release folder). Also here: [datapackage.json](datapackage.json) (Frictionless Data "
              "Package: `frictionless validate datapackage.json`), [croissant.json](croissant.json) "
              "(MLCommons Croissant), [CHANGELOG.md](CHANGELOG.md), [CITATION.cff](CITATION.cff), "
              f"[manifest.json](manifest.json) and the [validation report]({report}) that let this "
              "release through.", ""]
    return "\n".join(lines)


def _loading(url: str | None) -> str:
    where = url or ""
    return "\n".join([
        "## Loading", "",
        "pandas reads a file or its URL" + (f" (`{url}…`)" if url else " (its address on the site)")
        + "; pyarrow and DuckDB read the downloaded file (DuckDB reads URLs through its httpfs extension).", "",
        "```python", "import pandas as pd",
        f'stories = pd.read_parquet("{where}stories.parquet")',
        f'documents = pd.read_parquet("{where}documents.parquet")', "```", "",
        "```python", "import pyarrow.parquet as pq",
        'documents = pq.read_table("documents.parquet")', "```", "",
        "```python", "import duckdb",
        "duckdb.sql(\"SELECT outlet, count(*) AS copies FROM 'documents.parquet' "
        "GROUP BY outlet ORDER BY copies DESC\").df()", "```", "",
        "Without extra arguments pandas gives strings as `str`, dates as `datetime.date` values, "
        "`crawled_at` as a UTC timestamp and list columns as arrays of strings. Pass "
        '`dtype_backend="pyarrow"` to keep Arrow types (`date32[day]` with the `.dt` accessor, '
        "`list<string>` with the `.list` accessor).", ""])


def _structure(schemas_dir: Path) -> str:
    lines = ["## Structure", ""]
    for table in TABLES:
        spec = load_table_spec(schemas_dir, table)
        key = f" Key: `{spec['primary_key']}`." if spec.get("primary_key") else ""
        lines += [f"### `{table}`", "", spec["description"] + key, "",
                  "| column | type | null? | meaning |", "|---|---|---|---|"]
        lines += [f"| `{c['name']}` | {_md(c['type'])} | {'yes' if c['nullable'] else 'no'} | "
                  f"{_md(c['description'])} |" for c in spec["columns"]]
        lines.append("")
    lines += ["In the CSV files every field is quoted (RFC 4180, UTF-8, CRLF line ends; line breaks "
              "inside a value stay inside its quotes), an empty cell is null, list columns are JSON "
              "arrays, and booleans are `true`/`false`. " + GUARD_NOTE, ""]
    return "\n".join(lines)


def _clustering(cfg: Config) -> str:
    knobs = [f"| `{name}` | {getattr(cfg, name)} | {what} |" for name, what in _CLUSTER_KNOBS
             if hasattr(cfg, name)]
    return "\n".join([
        "## How copies are clustered", "",
        "Every input document is kept as a row of `documents`; copies of one syndicated story share a "
        "`story_id`, and `stories` has one row per story. Files with identical bytes are kept once (the "
        "others are in `quarantine` as `duplicate_content`). Each body is cut into word shingles; MinHash "
        "with locality-sensitive hashing proposes candidate pairs, and a candidate joins a story only "
        "when its shingles overlap the story's canonical copy enough (checked exactly, not estimated). "
        "The canonical copy is chosen in a fixed order: a wire agency's own copy, then the fullest "
        "text, the earliest date, the smallest `doc_id`. `similarity_to_canonical` is the share of a "
        "copy's shingles found in the canonical copy.", "",
        "Ids are stable: `doc_id` is derived from a document's raw bytes and `story_id` from its "
        "canonical copy's `doc_id`, so the same content keeps its ids in every release.", "",
        "| setting | value | meaning |", "|---|---|---|", *knobs, ""])


def _provenance(manifest: dict) -> str:
    s, counts = manifest["summary"], manifest.get("counts", {})
    rejected = counts.get("quarantine_by_reason", {})
    lines = ["## Provenance", "",
             f"Built by wiredesk {manifest['wiredesk_version']} (Parquet written by pyarrow "
             f"{manifest['pyarrow_version']}) through the stages ingest, extract, tag, dedup, validate and "
             "release. Each document keeps where it was read (`source_path`), its URL and fetch time when "
             "the input said them, the tool that extracted it (`extraction_method`) and, for every tag, "
             "which evidence gave it (`*_source` columns).", "",
             f"- inputs read: {counts.get('inputs', 'n/a')}",
             "- input formats: " + (", ".join(f"{k} {v:,}" for k, v in s["input_formats"].items()) or "none"),
             "- extraction: " + (", ".join(f"`{_md(k)}` {v:,}" for k, v in s["extraction_methods"].items())
                                 or "none"),
             "- rejected, by stage/reason: " + (", ".join(f"{k} {v:,}" for k, v in rejected.items())
                                                 or "none"), ""]
    return "\n".join(lines)


def _limitations(manifest: dict) -> str:
    s, docs = manifest["summary"], manifest["table_rows"]["documents"]
    no_language = docs - sum(s["languages"].values())
    return "\n".join([
        "## Known limitations", "",
        "- Every tag is extracted automatically from the page and is null rather than guessed when the "
        f"page does not say: {s['undated_documents']:,} of {docs:,} documents have no publication date, "
        f"{s['unknown_outlet_documents']:,} no known outlet, {no_language:,} no language, and "
        f"{s['documents_without_agency']:,} credit no wire agency.",
        "- Plain-text inputs carry no URL, so their outlet is known only when the text names it.",
        "- Clustering is approximate: heavily rewritten copies can stay apart and short stories built "
        "from stock phrases can be joined. The thresholds are listed above.",
        "- Site furniture that looks like prose can survive extraction; a few stories may be cut short.",
        "- The corpus holds what was fed to the pipeline; it is not a sample of any outlet's output.", ""])


def _licence(meta: dict) -> str:
    licence = meta["licence"]
    return "\n".join(["## Licence", "", f"**{licence['title']}.** {licence['note']}", ""])


def _changes(manifest: dict) -> str:
    prev = manifest.get("previous_version")
    lines = ["## Changes", "", f"Since {prev}:" if prev else "First release:", "",
             "| table | added | removed | changed |", "|---|---:|---:|---:|"]
    for name in TABLES:
        c = manifest["changes"][name]
        changed = f"{c['changed']:,}" if changelog.KEYS.get(name) else "–"
        lines.append(f"| {name} | {c['added']:,} | {c['removed']:,} | {changed} |")
    return "\n".join(lines + ["", "Every release is listed in [CHANGELOG.md](CHANGELOG.md).", ""])


def _citation(meta: dict, manifest: dict, url: str | None) -> str:
    return "\n".join(["## How to cite", "",
                      f"Cite the exact version you used (here {manifest['version']}); "
                      "[CITATION.cff](CITATION.cff) says the same for reference managers.", "",
                      "```bibtex", bibtex(meta, manifest, url), "```", ""])
