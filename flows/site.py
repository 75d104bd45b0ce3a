"""The download site: `output/releases.json` and `output/index.html` listing every release, with charts."""

from __future__ import annotations

import json
import os
import re
from html import escape
from pathlib import Path

from flows import charts
from flows.config import Config

_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
DATA_FORMATS = ("parquet", "csv")
_ORDER = {"stories": 0, "documents": 1, "quarantine": 2}
# Files every release links besides its data, with how the page names them.
_LINKS = (("README.md", "dataset card"), ("CHANGELOG.md", "changelog"), ("SHA256SUMS", "checksums"),
          ("datapackage.json", "Frictionless"), ("croissant.json", "Croissant"),
          ("CITATION.cff", "citation"), ("validation/index.html", "validation report"),
          ("validation/results.json", "validation results"))


def versions(releases_dir: Path) -> list[Path]:
    """Return the release folders under `releases_dir`, oldest version first (`latest` excluded)."""
    if not releases_dir.is_dir():
        return []
    found = [p for p in releases_dir.iterdir() if _VERSION.match(p.name) and p.is_dir() and not p.is_symlink()]
    return sorted(found, key=lambda p: tuple(int(x) for x in p.name.split(".")))


def collect(releases_dir: Path) -> list[dict]:
    """Return every release's manifest, newest first, each with the files it actually has."""
    out = []
    for folder in reversed(versions(releases_dir)):
        manifest_file = folder / "manifest.json"
        if not manifest_file.is_file():
            continue
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
        manifest["links"] = [(name, label) for name, label in _LINKS if (folder / name).is_file()]
        out.append(manifest)
    return out


def _entry(m: dict) -> dict:
    base = f"releases/{m['version']}/"
    files = [{"name": n, "url": base + n, "bytes": f["bytes"], "sha256": f["sha256"]}
             for n, f in sorted(m["files"].items()) if n.rsplit(".", 1)[-1] in DATA_FORMATS]
    rows = m.get("table_rows") or {k: m["counts"].get(k) for k in ("documents", "stories")}
    return {"version": m["version"], "released": m.get("released"),
            "previous_version": m.get("previous_version"), "url": base, "rows": rows,
            "changes": m.get("changes"), "files": files,
            "links": {label: base + name for name, label in m["links"]}, "summary": m.get("summary")}


def catalogue(manifests: list[dict], cfg: Config) -> dict:
    """Return the releases.json document: every release with date, counts, files, checksums, links."""
    return {"name": "wiredesk", "base_url": cfg.base_url,
            "latest": manifests[0]["version"] if manifests else None,
            "releases": [_entry(m) for m in manifests]}


