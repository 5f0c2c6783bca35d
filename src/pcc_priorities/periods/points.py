"""The ends of periods as written: a day, a month or a year, and ranges between two of them.

Private to the period reader (:mod:`pcc_priorities.periods.reading`). Dates and months are
read by :func:`pcc_priorities.periods.written.date_parts`, the one reader of dates.
"""

from __future__ import annotations

import re
from datetime import date

from attrs import frozen

from pcc_priorities._typecheck import typed_fields
from pcc_priorities.exceptions import PeriodError, WrittenValueError
from pcc_priorities.periods.calendar import MONTH_NAMES, day_label, month_end
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.kinds import PeriodBound, PeriodKind
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.periods.written import date_parts

__all__ = ["NotThisForm", "Point", "YearMissing", "point", "points", "range_period", "single"]

END_OF = re.compile(r"^(?:the\s+)?end\s+of\s+")
_SEPARATORS = (" to ", " until ", " till ", " through ", " - ")


class NotThisForm(Exception):
    """The text is not in the form being tried (another form may read it)."""


class YearMissing(PeriodError):
    """The text leaves out its year ("Q4", "April to July"); ``as_of`` can supply it.

    Attributes:
        financial: Whether the missing year is a financial year ("Q4 2022/23").
        kind: The kind of period the text names, for a period known by its label alone.
    """

    def __init__(
        self, message: str, *, financial: bool = False, kind: PeriodKind | None = None
    ) -> None:
        super().__init__(message)
        self.financial = financial
        self.kind = kind


@frozen(field_transformer=typed_fields)
class Point:
    """An end of a range as written: a year ("2025"), a month ("June 2023") or a day."""

    is_day: bool
    year: int | None
    month: int | None
    day: int | None = None
    #: "some day in March 2023": a day in the month, not the whole month.
    some_day: bool = False

    @property
    def year_only(self) -> bool:
        """Whether only the year is written ("2025")."""
        return self.month is None and self.day is None

    @property
    def partial(self) -> bool:
        """Whether the point is not known to the day: a year alone, or some day in a month."""
        return self.year_only or self.some_day


def real_date(year: int, month: int, day: int) -> date:
    """Return the date, or raise PeriodError saying why it is not one."""
    try:
        return date(year, month, day)
    except ValueError:
        raise PeriodError(
            f"{day} {MONTH_NAMES[month - 1]} {year} is not a date"
            if 1 <= month <= 12
            else f"month {month} does not exist (UK dates are day/month/year)"
        ) from None


_SOME_DAY = re.compile(r"^\s*some\s+day\s+in\s+")


def point(text: str, *, years: bool = False) -> Point:
    """Read one end of a range; NotThisForm if it is not a month or a date (or a year).

    With ``years``, a year alone ("2025") and some day in a month ("some day in March 2023")
    are ends too, of a period not known to the day.
    """
    some_day = _SOME_DAY.match(text)
    if some_day is not None and years:
        found = point(text[some_day.end() :])
        if found.is_day or found.month is None:
            raise PeriodError("'some day in' is followed by a month, as in 'some day in May 2023'")
        return Point(False, found.year, found.month, None, True)
    try:
        parts = date_parts(text)
    except WrittenValueError as error:
        raise PeriodError(error.reason) from None
    if parts is None or (parts.month is None and parts.day is None and not years):
        raise NotThisForm
    if parts.month is None and parts.day is None and parts.year is None:
        raise NotThisForm  # pragma: no cover - date_parts gives something
    return Point(parts.day is not None, parts.year, parts.month, parts.day)


def points(text: str, *, years: bool = False) -> tuple[Point] | tuple[Point, Point]:
    """Read ``text`` as one point or a range of two; NotThisForm if it is neither.

    With ``years``, an end may be a year alone ("2022 to March 2025").
    """
    for separator in _SEPARATORS:
        if separator in text:
            left, right = text.split(separator, 1)
            right = END_OF.sub("", right)
            return point(left, years=years), point(right, years=years)
    try:
        return (point(text, years=years),)
    except NotThisForm:
        pass
    candidates: list[tuple[Point, Point]] = []
    for index, character in enumerate(text):
        if character != "-":
            continue
        try:
            candidates.append(
                (point(text[:index], years=years), point(text[index + 1 :], years=years))
            )
        except NotThisForm:
            continue
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        raise PeriodError("the hyphen could split the range in more than one place; use 'to'")
    raise NotThisForm


