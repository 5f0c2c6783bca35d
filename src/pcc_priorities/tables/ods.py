"""Figures as an ODS workbook (OpenDocument), written and read by the library itself.

ODS is the open format UK public bodies are asked to publish in. The workbook holds the
same ``Figures`` sheet as the XLSX one, with the same cell types and formats and the same
reading rules (:mod:`pcc_priorities.tables.cell_formats`); the same statement always gives
the same bytes. Text is written as OpenDocument paragraphs: a line break starts a new
paragraph, a tab is ``<text:tab/>``, runs of spaces are ``<text:s/>``, and characters XML
cannot hold (control characters, a carriage return) are written with the same ``_xHHHH_``
escapes as in XLSX.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from xml.etree.ElementTree import Element

from pcc_priorities.files import atomic_write_bytes, read_input
from pcc_priorities.model.statement import Statement
from pcc_priorities.tables.cell_formats import (
    GENERAL,
    DatePart,
    Format,
    Number,
    WrittenCell,
    column_kinds,
    date_cell_text,
    escape,
    number_cell_text,
    typed_rows,
    unescape,
)
from pcc_priorities.tables.columns import figures_table
from pcc_priorities.tables.import_report import ImportReport
from pcc_priorities.tables.imports import import_table
from pcc_priorities.tables.packages import (
    MAX_CELLS,
    Package,
    package_bytes,
    table_problem,
    xml_text,
)

__all__ = [
    "figures_from_ods",
    "figures_ods_rows",
    "figures_to_ods",
    "import_figures_ods",
    "ods_sheets",
    "read_figures_ods",
    "workbook_ods",
    "write_figures_ods",
]

_SHEET = "Figures"
_MIME = "application/vnd.oasis.opendocument.spreadsheet"
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
_DECLARE = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _NS.items())
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_MAX_REPEAT = 1_048_576


def _name(prefix: str, local: str) -> str:
    return f"{{{_NS[prefix]}}}{local}"


# --------------------------------------------------------------------------- writing


def _paragraph(line: str) -> str:
    """One line of text as a paragraph's content: tabs and runs of spaces as elements."""
    pieces: list[str] = []
    for match in re.finditer(r"( +)|(\t)|([^ \t]+)", line):
        spaces, tab, word = match[1], match[2], match[3]
        if word is not None:
            pieces.append(xml_text(word))
        elif tab is not None:
            pieces.append("<text:tab/>")
        else:
            at_edge = match.start() == 0 or match.end() == len(line)
            literal = "" if at_edge else " "
            rest = len(spaces) - len(literal)
            pieces.append(literal)
            if rest:
                pieces.append("<text:s/>" if rest == 1 else f'<text:s text:c="{rest}"/>')
    return "".join(pieces)


def _text_cell(text: str, style: str) -> str:
    lines = escape(text).split("\n")
    paragraphs = "".join(f"<text:p>{_paragraph(line)}</text:p>" for line in lines)
    return (
        f'<table:table-cell table:style-name="{style}" office:value-type="string">'
        f"{paragraphs}</table:table-cell>"
    )


def _number_style(decimals: int, percent: bool) -> str:
    name = f"{'P' if percent else 'N'}{decimals}"
    number = (
        f'<number:number number:decimal-places="{decimals}" '
        f'number:min-decimal-places="{decimals}" number:min-integer-digits="1"/>'
    )
    if percent:
        return (
            f'<number:percentage-style style:name="{name}">{number}'
            "<number:text>%</number:text></number:percentage-style>"
        )
    return f'<number:number-style style:name="{name}">{number}</number:number-style>'


def _number_cell(cell: Number) -> str:
    kind = "percentage" if cell.percent else "float"
    shown = (
        format(Decimal(cell.value).scaleb(2), f".{cell.decimals}f") + "%"
        if cell.percent
        else cell.value
    )
    style = f"ce{'P' if cell.percent else 'N'}{cell.decimals}"
    return (
        f'<table:table-cell table:style-name="{style}" office:value-type="{kind}" '
        f'office:value="{cell.value}"><text:p>{shown}</text:p></table:table-cell>'
    )


def _table(name: str, rows: list[list[WrittenCell | None]], header: list[str]) -> list[str]:
    parts = [f'<table:table table:name="{xml_text(name)}">']
    for kind in column_kinds(header):
        default = {"text": "ceT", "percent": "ceP0"}.get(kind, "Default")
        parts.append(f'<table:table-column table:default-cell-style-name="{default}"/>')
    for row in rows:
        parts.append("<table:table-row>")
        last = max((index for index, cell in enumerate(row) if cell is not None), default=-1)
        for cell in row[: last + 1]:
            if cell is None:
                parts.append("<table:table-cell/>")
            elif isinstance(cell, Number):
                parts.append(_number_cell(cell))
            else:
                parts.append(_text_cell(cell.text, "ceH" if cell.bold else "ceT"))
        parts.append("</table:table-row>")
    parts.append("</table:table>")
    return parts


