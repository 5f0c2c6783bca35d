"""Walking a statement in document order: its texts, narrative blocks and figures, with paths.

A path is a tuple of keys and indexes into the canonical JSON document ("sections", 1,
"blocks", 0, "text"), which :func:`pointer` turns into a JSON Pointer. The walks follow the
order in which the statement publishes its parts (:meth:`Statement.parts`), which is the
canonical document's order unless the statement gives its own ``order``.

"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from typing import TypeAlias

from attrs import frozen

from pcc_priorities._typecheck import typed_fields, unchecked_constructor
from pcc_priorities.model.document_paths import path_sort_key, resolves
from pcc_priorities.model.figures import Comparison, Figure, StatementDefaults
from pcc_priorities.model.narrative import Block, BulletList, Paragraph, Quotation, Subsection
from pcc_priorities.model.pointer import Path, parse_pointer, pointer
from pcc_priorities.model.statement import ApplicabilityAssessment, Statement
from pcc_priorities.model.values import StatementPart
from pcc_priorities.periods.period import ReportingPeriod

__all__ = [
    "BlockAtPath",
    "BlockRow",
    "FigureAtPath",
    "FigureRow",
    "Path",
    "PeriodAtPath",
    "PeriodRow",
    "TextAtPath",
    "TextKind",
    "TextRow",
    "block_rows",
    "blocks_at_paths",
    "blocks_of",
    "figure_rows",
    "figure_strings",
    "figures_at_paths",
    "figures_of",
    "iter_blocks",
    "iter_figures",
    "iter_periods",
    "iter_texts",
    "parse_pointer",
    "path_sort_key",
    "period_rows",
    "periods_at_paths",
    "periods_of",
    "pointer",
    "resolves",
    "text_rows",
    "texts_at_paths",
    "texts_of",
]


#: A place in a statement document: keys and array indexes, from the root.
class TextKind(StrEnum):
    """What a piece of a statement's text is, for rules that look at some kinds only."""

    #: A title or heading: the statement's title, a section or subsection title.
    HEADING = "heading"
    #: Narrative: paragraphs, list items, quotations and their attributions.
    NARRATIVE = "narrative"
    #: An applicability assessment's reasons, wording and the plans it aligns with.
    ASSESSMENT = "assessment"
    #: A metric's name or data source as published.
    METRIC = "metric"
    #: A figure's wording as published (usually repeated in the narrative).
    FIGURE = "figure"
    #: A figure's labels as published in its table: its measure, rank group, area, source,
    #: comparisons' areas and wordings, changes' wordings, why its data is not available.
    FIGURE_LABEL = "figure_label"
    #: A local plan's title or priorities.
    PLAN = "plan"
    #: Anything else a reader sees: the edition label, the review wording.
    OTHER = "other"


@frozen(kw_only=True, field_transformer=typed_fields)
class TextAtPath:
    """A piece of text a reader of the statement sees, and where it is.

    Attributes:
        path: Where the text is in the document.
        text: The text.
        kind: What the text is.
        section: The index of the priority section it is in, or None outside the sections.
    """

    path: Path
    text: str
    kind: TextKind
    section: int | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class BlockAtPath:
    """A narrative block and where it is.

    Attributes:
        path: Where the block is in the document.
        block: The block.
        section: The index of the priority section it is in, or None outside the sections.
    """

    path: Path
    block: Block
    section: int | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class FigureAtPath:
    """A figure and where it is.

    Attributes:
        path: Where the figure is in the document.
        figure: The figure.
        section: The index of the priority section it is in, or None outside the sections.
    """

    path: Path
    figure: Figure
    section: int | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class PeriodAtPath:
    """A reporting period the statement reports figures for, and where it is.

    Plans' periods are not included: a plan may rightly run into the future.

    Attributes:
        path: Where the period is in the document.
        period: The period.
        comparison: The comparison the period belongs to, if it is a comparison's period.
    """

    path: Path
    period: ReportingPeriod
    comparison: Comparison | None = None


# The walk builds its results from a statement's own values, whose types were checked when the
# statement was made: it builds them without checking again (checks run thousands of times),
# with constructors made once, here.
_new_text = unchecked_constructor(TextAtPath)
_new_block = unchecked_constructor(BlockAtPath)
_new_figure = unchecked_constructor(FigureAtPath)
_new_period = unchecked_constructor(PeriodAtPath)


