"""Small release tables that pass every expectation, and helpers to break them one way at a time."""

from __future__ import annotations

import datetime as dt
import hashlib
import random

import pyarrow as pa

from flows.config import Config
from flows.model import Quarantined
from flows.schema import arrow_schema
from flows.tables import quarantine_table, stories_table

WORDS = ("officials said the talks on border trade and power lines would resume after the storm while "
         "council members voted on the budget for rescue crews along the coast minister agency report city "
         "harbour bridge farmers prices election court ruling hospital school river flood police inquiry "
         "company shares market ceasefire envoy summit treaty drought harvest strike union wages").split()
UTC = dt.timezone.utc


def hex_id(seed: str) -> str:
    """A 24-hex-digit id like the pipeline's."""
    return hashlib.sha256(seed.encode()).hexdigest()[:24]


def prose(seed: int, words: int = 70) -> str:
    """Deterministic filler paragraphs that end like a story."""
    pick = random.Random(seed)
    text = " ".join(pick.choice(WORDS) for _ in range(words))
    return f"{text[:1].upper()}{text[1:]}.\n\nThe meeting ended without a statement, {seed} officials said."


def doc(n: int, story: int | None = None, **fields) -> dict:
    """A documents row; the canonical of its own story unless `story` names another document."""
    doc_id, story_id = hex_id(f"doc{n}"), hex_id(f"doc{story if story is not None else n}")
    row = {
        "doc_id": doc_id, "story_id": story_id, "is_canonical": story is None,
        "similarity_to_canonical": 1.0 if story is None else 0.8, "source_path": f"in/{n:03d}.txt",
        "url": f"https://news{n}.example.com/a/{n}", "crawled_at": dt.datetime(2017, 10, 25, 8, 0, tzinfo=UTC),
        "input_format": "text", "encoding": "utf-8", "extraction_method": "wiredesk-textclean-1",
        "language": "en", "title": f"US and Russian generals meet over Syria, part {n}",
        "title_source": "first_line", "text": prose(n), "text_chars": 0,
        "published_date": dt.date(2017, 10, 23), "date_source": "date_line", "outlet": f"Courier {n}",
        "outlet_domain": f"news{n}.example.com", "outlet_source": "outlets_table",
        "dateline_raw": "WASHINGTON (AP) —", "dateline_place": "Washington", "agencies": ["AP"],
        "agencies_source": "dateline", "split_stories": 0,
    }
    row.update(fields)
    row["text_chars"] = len(row["text"]) if row["text"] is not None else 0
    return row


def good_rows() -> list[dict]:
    """Four documents: a story with two copies and two lone stories."""
    return [doc(1), doc(2, story=1), doc(3, agencies=[], agencies_source=None, dateline_raw=None),
            doc(4, published_date=dt.date(2015, 11, 17), crawled_at=None)]


def good_tables(cfg: Config, rows: list[dict] | None = None) -> dict[str, pa.Table]:
    """Documents, stories (built by the pipeline's own function) and quarantine, typed by schemas/."""
    documents = pa.Table.from_pylist(rows or good_rows(), schema=arrow_schema(cfg.schemas_dir, "documents"))
    rejected = [Quarantined("in/empty.txt", "ingest", "empty_file", "the file has 0 bytes")]
    return {"documents": documents, "stories": stories_table(documents, cfg),
            "quarantine": quarantine_table(rejected, cfg)}


def replace(table: pa.Table, column: str, changes: dict[int, object]) -> pa.Table:
    """Return the table with some rows of one column changed, keeping the column's declared type."""
    index = table.schema.get_field_index(column)
    values = table[column].to_pylist()
    for row, value in changes.items():
        values[row] = value
    field = table.schema.field(index)
    return table.set_column(index, field, pa.array(values, field.type))


def write_pages(folder, count: int, start: int = 0, paragraphs: int = 3) -> list[str]:
    """Write plain-text news pages like the seeds (headline, date line, prose); return their names."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for n in range(start, start + count):
        body = "\n\n".join(prose(n * 10 + p, words=60) for p in range(paragraphs))
        day = dt.date(2017, 1, 1) + dt.timedelta(days=n % 300)
        page = (f"Ministers meet on border trade, report number {n}\n\n{day:%A, %d %B %Y}\n\n"
                f"WASHINGTON (AP) — {body}\n")
        names.append(f"{n:04d}.txt")
        (folder / names[-1]).write_text(page, encoding="utf-8")
    return names
