"""The statement on the national policing priorities, as a tree of frozen attrs classes.

Names follow the Elected Local Policing Bodies (Specified Information) Order 2011, Sch. para 7A
(as inserted by SI 2021/547) and the wording of published statements. Only invariants that
can never be false live here; statutory and good-practice rules live in the checker, and
serialisation lives in the formats.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TypeAlias

import attrs
from attrs import field, frozen
from dateutil.relativedelta import relativedelta

from pcc_priorities._calendar import (
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
from pcc_priorities._jsonvalue import FrozenJSONObject, JSONValue, freeze_object
from pcc_priorities.exceptions import PeriodError

__all__ = [
    "Applicability",
    "ApplicabilityAssessment",
    "Area",
    "AreaKind",
    "AuthorKind",
    "Authorship",
    "Block",
    "BulletList",
    "Change",
    "Comparison",
    "ComparisonBasis",
    "DataAvailability",
    "DataStatus",
    "Direction",
    "Figure",
    "GlossaryEntry",
    "MetricReference",
    "NarrativeRole",
    "Paragraph",
    "PartialDate",
    "PeriodKind",
    "PlanKind",
    "PlanReference",
    "PoliceForce",
    "PolicingBody",
    "PrioritySection",
    "Qualifier",
    "Quotation",
    "Rank",
    "RankOrder",
    "RateBase",
    "RateDenominator",
    "ReportingPeriod",
    "Statement",
    "Subsection",
    "Suppression",
    "Unit",
]


# --------------------------------------------------------------------------- value helpers


#: The smallest and largest decimal exponent (``Decimal.adjusted()``) of a number a statement
#: may hold: far beyond any figure a policing body publishes, and small enough that every
#: number can be written and read back exactly (Python refuses integers over 4,300 digits).
_MIN_EXPONENT = -100
_MAX_EXPONENT = 100


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Return ``value`` as a finite :class:`~decimal.Decimal`, keeping its written digits.

    Accepts a Decimal, an int or a numeric string ("0.1", "1209"). Floats are refused,
    because a binary float cannot hold most decimal values exactly. Numbers whose decimal
    exponent is outside -100..100 (below 1E-100 or from 1E+101 on) are refused as absurd.

    Raises:
        TypeError: ``value`` is a float, a bool or another type.
        ValueError: ``value`` is not a finite number, or its magnitude is out of range.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise TypeError(
            f"expected a Decimal, an int or a numeric string, got {type(value).__name__}"
        )
    try:
        number = value if isinstance(value, Decimal) else Decimal(value)
    except ArithmeticError:
        raise ValueError(f"{value!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"expected a finite number, got {value!r}")
    if not _MIN_EXPONENT <= number.adjusted() <= _MAX_EXPONENT:
        shown = str(number) if len(str(number)) <= 40 else format(number, ".3E")
        raise ValueError(
            f"expected a number whose decimal exponent is {_MIN_EXPONENT} to {_MAX_EXPONENT} "
            f"(from 1E{_MIN_EXPONENT} to below 1E+{_MAX_EXPONENT + 1}), got {shown}"
        )
    return number


#: Whole numbers in the model (how many were ranked, a rate's base) stay within this size, so
#: every valid statement can be written and read back (Python reads at most 4,300 digits).
_MAX_COUNT = 10**15


def _check_count(value: int | None) -> None:
    if value is not None and not -_MAX_COUNT <= value <= _MAX_COUNT:
        raise ValueError(f"the whole number is out of range (at most {_MAX_COUNT:,} either way)")


def _optional_decimal(value: Decimal | int | str | None) -> Decimal | None:
    if value is None or (
        type(value) is Decimal
        and value.is_finite()
        and _MIN_EXPONENT <= value.adjusted() <= _MAX_EXPONENT
    ):
        return value
    return to_decimal(value)


def _extensions(value: Mapping[str, object] | None) -> FrozenJSONObject:
    return freeze_object(value or {})


# --------------------------------------------------------------------------- enumerations


class AuthorKind(StrEnum):
    """Who prepared the statement."""

    #: The office of the elected local policing body (the commissioner's office).
    POLICING_BODY = "policing_body"
    #: The police force ("provided by West Mercia Police").
    POLICE_FORCE = "police_force"
    #: The body and the force together.
    JOINT = "joint"


class Applicability(StrEnum):
    """Whether a national priority is assessed to be applicable in the police area (7A(b))."""

    APPLICABLE = "applicable"
    NOT_APPLICABLE = "not_applicable"
    #: The statement defers the assessment ("will be provided").
    NOT_YET_ASSESSED = "not_yet_assessed"


class Unit(StrEnum):
    """The unit of a figure's value."""

    COUNT = "count"
    PERCENT = "percent"
    #: Pounds sterling.
    MONEY = "money"
    #: A rate, with its base in :attr:`Figure.rate_base` (per 1,000 population).
    RATE = "rate"
    #: A position in a ranking; the ranking is in :attr:`Figure.rank`.
    RANK = "rank"


