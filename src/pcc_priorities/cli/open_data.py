"""The ``open-data`` commands (figures, fill, table) and ``table``: national figures side by side.

``pcc-priorities open-data figures TABLE --police-force NAME`` prints a force's figures from the
Home Office police recorded crime open data tables; ``open-data fill STATEMENT TABLE -o OUT``
fills a statement's figures from them; ``open-data table TABLE -o national.csv`` writes every
force side by side; ``table statements/ -o national.csv`` does the same from published
statements. While a workbook is read, a progress bar shows on standard error if it is a
terminal (and not with ``--quiet``).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from pcc_priorities.cli.console import EXIT_FINDINGS, EXIT_INVALID, EXIT_OK, Console
from pcc_priorities.cli.parsing import Parser, UsageError, count_argument, date_argument
from pcc_priorities.exceptions import PeriodError
from pcc_priorities.files import check_output, format_by_extension, write_output
from pcc_priorities.periods.period import ReportingPeriod

if TYPE_CHECKING:
    from pcc_priorities.figures.crime_table import CrimeTable
    from pcc_priorities.tables.national import TidyTable

__all__ = ["add_open_data_commands", "add_table_command"]

#: Tidy tables, by the output's extension.
_TIDY_FORMATS = {".csv": "csv", ".json": "json"}
_TABLE_HELP = (
    "the open data table: .ods or .xlsx (needs pip install 'pcc-priorities[opendata]') or .csv"
)


# --------------------------------------------------------------------------- progress


class _ProgressBar:
    """A one-line progress bar on a terminal: "reading NAME [#####.....] 5 of 14 sheets"."""

    _WIDTH = 24

    def __init__(self, stream: TextIO, name: str) -> None:
        self.stream = stream
        self.name = name
        self.shown = False

    def start(self) -> None:
        self.stream.write(f"\rreading {self.name} ...")
        self.stream.flush()
        self.shown = True

    def __call__(self, sheet: str, done: int, total: int) -> None:
        filled = self._WIDTH * done // max(total, 1)
        bar = "#" * filled + "." * (self._WIDTH - filled)
        self.stream.write(f"\rreading {self.name} [{bar}] {done} of {total} sheets ({sheet})\x1b[K")
        self.stream.flush()

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _wants_bar(console: Console) -> bool:
    isatty = getattr(console.err, "isatty", None)
    return not console.quiet and callable(isatty) and bool(isatty())


def _read_table(args: argparse.Namespace, console: Console) -> CrimeTable:
    """Read the table named by ``args.table``, with a progress bar on a terminal."""
    from pcc_priorities.figures.crime_table import read_crime_table  # noqa: PLC0415

    bar = _ProgressBar(console.err, args.table) if _wants_bar(console) else None
    try:
        if bar is not None:
            bar.start()
        table = read_crime_table(args.table, published=args.published, progress=bar)
    finally:
        if bar is not None:
            bar.finish()
    for sheet in table.skipped_sheets:
        console.message(f"{args.table}: sheet {sheet.name!r} skipped: {sheet.reason}")
    for body in table.other_bodies:
        kind = (
            "not a police force area"
            if body.known
            else "a name the register of forces does not know"
        )
        console.message(f"{args.table}: {body.rows} rows for {body.name!r} kept apart ({kind})")
    return table


# --------------------------------------------------------------------------- options


def _period(text: str) -> ReportingPeriod:
    from pcc_priorities.periods.reading import parse_period  # noqa: PLC0415

    try:
        return parse_period(text)
    except PeriodError as error:
        raise UsageError(str(error)) from None


def _periods(args: argparse.Namespace, table: CrimeTable) -> list[ReportingPeriod]:
    """The periods asked for: each --period, or the standard four up to --to (or the latest)."""
    from pcc_priorities.figures.recorded_crime import standard_periods  # noqa: PLC0415

    if args.period:
        if args.to is not None:
            raise UsageError("give --period or --to, not both")
        return [_period(text) for text in args.period]
    quarter = _period(args.to) if args.to is not None else table.latest_quarter()
    return list(standard_periods(quarter))


def _baseline(args: argparse.Namespace) -> ReportingPeriod | None:
    if args.baseline is None:
        return None
    return _period(args.baseline)


def _figure_options(command: Parser, *, measures: bool = True) -> None:
    command.add_argument(
        "--period",
        action="append",
        metavar="TEXT",
        help="a period of whole quarters ('Q2 2024/25', '2023/24', 'year to date to September "
        "2024', '12 months to September 2024'); repeat for more. Default: the quarter, the "
        "financial year, the year to date and the rolling 12 months up to --to",
    )
    command.add_argument(
        "--to",
        metavar="QUARTER",
        help="the last quarter of the default periods ('Q2 2024/25'; default: the latest in "
        "the table)",
    )
    command.add_argument(
        "--baseline",
        metavar="TEXT",
        help="the baseline period ('year ending June 2019', the default: the national "
        "measures'); compared with periods as long as it",
    )
    if measures:
        command.add_argument(
            "--measure",
            action="append",
            metavar="ID",
            help="only this measure (homicides, neighbourhood-crime, residential-burglary, "
            "personal-robbery, theft-from-the-person, vehicle-offences); repeatable",
        )
    command.add_argument(
        "--places",
        type=count_argument,
        default=0,
        metavar="N",
        help="decimal places of percentage changes (default 0)",
    )
    command.add_argument(
        "--published",
        type=date_argument,
        metavar="DATE",
        help="when the table was published (default: the date in its file name, "
        "prc-pfa-...-DDMMYY.ods), for the figures' data source",
    )


# --------------------------------------------------------------------------- output


def _cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _tidy_output(
    console: Console, tidy: TidyTable, output: str | None, kind: str, args: argparse.Namespace
) -> None:
    if kind == "json":
        text = json.dumps(
            [{key: _cell(value) for key, value in row.items()} for row in tidy.rows], indent=2
        )
        text += "\n"
    else:
        text = tidy.to_csv()
    if output is None:
        if kind == "csv":
            console.result(text.removeprefix("\ufeff"))
        else:
            console.result_json_text(text)
        return
    write_output(output, text, overwrite=args.overwrite, inputs=[args.table])
    console.message(f"wrote {output}: {len(tidy.rows)} rows")


def _output_kind(output: str | None, chosen: str | None) -> str:
    if output is None:
        return chosen or "text"
    try:
        return format_by_extension(output, _TIDY_FORMATS, chosen=chosen)
    except Exception as error:
        raise UsageError(str(error)) from None


# --------------------------------------------------------------------------- commands


def figures_command(args: argparse.Namespace, console: Console) -> int:
    """Print (or write) a force's figures from the open data table."""
    from pcc_priorities.figures.recorded_crime import force_figures  # noqa: PLC0415
    from pcc_priorities.tables.national import TidyTable, figure_rows  # noqa: PLC0415

    output = None if args.output in (None, "-") else args.output
    kind = _output_kind(output, args.format)
    if output is not None:
        check_output(output, overwrite=args.overwrite, inputs=[args.table])
    table = _read_table(args, console)
    result = force_figures(
        table,
        args.police_force,
        periods=_periods(args, table),
        only=args.measure,
        baseline=_baseline(args),
        places=args.places,
    )
    for note in result.notes:
        console.message(f"note: {note}")
    rows = [
        row
        for figure in result.figures
        for row in figure_rows(
            figure,
            origin="open data",
            force_code=result.force.code,
            force=result.force.area,
            published=table.published,
        )
    ]
    tidy = TidyTable(rows=tuple(rows))
    if kind == "text":
        console.result(_figures_text(result.figures))
        console.message(f"source: {table.source_wording}")
        return EXIT_OK
    _tidy_output(console, tidy, output, kind, args)
    return EXIT_OK


