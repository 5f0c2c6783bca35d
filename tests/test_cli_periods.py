"""The period, export-figures and import-figures commands."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from pcc_priorities.cli import EXIT_INVALID, EXIT_OK, main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "west-mercia-2023-09.json"


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


def test_period_prints_canonical_label_and_days() -> None:
    """Each period is printed with its canonical label, days, kind and length."""
    code, out = _run("period", "Q1 23/24", "Q4", "--as-of", "2023-07-31")
    assert code == EXIT_OK
    assert out.splitlines() == [
        "Q1 23/24\tQ1 2023/24\t2023-04-01\t2023-06-30\tfinancial_quarter\t91 days",
        "Q4\tQ4 2022/23\t2023-01-01\t2023-03-31\tfinancial_quarter\t90 days",
    ]


def test_period_refuses_ambiguous_text(capsys: pytest.CaptureFixture[str]) -> None:
    """Text that is not one period exits 2 with the reason and no traceback."""
    code, out = _run("period", "Q1 2023")
    assert (code, out) == (EXIT_INVALID, "")
    assert "could be a financial-year quarter or a calendar quarter" in capsys.readouterr().err
    assert _run("period", "Q1", "--as-of", "July")[0] == EXIT_INVALID


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_gives_the_statement_back(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exported figures imported into the statement give the same document, byte for byte."""
    figures, output = tmp_path / f"figures{suffix}", tmp_path / "statement.json"
    assert _run("export-figures", str(EXAMPLE), "-o", str(figures))[0] == EXIT_OK
    code, out = _run("import-figures", str(EXAMPLE), str(figures), "-o", str(output))
    assert (code, out) == (EXIT_OK, "")
    assert capsys.readouterr().err.splitlines() == [
        f"wrote {figures}: the statement's figures",
        f"wrote {output}: the statement with the figures from {figures} "
        "(0 figures added, 0 changed, 0 removed, 69 kept)",
    ]
    assert output.read_bytes() == EXAMPLE.read_bytes()


def test_outputs_are_not_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An existing output needs --overwrite, and an input is never the output."""
    statement = tmp_path / "statement.json"
    shutil.copy(EXAMPLE, statement)
    figures = tmp_path / "figures.csv"
    figures.write_text("old", encoding="utf-8")
    assert _run("export-figures", str(statement), "-o", str(figures))[0] == EXIT_INVALID
    assert figures.read_text(encoding="utf-8") == "old"
    assert _run("export-figures", str(statement), "-o", str(figures), "--overwrite")[0] == EXIT_OK
    code, _ = _run(
        "import-figures", str(statement), str(figures), "-o", str(statement), "--overwrite"
    )
    assert code == EXIT_INVALID
    assert f"{statement} is an input; write the output to another file" in capsys.readouterr().err
    assert statement.read_bytes() == EXAMPLE.read_bytes()


def test_bad_figures_exit_2_naming_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A figures file with a bad cell exits 2 and names the row and column."""
    figures = tmp_path / "figures.csv"
    assert _run("export-figures", str(EXAMPLE), "-o", str(figures))[0] == EXIT_OK
    lines = figures.read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace(",count,", ",furlongs,", 1)
    figures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _ = _run("import-figures", str(EXAMPLE), str(figures), "-o", str(tmp_path / "o.json"))
    assert code == EXIT_INVALID
    err = capsys.readouterr().err
    assert "row 2, column 'Unit': expected one of: count" in err
    assert "Traceback" not in err
    assert not (tmp_path / "o.json").exists()


def test_table_files_need_a_known_suffix(tmp_path: Path) -> None:
    """Only .csv, .xlsx and .ods files are read and written."""
    assert _run("export-figures", str(EXAMPLE), "-o", str(tmp_path / "f.txt"))[0] == EXIT_INVALID
    code, _ = _run("import-figures", str(EXAMPLE), str(EXAMPLE), "-o", str(tmp_path / "o.json"))
    assert code == EXIT_INVALID


@pytest.mark.parametrize("command", ["period", "export-figures", "import-figures"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--help describes the command and exits 0."""
    assert main([command, "--help"]) == 0
    assert "usage: pcc-priorities " + command in capsys.readouterr().out
