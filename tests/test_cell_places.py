"""Findings where the analyst typed: a figure from a sheet keeps its sheet, row and column."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import pcc_priorities as p
from pcc_priorities import Statement
from pcc_priorities.cli import main
from pcc_priorities.model.pointer import parse_pointer, pointer
from pcc_priorities.tables import (
    CellPlace,
    figures_table,
    figures_to_xlsx,
    import_figures_csv,
    import_figures_xlsx,
    import_table,
    replace_figures,
)
from pcc_priorities.tables.columns import table_header
from pcc_priorities.tables.import_report import column_of

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"


@pytest.fixture(scope="module")
def west_mercia() -> Statement:
    return p.load(EXAMPLE)


def _leaves(data: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for i, value in enumerate(data) for leaf in _leaves(value, (*path, i))]
    return [path]


def test_every_value_of_a_figure_has_its_column(west_mercia: Statement) -> None:
    """Every value under a figure in the worked example maps to a column of the table."""
    data = json.loads(p.dumps(west_mercia))
    header = set(table_header(5))
    figure_leaves = 0
    for leaf in _leaves(data):
        if "figures" not in leaf:
            continue
        at = max(i for i, segment in enumerate(leaf) if segment == "figures")
        below = [str(segment) for segment in leaf[at + 2 :]]
        column = column_of(below)
        assert column in header, (leaf, column)
        figure_leaves += 1
    assert figure_leaves > 300


def test_an_import_says_where_each_value_was_typed(west_mercia: Statement) -> None:
    """The workbook's sheet, row and column are found from a finding's JSON Pointer."""
    bare = replace_figures(west_mercia, [])
    report = import_figures_xlsx(bare, figures_to_xlsx(west_mercia))
    assert report.statement == west_mercia
    assert report.cell_of("/sections/0/figures/0/value") == CellPlace(
        sheet="Figures", row=2, column="Value"
    )
    assert report.cell_of("/sections/1/figures/0/comparisons/0/change/percent") == CellPlace(
        sheet="Figures", row=7, column="Comparison 1: change percent"
    )
    assert report.cell_of("/sections/0/figures/0") == CellPlace(sheet="Figures", row=2, column=None)
    assert report.cell_of("/sections/0/title") is None
    assert report.cell_of("not a pointer") is None
    assert str(report.cell_of("/sections/0/figures/0/period/start")) == (
        "sheet 'Figures', row 2, column 'Period start'"
    )


def test_a_column_not_in_the_table_names_only_the_row(west_mercia: Statement) -> None:
    """A value kept from the statement (its column absent) is placed at its row alone."""
    rows = figures_table(west_mercia)
    ids, values = rows[0].index("Figure id"), rows[0].index("Value")
    report = import_table(west_mercia, [[row[ids], row[values]] for row in rows], sheet="Mine")
    assert report.cell_of("/sections/0/figures/1/value") == CellPlace(
        sheet="Mine", row=3, column="Value"
    )
    assert report.cell_of("/sections/0/figures/1/period") == CellPlace(
        sheet="Mine", row=3, column=None
    )


def test_places_follow_the_rows_not_the_statement_order(west_mercia: Statement) -> None:
    """Rows in another order still name the row each figure came from, before and after."""
    rows = figures_table(west_mercia)
    shuffled = [rows[0], *reversed(rows[1:])]
    report = import_figures_csv(west_mercia, _csv(shuffled))
    last = len(rows)
    assert report.cell_of("/sections/0/figures/0/value") == CellPlace(
        sheet=None, row=last, column="Value"
    )
    assert report.cell_of("/sections/0/figures/0/value", before=True) == CellPlace(
        sheet=None, row=last, column="Value"
    )


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def test_check_names_the_cells_of_findings(tmp_path: Path) -> None:
    """Check with --figures shows the sheet, row and column beside a figure finding's pointer."""
    figures = tmp_path / "figures.xlsx"
    figures.write_bytes(figures_to_xlsx(p.load(EXAMPLE)))
    out = io.StringIO()
    argv = ["check", str(EXAMPLE), "--as-of", "2023-10-01", "--max-per-rule", "0"]
    main([*argv, "--figures", str(figures)], out)
    text = out.getvalue()
    expected = (
        f"/sections/1/figures/5/period ({figures}, sheet 'Figures', row 12, column 'Period'): "
    )
    assert expected in text
    out = io.StringIO()
    main([*argv, "--figures", str(figures), "--format", "json"], out)
    findings = json.loads(out.getvalue())["files"][0]["report"]["findings"]
    placed = [f for f in findings if f["path"] == "/sections/1/figures/5/period"]
    assert placed[0]["cell"] == {
        "file": str(figures),
        "sheet": "Figures",
        "row": 12,
        "column": "Period",
    }
    assert all("cell" not in f for f in findings if "/figures/" not in f["path"])


def test_check_places_only_rows_the_statement_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A table that differs from the statement is said to, and its changed rows are not named."""
    statement = p.load(EXAMPLE)
    rows = figures_table(statement)
    period = rows[0].index("Period")
    rows[11][period] = "Q1 2023/24"  # spreadsheet row 12
    figures = tmp_path / "figures.csv"
    figures.write_text(_csv(rows), encoding="utf-8")
    out = io.StringIO()
    argv = ["check", str(EXAMPLE), "--as-of", "2023-10-01", "--max-per-rule", "0"]
    main([*argv, "--figures", str(figures)], out)
    assert "differs from the statement (0 figures added, 1 changed" in capsys.readouterr().err
    text = out.getvalue()
    assert "/sections/1/figures/5/period: " in text
    assert "/sections/1/figures/8/period (" in text
    assert main(["check", str(EXAMPLE), str(EXAMPLE), "--figures", str(figures)], out) == 2


def test_cell_places_survive_pointer_escapes() -> None:
    """Pointers are parsed, so a figure path always finds its row whatever it holds."""
    assert parse_pointer(pointer(("sections", 0, "figures", 0))) == (
        "sections",
        "0",
        "figures",
        "0",
    )
    assert column_of(["comparisons", "9999999", "value"]) is None
    assert column_of(["comparisons", "2", "change"]) == "Comparison 3: change direction"
    assert column_of(["unknown"]) is None
