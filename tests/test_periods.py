"""Reporting periods: constructors, parsing, canonical labels and relations."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pcc_priorities import PeriodError, PeriodKind, ReportingPeriod
from pcc_priorities.periods import parse_period
from pcc_priorities.testing import dates, kinded_periods, reporting_periods

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

K = PeriodKind
AS_OF = date(2023, 7, 31)  # the last day the West Mercia statement's figures cover

# text, as_of, start, end, kind, canonical label
READ = [
    # financial years
    ("2022/23", None, date(2022, 4, 1), date(2023, 3, 31), K.FINANCIAL_YEAR, "2022/23"),
    ("2022-23", None, date(2022, 4, 1), date(2023, 3, 31), K.FINANCIAL_YEAR, "2022/23"),
    ("22/23", None, date(2022, 4, 1), date(2023, 3, 31), K.FINANCIAL_YEAR, "2022/23"),
    ("2022/2023", None, date(2022, 4, 1), date(2023, 3, 31), K.FINANCIAL_YEAR, "2022/23"),
    ("FY 2023/24", None, date(2023, 4, 1), date(2024, 3, 31), K.FINANCIAL_YEAR, "2023/24"),
    ("2099/00", None, date(2099, 4, 1), date(2100, 3, 31), K.FINANCIAL_YEAR, "2099/00"),
    # financial-year quarters
    ("Q1 2023-24", None, date(2023, 4, 1), date(2023, 6, 30), K.FINANCIAL_QUARTER, "Q1 2023/24"),
    ("Q1 23/24", None, date(2023, 4, 1), date(2023, 6, 30), K.FINANCIAL_QUARTER, "Q1 2023/24"),
    ("Q4 2023/24", None, date(2024, 1, 1), date(2024, 3, 31), K.FINANCIAL_QUARTER, "Q4 2023/24"),
    (
        "quarter 2 2023/24",
        None,
        date(2023, 7, 1),
        date(2023, 9, 30),
        K.FINANCIAL_QUARTER,
        "Q2 2023/24",
    ),
    ("2023/24 Q3", None, date(2023, 10, 1), date(2023, 12, 31), K.FINANCIAL_QUARTER, "Q3 2023/24"),
    # calendar years and quarters
    ("2019", None, date(2019, 1, 1), date(2019, 12, 31), K.CALENDAR_YEAR, "2019"),
    (
        "October–December 2022",
        None,
        date(2022, 10, 1),
        date(2022, 12, 31),
        K.CALENDAR_QUARTER,
        "October to December 2022",
    ),
    (
        "Jan-Mar 2024",
        None,
        date(2024, 1, 1),
        date(2024, 3, 31),
        K.CALENDAR_QUARTER,
        "January to March 2024",
    ),
    # months and runs of months
    ("June 2023", None, date(2023, 6, 1), date(2023, 6, 30), K.MONTH, "June 2023"),
    ("Jun-23", None, date(2023, 6, 1), date(2023, 6, 30), K.MONTH, "June 2023"),
    ("Sept 2023", None, date(2023, 9, 1), date(2023, 9, 30), K.MONTH, "September 2023"),
    ("February 2024", None, date(2024, 2, 1), date(2024, 2, 29), K.MONTH, "February 2024"),
    (
        "April to July 2023",
        None,
        date(2023, 4, 1),
        date(2023, 7, 31),
        K.MONTHS,
        "April to July 2023",
    ),
    (
        "November 2022 to February 2023",
        None,
        date(2022, 11, 1),
        date(2023, 2, 28),
        K.MONTHS,
        "November 2022 to February 2023",
    ),
    (
        "first 6 months of 2023",
        None,
        date(2023, 1, 1),
        date(2023, 6, 30),
        K.MONTHS,
        "January to June 2023",
    ),
    (
        "first six months of 2023/24",
        None,
        date(2023, 4, 1),
        date(2023, 9, 30),
        K.MONTHS,
        "April to September 2023",
    ),
    # years to date
    (
        "YTD (Apr-June 23)",
        None,
        date(2023, 4, 1),
        date(2023, 6, 30),
        K.YEAR_TO_DATE,
        "year to date to June 2023",
    ),
    (
        "year to date to July 2023",
        None,
        date(2023, 4, 1),
        date(2023, 7, 31),
        K.YEAR_TO_DATE,
        "year to date to July 2023",
    ),
    (
        "YTD to 05/08/2023",
        None,
        date(2023, 4, 1),
        date(2023, 8, 5),
        K.YEAR_TO_DATE,
        "year to date to 5 August 2023",
    ),
    (
        "YTD February 2024",
        None,
        date(2023, 4, 1),
        date(2024, 2, 29),
        K.YEAR_TO_DATE,
        "year to date to February 2024",
    ),
    # rolling periods
    (
        "rolling 12 months to June 2023",
        None,
        date(2022, 7, 1),
        date(2023, 6, 30),
        K.ROLLING,
        "12 months to June 2023",
    ),
    (
        "12 months up to March 2022",
        None,
        date(2021, 4, 1),
        date(2022, 3, 31),
        K.ROLLING,
        "12 months to March 2022",
    ),
    (
        "year ending June 2019",
        None,
        date(2018, 7, 1),
        date(2019, 6, 30),
        K.ROLLING,
        "12 months to June 2019",
    ),
    (
        "year ending December 2019",
        None,
        date(2019, 1, 1),
        date(2019, 12, 31),
        K.ROLLING,
        "12 months to December 2019",
    ),
    (
        "12 months to March 2020",
        None,
        date(2019, 4, 1),
        date(2020, 3, 31),
        K.ROLLING,
        "12 months to March 2020",
    ),
    (
        "rolling 12-month period to 30 June 2023",
        None,
        date(2022, 7, 1),
        date(2023, 6, 30),
        K.ROLLING,
        "12 months to June 2023",
    ),
    # date ranges
    (
        "1st October 2019 – 30th September 2022",
        None,
        date(2019, 10, 1),
        date(2022, 9, 30),
        K.DATE_RANGE,
        "1 October 2019 to 30 September 2022",
    ),
    (
        "01/04/2019 to 31/03/2022",
        None,
        date(2019, 4, 1),
        date(2022, 3, 31),
        K.DATE_RANGE,
        "1 April 2019 to 31 March 2022",
    ),
    (
        "1 July 2018 – 30 June 2019",
        None,
        date(2018, 7, 1),
        date(2019, 6, 30),
        K.DATE_RANGE,
        "1 July 2018 to 30 June 2019",
    ),
    (
        "1 April - 30 June 2023",
        None,
        date(2023, 4, 1),
        date(2023, 6, 30),
        K.DATE_RANGE,
        "1 April 2023 to 30 June 2023",
    ),
    (
        "9th-15th October 2023",
        None,
        date(2023, 10, 9),
        date(2023, 10, 15),
        K.DATE_RANGE,
        "9 October 2023 to 15 October 2023",
    ),
    (
        "between 1 April and 30 June 2023",
        None,
        date(2023, 4, 1),
        date(2023, 6, 30),
        K.DATE_RANGE,
        "1 April 2023 to 30 June 2023",
    ),
    (
        "01/04/2019-31/03/2022",
        None,
        date(2019, 4, 1),
        date(2022, 3, 31),
        K.DATE_RANGE,
        "1 April 2019 to 31 March 2022",
    ),
    # single dates (UK day first)
    ("05/08/2023", None, date(2023, 8, 5), date(2023, 8, 5), K.DAY, "5 August 2023"),
    ("5.8.23", None, date(2023, 8, 5), date(2023, 8, 5), K.DAY, "5 August 2023"),
    ("3 July 2023", None, date(2023, 7, 3), date(2023, 7, 3), K.DAY, "3 July 2023"),
    ("2023-08-05", None, date(2023, 8, 5), date(2023, 8, 5), K.DAY, "5 August 2023"),
    ("October 1, 2019", None, date(2019, 10, 1), date(2019, 10, 1), K.DAY, "1 October 2019"),
    ("29 February 2024", None, date(2024, 2, 29), date(2024, 2, 29), K.DAY, "29 February 2024"),
    # the periods the West Mercia statement (September 2023) uses, as published
    ("Q1 2023 -24", None, date(2023, 4, 1), date(2023, 6, 30), K.FINANCIAL_QUARTER, "Q1 2023/24"),
    ("Q1 of 23/24", None, date(2023, 4, 1), date(2023, 6, 30), K.FINANCIAL_QUARTER, "Q1 2023/24"),
    (
        "the first 6 months of 2023",
        None,
        date(2023, 1, 1),
        date(2023, 6, 30),
        K.MONTHS,
        "January to June 2023",
    ),
    ("the end of June 2023", None, date(2023, 6, 30), date(2023, 6, 30), K.DAY, "30 June 2023"),
    ("October 2022", None, date(2022, 10, 1), date(2022, 10, 31), K.MONTH, "October 2022"),
    (
        "the two years up to April 2023",
        None,
        date(2021, 5, 1),
        date(2023, 4, 30),
        K.ROLLING,
        "24 months to April 2023",
    ),
    (
        "the last 12 months (up to February 2022)",
        None,
        date(2021, 3, 1),
        date(2022, 2, 28),
        K.ROLLING,
        "12 months to February 2022",
    ),
    ("July 2023", None, date(2023, 7, 1), date(2023, 7, 31), K.MONTH, "July 2023"),
    ("3 July 2023", None, date(2023, 7, 3), date(2023, 7, 3), K.DAY, "3 July 2023"),
    ("Q4", AS_OF, date(2023, 1, 1), date(2023, 3, 31), K.FINANCIAL_QUARTER, "Q4 2022/23"),
    ("Q3", AS_OF, date(2022, 10, 1), date(2022, 12, 31), K.FINANCIAL_QUARTER, "Q3 2022/23"),
    ("Q1", AS_OF, date(2023, 4, 1), date(2023, 6, 30), K.FINANCIAL_QUARTER, "Q1 2023/24"),
    ("April to July", AS_OF, date(2023, 4, 1), date(2023, 7, 31), K.MONTHS, "April to July 2023"),
    ("29th August", AS_OF, date(2022, 8, 29), date(2022, 8, 29), K.DAY, "29 August 2022"),
    (
        "9th-15th October",
        AS_OF,
        date(2022, 10, 9),
        date(2022, 10, 15),
        K.DATE_RANGE,
        "9 October 2022 to 15 October 2022",
    ),
]


@pytest.mark.parametrize("case", READ, ids=[case[0] for case in READ])
def test_reads_every_form(
    case: tuple[str, date | None, date, date, PeriodKind, str],
) -> None:
    """Each form reads as its days and kind with its label, and its canonical label reads back."""
    text, as_of, start, end, kind, canonical = case
    period = parse_period(text, as_of=as_of)
    assert (period.start, period.end, period.kind, period.label) == (start, end, kind, text)
    assert period.canonical_label() == canonical
    again = parse_period(canonical)
    assert (again.start, again.end, again.kind) == (start, end, kind)


REFUSED = [
    ("Q5 2023", "quarter 5 does not exist"),
    ("Q0 2023/24", "quarter 0 does not exist"),
    ("31/02/2023", "February 2023 has no day 31"),
    ("12/25/2023", "month 25 does not exist"),
    ("31 February 2023", "not a date: February 2023 has no day 31"),
    ("Q1 2023", "could be a financial-year quarter or a calendar quarter"),
    ("FY 2019-22", "not consecutive years"),
    ("2023-22", "not consecutive years"),
    ("Quarter 2 (Jan-Mar 2023)", "a financial-year Q2 is July to September"),
    ("1 July 2023 to 1 June 2023", "ends (1 June 2023) before it starts (1 July 2023)"),
    ("July to April 2023", "write the year at both ends"),
    ("November to February 2023", "write the year at both ends"),
    ("12 months to 5 August 2023", "runs to the end of a month"),
    ("months to June 2023", "say how many months"),
    ("June 2023 to 5 August 2023", "from a month to a month or from a date to a date"),
    ("first 13 months of 2023", "a year has 12 months"),
    ("the same period in 2022", "not a reporting period"),
    ("hello", "not a reporting period"),
    ("", "no period given"),
    ("   ", "no period given"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED)
def test_refuses_ambiguous_or_impossible_text(text: str, message: str) -> None:
    """Ambiguous, impossible or unreadable text raises PeriodError saying what is wrong."""
    with pytest.raises(PeriodError, match=re.escape(message)) as raised:
        parse_period(text)
    assert raised.value.text == text
    assert str(raised.value).startswith(repr(text))


def test_refuses_text_as_of_cannot_place() -> None:
    """Text without its year that cannot end by as_of is refused, not moved to another year."""
    with pytest.raises(PeriodError, match="write the year at both ends"):
        parse_period("November to February", as_of=AS_OF)


def test_parse_needs_text() -> None:
    """Parsing something that is not text is a type error."""
    with pytest.raises(TypeError, match="expected the period as text"):
        parse_period(2023)  # type: ignore[arg-type]


@given(st.text(max_size=40))
def test_any_text_reads_or_raises_period_error(text: str) -> None:
    """Any text either reads as a period whose label is that text or raises PeriodError."""
    try:
        period = parse_period(text)
    except PeriodError:
        return
    assert period.label == text
    if period.dates is not None:
        assert period.dates[0] <= period.dates[1]
    elif period.earliest_start is not None and period.latest_end is not None:
        assert period.earliest_start <= period.latest_end


@given(
    st.sampled_from(
        ["Q{q} {y}/{n:02}", "Q{q} {y}-{n:02}", "{y}/{n:02}", "{m} {y}", "1 {m} {y}", "{m} {y}"]
    ),
    st.integers(min_value=1, max_value=4),
    st.integers(min_value=2000, max_value=2090),
    st.sampled_from(["January", "Feb", "march", "APRIL", "Sept", "december"]),
)
def test_templated_forms_always_read(template: str, quarter: int, year: int, month: str) -> None:
    """Generated quarters, financial years, months and dates always read, starting in range."""
    text = template.format(q=quarter, y=year, n=(year + 1) % 100, m=month)
    period = parse_period(text)
    assert period.start.year in (year, year + 1)


# --------------------------------------------------------------------------- canonical labels


@given(kinded_periods())
def test_canonical_label_reads_back(period: ReportingPeriod) -> None:
    """Parsing a period's canonical label gives the same days and kind back."""
    label = period.canonical_label()
    assert parse_period(label) == ReportingPeriod(
        start=period.start, end=period.end, kind=period.kind, label=label
    )


