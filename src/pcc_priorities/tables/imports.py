"""Importing a figures table into a statement: what was added, changed, removed and kept.

How a row finds its figure in the statement:

1. by **figure id**: a row whose ``Figure id`` is the id of one of the statement's figures is
   that figure (wherever the row puts it);
2. otherwise by **place and position**: a row whose ``Part``, ``Section``, ``Subsection`` and
   ``Figure`` cells name the place of a figure not found by id is that figure, unless both
   have an id and the ids differ (then the row adds a figure and the statement's is removed);
3. any other row **adds** a figure, at the place its cells give.

Only the columns that say which figure a row is (``Figure id``, or the four place columns)
and ``Value`` are required. For a figure the statement has, a column the table does not have
keeps the statement's value; a cell that is there but empty clears the value. The columns
that only repeat the statement (priority, subsection title, metric name, data source) are
checked where given and never read into it.

A figure of the statement that no row names would be **removed**: that is refused unless
removal is allowed, and a table with no figures at all is refused with its own message. A
template row (see :mod:`pcc_priorities.tables.columns`) left as it was adds nothing; a
template row filled in takes its metric's name as its Measure if that cell is empty.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from pcc_priorities.exceptions import RemovalRefusedError, TableError, TableProblem, one_line
from pcc_priorities.model.figures import Figure
from pcc_priorities.model.pointer import pointer
from pcc_priorities.model.statement import Statement
from pcc_priorities.tables.cells import text_in, text_out
from pcc_priorities.tables.columns import (
    LOCATION_COLUMNS,
    REPEATED_COLUMNS,
    TEMPLATE_COLUMNS,
    figure_row,
    metrics_of,
    table_header,
)
from pcc_priorities.tables.import_report import (
    FigureImport,
    ImportKind,
    ImportReport,
    differences,
    where,
)
from pcc_priorities.tables.locations import (
    FigurePart,
    LocatedFigure,
    breakdown_problems,
    figure_path,
    group_by_place,
    located_figures,
    rebuild,
)
from pcc_priorities.tables.rows import header_problems, location_in, read_row

__all__ = ["figures_from_table", "import_table"]


# --------------------------------------------------------------------------- importing


def _unfilled(cells: dict[str, str]) -> bool:
    """Whether a row is a template row left as it was: no Measure, only the template's cells."""
    if text_in(cells.get("Measure", "")) is not None:
        return False
    return all(
        cell == ""
        or title in TEMPLATE_COLUMNS
        or (title.startswith("Comparison ") and title.endswith(": basis"))
        for title, cell in cells.items()
    )


class _Importer:
    """One import: the table's rows matched to the statement's figures, then read."""

    def __init__(self, statement: Statement, header: list[str], groups: int) -> None:
        self.statement = statement
        self.header = header
        self.present = frozenset(header)
        self.by_id = "Figure id" in self.present
        self.by_place = all(title in self.present for title in LOCATION_COLUMNS)
        self.located = located_figures(statement)
        self.groups = max(groups, *(len(item.figure.comparisons) for item in self.located), 0)
        self.full = table_header(self.groups)
        self.metrics = metrics_of(statement)
        self.problems: list[TableProblem] = []
        #: Whether the table has every column the statement's values could be kept in.
        self.complete = all(
            title in self.present for title in self.full if title not in REPEATED_COLUMNS
        )

    def match(self, data: list[tuple[int, dict[str, str]]]) -> dict[int, int]:
        """The statement figure (its index in document order) each row is, by row."""
        ids = {item.figure.id: i for i, item in enumerate(self.located) if item.figure.id}
        places = {item.location: i for i, item in enumerate(self.located)}
        matches: dict[int, int] = {}
        claimed: set[int] = set()
        for number, cells in data:
            figure_id = text_in(cells.get("Figure id", ""))
            found = ids.get(figure_id) if figure_id is not None else None
            if found is not None and found not in claimed:
                matches[number] = found
                claimed.add(found)
        if not self.by_place:
            return matches
        for number, cells in data:
            if number in matches:
                continue
            location = location_in(cells)
            found = places.get(location) if location is not None else None
            if found is None or found in claimed:
                continue
            figure_id = text_in(cells.get("Figure id", ""))
            own_id = self.located[found].figure.id
            if figure_id is not None and own_id is not None and figure_id != own_id:
                continue
            matches[number] = found
            claimed.add(found)
        return matches

    def cells_for(self, cells: dict[str, str], found: int | None) -> dict[str, str]:
        """The row's cells, with the statement's values in the columns the table lacks."""
        if found is not None and self.complete:
            merged = dict.fromkeys(self.full, "")
            merged.update(cells)
            return merged
        if found is None:
            merged = dict.fromkeys(self.full, "")
            merged.update(cells)
            metric = self.metrics.get(text_in(merged.get("Metric", "")) or "")
            if text_in(merged.get("Measure", "")) is None and metric is not None:
                merged["Measure"] = text_out(metric.name)
            return merged
        exported = figure_row(self.statement, self.metrics, self.located[found], len(self.full))
        merged = dict(zip(self.full, exported, strict=True))
        for title in REPEATED_COLUMNS:
            merged[title] = ""
        merged.update(cells)
        return merged