def _content(tables: list[tuple[str, list[list[WrittenCell | None]], list[str]]]) -> str:
    numbers = {
        (cell.decimals, cell.percent)
        for _, rows, _ in tables
        for row in rows
        for cell in row
        if isinstance(cell, Number)
    }
    numbers.add((0, True))  # the default of a column of percentages
    data_styles = "".join(_number_style(d, p) for d, p in sorted(numbers))
    cell_styles = "".join(
        f'<style:style style:name="ce{"P" if p else "N"}{d}" style:family="table-cell" '
        f'style:data-style-name="{"P" if p else "N"}{d}"/>'
        for d, p in sorted(numbers)
    )
    parts = [
        f'{_HEAD}<office:document-content {_DECLARE} office:version="1.3">'
        "<office:automatic-styles>"
        '<number:text-style style:name="NT"><number:text-content/></number:text-style>'
        f"{data_styles}"
        '<style:style style:name="ceT" style:family="table-cell" style:data-style-name="NT"/>'
        '<style:style style:name="ceH" style:family="table-cell" style:data-style-name="NT">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        f"{cell_styles}</office:automatic-styles>"
        "<office:body><office:spreadsheet>"
    ]
    for name, rows, header in tables:
        parts.extend(_table(name, rows, header))
    parts.append("</office:spreadsheet></office:body></office:document-content>")
    return "".join(parts)


