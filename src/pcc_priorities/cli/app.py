"""The ``pcc-priorities`` parser, and :func:`main`: every command, its arguments and its help.

:func:`main` turns every error into one line on standard error and an exit code (see
docs/cli.md): 0 success, 1 findings or differences, 2 invalid input or a refused output,
70 a bug (an exception nobody expected; ``--traceback`` or ``PCC_PRIORITIES_TRACEBACK=1``
shows it).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import date
from typing import Any, TextIO

from pcc_priorities._version import __version__
from pcc_priorities.cli.bilingual import render_any_command
from pcc_priorities.cli.commands import (
    Command,
    check_command,
    diff_command,
    error_text,
    forces_command,
    frameworks_command,
    new_command,
    period_command,
    rewrite_command,
    rules_command,
    schema_command,
    validate_command,
)
from pcc_priorities.cli.console import (
    EXIT_BUG,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_PIPE_CLOSED,
    PROG,
    Console,
    printable,
)
from pcc_priorities.cli.figure_commands import add_figure_commands
from pcc_priorities.cli.open_data import add_open_data_commands, add_table_command
from pcc_priorities.cli.parsing import (
    Parser,
    UsageError,
    count_argument,
    date_argument,
    partial_date_argument,
)
from pcc_priorities.exceptions import PccPrioritiesError
from pcc_priorities.formats.upgrade import CURRENT_VERSION
from pcc_priorities.reference.national_frameworks import DEFAULT_FRAMEWORK

__all__ = ["TRACEBACK_VARIABLE", "main", "run"]

#: Set this environment variable (to anything but "" or "0") to show tracebacks, as
#: ``--traceback`` does.
TRACEBACK_VARIABLE = "PCC_PRIORITIES_TRACEBACK"

_DOCUMENTS = "(.json, .yaml, .yml)"


# --------------------------------------------------------------------------- parser


class _Commands:
    """Adds commands to the parser and finishes each with the options they all share."""

    def __init__(self, parser: Parser) -> None:
        self._group = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
        self.added: list[tuple[Parser, str | None]] = []

    def add(
        self, name: str, run: Command, *, quiet_help: str | None = None, **kwargs: Any
    ) -> Parser:
        command: Parser = self._group.add_parser(name, **kwargs)
        command.set_defaults(run=run, parser=command)
        self.added.append((command, quiet_help))
        return command

    def finish(self) -> None:
        for command, quiet_help in self.added:
            command.settle_force_option()
            command.add_common_options(quiet_help)


def _output_option(command: Parser, help_text: str, **kwargs: Any) -> None:
    command.add_argument("-o", "--output", metavar="OUT", help=help_text, **kwargs)


def _statement_commands(commands: _Commands) -> None:
    check_parser = commands.add(
        "check",
        check_command,
        help="check statements against para 7A and good practice",
        description=(
            "Check each statement against para 7A of the Specified Information Order and good "
            "practice. Exit codes: 0 no finding at or above --fail-on, 1 findings at or above "
            "it, 2 a file is unreadable or not a valid statement document."
        ),
        quiet_help="no messages; with --format text, only the summary line per file",
    )
    check_parser.add_argument("files", nargs="+", metavar="FILE", help=f"statements {_DOCUMENTS}")
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
        "--figures",
        metavar="TABLE",
        help="the figures table (.csv, .xlsx or .ods) the statement's figures were imported "
        "from: each finding on a figure also names the sheet, row and column it was typed in",
    )

    new = commands.add(
        "new",
        new_command,
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
    new.add_police_force_option(
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
    new.add_argument(
        "--figures",
        metavar="TABLE",
        help="also write a figures template to TABLE (.csv, .xlsx or .ods): a row for each "
        "metric, to fill in and bring back with import-figures",
    )
    new.add_overwrite_option("FILE")

    validate = commands.add(
        "validate",
        validate_command,
        help="check that files are valid statement documents (structure only)",
        description="Check that each file is a valid statement document: JSON (.json) or "
        "YAML (.yaml, .yml), in this version of the format or an earlier one. Exit codes: 0 "
        "every file is valid, 2 some file is not (each is still reported).",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help=f"statements {_DOCUMENTS}")
    validate.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )

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
        command = commands.add(name, rewrite_command, help=summary, description=description)
        command.add_argument("file", metavar="FILE", help=f"the document {_DOCUMENTS}")
        _output_option(
            command, "write to OUT (atomically; format by extension) instead of stdout ('-')"
        )
        command.add_argument(
            "--format",
            choices=["json", "yaml"],
            help="json or yaml: what to write to stdout (default: the input's); with -o, "
            "it must agree with OUT's extension",
        )
        command.add_overwrite_option("OUT")


def _page_options(render_parser: argparse.ArgumentParser) -> None:
    """The options for what a page carries besides the statement (issue 14)."""
    render_parser.add_argument(
        "--history",
        metavar="OLD",
        action="append",
        default=[],
        help="an earlier edition of the statement (repeat, oldest first): the page lists the "
        "editions with what changed in each, as `diff` finds it",
    )
    render_parser.add_argument(
        "--figures-files",
        action="store_true",
        help="also write the figures as CSV and ODS beside OUT (OUT's name with .figures.csv "
        "and .figures.ods) and link them from the page",
    )
    render_parser.add_argument(
        "--logo",
        metavar="IMAGE",
        default=None,
        help="HTML only: the body's logo, a PNG, JPEG, GIF or WebP file of at most 256 KiB, "
        "embedded in the page (SVG is refused)",
    )
    render_parser.add_argument(
        "--logo-text",
        metavar="TEXT",
        default=None,
        help="the logo's text alternative (default: 'Logo of' and the body's name)",
    )
    render_parser.add_argument(
        "--stylesheet",
        metavar="CSS",
        default=None,
        help="HTML pages only: the body's own style sheet, added inside the page after its "
        "own (it may restyle anything and load nothing)",
    )
    render_parser.add_argument(
        "--description",
        metavar="TEXT",
        default=None,
        help="HTML only: the page's meta description (default: one made from the title and "
        "the body's name)",
    )


def _publishing_commands(commands: _Commands) -> None:
    render_parser = commands.add(
        "render",
        render_any_command,
        help="publish a statement as accessible HTML or as Markdown",
        description=(
            "Render a statement document as a standalone, accessible HTML page (or an "
            "<article> fragment to embed in a CMS) or as GitHub-flavoured Markdown. Without "
            "-o the result goes to standard output. OUT's extension gives the format: .html "
            "or .htm, .md or .markdown; any other is refused. The output is written "
            "atomically, never over the input, and not over an existing file unless "
            "--overwrite is given."
        ),
    )
    render_parser.add_argument("file", metavar="FILE", help=f"the statement {_DOCUMENTS}")
    render_parser.add_argument(
        "--format",
        choices=("html", "md"),
        default=None,
        help="html or md (default: OUT's extension, or html on standard output); with -o, "
        "it must agree with OUT's extension",
    )
    _output_option(render_parser, "the file to write (.html, .htm, .md, .markdown; '-' for stdout)")
    render_parser.add_overwrite_option("OUT")
    render_parser.add_argument(
        "--fragment",
        action="store_true",
        help="HTML only: write the <article> alone, for a content management system",
    )
    render_parser.add_argument(
        "--translation",
        action="append",
        default=[],
        metavar="OTHER",
        help="the same statement in another language (a statement document whose language "
        "differs); each page is written to its own file and links to the others "
        "(hreflang links and a visible language switch); repeat for more languages",
    )
    render_parser.add_argument(
        "--translation-output",
        action="append",
        metavar="OTHER_OUT",
        help="where to write each --translation's page, in the same order (same format as OUT)",
    )
    render_parser.add_argument(
        "--glossary",
        action="store_true",
        help="also spell out acronyms the statement does not spell out itself, from the "
        "shipped glossary of policing acronyms (by default the page publishes only the "
        "statement's own expansions)",
    )
    _page_options(render_parser)

    diff_parser = commands.add(
        "diff",
        diff_command,
        help="show what changed between two editions of a statement",
        description=(
            "Compare two editions of a statement: priorities added, removed or moved, "
            "applicability, metrics and figures changed, narrative added, removed or edited, "
            "each with JSON Pointer paths. Exit code 0: no differences; 1: differences; "
            "2: unreadable or invalid input."
        ),
    )
    diff_parser.add_argument("old", metavar="OLD", help=f"the earlier edition {_DOCUMENTS}")
    diff_parser.add_argument("new", metavar="NEW", help=f"the later edition {_DOCUMENTS}")
    diff_parser.add_argument(
        "--format", choices=["text", "json"], default="text", help="text (default) or json"
    )


def _reference_commands(commands: _Commands) -> None:
    rules = commands.add(
        "rules",
        rules_command,
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
    _output_option(rules, "write to OUT instead of stdout ('-')")
    rules.add_overwrite_option("OUT")

    frameworks = commands.add(
        "frameworks",
        frameworks_command,
        help="list the national frameworks",
        description="List the national frameworks: id, title and version; with -v (and "
        "always in JSON) their priorities, national metrics and data sources.",
    )
    frameworks.add_argument(
        "-v", "--verbose", action="store_true", help="show priorities, metrics and data sources"
    )
    frameworks.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )

    forces = commands.add(
        "forces",
        forces_command,
        help="list the 43 forces and their policing bodies",
        description="List the register of forces: ONS code, name, and the current policing "
        "body's kind and name.",
    )
    forces.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )

    schema = commands.add(
        "schema",
        schema_command,
        help="print the JSON Schema (draft 2020-12) of statement documents",
        description="Print the JSON Schema (draft 2020-12) of statement documents, generated "
        "from the model. It lists the ids of the known frameworks, their priorities and "
        "national metrics, the body kinds and the force codes.",
    )
    _output_option(schema, "write to OUT (atomically) instead of stdout ('-')")
    schema.add_overwrite_option("OUT")

    period = commands.add(
        "period",
        period_command,
        help="read reporting periods as statements write them",
        description=(
            "Print each period's canonical label, first and last day, kind and length, one "
            "line each, tab-separated. A period the text does not give to the day is shown "
            "as far as it is known: an end known only to the month or year as 2023-03 or "
            "2022, one not given as 'not stated', the length as a range ('1463 to 2191 "
            "days') or 'days not known'. A period stored as published although its dates "
            "cannot be of its kind is printed with a note on standard error. Dates are UK "
            "day first; ambiguous text is refused."
        ),
    )
    period.add_argument("texts", nargs="+", metavar="TEXT", help='a period, e.g. "Q1 23/24"')
    period.add_argument(
        "--as-of",
        type=date_argument,
        metavar="DATE",
        help='the last day the data covers, to place text without its year ("Q4")',
    )


def _build_parser() -> Parser:
    parser = Parser(
        prog=PROG,
        description=(
            "Model, check and publish the statement on the national policing priorities "
            "(Specified Information Order, para 7A)."
        ),
        epilog="Exit codes: 0 success; 1 findings (check) or differences (diff); 2 invalid "
        "input, a usage error or a refused output; 70 a bug in pcc-priorities.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = _Commands(parser)
    _statement_commands(commands)
    _publishing_commands(commands)
    add_figure_commands(commands)
    _reference_commands(commands)
    add_open_data_commands(commands)
    add_table_command(commands)
    commands.finish()
    return parser


# --------------------------------------------------------------------------- running


def _parse(parser: Parser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse ``argv``; an argument no command knows is an error of the command typed."""
    args, extras = parser.parse_known_args(argv)
    if extras:
        typed: Parser = getattr(args, "parser", parser)
        typed.error(f"unrecognized arguments: {' '.join(extras)}")
    return args