def _figures_text(figures: Sequence[Any]) -> str:
    lines = []
    for figure in figures:
        period = figure.period.canonical_label()
        parts = [f"{figure.measure}\t{period}\t{figure.value}"]
        for comparison in figure.comparisons:
            change = comparison.change
            percent = "" if change.percent is None else f", {change.percent}%"
            parts.append(
                f"{comparison.basis.replace('_', ' ')} ({comparison.period.canonical_label()}): "
                f"{comparison.value}, {change.direction} {abs(change.count)}{percent}"
            )
        lines.append("\t".join(parts))
    return "".join(line + "\n" for line in lines)


def fill_command(args: argparse.Namespace, console: Console) -> int:
    """Fill a statement's figures from the open data table; write the new statement."""
    from pcc_priorities.figures.recorded_crime import force_figures  # noqa: PLC0415
    from pcc_priorities.formats.documents import FORMATS, dumps, load_with_report  # noqa: PLC0415
    from pcc_priorities.tables.fill import fill_figures  # noqa: PLC0415

    output = None if args.output in (None, "-") else args.output
    inputs = [args.statement, args.table]
    kind = "json"
    if output is not None:
        try:
            kind = format_by_extension(output, FORMATS)
        except Exception as error:
            raise UsageError(str(error)) from None
        check_output(output, overwrite=args.overwrite, inputs=inputs)
    loaded = load_with_report(args.statement)
    if loaded.note() is not None:
        console.message(str(loaded.note()))
    statement = loaded.statement
    table = _read_table(args, console)
    end = statement.periods[-1].end if statement.periods else None
    if not args.period and args.to is None and isinstance(end, date):
        quarter = ReportingPeriod.financial_quarter_containing(end)
        if quarter.end == end and quarter.start in table.quarters():
            args.to = quarter.canonical_label()
            console.message(f"figures up to {args.to}, the end of the statement's period")
    result = force_figures(
        table,
        statement.force.code,
        periods=_periods(args, table),
        only=args.measure,
        baseline=_baseline(args),
        places=args.places,
    )
    report = fill_figures(statement, result.figures)
    for update in report.updates:
        console.message(update.describe())
    for figure, reason in report.not_placed:
        console.message(f"not placed: {figure.measure}: {reason}")
    for note in result.notes:
        console.message(f"note: {note}")
    console.message(f"{args.statement}: {report.summary()}")
    text = dumps(report.statement, kind)  # type: ignore[arg-type]
    if output is None:
        console.result_json_text(text) if kind == "json" else console.result(text)
        return EXIT_OK
    write_output(output, text, overwrite=args.overwrite, inputs=inputs)
    console.message(f"wrote {output}")
    return EXIT_OK


