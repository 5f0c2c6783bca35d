"""The statement on the national policing priorities, as a tree of frozen attrs classes.

Names follow the Elected Local Policing Bodies (Specified Information) Order 2011, Sch. para 7A
(as inserted by SI 2021/547) and the wording of published statements. Only invariants that
can never be false live here; statutory and good-practice rules live in the checker, and
serialisation lives in the formats.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeAlias

import attrs
from attrs import field, frozen

from pcc_priorities._jsonvalue import FrozenJSONObject, JSONValue, freeze_object

__all__ = [
    "Applicability",
    "ApplicabilityAssessment",
    "Area",
    "AreaKind",
    "AuthorKind",
    "Authorship",
    "Block",
    "BulletList",
    "Change",
    "Comparison",
    "ComparisonBasis",
    "DataAvailability",
    "DataStatus",
    "Direction",
    "Figure",
    "GlossaryEntry",
    "MetricReference",
    "NarrativeRole",
    "Paragraph",
    "PartialDate",
    "PeriodKind",
    "PlanKind",
    "PlanReference",
    "PoliceForce",
    "PolicingBody",
    "PrioritySection",
    "Qualifier",
    "Quotation",
    "Rank",
    "RankOrder",
    "RateBase",
    "RateDenominator",
    "ReportingPeriod",
    "Statement",
    "Subsection",
    "Unit",
]


# --------------------------------------------------------------------------- value helpers


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Return ``value`` as a finite :class:`~decimal.Decimal`, keeping its written digits.

    Accepts a Decimal, an int or a numeric string ("0.1", "1209"). Floats are refused,
    because a binary float cannot hold most decimal values exactly.

    Raises:
        TypeError: ``value`` is a float, a bool or another type.
        ValueError: ``value`` is not a finite number.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise TypeError(
            f"expected a Decimal, an int or a numeric string, got {type(value).__name__}"
        )
    try:
        number = value if isinstance(value, Decimal) else Decimal(value)
    except ArithmeticError:
        raise ValueError(f"{value!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"expected a finite number, got {value!r}")
    return number


def _optional_decimal(value: Decimal | int | str | None) -> Decimal | None:
    if value is None or (type(value) is Decimal and value.is_finite()):
        return value
    return to_decimal(value)


def _extensions(value: Mapping[str, object] | None) -> FrozenJSONObject:
    return freeze_object(value or {})


# --------------------------------------------------------------------------- enumerations


class AuthorKind(StrEnum):
    """Who prepared the statement."""

    #: The office of the elected local policing body (the commissioner's office).
    POLICING_BODY = "policing_body"
    #: The police force ("provided by West Mercia Police").
    POLICE_FORCE = "police_force"
    #: The body and the force together.
    JOINT = "joint"


class Applicability(StrEnum):
    """Whether a national priority is assessed to be applicable in the police area (7A(b))."""

    APPLICABLE = "applicable"
    NOT_APPLICABLE = "not_applicable"
    #: The statement defers the assessment ("will be provided").
    NOT_YET_ASSESSED = "not_yet_assessed"


class Unit(StrEnum):
    """The unit of a figure's value."""

    COUNT = "count"
    PERCENT = "percent"
    #: Pounds sterling.
    MONEY = "money"
    #: A rate, with its base in :attr:`Figure.rate_base` (per 1,000 population).
    RATE = "rate"
    #: A position in a ranking; the ranking is in :attr:`Figure.rank`.
    RANK = "rank"


class RateDenominator(StrEnum):
    """What a rate is counted per."""

    POPULATION = "population"
    HOUSEHOLDS = "households"


class Qualifier(StrEnum):
    """How a figure's value is hedged in the published wording."""

    #: "~80%", "approximately 300".
    APPROXIMATELY = "approximately"
    #: "up to 53%".
    UP_TO = "up_to"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"


class ComparisonBasis(StrEnum):
    """What a figure is compared with."""

    #: The period before, of the same kind (Q1 against Q4).
    PREVIOUS_PERIOD = "previous_period"
    #: The same period a year earlier.
    SAME_PERIOD_LAST_YEAR = "same_period_last_year"
    #: A baseline (the 2019 pre-pandemic baseline of the national measures).
    BASELINE = "baseline"
    #: A target ("against a target of 80%").
    TARGET = "target"
    #: The most similar group of forces (MSG).
    MOST_SIMILAR_GROUP = "most_similar_group"
    #: The average for England and Wales.
    NATIONAL_AVERAGE = "national_average"
    #: A peak ("a rolling 12-month peak of 24 in October 2022").
    PEAK = "peak"
    #: The same figure as published before ("20 ... has now been reduced to 19").
    PREVIOUSLY_PUBLISHED = "previously_published"
    #: The statement gives a change but does not say against what.
    UNSTATED = "unstated"
    OTHER = "other"


