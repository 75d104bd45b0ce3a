"""The `wiredesk` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="wiredesk",
        description="Turn folders of raw news pages into a cleaned, deduplicated, validated dataset release.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    rel = commands.add_parser("release", help="build a release from an input folder (default seeds/)",
                              description="Read every document under --input, clean, tag and cluster them, "
                                          "validate the tables and publish a versioned release under --output.")
    rel.add_argument("--input", default=None, help="folder of input documents (default: seeds/)")
    rel.add_argument("--output", default=None, help="folder that holds releases/ (default: output/)")
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
    args = parser.parse_args(argv)
    if args.command == "release":
        return _release(args)
    if args.command == "releases":
        return _releases(args)
    if args.command == "validate":
        return _validate(args)
    return 2


def _release(args: argparse.Namespace) -> int:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.pipeline import GateFailed, build_release

    try:
        outcome = build_release(input_dir=args.input, output_dir=args.output)
    except GateFailed as err:
        print(err.report.summary(), file=sys.stderr)
        print("wiredesk: the validation gate failed; nothing was published and releases/latest is unchanged",
              file=sys.stderr)
        return 1
    if outcome["path"] is None:
        print("wiredesk: nothing new since the latest release; nothing published")
    else:
        print(f"wiredesk: published {outcome['version']} at {outcome['path']}")
    print(json.dumps(outcome["counts"], indent=2))
    report = outcome["gate"]
    report.docs_dir = Path(outcome["path"]) / "validation" if outcome["path"] else None
    print(report.summary())
    return 0


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


if __name__ == "__main__":
    sys.exit(main())
