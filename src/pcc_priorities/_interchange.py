"""Spreadsheet interchange: every figure of a statement as one table row, and back.

The table has one row per figure, with human column titles. The first columns say where the
figure lives (``Part``, ``Section``, ``Subsection``, ``Figure``); the next hold the figure;
then come groups of columns ``Comparison 1: …``, ``Comparison 2: …`` for as many comparisons
as the figure with most has. Columns headed ``Priority``, ``Subsection title``, ``Metric
name`` and ``Data source`` repeat what the statement says, for people reading the sheet; on
import they are checked against the statement, never used to change it.

Import puts figures back into a statement: the table is the complete list of the statement's
figures, so every place's figures are replaced by the rows for that place, in ``Figure``
order, and a place with no rows ends up with no figures. Everything else in the statement is
kept as it was. See ``docs/spreadsheets.md``.

Cells are text. An empty cell is "not given". In text columns, one leading apostrophe is
removed on import; export adds one to text that is empty or that starts with an apostrophe,
``=``, ``+``, ``-``, ``@``, a tab or a carriage return, so that an empty text survives and a
spreadsheet never runs text as a formula.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from typing import Any, TypeVar

import attrs
from attrs import frozen

from pcc_priorities._files import atomic_write_bytes, atomic_write_text
from pcc_priorities._model import (
    Area,
    AreaKind,
    Block,
    Change,
    Comparison,
    ComparisonBasis,
    DataAvailability,
    DataStatus,
    Direction,
    Figure,
    MetricReference,
    PeriodKind,
    PrioritySection,
    Qualifier,
    Rank,
    RankOrder,
    RateBase,
    RateDenominator,
    ReportingPeriod,
    Statement,
    Subsection,
    Unit,
    to_decimal,
)
from pcc_priorities._periods import parse_period
from pcc_priorities.exceptions import PeriodError, TableError, TableProblem

__all__ = [
    "FigureLocation",
    "FigurePart",
    "LocatedFigure",
    "figures_from_csv",
    "figures_from_table",
    "figures_from_xlsx",
    "figures_table",
    "figures_to_csv",
    "figures_to_xlsx",
    "located_figures",
    "read_figures_csv",
    "read_figures_xlsx",
    "replace_figures",
    "write_figures_csv",
    "write_figures_xlsx",
]

E = TypeVar("E", bound=Enum)


class FigurePart(StrEnum):
    """The part of a statement a figure is in."""

    #: In a subsection of the statutory preamble.
    PREAMBLE = "preamble"
    #: In a subsection of the introduction.
    INTRODUCTION = "introduction"
    #: In a priority section, or in a subsection of one.
    SECTION = "section"


@frozen(kw_only=True)
class FigureLocation:
    """Where a figure lives in a statement, counted from 1 as people count.

    Attributes:
        part: The preamble, the introduction or a priority section.
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
    for number, section in enumerate(statement.sections, start=1):
        for index, figure in enumerate(section.figures, start=1):
            location = FigureLocation(
                part=FigurePart.SECTION, section=number, blocks=(), index=index
            )
            found.append(LocatedFigure(location=location, figure=figure))
        found.extend(_subsection_figures(section.blocks, FigurePart.SECTION, number, ()))
    return tuple(found)


def _place_problem(statement: Statement, location: FigureLocation) -> tuple[str, str] | None:
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
        blocks = (
            statement.preamble if location.part is FigurePart.PREAMBLE else (statement.introduction)
        )
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


