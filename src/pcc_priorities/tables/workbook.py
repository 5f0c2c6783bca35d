"""The whole-statement workbook: a statement's parts but its narrative, a sheet each.

As flatten-tool does for other open data standards, the parts of a statement that are data
rather than prose go into a workbook with titles for column headings, one sheet each:

- ``Applicability``: the statement-wide assessment (part ``statement``) and each priority
  section's own (part ``section``): status, wording, and the reasons and the plans it aligns
  with, one column each (``Reason 1``, ``Reason 2``, ``Aligns with 1``, ...);
- ``Metrics``: every metric each priority section lists, with its name, its data source as
  published and the national metric it corresponds to, in the section's order;
- ``Figures``: the figures table (see :mod:`pcc_priorities.tables.columns`), without the
  metric's name and data source, which the Metrics sheet holds.

Narrative stays in JSON or YAML: the workbook fills the parts it holds into a statement
(the one it was exported from, or another edition of it), and nothing else changes. Reading
a workbook back into the statement it came from gives that statement unchanged; so does
reading it into the statement with its applicability, metrics and figures taken out.

A section with no row on the Applicability sheet keeps its assessment; a row with an empty
status has none. The Metrics sheet lists every section's metrics: a metric it lacks would
be removed, which is refused unless removal is allowed, as for figures.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from pcc_priorities.exceptions import TableError, TableProblem, UnsupportedFormatError
from pcc_priorities.files import atomic_write_bytes, read_input
from pcc_priorities.model.figures import MetricReference
from pcc_priorities.model.statement import (
    ApplicabilityAssessment,
    Statement,
)
from pcc_priorities.model.values import Applicability
from pcc_priorities.tables.cells import (
    CellError,
    enum_in,
    enum_out,
    text_in,
    text_out,
    whole_in,
    whole_out,
)
from pcc_priorities.tables.columns import figures_table
from pcc_priorities.tables.import_report import ImportReport
from pcc_priorities.tables.imports import import_table
from pcc_priorities.tables.ods import ods_sheets, workbook_ods
from pcc_priorities.tables.xlsx import xlsx_sheets
from pcc_priorities.tables.xlsx_writer import workbook_xlsx

__all__ = [
    "APPLICABILITY_SHEET",
    "FIGURES_SHEET",
    "METRICS_SHEET",
    "fill_from_sheets",
    "import_workbook",
    "statement_from_workbook",
    "statement_sheets",
    "statement_to_ods",
    "statement_to_xlsx",
    "write_statement_workbook",
]

APPLICABILITY_SHEET = "Applicability"
METRICS_SHEET = "Metrics"
FIGURES_SHEET = "Figures"
_APPLICABILITY_COLUMNS = ("Part", "Section", "Priority", "Status", "Wording")
_LISTS = {"Reason": "reasons", "Aligns with": "aligns_with"}
_LIST_TITLE = re.compile(r"(Reason|Aligns with) (\d{1,4})", re.ASCII)
_METRIC_COLUMNS = ("Section", "Priority", "Metric", "Metric name", "Data source", "National metric")
_METRIC_REQUIRED = ("Section", "Metric", "Metric name")
_STATEMENT, _SECTION = "statement", "section"
#: Figures table columns that repeat the Metrics sheet, left off the workbook's Figures sheet.
_METRIC_REPEATS = frozenset({"Metric name", "Data source"})


# --------------------------------------------------------------------------- writing


def _assessments(statement: Statement) -> list[tuple[int | None, ApplicabilityAssessment | None]]:
    found: list[tuple[int | None, ApplicabilityAssessment | None]] = [
        (None, statement.applicability)
    ]
    found.extend((n, s.applicability) for n, s in enumerate(statement.sections, start=1))
    return found


def _applicability_rows(statement: Statement) -> list[list[str]]:
    assessments = _assessments(statement)
    widths = {
        title: max((len(getattr(a, field)) for _, a in assessments if a is not None), default=0)
        for title, field in _LISTS.items()
    }
    header = list(_APPLICABILITY_COLUMNS)
    for title, width in widths.items():
        header.extend(f"{title} {n}" for n in range(1, width + 1))
    rows = [header]
    for number, assessment in assessments:
        section = statement.sections[number - 1] if number is not None else None
        row = [
            _STATEMENT if number is None else _SECTION,
            whole_out(number),
            text_out(section.priority if section else None),
            enum_out(assessment.status if assessment else None),
            text_out(assessment.wording if assessment else None),
        ]
        for title, field in _LISTS.items():
            items = list(getattr(assessment, field)) if assessment is not None else []
            row.extend(text_out(item) for item in items)
            row.extend([""] * (widths[title] - len(items)))
        rows.append(row)
    return rows


def _metric_rows(statement: Statement) -> list[list[str]]:
    rows = [list(_METRIC_COLUMNS)]
    for number, section in enumerate(statement.sections, start=1):
        rows.extend(
            [
                whole_out(number),
                text_out(section.priority),
                text_out(metric.id),
                text_out(metric.name),
                text_out(metric.data_source),
                text_out(metric.national_metric),
            ]
            for metric in section.metrics
        )
    return rows


def statement_sheets(statement: Statement) -> list[tuple[str, list[list[str]]]]:
    """The whole-statement workbook's sheets: name and rows of text, the title row first."""
    return [
        (APPLICABILITY_SHEET, _applicability_rows(statement)),
        (METRICS_SHEET, _metric_rows(statement)),
        (FIGURES_SHEET, _figure_rows(statement)),
    ]


