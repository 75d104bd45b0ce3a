"""Data Docs of a gate run: Great Expectations' own page per suite, and an index that works offline."""

from __future__ import annotations

import copy
import html
import itertools
import shutil
from pathlib import Path

from flows.config import Config
from flows.gatereport import GateReport, Outcome

STYLES = Path(__file__).parent / "data" / "datadocs"
RUN_NAME = "gate"


def page_paths(suite: str, cfg: Config) -> tuple[str, str]:
    """Paths of a suite's validation page and expectations page, laid out as GE's site builder does."""
    return (f"validations/{suite}/{RUN_NAME}/{cfg.today.isoformat()}/{suite}.html",
            f"expectations/{suite}.html")


def write_site(folder: Path, results: dict, suites: dict, report: GateReport, cfg: Config) -> None:
    """Write GE's pages for every suite, results.json and index.html into `folder`."""
    from great_expectations.render.renderer import ExpectationSuitePageRenderer, ValidationResultsPageRenderer

    folder.mkdir(parents=True, exist_ok=True)
    for name, result in results.items():
        validation_page, suite_page = page_paths(name, cfg)
        _write(folder / validation_page, _view().render(ValidationResultsPageRenderer().render(_escaped(result))))
        _write(folder / suite_page, _view().render(ExpectationSuitePageRenderer().render(suites[name])))
    _copy_favicon(folder)
    report.write_json(folder / "results.json")
    _write(folder / "index.html", index_page(report, cfg))


def _escaped(result):
    """A copy of a validation result with its observed values HTML-escaped: GE's page templates insert a
    record's unexpected values as they are, so markup in a record would run in the reader's browser."""
    safe = copy.deepcopy(result)
    for item in safe.results:
        item.result = _escape_values(item.result)
    return safe


def _escape_values(value):
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, (list, tuple)):
        return [_escape_values(v) for v in value]
    if isinstance(value, dict):
        return {k: _escape_values(v) for k, v in value.items()}
    return value


def _view():
    """GE's page view with its two non-deterministic filters (random ids, a timestamped logo URL) fixed."""
    from great_expectations.render.view import DefaultJinjaPageView

    view = DefaultJinjaPageView(custom_styles_directory=str(STYLES))
    counter = itertools.count(1)
    view.env.filters["generate_html_element_uuid"] = lambda prefix=None: f"{prefix or ''}{next(counter):06d}"
    view.env.filters["add_data_context_id_to_url"] = lambda url, add_datetime=True: url
    return view


def _copy_favicon(folder: Path) -> None:
    import great_expectations

    icon = Path(great_expectations.__file__).parent / "render" / "view" / "static" / "images" / "favicon.ico"
    if icon.is_file():
        (folder / "static" / "images").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icon, folder / "static" / "images" / "favicon.ico")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


_CSS = """body{font-family:system-ui,"DejaVu Sans",sans-serif;margin:2rem;color:#1f2328;max-width:80rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;
text-align:left;vertical-align:top}th{background:#f6f8fa}.passed{color:#1a7f37}.blocking{color:#cf222e}
.warning{color:#9a6700}.verdict{font-size:1.3rem;font-weight:600}code{font-size:.9em;overflow-wrap:anywhere}"""


def index_page(report: GateReport, cfg: Config) -> str:
    """The report's front page: verdict, one table per suite with why each rule exists, counts."""
    stats = report.statistics()
    verdict = ("PASSED: no critical expectation failed" if report.passed
               else "FAILED: a critical expectation failed (a release run stops here and publishes nothing)")
    parts = [f"<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
             f"<title>wiredesk validation report</title><style>{_CSS}</style></head>\n<body>",
             "<h1>wiredesk validation report</h1>",
             f"<p class=\"verdict {'passed' if report.passed else 'blocking'}\">{verdict}</p>",
             f"<p>{stats['evaluated']} expectations: {stats['passed']} passed, {stats['warnings']} warning(s) "
             f"(reported, not blocking), {stats['blocking']} blocking. Checked against "
             f"<code>expectations/</code> with Great Expectations; machine-readable: "
             f"<a href=\"results.json\">results.json</a>. Great Expectations' own pages mark a suite "
             f"failed when any of its expectations fails; here only critical ones block.</p>",
             _failures(report), _suite_table(report, cfg), _parameters(report)]
    for suite in dict.fromkeys(o.suite for o in report.outcomes):
        parts.append(_suite_section(suite, [o for o in report.outcomes if o.suite == suite], cfg))
    parts.append(_count_table("Quarantined records by stage and reason", report.quarantine))
    if report.nulled is not None:
        parts.append(_count_table("Fields nulled by the record-level checks", report.nulled))
    parts.append("</body>\n</html>\n")
    return "\n".join(parts)


