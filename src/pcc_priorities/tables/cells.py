"""Cells: every value of a figure written as spreadsheet text, and read back exactly."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TypeVar

from pcc_priorities.exceptions import WrittenValueError
from pcc_priorities.model.values import check_count, to_decimal
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.written import (
    read_date,
    read_number,
    read_partial_date,
    read_whole_number,
)

E = TypeVar("E", bound=Enum)


# --------------------------------------------------------------------------- cells

_FORMULA_STARTS = ("'", "=", "+", "-", "@", "\t", "\r")


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
    """Read a number cell exactly, as a person writes it ("1,209", "-7", "7%")."""
    if cell.strip() == "":
        return None
    try:
        return to_decimal(read_number(cell.strip()))
    except WrittenValueError as error:
        raise CellError(str(error)) from None
    except ValueError as error:  # a magnitude the model refuses
        raise CellError(str(error)) from None


def whole_out(value: int | None) -> str:
    """Write a whole-number cell."""
    return "" if value is None else str(value)


def whole_in(cell: str) -> int | None:
    """Read a whole-number cell ("1,209", "-3")."""
    if cell.strip() == "":
        return None
    try:
        number = read_whole_number(cell.strip())
        check_count(number)
    except WrittenValueError as error:
        raise CellError(str(error)) from None
    except ValueError as error:  # a size the model refuses
        raise CellError(f"{cell.strip()!r}: {error}") from None
    return number


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
    """Read a date cell as a person writes it ("2023-08-05", "05/08/2023", "5 August 2023")."""
    if cell.strip() == "":
        return None
    try:
        return read_date(cell.strip())
    except WrittenValueError as error:
        raise CellError(str(error)) from None


#: The cell of a period's end that the statement does not give ("since March 2023").
NOT_STATED = "not stated"


def bound_out(value: date | PartialDate | None) -> str:
    """Write an end of a period: YYYY-MM-DD, or YYYY-MM or YYYY where the day is not known."""
    return NOT_STATED if value is None else str(value)


def bound_in(cell: str) -> date | PartialDate | None:
    """Read an end of a period: a date, or a month or year where the day is not known.

    "not stated" is an end the statement does not give. An empty cell is None too; the
    caller decides what an empty cell means.
    """
    written = cell.strip()
    if written == "" or written.lower() == NOT_STATED:
        return None
    try:
        partial = read_partial_date(written)
    except WrittenValueError as error:
        raise CellError(str(error)) from None
    return partial.earliest if partial.day is not None else partial


def path_out(blocks: tuple[int, ...]) -> str:
    """Write the positions of nested subsections, dot-separated ("2.0")."""
    return ".".join(str(position) for position in blocks)


def path_in(cell: str) -> tuple[int, ...]:
    """Read the positions of nested subsections."""
    written = cell.strip()
    if written == "":
        return ()
    if not re.fullmatch(r"\d{1,9}(?:\.\d{1,9})*", written, re.ASCII):
        raise CellError(
            f"expected block positions such as 2 or 3.1 (the first block in block 3), got {cell!r}"
        )
    positions = tuple(int(part) for part in written.split("."))
    if 0 in positions:
        raise CellError("block positions count from 1")
    return positions
