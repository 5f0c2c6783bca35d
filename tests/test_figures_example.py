"""The example that builds homicide and neighbourhood crime figures from monthly counts."""

from __future__ import annotations

import runpy
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pcc_priorities as p
from pcc_priorities.figures import check_change
from pcc_priorities.tables import located_figures, read_figures_csv, replace_figures

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "examples" / "figures_from_monthly.py"


def test_example_builds_a_valid_statement(tmp_path: Path) -> None:
    """The script prints every figure and writes a valid statement and its figures CSV."""
    output, figures = tmp_path / "draft.json", tmp_path / "draft.csv"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--output", str(output), "--figures", str(figures)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = run.stdout.splitlines()
    assert (
        lines[0]
        == "Homicides, Q1 2023/24: 1; same period last year (Q1 2022/23) 4: decrease of 3 (-75%)"
    )
    assert len(lines) == 9
    statement = p.load(output)
    assert [s.priority for s in statement.sections] == ["homicide", "neighbourhood-crime"]
    assert read_figures_csv(replace_figures(statement, []), figures) == statement


def test_example_matches_the_totals_west_mercia_published() -> None:
    """The illustrative counts give the totals the West Mercia statement publishes."""
    statement = runpy.run_path(str(SCRIPT))["build_statement"]()
    by_id = {item.figure.id: item.figure for item in located_figures(statement)}
    assert by_id["homicides-q1-2023-24"].value == Decimal(1)
    assert by_id["homicides-12-months-to-june-2023"].value == Decimal(16)
    assert by_id["homicides-2022-23"].value == Decimal(19)
    theft = by_id["theft-from-the-person-april-to-july-2023"]
    assert theft.value == Decimal(148)
    assert theft.comparisons[0].value == Decimal(178)
    for figure in by_id.values():
        assert figure.value is not None
        for comparison in figure.comparisons:
            assert check_change(figure.value, comparison).agrees is True
