"""Tests of the command line's check, new and rules commands, and that the others still work."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import pcc_priorities as p
from check_helpers import clean
from pcc_priorities.checks import Report
from pcc_priorities.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "west-mercia-2023-09.json")
AS_OF = ["--as-of", "2023-10-01"]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def erroneous(tmp_path: Path) -> str:
    """A statement without a publication date: it does not meet para 7A."""
    path = tmp_path / "undated.json"
    p.dump(p.new_statement(force="West Mercia"), path)
    return str(path)


@pytest.fixture
def invalid(tmp_path: Path) -> str:
    path = tmp_path / "invalid.json"
    data = json.loads(p.dumps(clean()))
    del data["body"]
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_readme_command_exits_zero_with_only_warnings() -> None:
    """The worked example has warnings but no errors, so checking it succeeds."""
    completed = subprocess.run(
        [sys.executable, "-m", "pcc_priorities", "check", "examples/west-mercia-2023-09.json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    first = completed.stdout.splitlines()[0]
    assert first.startswith("examples/west-mercia-2023-09.json: conformant: 0 errors, 97 warnings")


def test_text_output_groups_by_rule() -> None:
    """The text report has the summary line, then groups with counts and capped listings."""
    code, text = run("check", EXAMPLE, *AS_OF)
    assert code == 0
    lines = text.splitlines()
    assert lines[0] == f"{EXAMPLE}: conformant: 0 errors, 97 warnings, 5 info"
    assert "PCC401 acronym-not-spelled-out [warning, readability]: 52 findings" in lines
    assert "  ... and 42 more not listed" in lines
    _, everything = run("check", EXAMPLE, *AS_OF, "--max-per-rule", "0")
    assert "more not listed" not in everything


def test_fail_on_chooses_the_severity_that_fails() -> None:
    """Warnings fail the check only when asked; never fails nothing."""
    assert run("check", EXAMPLE, *AS_OF, "--fail-on", "warning", "-q")[0] == 1
    assert run("check", EXAMPLE, *AS_OF, "--fail-on", "info", "-q")[0] == 1
    assert run("check", EXAMPLE, *AS_OF, "--fail-on", "error", "-q")[0] == 0


def test_errors_exit_one(erroneous: str) -> None:
    """A statement that does not meet para 7A exits 1, unless --fail-on never."""
    code, text = run("check", erroneous, *AS_OF, "--quiet")
    assert code == 1
    assert text == f"{erroneous}: NOT conformant: 13 errors, 0 warnings, 0 info\n"
    assert run("check", erroneous, *AS_OF, "--fail-on", "never", "-q")[0] == 0


def test_invalid_and_missing_files_exit_two(
    invalid: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An invalid or unreadable file exits 2 with its problems and no traceback."""
    code, text = run("check", invalid, EXAMPLE, *AS_OF, "-q")
    assert code == 2
    assert text == f"{EXAMPLE}: conformant: 0 errors, 97 warnings, 5 info\n"
    err = capsys.readouterr().err
    assert "/body: this required key is missing" in err
    assert "Traceback" not in err
    code, _ = run("check", "no-such-file.json", *AS_OF)
    assert code == 2
    assert "no-such-file.json: cannot read the file" in capsys.readouterr().err


def test_json_output(invalid: str) -> None:
    """The JSON output holds a report per file, or the problems of a file that is invalid."""
    code, text = run("check", EXAMPLE, invalid, *AS_OF, "--format", "json")
    assert code == 2
    data = json.loads(text)
    good, bad = data["files"]
    assert good["path"] == EXAMPLE
    assert good["problems"] == []
    assert Report.from_dict(good["report"]).conformant
    assert bad["report"] is None
    assert bad["problems"][0]["path"] == "/body"


def test_csv_output() -> None:
    """The CSV output has one row per finding of every file."""
    code, text = run("check", EXAMPLE, EXAMPLE, *AS_OF, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 2 * 102
    assert rows[0]["source"] == EXAMPLE
    assert {row["code"] for row in rows if row["severity"] == "error"} == set()


def test_select_and_ignore() -> None:
    """Selected rules run, ignored rules do not, codes may be comma-separated and repeated."""
    _, text = run(
        "check",
        EXAMPLE,
        *AS_OF,
        "--select",
        "PCC3,PCC2",
        "--ignore",
        "PCC20",
        "--ignore",
        "PCC309",
        "--format",
        "csv",
    )
    assert {row["code"] for row in csv.DictReader(io.StringIO(text))} == {"PCC301"}


def test_unknown_rule_codes_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    """A mistyped code is refused before any file is checked."""
    assert run("check", EXAMPLE, "--ignore", "PCC4O1")[0] == 2
    assert "no rule code is or starts with 'PCC4O1'" in capsys.readouterr().err


def test_bad_option_values_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    """A malformed date or severity is a usage error."""
    assert run("check", EXAMPLE, "--as-of", "31 September 2023")[0] == 2
    assert "not a date: September 2023 has no day 31" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command", [[], ["check"], ["new"], ["rules"], ["validate"], ["frameworks"], ["forces"]]
)
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """--help works on every command."""
    assert main([*command, "--help"]) == 0
    assert "usage: pcc-priorities" in capsys.readouterr().out


