"""The `wiredesk` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

# Exit status when another run holds the output folder (EX_TEMPFAIL: try again later).
EXIT_BUSY = 75


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command; returns the exit status."""
    args = _parser().parse_args(argv)
    run = {"release": _release, "releases": _releases, "validate": _validate, "serve": _serve}[args.command]
    return run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wiredesk",
        description="Turn folders of raw news pages into a cleaned, deduplicated, validated dataset release.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    rel = commands.add_parser("release", help="build a release from an input folder (default seeds/)",
                              description="Read the new or changed documents under --input, clean, tag and "
                                          "cluster them with everything seen before, validate the tables and "
                                          "publish a versioned release under --output.")
    _run_options(rel)
    rel.add_argument("--full", action="store_true",
                     help="forget what earlier runs processed and rebuild from the inputs present")
    lst = commands.add_parser("releases", help="list the published releases",
                              description="List every release under --output: version, date, counts, "
                                          "Parquet size, checksum and folder; the latest is starred.")
    lst.add_argument("--output", default=None, help="folder that holds releases/ (default: output/)")
    lst.add_argument("--json", action="store_true", help="print the releases.json document instead")
    val = commands.add_parser("validate", help="re-check an existing release with the validation gate",
                              description="Read a release folder's Parquet and CSV files, run the same "
                                          "Great Expectations suites as the release gate and print the "
                                          "summary. Exit status 0 when no critical expectation fails, 1 "
                                          "when one does, 2 when the folder is not a release.")
    val.add_argument("path", help="release folder, e.g. output/releases/latest")
    val.add_argument("--docs", default=None,
                     help="also write the Data Docs report into this folder (never into the release)")
    srv = commands.add_parser("serve", help="serve the release flow as a scheduled Prefect deployment",
                              description="Register a Prefect deployment of the release flow and run it on "
                                          "the cron schedule until stopped (Ctrl-C). Needs a Prefect API: "
                                          "`prefect server start` and PREFECT_API_URL.")
    _run_options(srv)
    srv.add_argument("--cron", action="append", required=True,
                     help='cron schedule, e.g. "0 6 * * *" (repeat for several)')
    srv.add_argument("--timezone", default="UTC", help="time zone of the cron schedule (default UTC)")
    srv.add_argument("--name", default="scheduled", help="deployment name (default: scheduled)")
    return parser


def _run_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--input", default=None, help="folder of input documents (default: seeds/)")
    cmd.add_argument("--output", default=None, help="folder that holds releases/ (default: output/)")
    cmd.add_argument("--dask", default=None, metavar="tcp://HOST:PORT",
                     help="run the chunk tasks on this Dask scheduler; workers must reach --output")
    cmd.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="wait this long for another run on --output to finish (default: exit at once)")
    cmd.add_argument("--chunk-docs", type=int, default=None, metavar="N",
                     help="input files per chunk task (default 200)")
    cmd.add_argument("--workers", type=int, default=None, metavar="N",
                     help="threads running chunk tasks on this machine (default 2; ignored with --dask)")


def _release(args: argparse.Namespace) -> int:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows import ioerrors
    from flows.config import build_config
    from flows.lock import Busy

    problem = ioerrors.unwritable(build_config().with_paths(output_dir=args.output).output_dir)
    if problem:  # checked before the flow starts: a read-only or full output folder says so in one line
        print(f"wiredesk: {problem}; nothing was run", file=sys.stderr)
        return ioerrors.EXIT_IO
    from flows.pipeline import GateFailed, build_release

    ioerrors.quiet_disk_tracebacks()
    try:
        outcome = build_release(input_dir=args.input, output_dir=args.output, dask=args.dask,
                                wait=args.wait, full=args.full, chunk_docs=args.chunk_docs,
                                workers=args.workers)
    except Busy as err:
        print(f"wiredesk: {err}", file=sys.stderr)
        return EXIT_BUSY
    except OSError as err:
        print(f"wiredesk: {ioerrors.describe(err)}; the run stopped, and no partial release was published",
              file=sys.stderr)
        return ioerrors.EXIT_IO
    except GateFailed as err:
        print(err.report.summary(), file=sys.stderr)
        print("wiredesk: the validation gate failed; nothing was published and releases/latest is unchanged",
              file=sys.stderr)
        return 1
    _print_outcome(outcome)
    return 0


def _print_outcome(outcome: dict) -> None:
    if outcome["chunks_resumed"]:
        print(f"wiredesk: resumed an interrupted run: {outcome['chunks_resumed']} of {outcome['chunks']} "
              f"chunks were already staged")
    if outcome["path"] is None:
        print("wiredesk: nothing new since the latest release; nothing published")
    else:
        print(f"wiredesk: published {outcome['version']} at {outcome['path']}")
    print(json.dumps(outcome["counts"], indent=2))
    report = outcome["gate"]
    if report is not None:
        report.docs_dir = Path(outcome["path"]) / "validation" if outcome["path"] else None
        print(report.summary())


def _releases(args: argparse.Namespace) -> int:
    from flows import site
    from flows.config import build_config

    cfg = build_config().with_paths(output_dir=args.output)
    found = site.catalogue(site.collect(cfg.releases_dir), cfg)
    if args.json:
        print(json.dumps(found, indent=2, ensure_ascii=False, sort_keys=True))
    elif not found["releases"]:
        print(f"wiredesk: no releases under {cfg.releases_dir}")
    else:
        print(site.terminal_table(found, cfg.releases_dir), end="")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from flows.config import build_config
    from flows.validate import check_release

    folder = Path(args.path)
    if not (folder / "documents.parquet").is_file():
        print(f"wiredesk: {folder} is not a release folder (no documents.parquet)", file=sys.stderr)
        return 2
    report = check_release(folder.resolve(), build_config(), docs_dir=Path(args.docs) if args.docs else None)
    print(f"wiredesk: re-checked {folder}")
    print(report.summary())
    return 0 if report.passed else 1


def _serve(args: argparse.Namespace) -> int:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.pipeline import serve

    parameters = {"input_dir": _absolute(args.input), "output_dir": _absolute(args.output),
                  "dask": args.dask, "wait": args.wait or None, "chunk_docs": args.chunk_docs,
                  "workers": args.workers}
    serve(args.name, args.cron, parameters, timezone=args.timezone)
    return 0


def _absolute(path: str | None) -> str | None:
    """Deployment runs may start in another folder, so paths are fixed when the deployment is made."""
    return os.path.abspath(path) if path else None


if __name__ == "__main__":
    sys.exit(main())
