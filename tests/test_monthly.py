"""From monthly counts to figures: totals, comparisons, missing months and CSV."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pcc_priorities import (
    ComparisonBasis,
    Direction,
    ReportingPeriod,
    SeriesError,
    TableError,
    Unit,
)
from pcc_priorities.figures import (
    MonthlySeries,
    check_change,
    figures_from_months,
    load_monthly_csv,
    monthly_series_from_csv,
)
from pcc_priorities.periods import parse_period

D = Decimal


def _series(first: tuple[int, int], counts: list[int], measure: str = "Homicides") -> MonthlySeries:
    year, month = first
    by_month = {}
    for offset, count in enumerate(counts):
        index = year * 12 + month - 1 + offset
        by_month[(index // 12, index % 12 + 1)] = count
    return MonthlySeries.from_counts(by_month, measure=measure, metric="homicides")


def test_totals_a_quarter_and_compares_it_a_year_earlier() -> None:
    """A quarter's figure is the sum of its months, compared with the same quarter before."""
    series = _series((2022, 4), [2, 1, 3] + [0] * 9 + [0, 1, 0])
    figure = series.figure(ReportingPeriod.financial_quarter(2023, 1))
    assert (figure.value, figure.unit, figure.metric, figure.measure) == (
        D(1),
        Unit.COUNT,
        "homicides",
        "Homicides",
    )
    (comparison,) = figure.comparisons
    assert comparison.basis is ComparisonBasis.SAME_PERIOD_LAST_YEAR
    assert comparison.period == ReportingPeriod.financial_quarter(2022, 1)
    assert comparison.value == D(6)
    assert comparison.change is not None
    assert (comparison.change.count, comparison.change.percent) == (D(-5), D(-83))
    assert comparison.change.direction is Direction.DECREASE


def test_previous_period_and_baseline_comparisons() -> None:
    """A figure can also be compared with the period before and with a baseline."""
    series = _series((2018, 7), [1] * 60)
    baseline = parse_period("year ending June 2019")
    figure = series.figure(
        ReportingPeriod.rolling(2023, 6), year_earlier=False, previous=True, baseline=baseline
    )
    bases = [c.basis for c in figure.comparisons]
    assert bases == [ComparisonBasis.PREVIOUS_PERIOD, ComparisonBasis.BASELINE]
    assert [c.value for c in figure.comparisons] == [D(12), D(12)]
    assert figure.comparisons[1].period == baseline


def test_missing_month_is_an_error_not_a_zero() -> None:
    """A month with no count makes any total over it fail, naming the month."""
    counts = {(2023, 4): 1, (2023, 6): 0}
    series = MonthlySeries.from_counts(counts, measure="Homicides")
    with pytest.raises(SeriesError, match="no count for May 2023, needed for Q1 2023/24"):
        series.total(ReportingPeriod.financial_quarter(2023, 1))
    with pytest.raises(SeriesError, match="no count for April 2022"):
        _series((2023, 4), [1, 1, 1]).figure(ReportingPeriod.financial_quarter(2023, 1))


def test_total_needs_whole_months() -> None:
    """Monthly counts cannot be totalled over part of a month."""
    series = _series((2023, 4), [1] * 5)
    with pytest.raises(SeriesError, match="not whole months"):
        series.total(ReportingPeriod.year_to_date(2023, 8, 5))


def test_the_four_figures_statements_quote() -> None:
    """Up to July 2023: Q1 2023/24, 2022/23, April-July 2023 and 12 months to July 2023."""
    series = _series((2021, 4), list(range(28)))
    figures = figures_from_months(series, places=1)
    labels = [f.period.canonical_label() for f in figures.all() if f.period]
    assert labels == [
        "Q1 2023/24",
        "2022/23",
        "year to date to July 2023",
        "12 months to July 2023",
    ]
    assert figures.financial_year.value == sum(D(n) for n in range(12, 24))
    assert figures.year_to_date.comparisons[0].period == ReportingPeriod.year_to_date(2022, 7)
    for figure in figures.all():
        assert figure.value is not None
        assert check_change(figure.value, figure.comparisons[0]).agrees is True


def test_figures_up_to_a_quarter_end_use_that_quarter() -> None:
    """Up to March 2023, the quarter is Q4 2022/23 and the financial year 2022/23."""
    figures = figures_from_months(_series((2021, 4), [1] * 24), to=(2023, 3))
    assert figures.quarter.period == ReportingPeriod.financial_quarter(2022, 4)
    assert figures.financial_year.period == ReportingPeriod.financial_year(2022)


