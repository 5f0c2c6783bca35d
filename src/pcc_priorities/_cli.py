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
from pathlib import Path
from typing import Any, TextIO

from pcc_priorities import __version__, _reference
from pcc_priorities._builtin import BUILTIN_RULES, RULESET_VERSION
from pcc_priorities._catalogue import catalogue_json, catalogue_markdown, catalogue_text
from pcc_priorities._check import check
from pcc_priorities._diff import diff, diff_to_json, diff_to_text
from pcc_priorities._files import atomic_write_text
from pcc_priorities._formats import dump_any, dumps_any, format_of, load_any, load_with_report
from pcc_priorities._interchange import (
    read_figures_csv,
    read_figures_xlsx,
    write_figures_csv,
    write_figures_xlsx,
)
from pcc_priorities._json import dumps
from pcc_priorities._model import PartialDate, ReportingPeriod
from pcc_priorities._periods import parse_period
from pcc_priorities._render import RenderFormat, render, render_file
from pcc_priorities._report import Report, Severity, reports_to_csv
from pcc_priorities._rules import default_registry
from pcc_priorities._scaffold import DEFAULT_FRAMEWORK, new_statement
from pcc_priorities._schema import schema_text
from pcc_priorities._upgrade import CURRENT_VERSION
from pcc_priorities.exceptions import (
    DocumentError,
    OutputExistsError,
    PccPrioritiesError,
    TableError,
)

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


# --------------------------------------------------------------------------- output


def _write_output(
    text: str,
    output: str | None,
    out: TextIO,
    *,
    force: bool = False,
    inputs: Sequence[str] = (),
) -> None:
    """Write ``text`` to ``output`` atomically, or to ``out`` when no output file is named.

    Raises:
        OutputExistsError: ``output`` is one of ``inputs``, or exists and ``force`` is false.
    """
    if output is None or output == "-":
        out.write(text)
        return
    target = Path(output)
    for name in inputs:
        if target.exists() and Path(name).exists() and os.path.samefile(target, name):
            raise OutputExistsError(f"{output}: refusing to write over the input file")
    if target.exists() and not force:
        raise OutputExistsError(f"{output} exists; use --overwrite to replace it")
    atomic_write_text(target, text)


# --------------------------------------------------------------------------- commands


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    """Load each file (JSON or YAML) and report whether it is a valid statement document."""
    status = EXIT_OK
    for path in args.files:
        result = load_with_report(path)
        count = len(result.statement.sections)
        upgraded = (
            f"; written in schema_version {result.schema_version!r}, upgraded on load"
            if result.upgraded
            else ""
        )
        out.write(f"{path}: valid statement document ({count} priority sections{upgraded})\n")
    return status


def _rewrite(args: argparse.Namespace, out: TextIO) -> int:
    """Load a statement (upgrading it if needed) and write it canonically, in either format."""
    result = load_with_report(args.file)
    if args.output not in (None, "-"):
        target_format = format_of(args.output)
    else:
        target_format = args.format or result.format
    _write_output(
        dumps_any(result.statement, target_format),
        args.output,
        out,
        force=args.force,
        inputs=[args.file],
    )
    if args.command == "upgrade":
        note = result.note() or (
            f"{args.file}: already at schema_version {CURRENT_VERSION!r}; written canonically"
        )
        sys.stderr.write(note + "\n")
    return EXIT_OK


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


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    """Print (or write) the JSON Schema of statement documents."""
    _write_output(schema_text(), args.output, out, force=args.force)
    return EXIT_OK


