"""Figures: metrics, values with periods and areas, comparisons and the changes stated."""

from __future__ import annotations

from decimal import Decimal

import attrs
from attrs import field, frozen

from pcc_priorities._typecheck import typed_fields
from pcc_priorities.exceptions import PeriodError
from pcc_priorities.model.values import (
    AreaKind,
    BreakdownKind,
    ComparisonBasis,
    DataStatus,
    Direction,
    Qualifier,
    RankOrder,
    RateDenominator,
    Unit,
    check_count,
    optional_decimal,
)
from pcc_priorities.periods.period import ReportingPeriod

__all__ = [
    "Area",
    "Change",
    "Comparison",
    "DataAvailability",
    "Figure",
    "MetricReference",
    "PartOf",
    "Rank",
    "RateBase",
    "StatementDefaults",
]


# --------------------------------------------------------------------------- stated once


@frozen(kw_only=True, field_transformer=typed_fields)
class StatementDefaults:
    """What a statement states once for all its figures and metrics, "unless otherwise stated".

    "All figures are for the rolling year to March 2023 unless otherwise stated";
    "comparisons are made against a 2019 pre-pandemic baseline"; one data source for every
    measure. Held here once, not copied onto each figure: a figure, comparison or metric that
    gives its own keeps it, and the others take these (:meth:`Figure.effective_period`,
    :meth:`Comparison.effective_period`, :meth:`MetricReference.effective_data_source`).

    Attributes:
        period: The period figures cover where they do not give their own.
        baseline: The baseline period that comparisons with a baseline are made against where
            they do not give their own.
        data_source: The data source of every metric that names none of its own.
        wording: The statement's words for these, as published, in order ("All figures are
            for the rolling year to March 2023 unless otherwise stated."); shown once, where
            the statement puts them. Leave it empty where the words are part of the
            statement's narrative already.
    """

    period: ReportingPeriod | None = None
    baseline: ReportingPeriod | None = None
    data_source: str | None = None
    wording: tuple[str, ...] = ()


# --------------------------------------------------------------------------- figures


@frozen(kw_only=True, field_transformer=typed_fields)
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

    def effective_data_source(self, defaults: StatementDefaults | None) -> str | None:
        """The metric's own data source, or else the one the statement states for all."""
        if self.data_source is not None:
            return self.data_source
        return defaults.data_source if defaults is not None else None


@frozen(kw_only=True, field_transformer=typed_fields)
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
    count: Decimal | None = field(default=None, converter=optional_decimal)
    percent: Decimal | None = field(default=None, converter=optional_decimal)
    percentage_points: Decimal | None = field(default=None, converter=optional_decimal)
    wording: str | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class Area:
    """The area a figure covers when it is not the whole force.

    Attributes:
        kind: The kind of area.
        name: Its name ("North Worcestershire", "Telford & Wrekin").
    """

    kind: AreaKind
    name: str


@frozen(kw_only=True, field_transformer=typed_fields)
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
    value: Decimal | None = field(default=None, converter=optional_decimal)
    area: Area | None = None
    change: Change | None = None
    wording: str | None = None

    def effective_period(
        self, figure_period: ReportingPeriod | None, defaults: StatementDefaults | None = None
    ) -> ReportingPeriod | None:
        """The period of the reference figure: its own, or what follows from the basis.

        A comparison that gives no period of its own may still say which period it means:

        - with the *same period last year*: the figure's period a year earlier;
        - with the *previous period*: the period of the same kind just before the figure's;
        - with the figure *as published before*: the figure's own period;
        - with a *baseline*: the baseline the statement states once (``defaults``).

        None where nothing follows: no figure period, a period whose days are not known, a
        year to date (which has no previous period of its kind), or another basis.

        Args:
            figure_period: The figure's effective period (:meth:`Figure.effective_period`).
            defaults: What the statement states once for all its figures.
        """
        if self.period is not None:
            return self.period
        if self.basis is ComparisonBasis.BASELINE:
            return defaults.baseline if defaults is not None else None
        if figure_period is None:
            return None
        try:
            match self.basis:
                case ComparisonBasis.SAME_PERIOD_LAST_YEAR:
                    return figure_period.year_earlier()
                case ComparisonBasis.PREVIOUS_PERIOD:
                    return figure_period.previous()
                case ComparisonBasis.PREVIOUSLY_PUBLISHED:
                    return figure_period
                case _:
                    return None
        except PeriodError:
            return None


@frozen(kw_only=True, field_transformer=typed_fields)
class RateBase:
    """What a rate is counted per ("per 1,000 households").

    Attributes:
        per: The base number (1000).
        denominator: What is counted (population, households).
    """

    per: int = field(validator=lambda _s, _a, v: check_count(v))
    denominator: RateDenominator


@frozen(kw_only=True, field_transformer=typed_fields)
class Rank:
    """The ranking a figure with unit ``rank`` holds a position in.

    Attributes:
        order: Whether the position counts from the highest or the lowest.
        out_of: How many were ranked (43 forces, 8 in the most similar group).
        group: What was ranked ("forces in England and Wales", "quarters on record").
    """

    order: RankOrder
    out_of: int | None = field(default=None, validator=lambda _s, _a, v: check_count(v))
    group: str | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
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


@frozen(kw_only=True, field_transformer=typed_fields)
class PartOf:
    """That a figure is one part of another: a breakdown by area or by offence.

    "3 offences in one division and 2 in the other, of 5": the two divisions' figures are
    each part of the force's figure, by area. Two or more parts of one figure broken down
    the same way are its breakdown and should add up to it; a single part is a share of it
    ("3 of them in Luton") and should not exceed it.

    Attributes:
        figure: The id of the figure this one is a part of (the whole).
        by: How the whole is divided.
    """

    figure: str
    by: BreakdownKind = BreakdownKind.AREA


@frozen(kw_only=True, field_transformer=typed_fields)
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
        part_of: The figure this one is a part of, where it is one part of a breakdown.
        source: Where the figure comes from, where said for it alone ("DCPP").
        comparisons: What the figure is compared with.
        availability: Why the data is not available, where it is not.
        id: An optional id, unique in the statement, for tools to refer to the figure.
    """

    measure: str
    metric: str | None = None
    wording: str | None = None
    value: Decimal | None = field(default=None, converter=optional_decimal)
    upper_value: Decimal | None = field(default=None, converter=optional_decimal)
    qualifier: Qualifier | None = None
    unit: Unit | None = None
    rate_base: RateBase | None = None
    rank: Rank | None = None
    period: ReportingPeriod | None = None
    area: Area | None = None
    part_of: PartOf | None = None
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

    def effective_period(self, defaults: StatementDefaults | None) -> ReportingPeriod | None:
        """The period the figure covers: its own, or else the one stated for all figures."""
        if self.period is not None:
            return self.period
        return defaults.period if defaults is not None else None
