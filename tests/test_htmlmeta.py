from lxml import html

from flows.htmlmeta import read

PAGE = """<html lang="de-DE"><head><title>Schlagzeile | Beispiel Zeitung</title>
<meta property="og:title" content="Schlagzeile"><meta property="og:site_name" content="Beispiel Zeitung">
<meta property="article:published_time" content="2021-03-04T23:30:00+01:00">
<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Beispiel"},
 {"@type": "NewsArticle", "headline": "Schlagzeile", "datePublished": "2021-03-04",
  "author": {"@type": "Organization", "name": "dpa"}}]}</script>
<script type="application/ld+json">{"@type": "Article", "datePublished": "2021-03-05", broken</script>
</head><body><header><a href="/"><img alt="Beispiel Zeitung"></a></header>
<h1><span class="kicker">Politik</span> Schlagzeile</h1>
<time datetime="2021-03-04" class="published">4. März 2021</time></body></html>"""


def test_reads_meta_json_ld_headings_and_times():
    page = read(html.fromstring(PAGE))
    assert page.lang == "de" and page.title_tag == "Schlagzeile | Beispiel Zeitung"
    assert page.first("og:site_name") == "Beispiel Zeitung"
    assert [o.get("headline") for o in page.stories()][0] == "Schlagzeile"
    assert page.headings[0].text == "Politik Schlagzeile" and page.headings[0].core == "Schlagzeile"
    assert page.times[0].stamp == "2021-03-04" and "published" in page.times[0].context
    assert ("", "Beispiel Zeitung") in page.home_names


def test_malformed_json_ld_still_gives_its_fields():
    page = read(html.fromstring(PAGE))
    assert any(o.get("datePublished") == "2021-03-05" for o in page.json_ld)


def test_heading_linking_home_is_marked():
    page = read(html.fromstring('<html><body><h1><a href="/">Blog Name</a></h1><h1>Story</h1></body></html>'))
    assert [h.links_home for h in page.headings] == [True, False]


def test_canonical_link_and_og_url_name_the_page():
    page = read(html.fromstring('<html><head><link rel="canonical" href="https://x.example/a/b">'
                                '<link rel="author" href="/me"></head><body></body></html>'))
    assert page.own_url() == "https://x.example/a/b"
    page = read(html.fromstring('<html><head><meta property="og:url" content="https://x.example/c">'
                                '<link rel="canonical" href="/relative"></head><body></body></html>'))
    assert page.own_url() == "https://x.example/c"


def test_h2_and_h3_are_kept_as_subheadings_with_home_links_marked():
    page = read(html.fromstring('<html><body><h2><a href="/">Blog Name</a></h2><h3>Story  title</h3></body></html>'))
    assert [(h.text, h.links_home) for h in page.subheadings] == [("Blog Name", True), ("Story title", False)]


def test_json_ld_nested_too_deep_for_the_parser_is_read_as_malformed():
    from flows.htmlmeta import _json_ld

    assert _json_ld("[" * 100_000) == []
    assert _json_ld("[" * 100_000 + '"headline": "Schlagzeile"') == [{"@type": "Article", "headline": "Schlagzeile"}]


def test_json_ld_objects_come_in_document_order_from_a_huge_array():
    from flows.htmlmeta import _json_ld

    nested = '[{"a": 1}, [{"b": 2}, {"c": 3}], {"@graph": [{"d": 4}]}, {"e": 5}]'
    assert [next(iter(o)) for o in _json_ld(nested)] == ["a", "b", "c", "@graph", "d", "e"]
    wide = "[" + "0," * 300_000 + '{"@type": "NewsArticle"}]'
    assert _json_ld(wide) == [{"@type": "NewsArticle"}]


def test_the_breadcrumb_trail_ends_with_the_item_of_the_highest_position():
    page = read(html.fromstring(
        '<html><head><script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": ['
        '{"position": 3, "item": {"@id": "/a/b", "name": "Seite"}}, {"position": 1, "name": "Start"}]}'
        '</script></head><body></body></html>'))
    assert page.breadcrumb_end() == "Seite"
    assert read(html.fromstring("<html><body><p>x</p></body></html>")).breadcrumb_end() is None
