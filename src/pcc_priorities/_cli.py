"""The ``pcc-priorities`` command line: argument parsing and exit codes only.

Every command is a thin shell over a library call a script can make too. Exit codes:
0 success, 1 findings at or above the chosen severity, 2 unreadable or invalid input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TextIO

from pcc_priorities import __version__, _reference
from pcc_priorities._builtin import BUILTIN_RULES, RULESET_VERSION
from pcc_priorities._catalogue import catalogue_json, catalogue_markdown, catalogue_text
from pcc_priorities._check import check
from pcc_priorities._files import atomic_write_text
from pcc_priorities._json import dumps, load
from pcc_priorities._model import PartialDate, ReportingPeriod
from pcc_priorities._report import Report, Severity, reports_to_csv
from pcc_priorities._rules import default_registry
from pcc_priorities._scaffold import DEFAULT_FRAMEWORK, new_statement
from pcc_priorities.exceptions import DocumentError, PccPrioritiesError

__all__ = ["EXIT_FINDINGS", "EXIT_INVALID", "EXIT_OK", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2

Command = Callable[[argparse.Namespace, TextIO], int]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with :data:`EXIT_INVALID`."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{self.prog}: error: {message}\n")


# --------------------------------------------------------------------------- commands


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    """Load each file and report whether it is a valid statement document."""
    status = EXIT_OK
    for path in args.files:
        statement = load(path)
        out.write(
            f"{path}: valid statement document ({len(statement.sections)} priority sections)\n"
        )
    return status


def _frameworks(args: argparse.Namespace, out: TextIO) -> int:
    """List the known national frameworks and their priorities."""
    for framework in _reference.frameworks():
        out.write(f"{framework.id}\t{framework.title} ({framework.version})\n")
        if args.verbose:
            for priority in framework.priorities:
                out.write(f"  {priority.id}\t{priority.title}\n")
                for metric in framework.metrics_for(priority.id):
                    sources = ", ".join(framework.data_source(s).title for s in metric.data_sources)
                    flag = "" if metric.confirmed else " [unconfirmed]"
                    out.write(f"    - {metric.title} ({sources}){flag}\n")
    return EXIT_OK


def _forces(_args: argparse.Namespace, out: TextIO) -> int:
    """List the register of forces with ONS codes and their current policing body."""
    for force in _reference.forces():
        body = force.body()
        out.write(f"{force.code}\t{force.force_name}\t{body.kind}\t{body.title}\n")
    return EXIT_OK


def _codes(values: Sequence[str] | None) -> list[str] | None:
    """Split repeated, comma-separated --select/--ignore values into codes."""
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _problems(error: DocumentError) -> list[dict[str, Any]]:
    return [
        {"path": p.path, "message": p.message, "line": p.line, "column": p.column}
        for p in error.problems
    ]


def _check(args: argparse.Namespace, out: TextIO) -> int:
    """Check each file against para 7A and good practice, and report the findings."""
    select = _codes(args.select)
    ignore = _codes(args.ignore) or []
    default_registry().select(select, ignore)  # unknown codes fail before any file is read
    threshold = None if args.fail_on == "never" else Severity(args.fail_on)
    status = EXIT_OK
    reports: list[Report] = []
    results: list[dict[str, Any]] = []
    for path in args.files:
        try:
            statement = load(path)
        except DocumentError as error:
            sys.stderr.write(f"{error}\n")
            results.append({"path": path, "report": None, "problems": _problems(error)})
            status = EXIT_INVALID
            continue
        except OSError as error:
            message = f"{path}: cannot read the file: {error.strerror or error}"
            sys.stderr.write(f"pcc-priorities: error: {message}\n")
            results.append(
                {"path": path, "report": None, "problems": [{"path": "", "message": message}]}
            )
            status = EXIT_INVALID
            continue
        report = check(statement, as_of=args.as_of, select=select, ignore=ignore, source=path)
        reports.append(report)
        results.append({"path": path, "report": report.to_dict(), "problems": []})
        if args.format == "text":
            if args.quiet:
                out.write(report.summary() + "\n")
            else:
                limit = None if args.max_per_rule == 0 else args.max_per_rule
                out.write(report.to_text(max_per_rule=limit) + "\n")
        if status == EXIT_OK and threshold is not None and report.fails(threshold):
            status = EXIT_FINDINGS
    if args.format == "json":
        out.write(json.dumps({"files": results}, indent=2, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        out.write(reports_to_csv(reports))
    return status


def _refuse_existing(target: str, overwrite: bool) -> None:
    if os.path.lexists(target) and not overwrite:
        raise FileExistsError(
            f"{target} already exists; choose a new file name, or pass --overwrite to replace it"
        )


def _new(args: argparse.Namespace, out: TextIO) -> int:
    """Write a new statement with every priority, metric and data source to fill in."""
    if (args.period_start is None) != (args.period_end is None):
        raise _UsageError("--period-start and --period-end go together")
    period = None
    if args.period_start is not None:
        if args.period_end < args.period_start:
            raise _UsageError("--period-end is before --period-start")
        period = ReportingPeriod(
            start=args.period_start, end=args.period_end, label=args.period_label
        )
    statement = new_statement(
        force=args.police_force,
        framework=args.framework,
        period=period,
        published=args.published,
        **({"title": args.title} if args.title else {}),
    )
    if args.file == "-":
        out.write(dumps(statement))
        return EXIT_OK
    _refuse_existing(args.file, args.overwrite)
    atomic_write_text(args.file, dumps(statement))
    out.write(
        f"wrote {args.file}: {len(statement.sections)} priority sections for "
        f"{statement.force.name}; `pcc-priorities check {args.file}` lists what to fill in\n"
    )
    return EXIT_OK


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    """List the rules the checker knows: code, severity, category, what each finds."""
    chosen = BUILTIN_RULES if args.builtin else tuple(default_registry())
    if args.format == "markdown":
        text = catalogue_markdown(chosen, ruleset_version=RULESET_VERSION)
    elif args.format == "json":
        text = catalogue_json(chosen)
    else:
        text = catalogue_text(chosen)
    if args.output is None:
        out.write(text)
        return EXIT_OK
    _refuse_existing(args.output, args.overwrite)
    atomic_write_text(args.output, text)
    return EXIT_OK


class _UsageError(PccPrioritiesError):
    """Options that argparse cannot check on its own do not fit together."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _partial_date(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


