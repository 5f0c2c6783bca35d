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

from pcc_priorities.checks.builtin import BUILTIN_RULES, RULESET_VERSION
from pcc_priorities.checks.catalogue import catalogue_json, catalogue_markdown, catalogue_text
from pcc_priorities.checks.defaults import default_registry
from pcc_priorities.checks.engine import check
from pcc_priorities.checks.report import Report, Severity, reports_to_csv
from pcc_priorities.editions.differ import diff
from pcc_priorities.editions.differences import diff_to_json, diff_to_text
from pcc_priorities.editions.scaffold import new_statement
from pcc_priorities.exceptions import (
    DocumentError,
    OutputExistsError,
    PccPrioritiesError,
    WrittenValueError,
)
from pcc_priorities.formats.documents import (
    dump,
    dumps,
    format_of,
    load,
    load_with_report,
)
from pcc_priorities.formats.files import atomic_write_text
from pcc_priorities.formats.schema import schema_text
from pcc_priorities.formats.upgrade import CURRENT_VERSION
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.periods.reading import parse_period
from pcc_priorities.periods.written import read_date, read_partial_date
from pcc_priorities.publish.rendering import RenderFormat, render, render_file
from pcc_priorities.reference.force_register import forces
from pcc_priorities.reference.national_frameworks import frameworks
from pcc_priorities.tables.csv import read_figures_csv, write_figures_csv
from pcc_priorities.tables.xlsx import read_figures_xlsx, write_figures_xlsx

__all__ = ["EXIT_FINDINGS", "EXIT_INVALID", "EXIT_OK"]


__all__ = ["EXIT_FINDINGS", "EXIT_INVALID", "EXIT_OK"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2

Command = Callable[[argparse.Namespace, TextIO], int]


class Parser(argparse.ArgumentParser):
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
            raise OutputExistsError(output, input=name)
    if target.exists() and not force:
        raise OutputExistsError(output)
    atomic_write_text(target, text)


# --------------------------------------------------------------------------- commands


def validate_command(args: argparse.Namespace, out: TextIO) -> int:
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


def rewrite_command(args: argparse.Namespace, out: TextIO) -> int:
    """Load a statement (upgrading it if needed) and write it canonically, in either format."""
    result = load_with_report(args.file)
    if args.output not in (None, "-"):
        target_format = format_of(args.output)
    else:
        target_format = args.format or result.format
    _write_output(
        dumps(result.statement, target_format),
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


def frameworks_command(args: argparse.Namespace, out: TextIO) -> int:
    """List the known national frameworks and their priorities."""
    for framework in frameworks():
        out.write(f"{framework.id}\t{framework.title} ({framework.version})\n")
        if args.verbose:
            for priority in framework.priorities:
                out.write(f"  {priority.id}\t{priority.title}\n")
                for metric in framework.metrics_for(priority.id):
                    sources = ", ".join(framework.data_source(s).title for s in metric.data_sources)
                    flag = "" if metric.confirmed else " [unconfirmed]"
                    out.write(f"    - {metric.title} ({sources}){flag}\n")
    return EXIT_OK


def forces_command(_args: argparse.Namespace, out: TextIO) -> int:
    """List the register of forces with ONS codes and their current policing body."""
    for force in forces():
        body = force.body()
        out.write(f"{force.code}\t{force.force_name}\t{body.kind}\t{body.title}\n")
    return EXIT_OK


def schema_command(args: argparse.Namespace, out: TextIO) -> int:
    """Print (or write) the JSON Schema of statement documents."""
    _write_output(schema_text(), args.output, out, force=args.force)
    return EXIT_OK


def count_argument(text: str) -> int:
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


def check_command(args: argparse.Namespace, out: TextIO) -> int:
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


def new_command(args: argparse.Namespace, out: TextIO) -> int:
    """Write a new statement with every priority, metric and data source to fill in."""
    if (args.period_start is None) != (args.period_end is None):
        raise UsageError("--period-start and --period-end go together")
    if args.period is not None and args.period_start is not None:
        raise UsageError("give --period, or --period-start and --period-end, not both")
    period: ReportingPeriod | str | None = args.period
    if args.period_start is not None:
        if args.period_end < args.period_start:
            raise UsageError("--period-end is before --period-start")
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
    atomic_write_text(args.file, dumps(statement, format_of(args.file)))
    out.write(
        f"wrote {args.file}: {len(statement.sections)} priority sections for "
        f"{statement.force.name}; `pcc-priorities check {args.file}` lists what to fill in\n"
    )
    return EXIT_OK


def rules_command(args: argparse.Namespace, out: TextIO) -> int:
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


class UsageError(PccPrioritiesError):
    """Options that argparse cannot check on its own do not fit together."""


def date_argument(text: str) -> date:
    """An argparse type: a date as people write it (15/02/2027, 15 February 2027, ISO)."""
    try:
        return read_date(text)
    except WrittenValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def partial_date_argument(text: str) -> PartialDate:
    """An argparse type: a date to the year, month or day (2027, February 2027, 15/02/2027)."""
    try:
        return read_partial_date(text)
    except WrittenValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _render_format(chosen: str | None, output: str | None) -> str:
    """The format asked for, else the one the output's extension names, else HTML."""
    if chosen is not None:
        return chosen
    if output is not None and output.lower().endswith((".md", ".markdown")):
        return RenderFormat.MARKDOWN.value
    return RenderFormat.HTML.value


def render_command(args: argparse.Namespace, out: TextIO) -> int:
    """Render a statement document as HTML or Markdown, to a file or to standard output."""
    output = None if args.output in (None, "-") else args.output
    chosen = _render_format(args.format, output)
    if output is None:
        out.write(render(load(args.file), chosen, fragment=args.fragment))
        return EXIT_OK
    render_file(args.file, output, chosen, overwrite=args.force, fragment=args.fragment)
    sys.stderr.write(f"{output}: written ({chosen})\n")
    return EXIT_OK


def diff_command(args: argparse.Namespace, out: TextIO) -> int:
    """Report what changed between two editions; exit 1 if anything did, like diff(1)."""
    result = diff(load(args.old), load(args.new))
    out.write(diff_to_json(result) if args.format == "json" else diff_to_text(result))
    return EXIT_FINDINGS if result else EXIT_OK


def period_command(args: argparse.Namespace, out: TextIO) -> int:
    """Read each text as a reporting period and print its canonical label and days."""
    as_of = args.as_of
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


def export_figures_command(args: argparse.Namespace, out: TextIO) -> int:
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
    statement = load(args.statement)
    (write_figures_csv if kind == "csv" else write_figures_xlsx)(statement, output)
    out.write(f"{output}: wrote the statement's figures\n")
    return EXIT_OK


def import_figures_command(args: argparse.Namespace, out: TextIO) -> int:
    """Replace a statement's figures with those in a CSV or XLSX file; write a new statement."""
    kind = _table_format(args.figures)
    if kind is None:
        sys.stderr.write("pcc-priorities: error: the figures file must end in .csv or .xlsx\n")
        return EXIT_INVALID
    refusal = _check_output(args.output, [args.statement, args.figures], args.force)
    if refusal:
        sys.stderr.write(f"pcc-priorities: error: {refusal}\n")
        return EXIT_INVALID
    statement = load(args.statement)
    read = read_figures_csv if kind == "csv" else read_figures_xlsx
    updated = read(statement, args.figures)
    dump(updated, args.output)
    out.write(f"{args.output}: wrote the statement with the figures from {args.figures}\n")
    return EXIT_OK
