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
