"""Figures as an XLSX workbook, written and read by the library itself (no extra needed).

The workbook has one sheet, ``Figures``: the figures table (see
:mod:`pcc_priorities.tables.columns`) with every cell typed and formatted as
:mod:`pcc_priorities.tables.cell_formats` says, the title row bold and frozen. The same
statement always gives the same bytes (no timestamps). Reading honours each cell's number
format: a percentage is read as the percentage shown, a date at the precision shown.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import datetime
from xml.etree.ElementTree import Element

import attrs

from pcc_priorities.exceptions import TableError, TableProblem
from pcc_priorities.files import atomic_write_bytes, read_input
from pcc_priorities.model.statement import Statement
from pcc_priorities.tables.cell_formats import (
    BUILT_IN,
    GENERAL,
    Format,
    date_cell_text,
    excel_format,
    number_cell_text,
    serial_date,
    unescape,
)
from pcc_priorities.tables.columns import figures_table
from pcc_priorities.tables.import_report import ImportReport
from pcc_priorities.tables.imports import import_table
from pcc_priorities.tables.packages import (
    MAX_CELLS,
    Package,
    table_problem,
)
from pcc_priorities.tables.xlsx_writer import workbook_xlsx

__all__ = [
    "figures_from_xlsx",
    "figures_to_xlsx",
    "figures_xlsx_rows",
    "import_figures_xlsx",
    "read_figures_xlsx",
    "write_figures_xlsx",
    "xlsx_sheets",
]

_SHEET = "Figures"
_MAX_COLUMN = 16_384
_MAX_ROW = 1_048_576

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def figures_to_xlsx(statement: Statement) -> bytes:
    """Return every figure of ``statement`` as an XLSX workbook (one sheet, ``Figures``).

    Every cell is typed so that a spreadsheet program shows it as written and converts
    nothing: text (periods and dates included) in the text format, numbers with their
    decimals, percentages in a percent format. The same statement always gives the same
    bytes. A statement with no figures gives a template (see
    :mod:`pcc_priorities.tables.columns`).

    Raises:
        TableError: Some text is longer than a worksheet cell holds (32,767 characters once
            escaped); every such cell is listed by row and column.
    """
    return workbook_xlsx([(_SHEET, figures_table(statement))], name_sheets=False)


# --------------------------------------------------------------------------- reading


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _texts(element: Element) -> str:
    """The text of a shared or inline string: its <t> pieces, without phonetic runs."""
    pieces: list[str] = []

    def walk(node: Element) -> None:
        for child in node:
            name = _local(child.tag)
            if name == "t":
                pieces.append(child.text or "")
            elif name != "rPh":
                walk(child)

    walk(element)
    return unescape("".join(pieces))


def _workbook(package: Package) -> tuple[list[tuple[str, str]], bool]:
    """Return the sheets (name, relationship id) and whether dates count from 1904."""
    sheets: list[tuple[str, str]] = []
    base_1904 = False
    for event, element in package.elements("xl/workbook.xml"):
        if event != "end":
            continue
        name = _local(element.tag)
        if name == "sheet":
            relation = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            sheets.append((element.get("name", ""), relation))
        elif name == "workbookPr":
            base_1904 = element.get("date1904", "0").lower() in ("1", "true")
    return sheets, base_1904


def _sheet_part(package: Package, relation: str) -> str:
    """The part name of the sheet with relationship ``relation``."""
    if package.has("xl/_rels/workbook.xml.rels"):
        for event, element in package.elements("xl/_rels/workbook.xml.rels"):
            found = event == "end" and _local(element.tag) == "Relationship"
            if found and element.get("Id") == relation:
                target = element.get("Target", "")
                return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return "xl/worksheets/sheet1.xml"


def _shared_strings(package: Package) -> list[str]:
    strings: list[str] = []
    if not package.has("xl/sharedStrings.xml"):
        return strings
    for event, element in package.elements("xl/sharedStrings.xml"):
        if event == "end" and _local(element.tag) == "si":
            strings.append(_texts(element))
            element.clear()
            if len(strings) > MAX_CELLS:
                raise table_problem("the workbook holds too many texts", package.source)
    return strings


def _formats(package: Package) -> list[Format]:
    """The number format of each cell style (xf), by index."""
    if not package.has("xl/styles.xml"):
        return []
    codes = dict(BUILT_IN)
    styles: list[Format] = []
    inside = False
    for event, element in package.elements("xl/styles.xml"):
        name = _local(element.tag)
        if name == "cellXfs":
            inside = event == "start"
        elif event == "end" and name == "numFmt":
            with_id = element.get("numFmtId", "")
            if with_id.isdigit() and len(with_id) < 6:
                codes[int(with_id)] = element.get("formatCode", "General")
        elif event == "end" and name == "xf" and inside:
            number = element.get("numFmtId", "0")
            code = codes.get(int(number), "General") if number.isdigit() and len(number) < 6 else ""
            styles.append(excel_format(code))
            if len(styles) > MAX_CELLS:
                raise table_problem("the workbook holds too many cell styles", package.source)
    return styles


_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


class _SheetReader:
    """Reads one worksheet's cells as the texts people see."""

    def __init__(self, package: Package, sheet: str, base_1904: bool) -> None:
        self.package = package
        self.sheet = sheet
        self.base_1904 = base_1904
        self.strings = _shared_strings(package)
        self.formats = _formats(package)
        self.cells: dict[int, dict[int, str]] = {}
        self.count = 0
        self.problems: list[TableProblem] = []

    def problem(self, row: int | None, message: str) -> None:
        self.problems.append(TableProblem(row=row, column=None, message=message, sheet=self.sheet))

    def format_of(self, style: str | None) -> Format:
        if style is None or not style.isdigit() or len(style) > 6:
            return GENERAL
        index = int(style)
        return self.formats[index] if index < len(self.formats) else GENERAL

    def text(self, element: Element, row: int) -> str:
        get = element.get
        kind = get("t", "n")
        value_element = next((c for c in element if _local(c.tag) == "v"), None)
        value = "" if value_element is None else value_element.text or ""
        if kind == "inlineStr":
            inline = next((c for c in element if _local(c.tag) == "is"), None)
            return "" if inline is None else _texts(inline)
        if kind == "s":
            if not value.isdigit() or int(value) >= len(self.strings):
                self.problem(
                    row,
                    f"cell {get('r', '?')} names a shared text {value!r} that "
                    "the workbook does not have",
                )
                return ""
            return self.strings[int(value)]
        if kind == "str":
            return unescape(value)
        if kind == "b":
            return {"1": "true", "0": "false"}.get(value.strip(), value)
        if kind in ("e", "d") or value == "":
            if kind == "d" and value:
                try:
                    return date_cell_text(datetime.fromisoformat(value), self.format_of(get("s")))
                except ValueError:
                    return value
            return value
        cell_format = self.format_of(get("s"))
        if cell_format.kind in ("date", "time"):
            moment = serial_date(value, base_1904=self.base_1904)
            return value if moment is None else date_cell_text(moment, cell_format)
        return number_cell_text(value, GENERAL if cell_format.kind == "text" else cell_format)

    def read(self, part: str) -> list[list[str]]:
        row, column = 0, 0
        for event, element in self.package.elements(part):
            name = _local(element.tag)
            if event == "start" and name == "row":
                written = element.get("r", "")
                row = int(written) if written.isdigit() and len(written) < 8 else row + 1
                column = 0
            elif event == "end" and name == "c":
                column = self.cell(element, row, column)
            elif event == "end" and name == "row":
                element.clear()
        return self.rows()

    def cell(self, element: Element, row: int, previous: int) -> int:
        """Read one cell; return its column (cells without a reference follow the last)."""
        reference = element.get("r")
        if reference is None:
            column = previous + 1
        else:
            match = _REFERENCE.fullmatch(reference)
            if match is None:
                self.problem(row, f"a cell's reference {reference[:20]!r} is not a cell like B2")
                return previous
            column = 0
            for letter in match[1]:
                column = column * 26 + ord(letter) - 64
            row = int(match[2])
        if not (1 <= column <= _MAX_COLUMN and 1 <= row <= _MAX_ROW):
            self.problem(None, f"a cell (row {row}, column {column}) is outside a worksheet")
            return previous
        text = self.text(element, row)
        if text != "":
            self.count += 1
            if self.count > MAX_CELLS:
                raise table_problem(
                    f"the sheet holds more than {MAX_CELLS:,} cells with values; a figures "
                    "table has one row per figure",
                    self.package.source,
                    sheet=self.sheet,
                )
            self.cells.setdefault(row, {})[column] = text
        return column

    def rows(self) -> list[list[str]]:
        if self.problems:
            raise TableError(self.problems, self.package.source)
        last = max(self.cells, default=0)
        rows: list[list[str]] = []
        for number in range(1, last + 1):
            cells = self.cells.get(number)
            if not cells:
                rows.append([])
                continue
            row = [""] * max(cells)
            for column, text in cells.items():
                row[column - 1] = text
            rows.append(row)
        return rows


