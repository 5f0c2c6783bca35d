"""Spreadsheets that mean what they show: XLSX and ODS cells read through their formats.

What a person types into a spreadsheet program is stored as a number and a format; the
figures table reads the cell as the person sees it. Workbooks the library writes survive a
spreadsheet program's save (simulated with openpyxl for XLSX and odfpy for ODS) and read
the same in python-calamine.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import pcc_priorities as p
from pcc_priorities.cli import main
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.tables import (
    figures_from_ods,
    figures_from_xlsx,
    figures_table,
    figures_to_ods,
    figures_to_xlsx,
    replace_figures,
)
from pcc_priorities.tables.cell_formats import (
    date_cell_text,
    excel_format,
    number_cell,
    number_cell_text,
    serial_date,
)
from pcc_priorities.testing import statements

if str(Path(__file__).resolve().parents[1]) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.limits import declared_range_workbook

openpyxl = pytest.importorskip("openpyxl")
calamine = pytest.importorskip("python_calamine")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "west-mercia-2023-09.json"
WORKED = p.load(EXAMPLE)
BARE = replace_figures(WORKED, [])
HEADER = figures_table(WORKED)[0]

Reader = Callable[..., p.Statement]
Writer = Callable[[p.Statement], bytes]
FORMATS: list[tuple[str, Writer, Reader]] = [
    ("xlsx", figures_to_xlsx, figures_from_xlsx),
    ("ods", figures_to_ods, figures_from_ods),
]


# --------------------------------------------------------------------------- cell rules


@pytest.mark.parametrize(
    ("stored", "code", "shown"),
    [
        ("-7.0000000000000007E-2", "0%", "-7%"),
        ("-0.07", "0.0%", "-7.0%"),
        ("0.30000000000000004", "General", "0.3"),
        ("7.5", "0.00", "7.50"),
        ("7.456", "0.00", "7.456"),
        ("1209", "#,##0", "1209"),
        ("123456789012", "General", "123456789012"),
        ("1.5", "0.00E+00", "1.5"),
        ("12.5", '"£"#,##0.00', "12.50"),
    ],
)
def test_a_number_is_read_as_its_format_shows_it(stored: str, code: str, shown: str) -> None:
    """Percentages are scaled, decimals padded to the format, never rounded away."""
    assert number_cell_text(stored, excel_format(code)) == shown


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("mmm-yy", "Oct-26"),
        ("mmmm yyyy", "October 2026"),
        ("mm/yyyy", "2026-10"),
        ("d-mmm-yy", "2026-10-01"),
        ("dd/mm/yyyy", "2026-10-01"),
        ("m/d/yyyy", "2026-10-01"),
        ("yyyy", "2026"),
    ],
)
def test_a_date_is_read_at_the_precision_its_format_shows(code: str, shown: str) -> None:
    """A month-and-year format gives the month as shown; a day in the format gives the date."""
    assert date_cell_text(datetime.date(2026, 10, 1), excel_format(code)) == shown


def test_a_time_is_never_read_as_a_date() -> None:
    """A time format, or a date with a time of day, reads as text every column refuses."""
    assert "a date and time" in date_cell_text(datetime.datetime(2026, 10, 1), excel_format("h:mm"))
    moment = datetime.datetime(2026, 10, 1, 9, 30)
    assert "a date and time" in date_cell_text(moment, excel_format("dd/mm/yyyy"))


def test_excel_serial_numbers_are_dates_in_both_systems() -> None:
    """Serial 46296 is 1 October 2026; 1904 workbooks count from 1 January 1904."""
    assert serial_date("46296") == datetime.datetime(2026, 10, 1)
    assert serial_date("44834", base_1904=True) == datetime.datetime(2026, 10, 1)
    assert serial_date("60") is None  # 29 February 1900, which never was
    assert serial_date("-1") is None


@pytest.mark.parametrize(
    ("text", "percent", "kind"),
    [
        ("7.50", False, "number"),
        ("-7", True, "percent"),
        ("123456789012345", False, "number"),
        ("1234567890123456", False, "text"),
        ("1E+3", False, "text"),
        ("-0", False, "text"),
    ],
)
def test_numbers_are_written_as_numbers_only_where_exact(
    text: str, percent: bool, kind: str
) -> None:
    """A number a spreadsheet cannot hold exactly is written as text."""
    cell = number_cell(text, percent=percent)
    written = "text" if isinstance(cell, p.tables.cell_formats.Text) else "number"
    assert (written if written == "text" else ("percent" if percent else "number")) == kind


# --------------------------------------------------------------------------- what people type


def _typed_workbook() -> bytes:
    """The worked example's figures, re-saved by openpyxl after a person typed in three cells."""
    workbook = openpyxl.load_workbook(io.BytesIO(figures_to_xlsx(WORKED)))
    sheet = workbook["Figures"]
    column = {title: index + 1 for index, title in enumerate(HEADER)}
    change = sheet.cell(2, column["Comparison 1: change percent"])
    change.value, change.number_format = -0.07, "0%"  # -7 typed into a 0% cell
    value = sheet.cell(2, column["Value"])
    value.value, value.number_format = "1,209", "@"  # a count typed into a text cell
    period = sheet.cell(2, column["Period"])  # "Oct-26", turned into a date by Excel
    period.value, period.number_format = datetime.datetime(2026, 10, 1), "mmm-yy"
    for title in ("Period start", "Period end", "Period kind"):
        sheet.cell(2, column[title]).value = None
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_cells_are_read_as_a_person_sees_them_in_xlsx() -> None:
    """-7 in a 0% cell is -7%, "Oct-26" is October 2026 (a month), "1,209" is 1209."""
    figure = figures_from_xlsx(WORKED, _typed_workbook()).sections[0].figures[0]
    assert figure.comparisons[0].change is not None
    assert figure.comparisons[0].change.percent == -7
    assert figure.value == 1209
    assert figure.period is not None
    assert (figure.period.start, figure.period.end) == (
        datetime.date(2026, 10, 1),
        datetime.date(2026, 10, 31),
    )
    assert figure.period.kind is p.PeriodKind.MONTH
    assert figure.period.label == "Oct-26"


