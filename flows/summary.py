"""What a release holds at a glance: documents per day, top outlets and agencies, copies per story."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

# Bars per ranking chart: enough to show who dominates without a wall of names.
TOP = 10


def summarise(tables: dict[str, pa.Table]) -> dict:
    """Return the release's figures as plain JSON-ready values, in a fixed order."""
    docs, stories = tables["documents"], tables["stories"]
    dates = docs.column("published_date")
    return {
        "documents_per_day": _counts(pc.cast(dates, pa.string())),
        "undated_documents": dates.null_count,
        "first_day": _scalar(pc.min(dates)),
        "last_day": _scalar(pc.max(dates)),
        "top_outlets": _ranked(docs.column("outlet")),
        "unknown_outlet_documents": docs.column("outlet").null_count,
        "outlets": _distinct(docs.column("outlet")),
        "top_agencies": _ranked(pc.list_flatten(docs.column("agencies"))),
        "documents_without_agency": int(pc.sum(pc.equal(pc.list_value_length(docs.column("agencies")),
                                                        0)).as_py() or 0),
        "copies_per_story": {str(k): v for k, v in
                             sorted((int(k), v) for k, v in _counts(stories.column("copy_count")).items())},
        "languages": _counts(docs.column("language")),
        "input_formats": _counts(docs.column("input_format")),
        "extraction_methods": _counts(docs.column("extraction_method")),
    }


def _counts(column) -> dict[str, int]:
    """Value -> count for the non-null values, sorted by value."""
    if len(column) == 0:
        return {}
    counted = pc.value_counts(column).to_pylist()
    return {str(c["values"]): c["counts"] for c in sorted(counted, key=lambda c: str(c["values"]))
            if c["values"] is not None}


def _ranked(column) -> list[list]:
    """The TOP most frequent non-null values as [value, count], most frequent first, ties by name."""
    ordered = sorted(_counts(column).items(), key=lambda kv: (-kv[1], kv[0]))
    return [[k, v] for k, v in ordered[:TOP]]


def _distinct(column) -> int:
    return len(_counts(column))


def _scalar(value) -> str | None:
    found = value.as_py()
    return found.isoformat() if found is not None else None