def _failures(report: GateReport) -> str:
    failed = report.blocking + report.warnings
    if not failed:
        return "<h2>Failed expectations</h2>\n<p>None.</p>"
    return "<h2>Failed expectations</h2>\n" + _outcome_table(failed)


def _parameters(report: GateReport) -> str:
    rows = "".join(f"<tr><td><code>{_e(k)}</code></td><td><code>{_e(v)}</code></td></tr>"
                   for k, v in sorted(report.parameters.items()))
    return f"<h2>Run parameters</h2>\n<table><tr><th>parameter</th><th>value</th></tr>{rows}</table>"


def _suite_table(report: GateReport, cfg: Config) -> str:
    rows = []
    for suite in dict.fromkeys(o.suite for o in report.outcomes):
        mine = [o for o in report.outcomes if o.suite == suite]
        validation_page, suite_page = page_paths(suite, cfg)
        rows.append(f"<tr><td><a href=\"#{_e(suite)}\">{_e(suite)}</a></td><td>{sum(o.success for o in mine)}</td>"
                    f"<td>{sum(o.warns for o in mine)}</td>"
                    f"<td>{sum(o.blocks for o in mine)}</td>"
                    f"<td><a href=\"{validation_page}\">validation result</a> · "
                    f"<a href=\"{suite_page}\">expectation suite</a></td></tr>")
    return ("<h2>Suites</h2>\n<table><tr><th>suite</th><th>passed</th><th>warnings</th><th>blocking</th>"
            f"<th>Great Expectations Data Docs</th></tr>{''.join(rows)}</table>")


def _status(o: Outcome) -> str:
    if o.success:
        return "<span class=\"passed\">&#10004; passed</span>"
    if o.severity == "critical":
        return "<span class=\"blocking\">&#10008; BLOCKING</span>"
    return "<span class=\"warning\">&#9888; warning</span>"


def _suite_section(suite: str, outcomes: list[Outcome], cfg: Config) -> str:
    return f"<h2 id=\"{_e(suite)}\">{_e(suite)}</h2>\n" + _outcome_table(outcomes)


def _outcome_table(outcomes: list[Outcome]) -> str:
    rows = "".join(
        f"<tr><td>{_status(o)}</td><td>{_e(o.severity)}</td><td><code>{_e(o.where)}</code></td>"
        f"<td><code>{_e(o.expectation)}</code></td><td>{_e(o.observed)}"
        f"{'<br>e.g. ' + _e(', '.join(o.examples[:5])) if o.examples and not o.success else ''}</td>"
        f"<td>{_e(o.notes)}</td></tr>" for o in outcomes)
    return ("<table><tr><th>status</th><th>severity</th><th>where</th><th>expectation</th><th>observed</th>"
            f"<th>why it exists</th></tr>{rows}</table>")


def _count_table(title: str, counts: dict[str, int]) -> str:
    rows = "".join(f"<tr><td><code>{_e(k)}</code></td><td>{n}</td></tr>" for k, n in sorted(counts.items()))
    body = f"<table><tr><th>reason</th><th>records</th></tr>{rows}</table>" if counts else "<p>None.</p>"
    return f"<h2>{_e(title)}</h2>\n{body}"


def _e(value: object) -> str:
    return html.escape(str(value))