def _figure_rows(statement: Statement) -> list[list[str]]:
    """The figures table without the metric's name and data source (the Metrics sheet's)."""
    rows = figures_table(statement)
    keep = [i for i, title in enumerate(rows[0]) if title not in _METRIC_REPEATS]
    return [[row[i] for i in keep] for row in rows]


# --------------------------------------------------------------------------- reading


class _Sheet:
    """One sheet's rows read by column title, its problems named by sheet, row and column."""

    def __init__(
        self, name: str, rows: Sequence[Sequence[str]], problems: list[TableProblem]
    ) -> None:
        self.name = name
        self.header = [title.strip() for title in rows[0]] if rows else []
        self.rows = rows
        self.problems = problems

    def problem(self, row: int | None, column: str | None, message: str) -> None:
        self.problems.append(TableProblem(row=row, column=column, message=message, sheet=self.name))

    def check_header(self, known: Sequence[str], required: Sequence[str]) -> bool:
        before = len(self.problems)
        seen: set[str] = set()
        for title in self.header:
            if title in seen:
                self.problem(1, title, "this title is used twice")
            seen.add(title)
            if title not in known and not (
                self.name == APPLICABILITY_SHEET and _LIST_TITLE.fullmatch(title)
            ):
                self.problem(1, title, "unknown column; export a workbook to see the columns")
        for title in required:
            if title not in seen:
                self.problem(1, title, "this column is missing")
        return len(self.problems) == before

    def records(self) -> list[tuple[int, dict[str, str]]]:
        found = []
        for number, cells in enumerate(self.rows[1:], start=2):
            if not any(cell != "" for cell in cells):
                continue
            if len(cells) > len(self.header):
                self.problem(
                    number,
                    None,
                    f"the row has {len(cells)} cells but there are {len(self.header)} columns",
                )
                continue
            found.append((number, dict(zip(self.header, cells, strict=False))))
        return found

    def section(self, statement: Statement, number: int, cells: dict[str, str]) -> int | None:
        """The section a row names (its number, checked against its priority), or None."""
        try:
            position = whole_in(cells.get("Section", ""))
        except CellError as error:
            self.problem(number, "Section", str(error))
            return None
        count = len(statement.sections)
        if position is None or not 1 <= position <= count:
            self.problem(number, "Section", f"expected a section number from 1 to {count}")
            return None
        section = statement.sections[position - 1]
        priority = text_in(cells.get("Priority", ""))
        if priority is not None and priority != section.priority:
            self.problem(
                number,
                "Priority",
                f"{priority!r} is not the priority of section "
                f"{position} ({section.priority!r}); this column only repeats the "
                "statement",
            )
            return None
        return position