def table_command(args: argparse.Namespace, console: Console) -> int:
    """Write every force's figures from the open data table, side by side."""
    from pcc_priorities.tables.national import national_table  # noqa: PLC0415

    output = None if args.output in (None, "-") else args.output
    kind = _output_kind(output, args.format)
    kind = "csv" if kind == "text" else kind
    if output is not None:
        check_output(output, overwrite=args.overwrite, inputs=[args.table])
    table = _read_table(args, console)
    tidy = national_table(
        table,
        periods=_periods(args, table),
        only=args.measure,
        baseline=_baseline(args),
        places=args.places,
    )
    for problem in tidy.problems:
        console.error(problem)
    _tidy_output(console, tidy, output, kind, args)
    return EXIT_FINDINGS if tidy.problems else EXIT_OK


def statements_table_command(args: argparse.Namespace, console: Console) -> int:
    """Write the figures of published statements side by side, as the open data table's."""
    from pcc_priorities.tables.national import statements_table  # noqa: PLC0415

    output = None if args.output in (None, "-") else args.output
    kind = _output_kind(output, args.format)
    kind = "csv" if kind == "text" else kind
    if output is not None:
        check_output(output, overwrite=args.overwrite, inputs=args.paths)
    tidy = statements_table(args.paths)
    for problem in tidy.problems:
        console.error(problem)
    args.table = args.paths[0]
    _tidy_output(console, tidy, output, kind, args)
    return EXIT_INVALID if tidy.problems else EXIT_OK


