"""Spreadsheet cells as people see them: number formats read, and cells typed for writing.

A spreadsheet stores a number and shows it through a format: 0.07 in a ``0%`` cell shows
"7%", the date 1 October 2026 in an ``mmm-yy`` cell shows "Oct-26". The figures table is
read as people see it, through these rules (the same for XLSX and ODS):

- **Text** cells are read as their text.
- **Numbers** keep every digit they hold, to the 15 significant digits a spreadsheet keeps
  (so 0.30000000000000004 is 0.3), written with at least the decimals the format shows
  (7.5 in a ``0.00`` cell is "7.50"); never rounded to the format.
- **Percentages** (a format with ``%``) are read as the percentage shown: -0.07 in a ``0%``
  cell is "-7%", which the number readers take as -7.
- **Dates** are read at the precision the format shows: a format with the day gives the
  date ("2026-10-01"); one with the month and year but no day gives the month as shown
  ("Oct-26", or "2026-10" where what is shown is not a month the date reader knows); one
  with the year alone gives the year. The readers of each column then accept or refuse that
  text, so a month in a ``Period start`` column is refused, naming the cell, and a month in
  a ``Period`` column is the month a person reads. A time of day is refused in every column.

Writing, every cell has an explicit type and format so that a spreadsheet program shows it
as written and does not convert it when it opens the file or when a person edits it: text
(periods and dates included) as text in a text (``@``) format; numbers as numbers in a
format with their decimals and without exponent; percentages as numbers in a percent
format. A number a spreadsheet cannot hold exactly (over 15 significant digits, written
with an exponent, or -0) is written as text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import suppress
from datetime import date, datetime, timedelta
from decimal import Context, Decimal, InvalidOperation
from typing import Literal

from attrs import frozen

from pcc_priorities.periods.calendar import MONTH_NAMES
from pcc_priorities.periods.written import date_parts

__all__ = [
    "DatePart",
    "Format",
    "Number",
    "Text",
    "WrittenCell",
    "column_kinds",
    "date_cell_text",
    "escape",
    "excel_format",
    "number_cell",
    "number_cell_text",
    "serial_date",
    "typed_rows",
    "unescape",
]

FormatKind = Literal["general", "number", "percent", "date", "time", "text"]


@frozen
class DatePart:
    """One piece of a date format: a field and how wide it is shown, or literal text.

    Attributes:
        field: "y", "m", "d" or "w", or None for literal text.
        width: How the field is shown: for "m", 1-2 digits, 3 the short name, 4 the full
            name, 5 the first letter; for "y", 2 or 4 digits; for "d", 1-2 digits.
        text: The literal text, for a literal piece.
    """

    field: str | None
    width: int = 0
    text: str = ""


@frozen
class Format:
    """What a cell's number format shows.

    Attributes:
        kind: general, number, percent, date, time (a time of day is shown) or text.
        decimals: The decimals a number or percentage format shows (None: as many as held).
        parts: A date format's pieces, in order.
    """

    kind: FormatKind
    decimals: int | None = None
    parts: tuple[DatePart, ...] = ()

    def shows(self, field: str) -> bool:
        """Whether a date format shows ``field`` ("y", "m" or "d")."""
        return any(part.field == field for part in self.parts)


GENERAL = Format("general")
TEXT = Format("text")

#: Excel's built-in number formats, by id (ECMA-376 Part 1, 18.8.30); ids 14 and 22 show
#: the locale's short date, day, month and year.
BUILT_IN: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "dd/mm/yyyy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "dd/mm/yyyy h:mm",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}

_SECTION = re.compile(r'"[^"]*"|\\.|[^;]')
_PIECE = re.compile(r'"([^"]*)"|\\(.)|\[[^\]]*\]|_.|\*.|([yY]+|[mM]+|[dD]+|[hH]+|[sS]+)|(.)')
_AM_PM = re.compile(r"AM/PM|A/P", re.IGNORECASE)


def _first_section(code: str) -> str:
    """The part of a format code for positive numbers (before the first unquoted ";")."""
    section: list[str] = []
    for match in _SECTION.finditer(code):
        if match[0] == ";":
            break
        section.append(match[0])
    return "".join(section)


def excel_format(code: str) -> Format:
    """Return what the Excel number format ``code`` shows (its first section decides)."""
    if code.strip().lower() in ("general", ""):
        return GENERAL
    section = _AM_PM.sub("", _first_section(code))
    parts: list[DatePart] = []
    time = bool(re.search(r"\[(?:h+|m+|s+)\]", section, re.IGNORECASE))
    bare: list[str] = []
    for match in _PIECE.finditer(section):
        quoted, escaped, field, other = match[1], match[2], match[3], match[4]
        if quoted is not None or escaped is not None:
            parts.append(DatePart(None, text=quoted if quoted is not None else escaped))
        elif field is not None:
            letter = field[0].lower()
            if letter in "hs":
                time = True
            parts.append(DatePart(letter, len(field)))
        elif other is not None:
            bare.append(other)
            parts.append(DatePart(None, text=other))
    numeric = "".join(bare)
    for index, part in enumerate(parts):  # an "m" beside an hour or a second is minutes
        if part.field == "m" and part.width <= 2 and _beside_time(parts, index):
            time = True
            parts[index] = DatePart("minute", part.width)
    dated = [part for part in parts if part.field in ("y", "m", "d")]
    if dated:
        shown = tuple(
            DatePart("w", 0) if part.field == "d" and part.width >= 3 else part
            for part in parts
            if part.field != "minute"
        )
        return Format("time" if time else "date", parts=shown)
    if time:
        return Format("time")
    if "@" in numeric and not re.search(r"[0#?]", numeric):
        return TEXT
    decimals = re.search(r"\.([0#?]*)", numeric)
    places = len(decimals[1]) if decimals else 0
    if "%" in numeric:
        return Format("percent", places)
    if re.search(r"[eE][+-]", numeric) or "/" in numeric:
        return GENERAL  # scientific or fractions: the value as held
    return Format("number", places) if re.search(r"[0#?]", numeric) else GENERAL


def _beside_time(parts: list[DatePart], index: int) -> bool:
    fields = [part.field for part in parts if part.field is not None]
    position = sum(1 for part in parts[:index] if part.field is not None)
    before = fields[position - 1] if position > 0 else None
    after = fields[position + 1] if position + 1 < len(fields) else None
    return before == "h" or after == "s"


# --------------------------------------------------------------------------- reading values

#: A spreadsheet keeps 15 significant digits; more come from binary floating point.
_PRECISION = Context(prec=15)
_WIDE = Context(prec=200)


def _plain(number: Decimal) -> str:
    """``number`` without an exponent where that is short enough; else as Python writes it."""
    if -30 <= number.adjusted() <= 30:
        return format(number, "f")
    return str(number)


def number_cell_text(stored: str, cell_format: Format) -> str:
    """Return the text a number cell shows under ``cell_format``, as the table reader takes it.

    ``stored`` is the number as the file holds it ("-7.0000000000000007E-2"). Text that is
    not a number is returned as it is, for the cell's reader to refuse.
    """
    try:
        number = Decimal(stored.strip())
    except InvalidOperation:
        return stored
    if not number.is_finite():
        return stored
    number = _PRECISION.plus(number)
    percent = cell_format.kind == "percent"
    if percent:
        number = _PRECISION.plus(number.scaleb(2))
    number = number.normalize(_WIDE) if number else Decimal(0).copy_sign(number)
    places = cell_format.decimals
    exponent = number.as_tuple().exponent
    if places is not None and isinstance(exponent, int) and exponent > -places:
        with suppress(InvalidOperation):  # more digits than the context holds: as held
            number = number.quantize(Decimal(1).scaleb(-places), context=_WIDE)
    return _plain(number) + ("%" if percent else "")


def date_cell_text(value: date | datetime, cell_format: Format) -> str:
    """Return the text a date cell shows under ``cell_format``, as the table reader takes it.

    A format that shows the day gives the date as 2026-10-01; one that shows the month and
    year, the month as shown ("Oct-26") when the date reader reads it as that month, else
    2026-10; one that shows only the year, the year. A time of day is shown as the format
    shows it, which every column refuses.
    """
    day = value.date() if isinstance(value, datetime) else value
    midnight = not isinstance(value, datetime) or value.time() == datetime.min.time()
    if cell_format.kind == "time" or not midnight:
        shown = value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
        return f"{shown} (a date and time)"
    if cell_format.kind != "date" or cell_format.shows("d"):
        return day.isoformat()
    if cell_format.shows("m") and cell_format.shows("y"):
        shown = _render(day, cell_format.parts)
        try:
            parts = date_parts(shown)
        except ValueError:
            parts = None
        if parts is not None and (parts.year, parts.month, parts.day) == (
            day.year,
            day.month,
            None,
        ):
            return shown
        return f"{day.year:04d}-{day.month:02d}"
    if cell_format.shows("y"):
        return f"{day.year:04d}"
    return _render(day, cell_format.parts)


def _render(day: date, parts: tuple[DatePart, ...]) -> str:
    pieces: list[str] = []
    for part in parts:
        if part.field is None:
            pieces.append(part.text)
        elif part.field == "y":
            pieces.append(f"{day.year % 100:02d}" if part.width <= 2 else f"{day.year:04d}")
        elif part.field == "m":
            name = MONTH_NAMES[day.month - 1]
            widths = {1: str(day.month), 2: f"{day.month:02d}", 3: name[:3], 5: name[:1]}
            pieces.append(widths.get(part.width, name))
        elif part.field == "d":
            pieces.append(str(day.day) if part.width == 1 else f"{day.day:02d}")
        elif part.field == "w":
            pieces.append(day.strftime("%A"))
    return "".join(pieces)


def serial_date(serial: str, *, base_1904: bool = False) -> datetime | None:
    """Return the date and time an Excel serial number stands for; None if it is none.

    Excel counts days from 30 December 1899 (and wrongly has a 29 February 1900, serial 60),
    or from 1 January 1904 in workbooks that say so.
    """
    try:
        number = Decimal(serial.strip())
    except InvalidOperation:
        return None
    if not number.is_finite() or not 0 <= number < 2_958_466:  # 31 December 9999
        return None
    days = int(number)
    if base_1904:
        start = datetime(1904, 1, 1)
    elif days >= 61:
        start = datetime(1899, 12, 30)
    elif days in (0, 60):
        return None
    else:
        start = datetime(1899, 12, 31)
    seconds = round((number - days) * 86_400)
    return start + timedelta(days=days, seconds=seconds)


# --------------------------------------------------------------------------- writing


@frozen
class Text:
    """A text cell, written in the text format.

    Attributes:
        text: The text, as the figures table has it.
        bold: Whether it is a title.
    """

    text: str
    bold: bool = False


@frozen
class Number:
    """A number cell.

    Attributes:
        value: The number the file holds, as plain decimal text ("-0.07").
        decimals: The decimals its format shows.
        percent: Whether its format is a percentage.
    """

    value: str
    decimals: int
    percent: bool

    @property
    def code(self) -> str:
        """The Excel number format: "0", "0.00", "0%", "0.0%"."""
        digits = "0" if self.decimals == 0 else "0." + "0" * self.decimals
        return digits + ("%" if self.percent else "")


WrittenCell = Text | Number

_PLAIN = re.compile(r"-?\d+(?:\.\d+)?", re.ASCII)


def number_cell(text: str, *, percent: bool = False) -> WrittenCell:
    """Return the cell for a number as the figures table writes it ("7.50", "-7").

    A number a spreadsheet holds exactly (at most 15 significant digits, written without an
    exponent, not -0) is a number cell with as many decimals as it is written with; a
    percentage (``percent``) is held divided by 100, in a percent format. Anything else is
    text, so that every digit is kept.
    """
    if not _PLAIN.fullmatch(text):
        return Text(text)
    number = Decimal(text)
    sign, digits, exponent = number.as_tuple()
    if (number.is_zero() and sign) or not isinstance(exponent, int):
        return Text(text)
    significant = len(digits) - next(
        (index for index, digit in enumerate(digits) if digit), len(digits) - 1
    )
    if significant > 15 or -exponent > 20:
        return Text(text)
    decimals = max(0, -exponent)
    if percent:
        return Number(format(number.scaleb(-2), "f"), decimals, percent=True)
    return Number(text, decimals, percent=False)


# --------------------------------------------------------------------------- escapes

#: Characters a worksheet cannot hold as they are, written as _xHHHH_ (ECMA-376 escapes).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x0d\x0e-\x1f\ufffe\uffff]")
#: Every underscore that starts "_xHHHH" is escaped (_x005F_), whatever follows: a control
#: character after it is itself written as "_xHHHH_", which would otherwise close a false
#: escape.
_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4})")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def escape(text: str) -> str:
    """Write ``text`` for a worksheet: control characters and a CR as _xHHHH_ escapes."""
    text = _ESCAPE.sub("_x005F_", text)
    return _UNSAFE.sub(lambda match: f"_x{ord(match[0]):04X}_", text)


def unescape(text: str) -> str:
    """Read the _xHHHH_ escapes of a worksheet's text."""
    return _ESCAPED.sub(lambda match: chr(int(match[1], 16)), text)


