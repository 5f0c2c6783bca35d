"""The rules that ship with pcc-priorities: statutory (para 7A) and good practice.

Codes are stable and grouped by hundreds: PCC1xx statutory, PCC2xx completeness, PCC3xx
consistency, PCC4xx readability, PCC9xx the statement's own suppressions. Each rule's
docstring is its description in the rule catalogue (docs/rules.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from pcc_priorities._change import check_change
from pcc_priorities._glossary import AcronymDefinition, find_acronyms, located_definitions
from pcc_priorities._model import (
    Applicability,
    ApplicabilityAssessment,
    Block,
    BulletList,
    ComparisonBasis,
    DataStatus,
    Paragraph,
    PrioritySection,
    Quotation,
    Statement,
    Subsection,
    Unit,
)
from pcc_priorities._reference import (
    NationalPriority,
    forces,
    get_body_kind,
    normalise_name,
)
from pcc_priorities._report import Category, Severity
from pcc_priorities._rules import CheckContext, Occurrence, Rule, rule
from pcc_priorities._walk import Path, TextKind, parse_pointer, resolves

__all__ = ["BUILTIN_RULES", "RULESET_VERSION", "is_placeholder_only", "placeholders"]

#: The version of the built-in rule set: it changes whenever a rule is added, removed or
#: changes what it finds.
RULESET_VERSION = "1.0"

_ORDER = "Specified Information Order 2011 (SI 2011/3050), Sch. para 7A"
ORDER_7A = _ORDER
ORDER_7A_A = _ORDER + "(a)"
ORDER_7A_B = _ORDER + "(b)"
STATISTICS_CODE = "UK Statistics Authority, Code of Practice for Statistics (Value: clarity)"
GOV_UK_STYLE = "GOV.UK style guide: abbreviations and acronyms"
NATIONAL_MEASURES = "Home Office, National Crime and Policing Measures (2021)"


# --------------------------------------------------------------------------- helpers


def _priority_label(priority: NationalPriority) -> str:
    return f"“{priority.title}” ({priority.id})"


_PLACEHOLDER_PHRASES = re.compile(
    r"\b(?:to be (?:confirmed|determined|added|inserted|provided|updated|agreed)"
    r"|in due course|coming soon|lorem ipsum|insert [\w ]{1,30}? here)\b"
    r"|\bto follow(?=\s*[.)\]]*\s*$)"
    r"|\[\s*(?:insert|add|tbc|tbd|todo)\b[^\]]*\]"
    r"|<\s*(?:insert|add)\b[^>]*>",
    re.IGNORECASE,
)
_PLACEHOLDER_TOKENS = re.compile(r"(?<![\w&])(?:TBC|TBD|TBA|tbc|tbd|tba|TODO|FIXME|X{2,})(?![\w&])")


def _placeholder_hint(text: str) -> bool:
    """Whether ``text`` holds something every placeholder match contains.

    Texts without any skip the expressions above, which are slow on long narrative.
    """
    t = text.lower()
    return (
        "due course" in t or "coming soon" in t or "lorem" in t or "insert" in t
        or "to follow" in t or "[" in t or "<" in t or "tbc" in t or "tbd" in t
        or "tba" in t or "todo" in t or "fixme" in t or "xx" in t
        or ("to be " in t and (
            "to be confirmed" in t or "to be determined" in t or "to be added" in t
            or "to be inserted" in t or "to be provided" in t or "to be updated" in t
            or "to be agreed" in t
        ))
    )  # fmt: skip


_may_hold_placeholder = lru_cache(maxsize=8192)(_placeholder_hint)


def placeholders(text: str) -> list[str]:
    """Return the placeholder wordings in ``text`` ("TBC", "to follow", "in due course")."""
    if not _may_hold_placeholder(text):
        return []
    found = [match.group() for match in _PLACEHOLDER_PHRASES.finditer(text)]
    found.extend(match.group() for match in _PLACEHOLDER_TOKENS.finditer(text))
    return found


def is_placeholder_only(text: str) -> bool:
    """Return whether ``text`` says nothing but that something will come ("To follow.")."""
    if not _may_hold_placeholder(text):
        return False
    rest = _PLACEHOLDER_TOKENS.sub(" ", _PLACEHOLDER_PHRASES.sub(" ", text))
    return len(re.findall(r"\w+", rest)) < 3 and bool(placeholders(text))


@lru_cache(maxsize=8192)
def _visible(text: str) -> str:
    """Return ``text`` without format and control characters, and stripped of whitespace.

    Zero-width and other format characters (Unicode category Cf, such as U+200B) and control
    characters (Cc) show nothing, and ``str.strip`` keeps them.
    """
    if text.isprintable():
        return text.strip()
    kept = "".join(
        char for char in text if char.isspace() or unicodedata.category(char) not in {"Cf", "Cc"}
    )
    return kept.strip()


def _has_content(text: str) -> bool:
    """Whether ``text`` shows a reader something other than a placeholder ("TBC")."""
    visible = _visible(text)
    return bool(visible) and not is_placeholder_only(visible)


def _any_content(items: tuple[str, ...]) -> bool:
    return any(_has_content(item) for item in items)


def _has_narrative(blocks: tuple[Block, ...]) -> bool:
    for block in blocks:
        if isinstance(block, Paragraph | Quotation) and _has_content(block.text):
            return True
        if isinstance(block, BulletList) and any(_has_content(item) for item in block.items):
            return True
        if isinstance(block, Subsection) and _has_narrative(block.blocks):
            return True
    return False


def _has_figures(section: PrioritySection) -> bool:
    if section.metrics or section.figures:
        return True

    def walk(blocks: tuple[Block, ...]) -> bool:
        return any(
            isinstance(block, Subsection) and (bool(block.figures) or walk(block.blocks))
            for block in blocks
        )

    return walk(section.blocks)


def _first_sections(statement: Statement) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, section in enumerate(statement.sections):
        found.setdefault(section.priority, index)
    return found


def _grouped_assessments(
    statement: Statement, context: CheckContext
) -> Iterator[tuple[ApplicabilityAssessment, Path, list[NationalPriority]]]:
    """Each assessment in use, once, with the framework priorities it covers."""
    if context.framework is None:
        return
    groups: dict[Path, tuple[ApplicabilityAssessment, list[NationalPriority]]] = {}
    for priority in context.framework.priorities:
        found = context.assessment(priority.id)
        if found is not None:
            assessment, path = found
            groups.setdefault(path, (assessment, []))[1].append(priority)
    for path, (assessment, covered) in groups.items():
        yield assessment, path, covered


def _covers(covered: list[NationalPriority]) -> str:
    if len(covered) == 1:
        return f"the priority {_priority_label(covered[0])}"
    return f"{len(covered)} priorities"


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
        "or, if no national priority applies in the area, say so in the statement-wide "
        "applicability assessment with the reasons."
    ),
)
def priority_not_addressed(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Every national priority of the framework must be addressed.

    Para 7A covers every key national priority the Secretary of State communicated, so each
    priority of the statement's framework needs a section of its own, unless a statement-wide
    assessment says the priorities are not applicable in the area. The finding points at the
    sections, where the missing one belongs.
    """
    if context.framework is None:
        return
    wide = statement.applicability
    if wide is not None and wide.status is Applicability.NOT_APPLICABLE:
        return
    present = {section.priority for section in statement.sections}
    for priority in context.framework.priorities:
        if priority.id not in present:
            yield Occurrence(
                path=("sections",),
                message=(
                    f"No section addresses the national priority {_priority_label(priority)}; "
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
    sections = _first_sections(statement)
    for priority in context.framework.priorities:
        if context.assessment(priority.id) is not None:
            continue
        index = sections.get(priority.id)
        path: Path = ("applicability",) if index is None else ("sections", index, "applicability")
        yield Occurrence(
            path=path,
            message=(
                f"The statement does not say whether the priority {_priority_label(priority)} "
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
    for assessment, path, covered in _grouped_assessments(statement, context):
        if assessment.status is Applicability.NOT_YET_ASSESSED:
            yield Occurrence(
                path=(*path, "status"),
                message=(
                    f"The applicability of {_covers(covered)} is not yet assessed; para 7A(b) "
                    "requires the assessment and its reasons."
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
)
def not_applicable_without_reasons(
    statement: Statement, context: CheckContext
) -> Iterator[Occurrence]:
    """A priority assessed not applicable must carry the reasons.

    Para 7A(b) requires the reasons for the assessment; a priority assessed not applicable in
    the area must give them in the assessment's `reasons`. Blank or invisible text (zero-width
    characters) and placeholders ("TBC") are not reasons.
    """
    for assessment, path, covered in _grouped_assessments(statement, context):
        if assessment.status is Applicability.NOT_APPLICABLE and not _any_content(
            assessment.reasons
        ):
            yield Occurrence(
                path=(*path, "reasons"),
                message=(
                    f"{_covers(covered).capitalize()} is assessed not applicable without any "
                    "reason; para 7A(b) requires the reasons for the assessment."
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
)
def applicable_without_reasons(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A priority assessed applicable needs reasons too.

    Para 7A(b) requires the reasons for the assessment either way. Statements usually give them
    by naming the local police and crime plan or control strategy the national priorities align
    with; either a reason or such a plan satisfies this rule. Blank or invisible text
    (zero-width characters) and placeholders ("TBC") count as neither.
    """
    for assessment, path, covered in _grouped_assessments(statement, context):
        if (
            assessment.status is Applicability.APPLICABLE
            and not _any_content(assessment.reasons)
            and not _any_content(assessment.aligns_with)
        ):
            yield Occurrence(
                path=(*path, "reasons"),
                message=(
                    f"{_covers(covered).capitalize()} is assessed applicable without any reason "
                    "or aligned plan; para 7A(b) requires the reasons for the assessment."
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
        "narrative (`blocks`)."
    ),
)
def contribution_missing(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Each applicable priority needs a statement of the force's contribution.

    Para 7A(a) requires a statement on the force's contribution to achieving improvements
    against each priority. A section for a priority that is not assessed not applicable needs
    narrative that says something: empty or invisible text (zero-width characters), and text
    that only promises content later ("To follow."), do not count. Figures alone are not a
    statement.
    """
    if context.framework is None:
        return
    sections = _first_sections(statement)
    for priority in context.framework.priorities:
        index = sections.get(priority.id)
        if index is None:
            continue
        found = context.assessment(priority.id)
        if found is not None and found[0].status is Applicability.NOT_APPLICABLE:
            continue
        if not any(
            _has_narrative(section.blocks)
            for section in statement.sections
            if section.priority == priority.id
        ):
            yield Occurrence(
                path=("sections", index, "blocks"),
                message=(
                    f"The section for {_priority_label(priority)} does not state the force's "
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


# --------------------------------------------------------------------------- completeness (PCC2xx)


@rule(
    code="PCC201",
    name="section-without-figures",
    severity=Severity.WARNING,
    category=Category.COMPLETENESS,
    citation=NATIONAL_MEASURES,
    summary="A priority section has no metric and no figure.",
    fix=(
        "List the metrics the force reports for the priority, with their data sources, and "
        "state the latest figures."
    ),
)
def section_without_figures(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A priority section should list metrics or state figures.

    The national priorities come with national metrics; a section on a priority that applies in
    the area, without any metric or figure, gives readers nothing to judge the contribution by.
    Sections for priorities assessed not applicable are not checked.
    """
    for index, section in enumerate(statement.sections):
        found = context.assessment(section.priority)
        if found is not None and found[0].status is Applicability.NOT_APPLICABLE:
            continue
        if not _has_figures(section):
            yield Occurrence(
                path=("sections", index),
                message="This section lists no metric and states no figure.",
            )


@rule(
    code="PCC202",
    name="metric-without-data-source",
    severity=Severity.WARNING,
    category=Category.COMPLETENESS,
    citation=STATISTICS_CODE,
    summary="A metric has no data source.",
    fix="Say where the metric's data comes from (“Police recorded crime”, “NHS”).",
)
def metric_without_data_source(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Every metric should name its data source.

    Readers need to know where a metric's data comes from to judge it; statements list each
    metric with its data source in brackets.
    """
    for index, section in enumerate(statement.sections):
        for metric_index, metric in enumerate(section.metrics):
            if metric.data_source is None or not metric.data_source.strip():
                yield Occurrence(
                    path=("sections", index, "metrics", metric_index, "data_source"),
                    message=f"The metric “{metric.name}” has no data source.",
                )


@rule(
    code="PCC203",
    name="figure-without-period",
    severity=Severity.WARNING,
    category=Category.COMPLETENESS,
    citation=STATISTICS_CODE,
    summary="A figure does not say what period it covers.",
    fix="Give the figure's period (“Q1 2023/24”, “rolling 12 months to June 2023”).",
)
def figure_without_period(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Every figure should say what period it covers.

    A count or a rate means little without the period it covers ("in the last quarter" is a
    period only if the reader knows which quarter). Figures whose data is recorded as not
    available are not checked.
    """
    for located in context.figures():
        figure = located.figure
        if figure.period is None and figure.availability is None:
            yield Occurrence(
                path=(*located.path, "period"),
                message=f"The figure “{figure.measure}” does not say what period it covers.",
            )


@rule(
    code="PCC204",
    name="figure-without-unit",
    severity=Severity.WARNING,
    category=Category.COMPLETENESS,
    citation=STATISTICS_CODE,
    summary="A figure with a value has no unit.",
    fix="Give the unit: count, percent, money, rate or rank.",
)
def figure_without_unit(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Every figure with a value should have a unit.

    Without a unit a value cannot be read (16 offences, 16%, £16 or 16 per 1,000?), and changes
    cannot be checked.
    """
    for located in context.figures():
        figure = located.figure
        if figure.value is not None and figure.unit is None:
            yield Occurrence(
                path=(*located.path, "unit"),
                message=f"The figure “{figure.measure}” has a value but no unit.",
            )


@rule(
    code="PCC205",
    name="rate-or-rank-incomplete",
    severity=Severity.WARNING,
    category=Category.COMPLETENESS,
    citation=STATISTICS_CODE,
    summary="A rate does not say what it is per, or a rank does not say what it ranks.",
    fix=(
        "For a rate, give `rate_base` (per 1,000 population); for a rank, give `rank` "
        "(highest or lowest, out of how many)."
    ),
)
def rate_or_rank_incomplete(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Rates need their base and ranks their ranking.

    A rate is per something (per 1,000 population, per 1,000 households); a rank counts from the
    highest or the lowest of a group. Without them the figure cannot be compared.
    """
    for located in context.figures():
        figure = located.figure
        if figure.unit is Unit.RATE and figure.rate_base is None:
            yield Occurrence(
                path=(*located.path, "rate_base"),
                message=f"The rate “{figure.measure}” does not say what it is per.",
            )
        if figure.unit is Unit.RANK and figure.rank is None:
            yield Occurrence(
                path=(*located.path, "rank"),
                message=(
                    f"The rank “{figure.measure}” does not say what it ranks, or from which end."
                ),
            )


_DATED_BASES = frozenset(
    {
        ComparisonBasis.PREVIOUS_PERIOD,
        ComparisonBasis.SAME_PERIOD_LAST_YEAR,
        ComparisonBasis.BASELINE,
        ComparisonBasis.PEAK,
        ComparisonBasis.PREVIOUSLY_PUBLISHED,
    }
)


_BASIS_WORDS = {
    ComparisonBasis.PREVIOUS_PERIOD: "previous period",
    ComparisonBasis.SAME_PERIOD_LAST_YEAR: "same period last year",
    ComparisonBasis.BASELINE: "baseline",
    ComparisonBasis.PEAK: "peak",
    ComparisonBasis.PREVIOUSLY_PUBLISHED: "figure published before",
}


@rule(
    code="PCC206",
    name="comparison-without-period",
    severity=Severity.WARNING,
    category=Category.COMPLETENESS,
    citation=STATISTICS_CODE,
    summary="A comparison with an earlier figure does not give the earlier figure's period.",
    fix=(
        "Give the period compared with (the baseline “year ending June 2019”, the "
        "previous quarter “Q4 2022/23”)."
    ),
)
def comparison_without_period(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A comparison with an earlier figure should say which period that was.

    A change against the previous period, the same period last year, a baseline, a peak or a
    previously published figure means little unless the reader knows which period that was.
    Baselines in particular differ between forces and editions.
    """
    for located in context.figures():
        for index, comparison in enumerate(located.figure.comparisons):
            if comparison.basis in _DATED_BASES and comparison.period is None:
                yield Occurrence(
                    path=(*located.path, "comparisons", index, "period"),
                    message=(
                        f"The comparison of “{located.figure.measure}” with the "
                        f"{_BASIS_WORDS[comparison.basis]} does not give that period."
                    ),
                )


@rule(
    code="PCC207",
    name="comparison-basis-unstated",
    severity=Severity.WARNING,
    category=Category.COMPLETENESS,
    citation=STATISTICS_CODE,
    summary="A change is stated without saying what it is compared with.",
    fix="Say what the figure is compared with: the same period last year, a baseline, a target.",
)
def comparison_basis_unstated(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A change should say what it is compared with.

    "A 3% decrease" leaves the reader to guess: down on last quarter, on last year, on the 2019
    baseline? The comparison's basis is recorded as `unstated` when the published text does not
    say.
    """
    for located in context.figures():
        for index, comparison in enumerate(located.figure.comparisons):
            if comparison.basis is ComparisonBasis.UNSTATED:
                yield Occurrence(
                    path=(*located.path, "comparisons", index, "basis"),
                    message=(
                        f"A change in “{located.figure.measure}” is stated without saying what "
                        "it is compared with."
                    ),
                )


@rule(
    code="PCC208",
    name="empty-narrative",
    severity=Severity.WARNING,
    category=Category.COMPLETENESS,
    summary="A narrative block, list item or subsection has no text.",
    fix="Write the text, or remove the empty block.",
)
def empty_narrative(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Narrative blocks should not be empty.

    Empty paragraphs, lists, list items, quotations and subsections are left-overs of drafting;
    they render as gaps or stray headings. Text of nothing but whitespace and invisible
    characters (zero-width spaces and other format or control characters) is empty too.
    """
    for located in context.blocks():
        block, path = located.block, located.path
        if isinstance(block, Paragraph | Quotation) and not _visible(block.text):
            yield Occurrence(path=(*path, "text"), message="This block has no text.")
        elif isinstance(block, BulletList):
            if not block.items:
                yield Occurrence(path=(*path, "items"), message="This list has no items.")
            for index, item in enumerate(block.items):
                if not _visible(item):
                    yield Occurrence(path=(*path, "items", index), message="This item is empty.")
        elif isinstance(block, Subsection):
            if not _visible(block.title):
                yield Occurrence(path=(*path, "title"), message="This subsection has no title.")
            if not block.blocks and not block.figures:
                yield Occurrence(
                    path=(*path, "blocks"),
                    message=f"The subsection “{block.title}” has no narrative and no figures.",
                )


@rule(
    code="PCC209",
    name="placeholder-text",
    severity=Severity.WARNING,
    category=Category.COMPLETENESS,
    summary="Text is a placeholder (“TBC”, “to follow”, “in due course”).",
    fix="Replace the placeholder with the content, or say plainly when it will be published.",
)
def placeholder_text(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Text should not be a placeholder.

    Placeholders ("TBC", "to follow", "in due course", "[insert figure]") promise content that is
    not there; readers cannot tell whether it ever came. Figures' published labels count too:
    the measure, source, areas, rank group, comparisons' and changes' wordings and the reason
    data is not available. A figure whose data is recorded as `to_follow` is a placeholder too.
    """
    texts = context.texts()
    # One look over the whole statement first: most statements hold no placeholder at all.
    if not _placeholder_hint("\n".join(located.text for located in texts)):
        texts = ()
    for located in texts:
        found = placeholders(located.text)
        if found:
            wording = ", ".join(f"“{item}”" for item in dict.fromkeys(found))
            yield Occurrence(
                path=located.path, message=f"This text holds a placeholder: {wording}."
            )
    for figure_at in context.figures():
        availability = figure_at.figure.availability
        if availability is not None and availability.status is DataStatus.TO_FOLLOW:
            yield Occurrence(
                path=(*figure_at.path, "availability", "status"),
                message=f"The figure “{figure_at.figure.measure}” is still to follow.",
            )


@rule(
    code="PCC210",
    name="unavailable-data-unexplained",
    severity=Severity.INFO,
    category=Category.COMPLETENESS,
    citation=STATISTICS_CODE,
    summary="A figure's data is not available and the statement does not say why.",
    fix="Say why the data is not available and, where there is one, what is used instead.",
)
def unavailable_data_unexplained(
    statement: Statement, context: CheckContext
) -> Iterator[Occurrence]:
    """Data that is not available should say why.

    Some national metrics' data is not available to forces (hospital admissions data, for one);
    statements say why and what they use instead.
    """
    for located in context.figures():
        availability = located.figure.availability
        if availability is not None and not (availability.reason or "").strip():
            yield Occurrence(
                path=(*located.path, "availability", "reason"),
                message=(
                    f"The data for “{located.figure.measure}” is recorded as "
                    f"{availability.status.replace('_', ' ')} without a reason."
                ),
            )


# --------------------------------------------------------------------------- consistency (PCC3xx)


@rule(
    code="PCC301",
    name="change-inconsistent",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    citation=STATISTICS_CODE,
    summary="A stated change does not match the stated figures.",
    fix=(
        "Recalculate the change from the two figures and correct the percentage, the count or "
        "the figures, whichever is wrong."
    ),
)
def change_inconsistent(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A stated change must match the stated figures.

    A stated change is checked against the figure and the figure compared with: the count must
    match exactly, the percentage to the precision it is written with (43% for 35 → 50, which
    is 42.9%), and the direction word must agree with the numbers. Where only one figure and the
    count are stated, the other is derived: "1,209 ... a 7% (n = 76) decrease" implies 1,285
    before, and 76 / 1,285 is 5.9%, not 7%. Hedged figures ("~80%", "up to 53%") and ranges are
    not checked.
    """
    for located in context.figures():
        figure = located.figure
        if figure.qualifier is not None or figure.upper_value is not None:
            continue
        for index, comparison in enumerate(figure.comparisons):
            if comparison.change is None:
                continue
            result = check_change(figure.value, comparison)
            if result.agrees is False:
                yield Occurrence(
                    path=(*located.path, "comparisons", index, "change"),
                    message=f"“{figure.measure}”: " + "; ".join(result.problems) + ".",
                )


@rule(
    code="PCC302",
    name="publication-date-in-future",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    summary="The publication date is after the date of the check.",
    fix=(
        "Correct the date. When checking a draft before it is published, check it as of the "
        "planned publication date (`--as-of`)."
    ),
)
def publication_date_in_future(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """The publication date should not be in the future.

    A publication date after the date of the check is usually a mistyped year. A date known only
    to the month or year counts as in the future only if all of it is.
    """
    published = statement.published
    if published is not None and published.earliest > context.as_of:
        yield Occurrence(
            path=("published",),
            message=(
                f"The statement is dated {published}, after the date of the check "
                f"({context.as_of.isoformat()})."
            ),
        )


@rule(
    code="PCC303",
    name="period-in-future",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    summary="A reporting period ends after the date of the check.",
    fix=(
        "Correct the period: figures cannot exist for days that have not happened (a year to "
        "date ends at the latest month reported)."
    ),
)
def period_in_future(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Reporting periods should have ended by the date of the check.

    The statement's periods, figures' periods and comparisons' periods must have ended by the
    date of the check. Targets' periods and local plans' periods may run into the future and are
    not checked.
    """
    for located in context.periods():
        if located.comparison is not None and located.comparison.basis is ComparisonBasis.TARGET:
            continue
        if located.period.end > context.as_of:
            yield Occurrence(
                path=located.path,
                message=(
                    f"This period ends on {located.period.end.isoformat()}, after the date of "
                    f"the check ({context.as_of.isoformat()})."
                ),
            )


@rule(
    code="PCC304",
    name="period-after-publication",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    summary="A reporting period ends after the statement's publication date.",
    fix="Correct the period or the publication date; one of them is mistyped.",
)
def period_after_publication(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Reporting periods should end by the publication date.

    A statement cannot report figures for days after it was published. Periods that also end
    after the date of the check are reported by PCC303 instead; targets' periods are not
    checked.
    """
    published = statement.published
    if published is None:
        return
    for located in context.periods():
        if located.comparison is not None and located.comparison.basis is ComparisonBasis.TARGET:
            continue
        end = located.period.end
        if published.latest < end <= context.as_of:
            yield Occurrence(
                path=located.path,
                message=(
                    f"This period ends on {end.isoformat()}, after the statement's "
                    f"publication date ({published})."
                ),
            )


@rule(
    code="PCC305",
    name="duplicate-priority-section",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    summary="Two sections address the same national priority.",
    fix="Merge the sections, or give the second its own priority.",
)
def duplicate_priority_section(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Each national priority should have one section.

    A second section for the same priority is usually a mislabelled section for another
    priority.
    """
    first = _first_sections(statement)
    for index, section in enumerate(statement.sections):
        if first[section.priority] != index:
            yield Occurrence(
                path=("sections", index, "priority"),
                message=(
                    f"Section {first[section.priority]} already addresses the priority "
                    f"{section.priority!r}."
                ),
            )


@rule(
    code="PCC306",
    name="unknown-priority-section",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    summary="A section names a priority that is not in the statement's framework.",
    fix="Use the id of one of the framework's priorities (`pcc-priorities frameworks -v`).",
)
def unknown_priority_section(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Sections should name priorities of the statement's framework.

    Sections are matched to the framework's priorities by id; a section with an unknown id
    addresses none of them.
    """
    if context.framework is None:
        return
    known = {priority.id for priority in context.framework.priorities}
    for index, section in enumerate(statement.sections):
        if section.priority not in known:
            yield Occurrence(
                path=("sections", index, "priority"),
                message=(
                    f"The framework {context.framework.id!r} has no priority {section.priority!r}."
                ),
            )


_TITLE_STOPWORDS = frozenset({"a", "an", "and", "the", "of", "to", "with", "in", "on", "for"})
#: Below this similarity to every official wording, a title is "far" from its priority.
TITLE_SIMILARITY = 0.6
_TITLE_CHARACTERS = 300


def _stems(text: str) -> set[str]:
    return {word[:5] for word in normalise_name(text).split() if word not in _TITLE_STOPWORDS}


@lru_cache(maxsize=4096)
def title_similarity(title: str, wording: str) -> float:
    """Return how alike a section title and a priority's wording are, from 0 to 1.

    The larger of the two: the character similarity of the normalised texts, and the share
    of significant words they have in common (compared by their first five letters, so
    "reducing homicides" matches "reduce homicide").
    """
    first, second = normalise_name(title), normalise_name(wording)
    # Titles are short; a very long one is far from any wording and is not compared in full.
    characters = SequenceMatcher(None, first[:_TITLE_CHARACTERS], second).ratio()
    a, b = _stems(title), _stems(wording)
    words = 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0
    return max(characters, words)


@rule(
    code="PCC307",
    name="priority-title-mismatch",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    citation=NATIONAL_MEASURES,
    summary="A section's title is far from every official wording of its priority.",
    fix=(
        "Title the section with the priority's official wording (`pcc-priorities frameworks "
        "-v`), or check that the section is for the right priority."
    ),
)
def priority_title_mismatch(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A section's title should resemble its priority's official wording.

    Readers look for the national priorities by their official wording. A section title that
    resembles none of its priority's wordings (its title and the aliases statements use) may
    confuse them, or may mean the section was given the wrong priority id; the message says so
    when the title reads like another priority.
    """
    if context.framework is None:
        return
    priorities = {priority.id: priority for priority in context.framework.priorities}
    for index, section in enumerate(statement.sections):
        own = priorities.get(section.priority)
        if own is None or context.framework.match_priority(section.title) is own:
            continue
        score = max(title_similarity(section.title, wording) for wording in own.wordings)
        if score >= TITLE_SIMILARITY:
            continue
        best, best_score = own, score
        for other in context.framework.priorities:
            other_score = max(title_similarity(section.title, w) for w in other.wordings)
            if other_score > best_score:
                best, best_score = other, other_score
        hint = (
            f"; it reads like the priority {_priority_label(best)}"
            if best is not own and best_score >= TITLE_SIMILARITY
            else ""
        )
        yield Occurrence(
            path=("sections", index, "title"),
            message=(
                f"The title “{section.title}” is far from the wording of the priority "
                f"{_priority_label(own)}{hint}."
            ),
        )


@rule(
    code="PCC308",
    name="metric-of-other-priority",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    citation=NATIONAL_MEASURES,
    summary="A section lists a national metric of another priority.",
    fix="Move the metric to the section of its priority, or correct its `national_metric`.",
)
def metric_of_other_priority(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A section should list only its own priority's national metrics.

    Each national metric measures one priority; listing it under another priority's section
    misleads readers about what is measured.
    """
    if context.framework is None:
        return
    national = {metric.id: metric for metric in context.framework.metrics}
    for index, section in enumerate(statement.sections):
        for metric_index, metric in enumerate(section.metrics):
            linked = national.get(metric.national_metric or "")
            if linked is not None and linked.priority != section.priority:
                yield Occurrence(
                    path=("sections", index, "metrics", metric_index, "national_metric"),
                    message=(
                        f"The national metric {linked.id!r} measures the priority "
                        f"{linked.priority!r}, not {section.priority!r}."
                    ),
                )


@rule(
    code="PCC309",
    name="data-source-differs",
    severity=Severity.INFO,
    category=Category.CONSISTENCY,
    citation=NATIONAL_MEASURES,
    summary="A national metric is reported from a different data source than the national one.",
    fix=(
        "Check the data source; if the force reports the metric from another source on "
        "purpose, say why in the narrative."
    ),
)
def data_source_differs(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A national metric reported from another source deserves a second look.

    National metrics are measured from set data sources (victim satisfaction from the Crime
    Survey for England and Wales, for one). A metric linked to a national metric whose data
    source is a different known source may be right, but readers should know the figures are
    not the national measure.
    """
    if context.framework is None:
        return
    framework = context.framework
    national = {metric.id: metric for metric in framework.metrics}
    for index, section in enumerate(statement.sections):
        for metric_index, metric in enumerate(section.metrics):
            linked = national.get(metric.national_metric or "")
            if linked is None or metric.data_source is None:
                continue
            source = framework.match_data_source(metric.data_source)
            if source is not None and source.id not in linked.data_sources:
                expected = ", ".join(framework.data_source(s).title for s in linked.data_sources)
                yield Occurrence(
                    path=("sections", index, "metrics", metric_index, "data_source"),
                    message=(
                        f"The national metric {linked.id!r} is measured from {expected}; this "
                        f"metric's data source is {source.title}."
                    ),
                )


@rule(
    code="PCC310",
    name="body-differs-from-register",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    summary="The policing body is not of the kind the register has for the force at the time.",
    fix=(
        "Check the body's kind (`pcc-priorities forces`): policing functions pass between "
        "kinds of body (a commissioner to a mayor)."
    ),
)
def body_differs_from_register(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """The policing body should be the one the register has at the time.

    The register records which kind of body held policing functions for each force over time.
    The body is compared with the register on the publication date (or the date of the check if
    there is none).
    """
    registered = next((f for f in forces() if f.code == statement.force.code), None)
    if registered is None:
        return
    day = statement.published.latest if statement.published else context.as_of
    try:
        term = registered.body(day)
    except LookupError:
        return
    if term.kind != statement.body.kind:
        yield Occurrence(
            path=("body", "kind"),
            message=(
                f"On {day.isoformat()} the register has {term.title} (a {term.kind!r}) for "
                f"{registered.area}, not a {statement.body.kind!r}."
            ),
        )


@rule(
    code="PCC311",
    name="body-not-elected",
    severity=Severity.INFO,
    category=Category.CONSISTENCY,
    citation=ORDER_7A,
    summary="The policing body is not an elected local policing body.",
    fix="Nothing to fix if the body publishes the statement voluntarily.",
)
def body_not_elected(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Para 7A binds elected local policing bodies only.

    A statement by another kind of body (the Common Council of the City of London) is voluntary,
    so the statutory rules are good practice for it.
    """
    try:
        kind = get_body_kind(statement.body.kind)
    except KeyError:
        return
    if not kind.elected:
        yield Occurrence(
            path=("body", "kind"),
            message=f"A {kind.title} is not an elected local policing body.",
        )


# --------------------------------------------------------------------------- readability (PCC4xx)

#: Texts whose acronyms count as uses: not figures' wordings, which repeat the narrative, nor
#: their labels (measure, source...), which the acronym rules have never looked at.
_ACRONYM_TEXT = frozenset(TextKind) - {TextKind.FIGURE, TextKind.FIGURE_LABEL}


def _definitions(context: CheckContext) -> tuple[tuple[int, AcronymDefinition], ...]:
    """Every acronym definition with its text order (shared by the acronym rules)."""
    return tuple(located_definitions(context.statement, context.texts()))


def _acronym_uses(
    context: CheckContext,
) -> dict[str, tuple[int, int, Path, int]]:
    """First use of each acronym: (text order, offset, path, number of uses)."""
    uses: dict[str, tuple[int, int, Path, int]] = {}
    for order, located in enumerate(context.texts()):
        if located.kind not in _ACRONYM_TEXT:
            continue
        for use in find_acronyms(located.text):
            if _PLACEHOLDER_TOKENS.fullmatch(use.term):
                continue  # reported by PCC209
            if use.term in uses:
                first = uses[use.term]
                uses[use.term] = (*first[:3], first[3] + 1)
            else:
                uses[use.term] = (order, use.start, located.path, 1)
    return uses


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


@rule(
    code="PCC401",
    name="acronym-not-spelled-out",
    severity=Severity.WARNING,
    category=Category.READABILITY,
    citation=GOV_UK_STYLE,
    summary="An acronym is used without being spelled out anywhere in the statement.",
    fix=(
        "Spell the acronym out at its first use (“organised crime groups (OCG)”) or add "
        "it to the statement's glossary."
    ),
)
def acronym_not_spelled_out(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Acronyms should be spelled out.

    Statements are for the public, who do not know policing's acronyms. Each acronym should be
    spelled out at its first use, in either form ("organised crime groups (OCG)" or "OCG
    (organised crime group)"), or in the statement's glossary. Acronyms style guides call well
    known (UK, NHS) need not be. The finding points at the first use and, where the shipped
    glossary knows the acronym, suggests what it usually stands for.
    """
    defined = {definition.term for _, definition in context.shared(_definitions)}
    for term, (_, _, path, count) in context.shared(_acronym_uses).items():
        if term in defined:
            continue
        entry = context.glossary.get(term)
        if entry is not None and entry.well_known:
            continue
        hint = ""
        if entry is not None:
            hint = f" It usually stands for “{entry.expansions[0]}”."
        yield Occurrence(
            path=path,
            message=(
                f"“{term}” is used {_times(count)} and never spelled out; spell it out at its "
                f"first use, here, or add it to the glossary.{hint}"
            ),
        )


@rule(
    code="PCC402",
    name="acronym-spelled-out-late",
    severity=Severity.INFO,
    category=Category.READABILITY,
    citation=GOV_UK_STYLE,
    summary="An acronym is used before the place that spells it out.",
    fix="Spell the acronym out at its first use instead.",
)
def acronym_spelled_out_late(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Acronyms should be spelled out at their first use.

    Readers meet an acronym at its first use; spelling it out only later leaves them guessing
    until then. Acronyms in the statement's glossary count as spelled out before any use.
    """
    first_definition: dict[str, tuple[int, int, str]] = {}
    for order, definition in context.shared(_definitions):
        first_definition.setdefault(
            definition.term, (order, definition.start or 0, definition.path)
        )
    for term, (order, start, path, _count) in context.shared(_acronym_uses).items():
        found = first_definition.get(term)
        if found is None:
            continue
        entry = context.glossary.get(term)
        if entry is not None and entry.well_known:
            continue
        if (order, start) < found[:2]:
            yield Occurrence(
                path=path,
                message=f"“{term}” is used here before it is spelled out at {found[2]}.",
            )


def _same_expansion(first: str, second: str) -> bool:
    def words(text: str) -> list[str]:
        return [word.rstrip("s") for word in normalise_name(text).split()]

    return words(first) == words(second)


@rule(
    code="PCC403",
    name="acronym-defined-twice-differently",
    severity=Severity.WARNING,
    category=Category.READABILITY,
    citation=GOV_UK_STYLE,
    summary="An acronym is spelled out in two different ways.",
    fix="Use one expansion throughout, or use different acronyms for different things.",
)
def acronym_defined_twice_differently(
    statement: Statement, context: CheckContext
) -> Iterator[Occurrence]:
    """An acronym should stand for one thing.

    An acronym spelled out as two different things ("DA: domestic abuse", "DA: district
    attorney") leaves readers unsure which is meant. Differences of case and plural do not
    count.
    """
    first: dict[str, tuple[str, str]] = {}
    for _, definition in context.shared(_definitions):
        if definition.term not in first:
            first[definition.term] = (definition.expansion, definition.path)
            continue
        expansion, path = first[definition.term]
        if not _same_expansion(expansion, definition.expansion):
            yield Occurrence(
                path=tuple(parse_pointer(definition.path) or ()),
                message=(
                    f"“{definition.term}” is spelled out here as “{definition.expansion}” but at "
                    f"{path} as “{expansion}”."
                ),
            )


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
