"""Figures as CSV: written with commas, read with the delimiter detected or named.

Reading detects the delimiter from the title row: of comma, semicolon and tab, the one that
splits it into the most known column titles (then into the most fields; comma on a tie), as
spreadsheet programs in Europe save "CSV" with semicolons. A delimiter can also be named.
"""

from __future__ import annotations

import csv
import io
import os

from pcc_priorities.figures.sheets import csv_rows, csv_text
from pcc_priorities.files import atomic_write_text, read_input
from pcc_priorities.model.statement import Statement
from pcc_priorities.tables.columns import BASE_COLUMNS, COMPARISON_TITLE, figures_table
from pcc_priorities.tables.import_report import ImportReport
from pcc_priorities.tables.imports import import_table

__all__ = [
    "DELIMITERS",
    "detect_delimiter",
    "figures_csv_rows",
    "figures_from_csv",
    "figures_to_csv",
    "import_figures_csv",
    "read_figures_csv",
    "write_figures_csv",
]

#: The delimiters a figures CSV may use, by the name the command line gives them.
DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}
_KNOWN = frozenset(BASE_COLUMNS)


def figures_to_csv(statement: Statement) -> str:
    """Return every figure of ``statement`` as CSV text (a template if it has none).

    The text starts with a byte-order mark, so that spreadsheet programs read it as UTF-8,
    and lines end with CRLF, as RFC 4180 has them.
    """
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(figures_table(statement))
    return "\ufeff" + buffer.getvalue()


def _title_row(text: str) -> str:
    text = text.removeprefix("\ufeff")
    end = min((i for i in (text.find("\n"), text.find("\r")) if i >= 0), default=len(text))
    return text[:end]


def detect_delimiter(text: str) -> str:
    """The delimiter of CSV ``text``: comma, semicolon or tab, judged by its title row."""
    first = _title_row(text)
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS.values():
        try:
            titles = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        known = sum(
            1
            for title in titles
            if title.strip() in _KNOWN or COMPARISON_TITLE.fullmatch(title.strip())
        )
        score = (known, len(titles))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def figures_csv_rows(
    text: str, *, source: str | None = None, delimiter: str | None = None
) -> list[list[str]]:
    """The rows of a figures CSV, with ``delimiter`` (or the one detected).

    Raises:
        TableError: The text is not valid CSV.
    """
    return csv_rows(text, source, delimiter=delimiter or detect_delimiter(text))


def import_figures_csv(
    statement: Statement,
    text: str,
    *,
    source: str | None = None,
    delimiter: str | None = None,
    allow_removal: bool = False,
) -> ImportReport:
    """Import the figures in CSV ``text`` into ``statement``, and say what was done.

    See :mod:`pcc_priorities.tables.imports` for how rows are matched to figures.

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Lists every problem with its row and column.
    """
    rows = figures_csv_rows(text, source=source, delimiter=delimiter)
    return import_table(statement, rows, source=source, allow_removal=allow_removal)


def figures_from_csv(
    statement: Statement,
    text: str,
    *,
    source: str | None = None,
    delimiter: str | None = None,
    allow_removal: bool = False,
) -> Statement:
    """Return ``statement`` with the figures in CSV ``text`` imported.

    :func:`import_figures_csv` without the report.

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Lists every problem with its row and column.
    """
    return import_figures_csv(
        statement, text, source=source, delimiter=delimiter, allow_removal=allow_removal
    ).statement


def write_figures_csv(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write every figure of ``statement`` to a CSV file, atomically, replacing any file there.

    Raises:
        FileProblemError: The file cannot be written; the message says why.
    """
    atomic_write_text(path, figures_to_csv(statement))


def read_figures_csv(
    statement: Statement,
    path: str | os.PathLike[str],
    *,
    delimiter: str | None = None,
    allow_removal: bool = False,
) -> Statement:
    """Return ``statement`` with the figures in the CSV file at ``path`` imported.

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Lists every problem with its row and column.
        FileProblemError: The file cannot be read; the message says why.
    """
    data = read_input(path)
    return figures_from_csv(
        statement,
        csv_text(data, os.fspath(path)),
        source=os.fspath(path),
        delimiter=delimiter,
        allow_removal=allow_removal,
    )