# --------------------------------------------------------------------------- parser


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pcc-priorities",
        description=(
            "Model, check and publish the statement on the national policing priorities "
            "(Specified Information Order, para 7A)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check_parser = commands.add_parser(
        "check",
        help="check statements against para 7A and good practice",
        description=(
            "Check each statement against para 7A of the Specified Information Order and good "
            "practice. Exit codes: 0 no finding at or above --fail-on, 1 findings at or above "
            "it, 2 a file is unreadable or not a valid statement document."
        ),
    )
    check_parser.add_argument("files", nargs="+", metavar="FILE", help="statement documents")
    check_parser.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text for people (default), json or csv (one row per finding) for machines",
    )
    check_parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="run only rules whose code starts with one of these (comma-separated, repeatable)",
    )
    check_parser.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="do not run rules whose code starts with one of these (comma-separated, repeatable)",
    )
    check_parser.add_argument(
        "--as-of",
        type=_date,
        default=date.today(),
        metavar="YYYY-MM-DD",
        help="check as of this date (default: today); dates after it are in the future",
    )
    check_parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="error",
        help=(
            "exit 1 if any finding is at or above this severity (default: error, so only a "
            "statement that does not meet para 7A fails)"
        ),
    )
    check_parser.add_argument(
        "--max-per-rule",
        type=int,
        default=10,
        metavar="N",
        help="text format: list at most N findings per rule (default 10; 0 lists all)",
    )
    check_parser.add_argument(
        "-q", "--quiet", action="store_true", help="text format: only the summary line per file"
    )
    check_parser.set_defaults(run=_check)

    new = commands.add_parser(
        "new",
        help="write a new statement with every priority to fill in",
        description=(
            "Write a new statement for a force: every priority of the framework with its "
            "national metrics and data sources, and empty narrative. Check it to see what "
            "remains to be written."
        ),
    )
    new.add_argument(
        "file", metavar="FILE", help="the file to write (must not exist); - for stdout"
    )
    new.add_argument(
        "--police-force",
        required=True,
        metavar="FORCE",
        help="the force: ONS code or name ('West Mercia'; see `pcc-priorities forces`)",
    )
    new.add_argument(
        "--framework",
        default=DEFAULT_FRAMEWORK,
        help=f"the national framework's id (default {DEFAULT_FRAMEWORK})",
    )
    new.add_argument("--period-start", type=_date, metavar="YYYY-MM-DD", help="first day covered")
    new.add_argument("--period-end", type=_date, metavar="YYYY-MM-DD", help="last day covered")
    new.add_argument("--period-label", metavar="TEXT", help="the period as published ('Q1 23/24')")
    new.add_argument(
        "--published",
        type=_partial_date,
        metavar="DATE",
        help="planned publication date: YYYY, YYYY-MM or YYYY-MM-DD",
    )
    new.add_argument("--title", metavar="TEXT", help="the statement's title")
    new.add_argument("--overwrite", action="store_true", help="replace FILE if it exists")
    new.set_defaults(run=_new)

    rules = commands.add_parser(
        "rules",
        help="list the rules the checker knows",
        description="List the checker's rules: built-in and registered through entry points.",
    )
    rules.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="text (default), markdown (the rule catalogue page) or json",
    )
    rules.add_argument(
        "--builtin", action="store_true", help="only the rules that ship with pcc-priorities"
    )
    rules.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")
    rules.add_argument("--overwrite", action="store_true", help="replace FILE if it exists")
    rules.set_defaults(run=_rules)

    validate = commands.add_parser(
        "validate", help="check that files are valid statement documents (structure only)"
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="statement documents")
    validate.set_defaults(run=_validate)

    frameworks = commands.add_parser("frameworks", help="list the national frameworks")
    frameworks.add_argument(
        "-v", "--verbose", action="store_true", help="show priorities, metrics and data sources"
    )
    frameworks.set_defaults(run=_frameworks)

    forces = commands.add_parser("forces", help="list the 43 forces and their policing bodies")
    forces.set_defaults(run=_forces)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` and return the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    stream = out or sys.stdout
    run: Command = args.run
    try:
        return run(args, stream)
    except DocumentError as error:
        sys.stderr.write(f"{error}\n")
        return EXIT_INVALID
    except _UsageError as error:
        parser.error(f"{args.command}: {error}")
        return EXIT_INVALID  # pragma: no cover - parser.error exits
    except (PccPrioritiesError, OSError) as error:
        sys.stderr.write(f"pcc-priorities: error: {error}\n")
        return EXIT_INVALID


def run() -> None:
    """Entry point of the ``pcc-priorities`` script: run :func:`main` and exit with its code."""
    sys.exit(main())