class RateDenominator(StrEnum):
    """What a rate is counted per."""

    POPULATION = "population"
    HOUSEHOLDS = "households"


class Qualifier(StrEnum):
    """How a figure's value is hedged in the published wording."""

    #: "~80%", "approximately 300".
    APPROXIMATELY = "approximately"
    #: "up to 53%".
    UP_TO = "up_to"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"


class ComparisonBasis(StrEnum):
    """What a figure is compared with."""

    #: The period before, of the same kind (Q1 against Q4).
    PREVIOUS_PERIOD = "previous_period"
    #: The same period a year earlier.
    SAME_PERIOD_LAST_YEAR = "same_period_last_year"
    #: A baseline (the 2019 pre-pandemic baseline of the national measures).
    BASELINE = "baseline"
    #: A target ("against a target of 80%").
    TARGET = "target"
    #: The most similar group of forces (MSG).
    MOST_SIMILAR_GROUP = "most_similar_group"
    #: The average for England and Wales.
    NATIONAL_AVERAGE = "national_average"
    #: A peak ("a rolling 12-month peak of 24 in October 2022").
    PEAK = "peak"
    #: The same figure as published before ("20 ... has now been reduced to 19").
    PREVIOUSLY_PUBLISHED = "previously_published"
    #: The statement gives a change but does not say against what.
    UNSTATED = "unstated"
    OTHER = "other"


class Direction(StrEnum):
    """The direction of a stated change."""

    INCREASE = "increase"
    DECREASE = "decrease"
    STABLE = "stable"


class AreaKind(StrEnum):
    """The kind of area a figure covers."""

    FORCE = "force"
    LOCAL_POLICING_AREA = "local_policing_area"
    #: A district, borough or community safety partnership area.
    DISTRICT = "district"
    MOST_SIMILAR_GROUP = "most_similar_group"
    REGION = "region"
    NATIONAL = "national"
    OTHER = "other"


class RankOrder(StrEnum):
    """Which end a rank counts from ("8th highest", "fifth lowest")."""

    HIGHEST = "highest"
    LOWEST = "lowest"


class DataStatus(StrEnum):
    """Why a figure's data is not plainly available."""

    NOT_AVAILABLE = "not_available"
    #: Provisional data (iQuanta).
    PROVISIONAL = "provisional"
    #: Promised for later ("figures will be published in due course").
    TO_FOLLOW = "to_follow"


class NarrativeRole(StrEnum):
    """What a narrative block does in its section."""

    #: What the figures show.
    PERFORMANCE = "performance"
    #: "Reflections on force performance".
    REFLECTIONS = "reflections"
    #: What the force is doing.
    ACTIVITY = "activity"
    #: What comes next.
    OUTLOOK = "outlook"
    #: Background, the national picture, quotations.
    CONTEXT = "context"


