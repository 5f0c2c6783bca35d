"""From monthly counts to the figures statements quote.

Analysts keep monthly counts per metric in a spreadsheet. :class:`MonthlySeries` holds one
metric's counts; :meth:`MonthlySeries.figure` totals any period of whole months and compares
it with the same period a year earlier, the period before and a baseline;
:func:`figures_from_months` gives the four figures statements quote most (the latest
financial quarter, the latest financial year, the year to date and the rolling 12 months).
A month without a count is an error wherever it is needed, never a zero.

"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

import attrs
from attrs import field, frozen

from pcc_priorities.exceptions import (
    PccPrioritiesError,
    SeriesError,
    TableError,
    TableProblem,
    WrittenValueError,
)
from pcc_priorities.figures.change import describe_change
from pcc_priorities.figures.sheets import csv_rows, csv_text
from pcc_priorities.files import read_input
from pcc_priorities.model.figures import Area, Comparison, Figure
from pcc_priorities.model.values import ComparisonBasis, Unit, to_decimal
from pcc_priorities.periods.calendar import add_months, month_end, month_label, whole_months
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.periods.written import date_parts, read_number

__all__ = [
    "MonthlyFigures",
    "MonthlySeries",
    "figures_from_months",
    "load_monthly_csv",
    "monthly_series_from_csv",
]


MonthKey = date | str | tuple[int, int]

#: Cells that say "no figure for this month": the month is missing, not zero.
NO_FIGURE = frozenset({"", "-", "–", "n/a", "na", "..", "not available"})
_SUMMABLE = (Unit.COUNT, Unit.MONEY)


def _month_of(key: object) -> date:
    """Return the first day of the month ``key`` names, or raise SeriesError."""
    if isinstance(key, date):
        if key.day != 1:
            raise SeriesError(f"a month is given as its first day, got {key.isoformat()}")
        return key
    if isinstance(key, tuple) and len(key) == 2 and all(isinstance(k, int) for k in key):
        year, month = key
        if not 1 <= month <= 12:
            raise SeriesError(f"month {month} does not exist; months are 1 to 12")
        return date(year, month, 1)
    if isinstance(key, str):
        expected = "expected a month such as 'June 2023' or '2023-06'"
        try:
            parts = date_parts(key)
        except WrittenValueError as error:
            raise SeriesError(f"{error}; {expected}") from None
        if parts is None or parts.month is None or parts.day not in (None, 1):
            raise SeriesError(f"{key!r}: {expected}")
        if parts.year is None:
            raise SeriesError(f"{key!r}: {expected}; it needs its year")
        return date(parts.year, parts.month, 1)
    raise SeriesError(
        f"expected a month as a date, a (year, month) pair or text, got {type(key).__name__}"
    )


#: The largest monthly count: totals of counts this size, and changes between them, are exact.
MAX_COUNT = 10**15


def _count_of(value: object) -> Decimal:
    try:
        number = to_decimal(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as error:
        raise SeriesError(f"expected a count, got {value!r}: {error}") from None
    if number < 0:
        raise SeriesError(f"a count cannot be negative, got {number}")
    if number > MAX_COUNT:
        raise SeriesError(f"a count is at most {MAX_COUNT:,}, got {number:.3E}")
    return number


def _freeze_counts(
    value: Mapping[date, Decimal] | Iterable[tuple[date, Decimal]],
) -> tuple[tuple[date, Decimal], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted(pairs))


@frozen(kw_only=True)
class MonthlySeries:
    """Monthly counts of one measure: the raw material of a statement's figures.

    Build one with :meth:`from_counts` (or read a CSV with :func:`monthly_series_from_csv`).

    Attributes:
        measure: What is counted, in a few words ("Homicides"); the figures' measure.
        months: The counts, one per month present, as (first day of the month, count) in
            month order. A month not here has no count: it is missing, not zero.
        metric: The id of the statement's metric the figures report, where known.
        unit: ``count`` or ``money``: what can be added up over months.
        source: Where the counts come from ("Police recorded crime, iQuanta").
    """

    measure: str
    months: tuple[tuple[date, Decimal], ...] = field(converter=_freeze_counts)
    metric: str | None = None
    unit: Unit = field(default=Unit.COUNT)
    source: str | None = None

    @unit.validator
    def _check_unit(self, _attribute: attrs.Attribute[Unit], unit: Unit) -> None:
        if unit not in _SUMMABLE:
            raise SeriesError(
                f"monthly figures are added up over months, so the unit must be count or "
                f"money, not {unit}"
            )

    @classmethod
    def from_counts(
        cls,
        counts: Mapping[MonthKey, Decimal | int | str],
        *,
        measure: str,
        metric: str | None = None,
        unit: Unit = Unit.COUNT,
        source: str | None = None,
    ) -> MonthlySeries:
        """Build a series from a mapping of month to count.

        Months are dates on the 1st, ``(year, month)`` pairs, or text ("June 2023",
        "2023-06"); counts are non-negative ints, Decimals or numeric strings.

        Raises:
            SeriesError: A month or count cannot be read, a count is over
                :data:`MAX_COUNT` (10^15), or a month is given twice.
        """
        months: dict[date, Decimal] = {}
        for key, value in counts.items():
            month = _month_of(key)
            if month in months:
                raise SeriesError(f"{month_label(month)} is given more than once")
            months[month] = _count_of(value)
        return cls(measure=measure, months=months, metric=metric, unit=unit, source=source)

    def as_dict(self) -> dict[date, Decimal]:
        """Return the counts as a dict of first day of month to count."""
        return dict(self.months)

    @property
    def first_month(self) -> date | None:
        """The first month with a count, or None for an empty series."""
        return self.months[0][0] if self.months else None

    @property
    def latest_month(self) -> date | None:
        """The latest month with a count, or None for an empty series."""
        return self.months[-1][0] if self.months else None

    def total(self, period: ReportingPeriod) -> Decimal:
        """Return the sum of the counts over ``period``.

        Raises:
            SeriesError: ``period`` is not whole months, or a month in it has no count.
        """
        days = period.dates
        if days is None:
            raise SeriesError(
                f"the days of {period.canonical_label()} are not known; monthly counts can "
                "only be added up over whole months"
            )
        count = whole_months(*days)
        if count is None:
            raise SeriesError(
                f"{period.canonical_label()} is not whole months; monthly counts can only "
                "be added up over whole months"
            )
        counts = dict(self.months)
        wanted = [add_months(days[0], index) for index in range(count)]
        missing = [month for month in wanted if month not in counts]
        if missing:
            shown = ", ".join(month_label(month) for month in missing[:6])
            more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
            raise SeriesError(
                f"{self.measure}: no count for {shown}{more}, needed for "
                f"{period.canonical_label()} (a missing month is never taken as zero)"
            )
        return sum((counts[month] for month in wanted), Decimal(0))

    def figure(
        self,
        period: ReportingPeriod,
        *,
        year_earlier: bool = True,
        previous: bool = False,
        baseline: ReportingPeriod | None = None,
        places: int = 0,
        id: str | None = None,
        area: Area | None = None,
    ) -> Figure:
        """Return the figure for ``period``, with the comparisons asked for.

        Each comparison holds its period, its value and the change to this figure, with the
        percentage rounded half up to ``places`` decimal places.

        Args:
            period: The period to total (whole months).
            year_earlier: Compare with the same period a year earlier.
            previous: Compare with the period of the same kind just before.
            baseline: Compare with this baseline period ("year ending June 2019").
            places: Decimal places of the stated percentage changes.
            id: The figure's id in the statement.
            area: The area, where the counts are not for the whole force.

        Raises:
            SeriesError: A month needed for the figure or a comparison has no count, the
                baseline is not as many months as the period (compare like with like), or a
                total or change is too large for a figure (beyond 10^100).
            PeriodError: The period has no same period a year earlier or before it.
        """
        if baseline is not None and baseline.whole_months != period.whole_months:
            raise SeriesError(
                f"the baseline {baseline.canonical_label()} is not as long as "
                f"{period.canonical_label()}; a baseline is compared with a period of the same "
                "length (compare 12 months with 12 months)"
            )
        try:
            return self._figure(
                period,
                year_earlier=year_earlier,
                previous=previous,
                baseline=baseline,
                places=places,
                id=id,
                area=area,
            )
        except PccPrioritiesError:
            raise
        except ValueError as error:  # a total or change the model cannot hold
            raise SeriesError(f"{self.measure}: {period.canonical_label()}: {error}") from None

    def _figure(
        self,
        period: ReportingPeriod,
        *,
        year_earlier: bool,
        previous: bool,
        baseline: ReportingPeriod | None,
        places: int,
        id: str | None,
        area: Area | None,
    ) -> Figure:
        value = self.total(period)
        wanted: list[tuple[ComparisonBasis, ReportingPeriod]] = []
        if year_earlier:
            wanted.append((ComparisonBasis.SAME_PERIOD_LAST_YEAR, period.year_earlier()))
        if previous:
            wanted.append((ComparisonBasis.PREVIOUS_PERIOD, period.previous()))
        if baseline is not None:
            wanted.append((ComparisonBasis.BASELINE, baseline))
        comparisons = []
        for basis, reference_period in wanted:
            reference = self.total(reference_period)
            comparisons.append(
                Comparison(
                    basis=basis,
                    period=reference_period,
                    value=reference,
                    change=describe_change(reference, value, places=places),
                )
            )
        return Figure(
            measure=self.measure,
            metric=self.metric,
            value=value,
            unit=self.unit,
            period=period,
            area=area,
            source=self.source,
            comparisons=tuple(comparisons),
            id=id,
        )

    @classmethod
    def combine(
        cls, parts: Iterable[MonthlySeries], *, measure: str, metric: str | None = None
    ) -> MonthlySeries:
        """Add several series month by month ("neighbourhood crime" from its four crimes).

        A month is in the result only where every part has it: a month one part lacks is
        missing from the sum, never counted as zero.

        Raises:
            SeriesError: No parts are given, or the parts' units differ.
        """
        series = list(parts)
        if not series:
            raise SeriesError("combining needs at least one series")
        units = {part.unit for part in series}
        if len(units) != 1:
            raise SeriesError("the series to combine have different units")
        shared = set.intersection(*(set(part.as_dict()) for part in series))
        sums = {
            month: sum((part.as_dict()[month] for part in series), Decimal(0)) for month in shared
        }
        return cls(measure=measure, months=sums, metric=metric, unit=series[0].unit)


@frozen(kw_only=True)
class MonthlyFigures:
    """The four figures statements quote most, from one series up to one month.

    Attributes:
        quarter: The latest whole financial-year quarter up to the month.
        financial_year: The latest whole financial year up to the month.
        year_to_date: From 1 April to the end of the month.
        rolling: The 12 months up to the end of the month.
    """

    quarter: Figure
    financial_year: Figure
    year_to_date: Figure
    rolling: Figure

    def all(self) -> tuple[Figure, ...]:
        """Return the four figures in the order above."""
        return (self.quarter, self.financial_year, self.year_to_date, self.rolling)


def figures_from_months(
    series: MonthlySeries,
    *,
    to: tuple[int, int] | None = None,
    baseline: ReportingPeriod | None = None,
    places: int = 0,
) -> MonthlyFigures:
    """Return the latest quarter, financial year, year to date and rolling 12 months.

    Each figure is compared with the same period a year earlier and, where ``baseline`` is
    given, with the baseline if the figure is as many months long (a 12-month baseline is
    compared with the financial year and the rolling 12 months, not with a quarter or a year
    to date). ``to`` is the last month as ``(year, month)``; by default the series' latest
    month.

    Raises:
        SeriesError: The series is empty, or a month needed has no count.
    """
    if to is None:
        latest = series.latest_month
        if latest is None:
            raise SeriesError(f"{series.measure}: the series has no months")
        to = (latest.year, latest.month)
    year, month = to
    last_day = month_end(year, month)
    quarter = ReportingPeriod.financial_quarter_containing(last_day)
    if quarter.end != last_day:
        quarter = quarter.previous()
    financial_year = ReportingPeriod.financial_year_containing(last_day)
    if financial_year.end != last_day:
        financial_year = financial_year.previous()

    def build(period: ReportingPeriod) -> Figure:
        like = baseline is not None and baseline.whole_months == period.whole_months
        return series.figure(period, baseline=baseline if like else None, places=places)

    return MonthlyFigures(
        quarter=build(quarter),
        financial_year=build(financial_year),
        year_to_date=build(ReportingPeriod.year_to_date(year, month)),
        rolling=build(ReportingPeriod.rolling(year, month)),
    )


# --------------------------------------------------------------------------- CSV


def monthly_series_from_csv(
    text: str, *, source: str | None = None, unit: Unit = Unit.COUNT
) -> dict[str, MonthlySeries]:
    """Read monthly counts from CSV text: a ``Month`` column, then one column per measure.

    ::

        Month,Homicides,Burglary
        2023-04,1,402
        May 2023,0,388

    Months are written "2023-04", "Apr-23", "April 2023" or as the 1st of the month
    ("01/04/2023", UK day first). A cell that is empty or says "-", "n/a", "na", ".." or
    "not available" has no count: that month is missing for that measure. Counts may use
    thousands separators ("1,209"), and are at most 10^15. Returns one series per measure
    column, keyed by its title, in column order.

    Raises:
        TableError: Lists every cell that cannot be read, with its row and column.
    """
    rows = csv_rows(text, source)
    problems: list[TableProblem] = []
    if not rows or not rows[0]:
        raise TableError(
            [TableProblem(row=None, column=None, message="the table is empty")], source
        )
    header = [title.strip() for title in rows[0]]
    if header[0].lower() != "month":
        problems.append(
            TableProblem(row=1, column=header[0], message="the first column must be 'Month'")
        )
    titles = header[1:]
    if not titles:
        problems.append(
            TableProblem(row=1, column=None, message="expected a column for each measure")
        )
    seen: set[str] = set()
    for title in titles:
        if not title or title in seen:
            problems.append(
                TableProblem(
                    row=1,
                    column=title,
                    message="each measure column needs its own title"
                    if not title
                    else "this title is used twice",
                )
            )
        seen.add(title)
    counts: dict[str, dict[date, Decimal]] = {title: {} for title in titles}
    first_row: dict[date, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            problems.append(
                TableProblem(
                    row=number,
                    column=None,
                    message=f"the row has {len(row)} cells but there are {len(header)} columns",
                )
            )
            continue
        try:
            month = _month_of(row[0])
        except SeriesError as error:
            problems.append(TableProblem(row=number, column=header[0], message=str(error)))
            continue
        if month in first_row:
            problems.append(
                TableProblem(
                    row=number,
                    column=header[0],
                    message=f"{month_label(month)} is also in row {first_row[month]}",
                )
            )
            continue
        first_row[month] = number
        for title, cell in zip(titles, row[1:], strict=False):
            written = cell.strip()
            if written.lower() in NO_FIGURE:
                continue
            try:
                count = read_number(written, percent=False)
            except WrittenValueError as error:
                problems.append(
                    TableProblem(
                        row=number,
                        column=title,
                        message=f"{error} (a count, or an empty cell for no count)",
                    )
                )
                continue
            if not 0 <= count <= MAX_COUNT:
                problems.append(
                    TableProblem(
                        row=number,
                        column=title,
                        message=f"a count cannot be negative, got {written!r}"
                        if count < 0
                        else f"a count is at most {MAX_COUNT:,} (10^15), got {count:.3E}",
                    )
                )
                continue
            counts[title][month] = count
    if problems:
        raise TableError(problems, source)
    return {
        title: MonthlySeries(measure=title, months=months, unit=unit)
        for title, months in counts.items()
    }


def load_monthly_csv(
    path: str | os.PathLike[str], *, unit: Unit = Unit.COUNT
) -> dict[str, MonthlySeries]:
    """Read monthly counts from a CSV file (see :func:`monthly_series_from_csv`).

    Raises:
        TableError: Lists every cell that cannot be read, or the file is not UTF-8 text.
        FileProblemError: The file cannot be read; the message says why.
    """
    text = csv_text(read_input(path), os.fspath(path))
    return monthly_series_from_csv(text, source=os.fspath(path), unit=unit)
