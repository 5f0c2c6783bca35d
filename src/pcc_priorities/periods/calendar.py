"""Calendar arithmetic for reporting periods: months, month ends and the UK financial year.

Pure functions of dates, with no knowledge of the model; month arithmetic uses
:class:`dateutil.relativedelta.relativedelta`. The financial year of police forces and
policing bodies in England and Wales runs from 1 April to 31 March, and its quarters are
Q1 April-June, Q2 July-September, Q3 October-December and Q4 January-March.

"""

from __future__ import annotations

import calendar
from datetime import date

from dateutil.relativedelta import relativedelta

from pcc_priorities.exceptions import PeriodError

__all__ = [
    "FINANCIAL_YEAR_START_MONTH",
    "MONTH_NAMES",
    "add_months",
    "day_label",
    "financial_quarter_number",
    "financial_year_label",
    "financial_year_of",
    "is_month_end",
    "is_month_start",
    "month_end",
    "month_label",
    "month_start",
    "whole_months",
]


#: The month the financial year starts in (April).
FINANCIAL_YEAR_START_MONTH = 4

#: English month names, independent of the locale (``calendar.month_name`` is not).
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_start(year: int, month: int) -> date:
    """Return the first day of ``month`` in ``year``."""
    return date(year, month, 1)


def month_end(year: int, month: int) -> date:
    """Return the last day of ``month`` in ``year`` (29 February in a leap year)."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by ``months`` whole months (the day clamped to the month's end).

    Raises:
        PeriodError: The result is outside the years 1 to 9999.
    """
    try:
        return day + relativedelta(months=months)
    except (ValueError, OverflowError):
        raise PeriodError(
            f"{months} months from {day.isoformat()} is outside the years 1 to 9999"
        ) from None


def is_month_start(day: date) -> bool:
    """Return whether ``day`` is the first day of its month."""
    return day.day == 1


def is_month_end(day: date) -> bool:
    """Return whether ``day`` is the last day of its month."""
    return day.day == calendar.monthrange(day.year, day.month)[1]


def whole_months(start: date, end: date) -> int | None:
    """Return how many whole calendar months ``start`` to ``end`` spans, or None.

    None unless ``start`` is the first of a month and ``end`` the last day of a month.
    """
    if not (is_month_start(start) and is_month_end(end)) or end < start:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def financial_year_of(day: date) -> int:
    """Return the year in which the financial year holding ``day`` starts (2023 for 2023/24)."""
    return day.year if day.month >= FINANCIAL_YEAR_START_MONTH else day.year - 1


def financial_quarter_number(day: date) -> int:
    """Return the financial-year quarter (1-4) that holds ``day``: Q1 is April to June."""
    return (day.month - FINANCIAL_YEAR_START_MONTH) % 12 // 3 + 1


def financial_year_label(start_year: int) -> str:
    """Return the financial year starting in ``start_year`` as written: ``"2023/24"``."""
    return f"{start_year:04}/{(start_year + 1) % 100:02}"


def month_label(day: date) -> str:
    """Return the month of ``day`` as written: ``"June 2023"``."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year:04}"


def day_label(day: date) -> str:
    """Return ``day`` as written in UK style: ``"5 August 2023"``."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year:04}"