# The walks append to lists rather than yielding through nested generators: each runs once
# per check, and each level of ``yield from`` costs every item it passes on.


#: A block as :func:`block_rows` gives it: its path, the block and its section (the fields of
#: :class:`BlockAtPath`, in order).
BlockRow: TypeAlias = tuple[Path, Block, int | None]


def blocks_of(statement: Statement) -> list[BlockAtPath]:
    """Return what :func:`iter_blocks` yields, as a list."""
    return blocks_at_paths(block_rows(statement))


def blocks_at_paths(rows: Iterable[BlockRow]) -> list[BlockAtPath]:
    """Return a :class:`BlockAtPath` for each row of :func:`block_rows`."""
    new = _new_block
    return [new(path, block, section) for path, block, section in rows]


def block_rows(statement: Statement) -> list[BlockRow]:
    """Return what :func:`iter_blocks` yields as plain rows: (path, block, section)."""
    out: list[BlockRow] = []
    for part in statement.parts():
        if part is StatementPart.PREAMBLE:
            _add_blocks(out, statement.preamble, ("preamble",), None)
        elif part is StatementPart.INTRODUCTION:
            _add_blocks(out, statement.introduction, ("introduction",), None)
        elif part is StatementPart.CONTRIBUTION and statement.contribution is not None:
            _add_blocks(out, statement.contribution.blocks, ("contribution", "blocks"), None)
        elif part is StatementPart.SECTIONS:
            for index, section in enumerate(statement.sections):
                _add_blocks(out, section.blocks, ("sections", index, "blocks"), index)
    return out


def _add_blocks(
    out: list[BlockRow], blocks: tuple[Block, ...], path: Path, section: int | None
) -> None:
    for index, block in enumerate(blocks):
        block_path = (*path, index)
        out.append((block_path, block, section))
        if isinstance(block, Subsection):
            _add_blocks(out, block.blocks, (*block_path, "blocks"), section)


def iter_blocks(statement: Statement) -> Iterator[BlockAtPath]:
    """Yield every narrative block, subsections and the blocks inside them, in reading order."""
    return iter(blocks_of(statement))


#: A figure as :func:`figure_rows` gives it: its path, the figure and its section (the fields
#: of :class:`FigureAtPath`, in order).
FigureRow: TypeAlias = tuple[Path, Figure, int | None]


def _add_block_figures(
    out: list[FigureRow], blocks: tuple[Block, ...], path: Path, section: int | None
) -> None:
    for index, block in enumerate(blocks):
        if isinstance(block, Subsection):
            block_path = (*path, index)
            _add_block_figures(out, block.blocks, (*block_path, "blocks"), section)
            out.extend(
                ((*block_path, "figures", figure_index), figure, section)
                for figure_index, figure in enumerate(block.figures)
            )


def _add_part_figures(out: list[FigureRow], statement: Statement, part: StatementPart) -> None:
    if part is StatementPart.PREAMBLE:
        _add_block_figures(out, statement.preamble, ("preamble",), None)
    elif part is StatementPart.INTRODUCTION:
        _add_block_figures(out, statement.introduction, ("introduction",), None)
    elif part is StatementPart.CONTRIBUTION and statement.contribution is not None:
        _add_block_figures(out, statement.contribution.blocks, ("contribution", "blocks"), None)
    elif part is StatementPart.SECTIONS:
        for index, section in enumerate(statement.sections):
            out.extend(
                (("sections", index, "figures", figure_index), figure, index)
                for figure_index, figure in enumerate(section.figures)
            )
            _add_block_figures(out, section.blocks, ("sections", index, "blocks"), index)


def figures_of(statement: Statement) -> list[FigureAtPath]:
    """Return what :func:`iter_figures` yields, as a list."""
    return figures_at_paths(figure_rows(statement))


def figure_rows(statement: Statement) -> list[FigureRow]:
    """Return what :func:`iter_figures` yields as plain rows: (path, figure, section)."""
    rows: list[FigureRow] = []
    for part in statement.parts():
        _add_part_figures(rows, statement, part)
    return rows


