"""The parts the page adds at its top: a linked contents list and a summary of each priority.

Both are additions of the renderer, made from the statement; they sit after the page's
details and before any published text, so they split none. The summary gives, for each
priority section, its applicability and its headline figure with the change in words, and
invents nothing: a change is put in words only from the change the statement states (its
direction, or the sign of its count or percentage); where a comparison states no change, the
summary gives both values; where there is no figure, it says so.

Which figure is the headline: the one the section names (``PrioritySection.headline``);
otherwise the first figure, in the section's order (its own figures, then its subsections'),
that has a value and a stated change; then the first with a stated change; then the first
with a value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pcc_priorities.model.figures import Comparison, Figure
from pcc_priorities.model.narrative import Block, Subsection
from pcc_priorities.model.statement import PrioritySection
from pcc_priorities.model.values import ComparisonBasis, Unit
from pcc_priorities.publish import page_words as words
from pcc_priorities.publish.figure_tables import FigureTables
from pcc_priorities.publish.glance import ApplicabilityLayout
from pcc_priorities.publish.inlines import blank, join_inlines, renderer_words
from pcc_priorities.publish.messages import _
from pcc_priorities.publish.tree import (
    Contents,
    ContentsEntry,
    DescriptionList,
    Heading,
    Inlines,
    LayoutBlock,
    Link,
    Para,
    Section,
)
from pcc_priorities.publish.words import amount_words, format_number, period_dates

__all__ = ["SummaryLayout", "contents", "headline_figure", "section_figures"]


def section_figures(section: PrioritySection) -> list[Figure]:
    """A section's figures in its order: its own, then its subsections', depth first."""
    found = list(section.figures)
    _subsection_figures(section.blocks, found)
    return found


def _subsection_figures(blocks: Iterable[Block], into: list[Figure]) -> None:
    for block in blocks:
        if isinstance(block, Subsection):
            into.extend(block.figures)
            _subsection_figures(block.blocks, into)


def _stated_change(comparison: Comparison) -> bool:
    change = comparison.change
    return change is not None and (
        change.direction is not None
        or change.percent is not None
        or change.count is not None
        or change.percentage_points is not None
    )


def headline_figure(section: PrioritySection) -> tuple[Figure | None, bool]:
    """The section's headline figure, and whether the section names it (see the module)."""
    figures = section_figures(section)
    if section.headline is not None:
        for figure in figures:
            if figure.id == section.headline:
                return figure, True
    first_with_change: Figure | None = None
    for figure in figures:  # the first with a stated change and a value, found lazily
        if any(_stated_change(c) for c in figure.comparisons):
            if figure.value is not None:
                return figure, False
            if first_with_change is None:
                first_with_change = figure
    if first_with_change is not None:
        return first_with_change, False
    for figure in figures:
        if figure.value is not None:
            return figure, False
    return None, False


def contents(
    blocks: Sequence[LayoutBlock], level: int, heading: Heading, skip_to: str | None
) -> Contents | None:
    """The contents of ``blocks``: headings at ``level`` with anchors, and those just below.

    None where there would be fewer than two entries.
    """
    entries = tuple(_entries(blocks, level))
    if len(entries) < 2:
        return None
    return Contents(heading, entries, skip_to, _(words.SKIP_CONTENTS))


def _entries(blocks: Iterable[LayoutBlock], level: int) -> Iterable[ContentsEntry]:
    for block in blocks:
        if not isinstance(block, Section):
            continue
        found = block.heading
        if found is not None and found.anchor is not None and found.level == level:
            children = tuple(_entries(block.blocks, level + 1))
            # A heading with nothing to read still gets a link with words, so that the
            # contents have the same entries whatever the statement's text is.
            content = renderer_words(words.UNTITLED) if blank(found.content) else found.content
            yield ContentsEntry(content, found.anchor, children)
        elif found is None:
            yield from _entries(block.blocks, level)


