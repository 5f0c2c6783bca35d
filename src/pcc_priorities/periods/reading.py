"""Reading reporting periods as statements write them.

One entry point, :func:`parse_period`. The text is normalised (case, dashes, brackets,
apostrophes, spacing), then read as one of the forms in ``docs/periods.md``. Dates and months
are read by :mod:`pcc_priorities.periods.written`, the reader every part of the library
uses; numeric dates are UK day first. Nothing is
guessed: text that could mean two periods, or names a date that does not exist, raises
:class:`~pcc_priorities.exceptions.PeriodError` saying what was expected.

"""

from __future__ import annotations

import re
from datetime import date

from attrs import frozen

from pcc_priorities._typecheck import typed_fields
from pcc_priorities.exceptions import PeriodError, WrittenValueError
from pcc_priorities.periods.calendar import (
    FINANCIAL_YEAR_START_MONTH,
    MONTH_NAMES,
    day_label,
    financial_year_label,
    is_month_end,
    month_end,
)
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.periods.written import date_parts

__all__ = ["parse_period"]


_EXPECTED = (
    "expected a financial year ('2023/24'), a quarter ('Q1 2023/24'), a calendar year "
    "('2023'), a month ('June 2023'), months ('April to July 2023'), a year to date "
    "('YTD April to June 2023'), a rolling period ('12 months to June 2023', 'year ending June "
    "2019'), a date range ('1 April 2023 to 30 June 2023') or a date ('5 August 2023', "
    "'05/08/2023')"
)

_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_SPACES = re.compile(r"\s+")
_FILLER = re.compile(r"^(?:the|in|during|for|over|from|of|at)\s+")
_BETWEEN = re.compile(r"^between\s+(.+?)\s+and\s+(.+)$")

_YEARS = r"(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})"
_FINANCIAL_YEAR = re.compile(
    rf"(?:(?:financial|performance|fiscal|policing)\s+year\s+|fy\s*)?{_YEARS}"
)
_CALENDAR_YEAR = re.compile(r"(?:calendar\s+year\s+)?(\d{4})")
_QUARTER = re.compile(r"(?:q|quarter\s*)(\d+)(?:\s+of)?(?:\s+the)?\s*(.*)")
_QUARTER_AFTER = re.compile(r"(.+?)\s+(?:q|quarter\s*)(\d+)")
_YEAR_TO_DATE = re.compile(r"(?:financial\s+)?(?:f?ytd|year\s*-?\s*to\s*-?\s*date)\b\s*(.*)")
_YEAR_TO_DATE_LEAD = re.compile(r"^(?:up\s+to|to|until|till|ending|ended|through)\s+")
_ROLLING = re.compile(
    r"(?:(?:last|past|previous|latest)\s+)?(?:rolling\s+)?"
    r"(?:(?P<count>\d+|[a-z]+(?:-[a-z]+)?)[\s-]+)?(?P<unit>months?|years?)"
    r"(?:\s+rolling)?(?:\s+(?:period|total))?"
    r"\s+(?:up\s+to|to|ending|ended|until|till|through)\s+(?P<end>.+)"
)
_FIRST_MONTHS = re.compile(r"first\s+(?P<count>\d+|[a-z]+)\s+months?\s+of\s+(?P<year>.+)")
_END_OF = re.compile(r"^(?:the\s+)?end\s+of\s+")
_SEPARATORS = (" to ", " until ", " till ", " through ", " - ")


_NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
    "thirty-six": 36,
}


class _NotThisForm(Exception):
    """The text is not in the form being tried (another form may read it)."""


class _YearMissing(PeriodError):
    """The text leaves out its year ("Q4", "April to July"); ``as_of`` can supply it."""

    def __init__(self, message: str, *, financial: bool = False) -> None:
        super().__init__(message)
        self.financial = financial


@frozen(field_transformer=typed_fields)
class _Point:
    """An end of a range as written: a month ("June 2023") or a day ("5 August 2023")."""

    is_day: bool
    year: int | None
    month: int | None
    day: int | None = None


# --------------------------------------------------------------------------- entry point