# --------------------------------------------------------------------------- parsers


def add_open_data_commands(commands: Any) -> None:
    """Add ``open-data`` and its commands to the command line's ``_Commands``."""
    group: Parser = commands.add(
        "open-data",
        _no_command,
        help="figures from the Home Office police recorded crime open data tables",
        description=(
            "Figures from the Home Office police recorded crime open data tables by police "
            "force area (prc-pfa-mar2013-onwards-tables-DDMMYY.ods, or an XLSX or CSV copy): "
            "for a force, into a statement, or for every force side by side."
        ),
    )
    inner = group.add_subparsers(dest="open_data_command", metavar="COMMAND", required=True)

    figures: Parser = inner.add_parser(
        "figures",
        help="print or write a force's figures",
        description="Print a force's figures for each measure and period, each compared with "
        "the same period a year earlier and, where as long, with the baseline. With -o, write "
        "them as the tidy table's rows (.csv or .json).",
    )
    figures.add_argument("table", metavar="TABLE", help=_TABLE_HELP)
    figures.add_police_force_option(
        required=True, metavar="NAME", help="the force: ONS code or name ('West Mercia')"
    )
    _figure_options(figures)
    figures.add_argument(
        "--format", choices=("text", "csv", "json"), help="text (default on stdout), csv or json"
    )
    figures.add_argument("-o", "--output", metavar="OUT", help="write to OUT (.csv or .json)")
    figures.add_overwrite_option("OUT")
    figures.set_defaults(run=figures_command, parser=figures)

    fill: Parser = inner.add_parser(
        "fill",
        help="fill a statement's figures from the table",
        description="Fill a statement's figures for its force from the table: figures it has "
        "(same metric, measure and kind of period) are refreshed in place, others are added "
        "to the section of their metric. Only figures change. Each figure added, changed or "
        "kept is reported on standard error. Without --period or --to, the figures run up to "
        "the end of the statement's period where that is a quarter's end in the table, else "
        "to the table's latest quarter.",
    )
    fill.add_argument("statement", metavar="STATEMENT", help="the statement (.json, .yaml)")
    fill.add_argument("table", metavar="TABLE", help=_TABLE_HELP)
    _figure_options(fill)
    fill.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the new statement ('-': stdout)"
    )
    fill.add_overwrite_option("OUT")
    fill.set_defaults(run=fill_command, parser=fill)

    table: Parser = inner.add_parser(
        "table",
        help="every force's figures side by side (tidy CSV or JSON)",
        description="Write every force's figures, one row per force, metric, period and "
        "comparison. A force whose counts are incomplete is left out and named (exit 1).",
    )
    table.add_argument("table", metavar="TABLE", help=_TABLE_HELP)
    _figure_options(table)
    table.add_argument("--format", choices=("csv", "json"), help="on stdout: csv (default)")
    table.add_argument("-o", "--output", metavar="OUT", help="write to OUT (.csv or .json)")
    table.add_overwrite_option("OUT")
    table.set_defaults(run=table_command, parser=table)
    commands.added.extend([(figures, None), (fill, None), (table, None)])


def add_table_command(commands: Any) -> None:
    """Add ``table``: the figures of published statements side by side."""
    command: Parser = commands.add(
        "table",
        statements_table_command,
        help="the figures of statements side by side (tidy CSV or JSON)",
        description="Write the figures of published statements (files, or folders of .json, "
        ".yaml and .yml files), one row per statement, metric, period and comparison, in "
        "the columns of `open-data table`. A file that is not a valid statement is named and "
        "left out (exit 2, as `check` does).",
    )
    command.add_argument("paths", nargs="+", metavar="PATH", help="statements or folders")
    command.add_argument("--format", choices=("csv", "json"), help="on stdout: csv (default)")
    command.add_argument("-o", "--output", metavar="OUT", help="write to OUT (.csv or .json)")
    command.add_overwrite_option("OUT")


def _no_command(args: argparse.Namespace, console: Console) -> int:  # pragma: no cover
    raise UsageError("name a command: figures, fill or table")
