"""Suppression rules (PCC9xx): suppressions that name no rule, no path, or no reason."""

from __future__ import annotations

from collections.abc import Iterator

from pcc_priorities.checks.registry import CheckContext, Occurrence, Rule, rule
from pcc_priorities.checks.report import Category, Severity
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.walk import resolves

# --------------------------------------------------------------------------- suppressions (PCC9xx)


def _suppression_rules(context: CheckContext, code: str) -> list[Rule]:
    wanted = code.strip().upper()
    if not wanted:
        return []
    return [item for item in context.known_rules if item.code.startswith(wanted)]


@rule(
    code="PCC901",
    name="suppression-unknown-rule",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    suppressible=False,
    summary="A suppression names a rule code that no known rule has.",
    fix=(
        "Correct the code (`pcc-priorities rules` lists them), or install the package that "
        "provides the rule."
    ),
)
def suppression_unknown_rule(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Suppressions should name known rules.

    A suppression's `rule` is a rule code or a prefix of codes. One that matches no rule
    suppresses nothing: usually a typing mistake, or a rule from a package not installed.
    """
    for index, suppression in enumerate(statement.suppressions):
        if not _suppression_rules(context, suppression.rule):
            yield Occurrence(
                path=("suppressions", index, "rule"),
                message=f"No known rule code is or starts with {suppression.rule!r}.",
            )


@rule(
    code="PCC902",
    name="suppression-path-not-found",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    suppressible=False,
    summary="A suppression's path does not name a part of the statement.",
    fix=(
        "Copy the path from the finding (the report gives it), or use “” for the whole statement."
    ),
)
def suppression_path_not_found(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Suppressions should name parts of the statement.

    A suppression's `path` is a JSON Pointer to the finding's path or to a part that contains
    it. A path that is not a JSON Pointer, or names no part of the statement (often after the
    statement was edited), suppresses nothing.
    """
    for index, suppression in enumerate(statement.suppressions):
        if not resolves(statement, suppression.path):
            yield Occurrence(
                path=("suppressions", index, "path"),
                message=f"{suppression.path!r} does not name a part of this statement.",
            )


@rule(
    code="PCC903",
    name="suppression-unused",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    suppressible=False,
    summary="A suppression matches no finding.",
    fix="Remove the suppression: what it suppressed has been fixed or has moved.",
)
def suppression_unused(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Suppressions should match a finding.

    A suppression that matches none of the findings of the rules that ran is stale; left in
    place it would hide a later, different finding at the same place. Suppressions of rules
    that did not run (not selected, or ignored), and suppressions whose path names no part of
    the statement (reported by PCC902), are not reported. The checker applies this rule
    itself, after all the others.
    """
    return iter(())


@rule(
    code="PCC904",
    name="suppression-without-reason",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    suppressible=False,
    summary="A suppression gives no reason.",
    fix="Say why the finding is accepted, for the next person who reviews the statement.",
)
def suppression_without_reason(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Suppressions should give their reason.

    Suppressions are decisions reviewers must be able to follow; the reason is shown in the
    report beside every finding the suppression covers.
    """
    for index, suppression in enumerate(statement.suppressions):
        if not suppression.reason.strip():
            yield Occurrence(
                path=("suppressions", index, "reason"), message="This suppression gives no reason."
            )


@rule(
    code="PCC905",
    name="suppression-of-unsuppressible-rule",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    suppressible=False,
    summary="A suppression names only rules that cannot be suppressed.",
    fix=(
        "Remove the suppression and fix the statement: statutory findings cannot be accepted "
        "away, because the Order is not met while they stand."
    ),
)
def suppression_of_unsuppressible_rule(
    statement: Statement, context: CheckContext
) -> Iterator[Occurrence]:
    """Statutory findings cannot be suppressed.

    The statutory rules (PCC1xx) and the suppression rules (PCC9xx) cannot be suppressed: a
    statement that does not meet para 7A cannot be declared conformant by its authors. A
    suppression of such rules has no effect.
    """
    for index, suppression in enumerate(statement.suppressions):
        matched = _suppression_rules(context, suppression.rule)
        if matched and not any(item.suppressible for item in matched):
            yield Occurrence(
                path=("suppressions", index, "rule"),
                message=(
                    f"{suppression.rule!r} names only rules that cannot be suppressed; this "
                    "suppression has no effect."
                ),
            )


#: Every built-in rule, in code order.
