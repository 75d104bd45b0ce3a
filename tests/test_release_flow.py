"""Releases built by the real flow from growing inputs: changelog counts, stable ids, byte-identical
rebuilds, and descriptors the reference validators accept."""

import json
import random
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from flows.pipeline import build_release

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
EPOCH = "1763700000"
_VOCAB = ("officials ministers talks border trade agency report council budget storm coast rescue power "
          "river bridge harbour election court judge police market prices wheat grain shipping ports strike "
          "union workers teachers hospital doctors patients vaccine weather flood drought farmers village "
          "mayor governor senate committee inquiry evidence witness ruling appeal museum festival stadium "
          "football league season coach players airline flights airport runway tourists hotel island ferry "
          "railway station tunnel highway traffic accident fire crews forest smoke volcano earthquake").split()


def _story(seed: int, paragraphs: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_VOCAB) for _ in range(45)).capitalize() + "." for _ in range(paragraphs)]


def _page(headline: str, day: str, paragraphs: list[str], dateline: str = "") -> str:
    return "\n".join([headline, day, "", dateline + paragraphs[0], *paragraphs[1:], ""]) + "\n"


def _inputs(folder: Path, grown: bool) -> None:
    a, b, c = _story(1, 6), _story(2, 5), _story(3, 5)
    files = {
        "01_story_a.txt": _page("Ministers agree border trade deal", "2024-03-01", a, "WASHINGTON (AP) — "),
        "02_story_a_copy.txt": _page("Border trade deal agreed, ministers say", "2024-03-01", a[:-1],
                                     "WASHINGTON (AP) — "),
        "03_story_b.txt": _page("Storm closes coast roads", "2024-03-02", b),
        "04_empty.txt": "",
    }
    if grown:
        files.update({
            "05_story_c.txt": _page("Court rules on harbour inquiry", "2024-03-05", c),
            "06_story_b_copy.txt": _page("Coast roads shut as storm hits", "2024-03-02", b[:-1]),
            "07_menu.txt": "Home\nNews\nSport\n",
        })
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def releases(prefect_harness, tmp_path_factory):
    """Release one from three stories' inputs, release two from grown inputs, and a rebuild of one."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        root = tmp_path_factory.mktemp("flow")
        _inputs(root / "in1", grown=False)
        _inputs(root / "in2", grown=True)
        first = build_release(input_dir=str(root / "in1"), output_dir=str(root / "out"))
        second = build_release(input_dir=str(root / "in2"), output_dir=str(root / "out"))
        again = build_release(input_dir=str(root / "in1"), output_dir=str(root / "rebuilt"))
    return root, first, second, again


def test_versions_follow_the_inputs(releases):
    _, first, second, again = releases
    assert (first["version"], second["version"], again["version"]) == ("1.0.0", "1.1.0", "1.0.0")


def test_second_changelog_counts_what_changed(releases):
    root = releases[0]
    text = (root / "out" / "releases" / "1.1.0" / "CHANGELOG.md").read_text()
    entry = text[text.index("## [1.1.0]"):text.index("## [1.0.0]")]
    assert "| stories | 1 | 0 | 1 | 3 |" in entry  # story C new; story B gained a copy
    assert "| documents | 2 | 0 | 0 | 5 |" in entry
    assert "| quarantine | 1 | 0 | – | 2 |" in entry
    # The same counts, worked out here from the two releases' Parquet files.
    old = pd.read_parquet(root / "out" / "releases" / "1.0.0" / "stories.parquet").set_index("story_id")
    new = pd.read_parquet(root / "out" / "releases" / "1.1.0" / "stories.parquet").set_index("story_id")
    assert len(new.index.difference(old.index)) == 1 and len(old.index.difference(new.index)) == 0
    kept = old.index.intersection(new.index)
    assert (old.loc[kept, "copy_count"] != new.loc[kept, "copy_count"]).sum() == 1


def test_ids_of_unchanged_records_are_identical(releases):
    root = releases[0]
    cols = ["source_path", "doc_id", "story_id"]
    old = pd.read_parquet(root / "out" / "releases" / "1.0.0" / "documents.parquet", columns=cols)
    new = pd.read_parquet(root / "out" / "releases" / "1.1.0" / "documents.parquet", columns=cols)
    both = old.merge(new, on="source_path", suffixes=("_old", "_new"))
    assert len(both) == 3
    assert (both["doc_id_old"] == both["doc_id_new"]).all() and (both["story_id_old"] == both["story_id_new"]).all()
    story = dict(zip(new["source_path"], new["story_id"]))
    assert story["01_story_a.txt"] == story["02_story_a_copy.txt"]
    assert story["03_story_b.txt"] == story["06_story_b_copy.txt"] != story["05_story_c.txt"]


def test_rebuilding_the_first_release_gives_identical_bytes(releases):
    root = releases[0]
    one, rebuilt = root / "out" / "releases" / "1.0.0", root / "rebuilt" / "releases" / "1.0.0"
    names = [f"{t}.{s}" for t in ("documents", "stories", "quarantine") for s in ("parquet", "csv")]
    names += ["README.md", "datapackage.json", "croissant.json", "CHANGELOG.md", "CITATION.cff"]
    for name in names:
        assert (one / name).read_bytes() == (rebuilt / name).read_bytes(), name


def test_frictionless_validate_passes_on_the_real_release(releases):
    folder = releases[0] / "out" / "releases" / "1.1.0"
    done = subprocess.run([str(BIN / "frictionless"), "validate", "--json", "datapackage.json"], cwd=folder,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and json.loads(done.stdout)["valid"], done.stdout[-3000:]


def test_mlcroissant_validate_passes_on_the_real_release(releases):
    folder = releases[0] / "out" / "releases" / "1.1.0"
    done = subprocess.run([str(BIN / "mlcroissant"), "validate", "--jsonld", "croissant.json"], cwd=folder,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "WARNING" not in done.stderr, done.stderr[-3000:]


def test_sha256sum_passes_on_the_real_release(releases):
    folder = releases[0] / "out" / "releases" / "1.1.0"
    done = subprocess.run(["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=folder, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_site_lists_both_real_releases(releases):
    root = releases[0]
    catalogue = json.loads((root / "out" / "releases.json").read_text())
    assert [r["version"] for r in catalogue["releases"]] == ["1.1.0", "1.0.0"]
