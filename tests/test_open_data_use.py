"""Using the open data: filling statements, every force side by side, and the command line."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import pcc_priorities as p
from pcc_priorities.cli.app import main
from pcc_priorities.figures import force_figures, read_crime_table, standard_periods
from pcc_priorities.periods import parse_period
from pcc_priorities.tables import (
    TIDY_COLUMNS,
    UpdateKind,
    fill_figures,
    national_table,
    statements_table,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from open_data_helpers import DEVON, WEST_MERCIA, write_table

ROOT = Path(__file__).resolve().parents[1]
WORKED = ROOT / "examples" / "west-mercia-2023-09.json"
ARITHMETIC_AND_PERIODS = {"PCC203", "PCC207", "PCC208", "PCC301", "PCC303", "PCC304"}


@pytest.fixture(scope="module")
def table_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated table as an ODS file named as the Home Office names it."""
    return write_table(tmp_path_factory.mktemp("od"), "ods")


@pytest.fixture(scope="module")
def table(table_path: Path):
    """The generated table, read."""
    return read_crime_table(table_path)


def _without_figures(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_figures(v) for k, v in data.items() if k != "figures"}
    if isinstance(data, list):
        return [_without_figures(item) for item in data]
    return data


# --------------------------------------------------------------------------- fill


def test_figures_for_a_generated_force_pass_the_arithmetic_and_period_rules(table) -> None:
    """A new statement filled from the table has no arithmetic or period finding."""
    statement = p.new_statement(force=WEST_MERCIA, period="Q2 2024/25")
    report = fill_figures(statement, force_figures(table, WEST_MERCIA).figures)
    assert len(report.of_kind(UpdateKind.ADDED)) == 24
    checked = p.check(report.statement, as_of=date(2025, 1, 31))
    codes = {finding.code for finding in checked.findings}
    assert not codes & ARITHMETIC_AND_PERIODS


def test_filling_the_worked_example_changes_only_figures(table) -> None:
    """The worked example filled from the table: narrative byte-identical, each change reported."""
    original = p.load(WORKED)
    figures = force_figures(
        table, WEST_MERCIA, periods=standard_periods(parse_period("Q1 2023/24"))
    ).figures
    report = fill_figures(original, figures)
    before = json.loads(p.dumps(original))
    after = json.loads(p.dumps(report.statement))
    assert json.dumps(_without_figures(before)) == json.dumps(_without_figures(after))
    for old, new in zip(before["sections"], after["sections"], strict=True):
        assert json.dumps(_without_figures(old["blocks"])) == json.dumps(
            _without_figures(new["blocks"])
        )
    changed = report.of_kind(UpdateKind.CHANGED)
    assert [u.previous.measure for u in changed if u.previous] == ["Homicides"]
    assert changed[0].figure.value == changed[0].previous.value == 1
    assert changed[0].differences[0] == "source: none → " + table.source_wording
    assert changed[0].figure.wording == changed[0].previous.wording  # same value: kept
    assert changed[0].figure.period == changed[0].previous.period  # the published label kept
    assert len(report.updates) == 24
    assert "section 1" in changed[0].describe()


def test_filling_again_keeps_and_a_new_quarter_changes_in_place(table) -> None:
    """Filled twice, every figure is kept; next quarter's figures replace them in place."""
    statement = p.new_statement(force=WEST_MERCIA, period="Q1 2024/25")
    first = fill_figures(
        statement, force_figures(table, WEST_MERCIA, periods=to_quarter(Q1_2024)).figures
    ).statement
    again = fill_figures(
        first, force_figures(table, WEST_MERCIA, periods=to_quarter(Q1_2024)).figures
    )
    assert again.summary() == "0 figures added, 0 changed, 24 kept, 0 not placed"
    later = fill_figures(first, force_figures(table, WEST_MERCIA).figures)
    # 2023/24 is the latest whole financial year at both quarters: those six are kept.
    assert later.summary() == "0 figures added, 18 changed, 6 kept, 0 not placed"


Q1_2024 = "Q1 2024/25"


def to_quarter(text: str) -> Any:
    """The standard periods up to a quarter (a keyword for force_figures)."""
    return standard_periods(parse_period(text))


def test_a_figure_whose_metric_the_statement_lacks_is_not_placed(table) -> None:
    """A statement without the homicide metric reports those figures as not placed."""
    statement = p.new_statement(force=WEST_MERCIA)
    import attrs  # noqa: PLC0415

    stripped = attrs.evolve(
        statement,
        sections=tuple(attrs.evolve(s, metrics=()) if s.priority == "homicide" else s
                       for s in statement.sections),
    )  # fmt: skip
    report = fill_figures(stripped, force_figures(table, WEST_MERCIA, only=["homicides"]).figures)
    assert len(report.not_placed) == 4
    assert report.statement == stripped


# --------------------------------------------------------------------------- side by side


def test_every_force_side_by_side_as_records_and_csv(table) -> None:
    """Forces with complete counts give one row per metric, period and comparison."""
    tidy = national_table(table, periods=[parse_period("Q2 2024/25")])
    assert [problem.split(" left out")[0] for problem in tidy.problems] == [
        "London, City of (E23000034)"
    ]
    assert len(tidy.rows) == 12
    record = tidy.records()[1]
    assert record["force_code"] == "E23000016"
    assert record["value"] == Decimal(205)
    assert record["comparison"] == "same_period_last_year"
    assert list(record) == list(TIDY_COLUMNS)
    lines = list(csv.reader(io.StringIO(tidy.to_csv().removeprefix("\ufeff"))))
    assert lines[0] == list(TIDY_COLUMNS)
    assert lines[2][TIDY_COLUMNS.index("change_percent")] == "-5"
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame.from_records(tidy.records())
    assert frame.shape == (12, len(TIDY_COLUMNS))