@given(kinded_periods())
def test_constructed_periods_fit_their_kind(period: ReportingPeriod) -> None:
    """Every constructor builds a period whose dates fit its kind, without a label."""
    assert period.kind_problem() is None
    assert period.label is None


@given(reporting_periods())
def test_any_period_has_a_label_that_reads_back_to_its_days(period: ReportingPeriod) -> None:
    """Every period, of any kind or none, has a canonical label that reads back to its days.

    A partial period reads back to the same ends, known to the same precision; one known by
    its label alone reads back to a label alone (of its kind, where it has one).
    """
    again = parse_period(period.canonical_label())
    assert (again.start, again.end) == (period.start, period.end)
    if period.start is None and period.end is None and period.kind is not None:
        assert again.kind is period.kind


def test_kind_problem_says_what_a_kind_needs() -> None:
    """Dates that do not fit the kind are reported, and labelled by their dates instead."""
    period = ReportingPeriod(start=date(2023, 4, 2), end=date(2024, 3, 31), kind=K.FINANCIAL_YEAR)
    assert period.kind_problem() == (
        "a financial year runs from 1 April to 31 March of the next year; this period runs "
        "from 2 April 2023 to 31 March 2024"
    )
    assert period.canonical_label() == "2 April 2023 to 31 March 2024"
    quarter = ReportingPeriod(start=date(2023, 4, 1), end=date(2023, 6, 30), kind=K.MONTHS)
    assert "calendar quarter" in (quarter.kind_problem() or "")
    assert ReportingPeriod(start=date(2023, 4, 1), end=date(2023, 4, 1)).kind_problem() is None


