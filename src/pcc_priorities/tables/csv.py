"""Figures as CSV."""

from __future__ import annotations

import csv
import io
import os

from pcc_priorities.figures.sheets import csv_rows, csv_text
from pcc_priorities.files import atomic_write_text, read_input
from pcc_priorities.model.statement import Statement
from pcc_priorities.tables.rows import figures_from_table, figures_table

__all__ = ["figures_from_csv", "figures_to_csv", "read_figures_csv", "write_figures_csv"]


# --------------------------------------------------------------------------- CSV


def figures_to_csv(statement: Statement) -> str:
    """Return every figure of ``statement`` as CSV text.

    The text starts with a byte-order mark, so that spreadsheet programs read it as UTF-8,
    and lines end with CRLF, as RFC 4180 has them.
    """
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(figures_table(statement))
    return "\ufeff" + buffer.getvalue()


def figures_from_csv(statement: Statement, text: str, *, source: str | None = None) -> Statement:
    """Return ``statement`` with its figures replaced by those in CSV ``text``.

    See the module documentation for how figures are put back.

    Raises:
        TableError: Lists every problem with its row and column.
    """
    rows = csv_rows(text, source)
    return figures_from_table(statement, rows, source=source)


def write_figures_csv(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write every figure of ``statement`` to a CSV file, atomically, replacing any file there.

    Raises:
        FileProblemError: The file cannot be written; the message says why.
    """
    atomic_write_text(path, figures_to_csv(statement))


def read_figures_csv(statement: Statement, path: str | os.PathLike[str]) -> Statement:
    """Return ``statement`` with its figures replaced by those in the CSV file at ``path``.

    Raises:
        TableError: Lists every problem with its row and column.
        FileProblemError: The file cannot be read; the message says why.
    """
    data = read_input(path)
    return figures_from_csv(statement, csv_text(data, os.fspath(path)), source=os.fspath(path))
