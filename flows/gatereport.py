"""The gate's verdict: every expectation's outcome, quarantine counts, and a one-screen summary."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Failures listed by name on the one-screen summary; the rest are counted and left to the report.
_LISTED = 8


@dataclass
class Outcome:
    """One expectation's verdict, in words a release reader can act on."""

    suite: str
    expectation: str
    column: str | None
    severity: str
    success: bool
    observed: str
    notes: str
    examples: list[str] = field(default_factory=list)

    @property
    def blocks(self) -> bool:
        """A failed critical expectation: the release stops."""
        return not self.success and self.severity == "critical"

    @property
    def warns(self) -> bool:
        """A failed expectation of lower severity: reported, not blocking."""
        return not self.success and self.severity != "critical"

    @property
    def where(self) -> str:
        """`suite.column` (or `suite.*` for a table-wide expectation)."""
        return f"{self.suite}.{self.column or '*'}"


@dataclass
class GateReport:
    """The gate's decision, every expectation's outcome and what the record-level checks did."""

    outcomes: list[Outcome] = field(default_factory=list)
    results: dict[str, dict] = field(default_factory=dict)
    parameters: dict[str, str] = field(default_factory=dict)
    quarantine: dict[str, int] = field(default_factory=dict)
    nulled: dict[str, int] | None = None  # None when unknown (re-checking a published release)
    docs_dir: Path | None = None

    @property
    def passed(self) -> bool:
        """True when no critical expectation failed."""
        return not self.blocking

    @property
    def blocking(self) -> list[Outcome]:
        """Failed expectations that stop the release."""
        return [o for o in self.outcomes if o.blocks]

    @property
    def warnings(self) -> list[Outcome]:
        """Failed expectations that are reported but do not block."""
        return [o for o in self.outcomes if o.warns]

    def to_json(self) -> dict:
        """The report as JSON-ready data: verdict, outcomes, counts and each suite's GE result."""
        return {
            "passed": self.passed,
            "statistics": self.statistics(),
            "parameters": self.parameters,
            "outcomes": [asdict(o) for o in self.outcomes],
            "quarantine_by_reason": self.quarantine,
            "nulled_by_record_checks": self.nulled,
            "great_expectations": self.results,
        }

    def statistics(self) -> dict[str, int]:
        """Counts of expectations evaluated, passed, failed as warnings and failed as blocking."""
        return {"evaluated": len(self.outcomes), "passed": sum(o.success for o in self.outcomes),
                "warnings": len(self.warnings), "blocking": len(self.blocking)}

    def write_json(self, path: Path) -> None:
        """Write `to_json()` with sorted keys, so equal verdicts give equal bytes."""
        path.write_text(json.dumps(self.to_json(), indent=2, sort_keys=True, default=str) + "\n",
                        encoding="utf-8")

    def summary(self) -> str:
        """A one-screen text summary: verdict, per-suite counts, failures, quarantine reasons."""
        stats = self.statistics()
        verdict = "PASSED" if self.passed else "FAILED"
        lines = [f"validation gate {verdict}: {stats['evaluated']} expectations, {stats['passed']} passed, "
                 f"{stats['warnings']} warning(s), {stats['blocking']} blocking",
                 f"  {'suite':<12} {'passed':>6} {'warned':>6} {'blocked':>7}"]
        for suite in dict.fromkeys(o.suite for o in self.outcomes):
            mine = [o for o in self.outcomes if o.suite == suite]
            lines.append(f"  {suite:<12} {sum(o.success for o in mine):>6} "
                         f"{sum(o.warns for o in mine):>6} {sum(o.blocks for o in mine):>7}")
        failed = [("BLOCKED", o) for o in self.blocking] + [("warning", o) for o in self.warnings]
        for label, o in failed[:_LISTED]:
            lines.append(f"  {label} {o.where} {o.expectation}: {o.observed}")
            lines.append(f"      why: {o.notes}" + (f"  e.g. {', '.join(o.examples[:3])}" if o.examples else ""))
        if len(failed) > _LISTED:
            lines.append(f"  ... and {len(failed) - _LISTED} more failed expectations (see the report)")
        lines += _counts("quarantined records", self.quarantine)
        if self.nulled is not None:
            lines += _counts("fields nulled by the record checks", self.nulled)
        if self.docs_dir is not None:
            lines.append(f"report: {self.docs_dir / 'index.html'}")
        return "\n".join(lines)


def _counts(title: str, counts: dict[str, int]) -> list[str]:
    lines = [f"{title}: {sum(counts.values())}"]
    lines += [f"  {key:<40} {n:>7}" for key, n in sorted(counts.items())]
    return lines
