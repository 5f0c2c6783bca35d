"""A small generated table in the layout of the Home Office open data, with hand-known counts.

GENERATED DATA. Per quarter, West Mercia records 1 homicide (3 in Q1 2024/25), residential
burglary 100 + 10 (28E, 28F; 90 + 10 in Q2 2024/25), robbery of personal property 20, theft
from the person 30 and vehicle offences 40 + 15 (45, 48). Before 2017/18 burglary is
domestic burglary 80 + 5 (28A, 28B). "London, City of" and "Devon and Cornwall" (the Home
Office spellings) record a tenth of those, rounded down, with 1 homicide a quarter; Devon
and Cornwall has no rows at all for Q1 2024/25, and the City of London no vehicle offences in
Q2 2024/25. Action Fraud and British Transport Police have rows too. Years 2016/17 to
2023/24 in full, and Q1-Q2 of 2024/25.
"""

from __future__ import annotations

from typing import Any

from benchmarks.open_data_workbook import (
    HEADER,
    csv_text,
    financial_year_label,
    ods_bytes,
    sheet_name,
    xlsx_bytes,
)

WEST_MERCIA = "West Mercia"
CITY = "London, City of"
DEVON = "Devon and Cornwall"

_BASE = {
    ("1/4.1/4.10/4.2", "Homicide", "Violence against the person", "Homicide"): 1,
    ("34B", "Robbery of personal property", "Robbery", "Robbery of personal property"): 20,
    ("39", "Theft from the person", "Theft offences", "Theft from the person"): 30,
    ("45", "Theft from vehicle", "Theft offences", "Vehicle offences"): 40,
    (
        "48",
        "Theft or unauthorised taking of motor vehicle",
        "Theft offences",
        "Vehicle offences",
    ): 15,
    ("G001", "Generated offence 1", "Generated offences", "Generated subgroup"): 7,
}
_RESIDENTIAL = {
    ("28E", "Burglary - Residential", "Theft offences", "Residential burglary"): 100,
    ("28F", "Attempted burglary - Residential", "Theft offences", "Residential burglary"): 10,
}
_DOMESTIC = {
    ("28A", "Burglary in a dwelling", "Theft offences", "Domestic burglary"): 80,
    ("28B", "Attempted burglary in a dwelling", "Theft offences", "Domestic burglary"): 5,
}


def _count(force: str, year: int, quarter: int, offence: tuple[str, ...], base: int) -> int:
    if offence[3] == "Homicide":
        return 3 if (force, year, quarter) == (WEST_MERCIA, 2024, 1) else 1
    if force == WEST_MERCIA and (year, quarter) == (2024, 2) and offence[0] == "28E":
        return 90
    return base if force == WEST_MERCIA else base // 10


def year_rows(year: int, quarters: tuple[int, ...] = (1, 2, 3, 4)) -> list[list[Any]]:
    """The data rows of one financial year."""
    offences = {**_BASE, **(_RESIDENTIAL if year >= 2017 else _DOMESTIC)}
    rows: list[list[Any]] = []
    label = financial_year_label(year)
    for quarter in quarters:
        for force in (WEST_MERCIA, CITY, DEVON, "British Transport Police"):
            if force == DEVON and (year, quarter) == (2024, 1):
                continue
            for offence, base in offences.items():
                if (
                    force == CITY
                    and (year, quarter) == (2024, 2)
                    and offence[3] == "Vehicle offences"
                ):
                    continue
                count = _count(force, year, quarter, offence, base)
                rows.append(
                    [label, quarter, force, offence[1], offence[2], offence[3], offence[0], count]
                )
        rows.append(
            [label, quarter, "Action Fraud", "Fraud offences recorded by Action Fraud",
             "Fraud offences", "Fraud: Action Fraud", "AF", 20000 + quarter]
        )  # fmt: skip
    return rows


def sheets() -> list[tuple[str, list[list[Any]]]]:
    """A cover sheet, then one sheet per financial year, 2016/17 to 2024/25 (Q1-Q2)."""
    found: list[tuple[str, list[list[Any]]]] = [("Cover_sheet", [["GENERATED DATA"]])]
    for year in range(2016, 2025):
        quarters = (1, 2) if year == 2024 else (1, 2, 3, 4)
        found.append((sheet_name(year), [list(HEADER), *year_rows(year, quarters)]))
    return found


def all_rows() -> list[list[Any]]:
    """Every data row with one title row, as a CSV copy has them."""
    return [list(HEADER)] + [row for _, rows in sheets()[1:] for row in rows[1:]]


def write_table(folder: Any, kind: str, name: str = "prc-pfa-mar2013-onwards-tables-230426") -> Any:
    """Write the generated table as .ods, .xlsx or .csv in ``folder``; return its path."""
    path = folder / f"{name}.{kind}"
    if kind == "ods":
        path.write_bytes(ods_bytes(sheets()))
    elif kind == "xlsx":
        path.write_bytes(xlsx_bytes(sheets()))
    else:
        path.write_text(csv_text(all_rows()), encoding="utf-8")
    return path