def test_periods_of_the_worked_example_fit_their_kinds() -> None:
    """Every period in the West Mercia worked example has dates that fit its kind."""
    document = json.loads((EXAMPLES / "west-mercia-2023-09.json").read_text("utf-8"))
    found: list[ReportingPeriod] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if "start" in value and "end" in value:
                found.append(
                    ReportingPeriod(
                        start=date.fromisoformat(value["start"]),
                        end=date.fromisoformat(value["end"]),
                        kind=PeriodKind(value["kind"]) if "kind" in value else None,
                    )
                )
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    assert len(found) > 20
    assert [p for p in found if p.kind_problem() is not None] == []


# --------------------------------------------------------------------------- constructors


def test_constructors_build_the_uk_conventions() -> None:
    """The constructors follow the UK financial year: April to March, Q1 April to June."""
    assert ReportingPeriod.financial_year(2023) == ReportingPeriod(
        start=date(2023, 4, 1), end=date(2024, 3, 31), kind=K.FINANCIAL_YEAR
    )
    q4 = ReportingPeriod.financial_quarter(2023, 4)
    assert (q4.start, q4.end) == (date(2024, 1, 1), date(2024, 3, 31))
    q2 = ReportingPeriod.calendar_quarter(2023, 2)
    assert (q2.start, q2.end) == (date(2023, 4, 1), date(2023, 6, 30))
    ytd = ReportingPeriod.year_to_date(2024, 2)
    assert (ytd.start, ytd.end) == (date(2023, 4, 1), date(2024, 2, 29))
    rolling = ReportingPeriod.rolling(2023, 6)
    assert (rolling.start, rolling.end) == (date(2022, 7, 1), date(2023, 6, 30))
    assert ReportingPeriod.months((2023, 4), (2023, 4)).kind is K.MONTH
    assert ReportingPeriod.months((2023, 4), (2023, 6)).kind is K.CALENDAR_QUARTER
    assert ReportingPeriod.months((2023, 5), (2023, 7)).kind is K.MONTHS


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: ReportingPeriod.financial_quarter(2023, 5), "quarter 5 does not exist"),
        (lambda: ReportingPeriod.calendar_quarter(2023, 0), "quarter 0 does not exist"),
        (lambda: ReportingPeriod.month(2023, 13), "month 13 does not exist"),
        (lambda: ReportingPeriod.rolling(2023, 6, 0), "at least one month"),
        (lambda: ReportingPeriod.months((2023, 7), (2023, 4)), "ends .* before it starts"),
        (lambda: ReportingPeriod.year_to_date(2023, 2, 30), "not a date"),
        (lambda: ReportingPeriod.financial_year(9999), "not a date"),
        (
            lambda: ReportingPeriod.date_range(date(2023, 2, 1), date(2023, 1, 1)),
            "ends .* before it starts",
        ),
    ],
)
def test_constructors_refuse_impossible_periods(build: object, message: str) -> None:
    """Constructors raise PeriodError for quarters, months and ranges that do not exist."""
    with pytest.raises(PeriodError, match=message):
        build()  # type: ignore[operator]