class PlanKind(StrEnum):
    """The kind of local document a statement refers to."""

    POLICE_AND_CRIME_PLAN = "police_and_crime_plan"
    CONTROL_STRATEGY = "control_strategy"
    OTHER = "other"


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


# --------------------------------------------------------------------------- dates


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


@frozen(kw_only=True)
class PartialDate:
    """A date known to the year, the month or the day ("Published September 2023").

    Attributes:
        year: The year.
        month: The month (1-12), or None when only the year is known.
        day: The day of the month, or None when only the month is known.
    """

    year: int = field()
    month: int | None = None
    day: int | None = None

    @year.validator
    def _check(self, _attribute: attrs.Attribute[int], year: int) -> None:
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} is out of range 1-9999")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is out of range 1-12")
        if self.day is not None:
            last = calendar.monthrange(year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(
                    f"day {self.day} is out of range 1-{last} for {year}-{self.month:02}"
                )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            ValueError: ``text`` is not in one of those forms, or is not a real date.
        """
        match = _PARTIAL_DATE.fullmatch(text)
        if match is None:
            raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
        year, month, day = match.groups()
        return cls(
            year=int(year),
            month=None if month is None else int(month),
            day=None if day is None else int(day),
        )

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        """Return a day-precision PartialDate for ``value``."""
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def earliest(self) -> date:
        """The first day the date can stand for."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        """The last day the date can stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04}"
        if self.month is not None:
            text += f"-{self.month:02}"
        if self.day is not None:
            text += f"-{self.day:02}"
        return text


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


@frozen(kw_only=True)
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

    @classmethod
    def parse(cls, text: str, *, as_of: date | None = None) -> ReportingPeriod:
        """Read a period as statements write it, keeping ``text`` as the label.

        Reads financial years ("2022/23", "2022-23", "22/23"), financial-year quarters
        ("Q1 2023-24", "Q1 23/24"), calendar years and quarters ("October-December 2022"),
        months and runs of months ("April to July 2023"), years to date ("YTD (Apr-June
        23)"), rolling periods ("rolling 12 months to June 2023", "year ending June 2019"),
        date ranges ("1st October 2019 - 30th September 2022", "01/04/2019 to 31/03/2022")
        and single dates, UK day first. Parsing :meth:`canonical_label` gives the period
        back. Where the text leaves out its year ("Q4", "April to July"), ``as_of`` (the
        last day the data covers) supplies the latest year that fits. See
        :func:`pcc_priorities.parse_period`.

        Raises:
            PeriodError: The text is not a period, is ambiguous ("Q1 2023": calendar or
                financial?), or names a date that does not exist ("31/02/2023").
        """
        from pcc_priorities._periods import parse_period  # noqa: PLC0415 (it imports this)

        return parse_period(text, as_of=as_of)

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


# --------------------------------------------------------------------------- who


@frozen(kw_only=True)
class PolicingBody:
    """The elected local policing body that publishes the statement.

    Attributes:
        kind: The kind of body, an id from the register's body kinds ("pcc", "pfcc",
            "mayor", "mopac").
        name: The body's name as published ("Police and Crime Commissioner for West Mercia").
        holder: The name of the office holder, where given.
    """

    kind: str
    name: str
    holder: str | None = None


@frozen(kw_only=True)
class PoliceForce:
    """The police force maintained by the body.

    Attributes:
        code: The ONS police force area code ("E23000016").
        name: The force's name as published ("West Mercia Police").
    """

    code: str
    name: str


@frozen(kw_only=True)
class Authorship:
    """Who prepared the statement.

    Attributes:
        by: The body's office, the force, or both.
        wording: The wording as published ("Provided by West Mercia Police").
    """

    by: AuthorKind
    wording: str | None = None