def test_a_missing_quarter_leaves_the_force_out_by_name(table) -> None:
    """Devon and Cornwall, without Q1 2024/25, is left out and named, never given zeros."""
    tidy = national_table(table, periods=[parse_period("Q1 2024/25")], only=["homicides"])
    assert {row["force"] for row in tidy.rows} == {"West Mercia", "London, City of"}
    assert len(tidy.problems) == 1
    assert tidy.problems[0].startswith(f"{DEVON} (E23000035) left out")
    assert "Q1 2024/25" in tidy.problems[0]


def test_the_same_table_from_a_folder_of_statements(tmp_path: Path, table) -> None:
    """Published statements give rows in the same columns; a bad file is named, not dropped."""
    statement = p.new_statement(force=WEST_MERCIA, period="Q2 2024/25")
    filled = fill_figures(statement, force_figures(table, WEST_MERCIA).figures).statement
    p.dump(filled, tmp_path / "west-mercia.json")
    (tmp_path / "broken.json").write_text("{}", encoding="utf-8")
    tidy = statements_table([tmp_path])
    assert len(tidy.problems) == 1
    assert "broken.json" in tidy.problems[0]
    assert {row["metric"] for row in tidy.rows} == {"homicides", "neighbourhood-crime"}
    assert all(list(row) == list(TIDY_COLUMNS) for row in tidy.rows)


# --------------------------------------------------------------------------- command line


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_open_data_figures_prints_a_forces_figures(
    table_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`open-data figures` prints the quarter asked for, with the source on stderr."""
    code, out, err = _run(
        ["open-data", "figures", str(table_path), "--police-force", "West Mercia",
         "--period", "Q2 2024/25", "--measure", "neighbourhood-crime"],
        capsys,
    )  # fmt: skip
    assert code == 0
    assert out.startswith("Neighbourhood crime\tQ2 2024/25\t205\t")
    assert "decrease 10, -5%" in out
    assert "published 23 April 2026" in err
    assert "'Action Fraud' kept apart" in err


def test_open_data_fill_and_table_write_their_outputs(
    tmp_path: Path, table_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`fill` writes a statement and reports each figure; `table` writes CSV and exits 1."""
    statement = tmp_path / "new.json"
    argv = ["new", str(statement), "--police-force", "West Mercia", "--period", "Q1 2024/25"]
    assert main(argv) == 0
    code, _, err = _run(
        ["open-data", "fill", str(statement), str(table_path), "-o", str(tmp_path / "out.json")],
        capsys,
    )
    assert code == 0
    assert "24 figures added, 0 changed, 0 kept" in err
    assert "added: Homicides, Q1 2024/25 (section 1, figure 1)" in err
    assert "figures up to Q1 2024/25, the end of the statement's period" in err
    assert len(p.load(tmp_path / "out.json").sections[0].figures) == 4
    national = tmp_path / "national.csv"
    code, _, err = _run(["open-data", "table", str(table_path), "-o", str(national)], capsys)
    assert code == 1
    assert "London, City of (E23000034) left out" in err
    assert national.read_text(encoding="utf-8-sig").startswith(",".join(TIDY_COLUMNS))
    written = tmp_path / "figures.json"
    argv = ["open-data", "figures", str(table_path), "--police-force", "E23000016", "-o"]
    assert _run([*argv, str(written), "--measure", "homicides"], capsys)[0] == 0
    assert [row["period"] for row in json.loads(written.read_text(encoding="utf-8"))][:2] == [
        "Q2 2024/25",
        "2023/24",
    ]
    code, out, _ = _run(["table", str(tmp_path / "out.json"), "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)[0]["force_code"] == "E23000016"


def test_the_open_data_commands_refuse_force_and_existing_outputs(
    tmp_path: Path, table_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--force` is refused where a police force is named; an output is not overwritten."""
    code, _, err = _run(
        ["open-data", "figures", str(table_path), "--police-force", "Kent", "--force"], capsys
    )
    assert code == 2
    assert "--force is ambiguous" in err
    existing = tmp_path / "national.csv"
    existing.write_text("keep", encoding="utf-8")
    code, _, err = _run(["open-data", "table", str(table_path), "-o", str(existing)], capsys)
    assert code == 2
    assert "--overwrite" in err
    assert existing.read_text(encoding="utf-8") == "keep"


def test_a_missing_quarter_is_one_error_line(
    table_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A figure that needs a missing count fails with one line naming force and quarter."""
    code, out, err = _run(
        ["open-data", "figures", str(table_path), "--police-force", DEVON,
         "--period", "Q1 2024/25", "-q"],
        capsys,
    )  # fmt: skip
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "Devon and Cornwall: no count for Homicide" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_shows_only_on_a_terminal(
    table_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a terminal, reading the workbook draws a bar on stderr; elsewhere, and quiet, none."""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    argv = ["open-data", "figures", str(table_path), "--police-force", "Kent", "--period",
            "Q2 2024/25"]  # fmt: skip
    main(argv)
    assert "10 of 10 sheets" in terminal.getvalue()
    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    main([*argv, "-q"])
    assert "sheets" not in quiet.getvalue()
    monkeypatch.undo()
    _run(argv, capsys)
    assert "sheets" not in capsys.readouterr().err
