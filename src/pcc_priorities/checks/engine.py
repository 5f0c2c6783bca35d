"""The checker: run the rules on a statement, apply its suppressions, and report.

:func:`check` is the one entry point. Rules get the date to check as of from the caller,
never from the clock, so a check is repeatable.

"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from pcc_priorities._version import __version__
from pcc_priorities.checks.builtin import RULESET_VERSION, UNUSED_SUPPRESSION
from pcc_priorities.checks.defaults import default_registry
from pcc_priorities.checks.registry import CheckContext, Rule, RuleRegistry
from pcc_priorities.checks.report import Finding, Report
from pcc_priorities.model.statement import Statement, Suppression
from pcc_priorities.model.walk import parse_pointer, path_sort_key, pointer, resolves
from pcc_priorities.reference.national_frameworks import Framework, frameworks

__all__ = ["check"]


def _framework(framework_id: str) -> Framework | None:
    return next((item for item in frameworks() if item.id == framework_id), None)


def _covers(suppression: Suppression, finding: Finding) -> bool:
    wanted = suppression.rule.strip().upper()
    if not wanted or not finding.code.startswith(wanted):
        return False
    if parse_pointer(suppression.path) is None:
        return False
    return suppression.path in ("", finding.path) or finding.path.startswith(suppression.path + "/")


def _first_suppressions(suppressions: Sequence[Suppression]) -> dict[tuple[str, str], int]:
    """The first suppression for each (path, rule code or prefix): the one that applies.

    Looking a finding's paths and code prefixes up here takes the same time however many
    suppressions there are, where trying each suppression took time for every pair.
    """
    first: dict[tuple[str, str], int] = {}
    for index, suppression in enumerate(suppressions):
        wanted = suppression.rule.strip().upper()
        if wanted and parse_pointer(suppression.path) is not None:
            first.setdefault((suppression.path, wanted), index)
    return first


def _covering(first: dict[tuple[str, str], int], finding: Finding) -> int | None:
    """The index of the first suppression covering ``finding``, as :func:`_covers` decides.

    (:func:`_covers` is the rule for one pair; the tests hold this lookup to it.)
    """
    if not first:
        return None
    path = finding.path
    ancestors = [""] + [path[:end] for end in range(1, len(path)) if path[end] == "/"]
    ancestors.append(path)
    prefixes = [finding.code[:end] for end in range(1, len(finding.code) + 1)]
    found = [
        first[key]
        for key in ((ancestor, prefix) for ancestor in ancestors for prefix in prefixes)
        if key in first
    ]
    return min(found, default=None)


def check(
    statement: Statement,
    *,
    as_of: date,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    rules: Iterable[Rule] | None = None,
    source: str | None = None,
) -> Report:
    """Check ``statement`` against para 7A of the Order and good practice.

    Args:
        statement: The statement to check.
        as_of: The date to check as of: publication dates and periods after it are in the
            future. Pass the planned publication date to check a draft.
        select: Codes or prefixes of the rules to run ("PCC1" for the statutory rules);
            None runs every rule.
        ignore: Codes or prefixes of rules not to run, even if selected.
        rules: The rules to choose from; None for the built-in rules and every rule
            registered through the ``pcc_priorities.rules`` entry point group.
        source: The file or other source of the statement, for the report.

    Returns:
        The report: every finding in document order, suppressed ones marked.

    Raises:
        TypeError: ``as_of`` is not a date (a datetime is refused: pass ``.date()``).
        UnknownRuleError: A code or prefix in ``select`` or ``ignore`` matches no rule.
        RuleError: A rule failed, or a registered rule plugin could not be loaded.
    """
    if isinstance(as_of, datetime) or not isinstance(as_of, date):
        raise TypeError(f"as_of must be a date, got {type(as_of).__name__}")
    registry = default_registry() if rules is None else RuleRegistry(rules)
    chosen = registry.select(select, ignore)
    framework = _framework(statement.framework)
    context = CheckContext(statement, as_of=as_of, framework=framework, known_rules=tuple(registry))

    findings: list[Finding] = []
    for item in chosen:
        for occurrence in item.occurrences(statement, context):
            findings.append(
                Finding(
                    code=item.code,
                    rule=item.name,
                    severity=item.severity,
                    category=item.category,
                    message=occurrence.message,
                    path=pointer(occurrence.path),
                    citation=item.citation,
                )
            )

    suppressible = {item.code for item in registry if item.suppressible}
    used: set[int] = set()
    first = _first_suppressions(statement.suppressions)
    for position, finding in enumerate(findings):
        if finding.code not in suppressible:
            continue
        index = _covering(first, finding)
        if index is not None:
            suppression = statement.suppressions[index]
            findings[position] = Finding(
                code=finding.code,
                rule=finding.rule,
                severity=finding.severity,
                category=finding.category,
                message=finding.message,
                path=finding.path,
                citation=finding.citation,
                suppression=suppression,
            )
            used.add(index)

    unused_rule = next((item for item in chosen if item.code == UNUSED_SUPPRESSION), None)
    if unused_rule is not None:
        ran = {item.code for item in chosen}
        for index, suppression in enumerate(statement.suppressions):
            wanted = suppression.rule.strip().upper()
            applies = wanted and any(code.startswith(wanted) for code in ran & suppressible)
            if index not in used and applies and resolves(statement, suppression.path):
                findings.append(
                    Finding(
                        code=unused_rule.code,
                        rule=unused_rule.name,
                        severity=unused_rule.severity,
                        category=unused_rule.category,
                        message=(
                            f"This suppression of {suppression.rule!r} at "
                            f"{suppression.path or '(whole statement)'} matches no finding."
                        ),
                        path=pointer(("suppressions", index)),
                        citation=unused_rule.citation,
                    )
                )

    findings.sort(key=lambda finding: path_sort_key(statement, finding.path))

    return Report(
        findings=tuple(findings),
        framework=statement.framework,
        framework_version=framework.version if framework else None,
        ruleset_version=RULESET_VERSION,
        library_version=__version__,
        as_of=as_of,
        rules=tuple(item.code for item in chosen),
        source=source,
    )
