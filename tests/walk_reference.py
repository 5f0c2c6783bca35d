"""The walks as they were before they were made faster: the reference the tests hold them to.

``pcc_priorities.model.walk`` builds its texts, blocks, figures and periods in one pass into
lists; these are the generators it replaced, kept word for word, so that a test can check on
generated statements that the new walks yield the same things in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator

from pcc_priorities.model.figures import Comparison, Figure
from pcc_priorities.model.narrative import Block, BulletList, Paragraph, Quotation, Subsection
from pcc_priorities.model.statement import ApplicabilityAssessment, Statement
from pcc_priorities.model.values import StatementPart
from pcc_priorities.model.walk import (
    BlockAtPath,
    FigureAtPath,
    Path,
    PeriodAtPath,
    TextAtPath,
    TextKind,
)
from pcc_priorities.periods.period import ReportingPeriod


def _new_text(path: Path, text: str, kind: TextKind, section: int | None) -> TextAtPath:
    return TextAtPath(path=path, text=text, kind=kind, section=section)


def _new_block(path: Path, block: Block, section: int | None) -> BlockAtPath:
    return BlockAtPath(path=path, block=block, section=section)


def _new_figure(path: Path, figure: Figure, section: int | None) -> FigureAtPath:
    return FigureAtPath(path=path, figure=figure, section=section)


def _new_period(path: Path, period: ReportingPeriod, comparison: Comparison | None) -> PeriodAtPath:
    return PeriodAtPath(path=path, period=period, comparison=comparison)


def _text(path: Path, text: str, kind: TextKind, section: int | None = None) -> TextAtPath:
    return _new_text(path, text, kind, section)


def _block(path: Path, block: Block, section: int | None = None) -> BlockAtPath:
    return _new_block(path, block, section)


def _figure(path: Path, figure: Figure, section: int | None = None) -> FigureAtPath:
    return _new_figure(path, figure, section)


def _period(
    path: Path, period: ReportingPeriod, comparison: Comparison | None = None
) -> PeriodAtPath:
    return _new_period(path, period, comparison)


def _block_members(block: Block, path: Path, section: int | None) -> Iterator[BlockAtPath]:
    yield _block(path=path, block=block, section=section)
    if isinstance(block, Subsection):
        for index, child in enumerate(block.blocks):
            yield from _block_members(child, (*path, "blocks", index), section)


def _blocks(blocks: tuple[Block, ...], path: Path, section: int | None) -> Iterator[BlockAtPath]:
    for index, block in enumerate(blocks):
        yield from _block_members(block, (*path, index), section)


def iter_blocks(statement: Statement) -> Iterator[BlockAtPath]:
    """Yield every narrative block, subsections and the blocks inside them, in reading order."""
    for part in statement.parts():
        if part is StatementPart.PREAMBLE:
            yield from _blocks(statement.preamble, ("preamble",), None)
        elif part is StatementPart.INTRODUCTION:
            yield from _blocks(statement.introduction, ("introduction",), None)
        elif part is StatementPart.CONTRIBUTION and statement.contribution is not None:
            yield from _blocks(statement.contribution.blocks, ("contribution", "blocks"), None)
        elif part is StatementPart.SECTIONS:
            for index, section in enumerate(statement.sections):
                yield from _blocks(section.blocks, ("sections", index, "blocks"), index)


def _figures_in_blocks(
    blocks: tuple[Block, ...], path: Path, section: int | None
) -> Iterator[FigureAtPath]:
    for index, block in enumerate(blocks):
        if isinstance(block, Subsection):
            block_path = (*path, index)
            yield from _figures_in_blocks(block.blocks, (*block_path, "blocks"), section)
            for figure_index, figure in enumerate(block.figures):
                yield _figure(
                    path=(*block_path, "figures", figure_index), figure=figure, section=section
                )


def iter_figures(statement: Statement) -> Iterator[FigureAtPath]:
    """Yield every figure, in sections and in subsections anywhere, in reading order."""
    for part in statement.parts():
        yield from _part_figures(statement, part)


def _part_figures(statement: Statement, part: StatementPart) -> Iterator[FigureAtPath]:
    if part is StatementPart.PREAMBLE:
        yield from _figures_in_blocks(statement.preamble, ("preamble",), None)
    elif part is StatementPart.INTRODUCTION:
        yield from _figures_in_blocks(statement.introduction, ("introduction",), None)
    elif part is StatementPart.CONTRIBUTION and statement.contribution is not None:
        blocks = statement.contribution.blocks
        yield from _figures_in_blocks(blocks, ("contribution", "blocks"), None)
    elif part is StatementPart.SECTIONS:
        for index, section in enumerate(statement.sections):
            for figure_index, figure in enumerate(section.figures):
                yield _figure(
                    path=("sections", index, "figures", figure_index),
                    figure=figure,
                    section=index,
                )
            yield from _figures_in_blocks(section.blocks, ("sections", index, "blocks"), index)


def iter_periods(statement: Statement) -> Iterator[PeriodAtPath]:
    """Yield the periods the statement reports on: its own, figures' and comparisons'.

    The period and the baseline the statement states once for all figures are among them.
    """
    for index, period in enumerate(statement.periods):
        yield _period(path=("periods", index), period=period)
    for part in statement.parts():
        defaults = statement.defaults
        if part is StatementPart.DEFAULTS and defaults is not None:
            if defaults.period is not None:
                yield _period(path=("defaults", "period"), period=defaults.period)
            if defaults.baseline is not None:
                yield _period(path=("defaults", "baseline"), period=defaults.baseline)
        for located in _part_figures(statement, part):
            figure = located.figure
            if figure.period is not None:
                yield _period(path=(*located.path, "period"), period=figure.period)
            for index, comparison in enumerate(figure.comparisons):
                if comparison.period is not None:
                    yield _period(
                        path=(*located.path, "comparisons", index, "period"),
                        period=comparison.period,
                        comparison=comparison,
                    )


def _block_texts(block: Block, path: Path, section: int | None) -> Iterator[TextAtPath]:
    if isinstance(block, Paragraph):
        yield _text(path=(*path, "text"), text=block.text, kind=TextKind.NARRATIVE, section=section)
    elif isinstance(block, BulletList):
        for index, item in enumerate(block.items):
            yield _text(
                path=(*path, "items", index), text=item, kind=TextKind.NARRATIVE, section=section
            )
    elif isinstance(block, Quotation):
        yield _text(path=(*path, "text"), text=block.text, kind=TextKind.NARRATIVE, section=section)
        if block.attribution is not None:
            yield _text(
                path=(*path, "attribution"),
                text=block.attribution,
                kind=TextKind.NARRATIVE,
                section=section,
            )
    else:
        yield _text(path=(*path, "title"), text=block.title, kind=TextKind.HEADING, section=section)
        for index, child in enumerate(block.blocks):
            yield from _block_texts(child, (*path, "blocks", index), section)
        for index, figure in enumerate(block.figures):
            yield from _figure_texts(figure, (*path, "figures", index), section)


def _figure_texts(figure: Figure, path: Path, section: int | None) -> Iterator[TextAtPath]:
    """A figure's wording (kind FIGURE) and its published labels (FIGURE_LABEL), in order."""
    label = TextKind.FIGURE_LABEL
    yield _text(path=(*path, "measure"), text=figure.measure, kind=label, section=section)
    if figure.wording is not None:
        yield _text(
            path=(*path, "wording"), text=figure.wording, kind=TextKind.FIGURE, section=section
        )
    if figure.rank is not None and figure.rank.group is not None:
        yield _text(
            path=(*path, "rank", "group"), text=figure.rank.group, kind=label, section=section
        )
    if figure.area is not None:
        yield _text(
            path=(*path, "area", "name"), text=figure.area.name, kind=label, section=section
        )
    if figure.source is not None:
        yield _text(path=(*path, "source"), text=figure.source, kind=label, section=section)
    for index, comparison in enumerate(figure.comparisons):
        at = (*path, "comparisons", index)
        if comparison.area is not None:
            yield _text(
                path=(*at, "area", "name"), text=comparison.area.name, kind=label, section=section
            )
        if comparison.change is not None and comparison.change.wording is not None:
            yield _text(
                path=(*at, "change", "wording"),
                text=comparison.change.wording,
                kind=label,
                section=section,
            )
        if comparison.wording is not None:
            yield _text(path=(*at, "wording"), text=comparison.wording, kind=label, section=section)
    availability = figure.availability
    if availability is not None and availability.reason is not None:
        yield _text(
            path=(*path, "availability", "reason"),
            text=availability.reason,
            kind=label,
            section=section,
        )


