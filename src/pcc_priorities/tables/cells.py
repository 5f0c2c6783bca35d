"""Cells: every value of a figure written as spreadsheet text, and read back exactly."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import TypeVar

from pcc_priorities.model.values import to_decimal

E = TypeVar("E", bound=Enum)


# --------------------------------------------------------------------------- cells

_FORMULA_STARTS = ("'", "=", "+", "-", "@", "\t", "\r")
# re.ASCII: only the digits 0-9, as the JSON loader reads them (\d would take "٣" or "３").
_NUMBER = re.compile(
    r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\d+(?:\.\d+)?[eE][+-]?\d+", re.ASCII
)
_WHOLE = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)", re.ASCII)
_UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)


class CellError(ValueError):
    """A cell cannot be read; the message says what was expected."""


def text_out(value: str | None) -> str:
    """Write a text cell: None as empty; a leading quote keeps formula-like text as text."""
    if value is None:
        return ""
    return "'" + value if value == "" or value.startswith(_FORMULA_STARTS) else value


def text_in(cell: str) -> str | None:
    """Read a text cell: empty as None."""
    if cell == "":
        return None
    return cell[1:] if cell.startswith("'") else cell


def number_out(value: Decimal | None) -> str:
    """Write a number cell with every digit it has."""
    return "" if value is None else str(value)


def number_in(cell: str) -> Decimal | None:
    """Read a number cell exactly."""
    written = cell.strip()
    if written == "":
        return None
    if written.endswith("%"):
        written = written[:-1].rstrip()
    if not _NUMBER.fullmatch(written):
        raise CellError(f"expected a number such as 1209, -7 or 15.9, got {cell!r}")
    try:
        return to_decimal(Decimal(written.replace(",", "")))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise CellError(f"expected a number, got {cell!r}") from None
    except ValueError as error:  # a magnitude the model refuses
        raise CellError(str(error)) from None


def whole_out(value: int | None) -> str:
    """Write a whole-number cell."""
    return "" if value is None else str(value)


def whole_in(cell: str) -> int | None:
    """Read a whole-number cell."""
    written = cell.strip()
    if written == "":
        return None
    if not _WHOLE.fullmatch(written):
        raise CellError(f"expected a whole number such as 3 or -3, got {cell!r}")
    try:
        return int(written.replace(",", ""))
    except ValueError:  # more digits than Python reads (sys.get_int_max_str_digits)
        raise CellError(
            f"expected a whole number, got one of {len(written):,} characters"
        ) from None


def enum_out(value: Enum | None) -> str:
    """Write an enumeration's value, with spaces for underscores."""
    return "" if value is None else str(value.value).replace("_", " ")


def enum_in(cell: str, enum_type: type[E]) -> E | None:
    """Read an enumeration's value, as written by :func:`enum_out` or as stored."""
    written = cell.strip()
    if written == "":
        return None
    key = re.sub(r"[\s_-]+", "_", written.lower())
    for member in enum_type:
        if member.value == key:
            return member
    allowed = ", ".join(enum_out(member) for member in enum_type)
    raise CellError(f"expected one of: {allowed}; got {cell!r}")


def date_out(value: date | None) -> str:
    """Write a date cell as YYYY-MM-DD."""
    return "" if value is None else value.isoformat()


def date_in(cell: str) -> date | None:
    """Read a date cell."""
    written = cell.strip()
    if written == "":
        return None
    uk = _UK_DATE.fullmatch(written)
    try:
        if uk:
            return date(int(uk[3]), int(uk[2]), int(uk[1]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", written, re.ASCII):
            return date.fromisoformat(written)
    except ValueError:
        raise CellError(f"{cell!r} is not a date") from None
    raise CellError(f"expected a date as 2023-08-05 or 05/08/2023 (day first), got {cell!r}")


def path_out(blocks: tuple[int, ...]) -> str:
    """Write the positions of nested subsections, dot-separated ("2.0")."""
    return ".".join(str(position) for position in blocks)


def path_in(cell: str) -> tuple[int, ...]:
    """Read the positions of nested subsections."""
    written = cell.strip()
    if written == "":
        return ()
    if not re.fullmatch(r"\d+(?:\.\d+)*", written, re.ASCII):
        raise CellError(
            f"expected block positions such as 2 or 3.1 (the first block in block 3), got {cell!r}"
        )
    positions = tuple(int(part) for part in written.split("."))
    if 0 in positions:
        raise CellError("block positions count from 1")
    return positions
