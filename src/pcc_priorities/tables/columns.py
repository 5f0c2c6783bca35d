"""The figures table's columns, and writing a statement's figures (or a template) as rows.

A statement with figures writes one row per figure. A statement with none (one made by
``new``) writes a **template**: one row for every metric of every priority section, with the
comparison columns of the framework's usual comparisons and their bases filled in; the
Measure cell is left empty, and a template row left as it was adds no figure when read back
(see :mod:`pcc_priorities.tables.imports`).
"""

from __future__ import annotations

import re

from pcc_priorities.exceptions import UnknownFrameworkError
from pcc_priorities.model.figures import Area, MetricReference
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.values import ComparisonBasis
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.reference.national_frameworks import get_framework
from pcc_priorities.tables.cells import (
    bound_out,
    enum_out,
    number_out,
    path_out,
    text_out,
    whole_out,
)
from pcc_priorities.tables.locations import (
    FigurePart,
    LocatedFigure,
    located_figures,
    subsection_at,
)

__all__ = [
    "BASE_COLUMNS",
    "COMPARISON_FIELDS",
    "COMPARISON_TITLE",
    "LOCATION_COLUMNS",
    "MAX_COMPARISONS",
    "NOT_STATED_CHANGE",
    "OPTIONAL_COLUMNS",
    "REPEATED_COLUMNS",
    "TEMPLATE_COLUMNS",
    "comparison_columns",
    "figure_row",
    "figures_table",
    "metrics_of",
    "table_header",
]

BASE_COLUMNS = (
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
COMPARISON_FIELDS = (
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
OPTIONAL_COLUMNS = frozenset({"Part of", "Part by"})
#: The columns that say where a figure lives.
LOCATION_COLUMNS = ("Part", "Section", "Subsection", "Figure")
#: Columns that only repeat the statement (checked against it, never read into it).
REPEATED_COLUMNS = frozenset({"Priority", "Subsection title", "Metric name", "Data source"})
#: The columns a template row fills in (with the comparisons' bases).
TEMPLATE_COLUMNS = frozenset({*LOCATION_COLUMNS, *REPEATED_COLUMNS, "Metric"})
COMPARISON_TITLE = re.compile(r"Comparison (\d+): (.+)", re.ASCII)
#: The most comparisons a table gives a figure (a header may not ask for a billion columns).
MAX_COMPARISONS = 1000
#: The ``change direction`` cell of a stated change with no direction word.
NOT_STATED_CHANGE = "not stated"


def comparison_columns(number: int) -> tuple[str, ...]:
    """The titles of comparison ``number``'s columns ("Comparison 1: basis", ...)."""
    return tuple(f"Comparison {number}: {name}" for name in COMPARISON_FIELDS)


def table_header(groups: int) -> list[str]:
    """The title row of a table whose figures have at most ``groups`` comparisons."""
    header = list(BASE_COLUMNS)
    for number in range(1, groups + 1):
        header.extend(comparison_columns(number))
    return header


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


def metrics_of(statement: Statement) -> dict[str, MetricReference]:
    """The statement's metrics by id."""
    return {metric.id: metric for section in statement.sections for metric in section.metrics}


def figure_row(
    statement: Statement, metrics: dict[str, MetricReference], item: LocatedFigure, width: int
) -> list[str]:
    """The cells of one figure's row, ``width`` cells long (empty cells at the end)."""
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
                    else NOT_STATED_CHANGE
                ),
                number_out(change.count if change else None),
                number_out(change.percent if change else None),
                number_out(change.percentage_points if change else None),
                text_out(change.wording if change else None),
                text_out(comparison.wording),
            ]
        )
    row.extend([""] * (width - len(row)))
    return row


def usual_comparisons(statement: Statement) -> tuple[ComparisonBasis, ...]:
    """The comparisons the statement's framework usually gives (none for an unknown one)."""
    try:
        framework = get_framework(statement.framework)
    except UnknownFrameworkError:
        return ()
    return tuple(ComparisonBasis(basis) for basis in framework.usual_comparisons)


def template_rows(statement: Statement) -> list[list[str]]:
    """A template: the title row, then one row for every metric of every priority section.

    Each row names its section, priority and metric and leaves the Measure empty; the
    comparison columns are those of the framework's usual comparisons, with their bases.
    """
    bases = usual_comparisons(statement)
    header = table_header(len(bases))
    rows = [header]
    for number, section in enumerate(statement.sections, start=1):
        for index, metric in enumerate(section.metrics, start=1):
            cells = dict.fromkeys(header, "")
            cells.update(
                {
                    "Part": enum_out(FigurePart.SECTION),
                    "Section": whole_out(number),
                    "Priority": text_out(section.priority),
                    "Figure": whole_out(index),
                    "Metric": text_out(metric.id),
                    "Metric name": text_out(metric.name),
                    "Data source": text_out(metric.data_source),
                }
            )
            for group, basis in enumerate(bases, start=1):
                cells[f"Comparison {group}: basis"] = enum_out(basis)
            rows.append([cells[title] for title in header])
    return rows


def figures_table(statement: Statement) -> list[list[str]]:
    """Return every figure of ``statement`` as table rows of text, the title row first.

    A statement with no figures gives a template (see the module documentation).
    """
    located = located_figures(statement)
    if not located:
        return template_rows(statement)
    groups = max(len(item.figure.comparisons) for item in located)
    header = table_header(groups)
    metrics = metrics_of(statement)
    return [header, *(figure_row(statement, metrics, item, len(header)) for item in located)]
