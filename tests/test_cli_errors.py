"""Every command fails the same way: exit 2, one line on stderr, no traceback, no Errno."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from pcc_priorities.cli import main
from pcc_priorities.files import TEMPORARY_MARK

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"


@dataclass(frozen=True)
class Command:
    """A command line with placeholders: {statement}, {figures}, {other} and {output}."""

    argv: tuple[str, ...]
    suffix: str = ""

    @property
    def name(self) -> str:
        """The command's name ("open-data figures" for a command of a group)."""
        return " ".join(self.argv[:2]) if self.argv[0] == "open-data" else self.argv[0]

    @property
    def reads(self) -> bool:
        """Whether the command reads a statement."""
        return "{statement}" in self.argv

    @property
    def writes(self) -> bool:
        """Whether the command writes a file."""
        return "{output}" in self.argv


COMMANDS = [
    Command(("check", "{statement}", "--as-of", "2023-10-01")),
    Command(("validate", "{statement}")),
    Command(("upgrade", "{statement}", "-o", "{output}"), ".json"),
    Command(("convert", "{statement}", "-o", "{output}"), ".yaml"),
    Command(("render", "{statement}", "-o", "{output}"), ".html"),
    Command(("diff", "{other}", "{statement}")),
    Command(("new", "{output}", "--police-force", "Gwent"), ".json"),
    Command(("rules", "-o", "{output}"), ".md"),
    Command(("schema", "-o", "{output}"), ".json"),
    Command(("export-figures", "{statement}", "-o", "{output}"), ".csv"),
    Command(("import-figures", "{statement}", "{figures}", "-o", "{output}"), ".json"),
    Command(("export-workbook", "{statement}", "-o", "{output}"), ".ods"),
    Command(("import-workbook", "{statement}", "{workbook}", "-o", "{output}"), ".json"),
    Command(("frameworks",)),
    Command(("forces",)),
    Command(("period", "Q1 2023/24")),
    Command(
        ("open-data", "figures", "{table}", "--police-force", "Gwent", "-o", "{output}"), ".csv"
    ),
    Command(("open-data", "fill", "{statement}", "{table}", "-o", "{output}"), ".json"),
    Command(("open-data", "table", "{table}", "-o", "{output}"), ".csv"),
    Command(("table", "{other}", "-o", "{output}"), ".csv"),
]


def test_every_command_is_in_the_table() -> None:
    """The table of commands below covers every command the parser has."""
    from pcc_priorities.cli.app import _build_parser  # noqa: PLC0415

    parser = _build_parser()
    group = next(action for action in parser._actions if action.dest == "command")
    assert set(group.choices or ()) == {command.argv[0] for command in COMMANDS}


@dataclass
class Files:
    """The files a command is run with, in a fresh folder."""

    folder: Path
    statement: Path
    other: Path
    figures: Path
    table: Path
    workbook: Path

    def argv(self, command: Command, **replace: str) -> list[str]:
        """The command's arguments, with these files (or those in ``replace``)."""
        values = {
            "statement": str(self.statement),
            "other": str(self.other),
            "figures": str(self.figures),
            "table": str(self.table),
            "workbook": str(self.workbook),
            "output": str(self.folder / f"out{command.suffix}"),
            **replace,
        }
        return [
            values.get(part[1:-1], part) if part.startswith("{") else part for part in command.argv
        ]


@pytest.fixture
def files(tmp_path: Path) -> Files:
    statement = tmp_path / "statement.json"
    shutil.copyfile(EXAMPLE, statement)
    other = tmp_path / "other.json"
    shutil.copyfile(EXAMPLE, other)
    figures = tmp_path / "figures.csv"
    assert main(["export-figures", str(EXAMPLE), "-o", str(figures), "-q"]) == 0
    (tmp_path / "folder.json").mkdir()
    (tmp_path / "file.txt").write_text("", encoding="utf-8")
    table = tmp_path / "table.csv"
    table.write_text(
        "Financial Year,Financial Quarter,Force Name,Offence Subgroup,Number of Offences\n"
        "2024/25,1,Gwent,Homicide,1\n",
        encoding="utf-8",
    )
    workbook = tmp_path / "workbook.xlsx"
    assert main(["export-workbook", str(EXAMPLE), "-o", str(workbook), "-q"]) == 0
    return Files(tmp_path, statement, other, figures, table, workbook)


def _cases() -> list[tuple[Command, str]]:
    cases = []
    for command in COMMANDS:
        if command.reads:
            cases += [(command, "missing input"), (command, "folder as input")]
        if command.writes:
            cases += [
                (command, "output in a missing folder"),
                (command, "output under a file"),
                (command, "output in a locked folder"),
                (command, "existing output"),
            ]
        cases.append((command, "bad argument"))
    return cases


