"""The report of an import: figures added, changed, removed and kept, and where each was typed."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import Enum, StrEnum

import attrs
from attrs import frozen

from pcc_priorities.exceptions import one_line
from pcc_priorities.model.figures import Figure
from pcc_priorities.model.pointer import parse_pointer, pointer
from pcc_priorities.model.statement import Statement
from pcc_priorities.tables.columns import COMPARISON_FIELDS, COMPARISON_TITLE, table_header
from pcc_priorities.tables.locations import FigureLocation, FigurePart

__all__ = [
    "CellPlace",
    "FigureImport",
    "ImportKind",
    "ImportReport",
    "column_of",
    "differences",
    "where",
]


class ImportKind(StrEnum):
    """What importing a table did to a figure."""

    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"
    KEPT = "kept"


def where(location: FigureLocation) -> str:
    """A figure's place in words: "section 2, subsection 3.1, figure 4"."""
    inner = "" if not location.blocks else ", subsection " + ".".join(map(str, location.blocks))
    if location.part is FigurePart.SECTION:
        return f"section {location.section}{inner}, figure {location.index}"
    return f"{location.part}{inner}, figure {location.index}"


@frozen(kw_only=True)
class FigureImport:
    """What importing did to one figure.

    Attributes:
        kind: Added, changed, removed or kept as it was.
        figure: The figure as it is now (for a removed figure, as it was).
        location: Where it is now (for a removed figure, where it was).
        row: The table row it came from; None for a removed figure.
        previous: The statement's figure before, for a figure changed or kept.
        differences: What changed, in words ("value: 12 → 14").
    """

    kind: ImportKind
    figure: Figure
    location: FigureLocation
    row: int | None = None
    previous: Figure | None = None
    differences: tuple[str, ...] = ()

    def describe(self) -> str:
        """One line: what happened to which figure, where, and from which row."""
        name = self.figure.measure + (f" ({self.figure.id})" if self.figure.id else "")
        head = f"{self.kind}: {name}, {where(self.location)}"
        if self.row is not None:
            head += f", row {self.row}"
        return one_line(head + (": " + "; ".join(self.differences) if self.differences else ""))


@frozen(kw_only=True)
class CellPlace:
    """Where in a table a value was typed.

    Attributes:
        sheet: The worksheet's name; None for a CSV file.
        row: The row, counted as a spreadsheet does (the title row is row 1).
        column: The column's title; None where the value is not in a column of the table
            (the figure as a whole, or a column the table does not have).
    """

    sheet: str | None
    row: int
    column: str | None

    def __str__(self) -> str:
        parts = [] if self.sheet is None else [f"sheet {self.sheet!r}"]
        parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return one_line(", ".join(parts))


@frozen(kw_only=True)
class ImportReport:
    """A statement with a table's figures imported, and what was done.

    Attributes:
        statement: The statement after importing.
        figures: Every figure added, changed, removed or kept: the rows' figures in row
            order, then those removed.
        absent_columns: Columns the table does not have, whose values were kept from the
            statement (the columns that only repeat the statement are not listed).
        unfilled_rows: Template rows left as they were (no figure added for them).
        source: The file the table came from, where known.
        sheet: The worksheet the table came from; None for CSV.
        columns: The titles of the table's columns, as given.
        rows: The table row of each figure of the imported statement, by the figure's JSON
            Pointer.
        statement_rows: The table row matched to each figure of the statement imported
            into, by the figure's JSON Pointer there (for the figures a row matched).
    """

    statement: Statement
    figures: tuple[FigureImport, ...]
    absent_columns: tuple[str, ...] = ()
    unfilled_rows: tuple[int, ...] = ()
    source: str | None = None
    sheet: str | None = None
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, int], ...] = ()
    statement_rows: tuple[tuple[str, int], ...] = ()

    def of_kind(self, kind: ImportKind) -> tuple[FigureImport, ...]:
        """The figures of one kind."""
        return tuple(item for item in self.figures if item.kind is kind)

    @property
    def changes_anything(self) -> bool:
        """Whether the imported statement differs from the one before."""
        return any(item.kind is not ImportKind.KEPT for item in self.figures)

    def summary(self) -> str:
        """One line of counts: "2 figures added, 3 changed, 1 removed, 63 kept"."""
        added, changed, removed, kept = (len(self.of_kind(kind)) for kind in ImportKind)
        noun = "figure" if added == 1 else "figures"
        line = f"{added} {noun} added, {changed} changed, {removed} removed, {kept} kept"
        if self.unfilled_rows:
            line += f"; {len(self.unfilled_rows)} template rows not filled in"
        return line

    def absent_summary(self) -> str | None:
        """The absent columns in a sentence ("Comparison 2" for all of its columns), or None."""
        if not self.absent_columns:
            return None
        absent = set(self.absent_columns)
        shown: list[str] = []
        whole: set[str] = set()
        for title in self.absent_columns:
            match = COMPARISON_TITLE.fullmatch(title)
            if match is None:
                shown.append(title)
                continue
            group = f"Comparison {match[1]}"
            if group in whole:
                continue
            titles = table_header(int(match[1]))[-len(COMPARISON_FIELDS) :]
            if all(t in absent for t in titles):
                whole.add(group)
                shown.append(f"{group} (all its columns)")
            else:
                shown.append(title)
        return "columns not in the table, kept as the statement has them: " + ", ".join(shown)

    def lines(self) -> list[str]:
        """The report in lines: the summary, absent columns, then each figure not kept."""
        found = [self.summary()]
        absent = self.absent_summary()
        if absent is not None:
            found.append(absent)
        found.extend(item.describe() for item in self.figures if item.kind is not ImportKind.KEPT)
        return found

    def cell_of(self, path: str, *, before: bool = False) -> CellPlace | None:
        """Where in the table the value at JSON Pointer ``path`` was typed, or None.

        ``path`` is into the imported statement, or with ``before`` into the statement
        imported into (for a table checked against the statement it was imported into, or
        that it was exported from). None for a path outside the figures the table has. The
        column is None where the path is the figure as a whole or its column is not in the
        table.
        """
        segments = parse_pointer(path)
        if segments is None:
            return None
        rows = dict(self.statement_rows if before else self.rows)
        for length in range(len(segments), 1, -1):
            row = rows.get(pointer(segments[:length]))
            if row is not None:
                column = column_of(segments[length:])
                if column is not None and column not in self.columns:
                    column = None
                return CellPlace(sheet=self.sheet, row=row, column=column)
        return None