# --------------------------------------------------------------------------- relations


def test_lengths_in_days_and_months() -> None:
    """A period knows its length in days, and in months when it is whole months."""
    assert ReportingPeriod.financial_year(2023).days == 366
    assert ReportingPeriod.financial_year(2023).whole_months == 12
    assert ReportingPeriod.rolling(2023, 4, 24).whole_months == 24
    assert ReportingPeriod.day(date(2023, 8, 5)).days == 1
    assert ReportingPeriod.year_to_date(2023, 8, 5).whole_months is None


def test_containment_and_overlap() -> None:
    """Containment and overlap follow the days the periods cover, ends included."""
    year = ReportingPeriod.financial_year(2023)
    q1 = ReportingPeriod.financial_quarter(2023, 1)
    rolling = ReportingPeriod.rolling(2023, 6)
    assert year.contains(q1)
    assert not q1.contains(year)
    assert year.contains(date(2024, 3, 31))
    assert not year.contains(date(2024, 4, 1))
    assert rolling.overlaps(year)
    assert not ReportingPeriod.financial_year(2022).overlaps(year)
    assert ReportingPeriod.financial_year(2022).previous() == ReportingPeriod.financial_year(2021)


def test_same_period_a_year_earlier() -> None:
    """A year earlier keeps whole months whole and the kind, and drops the label."""
    assert parse_period("Q1 23/24").year_earlier() == ReportingPeriod.financial_quarter(2022, 1)
    february = ReportingPeriod.month(2024, 2).year_earlier()
    assert (february.start, february.end) == (date(2023, 2, 1), date(2023, 2, 28))
    assert ReportingPeriod.month(2023, 2).year_later().end == date(2024, 2, 29)
    ytd = parse_period("YTD (Apr-June 23)").year_earlier()
    assert (ytd.start, ytd.end, ytd.label) == (date(2022, 4, 1), date(2022, 6, 30), None)


