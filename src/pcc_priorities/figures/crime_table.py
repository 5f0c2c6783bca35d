"""Long tables of recorded crime, read once and indexed by force, quarter and offence.

The Home Office police recorded crime open data tables by police force area have one row per
financial year, quarter, force and offence, with the number of offences. :func:`read_crime_table`
reads such a table (ODS, XLSX or CSV; any long table through a declared
:class:`~pcc_priorities.reference.TableLayout`) into a :class:`CrimeTable`:

- columns are found by their titles, in any order, whatever their case, with extra columns
  ignored; a data sheet without a required column is refused, naming the sheet, the title
  row and the column;
- sheets without the columns (a cover sheet, notes) are skipped and listed;
- each force name is matched to the register of forces (``get_force``); rows for bodies that
  are not police force areas (Action Fraud, CIFAS, UK Finance, British Transport Police), and
  for names the register does not know, are kept apart and counted, never dropped silently;
- every count is kept exactly; a cell that cannot be read is an error with its sheet, row and
  column; the same force, quarter and offence given twice is an error, not a sum.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from attrs import frozen

from pcc_priorities.exceptions import (
    PeriodError,
    TableError,
    TableProblem,
    UnknownForceError,
    WrittenValueError,
)
from pcc_priorities.figures.sheets import (
    Progress,
    Sheet,
    WorkbookKind,
    read_sheets,
    sheets_from_bytes,
)
from pcc_priorities.periods.calendar import day_label
from pcc_priorities.periods.period import PeriodKind, ReportingPeriod
from pcc_priorities.periods.reading import parse_period
from pcc_priorities.periods.written import read_number
from pcc_priorities.reference.force_register import RegisteredForce, get_force
from pcc_priorities.reference.national_frameworks import normalise_name
from pcc_priorities.reference.table_layouts import (
    COLUMN_ROLES,
    REQUIRED_ROLES,
    TableLayout,
    home_office_layout,
)

__all__ = ["CrimeTable", "OffenceKey", "OtherBody", "SkippedSheet", "read_crime_table"]

#: An offence as the index keys it: (subgroup, code), each folded by ``normalise_name``.
OffenceKey = tuple[str, str]
#: Counts of one force (or other body) in one quarter, by offence.
_Entries = dict[OffenceKey, int]

#: How many rows down a sheet its title row may be.
_HEADER_ROWS = 30
#: At most this many problems are listed; a count of the rest follows.
_MAX_PROBLEMS = 50
_QUARTER = re.compile(r"(?:q(?:uarter)?\s*)?([1-4])", re.IGNORECASE)


@frozen
class SkippedSheet:
    """A sheet that is not data: no title row with the table's columns.

    Attributes:
        name: The sheet's name.
        reason: Why it was skipped.
    """

    name: str
    reason: str


@frozen
class OtherBody:
    """Rows whose force column names no police force area, kept apart.

    Attributes:
        name: The name as the table writes it ("Action Fraud").
        rows: How many rows name it.
        known: True for a body the layout lists as not a police force area; False for a
            name the register of forces does not know (a misspelt force, or a new body).
    """

    name: str
    rows: int
    known: bool


class CrimeTable:
    """A long table of recorded crime, indexed by force, quarter and offence.

    Build one with :func:`read_crime_table`. Counts are whole numbers as published (some
    are negative: adjustments). A force, offence or quarter with no row has no count: it is
    missing, never zero.

    Attributes:
        layout: The layout the table was read with.
        source: The file read, where known.
        published: When the table was published, where known (given, or from its file name).
        skipped_sheets: Sheets that are not data.
        other_bodies: Names in the force column that are not police force areas, with their
            row counts.
        rows: How many data rows were read.
    """

    def __init__(
        self,
        *,
        layout: TableLayout,
        counts: dict[str, dict[date, _Entries]],
        other_counts: dict[str, dict[date, _Entries]],
        offences: dict[OffenceKey, tuple[str, str, str, str]],
        forces: dict[str, RegisteredForce],
        other_bodies: Sequence[OtherBody],
        skipped_sheets: Sequence[SkippedSheet],
        rows: int,
        source: str | None = None,
        published: date | None = None,
    ) -> None:
        self.layout = layout
        self.source = source
        self.published = published
        self.skipped_sheets = tuple(skipped_sheets)
        self.other_bodies = tuple(other_bodies)
        self.rows = rows
        self._counts = counts
        self._other_counts = other_counts
        self._offences = offences
        self._forces = forces
        self._matching: dict[tuple[frozenset[str], frozenset[str]], frozenset[OffenceKey]] = {}

    # ----------------------------------------------------------------------- what it holds

    def forces(self) -> tuple[RegisteredForce, ...]:
        """The police force areas the table has rows for, in ONS code order."""
        return tuple(self._forces[code] for code in sorted(self._forces))

    def quarters(self) -> tuple[date, ...]:
        """The first days of every quarter any force has rows for, in order."""
        found = {quarter for by_quarter in self._counts.values() for quarter in by_quarter}
        return tuple(sorted(found))

    def latest_quarter(self) -> ReportingPeriod:
        """The latest financial quarter any force has rows for.

        Raises:
            PeriodError: The table has no rows for any police force area.
        """
        quarters = self.quarters()
        if not quarters:
            raise PeriodError("the table has no rows for any police force area")
        last = quarters[-1]
        return ReportingPeriod.financial_quarter_containing(last)

    def offences(self) -> dict[OffenceKey, tuple[str, str, str, str]]:
        """Every offence in the table: its key, and (code, description, group, subgroup)."""
        return dict(self._offences)

    def matching(self, subgroups: frozenset[str], codes: frozenset[str]) -> frozenset[OffenceKey]:
        """The offences whose subgroup is in ``subgroups`` or code in ``codes`` (both folded)."""
        found = self._matching.get((subgroups, codes))
        if found is None:
            found = frozenset(
                key for key in self._offences if key[0] in subgroups or (key[1] and key[1] in codes)
            )
            self._matching[(subgroups, codes)] = found
        return found

    def force(self, key: str | RegisteredForce) -> RegisteredForce:
        """Return the force ``key`` names (code or name, as ``get_force`` reads it).

        Raises:
            UnknownForceError: No force in the register matches, or the table has no rows
                for it.
        """
        found = key if isinstance(key, RegisteredForce) else get_force(key)
        if found.code not in self._counts:
            raise UnknownForceError(f"the table has no rows for {found.area} ({found.code})")
        return found

    def entries(self, force: RegisteredForce, quarter: date) -> _Entries | None:
        """The counts by offence of ``force`` in the quarter starting on ``quarter``; None: none."""
        return self._counts.get(force.code, {}).get(quarter)

    def other_entries(self, name: str, quarter: date) -> _Entries | None:
        """The counts by offence of a body that is not a police force area, in a quarter."""
        return self._other_counts.get(name, {}).get(quarter)

    @property
    def source_wording(self) -> str:
        """The data source as figures cite it, with the publication date where known.

        "Home Office, police recorded crime open data tables, published 23 April 2026".
        """
        if self.published is None:
            return self.layout.source
        return f"{self.layout.source}, published {day_label(self.published)}"


# --------------------------------------------------------------------------- reading


def _quarter_label(first_day: date) -> str:
    return ReportingPeriod.financial_quarter_containing(first_day).canonical_label()


class _Reader:
    """Reads the sheets of one table into the index, collecting every problem."""

    def __init__(self, layout: TableLayout, source: str | None) -> None:
        self.layout = layout
        self.source = source
        self.problems: list[TableProblem] = []
        self.more_problems = 0
        self.counts: dict[str, dict[date, _Entries]] = {}
        self.other_counts: dict[str, dict[date, _Entries]] = {}
        self.offences: dict[OffenceKey, tuple[str, str, str, str]] = {}
        self.forces: dict[str, RegisteredForce] = {}
        self.other_rows: dict[str, list[int | bool]] = {}
        self.skipped: list[SkippedSheet] = []
        self.rows = 0
        self.where: dict[tuple[str, date, OffenceKey], tuple[str, int]] = {}
        self._quarters: dict[tuple[Any, Any], date | str] = {}
        self._names: dict[Any, tuple[str, bool, RegisteredForce | None]] = {}
        self._keys: dict[tuple[Any, Any], OffenceKey] = {}
        self._titles = {
            role: {normalise_name(title) for title in layout.columns.titles(role)}
            for role in COLUMN_ROLES
        }

    def problem(self, sheet: str, row: int | None, column: str | None, message: str) -> None:
        if len(self.problems) >= _MAX_PROBLEMS:
            self.more_problems += 1
            return
        self.problems.append(TableProblem(row=row, column=column, message=message, sheet=sheet))

    # ----------------------------------------------------------------------- columns

    def header(self, sheet: Sheet) -> tuple[int, dict[str, int]] | None:
        """Find the title row: (its index, column by role); None for a sheet that is not data."""
        best: tuple[int, dict[str, int]] | None = None
        for index, row in enumerate(sheet.rows[:_HEADER_ROWS]):
            found: dict[str, int] = {}
            for column, cell in enumerate(row):
                if not isinstance(cell, str):
                    continue
                title = normalise_name(cell)
                for role, titles in self._titles.items():
                    if title in titles and role not in found:
                        found[role] = column
            if best is None or len(found) > len(best[1]):
                best = (index, found)
        if best is None or len(best[1]) < 2:
            return None
        return best

    def check_columns(self, sheet: Sheet, index: int, columns: dict[str, int]) -> bool:
        missing = [role for role in REQUIRED_ROLES if role not in columns]
        if "offence_subgroup" not in columns and "offence_code" not in columns:
            missing.append("offence_subgroup")
        for role in missing:
            titles = self.layout.columns.titles(role) or (role.replace("_", " "),)
            alternatives = " or ".join(repr(title) for title in titles)
            self.problem(
                sheet.name,
                index + 1,
                None,
                f"no column titled {alternatives}; the title row has "
                f"{', '.join(repr(c) for c in sheet.rows[index] if c not in (None, ''))}",
            )
        return not missing

    # ----------------------------------------------------------------------- cells

    def quarter_of(self, year: Any, quarter: Any) -> date | str:
        """The quarter's first day, or why the two cells are not a quarter."""
        key = (year, quarter)
        found = self._quarters.get(key)
        if found is None:
            found = self._read_quarter(year, quarter)
            self._quarters[key] = found
        return found

    @staticmethod
    def _read_quarter(year: Any, quarter: Any) -> date | str:
        text = str(year).strip() if year is not None else ""
        try:
            period = parse_period(text)
        except PeriodError:
            period = None
        if period is None or period.kind is not PeriodKind.FINANCIAL_YEAR:
            return f"expected a financial year such as 2024/25, got {year!r}"
        number: int | None = None
        if isinstance(quarter, int | float) and not isinstance(quarter, bool):
            number = int(quarter) if quarter == int(quarter) and 1 <= quarter <= 4 else None
        elif isinstance(quarter, str):
            match = _QUARTER.fullmatch(quarter.strip())
            number = int(match[1]) if match else None
        if number is None:
            return f"expected a quarter 1 to 4 (or Q1 to Q4), got {quarter!r}"
        return ReportingPeriod.financial_quarter(
            period.exact_dates()[0].year, number
        ).exact_dates()[0]

    def name_of(self, cell: Any) -> tuple[str, bool, RegisteredForce | None]:
        """(the name as written, whether the layout lists it as another body, the force)."""
        found = self._names.get(cell)
        if found is None:
            name = " ".join(str(cell).split()) if cell is not None else ""
            force: RegisteredForce | None = None
            other = self.layout.is_other_body(name)
            if not other and name:
                try:
                    force = get_force(name)
                except UnknownForceError:
                    force = None
            found = (name, other, force)
            self._names[cell] = found
        return found

    def key_of(self, subgroup: Any, code: Any) -> OffenceKey:
        pair = (subgroup, code)
        found = self._keys.get(pair)
        if found is None:
            found = (
                normalise_name(str(subgroup)) if subgroup is not None else "",
                normalise_name(str(code)) if code is not None else "",
            )
            self._keys[pair] = found
        return found

    @staticmethod
    def count_of(cell: Any) -> int | str:
        """The count, or why the cell is not one."""
        if isinstance(cell, bool):
            return f"expected a whole number of offences, got {cell!r}"
        if isinstance(cell, int):
            return cell
        if isinstance(cell, float):
            if cell.is_integer():
                return int(cell)
            return f"expected a whole number of offences, got {cell!r}"
        if isinstance(cell, str) and cell.strip():
            try:
                number = read_number(cell.strip(), percent=False)
            except WrittenValueError as error:
                return f"{error} (expected a whole number of offences)"
            if number != number.to_integral_value():
                return f"expected a whole number of offences, got {cell!r}"
            return int(number)
        return "no count: a count cannot be left empty (write 0 for none)"

    # ----------------------------------------------------------------------- rows

    def read(self, sheet: Sheet) -> None:
        found = self.header(sheet)
        if found is None:
            self.skipped.append(SkippedSheet(sheet.name, "no title row with the table's columns"))
            return
        index, columns = found
        if not self.check_columns(sheet, index, columns):
            return
        titles = sheet.rows[index]
        at = {role: columns.get(role) for role in COLUMN_ROLES}
        year_at, quarter_at, force_at, count_at = (
            at["financial_year"],
            at["financial_quarter"],
            at["force"],
            at["count"],
        )
        assert year_at is not None
        assert quarter_at is not None
        assert force_at is not None
        assert count_at is not None
        sub_at, code_at = at["offence_subgroup"], at["offence_code"]
        desc_at, group_at = at["offence_description"], at["offence_group"]
        width = max(i for i in at.values() if i is not None) + 1

        def title(position: int) -> str:
            return str(titles[position])

        for number, raw in enumerate(sheet.rows[index + 1 :], start=index + 2):
            row = list(raw) + [None] * (width - len(raw)) if len(raw) < width else raw
            if all(cell is None or cell == "" for cell in row):
                continue
            self.rows += 1
            quarter = self.quarter_of(row[year_at], row[quarter_at])
            if isinstance(quarter, str):
                self.problem(sheet.name, number, title(year_at), quarter)
                continue
            count = self.count_of(row[count_at])
            if isinstance(count, str):
                self.problem(sheet.name, number, title(count_at), count)
                continue
            subgroup = row[sub_at] if sub_at is not None else None
            code = row[code_at] if code_at is not None else None
            key = self.key_of(subgroup, code)
            if key == ("", ""):
                column = title(sub_at if sub_at is not None else code_at)  # type: ignore[arg-type]
                self.problem(sheet.name, number, column, "no offence: the cell is empty")
                continue
            if key not in self.offences:
                self.offences[key] = (
                    "" if code is None else str(code),
                    "" if desc_at is None or row[desc_at] is None else str(row[desc_at]),
                    "" if group_at is None or row[group_at] is None else str(row[group_at]),
                    "" if subgroup is None else str(subgroup),
                )
            name, other, force = self.name_of(row[force_at])
            if not name:
                self.problem(sheet.name, number, title(force_at), "no force: the cell is empty")
                continue
            if force is not None:
                self.forces[force.code] = force
                owner, store = force.code, self.counts
            else:
                tally = self.other_rows.setdefault(name, [0, other])
                tally[0] = int(tally[0]) + 1
                owner, store = name, self.other_counts
            entries = store.setdefault(owner, {}).setdefault(quarter, {})
            if key in entries:
                first_sheet, first_row = self.where.get((owner, quarter, key), ("?", 0))
                self.problem(
                    sheet.name,
                    number,
                    title(sub_at if sub_at is not None else code_at),  # type: ignore[arg-type]
                    f"{name}, {_quarter_label(quarter)} and this offence are also in sheet "
                    f"{first_sheet!r}, row {first_row}: a count is given once",
                )
                continue
            entries[key] = count
            self.where[(owner, quarter, key)] = (sheet.name, number)

    def table(self, published: date | None) -> CrimeTable:
        if self.more_problems:
            self.problems.append(
                TableProblem(
                    row=None, column=None, message=f"and {self.more_problems} more problems"
                )
            )
        if not self.problems and not self.counts and not self.other_counts:
            self.problems.append(
                TableProblem(
                    row=None,
                    column=None,
                    message="no sheet has the table's columns ("
                    + ", ".join(repr(self.layout.columns.titles(r)[0]) for r in REQUIRED_ROLES)
                    + ")",
                )
            )
        if self.problems:
            raise TableError(self.problems, self.source)
        others = tuple(
            OtherBody(name, int(tally[0]), bool(tally[1]))
            for name, tally in sorted(self.other_rows.items())
        )
        return CrimeTable(
            layout=self.layout,
            counts=self.counts,
            other_counts=self.other_counts,
            offences=self.offences,
            forces=self.forces,
            other_bodies=others,
            skipped_sheets=self.skipped,
            rows=self.rows,
            source=self.source,
            published=published,
        )