def _listed(cells: dict[str, str], title: str) -> tuple[str, ...]:
    numbered = []
    for column, cell in cells.items():
        match = _LIST_TITLE.fullmatch(column)
        if match and match[1] == title and (text := text_in(cell)) is not None:
            numbered.append((int(match[2]), text))
    return tuple(text for _, text in sorted(numbered))


def _read_assessment(
    sheet: _Sheet, number: int, cells: dict[str, str]
) -> ApplicabilityAssessment | None:
    try:
        status = enum_in(cells.get("Status", ""), Applicability)
    except CellError as error:
        sheet.problem(number, "Status", str(error))
        return None
    reasons, aligns = _listed(cells, "Reason"), _listed(cells, "Aligns with")
    wording = text_in(cells.get("Wording", ""))
    if status is None:
        if reasons or aligns or wording is not None:
            sheet.problem(
                number, "Status", "an assessment's reasons, plans or wording need its status"
            )
        return None
    return ApplicabilityAssessment(
        status=status, reasons=reasons, aligns_with=aligns, wording=wording
    )


def _fill_applicability(statement: Statement, sheet: _Sheet) -> Statement:
    known = [*_APPLICABILITY_COLUMNS]
    if not sheet.check_header(known, ("Part", "Status")):
        return statement
    whole: list[ApplicabilityAssessment | None] = []
    by_section: dict[int, ApplicabilityAssessment | None] = {}
    rows: dict[int | None, int] = {}
    for number, cells in sheet.records():
        part = cells.get("Part", "").strip().lower()
        position: int | None = None
        if part == _SECTION:
            position = sheet.section(statement, number, cells)
            if position is None:
                continue
        elif part != _STATEMENT:
            sheet.problem(number, "Part", f"expected {_STATEMENT} or {_SECTION}")
            continue
        if position in rows:
            sheet.problem(number, "Part", f"given twice (also row {rows[position]})")
            continue
        rows[position] = number
        assessment = _read_assessment(sheet, number, cells)
        if position is None:
            whole.append(assessment)
        else:
            by_section[position] = assessment
    sections = tuple(
        attrs.evolve(s, applicability=by_section[n]) if n in by_section else s
        for n, s in enumerate(statement.sections, start=1)
    )
    return attrs.evolve(
        statement,
        applicability=whole[0] if whole else statement.applicability,
        sections=sections,
    )


def _fill_metrics(statement: Statement, sheet: _Sheet, *, allow_removal: bool) -> Statement:
    if not sheet.check_header(_METRIC_COLUMNS, _METRIC_REQUIRED):
        return statement
    listed: dict[int, list[MetricReference]] = {}
    for number, cells in sheet.records():
        position = sheet.section(statement, number, cells)
        metric_id, name = text_in(cells.get("Metric", "")), text_in(cells.get("Metric name", ""))
        if metric_id is None or name is None:
            missing = "Metric" if metric_id is None else "Metric name"
            sheet.problem(number, missing, "this cell must not be empty")
            continue
        if position is None:
            continue
        metrics = listed.setdefault(position, [])
        if any(metric.id == metric_id for metric in metrics):
            sheet.problem(number, "Metric", f"metric {metric_id!r} is listed twice in its section")
            continue
        metrics.append(
            MetricReference(
                id=metric_id,
                name=name,
                data_source=text_in(cells.get("Data source", "")),
                national_metric=text_in(cells.get("National metric", "")),
            )
        )
    if not allow_removal:
        for position, section in enumerate(statement.sections, start=1):
            kept = {metric.id for metric in listed.get(position, [])}
            for metric in section.metrics:
                if metric.id not in kept:
                    sheet.problem(
                        None,
                        None,
                        f"no row for metric {metric.id!r} of section "
                        f"{position}: it would be removed; keep its row, or allow "
                        "removal (--allow-removal)",
                    )
    sections = tuple(
        attrs.evolve(s, metrics=tuple(listed.get(n, ())))
        for n, s in enumerate(statement.sections, 1)
    )
    return attrs.evolve(statement, sections=sections)