# --------------------------------------------------------------------------- the figures table

#: Columns of the figures table that hold numbers (of a figure, or of its nth comparison).
_NUMBER_COLUMNS = frozenset(
    {"Section", "Figure", "Value", "Upper value", "Rate per", "Rank out of"}
)
_NUMBER_FIELDS = frozenset({"value", "change count", "change percent", "change percentage points"})
_COMPARISON = re.compile(r"Comparison \d+: (.+)")


def column_kinds(header: Sequence[str]) -> list[str]:
    """Return what each column of the figures table holds: text, number, value or percent.

    "value" columns hold numbers that are percentages where the figure's unit is percent.
    """
    kinds: list[str] = []
    for title in header:
        field = _COMPARISON.fullmatch(title)
        name = field[1] if field else title
        if name == "change percent":
            kinds.append("percent")
        elif name in ("Value", "Upper value", "value"):
            kinds.append("value")
        elif (field is None and title in _NUMBER_COLUMNS) or (field and name in _NUMBER_FIELDS):
            kinds.append("number")
        else:
            kinds.append("text")
    return kinds


def typed_rows(rows: Sequence[Sequence[str]]) -> list[list[WrittenCell | None]]:
    """Return the figures table's rows of text as typed cells (None for an empty cell).

    Titles are bold text; numbers are numbers, percentages (a change in percent, and the
    values of a figure whose unit is percent) in a percent format; the rest is text.
    """
    if not rows:
        return []
    header = list(rows[0])
    unit = header.index("Unit") if "Unit" in header else None
    kinds = column_kinds(header)
    typed: list[list[WrittenCell | None]] = [[Text(title, bold=True) for title in header]]
    for row in rows[1:]:
        percent_unit = unit is not None and unit < len(row) and row[unit] == "percent"
        cells: list[WrittenCell | None] = []
        for index, text in enumerate(row):
            kind = kinds[index] if index < len(kinds) else "text"
            if text == "":
                cells.append(None)
            elif kind == "percent" or (kind == "value" and percent_unit):
                cells.append(number_cell(text, percent=True))
            elif kind in ("number", "value"):
                cells.append(number_cell(text))
            else:
                cells.append(Text(text))
        typed.append(cells)
    return typed
