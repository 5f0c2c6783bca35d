"""The ``export-figures`` and ``import-figures`` commands: figures as CSV, XLSX and ODS.

``import-figures`` says what it did (figures added, changed, removed and kept, and the
columns the table lacks) on standard error; with ``--dry-run`` it prints that report on
standard output and writes nothing. It removes figures only with ``--allow-removal``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from pcc_priorities.cli.commands import (
    TABLE_FORMATS,
    _figures_data,
    _output_format,
    _read,
    _write,
)
from pcc_priorities.cli.console import EXIT_OK, Console
from pcc_priorities.cli.parsing import Parser, UsageError
from pcc_priorities.exceptions import TableError
from pcc_priorities.files import check_output, format_by_extension
from pcc_priorities.formats.documents import FORMATS, Format, check_loadable, dumps

if TYPE_CHECKING:
    from pcc_priorities.tables.import_report import ImportReport

__all__ = [
    "add_figure_commands",
    "export_figures_command",
    "export_workbook_command",
    "import_figures_command",
    "import_workbook_command",
]

_DOCUMENTS = "(.json, .yaml, .yml)"
_DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def export_figures_command(args: argparse.Namespace, console: Console) -> int:
    """Write every figure of a statement (or a template) to a CSV, XLSX or ODS file."""
    from pcc_priorities.tables.locations import located_figures  # noqa: PLC0415

    output: str = args.output
    _output_format(output, TABLE_FORMATS)
    check_output(output, overwrite=args.overwrite, inputs=[args.statement])
    statement = _read(args.statement, console).statement
    data = _figures_data(statement, output)
    template = not located_figures(statement)
    _write(
        console,
        output,
        data,
        overwrite=args.overwrite,
        inputs=[args.statement],
        what=(
            ": a template, one row for each of the statement's metrics (it has no figures)"
            if template
            else ": the statement's figures"
        ),
    )
    return EXIT_OK


def import_figures_command(args: argparse.Namespace, console: Console) -> int:
    """Import the figures in a CSV, XLSX or ODS file into a statement; report; write it."""
    from pcc_priorities.tables.reading import import_figures  # noqa: PLC0415

    inputs = [args.statement, args.figures]
    output, kind = _import_output(args, inputs)
    format_by_extension(args.figures, TABLE_FORMATS)
    if args.delimiter is not None and not args.figures.lower().endswith(".csv"):
        raise UsageError("--delimiter is for a .csv file of figures")
    statement = _read(args.statement, console).statement
    report = import_figures(
        statement,
        args.figures,
        allow_removal=args.allow_removal,
        delimiter=None if args.delimiter is None else _DELIMITERS[args.delimiter],
    )
    return _finish_import(args, console, report, output, kind, inputs, args.figures)


_WORKBOOKS = {".xlsx": "xlsx", ".ods": "ods"}


def export_workbook_command(args: argparse.Namespace, console: Console) -> int:
    """Write a statement's applicability, metrics and figures to an XLSX or ODS workbook."""
    from pcc_priorities.tables.workbook import (  # noqa: PLC0415
        statement_to_ods,
        statement_to_xlsx,
    )

    output: str = args.output
    kind = _output_format(output, _WORKBOOKS)
    check_output(output, overwrite=args.overwrite, inputs=[args.statement])
    statement = _read(args.statement, console).statement
    try:
        data = statement_to_xlsx(statement) if kind == "xlsx" else statement_to_ods(statement)
    except TableError as error:
        raise TableError(error.problems, output, writing=True) from None
    _write(
        console,
        output,
        data,
        overwrite=args.overwrite,
        inputs=[args.statement],
        what=": the statement's applicability, metrics and figures (sheets Applicability, "
        "Metrics, Figures)",
    )
    return EXIT_OK


def import_workbook_command(args: argparse.Namespace, console: Console) -> int:
    """Fill a statement's applicability, metrics and figures from a workbook; write it."""
    from pcc_priorities.tables.workbook import statement_from_workbook  # noqa: PLC0415

    inputs = [args.statement, args.workbook]
    output, kind = _import_output(args, inputs)
    format_by_extension(args.workbook, _WORKBOOKS)
    statement = _read(args.statement, console).statement
    report = statement_from_workbook(statement, args.workbook, allow_removal=args.allow_removal)
    return _finish_import(args, console, report, output, kind, inputs, args.workbook)


def _import_output(args: argparse.Namespace, inputs: list[str]) -> tuple[str | None, Format | None]:
    """The output of an import and its document format; None for both on a dry run.

    Raises:
        UsageError: Neither an output nor --dry-run was given, or the output is refused.
    """
    output: str | None = args.output
    if output is None and not args.dry_run:
        raise UsageError("the following arguments are required: -o/--output (or --dry-run)")
    if output is None or args.dry_run:
        return output, None
    kind = _output_format(output, FORMATS)
    check_output(output, overwrite=args.overwrite, inputs=inputs)
    return output, kind


