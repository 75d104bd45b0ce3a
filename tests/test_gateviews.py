"""The gate's lean views say what the full tables would: tails, title/outlet, provenance, links, CSV cells."""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc

from flows import checks, gateviews
from flows.csvfile import as_text, write_csv
from gate_data import doc, good_rows, good_tables, prose

FURNITURE = ["No comments:", "Post a Comment", "Leave a reply", "12 comments", "Comments (3)",
             "Log in with Facebook to comment and personalise news, weather and listings.", "Sign in to comment",
             "Join the conversation! Letters of 150 words or more may be printed on Saturday.",
             "Share this article", "You may also like", "Read more on: Syria | Russia", "Related stories",
             "Trending now", "More from Reuters", "Powered by Blogger"]
STORY_ENDINGS = ["He declined to comment.", "The plant is powered by coal.", "More from the statement follows.",
                 "Officials said 12 comments were received.", "Readers can share this view, he said.",
                 "3 commentators disagreed with the ruling.", "Trending upward, prices rose again.",
                 "Shareholders will vote in May."]


def test_the_tail_check_equals_the_whole_body_check(cfg):
    pattern = re.compile(cfg.chrome_tail_pattern)
    bodies = [prose(i) + "\n\n" + end for i, end in enumerate(FURNITURE + STORY_ENDINGS)]
    bodies += ["No comments: " + prose(1), prose(2) + "\nNo comments:\n\n  \n", "x" * 239 + "\nShare this",
               "Share this\n" + "y" * 250, "a" * 500, "Grüße 😀 " * 200 + "\nKommentare (3)\nNo comments 😀",
               "ü" * 1000 + "\nShare this"]
    tails = gateviews.body_tail(pa.array(bodies), cfg.tail_chars)
    on_tails = pc.match_substring_regex(tails, cfg.chrome_tail_pattern).to_pylist()
    on_bodies = [bool(pattern.search(b.rstrip())) for b in bodies]
    assert on_tails == on_bodies
    assert on_bodies[:len(FURNITURE)] == [True] * len(FURNITURE)
    assert on_bodies[len(FURNITURE):len(FURNITURE) + len(STORY_ENDINGS)] == [False] * len(STORY_ENDINGS)


def test_a_cut_tail_is_marked_so_it_cannot_pass_for_a_line_start(cfg):
    tail = gateviews.body_tail(pa.array(["z" * 1000 + "Share this"]), 20)[0].as_py()
    assert tail == gateviews.CUT_MARK + "z" * 9 + "Share this"


def test_title_equals_outlet_ignores_case_and_spacing_only():
    table = pa.table({"title": ["  The\tCourier ", "Courier wins", None, "X"],
                      "outlet": ["the courier", "Courier", "Courier", None]})
    assert gateviews.title_equals_outlet(table).to_pylist() == [True, False, False, False]


def test_provenance_gaps_count_fields_without_their_source(cfg):
    rows = [doc(1), doc(2, title=None), doc(3, date_source=None, agencies=[]),
            doc(4, agencies=[], agencies_source=None)]
    table = good_tables(cfg, rows)["documents"]
    assert gateviews.provenance_gaps(table).to_pylist() == [0, 1, 2, 0]


def test_story_links_of_good_tables(cfg):
    t = good_tables(cfg)
    view = gateviews.story_links_view(t["documents"], t["stories"])
    assert view["in_stories"].all() and view["canonical_doc_matches"].all()
    assert sorted(view["documents"].tolist()) == [1, 1, 2] and set(view["canonical_copies"]) == {1}


def test_csv_cells_from_tables_match_the_written_csv(cfg, tmp_path):
    rows = good_rows()
    rows[0]["title"], rows[1]["outlet"], rows[2]["dateline_raw"] = "=SUM(A1)", "-minus", "\tWASHINGTON"
    tables = good_tables(cfg, rows)
    for name, table in tables.items():
        write_csv(table, tmp_path / f"{name}.csv")
    from_tables = gateviews.csv_cells_from_tables(tables, cfg, as_text)
    from_files = gateviews.csv_cells_from_files(tmp_path, cfg)
    assert from_tables.to_dict("records") == from_files.to_dict("records")
    assert {"documents.title", "documents.outlet", "documents.dateline_raw"} <= set(
        from_files.loc[from_files["first_char"] == "'", "cell"])


def test_views_hold_only_the_columns_a_suite_names(cfg):
    t = good_tables(cfg)
    view = gateviews.table_view(t["documents"], ["doc_id", "text_length", "published_date", "nope"], cfg)
    assert list(view.columns) == ["doc_id", "text_length", "published_date"]
    assert str(view["published_date"].dtype) == "datetime64[ns]"


def test_a_long_blank_run_after_the_body_still_gives_the_exact_tail(cfg):
    bodies = [prose(1) + "\nNo comments:" + " \n" * 200, prose(2) + " " * 70, "short" + " " * 500, None,
              "ä😀" * 400, "😀" * 300 + "\u3000" * 100, prose(3)]
    tails = gateviews.body_tail(pa.array(bodies), cfg.tail_chars).to_pylist()
    assert tails == [None if b is None else checks.body_tail(b, cfg.tail_chars) for b in bodies]


def test_both_levels_compare_titles_and_outlets_alike():
    pairs = [("  The\tCourier ", "the courier"), ("Courier wins", "Courier"), ("Daily\u00a0Planet", "Daily Planet"),
             ("ÉCHO", "écho"), ("A  B\nC", "a b c"), (None, "X"), ("X", None)]
    table = pa.table({"title": [t for t, _ in pairs], "outlet": [o for _, o in pairs]})
    assert gateviews.title_equals_outlet(table).to_pylist() == [checks.same_name(t, o) for t, o in pairs]


def test_furniture_tail_keeps_only_the_tails_that_end_in_furniture(cfg):
    bodies = [prose(1), prose(2) + "\n\nNo comments:", None, "x" * 500 + "\nShare this"]
    found = gateviews.furniture_tail(pa.array(bodies), cfg.tail_chars, cfg.chrome_tail_pattern).to_pylist()
    assert found[0] is None and found[2] is None
    assert found[1] == checks.body_tail(bodies[1], cfg.tail_chars)
    assert found[3] == checks.body_tail(bodies[3], cfg.tail_chars)
