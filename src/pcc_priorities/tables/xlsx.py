"""Figures as an XLSX workbook (the ``xlsx`` extra: openpyxl)."""

from __future__ import annotations

import io
import os
import re
from datetime import date
from typing import Any

from pcc_priorities.exceptions import MissingExtraError, TableError, TableProblem
from pcc_priorities.files import atomic_write_bytes, read_input
from pcc_priorities.model.statement import Statement
from pcc_priorities.tables.rows import figures_from_table, figures_table

__all__ = ["figures_from_xlsx", "figures_to_xlsx", "read_figures_xlsx", "write_figures_xlsx"]


# --------------------------------------------------------------------------- XLSX

#: Characters a worksheet cannot hold as they are, written as _xHHHH_ (ECMA-376 escapes).
_XLSX_UNSAFE = re.compile("[\x00-\x08\x0b-\x0d\x0e-\x1f\ufffe\uffff]")
#: An underscore that would begin an escape is itself escaped (_x005F_), each one even where
#: escapes follow one another ("_x005F_x0041_").
#: Every underscore that starts "_xHHHH" is escaped, whatever follows: a control character
#: after it is itself written as "_xHHHH_", which would otherwise close a false escape.
_XLSX_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4})")
_XLSX_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_SHEET = "Figures"
#: The most characters a worksheet cell holds; openpyxl would silently cut longer text.
_XLSX_CELL_LIMIT = 32_767


def _xlsx_escape(text: str) -> str:
    text = _XLSX_ESCAPE.sub("_x005F_", text)
    return _XLSX_UNSAFE.sub(lambda match: f"_x{ord(match[0]):04X}_", text)


def _xlsx_unescape(text: str) -> str:
    return _XLSX_ESCAPED.sub(lambda match: chr(int(match[1], 16)), text)


def _openpyxl() -> Any:
    try:
        import openpyxl  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError(
            "XLSX needs the optional openpyxl package: pip install 'pcc-priorities[xlsx]'"
        ) from None
    return openpyxl


def figures_to_xlsx(statement: Statement) -> bytes:
    """Return every figure of ``statement`` as an XLSX workbook (one sheet, ``Figures``).

    Every cell is text, so numbers keep the digits they are written with and nothing is
    turned into a date or a formula. Needs the ``xlsx`` extra (openpyxl).

    Raises:
        TableError: Some text is longer than a worksheet cell holds (32,767 characters once
            escaped); every such cell is listed by row and column.
    """
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _SHEET
    rows = figures_table(statement)
    problems: list[TableProblem] = []
    for row_number, row in enumerate(rows, start=1):
        for column_number, value in enumerate(row, start=1):
            if value == "":
                continue
            escaped = _xlsx_escape(value)
            if len(escaped) > _XLSX_CELL_LIMIT:
                problems.append(
                    TableProblem(
                        row=row_number,
                        column=rows[0][column_number - 1],
                        message=f"a worksheet cell holds at most {_XLSX_CELL_LIMIT:,} "
                        f"characters; this text needs {len(escaped):,} (write CSV instead)",
                    )
                )
                continue
            cell = sheet.cell(row=row_number, column=column_number)
            cell.value = escaped
            cell.data_type = "s"
    if problems:
        raise TableError(problems)
    bold = openpyxl.styles.Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def figures_from_xlsx(statement: Statement, data: bytes, *, source: str | None = None) -> Statement:
    """Return ``statement`` with its figures replaced by those in an XLSX workbook.

    Reads the sheet named ``Figures`` (or the only sheet). Cells a person typed as numbers or
    dates are read as their text: a whole number as digits, a date as YYYY-MM-DD.

    Raises:
        TableError: Lists every problem with its row and column.
    """
    openpyxl = _openpyxl()
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a bad file
        raise TableError(
            [TableProblem(row=None, column=None, message=f"not an XLSX workbook: {error}")],
            source,
        ) from None
    names = workbook.sheetnames
    if _SHEET not in names and len(names) != 1:
        raise TableError(
            [
                TableProblem(
                    row=None,
                    column=None,
                    message=f"expected a sheet named {_SHEET!r}; the workbook has {names}",
                )
            ],
            source,
        )
    sheet = workbook[_SHEET if _SHEET in names else names[0]]
    rows = [[_xlsx_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    width = len(rows[0]) if rows else 0
    trimmed = [row[:width] if not any(row[width:]) else row for row in rows]
    return figures_from_table(statement, trimmed, source=source)


def _xlsx_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return _xlsx_unescape(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, date):
        return value.isoformat()[:10]
    return str(value)


def write_figures_xlsx(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write every figure of ``statement`` to an XLSX file, atomically (``xlsx`` extra).

    Any file at ``path`` is replaced.

    Raises:
        TableError: Some text is longer than a worksheet cell holds.
        MissingExtraError: openpyxl is not installed (the ``xlsx`` extra).
        FileProblemError: The file cannot be written; the message says why.
    """
    try:
        data = figures_to_xlsx(statement)
    except TableError as error:
        raise TableError(error.problems, os.fspath(path), writing=True) from None
    atomic_write_bytes(path, data)


def read_figures_xlsx(statement: Statement, path: str | os.PathLike[str]) -> Statement:
    """Return ``statement`` with its figures replaced by those in the XLSX file at ``path``.

    Raises:
        TableError: Lists every problem with its row and column.
        FileProblemError: The file cannot be read; the message says why.
        MissingExtraError: openpyxl is not installed (the ``xlsx`` extra).
    """
    data = read_input(path)
    return figures_from_xlsx(statement, data, source=os.fspath(path))
