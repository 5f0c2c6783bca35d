"""Importing a figures file (CSV, XLSX or ODS, told apart by its suffix) with a report."""

from __future__ import annotations

import os
from pathlib import Path

from pcc_priorities.exceptions import UnsupportedFormatError
from pcc_priorities.figures.sheets import csv_text
from pcc_priorities.files import read_input
from pcc_priorities.model.statement import Statement
from pcc_priorities.tables.csv import import_figures_csv
from pcc_priorities.tables.import_report import ImportReport
from pcc_priorities.tables.ods import import_figures_ods
from pcc_priorities.tables.xlsx import import_figures_xlsx

__all__ = ["TABLE_SUFFIXES", "import_figures"]

#: The figures files the library reads and writes, by suffix.
TABLE_SUFFIXES = (".csv", ".xlsx", ".ods")


def import_figures(
    statement: Statement,
    path: str | os.PathLike[str],
    *,
    allow_removal: bool = False,
    delimiter: str | None = None,
) -> ImportReport:
    """Import the figures in the file at ``path`` into ``statement``; say what was done.

    The file is read by its suffix: ``.csv`` (with ``delimiter``, or the one detected),
    ``.xlsx`` or ``.ods``. See :mod:`pcc_priorities.tables.imports` for how rows are matched
    to figures, which columns are required, and when figures may be removed.

    Raises:
        UnsupportedFormatError: The suffix is none of .csv, .xlsx and .ods.
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Lists every problem with its sheet, row and column.
        FileProblemError: The file cannot be read; the message says why.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise UnsupportedFormatError(
            f"{os.fspath(path)}: expected a .csv, .xlsx or .ods file of figures"
        )
    source = os.fspath(path)
    data = read_input(path)
    if suffix == ".csv":
        return import_figures_csv(
            statement,
            csv_text(data, source),
            source=source,
            delimiter=delimiter,
            allow_removal=allow_removal,
        )
    reader = import_figures_xlsx if suffix == ".xlsx" else import_figures_ods
    return reader(statement, data, source=source, allow_removal=allow_removal)
