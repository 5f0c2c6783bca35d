"""The ``pcc-priorities`` parser: every command, its arguments and its help."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from pcc_priorities._version import __version__
from pcc_priorities.cli.commands import (
    EXIT_INVALID,
    Command,
    Parser,
    UsageError,
    check_command,
    count_argument,
    date_argument,
    diff_command,
    export_figures_command,
    forces_command,
    frameworks_command,
    import_figures_command,
    new_command,
    partial_date_argument,
    period_command,
    render_command,
    rewrite_command,
    rules_command,
    schema_command,
    validate_command,
)
from pcc_priorities.editions.scaffold import DEFAULT_FRAMEWORK
from pcc_priorities.exceptions import DocumentError, PccPrioritiesError, TableError
from pcc_priorities.formats.upgrade import CURRENT_VERSION
from pcc_priorities.publish.rendering import RenderFormat

__all__ = ["main"]


# --------------------------------------------------------------------------- parser


def _replace_flag(parser: argparse.ArgumentParser, help_text: str) -> None:
    """Add the flag that lets a command replace an existing output (never its input)."""
    parser.add_argument("--force", "--overwrite", dest="force", action="store_true", help=help_text)


def _build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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
    check_parser.add_argument(
        "files", nargs="+", metavar="FILE", help="statement documents (.json, .yaml, .yml)"
    )
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
        type=date_argument,
        default=date.today(),
        metavar="DATE",
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
        type=count_argument,
        default=10,
        metavar="N",
        help="text format: list at most N findings per rule (default 10; 0 lists all)",
    )
    check_parser.add_argument(
        "-q", "--quiet", action="store_true", help="text format: only the summary line per file"
    )
    check_parser.set_defaults(run=check_command)

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
        "file",
        metavar="FILE",
        help="the file to write (must not exist; .json, .yaml or .yml); - for stdout",
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
    new.add_argument(
        "--period",
        metavar="TEXT",
        help="the period as the statement writes it ('Q1 2023/24', 'rolling 12 months to June "
        "2023'; see `pcc-priorities period`)",
    )
    new.add_argument("--period-start", type=date_argument, metavar="DATE", help="first day covered")
    new.add_argument("--period-end", type=date_argument, metavar="DATE", help="last day covered")
    new.add_argument("--period-label", metavar="TEXT", help="the period as published ('Q1 23/24')")
    new.add_argument(
        "--published",
        type=partial_date_argument,
        metavar="DATE",
        help="planned publication date: YYYY, YYYY-MM or YYYY-MM-DD",
    )
    new.add_argument("--title", metavar="TEXT", help="the statement's title")
    _replace_flag(new, "replace FILE if it exists")
    new.set_defaults(run=new_command)

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
    _replace_flag(rules, "replace FILE if it exists")
    rules.set_defaults(run=rules_command)

    validate = commands.add_parser(
        "validate",
        help="check that files are valid statement documents (structure only)",
        description="Check that each file is a valid statement document: JSON (.json) or "
        "YAML (.yaml, .yml), in this version of the format or an earlier one.",
    )
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help="statement documents (.json, .yaml, .yml)"
    )
    validate.set_defaults(run=validate_command)

    frameworks = commands.add_parser("frameworks", help="list the national frameworks")
    frameworks.add_argument(
        "-v", "--verbose", action="store_true", help="show priorities, metrics and data sources"
    )
    frameworks.set_defaults(run=frameworks_command)

    forces = commands.add_parser("forces", help="list the 43 forces and their policing bodies")
    forces.set_defaults(run=forces_command)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema (draft 2020-12) of statement documents",
        description="Print the JSON Schema (draft 2020-12) of statement documents, generated "
        "from the model. It lists the ids of the known frameworks, their priorities and "
        "national metrics, the body kinds and the force codes.",
    )
    schema.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of stdout"
    )
    _replace_flag(schema, "replace OUT if it exists")
    schema.set_defaults(run=schema_command)

    for name, summary, description in (
        (
            "upgrade",
            "upgrade a document to the current schema_version",
            "Load a statement document written in any earlier schema_version, apply the "
            "chain of upgrades to the current version "
            f"({CURRENT_VERSION}) and write it canonically. The input is never changed.",
        ),
        (
            "convert",
            "convert a document between JSON and YAML",
            "Load a statement document and write it canonically in the format of OUT's "
            "extension (.json, .yaml, .yml), or of --format on stdout.",
        ),
    ):
        command = commands.add_parser(name, help=summary, description=description)
        command.add_argument("file", metavar="FILE", help="the document (.json, .yaml, .yml)")
        command.add_argument(
            "-o",
            "--output",
            metavar="OUT",
            help="write to OUT (atomically; format by extension) instead of stdout",
        )
        command.add_argument(
            "--format",
            choices=["json", "yaml"],
            help="the format written to stdout (default: the input's)",
        )
        _replace_flag(command, "replace OUT if it exists")
        command.set_defaults(run=rewrite_command)
    render_parser = commands.add_parser(
        "render",
        help="publish a statement as accessible HTML or as Markdown",
        description=(
            "Render a statement document as a standalone, accessible HTML page (or an "
            "<article> fragment to embed in a CMS) or as GitHub-flavoured Markdown. Without "
            "-o the result goes to standard output. The output is written atomically, never "
            "over the input, and not over an existing file unless --force is given."
        ),
    )
    render_parser.add_argument(
        "file", metavar="FILE", help="the statement document (.json, .yaml, .yml)"
    )
    render_parser.add_argument(
        "--format",
        choices=[f.value for f in RenderFormat],
        default=None,
        help="html or md (default: md when OUT ends in .md, otherwise html)",
    )
    render_parser.add_argument(
        "-o", "--output", metavar="OUT", help="the file to write ('-' for standard output)"
    )
    _replace_flag(render_parser, "replace OUT if it exists (never the input)")
    render_parser.add_argument(
        "--fragment",
        action="store_true",
        help="HTML only: write the <article> alone, for a content management system",
    )
    render_parser.set_defaults(run=render_command)

    diff_parser = commands.add_parser(
        "diff",
        help="show what changed between two editions of a statement",
        description=(
            "Compare two editions of a statement: priorities added, removed or moved, "
            "applicability, metrics and figures changed, narrative added, removed or edited, "
            "each with JSON Pointer paths. Exit code 0: no differences; 1: differences; "
            "2: unreadable or invalid input."
        ),
    )
    diff_parser.add_argument("old", metavar="OLD", help="the earlier edition (.json, .yaml, .yml)")
    diff_parser.add_argument("new", metavar="NEW", help="the later edition (.json, .yaml, .yml)")
    diff_parser.add_argument(
        "--format", choices=["text", "json"], default="text", help="text (default) or json"
    )
    diff_parser.set_defaults(run=diff_command)

    period = commands.add_parser(
        "period",
        help="read reporting periods as statements write them",
        description=(
            "Print each period's canonical label, first and last day, kind and length. "
            "Dates are UK day first; ambiguous text is refused."
        ),
    )
    period.add_argument("texts", nargs="+", metavar="TEXT", help='a period, e.g. "Q1 23/24"')
    period.add_argument(
        "--as-of",
        type=date_argument,
        metavar="DATE",
        help='the last day the data covers, to place text without its year ("Q4")',
    )
    period.set_defaults(run=period_command)

    export = commands.add_parser(
        "export-figures",
        help="write every figure of a statement to a CSV or XLSX file",
        description="Write every figure of a statement, one row each, to a .csv or .xlsx file.",
    )
    export.add_argument(
        "statement", type=Path, metavar="STATEMENT", help="statement document (.json, .yaml, .yml)"
    )
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="a .csv or .xlsx file"
    )
    _replace_flag(export, "replace FILE if it exists")
    export.set_defaults(run=export_figures_command)

    import_ = commands.add_parser(
        "import-figures",
        help="replace a statement's figures with those in a CSV or XLSX file",
        description=(
            "Read figures exported with export-figures (and edited), put them in their places "
            "in the statement, and write the result as a new statement document. The file is "
            "the complete list of figures: a place with no rows ends up with no figures."
        ),
    )
    import_.add_argument(
        "statement", type=Path, metavar="STATEMENT", help="statement document (.json, .yaml, .yml)"
    )
    import_.add_argument("figures", type=Path, metavar="FIGURES", help="a .csv or .xlsx file")
    import_.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="the new statement (.json, .yaml, .yml)",
    )
    _replace_flag(import_, "replace FILE if it exists")
    import_.set_defaults(run=import_figures_command)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` and return the exit code."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # a usage error, --help or --version: argparse has written it
        return stop.code if isinstance(stop.code, int) else EXIT_INVALID
    stream = out or sys.stdout
    run: Command = args.run
    try:
        return run(args, stream)
    except (DocumentError, TableError) as error:
        sys.stderr.write(f"{error}\n")
        return EXIT_INVALID
    except UsageError as error:
        try:
            parser.error(f"{args.command}: {error}")
        except SystemExit:
            return EXIT_INVALID
        return EXIT_INVALID  # pragma: no cover - parser.error exits
    except (PccPrioritiesError, OSError) as error:
        sys.stderr.write(f"pcc-priorities: error: {error}\n")
        return EXIT_INVALID


def run() -> None:
    """Entry point of the ``pcc-priorities`` script: run :func:`main` and exit with its code."""
    sys.exit(main())
