"""Where each figure sits in a statement, and putting figures back in their places."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum

import attrs
from attrs import frozen

from pcc_priorities.exceptions import TableError, TableProblem
from pcc_priorities.model.figures import Figure
from pcc_priorities.model.narrative import Block, Subsection
from pcc_priorities.model.statement import PrioritySection, Statement

__all__ = [
    "FigureLocation",
    "FigurePart",
    "LocatedFigure",
    "figure_path",
    "located_figures",
    "replace_figures",
]


class FigurePart(StrEnum):
    """The part of a statement a figure is in."""

    #: In a subsection of the statutory preamble.
    PREAMBLE = "preamble"
    #: In a subsection of the introduction.
    INTRODUCTION = "introduction"
    #: In a subsection of the statement of contribution made once for many priorities.
    CONTRIBUTION = "contribution"
    #: In a priority section, or in a subsection of one.
    SECTION = "section"


@frozen(kw_only=True)
class FigureLocation:
    """Where a figure lives in a statement, counted from 1 as people count.

    Attributes:
        part: The preamble, the introduction, the statement of contribution or a priority
            section.
        section: The section's position among the statement's sections, for part
            ``section``; None otherwise.
        blocks: The positions of the blocks leading to the subsection that holds the figure:
            ``(3, 1)`` is the first block inside the third block. Empty for a section's own
            figures (the preamble and introduction hold figures only in subsections).
        index: The figure's position among its place's figures.
    """

    part: FigurePart
    section: int | None
    blocks: tuple[int, ...]
    index: int

    @property
    def place(self) -> tuple[FigurePart, int | None, tuple[int, ...]]:
        """The place without the figure's position: the figures list it is in."""
        return (self.part, self.section, self.blocks)


@frozen(kw_only=True)
class LocatedFigure:
    """A figure and where it lives.

    Attributes:
        location: Where the figure lives.
        figure: The figure.
    """

    location: FigureLocation
    figure: Figure


# --------------------------------------------------------------------------- walking a statement


def _subsection_figures(
    blocks: Sequence[Block], part: FigurePart, section: int | None, path: tuple[int, ...]
) -> Iterator[LocatedFigure]:
    for position, block in enumerate(blocks, start=1):
        if isinstance(block, Subsection):
            here = (*path, position)
            for index, figure in enumerate(block.figures, start=1):
                yield LocatedFigure(
                    location=FigureLocation(part=part, section=section, blocks=here, index=index),
                    figure=figure,
                )
            yield from _subsection_figures(block.blocks, part, section, here)


def located_figures(statement: Statement) -> tuple[LocatedFigure, ...]:
    """Return every figure of ``statement`` with its location, in document order."""
    found: list[LocatedFigure] = []
    found.extend(_subsection_figures(statement.preamble, FigurePart.PREAMBLE, None, ()))
    found.extend(_subsection_figures(statement.introduction, FigurePart.INTRODUCTION, None, ()))
    found.extend(
        _subsection_figures(_contribution_blocks(statement), FigurePart.CONTRIBUTION, None, ())
    )
    for number, section in enumerate(statement.sections, start=1):
        for index, figure in enumerate(section.figures, start=1):
            location = FigureLocation(
                part=FigurePart.SECTION, section=number, blocks=(), index=index
            )
            found.append(LocatedFigure(location=location, figure=figure))
        found.extend(_subsection_figures(section.blocks, FigurePart.SECTION, number, ()))
    return tuple(found)


def figure_path(location: FigureLocation) -> tuple[str | int, ...]:
    """The path (for a JSON Pointer) of the figure at ``location``, counting from 0."""
    path: tuple[str | int, ...]
    if location.part is FigurePart.SECTION:
        path = ("sections", (location.section or 1) - 1)
        inner: tuple[str | int, ...] = ("blocks",)
    elif location.part is FigurePart.CONTRIBUTION:
        path, inner = ("contribution", "blocks"), ()
    else:
        path, inner = (str(location.part),), ()
    for depth, position in enumerate(location.blocks):
        path = (*path, *(inner if depth == 0 else ("blocks",)), position - 1)
    return (*path, "figures", location.index - 1)


def place_problem(statement: Statement, location: FigureLocation) -> tuple[str, str] | None:
    """Say which column is wrong and why ``location``'s place does not exist in ``statement``.

    None if the place exists.
    """
    blocks: Sequence[Block]
    if location.part is FigurePart.SECTION:
        count = len(statement.sections)
        if location.section is None or not 1 <= location.section <= count:
            return (
                "Section",
                f"the statement has {count} sections; there is no section {location.section}",
            )
        blocks = statement.sections[location.section - 1].blocks
    else:
        if location.section is not None:
            return "Section", f"the {location.part} is not in a section"
        if not location.blocks:
            return (
                "Subsection",
                f"figures in the {location.part} are in subsections; give the Subsection",
            )
        blocks = _part_blocks(statement, location.part)
    for depth, position in enumerate(location.blocks):
        if not 1 <= position <= len(blocks):
            where = ".".join(str(p) for p in location.blocks[: depth + 1])
            return "Subsection", f"there is no block {where} (that level has {len(blocks)} blocks)"
        block = blocks[position - 1]
        if not isinstance(block, Subsection):
            where = ".".join(str(p) for p in location.blocks[: depth + 1])
            kind = type(block).__name__.lower()
            return "Subsection", f"block {where} is a {kind}, not a subsection"
        blocks = block.blocks
    return None


