"""Validate: run the Great Expectations suites of `expectations/` on lean views of the release tables."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from flows import checks, gateviews
from flows.config import Config
from flows.gatereport import GateReport, Outcome
from flows.memory import give_back
from flows.schema import TABLES

# One suite per table, then three over derived frames: the written columns and their types, the links
# between documents and stories, and the first characters of every CSV text cell.
SUITES = (*TABLES, "columns", "story_links", "csv_cells")
# The view column that names a row when an expectation lists the rows it rejected.
ROW_KEYS = {"documents": "doc_id", "stories": "story_id", "quarantine": "source_path",
            "columns": "signature", "story_links": "story_id", "csv_cells": "cell"}
_IDS = uuid.UUID("6f1f3c2e-8d0a-4c52-9a53-0c7de5d1a001")  # namespace: stable ids, so reports diff cleanly
_EXAMPLES = 5
# Counts and a sample of rejected rows per expectation: enough to name the rows, never the whole column.
_RESULT_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": 20}


def load_suite(expectations_dir: Path, name: str) -> dict:
    """Return the hand-written suite JSON of one table or derived frame."""
    return json.loads((expectations_dir / f"{name}.json").read_text(encoding="utf-8"))


def referenced_columns(spec: dict) -> list[str]:
    """Columns a suite's expectations name, in first-use order."""
    names: list[str] = []
    for item in spec["expectations"]:
        kwargs = item["kwargs"]
        names += [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs]
        names += kwargs.get("column_list", [])
    return list(dict.fromkeys(names))


def parameters(cfg: Config) -> dict[str, object]:
    """Values for the suites' `$PARAMETER` placeholders, taken from the run's config."""
    return {
        "date_floor": dt.datetime.combine(cfg.date_floor, dt.time()),
        "today": dt.datetime.combine(cfg.today, dt.time()),
        "end_of_today": checks.end_of_today(cfg),
        # One bound for the whole table: the lower floor; the record checks hold each format to its own.
        "body_floor": min(cfg.min_body_chars, cfg.min_html_body_chars), "max_body_chars": cfg.max_body_chars,
        "min_title_chars": cfg.min_title_chars, "max_title_chars": cfg.max_title_chars,
        "chrome_tail_pattern": cfg.chrome_tail_pattern,
    }


