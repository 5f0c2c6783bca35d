"""The statement as a tree of frozen attrs classes, named in the words of the Order.

No I/O, no serialisation rules, no statutory rules. May import :mod:`pcc_priorities.periods`
and :mod:`pcc_priorities.exceptions` only.

Every class checks its values' types on construction
(:mod:`pcc_priorities._typecheck`): a wrong type raises :class:`TypeError` naming the
class and field. Fields that hold several things take tuples; a list is refused, not
converted, because the objects are frozen and hashable.
"""

from __future__ import annotations

from pcc_priorities.model.figures import (
    Area,
    Change,
    Comparison,
    DataAvailability,
    Figure,
    MetricReference,
    PartOf,
    Rank,
    RateBase,
    StatementDefaults,
)
from pcc_priorities.model.json_values import FrozenJSONObject, JSONValue
from pcc_priorities.model.narrative import Block, BulletList, Paragraph, Quotation, Subsection
from pcc_priorities.model.pointer import Path, parse_pointer, pointer
from pcc_priorities.model.statement import (
    USUAL_ORDER,
    ApplicabilityAssessment,
    Authorship,
    Contact,
    EditionRecord,
    GlossaryEntry,
    PlanPriority,
    PlanReference,
    PoliceForce,
    PolicingBody,
    PrioritySection,
    Statement,
    StatementOfContribution,
    Suppression,
    Translation,
)
from pcc_priorities.model.values import (
    Applicability,
    AreaKind,
    AuthorKind,
    BreakdownKind,
    ComparisonBasis,
    DataStatus,
    Direction,
    NarrativeRole,
    PlanKind,
    Qualifier,
    RankOrder,
    RateDenominator,
    StatementPart,
    Unit,
)
from pcc_priorities.model.walk import (
    BlockAtPath,
    FigureAtPath,
    PeriodAtPath,
    TextAtPath,
    TextKind,
    iter_blocks,
    iter_figures,
    iter_periods,
    iter_texts,
    path_sort_key,
    resolves,
)
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.kinds import PeriodKind
from pcc_priorities.periods.period import ReportingPeriod

__all__ = [
    "USUAL_ORDER",
    "Applicability",
    "ApplicabilityAssessment",
    "Area",
    "AreaKind",
    "AuthorKind",
    "Authorship",
    "Block",
    "BlockAtPath",
    "BreakdownKind",
    "BulletList",
    "Change",
    "Comparison",
    "ComparisonBasis",
    "Contact",
    "DataAvailability",
    "DataStatus",
    "Direction",
    "EditionRecord",
    "Figure",
    "FigureAtPath",
    "FrozenJSONObject",
    "GlossaryEntry",
    "JSONValue",
    "MetricReference",
    "NarrativeRole",
    "Paragraph",
    "PartOf",
    "PartialDate",
    "Path",
    "PeriodAtPath",
    "PeriodKind",
    "PlanKind",
    "PlanPriority",
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
    "StatementDefaults",
    "StatementOfContribution",
    "StatementPart",
    "Subsection",
    "Suppression",
    "TextAtPath",
    "TextKind",
    "Translation",
    "Unit",
    "iter_blocks",
    "iter_figures",
    "iter_periods",
    "iter_texts",
    "parse_pointer",
    "path_sort_key",
    "pointer",
    "resolves",
]
