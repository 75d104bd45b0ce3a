"""Validate: run the Great Expectations suites in `expectations/` against the tables before release."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from flows.config import Config


@dataclass
class Outcome:
    """One expectation's verdict, in words a release reader can act on."""

    table: str
    expectation: str
    column: str | None
    severity: str
    success: bool
    unexpected_count: int | None
    notes: str


@dataclass
class GateReport:
    """The gate's decision and every expectation's outcome."""

    outcomes: list[Outcome] = field(default_factory=list)
    raw: dict[str, dict] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        """True when no critical expectation failed."""
        return not self.blocking

    @property
    def blocking(self) -> list[Outcome]:
        """Failed expectations that stop the release."""
        return [o for o in self.outcomes if not o.success and o.severity == "critical"]

    @property
    def warnings(self) -> list[Outcome]:
        """Failed expectations that are reported but do not block."""
        return [o for o in self.outcomes if not o.success and o.severity != "critical"]


def load_suite(expectations_dir: Path, table: str) -> dict:
    """Return the hand-written suite JSON of one table."""
    return json.loads((expectations_dir / f"{table}.json").read_text(encoding="utf-8"))


def run_gate(tables: dict[str, pd.DataFrame], cfg: Config) -> GateReport:
    """Validate every table against its suite; Great Expectations is imported here and only here."""
    import great_expectations as gx
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    source = context.data_sources.add_pandas("wiredesk")
    report = GateReport()
    for table, frame in tables.items():
        spec = load_suite(cfg.expectations_dir, table)
        suite = gx.ExpectationSuite(name=spec["name"], meta=spec.get("meta", {}))
        for item in spec["expectations"]:
            suite.add_expectation_configuration(ExpectationConfiguration(**item))
        suite = context.suites.add_or_update(suite)
        batch = (source.add_dataframe_asset(table).add_batch_definition_whole_dataframe("release")
                 .get_batch(batch_parameters={"dataframe": frame}))
        result = batch.validate(suite, result_format="SUMMARY")
        report.raw[table] = result.to_json_dict()
        report.outcomes += [_outcome(table, r) for r in result.results]
    report.outcomes.sort(key=lambda o: (o.table, o.expectation, o.column or ""))
    return report


def _outcome(table: str, result) -> Outcome:
    config = result.expectation_config
    severity = getattr(config.severity, "value", config.severity) or "critical"
    return Outcome(
        table=table, expectation=config.type, column=config.kwargs.get("column"),
        severity=str(severity), success=bool(result.success),
        unexpected_count=(result.result or {}).get("unexpected_count"),
        notes=(config.meta or {}).get("notes", ""),
    )
