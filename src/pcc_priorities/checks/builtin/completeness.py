"""Completeness rules (PCC2xx): what a reader needs to make sense of the figures and narrative."""

from __future__ import annotations

from collections.abc import Iterator

from pcc_priorities.checks.builtin.citations import NATIONAL_MEASURES, STATISTICS_CODE
from pcc_priorities.checks.registry import CheckContext, Occurrence, rule
from pcc_priorities.checks.report import Category, Severity
from pcc_priorities.checks.text import has_figures, placeholder_hint, placeholders, visible_text
from pcc_priorities.model.narrative import BulletList, Paragraph, Quotation, Subsection
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.values import Applicability, ComparisonBasis, DataStatus, Unit

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
        if isinstance(block, Paragraph | Quotation) and not visible_text(block.text):
            yield Occurrence(path=(*path, "text"), message="This block has no text.")
        elif isinstance(block, BulletList):
            if not block.items:
                yield Occurrence(path=(*path, "items"), message="This list has no items.")
            for index, item in enumerate(block.items):
                if not visible_text(item):
                    yield Occurrence(path=(*path, "items", index), message="This item is empty.")
        elif isinstance(block, Subsection):
            if not visible_text(block.title):
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
    if not placeholder_hint("\n".join(located.text for located in texts)):
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