@frozen(kw_only=True)
class PlanReference:
    """A local document the statement refers to: the police and crime plan, a control strategy.

    Attributes:
        kind: What kind of document it is.
        title: Its title ("Safer West Mercia Plan").
        owner: Who owns it ("West Mercia Police"), where said.
        period: The years it covers, where said.
        published: When it was published, where said.
        url: Where it is published.
        priorities: Its own priorities, as written.
    """

    kind: PlanKind
    title: str
    owner: str | None = None
    period: ReportingPeriod | None = None
    published: PartialDate | None = None
    url: str | None = None
    priorities: tuple[str, ...] = ()


@frozen(kw_only=True)
class GlossaryEntry:
    """An abbreviation the statement spells out outside its text.

    Attributes:
        term: The abbreviation ("OCG").
        expansion: What it stands for ("organised crime group").
    """

    term: str
    expansion: str


# --------------------------------------------------------------------------- applicability


@frozen(kw_only=True)
class ApplicabilityAssessment:
    """Which national priorities apply in the police area, and why (para 7A(b)).

    Attributes:
        status: Applicable, not applicable, or not yet assessed.
        reasons: The reasons given for the assessment.
        aligns_with: The local plans or strategies the assessment rests on, by title.
        wording: The assessment as published.
    """

    status: Applicability
    reasons: tuple[str, ...] = ()
    aligns_with: tuple[str, ...] = ()
    wording: str | None = None


# --------------------------------------------------------------------------- figures


@frozen(kw_only=True)
class MetricReference:
    """A metric a priority section lists, with its data source as published.

    Attributes:
        id: A short id, unique in the statement, that figures use to name their metric.
        name: The metric as published ("Hospital admissions for assault with a sharp object").
        data_source: The data source as published ("NHS", "Police recorded data").
        national_metric: The id of the framework's national metric this corresponds to;
            None for a local metric.
    """

    id: str
    name: str
    data_source: str | None = None
    national_metric: str | None = None


@frozen(kw_only=True)
class Change:
    """A change as stated: signed count and percentage, and the direction in words.

    Attributes:
        direction: The direction as stated (increase, decrease, stable).
        count: The change in the figure's unit, signed (-76 for "a decrease of 76").
        percent: The percentage change, signed (-7 for "a 7% decrease").
        percentage_points: A change in percentage points, signed, for percentage figures.
        wording: The change as published ("a 7% (n = 76) decrease").
    """

    direction: Direction | None = None
    count: Decimal | None = field(default=None, converter=_optional_decimal)
    percent: Decimal | None = field(default=None, converter=_optional_decimal)
    percentage_points: Decimal | None = field(default=None, converter=_optional_decimal)
    wording: str | None = None


@frozen(kw_only=True)
class Area:
    """The area a figure covers when it is not the whole force.

    Attributes:
        kind: The kind of area.
        name: Its name ("North Worcestershire", "Telford & Wrekin").
    """

    kind: AreaKind
    name: str


@frozen(kw_only=True)
class Comparison:
    """What a figure is compared with, and the change stated.

    Attributes:
        basis: What the figure is compared with (previous period, baseline, target...).
        period: The period of the reference figure.
        value: The reference figure's value (178 offences last year, a target of 80%).
        area: The area of the reference figure, if not the force (the MSG, England and Wales).
        change: The change stated between the reference and the figure.
        wording: The comparison as published.
    """

    basis: ComparisonBasis
    period: ReportingPeriod | None = None
    value: Decimal | None = field(default=None, converter=_optional_decimal)
    area: Area | None = None
    change: Change | None = None
    wording: str | None = None


@frozen(kw_only=True)
class RateBase:
    """What a rate is counted per ("per 1,000 households").

    Attributes:
        per: The base number (1000).
        denominator: What is counted (population, households).
    """

    per: int = field(validator=lambda _s, _a, v: _check_count(v))
    denominator: RateDenominator


