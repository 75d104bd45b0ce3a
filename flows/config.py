"""The one frozen configuration object, built once per run and passed down to every stage."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Config:
    """Every knob of a run; thresholds say what they were tuned on."""

    input_dir: Path = REPO_ROOT / "seeds"
    output_dir: Path = REPO_ROOT / "output"
    schemas_dir: Path = REPO_ROOT / "schemas"
    expectations_dir: Path = REPO_ROOT / "expectations"
    # Optional sidecar (file,url,crawled_at) naming where loose files came from.
    manifest_name: str = "manifest.csv"

    # Inputs: file endings read as plain text and as HTML.
    text_suffixes: tuple[str, ...] = (".txt",)
    html_suffixes: tuple[str, ...] = (".html", ".htm")
    # A page larger than this is quarantined rather than parsed: real news pages stay well under 5 MB.
    max_doc_bytes: int = 20_000_000
    # Per-document limits keep one hostile page from stalling a run. They bound the work, not the clock,
    # so a release never depends on how busy the machine was: `extract_seconds` is the wall-clock budget
    # they are sized to, which tests/bench/test_bench_limits.py measures and `make fuzz` checks per input.
    extract_seconds: float = 10.0
    # Trafilatura and htmldate take ~0.6 s per MB of markup; the extraction dev set's largest page is 0.6 MB.
    max_html_chars: int = 5_000_000
    # Trafilatura's time grows faster than the element count (40k elements ~2 s, 80k ~6 s on an idle
    # 2-core box); the extraction dev set's largest page has 4,219 elements (median 680).
    max_html_elements: int = 30_000
    # lxml without huge_tree stops parsing at depth 255 and silently drops the rest of the page; the
    # extraction dev set's deepest page nests 42 levels.
    max_html_depth: int = 250
    # Archives: decompressed bytes read from one .warc.gz/.jsonl.gz before it is cut off (a CC-NEWS WARC
    # is ~1 GB compressed, ~5 GB inflated), and the inflation ratio past max_doc_bytes that marks a gzip
    # bomb (HTML and WARC files compress 3-10 times; a bomb of zeros ~1000 times).
    max_archive_bytes: int = 20_000_000_000
    max_inflation: int = 100
    # Files per chunk task: ~200 keeps Prefect's per-task overhead under 5% of a chunk's work (seeds+bench).
    chunk_docs: int = 200
    # Rows a chunk holds in memory before appending them to its staged part: an archive is one chunk
    # however many records it has; 500 rows of news text stay in the low megabytes.
    stage_batch_docs: int = 500
    # Threads running chunk tasks on one machine: text cleaning holds the GIL, so threads beyond the
    # cores only add switching; a Dask cluster (--dask) is the way to use more processes (bench).
    chunk_workers: int = 2

    # Dates: the earliest publication day accepted; anything before is a parse error, not news.
    date_floor: dt.date = dt.date(1990, 1, 1)
    # "Today" for rejecting future dates; fixed by WIREDESK_TODAY for reproducible rebuilds.
    today: dt.date = field(default_factory=lambda: _today())

    # Release metadata: the release timestamp honours SOURCE_DATE_EPOCH (reproducible-builds.org) so a
    # rebuild can be byte-identical; data files never carry it, only the card and descriptors.
    released_at: dt.datetime = field(default_factory=lambda: _released_at())
    # Public address that serves output/ (WIREDESK_BASE_URL), for absolute links in the card and
    # Croissant; None keeps every link relative.
    base_url: str | None = field(default_factory=lambda: os.environ.get("WIREDESK_BASE_URL") or None)

    # Bodies shorter than this are not a story (menus, error pages); tuned on the seed and dev dumps.
    min_body_chars: int = 200
    # HTML bodies are cut by trafilatura, which has already told the story from the chrome, so the floor
    # only rejects stubs ("Page not found", consent walls, a bare caption). The shortest real stories on
    # the extraction dev set are a 99-character dialogue post and a 122-character one; 200 rejected them.
    min_html_body_chars: int = 80
    # A body longer than this is a parsing accident (a whole site in one record): the longest real story
    # in the dev sets is under 60,000 characters.
    max_body_chars: int = 1_000_000
    # Headline bounds: under 3 characters is no headline; over 300 means the title finder took body text
    # (dev-set headlines run 10-180 characters).
    min_title_chars: int = 3
    max_title_chars: int = 300
    # The last line of a body must not be a comment, share, sign-in or related-links widget: the blog
    # widgets of the seeds and the prompts the textdump and syndication dev sets leave after a story.
    # Matched on the body's last `tail_chars` characters (trailing blanks dropped) by Python's re in the
    # record checks and by Arrow's RE2 in the gate, so it uses only what both read alike (no \b, \d, \w).
    chrome_tail_pattern: str = (
        r"(?i)(?:^|\n)[ \t]{0,8}(?:no comments|post a comment|(?:leave|add|write|post) a (?:comment|reply)"
        r"|(?:[^\n]{0,60}[|•·][ \t]*)?[0-9]+ comments?[ \t]*$|comments? \([0-9]+\)"
        r"|(?:show|view|load) (?:all )?comments"
        r"|(?:log|sign) in(?: [^\n]{0,60})? to (?:comment|post)|join the (?:conversation|discussion)"
        r"|share this(?:$|[ :!.])|you may also like|read more(?: on)?:|related (?:stories|articles|posts|coverage)"
        r"|trending(?: now)?[ \t:]*$|more from [^.\n]{1,60}$|powered by [^.\n]{1,40}$)[^\n]{0,120}$"
    )
    # Characters at a body's end the chrome check reads: longer than any match of the pattern above, so
    # the check on the tail equals the check on the whole body without copying every body.
    tail_chars: int = 240

    # Dedup: word 5-grams, the shingle size notes/dedup.md measured on syndicated wire copies.
    shingle_size: int = 5
    # Whole-text LSH: one-permutation MinHash with bands x rows bins (a power of two). Single-bin bands
    # make a pair a candidate when any bin agrees, P = 1-(1-J)^16 (0.56 at Jaccard 0.05, 0.81 at 0.1),
    # as trimmed copies have low Jaccard. Syndication dev set: these candidates score as well as checking
    # every pair exactly (ARI 0.9969 both), where 32x2 bands reached 0.9924.
    lsh_bands: int = 16
    lsh_rows: int = 1
    # Opening LSH over each document's first `opening_shingles` n-grams: copies keep the story's opening
    # even when trimmed or extended; 8x2 bands of a 16-bin sketch are a cheap second route to them.
    opening_bands: int = 8
    opening_rows: int = 2
    # Each document is paired with at most this many better-ranked documents per LSH bucket: the story's
    # canonical copy ranks first among its copies, so a few suffice and big buckets stay linear (the dev
    # set scores the same with 4 or 1,000).
    lsh_bucket_heads: int = 4
    # Exact check. Containment |A∩B|/min(|A|,|B|) a copy must reach. Syndication dev set, ARI with
    # 0.5 / 0.6 / 0.7: 0.9969 / 0.9969 / 0.9930 on release bodies, 0.9967 / 0.9913 / 0.9818 on whole pages
    # (a cleaner that removes nothing).
    containment_threshold: float = 0.5
    # Opening rule: share of one document's first `opening_shingles` n-grams found among the other's
    # first `opening_window`. It joins copies extended with other material (containment diluted), while
    # follow-ups that reuse background paragraphs but not the lead stay apart; a fixed count of shared
    # n-grams cannot tell those apart (>= 120 shared joins 12 dev-set pairs of different stories). Dev set
    # ARI without / with it: 0.9928 / 0.9969 (bodies), 0.9865 / 0.9967 (whole pages); 0.5-0.7 score
    # alike; 0.6 keeps the heavily house-styled seed copies 000/001 (0.68).
    opening_shingles: int = 50
    opening_window: int = 100
    opening_threshold: float = 0.6
    # Shared n-grams a copy must have at least (about one sentence verbatim), so two tiny pages cannot
    # attach by a stock phrase (dev set: 10 to 30 score alike; 10 of 3,381 true pairs share fewer than 20).
    min_shared_shingles: int = 20
    # Copies are published within days of each other (dev set: at most 3 days apart); dated documents
    # further apart than this are never copies, undated ones are not bounded.
    max_copy_days: int = 7
    # Boilerplate: a paragraph on at least this many pages of one outlet (or page template) is the
    # outlet's chrome, not story text (3, as in the dev set's same-outlet reference). Dev set, whole pages,
    # containment only: ARI 0.9647 without, 0.9865 with (true outlets, from the set's metadata: 0.987).
    boilerplate_min_docs: int = 3
    # ... unless removing it would take more than this share of a page's n-grams: then the page is more
    # likely the same story crawled again at one outlet (versions, mobile/AMP twins), and is kept whole.
    # Short stories carry up to 2/3 chrome (dev set); 0.5, 0.8 and 1.0 scored alike there.
    boilerplate_max_share: float = 0.8

    # Trafilatura options we rely on, spelled out rather than left to library defaults. Metadata is
    # read by flows/htmlmeta from the same parsed tree, so trafilatura only cuts the story.
    trafilatura_options: tuple[tuple[str, object], ...] = (
        ("output_format", "python"),
        ("with_metadata", False),
        ("only_with_metadata", False),
        ("include_comments", False),
        ("include_tables", True),
        ("include_images", False),
        ("include_links", False),
        ("include_formatting", False),
        ("favor_precision", False),
        ("favor_recall", False),
        ("deduplicate", False),
        ("target_language", None),
        # fast=True skips the readability/jusText fallback: the same body F1 on the extraction dev
        # set (0.935 either way) at ~1.4x the speed.
        ("fast", True),
        ("prune_xpath", None),
    )

    @property
    def releases_dir(self) -> Path:
        """Folder that holds every published release."""
        return self.output_dir / "releases"

    @property
    def failed_gate_dir(self) -> Path:
        """Where the validation report of a run the gate stopped is kept (replaced by the next failure)."""
        return self.output_dir / "failed-gate"

    @property
    def dedup_state_dir(self) -> Path:
        """Folder of the dedup index that persists between runs."""
        return self.output_dir / "state" / "dedup"

    @property
    def staging_dir(self) -> Path:
        """Folder for per-run intermediate files, never published."""
        return self.output_dir / ".staging"

    def body_floor(self, input_format: str) -> int:
        """The fewest characters a released body of this input format ('html' or 'text') has."""
        return self.min_html_body_chars if input_format == "html" else self.min_body_chars

    def with_paths(self, input_dir: Path | str | None = None,
                   output_dir: Path | str | None = None) -> "Config":
        """Return a copy pointing at other input or output folders."""
        changes: dict[str, object] = {}
        if input_dir is not None:
            changes["input_dir"] = Path(input_dir).resolve()
        if output_dir is not None:
            changes["output_dir"] = Path(output_dir).resolve()
        return replace(self, **changes)


def _today() -> dt.date:
    fixed = os.environ.get("WIREDESK_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.datetime.now(dt.timezone.utc).date()


def _released_at() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def build_config(**overrides: object) -> Config:
    """Build the run's config from defaults plus explicit overrides."""
    cfg = Config(**overrides)  # type: ignore[arg-type]
    return cfg.with_paths(cfg.input_dir, cfg.output_dir)