def _contribution_blocks(statement: Statement) -> tuple[Block, ...]:
    return statement.contribution.blocks if statement.contribution is not None else ()


def _part_blocks(statement: Statement, part: FigurePart) -> tuple[Block, ...]:
    """The blocks of a part outside the sections."""
    if part is FigurePart.PREAMBLE:
        return statement.preamble
    if part is FigurePart.CONTRIBUTION:
        return _contribution_blocks(statement)
    return statement.introduction


def subsection_at(statement: Statement, location: FigureLocation) -> Subsection | None:
    blocks: Sequence[Block] = (
        statement.sections[location.section - 1].blocks
        if location.part is FigurePart.SECTION and location.section is not None
        else _part_blocks(statement, location.part)
    )
    found: Subsection | None = None
    for position in location.blocks:
        block = blocks[position - 1]
        assert isinstance(block, Subsection)
        found = block
        blocks = block.blocks
    return found


def replace_figures(statement: Statement, figures: Iterable[LocatedFigure]) -> Statement:
    """Return ``statement`` with its figures replaced by ``figures``, each at its location.

    Every place's figures become the given figures for that place, in ``index`` order; a
    place with none given ends up with no figures. Nothing else changes.

    Raises:
        TableError: A location names a place the statement does not have, or two figures
            share a location (the problems have no row).
    """
    grouped, problems = group_by_place(statement, [(None, item) for item in figures])
    if problems:
        raise TableError(problems)
    return rebuild(statement, grouped)


_Place = tuple[FigurePart, int | None, tuple[int, ...]]


def group_by_place(
    statement: Statement, items: Sequence[tuple[int | None, LocatedFigure]]
) -> tuple[dict[_Place, list[Figure]], list[TableProblem]]:
    problems: list[TableProblem] = []
    places: dict[_Place, dict[int, tuple[int | None, Figure]]] = {}
    for row, item in items:
        location = item.location
        problem = place_problem(statement, location)
        if problem:
            problems.append(TableProblem(row=row, column=problem[0], message=problem[1]))
            continue
        slots = places.setdefault(location.place, {})
        if location.index in slots:
            earlier = slots[location.index][0]
            message = f"figure {location.index} of this place is given twice" + (
                f" (also row {earlier})" if earlier is not None else ""
            )
            problems.append(TableProblem(row=row, column="Figure", message=message))
            continue
        slots[location.index] = (row, item.figure)
    grouped = {
        place: [slots[index][1] for index in sorted(slots)] for place, slots in places.items()
    }
    return grouped, problems


def rebuild(statement: Statement, grouped: dict[_Place, list[Figure]]) -> Statement:
    def walk(
        blocks: tuple[Block, ...], part: FigurePart, section: int | None, path: tuple[int, ...]
    ) -> tuple[Block, ...]:
        rebuilt: list[Block] = []
        for position, block in enumerate(blocks, start=1):
            if not isinstance(block, Subsection):
                rebuilt.append(block)
                continue
            here = (*path, position)
            rebuilt.append(
                attrs.evolve(
                    block,
                    figures=tuple(grouped.get((part, section, here), ())),
                    blocks=walk(block.blocks, part, section, here),
                )
            )
        return tuple(rebuilt)

    sections: list[PrioritySection] = []
    for number, section in enumerate(statement.sections, start=1):
        sections.append(
            attrs.evolve(
                section,
                figures=tuple(grouped.get((FigurePart.SECTION, number, ()), ())),
                blocks=walk(section.blocks, FigurePart.SECTION, number, ()),
            )
        )
    contribution = statement.contribution
    if contribution is not None:
        contribution = attrs.evolve(
            contribution, blocks=walk(contribution.blocks, FigurePart.CONTRIBUTION, None, ())
        )
    return attrs.evolve(
        statement,
        preamble=walk(statement.preamble, FigurePart.PREAMBLE, None, ()),
        introduction=walk(statement.introduction, FigurePart.INTRODUCTION, None, ()),
        contribution=contribution,
        sections=tuple(sections),
    )


def breakdown_problems(items: Sequence[tuple[int | None, LocatedFigure]]) -> list[TableProblem]:
    """A figure's "Part of" names another figure of the table, never itself at any remove.

    The table replaces every figure of the statement, so the figure named must be in it, as
    the loader requires of a document.
    """
    ids = {item.figure.id for _, item in items if item.figure.id is not None}
    wholes = {
        item.figure.id: item.figure.part_of.figure
        for _, item in items
        if item.figure.id is not None and item.figure.part_of is not None
    }
    problems: list[TableProblem] = []
    for row, item in items:
        part_of = item.figure.part_of
        if part_of is None:
            continue
        if part_of.figure not in ids:
            message = (
                f"no figure in the table has the id {part_of.figure!r}; a breakdown names the "
                "id of the figure it is a part of"
            )
        else:
            seen = {item.figure.id}
            current: str | None = part_of.figure
            while current is not None and current not in seen:
                seen.add(current)
                current = wholes.get(current)
            if current is None:
                continue
            message = (
                f'the figures named in "Part of" from {part_of.figure!r} on go round in a '
                "circle; a figure cannot be a part of itself"
            )
        problems.append(TableProblem(row=row, column="Part of", message=message))
    return problems