def _refusal(
    removed: list[LocatedFigure], rows: int, source: str | None, sheet: str | None
) -> RemovalRefusedError:
    if rows == 0:
        message = (
            f"the table has no figures: importing it would remove all {len(removed):,} "
            "figures of the statement; allow removal (--allow-removal) to remove them"
        )
        return RemovalRefusedError(
            [TableProblem(row=None, column=None, message=message, sheet=sheet)], source
        )
    problems = [
        TableProblem(
            row=None,
            column=None,
            sheet=sheet,
            message=one_line(
                f"no row for the statement's figure {item.figure.measure!r}"
                + (f" (id {item.figure.id!r})" if item.figure.id else "")
                + f" at {where(item.location)}: it would be removed; keep its row, or allow "
                "removal (--allow-removal)"
            ),
        )
        for item in removed
    ]
    return RemovalRefusedError(problems, source)


def import_table(
    statement: Statement,
    rows: Sequence[Sequence[str]],
    *,
    source: str | None = None,
    sheet: str | None = None,
    allow_removal: bool = False,
) -> ImportReport:
    """Import the figures in ``rows`` (title row first) into ``statement``; say what was done.

    See the module documentation for how rows are matched to figures and what is required.

    Args:
        statement: The statement to import into.
        rows: The table's cells as text, the title row first.
        source: The file the table came from, for messages.
        sheet: The worksheet the table came from, for messages and cell places.
        allow_removal: Whether figures with no row may be removed.

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Lists every problem with its sheet, row and column.
    """

    def refuse(problems: list[TableProblem]) -> TableError:
        problems.sort(key=lambda problem: problem.row or 0)
        return TableError((attrs.evolve(p, sheet=p.sheet or sheet) for p in problems), source)

    if not rows:
        raise refuse([TableProblem(row=None, column=None, message="the table is empty")])
    header = [title.strip() for title in rows[0]]
    groups, problems = header_problems(header)
    importer = _Importer(statement, header, groups)
    if not importer.by_id and not importer.by_place:
        problems.append(
            TableProblem(
                row=1,
                column=None,
                message="the table needs a 'Figure id' column, or the columns "
                + ", ".join(repr(title) for title in LOCATION_COLUMNS)
                + ", to say which figure each row is",
            )
        )
    if "Value" not in importer.present:
        problems.append(TableProblem(row=1, column="Value", message="this column is missing"))
    if problems:
        raise refuse(problems)
    data: list[tuple[int, dict[str, str]]] = []
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
        data.append((number, dict(zip(header, cells, strict=False))))
    matches = importer.match(data)
    items: list[tuple[int, int | None, LocatedFigure]] = []
    unfilled: list[int] = []
    figure_ids: dict[str, int] = {}
    for number, given in data:
        found = matches.get(number)
        if found is None and _unfilled(given):
            unfilled.append(number)
            continue
        if found is None and not importer.by_place:
            figure_id = text_in(given.get("Figure id", ""))
            problems.append(
                TableProblem(
                    row=number,
                    column="Figure id",
                    message=(
                        "the row names no figure of the statement"
                        if figure_id is None
                        else f"the statement has no figure {figure_id!r}"
                    )
                    + "; a row that adds a figure needs the columns "
                    + ", ".join(repr(title) for title in LOCATION_COLUMNS),
                )
            )
            continue
        merged = importer.cells_for(given, found)
        item = read_row(
            statement,
            importer.metrics,
            merged,
            number=number,
            groups=importer.groups,
            problems=problems,
        )
        if item is None:
            continue
        if item.figure.id is not None:
            if item.figure.id in figure_ids:
                problems.append(
                    TableProblem(
                        row=number,
                        column="Figure id",
                        message=f"figure id {item.figure.id!r} is also in row "
                        f"{figure_ids[item.figure.id]}",
                    )
                )
                continue
            figure_ids[item.figure.id] = number
        items.append((number, found, item))
    located = [(n, item) for n, _, item in items]
    grouped, place_problems = group_by_place(statement, located)
    problems.extend(place_problems + breakdown_problems(located))
    if problems:
        raise refuse(problems)
    matched = {found for _, found, _ in items if found is not None}
    removed = [item for i, item in enumerate(importer.located) if i not in matched]
    if removed and not allow_removal:
        raise _refusal(removed, len(items), source, sheet)
    return _report(statement, importer, items, removed, grouped, unfilled, source, sheet)