def _assessment_texts(
    assessment: ApplicabilityAssessment | None, path: Path, section: int | None
) -> Iterator[TextAtPath]:
    if assessment is None:
        return
    for index, reason in enumerate(assessment.reasons):
        yield _text(
            path=(*path, "reasons", index), text=reason, kind=TextKind.ASSESSMENT, section=section
        )
    for index, title in enumerate(assessment.aligns_with):
        yield _text(
            path=(*path, "aligns_with", index),
            text=title,
            kind=TextKind.ASSESSMENT,
            section=section,
        )
    if assessment.wording is not None:
        yield _text(
            path=(*path, "wording"),
            text=assessment.wording,
            kind=TextKind.ASSESSMENT,
            section=section,
        )


def iter_texts(statement: Statement) -> Iterator[TextAtPath]:
    """Yield every piece of text a reader sees, in reading order.

    Covers the title, edition, preamble, applicability assessments, introduction, what the
    statement states once for all figures, the statement of contribution, headings, section
    titles, metrics, figures' wordings and labels (measure, source, areas, rank group,
    comparisons' and changes' wordings, why data is not available), narrative, the review
    wording and local plans with their priorities. Names and identifiers (the body, the force,
    URLs, glossary entries, suppressions) are not included.
    """
    yield _text(path=("title",), text=statement.title, kind=TextKind.HEADING)
    if statement.edition is not None:
        yield _text(path=("edition",), text=statement.edition, kind=TextKind.OTHER)
    for part in statement.parts():
        if part is StatementPart.SECTIONS:  # most of the text: one generator less to pass
            yield from _section_texts(statement)
        else:
            yield from _part_texts(statement, part)


