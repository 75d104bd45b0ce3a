"""Scores on the development sets with gold labels, printed beside the published baselines."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from devdata import devdata_dir, extraction_pages, scorer
from flows import extract, ingest, tag, textclean
from flows.config import build_config
from flows.model import Quarantined, RawDoc

# trafilatura 2.3.1 defaults on the extraction set, as published with the dev data.
TRAFILATURA_EXTRACTION = {"snip_F1": 0.935, "title_exact": 0.576, "date_acc": 0.902}
# Baselines on the textdump set (devdata README): trafilatura on the dump wrapped in <p> tags, and the whole
# dump as body with its first line as title; targets for the plain-text path.
TEXTDUMP_BASELINES = {"trafilatura, <p>-wrapped dump": {"snip_F1": 0.709, "title_exact": 0.000, "date_acc": 0.676},
                      "no cleaning, first line as title": {"snip_F1": 0.708, "title_exact": 0.104, "date_acc": None}}
TEXTDUMP_TARGET = {"snip_F1": 0.90, "title_exact": 0.90}


def _html_rows(pages, with_url: bool) -> list[dict]:
    cfg = build_config()
    rows = []
    for gold, data in pages:
        raw = ingest.raw_from_bytes(data, gold["file"], "html", gold["url"] if with_url else None)
        ex = raw if isinstance(raw, Quarantined) else extract.extract(raw, cfg)
        if isinstance(ex, Quarantined):
            rows.append({"id": gold["id"], "text": None})
            continue
        doc = tag.tag(raw, ex, cfg)
        rows.append({"id": gold["id"], "text": doc.text, "title": doc.title,
                     "date": doc.published_date.isoformat() if doc.published_date else None})
    return rows


def _text_rows(gold_path) -> list[dict]:
    cfg = build_config()
    rows = []
    with gold_path.open(encoding="utf-8") as handle:
        for gold in map(json.loads, handle):
            text = (gold_path.parent / gold["file"]).read_text(encoding="utf-8")
            raw = RawDoc(gold["id"], gold["file"], "text", text, "utf-8")
            doc = tag.tag(raw, textclean.clean(text, cfg), cfg)  # the scorer sees every body, however short
            rows.append({"id": gold["id"], "text": doc.text, "title": doc.title,
                         "date": doc.published_date.isoformat() if doc.published_date else None})
    return rows


def _score(rows: list[dict], tmp_path, name: str, dataset: str = "extraction") -> dict:
    pred, out = tmp_path / f"{name}.jsonl", tmp_path / f"{name}.json"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    gold = devdata_dir() / dataset / "gold.jsonl"
    subprocess.run([sys.executable, str(scorer("score_extraction.py")), str(gold), str(pred),
                    "--json", str(out), "--n-bootstrap", "100"], check=True, capture_output=True)
    return json.loads(out.read_text())["ALL"]


def test_extraction_scores(tmp_path):
    pages = extraction_pages()
    if not pages or not scorer("score_extraction.py").is_file():
        pytest.skip("extraction dev set not present")
    print(f"\nextraction dev set, {len(pages)} pages     snipF1  tExact  dAcc   (dAcc1 dCov)")
    for name, with_url in (("wiredesk, no URL", False), ("wiredesk, URL known", True)):
        s = _score(_html_rows(pages, with_url), tmp_path, name.split(",")[1].strip().replace(" ", "_"))
        print(f"  {name:<32} {s['snip_F1']:.3f}   {s['title_exact']:.3f}   {s['date_acc']:.3f}"
              f"  ({s['date_acc1']:.3f} {s['date_cov']:.3f})")
        assert s["title_exact"] > TRAFILATURA_EXTRACTION["title_exact"]
    t = TRAFILATURA_EXTRACTION
    print(f"  {'trafilatura 2.3.1 defaults':<32} {t['snip_F1']:.3f}   {t['title_exact']:.3f}   {t['date_acc']:.3f}")


def test_textdump_scores(tmp_path):
    gold = devdata_dir() / "textdump" / "gold.jsonl"
    if not gold.is_file() or not scorer("score_extraction.py").is_file():
        pytest.skip("textdump dev set not present")
    s = _score(_text_rows(gold), tmp_path, "textdump", "textdump")
    print(f"\ntextdump dev set, {s['title_n']} dumps          snipF1  tExact  dAcc   (dAcc1 dCov dPrec)")
    print(f"  {'wiredesk plain-text path':<32} {s['snip_F1']:.3f}   {s['title_exact']:.3f}   {s['date_acc']:.3f}"
          f"  ({s['date_acc1']:.3f} {s['date_cov']:.3f} {s['date_prec']:.3f})")
    for name, b in TEXTDUMP_BASELINES.items():
        day = "  –  " if b["date_acc"] is None else f"{b['date_acc']:.3f}"
        print(f"  {name:<32} {b['snip_F1']:.3f}   {b['title_exact']:.3f}   {day}")
    t = TEXTDUMP_TARGET
    print(f"  {'target':<32} {t['snip_F1']:.3f}   {t['title_exact']:.3f}")
    assert s["snip_F1"] > max(b["snip_F1"] for b in TEXTDUMP_BASELINES.values())
    assert s["title_exact"] > max(b["title_exact"] for b in TEXTDUMP_BASELINES.values())


def test_syndication_scores(prefect_harness, tmp_path):
    from flows.pipeline import build_release

    folder = devdata_dir() / "syndication"
    if not (folder / "docs").is_dir() or not scorer("score_dedup.py").is_file():
        pytest.skip("syndication dev set not present")
    build_release(input_dir=str(folder / "docs"), output_dir=str(tmp_path / "out"))
    documents = tmp_path / "out" / "releases" / "latest" / "documents.parquet"
    scored = subprocess.run([sys.executable, str(scorer("score_dedup.py")), str(folder / "gold.csv"),
                             str(documents), "--pred-id-col", "source_path"],
                            capture_output=True, text=True, check=True)
    print("\nsyndication dev set: the wiredesk release scored by score_dedup.py")
    print(scored.stdout)
    print("  baselines (dev data README): MinHash-LSH J>=0.5 ARI 0.792; containment>=0.5 ARI 0.964")