def sheet_rows(package: Package, wanted: str) -> tuple[str, list[list[str]]]:
    """Return the name and rows of the sheet ``wanted`` (or the only sheet) of an XLSX package.

    Raises:
        TableError: The workbook has neither such a sheet nor only one sheet, or cannot be
            read.
    """
    sheets, base_1904 = _workbook(package)
    names = [name for name, _ in sheets]
    chosen = next((s for s in sheets if s[0] == wanted), sheets[0] if len(sheets) == 1 else None)
    if chosen is None:
        raise table_problem(
            f"expected a sheet named {wanted!r}; the workbook has {names}", package.source
        )
    reader = _SheetReader(package, chosen[0], base_1904)
    return chosen[0], reader.read(_sheet_part(package, chosen[1]))


def xlsx_sheets(data: bytes, *, source: str | None = None) -> dict[str, list[list[str]]]:
    """Every sheet of an XLSX workbook by name, each cell as it is shown.

    Raises:
        TableError: The file is not a workbook, or is damaged or oversized.
    """
    package = Package(data, "XLSX", source)
    try:
        sheets, base_1904 = _workbook(package)
        return {
            name: _SheetReader(package, name, base_1904).read(_sheet_part(package, relation))
            for name, relation in sheets
        }
    finally:
        package.close()


