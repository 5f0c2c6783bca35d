"""The whole-statement workbook: applicability, metrics and figures, a sheet each."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import pcc_priorities as p
from pcc_priorities import RemovalRefusedError, Statement, TableError
from pcc_priorities.cli import main
from pcc_priorities.tables import (
    fill_from_sheets,
    import_workbook,
    replace_figures,
    statement_from_workbook,
    statement_sheets,
    statement_to_ods,
    statement_to_xlsx,
    write_statement_workbook,
)
from pcc_priorities.testing import statements

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"
WRITERS = {"xlsx": statement_to_xlsx, "ods": statement_to_ods}


@pytest.fixture(scope="module")
def west_mercia() -> Statement:
    return p.load(EXAMPLE)


def _without_data(statement: Statement) -> Statement:
    """The statement with no applicability, metrics or figures: its narrative alone."""
    bare = replace_figures(statement, [])
    sections = tuple(attrs.evolve(s, metrics=(), applicability=None) for s in bare.sections)
    return attrs.evolve(bare, applicability=None, sections=sections)


def _sheets(statement: Statement) -> dict[str, list[list[str]]]:
    return {name: [list(row) for row in rows] for name, rows in statement_sheets(statement)}


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_the_worked_example_round_trips(west_mercia: Statement, kind: str) -> None:
    """The worked example's workbook fills it, or it bare, with no change (dumps equal)."""
    data = WRITERS[kind](west_mercia)
    assert data == WRITERS[kind](west_mercia)
    same = import_workbook(west_mercia, data, kind=kind)
    assert p.dumps(same.statement) == p.dumps(west_mercia)
    assert not same.changes_anything
    bare = _without_data(west_mercia)
    assert bare != west_mercia
    filled = import_workbook(bare, data, kind=kind)
    assert p.dumps(filled.statement) == p.dumps(west_mercia)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statements())
def test_generated_statements_round_trip(statement: Statement) -> None:
    """Any statement's workbook, XLSX and ODS, fills it bare back to what it was."""
    bare = _without_data(statement)
    for kind, writer in WRITERS.items():
        assert import_workbook(bare, writer(statement), kind=kind).statement == statement


def test_sheets_have_titles_for_headings(west_mercia: Statement) -> None:
    """Three sheets, each with titles in its first row and one row per thing it lists."""
    sheets = _sheets(west_mercia)
    assert list(sheets) == ["Applicability", "Metrics", "Figures"]
    applicability, metrics = sheets["Applicability"], sheets["Metrics"]
    assert applicability[0] == [
        "Part", "Section", "Priority", "Status", "Wording", "Reason 1", "Aligns with 1",
        "Aligns with 2",
    ]  # fmt: skip
    assert applicability[1][:4] == ["statement", "", "", "applicable"]
    assert len(applicability) == 1 + 1 + len(west_mercia.sections)
    assert metrics[0] == [
        "Section", "Priority", "Metric", "Metric name", "Data source", "National metric",
    ]  # fmt: skip
    assert metrics[1] == [
        "1", "homicide", "homicides", "Homicides", "Police recorded data", "homicides",
    ]  # fmt: skip
    assert len(metrics) == 1 + sum(len(s.metrics) for s in west_mercia.sections)
    assert len(sheets["Figures"]) == 70
    assert "Data source" not in sheets["Figures"][0]


def test_edits_fill_the_statement(west_mercia: Statement) -> None:
    """A section's assessment and a metric's data source typed in the sheets are filled in."""
    sheets = _sheets(west_mercia)
    sheets["Applicability"][3][3] = "not applicable"
    sheets["Applicability"][3][5] = "No county lines run here"
    sheets["Metrics"][1][4] = "Home Office Data Hub"
    filled = fill_from_sheets(west_mercia, sheets).statement
    assessment = filled.sections[1].applicability
    assert assessment is not None
    assert (assessment.status, assessment.reasons) == (
        p.Applicability.NOT_APPLICABLE,
        ("No county lines run here",),
    )
    assert filled.sections[0].metrics[0].data_source == "Home Office Data Hub"
    assert attrs.evolve(filled, sections=west_mercia.sections) == west_mercia