def test_a_month_in_a_date_column_is_the_month_a_person_reads() -> None:
    """Dates shown as "Oct-26" and "Dec-26" in Period start and end are those months."""
    workbook = openpyxl.load_workbook(io.BytesIO(figures_to_xlsx(WORKED)))
    for column, month in (("Period start", 10), ("Period end", 12)):
        cell = workbook["Figures"].cell(2, HEADER.index(column) + 1)
        cell.value, cell.number_format = datetime.datetime(2026, month, 1), "mmm-yy"
    buffer = io.BytesIO()
    workbook.save(buffer)
    read = figures_from_xlsx(WORKED, buffer.getvalue())
    period = read.sections[0].figures[0].period
    assert period is not None
    assert (period.start, period.end) == (
        PartialDate(year=2026, month=10),
        PartialDate(year=2026, month=12),
    )


def test_a_month_that_contradicts_the_other_end_is_refused_naming_the_cell() -> None:
    """A month in Period start after the figure's end (June 2023) is refused, saying both."""
    workbook = openpyxl.load_workbook(io.BytesIO(figures_to_xlsx(WORKED)))
    cell = workbook["Figures"].cell(2, HEADER.index("Period start") + 1)
    cell.value, cell.number_format = datetime.datetime(2026, 10, 1), "mmm-yy"
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(p.TableError) as caught:
        figures_from_xlsx(WORKED, buffer.getvalue())
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.row) == ("Figures", 2)
    assert problem.column in {"Period start", "Period end"}
    assert "October 2026" in problem.message


_ODS_CELL = re.compile(
    r"<table:table-cell(?: [^>]*)?/>|<table:table-cell[^>]*>.*?</table:table-cell>"
)