class SummaryLayout(ApplicabilityLayout):
    """The summary of the priorities; the builder provides the statement's words."""

    figure_tables: FigureTables

    def summary(self) -> Section:
        """A description list: each priority section, its status and its headline figure."""
        statement = self.statement
        blocks: list[LayoutBlock] = [Para(renderer_words(words.SUMMARY_INTRODUCTION))]
        items: list[tuple[Inlines, Inlines]] = []
        for section, anchor in zip(statement.sections, self.anchors, strict=True):
            label = self.text(section.title)
            if blank(label):
                label = renderer_words(self.priority_title(section.priority))
            assessment = section.applicability or statement.applicability
            items.append(
                (
                    (Link(label, f"#{anchor}"),),
                    join_inlines(
                        self.status(assessment), _(words.STATUS_END), " ", self.headline(section)
                    ),
                )
            )
        if items:
            blocks.append(DescriptionList(tuple(items), kind="summary"))
        else:
            blocks.append(Para(renderer_words(words.SUMMARY_NO_SECTIONS)))
        heading = Heading(self.level(1), renderer_words(words.SUMMARY_HEADING), "pcc-summary")
        return Section(heading, tuple(blocks), kind="summary")

    def headline(self, section: PrioritySection) -> Inlines:
        """The headline figure of ``section`` in a sentence, or why there is none."""
        figure, _named = headline_figure(section)
        if figure is None:
            return renderer_words(
                words.NO_HEADLINE_VALUE if section_figures(section) else words.NO_FIGURES
            )
        sentence: list[Inlines | str] = [_(words.HEADLINE_LABEL), " ", self.text(figure.measure)]
        if figure.value is not None:
            sentence += [": ", self.figure_tables.value(figure)[0]]
        period = figure.period
        if period is not None:
            when = (
                self.text(period.label)
                if period.label is not None
                else renderer_words(period_dates(period))
            )
            sentence += [" (", when, ")"]
        sentence += [", " if figure.value is not None else ": ", self.change_words(figure), "."]
        return join_inlines(*sentence)

    def change_words(self, figure: Figure) -> Inlines:
        """The headline figure's change in words, from what the statement states."""
        stated = [c for c in figure.comparisons if _stated_change(c)]
        comparison = stated[0] if stated else None
        if comparison is not None and comparison.change is not None:
            change = comparison.change
            unit = figure.unit if figure.unit is not Unit.RANK else None
            signed = change.percent
            amount: str | None = None
            if change.percent is not None:
                amount = f"{format_number(abs(change.percent))}%"
            elif change.percentage_points is not None:
                signed = change.percentage_points
                amount = f"{format_number(abs(change.percentage_points))} percentage points"
            elif change.count is not None:
                signed = change.count
                amount = amount_words(abs(change.count), unit)
            direction = words.direction_of(change.direction, signed)
            if direction is not None:
                peak = (
                    amount_words(comparison.value, figure.unit)
                    if comparison.value is not None
                    else None
                )
                phrase = words.since_words(direction, amount, comparison.basis, None, peak)
                return join_inlines(phrase, self.reference(comparison))
        valued = [c for c in figure.comparisons if c.value is not None]
        if valued:
            reference = valued[0]
            assert reference.value is not None
            phrase = words.compared_words(
                amount_words(reference.value, figure.unit), reference.basis, None
            )
            return join_inlines(phrase, self.reference(reference))
        return renderer_words(words.NO_CHANGE_STATED)

    def reference(self, comparison: Comparison) -> Inlines:
        """The comparison's period or area as published, in brackets; nothing if neither.

        Against "another" reference, which only the statement's words name, its words as
        published say what it is.
        """
        if comparison.period is not None and comparison.period.label is not None:
            return join_inlines(" (", self.text(comparison.period.label), ")")
        if comparison.area is not None:
            return join_inlines(" (", self.text(comparison.area.name), ")")
        if comparison.basis is ComparisonBasis.OTHER and comparison.wording is not None:
            return join_inlines(f" ({_(words.AS_PUBLISHED)} ", self.text(comparison.wording), ")")
        return ()
