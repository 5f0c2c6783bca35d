"""Figures: metrics, values with periods and areas, comparisons and the changes stated."""

from __future__ import annotations

from decimal import Decimal

import attrs
from attrs import field, frozen

from pcc_priorities._typecheck import typed_fields
from pcc_priorities.model.values import (
    AreaKind,
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
    "Rank",
    "RateBase",
]


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
    value: Decimal | None = field(default=None, converter=optional_decimal)
    upper_value: Decimal | None = field(default=None, converter=optional_decimal)
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
