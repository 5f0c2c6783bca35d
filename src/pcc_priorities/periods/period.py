"""Reporting periods: a span of days that figures are reported for, with its kind and label."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

import attrs
from attrs import field, frozen
from dateutil.relativedelta import relativedelta

from pcc_priorities._typecheck import typed_fields
from pcc_priorities.exceptions import PeriodError
from pcc_priorities.periods.calendar import (
    FINANCIAL_YEAR_START_MONTH,
    MONTH_NAMES,
    add_months,
    day_label,
    financial_quarter_number,
    financial_year_label,
    financial_year_of,
    is_month_end,
    month_end,
    month_label,
    whole_months,
)

__all__ = ["PeriodKind", "ReportingPeriod"]


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


_CALENDAR_QUARTER_MONTHS = (1, 4, 7, 10)


def _period_date(year: int, month: int, day: int) -> date:
    """Return the date, or raise PeriodError saying why it is not one."""
    try:
        return date(year, month, day)
    except ValueError as error:
        raise PeriodError(f"{year:04}-{month:02}-{day:02} is not a date: {error}") from None


def _check_quarter(quarter: int) -> None:
    if not 1 <= quarter <= 4:
        raise PeriodError(f"quarter {quarter} does not exist; quarters are Q1 to Q4")


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise PeriodError(f"month {month} does not exist; months are 1 (January) to 12")


def _month_run_label(start: date, end: date) -> str:
    if start.year == end.year:
        return f"{MONTH_NAMES[start.month - 1]} to {month_label(end)}"
    return f"{month_label(start)} to {month_label(end)}"


@frozen(kw_only=True, field_transformer=typed_fields)
class ReportingPeriod:
    """A span of days that figures are reported for, with the label as published.

    Build one with a constructor (:meth:`financial_year`, :meth:`financial_quarter`,
    :meth:`month`, :meth:`rolling`...) or read one with :meth:`parse`. Constructed and shifted
    periods have no ``label``: nothing was published for them; :meth:`canonical_label` gives
    the label this library writes for any period. Dates are inclusive at both ends. See
    ``docs/periods.md`` for the forms and the UK financial-year conventions.

    Attributes:
        start: The first day of the period.
        end: The last day of the period (inclusive; not before ``start``).
        label: The period as the statement writes it ("Q1 23/24", "YTD (Apr-June 23)").
        kind: The form of the period, where known.
    """

    start: date
    end: date = field()
    label: str | None = None
    kind: PeriodKind | None = None

    @end.validator
    def _check_order(self, _attribute: attrs.Attribute[date], end: date) -> None:
        if end < self.start:
            raise ValueError(f"period ends ({end}) before it starts ({self.start})")

    # ----------------------------------------------------------------------- constructors

    @classmethod
    def financial_year(cls, start_year: int) -> ReportingPeriod:
        """The financial year from 1 April ``start_year`` to 31 March after it ("2023/24").

        Raises:
            PeriodError: The year is out of range.
        """
        return cls(
            start=_period_date(start_year, FINANCIAL_YEAR_START_MONTH, 1),
            end=_period_date(start_year + 1, FINANCIAL_YEAR_START_MONTH - 1, 31),
            kind=PeriodKind.FINANCIAL_YEAR,
        )

    @classmethod
    def financial_quarter(cls, start_year: int, quarter: int) -> ReportingPeriod:
        """Quarter ``quarter`` of the financial year starting in ``start_year``.

        Q1 is April-June, Q2 July-September, Q3 October-December, Q4 January-March (of the
        next calendar year): ``financial_quarter(2023, 4)`` is January-March 2024.

        Raises:
            PeriodError: The quarter is not 1-4, or the year is out of range.
        """
        _check_quarter(quarter)
        start = add_months(_period_date(start_year, FINANCIAL_YEAR_START_MONTH, 1), 3 * quarter - 3)
        last = add_months(start, 2)
        return cls(
            start=start,
            end=month_end(last.year, last.month),
            kind=PeriodKind.FINANCIAL_QUARTER,
        )

    @classmethod
    def calendar_year(cls, year: int) -> ReportingPeriod:
        """The calendar year ``year``, 1 January to 31 December.

        Raises:
            PeriodError: The year is out of range.
        """
        return cls(
            start=_period_date(year, 1, 1),
            end=_period_date(year, 12, 31),
            kind=PeriodKind.CALENDAR_YEAR,
        )

    @classmethod
    def calendar_quarter(cls, year: int, quarter: int) -> ReportingPeriod:
        """Calendar quarter ``quarter`` of ``year``: 1 is January-March, 4 October-December.

        Raises:
            PeriodError: The quarter is not 1-4, or the year is out of range.
        """
        _check_quarter(quarter)
        first = 3 * quarter - 2
        return cls(
            start=_period_date(year, first, 1),
            end=month_end(year, first + 2),
            kind=PeriodKind.CALENDAR_QUARTER,
        )

    @classmethod
    def month(cls, year: int, month: int) -> ReportingPeriod:
        """The calendar month ``month`` (1-12) of ``year``.

        Raises:
            PeriodError: The month is not 1-12, or the year is out of range.
        """
        _check_month(month)
        start = _period_date(year, month, 1)
        return cls(start=start, end=month_end(year, month), kind=PeriodKind.MONTH)

    @classmethod
    def months(cls, first: tuple[int, int], last: tuple[int, int]) -> ReportingPeriod:
        """The whole months from ``first`` to ``last``, each a ``(year, month)`` pair.

        The kind is what the parser reads for the same words: one month is a ``month``, three
        months that make a calendar quarter ("October to December 2022") a
        ``calendar_quarter``, anything else ``months``.

        Raises:
            PeriodError: A month is not 1-12, or ``last`` is before ``first``.
        """
        _check_month(first[1])
        _check_month(last[1])
        start = _period_date(first[0], first[1], 1)
        end = month_end(last[0], _period_date(last[0], last[1], 1).month)
        if end < start:
            raise PeriodError(
                f"the run of months ends ({month_label(end)}) before it starts "
                f"({month_label(start)})"
            )
        count = whole_months(start, end)
        kind = PeriodKind.MONTHS
        if count == 1:
            kind = PeriodKind.MONTH
        elif count == 3 and start.month in _CALENDAR_QUARTER_MONTHS:
            kind = PeriodKind.CALENDAR_QUARTER
        return cls(start=start, end=end, kind=kind)

    @classmethod
    def year_to_date(cls, year: int, month: int, day: int | None = None) -> ReportingPeriod:
        """From 1 April to the end of ``month`` of ``year`` (or to ``day``, where given).

        ``year_to_date(2023, 7)`` is 1 April to 31 July 2023; ``year_to_date(2024, 2)`` is
        1 April 2023 to 29 February 2024: a year to date never leaves its financial year.

        Raises:
            PeriodError: The month or day does not exist.
        """
        _check_month(month)
        end = month_end(year, month) if day is None else _period_date(year, month, day)
        start = _period_date(financial_year_of(end), FINANCIAL_YEAR_START_MONTH, 1)
        return cls(start=start, end=end, kind=PeriodKind.YEAR_TO_DATE)

    @classmethod
    def rolling(cls, year: int, month: int, months: int = 12) -> ReportingPeriod:
        """The ``months`` whole months up to and including ``month`` of ``year``.

        ``rolling(2023, 6)`` is "12 months to June 2023" (1 July 2022 to 30 June 2023), which
        ONS writes "year ending June 2023".

        Raises:
            PeriodError: The month does not exist, or ``months`` is less than 1.
        """
        _check_month(month)
        if months < 1:
            raise PeriodError(f"a rolling period needs at least one month, got {months}")
        end = month_end(year, month)
        start = add_months(_period_date(year, month, 1), 1 - months)
        return cls(start=start, end=end, kind=PeriodKind.ROLLING)

    @classmethod
    def date_range(cls, start: date, end: date) -> ReportingPeriod:
        """The days from ``start`` to ``end``, both included.

        Raises:
            PeriodError: ``end`` is before ``start``.
        """
        if end < start:
            raise PeriodError(
                f"the range ends ({day_label(end)}) before it starts ({day_label(start)})"
            )
        return cls(start=start, end=end, kind=PeriodKind.DATE_RANGE)

    @classmethod
    def day(cls, value: date) -> ReportingPeriod:
        """The single day ``value``."""
        return cls(start=value, end=value, kind=PeriodKind.DAY)

    @classmethod
    def financial_year_containing(cls, value: date) -> ReportingPeriod:
        """The financial year that ``value`` falls in (5 August 2023 is in 2023/24)."""
        return cls.financial_year(financial_year_of(value))

    @classmethod
    def financial_quarter_containing(cls, value: date) -> ReportingPeriod:
        """The financial-year quarter that ``value`` falls in (5 August 2023: Q2 2023/24)."""
        return cls.financial_quarter(financial_year_of(value), financial_quarter_number(value))

    # ----------------------------------------------------------------------- relations

    @property
    def days(self) -> int:
        """How many days the period spans, both ends included."""
        return (self.end - self.start).days + 1

    @property
    def whole_months(self) -> int | None:
        """How many whole calendar months the period spans; None unless it is whole months."""
        return whole_months(self.start, self.end)

    def contains(self, other: ReportingPeriod | date) -> bool:
        """Return whether ``other`` (a period or a day) lies wholly inside this period."""
        if isinstance(other, ReportingPeriod):
            return self.start <= other.start and other.end <= self.end
        return self.start <= other <= self.end

    def overlaps(self, other: ReportingPeriod) -> bool:
        """Return whether this period and ``other`` share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def year_earlier(self) -> ReportingPeriod:
        """The same period one year earlier, of the same kind and without a label.

        A period of whole months stays whole months (February 2024, to the 29th, a year
        earlier is February 2023, to the 28th). Otherwise each date moves by one year.

        Raises:
            PeriodError: A date is 29 February that does not end a month run, so it has no
                same day a year earlier.
        """
        return self._shift_years(-1)

    def year_later(self) -> ReportingPeriod:
        """The same period one year later: the inverse of :meth:`year_earlier`.

        Raises:
            PeriodError: A date is 29 February that does not end a month run.
        """
        return self._shift_years(1)

    def previous(self) -> ReportingPeriod:
        """The period of the same kind and length just before this one, without a label.

        Q1 2023/24 gives Q4 2022/23; 2023/24 gives 2022/23; June 2023 gives May 2023; "12
        months to June 2023" gives "12 months to June 2022"; a run of days gives as many days
        before it.

        Raises:
            PeriodError: The period is a year to date, which has no period of its own kind
                before it (compare with :meth:`year_earlier` instead).
        """
        return self._step(-1)

    def following(self) -> ReportingPeriod:
        """The period of the same kind and length just after this one.

        The inverse of :meth:`previous`.

        Raises:
            PeriodError: The period is a year to date.
        """
        return self._step(1)

    def _shift_years(self, years: int) -> ReportingPeriod:
        shift = relativedelta(years=years)
        try:
            start = self.start + shift
            if self.whole_months is not None:
                moved = self.end.replace(day=1) + shift
                end = month_end(moved.year, moved.month)
            else:
                end = self.end + shift
        except (ValueError, OverflowError):
            raise PeriodError(
                f"{self.canonical_label()} moved by {years} years is out of range"
            ) from None
        checked = (self.start,) if self.whole_months is not None else (self.start, self.end)
        for old in checked:
            if (old.month, old.day) == (2, 29):
                raise PeriodError(
                    f"{day_label(old)} has no same day {abs(years)} year"
                    f"{'' if abs(years) == 1 else 's'} {'earlier' if years < 0 else 'later'}"
                )
        return ReportingPeriod(start=start, end=end, kind=self.kind)

    def _step(self, direction: int) -> ReportingPeriod:
        if self.kind is PeriodKind.YEAR_TO_DATE:
            raise PeriodError(
                "a year to date has no period of its own kind before or after it; compare "
                "it with the same months a year earlier (year_earlier())"
            )
        try:
            months = self.whole_months
            if months is not None:
                start = add_months(self.start, direction * months)
                last = add_months(start, months - 1)
                end = month_end(last.year, last.month)
            else:
                length = timedelta(days=self.days)
                start = self.start + direction * length
                end = self.end + direction * length
        except (ValueError, OverflowError):
            raise PeriodError(
                f"the period next to {self.canonical_label()} is out of range"
            ) from None
        return ReportingPeriod(start=start, end=end, kind=self.kind)

    # ----------------------------------------------------------------------- labels

    def kind_problem(self) -> str | None:
        """Say why the dates do not fit the period's kind; None when they fit or no kind is set.

        A ``months`` period is at least two whole months that are not exactly a calendar
        quarter (those are a ``month`` and a ``calendar_quarter``, as the parser reads them).
        """
        start, end, months = self.start, self.end, self.whole_months
        quarter_start = start.month in _CALENDAR_QUARTER_MONTHS
        match self.kind:
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
            case _:  # a date range, or no kind
                return None
        if fits:
            return None
        return f"{expected}; this period runs from {day_label(start)} to {day_label(end)}"

    def canonical_label(self) -> str:
        """The label this library writes for the period; :meth:`parse` reads it back.

        "2023/24", "Q1 2023/24", "2023", "October to December 2022", "June 2023", "April to
        July 2023", "year to date to July 2023", "12 months to June 2023", "1 October 2019 to
        30 September 2022", "5 August 2023". A period with no kind, or whose dates do not
        fit its kind (see :meth:`kind_problem`), is labelled by its dates.
        """
        start, end = self.start, self.end
        if self.kind is None or self.kind_problem() is not None:
            return day_label(start) if start == end else f"{day_label(start)} to {day_label(end)}"
        match self.kind:
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
                count = self.whole_months
                return f"{count} month{'' if count == 1 else 's'} to {month_label(end)}"
            case PeriodKind.DAY:
                return day_label(start)
            case _:
                return f"{day_label(start)} to {day_label(end)}"
