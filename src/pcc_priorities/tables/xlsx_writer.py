"""Writing XLSX workbooks of typed cells: one sheet or several, the same bytes every time.

Each sheet's title row is bold and frozen; every cell is typed as
:mod:`pcc_priorities.tables.cell_formats` says; each column has the default style of what
it holds, so that what a person types in an empty cell keeps.
"""

from __future__ import annotations

from collections.abc import Sequence

from pcc_priorities.exceptions import TableError, TableProblem
from pcc_priorities.tables.cell_formats import (
    BUILT_IN,
    Number,
    WrittenCell,
    column_kinds,
    escape,
    typed_rows,
)
from pcc_priorities.tables.packages import package_bytes, xml_text

__all__ = ["XLSX_CELL_LIMIT", "workbook_xlsx"]

#: The format of a column of percentages, where a person types -7 for -7%.
_PERCENT = "0%"
#: The most characters a worksheet cell holds; longer text cannot be written.
XLSX_CELL_LIMIT = 32_767

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _column_name(number: int) -> str:
    name = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        name = chr(65 + remainder) + name
    return name


def _styles(codes: Sequence[str]) -> tuple[str, dict[str, int]]:
    """Return styles.xml and the cell style (xf) index of each number format code.

    Style 0 is the default, 1 text, 2 bold text (titles); one more per number format.
    """
    custom: list[str] = []
    xfs = [
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
        '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" '
        'applyFont="1"/>',
    ]
    built_in = {code: number for number, code in BUILT_IN.items()}
    index: dict[str, int] = {}
    for code in codes:
        number = built_in.get(code)
        if number is None:
            number = 164 + len(custom)
            custom.append(f'<numFmt numFmtId="{number}" formatCode="{xml_text(code)}"/>')
        index[code] = len(xfs)
        xfs.append(
            f'<xf numFmtId="{number}" fontId="0" fillId="0" borderId="0" xfId="0" '
            'applyNumberFormat="1"/>'
        )
    formats = f'<numFmts count="{len(custom)}">{"".join(custom)}</numFmts>' if custom else ""
    xml = (
        f'{_HEAD}<styleSheet xmlns="{_MAIN}">{formats}'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        f'</cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
    return xml, index


def _columns(header: list[str], styles: dict[str, int]) -> str:
    """Each column's default style, so that what a person types in an empty cell keeps.

    Text stays text (a period is not turned into a date); a change in percent is a
    percentage.
    """
    columns = []
    for number, kind in enumerate(column_kinds(header), start=1):
        style = {"text": 1, "percent": styles[_PERCENT]}.get(kind, 0)
        columns.append(f'<col min="{number}" max="{number}" width="16" style="{style}"/>')
    return f"<cols>{''.join(columns)}</cols>" if columns else ""


def _sheet(rows: list[list[WrittenCell | None]], styles: dict[str, int], header: list[str]) -> str:
    parts = [
        f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        "</sheetView></sheetViews>"
        f'<sheetFormatPr defaultRowHeight="15"/>{_columns(header, styles)}<sheetData>'
    ]
    for row_number, row in enumerate(rows, start=1):
        parts.append(f'<row r="{row_number}">')
        for column, cell in enumerate(row, start=1):
            if cell is None:
                continue
            reference = f"{_column_name(column)}{row_number}"
            if isinstance(cell, Number):
                style = styles[cell.code]
                parts.append(f'<c r="{reference}" s="{style}"><v>{cell.value}</v></c>')
            else:
                style = 2 if cell.bold else 1
                text = xml_text(escape(cell.text))
                parts.append(
                    f'<c r="{reference}" s="{style}" t="inlineStr">'
                    f'<is><t xml:space="preserve">{text}</t></is></c>'
                )
        parts.append("</row>")
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


def _too_long(rows: list[list[str]]) -> list[TableProblem]:
    problems: list[TableProblem] = []
    for row_number, row in enumerate(rows, start=1):
        for column_number, value in enumerate(row, start=1):
            length = len(escape(value))
            if length > XLSX_CELL_LIMIT:
                problems.append(
                    TableProblem(
                        row=row_number,
                        column=rows[0][column_number - 1],
                        message=f"a worksheet cell holds at most {XLSX_CELL_LIMIT:,} "
                        f"characters; this text needs {length:,} (write CSV or ODS instead)",
                    )
                )
    return problems


def _too_long_in(name: str, rows: list[list[str]]) -> list[TableProblem]:
    return [
        TableProblem(row=problem.row, column=problem.column, message=problem.message, sheet=name)
        for problem in _too_long(rows)
    ]


def workbook_xlsx(sheets: Sequence[tuple[str, list[list[str]]]], *, name_sheets: bool) -> bytes:
    """Return an XLSX workbook of ``sheets`` (name, rows of text with the title row first).

    Raises:
        TableError: Some text is longer than a worksheet cell holds (32,767 characters once
            escaped); every such cell is listed by sheet (where ``name_sheets``), row and
            column.
    """
    problems = [
        problem
        for name, rows in sheets
        for problem in (_too_long_in(name, rows) if name_sheets else _too_long(rows))
    ]
    if problems:
        raise TableError(problems)
    typed = [typed_rows(rows) for _, rows in sheets]
    codes = {
        cell.code for rows in typed for row in rows for cell in row if isinstance(cell, Number)
    }
    styles, index = _styles(sorted(codes | {_PERCENT}))
    count = len(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
        f'ContentType="{_SPREADSHEET}.worksheet+xml"/>'
        for n in range(1, count + 1)
    )
    listed = "".join(
        f'<sheet name="{xml_text(name)}" sheetId="{n}" r:id="rId{n}"/>'
        for n, (name, _) in enumerate(sheets, start=1)
    )
    relations = "".join(
        f'<Relationship Id="rId{n}" Type="{_RELATIONSHIPS}/worksheet" '
        f'Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, count + 1)
    )
    parts = [
        (
            "[Content_Types].xml",
            (
                f'{_HEAD}<Types xmlns="{_TYPES}"><Default Extension="rels" ContentType="'
                'application/vnd.openxmlformats-package.relationships+xml"/><Default '
                'Extension="xml" ContentType="application/xml"/><Override PartName='
                f'"/xl/workbook.xml" ContentType="{_SPREADSHEET}.sheet.main+xml"/>{overrides}'
                f'<Override PartName="/xl/styles.xml" ContentType="{_SPREADSHEET}.styles+xml"/>'
                "</Types>"
            ).encode(),
        ),
        (
            "_rels/.rels",
            (
                f'{_HEAD}<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}"><Relationship '
                f'Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
                "</Relationships>"
            ).encode(),
        ),
        (
            "xl/workbook.xml",
            (
                f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}"><bookViews>'
                f"<workbookView/></bookViews><sheets>{listed}</sheets></workbook>"
            ).encode(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            (
                f'{_HEAD}<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">{relations}'
                f'<Relationship Id="rId{count + 1}" Type="{_RELATIONSHIPS}/styles" '
                'Target="styles.xml"/></Relationships>'
            ).encode(),
        ),
        ("xl/styles.xml", styles.encode()),
    ]
    parts.extend(
        (f"xl/worksheets/sheet{n}.xml", _sheet(rows, index, sheet[1][0]).encode("utf-8"))
        for n, (rows, sheet) in enumerate(zip(typed, sheets, strict=True), start=1)
    )
    return package_bytes(parts)
