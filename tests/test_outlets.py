from flows import outlets
from flows.outlets import lookup, registered_domain, resolve


def test_registered_domain_uses_the_public_suffix_list():
    assert registered_domain("https://news.bbc.co.uk/1/hi/world/123.stm") == "bbc.co.uk"
    assert registered_domain("https://www.abc.net.au/news/x") == "abc.net.au"
    assert registered_domain("https://foo.blogspot.com/2020/01/x.html") == "foo.blogspot.com"
    assert registered_domain("http://www.example.com:8080/x") == "example.com"


def test_hosts_that_are_not_registrable_give_none():
    assert registered_domain(None) is None
    assert registered_domain("http://localhost/x") is None
    assert registered_domain("http://127.0.0.1/x") is None
    assert registered_domain("https://co.uk/") is None


def test_archive_replay_urls_are_unwrapped():
    url = "https://web.archive.org/web/20160218174457/http://www.example.de/2010/05/story/"
    assert outlets.unwrap_archive_url(url) == "http://www.example.de/2010/05/story/"
    assert registered_domain(url) == "example.de"


def test_outlets_table_names_and_flags_wires():
    site = lookup("https://apnews.com/article/abc")
    assert site.name == "Associated Press" and site.is_wire and site.source == "outlets_table"


def test_resolve_prefers_table_then_own_name_then_domain():
    assert resolve("https://www.reuters.com/world/x", "Reuters.com").source == "outlets_table"
    own = resolve("https://www.example-news.de/a", "Example News", "og_site_name")
    assert (own.name, own.domain, own.source) == ("Example News", "example-news.de", "og_site_name")
    bare = resolve("https://www.example-news.de/a", None)
    assert (bare.name, bare.source) == ("example-news.de", "domain")
    assert resolve(None, None) is None


def test_a_sentence_is_not_a_site_name():
    site = resolve("https://x.org/a", "This is a very long sentence that somebody put into the site name tag")
    assert site.source == "domain"


def test_registered_domain_strips_subdomains():
    assert registered_domain("https://www.news24.com/world/story") == "news24.com"
    assert registered_domain("not a url") is None


def test_unlisted_domain_gives_domain_only():
    found = lookup("https://example-gazette.org/a")
    assert found.name is None and found.domain == "example-gazette.org" and not found.is_wire
