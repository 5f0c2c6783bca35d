"""Reading reporting periods as statements write them.

One entry point, :func:`parse_period`. The text is normalised (case, dashes, brackets,
apostrophes, spacing), then read as one of the forms in ``docs/periods.md``. Dates and months
are read by :mod:`pcc_priorities.periods.written`, the reader every part of the library
uses; numeric dates are UK day first. Nothing is guessed: text that could mean two periods,
or names a date that does not exist, raises :class:`~pcc_priorities.exceptions.PeriodError`
saying what was expected. Text that gives less than days (a plan's years, "the quarter", a
quarter without its year) reads to a partial period that holds only what it says.

"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pcc_priorities.exceptions import PeriodError
from pcc_priorities.periods.calendar import (
    FINANCIAL_YEAR_START_MONTH,
    day_label,
    financial_year_label,
    financial_year_of,
    is_month_end,
    month_end,
)
from pcc_priorities.periods.kinds import PeriodKind
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.periods.points import (
    END_OF,
    NotThisForm,
    Point,
    YearMissing,
    end_bound,
    end_date,
    points,
    range_dates,
    range_period,
    single,
    start_bound,
)

__all__ = ["parse_period"]


_EXPECTED = (
    "expected a financial year ('2023/24'), a quarter ('Q1 2023/24'), a calendar year "
    "('2023'), a month ('June 2023'), months ('April to July 2023'), a year to date "
    "('YTD April to June 2023'), a rolling period ('12 months to June 2023', 'year ending June "
    "2019'), a date range ('1 April 2023 to 30 June 2023'), a date ('5 August 2023', "
    "'05/08/2023'), a run of years ('2022-27') or a period named by its kind ('the quarter')"
)

_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_SPACES = re.compile(r"\s+")
_FILLER = re.compile(r"^(?:the|in|during|for|over|from|of|at|period)\s+")
_BETWEEN = re.compile(r"^between\s+(.+?)\s+and\s+(.+)$")
_BASELINE = re.compile(r"\s+(?:pre-?\s?pandemic\s+)?baseline(?:\s+period)?$")

_YEARS = r"(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})"
_FINANCIAL_YEAR = re.compile(
    rf"(?P<named>(?:financial|performance|fiscal|policing)\s+year\s+|fy\s*)?{_YEARS}"
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
#: "Rolling Year March 2023": a rolling period whose word "to" is left out.
_ROLLING_BARE = re.compile(
    r"rolling\s+(?:(?P<count>\d+|[a-z]+(?:-[a-z]+)?)[\s-]+)?(?P<unit>months?|years?)"
    r"\s+(?P<end>.+)"
)
_FIRST_MONTHS = re.compile(r"first\s+(?P<count>\d+|[a-z]+)\s+months?\s+of\s+(?P<year>.+)")
_SINCE = re.compile(r"since\s+(?P<start>.+)")
_UP_TO = re.compile(r"(?:up\s+to|until|till)\s+(?P<end>.+)")

#: Periods named by their kind alone ("the quarter", "year to date"), after normalising
#: (which drops a leading "the"). With ``as_of`` the first five kinds and the rolling year
#: read as the latest such period; without it, as a period known by its label alone.
_BY_KIND: dict[str, PeriodKind | None] = {
    "quarter": PeriodKind.FINANCIAL_QUARTER,
    "this quarter": PeriodKind.FINANCIAL_QUARTER,
    "current quarter": PeriodKind.FINANCIAL_QUARTER,
    "financial year": PeriodKind.FINANCIAL_YEAR,
    "this financial year": PeriodKind.FINANCIAL_YEAR,
    "current financial year": PeriodKind.FINANCIAL_YEAR,
    "calendar year": PeriodKind.CALENDAR_YEAR,
    "calendar quarter": PeriodKind.CALENDAR_QUARTER,
    "month": PeriodKind.MONTH,
    "this month": PeriodKind.MONTH,
    "months": PeriodKind.MONTHS,
    "year to date": PeriodKind.YEAR_TO_DATE,
    "financial year to date": PeriodKind.YEAR_TO_DATE,
    "ytd": PeriodKind.YEAR_TO_DATE,
    "fytd": PeriodKind.YEAR_TO_DATE,
    "rolling year": PeriodKind.ROLLING,
    "rolling 12 months": PeriodKind.ROLLING,
    "rolling twelve months": PeriodKind.ROLLING,
    "date range": PeriodKind.DATE_RANGE,
    "period": None,
    "day": PeriodKind.DAY,
    "years": PeriodKind.YEARS,
    "year": None,
    "this year": None,
}


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


# --------------------------------------------------------------------------- entry point


def parse_period(text: str, *, as_of: date | None = None) -> ReportingPeriod:
    """Read a reporting period as a statement writes it; the result keeps ``text`` as its label.

    Forms (case and spacing do not matter; hyphens and en dashes are the same):

    - financial year: "2022/23", "2022-23", "22/23", "2022/2023", "FY 2022/23";
    - financial-year quarter: "Q1 2023/24", "Q1 23/24", "Q1 2023 -24", "Q1 of 23/24",
      "Quarter 1 2023 / 2024", and with its months: "Quarter 2 (Jul-Sep 2023)";
    - calendar year "2023" and calendar quarter "October-December 2022";
    - month "June 2023", "Jun 23", "Jun-23"; run of months "April to July 2023",
      "November 2022 to February 2023", "first 6 months of 2023";
    - year to date: "YTD (Apr-June 23)", "year to date to July 2023", "YTD to 5 August 2023";
    - rolling: "rolling 12 months to June 2023", "12 months up to March 2022", "year ending
      June 2019", "the two years up to April 2023", "Rolling Year March 2023";
    - date range: "1st October 2019 - 30th September 2022", "01/04/2019 to 31/03/2022",
      "1 April - 30 June 2023", "9-15 October 2023", "between 1 April and 30 June 2023";
    - date: "5 August 2023", "05/08/2023" (UK, day first), "2023-08-05", "end of June 2023";
    - partial periods, whose days the text does not give: a run of years as plans write
      them ("2022-27", "2020/24", "2022-2026", "2022 to 2027"), an open end ("since March
      2023", "up to 2025", "2022 to March 2025"), a period named by its kind ("the
      quarter", "year to date", "the rolling year"), and a period without its year ("Q4",
      "April to July") when no ``as_of`` is given.

    Two-digit years are 2000-2099. A text is read only when it means one period. A period is
    read as published even where its dates contradict its kind ("financial year to date
    (April 22 – December 23)" runs 21 months): ``kind_problem()`` says what is wrong.

    Statements often leave the year out where the context gives it ("Q1 compared to Q4",
    "from April to July", "the quarter"). Pass ``as_of``, the last day the statement's data
    covers, to read such text as the latest period of that name that ends on or before
    ``as_of``: with ``as_of=date(2023, 7, 31)``, "Q4" is Q4 2022/23, "April to July" is April
    to July 2023 and "the quarter" Q1 2023/24. Without ``as_of``, such text reads to a period
    known by its label alone, of the kind it names.

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
        by_kind = normal in _BY_KIND
        period = _by_kind(_BY_KIND[normal], as_of, text) if by_kind else _parse(normal)
    except YearMissing as error:
        if as_of is None:
            if error.kind is None:
                raise PeriodError(
                    f"{error}; or pass as_of, the last day the data covers, to take the latest "
                    "such period",
                    text,
                ) from None
            return ReportingPeriod(label=text, kind=error.kind)
        period = _latest_before(normal, as_of, financial=error.financial, text=text)
    except PeriodError as error:
        raise PeriodError(str(error), text) from None
    except NotThisForm:
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
        except NotThisForm:
            continue
        if period.latest_end is not None and period.latest_end <= as_of:
            return period
        problem = None
    if problem is not None:
        raise PeriodError(str(problem), text)
    raise PeriodError(
        f"no period of this name ends on or before {day_label(as_of)}; write its year", text
    )


def _by_kind(kind: PeriodKind | None, as_of: date | None, text: str) -> ReportingPeriod:
    """A period named by its kind alone: the latest one by ``as_of``, or its label alone."""
    if as_of is not None:
        latest = _latest_of_kind(kind, as_of)
        if latest is not None:
            return latest
    return ReportingPeriod(label=text, kind=kind)


def _latest_of_kind(kind: PeriodKind | None, as_of: date) -> ReportingPeriod | None:
    """The latest period of ``kind`` that ends on or before ``as_of``; None if not one."""
    match kind:
        case PeriodKind.FINANCIAL_QUARTER:
            period = ReportingPeriod.financial_quarter_containing(as_of)
        case PeriodKind.FINANCIAL_YEAR:
            period = ReportingPeriod.financial_year_containing(as_of)
        case PeriodKind.CALENDAR_YEAR:
            period = ReportingPeriod.calendar_year(as_of.year)
        case PeriodKind.CALENDAR_QUARTER:
            period = ReportingPeriod.calendar_quarter(as_of.year, (as_of.month - 1) // 3 + 1)
        case PeriodKind.MONTH:
            period = ReportingPeriod.month(as_of.year, as_of.month)
        case PeriodKind.YEAR_TO_DATE:
            return ReportingPeriod.year_to_date(as_of.year, as_of.month, as_of.day)
        case PeriodKind.ROLLING:
            last = as_of if is_month_end(as_of) else as_of.replace(day=1) - timedelta(days=1)
            return ReportingPeriod.rolling(last.year, last.month)
        case _:
            return None
    latest_end = period.latest_end
    assert latest_end is not None  # constructed periods are exact
    return period if latest_end <= as_of else period.previous()


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
    normal = _BASELINE.sub("", normal)
    return re.sub(r"\s+inclusive$", "", normal)


def _parse(text: str) -> ReportingPeriod:
    for reader in (
        _read_year_to_date,
        _read_quarter,
        _read_financial_year,
        _read_calendar_year,
        _read_rolling,
        _read_first_months,
        _read_open_end,
    ):
        try:
            return reader(text)
        except NotThisForm:
            continue
    end_of = END_OF.match(text)
    if end_of:
        found = points(text[end_of.end() :])
        if len(found) != 1 or found[0].is_day:
            raise NotThisForm
        return ReportingPeriod.day(end_date(found[0]))
    found = points(text, years=True)
    if len(found) == 1:
        return single(found[0])
    return range_period(found[0], found[1])


# --------------------------------------------------------------------------- years and quarters


def _year_pair(text: str) -> tuple[int, int, bool] | None:
    """The two years of "2022/23" or "2022-27", and whether "financial year" is written."""
    match = _FINANCIAL_YEAR.fullmatch(text)
    if match is None:
        return None
    first, second = match[2], match[3]
    start = int(first) + (2000 if len(first) == 2 else 0)
    if len(second) == 2:
        last = start // 100 * 100 + int(second)
        if int(second) == (start + 1) % 100:
            last = start + 1  # 2099/00 is one financial year
    else:
        last = int(second)
    return start, last, match["named"] is not None


def _financial_year_start(text: str) -> int:
    """Return the start year of the financial year ``text`` writes; NotThisForm if none."""
    pair = _year_pair(text)
    if pair is None:
        raise NotThisForm
    start, last, _named = pair
    if last != start + 1:
        raise PeriodError(
            f"{start} and {last} are not consecutive years; a financial year runs 1 April to "
            "31 March and is written like 2023/24 (or 2023-24, 23/24)"
        )
    return start


def _read_financial_year(text: str) -> ReportingPeriod:
    """A financial year ("2022/23"), or a run of years as plans write them ("2022-27")."""
    pair = _year_pair(text)
    if pair is None:
        raise NotThisForm
    start, last, named = pair
    if last == start + 1:
        return ReportingPeriod.financial_year(start)
    if named or last <= start:
        raise PeriodError(
            f"{start} and {last} are not consecutive years; a financial year runs 1 April to "
            "31 March and is written like 2023/24 (or 2023-24, 23/24); a run of years is "
            "written like 2022-27"
        )
    return ReportingPeriod.years(start, last)


def _read_calendar_year(text: str) -> ReportingPeriod:
    match = _CALENDAR_YEAR.fullmatch(text)
    if match is None:
        raise NotThisForm
    return ReportingPeriod.calendar_year(int(match[1]))


def _read_quarter(text: str) -> ReportingPeriod:
    match = _QUARTER.fullmatch(text)
    if match is not None:
        number, rest = int(match[1]), match[2].strip()
    else:
        after = _QUARTER_AFTER.fullmatch(text)
        if after is None:
            raise NotThisForm
        number, rest = int(after[2]), after[1].strip()
    if not 1 <= number <= 4:
        raise PeriodError(f"quarter {number} does not exist; quarters are Q1 to Q4")
    if not rest:
        raise YearMissing(
            f"Q{number} needs its financial year, as in Q{number} 2023/24",
            financial=True,
            kind=PeriodKind.FINANCIAL_QUARTER,
        )
    try:
        start_year = _financial_year_start(rest)
    except NotThisForm:
        if re.fullmatch(r"\d{4}|\d{2}", rest):
            year = int(rest) + (2000 if len(rest) == 2 else 0)
            raise PeriodError(
                f"Q{number} {year} could be a financial-year quarter or a calendar quarter; "
                f"write Q{number} {financial_year_label(year)} for the financial year, or the "
                "months (as in 'January to March 2023') for a calendar quarter"
            ) from None
        return _quarter_by_months(number, rest)
    return ReportingPeriod.financial_quarter(start_year, number)


def _quarter_by_months(number: int, rest: str) -> ReportingPeriod:
    """A quarter written with its months: "Quarter 2 (Jul-Sep 2023)", "Q4 (Jan – Mar 23)".

    The months say which year; the number says whether the quarters are counted from April
    (financial, Q1 is April-June) or from January (calendar, Q1 is January-March).
    """
    found = points(rest)
    if len(found) != 2:
        raise NotThisForm
    start, end = range_dates(*found)
    if found[0].is_day or (start.day, end) != (1, month_end(end.year, end.month)):
        raise NotThisForm
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    financial = (start.month - FINANCIAL_YEAR_START_MONTH) % 12 // 3 + 1
    calendar = (start.month - 1) // 3 + 1
    if months == 3 and start.month in (1, 4, 7, 10):
        if financial == number:
            return ReportingPeriod.financial_quarter(financial_year_of(start), number)
        if calendar == number:
            return ReportingPeriod.calendar_quarter(start.year, number)
    raise PeriodError(
        f"Q{number} is not {rest!r}: a financial-year Q{number} is "
        f"{_QUARTER_MONTHS[number - 1]} and a calendar Q{number} "
        f"{_CALENDAR_QUARTER_MONTHS[number - 1]}; to store a period as published whatever "
        "its dates, give its start and end"
    )


_QUARTER_MONTHS = ("April to June", "July to September", "October to December", "January to March")
_CALENDAR_QUARTER_MONTHS = (
    "January to March",
    "April to June",
    "July to September",
    "October to December",
)


# --------------------------------------------------------------------------- years to date


def _read_year_to_date(text: str) -> ReportingPeriod:
    match = _YEAR_TO_DATE.fullmatch(text)
    if match is None:
        raise NotThisForm
    rest = END_OF.sub("", _YEAR_TO_DATE_LEAD.sub("", match[1].strip()))
    if not rest:
        raise YearMissing(
            "a year to date needs the month or day it runs to, as in 'YTD to July 2023'",
            kind=PeriodKind.YEAR_TO_DATE,
        )
    try:
        found = points(rest)
    except NotThisForm:
        raise PeriodError(
            f"cannot read {rest!r} as the end of a year to date; expected a month ('July "
            "2023'), months from April ('April to July 2023') or a date ('5 August 2023')"
        ) from None
    try:
        if len(found) == 1:
            end = end_date(found[0])
            return ReportingPeriod.year_to_date(end.year, end.month, end.day)
        start, end = range_dates(found[0], found[1])
    except YearMissing as error:
        raise YearMissing(str(error), kind=PeriodKind.YEAR_TO_DATE) from None
    period = ReportingPeriod.year_to_date(end.year, end.month, end.day)
    if start != period.start:
        # Stored as published: kind_problem() and the checker say what is wrong.
        return ReportingPeriod(start=start, end=end, kind=PeriodKind.YEAR_TO_DATE)
    return period


# --------------------------------------------------------------------------- rolling periods


def _count(word: str) -> int:
    if word.isdigit():
        return int(word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    raise PeriodError(f"cannot read {word!r} as a number; write it in figures, as in '12 months'")


def _read_rolling(text: str) -> ReportingPeriod:
    match = _ROLLING.fullmatch(text) or _ROLLING_BARE.fullmatch(text)
    if match is None:
        raise NotThisForm
    unit = match["unit"]
    if match["count"] is None and unit.startswith("month"):
        raise PeriodError("say how many months, as in '12 months to June 2023'")
    count = 1 if match["count"] is None else _count(match["count"])
    months = count * 12 if unit.startswith("year") else count
    if months < 1:
        raise PeriodError("a rolling period needs at least one month")
    ending = END_OF.sub("", match["end"].strip())
    try:
        found = points(ending)
    except NotThisForm:
        raise PeriodError(
            f"cannot read {ending!r} as the month a rolling period ends in; expected a month, "
            "as in '12 months to June 2023'"
        ) from None
    if len(found) != 1:
        raise PeriodError("a rolling period ends in one month, as in '12 months to June 2023'")
    try:
        end = end_date(found[0])
    except YearMissing as error:
        raise YearMissing(str(error), kind=PeriodKind.ROLLING) from None
    if found[0].is_day and not is_month_end(end):
        raise PeriodError(
            f"a rolling period runs to the end of a month, not to {day_label(end)}; for a "
            "period ending mid-month write both dates"
        )
    return ReportingPeriod.rolling(end.year, end.month, months)


def _read_first_months(text: str) -> ReportingPeriod:
    match = _FIRST_MONTHS.fullmatch(text)
    if match is None:
        raise NotThisForm
    count = _count(match["count"])
    year_text = match["year"].strip()
    try:
        first = (_financial_year_start(year_text), FINANCIAL_YEAR_START_MONTH)
        limit = "a financial year has 12 months"
    except NotThisForm:
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


# --------------------------------------------------------------------------- open ends


def _read_open_end(text: str) -> ReportingPeriod:
    """A period with one end: "since March 2023", "up to 2025"."""
    since = _SINCE.fullmatch(text)
    if since is not None:
        found = _one_point(since["start"])
        return ReportingPeriod(start=start_bound(found))
    up_to = _UP_TO.fullmatch(text)
    if up_to is not None:
        found = _one_point(up_to["end"])
        return ReportingPeriod(end=end_bound(found))
    raise NotThisForm


def _one_point(text: str) -> Point:
    found = points(END_OF.sub("", text.strip()), years=True)
    if len(found) != 1:
        raise NotThisForm
    return found[0]