def figures_at_paths(rows: Iterable[FigureRow]) -> list[FigureAtPath]:
    """Return a :class:`FigureAtPath` for each row of :func:`figure_rows`."""
    new = _new_figure
    return [new(path, figure, section) for path, figure, section in rows]


def iter_figures(statement: Statement) -> Iterator[FigureAtPath]:
    """Yield every figure, in sections and in subsections anywhere, in reading order."""
    return iter(figures_of(statement))


#: A period as :func:`period_rows` gives it: its path, the period and its comparison (the
#: fields of :class:`PeriodAtPath`, in order).
PeriodRow: TypeAlias = tuple[Path, ReportingPeriod, Comparison | None]


#: The first segment of the paths of each part's figures.
_FIGURE_PARTS = {
    StatementPart.PREAMBLE: "preamble",
    StatementPart.INTRODUCTION: "introduction",
    StatementPart.CONTRIBUTION: "contribution",
    StatementPart.SECTIONS: "sections",
}


def period_rows(
    statement: Statement, figures: Sequence[FigureRow] | None = None
) -> list[PeriodRow]:
    """Return what :func:`iter_periods` yields as plain rows: (path, period, comparison).

    Without an object per period, for the checker's built-in rules. ``figures`` is
    ``figure_rows(statement)`` where the caller has it already.
    """
    if figures is None:
        figures = figure_rows(statement)
    out: list[PeriodRow] = [
        (("periods", index), period, None) for index, period in enumerate(statement.periods)
    ]
    # The statement's own period and baseline come where its defaults are among its parts:
    # after the figures of the parts before them (figures come part by part, in order).
    defaults = statement.defaults
    before = len(figures)
    if defaults is not None and (defaults.period is not None or defaults.baseline is not None):
        parts = statement.parts()
        earlier = {_FIGURE_PARTS.get(part) for part in parts[: parts.index(StatementPart.DEFAULTS)]}
        before = 0
        while before < len(figures) and figures[before][0][0] in earlier:
            before += 1
    for position, (path, figure, _section) in enumerate(figures):
        if position == before:
            _add_default_periods(out, defaults)
        if figure.period is not None:
            out.append(((*path, "period"), figure.period, None))
        for index, comparison in enumerate(figure.comparisons):
            if comparison.period is not None:
                out.append(((*path, "comparisons", index, "period"), comparison.period, comparison))
    if before >= len(figures):
        _add_default_periods(out, defaults)
    return out


def _add_default_periods(out: list[PeriodRow], defaults: StatementDefaults | None) -> None:
    if defaults is not None:
        if defaults.period is not None:
            out.append((("defaults", "period"), defaults.period, None))
        if defaults.baseline is not None:
            out.append((("defaults", "baseline"), defaults.baseline, None))


def periods_of(statement: Statement) -> list[PeriodAtPath]:
    """Return what :func:`iter_periods` yields, as a list."""
    return periods_at_paths(period_rows(statement))


def periods_at_paths(rows: Iterable[PeriodRow]) -> list[PeriodAtPath]:
    """Return a :class:`PeriodAtPath` for each row of :func:`period_rows`."""
    new = _new_period
    return [new(path, period, comparison) for path, period, comparison in rows]


def iter_periods(statement: Statement) -> Iterator[PeriodAtPath]:
    """Yield the periods the statement reports on: its own, figures' and comparisons'.

    The period and the baseline the statement states once for all figures are among them.
    """
    return iter(periods_of(statement))


#: A text as :func:`text_rows` gives it: its path, the text, its kind and its section (the
#: fields of :class:`TextAtPath`, in order).
TextRow: TypeAlias = tuple[Path, str, TextKind, int | None]

_HEADING = TextKind.HEADING
_NARRATIVE = TextKind.NARRATIVE
_ASSESSMENT = TextKind.ASSESSMENT
_METRIC = TextKind.METRIC
_LABEL = TextKind.FIGURE_LABEL


