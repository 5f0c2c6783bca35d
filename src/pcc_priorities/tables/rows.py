"""Reading the figures table: the cells of one row as a figure and where it lives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from pcc_priorities.exceptions import PeriodError, TableProblem
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
    enum_in,
    number_in,
    path_in,
    text_in,
    whole_in,
)
from pcc_priorities.tables.columns import (
    BASE_COLUMNS,
    COMPARISON_FIELDS,
    COMPARISON_TITLE,
    MAX_COMPARISONS,
    NOT_STATED_CHANGE,
    comparison_columns,
)
from pcc_priorities.tables.locations import (
    FigureLocation,
    FigurePart,
    LocatedFigure,
    place_problem,
    subsection_at,
)

__all__ = ["header_problems", "location_in", "read_row"]


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
    columns = comparison_columns(number)
    column = dict(zip(COMPARISON_FIELDS, columns, strict=True))
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
    change_columns = [column[name] for name in COMPARISON_FIELDS if name.startswith("change")]
    if row.given(*change_columns):
        direction_cell = row.cells.get(column["change direction"], "").strip()
        direction = (
            None
            if direction_cell.lower() in ("", NOT_STATED_CHANGE)
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


def header_problems(header: list[str]) -> tuple[int, list[TableProblem]]:
    """The number of comparisons the header gives, and its unknown or repeated titles."""
    problems: list[TableProblem] = []
    seen: set[str] = set()
    groups = 0
    for title in header:
        if title in seen:
            problems.append(TableProblem(row=1, column=title, message="this title is used twice"))
        seen.add(title)
        match = COMPARISON_TITLE.fullmatch(title)
        if match:
            number = int(match[1]) if len(match[1]) <= 9 else MAX_COMPARISONS + 1
            if not 1 <= number <= MAX_COMPARISONS:
                problems.append(
                    TableProblem(
                        row=1,
                        column=title,
                        message=f"comparisons are numbered from 1 to {MAX_COMPARISONS:,}",
                    )
                )
                continue
            if match[2] not in COMPARISON_FIELDS:
                problems.append(
                    TableProblem(
                        row=1,
                        column=title,
                        message=(
                            "unknown comparison column; each comparison has: "
                            + ", ".join(COMPARISON_FIELDS)
                        ),
                    )
                )
            groups = max(groups, number)
        elif title not in BASE_COLUMNS:
            problems.append(
                TableProblem(
                    row=1,
                    column=title,
                    message="unknown column; export a statement's figures to see the columns",
                )
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


def location_in(cells: dict[str, str]) -> FigureLocation | None:
    """The location the cells give, or None if they give none that can be read."""
    row = _Row(0, cells, [])
    location = _read_location(row)
    return None if row.failed else location


def read_row(
    statement: Statement,
    metrics: dict[str, MetricReference],
    cells: dict[str, str],
    *,
    number: int,
    groups: int,
    problems: list[TableProblem],
) -> LocatedFigure | None:
    """Read the figure of row ``number`` from its ``cells`` by column title.

    Problems are added to ``problems``, naming the row and column; None if there are any.
    """
    row = _Row(number, cells, problems)
    location = _read_location(row)
    try:
        figure = _read_figure(row, groups)
    except ValueError as error:  # a value the model refuses, for a reason no cell reader knew
        row.problem(None, str(error))
        return None
    if location is None or figure is None:
        return None
    _cross_check(row, statement, metrics, location, figure)
    if row.failed:
        return None
    return LocatedFigure(location=location, figure=figure)