def _ods_with(changes: dict[str, str], styles: str) -> bytes:
    """The worked example's ODS workbook with cells of its first figure's row replaced."""
    with zipfile.ZipFile(io.BytesIO(figures_to_ods(WORKED))) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    content = parts["content.xml"].decode()
    start = content.index("<table:table-row>", content.index("</table:table-row>"))
    end = content.index("</table:table-row>", start)
    cells = _ODS_CELL.findall(content[start:end])
    cells += ["<table:table-cell/>"] * (len(HEADER) - len(cells))
    for title, cell in changes.items():
        cells[HEADER.index(title)] = cell
    content = content[:start] + "<table:table-row>" + "".join(cells) + content[end:]
    content = content.replace("</office:automatic-styles>", styles + "</office:automatic-styles>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, content.encode() if name == "content.xml" else data)
    return buffer.getvalue()


def test_cells_are_read_as_a_person_sees_them_in_ods() -> None:
    """ODS percentages, month-and-year dates and counts in text cells read as in XLSX."""
    styles = (
        '<number:date-style style:name="MY"><number:month number:textual="true"/>'
        "<number:text>-</number:text><number:year/></number:date-style>"
        '<style:style style:name="ceMY" style:family="table-cell" style:data-style-name="MY"/>'
    )
    empty = "<table:table-cell/>"
    data = _ods_with(
        {
            "Period": '<table:table-cell table:style-name="ceMY" office:value-type="date" '
            'office:date-value="2026-10-01"><text:p>Oct-26</text:p></table:table-cell>',
            "Period start": empty,
            "Period end": empty,
            "Period kind": empty,
            "Comparison 1: change percent": '<table:table-cell office:value-type="percentage" '
            'office:value="-0.07"><text:p>-7%</text:p></table:table-cell>',
            "Value": '<table:table-cell office:value-type="string"><text:p>1,209</text:p>'
            "</table:table-cell>",
        },
        styles,
    )
    figure = figures_from_ods(WORKED, data).sections[0].figures[0]
    assert figure.period is not None
    assert (figure.period.kind, figure.period.label) == (p.PeriodKind.MONTH, "Oct-26")
    assert figure.comparisons[0].change is not None
    assert figure.comparisons[0].change.percent == -7
    assert figure.value == 1209


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize(("name", "write", "read"), FORMATS)
def test_the_same_statement_gives_the_same_bytes(name: str, write: Writer, read: Reader) -> None:
    """XLSX and ODS output is byte-reproducible: no timestamps in the package."""
    assert write(WORKED) == write(WORKED)
    with zipfile.ZipFile(io.BytesIO(write(WORKED))) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_export_figures_gives_the_same_bytes_in_another_process(
    suffix: str, tmp_path: Path
) -> None:
    """Two runs of export-figures, in processes with different hash seeds, write equal files."""
    written = []
    for seed in ("1", "2"):
        target = tmp_path / f"figures-{seed}.{suffix}"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pcc_priorities",
                "export-figures",
                str(EXAMPLE),
                "-o",
                str(target),
            ],
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        written.append(target.read_bytes())
    assert written[0] == written[1]
    assert written[0] == (figures_to_xlsx if suffix == "xlsx" else figures_to_ods)(WORKED)


def test_xlsx_survives_a_spreadsheet_programs_save() -> None:
    """Opened and saved again by openpyxl, the workbook imports to the same statement."""
    workbook = openpyxl.load_workbook(io.BytesIO(figures_to_xlsx(WORKED)))
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert figures_from_xlsx(BARE, buffer.getvalue()) == WORKED


def test_ods_survives_a_spreadsheet_programs_save() -> None:
    """Loaded and saved again by odfpy, the workbook imports to the same statement."""
    odf = pytest.importorskip("odf.opendocument")
    buffer = io.BytesIO()
    odf.load(io.BytesIO(figures_to_ods(WORKED))).save(buffer)
    assert figures_from_ods(BARE, buffer.getvalue()) == WORKED


@pytest.mark.parametrize(("name", "write", "read"), FORMATS)
def test_calamine_reads_what_was_written(name: str, write: Writer, read: Reader) -> None:
    """Another reader sees text as the same text and numbers as the same numbers."""
    workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(write(WORKED)))
    seen = workbook.get_sheet_by_name("Figures").to_python()
    table = figures_table(WORKED)
    unit = HEADER.index("Unit")
    for row, cells in zip(table, seen, strict=False):
        for title, text, value in zip(HEADER, row, cells, strict=False):
            if isinstance(value, str):
                assert value == text, title
            elif title.endswith("change percent") or (
                row[unit] == "percent" and title.endswith(("Value", "value"))
            ):
                assert round(value * 100, 9) == float(text), title
            else:
                assert value == float(text), title