class Direction(StrEnum):
    """The direction of a stated change."""

    INCREASE = "increase"
    DECREASE = "decrease"
    STABLE = "stable"


class AreaKind(StrEnum):
    """The kind of area a figure covers."""

    FORCE = "force"
    LOCAL_POLICING_AREA = "local_policing_area"
    #: A district, borough or community safety partnership area.
    DISTRICT = "district"
    MOST_SIMILAR_GROUP = "most_similar_group"
    REGION = "region"
    NATIONAL = "national"
    OTHER = "other"


class RankOrder(StrEnum):
    """Which end a rank counts from ("8th highest", "fifth lowest")."""

    HIGHEST = "highest"
    LOWEST = "lowest"


class DataStatus(StrEnum):
    """Why a figure's data is not plainly available."""

    NOT_AVAILABLE = "not_available"
    #: Provisional data (iQuanta).
    PROVISIONAL = "provisional"
    #: Promised for later ("figures will be published in due course").
    TO_FOLLOW = "to_follow"


class NarrativeRole(StrEnum):
    """What a narrative block does in its section."""

    #: What the figures show.
    PERFORMANCE = "performance"
    #: "Reflections on force performance".
    REFLECTIONS = "reflections"
    #: What the force is doing.
    ACTIVITY = "activity"
    #: What comes next.
    OUTLOOK = "outlook"
    #: Background, the national picture, quotations.
    CONTEXT = "context"


class PlanKind(StrEnum):
    """The kind of local document a statement refers to."""

    POLICE_AND_CRIME_PLAN = "police_and_crime_plan"
    CONTROL_STRATEGY = "control_strategy"
    OTHER = "other"


class PeriodKind(StrEnum):
    """The form in which a reporting period is written."""

    #: "2022/23": 1 April to 31 March.
    FINANCIAL_YEAR = "financial_year"
    #: "Q1 2023/24": Q1 is April to June.
    FINANCIAL_QUARTER = "financial_quarter"
    CALENDAR_YEAR = "calendar_year"
    #: "October–December 2022".
    CALENDAR_QUARTER = "calendar_quarter"
    MONTH = "month"
    #: A run of whole months ("April to July 2023").
    MONTHS = "months"
    #: From 1 April to the end of a month ("YTD (Apr-June 23)").
    YEAR_TO_DATE = "year_to_date"
    #: Whole months up to a month ("rolling 12 months to June 2023", "year ending June 2019").
    ROLLING = "rolling"
    #: Any span of days ("1st October 2019 – 30th September 2022").
    DATE_RANGE = "date_range"
    #: A single day.
    DAY = "day"


# --------------------------------------------------------------------------- dates


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


@frozen(kw_only=True)
class PartialDate:
    """A date known to the year, the month or the day ("Published September 2023").

    Attributes:
        year: The year.
        month: The month (1-12), or None when only the year is known.
        day: The day of the month, or None when only the month is known.
    """

    year: int = field()
    month: int | None = None
    day: int | None = None

    @year.validator
    def _check(self, _attribute: attrs.Attribute[int], year: int) -> None:
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} is out of range 1-9999")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is out of range 1-12")
        if self.day is not None:
            last = calendar.monthrange(year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(
                    f"day {self.day} is out of range 1-{last} for {year}-{self.month:02}"
                )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            ValueError: ``text`` is not in one of those forms, or is not a real date.
        """
        match = _PARTIAL_DATE.fullmatch(text)
        if match is None:
            raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
        year, month, day = match.groups()
        return cls(
            year=int(year),
            month=None if month is None else int(month),
            day=None if day is None else int(day),
        )

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        """Return a day-precision PartialDate for ``value``."""
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def earliest(self) -> date:
        """The first day the date can stand for."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        """The last day the date can stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04}"
        if self.month is not None:
            text += f"-{self.month:02}"
        if self.day is not None:
            text += f"-{self.day:02}"
        return text