def _wants_traceback(args: argparse.Namespace | None) -> bool:
    wanted = args is not None and bool(getattr(args, "traceback", False))
    return wanted or os.environ.get(TRACEBACK_VARIABLE, "") not in ("", "0")


def _report_bug(console: Console, error: Exception, *, show_traceback: bool) -> int:
    """Say in one line that ``error`` is a bug, with its type (and the traceback if asked)."""
    words = " ".join(str(error).split())
    what = f"{type(error).__name__}: {words}" if words else type(error).__name__
    if show_traceback:
        traceback.print_exc(file=console.err)
        advice = "please report it with the traceback above"
    else:
        advice = (
            f"please report it with what `{console.prog} ... --traceback` shows "
            f"(or set {TRACEBACK_VARIABLE}=1)"
        )
    console.error(f"this is a bug in pcc-priorities ({what}); {advice}")
    return EXIT_BUG


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` and return the exit code; never raise SystemExit.

    Results go to ``out`` (standard output by default); messages and errors to standard
    error, each error on one line (an invalid document's or table's problems follow it).

    Returns:
        0 success; 1 findings (``check``) or differences (``diff``); 2 invalid input, a usage
        error or a refused output; 70 a bug (an unexpected exception); 130 interrupted;
        141 standard output was closed by its reader.
    """
    stream = out or sys.stdout
    try:
        args = _parse(_build_parser(), argv)
    except SystemExit as stop:  # a usage error, --help or --version: already written
        return stop.code if isinstance(stop.code, int) else EXIT_INVALID
    except KeyboardInterrupt:
        Console(stream, sys.stderr).error("interrupted")
        return EXIT_INTERRUPTED
    except Exception as error:  # a bug in the parser or in an argument's type
        return _report_bug(
            Console(stream, sys.stderr), error, show_traceback=_wants_traceback(None)
        )
    typed: Parser = args.parser
    console = Console(stream, sys.stderr, quiet=args.quiet, prog=typed.prog)
    run_command: Command = args.run
    try:
        return run_command(args, console)
    except UsageError as error:
        console.err.write(printable(typed.usage_error(str(error)), console.err) + "\n")
        return EXIT_INVALID
    except BrokenPipeError:
        return EXIT_PIPE_CLOSED
    except KeyboardInterrupt:
        console.error("interrupted")
        return EXIT_INTERRUPTED
    except (PccPrioritiesError, OSError) as error:
        if _wants_traceback(args):
            traceback.print_exc(file=console.err)
        console.error(error_text(error))
        return EXIT_INVALID
    except Exception as error:
        return _report_bug(console, error, show_traceback=_wants_traceback(args))


def _escape_what_cannot_be_encoded() -> None:
    """Make standard output and error escape what they cannot encode, instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            reconfigure(errors="backslashreplace")


def run() -> None:
    """Entry point of the ``pcc-priorities`` script: run :func:`main` and exit with its code."""
    _escape_what_cannot_be_encoded()
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = EXIT_PIPE_CLOSED
    if code == EXIT_PIPE_CLOSED:  # nothing more can be written: Python's own flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)
