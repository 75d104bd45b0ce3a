"""Inline SVG charts for the release index: no script, no network, every label HTML-escaped."""

from __future__ import annotations

import datetime as dt
from html import escape

_WIDTH = 640
_BAR = "#2f6f9f"
# Bars across 588 px: a bar per day stays about 3 px wide up to ~200 days, then weeks (to ~4 years)
# and months keep every bar visible.
_MAX_DAY_BARS = 200
_MAX_WEEK_BARS = 200
# Copies per story are grouped so a story copied 300 times does not stretch the chart.
_COPY_BUCKETS = ((1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 10), (11, 20), (21, 50), (51, None))


def _svg(height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
            f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-label="{escape(title)}">'
            f"<title>{escape(title)}</title>" + "".join(body) + "</svg>")


def _text(x: float, y: float, label: str, anchor: str = "start", size: int = 12) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-family="sans-serif">{escape(label)}</text>')


def hbars(items: list[tuple[str, int]], title: str, empty: str = "nothing to show") -> str:
    """Horizontal bars, one per (label, count), longest count scaled to the chart width."""
    if not items:
        return _svg(28, title, [_text(4, 18, empty)])
    row, left, right = 22, 190, 60
    top = max(count for _, count in items) or 1
    body = []
    for i, (label, count) in enumerate(items):
        y = i * row + 4
        width = (_WIDTH - left - right) * count / top
        shown = label if len(label) <= 28 else label[:27] + "…"
        body.append(_text(left - 6, y + 13, shown, "end"))
        body.append(f'<rect x="{left}" y="{y}" width="{width:.1f}" height="{row - 6}" fill="{_BAR}">'
                    f"<title>{escape(label)}: {count}</title></rect>")
        body.append(_text(left + width + 4, y + 13, f"{count:,}"))
    return _svg(len(items) * row + 8, title, body)


def timeline(per_day: dict[str, int], title: str) -> str:
    """Vertical bars of documents per day (per week or month over long spans), gaps drawn as zero."""
    if not per_day:
        return _svg(28, title, [_text(4, 18, "no dated documents")])
    buckets, unit = _buckets(per_day)
    height, base, left = 170, 140, 44
    top = max(n for _, n in buckets) or 1
    step = (_WIDTH - left - 8) / len(buckets)
    prefix = "week of " if unit == "week" else ""
    body = [f'<line x1="{left}" y1="{base}" x2="{_WIDTH - 8}" y2="{base}" stroke="#555"/>',
            _text(left - 4, 14, f"{top:,}", "end", 11), _text(left - 4, base, "0", "end", 11)]
    for i, (label, count) in enumerate(buckets):
        h = (base - 10) * count / top
        body.append(f'<rect x="{left + i * step:.2f}" y="{base - h:.2f}" width="{max(step - 1, 0.6):.2f}" '
                    f'height="{h:.2f}" fill="{_BAR}"><title>{escape(prefix + label)}: {count}</title></rect>')
    body.append(_text(left, base + 16, prefix + buckets[0][0], "start", 11))
    body.append(_text(_WIDTH - 8, base + 16, prefix + buckets[-1][0], "end", 11))
    body.append(_text(_WIDTH / 2, base + 28, f"documents per {unit}", "middle", 11))
    return _svg(height, title, body)


def _buckets(per_day: dict[str, int]) -> tuple[list[tuple[str, int]], str]:
    """Counts per day, or per week or month when a day's bar would be too thin to see."""
    days = {dt.date.fromisoformat(k): v for k, v in per_day.items()}
    first, last = min(days), max(days)
    span = (last - first).days + 1
    if span <= _MAX_DAY_BARS:
        return [((first + dt.timedelta(d)).isoformat(), days.get(first + dt.timedelta(d), 0))
                for d in range(span)], "day"
    if span <= _MAX_WEEK_BARS * 7:
        start = first - dt.timedelta(first.weekday())  # weeks start on Monday
        weeks = {(start + dt.timedelta(7 * w)).isoformat(): 0 for w in range((last - start).days // 7 + 1)}
        for day, count in days.items():
            weeks[(day - dt.timedelta(day.weekday())).isoformat()] += count
        return list(weeks.items()), "week"
    months: dict[str, int] = {}
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months[f"{year:04d}-{month:02d}"] = 0
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for day, count in days.items():
        months[f"{day.year:04d}-{day.month:02d}"] += count
    return list(months.items()), "month"


def copies(per_story: dict[str, int], title: str) -> str:
    """Stories by how many copies they have, in fixed groups (1, 2, ... 6-10, 11-20, ...)."""
    items = []
    for low, high in _COPY_BUCKETS:
        n = sum(v for k, v in per_story.items() if int(k) >= low and (high is None or int(k) <= high))
        if n:
            name = (f"{low}" if low == high else f"{low}+" if high is None else f"{low}–{high}")
            items.append((f"{name} {'copy' if high == 1 else 'copies'}", n))
    return hbars(items, title, "no stories")
