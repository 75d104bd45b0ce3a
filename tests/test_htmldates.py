import datetime as dt

from lxml import html

from flows.config import build_config
from flows.htmldates import candidates, page_dates, parse_day, url_date, url_month
from flows.htmlmeta import read

CFG = build_config()


def dates_of(head: str, body: str = "", url: str | None = None):
    page = read(html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>"))
    return [(d.isoformat(), source) for d, source, _ in candidates(page, url, CFG)]


def test_publisher_day_is_kept_whatever_the_offset():
    assert parse_day("2020-04-28T23:30:00+02:00") == dt.date(2020, 4, 28)
    assert parse_day("Tue, 28 Apr 2020 23:30:00 -0500") == dt.date(2020, 4, 28)
    assert parse_day("28.04.2020") == dt.date(2020, 4, 28)


def test_json_ld_then_meta_then_time_then_url():
    found = dates_of('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-01-02"}'
                     '</script><meta property="article:published_time" content="2021-01-03">',
                     '<time datetime="2021-01-04">4 Jan</time>', "https://x.org/2021/01/05/story")
    assert found == [("2021-01-02", "json_ld"), ("2021-01-03", "meta"), ("2021-01-04", "time_element"),
                     ("2021-01-05", "url")]


def test_modification_dates_are_never_candidates():
    found = dates_of('<meta property="article:modified_time" content="2022-02-02">'
                     '<script type="application/ld+json">{"@type":"Article","dateModified":"2022-02-03"}</script>',
                     '<time class="updated" datetime="2022-02-04">x</time>')
    assert found == []


def test_future_and_ancient_dates_are_rejected():
    assert dates_of('<meta name="date" content="2999-01-01">') == []
    assert dates_of('<meta name="date" content="1970-01-01">') == []


def test_url_dates_in_common_forms():
    assert url_date("https://x.org/2017/7/12/story") == dt.date(2017, 7, 12)
    assert url_date("https://x.org/news/2020-02-18-story") == dt.date(2020, 2, 18)
    assert url_date("https://web.archive.org/web/20160218174457/http://x.org/a") is None
    assert url_date("https://x.org/2020/02/story") is None


def test_a_shown_date_line_outranks_generic_date_tags_but_not_stated_publication():
    shown = (dt.date(2021, 6, 14), "14.06.2021")
    page = read(html.fromstring('<html><head><meta name="date" content="2021-05-02"></head><body></body></html>'))
    assert [(d.isoformat(), s) for d, s, _ in candidates(page, None, CFG, shown)] == [
        ("2021-06-14", "text"), ("2021-05-02", "meta")]
    page = read(html.fromstring('<html><head><meta property="article:published_time" content="2021-05-02">'
                                '</head><body></body></html>'))
    assert [s for _, s, _ in candidates(page, None, CFG, shown)] == ["meta", "text"]


def test_a_day_htmldate_fills_in_from_a_copyright_year_is_no_date():
    from flows.htmldates import fallback

    padded = html.fromstring("<html><body><p>Eine Geschichte.</p><footer>© 2016 Beispiel</footer></body></html>")
    assert fallback(padded, CFG) == []
    dated = html.fromstring("<html><body><p>Eine Geschichte vom 08.09.2020.</p></body></html>")
    assert [(d.isoformat(), s) for d, s, _ in fallback(dated, CFG)] == [("2020-09-08", "html_metadata")]


def test_a_url_month_is_read_from_year_and_month_folders_only():
    assert url_month("https://x.org/2010/05/story/") == (2010, 5)
    assert url_month("https://web.archive.org/web/20160218174457/http://x.org/2010/5/story") == (2010, 5)
    assert url_month("https://x.org/2010-05-story") is None
    assert url_month("https://x.org/2010/13/story") is None


def page_dates_of(body: str, url: str):
    tree = html.fromstring(f"<html><head><title>Rat tagt lange</title></head><body>{body}</body></html>")
    return [(d.isoformat(), source) for d, source, _ in page_dates(tree, read(tree), url, "Rat tagt lange", CFG)]


def test_a_url_month_takes_its_day_from_the_pages_date_line_in_that_month():
    body = "<h1>Rat tagt lange</h1><p>Der Rat hat getagt.</p><p>Gepostet am <b>19. Mai 2010</b></p>"
    assert page_dates_of(body, "https://blog.example/2010/05/rat-tagt/") == [("2010-05-19", "text")]


def test_htmldate_supplies_the_year_of_a_date_line_beside_the_headline_that_has_none():
    body = ('<h1>Rat tagt lange</h1><p>Jun 24, 11:30</p><p>Der Rat hat heute lange getagt.</p>'
            '<p>Lesen Sie auch: <a href="https://news.example/2019/06/19/rat-plant.html">Rat plant</a></p>')
    assert page_dates_of(body, "https://news.example/rat-tagt") == [("2019-06-24", "text")]
    body = body.replace("Jun 24, 11:30", "Von Anna Muster")
    assert page_dates_of(body, "https://news.example/rat-tagt") == [("2019-06-19", "html_metadata")]


def test_a_utc_stamp_yields_to_the_same_moment_in_the_publishers_own_offset():
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-03-04T23:30:00Z"}</script>'
    local = '<meta property="article:published_time" content="2021-03-05T00:30:00+01:00">'
    assert dates_of(ld + local) == [("2021-03-05", "meta"), ("2021-03-04", "json_ld")]
    other = local.replace("00:30:00", "09:30:00")
    assert dates_of(ld + other) == [("2021-03-04", "json_ld"), ("2021-03-05", "meta")]