def with_sheet(error: TableError, sheet: str, source: str | None) -> TableError:
    """``error`` with every problem placed on ``sheet``."""
    problems: Iterable[TableProblem] = (
        attrs.evolve(problem, sheet=problem.sheet or sheet) for problem in error.problems
    )
    return TableError(problems, source)


def figures_xlsx_rows(data: bytes, *, source: str | None = None) -> tuple[str, list[list[str]]]:
    """The name and rows of the figures sheet of an XLSX workbook, each cell as it is shown.

    Reads the sheet named ``Figures`` (or the only sheet), each cell as it is shown (see
    :mod:`pcc_priorities.tables.cell_formats`): a percentage as the percentage, a date at the
    precision its format shows.

    Raises:
        TableError: The file is not a workbook, is damaged or oversized, or has no such sheet.
    """
    package = Package(data, "XLSX", source)
    try:
        name, rows = sheet_rows(package, _SHEET)
    finally:
        package.close()
    width = len(rows[0]) if rows else 0
    return name, [row[:width] if not any(row[width:]) else row for row in rows]


def import_figures_xlsx(
    statement: Statement, data: bytes, *, source: str | None = None, allow_removal: bool = False
) -> ImportReport:
    """Import the figures in an XLSX workbook into ``statement``, and say what was done.

    See :mod:`pcc_priorities.tables.imports` for how rows are matched to figures.

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Lists every problem with its sheet, row and column; a file that is not a
            workbook, or a damaged or oversized one, is one problem.
    """
    name, rows = figures_xlsx_rows(data, source=source)
    return import_table(statement, rows, source=source, sheet=name, allow_removal=allow_removal)


def figures_from_xlsx(
    statement: Statement, data: bytes, *, source: str | None = None, allow_removal: bool = False
) -> Statement:
    """Return ``statement`` with the figures in an XLSX workbook imported.

    :func:`import_figures_xlsx` without the report.

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Lists every problem with its sheet, row and column.
    """
    return import_figures_xlsx(
        statement, data, source=source, allow_removal=allow_removal
    ).statement


def write_figures_xlsx(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write every figure of ``statement`` to an XLSX file, atomically.

    Any file at ``path`` is replaced.

    Raises:
        TableError: Some text is longer than a worksheet cell holds.
        FileProblemError: The file cannot be written; the message says why.
    """
    try:
        data = figures_to_xlsx(statement)
    except TableError as error:
        raise TableError(error.problems, os.fspath(path), writing=True) from None
    atomic_write_bytes(path, data)


def read_figures_xlsx(
    statement: Statement, path: str | os.PathLike[str], *, allow_removal: bool = False
) -> Statement:
    """Return ``statement`` with the figures in the XLSX file at ``path`` imported.

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Lists every problem with its sheet, row and column.
        FileProblemError: The file cannot be read; the message says why.
    """
    data = read_input(path)
    return figures_from_xlsx(statement, data, source=os.fspath(path), allow_removal=allow_removal)
