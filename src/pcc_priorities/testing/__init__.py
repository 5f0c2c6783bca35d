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
        figures,
        glossary_entries,
        json_pointers,
        metric_references,
        plan_references,
        police_forces,
        policing_bodies,
        priority_sections,
        statements,
        suppressions,
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
        reporting_periods,
        texts,
    )

_LAZY = {
    "applicability_assessments": ".model",
    "areas": ".model",
    "authorships": ".model",
    "blocks": ".model",
    "changes": ".model",
    "comparisons": ".model",
    "dates": ".values",
    "decimals": ".values",
    "extensions": ".values",
    "figures": ".model",
    "findings": ".reports",
    "glossary_entries": ".model",
    "hostile_texts": ".values",
    "json_pointers": ".model",
    "json_values": ".values",
    "kinded_periods": ".values",
    "metric_references": ".model",
    "partial_dates": ".values",
    "plan_references": ".model",
    "police_forces": ".model",
    "policing_bodies": ".model",
    "priority_sections": ".model",
    "reporting_periods": ".values",
    "reports": ".reports",
    "statements": ".model",
    "suppressions": ".model",
    "texts": ".values",
}

__all__ = [
    "applicability_assessments",
    "areas",
    "authorships",
    "blocks",
    "changes",
    "comparisons",
    "dates",
    "decimals",
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
    "plan_references",
    "police_forces",
    "policing_bodies",
    "priority_sections",
    "reporting_periods",
    "reports",
    "statements",
    "suppressions",
    "texts",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
