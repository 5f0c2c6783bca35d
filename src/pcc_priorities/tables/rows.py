"""The figures table: one row per figure, one column per attribute, and reading it back."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from pcc_priorities.exceptions import PeriodError, TableError, TableProblem
from pcc_priorities.model.figures import (
    Area,
    Change,
    Comparison,
    DataAvailability,
    Figure,
    MetricReference,
    PartOf,
    Rank,
    RateBase,
)
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.values import (
    AreaKind,
    BreakdownKind,
    ComparisonBasis,
    DataStatus,
    Direction,
    Qualifier,
    RankOrder,
    RateDenominator,
    Unit,
)
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.kinds import PeriodKind
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.periods.reading import parse_period
from pcc_priorities.tables.cells import (
    NOT_STATED,
    CellError,
    E,
    bound_in,
    bound_out,
    enum_in,
    enum_out,
    number_in,
    number_out,
    path_in,
    path_out,
    text_in,
    text_out,
    whole_in,
    whole_out,
)
from pcc_priorities.tables.locations import (
    FigureLocation,
    FigurePart,
    LocatedFigure,
    breakdown_problems,
    group_by_place,
    located_figures,
    place_problem,
    rebuild,
    subsection_at,
)

__all__ = ["figures_from_table", "figures_table"]


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
    "Part of",
    "Part by",
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
#: Columns added after the first release of the table: a table without them still reads.
_OPTIONAL_COLUMNS = frozenset({"Part of", "Part by"})
_COMPARISON_TITLE = re.compile(r"Comparison (\d+): (.+)", re.ASCII)
#: The most comparisons a table gives a figure (a header may not ask for a billion columns).
_MAX_COMPARISONS = 1000
#: The ``change direction`` cell of a stated change with no direction word.
_NOT_STATED = "not stated"


def _comparison_columns(number: int) -> tuple[str, ...]:
    return tuple(f"Comparison {number}: {name}" for name in _COMPARISON_FIELDS)


def _period_cells(period: ReportingPeriod | None) -> list[str]:
    if period is None:
        return ["", "", "", ""]
    return [
        text_out(period.label),
        bound_out(period.start),
        bound_out(period.end),
        enum_out(period.kind),
    ]


def _area_cells(area: Area | None) -> list[str]:
    return ["", ""] if area is None else [enum_out(area.kind), text_out(area.name)]


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
        subsection = subsection_at(statement, location)
        metric = metrics.get(figure.metric) if figure.metric is not None else None
        rate, rank, availability = figure.rate_base, figure.rank, figure.availability
        row = [
            enum_out(location.part),
            whole_out(location.section),
            text_out(section.priority if section else None),
            path_out(location.blocks),
            text_out(subsection.title if subsection else None),
            whole_out(location.index),
            text_out(figure.id),
            text_out(figure.measure),
            text_out(figure.metric),
            text_out(metric.name if metric else None),
            text_out(metric.data_source if metric else None),
            number_out(figure.value),
            number_out(figure.upper_value),
            enum_out(figure.qualifier),
            enum_out(figure.unit),
            whole_out(rate.per if rate else None),
            enum_out(rate.denominator if rate else None),
            enum_out(rank.order if rank else None),
            whole_out(rank.out_of if rank else None),
            text_out(rank.group if rank else None),
            *_period_cells(figure.period),
            *_area_cells(figure.area),
            text_out(figure.part_of.figure if figure.part_of else None),
            enum_out(figure.part_of.by if figure.part_of else None),
            text_out(figure.source),
            enum_out(availability.status if availability else None),
            text_out(availability.reason if availability else None),
            text_out(availability.proxy_metric if availability else None),
            text_out(figure.wording),
        ]
        for comparison in figure.comparisons:
            change = comparison.change
            row.extend(
                [
                    enum_out(comparison.basis),
                    *_period_cells(comparison.period),
                    number_out(comparison.value),
                    *_area_cells(comparison.area),
                    (
                        ""
                        if change is None
                        else enum_out(change.direction)
                        if change.direction
                        else _NOT_STATED
                    ),
                    number_out(change.count if change else None),
                    number_out(change.percent if change else None),
                    number_out(change.percentage_points if change else None),
                    text_out(change.wording if change else None),
                    text_out(comparison.wording),
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
        except CellError as error:
            self.problem(column, str(error))
            return None

    def text(self, column: str) -> str | None:
        return text_in(self.cells.get(column, ""))

    def required_text(self, column: str) -> str:
        value = self.text(column)
        if value is None:
            self.problem(column, "this cell must not be empty (write ' for an empty text)")
            return ""
        return value

    def enum(self, column: str, enum_type: type[E]) -> E | None:
        return self.read(column, lambda cell: enum_in(cell, enum_type))  # type: ignore[no-any-return]

    def given(self, *columns: str) -> bool:
        return any(self.cells.get(column, "") != "" for column in columns)


def _read_period(row: _Row, label: str, start: str, end: str, kind: str) -> ReportingPeriod | None:
    """Read a period: its dates (a cell "not stated" for an end not given), or its label.

    With both date cells empty the label is read as a period, as a person writes it.
    """
    text = row.text(label)
    first_cell, last_cell = row.cells.get(start, "").strip(), row.cells.get(end, "").strip()
    first: date | PartialDate | None = row.read(start, bound_in)
    last: date | PartialDate | None = row.read(end, bound_in)
    period_kind = row.enum(kind, PeriodKind)
    if not first_cell and not last_cell:
        if text is None:
            if period_kind is not None:
                row.problem(kind, "a period kind needs the period's dates or label")
            return None
        try:
            parsed = parse_period(text)
        except PeriodError as error:
            row.problem(label, f"{error}; or give the start and end dates")
            return None
        return ReportingPeriod(
            start=parsed.start, end=parsed.end, label=text, kind=period_kind or parsed.kind
        )
    if not first_cell or not last_cell:
        row.problem(
            start if not first_cell else end,
            f"a period needs both its start and end (write {NOT_STATED!r} for an end the "
            "statement does not give)",
        )
        return None
    if row.failed:
        return None
    if first is None and last is None and text is None:
        row.problem(label, "a period whose dates are not stated needs its label")
        return None
    try:
        return ReportingPeriod(start=first, end=last, label=text, kind=period_kind)
    except ValueError as error:
        row.problem(end, str(error))
        return None


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
            count=row.read(column["change count"], number_in),
            percent=row.read(column["change percent"], number_in),
            percentage_points=row.read(column["change percentage points"], number_in),
            wording=row.text(column["change wording"]),
        )
    return Comparison(
        basis=basis,
        period=period,
        value=row.read(column["value"], number_in),
        area=area,
        change=change,
        wording=row.text(column["wording"]),
    )


def _read_figure(row: _Row, groups: int) -> Figure | None:
    value: Decimal | None = row.read("Value", number_in)
    upper: Decimal | None = row.read("Upper value", number_in)
    if upper is not None and (value is None or upper < value):
        row.problem("Upper value", "an upper value needs a value not greater than it")
    per: int | None = row.read("Rate per", whole_in)
    denominator = row.enum("Rate denominator", RateDenominator)
    rate = None
    if per is not None and denominator is not None:
        rate = RateBase(per=per, denominator=denominator)
    elif (per is None) != (denominator is None):
        missing = "Rate per" if per is None else "Rate denominator"
        if not row.given(missing):  # a cell given but not read is reported already
            row.problem(missing, "a rate base needs both what it is per and what is counted")
    order = row.enum("Rank order", RankOrder)
    rank = None
    if order is not None:
        rank = Rank(
            order=order, out_of=row.read("Rank out of", whole_in), group=row.text("Rank group")
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
    part_of = None
    whole = row.text("Part of")
    by = row.enum("Part by", BreakdownKind)
    if whole is not None:
        part_of = PartOf(figure=whole, by=by or BreakdownKind.AREA)
    elif row.given("Part by"):
        row.problem("Part of", "a breakdown needs the id of the figure it is a part of")
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
        part_of=part_of,
        source=row.text("Source"),
        comparisons=tuple(c for c in comparisons if c is not None),
        availability=availability,
        id=row.text("Figure id"),
    )


def _read_location(row: _Row) -> FigureLocation | None:
    part = row.enum("Part", FigurePart)
    section: int | None = row.read("Section", whole_in)
    blocks: tuple[int, ...] | None = row.read("Subsection", path_in)
    index: int | None = row.read("Figure", whole_in)
    if part is None and not row.given("Part"):
        row.problem(
            "Part",
            "expected where the figure lives: preamble, introduction, contribution or section",
        )
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
            number = int(match[1]) if len(match[1]) <= 9 else _MAX_COMPARISONS + 1
            if not 1 <= number <= _MAX_COMPARISONS:
                problems.append(
                    TableProblem(
                        row=1,
                        column=title,
                        message=f"comparisons are numbered from 1 to {_MAX_COMPARISONS:,}",
                    )
                )
                continue
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
            groups = max(groups, number)
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
        if title not in seen and title not in _OPTIONAL_COLUMNS
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
    if place_problem(statement, location) is not None:
        return  # reported when the figures are put in place
    section = statement.sections[location.section - 1] if location.section is not None else None
    subsection = subsection_at(statement, location)
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
        try:
            figure = _read_figure(row, groups)
        except ValueError as error:  # a value the model refuses, for a reason no cell reader knew
            row.problem(None, str(error))
            continue
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
    grouped, place_problems = group_by_place(statement, items)
    problems.extend(place_problems + breakdown_problems(items))
    if problems:
        problems.sort(key=lambda problem: problem.row or 0)
        raise TableError(problems, source)
    return rebuild(statement, grouped)