def fill_from_sheets(
    statement: Statement,
    sheets: Mapping[str, Sequence[Sequence[str]]],
    *,
    source: str | None = None,
    allow_removal: bool = False,
) -> ImportReport:
    """Fill ``statement``'s applicability, metrics and figures from a workbook's sheets.

    The report is that of the figures (see :func:`~pcc_priorities.tables.import_table`); its
    ``statement`` is the statement filled in.

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: A sheet is missing, or lists every problem with its sheet, row and
            column (a metric that would be removed, unless removal is allowed, among them).
    """
    missing = [
        name for name in (APPLICABILITY_SHEET, METRICS_SHEET, FIGURES_SHEET) if name not in sheets
    ]
    if missing:
        message = (
            f"expected the sheets {APPLICABILITY_SHEET!r}, {METRICS_SHEET!r} and "
            f"{FIGURES_SHEET!r}; the workbook has {sorted(sheets)}"
        )
        raise TableError([TableProblem(row=None, column=None, message=message)], source)
    problems: list[TableProblem] = []
    filled = _fill_applicability(
        statement, _Sheet(APPLICABILITY_SHEET, sheets[APPLICABILITY_SHEET], problems)
    )
    filled = _fill_metrics(
        filled, _Sheet(METRICS_SHEET, sheets[METRICS_SHEET], problems), allow_removal=allow_removal
    )
    if problems:
        raise TableError(problems, source)
    return import_table(
        filled,
        sheets[FIGURES_SHEET],
        source=source,
        sheet=FIGURES_SHEET,
        allow_removal=allow_removal,
    )


# --------------------------------------------------------------------------- files


def statement_to_xlsx(statement: Statement) -> bytes:
    """Return the whole-statement workbook of ``statement`` as XLSX (the same bytes each time).

    Raises:
        TableError: Some text is longer than a worksheet cell holds; every such cell is
            listed by sheet, row and column.
    """
    return workbook_xlsx(statement_sheets(statement), name_sheets=True)


def statement_to_ods(statement: Statement) -> bytes:
    """Return the whole-statement workbook of ``statement`` as ODS (the same bytes each time)."""
    return workbook_ods(statement_sheets(statement))


def import_workbook(
    statement: Statement,
    data: bytes,
    *,
    kind: str,
    source: str | None = None,
    allow_removal: bool = False,
) -> ImportReport:
    """Fill ``statement`` from a whole-statement workbook given as bytes (``kind`` xlsx or ods).

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: The file is not such a workbook; or every problem with its sheet, row and
            column.
    """
    sheets = xlsx_sheets(data, source=source) if kind == "xlsx" else ods_sheets(data, source=source)
    return fill_from_sheets(statement, sheets, source=source, allow_removal=allow_removal)


def statement_from_workbook(
    statement: Statement, path: str | os.PathLike[str], *, allow_removal: bool = False
) -> ImportReport:
    """Fill ``statement`` from the whole-statement workbook at ``path`` (.xlsx or .ods).

    Raises:
        UnsupportedFormatError: The file is neither .xlsx nor .ods.
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Every problem with its sheet, row and column.
        FileProblemError: The file cannot be read; the message says why.
    """
    kind = _kind(path)
    return import_workbook(
        statement, read_input(path), kind=kind, source=os.fspath(path), allow_removal=allow_removal
    )


def write_statement_workbook(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write the whole-statement workbook of ``statement`` to ``path`` (.xlsx or .ods), atomically.

    Raises:
        UnsupportedFormatError: The file is neither .xlsx nor .ods.
        TableError: Some text is longer than a worksheet cell holds.
        FileProblemError: The file cannot be written; the message says why.
    """
    kind = _kind(path)
    try:
        data = statement_to_xlsx(statement) if kind == "xlsx" else statement_to_ods(statement)
    except TableError as error:
        raise TableError(error.problems, os.fspath(path), writing=True) from None
    atomic_write_bytes(path, data)


def _kind(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in (".xlsx", ".ods"):
        raise UnsupportedFormatError(f"{os.fspath(path)}: expected a .xlsx or .ods workbook")
    return suffix[1:]