def test_combined_series_lacks_months_any_part_lacks() -> None:
    """Adding series keeps only months every part has, so a gap stays a gap."""
    burglary = MonthlySeries.from_counts({"2023-04": 400, "2023-05": 380}, measure="Burglary")
    robbery = MonthlySeries.from_counts({"April 2023": 30}, measure="Robbery")
    total = MonthlySeries.combine([burglary, robbery], measure="Neighbourhood crime")
    assert total.as_dict() == {date(2023, 4, 1): D(430)}
    with pytest.raises(SeriesError, match="no count for May 2023"):
        total.total(ReportingPeriod.month(2023, 5))


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ({"2023-13": 1}, "month 13 does not exist"),
        ({"Q1 2023/24": 1}, "expected a month such as"),
        ({date(2023, 4, 2): 1}, "first day"),
        ({"2023-04": -1}, "cannot be negative"),
        ({"2023-04": 1.5}, "expected a count"),
        ({"2023-04": 1, "April 2023": 2}, "more than once"),
    ],
)
def test_refuses_unreadable_counts(counts: dict[object, object], message: str) -> None:
    """Months and counts that cannot be read raise SeriesError saying what was expected."""
    with pytest.raises(SeriesError, match=message):
        MonthlySeries.from_counts(counts, measure="m")  # type: ignore[arg-type]


def test_only_counts_and_money_add_up() -> None:
    """A series of percentages cannot be built, since they do not add up over months."""
    with pytest.raises(SeriesError, match="count or money"):
        MonthlySeries.from_counts({}, measure="Satisfaction", unit=Unit.PERCENT)


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=24, max_size=40))
def test_year_totals_add_up_from_quarters(counts: list[int]) -> None:
    """A financial year's total is the sum of its four quarters' totals."""
    series = _series((2021, 4), counts)
    year = ReportingPeriod.financial_year(2021)
    quarters = [ReportingPeriod.financial_quarter(2021, q) for q in range(1, 5)]
    assert series.total(year) == sum(series.total(q) for q in quarters)
    assert series.total(year) == sum(D(c) for c in counts[:12])


CSV = """\ufeffMonth,Homicides,Burglary
2023-04,1,"1,402"
May 2023,0,388
01/06/2023,n/a,401
"""


def test_reads_a_monthly_csv() -> None:
    """A Month column and one column per measure read as series; n/a is a missing month."""
    series = monthly_series_from_csv(CSV)
    assert list(series) == ["Homicides", "Burglary"]
    assert series["Burglary"].as_dict()[date(2023, 4, 1)] == D(1402)
    assert date(2023, 6, 1) not in series["Homicides"].as_dict()
    assert series["Burglary"].latest_month == date(2023, 6, 1)


def test_monthly_csv_errors_name_row_and_column(tmp_path: Path) -> None:
    """Every unreadable cell is reported once, with its row and column title."""
    path = tmp_path / "monthly.csv"
    path.write_text("Month,Homicides\n2023-04,one\nJuly,2\n2023-04,3\n", encoding="utf-8")
    with pytest.raises(TableError) as raised:
        load_monthly_csv(path)
    assert [str(p) for p in raised.value.problems] == [
        "row 2, column 'Homicides': 'one': expected a number such as 1,209, -7 or 15.9 "
        "(a count, or an empty cell for no count)",
        "row 3, column 'Month': 'July': expected a month such as 'June 2023' or '2023-06'; "
        "it needs its year",
        "row 4, column 'Month': April 2023 is also in row 2",
    ]
    assert str(raised.value).startswith(f"{path}: cannot read the table (3 problems):")


def test_monthly_csv_needs_a_month_column() -> None:
    """A table whose first column is not Month is refused."""
    with pytest.raises(TableError, match="the first column must be 'Month'"):
        monthly_series_from_csv("Date,Homicides\n2023-04,1\n")


def test_baseline_is_compared_like_with_like() -> None:
    """A 12-month baseline is compared with 12-month figures only, never with a quarter."""
    series = _series((2018, 7), [1] * 61)
    baseline = parse_period("year ending June 2019")
    with pytest.raises(SeriesError, match="not as long as Q1 2023/24"):
        series.figure(ReportingPeriod.financial_quarter(2023, 1), baseline=baseline)
    figures = figures_from_months(series, to=(2023, 6), baseline=baseline)
    with_baseline = [
        f.period.canonical_label()
        for f in figures.all()
        if f.period and any(c.basis is ComparisonBasis.BASELINE for c in f.comparisons)
    ]
    assert with_baseline == ["2022/23", "12 months to June 2023"]
