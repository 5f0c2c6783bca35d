"""Dates and numbers as people in England and Wales write them: the one reader of each.

Every part of the library that reads a date or a number typed by a person uses these
functions: the command line (``--as-of 15/02/2027``), spreadsheets (a date or number cell),
reporting periods ("1st October 2019 - 30th September 2022") and monthly series
("June 2023"). So each form is accepted everywhere or nowhere, and refused with the same
words.

Dates are read day first, as in the UK: "05/08/2023" is 5 August 2023. The forms:

- ISO: "2023-08-05"; to the month "2023-08"; the year "2023";
- numbers, day first: "05/08/2023", "5/8/23", "05.08.2023";
- with the month's name or its usual abbreviation: "5 August 2023", "5th of Aug 2023",
  "Saturday 5 August 2023", "August 5, 2023"; to the month: "August 2023", "Aug 23",
  "Aug-23".

Two-digit years are 2000-2099. Numbers: "1209", "1,209", "-7", "−7" (a minus sign), "+3.5",
"15.9", "7%" (the percentage, 7), "1.5E+3"; digits 0-9 only, commas only between groups of
three.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from pcc_priorities.exceptions import WrittenValueError
from pcc_priorities.periods.calendar import MONTH_NAMES
from pcc_priorities.periods.dates import PartialDate

__all__ = [
    "DateParts",
    "date_parts",
    "month_number",
    "read_date",
    "read_number",
    "read_partial_date",
    "read_whole_number",
]

#: Month names and the abbreviations statements and spreadsheets use, to month numbers.
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    _MONTHS[_name.lower()] = _number
    _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9

_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(\d{4}|\d{2})"
_SPACES = re.compile(r"\s+")
_WEEKDAY = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\b,?\s*"
)
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})", re.ASCII)
_ISO_YEAR = re.compile(r"\d{4}", re.ASCII)
_NUMERIC = re.compile(rf"(\d{{1,2}})([/.])(\d{{1,2}})\2{_YEAR}", re.ASCII)
_MONTH_YEAR = re.compile(rf"([a-z]+)(?:\s*-?\s*{_YEAR})?", re.ASCII)
_DAY_MONTH = re.compile(rf"(\d{{1,2}}){_ORDINAL}(?:\s+of)?\s+([a-z]+)(?:\s+{_YEAR})?", re.ASCII)
_MONTH_DAY = re.compile(rf"([a-z]+)\s+(\d{{1,2}}){_ORDINAL},?\s+{_YEAR}", re.ASCII)
_DAY_ONLY = re.compile(rf"(\d{{1,2}}){_ORDINAL}", re.ASCII)

_DATE_FORMS = "15/02/2027, 15 February 2027 or 2027-02-15"
_MINUSES = "\u2212\u2013\u2012\ufe63\uff0d"
_NUMBER = re.compile(
    r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\d+(?:\.\d+)?[eE][+-]?\d+", re.ASCII
)
_WHOLE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)", re.ASCII)
#: More digits than any figure has; longer text is refused before Python reads it.
_MAX_DIGITS = 120


class DateParts(NamedTuple):
    """A date as written: its year, month and day, each None where the text leaves it out.

    "June 2023" has no day; "15 February" has no year; "9" (in "9-15 October") has only a
    day. Every part that is there is checked: the month exists and the day is in it.
    """

    year: int | None
    month: int | None
    day: int | None


def month_number(name: str) -> int | None:
    """Return the number of the month ``name`` ("June", "jun", "Sept"), or None."""
    return _MONTHS.get(name.strip().lower().rstrip("."))


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) + (2000 if len(text) == 2 else 0)


def _normalise(text: str) -> str:
    normal = _SPACES.sub(" ", text.strip().lower())
    return _WEEKDAY.sub("", normal)


def _checked(text: str, year: int | None, month: int | None, day: int | None) -> DateParts:
    """Return the parts, or raise WrittenValueError saying why they are not a date."""
    if month is not None and not 1 <= month <= 12:
        raise WrittenValueError(
            f"not a date: month {month} does not exist (UK dates are day/month/year)", text
        )
    if year is not None and not 1 <= year <= 9999:
        raise WrittenValueError(f"not a date: year {year} is out of range 1-9999", text)
    if day is not None and month is not None:
        try:  # a leap year stands in for a missing year, so "29 February" can be read
            date(2000 if year is None else year, month, day)
        except ValueError:
            in_year = "" if year is None else f" {year}"
            raise WrittenValueError(
                f"not a date: {MONTH_NAMES[month - 1]}{in_year} has no day {day}"
                " (UK dates are day/month/year)",
                text,
            ) from None
    return DateParts(year, month, day)


def date_parts(text: str) -> DateParts | None:
    """Read ``text`` as a date, a month or a day as written; None if it is none of these.

    The period reader uses this for each end of a range ("9-15 October 2023" reads "9" and
    "15 October 2023"); :func:`read_date` and :func:`read_partial_date` build on it.

    Raises:
        WrittenValueError: The text is written like a date but is not one ("31/02/2023",
            "13/13/2023").
    """
    normal = _normalise(text)
    if match := _ISO_DAY.fullmatch(normal):
        return _checked(text, int(match[1]), int(match[2]), int(match[3]))
    if match := _ISO_MONTH.fullmatch(normal):
        return _checked(text, int(match[1]), int(match[2]), None)
    if _ISO_YEAR.fullmatch(normal):
        return _checked(text, int(normal), None, None)
    if match := _NUMERIC.fullmatch(normal):
        return _checked(text, _year(match[4]), int(match[3]), int(match[1]))
    if match := _MONTH_YEAR.fullmatch(normal):
        month = month_number(match[1])
        return None if month is None else _checked(text, _year(match[2]), month, None)
    if match := _DAY_MONTH.fullmatch(normal):
        month = month_number(match[2])
        return None if month is None else _checked(text, _year(match[3]), month, int(match[1]))
    if match := _MONTH_DAY.fullmatch(normal.replace(",", " ").replace("  ", " ")):
        month = month_number(match[1])
        return None if month is None else _checked(text, _year(match[3]), month, int(match[2]))
    if match := _DAY_ONLY.fullmatch(normal):
        return _checked(text, None, None, int(match[1]))
    return None


def read_date(text: str) -> date:
    """Read a whole date as written: "15/02/2027", "15 February 2027", "2027-02-15".

    Raises:
        WrittenValueError: The text is not a date, or names one that does not exist; the
            message says which forms are read.
    """
    parts = date_parts(_text(text))
    if parts is None or parts.day is None or parts.month is None or parts.year is None:
        missing = _missing(parts)
        raise WrittenValueError(f"expected a date such as {_DATE_FORMS}{missing}", text)
    return date(parts.year, parts.month, parts.day)


def read_partial_date(text: str) -> PartialDate:
    """Read a date known to the year, the month or the day: "2027", "February 2027", "15/02/2027".

    Raises:
        WrittenValueError: The text is not one, or names a date that does not exist.
    """
    parts = date_parts(_text(text))
    if parts is None or parts.year is None or (parts.day is not None and parts.month is None):
        raise WrittenValueError(
            f"expected a date such as {_DATE_FORMS}, a month such as February 2027 or "
            f"2027-02, or a year such as 2027{_missing(parts)}",
            text,
        )
    return PartialDate(year=parts.year, month=parts.month, day=parts.day)


def _missing(parts: DateParts | None) -> str:
    if parts is None:
        return ""
    if parts.year is None and parts.month is not None:
        return "; it needs its year"
    if parts.day is None and parts.month is not None:
        return "; it gives no day"
    if parts.month is None:
        return "; it gives no month"
    return ""


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _number_text(text: str) -> str:
    written = _text(text).strip()
    if written[:1] in _MINUSES:
        written = "-" + written[1:]
    return written


def read_number(text: str, *, percent: bool = True) -> Decimal:
    """Read a number as written, exactly: "1,209", "-7", "−7", "15.9", "7%" (7), "1.5E+3".

    Args:
        text: The number as written.
        percent: Whether a trailing percent sign is allowed ("7%" reads as 7).

    Raises:
        WrittenValueError: The text is not a number, or its size is absurd (the model's
            limits on numbers apply).
    """
    written = _number_text(text)
    if percent and written.endswith("%"):
        written = written[:-1].rstrip()
    if len(written) > _MAX_DIGITS or not _NUMBER.fullmatch(written):
        raise WrittenValueError("expected a number such as 1,209, -7 or 15.9", text)
    try:
        number = Decimal(written.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise WrittenValueError("expected a number such as 1,209, -7 or 15.9", text) from None
    if not -100 <= number.adjusted() <= 100:
        raise WrittenValueError(
            "expected a number whose decimal exponent is -100 to 100 (from 1E-100 to below 1E+101)",
            text,
        )
    return number


def read_whole_number(text: str) -> int:
    """Read a whole number as written: "1,209", "-3", "+12".

    Raises:
        WrittenValueError: The text is not a whole number.
    """
    written = _number_text(text)
    if len(written) > _MAX_DIGITS or not _WHOLE.fullmatch(written):
        raise WrittenValueError("expected a whole number such as 1,209 or -3", text)
    return int(written.replace(",", ""))
