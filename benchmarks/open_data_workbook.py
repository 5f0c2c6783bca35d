"""Generated tables in the layout of the Home Office police recorded crime open data tables.

GENERATED DATA, NOT PUBLISHED FIGURES. The tests, the benchmark and the documentation's
worked example build tables of the real shape (one sheet per financial year named like
``2024_25`` after two sheets that are not data; the columns Financial Year, Financial
Quarter, Force Name, Offence Description, Offence Group, Offence Subgroup, Offence Code,
Number of Offences; rows for the 43 forces in the Home Office's spellings and for Action
Fraud, CIFAS, UK Finance and British Transport Police) with counts drawn from a seeded
generator. Offences other than those the national measures use are made up ("Generated
offence 17").

Writers: :func:`ods_bytes` writes a minimal OpenDocument spreadsheet (a zip with
``mimetype``, ``META-INF/manifest.xml`` and ``content.xml``) with the standard library;
:func:`csv_text` writes CSV; :func:`xlsx_bytes` writes XLSX through openpyxl (tests only).
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from pcc_priorities.reference import forces

HEADER = (
    "Financial Year",
    "Financial Quarter",
    "Force Name",
    "Offence Description",
    "Offence Group",
    "Offence Subgroup",
    "Offence Code",
    "Number of Offences",
)

#: The offences the national measures use: (code, description, group, subgroup).
MEASURED = (
    ("1/4.1/4.10/4.2", "Homicide", "Violence against the person", "Homicide"),
    ("34B", "Robbery of personal property", "Robbery", "Robbery of personal property"),
    ("39", "Theft from the person", "Theft offences", "Theft from the person"),
    ("45", "Theft from vehicle", "Theft offences", "Vehicle offences"),
    ("48", "Theft or unauthorised taking of motor vehicle", "Theft offences", "Vehicle offences"),
    ("126", "Interfering with a motor vehicle", "Theft offences", "Vehicle offences"),
)
#: Burglary before and after the 2017 classification.
DOMESTIC_BURGLARY = (
    ("28A", "Burglary in a dwelling", "Theft offences", "Domestic burglary"),
    ("28B", "Attempted burglary in a dwelling", "Theft offences", "Domestic burglary"),
)
RESIDENTIAL_BURGLARY = (
    ("28E", "Burglary - Residential", "Theft offences", "Residential burglary"),
    ("28F", "Attempted burglary - Residential", "Theft offences", "Residential burglary"),
)
OTHER_BODIES = (
    ("AF", "Fraud offences recorded by Action Fraud", "Fraud offences", "Fraud: Action Fraud"),
    ("CIFAS", "Fraud offences recorded by CIFAS", "Fraud offences", "Fraud: CIFAS"),
    ("UK Finance", "Fraud offences recorded by UK Finance", "Fraud offences", "Fraud: UK Finance"),
)
FRAUD_BODIES = ("Action Fraud", "CIFAS", "UK Finance")


def filler_offences(count: int) -> tuple[tuple[str, str, str, str], ...]:
    """Made-up offences that fill a table to the real number of rows."""
    return tuple(
        (f"G{n:03}", f"Generated offence {n}", "Generated offences", f"Generated subgroup {n % 9}")
        for n in range(1, count + 1)
    )


def financial_year_label(start_year: int) -> str:
    """'2024/25' for the financial year starting in 2024."""
    return f"{start_year}/{(start_year + 1) % 100:02}"


def sheet_name(start_year: int) -> str:
    """'2024_25' for the financial year starting in 2024."""
    return f"{start_year}_{(start_year + 1) % 100:02}"


def force_names(*, british_transport_police: bool = True) -> list[str]:
    """The 43 forces as the Home Office spells them, and British Transport Police."""
    names = [force.area for force in forces()]
    return [*names, "British Transport Police"] if british_transport_police else names


def generated_year(
    start_year: int,
    *,
    filler: int = 130,
    seed: int = 0,
    quarters: Sequence[int] = (1, 2, 3, 4),
    names: Sequence[str] | None = None,
) -> list[list[Any]]:
    """The data rows of one financial year's sheet (without the header): generated counts."""
    rng = random.Random(f"{seed}:{start_year}")
    burglary = RESIDENTIAL_BURGLARY if start_year >= 2017 else DOMESTIC_BURGLARY
    offences = (*MEASURED, *burglary, *filler_offences(filler))
    year = financial_year_label(start_year)
    rows: list[list[Any]] = []
    for quarter in quarters:
        for name in names if names is not None else force_names():
            for code, description, group, subgroup in offences:
                high = 3 if subgroup == "Homicide" else 400
                count = rng.randint(0, high)
                rows.append([year, quarter, name, description, group, subgroup, code, count])
        for name, (code, description, group, subgroup) in zip(
            FRAUD_BODIES, OTHER_BODIES, strict=True
        ):
            rows.append([year, quarter, name, description, group, subgroup, code, 20000 + quarter])
    return rows


def generated_workbook(
    first_year: int = 2013, last_year: int = 2024, *, filler: int = 130, seed: int = 0
) -> list[tuple[str, list[list[Any]]]]:
    """Sheets of the real shape: two sheets that are not data, then one per financial year."""
    sheets: list[tuple[str, list[list[Any]]]] = [
        ("Cover_sheet", [["Police recorded crime open data tables (GENERATED DATA)"]]),
        ("Notes", [["Note"], ["These counts are generated, not published figures."]]),
    ]
    for year in range(first_year, last_year + 1):
        rows = generated_year(year, filler=filler, seed=seed)
        sheets.append((sheet_name(year), [list(HEADER), *rows]))
    return sheets


# --------------------------------------------------------------------------- writers

_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
_CONTENT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>"
)
_CONTENT_TAIL = "</office:spreadsheet></office:body></office:document-content>"


def _ods_cell(value: Any) -> str:
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, bool):
        text = "true" if value else "false"
        return (
            f'<table:table-cell office:value-type="boolean" office:boolean-value="{text}">'
            f"<text:p>{text.upper()}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    text = escape(str(value), {'"': "&quot;"})
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def ods_bytes(sheets: Iterable[tuple[str, Sequence[Sequence[Any]]]]) -> bytes:
    """Write a minimal OpenDocument spreadsheet: one table per (name, rows)."""
    parts = [_CONTENT_HEAD]
    for name, rows in sheets:
        parts.append(f'<table:table table:name="{escape(name, {chr(34): "&quot;"})}">')
        for row in rows:
            parts.append("<table:table-row>")
            parts.extend(_ods_cell(value) for value in row)
            parts.append("</table:table-row>")
        parts.append("</table:table>")
    parts.append(_CONTENT_TAIL)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("META-INF/manifest.xml", _MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", "".join(parts), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    """Write rows as CSV text."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def xlsx_bytes(sheets: Iterable[tuple[str, Sequence[Sequence[Any]]]]) -> bytes:
    """Write an XLSX workbook through openpyxl (the xlsx extra): one sheet per (name, rows)."""
    import openpyxl  # noqa: PLC0415

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets:
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