def _part_texts(statement: Statement, part: StatementPart) -> Iterator[TextAtPath]:
    """The texts of one part of the statement, in order."""
    if part is StatementPart.PREAMBLE:
        for index, block in enumerate(statement.preamble):
            yield from _block_texts(block, ("preamble", index), None)
    elif part is StatementPart.APPLICABILITY:
        yield from _assessment_texts(statement.applicability, ("applicability",), None)
    elif part is StatementPart.INTRODUCTION:
        for index, block in enumerate(statement.introduction):
            yield from _block_texts(block, ("introduction", index), None)
    elif part is StatementPart.DEFAULTS and statement.defaults is not None:
        defaults = statement.defaults
        if defaults.data_source is not None:
            yield _text(
                path=("defaults", "data_source"), text=defaults.data_source, kind=TextKind.METRIC
            )
        for index, words in enumerate(defaults.wording):
            yield _text(path=("defaults", "wording", index), text=words, kind=TextKind.NARRATIVE)
    elif part is StatementPart.CONTRIBUTION and statement.contribution is not None:
        contribution = statement.contribution
        if contribution.title is not None:
            yield _text(
                path=("contribution", "title"), text=contribution.title, kind=TextKind.HEADING
            )
        for index, block in enumerate(contribution.blocks):
            yield from _block_texts(block, ("contribution", "blocks", index), None)
    elif part is StatementPart.REVIEW and statement.review is not None:
        yield _text(path=("review",), text=statement.review, kind=TextKind.OTHER)
    elif part is StatementPart.PLANS:
        yield from _plan_texts(statement)


def _section_texts(statement: Statement) -> Iterator[TextAtPath]:
    if statement.sections_heading is not None:
        yield _text(
            path=("sections_heading",), text=statement.sections_heading, kind=TextKind.HEADING
        )
    for index, section in enumerate(statement.sections):
        path: Path = ("sections", index)
        yield _text(path=(*path, "title"), text=section.title, kind=TextKind.HEADING, section=index)
        for metric_index, metric in enumerate(section.metrics):
            metric_path = (*path, "metrics", metric_index)
            yield _text(
                path=(*metric_path, "name"), text=metric.name, kind=TextKind.METRIC, section=index
            )
            if metric.data_source is not None:
                yield _text(
                    path=(*metric_path, "data_source"),
                    text=metric.data_source,
                    kind=TextKind.METRIC,
                    section=index,
                )
        for figure_index, figure in enumerate(section.figures):
            yield from _figure_texts(figure, (*path, "figures", figure_index), index)
        yield from _assessment_texts(section.applicability, (*path, "applicability"), index)
        for block_index, block in enumerate(section.blocks):
            yield from _block_texts(block, (*path, "blocks", block_index), index)


def _plan_texts(statement: Statement) -> Iterator[TextAtPath]:
    for index, plan in enumerate(statement.plans):
        yield _text(path=("plans", index, "title"), text=plan.title, kind=TextKind.PLAN)
        for priority_index, priority in enumerate(plan.priorities):
            at: Path = ("plans", index, "priorities", priority_index)
            if priority.title_only:
                yield _text(path=at, text=priority.title, kind=TextKind.PLAN)
                continue
            yield _text(path=(*at, "title"), text=priority.title, kind=TextKind.PLAN)
            if priority.wording is not None:
                yield _text(path=(*at, "wording"), text=priority.wording, kind=TextKind.PLAN)


def assert_same_walks(statement: Statement) -> None:
    """Assert that each walk of ``pcc_priorities.model.walk`` yields what these yield."""
    from pcc_priorities.model import walk  # noqa: PLC0415

    assert list(walk.iter_texts(statement)) == list(iter_texts(statement))
    assert list(walk.iter_blocks(statement)) == list(iter_blocks(statement))
    assert list(walk.iter_figures(statement)) == list(iter_figures(statement))
    assert list(walk.iter_periods(statement)) == list(iter_periods(statement))
    # The statement's own words, and figures' texts by figure, are the rest of the text walk.
    figure_kinds = (TextKind.FIGURE, TextKind.FIGURE_LABEL)
    rows = walk.text_rows(statement)
    own = [row for row in rows if row[2] not in figure_kinds]
    assert walk.text_rows(statement, figures=False) == own
    figure_texts = [row[1] for row in rows if row[2] in figure_kinds]
    strings = [
        text for item in walk.figures_of(statement) for text in walk.figure_strings(item.figure)
    ]
    assert strings == figure_texts
