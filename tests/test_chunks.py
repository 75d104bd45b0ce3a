import dataclasses
import json

import pyarrow.parquet as pq

from flows import ingest
from flows.chunks import prepare_chunk

PAGE = ("<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1><p>"
        + "Paragraph {i} tells what happened in the town hall today and why it matters. " * 8
        + "</p></article></body></html>")


def test_archive_chunk_stages_rows_in_bounded_batches(cfg, tmp_path):
    lines = [json.dumps({"url": f"https://example.org/{i}", "html": PAGE.format(i=i)}) for i in range(5)]
    (cfg.input_dir / "export.jsonl").write_text("\n".join(lines) + "\n")
    small = dataclasses.replace(cfg, stage_batch_docs=2)
    (chunk,) = ingest.plan(small).chunks
    result = prepare_chunk(0, chunk, tmp_path, small)
    part = pq.ParquetFile(result.part)
    assert part.metadata.num_rows == 5 and part.metadata.num_row_groups == 3
    assert len(result.doc_ids) == 5 and result.counts["tagged"] == 5
    assert len(result.fingerprints) == 3  # one staged fingerprint file per batch
    assert result.sources[0] == "export.jsonl#line:1"