@frozen(kw_only=True)
class Rank:
    """The ranking a figure with unit ``rank`` holds a position in.

    Attributes:
        order: Whether the position counts from the highest or the lowest.
        out_of: How many were ranked (43 forces, 8 in the most similar group).
        group: What was ranked ("forces in England and Wales", "quarters on record").
    """

    order: RankOrder
    out_of: int | None = field(default=None, validator=lambda _s, _a, v: _check_count(v))
    group: str | None = None


@frozen(kw_only=True)
class DataAvailability:
    """Why the data for a figure is not (yet) available, and what stands in for it.

    Attributes:
        status: Not available, provisional, or to follow.
        reason: The reason as published.
        proxy_metric: The id of the metric used instead, where one is.
    """

    status: DataStatus
    reason: str | None = None
    proxy_metric: str | None = None


@frozen(kw_only=True)
class Figure:
    """A quantity the statement states, with what it measures, when, where and against what.

    Attributes:
        measure: What is counted, in a few words ("Knife crime offences").
        metric: The id of the statement's :class:`MetricReference` this figure reports.
        wording: The figure as published ("£163k total street value of drugs seized").
        value: The value as written (163000 for "£163k"); None where only a change is stated.
        upper_value: The upper bound where the value is a range ("7-10 charges").
        qualifier: How the value is hedged ("~80%" is approximately).
        unit: The unit of the value.
        rate_base: What a rate is per, for unit ``rate``.
        rank: The ranking, for unit ``rank``.
        period: The period the figure covers.
        area: The area, where it is not the whole force.
        source: Where the figure comes from, where said for it alone ("DCPP").
        comparisons: What the figure is compared with.
        availability: Why the data is not available, where it is not.
        id: An optional id, unique in the statement, for tools to refer to the figure.
    """

    measure: str
    metric: str | None = None
    wording: str | None = None
    value: Decimal | None = field(default=None, converter=_optional_decimal)
    upper_value: Decimal | None = field(default=None, converter=_optional_decimal)
    qualifier: Qualifier | None = None
    unit: Unit | None = None
    rate_base: RateBase | None = None
    rank: Rank | None = None
    period: ReportingPeriod | None = None
    area: Area | None = None
    source: str | None = None
    comparisons: tuple[Comparison, ...] = ()
    availability: DataAvailability | None = None
    id: str | None = None

    @upper_value.validator
    def _check_range(
        self, _attribute: attrs.Attribute[Decimal | None], upper: Decimal | None
    ) -> None:
        if upper is not None and (self.value is None or upper < self.value):
            raise ValueError("upper_value needs a value not greater than it")


# --------------------------------------------------------------------------- narrative


@frozen(kw_only=True)
class Paragraph:
    """A paragraph of narrative.

    Attributes:
        text: The paragraph as published.
        role: What the paragraph does in its section.
    """

    text: str
    role: NarrativeRole | None = None


@frozen(kw_only=True)
class BulletList:
    """A list of items.

    Attributes:
        items: The items, in order, as published.
        ordered: Whether the items are numbered.
        role: What the list does in its section.
    """

    items: tuple[str, ...]
    ordered: bool = False
    role: NarrativeRole | None = None


@frozen(kw_only=True)
class Quotation:
    """A quotation, with its attribution ("Beating Crime Plan, 2021").

    Attributes:
        text: The words quoted, without quotation marks.
        attribution: Who or what is quoted.
        role: What the quotation does in its section.
    """

    text: str
    attribution: str | None = None
    role: NarrativeRole | None = None


@frozen(kw_only=True)
class Subsection:
    """A titled part of a section, with its own narrative and figures.

    West Mercia splits neighbourhood crime into theft from the person, robbery, burglary and
    vehicle crime; "Reflections on force performance" is a subsection with role reflections.

    Attributes:
        title: The heading as published.
        blocks: The narrative, in order.
        figures: The figures stated in this subsection.
        role: What the subsection does in its section.
    """

    title: str
    blocks: tuple[Block, ...] = ()
    figures: tuple[Figure, ...] = ()
    role: NarrativeRole | None = None


