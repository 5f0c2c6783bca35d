"""The commands of ``pcc-priorities``: one function each, a thin shell over library calls.

Each command reads its inputs, calls the library, writes its results through the
:class:`~pcc_priorities.cli.console.Console` and returns an exit code. Files are read and
written the one way the library has (:mod:`pcc_priorities.files`): an output is
refused before any work if it is an input, a folder, or exists without ``--overwrite``, and
is written atomically and exclusively.

Modules only some commands need are imported by those commands, to keep ``check`` quick to
start.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from pcc_priorities.cli.console import (
    EXIT_FINDINGS,
    EXIT_INVALID,
    EXIT_OK,
    Console,
)
from pcc_priorities.cli.parsing import UsageError, codes_argument
from pcc_priorities.exceptions import (
    DocumentError,
    OutputExistsError,
    PccPrioritiesError,
    TableError,
    UnsupportedFormatError,
)
from pcc_priorities.files import (
    check_output,
    file_problem,
    format_by_extension,
    write_output,
)
from pcc_priorities.formats.documents import (
    FORMATS,
    Format,
    check_loadable,
    dumps,
    load_with_report,
)
from pcc_priorities.formats.upgrade import CURRENT_VERSION, LoadResult

if TYPE_CHECKING:
    from pcc_priorities.model.statement import Statement
    from pcc_priorities.periods.period import ReportingPeriod
    from pcc_priorities.reference.national_frameworks import Framework

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INVALID",
    "EXIT_OK",
    "RENDER_FORMATS",
    "TABLE_FORMATS",
    "Command",
    "error_text",
]

#: A command: the parsed arguments and the console in, the exit code out.
Command = Callable[[argparse.Namespace, Console], int]

#: Publication formats, by the output's extension.
RENDER_FORMATS: dict[str, str] = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}
#: Figures tables, by the file's extension.
TABLE_FORMATS: dict[str, str] = {".csv": "csv", ".xlsx": "xlsx", ".ods": "ods"}

Chosen = TypeVar("Chosen", bound=str)


# --------------------------------------------------------------------------- reading, writing


def error_text(error: BaseException) -> str:
    """Return the words the command line shows for ``error`` (after ``... error:``).

    An existing output names ``--overwrite``; an operating-system error that escaped the
    library is put in words as :func:`~pcc_priorities.files.file_problem` does.
    """
    if isinstance(error, OutputExistsError):
        return error.describe("--overwrite")
    if isinstance(error, OSError) and not isinstance(error, PccPrioritiesError):
        name = error.filename if isinstance(error.filename, str) else "a file"
        return str(file_problem(error, name, writing=False))
    return str(error)


def _problems(error: PccPrioritiesError) -> list[dict[str, Any]]:
    """Return the problems of a file that could not be read, as the JSON outputs list them."""
    if isinstance(error, DocumentError):
        return [
            {"path": p.path, "message": p.message, "line": p.line, "column": p.column}
            for p in error.problems
        ]
    return [{"path": "", "message": error_text(error), "line": None, "column": None}]


def _read(path: str, console: Console, *, note: bool = True) -> LoadResult:
    """Load the statement at ``path``; say so (a message) if it was upgraded on the way."""
    result = load_with_report(path)
    message = result.note()
    if note and message is not None:
        console.message(message)
    return result


def _to_file(output: str | None) -> str | None:
    """Return the output file named, or None for standard output (no name, or ``-``)."""
    return None if output in (None, "-") else output


def _output_format(
    output: str, formats: Mapping[str, Chosen], chosen: Chosen | None = None
) -> Chosen:
    """Return the format of ``output`` by its extension; it must agree with ``chosen``.

    Raises:
        UsageError: The extension is unknown or names another format (shown with the usage).
    """
    try:
        return format_by_extension(output, formats, chosen=chosen)
    except UnsupportedFormatError as error:
        raise UsageError(str(error)) from None


def _write(
    console: Console,
    output: str,
    data: str | bytes,
    *,
    overwrite: bool,
    inputs: Sequence[str] = (),
    what: str = "",
) -> None:
    """Write ``data`` to ``output`` (atomically, exclusively unless ``overwrite``); say so."""
    write_output(output, data, overwrite=overwrite, inputs=inputs)
    console.message(f"wrote {output}{what}")


# --------------------------------------------------------------------------- statements


def check_command(args: argparse.Namespace, console: Console) -> int:
    """Check each file against para 7A and good practice, and report the findings."""
    from pcc_priorities.checks.defaults import default_registry  # noqa: PLC0415
    from pcc_priorities.checks.engine import check  # noqa: PLC0415
    from pcc_priorities.checks.report import Report, Severity, reports_to_csv  # noqa: PLC0415

    select = codes_argument(args.select)
    ignore = codes_argument(args.ignore) or []
    default_registry().select(select, ignore)  # unknown codes fail before any file is read
    threshold = None if args.fail_on == "never" else Severity(args.fail_on)
    if args.figures is not None and len(args.files) != 1:
        raise UsageError("--figures goes with one statement: the one its figures are in")
    status = EXIT_OK
    reports: list[Report] = []
    results: list[dict[str, Any]] = []
    for path in args.files:
        try:
            statement = _read(path, console).statement
        except PccPrioritiesError as error:  # invalid, unreadable, unknown format, no extra
            console.error(error_text(error))
            results.append({"path": path, "report": None, "problems": _problems(error)})
            status = EXIT_INVALID
            continue
        report = check(statement, as_of=args.as_of, select=select, ignore=ignore, source=path)
        reports.append(report)
        places = None if args.figures is None else _cell_places(statement, args.figures, console)
        data = report.to_dict()
        if places is not None:
            for finding in data["findings"]:
                cell = places(finding["path"])
                if cell is not None:
                    finding["cell"] = cell
        results.append({"path": path, "report": data, "problems": []})
        if args.format == "text":
            if args.quiet:
                console.result(report.summary() + "\n")
            else:
                limit = None if args.max_per_rule == 0 else args.max_per_rule
                shown = None if places is None else _cell_text(places)
                console.result(report.to_text(max_per_rule=limit, places=shown) + "\n")
        if status == EXIT_OK and threshold is not None and report.fails(threshold):
            status = EXIT_FINDINGS
    if args.format == "json":
        console.result_json({"files": results})
    elif args.format == "csv":
        console.result(reports_to_csv(reports))
    return status


def _cell_places(
    statement: Statement, table: str, console: Console
) -> Callable[[str], dict[str, Any] | None]:
    """Where each figure of ``statement`` is in ``table``: file, sheet, row and column."""
    from pcc_priorities.tables.import_report import ImportKind  # noqa: PLC0415
    from pcc_priorities.tables.reading import import_figures  # noqa: PLC0415

    imported = import_figures(statement, table, allow_removal=True)
    if imported.changes_anything:
        console.message(
            f"{table} differs from the statement ({imported.summary()}): findings name the "
            "rows of the figures it has as the statement has them"
        )
    kept = imported.of_kind(ImportKind.KEPT)
    same = {row for row in (item.row for item in kept) if row is not None}

    def place(path: str) -> dict[str, Any] | None:
        cell = imported.cell_of(path, before=True)
        if cell is None or cell.row not in same:
            return None
        return {"file": table, "sheet": cell.sheet, "row": cell.row, "column": cell.column}

    return place


def _cell_text(places: Callable[[str], dict[str, Any] | None]) -> Callable[[str], str | None]:
    """``places`` as text: "figures.xlsx, sheet 'Figures', row 5, column 'Value'"."""

    def text(path: str) -> str | None:
        cell = places(path)
        if cell is None:
            return None
        parts = [cell["file"]]
        if cell["sheet"] is not None:
            parts.append(f"sheet {cell['sheet']!r}")
        parts.append(f"row {cell['row']}")
        if cell["column"] is not None:
            parts.append(f"column {cell['column']!r}")
        return ", ".join(parts)

    return text


def validate_command(args: argparse.Namespace, console: Console) -> int:
    """Load each file (JSON or YAML) and report whether it is a valid statement document."""
    status = EXIT_OK
    files: list[dict[str, Any]] = []
    for path in args.files:
        try:
            result = _read(path, console, note=False)
        except PccPrioritiesError as error:
            console.error(error_text(error))
            files.append(
                {
                    "path": path,
                    "valid": False,
                    "format": None,
                    "schema_version": None,
                    "upgraded": False,
                    "sections": None,
                    "problems": _problems(error),
                }
            )
            status = EXIT_INVALID
            continue
        count = len(result.statement.sections)
        files.append(
            {
                "path": path,
                "valid": True,
                "format": result.format,
                "schema_version": result.schema_version,
                "upgraded": result.upgraded,
                "sections": count,
                "problems": [],
            }
        )
        if args.format == "text":
            upgraded = (
                f"; written in schema_version {result.schema_version!r}, upgraded on load"
                if result.upgraded
                else ""
            )
            console.result(
                f"{path}: valid statement document ({count} priority sections{upgraded})\n"
            )
    if args.format == "json":
        console.result_json({"files": files})
    return status


def rewrite_command(args: argparse.Namespace, console: Console) -> int:
    """Load a statement (upgrading it if needed) and write it canonically, in either format."""
    output = _to_file(args.output)
    chosen = args.format
    if output is not None:
        chosen = _output_format(output, FORMATS, chosen)
        check_output(output, overwrite=args.overwrite, inputs=[args.file])
    result = _read(args.file, console, note=args.command != "upgrade")
    kind = chosen or result.format
    text = dumps(result.statement, kind)
    check_loadable(result.statement, text, kind, source=output)
    if output is None:
        (console.result_json_text if kind == "json" else console.result)(text)
    else:
        _write(console, output, text, overwrite=args.overwrite, inputs=[args.file])
    if args.command == "upgrade":
        console.message(
            result.note()
            or f"{args.file}: already at schema_version {CURRENT_VERSION!r}; written canonically"
        )
    return EXIT_OK


def render_command(args: argparse.Namespace, console: Console) -> int:
    """Render a statement document as HTML or Markdown, to a file or to standard output."""
    from pcc_priorities.cli import page_files  # noqa: PLC0415
    from pcc_priorities.publish.rendering import render  # noqa: PLC0415

    output = _to_file(args.output)
    chosen = args.format
    if output is not None:
        chosen = _output_format(output, RENDER_FORMATS, chosen)
    chosen = chosen or "html"
    page_files.check_usage(args, chosen, output)
    inputs = [args.file, *args.history]
    figure_files = page_files.figure_file_paths(output) if args.figures_files and output else []
    for path in [*(path for path, _link in figure_files), *([output] if output else [])]:
        check_output(path, overwrite=args.overwrite, inputs=inputs)
    statement = _read(args.file, console).statement
    glossary = None
    if args.glossary:
        from pcc_priorities.reference.glossary import shipped_glossary  # noqa: PLC0415

        glossary = shipped_glossary()
    earlier = [_read(path, console).statement for path in args.history]
    options = page_files.page_options(args, statement, earlier, figure_files)
    text = render(statement, chosen, fragment=args.fragment, glossary=glossary, options=options)
    # The figure files first, so that the page never links to a file not yet written.
    for path, data in page_files.figure_file_data(statement, figure_files):
        _write(console, path, data, overwrite=args.overwrite, inputs=inputs, what=" (figures)")
    if output is None:
        console.result(text)
    else:
        _write(console, output, text, overwrite=args.overwrite, inputs=inputs, what=f" ({chosen})")
    return EXIT_OK


def diff_command(args: argparse.Namespace, console: Console) -> int:
    """Report what changed between two editions; exit 1 if anything did, like diff(1)."""
    from pcc_priorities.editions.differ import diff  # noqa: PLC0415
    from pcc_priorities.editions.differences import diff_to_json, diff_to_text  # noqa: PLC0415

    old = _read(args.old, console).statement
    new = _read(args.new, console).statement
    result = diff(old, new)
    if args.format == "json":
        console.result_json_text(diff_to_json(result))
    else:
        console.result(diff_to_text(result))
    return EXIT_FINDINGS if result else EXIT_OK


def new_command(args: argparse.Namespace, console: Console) -> int:
    """Write a new statement with every priority, metric and data source to fill in."""
    from pcc_priorities.editions.scaffold import new_statement  # noqa: PLC0415
    from pcc_priorities.periods.period import ReportingPeriod  # noqa: PLC0415

    output = _to_file(args.file)
    if (args.period_start is None) != (args.period_end is None):
        raise UsageError("--period-start and --period-end go together")
    if args.period is not None and args.period_start is not None:
        raise UsageError("give --period, or --period-start and --period-end, not both")
    if args.period_start is not None and args.period_end < args.period_start:
        raise UsageError("--period-end is before --period-start")
    kind: Format = "json"
    if output is not None:
        kind = _output_format(output, FORMATS)
        check_output(output, overwrite=args.overwrite)
    if args.figures is not None:
        if output is None:
            raise UsageError("--figures writes a template beside the statement: name FILE")
        _output_format(args.figures, TABLE_FORMATS)
        check_output(args.figures, overwrite=args.overwrite, inputs=[output])
    period: ReportingPeriod | str | None = args.period
    if args.period_start is not None:
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
    text = dumps(statement, kind)
    check_loadable(statement, text, kind, source=output)
    if output is None:
        console.result_json_text(text)
        return EXIT_OK
    _write(
        console,
        output,
        text,
        overwrite=args.overwrite,
        what=f": {len(statement.sections)} priority sections for {statement.force.name}; "
        f"`pcc-priorities check {output}` lists what to fill in",
    )
    if args.figures is not None:
        _write(
            console,
            args.figures,
            _figures_data(statement, args.figures),
            overwrite=args.overwrite,
            inputs=[output],
            what=": a figures template, one row for each metric; fill it in and "
            f"`pcc-priorities import-figures {output} {args.figures} -o OUT`",
        )
    return EXIT_OK


def _figures_data(statement: Statement, output: str) -> str | bytes:
    """The figures of ``statement`` (a template if it has none) in ``output``'s format."""
    from pcc_priorities.tables.csv import figures_to_csv  # noqa: PLC0415
    from pcc_priorities.tables.ods import figures_to_ods  # noqa: PLC0415
    from pcc_priorities.tables.xlsx import figures_to_xlsx  # noqa: PLC0415

    writers: dict[str, Callable[[Statement], str | bytes]] = {
        "csv": figures_to_csv,
        "xlsx": figures_to_xlsx,
        "ods": figures_to_ods,
    }
    try:
        return writers[_output_format(output, TABLE_FORMATS)](statement)
    except TableError as error:
        raise TableError(error.problems, output, writing=True) from None