def _add_block_texts(
    out: list[TextRow], block: Block, path: Path, section: int | None, figures: bool = True
) -> None:
    if isinstance(block, Paragraph):
        out.append(((*path, "text"), block.text, _NARRATIVE, section))
    elif isinstance(block, BulletList):
        out.extend(
            ((*path, "items", index), item, _NARRATIVE, section)
            for index, item in enumerate(block.items)
        )
    elif isinstance(block, Quotation):
        out.append(((*path, "text"), block.text, _NARRATIVE, section))
        if block.attribution is not None:
            out.append(((*path, "attribution"), block.attribution, _NARRATIVE, section))
    else:
        out.append(((*path, "title"), block.title, _HEADING, section))
        for index, child in enumerate(block.blocks):
            _add_block_texts(out, child, (*path, "blocks", index), section, figures)
        if figures:
            for index, figure in enumerate(block.figures):
                _add_figure_texts(out, figure, (*path, "figures", index), section)


def _add_figure_texts(out: list[TextRow], figure: Figure, path: Path, section: int | None) -> None:
    """A figure's wording (kind FIGURE) and its published labels (FIGURE_LABEL), in order."""
    add = out.append
    add(((*path, "measure"), figure.measure, _LABEL, section))
    if figure.wording is not None:
        add(((*path, "wording"), figure.wording, TextKind.FIGURE, section))
    if figure.rank is not None and figure.rank.group is not None:
        add(((*path, "rank", "group"), figure.rank.group, _LABEL, section))
    if figure.area is not None:
        add(((*path, "area", "name"), figure.area.name, _LABEL, section))
    if figure.source is not None:
        add(((*path, "source"), figure.source, _LABEL, section))
    for index, comparison in enumerate(figure.comparisons):
        at = (*path, "comparisons", index)
        if comparison.area is not None:
            add(((*at, "area", "name"), comparison.area.name, _LABEL, section))
        change = comparison.change
        if change is not None and change.wording is not None:
            add(((*at, "change", "wording"), change.wording, _LABEL, section))
        if comparison.wording is not None:
            add(((*at, "wording"), comparison.wording, _LABEL, section))
    availability = figure.availability
    if availability is not None and availability.reason is not None:
        add(((*path, "availability", "reason"), availability.reason, _LABEL, section))


def _add_assessment_texts(
    out: list[TextRow],
    assessment: ApplicabilityAssessment | None,
    path: Path,
    section: int | None,
) -> None:
    if assessment is None:
        return
    out.extend(
        ((*path, "reasons", index), reason, _ASSESSMENT, section)
        for index, reason in enumerate(assessment.reasons)
    )
    out.extend(
        ((*path, "aligns_with", index), title, _ASSESSMENT, section)
        for index, title in enumerate(assessment.aligns_with)
    )
    if assessment.wording is not None:
        out.append(((*path, "wording"), assessment.wording, _ASSESSMENT, section))


def iter_texts(statement: Statement) -> Iterator[TextAtPath]:
    """Yield every piece of text a reader sees, in reading order.

    Covers the title, edition, preamble, applicability assessments, introduction, what the
    statement states once for all figures, the statement of contribution, headings, section
    titles, metrics, figures' wordings and labels (measure, source, areas, rank group,
    comparisons' and changes' wordings, why data is not available), narrative, the review
    wording and local plans with their priorities. Names and identifiers (the body, the force,
    URLs, glossary entries, suppressions) are not included.
    """
    return iter(texts_of(statement))


def texts_of(statement: Statement) -> list[TextAtPath]:
    """Return what :func:`iter_texts` yields, as a list."""
    return texts_at_paths(text_rows(statement))


def texts_at_paths(rows: Iterable[TextRow]) -> list[TextAtPath]:
    """Return a :class:`TextAtPath` for each row of :func:`text_rows`."""
    new = _new_text
    return [new(path, text, kind, section) for path, text, kind, section in rows]


def text_rows(statement: Statement, *, figures: bool = True) -> list[TextRow]:
    """Return what :func:`iter_texts` yields as plain rows: (path, text, kind, section).

    Made in one pass into one list, without an object per text: the checker's built-in rules
    read these, and make :class:`TextAtPath` objects only for rules that ask for them. With
    ``figures=False``, figures' texts (kinds ``FIGURE`` and ``FIGURE_LABEL``, most of a
    statement's texts) are left out: the statement's own words, for rules that read only
    those (:func:`figure_strings` gives the rest).
    """
    out: list[TextRow] = [(("title",), statement.title, _HEADING, None)]
    if statement.edition is not None:
        out.append((("edition",), statement.edition, TextKind.OTHER, None))
    for part in statement.parts():
        if part is StatementPart.SECTIONS:
            _add_section_texts(out, statement, figures)
        else:
            _add_part_texts(out, statement, part, figures)
    return out