def _subsection_at(statement: Statement, location: FigureLocation) -> Subsection | None:
    blocks: Sequence[Block] = (
        statement.sections[location.section - 1].blocks
        if location.part is FigurePart.SECTION and location.section is not None
        else statement.preamble
        if location.part is FigurePart.PREAMBLE
        else statement.introduction
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
    grouped, problems = _group(statement, [(None, item) for item in figures])
    if problems:
        raise TableError(problems)
    return _rebuild(statement, grouped)


_Place = tuple[FigurePart, int | None, tuple[int, ...]]


def _group(
    statement: Statement, items: Sequence[tuple[int | None, LocatedFigure]]
) -> tuple[dict[_Place, list[Figure]], list[TableProblem]]:
    problems: list[TableProblem] = []
    places: dict[_Place, dict[int, tuple[int | None, Figure]]] = {}
    for row, item in items:
        location = item.location
        problem = _place_problem(statement, location)
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


def _rebuild(statement: Statement, grouped: dict[_Place, list[Figure]]) -> Statement:
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
    return attrs.evolve(
        statement,
        preamble=walk(statement.preamble, FigurePart.PREAMBLE, None, ()),
        introduction=walk(statement.introduction, FigurePart.INTRODUCTION, None, ()),
        sections=tuple(sections),
    )


# --------------------------------------------------------------------------- cells

_FORMULA_STARTS = ("'", "=", "+", "-", "@", "\t", "\r")
# re.ASCII: only the digits 0-9, as the JSON loader reads them (\d would take "٣" or "３").
_NUMBER = re.compile(
    r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\d+(?:\.\d+)?[eE][+-]?\d+", re.ASCII
)
_WHOLE = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)", re.ASCII)
_UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)


class _CellError(ValueError):
    """A cell cannot be read; the message says what was expected."""


def _text_out(value: str | None) -> str:
    if value is None:
        return ""
    return "'" + value if value == "" or value.startswith(_FORMULA_STARTS) else value


def _text_in(cell: str) -> str | None:
    if cell == "":
        return None
    return cell[1:] if cell.startswith("'") else cell


