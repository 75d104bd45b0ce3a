"""The table-level gate: one good release passes; each bad one fails exactly the expectations it breaks."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pyarrow as pa
import pytest

from flows import validate
from flows.config import REPO_ROOT
from flows.csvfile import write_csv
from gate_data import UTC, doc, good_rows, good_tables, hex_id, prose, replace

D, S, Q = "documents", "stories", "quarantine"
NN, UNIQUE, REGEX, IN_SET = ("expect_column_values_to_not_be_null", "expect_column_values_to_be_unique",
                             "expect_column_values_to_match_regex", "expect_column_values_to_be_in_set")
BETWEEN, LENGTHS, PAIR_EQ = ("expect_column_values_to_be_between", "expect_column_value_lengths_to_be_between",
                             "expect_column_pair_values_to_be_equal")
NO_REGEX = "expect_column_values_to_not_match_regex"
CONTAIN = "expect_column_distinct_values_to_contain_set"
A_GT_B = "expect_column_pair_values_a_to_be_greater_than_b"


def docs(column, changes):
    return lambda t: {**t, D: replace(t[D], column, changes)}


def stories(column, changes):
    return lambda t: {**t, S: replace(t[S], column, changes)}


def quarantine(column, changes):
    return lambda t: {**t, Q: replace(t[Q], column, changes)}


def both(*steps):
    def run(t):
        for step in steps:
            t = step(t)
        return t
    return run


LONG = "x" * 301
NOW = dt.datetime(2030, 1, 1, tzinfo=UTC)
CHROME = prose(3) + "\n\nNo comments:"

# (case, suite run, how the good tables are broken, the expectations that must fail: suite, type, column)
CRITICAL = [
    *[(f"null-{c}", D, docs(c, {1: None}), {(D, NN, c)})
      for c in ["doc_id", "story_id", "is_canonical", "similarity_to_canonical", "source_path", "input_format",
                "encoding", "extraction_method", "text_chars", "split_stories"]],
    ("null-text", D, docs("text", {1: None}), {(D, NN, "text_length")}),
    ("null-agencies", D, docs("agencies", {2: None}), {(D, NN, "agencies_count")}),
    ("duplicate-doc_id", D, docs("doc_id", {2: hex_id("doc1")}), {(D, UNIQUE, "doc_id")}),
    ("malformed-doc_id", D, docs("doc_id", {0: "DOC-1"}), {(D, REGEX, "doc_id")}),
    ("malformed-story_id", D, docs("story_id", {2: "story three"}), {(D, REGEX, "story_id")}),
    ("unknown-input_format", D, docs("input_format", {0: "pdf"}), {(D, IN_SET, "input_format")}),
    ("similarity-above-1", D, docs("similarity_to_canonical", {1: 1.5}),
     {(D, BETWEEN, "similarity_to_canonical")}),
    ("body-too-short", D, both(docs("text", {0: "Too short."}), docs("text_chars", {0: 10})),
     {(D, BETWEEN, "text_length")}),
    ("text_chars-wrong", D, docs("text_chars", {0: 7}), {(D, PAIR_EQ, "text_chars/text_length")}),
    ("title-too-long", D, docs("title", {0: LONG}), {(D, LENGTHS, "title")}),
    ("title-is-outlet", D, docs("title", {3: " COURIER  4 "}), {(D, IN_SET, "title_equals_outlet")}),
    ("chrome-tail", D, both(docs("text", {2: CHROME}), docs("text_chars", {2: len(CHROME)})),
     {(D, "expect_column_values_to_be_null", "furniture_tail")}),
    ("date-in-future", D, docs("published_date", {0: dt.date(2030, 1, 1)}), {(D, BETWEEN, "published_date")}),
    ("date-before-floor", D, docs("published_date", {0: dt.date(1970, 1, 1)}), {(D, BETWEEN, "published_date")}),
    ("crawled-in-future", D, docs("crawled_at", {0: NOW}), {(D, BETWEEN, "crawled_at")}),
    *[(f"unnamed-{c}", D, docs(c, {0: "Some Source"}), {(D, REGEX, c)})
      for c in ["title_source", "date_source", "outlet_source", "agencies_source"]],
    ("date-without-source", D, docs("date_source", {1: None}), {(D, IN_SET, "provenance_gaps")}),
    ("negative-split_stories", D, docs("split_stories", {0: -1}), {(D, BETWEEN, "split_stories")}),
    ("three-letter-language", D, docs("language", {2: "eng"}), {(D, REGEX, "language")}),
    *[(f"null-stories-{c}", S, stories(c, {0: None}), {(S, NN, c)})
      for c in ["story_id", "canonical_doc_id", "copy_count"]],
    ("null-stories-text", S, stories("text", {1: None}), {(S, NN, "text_length")}),
    *[(f"null-stories-{c}", S, stories(c, {1: None}), {(S, NN, f"{c}_count")})
      for c in ["agencies", "outlets", "doc_ids"]],
    ("duplicate-story_id", S, stories("story_id", {1: hex_id("doc1")}), {(S, UNIQUE, "story_id")}),
    ("duplicate-canonical", S, stories("canonical_doc_id", {1: hex_id("doc1")}),
     {(S, UNIQUE, "canonical_doc_id")}),
    ("malformed-stories-story_id", S, stories("story_id", {0: "s1"}), {(S, REGEX, "story_id")}),
    ("malformed-canonical_doc_id", S, stories("canonical_doc_id", {0: "d1"}), {(S, REGEX, "canonical_doc_id")}),
    ("zero-copies", S, both(stories("copy_count", {1: 0}), stories("doc_ids", {1: []})),
     {(S, BETWEEN, "copy_count")}),
    ("copy_count-wrong", S, stories("copy_count", {0: 3}), {(S, PAIR_EQ, "copy_count/doc_ids_count")}),
    ("stories-body-too-short", S, stories("text", {0: "Short."}), {(S, BETWEEN, "text_length")}),
    ("stories-title-too-long", S, stories("title", {0: LONG}), {(S, LENGTHS, "title")}),
    ("first-before-floor", S, stories("first_published", {0: dt.date(1970, 1, 1)}),
     {(S, BETWEEN, "first_published")}),
    ("last-in-future", S, stories("last_published", {0: dt.date(2030, 1, 1)}), {(S, BETWEEN, "last_published")}),
    ("last-before-first", S, stories("first_published", {2: dt.date(2016, 1, 1)}),
     {(S, A_GT_B, "last_published/first_published")}),
    *[(f"null-quarantine-{c}", Q, quarantine(c, {0: None}), {(Q, NN, c)})
      for c in ["source_path", "stage", "reason", "detail"]],
    ("unknown-stage", Q, quarantine("stage", {0: "load"}), {(Q, IN_SET, "stage")}),
    ("unnamed-reason", Q, quarantine("reason", {0: "Empty File"}), {(Q, REGEX, "reason")}),
    ("empty-detail", Q, quarantine("detail", {0: ""}), {(Q, LENGTHS, "detail")}),
    ("malformed-quarantine-doc_id", Q, quarantine("doc_id", {0: "abc"}), {(Q, REGEX, "doc_id")}),
    ("extra-column", "columns", lambda t: {**t, D: t[D].append_column("note", pa.array(["x"] * 4))},
     {("columns", IN_SET, "signature")}),
    ("missing-last-column", "columns", lambda t: {**t, D: t[D].drop_columns(["split_stories"])},
     {("columns", CONTAIN, "signature")}),
    ("story-not-in-stories", "story_links", lambda t: {**t, S: t[S].slice(0, 2)},
     {("story_links", IN_SET, "in_stories")}),
    ("story-without-documents", "story_links",
     lambda t: {**t, D: t[D].filter(pa.array([True, True, True, False]))},
     # a story without documents has no canonical copy and a copy_count that disagrees: one defect, three rules
     {("story_links", BETWEEN, "documents"), ("story_links", BETWEEN, "canonical_copies"),
      ("story_links", PAIR_EQ, "copy_count/documents")}),
    ("two-canonicals", "story_links", docs("is_canonical", {1: True}),
     {("story_links", BETWEEN, "canonical_copies")}),
    ("copy_count-not-documents", "story_links", stories("copy_count", {0: 3}),
     {("story_links", PAIR_EQ, "copy_count/documents")}),
    ("canonical-of-other-story", "story_links", stories("canonical_doc_id", {0: hex_id("doc3")}),
     {("story_links", IN_SET, "canonical_doc_matches")}),
]

NONE_3, NONE_4 = {0: None, 1: None, 2: None}, {0: None, 1: None, 2: None, 3: None}
WARNINGS = [
    ("few-dates", both(docs("published_date", NONE_3), docs("date_source", NONE_3),
                       stories("first_published", {0: None}), stories("last_published", {0: None})),
     (D, NN, "published_date")),
    ("few-outlets", both(docs("outlet", NONE_4), docs("outlet_source", NONE_4)),
     (D, NN, "outlet")),
    ("few-titles", both(docs("title", {0: None, 1: None}), docs("title_source", {0: None, 1: None})),
     (D, NN, "title")),
]


def failed(report) -> set[tuple[str, str, str | None]]:
    return {(o.suite, o.expectation, o.column) for o in report.outcomes if not o.success}


def test_good_tables_pass_every_expectation(cfg):
    report = validate.run_gate(good_tables(cfg), cfg)
    assert failed(report) == set() and report.passed
    assert {o.suite for o in report.outcomes} == set(validate.SUITES)


@pytest.mark.parametrize("case, suite, breaks, expected", CRITICAL, ids=[c[0] for c in CRITICAL])
def test_each_critical_expectation_blocks(cfg, case, suite, breaks, expected):
    report = validate.run_gate(breaks(good_tables(cfg)), cfg, only=(suite,))
    assert failed(report) == expected
    assert not report.passed and {(o.suite, o.expectation, o.column) for o in report.blocking} == expected


@pytest.mark.parametrize("case, breaks, expected", WARNINGS, ids=[c[0] for c in WARNINGS])
def test_each_warning_only_warns(cfg, case, breaks, expected):
    report = validate.run_gate(breaks(good_tables(cfg)), cfg)
    assert failed(report) == {expected}
    assert report.passed and [o.where for o in report.warnings] == [f"{expected[0]}.{expected[2]}"]


def test_every_expectation_has_a_case_that_breaks_it(cfg):
    specs = {name: validate.load_suite(cfg.expectations_dir, name) for name in validate.SUITES}
    declared = {(name, item["type"], _column(item["kwargs"])): item["severity"]
                for name, spec in specs.items() for item in spec["expectations"]}
    broken = {k: "critical" for case in CRITICAL for k in case[3]} | {case[2]: "warning" for case in WARNINGS}
    # (suite, type, column) names exactly one expectation
    assert len(declared) == sum(len(spec["expectations"]) for spec in specs.values())
    missing = {k for k in declared if k not in broken and k != ("csv_cells", NO_REGEX, "first_char")}
    assert missing == set() and all(declared[k] == broken[k] for k in broken)


def _column(kwargs: dict) -> str | None:
    return kwargs.get("column") or "/".join(kwargs[k] for k in ("column_A", "column_B") if k in kwargs) or None


def test_formula_cells_pass_when_the_csv_neutralises_them(cfg):
    rows = good_rows()
    rows[0]["title"], rows[1]["outlet"] = "=HYPERLINK(\"http://x\")", "@home"
    report = validate.run_gate(good_tables(cfg, rows), cfg, only=("csv_cells",))
    assert report.passed and failed(report) == set()


def test_a_csv_written_without_neutralising_blocks(cfg, tmp_path):
    rows = good_rows()
    rows[0]["title"] = "=cmd|' /C calc'!A0"
    tables = good_tables(cfg, rows)
    for name, table in tables.items():
        write_csv(table, tmp_path / f"{name}.csv")
    written = (tmp_path / "documents.csv").read_text(encoding="utf-8")
    (tmp_path / "documents.csv").write_text(written.replace("\"'=cmd", "\"=cmd"), encoding="utf-8")
    cells = validate.gateviews.csv_cells_from_files(tmp_path, cfg)
    report = validate.run_gate(tables, cfg, csv_cells=cells, only=("csv_cells",))
    assert failed(report) == {("csv_cells", NO_REGEX, "first_char")} and not report.passed
    assert report.blocking[0].examples == ["documents.title (=)"]


def test_a_failure_names_the_rows_and_why(cfg):
    report = validate.run_gate(docs("published_date", {0: dt.date(2030, 1, 1)})(good_tables(cfg)), cfg, only=(D,))
    [outcome] = report.blocking
    assert outcome.observed == "1 of 4 rows unexpected (25.0%)"
    assert outcome.examples == [f"{hex_id('doc1')} (2030-01-01 00:00:00)"]
    assert "floor" in outcome.notes and "BLOCKED documents.published_date" in report.summary()


def test_report_and_data_docs_are_byte_identical_across_runs(cfg, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    validate.run_gate(good_tables(cfg), cfg, docs_dir=first)
    validate.run_gate(good_tables(cfg), cfg, docs_dir=second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert len(files) == 2 + 2 * len(validate.SUITES) + 1  # index, results, two pages per suite, favicon
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    assert "ge_load_time" not in (first / "results.json").read_text(encoding="utf-8")


def test_importing_the_pipeline_does_not_import_great_expectations():
    code = "import sys, flows.pipeline; print('great_expectations' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_summary_fits_one_screen(cfg):
    rows = [doc(i) for i in range(1, 30)]
    for row in rows:
        row.update(published_date=None, date_source=None, outlet=None, outlet_source=None)
    report = validate.run_gate(good_tables(cfg, rows), cfg)
    lines = report.summary().splitlines()
    assert report.passed and len(lines) <= 24 and lines[0].startswith("validation gate PASSED")
