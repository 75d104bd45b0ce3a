"""Outlet boilerplate: who published a page, and which paragraphs are that outlet's template."""

import numpy as np

from flows.boilerplate import (boilerplate_mask, distinct_per_doc, group_key, merge_counts,
                               paragraph_keys)
from flows.shingles import shingle_batch

BODY = "Officials said the talks would resume on Monday in Geneva after a week of delays."
PAGE = "Home | World | Sport\nHeadline here\n" + BODY + "\n© 2005 Example Herald. All rights reserved."


def test_group_prefers_domain_then_outlet_name():
    by_domain = group_key("example.com", None, "text", "", "")
    assert group_key("example.com", "Example", "html", PAGE, BODY) == by_domain
    named = group_key(None, "Example Herald", "text", PAGE, BODY)
    assert named != group_key(None, "Other", "text", PAGE, BODY) and named != by_domain


def test_plain_text_pages_group_by_their_frame_lines():
    other_story = ("Home | World | Sport\nAnother headline\nOther text.\n"
                   "© 2011 Example Herald. All rights reserved.")
    same_site = group_key(None, None, "text", other_story, "Other text.")
    assert group_key(None, None, "text", PAGE, BODY) == same_site
    other_site = "Menu\nHeadline here\n" + BODY + "\n© 2005 Example Herald. All rights reserved."
    assert group_key(None, None, "text", PAGE, BODY) != group_key(None, None, "text", other_site, BODY)


def test_no_group_without_a_frame_or_for_html_markup():
    bare = BODY + "\nA second paragraph of the story."
    assert group_key(None, None, "text", bare, bare) == 0
    assert group_key(None, None, "html", "<html>\n<p>x</p>\n</html>", "x") == 0


def test_a_paragraph_repeated_on_min_docs_pages_of_one_group_is_boilerplate():
    chrome = "Join the conversation and share your views with our community of readers today."
    texts = [f"Story number {i} is about something else entirely this week.\n\n{chrome}" for i in range(4)]
    batch = shingle_batch(texts, 5)
    groups = np.array([11, 11, 11, 22], dtype=np.uint64)  # three pages of one outlet, one of another
    keys = paragraph_keys(groups, batch.para_ptr, batch.para_hash)
    table = merge_counts(np.empty(0, np.uint64), np.empty(0, np.uint32),
                         distinct_per_doc(keys, batch.para_ptr, np.ones(4, dtype=bool)))
    mask = boilerplate_mask(keys, *table, min_docs=3)
    assert mask.reshape(4, 2).tolist() == [[False, True]] * 3 + [[False, False]]


def test_unknown_group_never_counts_and_repeats_within_a_page_count_once():
    text = "The same caption line is repeated twice on this page.\n\n" * 2
    batch = shingle_batch([text, text], 5)
    known = paragraph_keys(np.array([5, 0], dtype=np.uint64), batch.para_ptr, batch.para_hash)
    assert (known[2:] == 0).all()
    assert distinct_per_doc(known, batch.para_ptr, np.ones(2, dtype=bool)).size == 1
