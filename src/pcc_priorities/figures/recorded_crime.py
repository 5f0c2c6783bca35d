"""Figures from a table of recorded crime: counts for any period of whole quarters, compared.

:func:`crime_figure` totals a measure (``homicides``, ``neighbourhood-crime``...) for a force
over a period of whole financial quarters (a quarter, the financial year to date, the rolling
12 months to a quarter's end, a financial year) and compares it with the same period a year
earlier and with a baseline (the national measures' year ending June 2019, or any period of
the same length). :func:`force_figures` gives every measure for the four periods statements
quote most. Every comparison's change is made by :func:`~pcc_priorities.figures.describe_change`,
so the checker's arithmetic agrees with it. A count missing for a force, an offence and a
quarter is an error that names all three, never a zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from attrs import frozen

from pcc_priorities.exceptions import MissingCountError, PeriodError, SeriesError
from pcc_priorities.figures.change import describe_change
from pcc_priorities.figures.crime_table import CrimeTable, OffenceKey
from pcc_priorities.model.figures import Comparison, Figure
from pcc_priorities.model.values import ComparisonBasis, Unit
from pcc_priorities.periods.calendar import add_months
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.reference.force_register import RegisteredForce
from pcc_priorities.reference.measure_sets import (
    Classification,
    CrimeMeasure,
    CrimeMeasures,
    crime_measures,
)
from pcc_priorities.reference.national_frameworks import normalise_name

__all__ = [
    "ForceFigures",
    "crime_count",
    "crime_figure",
    "force_figures",
    "quarters_of",
    "standard_periods",
]

_QUARTER_STARTS = (1, 4, 7, 10)


def quarters_of(period: ReportingPeriod) -> tuple[ReportingPeriod, ...]:
    """Return the financial quarters that make up ``period``, in order.

    Raises:
        PeriodError: The period is not whole quarters (April-June, July-September,
            October-December, January-March).
    """
    months = period.whole_months
    dates = period.dates
    if months is None or months % 3 or dates is None or dates[0].month not in _QUARTER_STARTS:
        raise PeriodError(
            f"{period.canonical_label()} is not whole financial quarters; the table counts "
            "offences by quarter, so a figure covers whole quarters (Q1 is April to June)"
        )
    return tuple(
        ReportingPeriod.financial_quarter_containing(add_months(dates[0], 3 * step))
        for step in range(months // 3)
    )


def standard_periods(quarter: ReportingPeriod) -> tuple[ReportingPeriod, ...]:
    """The periods statements quote most, up to the end of ``quarter``.

    The quarter, the latest whole financial year, the financial year to date and the
    rolling 12 months, in that order (as :func:`~pcc_priorities.figures.figures_from_months`).

    Raises:
        PeriodError: ``quarter`` is not one financial quarter.
    """
    if len(quarters_of(quarter)) != 1:
        raise PeriodError(f"{quarter.canonical_label()} is not one financial quarter")
    end = quarter.exact_dates()[1]
    financial_year = ReportingPeriod.financial_year_containing(end)
    if financial_year.end != end:
        financial_year = financial_year.previous()
    return (
        ReportingPeriod.financial_quarter_containing(end),
        financial_year,
        ReportingPeriod.year_to_date(end.year, end.month),
        ReportingPeriod.rolling(end.year, end.month),
    )


def _selected(table: CrimeTable, classification: Classification) -> frozenset[OffenceKey]:
    return table.matching(
        frozenset(normalise_name(s) for s in classification.offence_subgroups),
        frozenset(normalise_name(c) for c in classification.offence_codes),
    )


def _quarter_count(  # noqa: PLR0917 - a private helper of _total
    table: CrimeTable,
    force: RegisteredForce,
    measure: CrimeMeasure,
    quarter: ReportingPeriod,
    cache: dict[int, frozenset[OffenceKey]],
    missing: list[tuple[str, str]],
) -> tuple[int, tuple[Classification, ...]]:
    entries = table.entries(force, quarter.exact_dates()[0])
    total = 0
    used: list[Classification] = []
    for part in measure.parts:
        classification = part.classification_for(quarter)
        used.append(classification)
        keys = cache.get(id(classification))
        if keys is None:
            keys = cache[id(classification)] = _selected(table, classification)
        found = False
        if entries is not None:
            for key in keys:
                count = entries.get(key)
                if count is not None:
                    found = True
                    total += count
        if not found:
            missing.append(
                (f"{part.title} ({classification.describe()})", quarter.canonical_label())
            )
    return total, tuple(used)


def _total(
    table: CrimeTable, force: RegisteredForce, measure: CrimeMeasure, period: ReportingPeriod
) -> tuple[Decimal, tuple[tuple[Classification, ...], ...]]:
    cache: dict[int, frozenset[OffenceKey]] = {}
    missing: list[tuple[str, str]] = []
    total = 0
    used = []
    for quarter in quarters_of(period):
        count, classifications = _quarter_count(table, force, measure, quarter, cache, missing)
        total += count
        used.append(classifications)
    if missing:
        offence, quarter_label = missing[0]
        listed = "; ".join(f"{what} in {when}" for what, when in missing[:6])
        more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
        raise MissingCountError(
            f"{force.area}: no count for {listed}{more}, needed for {measure.title} in "
            f"{period.canonical_label()} (a missing count is never taken as zero)",
            force=force.area,
            offence=offence,
            quarter=quarter_label,
        )
    return Decimal(total), tuple(used)


def crime_count(
    table: CrimeTable,
    force: str | RegisteredForce,
    measure: str | CrimeMeasure,
    period: ReportingPeriod,
    *,
    measures: CrimeMeasures | None = None,
) -> Decimal:
    """Return the number of offences of ``measure`` recorded by ``force`` over ``period``.

    Raises:
        MissingCountError: The table has no count for an offence of the measure in a quarter
            of the period (the error names the force, the offence and the quarter).
        PeriodError: The period is not whole quarters, or a classification changes inside one.
        UnknownForceError: No such force, or the table has none of its rows.
        KeyError: No such measure.
    """
    chosen = _measure(measure, measures)
    return _total(table, table.force(force), chosen, period)[0]


def _measure(measure: str | CrimeMeasure, measures: CrimeMeasures | None) -> CrimeMeasure:
    if isinstance(measure, CrimeMeasure):
        return measure
    return (measures or crime_measures()).measure(measure)


def crime_figure(
    table: CrimeTable,
    force: str | RegisteredForce,
    measure: str | CrimeMeasure,
    period: ReportingPeriod,
    *,
    year_earlier: bool = True,
    baseline: ReportingPeriod | None = None,
    places: int = 0,
    measures: CrimeMeasures | None = None,
) -> Figure:
    """Return the figure of ``measure`` for ``force`` over ``period``, with its comparisons.

    The figure's value is the count, its unit ``count``, its metric the measure's framework
    metric and its source the table's ("Home Office, police recorded crime open data tables,
    published 23 April 2026"). Each comparison holds its period, the count then and the
    change, the percentage rounded half up to ``places`` decimal places.

    Args:
        table: The table.
        force: The force: a registered force, or its code or name.
        measure: The measure, or its id ("homicides").
        period: The period: whole financial quarters.
        year_earlier: Compare with the same period a year earlier.
        baseline: Compare with this period, which must be as long as ``period``.
        places: Decimal places of the stated percentage changes.
        measures: The set of measures ``measure`` is looked up in (default: the 2021
            National Crime and Policing Measures').

    Raises:
        MissingCountError: A count the figure or a comparison needs is missing.
        SeriesError: The baseline is not as long as the period.
        PeriodError: A period is not whole quarters.
    """
    chosen = _measure(measure, measures)
    return _figure(table, table.force(force), chosen, period, year_earlier, baseline, places)[0]


def _figure(  # noqa: PLR0917 - the private worker of crime_figure
    table: CrimeTable,
    registered: RegisteredForce,
    chosen: CrimeMeasure,
    period: ReportingPeriod,
    year_earlier: bool,
    baseline: ReportingPeriod | None,
    places: int,
) -> tuple[Figure, list[str]]:
    if baseline is not None and baseline.whole_months != period.whole_months:
        raise SeriesError(
            f"the baseline {baseline.canonical_label()} is not as long as "
            f"{period.canonical_label()}; a baseline is compared with a period of the same "
            "length (compare 12 months with 12 months)"
        )
    value, own = _total(table, registered, chosen, period)
    notes: list[str] = []
    wanted: list[tuple[ComparisonBasis, ReportingPeriod]] = []
    if year_earlier:
        wanted.append((ComparisonBasis.SAME_PERIOD_LAST_YEAR, period.year_earlier()))
    if baseline is not None:
        wanted.append((ComparisonBasis.BASELINE, baseline))
    comparisons = []
    for basis, reference_period in wanted:
        reference, other = _total(table, registered, chosen, reference_period)
        if set(own) != set(other):
            notes.append(
                f"{chosen.title}, {period.canonical_label()} against "
                f"{reference_period.canonical_label()}: the offence classification differs "
                "between the two periods, so the comparison is not like for like"
            )
        comparisons.append(
            Comparison(
                basis=basis,
                period=reference_period,
                value=reference,
                change=describe_change(reference, value, places=places),
            )
        )
    figure = Figure(
        measure=chosen.title,
        metric=chosen.metric,
        value=value,
        unit=Unit.COUNT,
        period=period,
        source=table.source_wording,
        comparisons=tuple(comparisons),
    )
    return figure, notes


@frozen(kw_only=True)
class ForceFigures:
    """Every measure's figures for one force, and what could not be given.

    Attributes:
        force: The force.
        figures: The figures, measure by measure, period by period.
        notes: What a reader should know (a comparison across a change of classification).
        not_measured: The framework's metrics recorded crime cannot measure, with the reason.
    """

    force: RegisteredForce
    figures: tuple[Figure, ...]
    notes: tuple[str, ...] = ()
    not_measured: tuple[tuple[str, str], ...] = ()


def force_figures(
    table: CrimeTable,
    force: str | RegisteredForce,
    *,
    periods: Sequence[ReportingPeriod] | None = None,
    measures: CrimeMeasures | None = None,
    only: Iterable[str] | None = None,
    baseline: ReportingPeriod | None = None,
    places: int = 0,
) -> ForceFigures:
    """Return every measure's figures for ``force`` over ``periods``.

    Each figure is compared with the same period a year earlier and, where it is as long
    as the baseline, with the baseline (by default the measures' own: the year ending June
    2019). By default the periods are the four statements quote most up to the table's
    latest quarter (see :func:`standard_periods`).

    Args:
        table: The table.
        force: The force, or its code or name.
        periods: The periods; each whole financial quarters.
        measures: The measures (default: the 2021 National Crime and Policing Measures').
        only: The ids of the measures wanted; by default every one.
        baseline: The baseline period; by default the measures'.
        places: Decimal places of the stated percentage changes.

    Raises:
        MissingCountError: A count a figure needs is missing.
        PeriodError: A period is not whole quarters.
        KeyError: A measure in ``only`` is not in the set.
    """
    chosen = measures or crime_measures()
    registered = table.force(force)
    wanted = [chosen.measure(key) for key in only] if only is not None else list(chosen.measures)
    spans = list(periods) if periods is not None else list(standard_periods(table.latest_quarter()))
    base = baseline if baseline is not None else chosen.baseline_period()
    figures: list[Figure] = []
    notes: list[str] = []
    for measure in wanted:
        for period in spans:
            like = base is not None and base.whole_months == period.whole_months
            figure, found = _figure(
                table, registered, measure, period, True, base if like else None, places
            )
            figures.append(figure)
            notes.extend(found)
    return ForceFigures(
        force=registered,
        figures=tuple(figures),
        notes=tuple(dict.fromkeys(notes)),
        not_measured=tuple((item.metric, item.reason) for item in chosen.not_measured),
    )
