"""Plain-text path speed: documents per second per core through cleaning and tagging, on generated pages."""

from __future__ import annotations

import random
import time

from flows import tag, textclean
from flows.config import build_config
from flows.model import RawDoc

# Target from the plain-text cleaning requirement: whole cleaning + tagging path, one core.
TARGET_DOCS_PER_SECOND = 2000
PAGES = 1500

_CHROME_TOP = [
    "Skip to content", "Home | World | Business | Sport | Culture | Opinion", "Sign in", "Subscribe",
    "Search", "Menu", "Latest News", "Newsletter", "Facebook", "Twitter", "Share", "Zum Inhalt springen",
    "Startseite · Politik · Wirtschaft · Sport · Kultur", "Anmelden", "Log in with Facebook",
]
_CHROME_BOTTOM = [
    "You may also like", "Related articles", "Read more on: world | politics | economy", "No comments:",
    "Post a Comment", "Leave a Reply", "Your email address will not be published.", "Powered by Blogger.",
    "Privacy Policy", "Impressum", "Datenschutz", "Contact us", "Back to top",
]
_DATES = ["{d} {mon} {y}", "{wd}, {mon} {d}, {y}", "{y}-{m:02d}-{d:02d} 10:{d:02d}", "{d}.{m}.{y}"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def _sentence(rng: random.Random, vocab: list[str]) -> str:
    words = rng.choices(vocab, k=rng.randint(8, 24))
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", ","]).replace(",", ".")


def _page(rng: random.Random, vocab: list[str], sites: list[str]) -> str:
    site = rng.choice(sites)
    headline = " ".join(rng.choices(vocab, k=rng.randint(5, 12))).capitalize()
    m, d, y = rng.randint(1, 12), rng.randint(1, 28), rng.randint(2005, 2024)
    date = rng.choice(_DATES).format(d=d, m=m, y=y, mon=_MONTHS[m - 1], wd="Monday")
    paragraphs = [" ".join(_sentence(rng, vocab) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(5, 12))]
    dateline = rng.choice(["WASHINGTON (AP) — ", "Berlin (dpa) - ", "LONDON, Oct 5 (Reuters) - ", "", "Paris - "])
    paragraphs[0] = dateline + paragraphs[0]
    if rng.random() < 0.5:
        paragraphs.insert(rng.randint(1, len(paragraphs) - 1), f"Photo: {rng.choice(vocab).title()} / AFP")
    lines = [f"{headline} | {site}", *rng.sample(_CHROME_TOP, rng.randint(3, 8)), headline, date,
             f"By {rng.choice(vocab).title()} {rng.choice(vocab).title()}", *paragraphs,
             *rng.sample(_CHROME_BOTTOM, rng.randint(3, 8)),
             *(" ".join(rng.choices(vocab, k=7)).title() for _ in range(rng.randint(2, 6))),
             f"© {y} {site}. All rights reserved."]
    return "\n\n".join(lines) if rng.random() < 0.5 else "\n".join(lines)


def generate(n: int, seed: int = 7) -> list[str]:
    """n seed-like plain-text pages: chrome, a title, a date line, a dateline, 5-12 paragraphs, footer."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choices("abcdefghiklmnoprstuvwyz", k=rng.randint(2, 11))) for _ in range(4000)]
    sites = [f"{rng.choice(vocab).title()} {rng.choice(['News', 'Post', 'Times', 'Online'])}" for _ in range(60)]
    return [_page(rng, vocab, sites) for _ in range(n)]


def test_text_docs_per_second_per_core():
    cfg = build_config()
    pages = generate(PAGES)
    raws = [RawDoc(f"d{i}", f"p{i}.txt", "text", text, "utf-8") for i, text in enumerate(pages)]
    for raw in raws[:50]:
        tag.tag(raw, textclean.clean(raw.text, cfg), cfg)  # warm caches and imports
    start = time.process_time()
    docs = [tag.tag(raw, textclean.clean(raw.text, cfg), cfg) for raw in raws]
    seconds = time.process_time() - start
    rate = len(docs) / seconds
    kib = sum(len(p) for p in pages) / len(pages) / 1024
    print(f"\nplain-text clean+tag: {rate:,.0f} documents/s per core "
          f"({len(docs)} pages of {kib:.1f} KiB on average; target {TARGET_DOCS_PER_SECOND:,}/s)")
    assert all(d.text and d.title for d in docs)
    assert rate >= TARGET_DOCS_PER_SECOND