def _prepare(files: Files, command: Command, case: str) -> tuple[list[str], str]:
    """Return the arguments for ``case`` and what stderr's one line must contain."""
    folder = files.folder
    output = f"out{command.suffix}"
    if case == "missing input":
        missing = str(folder / "missing.json")
        return files.argv(
            command, statement=missing
        ), f"{missing}: cannot read the file: no such file"
    if case == "folder as input":
        path = str(folder / "folder.json")
        return files.argv(command, statement=path), f"{path}: cannot read the file: it is a folder"
    if case == "output in a missing folder":
        target = folder / "nowhere" / output
        reason = f"the folder {folder / 'nowhere'} does not exist"
        return files.argv(command, output=str(target)), f"{target}: cannot write the file: {reason}"
    if case == "output under a file":
        target = folder / "file.txt" / output
        reason = f"{folder / 'file.txt'} is a file, not a folder"
        return files.argv(command, output=str(target)), f"{target}: cannot write the file: {reason}"
    if case == "output in a locked folder":
        if os.name != "posix" or os.geteuid() == 0:
            pytest.skip("root may write in any folder")
        locked = folder / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        target = locked / output
        return files.argv(command, output=str(target)), "cannot write the file: permission denied"
    if case == "existing output":
        target = folder / output
        target.write_text("keep me", encoding="utf-8")
        return files.argv(command), f"{target} already exists; pass --overwrite to replace it"
    assert case == "bad argument"
    typed = f"pcc-priorities {command.name}"
    expected = f"{typed}: error: unrecognized arguments: --bogus (usage: {typed} "
    return [*files.argv(command), "--bogus"], expected


@pytest.mark.parametrize(
    ("command", "case"),
    _cases(),
    ids=[f"{command.name}: {case}" for command, case in _cases()],
)
def test_every_command_fails_with_one_line(
    files: Files, command: Command, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each failure exits 2 with one line on stderr that names the file and what to do."""
    argv, expected = _prepare(files, command, case)
    before = {path.name: path.read_bytes() for path in files.folder.iterdir() if path.is_file()}
    try:
        out = io.StringIO()
        code = main(argv, out)
    finally:
        if (files.folder / "locked").exists():
            (files.folder / "locked").chmod(0o700)
    err = capsys.readouterr().err
    assert code == 2, err
    assert out.getvalue() == ""
    assert len(err.splitlines()) == 1, err
    assert err.endswith("\n")
    assert expected in err
    assert err.startswith(f"pcc-priorities {command.name}: error: ")
    for word in ("Traceback", "Errno", TEMPORARY_MARK):
        assert word not in err
    after = {path.name: path.read_bytes() for path in files.folder.iterdir() if path.is_file()}
    assert after == before
    leftovers = [path for path in files.folder.rglob("*") if TEMPORARY_MARK in path.name]
    assert leftovers == []


def test_an_error_in_a_real_process_is_one_line(tmp_path: Path) -> None:
    """Run as a program, a missing file gives exit 2 and one line: no traceback."""
    completed = subprocess.run(
        [sys.executable, "-m", "pcc_priorities", "render", str(tmp_path / "x.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr == (
        f"pcc-priorities render: error: {tmp_path / 'x.json'}: cannot read the file: no such "
        "file; check the file's name and folder\n"
    )


def test_an_invalid_document_names_the_file_and_the_count_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A DocumentError's first line names the file and the count; its problems follow, indented."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0", "title": 1}', encoding="utf-8")
    for argv in (["validate", str(bad)], ["render", str(bad)], ["check", str(bad)]):
        assert main(argv, io.StringIO()) == 2
        first, *rest = capsys.readouterr().err.splitlines()
        assert first.startswith(f"pcc-priorities {argv[0]}: error: {bad}: not a valid statement ")
        assert first.endswith("problems):")
        count = int(first.rsplit("(", 1)[1].split()[0])
        assert len(rest) == count
        assert all(line.startswith("  /") for line in rest)


def test_a_table_error_names_the_file_and_the_count_first(
    files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    """A TableError's first line names the figures file and the number of problems."""
    lines = files.figures.read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace(",count,", ",furlongs,", 1)
    files.figures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = [
        "import-figures",
        str(files.statement),
        str(files.figures),
        "-o",
        str(files.folder / "o.json"),
    ]
    assert main(argv, io.StringIO()) == 2
    first, *rest = capsys.readouterr().err.splitlines()
    head = f"pcc-priorities import-figures: error: {files.figures}: cannot read the table"
    assert first == f"{head} (1 problem):"
    assert len(rest) == 1
    assert rest[0].startswith("  row 2, column 'Unit': expected one of: count")


def test_a_missing_extra_says_which_to_install(
    files: Files, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """YAML without ruamel.yaml exits 2 with one line naming the extra; XLSX needs none."""
    monkeypatch.setitem(sys.modules, "ruamel.yaml", None)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    target = files.folder / "statement.yaml"
    assert main(["convert", str(files.statement), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "pcc-priorities convert: error: YAML needs the optional ruamel.yaml package: "
        "pip install 'pcc-priorities[yaml]'\n"
    )
    assert not target.exists()
    workbook = files.folder / "figures.xlsx"
    assert main(["export-figures", str(files.statement), "-o", str(workbook)]) == 0
    assert workbook.exists()