def test_no_same_day_for_29_february() -> None:
    """29 February has no same day a year away, so the shift is refused."""
    with pytest.raises(PeriodError, match="29 February 2024 has no same day 1 year earlier"):
        ReportingPeriod.day(date(2024, 2, 29)).year_earlier()
    with pytest.raises(PeriodError, match="later"):
        ReportingPeriod.date_range(date(2024, 2, 10), date(2024, 2, 29)).year_later()


def test_previous_and_following_periods() -> None:
    """The previous period is the one of the same kind and length just before."""
    assert ReportingPeriod.financial_quarter(2023, 1).previous() == (
        ReportingPeriod.financial_quarter(2022, 4)
    )
    assert ReportingPeriod.month(2023, 1).previous() == ReportingPeriod.month(2022, 12)
    assert ReportingPeriod.rolling(2023, 6).previous() == ReportingPeriod.rolling(2022, 6)
    days = ReportingPeriod.date_range(date(2023, 8, 1), date(2023, 8, 10)).previous()
    assert (days.start, days.end) == (date(2023, 7, 22), date(2023, 7, 31))
    with pytest.raises(PeriodError, match="year to date has no period of its own kind"):
        ReportingPeriod.year_to_date(2023, 7).previous()


def test_financial_year_and_quarter_of_a_date() -> None:
    """A date falls in the financial year starting the April before it, and its quarter."""
    assert ReportingPeriod.financial_year_containing(date(2024, 3, 31)).canonical_label() == (
        "2023/24"
    )
    assert ReportingPeriod.financial_year_containing(date(2024, 4, 1)).canonical_label() == (
        "2024/25"
    )
    assert ReportingPeriod.financial_quarter_containing(date(2023, 8, 5)).canonical_label() == (
        "Q2 2023/24"
    )
    assert ReportingPeriod.financial_quarter_containing(date(2024, 1, 1)).canonical_label() == (
        "Q4 2023/24"
    )


