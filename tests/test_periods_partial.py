"""Periods as statements write them: partial periods, plan periods, and periods as published."""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import given

from pcc_priorities import PartialDate, PeriodError, PeriodKind, ReportingPeriod
from pcc_priorities.cli import EXIT_OK, main
from pcc_priorities.periods import parse_period
from pcc_priorities.testing import partial_periods

K = PeriodKind
Y = PartialDate

# The wordings issue 11 lists as refused, and others seen in published statements: text, the
# start and end read (a date, a PartialDate or None), the kind, the canonical label.
AS_WRITTEN = [
    ("Rolling Year March 2023", date(2022, 4, 1), date(2023, 3, 31), K.ROLLING),
    ("Quarter 2 (Jul-Sep 2023)", date(2023, 7, 1), date(2023, 9, 30), K.FINANCIAL_QUARTER),
    ("Quarter 4 (Jan – Mar 23)", date(2023, 1, 1), date(2023, 3, 31), K.FINANCIAL_QUARTER),
    ("Q4 (22/23)", date(2023, 1, 1), date(2023, 3, 31), K.FINANCIAL_QUARTER),
    ("Quarter 1 2023 / 2024", date(2023, 4, 1), date(2023, 6, 30), K.FINANCIAL_QUARTER),
    ("Q1 (Jan-Mar 2023)", date(2023, 1, 1), date(2023, 3, 31), K.CALENDAR_QUARTER),
    ("2022-27", Y(year=2022), Y(year=2027), K.YEARS),
    ("2020/24", Y(year=2020), Y(year=2024), K.YEARS),
    ("2022-2026", Y(year=2022), Y(year=2026), K.YEARS),
    ("2021 – 2025", Y(year=2021), Y(year=2025), K.YEARS),
    ("2022 to 2027", Y(year=2022), Y(year=2027), K.YEARS),
    ("the quarter", None, None, K.FINANCIAL_QUARTER),
    ("the financial year", None, None, K.FINANCIAL_YEAR),
    ("year to date", None, None, K.YEAR_TO_DATE),
    ("Q4", None, None, K.FINANCIAL_QUARTER),
    ("April to July", None, None, K.MONTHS),
    ("since Sept 22", date(2022, 9, 1), None, None),
    ("since 2021", Y(year=2021), None, None),
    ("up to 2025", None, Y(year=2025), None),
    ("2022 to March 2025", Y(year=2022), date(2025, 3, 31), None),
    (
        "financial year to date (April 22 – December 23)",
        date(2022, 4, 1),
        date(2023, 12, 31),
        K.YEAR_TO_DATE,
    ),
    ("the period 1 September 2021-31 August 2022", date(2021, 9, 1), date(2022, 8, 31), None),
    ("2019/20 baseline", date(2019, 4, 1), date(2020, 3, 31), K.FINANCIAL_YEAR),
    ("1 July 2018-30 June 2019", date(2018, 7, 1), date(2019, 6, 30), K.DATE_RANGE),
]


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"), AS_WRITTEN, ids=[c[0] for c in AS_WRITTEN]
)
def test_wordings_read_to_what_they_say(
    text: str, start: date | PartialDate | None, end: date | PartialDate | None, kind: K | None
) -> None:
    """Each wording reads to its period, or to a partial period holding only what it says."""
    period = parse_period(text)
    if kind is not None or text == "the period 1 September 2021-31 August 2022":
        assert (period.start, period.end) == (start, end)
    else:
        assert (period.start, period.end, period.kind) == (start, end, None)
    if kind is not None:
        assert period.kind is kind
    assert period.label == text


def test_the_period_command_shows_how_each_wording_was_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`pcc-priorities period` prints each wording's label, ends, kind and length."""
    out = io.StringIO()
    texts = [case[0] for case in AS_WRITTEN]
    assert main(["period", *texts], out) == EXIT_OK
    lines = out.getvalue().splitlines()
    assert len(lines) == len(texts)
    shown = dict(zip(texts, lines, strict=True))
    assert shown["2022-27"] == "2022-27\t2022 to 2027\t2022\t2027\tyears\t1463 to 2191 days"
    assert shown["the quarter"] == (
        "the quarter\tthe quarter\tnot stated\tnot stated\tfinancial_quarter\tdays not known"
    )
    assert shown["Rolling Year March 2023"] == (
        "Rolling Year March 2023\t12 months to March 2023\t2022-04-01\t2023-03-31\trolling\t"
        "365 days"
    )
    assert "a year to date runs from 1 April" in capsys.readouterr().err


def test_a_publishers_error_is_stored_as_published() -> None:
    """A "year to date" of 21 months keeps its published dates; kind_problem says why not."""
    wrong = parse_period("financial year to date (April 22 – December 23)")
    assert (wrong.start, wrong.end) == (date(2022, 4, 1), date(2023, 12, 31))
    assert wrong.kind is K.YEAR_TO_DATE
    assert wrong.kind_problem() == (
        "a year to date runs from 1 April to a day in the same financial year; this period "
        "runs from 1 April 2022 to 31 December 2023"
    )
    assert wrong.canonical_label() == "1 April 2022 to 31 December 2023"


