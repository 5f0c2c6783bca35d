"""Every force side by side: one tidy table of figures, from the open data or from statements.

One row per force, metric, period and comparison (a figure without comparisons has one row
with the comparison cells empty), in the same columns whether the figures come from the
national open data (:func:`national_table`) or from a folder of published statements
(:func:`statements_table`), so a national tool can put the two side by side. The rows are
plain dicts (:meth:`TidyTable.records`), which ``pandas.DataFrame.from_records`` and
``polars.from_dicts`` take as they are, or CSV (:meth:`TidyTable.to_csv`).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from attrs import frozen

from pcc_priorities.exceptions import PccPrioritiesError
from pcc_priorities.figures.crime_table import CrimeTable
from pcc_priorities.figures.recorded_crime import force_figures, standard_periods
from pcc_priorities.formats.documents import load_with_report
from pcc_priorities.model.figures import Comparison, Figure
from pcc_priorities.model.statement import Statement
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.reference.measure_sets import CrimeMeasures
from pcc_priorities.tables.locations import located_figures

__all__ = ["TIDY_COLUMNS", "TidyTable", "national_table", "statements_table"]

#: The columns of the tidy table, in order.
TIDY_COLUMNS = (
    "origin",
    "force_code",
    "force",
    "metric",
    "measure",
    "period",
    "period_start",
    "period_end",
    "period_kind",
    "value",
    "unit",
    "comparison",
    "comparison_period",
    "comparison_start",
    "comparison_end",
    "comparison_value",
    "change",
    "change_percent",
    "data_source",
    "published",
)

#: A cell of the tidy table: text, a date, an exact number, or None for an empty cell.
Cell = str | date | Decimal | None
_STATEMENT_FILES = (".json", ".yaml", ".yml")


@frozen(kw_only=True)
class TidyTable:
    """A tidy table of figures, and what could not be put in it.

    Attributes:
        rows: The rows, each a dict of :data:`TIDY_COLUMNS` to text, a date, an exact
            number (Decimal) or None.
        problems: Forces or files left out, each with the reason (a missing count, a file
            that is not a statement).
    """

    rows: tuple[dict[str, Cell], ...]
    problems: tuple[str, ...] = ()

    def records(self) -> list[dict[str, Cell]]:
        """The rows as a list of dicts: ``pandas.DataFrame.from_records(table.records())``."""
        return [dict(row) for row in self.rows]

    def to_csv(self) -> str:
        """The rows as CSV text with a title row (dates as YYYY-MM-DD, numbers exact)."""
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(TIDY_COLUMNS)
        for row in self.rows:
            writer.writerow(
                ["" if row[column] is None else str(row[column]) for column in TIDY_COLUMNS]
            )
        return "\ufeff" + buffer.getvalue()


def _period_cells(period: ReportingPeriod | None, prefix: str) -> dict[str, Cell]:
    if period is None:
        return {prefix: None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {
        prefix: period.label or period.canonical_label(),
        f"{prefix}_start": period.start if isinstance(period.start, date) else None,
        f"{prefix}_end": period.end if isinstance(period.end, date) else None,
    }


def _comparison_cells(comparison: Comparison | None) -> dict[str, Cell]:
    if comparison is None:
        cells: dict[str, Cell] = {"comparison": None}
        cells.update(_period_cells(None, "comparison_period"))
    else:
        cells = {"comparison": str(comparison.basis)}
        cells.update(_period_cells(comparison.period, "comparison_period"))
    change = comparison.change if comparison is not None else None
    return {
        "comparison": cells["comparison"],
        "comparison_period": cells["comparison_period"],
        "comparison_start": cells["comparison_period_start"],
        "comparison_end": cells["comparison_period_end"],
        "comparison_value": comparison.value if comparison is not None else None,
        "change": change.count if change is not None else None,
        "change_percent": change.percent if change is not None else None,
    }


def figure_rows(
    figure: Figure,
    *,
    origin: str,
    force_code: str,
    force: str,
    metric: str | None = None,
    published: date | None = None,
) -> list[dict[str, Cell]]:
    """The tidy rows of one figure: one per comparison, or one without a comparison."""
    base: dict[str, Cell] = {
        "origin": origin,
        "force_code": force_code,
        "force": force,
        "metric": metric if metric is not None else figure.metric,
        "measure": figure.measure,
    }
    base.update(_period_cells(figure.period, "period"))
    base["period_kind"] = str(figure.period.kind) if figure.period and figure.period.kind else None
    base["value"] = figure.value
    base["unit"] = str(figure.unit) if figure.unit is not None else None
    rows = []
    for comparison in figure.comparisons or (None,):
        row = dict(base)
        row.update(_comparison_cells(comparison))
        row["data_source"] = figure.source
        row["published"] = published
        rows.append({column: row.get(column) for column in TIDY_COLUMNS})
    return rows


def national_table(
    table: CrimeTable,
    *,
    periods: Sequence[ReportingPeriod] | None = None,
    measures: CrimeMeasures | None = None,
    only: Iterable[str] | None = None,
    baseline: ReportingPeriod | None = None,
    places: int = 0,
    forces: Iterable[str] | None = None,
) -> TidyTable:
    """Every force's figures from a table of recorded crime, side by side.

    By default every force in the table, every measure, and the four periods statements
    quote most up to the table's latest quarter, each compared with the same period a year
    earlier and (where as long) with the national baseline. A force a count is missing for is
    left out and named in ``problems`` with the force, offence and quarter, never given a zero.
    """
    spans = list(periods) if periods is not None else list(standard_periods(table.latest_quarter()))
    wanted = list(only) if only is not None else None
    chosen = [table.force(key) for key in forces] if forces is not None else table.forces()
    rows: list[dict[str, Cell]] = []
    problems: list[str] = []
    for force in chosen:
        try:
            result = force_figures(
                table,
                force,
                periods=spans,
                measures=measures,
                only=wanted,
                baseline=baseline,
                places=places,
            )
        except PccPrioritiesError as error:
            problems.append(f"{force.area} ({force.code}) left out: {error}")
            continue
        for figure in result.figures:
            rows.extend(
                figure_rows(
                    figure,
                    origin="open data",
                    force_code=force.code,
                    force=force.area,
                    published=table.published,
                )
            )
    return TidyTable(rows=tuple(rows), problems=tuple(problems))


def _national_metric(statement: Statement, metric: str | None) -> str | None:
    for section in statement.sections:
        for reference in section.metrics:
            if reference.id == metric:
                return reference.national_metric or reference.id
    return metric


def statement_rows(statement: Statement, origin: str) -> list[dict[str, Cell]]:
    """The tidy rows of every figure of a statement, its metrics named as the framework does."""
    published = statement.published.latest if statement.published is not None else None
    rows: list[dict[str, Cell]] = []
    for located in located_figures(statement):
        figure = located.figure
        rows.extend(
            figure_rows(
                figure,
                origin=origin,
                force_code=statement.force.code,
                force=statement.force.name,
                metric=_national_metric(statement, figure.metric),
                published=published,
            )
        )
    return rows


def statements_table(paths: Iterable[str | os.PathLike[str]]) -> TidyTable:
    """The figures of published statements, side by side, in the columns of the open data's.

    ``paths`` are statement files, or folders whose ``.json``, ``.yaml`` and ``.yml`` files
    are read (not their subfolders), in name order. A file that is not a valid statement is
    left out and named in ``problems`` with the reason.
    """
    files: list[str] = []
    for path in paths:
        name = os.fspath(path)
        if os.path.isdir(name):
            files.extend(
                str(entry)
                for entry in sorted(Path(name).iterdir())
                if entry.suffix.lower() in _STATEMENT_FILES and entry.is_file()
            )
        else:
            files.append(name)
    rows: list[dict[str, Cell]] = []
    problems: list[str] = []
    for name in files:
        try:
            statement = load_with_report(name).statement
        except PccPrioritiesError as error:
            problems.append(f"{name} left out: {error}")
            continue
        rows.extend(statement_rows(statement, name))
    return TidyTable(rows=tuple(rows), problems=tuple(problems))