def _number_out(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def _number_in(cell: str) -> Decimal | None:
    written = cell.strip()
    if written == "":
        return None
    if written.endswith("%"):
        written = written[:-1].rstrip()
    if not _NUMBER.fullmatch(written):
        raise _CellError(f"expected a number such as 1209, -7 or 15.9, got {cell!r}")
    try:
        return to_decimal(Decimal(written.replace(",", "")))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise _CellError(f"expected a number, got {cell!r}") from None
    except ValueError as error:  # a magnitude the model refuses
        raise _CellError(str(error)) from None


def _whole_out(value: int | None) -> str:
    return "" if value is None else str(value)


def _whole_in(cell: str) -> int | None:
    written = cell.strip()
    if written == "":
        return None
    if not _WHOLE.fullmatch(written):
        raise _CellError(f"expected a whole number such as 3 or -3, got {cell!r}")
    try:
        return int(written.replace(",", ""))
    except ValueError:  # more digits than Python reads (sys.get_int_max_str_digits)
        raise _CellError(
            f"expected a whole number, got one of {len(written):,} characters"
        ) from None


def _enum_out(value: Enum | None) -> str:
    return "" if value is None else str(value.value).replace("_", " ")


def _enum_in(cell: str, enum_type: type[E]) -> E | None:
    written = cell.strip()
    if written == "":
        return None
    key = re.sub(r"[\s_-]+", "_", written.lower())
    for member in enum_type:
        if member.value == key:
            return member
    allowed = ", ".join(_enum_out(member) for member in enum_type)
    raise _CellError(f"expected one of: {allowed}; got {cell!r}")


def _date_out(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _date_in(cell: str) -> date | None:
    written = cell.strip()
    if written == "":
        return None
    uk = _UK_DATE.fullmatch(written)
    try:
        if uk:
            return date(int(uk[3]), int(uk[2]), int(uk[1]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", written, re.ASCII):
            return date.fromisoformat(written)
    except ValueError:
        raise _CellError(f"{cell!r} is not a date") from None
    raise _CellError(f"expected a date as 2023-08-05 or 05/08/2023 (day first), got {cell!r}")


def _path_out(blocks: tuple[int, ...]) -> str:
    return ".".join(str(position) for position in blocks)


def _path_in(cell: str) -> tuple[int, ...]:
    written = cell.strip()
    if written == "":
        return ()
    if not re.fullmatch(r"\d+(?:\.\d+)*", written, re.ASCII):
        raise _CellError(
            f"expected block positions such as 2 or 3.1 (the first block in block 3), got {cell!r}"
        )
    positions = tuple(int(part) for part in written.split("."))
    if 0 in positions:
        raise _CellError("block positions count from 1")
    return positions


# --------------------------------------------------------------------------- columns

_BASE_COLUMNS = (
    "Part",
    "Section",
    "Priority",
    "Subsection",
    "Subsection title",
    "Figure",
    "Figure id",
    "Measure",
    "Metric",
    "Metric name",
    "Data source",
    "Value",
    "Upper value",
    "Qualifier",
    "Unit",
    "Rate per",
    "Rate denominator",
    "Rank order",
    "Rank out of",
    "Rank group",
    "Period",
    "Period start",
    "Period end",
    "Period kind",
    "Area kind",
    "Area name",
    "Source",
    "Data status",
    "Data status reason",
    "Proxy metric",
    "Wording",
)
_COMPARISON_FIELDS = (
    "basis",
    "period",
    "period start",
    "period end",
    "period kind",
    "value",
    "area kind",
    "area name",
    "change direction",
    "change count",
    "change percent",
    "change percentage points",
    "change wording",
    "wording",
)
_COMPARISON_TITLE = re.compile(r"Comparison (\d+): (.+)")
#: The ``change direction`` cell of a stated change with no direction word.
_NOT_STATED = "not stated"


def _comparison_columns(number: int) -> tuple[str, ...]:
    return tuple(f"Comparison {number}: {name}" for name in _COMPARISON_FIELDS)


def _period_cells(period: ReportingPeriod | None) -> list[str]:
    if period is None:
        return ["", "", "", ""]
    return [
        _text_out(period.label),
        _date_out(period.start),
        _date_out(period.end),
        _enum_out(period.kind),
    ]


def _area_cells(area: Area | None) -> list[str]:
    return ["", ""] if area is None else [_enum_out(area.kind), _text_out(area.name)]


def _metrics(statement: Statement) -> dict[str, MetricReference]:
    return {metric.id: metric for section in statement.sections for metric in section.metrics}


def figures_table(statement: Statement) -> list[list[str]]:
    """Return every figure of ``statement`` as table rows of text, the title row first."""
    located = located_figures(statement)
    groups = max((len(item.figure.comparisons) for item in located), default=0)
    header = list(_BASE_COLUMNS)
    for number in range(1, groups + 1):
        header.extend(_comparison_columns(number))
    metrics = _metrics(statement)
    rows = [header]
    for item in located:
        location, figure = item.location, item.figure
        section = statement.sections[location.section - 1] if location.section is not None else None
        subsection = _subsection_at(statement, location)
        metric = metrics.get(figure.metric) if figure.metric is not None else None
        rate, rank, availability = figure.rate_base, figure.rank, figure.availability
        row = [
            _enum_out(location.part),
            _whole_out(location.section),
            _text_out(section.priority if section else None),
            _path_out(location.blocks),
            _text_out(subsection.title if subsection else None),
            _whole_out(location.index),
            _text_out(figure.id),
            _text_out(figure.measure),
            _text_out(figure.metric),
            _text_out(metric.name if metric else None),
            _text_out(metric.data_source if metric else None),
            _number_out(figure.value),
            _number_out(figure.upper_value),
            _enum_out(figure.qualifier),
            _enum_out(figure.unit),
            _whole_out(rate.per if rate else None),
            _enum_out(rate.denominator if rate else None),
            _enum_out(rank.order if rank else None),
            _whole_out(rank.out_of if rank else None),
            _text_out(rank.group if rank else None),
            *_period_cells(figure.period),
            *_area_cells(figure.area),
            _text_out(figure.source),
            _enum_out(availability.status if availability else None),
            _text_out(availability.reason if availability else None),
            _text_out(availability.proxy_metric if availability else None),
            _text_out(figure.wording),
        ]
        for comparison in figure.comparisons:
            change = comparison.change
            row.extend(
                [
                    _enum_out(comparison.basis),
                    *_period_cells(comparison.period),
                    _number_out(comparison.value),
                    *_area_cells(comparison.area),
                    (
                        ""
                        if change is None
                        else _enum_out(change.direction)
                        if change.direction
                        else _NOT_STATED
                    ),
                    _number_out(change.count if change else None),
                    _number_out(change.percent if change else None),
                    _number_out(change.percentage_points if change else None),
                    _text_out(change.wording if change else None),
                    _text_out(comparison.wording),
                ]
            )
        row.extend([""] * (len(header) - len(row)))
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- reading rows


class _Row:
    """Reads the cells of one row by column title, collecting problems."""

    def __init__(self, number: int, cells: dict[str, str], problems: list[TableProblem]) -> None:
        self.number = number
        self.cells = cells
        self.problems = problems
        self.failed = False

    def problem(self, column: str | None, message: str) -> None:
        self.problems.append(TableProblem(row=self.number, column=column, message=message))
        self.failed = True

    def read(self, column: str, reader: Callable[[str], Any]) -> Any:
        try:
            return reader(self.cells.get(column, ""))
        except _CellError as error:
            self.problem(column, str(error))
            return None

    def text(self, column: str) -> str | None:
        return _text_in(self.cells.get(column, ""))

    def required_text(self, column: str) -> str:
        value = self.text(column)
        if value is None:
            self.problem(column, "this cell must not be empty (write ' for an empty text)")
            return ""
        return value

    def enum(self, column: str, enum_type: type[E]) -> E | None:
        return self.read(column, lambda cell: _enum_in(cell, enum_type))  # type: ignore[no-any-return]

    def given(self, *columns: str) -> bool:
        return any(self.cells.get(column, "") != "" for column in columns)


def _read_period(row: _Row, label: str, start: str, end: str, kind: str) -> ReportingPeriod | None:
    text = row.text(label)
    first: date | None = row.read(start, _date_in)
    last: date | None = row.read(end, _date_in)
    period_kind = row.enum(kind, PeriodKind)
    if first is None and last is None:
        if text is None:
            if period_kind is not None:
                row.problem(kind, "a period kind needs the period's dates or label")
            return None
        if row.given(start, end):
            return None  # a date could not be read; already reported
        try:
            parsed = parse_period(text)
        except PeriodError as error:
            row.problem(label, f"{error}; or give the start and end dates")
            return None
        return ReportingPeriod(
            start=parsed.start, end=parsed.end, label=text, kind=period_kind or parsed.kind
        )
    if first is None or last is None:
        row.problem(start if first is None else end, "a period needs both its start and end")
        return None
    if last < first:
        row.problem(end, f"the period ends ({last}) before it starts ({first})")
        return None
    return ReportingPeriod(start=first, end=last, label=text, kind=period_kind)


def _read_area(row: _Row, kind_column: str, name_column: str) -> Area | None:
    kind = row.enum(kind_column, AreaKind)
    name = row.text(name_column)
    if kind is None and name is None:
        return None
    if kind is None or name is None:
        missing = kind_column if kind is None else name_column
        row.problem(missing, "an area needs both its kind and its name")
        return None
    return Area(kind=kind, name=name)


def _read_comparison(row: _Row, number: int) -> Comparison | None:
    columns = _comparison_columns(number)
    column = dict(zip(_COMPARISON_FIELDS, columns, strict=True))
    if not row.given(*columns):
        return None
    basis = row.enum(column["basis"], ComparisonBasis)
    if basis is None:
        if not row.given(column["basis"]):
            row.problem(column["basis"], "a comparison needs its basis")
        return None
    period = _read_period(
        row, column["period"], column["period start"], column["period end"], column["period kind"]
    )
    area = _read_area(row, column["area kind"], column["area name"])
    change: Change | None = None
    change_columns = [column[name] for name in _COMPARISON_FIELDS if name.startswith("change")]
    if row.given(*change_columns):
        direction_cell = row.cells.get(column["change direction"], "").strip()
        direction = (
            None
            if direction_cell.lower() in ("", _NOT_STATED)
            else row.enum(column["change direction"], Direction)
        )
        change = Change(
            direction=direction,
            count=row.read(column["change count"], _number_in),
            percent=row.read(column["change percent"], _number_in),
            percentage_points=row.read(column["change percentage points"], _number_in),
            wording=row.text(column["change wording"]),
        )
    return Comparison(
        basis=basis,
        period=period,
        value=row.read(column["value"], _number_in),
        area=area,
        change=change,
        wording=row.text(column["wording"]),
    )


def _read_figure(row: _Row, groups: int) -> Figure | None:
    value: Decimal | None = row.read("Value", _number_in)
    upper: Decimal | None = row.read("Upper value", _number_in)
    if upper is not None and (value is None or upper < value):
        row.problem("Upper value", "an upper value needs a value not greater than it")
    per: int | None = row.read("Rate per", _whole_in)
    denominator = row.enum("Rate denominator", RateDenominator)
    rate = None
    if per is not None and denominator is not None:
        rate = RateBase(per=per, denominator=denominator)
    elif per is not None or denominator is not None:
        row.problem(
            "Rate per" if per is None else "Rate denominator",
            "a rate base needs both what it is per and what is counted",
        )
    order = row.enum("Rank order", RankOrder)
    rank = None
    if order is not None:
        rank = Rank(
            order=order, out_of=row.read("Rank out of", _whole_in), group=row.text("Rank group")
        )
    elif row.given("Rank out of", "Rank group"):
        row.problem("Rank order", "a rank needs its order (highest or lowest)")
    status = row.enum("Data status", DataStatus)
    availability = None
    if status is not None:
        availability = DataAvailability(
            status=status,
            reason=row.text("Data status reason"),
            proxy_metric=row.text("Proxy metric"),
        )
    elif row.given("Data status reason", "Proxy metric"):
        row.problem("Data status", "a data status reason or proxy metric needs the status")
    comparisons = [_read_comparison(row, number) for number in range(1, groups + 1)]
    measure = row.required_text("Measure")
    period = _read_period(row, "Period", "Period start", "Period end", "Period kind")
    area = _read_area(row, "Area kind", "Area name")
    if row.failed:
        return None
    return Figure(
        measure=measure,
        metric=row.text("Metric"),
        wording=row.text("Wording"),
        value=value,
        upper_value=upper,
        qualifier=row.enum("Qualifier", Qualifier),
        unit=row.enum("Unit", Unit),
        rate_base=rate,
        rank=rank,
        period=period,
        area=area,
        source=row.text("Source"),
        comparisons=tuple(c for c in comparisons if c is not None),
        availability=availability,
        id=row.text("Figure id"),
    )


def _read_location(row: _Row) -> FigureLocation | None:
    part = row.enum("Part", FigurePart)
    section: int | None = row.read("Section", _whole_in)
    blocks: tuple[int, ...] | None = row.read("Subsection", _path_in)
    index: int | None = row.read("Figure", _whole_in)
    if part is None and not row.given("Part"):
        row.problem("Part", "expected where the figure lives: preamble, introduction or section")
    if index is None and not row.given("Figure"):
        row.problem("Figure", "expected the figure's position in its place (1, 2, ...)")
    if part is FigurePart.SECTION and section is None and not row.given("Section"):
        row.problem("Section", "a figure in a section needs the section's number")
    if part is None or index is None or blocks is None or row.failed:
        return None
    if index < 1:
        row.problem("Figure", "positions count from 1")
        return None
    return FigureLocation(part=part, section=section, blocks=blocks, index=index)


def _header_problems(header: list[str]) -> tuple[int, list[TableProblem]]:
    problems: list[TableProblem] = []
    seen: set[str] = set()
    groups = 0
    for title in header:
        if title in seen:
            problems.append(TableProblem(row=1, column=title, message="this title is used twice"))
        seen.add(title)
        match = _COMPARISON_TITLE.fullmatch(title)
        if match:
            if match[2] not in _COMPARISON_FIELDS:
                problems.append(
                    TableProblem(
                        row=1,
                        column=title,
                        message=(
                            "unknown comparison column; each comparison has: "
                            + ", ".join(_COMPARISON_FIELDS)
                        ),
                    )
                )
            groups = max(groups, int(match[1]))
        elif title not in _BASE_COLUMNS:
            problems.append(
                TableProblem(
                    row=1,
                    column=title,
                    message="unknown column; export a statement's figures to see the columns",
                )
            )
    expected = list(_BASE_COLUMNS)
    for number in range(1, groups + 1):
        expected.extend(_comparison_columns(number))
    problems.extend(
        TableProblem(row=1, column=title, message="this column is missing")
        for title in expected
        if title not in seen
    )
    return groups, problems


def _cross_check(
    row: _Row,
    statement: Statement,
    metrics: dict[str, MetricReference],
    location: FigureLocation,
    figure: Figure,
) -> None:
    """Check the columns that repeat the statement against it."""
    if _place_problem(statement, location) is not None:
        return  # reported when the figures are put in place
    section = statement.sections[location.section - 1] if location.section is not None else None
    subsection = _subsection_at(statement, location)
    metric = metrics.get(figure.metric) if figure.metric is not None else None
    if figure.metric is not None and metric is None:
        row.problem("Metric", f"the statement has no metric {figure.metric!r}")
    proxy = figure.availability.proxy_metric if figure.availability else None
    if proxy is not None and proxy not in metrics:
        row.problem("Proxy metric", f"the statement has no metric {proxy!r}")
    checks = (
        ("Priority", section.priority if section else None, "the section's priority"),
        ("Subsection title", subsection.title if subsection else None, "the subsection's title"),
        ("Metric name", metric.name if metric else None, "the metric's name"),
        ("Data source", metric.data_source if metric else None, "the metric's data source"),
    )
    for column, actual, what in checks:
        written = row.text(column)
        if written is not None and written != actual:
            shown = "nothing" if actual is None else repr(actual)
            row.problem(
                column,
                f"{written!r} is not {what} in the statement ({shown}); this column only "
                "repeats the statement: change the statement, or leave the cell as exported",
            )


def figures_from_table(
    statement: Statement, rows: Sequence[Sequence[str]], *, source: str | None = None
) -> Statement:
    """Return ``statement`` with its figures replaced by those in ``rows`` (title row first).

    Raises:
        TableError: Lists every problem with its row and column.
    """
    if not rows:
        raise TableError(
            [TableProblem(row=None, column=None, message="the table is empty")], source
        )
    header = [title.strip() for title in rows[0]]
    groups, problems = _header_problems(header)
    if problems:
        raise TableError(problems, source)
    items: list[tuple[int | None, LocatedFigure]] = []
    figure_ids: dict[str, int] = {}
    metrics = _metrics(statement)
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell != "" for cell in cells):
            continue
        if len(cells) > len(header):
            problems.append(
                TableProblem(
                    row=number,
                    column=None,
                    message=f"the row has {len(cells)} cells but there are {len(header)} columns",
                )
            )
            continue
        row = _Row(number, dict(zip(header, cells, strict=False)), problems)
        location = _read_location(row)
        figure = _read_figure(row, groups)
        if location is None or figure is None:
            continue
        _cross_check(row, statement, metrics, location, figure)
        if figure.id is not None:
            if figure.id in figure_ids:
                row.problem(
                    "Figure id", f"figure id {figure.id!r} is also in row {figure_ids[figure.id]}"
                )
            figure_ids.setdefault(figure.id, number)
        if not row.failed:
            items.append((number, LocatedFigure(location=location, figure=figure)))
    grouped, place_problems = _group(statement, items)
    problems.extend(place_problems)
    if problems:
        problems.sort(key=lambda problem: problem.row or 0)
        raise TableError(problems, source)
    return _rebuild(statement, grouped)


# --------------------------------------------------------------------------- CSV


def figures_to_csv(statement: Statement) -> str:
    """Return every figure of ``statement`` as CSV text.

    The text starts with a byte-order mark, so that spreadsheet programs read it as UTF-8,
    and lines end with CRLF, as RFC 4180 has them.
    """
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(figures_table(statement))
    return "\ufeff" + buffer.getvalue()


def figures_from_csv(statement: Statement, text: str, *, source: str | None = None) -> Statement:
    """Return ``statement`` with its figures replaced by those in CSV ``text``.

    See the module documentation for how figures are put back.

    Raises:
        TableError: Lists every problem with its row and column.
    """
    try:
        rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    except csv.Error as error:
        raise TableError(
            [TableProblem(row=None, column=None, message=f"not valid CSV: {error}")], source
        ) from None
    return figures_from_table(statement, rows, source=source)


def write_figures_csv(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write every figure of ``statement`` to a CSV file, atomically."""
    atomic_write_text(path, figures_to_csv(statement))


def read_figures_csv(statement: Statement, path: str | os.PathLike[str]) -> Statement:
    """Return ``statement`` with its figures replaced by those in the CSV file at ``path``.

    Raises:
        TableError: Lists every problem with its row and column.
        OSError: The file cannot be read.
    """
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableError(
            [
                TableProblem(
                    row=None,
                    column=None,
                    message=f"not UTF-8 text (byte {error.start}); save the sheet as CSV UTF-8",
                )
            ],
            os.fspath(path),
        ) from None
    return figures_from_csv(statement, text, source=os.fspath(path))


# --------------------------------------------------------------------------- XLSX

#: Characters a worksheet cannot hold as they are, written as _xHHHH_ (ECMA-376 escapes).
_XLSX_UNSAFE = re.compile("[\x00-\x08\x0b-\x0d\x0e-\x1f\ufffe\uffff]")
#: An underscore that would begin an escape is itself escaped (_x005F_), each one even where
#: escapes follow one another ("_x005F_x0041_").
#: Every underscore that starts "_xHHHH" is escaped, whatever follows: a control character
#: after it is itself written as "_xHHHH_", which would otherwise close a false escape.
_XLSX_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4})")
_XLSX_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_SHEET = "Figures"
#: The most characters a worksheet cell holds; openpyxl would silently cut longer text.
_XLSX_CELL_LIMIT = 32_767


def _xlsx_escape(text: str) -> str:
    text = _XLSX_ESCAPE.sub("_x005F_", text)
    return _XLSX_UNSAFE.sub(lambda match: f"_x{ord(match[0]):04X}_", text)


def _xlsx_unescape(text: str) -> str:
    return _XLSX_ESCAPED.sub(lambda match: chr(int(match[1], 16)), text)


def _openpyxl() -> Any:
    try:
        import openpyxl  # noqa: PLC0415 - an optional extra
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "XLSX support needs openpyxl: pip install 'pcc-priorities[xlsx]'"
        ) from None
    return openpyxl


def figures_to_xlsx(statement: Statement) -> bytes:
    """Return every figure of ``statement`` as an XLSX workbook (one sheet, ``Figures``).

    Every cell is text, so numbers keep the digits they are written with and nothing is
    turned into a date or a formula. Needs the ``xlsx`` extra (openpyxl).

    Raises:
        TableError: Some text is longer than a worksheet cell holds (32,767 characters once
            escaped); every such cell is listed by row and column.
    """
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _SHEET
    rows = figures_table(statement)
    problems: list[TableProblem] = []
    for row_number, row in enumerate(rows, start=1):
        for column_number, value in enumerate(row, start=1):
            if value == "":
                continue
            escaped = _xlsx_escape(value)
            if len(escaped) > _XLSX_CELL_LIMIT:
                problems.append(
                    TableProblem(
                        row=row_number,
                        column=rows[0][column_number - 1],
                        message=f"a worksheet cell holds at most {_XLSX_CELL_LIMIT:,} "
                        f"characters; this text needs {len(escaped):,} (write CSV instead)",
                    )
                )
                continue
            cell = sheet.cell(row=row_number, column=column_number)
            cell.value = escaped
            cell.data_type = "s"
    if problems:
        raise TableError(problems)
    bold = openpyxl.styles.Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def figures_from_xlsx(statement: Statement, data: bytes, *, source: str | None = None) -> Statement:
    """Return ``statement`` with its figures replaced by those in an XLSX workbook.

    Reads the sheet named ``Figures`` (or the only sheet). Cells a person typed as numbers or
    dates are read as their text: a whole number as digits, a date as YYYY-MM-DD.

    Raises:
        TableError: Lists every problem with its row and column.
    """
    openpyxl = _openpyxl()
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a bad file
        raise TableError(
            [TableProblem(row=None, column=None, message=f"not an XLSX workbook: {error}")],
            source,
        ) from None
    names = workbook.sheetnames
    if _SHEET not in names and len(names) != 1:
        raise TableError(
            [
                TableProblem(
                    row=None,
                    column=None,
                    message=f"expected a sheet named {_SHEET!r}; the workbook has {names}",
                )
            ],
            source,
        )
    sheet = workbook[_SHEET if _SHEET in names else names[0]]
    rows = [[_xlsx_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    width = len(rows[0]) if rows else 0
    trimmed = [row[:width] if not any(row[width:]) else row for row in rows]
    return figures_from_table(statement, trimmed, source=source)


def _xlsx_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return _xlsx_unescape(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, date):
        return value.isoformat()[:10]
    return str(value)


def write_figures_xlsx(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write every figure of ``statement`` to an XLSX file, atomically (``xlsx`` extra)."""
    atomic_write_bytes(path, figures_to_xlsx(statement))


def read_figures_xlsx(statement: Statement, path: str | os.PathLike[str]) -> Statement:
    """Return ``statement`` with its figures replaced by those in the XLSX file at ``path``.

    Raises:
        TableError: Lists every problem with its row and column.
        OSError: The file cannot be read.
    """
    with open(path, "rb") as handle:
        data = handle.read()
    return figures_from_xlsx(statement, data, source=os.fspath(path))