def parse_period(text: str, *, as_of: date | None = None) -> ReportingPeriod:
    """Read a reporting period as a statement writes it; the result keeps ``text`` as its label.

    Forms (case and spacing do not matter; hyphens and en dashes are the same):

    - financial year: "2022/23", "2022-23", "22/23", "2022/2023", "FY 2022/23";
    - financial-year quarter: "Q1 2023/24", "Q1 23/24", "Q1 2023 -24", "Q1 of 23/24";
    - calendar year "2023" and calendar quarter "October-December 2022";
    - month "June 2023", "Jun 23", "Jun-23"; run of months "April to July 2023",
      "November 2022 to February 2023", "first 6 months of 2023";
    - year to date: "YTD (Apr-June 23)", "year to date to July 2023", "YTD to 5 August 2023";
    - rolling: "rolling 12 months to June 2023", "12 months up to March 2022", "year ending
      June 2019", "the two years up to April 2023";
    - date range: "1st October 2019 - 30th September 2022", "01/04/2019 to 31/03/2022",
      "1 April - 30 June 2023", "9-15 October 2023", "between 1 April and 30 June 2023";
    - date: "5 August 2023", "05/08/2023" (UK, day first), "2023-08-05", "end of June 2023".

    Two-digit years are 2000-2099. A text is read only when it means one period.

    Statements often leave the year out where the context gives it ("Q1 compared to Q4",
    "from April to July"). Pass ``as_of``, the last day the statement's data covers, to read
    such text as the latest period of that name that ends on or before ``as_of``: with
    ``as_of=date(2023, 7, 31)``, "Q4" is Q4 2022/23 and "April to July" is April to July 2023.
    Without ``as_of``, text without its year raises :class:`PeriodError`.

    Raises:
        PeriodError: The text is not one of the forms, is ambiguous ("Q1 2023"; "November to
            February 2023"), names a date that does not exist ("31/02/2023", "Q5 2023"), or
            is a range that ends before it starts.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected the period as text, got {type(text).__name__}")
    normal = _normalise(text)
    if not normal:
        raise PeriodError(f"no period given; {_EXPECTED}", text)
    try:
        period = _parse(normal)
    except _YearMissing as error:
        if as_of is None:
            raise PeriodError(
                f"{error}; or pass as_of, the last day the data covers, to take the latest "
                "such period",
                text,
            ) from None
        period = _latest_before(normal, as_of, financial=error.financial, text=text)
    except PeriodError as error:
        raise PeriodError(str(error), text) from None
    except _NotThisForm:
        raise PeriodError(f"not a reporting period; {_EXPECTED}", text) from None
    return ReportingPeriod(start=period.start, end=period.end, label=text, kind=period.kind)


def _latest_before(normal: str, as_of: date, *, financial: bool, text: str) -> ReportingPeriod:
    """Read ``normal`` with the latest year that makes it end on or before ``as_of``."""
    problem: PeriodError | None = None
    for year in range(as_of.year + 1, as_of.year - 3, -1):
        written = financial_year_label(year) if financial else str(year)
        try:
            period = _parse(f"{normal} {written}")
        except PeriodError as error:
            problem = error
            continue
        except _NotThisForm:
            continue
        if period.end <= as_of:
            return period
        problem = None
    if problem is not None:
        raise PeriodError(str(problem), text)
    raise PeriodError(
        f"no period of this name ends on or before {day_label(as_of)}; write its year", text
    )


def _normalise(text: str) -> str:
    normal = _DASHES.sub("-", text).lower()
    normal = re.sub(r"[()\[\],;:'\u2018\u2019]", " ", normal)
    normal = re.sub(r"(?<=[a-z])\.", "", normal)
    normal = _SPACES.sub(" ", normal).strip().rstrip(".").strip()
    while (stripped := _FILLER.sub("", normal)) != normal:
        normal = stripped
    between = _BETWEEN.fullmatch(normal)
    if between:
        normal = f"{between[1]} to {between[2]}"
    return re.sub(r"\s+inclusive$", "", normal)


def _parse(text: str) -> ReportingPeriod:
    for reader in (
        _read_year_to_date,
        _read_quarter,
        _read_financial_year,
        _read_calendar_year,
        _read_rolling,
        _read_first_months,
    ):
        try:
            return reader(text)
        except _NotThisForm:
            continue
    end_of = _END_OF.match(text)
    if end_of:
        point = _point(text[end_of.end() :])
        if point.is_day:
            raise _NotThisForm
        return ReportingPeriod.day(_end_date(point))
    points = _points(text)
    if len(points) == 1:
        return _single(points[0])
    return _range(points[0], points[1])


# --------------------------------------------------------------------------- years and quarters


def _financial_year_start(text: str) -> int:
    """Return the start year of the financial year ``text`` writes; _NotThisForm if none."""
    match = _FINANCIAL_YEAR.fullmatch(text)
    if match is None:
        raise _NotThisForm
    first, second = match[1], match[2]
    start = int(first) + (2000 if len(first) == 2 else 0)
    follows = int(second) == (start + 1) % 100 if len(second) == 2 else int(second) == start + 1
    if not follows:
        raise PeriodError(
            f"{first} and {second} are not consecutive years; a financial year runs 1 April to "
            "31 March and is written like 2023/24 (or 2023-24, 23/24); for several years "
            "write the dates"
        )
    return start


def _read_financial_year(text: str) -> ReportingPeriod:
    return ReportingPeriod.financial_year(_financial_year_start(text))


def _read_calendar_year(text: str) -> ReportingPeriod:
    match = _CALENDAR_YEAR.fullmatch(text)
    if match is None:
        raise _NotThisForm
    return ReportingPeriod.calendar_year(int(match[1]))


def _read_quarter(text: str) -> ReportingPeriod:
    match = _QUARTER.fullmatch(text)
    if match is not None:
        number, rest = int(match[1]), match[2].strip()
    else:
        after = _QUARTER_AFTER.fullmatch(text)
        if after is None:
            raise _NotThisForm
        number, rest = int(after[2]), after[1].strip()
    if not 1 <= number <= 4:
        raise PeriodError(f"quarter {number} does not exist; quarters are Q1 to Q4")
    if not rest:
        raise _YearMissing(
            f"Q{number} needs its financial year, as in Q{number} 2023/24", financial=True
        )
    try:
        start_year = _financial_year_start(rest)
    except _NotThisForm:
        if re.fullmatch(r"\d{4}|\d{2}", rest):
            year = int(rest) + (2000 if len(rest) == 2 else 0)
            raise PeriodError(
                f"Q{number} {year} could be a financial-year quarter or a calendar quarter; "
                f"write Q{number} {financial_year_label(year)} for the financial year, or the "
                "months (as in 'January to March 2023') for a calendar quarter"
            ) from None
        raise
    return ReportingPeriod.financial_quarter(start_year, number)


# --------------------------------------------------------------------------- years to date


def _read_year_to_date(text: str) -> ReportingPeriod:
    match = _YEAR_TO_DATE.fullmatch(text)
    if match is None:
        raise _NotThisForm
    rest = _END_OF.sub("", _YEAR_TO_DATE_LEAD.sub("", match[1].strip()))
    if not rest:
        raise PeriodError(
            "a year to date needs the month or day it runs to, as in 'YTD to July 2023'"
        )
    try:
        points = _points(rest)
    except _NotThisForm:
        raise PeriodError(
            f"cannot read {rest!r} as the end of a year to date; expected a month ('July "
            "2023'), months from April ('April to July 2023') or a date ('5 August 2023')"
        ) from None
    if len(points) == 1:
        end = _end_date(points[0])
        return ReportingPeriod.year_to_date(end.year, end.month, end.day)
    start, end = _range_dates(points[0], points[1])
    period = ReportingPeriod.year_to_date(end.year, end.month, end.day)
    if start != period.start:
        raise PeriodError(
            f"a year to date runs from 1 April of the financial year it ends in; to "
            f"{day_label(end)} it starts on {day_label(period.start)}, not {day_label(start)}"
        )
    return period


def _end_date(point: _Point) -> date:
    if point.year is None:
        raise _YearMissing("the period needs a year, as in 'July 2023'")
    assert point.month is not None
    if point.is_day:
        assert point.day is not None
        return _real_date(point.year, point.month, point.day)
    return month_end(point.year, point.month)


# --------------------------------------------------------------------------- rolling periods


def _count(word: str) -> int:
    if word.isdigit():
        return int(word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    raise PeriodError(f"cannot read {word!r} as a number; write it in figures, as in '12 months'")


def _read_rolling(text: str) -> ReportingPeriod:
    match = _ROLLING.fullmatch(text)
    if match is None:
        raise _NotThisForm
    unit = match["unit"]
    if match["count"] is None and unit.startswith("month"):
        raise PeriodError("say how many months, as in '12 months to June 2023'")
    count = 1 if match["count"] is None else _count(match["count"])
    months = count * 12 if unit.startswith("year") else count
    if months < 1:
        raise PeriodError("a rolling period needs at least one month")
    ending = _END_OF.sub("", match["end"].strip())
    try:
        points = _points(ending)
    except _NotThisForm:
        raise PeriodError(
            f"cannot read {ending!r} as the month a rolling period ends in; expected a month, "
            "as in '12 months to June 2023'"
        ) from None
    if len(points) != 1:
        raise PeriodError("a rolling period ends in one month, as in '12 months to June 2023'")
    point = points[0]
    end = _end_date(point)
    if point.is_day and not is_month_end(end):
        raise PeriodError(
            f"a rolling period runs to the end of a month, not to {day_label(end)}; for a "
            "period ending mid-month write both dates"
        )
    return ReportingPeriod.rolling(end.year, end.month, months)


def _read_first_months(text: str) -> ReportingPeriod:
    match = _FIRST_MONTHS.fullmatch(text)
    if match is None:
        raise _NotThisForm
    count = _count(match["count"])
    year_text = match["year"].strip()
    try:
        first = (_financial_year_start(year_text), FINANCIAL_YEAR_START_MONTH)
        limit = "a financial year has 12 months"
    except _NotThisForm:
        calendar_year = _CALENDAR_YEAR.fullmatch(year_text)
        if calendar_year is None:
            raise PeriodError(
                f"cannot read {year_text!r} as a year; expected '2023' or '2023/24'"
            ) from None
        first = (int(calendar_year[1]), 1)
        limit = "a year has 12 months"
    if not 1 <= count <= 12:
        raise PeriodError(f"the first {count} months cannot be read: {limit}")
    last_index = first[0] * 12 + first[1] - 1 + count - 1
    return ReportingPeriod.months(first, (last_index // 12, last_index % 12 + 1))


# --------------------------------------------------------------------------- months and dates


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) + (2000 if len(text) == 2 else 0)


def _real_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise PeriodError(
            f"{day} {MONTH_NAMES[month - 1]} {year} is not a date"
            if 1 <= month <= 12
            else f"month {month} does not exist (UK dates are day/month/year)"
        ) from None


def _point(text: str) -> _Point:
    """Read one end of a range; _NotThisForm if it is neither a month nor a date."""
    try:
        parts = date_parts(text)
    except WrittenValueError as error:
        raise PeriodError(error.reason) from None
    if parts is None or (parts.month is None and parts.day is None):
        raise _NotThisForm
    return _Point(parts.day is not None, parts.year, parts.month, parts.day)


def _points(text: str) -> tuple[_Point] | tuple[_Point, _Point]:
    """Read ``text`` as one point or a range of two; _NotThisForm if it is neither."""
    for separator in _SEPARATORS:
        if separator in text:
            left, right = text.split(separator, 1)
            right = _END_OF.sub("", right)
            return _point(left), _point(right)
    try:
        return (_point(text),)
    except _NotThisForm:
        pass
    candidates: list[tuple[_Point, _Point]] = []
    for index, character in enumerate(text):
        if character != "-":
            continue
        try:
            candidates.append((_point(text[:index]), _point(text[index + 1 :])))
        except _NotThisForm:
            continue
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        raise PeriodError("the hyphen could split the range in more than one place; use 'to'")
    raise _NotThisForm


def _single(point: _Point) -> ReportingPeriod:
    if point.month is None:
        raise _NotThisForm
    if point.year is None:
        what = "date" if point.is_day else "month"
        raise _YearMissing(f"the {what} needs a year, as in '5 August 2023' or 'June 2023'")
    if point.is_day:
        assert point.day is not None
        return ReportingPeriod.day(_real_date(point.year, point.month, point.day))
    return ReportingPeriod.month(point.year, point.month)


def _range_dates(left: _Point, right: _Point) -> tuple[date, date]:
    """Return the first and last day of a range of two points."""
    if left.is_day != right.is_day:
        raise PeriodError(
            "a range runs from a month to a month or from a date to a date; write both ends "
            "the same way"
        )
    if right.month is None:
        raise PeriodError("the end of the range needs a month, as in '9-15 October 2023'")
    if right.year is None:
        raise _YearMissing("the end of the range needs a year, as in 'April to July 2023'")
    inherited = left.year is None or left.month is None
    year = right.year if left.year is None else left.year
    month = right.month if left.month is None else left.month
    if left.is_day:
        assert left.day is not None
        assert right.day is not None
        start = _real_date(year, month, left.day)
        end = _real_date(right.year, right.month, right.day)
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


def _range(left: _Point, right: _Point) -> ReportingPeriod:
    start, end = _range_dates(left, right)
    if left.is_day:
        return ReportingPeriod.date_range(start, end)
    return ReportingPeriod.months((start.year, start.month), (end.year, end.month))