def build(cfg: Config) -> None:
    """Rewrite output/releases.json and output/index.html from the release folders, atomically."""
    manifests = collect(cfg.releases_dir)
    entries = catalogue(manifests, cfg)
    _replace(cfg.output_dir / "releases.json",
             json.dumps(entries, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    _replace(cfg.output_dir / "index.html", page(entries))


def _replace(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a full disk leaves neither a half-written page nor its temporary file
        raise


def human(size: int) -> str:
    """Return a byte count in kB/MB/GB (powers of 1000), as file browsers show it."""
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:,} {unit}" if unit == "B" else f"{size:,.1f} {unit}"
        size /= 1000
    return str(size)


_STYLE = """body{font-family:sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}
td.n{text-align:right}code{font-size:.85em}section{border-top:2px solid #2f6f9f;margin-top:2em}
.charts svg{display:block;margin:.5em 0}"""


def page(catalogue_doc: dict) -> str:
    """Return the whole index page; every value that came from data is HTML-escaped."""
    entries = catalogue_doc["releases"]
    rows = "".join(_summary_row(e) for e in entries)
    body = "".join(_release_section(e, i == 0) for i, e in enumerate(entries))
    latest = escape(catalogue_doc["latest"] or "none yet")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>wiredesk releases</title><style>{_STYLE}</style></head><body>"
        "<h1>wiredesk releases</h1>"
        f"<p>{len(entries)} release(s); latest: <strong>{latest}</strong> "
        '(also at <a href="releases/latest/">releases/latest/</a>). Machine-readable list: '
        '<a href="releases.json">releases.json</a>. Load a table straight from this site with '
        "<code>pandas.read_parquet(&quot;&lt;this site&gt;/releases/latest/stories.parquet&quot;)</code>; "
        "check a download with <code>sha256sum -c SHA256SUMS</code>.</p>"
        "<table><thead><tr><th>version</th><th>released</th><th>stories</th><th>documents</th>"
        "<th>quarantined</th><th>new stories</th><th>new documents</th><th>Parquet size</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{body}</body></html>\n")


def _summary_row(e: dict) -> str:
    rows, changes = e["rows"], e.get("changes") or {}
    parquet = sum(f["bytes"] for f in e["files"] if f["name"].endswith(".parquet"))
    cells = [f'<a href="#v{escape(e["version"])}">{escape(e["version"])}</a>',
             escape((e.get("released") or "")[:10])]
    numbers = [rows.get("stories"), rows.get("documents"), rows.get("quarantine"),
               (changes.get("stories") or {}).get("added"), (changes.get("documents") or {}).get("added")]
    cells += [f"{n:,}" if isinstance(n, int) else "" for n in numbers] + [human(parquet)]
    return "<tr>" + "".join(f'<td class="n">{c}</td>' if i > 1 else f"<td>{c}</td>"
                            for i, c in enumerate(cells)) + "</tr>"


def _release_section(e: dict, is_latest: bool) -> str:
    v = escape(e["version"])
    files = "".join(
        f'<tr><td><a href="{escape(f["url"])}">{escape(f["name"])}</a></td>'
        f'<td class="n">{human(f["bytes"])}</td><td><code>{escape(f["sha256"])}</code></td></tr>'
        for f in e["files"])
    links = " · ".join(f'<a href="{escape(url)}">{escape(label)}</a>' for label, url in e["links"].items())
    prev = e.get("previous_version")
    since = f" since {escape(prev)}" if prev else ""
    found = e.get("changes") or {}
    changes = "".join(
        f"<li>{escape(t)}: {c['added']:,} added, {c['removed']:,} removed, {c['changed']:,} changed{since}</li>"
        for t, c in sorted(found.items(), key=lambda kv: _ORDER.get(kv[0], 9)))
    return (f'<section id="v{v}"><h2>Release {v}{" (latest)" if is_latest else ""}</h2>'
            f"<p>Released {escape((e.get('released') or '')[:10])}. {links}</p><ul>{changes}</ul>"
            "<table><thead><tr><th>file</th><th>size</th><th>SHA-256</th></tr></thead>"
            f"<tbody>{files}</tbody></table>{_charts(e)}</section>")


def _charts(e: dict) -> str:
    s = e.get("summary")
    if not s:
        return "<p>No summary figures for this release.</p>"
    v = e["version"]
    undated = s.get("undated_documents", 0)
    return ('<div class="charts"><h3>Documents over time</h3>'
            + charts.timeline(s["documents_per_day"], f"Documents by publication day in release {v}")
            + f"<p>{undated:,} document(s) without a publication date are not shown.</p>"
            + "<h3>Top outlets</h3>" + charts.hbars([tuple(x) for x in s["top_outlets"]],
                                                     f"Top outlets in release {v}", "no outlet known")
            + "<h3>Top agencies</h3>" + charts.hbars([tuple(x) for x in s["top_agencies"]],
                                                      f"Top agencies in release {v}", "no agency credited")
            + "<h3>Copies per story</h3>" + charts.copies(s["copies_per_story"],
                                                          f"Stories by number of copies in release {v}")
            + "</div>")


def terminal_table(catalogue_doc: dict, releases_dir: Path) -> str:
    """Return the releases as an aligned plain-text table for the terminal, newest first."""
    head = ("version", "released", "stories", "documents", "quarantined", "parquet", "documents.parquet sha256",
            "folder")
    rows = [head]
    for e in catalogue_doc["releases"]:
        parquet = sum(f["bytes"] for f in e["files"] if f["name"].endswith(".parquet"))
        digest = next((f["sha256"] for f in e["files"] if f["name"] == "documents.parquet"), "")
        mark = " *" if e["version"] == catalogue_doc["latest"] else ""
        rows.append((e["version"] + mark, (e.get("released") or "")[:10],
                     *(f"{e['rows'].get(k) or 0:,}" for k in ("stories", "documents", "quarantine")),
                     human(parquet), digest[:16], str(releases_dir / e["version"])))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    right = {2, 3, 4, 5}
    lines = ["  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths)))
             .rstrip() for r in rows]
    return "\n".join(lines) + "\n* latest\n"