# --------------------------------------------------------------------------- reference


def rules_command(args: argparse.Namespace, console: Console) -> int:
    """List the rules the checker knows: code, severity, category, what each finds."""
    from pcc_priorities.checks.builtin import BUILTIN_RULES, RULESET_VERSION  # noqa: PLC0415
    from pcc_priorities.checks.catalogue import (  # noqa: PLC0415
        catalogue_json,
        catalogue_markdown,
        catalogue_text,
    )
    from pcc_priorities.checks.defaults import default_registry  # noqa: PLC0415

    output = _to_file(args.output)
    if output is not None:
        check_output(output, overwrite=args.overwrite)
    chosen = BUILTIN_RULES if args.builtin else tuple(default_registry())
    if args.format == "markdown":
        text = catalogue_markdown(chosen, ruleset_version=RULESET_VERSION)
    elif args.format == "json":
        text = catalogue_json(chosen)
    else:
        text = catalogue_text(chosen)
    if output is None:
        if args.format == "json":
            console.result_json_text(text)
        else:
            console.result(text)
    else:
        _write(console, output, text, overwrite=args.overwrite)
    return EXIT_OK


def schema_command(args: argparse.Namespace, console: Console) -> int:
    """Print (or write) the JSON Schema of statement documents."""
    from pcc_priorities.formats.schema import schema_text  # noqa: PLC0415

    output = _to_file(args.output)
    if output is None:
        console.result_json_text(schema_text())
    else:
        check_output(output, overwrite=args.overwrite)
        _write(console, output, schema_text(), overwrite=args.overwrite)
    return EXIT_OK


