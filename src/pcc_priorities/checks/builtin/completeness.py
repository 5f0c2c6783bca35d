"""Completeness rules (PCC2xx): what a reader needs to make sense of the figures and narrative."""

from __future__ import annotations

from collections.abc import Iterator

from pcc_priorities.checks.builtin.citations import NATIONAL_MEASURES, STATISTICS_CODE
from pcc_priorities.checks.registry import CheckContext, Occurrence, rule
from pcc_priorities.checks.report import Category, Severity
from pcc_priorities.checks.text import (
    contribution_covers,
    has_figures,
    is_blank,
    placeholder_hint,
    placeholders,
    priority_label,
    reader_texts,
)
from pcc_priorities.model.narrative import BulletList, Paragraph, Quotation, Subsection
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.values import Applicability, ComparisonBasis, DataStatus, Unit
from pcc_priorities.model.walk import TextKind, figure_strings

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
        if not has_figures(section):
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
    fix=(
        "Say where the metric's data comes from (“Police recorded crime”, “NHS”), for the "
        "metric or once for all of them (`defaults.data_source`)."
    ),
    changes=("1.1: a data source the statement states once for all metrics counts.",),
)
def metric_without_data_source(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Every metric should name its data source.

    Readers need to know where a metric's data comes from to judge it; statements list each
    metric with its data source in brackets, or state one source once for all of them.
    """
    for index, section in enumerate(statement.sections):
        for metric_index, metric in enumerate(section.metrics):
            source = metric.effective_data_source(statement.defaults)
            if source is None or not source.strip():
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
    fix=(
        "Give the figure's period (“Q1 2023/24”, “rolling 12 months to June 2023”), or "
        "the period of all figures once (`defaults.period`)."
    ),
    changes=("1.1: a period the statement states once for all figures counts.",),
)
def figure_without_period(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Every figure should say what period it covers.

    A count or a rate means little without the period it covers ("in the last quarter" is a
    period only if the reader knows which quarter). A period the statement states once for
    all its figures ("all figures are for the rolling year to March 2023 unless otherwise
    stated") counts. Figures whose data is recorded as not available are not checked.
    """
    defaults = statement.defaults
    for at, figure, _section in context.figure_rows():
        if figure.effective_period(defaults) is None and figure.availability is None:
            yield Occurrence(
                path=(*at, "period"),
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
    for at, figure, _section in context.figure_rows():
        if figure.value is not None and figure.unit is None:
            yield Occurrence(
                path=(*at, "unit"),
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
    for at, figure, _section in context.figure_rows():
        if figure.unit is Unit.RATE and figure.rate_base is None:
            yield Occurrence(
                path=(*at, "rate_base"),
                message=f"The rate “{figure.measure}” does not say what it is per.",
            )
        if figure.unit is Unit.RANK and figure.rank is None:
            yield Occurrence(
                path=(*at, "rank"),
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
        "previous quarter “Q4 2022/23”), or the figure's own period where the comparison's "
        "follows from it, or the baseline once for all comparisons (`defaults.baseline`)."
    ),
    changes=(
        "1.1: a period that follows from the figure's period and the basis counts: the same "
        "period last year, the previous period, and the figure as published before (the same "
        "period); so does a baseline stated once for all comparisons, and a period stated "
        "once for all figures.",
    ),
)
def comparison_without_period(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A comparison with an earlier figure should say which period that was.

    A change against the previous period, the same period last year, a baseline, a peak or a
    previously published figure means little unless the reader knows which period that was.
    Baselines in particular differ between forces and editions. The period need not be
    written where it follows from the figure's own: "the same period in the previous
    financial year" of Q2 2023/24 is Q2 2022/23, the previous period of a quarter the quarter
    before, and a figure "reported for 2022/23" and since revised was published for 2022/23.
    A baseline the statement states once ("comparisons are made against a 2019 pre-pandemic
    baseline") gives every baseline comparison its period.
    """
    defaults = statement.defaults
    for at, figure, _section in context.figure_rows():
        own = figure.effective_period(defaults)
        for index, comparison in enumerate(figure.comparisons):
            if (
                comparison.basis in _DATED_BASES
                and comparison.effective_period(own, defaults) is None
            ):
                yield Occurrence(
                    path=(*at, "comparisons", index, "period"),
                    message=(
                        f"The comparison of “{figure.measure}” with the "
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
    for at, figure, _section in context.figure_rows():
        for index, comparison in enumerate(figure.comparisons):
            if comparison.basis is ComparisonBasis.UNSTATED:
                yield Occurrence(
                    path=(*at, "comparisons", index, "basis"),
                    message=(
                        f"A change in “{figure.measure}” is stated without saying what "
                        "it is compared with."
                    ),
                )


#: Blocks with one text (a tuple: ``A | B`` makes a new union each time it is evaluated).
_TEXT_BLOCKS = (Paragraph, Quotation)


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
    for path, block, _section in context.block_rows():
        if isinstance(block, _TEXT_BLOCKS) and is_blank(block.text):
            yield Occurrence(path=(*path, "text"), message="This block has no text.")
        elif isinstance(block, BulletList):
            if not block.items:
                yield Occurrence(path=(*path, "items"), message="This list has no items.")
            for index, item in enumerate(block.items):
                if is_blank(item):
                    yield Occurrence(path=(*path, "items", index), message="This item is empty.")
        elif isinstance(block, Subsection):
            if is_blank(block.title):
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
    # One look over the whole statement first (its own words, joined already for the acronym
    # rules, and figures' texts): most statements hold no placeholder at all.
    everything = [context.shared(reader_texts).joined.joined]
    for _at, figure, _section in context.figure_rows():
        everything.extend(figure_strings(figure))
    rows = context.text_rows() if placeholder_hint("\n".join(everything)) else ()
    for path, text, _kind, _section in rows:
        found = placeholders(text)
        if found:
            wording = ", ".join(f"“{item}”" for item in dict.fromkeys(found))
            yield Occurrence(path=path, message=f"This text holds a placeholder: {wording}.")
    for at, figure, _section in context.figure_rows():
        availability = figure.availability
        if availability is not None and availability.status is DataStatus.TO_FOLLOW:
            yield Occurrence(
                path=(*at, "availability", "status"),
                message=f"The figure “{figure.measure}” is still to follow.",
            )


@rule(
    code="PCC210",
    name="unavailable-data-unexplained",
    severity=Severity.INFO,
    category=Category.COMPLETENESS,
    citation=STATISTICS_CODE,
    summary="A figure's data is not available and the statement says neither why nor what "
    "stands in for it.",
    fix="Say why the data is not available and, where there is one, what is used instead.",
    changes=("1.1: a proxy metric given for the data satisfies the rule.",),
)
def unavailable_data_unexplained(
    statement: Statement, context: CheckContext
) -> Iterator[Occurrence]:
    """Data that is not available should say why, or what stands in for it.

    Some national metrics' data is not available to forces (hospital admissions data, for one);
    statements say why and what they use instead. A proxy metric named in its place
    (`availability.proxy_metric`) explains enough.
    """
    for at, figure, _section in context.figure_rows():
        availability = figure.availability
        if (
            availability is not None
            and not (availability.reason or "").strip()
            and availability.proxy_metric is None
        ):
            yield Occurrence(
                path=(*at, "availability", "reason"),
                message=(
                    f"The data for “{figure.measure}” is recorded as "
                    f"{availability.status.replace('_', ' ')} without a reason."
                ),
            )


@rule(
    code="PCC211",
    name="statement-without-figures",
    severity=Severity.WARNING,
    category=Category.COMPLETENESS,
    citation=NATIONAL_MEASURES,
    summary="The statement lists no metric and states no figure at all.",
    fix=(
        "State the latest figures for the priorities, with their periods, and list the "
        "metrics they measure with their data sources."
    ),
    changes=("1.1: new.",),
)
def statement_without_figures(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A statement should give readers something to judge the contribution by.

    The national priorities come with national metrics. A statement that lists no metric and
    states no figure anywhere (no section, subsection or statement of contribution holds one)
    leaves readers only the narrative, however many priorities it names.
    """
    if context.figure_rows():
        return
    if any(section.metrics for section in statement.sections):
        return
    yield Occurrence(
        path=(),
        message=(
            "The statement lists no metric and states no figure: readers have no measure to "
            "judge the force's contribution by."
        ),
    )


@rule(
    code="PCC212",
    name="listed-priority-without-section",
    severity=Severity.WARNING,
    category=Category.COMPLETENESS,
    citation=NATIONAL_MEASURES,
    summary="A national priority the statement lists is never given a section of its own.",
    fix=(
        "Give the priority a section with what the force does towards it, or say in the "
        "statement of contribution what it does for each priority it lists."
    ),
    changes=("1.1: new.",),
)
def listed_priority_without_section(
    statement: Statement, context: CheckContext
) -> Iterator[Occurrence]:
    """A priority the statement lists should be given a section.

    Statements often list the national priorities ("These measures fall under the following
    headings: ...") and then say what the force does in one statement of contribution for all
    of them. Readers looking for a priority they saw listed find no section for it. A listed
    priority is a list item, or a paragraph, outside the priority sections whose whole text is
    the priority's wording. Priorities PCC101 reports as not addressed at all, and those a
    statement-wide assessment finds not applicable, are not reported here.
    """
    framework = context.framework
    if framework is None:
        return
    wide = statement.applicability
    if wide is not None and wide.status is Applicability.NOT_APPLICABLE:
        return
    present = {section.priority for section in statement.sections}
    reported: set[str] = set()
    longest = max(len(wording) for item in framework.priorities for wording in item.wordings)
    for path, text, kind, section in context.shared(reader_texts).rows:
        if section is not None or kind is not TextKind.NARRATIVE:
            continue
        if len(text) > 2 * longest:
            continue  # a paragraph of its own, not a priority's wording
        priority = framework.match_priority(text)
        if priority is None or priority.id in present or priority.id in reported:
            continue
        if not contribution_covers(statement, priority.id):
            continue  # not addressed at all: PCC101
        reported.add(priority.id)
        yield Occurrence(
            path=path,
            message=(
                f"The statement lists the priority {priority_label(priority)} here but gives it "
                "no section of its own; only the statement of contribution covers it."
            ),
        )