_FIELD_COLUMNS = {
    ("id",): "Figure id",
    ("measure",): "Measure",
    ("metric",): "Metric",
    ("value",): "Value",
    ("upper_value",): "Upper value",
    ("qualifier",): "Qualifier",
    ("unit",): "Unit",
    ("rate_base",): "Rate per",
    ("rate_base", "per"): "Rate per",
    ("rate_base", "denominator"): "Rate denominator",
    ("rank",): "Rank order",
    ("rank", "order"): "Rank order",
    ("rank", "out_of"): "Rank out of",
    ("rank", "group"): "Rank group",
    ("part_of",): "Part of",
    ("part_of", "figure"): "Part of",
    ("part_of", "by"): "Part by",
    ("source",): "Source",
    ("availability",): "Data status",
    ("availability", "status"): "Data status",
    ("availability", "reason"): "Data status reason",
    ("availability", "proxy_metric"): "Proxy metric",
    ("wording",): "Wording",
}
_PERIOD = {(): "period", ("label",): "period", ("start",): "period start"}
_PERIOD.update({("end",): "period end", ("kind",): "period kind"})
_AREA = {(): "area kind", ("kind",): "area kind", ("name",): "area name"}


def column_of(segments: Sequence[str]) -> str | None:
    """The column of the figure's value at ``segments`` (below the figure), or None."""
    key = tuple(segments)
    if key in _FIELD_COLUMNS:
        return _FIELD_COLUMNS[key]
    if key and key[0] in ("period", "area"):
        name = (_PERIOD if key[0] == "period" else _AREA).get(key[1:])
        return None if name is None else name[0].upper() + name[1:]
    if len(key) < 2 or key[0] != "comparisons" or not key[1].isdigit() or len(key[1]) > 6:
        return None
    head, rest = f"Comparison {int(key[1]) + 1}: ", key[2:]
    if rest in ((), ("basis",)):
        return head + "basis"
    if rest in (("value",), ("wording",)):
        return head + rest[0]
    if rest and rest[0] in ("period", "area"):
        name = (_PERIOD if rest[0] == "period" else _AREA).get(rest[1:])
        return None if name is None else head + name
    if rest and rest[0] == "change":
        field = rest[1] if len(rest) > 1 else "direction"
        return head + "change " + field.replace("_", " ")
    return None


# --------------------------------------------------------------------------- differences


def _shown(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, Enum):
        return str(value.value).replace("_", " ")
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def differences(old: Figure, new: Figure) -> tuple[str, ...]:
    """What differs between two figures, field by field, in words."""
    found: list[str] = []
    for field in attrs.fields(Figure):
        before, after = getattr(old, field.name), getattr(new, field.name)
        if before == after:
            continue
        name = field.name.replace("_", " ")
        if isinstance(before, str | Decimal | int | Enum | None) and isinstance(
            after, str | Decimal | int | Enum | None
        ):
            found.append(f"{name}: {_shown(before)} → {_shown(after)}")
        else:
            found.append(f"{name} changed")
    return tuple(found)