def crime_table_from_sheets(
    sheets: Iterable[Sheet],
    *,
    layout: TableLayout | None = None,
    source: str | None = None,
    published: date | None = None,
) -> CrimeTable:
    """Index sheets already read (see :mod:`pcc_priorities.figures.sheets`) as a crime table.

    Raises:
        TableError: Lists every problem (up to 50) with its sheet, row and column.
    """
    reader = _Reader(layout or home_office_layout(), source)
    for sheet in sheets:
        reader.read(sheet)
    return reader.table(published)


def read_crime_table(
    source: str | os.PathLike[str] | bytes,
    *,
    kind: WorkbookKind | None = None,
    layout: TableLayout | None = None,
    published: date | None = None,
    progress: Progress | None = None,
) -> CrimeTable:
    """Read a long table of recorded crime (ODS, XLSX or CSV) and index it.

    Args:
        source: The file, or its bytes (then ``kind`` is needed).
        kind: What the file is; by default its extension says.
        layout: The table's layout; by default the Home Office police recorded crime open
            data tables by police force area.
        published: When the table was published; by default the date in the publisher's
            file name, where the layout knows its pattern ("...-230426.ods").
        progress: Called as each sheet is read (for a progress bar).

    Raises:
        TableError: The file is not a table of the layout: a data sheet lacks a required
            column (named with its sheet and title row), or cells cannot be read (each with
            its sheet, row and column).
        MissingExtraError: ODS and XLSX need the ``opendata`` extra (python-calamine).
        FileProblemError: The file cannot be read.
    """
    chosen = layout or home_office_layout()
    if isinstance(source, bytes):
        if kind is None:
            raise TableError(
                [TableProblem(row=None, column=None, message="say what kind of file the bytes are")]
            )
        sheets = sheets_from_bytes(source, kind, progress=progress)
        return crime_table_from_sheets(sheets, layout=chosen, published=published)
    name = os.fspath(source)
    sheets = read_sheets(name, kind=kind, progress=progress)
    when = published or chosen.published_from_file_name(name)
    return crime_table_from_sheets(sheets, layout=chosen, source=name, published=when)