@pytest.mark.parametrize(("name", "write", "read"), FORMATS)
@settings(max_examples=25)
@given(statement=statements())
def test_generated_statements_round_trip(
    name: str, write: Writer, read: Reader, statement: p.Statement
) -> None:
    """Any statement's figures come back through the workbook unchanged."""
    try:
        data = write(statement)
    except p.TableError:  # XLSX only: a text over a worksheet cell's 32,767 characters
        assert name == "xlsx"
        return
    assert read(replace_figures(statement, []), data) == statement


HOSTILE = [
    "  two  spaces  ",
    "\ttab\t",
    "line\nbreak",
    "\r\n",
    "\x00\x07\x1f",
    "_x0041_",
    " ",
    "é€😀",
]


@pytest.mark.parametrize(("name", "write", "read"), FORMATS)
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_survives_each_workbook(
    name: str, write: Writer, read: Reader, text: str
) -> None:
    """Spaces, tabs, line breaks, control characters and escapes come back exactly."""
    section = WORKED.sections[0]
    figure = attrs.evolve(section.figures[0], wording=text, measure=text)
    statement = attrs.evolve(
        WORKED,
        sections=(
            attrs.evolve(section, figures=(figure, *section.figures[1:])),
            *WORKED.sections[1:],
        ),
    )
    assert read(statement, write(statement)) == statement


# --------------------------------------------------------------------------- the command line


def test_export_and_import_figures_accept_ods(tmp_path: Path) -> None:
    """export-figures writes .ods and import-figures reads it back to the same statement."""
    workbook = tmp_path / "figures.ods"
    assert main(["export-figures", str(EXAMPLE), "-o", str(workbook)]) == 0
    output = tmp_path / "statement.json"
    assert main(["import-figures", str(EXAMPLE), str(workbook), "-o", str(output)]) == 0
    assert p.load(output) == WORKED


# --------------------------------------------------------------------------- damaged workbooks


def test_a_workbook_declaring_a_huge_range_is_read_quickly_and_refused() -> None:
    """A1:XFD20000 is not filled in: the stray cell is reported as a row too wide."""
    with pytest.raises(p.TableError) as caught:
        figures_from_xlsx(WORKED, declared_range_workbook())
    assert any(problem.row == 20000 for problem in caught.value.problems)


@pytest.mark.parametrize(("name", "write", "read"), FORMATS)
@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(b"PK\x03\x04", b"PK\x03\x05", 2),
        lambda data: b"not a workbook",
        lambda data: data[:200] + bytes(255 - b for b in data[200:400]) + data[400:],
    ],
)
def test_a_damaged_workbook_is_a_table_error(
    name: str, write: Writer, read: Reader, damage: Callable[[bytes], bytes]
) -> None:
    """Damaged bytes raise TableError, or read the same figures; nothing else escapes."""
    problems: tuple[p.TableProblem, ...] = ()
    try:
        statement = read(BARE, damage(write(WORKED)))
    except p.TableError as error:
        problems = error.problems
    else:
        assert statement == WORKED
        return
    assert problems


def test_a_zip_bomb_is_refused_from_its_declared_size() -> None:
    """A part that unpacks to more than a figures workbook may hold is refused unread."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("content.xml", b"<a>" + b" " * (70 * 2**20) + b"</a>")
        archive.writestr("mimetype", b"application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(p.TableError, match="unpacks to"):
        figures_from_ods(WORKED, buffer.getvalue())


@pytest.mark.parametrize(("name", "write", "read"), FORMATS)
def test_an_xml_part_in_an_unknown_encoding_is_a_table_error(
    name: str, write: Writer, read: Reader
) -> None:
    """A part declaring encoding "UTF-8888" is a damaged workbook, not LookupError (fuzzing)."""
    with zipfile.ZipFile(io.BytesIO(write(WORKED))) as archive:
        parts = {part: archive.read(part) for part in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml" if name == "xlsx" else "content.xml"
    parts[sheet] = parts[sheet].replace(b'encoding="UTF-8"', b'encoding="UTF-8888"', 1)
    assert b"UTF-8888" in parts[sheet]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    with pytest.raises(p.TableError, match="unknown encoding"):
        read(BARE, buffer.getvalue())