def test_a_quarter_whose_months_are_another_quarter_is_refused() -> None:
    """A quarter number and months that disagree cannot be read: which is meant is not said."""
    with pytest.raises(PeriodError, match="a financial-year Q2 is July to September"):
        parse_period("Quarter 2 (Jan-Mar 2023)")


def test_periods_named_by_kind_read_to_the_latest_with_as_of() -> None:
    """With as_of, "the quarter" and its like are the latest such period ending by then."""
    march = date(2024, 3, 31)
    assert parse_period("the quarter", as_of=march).canonical_label() == "Q4 2023/24"
    assert parse_period("the quarter", as_of=date(2024, 3, 15)).canonical_label() == ("Q3 2023/24")
    assert parse_period("the financial year", as_of=march).canonical_label() == "2023/24"
    assert parse_period("year to date", as_of=date(2023, 7, 31)).canonical_label() == (
        "year to date to July 2023"
    )
    assert parse_period("Rolling Year", as_of=date(2023, 7, 15)).canonical_label() == (
        "12 months to June 2023"
    )
    assert parse_period("this year", as_of=march).kind is None  # calendar or financial?


def test_partial_periods_say_what_can_be_said() -> None:
    """A partial period gives its possible days and refuses day arithmetic, saying why."""
    plan = parse_period("2022-27")
    assert not plan.exact
    assert plan.dates is None
    assert (plan.earliest_start, plan.latest_start) == (date(2022, 1, 1), date(2022, 12, 31))
    assert (plan.earliest_end, plan.latest_end) == (date(2027, 1, 1), date(2027, 12, 31))
    assert plan.length_in_days == (1463, 2191)
    assert plan.whole_months is None
    for arithmetic in (
        lambda: plan.days,
        plan.previous,
        plan.year_earlier,
        lambda: plan.contains(date(2023, 1, 1)),
    ):
        with pytest.raises(PeriodError, match="are not known"):
            arithmetic()
    quarter = parse_period("the quarter")
    assert quarter.length_in_days is None
    assert quarter.earliest_start is None


def test_partial_kind_problems_only_when_certain() -> None:
    """A partial period contradicts its kind only when no days it could have fit the kind."""
    assert parse_period("2022-27").kind_problem() is None
    too_long = ReportingPeriod(start=Y(year=2022), end=Y(year=2024), kind=K.YEAR_TO_DATE)
    assert "a year to date spans 1 to 366 days" in (too_long.kind_problem() or "")
    could_be = ReportingPeriod(start=Y(year=2022), end=Y(year=2023), kind=K.FINANCIAL_YEAR)
    assert could_be.kind_problem() is None
    january = ReportingPeriod(start=Y(year=2023, month=1), kind=K.YEAR_TO_DATE)
    assert january.kind_problem() == (
        "a year to date starts on 1 April; this period starts in January 2023"
    )
    assert ReportingPeriod(label="the quarter", kind=K.FINANCIAL_QUARTER).kind_problem() is None


def test_partial_periods_are_checked_on_construction() -> None:
    """A period needs an end or a label; a day is a date; the ends are in order."""
    with pytest.raises(ValueError, match="needs its dates, or at least the label"):
        ReportingPeriod(kind=K.FINANCIAL_QUARTER)
    with pytest.raises(ValueError, match="give it as a date"):
        ReportingPeriod(start=Y(year=2023, month=4, day=1), label="x")
    with pytest.raises(ValueError, match=r"ends \(2021\) before it starts \(2022\)"):
        ReportingPeriod(start=Y(year=2022), end=Y(year=2021))
    with pytest.raises(PeriodError, match="ends"):
        ReportingPeriod.years(2027, 2022)
    assert ReportingPeriod.years(2022, 2027) == parse_period("2022-27").__class__(
        start=Y(year=2022), end=Y(year=2027), kind=K.YEARS
    )


def test_some_day_in_a_month_is_a_partial_end() -> None:
    """An end written "some day in March 2023" is known to the month; "March 2023" is whole."""
    vague = parse_period("some day in March 2023 to 2025")
    assert (vague.start, vague.end) == (Y(year=2023, month=3), Y(year=2025))
    assert vague.canonical_label() == "some day in March 2023 to 2025"
    assert parse_period("since March 2023").start == date(2023, 3, 1)


@given(partial_periods())
def test_partial_periods_read_back_from_their_canonical_label(period: ReportingPeriod) -> None:
    """Every partial period's canonical label reads back to the same ends (and kind alone)."""
    again = parse_period(period.canonical_label())
    assert (again.start, again.end) == (period.start, period.end)
    if period.start is None and period.end is None:
        assert again.kind is period.kind
    elif period.kind is K.YEARS and again.kind is K.YEARS:
        assert again == ReportingPeriod(
            start=period.start, end=period.end, kind=K.YEARS, label=again.label
        )