def _report(  # noqa: PLR0917
    statement: Statement,
    importer: _Importer,
    items: list[tuple[int, int | None, LocatedFigure]],
    removed: list[LocatedFigure],
    grouped: dict[tuple[FigurePart, int | None, tuple[int, ...]], list[Figure]],
    unfilled: list[int],
    source: str | None,
    sheet: str | None,
) -> ImportReport:
    imported = rebuild(statement, grouped)
    # Where each row's figure ends up: its place, and its rank there by the given position.
    positions: dict[tuple[FigurePart, int | None, tuple[int, ...]], list[int]] = {}
    for _, _, item in items:
        positions.setdefault(item.location.place, []).append(item.location.index)
    for indexes in positions.values():
        indexes.sort()
    results: list[FigureImport] = []
    cells: list[tuple[str, int]] = []
    earlier: list[tuple[str, int]] = []
    for number, found, item in items:
        given = item.location
        final = attrs.evolve(given, index=positions[given.place].index(given.index) + 1)
        cells.append((pointer(figure_path(final)), number))
        if found is None:
            results.append(
                FigureImport(kind=ImportKind.ADDED, figure=item.figure, location=final, row=number)
            )
            continue
        before = importer.located[found]
        earlier.append((pointer(figure_path(before.location)), number))
        changes = differences(before.figure, item.figure)
        if given != before.location:
            changes = (*changes, f"moved from {where(before.location)}")
        results.append(
            FigureImport(
                kind=ImportKind.CHANGED if changes else ImportKind.KEPT,
                figure=item.figure,
                location=final,
                row=number,
                previous=before.figure,
                differences=changes,
            )
        )
    results.extend(
        FigureImport(kind=ImportKind.REMOVED, figure=item.figure, location=item.location)
        for item in removed
    )
    absent = tuple(
        title
        for title in importer.full
        if title not in importer.present and title not in REPEATED_COLUMNS
    )
    return ImportReport(
        statement=imported,
        figures=tuple(results),
        absent_columns=absent,
        unfilled_rows=tuple(unfilled),
        source=source,
        sheet=sheet,
        columns=tuple(importer.header),
        rows=tuple(cells),
        statement_rows=tuple(earlier),
    )


def figures_from_table(
    statement: Statement,
    rows: Sequence[Sequence[str]],
    *,
    source: str | None = None,
    allow_removal: bool = False,
) -> Statement:
    """Return ``statement`` with the figures in ``rows`` (title row first) imported.

    :func:`import_table` without the report.

    Raises:
        RemovalRefusedError: Figures would be removed and removal is not allowed.
        TableError: Lists every problem with its row and column.
    """
    return import_table(statement, rows, source=source, allow_removal=allow_removal).statement
