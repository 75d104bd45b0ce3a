"""Record-level checks: bad fields are nulled, bad bodies are quarantined with stage, reason and detail."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from flows import checks
from flows.chunks import prepare_chunk
from flows.model import Doc
from gate_data import UTC, doc, hex_id, prose, write_pages

STAGING = [f for f in Doc.__slots__]


def tagged(**fields) -> Doc:
    """A tagged document as the tagger hands it to the checks."""
    row = doc(1, **fields)
    return Doc(**{k: row[k] for k in STAGING})


def test_a_clean_record_passes_untouched(cfg):
    counts = Counter()
    before = tagged()
    assert checks.check(tagged(), cfg, counts) == before and counts == Counter()


def test_dates_outside_floor_and_today_are_nulled_with_their_source(cfg):
    for day, kept in [(dt.date(2099, 1, 1), False), (dt.date(1989, 12, 31), False), (cfg.today, True),
                      (cfg.date_floor, True)]:
        counts = Counter()
        found = checks.check(tagged(published_date=day), cfg, counts)
        assert (found.published_date, found.date_source) == ((day, "date_line") if kept else (None, None))
        assert counts == (Counter() if kept else Counter({"nulled/published_date/out_of_range": 1}))


def test_a_crawl_time_after_today_is_nulled(cfg):
    later = dt.datetime.combine(cfg.today + dt.timedelta(days=1), dt.time(0, 0, 1), UTC)
    late_today = dt.datetime.combine(cfg.today, dt.time(23, 59))  # naive: read as UTC
    assert checks.check(tagged(crawled_at=later), cfg, Counter()).crawled_at is None
    assert checks.check(tagged(crawled_at=late_today), cfg, Counter()).crawled_at == late_today


def test_a_title_that_is_the_outlet_or_no_headline_is_nulled(cfg):
    cases = [("The  Courier", "the courier", "title/equals_outlet"), ("x" * 301, "C", "title/length_out_of_bounds"),
             ("ab", "C", "title/length_out_of_bounds"), ("Courier wins award", "Courier", None)]
    for title, outlet, reason in cases:
        counts = Counter()
        found = checks.check(tagged(title=title, outlet=outlet), cfg, counts)
        assert (found.title, found.title_source) == ((None, None) if reason else (title, "first_line"))
        assert counts == (Counter({f"nulled/{reason}": 1}) if reason else Counter())


def test_bodies_ending_in_furniture_or_out_of_bounds_are_quarantined(cfg):
    bodies = [prose(1) + "\n\nNo comments:", "Too short to be a story.",
              prose(3) + "\nLog in with Facebook to comment and personalise news.",
              prose(4) + "\n\nHe declined to comment.", "word " * 200_001]
    found = [checks.check(tagged(text=b), cfg, Counter()) for b in bodies]
    assert [getattr(q, "reason", None) for q in found] == ["chrome_in_body", "body_too_short", "chrome_in_body",
                                                          None, "body_too_long"]
    assert found[0].stage == "validate" and found[0].doc_id == hex_id("doc1")
    assert found[0].source_path == "in/001.txt"
    assert found[0].detail == "body ends in page furniture: 'No comments:'"
    assert found[1].detail == "24 characters of body, fewer than 200"


def test_the_tail_is_cut_after_trailing_blanks(cfg):
    assert checks.body_tail("abc \n\n ", 5) == "abc"
    assert checks.body_tail("abcdefgh\n", 5) == checks.CUT_MARK + "efgh"


def test_a_chunk_stages_only_documents_that_pass(cfg):
    from dataclasses import replace

    from flows import ingest

    write_pages(cfg.input_dir, 1, paragraphs=1)  # a body of ~500 characters
    write_pages(cfg.input_dir, 1, start=1, paragraphs=8)  # a body of ~3,500 characters
    cfg = replace(cfg, max_body_chars=2_000)
    run = cfg.output_dir / "run"
    run.mkdir(parents=True)
    result = prepare_chunk(0, ingest.plan(cfg).chunks[0], run, cfg)
    assert [(q.source_path, q.stage, q.reason) for q in result.quarantined] == [
        ("0001.txt", "validate", "body_too_long")]
    assert result.sources == ["0000.txt"] and result.counts["tagged"] == 1


def test_nulled_counts_add_up_across_chunks():
    class Result:
        def __init__(self, counts):
            self.counts = Counter(counts)

    found = checks.nulled_counts([Result({"read": 3, "nulled/title/equals_outlet": 1}),
                                  Result({"nulled/title/equals_outlet": 2, "nulled/crawled_at/in_future": 1})])
    assert found == {"title/equals_outlet": 3, "crawled_at/in_future": 1}


def test_each_input_format_is_held_to_its_own_body_floor(cfg):
    body = "A short blog post of about a hundred and twenty characters, which is still a story in its own right."
    assert cfg.min_html_body_chars <= len(body) < cfg.min_body_chars
    assert checks.check(tagged(text=body, text_chars=len(body), input_format="html"), cfg, Counter()).text == body
    assert checks.check(tagged(text=body, text_chars=len(body), input_format="text"), cfg, Counter()).reason == \
        "body_too_short"