#: A narrative block: the tagged union stored under ``"type"`` in JSON.
Block: TypeAlias = Paragraph | BulletList | Quotation | Subsection


# --------------------------------------------------------------------------- suppressions


@frozen(kw_only=True)
class Suppression:
    """A check finding the statement's authors have reviewed and accept, with their reason.

    A suppressed finding still shows in the check report, marked as suppressed with this
    reason; it no longer counts towards the report's totals or its exit code.

    Attributes:
        rule: The code of the rule ("PCC401"), or a prefix of codes ("PCC4").
        path: A JSON Pointer (RFC 6901) into the statement document: the finding's path or a
            part that contains it; ``""`` is the whole document.
        reason: Why the finding is accepted, for the people who review the statement.
    """

    rule: str
    path: str
    reason: str


# --------------------------------------------------------------------------- the statement


@frozen(kw_only=True)
class PrioritySection:
    """What the statement says about one national priority.

    Attributes:
        priority: The id of the national priority in the statement's framework.
        title: The priority's title as published ("Improve victim satisfaction with a focus on
            victims of domestic abuse").
        metrics: The metrics listed, with their data sources.
        figures: The figures stated for the priority (outside any subsection).
        applicability: The section's own applicability assessment, where given.
        blocks: The narrative: the statement of the force's contribution (para 7A(a)).
        extensions: Namespaced data of other tools, kept exactly.
    """

    priority: str
    title: str
    metrics: tuple[MetricReference, ...] = ()
    figures: tuple[Figure, ...] = ()
    applicability: ApplicabilityAssessment | None = None
    blocks: tuple[Block, ...] = ()
    extensions: FrozenJSONObject = field(factory=FrozenJSONObject, converter=_extensions)


@frozen(kw_only=True)
class Statement:
    """A statement on the national policing priorities (Specified Information Order, para 7A).

    Attributes:
        body: The elected local policing body that publishes it.
        force: The police force whose contribution it describes.
        prepared_by: Who prepared it.
        title: The title as published.
        edition: The edition label as published ("Update April 2024").
        language: The language, as a BCP 47 tag ("en-GB", "cy").
        published: When it was published, to the precision given.
        framework: The id of the national framework it reports against ("ncpm-2021").
        periods: The periods it covers.
        preamble: The statutory preamble (what the Order requires).
        applicability: The statement-wide applicability assessment (para 7A(b)).
        introduction: Narrative before the priority sections.
        sections_heading: The heading over the priority sections, as published.
        sections: One section per priority, in published order.
        review: The review and variation wording.
        source_url: Where the statement is published.
        plans: The local police and crime plan, control strategy and other documents cited.
        glossary: Abbreviations spelled out outside the text.
        suppressions: Check findings the authors have reviewed and accept.
        extensions: Namespaced data of other tools, kept exactly.
    """

    body: PolicingBody
    force: PoliceForce
    framework: str
    title: str
    prepared_by: Authorship | None = None
    edition: str | None = None
    language: str = "en-GB"
    published: PartialDate | None = None
    periods: tuple[ReportingPeriod, ...] = ()
    preamble: tuple[Block, ...] = ()
    applicability: ApplicabilityAssessment | None = None
    introduction: tuple[Block, ...] = ()
    sections_heading: str | None = None
    sections: tuple[PrioritySection, ...] = ()
    review: str | None = None
    source_url: str | None = None
    plans: tuple[PlanReference, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    extensions: FrozenJSONObject = field(factory=FrozenJSONObject, converter=_extensions)

    def section(self, priority: str) -> PrioritySection | None:
        """Return the first section for ``priority``, or None."""
        return next((s for s in self.sections if s.priority == priority), None)


#: Any value the model holds in extensions.
ExtensionValue: TypeAlias = JSONValue
