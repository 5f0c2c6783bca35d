"""Editions of a statement: scaffolding a new one, and what changed between two.

May import the model, periods, reference, convert, formats and exceptions.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.editions.differ import diff
    from pcc_priorities.editions.differences import (
        Difference,
        DifferenceKind,
        StatementDiff,
        diff_to_json,
        diff_to_text,
    )
    from pcc_priorities.editions.scaffold import DEFAULT_FRAMEWORK, ORDER_PARA_7A, new_statement

_LAZY = {
    "DEFAULT_FRAMEWORK": "pcc_priorities.editions.scaffold",
    "Difference": "pcc_priorities.editions.differences",
    "DifferenceKind": "pcc_priorities.editions.differences",
    "ORDER_PARA_7A": "pcc_priorities.editions.scaffold",
    "StatementDiff": "pcc_priorities.editions.differences",
    "diff": "pcc_priorities.editions.differ",
    "diff_to_json": "pcc_priorities.editions.differences",
    "diff_to_text": "pcc_priorities.editions.differences",
    "new_statement": "pcc_priorities.editions.scaffold",
}

__all__ = [
    "DEFAULT_FRAMEWORK",
    "ORDER_PARA_7A",
    "Difference",
    "DifferenceKind",
    "StatementDiff",
    "diff",
    "diff_to_json",
    "diff_to_text",
    "new_statement",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
