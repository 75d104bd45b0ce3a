"""Plain-text path speed: documents per second per core through cleaning and tagging, on generated pages."""

from __future__ import annotations

import random
import time

import trafilatura

from flows import language, tag, textclean
from flows.config import build_config
from flows.model import RawDoc

# Target from the plain-text cleaning requirement: whole cleaning + tagging path, one core.
TARGET_DOCS_PER_SECOND = 2000
PAGES = 1000

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


def _clean_and_tag(raws: list[RawDoc], cfg) -> list:
    return [tag.tag(raw, textclean.clean(raw.text, cfg), cfg) for raw in raws]


def _language(docs: list) -> None:
    for doc in docs:
        language.detect(doc.text, None)


def _trafilatura(pages: list[str]) -> None:
    # The devdata README's baseline for dumps: each non-empty line wrapped in <p>, default extraction.
    for text in pages:
        paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
        html = f"<html><body>{paragraphs}</body></html>"
        trafilatura.bare_extraction(html, with_metadata=True)


def _seconds(run, *args) -> float:
    """CPU seconds of this process: one core's time, unaffected by other load on the machine."""
    start = time.process_time()
    run(*args)
    return time.process_time() - start


def _first_sight(raws: list[RawDoc], warm: list[RawDoc], cfg) -> float:
    # Lines are judged once per run and remembered: warm the memory on other pages of the same sites (their
    # chrome repeats), so the timed pages are new as in a crawl, not a second pass over the same pages.
    textclean._judge_cached.cache_clear()
    _clean_and_tag(warm, cfg)
    return _seconds(_clean_and_tag, raws, cfg)


def test_text_docs_per_second_per_core():
    cfg = build_config()
    pages, warm_pages = generate(PAGES), generate(PAGES // 2, seed=8)
    raws = [RawDoc(f"d{i}", f"p{i}.txt", "text", text, "utf-8") for i, text in enumerate(pages)]
    warm = [RawDoc(f"w{i}", f"w{i}.txt", "text", text, "utf-8") for i, text in enumerate(warm_pages)]
    _clean_and_tag(warm[:50], cfg), _trafilatura(pages[:5])  # imports, models and tables outside the clock
    ours, again, lang, bare = [], [], [], []
    for _ in range(2):  # alternate, keep each side's best round
        ours.append(_first_sight(raws, warm, cfg))
        again.append(_seconds(_clean_and_tag, raws, cfg))
        docs = _clean_and_tag(raws, cfg)
        lang.append(_seconds(_language, docs))
        bare.append(_seconds(_trafilatura, pages[:200]) * len(pages) / 200)
    whole, detect, traf = len(pages) / min(ours), min(lang) / len(pages) * 1000, len(pages) / min(bare)
    kib = sum(len(p) for p in pages) / len(pages) / 1024
    print(f"\nplain-text path on {len(pages)} generated pages of {kib:.1f} KiB "
          "(documents/s per core, CPU time, best of 2):")
    print(f"  wiredesk clean + tag, pages seen first time  {whole:8,.0f}   target {TARGET_DOCS_PER_SECOND:,}")
    print(f"  wiredesk clean + tag, same pages again       {len(pages) / min(again):8,.0f}")
    print(f"  of which language detection                  {detect:8.2f} ms/document")
    print(f"  wiredesk clean + tag without language        {len(pages) / (min(ours) - min(lang)):8,.0f}")
    print(f"  trafilatura on <p>-wrapped dumps              {traf:8,.0f}")
    print(f"  ratio wiredesk / trafilatura                 {whole / traf:8.2f}  (target >= 1.0)")
    assert all(d.text and d.title for d in docs)
    assert whole >= traf
