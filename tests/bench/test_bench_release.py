"""Publishing cost at scale: writing a release of synthetic documents, then a grown one diffed against it."""

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # release_data lives in tests/

from flows import changelog, release  # noqa: E402
from flows.config import build_config  # noqa: E402
from release_data import body, counts, doc, tables  # noqa: E402

DOCS = 20_000


def _rows(n: int, start: int = 0) -> list[dict]:
    return [doc(f"{i:024x}", text=body(i % 200, 300), outlet=f"Outlet {i % 37}",
                published_date=dt.date(2024, 1, 1) + dt.timedelta(i % 300)) for i in range(start, start + n)]


def test_bench_publish(tmp_path):
    cfg = build_config().with_paths(tmp_path / "in", tmp_path / "out")
    first, grown = tables(_rows(DOCS), cfg), tables(_rows(DOCS) + _rows(DOCS // 10, DOCS), cfg)
    t0 = time.perf_counter()
    release.publish(first, counts(first), {}, cfg)
    t1 = time.perf_counter()
    changes = changelog.diff_release(cfg.releases_dir / "1.0.0", grown)
    t2 = time.perf_counter()
    out = release.publish(grown, counts(grown), {}, cfg)
    t3 = time.perf_counter()
    size = sum(p.stat().st_size for p in out.path.iterdir() if p.is_file()) / 1e6
    print(f"\npublish {DOCS:,} docs: {t1 - t0:.2f}s ({(t1 - t0) / DOCS * 1e6:.0f} µs/doc); "
          f"grown {grown['documents'].num_rows:,} docs: {t3 - t2:.2f}s including its changelog diff, "
          f"which alone takes {t2 - t1:.2f}s; "
          f"release folder {size:.1f} MB")
    assert out.version == "1.1.0" and changes["documents"]["added"] == DOCS // 10
