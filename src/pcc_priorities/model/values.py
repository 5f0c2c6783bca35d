"""Exact numbers and the enumerations the statement model uses."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum

from pcc_priorities.model.json_values import FrozenJSONObject, freeze_object

__all__ = [
    "Applicability",
    "AreaKind",
    "AuthorKind",
    "BreakdownKind",
    "ComparisonBasis",
    "DataStatus",
    "Direction",
    "NarrativeRole",
    "PlanKind",
    "Qualifier",
    "RankOrder",
    "RateDenominator",
    "StatementPart",
    "Unit",
]


# --------------------------------------------------------------------------- value helpers


#: The smallest and largest decimal exponent (``Decimal.adjusted()``) of a number a statement
#: may hold: far beyond any figure a policing body publishes, and small enough that every
#: number can be written and read back exactly (Python refuses integers over 4,300 digits).
_MIN_EXPONENT = -100
_MAX_EXPONENT = 100


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Return ``value`` as a finite :class:`~decimal.Decimal`, keeping its written digits.

    Accepts a Decimal, an int or a numeric string ("0.1", "1209"). Floats are refused,
    because a binary float cannot hold most decimal values exactly. Numbers whose decimal
    exponent is outside -100..100 (below 1E-100 or from 1E+101 on) are refused as absurd.

    Raises:
        TypeError: ``value`` is a float, a bool or another type.
        ValueError: ``value`` is not a finite number, or its magnitude is out of range.
    """
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise TypeError(
            f"expected a Decimal, an int or a numeric string, got {type(value).__name__}"
        )
    try:
        number = value if isinstance(value, Decimal) else Decimal(value)
    except ArithmeticError:
        raise ValueError(f"{value!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"expected a finite number, got {value!r}")
    if not _MIN_EXPONENT <= number.adjusted() <= _MAX_EXPONENT:
        shown = str(number) if len(str(number)) <= 40 else format(number, ".3E")
        raise ValueError(
            f"expected a number whose decimal exponent is {_MIN_EXPONENT} to {_MAX_EXPONENT} "
            f"(from 1E{_MIN_EXPONENT} to below 1E+{_MAX_EXPONENT + 1}), got {shown}"
        )
    return number


#: Whole numbers in the model (how many were ranked, a rate's base) stay within this size, so
#: every valid statement can be written and read back (Python reads at most 4,300 digits).
_MAX_COUNT = 10**15


def check_count(value: int | None) -> None:
    if value is not None and not -_MAX_COUNT <= value <= _MAX_COUNT:
        raise ValueError(f"the whole number is out of range (at most {_MAX_COUNT:,} either way)")


def optional_decimal(value: Decimal | int | str | None) -> Decimal | None:
    if value is None or (
        type(value) is Decimal
        and value.is_finite()
        and _MIN_EXPONENT <= value.adjusted() <= _MAX_EXPONENT
    ):
        return value
    return to_decimal(value)


def freeze_extensions(value: Mapping[str, object] | None) -> FrozenJSONObject:
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


class BreakdownKind(StrEnum):
    """How a figure that is part of another divides it."""

    #: By area: one division's, district's or local policing area's share of the total.
    AREA = "area"
    #: By offence: burglaries among neighbourhood crimes.
    OFFENCE = "offence"
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


class StatementPart(StrEnum):
    """A part of a statement, for the order in which the statement publishes its parts."""

    #: The statutory preamble (what the Order requires).
    PREAMBLE = "preamble"
    #: The statement-wide applicability assessment (para 7A(b)).
    APPLICABILITY = "applicability"
    #: Narrative before the priority sections.
    INTRODUCTION = "introduction"
    #: What the statement states once for all its figures (a period, a baseline, a source).
    DEFAULTS = "defaults"
    #: The statement of contribution made once for several or all priorities (para 7A(a)).
    CONTRIBUTION = "contribution"
    #: The priority sections, under their heading.
    SECTIONS = "sections"
    #: The review and variation wording.
    REVIEW = "review"
    #: The local plans and strategies the statement cites.
    PLANS = "plans"
    #: Abbreviations spelled out outside the text.
    GLOSSARY = "glossary"
