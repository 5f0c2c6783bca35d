"""Reading worksheets: the cells of an ODS, XLSX or XLS workbook, or of a CSV file, as rows.

One general reader for tabular input: ODS and XLSX (and XLS) through ``python-calamine`` (a
Rust reader, the ``opendata`` extra), CSV through the standard library. Each sheet comes back
as rows of Python values as the workbook stores them: text, ``int`` or ``float`` numbers,
``bool``, dates and times, and None for an empty cell. Interpreting the values (a count, a
date) is left to the caller, which knows what each column holds.
"""

from __future__ import annotations

import csv
import io
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, Literal

from attrs import frozen

from pcc_priorities.exceptions import MissingExtraError, TableError, TableProblem
from pcc_priorities.files import read_input

__all__ = [
    "WORKBOOK_KINDS",
    "Progress",
    "Sheet",
    "WorkbookKind",
    "csv_rows",
    "csv_text",
    "read_sheets",
    "sheets_from_bytes",
    "workbook_kind",
]

#: The kinds of file :func:`read_sheets` reads.
WorkbookKind = Literal["ods", "xlsx", "xls", "csv"]

#: Kind by extension, lower case with the dot.
WORKBOOK_KINDS: dict[str, WorkbookKind] = {
    ".ods": "ods",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xls",
    ".csv": "csv",
}

#: Called as each sheet is read: the sheet's name, how many sheets are read so far (this one
#: included), and how many there are.
Progress = Callable[[str, int, int], None]

_EXTRA = "pip install 'pcc-priorities[opendata]'"


@frozen
class Sheet:
    """One worksheet's cells.

    Attributes:
        name: The sheet's name (a CSV file's is its name without the extension).
        rows: The rows from the first, each a list of cell values (str, int, float, bool,
            date, datetime, time, timedelta, or None for an empty cell). Rows may be of
            different lengths in a CSV file.
    """

    name: str
    rows: Sequence[Sequence[Any]]


def workbook_kind(path: str | os.PathLike[str]) -> WorkbookKind:
    """Return the kind of file ``path`` names by its extension.

    Raises:
        TableError: The extension is not one of .ods, .xlsx, .xlsm, .xls or .csv.
    """
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()
    kind = WORKBOOK_KINDS.get(suffix)
    if kind is None:
        raise TableError(
            [
                TableProblem(
                    row=None,
                    column=None,
                    message=f"cannot tell the kind of table from the extension "
                    f"{suffix or '(none)'!r}; use one of {', '.join(WORKBOOK_KINDS)}",
                )
            ],
            name,
        )
    return kind


def _calamine() -> Any:
    try:
        import python_calamine  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError(
            f"reading ODS and XLSX workbooks needs the optional python-calamine package: {_EXTRA}"
        ) from None
    return python_calamine


#: The csv module's field size limit is one setting for the whole process; it is raised only
#: while this module reads, one reader at a time.
_FIELD_LIMIT_LOCK = threading.Lock()


def csv_text(data: bytes, source: str | None) -> str:
    """Return CSV file bytes as text: UTF-8, with or without a byte-order mark.

    Raises:
        TableError: The bytes are not UTF-8; the message says at which byte.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableError(
            [
                TableProblem(
                    row=None,
                    column=None,
                    message=f"not UTF-8 text (byte {error.start}); save the table as CSV UTF-8",
                )
            ],
            source,
        ) from None


def csv_rows(text: str, source: str | None = None, *, delimiter: str = ",") -> list[list[str]]:
    """Return the rows of CSV ``text`` (a leading byte-order mark is dropped).

    ``delimiter`` separates the fields (a comma unless given).

    A field may be as long as the text: the csv module's own limit (131,072 characters)
    would refuse a long wording that the library itself wrote.

    Raises:
        TableError: The text is not valid CSV.
    """
    text = text.removeprefix("\ufeff")
    try:
        with _FIELD_LIMIT_LOCK:
            limit = csv.field_size_limit()
            csv.field_size_limit(max(limit, len(text) + 1))
            try:
                return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
            finally:
                csv.field_size_limit(limit)
    except csv.Error as error:
        raise TableError(
            [TableProblem(row=None, column=None, message=f"not valid CSV: {error}")], source
        ) from None


def _csv_sheet(data: bytes, name: str, source: str | None) -> Sheet:
    return Sheet(name, csv_rows(csv_text(data, source), source))


def sheets_from_bytes(
    data: bytes,
    kind: WorkbookKind,
    *,
    name: str = "Sheet1",
    source: str | None = None,
    progress: Progress | None = None,
) -> tuple[Sheet, ...]:
    """Return every sheet of a workbook (or the one sheet of a CSV file) given as bytes.

    Args:
        data: The file's bytes.
        kind: What the file is.
        name: The name of a CSV file's one sheet.
        source: The file's name, for errors.
        progress: Called as each sheet is read (see :data:`Progress`).

    Raises:
        TableError: The bytes are not a workbook of that kind, or a CSV file is not UTF-8.
        MissingExtraError: ODS and XLSX need the ``opendata`` extra (python-calamine).
    """
    if kind == "csv":
        sheet = _csv_sheet(data, name, source)
        if progress is not None:
            progress(sheet.name, 1, 1)
        return (sheet,)
    calamine = _calamine()
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine raises several types for a file it cannot read
        words = " ".join(str(error).split()) or type(error).__name__
        raise TableError(
            [
                TableProblem(
                    row=None, column=None, message=f"not an {kind.upper()} workbook: {words}"
                )
            ],
            source,
        ) from None
    names: list[str] = list(workbook.sheet_names)
    sheets: list[Sheet] = []
    try:
        for number, sheet_name in enumerate(names, start=1):
            try:
                rows = workbook.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
            except Exception as error:
                words = " ".join(str(error).split()) or type(error).__name__
                raise TableError(
                    [
                        TableProblem(
                            row=None,
                            column=None,
                            sheet=sheet_name,
                            message=f"the sheet cannot be read: {words}",
                        )
                    ],
                    source,
                ) from None
            sheets.append(Sheet(sheet_name, rows))
            if progress is not None:
                progress(sheet_name, number, len(names))
    finally:
        workbook.close()
    return tuple(sheets)


def read_sheets(
    path: str | os.PathLike[str],
    *,
    kind: WorkbookKind | None = None,
    progress: Progress | None = None,
) -> tuple[Sheet, ...]:
    """Return every sheet of the workbook (or CSV file) at ``path``.

    The kind comes from the extension unless ``kind`` is given.

    Raises:
        TableError: The file is not a workbook of its kind, or its extension is unknown.
        MissingExtraError: ODS and XLSX need the ``opendata`` extra (python-calamine).
        FileProblemError: The file cannot be read.
    """
    name = os.fspath(path)
    chosen = kind or workbook_kind(name)
    if chosen != "csv":
        _calamine()  # refuse before reading a large file
    data = read_input(name)
    stem = os.path.splitext(os.path.basename(name))[0]
    return sheets_from_bytes(data, chosen, name=stem, source=name, progress=progress)