def _count(text: str) -> int:
    """An argparse type: a whole number, zero or more."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected zero or more, got {number}")
    return number


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
            statement = load_any(path)
        except DocumentError as error:
            sys.stderr.write(f"{error}\n")
            results.append({"path": path, "report": None, "problems": _problems(error)})
            status = EXIT_INVALID
            continue
        except PccPrioritiesError as error:  # an unknown file extension, a missing extra
            sys.stderr.write(f"pcc-priorities: error: {error}\n")
            results.append(
                {"path": path, "report": None, "problems": [{"path": "", "message": str(error)}]}
            )
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
    if args.period is not None and args.period_start is not None:
        raise _UsageError("give --period, or --period-start and --period-end, not both")
    period: ReportingPeriod | str | None = args.period
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
    _refuse_existing(args.file, args.force)
    atomic_write_text(args.file, dumps_any(statement, format_of(args.file)))
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
    _refuse_existing(args.output, args.force)
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


def _render_format(chosen: str | None, output: str | None) -> str:
    """The format asked for, else the one the output's extension names, else HTML."""
    if chosen is not None:
        return chosen
    if output is not None and output.lower().endswith((".md", ".markdown")):
        return RenderFormat.MARKDOWN.value
    return RenderFormat.HTML.value


def _render(args: argparse.Namespace, out: TextIO) -> int:
    """Render a statement document as HTML or Markdown, to a file or to standard output."""
    output = None if args.output in (None, "-") else args.output
    chosen = _render_format(args.format, output)
    if output is None:
        out.write(render(load_any(args.file), chosen, fragment=args.fragment))
        return EXIT_OK
    render_file(args.file, output, chosen, overwrite=args.force, fragment=args.fragment)
    sys.stderr.write(f"{output}: written ({chosen})\n")
    return EXIT_OK


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    """Report what changed between two editions; exit 1 if anything did, like diff(1)."""
    result = diff(load_any(args.old), load_any(args.new))
    out.write(diff_to_json(result) if args.format == "json" else diff_to_text(result))
    return EXIT_FINDINGS if result else EXIT_OK


def _period(args: argparse.Namespace, out: TextIO) -> int:
    """Read each text as a reporting period and print its canonical label and days."""
    as_of = None
    if args.as_of is not None:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            sys.stderr.write(
                f"pcc-priorities: error: --as-of expects YYYY-MM-DD, got {args.as_of!r}\n"
            )
            return EXIT_INVALID
    status = EXIT_OK
    for text in args.texts:
        try:
            period = parse_period(text, as_of=as_of)
        except PccPrioritiesError as error:
            sys.stderr.write(f"pcc-priorities: error: {error}\n")
            status = EXIT_INVALID
            continue
        out.write(
            f"{text}\t{period.canonical_label()}\t{period.start}\t{period.end}\t"
            f"{period.kind}\t{period.days} days\n"
        )
    return status


