"""Checking a statement against para 7A of the Order and good practice.

The engine, the rule registry, reports and the catalogue; the built-in rules are in
:mod:`pcc_priorities.checks.builtin`. Everything a rule author needs is public here. May
import the model, periods, reference, figures, formats and exceptions; never publish or the
command line.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.checks.builtin import BUILTIN_RULES, RULESET_VERSION
    from pcc_priorities.checks.catalogue import catalogue_json, catalogue_markdown, catalogue_text
    from pcc_priorities.checks.defaults import default_registry, get_rule, register_rule, rules
    from pcc_priorities.checks.engine import check
    from pcc_priorities.checks.registry import (
        ENTRY_POINT_GROUP,
        CheckContext,
        Occurrence,
        Rule,
        RuleCheck,
        RuleRegistry,
        rule,
    )
    from pcc_priorities.checks.report import (
        CSV_COLUMNS,
        REPORT_VERSION,
        Category,
        Finding,
        Report,
        Severity,
        reports_to_csv,
    )
    from pcc_priorities.checks.text import is_placeholder_only, placeholders
    from pcc_priorities.model.pointer import pointer
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
    )

_LAZY = {
    "BUILTIN_RULES": "pcc_priorities.checks.builtin",
    "BlockAtPath": "pcc_priorities.model.walk",
    "CSV_COLUMNS": "pcc_priorities.checks.report",
    "Category": "pcc_priorities.checks.report",
    "CheckContext": "pcc_priorities.checks.registry",
    "ENTRY_POINT_GROUP": "pcc_priorities.checks.registry",
    "FigureAtPath": "pcc_priorities.model.walk",
    "Finding": "pcc_priorities.checks.report",
    "Occurrence": "pcc_priorities.checks.registry",
    "PeriodAtPath": "pcc_priorities.model.walk",
    "REPORT_VERSION": "pcc_priorities.checks.report",
    "RULESET_VERSION": "pcc_priorities.checks.builtin",
    "Report": "pcc_priorities.checks.report",
    "Rule": "pcc_priorities.checks.registry",
    "RuleCheck": "pcc_priorities.checks.registry",
    "RuleRegistry": "pcc_priorities.checks.registry",
    "Severity": "pcc_priorities.checks.report",
    "TextAtPath": "pcc_priorities.model.walk",
    "TextKind": "pcc_priorities.model.walk",
    "catalogue_json": "pcc_priorities.checks.catalogue",
    "catalogue_markdown": "pcc_priorities.checks.catalogue",
    "catalogue_text": "pcc_priorities.checks.catalogue",
    "check": "pcc_priorities.checks.engine",
    "default_registry": "pcc_priorities.checks.defaults",
    "get_rule": "pcc_priorities.checks.defaults",
    "is_placeholder_only": "pcc_priorities.checks.text",
    "iter_blocks": "pcc_priorities.model.walk",
    "iter_figures": "pcc_priorities.model.walk",
    "iter_periods": "pcc_priorities.model.walk",
    "iter_texts": "pcc_priorities.model.walk",
    "placeholders": "pcc_priorities.checks.text",
    "pointer": "pcc_priorities.model.pointer",
    "register_rule": "pcc_priorities.checks.defaults",
    "reports_to_csv": "pcc_priorities.checks.report",
    "rule": "pcc_priorities.checks.registry",
    "rules": "pcc_priorities.checks.defaults",
}

__all__ = [
    "BUILTIN_RULES",
    "CSV_COLUMNS",
    "ENTRY_POINT_GROUP",
    "REPORT_VERSION",
    "RULESET_VERSION",
    "BlockAtPath",
    "Category",
    "CheckContext",
    "FigureAtPath",
    "Finding",
    "Occurrence",
    "PeriodAtPath",
    "Report",
    "Rule",
    "RuleCheck",
    "RuleRegistry",
    "Severity",
    "TextAtPath",
    "TextKind",
    "catalogue_json",
    "catalogue_markdown",
    "catalogue_text",
    "check",
    "default_registry",
    "get_rule",
    "is_placeholder_only",
    "iter_blocks",
    "iter_figures",
    "iter_periods",
    "iter_texts",
    "placeholders",
    "pointer",
    "register_rule",
    "reports_to_csv",
    "rule",
    "rules",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