def frameworks_command(args: argparse.Namespace, console: Console) -> int:
    """List the known national frameworks and their priorities."""
    from pcc_priorities.reference.national_frameworks import frameworks  # noqa: PLC0415

    known = frameworks()
    if args.format == "json":
        console.result_json({"frameworks": [_framework_data(f) for f in known]})
        return EXIT_OK
    lines: list[str] = []
    for framework in known:
        lines.append(f"{framework.id}\t{framework.title} ({framework.version})")
        if args.verbose:
            for priority in framework.priorities:
                lines.append(f"  {priority.id}\t{priority.title}")
                for metric in framework.metrics_for(priority.id):
                    sources = ", ".join(framework.data_source(s).title for s in metric.data_sources)
                    flag = "" if metric.confirmed else " [unconfirmed]"
                    lines.append(f"    - {metric.title} ({sources}){flag}")
    console.result("".join(line + "\n" for line in lines))
    return EXIT_OK


def _framework_data(framework: Framework) -> dict[str, Any]:
    """Return a framework as ``frameworks --format json`` lists it."""
    return {
        "id": framework.id,
        "title": framework.title,
        "version": framework.version,
        "priorities": [
            {
                "id": priority.id,
                "title": priority.title,
                "metrics": [
                    {
                        "id": metric.id,
                        "title": metric.title,
                        "confirmed": metric.confirmed,
                        "data_sources": [
                            {"id": source, "title": framework.data_source(source).title}
                            for source in metric.data_sources
                        ],
                    }
                    for metric in framework.metrics_for(priority.id)
                ],
            }
            for priority in framework.priorities
        ],
    }


