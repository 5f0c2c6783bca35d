"""The kinds of reporting period, what dates fit each, and the labels this library writes.

Pure functions of dates and partial dates, used by :class:`~pcc_priorities.periods.
ReportingPeriod`. A period's ends are each a :class:`~datetime.date` (known to the day), a
:class:`~pcc_priorities.periods.PartialDate` known only to the month or the year, or not
known at all (None): the functions here say what can be said for certain and nothing more.

"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import TypeAlias

from pcc_priorities.periods.calendar import (
    FINANCIAL_YEAR_START_MONTH,
    MONTH_NAMES,
    day_label,
    financial_quarter_number,
    financial_year_label,
    financial_year_of,
    is_month_end,
    month_label,
    whole_months,
)
from pcc_priorities.periods.dates import PartialDate

__all__ = [
    "PeriodBound",
    "PeriodKind",
    "bound_earliest",
    "bound_label",
    "bound_latest",
    "bound_text",
    "exact_kind_problem",
    "exact_label",
    "label_only_words",
    "partial_kind_problem",
    "partial_label",
]


class PeriodKind(StrEnum):
    """The form in which a reporting period is written."""

    #: "2022/23": 1 April to 31 March.
    FINANCIAL_YEAR = "financial_year"
    #: "Q1 2023/24": Q1 is April to June.
    FINANCIAL_QUARTER = "financial_quarter"
    CALENDAR_YEAR = "calendar_year"
    #: "October–December 2022".
    CALENDAR_QUARTER = "calendar_quarter"
    MONTH = "month"
    #: A run of two or more whole months that is not a calendar quarter ("April to July 2023").
    MONTHS = "months"
    #: From 1 April to a later day of the same financial year, usually a month's end
    #: ("YTD (Apr-June 23)").
    YEAR_TO_DATE = "year_to_date"
    #: Whole months up to a month ("rolling 12 months to June 2023", "year ending June 2019").
    ROLLING = "rolling"
    #: Any span of days ("1st October 2019 – 30th September 2022").
    DATE_RANGE = "date_range"
    #: A single day.
    DAY = "day"
    #: A run of years known by its years alone, as plans write their periods ("2022-27",
    #: "2020/24", "2022-2026"): whether calendar or financial years is not said.
    YEARS = "years"


#: An end of a period: a day, or a date known only to the month or the year.
PeriodBound: TypeAlias = date | PartialDate

_CALENDAR_QUARTER_MONTHS = (1, 4, 7, 10)


def bound_earliest(bound: PeriodBound) -> date:
    """The first day ``bound`` can stand for."""
    return bound if isinstance(bound, date) else bound.earliest


def bound_latest(bound: PeriodBound) -> date:
    """The last day ``bound`` can stand for."""
    return bound if isinstance(bound, date) else bound.latest


def bound_text(bound: PeriodBound) -> str:
    """``bound`` as written: "5 August 2023", "August 2023" or "2023"."""
    if isinstance(bound, date):
        return day_label(bound)
    if bound.month is None:
        return f"{bound.year:04}"
    return f"{MONTH_NAMES[bound.month - 1]} {bound.year:04}"


def bound_label(bound: PeriodBound) -> str:
    """``bound`` as the period reader reads it back.

    A month not known to the day is "some day in August 2023"; plain "August 2023" is the
    whole month, from its first day to its last.
    """
    if isinstance(bound, PartialDate) and bound.month is not None:
        return f"some day in {bound_text(bound)}"
    return bound_text(bound)


# --------------------------------------------------------------------------- exact periods


@lru_cache(maxsize=4096)
def exact_kind_problem(start: date, end: date, kind: PeriodKind | None) -> str | None:
    """Say why the days ``start`` to ``end`` cannot be a period of ``kind``; None if they can.

    Pure and often asked of the same periods (a statement repeats its quarter), so cached.

    A ``months`` period is at least two whole months that are not exactly a calendar quarter
    (those are a ``month`` and a ``calendar_quarter``, as the parser reads them).
    """
    months = whole_months(start, end)
    quarter_start = start.month in _CALENDAR_QUARTER_MONTHS
    match kind:
        case PeriodKind.FINANCIAL_YEAR:
            fits = (start.month, start.day, end.month, end.day) == (4, 1, 3, 31) and (
                end.year == start.year + 1
            )
            expected = "a financial year runs from 1 April to 31 March of the next year"
        case PeriodKind.FINANCIAL_QUARTER:
            fits = months == 3 and quarter_start
            expected = (
                "a financial-year quarter is April-June, July-September, "
                "October-December or January-March"
            )
        case PeriodKind.CALENDAR_YEAR:
            fits = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
                start.year == end.year
            )
            expected = "a calendar year runs from 1 January to 31 December"
        case PeriodKind.CALENDAR_QUARTER:
            fits = months == 3 and quarter_start
            expected = (
                "a calendar quarter is January-March, April-June, July-September or "
                "October-December"
            )
        case PeriodKind.MONTH:
            fits = months == 1
            expected = "a month runs from its first day to its last"
        case PeriodKind.MONTHS:
            fits = months is not None and months >= 2 and not (months == 3 and quarter_start)
            expected = (
                "a run of months is two or more whole months that are not exactly a "
                "calendar quarter (use kind month or calendar_quarter for those)"
            )
        case PeriodKind.YEAR_TO_DATE:
            fits = start == date(financial_year_of(end), FINANCIAL_YEAR_START_MONTH, 1)
            expected = "a year to date runs from 1 April to a day in the same financial year"
        case PeriodKind.ROLLING:
            fits = months is not None
            expected = "a rolling period is whole months, from a 1st to a month's end"
        case PeriodKind.DAY:
            fits = start == end
            expected = "a day period starts and ends on the same day"
        case PeriodKind.YEARS:
            fits = (
                (start.month, start.day) in ((1, 1), (4, 1))
                and (end.month, end.day) in ((12, 31), (3, 31))
                and months is not None
                and months >= 12
                and months % 12 == 0
            )
            expected = (
                "a run of years is whole calendar or financial years, from 1 January or "
                "1 April to 31 December or 31 March"
            )
        case _:  # a date range, or no kind
            return None
    if fits:
        return None
    return f"{expected}; this period runs from {day_label(start)} to {day_label(end)}"


def _month_run_label(start: date, end: date) -> str:
    if start.year == end.year:
        return f"{MONTH_NAMES[start.month - 1]} to {month_label(end)}"
    return f"{month_label(start)} to {month_label(end)}"


def exact_label(start: date, end: date, kind: PeriodKind | None) -> str:
    """The canonical label of the days ``start`` to ``end`` as a period of ``kind``.

    A period with no kind, a run of years known to the day, or dates that do not fit the
    kind, is labelled by its dates.
    """
    dates = day_label(start) if start == end else f"{day_label(start)} to {day_label(end)}"
    if kind is None or exact_kind_problem(start, end, kind) is not None:
        return dates
    match kind:
        case PeriodKind.FINANCIAL_YEAR:
            return financial_year_label(start.year)
        case PeriodKind.FINANCIAL_QUARTER:
            return (
                f"Q{financial_quarter_number(start)} "
                f"{financial_year_label(financial_year_of(start))}"
            )
        case PeriodKind.CALENDAR_YEAR:
            return f"{start.year:04}"
        case PeriodKind.CALENDAR_QUARTER | PeriodKind.MONTHS:
            return _month_run_label(start, end)
        case PeriodKind.MONTH:
            return month_label(start)
        case PeriodKind.YEAR_TO_DATE:
            to = month_label(end) if is_month_end(end) else day_label(end)
            return f"year to date to {to}"
        case PeriodKind.ROLLING:
            count = whole_months(start, end)
            return f"{count} month{'' if count == 1 else 's'} to {month_label(end)}"
        case PeriodKind.DATE_RANGE:
            return f"{day_label(start)} to {day_label(end)}"
        case _:
            return dates


# --------------------------------------------------------------------------- partial periods

#: The fewest and most days a period of each kind can span, for periods whose days are not
#: all known: a partial period contradicts its kind when no length it could have fits.
_KIND_DAYS: dict[PeriodKind, tuple[int, int]] = {
    PeriodKind.FINANCIAL_YEAR: (365, 366),
    PeriodKind.FINANCIAL_QUARTER: (90, 92),
    PeriodKind.CALENDAR_YEAR: (365, 366),
    PeriodKind.CALENDAR_QUARTER: (90, 92),
    PeriodKind.MONTH: (28, 31),
    PeriodKind.MONTHS: (59, 10**7),
    PeriodKind.YEAR_TO_DATE: (1, 366),
    PeriodKind.ROLLING: (28, 10**7),
    PeriodKind.DAY: (1, 1),
    PeriodKind.YEARS: (365, 10**7),
}

_KIND_NAMES = {
    PeriodKind.FINANCIAL_YEAR: "a financial year",
    PeriodKind.FINANCIAL_QUARTER: "a quarter",
    PeriodKind.CALENDAR_YEAR: "a calendar year",
    PeriodKind.CALENDAR_QUARTER: "a calendar quarter",
    PeriodKind.MONTH: "a month",
    PeriodKind.MONTHS: "a run of months",
    PeriodKind.YEAR_TO_DATE: "a year to date",
    PeriodKind.ROLLING: "a rolling period",
    PeriodKind.DAY: "a day",
    PeriodKind.YEARS: "a run of years",
}


def _days_word(count: int) -> str:
    return f"{count:,} day{'' if count == 1 else 's'}"


def partial_kind_problem(
    start: PeriodBound | None, end: PeriodBound | None, kind: PeriodKind | None
) -> str | None:
    """Say why a period whose days are not all known cannot be of ``kind``; None if it can.

    Only what is certain is reported: the period's possible lengths (from the earliest and
    latest days each end can stand for) share none with the lengths a period of ``kind``
    has, or a year to date that is known to start in a month other than April.
    """
    if kind is None or kind is PeriodKind.DATE_RANGE:
        return None
    name = _KIND_NAMES[kind]
    if kind is PeriodKind.YEAR_TO_DATE and start is not None:
        month = start.month
        if month is not None and month != FINANCIAL_YEAR_START_MONTH:
            where = "on" if isinstance(start, date) else "in"
            return (
                f"a year to date starts on 1 April; this period starts {where} {bound_text(start)}"
            )
    if start is None or end is None:
        return None
    shortest = (bound_earliest(end) - bound_latest(start)).days + 1
    longest = (bound_latest(end) - bound_earliest(start)).days + 1
    low, high = _KIND_DAYS[kind]
    if longest < low or shortest > high:
        span = (
            _days_word(longest)
            if shortest == longest
            else f"between {_days_word(max(shortest, 1))} and {_days_word(longest)}"
        )
        length = _days_word(low) if low == high else f"{low:,} to {high:,} days"
        if high >= 10**7:
            length = f"at least {_days_word(low)}"
        return (
            f"{name} spans {length}; this period, from {bound_text(start)} to "
            f"{bound_text(end)}, spans {span}"
        )
    return None


#: How a period known only by its label is named, by kind; reading these words gives back a
#: period of that kind whose days are not known.
_LABEL_ONLY = {
    PeriodKind.FINANCIAL_YEAR: "the financial year",
    PeriodKind.FINANCIAL_QUARTER: "the quarter",
    PeriodKind.CALENDAR_YEAR: "the calendar year",
    PeriodKind.CALENDAR_QUARTER: "the calendar quarter",
    PeriodKind.MONTH: "the month",
    PeriodKind.MONTHS: "the months",
    PeriodKind.YEAR_TO_DATE: "the year to date",
    PeriodKind.ROLLING: "the rolling year",
    PeriodKind.DATE_RANGE: "the date range",
    PeriodKind.DAY: "the day",
    PeriodKind.YEARS: "the years",
}


def label_only_words(kind: PeriodKind) -> str:
    """The words this library writes for a period of ``kind`` whose days are not known."""
    return _LABEL_ONLY[kind]


def partial_label(
    start: PeriodBound | None,
    end: PeriodBound | None,
    kind: PeriodKind | None,
) -> str:
    """The canonical label of a period whose days are not all known.

    "2022 to 2027" (a run of years), "since 1 March 2023", "up to 2025", "2022 to 31 March
    2027"; a period known by its label alone is named by its kind ("the quarter"), or by
    its label where it has no kind.
    """
    if start is None and end is None:
        return _LABEL_ONLY[kind] if kind is not None else "the period"
    if end is None:
        assert start is not None
        return f"since {bound_label(start)}"
    if start is None:
        return f"up to {bound_label(end)}"
    return f"{bound_label(start)} to {bound_label(end)}"
