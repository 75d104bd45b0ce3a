"""The dataset card: Hugging Face front matter, every column, loading one-liners that run, citation."""

import re

import pytest
import yaml

from flows.frontmatter import size_category, to_yaml
from flows.schema import TABLES, load_table_spec
from release_data import two_releases


@pytest.fixture
def latest(cfg, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763700000")
    from flows.config import build_config

    c = build_config().with_paths(cfg.input_dir, cfg.output_dir)
    two_releases(c)
    return c.releases_dir / "1.1.0"


def _split(card: str) -> tuple[dict, str]:
    assert card.startswith("---\n")
    head, body = card[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def test_front_matter_has_the_hugging_face_fields(latest):
    meta, _ = _split((latest / "README.md").read_text())
    assert meta["license"] == "other" and meta["license_name"] == "publisher-copyright"
    assert meta["language"] == ["en"] and meta["size_categories"] == ["n<1K"]
    assert meta["pretty_name"]
    configs = {c["config_name"]: c for c in meta["configs"]}
    assert set(configs) == set(TABLES) and configs["stories"]["default"] is True
    for table in TABLES:
        path = configs[table]["data_files"][0]["path"]
        assert path == f"{table}.parquet" and (latest / path).is_file()


def test_every_column_is_in_the_features_and_the_body(latest, cfg):
    meta, body = _split((latest / "README.md").read_text())
    info = {i["config_name"]: i for i in meta["dataset_info"]}
    for table in TABLES:
        columns = [c["name"] for c in load_table_spec(cfg.schemas_dir, table)["columns"]]
        assert [f["name"] for f in info[table]["features"]] == columns
        for name in columns:
            assert f"| `{name}` |" in body, name
    features = {f["name"]: f for f in info["documents"]["features"]}
    assert features["agencies"] == {"name": "agencies", "sequence": "string"}
    assert features["published_date"]["dtype"] == "date32"
    assert info["documents"]["splits"][0]["num_examples"] == 5


def test_card_has_the_sections_a_reader_needs(latest):
    _, body = _split((latest / "README.md").read_text())
    for heading in ("## Files", "## Loading", "## Structure", "## How copies are clustered", "## Provenance",
                    "## Known limitations", "## Licence", "## Changes", "## How to cite"):
        assert heading in body
    assert "sha256sum -c SHA256SUMS" in body
    assert "single quote (')" in body  # the CSV formula guard is documented
    assert "| stories | 1 | 0 | 1 |" in body and "Since 1.0.0" in body


def test_citation_names_the_version(latest):
    _, body = _split((latest / "README.md").read_text())
    assert "@misc{wiredesk_1_1_0," in body and "version = {1.1.0}" in body
    cff = yaml.safe_load((latest / "CITATION.cff").read_text())
    assert cff["version"] == "1.1.0" and cff["type"] == "dataset" and cff["date-released"] == "2025-11-21"


def test_loading_one_liners_run(latest, monkeypatch):
    _, body = _split((latest / "README.md").read_text())
    blocks = re.findall(r"```python\n(.*?)```", body, re.S)
    runnable = [b for b in blocks if "duckdb" not in b]
    assert len(runnable) == 2 and any("duckdb" in b for b in blocks)
    monkeypatch.chdir(latest)
    for block in runnable:
        scope: dict = {}
        exec(block, scope)  # noqa: S102 - the card's own example code, run on its own release
        assert "documents" in scope


def test_base_url_makes_links_absolute(cfg, monkeypatch):
    from flows.config import build_config

    monkeypatch.setenv("WIREDESK_BASE_URL", "https://data.example.org/wiredesk/")
    c = build_config().with_paths(cfg.input_dir, cfg.output_dir)
    two_releases(c)
    body = (c.releases_dir / "1.1.0" / "README.md").read_text()
    assert 'pd.read_parquet("https://data.example.org/wiredesk/releases/1.1.0/stories.parquet")' in body
    assert "url = {https://data.example.org/wiredesk/releases/1.1.0/}" in body


def test_size_categories():
    assert size_category(999) == "n<1K" and size_category(1000) == "1K<n<10K"
    assert size_category(250_000) == "100K<n<1M" and size_category(10**13) == "n>1T"


def test_yaml_writer_quotes_anything():
    data = {"a": ['x: "y"', "#not a comment", "é"], "b": [{"c": 1, "d": True}], "e": None, "f": []}
    assert yaml.safe_load("\n".join(to_yaml(data))) == data


def test_card_is_written_with_unix_newlines_and_utf8(latest):
    raw = (latest / "README.md").read_bytes()
    assert b"\r\n" not in raw and "“curly”" not in raw.decode("utf-8")  # record text stays out of the card


def test_no_detected_language_leaves_the_key_out(cfg):
    from flows.frontmatter import header

    manifest = {"summary": {"languages": {}}, "table_rows": {t: 0 for t in TABLES},
                "table_bytes": {t: 0 for t in TABLES},
                "files": {f"{t}.parquet": {"bytes": 1, "sha256": "0" * 64} for t in TABLES}}
    meta = {"title": "t", "keywords": [], "licence": {"huggingface": "other", "huggingface_name": "x"}}
    found = header(meta, manifest, cfg.schemas_dir)
    assert "language" not in found and "multilinguality" not in found and found["license"] == "other"
