"""The whole flow on the seed documents, under a real (throwaway) Prefect API."""

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from conftest import SEEDS
from flows.pipeline import build_release


def test_seeds_release(prefect_harness, tmp_path):
    out = tmp_path / "out"
    result = build_release(input_dir=str(SEEDS), output_dir=str(out))
    latest = out / "releases" / "latest"
    assert result["version"] == "1.0.0" and latest.resolve() == (out / "releases" / "1.0.0")
    docs = pd.read_parquet(latest / "documents.parquet")
    assert len(docs) == 5
    schema = pq.read_schema(latest / "documents.parquet")
    assert str(schema.field("published_date").type) == "date32[day]"
    assert pa.types.is_list(schema.field("agencies").type)
    assert pa.types.is_boolean(schema.field("is_canonical").type)
    story = dict(zip(docs["source_path"].str[:3], docs["story_id"]))
    assert story["000"] == story["001"]
    assert len({story["001"], story["002"], story["003"], story["004"]}) == 4
    for name in ("documents", "stories", "quarantine"):
        assert (latest / f"{name}.parquet").is_file() and (latest / f"{name}.csv").is_file()
    assert (latest / "manifest.json").is_file()


def test_second_run_with_same_input_publishes_nothing(prefect_harness, tmp_path):
    out = tmp_path / "out"
    build_release(input_dir=str(SEEDS), output_dir=str(out))
    again = build_release(input_dir=str(SEEDS), output_dir=str(out))
    assert again["path"] is None
    assert sorted(p.name for p in (out / "releases").iterdir()) == ["1.0.0", "latest"]