def build_views(tables: Mapping[str, pa.Table], specs: dict[str, dict], cfg: Config,
                csv_cells: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Return the frame each suite validates, holding only the columns the suite needs."""
    frames = {name: gateviews.table_view(tables[name], [ROW_KEYS[name], *referenced_columns(specs[name])], cfg)
              for name in TABLES}
    frames["columns"] = gateviews.columns_view({t: tables[t].schema for t in TABLES}, cfg)
    try:
        frames["story_links"] = gateviews.story_links_view(tables["documents"], tables["stories"])
    except (KeyError, pa.ArrowException):
        frames["story_links"] = pd.DataFrame()  # the suite then fails on missing columns, naming them
    if csv_cells is None:
        from flows.csvfile import as_text

        csv_cells = gateviews.csv_cells_from_tables(tables, cfg, as_text)
    frames["csv_cells"] = csv_cells
    return frames


def quarantine_counts(quarantine: pa.Table) -> dict[str, int]:
    """Quarantined records per `stage/reason`."""
    if not {"stage", "reason"} <= set(quarantine.column_names) or quarantine.num_rows == 0:
        return {}
    keys = pc.binary_join_element_wise(quarantine["stage"], quarantine["reason"], "/")
    found = pc.value_counts(keys)
    return dict(sorted(zip(found.field("values").to_pylist(), found.field("counts").to_pylist()),
                       key=lambda kv: str(kv[0])))


def run_gate(tables: Mapping[str, pa.Table], cfg: Config, docs_dir: Path | None = None,
             nulled: Mapping[str, int] | None = None, csv_cells: pd.DataFrame | None = None,
             only: tuple[str, ...] = SUITES) -> GateReport:
    """Validate each suite's frame (all suites unless `only` names some); write Data Docs into `docs_dir`."""
    specs = {name: load_suite(cfg.expectations_dir, name) for name in SUITES}
    frames = build_views(tables, specs, cfg, csv_cells)
    results, suites = _run_suites({n: frames[n] for n in only}, specs, cfg)
    report = GateReport(parameters={k: _display(v) for k, v in parameters(cfg).items()},
                        quarantine=quarantine_counts(tables["quarantine"]),
                        nulled=None if nulled is None else dict(sorted(nulled.items())))
    for name in only:
        report.results[name] = results[name].to_json_dict()
        order = {item.id: i for i, item in enumerate(suites[name].expectation_configurations)}
        found = sorted(results[name].results, key=lambda r: order.get(r.expectation_config.id, len(order)))
        report.outcomes += [_outcome(name, r, frames[name]) for r in found]
    if docs_dir is not None:
        from flows import datadocs

        datadocs.write_site(docs_dir, results, suites, report, cfg)
        report.docs_dir = docs_dir
    return report


def check_release(folder: Path, cfg: Config, docs_dir: Path | None = None) -> GateReport:
    """Re-run the gate on a published release: its Parquet tables and its written CSV files."""
    from flows.tablefile import TableFile

    tables = {name: TableFile(folder / f"{name}.parquet") for name in TABLES}
    return run_gate(tables, cfg, docs_dir=docs_dir, csv_cells=gateviews.csv_cells_from_files(folder, cfg))


def _run_suites(frames: dict[str, pd.DataFrame], specs: dict[str, dict], cfg: Config):
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    source = context.data_sources.add_pandas("wiredesk")
    run_id = RunIdentifier(run_name="gate", run_time=dt.datetime.combine(cfg.today, dt.time(), dt.timezone.utc))
    results, suites = {}, {}
    for name in frames:
        suites[name] = _suite(gx, name, specs[name])
        batch = (source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("release")
                 .get_batch(batch_parameters={"dataframe": frames[name]}))
        result = batch.validate(suites[name], result_format=_RESULT_FORMAT,
                                expectation_parameters=parameters(cfg))
        result.meta["run_id"] = run_id
        result.meta.get("batch_markers", {}).pop("ge_load_time", None)  # wall-clock noise in a release
        results[name] = result
        give_back()
    return results, suites


def _suite(gx, name: str, spec: dict):
    """Build a GE suite from its JSON, with stable ids and each expectation's notes shown in Data Docs."""
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    suite = gx.ExpectationSuite(name=spec["name"], meta=spec.get("meta", {}), id=str(uuid.uuid5(_IDS, name)))
    for i, item in enumerate(spec["expectations"]):
        notes = f"{item.get('severity', 'critical')}: {item['meta']['notes']}"
        suite.add_expectation_configuration(ExpectationConfiguration(
            **item, notes=notes, id=str(uuid.uuid5(_IDS, f"{name}/{i}"))))
    return suite


def _outcome(suite: str, result, frame: pd.DataFrame) -> Outcome:
    config = result.expectation_config
    kwargs = config.kwargs
    column = kwargs.get("column") or "/".join(kwargs[k] for k in ("column_A", "column_B") if k in kwargs)
    return Outcome(
        suite=suite, expectation=config.type, column=column or None,
        severity=str(getattr(config.severity, "value", config.severity) or "critical"),
        success=bool(result.success), observed=_observed(result.result or {}, result.exception_info or {}),
        notes=(config.meta or {}).get("notes", ""),
        examples=_examples(frame, ROW_KEYS[suite], column, result.result or {}))


def _observed(result: dict, exception: dict) -> str:
    message = _exception_message(exception)
    if message:
        return f"could not be evaluated: {message[:200]}"
    if "element_count" in result and result.get("unexpected_count") is not None:
        bad, total = result["unexpected_count"], result["element_count"]
        return f"{bad} of {total} rows unexpected ({100 * bad / total if total else 0:.1f}%)"
    if result.get("partial_missing_list"):
        return f"missing: {_short(result['partial_missing_list'])}"
    if "observed_value" in result:
        return f"observed {_short(result['observed_value'])}"
    return "no observation"


def _exception_message(exception: dict) -> str | None:
    if exception.get("raised_exception"):
        return str(exception.get("exception_message"))
    for value in exception.values():
        if isinstance(value, dict) and value.get("raised_exception"):
            return str(value.get("exception_message"))
    return None


def _examples(frame: pd.DataFrame, key: str, column: str | None, result: dict) -> list[str]:
    """A few rejected rows, named by their key (and the value when it is another column)."""
    rows = [r for r in result.get("partial_unexpected_index_list") or [] if r in frame.index]
    if rows and key in frame.columns:
        shown = column in frame.columns and column != key
        named = [_short(frame.at[r, key], 80) + (f" ({_short(frame.at[r, column], 60, column.endswith('_tail'))})"
                                                 if shown and not pd.isna(frame.at[r, column]) else "")
                 for r in rows]
        return list(dict.fromkeys(named))[:_EXAMPLES]
    values = result.get("partial_unexpected_list") or result.get("partial_missing_list") or []
    return [_short(v, 80) for v in values[:_EXAMPLES]]


def _display(value: object) -> str:
    if isinstance(value, dt.datetime) and value.tzinfo is None and value.time() == dt.time():
        return value.date().isoformat()
    return value.isoformat() if isinstance(value, dt.datetime) else str(value)


def _short(value: object, limit: int = 160, keep_end: bool = False) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False) if isinstance(value, (list, dict)) else str(value)
    if len(text) <= limit:
        return text
    return "…" + text[1 - limit:] if keep_end else text[: limit - 1] + "…"