@frozen(kw_only=True)
class ReportingPeriod:
    """A span of days that figures are reported for, with the label as published.

    Attributes:
        start: The first day of the period.
        end: The last day of the period (inclusive; not before ``start``).
        label: The period as the statement writes it ("Q1 23/24", "YTD (Apr-June 23)").
        kind: The form of the period, where known.
    """

    start: date
    end: date = field()
    label: str | None = None
    kind: PeriodKind | None = None

    @end.validator
    def _check_order(self, _attribute: attrs.Attribute[date], end: date) -> None:
        if end < self.start:
            raise ValueError(f"period ends ({end}) before it starts ({self.start})")


# --------------------------------------------------------------------------- who


@frozen(kw_only=True)
class PolicingBody:
    """The elected local policing body that publishes the statement.

    Attributes:
        kind: The kind of body, an id from the register's body kinds ("pcc", "pfcc",
            "mayor", "mopac").
        name: The body's name as published ("Police and Crime Commissioner for West Mercia").
        holder: The name of the office holder, where given.
    """

    kind: str
    name: str
    holder: str | None = None


@frozen(kw_only=True)
class PoliceForce:
    """The police force maintained by the body.

    Attributes:
        code: The ONS police force area code ("E23000016").
        name: The force's name as published ("West Mercia Police").
    """

    code: str
    name: str


@frozen(kw_only=True)
class Authorship:
    """Who prepared the statement.

    Attributes:
        by: The body's office, the force, or both.
        wording: The wording as published ("Provided by West Mercia Police").
    """

    by: AuthorKind
    wording: str | None = None


@frozen(kw_only=True)
class PlanReference:
    """A local document the statement refers to: the police and crime plan, a control strategy.

    Attributes:
        kind: What kind of document it is.
        title: Its title ("Safer West Mercia Plan").
        owner: Who owns it ("West Mercia Police"), where said.
        period: The years it covers, where said.
        published: When it was published, where said.
        url: Where it is published.
        priorities: Its own priorities, as written.
    """

    kind: PlanKind
    title: str
    owner: str | None = None
    period: ReportingPeriod | None = None
    published: PartialDate | None = None
    url: str | None = None
    priorities: tuple[str, ...] = ()


@frozen(kw_only=True)
class GlossaryEntry:
    """An abbreviation the statement spells out outside its text.

    Attributes:
        term: The abbreviation ("OCG").
        expansion: What it stands for ("organised crime group").
    """

    term: str
    expansion: str


# --------------------------------------------------------------------------- applicability


@frozen(kw_only=True)
class ApplicabilityAssessment:
    """Which national priorities apply in the police area, and why (para 7A(b)).

    Attributes:
        status: Applicable, not applicable, or not yet assessed.
        reasons: The reasons given for the assessment.
        aligns_with: The local plans or strategies the assessment rests on, by title.
        wording: The assessment as published.
    """

    status: Applicability
    reasons: tuple[str, ...] = ()
    aligns_with: tuple[str, ...] = ()
    wording: str | None = None


# --------------------------------------------------------------------------- figures


@frozen(kw_only=True)
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


@frozen(kw_only=True)
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
    count: Decimal | None = field(default=None, converter=_optional_decimal)
    percent: Decimal | None = field(default=None, converter=_optional_decimal)
    percentage_points: Decimal | None = field(default=None, converter=_optional_decimal)
    wording: str | None = None


@frozen(kw_only=True)
class Area:
    """The area a figure covers when it is not the whole force.

    Attributes:
        kind: The kind of area.
        name: Its name ("North Worcestershire", "Telford & Wrekin").
    """

    kind: AreaKind
    name: str


@frozen(kw_only=True)
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
    value: Decimal | None = field(default=None, converter=_optional_decimal)
    area: Area | None = None
    change: Change | None = None
    wording: str | None = None


@frozen(kw_only=True)
class RateBase:
    """What a rate is counted per ("per 1,000 households").

    Attributes:
        per: The base number (1000).
        denominator: What is counted (population, households).
    """

    per: int
    denominator: RateDenominator


@frozen(kw_only=True)
class Rank:
    """The ranking a figure with unit ``rank`` holds a position in.

    Attributes:
        order: Whether the position counts from the highest or the lowest.
        out_of: How many were ranked (43 forces, 8 in the most similar group).
        group: What was ranked ("forces in England and Wales", "quarters on record").
    """

    order: RankOrder
    out_of: int | None = None
    group: str | None = None


@frozen(kw_only=True)
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


@frozen(kw_only=True)
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
    value: Decimal | None = field(default=None, converter=_optional_decimal)
    upper_value: Decimal | None = field(default=None, converter=_optional_decimal)
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


# --------------------------------------------------------------------------- narrative


