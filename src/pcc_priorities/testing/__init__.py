"""Hypothesis strategies for every model class (the ``testing`` extra).

For property tests of code built on pcc-priorities.

Example::

    from hypothesis import given
    from pcc_priorities import dumps, loads
    from pcc_priorities.testing import statements

    @given(statements())
    def test_round_trip(statement):
        assert loads(dumps(statement)) == statement
"""

try:
    import hypothesis  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "pcc_priorities.testing needs Hypothesis: pip install 'pcc-priorities[testing]'"
    ) from error

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.testing.model import (
        applicability_assessments,
        areas,
        authorships,
        blocks,
        changes,
        comparisons,
        contacts,
        edition_records,
        figures,
        glossary_entries,
        json_pointers,
        metric_references,
        plan_priorities,
        plan_references,
        police_forces,
        policing_bodies,
        priority_sections,
        statement_defaults,
        statements,
        statements_of_contribution,
        suppressions,
        translations,
    )
    from pcc_priorities.testing.reports import findings, reports
    from pcc_priorities.testing.values import (
        dates,
        decimals,
        extensions,
        hostile_texts,
        json_values,
        kinded_periods,
        partial_dates,
        partial_periods,
        reporting_periods,
        texts,
    )

_LAZY = {
    "applicability_assessments": "pcc_priorities.testing.model",
    "areas": "pcc_priorities.testing.model",
    "authorships": "pcc_priorities.testing.model",
    "blocks": "pcc_priorities.testing.model",
    "changes": "pcc_priorities.testing.model",
    "comparisons": "pcc_priorities.testing.model",
    "dates": "pcc_priorities.testing.values",
    "decimals": "pcc_priorities.testing.values",
    "extensions": "pcc_priorities.testing.values",
    "figures": "pcc_priorities.testing.model",
    "findings": "pcc_priorities.testing.reports",
    "contacts": "pcc_priorities.testing.model",
    "edition_records": "pcc_priorities.testing.model",
    "glossary_entries": "pcc_priorities.testing.model",
    "hostile_texts": "pcc_priorities.testing.values",
    "json_pointers": "pcc_priorities.testing.model",
    "json_values": "pcc_priorities.testing.values",
    "kinded_periods": "pcc_priorities.testing.values",
    "metric_references": "pcc_priorities.testing.model",
    "partial_dates": "pcc_priorities.testing.values",
    "partial_periods": "pcc_priorities.testing.values",
    "plan_priorities": "pcc_priorities.testing.model",
    "plan_references": "pcc_priorities.testing.model",
    "police_forces": "pcc_priorities.testing.model",
    "policing_bodies": "pcc_priorities.testing.model",
    "priority_sections": "pcc_priorities.testing.model",
    "statement_defaults": "pcc_priorities.testing.model",
    "statements_of_contribution": "pcc_priorities.testing.model",
    "reporting_periods": "pcc_priorities.testing.values",
    "reports": "pcc_priorities.testing.reports",
    "statements": "pcc_priorities.testing.model",
    "suppressions": "pcc_priorities.testing.model",
    "translations": "pcc_priorities.testing.model",
    "texts": "pcc_priorities.testing.values",
}

__all__ = [
    "applicability_assessments",
    "areas",
    "authorships",
    "blocks",
    "changes",
    "comparisons",
    "contacts",
    "dates",
    "decimals",
    "edition_records",
    "extensions",
    "figures",
    "findings",
    "glossary_entries",
    "hostile_texts",
    "json_pointers",
    "json_values",
    "kinded_periods",
    "metric_references",
    "partial_dates",
    "partial_periods",
    "plan_priorities",
    "plan_references",
    "police_forces",
    "policing_bodies",
    "priority_sections",
    "reporting_periods",
    "reports",
    "statement_defaults",
    "statements",
    "statements_of_contribution",
    "suppressions",
    "texts",
    "translations",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