def test_new_writes_a_scaffold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The new command writes a statement whose check lists only the gaps to fill in."""
    target = tmp_path / "draft.json"
    code, text = run(
        "new",
        str(target),
        "--police-force",
        "West Mercia",
        "--period-start",
        "2023-04-01",
        "--period-end",
        "2023-06-30",
        "--period-label",
        "Q1 2023/24",
        "--published",
        "2023-09",
    )
    assert (code, text) == (0, "")
    message = capsys.readouterr().err
    assert message.startswith(f"wrote {target}: 6 priority sections for West Mercia Police")
    statement = p.load(target)
    assert statement.periods[0].label == "Q1 2023/24"
    assert statement.published == p.PartialDate(year=2023, month=9)
    code, summary = run("check", str(target), *AS_OF, "-q")
    assert (code, summary) == (1, f"{target}: NOT conformant: 12 errors, 0 warnings, 0 info\n")


def test_new_does_not_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The new command refuses an existing file unless --overwrite is given."""
    target = tmp_path / "draft.json"
    target.write_text("keep me", encoding="utf-8")
    assert run("new", str(target), "--police-force", "Gwent")[0] == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run("new", str(target), "--police-force", "Gwent", "--overwrite")[0] == 0
    assert p.load(target).force.code == "W15000002"


def test_new_to_standard_output() -> None:
    """`new -` writes the statement's canonical JSON to standard output."""
    code, text = run("new", "-", "--police-force", "E23000016")
    assert code == 0
    assert p.loads(text).force.code == "E23000016"


def test_new_reads_the_period_as_written() -> None:
    """`new --period` reads the period as a statement writes it."""
    code, text = run(
        "new", "-", "--police-force", "Gwent", "--period", "rolling 12 months to June 2023"
    )
    assert code == 0
    [period] = p.loads(text).periods
    assert (period.start, period.end) == (date(2022, 7, 1), date(2023, 6, 30))
    assert period.label == "rolling 12 months to June 2023"


def test_new_refuses_text_that_is_not_a_period(capsys: pytest.CaptureFixture[str]) -> None:
    """A period text that means no single period is an error without a traceback."""
    assert run("new", "-", "--police-force", "Gwent", "--period", "Q1 2023")[0] == 2
    assert "pcc-priorities new: error:" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            [
                "--period",
                "Q1 2023/24",
                "--period-start",
                "2023-04-01",
                "--period-end",
                "2023-06-30",
            ],
            "not both",
        ),
        (["--period-start", "2023-04-01"], "--period-start and --period-end go together"),
        (["--period-start", "2023-04-01", "--period-end", "2023-03-01"], "before"),
    ],
)
def test_new_period_options_must_fit(
    extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A period needs both ends, in order."""
    assert run("new", "-", "--police-force", "Gwent", *extra)[0] == 2
    assert message in capsys.readouterr().err


def test_new_unknown_force_exits_two(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown force is reported without a traceback."""
    assert run("new", "-", "--police-force", "Atlantis")[0] == 2
    assert "no force in the register matches 'Atlantis'" in capsys.readouterr().err


def test_rules_lists_and_writes_the_catalogue(tmp_path: Path) -> None:
    """The rules command lists every rule as text, JSON or the catalogue page."""
    code, text = run("rules", "--builtin")
    assert code == 0
    assert text.splitlines()[0].startswith("PCC101\terror  \tstatutory")
    assert json.loads(run("rules", "--format", "json", "--builtin")[1])[0]["code"] == "PCC101"
    target = tmp_path / "rules.md"
    assert run("rules", "--builtin", "--format", "markdown", "--output", str(target))[0] == 0
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == committed
    assert run("rules", "--format", "markdown", "--output", str(target))[0] == 2


def test_other_commands_still_work() -> None:
    """validate, frameworks and forces keep working beside the new commands."""
    code, text = run("validate", EXAMPLE)
    assert code == 0
    assert "valid statement document (6 priority sections)" in text
    code, text = run("frameworks", "-v")
    assert code == 0
    assert text.startswith("ncpm-2021\tNational Crime and Policing Measures")
    code, text = run("forces")
    assert code == 0
    assert len(text.splitlines()) == 43


def test_empty_select_is_refused() -> None:
    """--select with no rule code in it is a usage error, not a run of no rules."""
    code, _ = run("check", "--select", "", EXAMPLE)
    assert code == 2


def test_negative_max_per_rule_is_refused() -> None:
    """--max-per-rule takes zero or more."""
    assert run("check", "--max-per-rule", "-1", EXAMPLE)[0] == 2


def test_unreadable_extension_does_not_lose_other_reports(tmp_path: Path) -> None:
    """A file of an unknown format is reported and the other files are still checked."""
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    code, out = run("check", "--format", "json", *AS_OF, EXAMPLE, str(notes))
    assert code == 2
    files = json.loads(out)["files"]
    assert [f["report"] is not None for f in files] == [True, False]
