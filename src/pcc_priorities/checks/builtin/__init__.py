"""The built-in rules, one module per code series.

Statutory (PCC1xx), completeness (PCC2xx), consistency (PCC3xx, in two modules),
readability (PCC4xx) and suppressions (PCC9xx).
"""

from __future__ import annotations

from pcc_priorities.checks.builtin.completeness import (
    comparison_basis_unstated,
    comparison_without_period,
    empty_narrative,
    figure_without_period,
    figure_without_unit,
    listed_priority_without_section,
    metric_without_data_source,
    placeholder_text,
    rate_or_rank_incomplete,
    section_without_figures,
    statement_without_figures,
    unavailable_data_unexplained,
)
from pcc_priorities.checks.builtin.consistency import (
    body_differs_from_register,
    body_not_elected,
    change_inconsistent,
    data_source_differs,
    duplicate_priority_section,
    metric_of_other_priority,
    period_after_publication,
    period_in_future,
    priority_title_mismatch,
    publication_date_in_future,
    unknown_priority_section,
)
from pcc_priorities.checks.builtin.figure_consistency import (
    parts_do_not_add_up,
    percentage_impossible,
    period_contradicts_its_kind,
)
from pcc_priorities.checks.builtin.readability import (
    acronym_defined_twice_differently,
    acronym_not_spelled_out,
    acronym_spelled_out_late,
)
from pcc_priorities.checks.builtin.statutory import (
    applicability_missing,
    applicability_not_assessed,
    applicable_without_reasons,
    body_not_identified,
    contribution_missing,
    force_not_identified,
    framework_not_identified,
    not_applicable_without_reasons,
    priority_not_addressed,
    publication_date_missing,
)
from pcc_priorities.checks.builtin.suppressions import (
    suppression_of_unsuppressible_rule,
    suppression_path_not_found,
    suppression_unknown_rule,
    suppression_unused,
    suppression_without_reason,
)
from pcc_priorities.checks.registry import Rule

__all__ = ["BUILTIN_RULES", "RULESET_VERSION"]


#: The version of the built-in rule set: it changes whenever a rule is added, removed or
#: changes what it finds.
RULESET_VERSION = "1.1"


BUILTIN_RULES: tuple[Rule, ...] = (
    priority_not_addressed,
    applicability_missing,
    applicability_not_assessed,
    not_applicable_without_reasons,
    applicable_without_reasons,
    contribution_missing,
    body_not_identified,
    force_not_identified,
    framework_not_identified,
    publication_date_missing,
    section_without_figures,
    metric_without_data_source,
    figure_without_period,
    figure_without_unit,
    rate_or_rank_incomplete,
    comparison_without_period,
    comparison_basis_unstated,
    empty_narrative,
    placeholder_text,
    unavailable_data_unexplained,
    statement_without_figures,
    listed_priority_without_section,
    change_inconsistent,
    publication_date_in_future,
    period_in_future,
    period_after_publication,
    duplicate_priority_section,
    unknown_priority_section,
    priority_title_mismatch,
    metric_of_other_priority,
    data_source_differs,
    body_differs_from_register,
    body_not_elected,
    period_contradicts_its_kind,
    percentage_impossible,
    parts_do_not_add_up,
    acronym_not_spelled_out,
    acronym_spelled_out_late,
    acronym_defined_twice_differently,
    suppression_unknown_rule,
    suppression_path_not_found,
    suppression_unused,
    suppression_without_reason,
    suppression_of_unsuppressible_rule,
)

#: The code of the rule the checker applies itself, after the others.
UNUSED_SUPPRESSION = suppression_unused.code