def forces_command(args: argparse.Namespace, console: Console) -> int:
    """List the register of forces with ONS codes and their current policing body."""
    from pcc_priorities.reference.force_register import forces  # noqa: PLC0415

    registered = forces()
    if args.format == "json":
        console.result_json(
            {
                "forces": [
                    {
                        "code": force.code,
                        "name": force.force_name,
                        "area": force.area,
                        "country": force.country,
                        "body": {"kind": force.body().kind, "title": force.body().title},
                    }
                    for force in registered
                ]
            }
        )
        return EXIT_OK
    lines = []
    for force in registered:
        body = force.body()
        lines.append(f"{force.code}\t{force.force_name}\t{body.kind}\t{body.title}\n")
    console.result("".join(lines))
    return EXIT_OK


def period_command(args: argparse.Namespace, console: Console) -> int:
    """Read each text as a reporting period and print its canonical label and days."""
    from pcc_priorities.periods.reading import parse_period  # noqa: PLC0415

    status = EXIT_OK
    for text in args.texts:
        try:
            period = parse_period(text, as_of=args.as_of)
        except PccPrioritiesError as error:
            console.error(error_text(error))
            status = EXIT_INVALID
            continue
        console.result(
            f"{text}\t{period.canonical_label()}\t{_bound_cell(period.start)}\t"
            f"{_bound_cell(period.end)}\t{period.kind}\t{_length(period)}\n"
        )
        problem = period.kind_problem()
        if problem is not None:
            console.message(f"{text!r}: stored as published, but {problem}")
    return status


def _bound_cell(bound: object) -> str:
    return "not stated" if bound is None else str(bound)


def _length(period: ReportingPeriod) -> str:
    """The days a period spans: "91 days", "1463 to 2191 days", or "days not known"."""
    length = period.length_in_days
    if length is None:
        return "days not known"
    shortest, longest = length
    return f"{longest} days" if shortest == longest else f"{shortest} to {longest} days"
