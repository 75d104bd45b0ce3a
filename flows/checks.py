"""Record-level checks: null a field that cannot be right, quarantine a record that is not a clean story.

They run on each chunk's staged documents before dedup, so a rejected record never joins a story; the
table-level Great Expectations gate (flows/validate.py) then asserts the same rules on the whole release.
"""

from __future__ import annotations

from collections import Counter

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from flows.chunks import ChunkResult
from flows.config import Config
from flows.gateviews import body_tail, end_of_today, title_equals_outlet
from flows.model import Quarantined
from flows.tables import parquet_writer

STAGE = "validate"


def _null_where(table: pa.Table, mask: pa.Array, names: tuple[str, ...]) -> pa.Table:
    for name in names:
        column = table[name]
        index = table.schema.get_field_index(name)
        table = table.set_column(index, table.schema.field(index),
                                 pc.if_else(mask, pa.scalar(None, column.type), column))
    return table


def _count(mask: pa.Array) -> int:
    return int(pc.sum(pc.cast(pc.fill_null(mask, False), pa.int64())).as_py() or 0)


def null_bad_fields(table: pa.Table, cfg: Config) -> tuple[pa.Table, Counter]:
    """Null a date outside [date_floor, today], a future crawl time and a title that is no headline."""
    date = table["published_date"]
    rules = [
        ("published_date/out_of_range", ("published_date", "date_source"),
         pc.or_(pc.less(date, pa.scalar(cfg.date_floor, date.type)),
                pc.greater(date, pa.scalar(cfg.today, date.type)))),
        ("crawled_at/in_future", ("crawled_at",),
         pc.greater_equal(table["crawled_at"], pa.scalar(end_of_today(cfg), table["crawled_at"].type))),
        ("title/equals_outlet", ("title", "title_source"), title_equals_outlet(table)),
        ("title/length_out_of_bounds", ("title", "title_source"),
         pc.invert(pc.and_(pc.greater_equal(pc.utf8_length(table["title"]), cfg.min_title_chars),
                           pc.less_equal(pc.utf8_length(table["title"]), cfg.max_title_chars)))),
    ]
    nulled: Counter = Counter()
    for key, names, mask in rules:
        mask = pc.fill_null(mask, False)
        if n := _count(mask):
            nulled[key] = n
            table = _null_where(table, mask, names)
    return table, nulled


def rejections(table: pa.Table, cfg: Config) -> list[Quarantined | None]:
    """Per row, the quarantine record for a body that is too short, too long or ends in page furniture."""
    lengths = pc.utf8_length(table["text"]).to_pylist()
    tails = body_tail(table["text"], cfg.tail_chars)
    chrome = pc.fill_null(pc.match_substring_regex(tails, cfg.chrome_tail_pattern), False).to_pylist()
    out: list[Quarantined | None] = []
    for i, (n, furniture) in enumerate(zip(lengths, chrome)):
        reason, detail = None, ""
        if n is None or n < cfg.min_body_chars:
            reason, detail = "body_too_short", f"{n or 0} characters of body, fewer than {cfg.min_body_chars}"
        elif n > cfg.max_body_chars:
            reason, detail = "body_too_long", f"{n} characters of body, more than {cfg.max_body_chars}"
        elif furniture:
            last = tails[i].as_py().rsplit("\n", 1)[-1].strip()
            reason, detail = "chrome_in_body", f"body ends in page furniture: {last[:100]!r}"
        out.append(None if reason is None else Quarantined(
            table["source_path"][i].as_py(), STAGE, reason, detail, table["doc_id"][i].as_py()))
    return out


def screen(result: ChunkResult, cfg: Config) -> ChunkResult:
    """Apply the record-level checks to a chunk's staged part (read in batches), fingerprints and counts."""
    if result.part is None:
        return result
    keep: list[bool] = []
    dates: list = []
    nulled: Counter = Counter()
    checked = result.part.with_name(result.part.stem + "-checked.parquet")
    writer = None
    for batch in pq.ParquetFile(result.part).iter_batches(batch_size=cfg.stage_batch_docs):
        table, found = null_bad_fields(pa.Table.from_batches([batch]), cfg)
        rejected = rejections(table, cfg)
        nulled.update(found)
        result.quarantined += [q for q in rejected if q is not None]
        keep += [q is None for q in rejected]
        table = table.filter(pa.array([q is None for q in rejected], pa.bool_()))
        dates += table["published_date"].to_pylist()
        if table.num_rows:
            writer = writer or parquet_writer(checked, table.schema)
            writer.write_table(table, row_group_size=50_000)
    if writer is not None:
        writer.close()
    if not nulled and all(keep):
        checked.unlink(missing_ok=True)  # nothing changed: the staged part stands as written
        return result
    result.part.unlink()
    result.part = checked.replace(result.part) if writer is not None else None
    result.fingerprints = [fp for fp, k in zip(result.fingerprints, keep) if k]
    result.sources = [src for src, k in zip(result.sources, keep) if k]
    for fp, day in zip(result.fingerprints, dates):
        fp.published = day  # dedup must not match copies on a date the checks nulled
    result.counts.update({f"nulled/{key}": n for key, n in nulled.items()})
    return result


def nulled_counts(results: list[ChunkResult]) -> Counter:
    """Fields the checks nulled across all chunks, per `field/reason`."""
    total: Counter = Counter()
    for result in results:
        total.update({k.removeprefix("nulled/"): n for k, n in result.counts.items() if k.startswith("nulled/")})
    return total
