"""Checking a statement against para 7A of the Order and good practice.

The engine, the rule registry, reports and the catalogue; the built-in rules are in
:mod:`pcc_priorities.checks.rules`. Everything a rule author needs is public here. May
import the model, periods, reference, figures, formats and exceptions; never publish or the
command line.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
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
    from pcc_priorities.checks.rules import BUILTIN_RULES, RULESET_VERSION
    from pcc_priorities.checks.text import is_placeholder_only, placeholders

_LAZY = {
    "BUILTIN_RULES": ".rules",
    "CSV_COLUMNS": ".report",
    "Category": ".report",
    "CheckContext": ".registry",
    "ENTRY_POINT_GROUP": ".registry",
    "Finding": ".report",
    "Occurrence": ".registry",
    "REPORT_VERSION": ".report",
    "RULESET_VERSION": ".rules",
    "Report": ".report",
    "Rule": ".registry",
    "RuleCheck": ".registry",
    "RuleRegistry": ".registry",
    "Severity": ".report",
    "catalogue_json": ".catalogue",
    "catalogue_markdown": ".catalogue",
    "catalogue_text": ".catalogue",
    "check": ".engine",
    "default_registry": ".defaults",
    "get_rule": ".defaults",
    "is_placeholder_only": ".text",
    "placeholders": ".text",
    "register_rule": ".defaults",
    "reports_to_csv": ".report",
    "rule": ".registry",
    "rules": ".defaults",
}

__all__ = [
    "BUILTIN_RULES",
    "CSV_COLUMNS",
    "ENTRY_POINT_GROUP",
    "REPORT_VERSION",
    "RULESET_VERSION",
    "Category",
    "CheckContext",
    "Finding",
    "Occurrence",
    "Report",
    "Rule",
    "RuleCheck",
    "RuleRegistry",
    "Severity",
    "catalogue_json",
    "catalogue_markdown",
    "catalogue_text",
    "check",
    "default_registry",
    "get_rule",
    "is_placeholder_only",
    "placeholders",
    "register_rule",
    "reports_to_csv",
    "rule",
    "rules",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