def workbook_ods(sheets: list[tuple[str, list[list[str]]]]) -> bytes:
    """Return an ODS workbook of ``sheets`` (name, rows of text with the title row first).

    Cells are typed and formatted as in XLSX; the same sheets always give the same bytes.
    """
    content = _content([(name, typed_rows(rows), rows[0]) for name, rows in sheets])
    manifest = (
        f'{_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
        'manifest:1.0" manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
        f'manifest:media-type="{_MIME}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    styles = f'{_HEAD}<office:document-styles {_DECLARE} office:version="1.3"/>'
    return package_bytes(
        [
            ("mimetype", _MIME.encode()),
            ("META-INF/manifest.xml", manifest.encode()),
            ("styles.xml", styles.encode()),
            ("content.xml", content.encode("utf-8")),
        ],
        stored=("mimetype",),
    )


def figures_to_ods(statement: Statement) -> bytes:
    """Return every figure of ``statement`` as an ODS workbook (one sheet, ``Figures``).

    Cells are typed and formatted as in :func:`~pcc_priorities.tables.figures_to_xlsx`; the
    same statement always gives the same bytes. A statement with no figures gives a
    template.
    """
    return workbook_ods([(_SHEET, figures_table(statement))])


# --------------------------------------------------------------------------- reading

_WHITE = re.compile(r"[ \t\n\r]+")


def _paragraph_text(element: Element) -> str:
    """The text of a paragraph: spaces collapsed as OpenDocument says, elements read."""
    pieces: list[str] = [_WHITE.sub(" ", element.text or "")]
    for child in element:
        if child.tag == _name("text", "s"):
            count = child.get(_name("text", "c"), "1")
            pieces.append(" " * (int(count) if count.isdigit() and len(count) < 6 else 1))
        elif child.tag == _name("text", "tab"):
            pieces.append("\t")
        elif child.tag == _name("text", "line-break"):
            pieces.append("\n")
        elif child.tag not in (_name("office", "annotation"), _name("text", "note")):
            pieces.append(_paragraph_text(child))
        pieces.append(_WHITE.sub(" ", child.tail or ""))
    return "".join(pieces)


class _Styles:
    """Data styles (number formats) and the cell styles that use them."""

    def __init__(self) -> None:
        self.data: dict[str, Format] = {}
        self.cells: dict[str, tuple[str | None, str | None]] = {}
        self.current: tuple[str, str, list[DatePart], int | None] | None = None

    def start(self, element: Element) -> None:
        tag = element.tag
        name = element.get(_name("style", "name"), "")
        kinds = {"number-style": "number", "percentage-style": "percent"}
        kinds |= {"currency-style": "number", "date-style": "date", "time-style": "time"}
        kinds |= {"text-style": "text", "boolean-style": "general"}
        for local, kind in kinds.items():
            if tag == _name("number", local):
                self.current = (name, kind, [], None)
                return
        if self.current is None:
            return
        name_of, kind, parts, decimals = self.current
        local = tag.rpartition("}")[2]
        if local == "number":
            places = (
                element.get(_name("number", "min-decimal-places"))
                or element.get(_name("number", "decimal-places"))
                or "0"
            )
            decimals = int(places) if places.isdigit() and len(places) < 4 else 0
        elif local in ("year", "month", "day", "day-of-week"):
            long = element.get(_name("number", "style")) == "long"
            textual = element.get(_name("number", "textual")) == "true"
            field = {"year": "y", "month": "m", "day": "d", "day-of-week": "w"}[local]
            if field == "y":
                width = 4 if long else 2
            elif field == "m" and textual:
                width = 4 if long else 3
            else:
                width = 2 if long else 1
            parts.append(DatePart(field, width))
        elif local in ("hours", "minutes", "seconds", "am-pm"):
            kind = "time"
        self.current = (name_of, kind, parts, decimals)

    def end(self, element: Element) -> None:
        tag = element.tag
        if self.current is not None and tag == _name("number", "text"):
            self.current[2].append(DatePart(None, text=element.text or ""))
        if tag.startswith(f"{{{_NS['number']}}}") and tag.endswith("-style"):
            if self.current is not None:
                name, kind, parts, decimals = self.current
                dated = any(part.field in ("y", "m", "d") for part in parts)
                if kind == "date" and not dated:
                    kind = "general"
                self.data[name] = Format(kind, decimals, tuple(parts))  # type: ignore[arg-type]
            self.current = None
        elif tag == _name("style", "style"):
            style = element.get(_name("style", "name"))
            if style is not None:
                self.cells[style] = (
                    element.get(_name("style", "data-style-name")),
                    element.get(_name("style", "parent-style-name")),
                )

    def format_of(self, style: str | None) -> Format:
        for _ in range(20):  # a chain of parent styles, never a loop
            if style is None or style not in self.cells:
                return GENERAL
            data, parent = self.cells[style]
            if data is not None:
                return self.data.get(data, GENERAL)
            style = parent
        return GENERAL


def _repeat(element: Element, attribute: str) -> int:
    written = element.get(_name("table", attribute), "1")
    return min(int(written), _MAX_REPEAT) if written.isdigit() and len(written) < 9 else 1


class _TableReader:
    """Reads each table's cells as the texts people see, in bounded memory."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.styles = _Styles()
        self.tables: dict[str, list[list[str]]] = {}
        self.count = 0

    def cell_text(self, element: Element, column_style: str | None) -> str:
        office = _NS["office"]
        kind = element.get(f"{{{office}}}value-type")
        style = element.get(_name("table", "style-name")) or column_style
        if kind in ("float", "currency", "percentage"):
            cell_format = self.styles.format_of(style)
            if kind == "percentage":
                cell_format = Format("percent", cell_format.decimals)
            elif cell_format.kind not in ("number", "general"):
                cell_format = GENERAL
            return number_cell_text(element.get(f"{{{office}}}value", ""), cell_format)
        if kind == "date":
            value = element.get(f"{{{office}}}date-value", "")
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                return value
            cell_format = self.styles.format_of(style)
            return date_cell_text(moment, cell_format if cell_format.kind == "date" else GENERAL)
        if kind == "time":
            return element.get(f"{{{office}}}time-value", "") + " (a time)"
        if kind == "boolean":
            return element.get(f"{{{office}}}boolean-value", "")
        paragraphs = [_paragraph_text(p) for p in element if p.tag == _name("text", "p")]
        return unescape(element.get(f"{{{office}}}string-value") or "\n".join(paragraphs))

    def count_cells(self, added: int) -> None:
        self.count += added
        if self.count > MAX_CELLS:
            raise table_problem(
                f"the workbook holds more than {MAX_CELLS:,} cells with values; a figures "
                "table has one row per figure",
                self.package.source,
            )

    def read(self) -> dict[str, list[list[str]]]:
        if self.package.has("styles.xml"):
            self._styles(self.package.elements("styles.xml"))
        rows: list[list[str]] = []
        columns: list[str | None] = []
        empty_rows = 0
        body = False
        for event, element in self.package.elements("content.xml"):
            tag = element.tag
            if not body:
                if event == "start" and tag == _name("office", "body"):
                    body = True
                elif event == "start":
                    self.styles.start(element)
                else:
                    self.styles.end(element)
                continue
            if event == "start" and tag == _name("table", "table"):
                rows, columns, empty_rows = [], [], 0
            elif event == "end" and tag == _name("table", "table-column"):
                repeat = min(_repeat(element, "number-columns-repeated"), 16_384)
                style = element.get(_name("table", "default-cell-style-name"))
                columns.extend([style] * repeat)
            elif event == "end" and tag == _name("table", "table-row"):
                row = self._row(element, columns)
                repeat = _repeat(element, "number-rows-repeated")
                if any(row):
                    rows.extend([[] for _ in range(empty_rows)])
                    empty_rows = 0
                    self.count_cells(sum(1 for text in row if text) * (repeat - 1))
                    rows.extend(list(row) for _ in range(repeat))
                else:
                    empty_rows += repeat
                element.clear()
            elif event == "end" and tag == _name("table", "table"):
                self.tables.setdefault(element.get(_name("table", "name"), ""), rows)
                element.clear()
        return self.tables

    def _styles(self, events: Iterator[tuple[str, Element]]) -> None:
        for event, element in events:
            (self.styles.start if event == "start" else self.styles.end)(element)

    def _row(self, element: Element, columns: list[str | None]) -> list[str]:
        row: list[str] = []
        empty = 0
        for cell in element:
            if cell.tag not in (_name("table", "table-cell"), _name("table", "covered-table-cell")):
                continue
            repeat = _repeat(cell, "number-columns-repeated")
            position = len(row) + empty
            style = columns[position] if position < len(columns) else None
            text = self.cell_text(cell, style)
            if text == "":
                empty += repeat
                continue
            if position + repeat > 16_384:
                raise table_problem("a row has more cells than a sheet", self.package.source)
            self.count_cells(repeat)
            row.extend([""] * empty)
            empty = 0
            row.extend([text] * repeat)
        return row


def ods_sheets(data: bytes, *, source: str | None = None) -> dict[str, list[list[str]]]:
    """Every sheet of an ODS workbook by name, each cell as it is shown.

    Raises:
        TableError: The file is not a workbook, or is damaged or oversized.
    """
    package = Package(data, "ODS", source)
    try:
        return _TableReader(package).read()
    finally:
        package.close()


def figures_ods_rows(data: bytes, *, source: str | None = None) -> tuple[str, list[list[str]]]:
    """The name and rows of the figures sheet of an ODS workbook, each cell as it is shown.

    Reads the sheet named ``Figures`` (or the only sheet), by the same rules as XLSX.

    Raises:
        TableError: The file is not a workbook, is damaged or oversized, or has no such sheet.
    """
    package = Package(data, "ODS", source)
    try:
        tables = _TableReader(package).read()
    finally:
        package.close()
    names = list(tables)
    name = _SHEET if _SHEET in tables else names[0] if len(names) == 1 else None
    if name is None:
        raise table_problem(f"expected a sheet named {_SHEET!r}; the workbook has {names}", source)
    rows = tables[name]
    width = len(rows[0]) if rows else 0
    return name, [row[:width] if not any(row[width:]) else row for row in rows]


def import_figures_ods(
    statement: Statement, data: bytes, *, source: str | None = None, allow_removal: bool = False
) -> ImportReport:
    """Import the figures in an ODS workbook into ``statement``, and say what was done.

    See :mod:`pcc_priorities.tables.imports` for how rows are matched to figures.

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Lists every problem with its sheet, row and column; a file that is not a
            workbook, or a damaged or oversized one, is one problem.
    """
    name, rows = figures_ods_rows(data, source=source)
    return import_table(statement, rows, source=source, sheet=name, allow_removal=allow_removal)


def figures_from_ods(
    statement: Statement, data: bytes, *, source: str | None = None, allow_removal: bool = False
) -> Statement:
    """Return ``statement`` with the figures in an ODS workbook imported.

    :func:`import_figures_ods` without the report.

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Lists every problem with its sheet, row and column.
    """
    return import_figures_ods(statement, data, source=source, allow_removal=allow_removal).statement


def write_figures_ods(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write every figure of ``statement`` to an ODS file, atomically, replacing any file.

    Raises:
        FileProblemError: The file cannot be written; the message says why.
    """
    atomic_write_bytes(path, figures_to_ods(statement))


def read_figures_ods(
    statement: Statement, path: str | os.PathLike[str], *, allow_removal: bool = False
) -> Statement:
    """Return ``statement`` with the figures in the ODS file at ``path`` imported.

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Lists every problem with its sheet, row and column.
        FileProblemError: The file cannot be read; the message says why.
    """
    data = read_input(path)
    return figures_from_ods(statement, data, source=os.fspath(path), allow_removal=allow_removal)
