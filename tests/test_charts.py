"""Inline SVG charts: bars in proportion, gaps drawn, long spans by month, labels escaped."""

from xml.etree import ElementTree

from flows import charts

SVG = "{http://www.w3.org/2000/svg}"


def _bars(svg: str) -> list[ElementTree.Element]:
    return ElementTree.fromstring(svg).findall(f"{SVG}rect")


def test_hbars_scale_to_the_largest_and_escape_labels():
    svg = charts.hbars([("<script>x</script>", 4), ("B & C", 2)], "Top outlets")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "B &amp; C" in svg
    widths = [float(r.get("width")) for r in _bars(svg)]
    assert widths[0] == 2 * widths[1]


def test_timeline_draws_a_bar_for_every_day_including_empty_ones():
    svg = charts.timeline({"2024-03-01": 2, "2024-03-04": 1}, "Documents per day")
    bars = _bars(svg)
    assert len(bars) == 4 and float(bars[1].get("height")) == 0
    assert "2024-03-01" in svg and "2024-03-04" in svg and "documents per day" in svg


def test_timeline_over_months_counts_per_week():
    svg = charts.timeline({"2024-01-03": 1, "2024-01-07": 2, "2024-12-30": 4}, "Documents per day")
    bars = _bars(svg)
    assert len(bars) == 53 and "documents per week" in svg
    assert bars[0].find(f"{SVG}title").text == "week of 2024-01-01: 3"
    assert bars[-1].find(f"{SVG}title").text == "week of 2024-12-30: 4"


def test_timeline_over_years_counts_per_month():
    svg = charts.timeline({"2016-01-05": 1, "2016-01-20": 2, "2023-06-01": 3}, "Documents per day")
    bars = _bars(svg)
    assert len(bars) == 90 and "documents per month" in svg
    assert bars[0].find(f"{SVG}title").text == "2016-01: 3"


def test_copies_are_grouped():
    svg = charts.copies({"1": 5, "2": 3, "7": 1, "9": 1, "80": 2}, "Copies per story")
    labels = [t.text for t in ElementTree.fromstring(svg).iter(f"{SVG}text")]
    assert labels[:6] == ["1 copy", "5", "2 copies", "3", "6–10 copies", "2"] and "51+ copies" in labels


def test_empty_inputs_still_draw_valid_svg():
    for svg in (charts.hbars([], "x"), charts.timeline({}, "y"), charts.copies({}, "z")):
        ElementTree.fromstring(svg)