def _table_format(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return {".csv": "csv", ".xlsx": "xlsx"}.get(suffix)


def _check_output(output: Path, inputs: Sequence[Path], force: bool) -> str | None:
    """Say why ``output`` must not be written; None when it may."""
    for source in inputs:
        if output.exists() and source.exists() and os.path.samefile(output, source):
            return f"{output} is an input; write the output to another file"
    if output.exists() and not force:
        return f"{output} exists; pass --force to replace it"
    return None


def _export_figures(args: argparse.Namespace, out: TextIO) -> int:
    """Write every figure of a statement to a CSV or XLSX file."""
    output: Path = args.output
    kind = _table_format(output)
    if kind is None:
        sys.stderr.write("pcc-priorities: error: the output must end in .csv or .xlsx\n")
        return EXIT_INVALID
    refusal = _check_output(output, [args.statement], args.force)
    if refusal:
        sys.stderr.write(f"pcc-priorities: error: {refusal}\n")
        return EXIT_INVALID
    statement = load_any(args.statement)
    (write_figures_csv if kind == "csv" else write_figures_xlsx)(statement, output)
    out.write(f"{output}: wrote the statement's figures\n")
    return EXIT_OK


def _import_figures(args: argparse.Namespace, out: TextIO) -> int:
    """Replace a statement's figures with those in a CSV or XLSX file; write a new statement."""
    kind = _table_format(args.figures)
    if kind is None:
        sys.stderr.write("pcc-priorities: error: the figures file must end in .csv or .xlsx\n")
        return EXIT_INVALID
    refusal = _check_output(args.output, [args.statement, args.figures], args.force)
    if refusal:
        sys.stderr.write(f"pcc-priorities: error: {refusal}\n")
        return EXIT_INVALID
    statement = load_any(args.statement)
    read = read_figures_csv if kind == "csv" else read_figures_xlsx
    updated = read(statement, args.figures)
    dump_any(updated, args.output)
    out.write(f"{args.output}: wrote the statement with the figures from {args.figures}\n")
    return EXIT_OK


# --------------------------------------------------------------------------- parser


def _replace_flag(parser: argparse.ArgumentParser, help_text: str) -> None:
    """Add the flag that lets a command replace an existing output (never its input)."""
    parser.add_argument("--force", "--overwrite", dest="force", action="store_true", help=help_text)


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
        type=_count,
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
    _replace_flag(new, "replace FILE if it exists")
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
    _replace_flag(rules, "replace FILE if it exists")
    rules.set_defaults(run=_rules)

    validate = commands.add_parser(
        "validate",
        help="check that files are valid statement documents (structure only)",
        description="Check that each file is a valid statement document: JSON (.json) or "
        "YAML (.yaml, .yml), in this version of the format or an earlier one.",
    )
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help="statement documents (.json, .yaml, .yml)"
    )
    validate.set_defaults(run=_validate)

    frameworks = commands.add_parser("frameworks", help="list the national frameworks")
    frameworks.add_argument(
        "-v", "--verbose", action="store_true", help="show priorities, metrics and data sources"
    )
    frameworks.set_defaults(run=_frameworks)

    forces = commands.add_parser("forces", help="list the 43 forces and their policing bodies")
    forces.set_defaults(run=_forces)

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
    schema.set_defaults(run=_schema)

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
        command.set_defaults(run=_rewrite)
    render_command = commands.add_parser(
        "render",
        help="publish a statement as accessible HTML or as Markdown",
        description=(
            "Render a statement document as a standalone, accessible HTML page (or an "
            "<article> fragment to embed in a CMS) or as GitHub-flavoured Markdown. Without "
            "-o the result goes to standard output. The output is written atomically, never "
            "over the input, and not over an existing file unless --force is given."
        ),
    )
    render_command.add_argument(
        "file", metavar="FILE", help="the statement document (.json, .yaml, .yml)"
    )
    render_command.add_argument(
        "--format",
        choices=[f.value for f in RenderFormat],
        default=None,
        help="html or md (default: md when OUT ends in .md, otherwise html)",
    )
    render_command.add_argument(
        "-o", "--output", metavar="OUT", help="the file to write ('-' for standard output)"
    )
    _replace_flag(render_command, "replace OUT if it exists (never the input)")
    render_command.add_argument(
        "--fragment",
        action="store_true",
        help="HTML only: write the <article> alone, for a content management system",
    )
    render_command.set_defaults(run=_render)

    diff_command = commands.add_parser(
        "diff",
        help="show what changed between two editions of a statement",
        description=(
            "Compare two editions of a statement: priorities added, removed or moved, "
            "applicability, metrics and figures changed, narrative added, removed or edited, "
            "each with JSON Pointer paths. Exit code 0: no differences; 1: differences; "
            "2: unreadable or invalid input."
        ),
    )
    diff_command.add_argument("old", metavar="OLD", help="the earlier edition (.json, .yaml, .yml)")
    diff_command.add_argument("new", metavar="NEW", help="the later edition (.json, .yaml, .yml)")
    diff_command.add_argument(
        "--format", choices=["text", "json"], default="text", help="text (default) or json"
    )
    diff_command.set_defaults(run=_diff)

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
        metavar="YYYY-MM-DD",
        help='the last day the data covers, to place text without its year ("Q4")',
    )
    period.set_defaults(run=_period)

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
    export.set_defaults(run=_export_figures)

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
    import_.set_defaults(run=_import_figures)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` and return the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    stream = out or sys.stdout
    run: Command = args.run
    try:
        return run(args, stream)
    except (DocumentError, TableError) as error:
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
