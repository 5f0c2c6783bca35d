"""Statutory rules (PCC1xx): what para 7A of the Order requires."""

from __future__ import annotations

from collections.abc import Iterator

from pcc_priorities.checks.builtin.citations import ORDER_7A, ORDER_7A_A, ORDER_7A_B
from pcc_priorities.checks.registry import CheckContext, Occurrence, rule
from pcc_priorities.checks.report import Category, Severity
from pcc_priorities.checks.text import (
    any_content,
    contribution_covers,
    first_sections,
    grouped_assessments,
    has_narrative,
    is_are,
    priority_label,
    priority_list,
    sentence_start,
)
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.values import Applicability
from pcc_priorities.model.walk import Path
from pcc_priorities.reference.force_register import forces, get_body_kind

# --------------------------------------------------------------------------- statutory (PCC1xx)


@rule(
    code="PCC101",
    name="priority-not-addressed",
    severity=Severity.ERROR,
    category=Category.STATUTORY,
    citation=ORDER_7A,
    suppressible=False,
    summary="A national priority of the framework is not addressed.",
    fix=(
        "Add a section for the priority with the force's contribution and its applicability, "
        "or a statement of contribution (`contribution`) that covers it, or, if no national "
        "priority applies in the area, say so in the statement-wide applicability assessment "
        "with the reasons."
    ),
    changes=(
        "1.1: a statement of contribution made once for all priorities (or for a list of "
        "them) addresses the priorities it covers, when it says something.",
    ),
)
def priority_not_addressed(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Every national priority of the framework must be addressed.

    Para 7A covers every key national priority the Secretary of State communicated, so each
    priority of the statement's framework needs a section of its own, or a statement of
    contribution made once for several priorities that covers it and says something, unless
    a statement-wide assessment says the priorities are not applicable in the area. The
    finding points at the sections, where the missing one belongs.
    """
    if context.framework is None:
        return
    wide = statement.applicability
    if wide is not None and wide.status is Applicability.NOT_APPLICABLE:
        return
    present = {section.priority for section in statement.sections}
    for priority in context.framework.priorities:
        if priority.id not in present and not contribution_covers(statement, priority.id):
            yield Occurrence(
                path=("sections",),
                message=(
                    f"No section addresses the national priority {priority_label(priority)}; "
                    "para 7A requires a statement on every priority."
                ),
            )


@rule(
    code="PCC102",
    name="applicability-missing",
    severity=Severity.ERROR,
    category=Category.STATUTORY,
    citation=ORDER_7A_B,
    suppressible=False,
    summary="A national priority has no applicability assessment.",
    fix=(
        "Add an applicability assessment: one for the whole statement (`applicability`) "
        "or one in the priority's section, saying whether the priority is applicable in the "
        "area and why."
    ),
)
def applicability_missing(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Every national priority needs an applicability assessment.

    Para 7A(b) requires an explanation of which national priorities are assessed to be
    applicable in the police area and which are not. Each priority needs an assessment: its
    section's own, or the statement-wide one.
    """
    if context.framework is None:
        return
    sections = first_sections(statement)
    for priority in context.framework.priorities:
        if context.assessment(priority.id) is not None:
            continue
        index = sections.get(priority.id)
        path: Path = ("applicability",) if index is None else ("sections", index, "applicability")
        yield Occurrence(
            path=path,
            message=(
                f"The statement does not say whether the priority {priority_label(priority)} "
                "is applicable in the area (para 7A(b))."
            ),
        )


@rule(
    code="PCC103",
    name="applicability-not-assessed",
    severity=Severity.ERROR,
    category=Category.STATUTORY,
    citation=ORDER_7A_B,
    suppressible=False,
    summary="An applicability assessment is deferred (“will be provided”).",
    fix="Make the assessment: applicable or not applicable, with the reasons.",
)
def applicability_not_assessed(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A deferred assessment does not meet para 7A(b).

    An assessment with status `not_yet_assessed` records that the statement defers the
    explanation para 7A(b) requires; until it is made, the statement does not meet the Order.
    """
    for assessment, path, covered in grouped_assessments(statement, context):
        if assessment.status is Applicability.NOT_YET_ASSESSED:
            yield Occurrence(
                path=(*path, "status"),
                message=(
                    f"The applicability of {priority_list(covered)} is not yet assessed; "
                    "para 7A(b) requires the assessment and its reasons."
                ),
            )


@rule(
    code="PCC104",
    name="not-applicable-without-reasons",
    severity=Severity.ERROR,
    category=Category.STATUTORY,
    citation=ORDER_7A_B,
    suppressible=False,
    summary="A priority assessed not applicable has no reasons.",
    fix="Give the reasons the priority does not apply in the area in the assessment's `reasons`.",
    changes=("1.1: the message keeps the priority's title as written (it was lower-cased).",),
)
def not_applicable_without_reasons(
    statement: Statement, context: CheckContext
) -> Iterator[Occurrence]:
    """A priority assessed not applicable must carry the reasons.

    Para 7A(b) requires the reasons for the assessment; a priority assessed not applicable in
    the area must give them in the assessment's `reasons`. Blank or invisible text (zero-width
    characters) and placeholders ("TBC") are not reasons.
    """
    for assessment, path, covered in grouped_assessments(statement, context):
        if assessment.status is Applicability.NOT_APPLICABLE and not any_content(
            assessment.reasons
        ):
            yield Occurrence(
                path=(*path, "reasons"),
                message=(
                    f"{sentence_start(priority_list(covered))} {is_are(covered)} assessed not "
                    "applicable without any reason; para 7A(b) requires the reasons for the "
                    "assessment."
                ),
            )


@rule(
    code="PCC105",
    name="applicable-without-reasons",
    severity=Severity.ERROR,
    category=Category.STATUTORY,
    citation=ORDER_7A_B,
    suppressible=False,
    summary="A priority assessed applicable has no reasons and names no plan it aligns with.",
    fix=(
        "Give the reasons in the assessment's `reasons`, or name the local plans or strategies "
        "the assessment rests on in `aligns_with` (“they align to the Police and Crime "
        "Plan”)."
    ),
    changes=(
        "1.1: the message agrees in number (“6 priorities are assessed”) and keeps the "
        "priority's title as written.",
    ),
)
def applicable_without_reasons(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A priority assessed applicable needs reasons too.

    Para 7A(b) requires the reasons for the assessment either way. Statements usually give them
    by naming the local police and crime plan or control strategy the national priorities align
    with; either a reason or such a plan satisfies this rule. Blank or invisible text
    (zero-width characters) and placeholders ("TBC") count as neither.
    """
    for assessment, path, covered in grouped_assessments(statement, context):
        if (
            assessment.status is Applicability.APPLICABLE
            and not any_content(assessment.reasons)
            and not any_content(assessment.aligns_with)
        ):
            yield Occurrence(
                path=(*path, "reasons"),
                message=(
                    f"{sentence_start(priority_list(covered))} {is_are(covered)} assessed "
                    "applicable without any reason or aligned plan; para 7A(b) requires the "
                    "reasons for the assessment."
                ),
            )


@rule(
    code="PCC106",
    name="contribution-missing",
    severity=Severity.ERROR,
    category=Category.STATUTORY,
    citation=ORDER_7A_A,
    suppressible=False,
    summary="An applicable priority's section has no statement of the force's contribution.",
    fix=(
        "Write what the force has done and is doing towards the priority in the section's "
        "narrative (`blocks`), or in a statement of contribution (`contribution`) that covers "
        "the priority."
    ),
    changes=(
        "1.1: a section without narrative of its own is not reported when a statement of "
        "contribution covering its priority says something.",
    ),
)
def contribution_missing(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Each applicable priority needs a statement of the force's contribution.

    Para 7A(a) requires a statement on the force's contribution to achieving improvements
    against each priority. A section for a priority that is not assessed not applicable needs
    narrative that says something, of its own or in a statement of contribution made once
    for several priorities that covers it: empty or invisible text (zero-width characters),
    and text that only promises content later ("To follow."), do not count. Figures alone are
    not a statement.
    """
    if context.framework is None:
        return
    sections = first_sections(statement)
    for priority in context.framework.priorities:
        index = sections.get(priority.id)
        if index is None:
            continue
        found = context.assessment(priority.id)
        if found is not None and found[0].status is Applicability.NOT_APPLICABLE:
            continue
        if contribution_covers(statement, priority.id):
            continue
        if not any(
            has_narrative(section.blocks)
            for section in statement.sections
            if section.priority == priority.id
        ):
            yield Occurrence(
                path=("sections", index, "blocks"),
                message=(
                    f"The section for {priority_label(priority)} does not state the force's "
                    "contribution (para 7A(a)): it has no narrative that says anything yet."
                ),
            )


@rule(
    code="PCC107",
    name="body-not-identified",
    severity=Severity.ERROR,
    category=Category.STATUTORY,
    citation=ORDER_7A,
    suppressible=False,
    summary="The statement does not identify the elected local policing body.",
    fix=(
        "Name the body (“Police and Crime Commissioner for West Mercia”) and give its "
        "kind, one of those `pcc-priorities forces` lists."
    ),
)
def body_not_identified(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """The statement must identify the elected local policing body.

    Para 7A places the duty on the elected local policing body; the statement must say which
    body publishes it. A body with an empty name, or of a kind the register does not know, does
    not identify it.
    """
    if not statement.body.name.strip():
        yield Occurrence(path=("body", "name"), message="The policing body's name is empty.")
    try:
        get_body_kind(statement.body.kind)
    except KeyError:
        yield Occurrence(
            path=("body", "kind"),
            message=f"The register knows no kind of policing body {statement.body.kind!r}.",
        )


@rule(
    code="PCC108",
    name="force-not-identified",
    severity=Severity.ERROR,
    category=Category.STATUTORY,
    citation=ORDER_7A_A,
    suppressible=False,
    summary="The statement does not identify the police force.",
    fix=(
        "Give the force's ONS police force area code (see `pcc-priorities forces`) and its "
        "name as published."
    ),
)
def force_not_identified(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """The statement must identify the police force.

    Para 7A(a) is a statement on the contribution of the police force the body maintains; the
    statement must say which force. A force with an empty name or a code that is not in the
    register does not identify it.
    """
    if not statement.force.name.strip():
        yield Occurrence(path=("force", "name"), message="The police force's name is empty.")
    if statement.force.code not in {registered.code for registered in forces()}:
        yield Occurrence(
            path=("force", "code"),
            message=(
                f"{statement.force.code!r} is not the ONS code of a police force area in the "
                "register."
            ),
        )


@rule(
    code="PCC109",
    name="framework-not-identified",
    severity=Severity.ERROR,
    category=Category.STATUTORY,
    citation=ORDER_7A,
    suppressible=False,
    summary="The statement does not identify a known national framework.",
    fix=(
        "Set `framework` to the id of the priorities it reports against (`pcc-priorities "
        "frameworks` lists them), or register the framework first."
    ),
)
def framework_not_identified(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """The statement must identify the national priorities it reports against.

    Para 7A refers to the key national priorities "as communicated" by the Secretary of State,
    which change over time; the statement must say which set it reports against. Without a known
    framework, the rules that compare the statement with its priorities cannot run.
    """
    if context.framework is None:
        yield Occurrence(
            path=("framework",),
            message=f"No known framework has the id {statement.framework!r}.",
        )


@rule(
    code="PCC110",
    name="publication-date-missing",
    severity=Severity.ERROR,
    category=Category.STATUTORY,
    citation=ORDER_7A,
    suppressible=False,
    summary="The statement has no publication date.",
    fix="Give the publication date (`published`), to the day if known (YYYY-MM-DD).",
)
def publication_date_missing(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """The statement must be dated.

    Readers, and anyone holding the body to account, must be able to tell when the statement
    was published and so whether it is current; the checker treats a dated statement as part of
    meeting para 7A.
    """
    if statement.published is None:
        yield Occurrence(path=("published",), message="The statement has no publication date.")