def _finish_import(  # noqa: PLR0917
    args: argparse.Namespace,
    console: Console,
    report: ImportReport,
    output: str | None,
    kind: Format | None,
    inputs: list[str],
    table: str,
) -> int:
    """Print the report (a dry run), or write the statement and say what changed."""
    if args.dry_run:
        lines = ["dry run: nothing written", *report.lines()]
        console.result("".join(f"{line}\n" for line in lines))
        return EXIT_OK
    assert output is not None
    assert kind is not None
    text = dumps(report.statement, kind)
    check_loadable(report.statement, text, kind, source=output)
    for line in report.lines()[1:]:
        console.message(line)
    _write(
        console,
        output,
        text,
        overwrite=args.overwrite,
        inputs=inputs,
        what=f": the statement with the figures from {table} ({report.summary()})",
    )
    return EXIT_OK


def add_figure_commands(commands: Any) -> None:
    """Add ``export-figures`` and ``import-figures`` to the command line's ``_Commands``."""
    export: Parser = commands.add(
        "export-figures",
        export_figures_command,
        help="write every figure of a statement to a CSV, XLSX or ODS file",
        description="Write every figure of a statement, one row each, to a .csv, .xlsx or .ods "
        "file. A statement with no figures (one made by `new`) gives a template: a row for "
        "each metric of each priority, with the columns of the framework's usual comparisons.",
    )
    export.add_argument("statement", metavar="STATEMENT", help=f"the statement {_DOCUMENTS}")
    export.add_argument(
        "-o", "--output", metavar="OUT", help="a .csv, .xlsx or .ods file", required=True
    )
    export.add_overwrite_option("OUT")

    import_: Parser = commands.add(
        "import-figures",
        import_figures_command,
        help="import the figures in a CSV, XLSX or ODS file into a statement",
        description=(
            "Read a table of figures (exported with export-figures and edited, or a sheet with "
            "only some of its columns), match each row to the statement's figure by its "
            "figure id or its place and position, and write the result as a new statement "
            "document. Only the columns that say which figure a row is ('Figure id', or "
            "'Part', 'Section', 'Subsection' and 'Figure') and 'Value' are required; a "
            "column the table lacks keeps the statement's values. What was added, changed, "
            "removed and kept is reported on standard error. A figure with no row is removed "
            "only with --allow-removal; a table with no figures is refused without it."
        ),
    )
    import_.add_argument("statement", metavar="STATEMENT", help=f"the statement {_DOCUMENTS}")
    import_.add_argument("figures", metavar="FIGURES", help="a .csv, .xlsx or .ods file")
    _import_options(import_)
    import_.add_argument(
        "--delimiter",
        choices=("comma", "semicolon", "tab"),
        default=None,
        help="what separates a CSV file's fields (default: detected from its title row)",
    )

    export_book: Parser = commands.add(
        "export-workbook",
        export_workbook_command,
        help="write a statement's applicability, metrics and figures to an XLSX or ODS workbook",
        description="Write the parts of a statement that are data (applicability, metrics "
        "with their data sources, and figures) to a .xlsx or .ods workbook, a sheet each, "
        "with titles for column headings. Narrative stays in the statement document.",
    )
    export_book.add_argument("statement", metavar="STATEMENT", help=f"the statement {_DOCUMENTS}")
    export_book.add_argument(
        "-o", "--output", metavar="OUT", help="a .xlsx or .ods file", required=True
    )
    export_book.add_overwrite_option("OUT")

    import_book: Parser = commands.add(
        "import-workbook",
        import_workbook_command,
        help="fill a statement's applicability, metrics and figures from a workbook",
        description="Read a workbook written by export-workbook (and edited), fill the "
        "statement's applicability, metrics and figures from its sheets, and write the result "
        "as a new statement document; narrative and everything else stays as it was. What "
        "happened to the figures is reported on standard error. Figures and metrics with no "
        "row are removed only with --allow-removal.",
    )
    import_book.add_argument("statement", metavar="STATEMENT", help=f"the statement {_DOCUMENTS}")
    import_book.add_argument("workbook", metavar="WORKBOOK", help="a .xlsx or .ods file")
    _import_options(import_book)


def _import_options(command: Parser) -> None:
    command.add_argument(
        "-o", "--output", metavar="OUT", help=f"the new statement {_DOCUMENTS}", default=None
    )
    command.add_overwrite_option("OUT")
    command.add_argument(
        "--dry-run",
        action="store_true",
        help="print what importing would do (on standard output) and write nothing",
    )
    command.add_argument(
        "--allow-removal",
        action="store_true",
        help="remove what has no row in the table (refused without this)",
    )
