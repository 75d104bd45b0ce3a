from flows.outlets import lookup, registered_domain


def test_registered_domain_strips_subdomains():
    assert registered_domain("https://www.news24.com/world/story") == "news24.com"
    assert registered_domain("http://news.bbc.co.uk/2/hi/x.stm") == "bbc.co.uk"


def test_registered_domain_of_nothing_is_none():
    assert registered_domain(None) is None and registered_domain("not a url") is None


def test_listed_domain_gives_name_and_wire_flag():
    assert lookup("https://apnews.com/article/x").is_wire
    assert lookup("https://www.news24.com/x").name == "News24"


def test_unlisted_domain_gives_domain_only():
    found = lookup("https://example-gazette.org/a")
    assert found.name is None and found.domain == "example-gazette.org" and not found.is_wire
