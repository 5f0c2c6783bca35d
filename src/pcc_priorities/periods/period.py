"""Reporting periods: a span of days that figures are reported for, with its kind and label.

A period's ends are usually days. A statement may give less: a plan period known only by its
years ("2022-27"), a period known only by its label ("the quarter"), or one end only ("since
March 2023"). Such a period is *partial*: each end is a :class:`~datetime.date`, a
:class:`~pcc_priorities.periods.PartialDate` known only to the month or the year, or None,
and nothing invents the days the statement did not give.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from attrs import field, frozen
from dateutil.relativedelta import relativedelta

from pcc_priorities._typecheck import typed_fields
from pcc_priorities.exceptions import PeriodError
from pcc_priorities.periods.calendar import (
    FINANCIAL_YEAR_START_MONTH,
    add_months,
    day_label,
    financial_quarter_number,
    financial_year_of,
    month_end,
    month_label,
    whole_months,
)
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.kinds import (
    PeriodBound,
    PeriodKind,
    bound_earliest,
    bound_latest,
    bound_text,
    exact_kind_problem,
    exact_label,
    partial_kind_problem,
    partial_label,
)

__all__ = ["PeriodBound", "PeriodKind", "ReportingPeriod"]


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


@frozen(kw_only=True, field_transformer=typed_fields)
class ReportingPeriod:
    """A span of days that figures are reported for, with the label as published.

    Build one with a constructor (:meth:`financial_year`, :meth:`financial_quarter`,
    :meth:`month`, :meth:`rolling`...) or read one with
    :func:`~pcc_priorities.periods.parse_period`. Constructed and shifted periods have no
    ``label``: nothing was published for them; :meth:`canonical_label` gives the label this
    library writes for any period. Dates are inclusive at both ends. See ``docs/periods.md``
    for the forms and the UK financial-year conventions.

    A period is *exact* when both ends are days (``date``); otherwise it is *partial*: an end
    known only to the month or year is a :class:`PartialDate`, an end not known at all is
    None, and a period known by its label alone has neither end. :attr:`dates` gives the days
    of an exact period (None for a partial one); the arithmetic that needs days (:attr:`days`,
    :meth:`previous`, :meth:`year_earlier`, :meth:`contains`...) raises
    :class:`~pcc_priorities.exceptions.PeriodError` for a partial period rather than guess.
    A period is stored as published even where its dates contradict its kind:
    :meth:`kind_problem` says so.

    Attributes:
        start: The first day of the period; a date known only to the month or the year
            where the statement gives no day; None where it gives no start.
        end: The last day of the period (inclusive; not before ``start``); a partial date or
            None as for ``start``.
        label: The period as the statement writes it ("Q1 23/24", "YTD (Apr-June 23)").
        kind: The form of the period, where known.
    """

    start: date | PartialDate | None = None
    end: date | PartialDate | None = field(default=None)
    label: str | None = None
    kind: PeriodKind | None = None

    @end.validator
    def _check_order(
        self, _attribute: attrs.Attribute[date | PartialDate | None], end: PeriodBound | None
    ) -> None:
        start = self.start
        for name, bound in (("start", start), ("end", end)):
            if isinstance(bound, PartialDate) and bound.day is not None:
                raise ValueError(
                    f"the period's {name} is known to the day: give it as a date "
                    f"({bound.earliest.isoformat()}), not a PartialDate"
                )
        if start is None and end is None and self.label is None:
            raise ValueError("a period needs its dates, or at least the label it is known by")
        if isinstance(start, date) and isinstance(end, date):
            if end < start:
                raise ValueError(f"period ends ({end}) before it starts ({start})")
        elif start is not None and end is not None and bound_latest(end) < bound_earliest(start):
            raise ValueError(
                f"period ends ({bound_text(end)}) before it starts ({bound_text(start)})"
            )

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
    def years(cls, first: int, last: int) -> ReportingPeriod:
        """The years ``first`` to ``last`` known by their years alone, as plans write them.

        "2022-27" is ``years(2022, 2027)``: it starts in 2022 and ends in 2027, and which days
        (calendar or financial years) is not said, so the period is partial.

        Raises:
            PeriodError: ``last`` is before ``first``, or a year is out of range.
        """
        if not (1 <= first <= 9999 and 1 <= last <= 9999):
            raise PeriodError(f"the years {first} to {last} are out of range 1-9999")
        if last < first:
            raise PeriodError(f"the run of years ends ({last}) before it starts ({first})")
        return cls(start=PartialDate(year=first), end=PartialDate(year=last), kind=PeriodKind.YEARS)

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

    # ----------------------------------------------------------------------- what is known

    @property
    def exact(self) -> bool:
        """Whether both ends are known to the day."""
        return isinstance(self.start, date) and isinstance(self.end, date)

    @property
    def dates(self) -> tuple[date, date] | None:
        """The first and last day of an exact period; None for a partial one."""
        start, end = self.start, self.end
        if isinstance(start, date) and isinstance(end, date):
            return start, end
        return None

    @property
    def earliest_start(self) -> date | None:
        """The earliest day the period can start on; None if its start is not known."""
        return None if self.start is None else bound_earliest(self.start)

    @property
    def latest_start(self) -> date | None:
        """The latest day the period can start on; None if its start is not known."""
        return None if self.start is None else bound_latest(self.start)

    @property
    def earliest_end(self) -> date | None:
        """The earliest day the period can end on; None if its end is not known."""
        return None if self.end is None else bound_earliest(self.end)

    @property
    def latest_end(self) -> date | None:
        """The latest day the period can end on; None if its end is not known."""
        return None if self.end is None else bound_latest(self.end)

    def exact_dates(self) -> tuple[date, date]:
        """The first and last day, for code that needs a period known to the day.

        Raises:
            PeriodError: The period is partial; the message says what is known of it.
        """
        found = self.dates
        if found is None:
            raise PeriodError(
                f"the days of {self.canonical_label()!r} are not known "
                f"({self._known()}); only a period known to the day can be counted, "
                "compared or shifted"
            )
        return found

    def _known(self) -> str:
        if self.start is None and self.end is None:
            return "it is known by its label alone"
        parts = []
        if self.start is not None:
            parts.append(f"it starts {_bound_phrase(self.start)}")
        else:
            parts.append("its start is not stated")
        if self.end is not None:
            parts.append(f"ends {_bound_phrase(self.end)}")
        else:
            parts.append("its end is not stated")
        return " and ".join(parts)

    @property
    def length_in_days(self) -> tuple[int, int] | None:
        """The fewest and most days the period can span; None unless both ends are known."""
        if self.start is None or self.end is None:
            return None
        shortest = (bound_earliest(self.end) - bound_latest(self.start)).days + 1
        longest = (bound_latest(self.end) - bound_earliest(self.start)).days + 1
        return max(shortest, 1), longest

    # ----------------------------------------------------------------------- relations

    @property
    def days(self) -> int:
        """How many days the period spans, both ends included.

        Raises:
            PeriodError: The period is partial (see :attr:`length_in_days`).
        """
        start, end = self.exact_dates()
        return (end - start).days + 1

    @property
    def whole_months(self) -> int | None:
        """How many whole calendar months the period spans; None unless it is whole months.

        None for a partial period too: its days are not known.
        """
        found = self.dates
        return None if found is None else whole_months(*found)

    def contains(self, other: ReportingPeriod | date) -> bool:
        """Return whether ``other`` (a period or a day) lies wholly inside this period.

        Raises:
            PeriodError: This period or ``other`` is partial.
        """
        start, end = self.exact_dates()
        if isinstance(other, ReportingPeriod):
            other_start, other_end = other.exact_dates()
            return start <= other_start and other_end <= end
        return start <= other <= end

    def overlaps(self, other: ReportingPeriod) -> bool:
        """Return whether this period and ``other`` share at least one day.

        Raises:
            PeriodError: This period or ``other`` is partial.
        """
        start, end = self.exact_dates()
        other_start, other_end = other.exact_dates()
        return start <= other_end and other_start <= end

    def year_earlier(self) -> ReportingPeriod:
        """The same period one year earlier, of the same kind and without a label.

        A period of whole months stays whole months (February 2024, to the 29th, a year
        earlier is February 2023, to the 28th). Otherwise each date moves by one year.

        Raises:
            PeriodError: A date is 29 February that does not end a month run, so it has no
                same day a year earlier; or the period is partial.
        """
        return self._shift_years(-1)

    def year_later(self) -> ReportingPeriod:
        """The same period one year later: the inverse of :meth:`year_earlier`.

        Raises:
            PeriodError: A date is 29 February that does not end a month run; or the
                period is partial.
        """
        return self._shift_years(1)

    def previous(self) -> ReportingPeriod:
        """The period of the same kind and length just before this one, without a label.

        Q1 2023/24 gives Q4 2022/23; 2023/24 gives 2022/23; June 2023 gives May 2023; "12
        months to June 2023" gives "12 months to June 2022"; a run of days gives as many days
        before it.

        Raises:
            PeriodError: The period is a year to date, which has no period of its own kind
                before it (compare with :meth:`year_earlier` instead); or it is partial.
        """
        return self._step(-1)

    def following(self) -> ReportingPeriod:
        """The period of the same kind and length just after this one.

        The inverse of :meth:`previous`.

        Raises:
            PeriodError: The period is a year to date, or partial.
        """
        return self._step(1)

    def _shift_years(self, years: int) -> ReportingPeriod:
        first, last = self.exact_dates()
        shift = relativedelta(years=years)
        try:
            start = first + shift
            if self.whole_months is not None:
                moved = last.replace(day=1) + shift
                end = month_end(moved.year, moved.month)
            else:
                end = last + shift
        except (ValueError, OverflowError):
            raise PeriodError(
                f"{self.canonical_label()} moved by {years} years is out of range"
            ) from None
        checked = (first,) if self.whole_months is not None else (first, last)
        for old in checked:
            if (old.month, old.day) == (2, 29):
                raise PeriodError(
                    f"{day_label(old)} has no same day {abs(years)} year"
                    f"{'' if abs(years) == 1 else 's'} {'earlier' if years < 0 else 'later'}"
                )
        return ReportingPeriod(start=start, end=end, kind=self.kind)

    def _step(self, direction: int) -> ReportingPeriod:
        first, last = self.exact_dates()
        if self.kind is PeriodKind.YEAR_TO_DATE:
            raise PeriodError(
                "a year to date has no period of its own kind before or after it; compare "
                "it with the same months a year earlier (year_earlier())"
            )
        try:
            months = self.whole_months
            if months is not None:
                start = add_months(first, direction * months)
                last = add_months(start, months - 1)
                end = month_end(last.year, last.month)
            else:
                length = timedelta(days=self.days)
                start = first + direction * length
                end = last + direction * length
        except (ValueError, OverflowError):
            raise PeriodError(
                f"the period next to {self.canonical_label()} is out of range"
            ) from None
        return ReportingPeriod(start=start, end=end, kind=self.kind)

    # ----------------------------------------------------------------------- labels

    def kind_problem(self) -> str | None:
        """Say why the dates cannot fit the period's kind; None when they can or no kind is set.

        For an exact period the days must be exactly of the kind (a financial year runs 1
        April to 31 March). For a partial period only what is certain counts: no length it
        could have is a length of its kind (a "year to date" from 2022 to 2024), or a year
        to date known to start in another month than April.
        """
        found = self.dates
        if found is not None:
            return exact_kind_problem(found[0], found[1], self.kind)
        return partial_kind_problem(self.start, self.end, self.kind)

    def canonical_label(self) -> str:
        """The label this library writes for the period; reading it gives the period back.

        "2023/24", "Q1 2023/24", "2023", "October to December 2022", "June 2023", "April to
        July 2023", "year to date to July 2023", "12 months to June 2023", "1 October 2019 to
        30 September 2022", "5 August 2023". A period with no kind, or whose dates do not
        fit its kind (see :meth:`kind_problem`), is labelled by its dates. A partial period
        is labelled by what is known: "2022 to 2027", "since 1 March 2023", "up to 2025",
        and one known by its label alone by its kind ("the quarter"), or as "the period".
        """
        found = self.dates
        if found is not None:
            return exact_label(found[0], found[1], self.kind)
        return partial_label(self.start, self.end, self.kind)


def _bound_phrase(bound: PeriodBound) -> str:
    if isinstance(bound, date):
        return f"on {day_label(bound)}"
    return f"in {bound_text(bound)}"