def figure_strings(figure: Figure) -> list[str]:
    """A figure's texts, as :func:`text_rows` gives them for it, in order, without paths."""
    found = [figure.measure]
    if figure.wording is not None:
        found.append(figure.wording)
    if figure.rank is not None and figure.rank.group is not None:
        found.append(figure.rank.group)
    if figure.area is not None:
        found.append(figure.area.name)
    if figure.source is not None:
        found.append(figure.source)
    for comparison in figure.comparisons:
        if comparison.area is not None:
            found.append(comparison.area.name)
        change = comparison.change
        if change is not None and change.wording is not None:
            found.append(change.wording)
        if comparison.wording is not None:
            found.append(comparison.wording)
    availability = figure.availability
    if availability is not None and availability.reason is not None:
        found.append(availability.reason)
    return found


def _add_part_texts(
    out: list[TextRow], statement: Statement, part: StatementPart, figures: bool
) -> None:
    """The texts of one part of the statement (not the sections), in order."""
    if part is StatementPart.PREAMBLE:
        for index, block in enumerate(statement.preamble):
            _add_block_texts(out, block, ("preamble", index), None, figures)
    elif part is StatementPart.APPLICABILITY:
        _add_assessment_texts(out, statement.applicability, ("applicability",), None)
    elif part is StatementPart.INTRODUCTION:
        for index, block in enumerate(statement.introduction):
            _add_block_texts(out, block, ("introduction", index), None, figures)
    elif part is StatementPart.DEFAULTS and statement.defaults is not None:
        defaults = statement.defaults
        if defaults.data_source is not None:
            out.append((("defaults", "data_source"), defaults.data_source, _METRIC, None))
        out.extend(
            (("defaults", "wording", index), words, _NARRATIVE, None)
            for index, words in enumerate(defaults.wording)
        )
    elif part is StatementPart.CONTRIBUTION and statement.contribution is not None:
        contribution = statement.contribution
        if contribution.title is not None:
            out.append((("contribution", "title"), contribution.title, _HEADING, None))
        for index, block in enumerate(contribution.blocks):
            _add_block_texts(out, block, ("contribution", "blocks", index), None, figures)
    elif part is StatementPart.REVIEW and statement.review is not None:
        out.append((("review",), statement.review, TextKind.OTHER, None))
    elif part is StatementPart.PLANS:
        _add_plan_texts(out, statement)


def _add_section_texts(out: list[TextRow], statement: Statement, figures: bool) -> None:
    add = out.append
    if statement.sections_heading is not None:
        add((("sections_heading",), statement.sections_heading, _HEADING, None))
    for index, section in enumerate(statement.sections):
        path: Path = ("sections", index)
        add((("sections", index, "title"), section.title, _HEADING, index))
        for metric_index, metric in enumerate(section.metrics):
            add((("sections", index, "metrics", metric_index, "name"), metric.name, _METRIC,
                    index))  # fmt: skip
            if metric.data_source is not None:
                add((("sections", index, "metrics", metric_index, "data_source"),
                        metric.data_source, _METRIC, index))  # fmt: skip
        if figures:
            for figure_index, figure in enumerate(section.figures):
                _add_figure_texts(out, figure, ("sections", index, "figures", figure_index), index)
        _add_assessment_texts(out, section.applicability, (*path, "applicability"), index)
        for block_index, block in enumerate(section.blocks):
            _add_block_texts(out, block, ("sections", index, "blocks", block_index), index, figures)


def _add_plan_texts(out: list[TextRow], statement: Statement) -> None:
    add = out.append
    for index, plan in enumerate(statement.plans):
        add((("plans", index, "title"), plan.title, TextKind.PLAN, None))
        for priority_index, priority in enumerate(plan.priorities):
            at: Path = ("plans", index, "priorities", priority_index)
            if priority.title_only:
                add((at, priority.title, TextKind.PLAN, None))
                continue
            add(((*at, "title"), priority.title, TextKind.PLAN, None))
            if priority.wording is not None:
                add(((*at, "wording"), priority.wording, TextKind.PLAN, None))