def test_problems_name_sheet_row_and_column(west_mercia: Statement) -> None:
    """Bad cells on the sheets are all reported, each by sheet, row and column."""
    sheets = _sheets(west_mercia)
    sheets["Applicability"][2][3] = "maybe"
    sheets["Applicability"][4][2] = "homicide"
    sheets["Metrics"][2][0] = "99"
    sheets["Metrics"][3][3] = ""
    with pytest.raises(TableError) as raised:
        fill_from_sheets(west_mercia, sheets, source="book.xlsx")
    found = {(q.sheet, q.row, q.column) for q in raised.value.problems}
    assert {
        ("Applicability", 3, "Status"),
        ("Applicability", 5, "Priority"),
        ("Metrics", 3, "Section"),
        ("Metrics", 4, "Metric name"),
    } <= found
    assert str(raised.value).startswith("book.xlsx: cannot read the table")


def test_a_missing_sheet_is_refused(west_mercia: Statement) -> None:
    """A workbook without the three sheets is refused, naming the sheets it has."""
    sheets = _sheets(west_mercia)
    del sheets["Metrics"]
    with pytest.raises(TableError, match="expected the sheets 'Applicability', 'Metrics'"):
        fill_from_sheets(west_mercia, sheets)
    with pytest.raises(TableError, match="not an ODS workbook"):
        import_workbook(west_mercia, b"not a zip", kind="ods")


def test_removal_of_metrics_and_figures_is_refused_unless_allowed(
    west_mercia: Statement,
) -> None:
    """A metric or figure without its row is not dropped silently; allowed, it is removed."""
    sheets = _sheets(west_mercia)
    del sheets["Metrics"][1]
    with pytest.raises(TableError, match="no row for metric 'homicides' of section 1"):
        fill_from_sheets(west_mercia, sheets)
    sheets = _sheets(west_mercia)
    sheets["Figures"] = sheets["Figures"][:1]
    with pytest.raises(RemovalRefusedError):
        fill_from_sheets(west_mercia, sheets)
    emptied = fill_from_sheets(west_mercia, sheets, allow_removal=True).statement
    assert all(not section.figures for section in emptied.sections)


def test_a_spreadsheet_program_save_changes_nothing(west_mercia: Statement) -> None:
    """The XLSX workbook opened and saved again by openpyxl still fills the statement."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(statement_to_xlsx(west_mercia)))
    buffer = io.BytesIO()
    book.save(buffer)
    filled = import_workbook(_without_data(west_mercia), buffer.getvalue(), kind="xlsx")
    assert p.dumps(filled.statement) == p.dumps(west_mercia)


def test_an_odf_save_changes_nothing(west_mercia: Statement) -> None:
    """The ODS workbook loaded and saved again by odfpy still fills the statement."""
    odf = pytest.importorskip("odf.opendocument")
    buffer = io.BytesIO()
    odf.load(io.BytesIO(statement_to_ods(west_mercia))).save(buffer)
    filled = import_workbook(_without_data(west_mercia), buffer.getvalue(), kind="ods")
    assert p.dumps(filled.statement) == p.dumps(west_mercia)


def test_files_and_commands(west_mercia: Statement, tmp_path: Path) -> None:
    """Files by suffix, and export-workbook then import-workbook, give the statement back."""
    path = tmp_path / "book.ods"
    write_statement_workbook(west_mercia, path)
    assert statement_from_workbook(west_mercia, path).statement == west_mercia
    with pytest.raises(p.UnsupportedFormatError, match=r"expected a \.xlsx or \.ods workbook"):
        write_statement_workbook(west_mercia, tmp_path / "book.csv")
    book, out = tmp_path / "book.xlsx", tmp_path / "out.json"
    assert main(["export-workbook", str(EXAMPLE), "-o", str(book), "-q"]) == 0
    dry = io.StringIO()
    assert main(["import-workbook", str(EXAMPLE), str(book), "--dry-run"], dry) == 0
    assert dry.getvalue().splitlines()[1] == "0 figures added, 0 changed, 0 removed, 69 kept"
    assert not out.exists()
    assert main(["import-workbook", str(EXAMPLE), str(book), "-o", str(out), "-q"]) == 0
    assert p.dumps(p.load(out)) == p.dumps(west_mercia)
