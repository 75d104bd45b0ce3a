from flows import extract, ingest, tag

PAGE = """<html lang="en"><head><title>Council passes budget | Example Gazette</title>
<meta property="og:site_name" content="Example Gazette">
<meta property="article:published_time" content="2023-05-06T22:15:00-04:00">
<meta property="article:modified_time" content="2023-05-09T10:00:00-04:00">
<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Associated Press"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/sports/">Sports</a></nav>
<article><h1>Council passes budget</h1>
<p>SPRINGFIELD (AP) — The city council passed the budget on Saturday after a long debate about schools.</p>
<p>Members argued for hours over the money set aside for bridges, roads and the new library downtown.</p>
<p>The mayor said the plan would be published in full next week, with a summary for every district.</p>
</article><footer>© Example Gazette</footer></body></html>"""


def test_html_page_is_extracted_and_tagged(cfg):
    raw = ingest.raw_from_bytes(PAGE.encode(), "p.html", "html", "https://www.example-gazette.com/2023/05/06/x")
    ex = extract.extract(raw, cfg)
    doc = tag.tag(raw, ex, cfg)
    assert (doc.title, doc.title_source) == ("Council passes budget", "h1")
    assert doc.published_date.isoformat() == "2023-05-06" and doc.date_source == "meta"
    assert (doc.outlet, doc.outlet_domain, doc.outlet_source) == ("Example Gazette", "example-gazette.com",
                                                                   "og_site_name")
    assert doc.language == "en"
    assert doc.text.startswith("The city council") and "\n\n" in doc.text
    assert "Home" not in doc.text and doc.dateline_place == "Springfield"
    assert doc.agencies == ["AP"]


def test_json_ld_author_agency_is_credited_when_the_text_names_none(cfg):
    page = PAGE.replace("SPRINGFIELD (AP) — ", "")
    raw = ingest.raw_from_bytes(page.encode(), "p.html", "html")
    doc = tag.tag(raw, extract.extract(raw, cfg), cfg)
    assert (doc.agencies, doc.agencies_source) == (["AP"], "json_ld")


SHORT_POST = """<html><head><title>Winter notes #3 | Weekend Blog</title></head><body>
<article><h1>Winter notes #3</h1>
<p>Snow again this morning. The kids built a crooked snowman and named it after the mayor. Tea now.</p>
</article></body></html>"""


def test_a_short_html_story_is_kept_but_a_stub_is_quarantined(cfg):
    raw = ingest.raw_from_bytes(SHORT_POST.encode(), "p.html", "html")
    ex = extract.extract(raw, cfg)
    assert cfg.min_html_body_chars <= len(ex.text) < cfg.min_body_chars and ex.text.startswith("Snow again")
    stub = ingest.raw_from_bytes(b"<html><body><article><h1>Oops</h1><p>Page not found.</p></article></body></html>",
                                 "s.html", "html")
    assert extract.extract(stub, cfg).reason == "no_body"


def test_picture_credits_standing_alone_are_dropped_from_the_body():
    text = "First paragraph of the story.\n© Jane Doe/Getty Images\nFoto: Max Muster\nSecond paragraph."
    assert extract.body_text(text, []) == "First paragraph of the story.\n\nSecond paragraph."
    kept = "Foto: " + "a long sentence about the photo that the story itself tells its readers " * 2
    assert extract.body_text(kept, []) == kept.strip()


def test_body_is_nfc_normalised():
    assert extract.body_text("Cafe\u0301 au lait", []) == "Caf\u00e9 au lait"


def test_canonical_link_stands_in_for_an_unknown_url(cfg):
    page = PAGE.replace("<head>", '<head><link rel="canonical" href="https://www.example-gazette.com/2023/05/06/x">')
    page = page.replace('<meta property="og:site_name" content="Example Gazette">', "")
    page = page.replace("<h1>Council passes budget</h1>", "").replace(
        '<meta property="article:published_time" content="2023-05-06T22:15:00-04:00">', "")
    raw = ingest.raw_from_bytes(page.encode(), "p.html", "html")
    ex = extract.extract(raw, cfg)
    assert ex.title_raw == "Council passes budget"
    assert [(day.isoformat(), source) for day, source, _ in ex.dates] == [("2023-05-06", "url")]


def test_category_and_tag_lines_are_dropped_from_the_body():
    text = "The council met.\nKategorie: Politik\nTags: budget, council\nThemenabend: ein Bericht über die Stadt."
    assert extract.body_text(text, []) == "The council met.\n\nThemenabend: ein Bericht über die Stadt."


def test_reading_tip_and_share_labels_are_dropped_but_sentences_opening_alike_stay():
    text = ("The council met.\nLesen Sie auch:\nÀ lire aussi » Une autre histoire\nShare this:\n"
            "Related to the vote, the mayor spoke.")
    assert extract.body_text(text, []) == "The council met.\n\nRelated to the vote, the mayor spoke."


def test_the_floor_counts_the_story_without_its_dateline(cfg):
    story = "The council met and agreed the budget for the school year after a debate."
    page = f"<html><body><article><h1>Budget agreed</h1><p>SPRINGFIELD (AP) — {story}</p></article></body></html>"
    assert 80 <= len(f"SPRINGFIELD (AP) — {story}") and len(story) < 80
    raw = ingest.raw_from_bytes(page.encode(), "p.html", "html")
    assert extract.extract(raw, cfg).reason == "no_body"