@given(kinded_periods())
def test_year_earlier_then_later_is_identity(period: ReportingPeriod) -> None:
    """The same period a year earlier, then a year later, is the period, where defined."""
    if not period.exact:
        with pytest.raises(PeriodError, match="not known"):
            period.year_earlier()
        return
    try:
        earlier = period.year_earlier()
    except PeriodError:
        assert (2, 29) in {(d.month, d.day) for d in (period.start, period.end)}
        return
    assert earlier.year_later() == period
    assert earlier.kind is period.kind
    assert earlier.kind_problem() is None


@given(kinded_periods())
def test_previous_then_following_is_identity(period: ReportingPeriod) -> None:
    """The previous period is adjacent, as long, and its following period is the period."""
    if period.kind is K.YEAR_TO_DATE:
        return
    if not period.exact:
        with pytest.raises(PeriodError, match="not known"):
            period.previous()
        return
    before = period.previous()
    assert before.end + timedelta(days=1) == period.start
    assert before.whole_months == period.whole_months
    assert before.following() == period
    assert before.kind_problem() is None


@given(dates())
def test_every_date_is_in_its_financial_year_and_quarter(day: date) -> None:
    """A date lies in the quarter found for it, which lies in the year found for it."""
    year = ReportingPeriod.financial_year_containing(day)
    quarter = ReportingPeriod.financial_quarter_containing(day)
    assert year.contains(day)
    assert quarter.contains(day)
    assert year.contains(quarter)
