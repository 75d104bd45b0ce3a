"""Small, hand-made release tables for the release, site and download tests."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from flows.config import Config
from flows.model import Quarantined
from flows.schema import arrow_schema
from flows.tables import quarantine_table, stories_table

WORDS = ("minister talks border trade wire agency report said officials on the of a in to and for "
         "with from after over city council vote budget storm coast rescue crews power lines").split()


def body(seed: int, words: int = 80) -> str:
    """Deterministic filler prose: a different text for each seed."""
    return " ".join(WORDS[(seed * 7 + i * (seed + 3)) % len(WORDS)] for i in range(words)) + "."


def doc(doc_id: str, story_id: str | None = None, text: str | None = None, **fields) -> dict:
    """One documents row; the canonical copy of its story unless `story_id` names another."""
    story = story_id or doc_id
    row = {
        "doc_id": doc_id, "story_id": story, "is_canonical": story == doc_id,
        "similarity_to_canonical": 1.0 if story == doc_id else 0.8,
        "source_path": f"{doc_id}.txt", "url": None, "crawled_at": None, "input_format": "text",
        "encoding": "utf-8", "extraction_method": "textclean", "language": "en",
        "title": f"Title {doc_id}", "title_source": "first_line",
        "text": text or body(int(doc_id[-2:], 16)), "text_chars": 0,
        "published_date": dt.date(2024, 3, 1), "date_source": "date_line", "outlet": "Daily Example",
        "outlet_domain": None, "outlet_source": "sitename", "dateline_raw": None, "dateline_place": None,
        "agencies": ["AP"], "agencies_source": "dateline", "split_stories": 0,
    }
    row.update(fields)
    row["text_chars"] = len(row["text"])
    return row


def tables(rows: list[dict], cfg: Config, rejected: list[Quarantined] = ()) -> dict[str, pa.Table]:
    """Documents, stories and quarantine tables typed by the contracts."""
    documents = pa.Table.from_pylist(rows, schema=arrow_schema(cfg.schemas_dir, "documents"))
    return {"documents": documents, "stories": stories_table(documents, cfg),
            "quarantine": quarantine_table(list(rejected), cfg)}


def counts(t: dict[str, pa.Table]) -> dict:
    """The pipeline's counts for hand-made tables."""
    return {"inputs": t["documents"].num_rows + t["quarantine"].num_rows, "documents": t["documents"].num_rows,
            "stories": t["stories"].num_rows, "quarantined": t["quarantine"].num_rows,
            "quarantine_by_reason": {}}


def first_rows() -> list[dict]:
    """Release one: a story with two copies, a lone story, awkward text for the CSV and the page."""
    return [
        doc("a0000000000000000000aa01", text="=HYPERLINK(\"http://x\") \"quoted\", comma\nnew line é “curly” "
            + body(1), outlet="The <b>Bold</b> & Co", agencies=["AP"]),
        doc("a0000000000000000000aa02", story_id="a0000000000000000000aa01", outlet="Daily Example",
            crawled_at=dt.datetime(2024, 3, 2, 8, 30, tzinfo=dt.timezone.utc)),
        doc("a0000000000000000000aa03", published_date=None, agencies=[], outlet=None, language=None,
            title="-5 degrees tonight"),
    ]


def second_rows() -> list[dict]:
    """Release two: everything of release one, one more copy of the lone story, one new story."""
    rows = first_rows()
    rows.append(doc("a0000000000000000000aa04", story_id="a0000000000000000000aa03",
                    published_date=dt.date(2024, 3, 5), outlet="Coast Herald"))
    rows.append(doc("a0000000000000000000aa05", published_date=dt.date(2024, 3, 9), agencies=["AFP", "Reuters"],
                    outlet="Coast Herald"))
    return rows


def first_tables(cfg: Config) -> dict[str, pa.Table]:
    """Release one's tables: three documents and one rejected input."""
    return tables(first_rows(), cfg, [Quarantined("empty.txt", "ingest", "empty_file", "")])


def second_tables(cfg: Config) -> dict[str, pa.Table]:
    """Release two's tables: five documents and two rejected inputs."""
    return tables(second_rows(), cfg, [Quarantined("empty.txt", "ingest", "empty_file", ""),
                                       Quarantined("menu.txt", "extract", "no_body", "12 characters")])


def two_releases(cfg: Config) -> list:
    """Publish release one, then release two, into cfg's output folder; return both outcomes."""
    from flows.release import publish

    first, second = first_tables(cfg), second_tables(cfg)
    return [publish(first, counts(first), {"success": True}, cfg),
            publish(second, counts(second), {"success": True}, cfg)]
