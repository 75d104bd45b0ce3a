"""Synthetic corpus: plain-text news pages with outlet chrome, wire stories and their syndicated copies."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from pathlib import Path

import numpy as np

_SYLLABLES = ("ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro "
              "sa se si so ta te ti to va ve vi vo an en in on ar er ir or al el il ol").split()
_COMMON = ("the of and to in a that for on with as was said by at from his her their officials "
           "government city police minister president week year people state country report new "
           "told after before during over under about against between while would could has have").split()
_PLACES = ("WASHINGTON", "LONDON", "PARIS", "BERLIN", "MOSCOW", "TOKYO", "NAIROBI", "LIMA",
           "BEIRUT", "SYDNEY", "OTTAWA", "MADRID", "CAIRO", "DELHI", "SEOUL", "ROME")
_AGENCIES = (("AP", "Copyright {y} The Associated Press. All rights reserved. This material may not "
                    "be published, broadcast, rewritten or redistributed."),
             ("AFP", "Copyright {y} Agence France-Presse. All rights reserved and no part of this "
                     "dispatch may be republished."),
             ("Reuters", "Reporting by our correspondents; editing by the Reuters desk, with "
                         "additional reporting from the region."))
_SECTIONS = ("Home | World | Politics | Business | Sport | Opinion",
             "News  Local  Nation  World  Weather  Obituaries",
             "Menu Search Subscribe Sign in")
_TAILS = ("Share this article", "Advertisement", "You may also like", "Read more on:",
          "Post a Comment", "Powered by Blogger", "Related stories", "Most read")
_FRAGMENTS = 200_000  # 5-word fragments: unrelated stories almost never share a 5-gram
_FRAGS_PER_SENTENCE = 4
_OUTLETS = 60


def _vocabulary(rng: np.random.Generator) -> np.ndarray:
    made = {"".join(rng.choice(_SYLLABLES, size=rng.integers(2, 4))) for _ in range(6000)}
    return np.array(sorted(made) + _COMMON * 20, dtype=object)


def _fragments(rng: np.random.Generator) -> np.ndarray:
    vocab = _vocabulary(rng)
    words = vocab[rng.integers(0, len(vocab), size=(_FRAGMENTS, 5))]
    return np.array([" ".join(row) for row in words], dtype=object)


class Writer:
    """Composes pages for one seed; every call with the same seed gives the same bytes."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.frags = _fragments(self.rng)
        self.outlets = [(f"The {n.title()} {k}", f"{n}-{k.lower()}.example")
                        for n, k in zip(_vocabulary(self.rng)[:_OUTLETS],
                                        ("Ledger", "Herald", "Post", "Times", "Courier", "Tribune") * 10)]

    def paragraphs(self, count: int) -> list[str]:
        """Return `count` prose paragraphs of 2-4 sentences each."""
        out = []
        for sentences in self.rng.integers(2, 5, size=count):
            idx = self.rng.integers(0, _FRAGMENTS, size=(sentences, _FRAGS_PER_SENTENCE))
            out.append(" ".join(" ".join(self.frags[row]).capitalize() + "." for row in idx))
        return out

    def story(self, day: dt.date) -> dict:
        """Return a wire story: agency, place, headline, date and body paragraphs."""
        agency, credit = _AGENCIES[self.rng.integers(0, len(_AGENCIES))]
        return {"agency": agency, "credit": credit.format(y=day.year), "day": day,
                "place": _PLACES[self.rng.integers(0, len(_PLACES))],
                "title": self.paragraphs(1)[0].split(".")[0][:70].title(),
                "body": self.paragraphs(int(self.rng.integers(5, 11)))}

    def page(self, story: dict, outlet: int, copy: bool) -> str:
        """Render a story as one outlet's text dump; a copy is trimmed, extended and retitled."""
        name, _domain = self.outlets[outlet]
        body = list(story["body"])
        title = story["title"]
        if copy:
            trimmed = body[:len(body) - int(self.rng.integers(0, 3))]
            body = trimmed + self.paragraphs(int(self.rng.integers(0, 2)))
            title = f"{name.split()[1]}: {title}" if self.rng.random() < 0.5 else title.upper()
        day = story["day"] + dt.timedelta(days=int(self.rng.integers(0, 2)) if copy else 0)
        lead = f"{story['place']} ({story['agency']}) — {body[0]}" if story["agency"] else body[0]
        lines = [_SECTIONS[outlet % len(_SECTIONS)], day.strftime("%A, %B %d, %Y"), title, "",
                 lead, *body[1:]]
        if story["agency"]:
            lines.append(story["credit"])
        lines += [f"© {day.year} {name}", _TAILS[outlet % len(_TAILS)],
                  _TAILS[(outlet + 3) % len(_TAILS)]]
        return "\n\n".join(lines) + "\n"


def generate(dest: Path, n_docs: int, seed: int = 7) -> Path:
    """Write `n_docs` pages under `dest` (1,000 per folder) and a manifest.csv of URLs; reuse a finished one."""
    done = dest / ".complete"
    spec = {"n_docs": n_docs, "seed": seed, "version": 2}
    if done.is_file() and json.loads(done.read_text()) == spec:
        return dest
    dest.mkdir(parents=True, exist_ok=True)
    writer = Writer(seed)
    with (dest / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        rows = csv.writer(handle)
        rows.writerow(["file", "url", "crawled_at"])
        for i, (rel, text, url) in enumerate(_pages(writer, n_docs)):
            path = dest / rel
            if i % 1000 == 0:
                path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            rows.writerow([rel, url, ""])
    done.write_text(json.dumps(spec))
    return dest


def _pages(writer: Writer, n_docs: int):
    """Yield (relative path, text, url): stories with 0-4 syndicated copies, a few exact twins and junk."""
    rng, i, start = writer.rng, 0, dt.date(2025, 1, 1)
    while i < n_docs:
        story = writer.story(start + dt.timedelta(days=int(rng.integers(0, 600))))
        if rng.random() < 0.3:
            story["agency"] = ""  # an outlet's own story: no dateline agency, no credit
        copies = int(rng.choice([0, 0, 1, 2, 4])) if story["agency"] else 0
        for k in range(copies + 1):
            if i >= n_docs:
                return
            outlet = int(rng.integers(0, _OUTLETS))
            text = writer.page(story, outlet, copy=k > 0)
            roll = rng.random()
            if roll < 0.004:
                text = "Menu\n\nSign in\n"  # a page whose story failed to load
            yield _name(i), text, f"https://{writer.outlets[outlet][1]}/news/{i}"
            i += 1
            if roll > 0.995 and i < n_docs:  # the same page saved twice
                yield _name(i), text, f"https://{writer.outlets[outlet][1]}/news/{i}"
                i += 1


def _name(i: int) -> str:
    return f"{i // 1000:04d}/{i:07d}.txt"


def bench_root() -> Path:
    """Scratch folder for generated corpora and outputs (git-ignored), overridable by WIREDESK_BENCH_DIR."""
    default = Path(__file__).resolve().parents[2] / ".bench"
    return Path(os.environ.get("WIREDESK_BENCH_DIR", default))
