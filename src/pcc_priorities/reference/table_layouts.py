"""Layouts of long-format crime tables: which column holds what, as data.

A long table has one row per force, period and offence, with the count in one column. What
each column is called, which names in the force column are not police force areas, and how
the publisher names the file are facts about one publisher's table, so they are data: the
Home Office police recorded crime open data tables by police force area ship as package data
(``reference/data/tables/home-office-prc-pfa.json``), with a note of what is confirmed. Any
other long table (a force's own extract, the tables of offences involving knives or firearms)
is read through a :class:`TableLayout` declared in code or in a JSON file of the same shape.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from functools import cache

from attrs import field, frozen

from pcc_priorities._typecheck import typed_fields
from pcc_priorities.exceptions import ReferenceDataError
from pcc_priorities.files import package_files, read_input
from pcc_priorities.reference.national_frameworks import normalise_name, structure_reference_data

__all__ = [
    "COLUMN_ROLES",
    "REQUIRED_ROLES",
    "TableColumns",
    "TableLayout",
    "home_office_layout",
    "load_table_layout",
]

#: What each column of a long table holds, in the order the layout lists them.
COLUMN_ROLES = (
    "financial_year",
    "financial_quarter",
    "force",
    "offence_description",
    "offence_group",
    "offence_subgroup",
    "offence_code",
    "count",
)
#: The roles a table must have a column for (and an offence subgroup or an offence code).
REQUIRED_ROLES = ("financial_year", "financial_quarter", "force", "count")


def _titles(value: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen(kw_only=True, field_transformer=typed_fields)
class TableColumns:
    """The titles a column may have, for each role; an empty tuple: the table has no such column.

    Titles are matched without regard to case, spacing or punctuation, so "Number of
    offences" finds "Number of Offences".

    Attributes:
        financial_year: The financial year ("2024/25").
        financial_quarter: The quarter of the financial year (1 to 4, or Q1 to Q4).
        force: The police force area, or another body (Action Fraud).
        offence_description: The offence in words.
        offence_group: The offence group.
        offence_subgroup: The offence subgroup ("Residential burglary").
        offence_code: The Home Office offence code ("28E").
        count: The number of offences.
    """

    financial_year: tuple[str, ...] = field(converter=_titles)
    financial_quarter: tuple[str, ...] = field(converter=_titles)
    force: tuple[str, ...] = field(converter=_titles)
    count: tuple[str, ...] = field(converter=_titles)
    offence_description: tuple[str, ...] = field(default=(), converter=_titles)
    offence_group: tuple[str, ...] = field(default=(), converter=_titles)
    offence_subgroup: tuple[str, ...] = field(default=(), converter=_titles)
    offence_code: tuple[str, ...] = field(default=(), converter=_titles)

    def titles(self, role: str) -> tuple[str, ...]:
        """Return the titles accepted for ``role`` (one of :data:`COLUMN_ROLES`)."""
        found: tuple[str, ...] = getattr(self, role)
        return found


@frozen(kw_only=True, field_transformer=typed_fields)
class TableLayout:
    """How one publisher lays out a long table of recorded crime.

    Attributes:
        id: A stable id ("home-office-prc-pfa").
        title: The table in words.
        columns: The titles of its columns.
        source: The data source as figures cite it ("Home Office, police recorded crime open
            data tables"); the publication date is added where known.
        other_bodies: Names in the force column that are not police force areas (Action
            Fraud): their rows are kept apart, never counted for a force.
        file_name: A regular expression for the publisher's file name, with named groups
            ``day``, ``month`` and ``year`` (two digits) for the publication date, if any.
        sheet_names: A regular expression for the names of the data sheets, as published
            (documentation only: the reader finds data sheets by their columns).
        note: What is confirmed about the layout and what is not.
    """

    id: str
    title: str
    columns: TableColumns
    source: str
    other_bodies: tuple[str, ...] = ()
    file_name: str | None = None
    sheet_names: str | None = None
    note: str | None = None

    def is_other_body(self, name: str) -> bool:
        """Return whether ``name`` is one of :attr:`other_bodies` (case and spacing ignored)."""
        return normalise_name(name) in {normalise_name(other) for other in self.other_bodies}

    def published_from_file_name(self, name: str) -> date | None:
        """Return the publication date a file name carries ("...-230426.ods": 23 April 2026).

        None when the layout has no file name pattern, the name does not match it, or the
        digits are not a date.
        """
        if self.file_name is None:
            return None
        match = re.search(self.file_name, os.path.basename(name))
        if match is None:
            return None
        try:
            return date(2000 + int(match["year"]), int(match["month"]), int(match["day"]))
        except (IndexError, ValueError):
            return None


def _check(layout: TableLayout, source: str) -> TableLayout:
    problems = [
        f"the {role.replace('_', ' ')} column needs at least one title"
        for role in REQUIRED_ROLES
        if not layout.columns.titles(role)
    ]
    if not (layout.columns.offence_subgroup or layout.columns.offence_code):
        problems.append("the layout needs an offence subgroup or an offence code column")
    for pattern in (layout.file_name, layout.sheet_names):
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as error:
                problems.append(f"{pattern!r} is not a regular expression: {error}")
    if problems:
        raise ReferenceDataError(f"{source}: " + "; ".join(problems))
    return layout


def _from_text(text: str, source: str) -> TableLayout:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReferenceDataError(f"{source}: not valid JSON: {error}") from None
    layout: TableLayout = structure_reference_data(data, TableLayout, source)
    return _check(layout, source)


@cache
def home_office_layout() -> TableLayout:
    """Return the layout of the Home Office police recorded crime open data tables by PFA."""
    entry = package_files("pcc_priorities.reference", __file__) / "data" / "tables"
    text = (entry / "home-office-prc-pfa.json").read_text("utf-8")
    return _from_text(text, "home-office-prc-pfa.json")


def load_table_layout(path: str | os.PathLike[str]) -> TableLayout:
    """Read a table layout from a JSON file shaped like the shipped one.

    Raises:
        ReferenceDataError: The file is not a valid layout; the message says why.
        FileProblemError: The file cannot be read.
    """
    name = os.fspath(path)
    try:
        text = read_input(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReferenceDataError(f"{name}: not UTF-8 text") from None
    return _from_text(text, name)