def end_date(found: Point) -> date:
    """The last day a month or date point stands for; YearMissing without its year."""
    if found.year is None or found.month is None:
        raise YearMissing("the period needs a year, as in 'July 2023'")
    if found.is_day:
        assert found.day is not None
        return real_date(found.year, found.month, found.day)
    return month_end(found.year, found.month)


def start_bound(found: Point) -> PeriodBound:
    """The first day a point stands for: a day, a month's first day, or a year (partial)."""
    if found.year is None:
        raise YearMissing("the period needs a year, as in 'March 2023'")
    if found.year_only:
        return PartialDate(year=found.year)
    assert found.month is not None
    if found.some_day:
        return PartialDate(year=found.year, month=found.month)
    return real_date(found.year, found.month, found.day if found.is_day and found.day else 1)


def end_bound(found: Point) -> PeriodBound:
    """The last day a point stands for: a day, a month's last day, or a year (partial)."""
    if found.year is not None and found.year_only:
        return PartialDate(year=found.year)
    if found.year is not None and found.some_day:
        assert found.month is not None
        return PartialDate(year=found.year, month=found.month)
    return end_date(found)


def single(found: Point) -> ReportingPeriod:
    """The month or the day one point names."""
    if found.month is None:
        raise NotThisForm
    if found.year is None:
        what = "date" if found.is_day else "month"
        raise YearMissing(
            f"the {what} needs a year, as in '5 August 2023' or 'June 2023'",
            kind=PeriodKind.DAY if found.is_day else PeriodKind.MONTH,
        )
    if found.is_day:
        assert found.day is not None
        return ReportingPeriod.day(real_date(found.year, found.month, found.day))
    return ReportingPeriod.month(found.year, found.month)


def range_dates(left: Point, right: Point) -> tuple[date, date]:
    """Return the first and last day of a range of two months or two days."""
    if left.is_day != right.is_day:
        raise PeriodError(
            "a range runs from a month to a month or from a date to a date; write both ends "
            "the same way"
        )
    if right.month is None:
        raise PeriodError("the end of the range needs a month, as in '9-15 October 2023'")
    if right.year is None:
        raise YearMissing(
            "the end of the range needs a year, as in 'April to July 2023'",
            kind=PeriodKind.DATE_RANGE if left.is_day else PeriodKind.MONTHS,
        )
    inherited = left.year is None or left.month is None
    year = right.year if left.year is None else left.year
    month = right.month if left.month is None else left.month
    if left.is_day:
        assert left.day is not None
        assert right.day is not None
        start = real_date(year, month, left.day)
        end = real_date(right.year, right.month, right.day)
    else:
        start = date(year, month, 1)
        end = month_end(right.year, right.month)
    if end < start:
        if inherited:
            raise PeriodError(
                "the range would end before it starts in the same year; write the year at "
                "both ends (as in 'November 2022 to February 2023')"
            )
        raise PeriodError(
            f"the range ends ({day_label(end)}) before it starts ({day_label(start)})"
        )
    return start, end


def range_period(left: Point, right: Point) -> ReportingPeriod:
    """The period from one point to another.

    Two months give the run of months, two days the range of days. Where an end is a year
    alone the period is partial: two years are a run of years ("2022 to 2027"), a year and
    a month or day a period with one end known only to the year ("2022 to March 2025").
    """
    if left.partial or right.partial:
        if left.year is None or right.year is None:
            raise PeriodError("an end not known to the day needs its year, as in '2022 to 2027'")
        if left.year_only and right.year_only:
            if right.year < left.year:
                raise PeriodError(
                    f"the run of years ends ({right.year}) before it starts ({left.year})"
                )
            return ReportingPeriod.years(left.year, right.year)
        start, end = start_bound(left), end_bound(right)
        try:
            return ReportingPeriod(start=start, end=end)
        except ValueError as error:
            raise PeriodError(str(error)) from None
    start, end = range_dates(left, right)
    if left.is_day:
        return ReportingPeriod.date_range(start, end)
    return ReportingPeriod.months((start.year, start.month), (end.year, end.month))