@frozen(kw_only=True)
class Paragraph:
    """A paragraph of narrative.

    Attributes:
        text: The paragraph as published.
        role: What the paragraph does in its section.
    """

    text: str
    role: NarrativeRole | None = None


@frozen(kw_only=True)
class BulletList:
    """A list of items.

    Attributes:
        items: The items, in order, as published.
        ordered: Whether the items are numbered.
        role: What the list does in its section.
    """

    items: tuple[str, ...]
    ordered: bool = False
    role: NarrativeRole | None = None


@frozen(kw_only=True)
class Quotation:
    """A quotation, with its attribution ("Beating Crime Plan, 2021").

    Attributes:
        text: The words quoted, without quotation marks.
        attribution: Who or what is quoted.
        role: What the quotation does in its section.
    """

    text: str
    attribution: str | None = None
    role: NarrativeRole | None = None


@frozen(kw_only=True)
class Subsection:
    """A titled part of a section, with its own narrative and figures.

    West Mercia splits neighbourhood crime into theft from the person, robbery, burglary and
    vehicle crime; "Reflections on force performance" is a subsection with role reflections.

    Attributes:
        title: The heading as published.
        blocks: The narrative, in order.
        figures: The figures stated in this subsection.
        role: What the subsection does in its section.
    """

    title: str
    blocks: tuple[Block, ...] = ()
    figures: tuple[Figure, ...] = ()
    role: NarrativeRole | None = None


#: A narrative block: the tagged union stored under ``"type"`` in JSON.
Block: TypeAlias = Paragraph | BulletList | Quotation | Subsection


# --------------------------------------------------------------------------- the statement


@frozen(kw_only=True)
class PrioritySection:
    """What the statement says about one national priority.

    Attributes:
        priority: The id of the national priority in the statement's framework.
        title: The priority's title as published ("Improve victim satisfaction with a focus on
            victims of domestic abuse").
        metrics: The metrics listed, with their data sources.
        figures: The figures stated for the priority (outside any subsection).
        applicability: The section's own applicability assessment, where given.
        blocks: The narrative: the statement of the force's contribution (para 7A(a)).
        extensions: Namespaced data of other tools, kept exactly.
    """

    priority: str
    title: str
    metrics: tuple[MetricReference, ...] = ()
    figures: tuple[Figure, ...] = ()
    applicability: ApplicabilityAssessment | None = None
    blocks: tuple[Block, ...] = ()
    extensions: FrozenJSONObject = field(factory=FrozenJSONObject, converter=_extensions)


@frozen(kw_only=True)
class Statement:
    """A statement on the national policing priorities (Specified Information Order, para 7A).

    Attributes:
        body: The elected local policing body that publishes it.
        force: The police force whose contribution it describes.
        prepared_by: Who prepared it.
        title: The title as published.
        edition: The edition label as published ("Update April 2024").
        language: The language, as a BCP 47 tag ("en-GB", "cy").
        published: When it was published, to the precision given.
        framework: The id of the national framework it reports against ("ncpm-2021").
        periods: The periods it covers.
        preamble: The statutory preamble (what the Order requires).
        applicability: The statement-wide applicability assessment (para 7A(b)).
        introduction: Narrative before the priority sections.
        sections_heading: The heading over the priority sections, as published.
        sections: One section per priority, in published order.
        review: The review and variation wording.
        source_url: Where the statement is published.
        plans: The local police and crime plan, control strategy and other documents cited.
        glossary: Abbreviations spelled out outside the text.
        extensions: Namespaced data of other tools, kept exactly.
    """

    body: PolicingBody
    force: PoliceForce
    framework: str
    title: str
    prepared_by: Authorship | None = None
    edition: str | None = None
    language: str = "en-GB"
    published: PartialDate | None = None
    periods: tuple[ReportingPeriod, ...] = ()
    preamble: tuple[Block, ...] = ()
    applicability: ApplicabilityAssessment | None = None
    introduction: tuple[Block, ...] = ()
    sections_heading: str | None = None
    sections: tuple[PrioritySection, ...] = ()
    review: str | None = None
    source_url: str | None = None
    plans: tuple[PlanReference, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    extensions: FrozenJSONObject = field(factory=FrozenJSONObject, converter=_extensions)

    def section(self, priority: str) -> PrioritySection | None:
        """Return the first section for ``priority``, or None."""
        return next((s for s in self.sections if s.priority == priority), None)


#: Any value the model holds in extensions.
ExtensionValue: TypeAlias = JSONValue
