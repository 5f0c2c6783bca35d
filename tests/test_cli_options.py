"""Options every command shares: --overwrite and --force, --quiet, --format json, usage errors."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import pcc_priorities as p
from pcc_priorities.cli import EXIT_BUG, main
from pcc_priorities.cli.app import _build_parser
from pcc_priorities.cli.parsing import FORCE_IS_AMBIGUOUS, Parser

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


def _commands() -> dict[str, Parser]:
    parser = _build_parser()
    group = next(action for action in parser._actions if action.dest == "command")
    return dict(group.choices or {})  # type: ignore[arg-type]


def _options(command: Parser) -> set[str]:
    return {option for action in command._actions for option in action.option_strings}


@pytest.fixture
def source(tmp_path: Path) -> Path:
    copy = tmp_path / "statement.json"
    shutil.copyfile(EXAMPLE, copy)
    return copy


# --------------------------------------------------------------------------- --force


@pytest.mark.parametrize(
    "argv",
    [
        ["new", "--force", "Kent"],
        ["new", "--force", "Kent", "draft.json"],
        ["new", "draft.json", "--police-force", "Kent", "--force"],
        ["new", "draft.json", "--police-force", "Kent", "--force=yes"],
    ],
)
def test_force_on_new_is_refused_as_ambiguous(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`new --force Kent` says which option was meant, shows new's usage and writes nothing."""
    monkeypatch.chdir(tmp_path)
    assert run(*argv) == (2, "")
    err = capsys.readouterr().err
    assert err.startswith(
        f"pcc-priorities new: error: {FORCE_IS_AMBIGUOUS} (usage: pcc-priorities new "
    )
    assert len(err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_force_is_refused_wherever_a_police_force_is_named_and_an_alias_elsewhere() -> None:
    """One rule for every command: --force is refused next to --police-force, else --overwrite."""
    commands = _commands()
    naming = {name for name, command in commands.items() if command.names_police_force}
    writing = {name for name, command in commands.items() if "--overwrite" in _options(command)}
    assert naming == {"new"}
    assert writing == {
        "new",
        "rules",
        "upgrade",
        "convert",
        "render",
        "schema",
        "export-figures",
        "import-figures",
        "export-workbook",
        "import-workbook",
        "table",
    }
    for name, command in commands.items():
        force = next((a for a in command._actions if "--force" in a.option_strings), None)
        if name in naming:
            assert force is not None
            assert force.help == "==SUPPRESS=="
        elif name in writing:
            assert force is not None
            assert force.dest == "overwrite"
            assert force.help == "an alias of --overwrite"
        else:
            assert force is None, name


def test_the_open_data_commands_follow_the_same_rule() -> None:
    """`open-data figures` names a force and refuses --force; fill and table alias it."""
    group = next(a for a in _commands()["open-data"]._actions if a.dest == "open_data_command")
    inner: dict[str, Parser] = dict(group.choices or {})  # type: ignore[arg-type]
    assert {name for name, command in inner.items() if command.names_police_force} == {"figures"}
    for name, command in inner.items():
        force = next(a for a in command._actions if "--force" in a.option_strings)
        assert (force.help == "==SUPPRESS==") == (name == "figures")
        assert (force.dest == "overwrite") == (name != "figures")


def test_force_is_an_alias_of_overwrite_on_render(source: Path, tmp_path: Path) -> None:
    """On a command without --police-force, --force replaces an existing output."""
    output = tmp_path / "statement.html"
    output.write_text("old", encoding="utf-8")
    assert run("render", str(source), "-o", str(output), "--force")[0] == 0
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_new_statement_replaces_a_file_only_with_overwrite(tmp_path: Path) -> None:
    """`new FILE --police-force X --overwrite` replaces FILE."""
    target = tmp_path / "draft.yaml"
    target.write_text("old", encoding="utf-8")
    assert run("new", str(target), "--police-force", "Kent")[0] == 2
    assert run("new", str(target), "--police-force", "Kent", "--overwrite")[0] == 0
    assert p.load(target).force.name == "Kent Police"


# --------------------------------------------------------------------------- formats by extension


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["render", "{source}", "-o", "{tmp}/out.pdf"],
            "out.pdf: cannot tell the format from the extension '.pdf'; use one of .html, "
            ".htm, .md, .markdown",
        ),
        (
            ["render", "{source}", "-o", "{tmp}/out.md", "--format", "html"],
            "out.md: the format html does not match the extension '.md' (md)",
        ),
        (
            ["render", "{source}", "--format", "md", "--fragment"],
            "--fragment is for HTML only, not Markdown",
        ),
        (
            ["convert", "{source}", "-o", "{tmp}/out.txt"],
            "use one of .json, .yaml, .yml",
        ),
        (
            ["upgrade", "{source}", "-o", "{tmp}/out.json", "--format", "yaml"],
            "out.json: the format yaml does not match the extension '.json' (json)",
        ),
        (
            ["export-figures", "{source}", "-o", "{tmp}/out.txt"],
            "use one of .csv, .xlsx, .ods",
        ),
        (
            ["new", "{tmp}/draft.txt", "--police-force", "Kent"],
            "use one of .json, .yaml, .yml",
        ),
        (
            ["new", "-", "--police-force", "Kent", "--period-start", "2023-04-01"],
            "--period-start and --period-end go together",
        ),
    ],
)
def test_options_that_do_not_fit_show_the_usage_of_the_command(
    argv: list[str],
    message: str,
    source: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An output's extension must name a format the command writes, and agree with --format."""
    filled = [part.format(source=source, tmp=tmp_path) for part in argv]
    assert run(*filled) == (2, "")
    err = capsys.readouterr().err
    assert message in err
    assert err.startswith(f"pcc-priorities {argv[0]}: error: ")
    assert f"(usage: pcc-priorities {argv[0]} [-h]" in err
    assert len(err.splitlines()) == 1
    assert [path.name for path in tmp_path.iterdir()] == ["statement.json"]


def test_render_picks_the_format_from_any_known_extension(source: Path, tmp_path: Path) -> None:
    """.htm is HTML and .markdown is Markdown, as are .html and .md."""
    assert run("render", str(source), "-o", str(tmp_path / "a.htm"))[0] == 0
    assert run("render", str(source), "-o", str(tmp_path / "a.markdown"))[0] == 0
    assert (tmp_path / "a.htm").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "a.markdown").read_text(encoding="utf-8").startswith("# ")


# --------------------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["render", "x.json", "--bogus"], "unrecognized arguments: --bogus"),
        (["render", "x.json", "--over"], "unrecognized arguments: --over"),
        (["check", "x.json", "--fail"], "unrecognized arguments: --fail"),
        (["render", "x.json", "--format", "pdf"], "argument --format: invalid choice: 'pdf'"),
        (["new", "x.json"], "the following arguments are required: --police-force"),
        (["new", "x.json", "--police", "Kent"], "the following arguments are required: --police"),
        (["check", "x.json", "--as-of", "31/09/2023"], "argument --as-of: '31/09/2023'"),
        (["diff", "a.json"], "the following arguments are required: NEW"),
        (["forces", "extra"], "unrecognized arguments: extra"),
    ],
)
def test_a_wrong_argument_shows_the_usage_of_the_command_typed(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Usage errors name the command typed and show its usage, not the top-level one; exit 2."""
    assert run(*argv) == (2, "")
    err = capsys.readouterr().err
    typed = f"pcc-priorities {argv[0]}"
    assert err.startswith(f"{typed}: error: {message}")
    assert f"(usage: {typed} [-h]" in err
    assert len(err.splitlines()) == 1


def test_no_option_is_matched_by_a_prefix() -> None:
    """Every parser refuses abbreviations (allow_abbrev=False)."""
    parser = _build_parser()
    assert parser.allow_abbrev is False
    assert all(command.allow_abbrev is False for command in _commands().values())


def test_help_and_version_return_zero_without_raising(capsys: pytest.CaptureFixture[str]) -> None:
    """`main` returns 0 for --help and --version; it never raises SystemExit."""
    assert main(["--version"]) == 0
    assert main(["render", "--help"]) == 0
    assert "usage: pcc-priorities render" in capsys.readouterr().out
    assert main([]) == 2
    assert "pcc-priorities: error: the following arguments are required: COMMAND" in (
        capsys.readouterr().err
    )


# --------------------------------------------------------------------------- --quiet


def test_quiet_silences_messages_but_not_results_or_errors(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-q leaves out "wrote ..." and upgrade notes; results and errors still show."""
    output = tmp_path / "statement.md"
    assert run("render", str(source), "-o", str(output)) == (0, "")
    assert capsys.readouterr().err == f"wrote {output} (md)\n"
    output.unlink()
    assert run("render", str(source), "-o", str(output), "-q") == (0, "")
    assert capsys.readouterr().err == ""
    code, text = run("validate", str(source), "--quiet")
    assert (code, text) == (0, f"{source}: valid statement document (6 priority sections)\n")
    assert run("render", str(source), "-o", str(output), "-q")[0] == 2
    assert "already exists" in capsys.readouterr().err


def test_every_command_takes_quiet_and_traceback() -> None:
    """-q/--quiet and --traceback are options of every command."""
    for name, command in _commands().items():
        assert {"-q", "--quiet", "--traceback"} <= _options(command), name


def test_check_quiet_still_means_the_summary_only(source: Path) -> None:
    """`check` -q prints one summary line per file, as before, and no messages."""
    code, text = run("check", str(source), "--as-of", "2023-10-01", "-q")
    assert code == 0
    assert text == f"{source}: conformant: 0 errors, 97 warnings, 5 info\n"


# --------------------------------------------------------------------------- --format json


def test_validate_json_lists_every_file(source: Path, tmp_path: Path) -> None:
    """`validate` --format json: one object per file, valid or not, with its problems."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0"}', encoding="utf-8")
    missing = tmp_path / "missing.yaml"
    code, text = run("validate", str(source), str(bad), str(missing), "--format", "json")
    assert code == 2
    good, invalid, unreadable = json.loads(text)["files"]
    assert good == {
        "path": str(source),
        "valid": True,
        "format": "json",
        "schema_version": "1.0",
        "upgraded": False,
        "sections": 6,
        "problems": [],
    }
    assert invalid["valid"] is False
    assert invalid["sections"] is None
    assert {
        "path": "/body",
        "message": "this required key is missing",
        "line": None,
        "column": None,
    } in invalid["problems"]
    assert unreadable["problems"] == [
        {
            "path": "",
            "message": f"{missing}: cannot read the file: no such file; "
            "check the file's name and folder",
            "line": None,
            "column": None,
        }
    ]


def test_forces_json() -> None:
    """`forces` --format json: the 43 forces with code, name, area, country and current body."""
    code, text = run("forces", "--format", "json")
    assert code == 0
    listed = json.loads(text)["forces"]
    assert len(listed) == 43
    west_mercia = next(force for force in listed if force["code"] == "E23000016")
    assert west_mercia == {
        "code": "E23000016",
        "name": "West Mercia Police",
        "area": "West Mercia",
        "country": "England",
        "body": {"kind": "pcc", "title": west_mercia["body"]["title"]},
    }
    assert set(west_mercia["body"]) == {"kind", "title"}


def test_frameworks_json() -> None:
    """`frameworks` --format json: every framework with its priorities, metrics and sources."""
    code, text = run("frameworks", "--format", "json")
    assert code == 0
    [framework] = json.loads(text)["frameworks"]
    assert set(framework) == {"id", "title", "version", "priorities"}
    assert framework["id"] == "ncpm-2021"
    assert len(framework["priorities"]) == 6
    homicide = framework["priorities"][0]
    assert set(homicide) == {"id", "title", "metrics"}
    metric = homicide["metrics"][0]
    assert set(metric) == {"id", "title", "confirmed", "data_sources"}
    assert metric["data_sources"][0] == {
        "id": "police-recorded-crime",
        "title": "Police recorded crime",
    }


def test_rules_json() -> None:
    """`rules` --format json: an array of rules in code order, each with its fields."""
    code, text = run("rules", "--format", "json", "--builtin")
    assert code == 0
    rules = json.loads(text)
    assert [rule["code"] for rule in rules] == sorted(rule["code"] for rule in rules)
    assert set(rules[0]) == {
        "code",
        "name",
        "severity",
        "category",
        "citation",
        "suppressible",
        "summary",
        "description",
        "fix",
        "changes",
        "origin",
    }


def test_check_json_gives_unreadable_files_the_same_problem_shape(tmp_path: Path) -> None:
    """`check` --format json: a file that cannot be read has one problem with path, line, column."""
    missing = tmp_path / "missing.json"
    code, text = run("check", str(missing), "--format", "json")
    assert code == 2
    [entry] = json.loads(text)["files"]
    assert entry["report"] is None
    assert set(entry["problems"][0]) == {"path", "message", "line", "column"}


# --------------------------------------------------------------------------- terminal safety


def _run_ascii(*argv: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    environment = dict(os.environ, PYTHONIOENCODING="ascii")
    return subprocess.run(
        [sys.executable, "-m", "pcc_priorities", *argv],
        capture_output=True,
        env=environment,
        cwd=cwd,
        check=False,
    )


def test_output_a_terminal_cannot_encode_is_escaped(tmp_path: Path) -> None:
    """On a stdout that is not UTF-8, text is escaped (JSON stays valid), never a crash."""
    title = "Datganiad — Côte d’Azur ✓ 😀"
    statement = attrs.evolve(p.load(EXAMPLE), title=title)
    path = tmp_path / "Côte.json"
    p.dump(statement, path)
    completed = _run_ascii("render", path.name, "--format", "md", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.isascii()
    assert b"Datganiad \\u2014 C\\xf4te d\\u2019Azur \\u2713 \\U0001f600" in completed.stdout
    completed = _run_ascii(
        "check", path.name, "--format", "json", "--as-of", "2023-10-01", cwd=tmp_path
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["files"][0]["path"] == "Côte.json"
    completed = _run_ascii("convert", path.name, cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.isascii()
    assert json.loads(completed.stdout)["title"] == title
    completed = _run_ascii("validate", path.name, cwd=tmp_path)
    assert completed.returncode == 0
    assert completed.stdout == b"C\\xf4te.json: valid statement document (6 priority sections)\n"
    completed = _run_ascii("render", "Ffeil-ar-goll-ŵ.json", cwd=tmp_path)
    assert completed.returncode == 2
    assert b"Ffeil-ar-goll-\\u0175.json: cannot read the file: no such file" in completed.stderr
    assert b"Traceback" not in completed.stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """When the reader of standard output goes away (| head), there is no traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "pcc_priorities", "schema"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )
    assert process.stdout is not None
    process.stdout.read(10)
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert b"Traceback" not in err
    assert b"BrokenPipe" not in err
    assert process.returncode in (0, 141)


# --------------------------------------------------------------------------- bugs


def test_an_unexpected_exception_is_one_line_and_exit_70(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug inside a command is reported in one line with its type, exit 70, no traceback."""

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr("pcc_priorities.reference.force_register.forces", broken)
    monkeypatch.delenv("PCC_PRIORITIES_TRACEBACK", raising=False)
    assert main(["forces"], io.StringIO()) == EXIT_BUG == 70
    err = capsys.readouterr().err
    assert err.startswith(
        "pcc-priorities forces: error: this is a bug in pcc-priorities "
        "(ZeroDivisionError: division by zero second line); please report it"
    )
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err
    assert main(["forces", "--traceback"], io.StringIO()) == 70
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert err.splitlines()[-1].endswith("please report it with the traceback above")
    monkeypatch.setenv("PCC_PRIORITIES_TRACEBACK", "1")
    assert main(["forces"], io.StringIO()) == 70
    assert "Traceback" in capsys.readouterr().err


def _documented_json() -> list[object]:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    blocks = text.split("```json\n")[1:]
    return [json.loads(block.split("```", 1)[0]) for block in blocks]


def test_the_documented_json_shapes_are_the_real_ones(source: Path) -> None:
    """Every JSON example in docs/cli.md parses and has the keys the commands write."""
    documented = _documented_json()
    by_key = {next(iter(example)): example for example in documented if isinstance(example, dict)}
    real_forces = json.loads(run("forces", "--format", "json")[1])["forces"]
    [documented_force] = by_key["forces"]["forces"]
    assert documented_force in real_forces
    real_framework = json.loads(run("frameworks", "--format", "json")[1])["frameworks"][0]
    documented_framework = by_key["frameworks"]["frameworks"][0]
    assert set(documented_framework) == set(real_framework)
    documented_priority = documented_framework["priorities"][0]
    real_priority = real_framework["priorities"][0]
    assert documented_priority["id"] == real_priority["id"]
    assert (
        documented_priority["metrics"][0]["data_sources"][0]
        in (real_priority["metrics"][0]["data_sources"])
    )
    real_valid = json.loads(run("validate", str(source), "--format", "json")[1])["files"][0]
    [validate_example] = [
        example
        for example in documented
        if isinstance(example, dict) and "valid" in example.get("files", [{}])[0]
    ]
    documented_valid, documented_invalid = validate_example["files"]
    assert documented_valid == {**real_valid, "path": "statement.json"}
    assert set(documented_invalid) == set(real_valid)
    real_diff = json.loads(run("diff", str(source), str(source), "--format", "json")[1])
    assert set(by_key["old"]) == set(real_diff)


def test_a_bug_while_parsing_is_reported_as_a_bug_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unexpected exception in an argument's reader is one line and exit 70, too."""

    def broken(_text: str) -> None:
        raise RuntimeError("unexpected")

    monkeypatch.setattr("pcc_priorities.cli.parsing.read_date", broken)
    monkeypatch.delenv("PCC_PRIORITIES_TRACEBACK", raising=False)
    assert main(["check", "x.json", "--as-of", "2023-10-01"], io.StringIO()) == 70
    err = capsys.readouterr().err
    assert err.startswith("pcc-priorities: error: this is a bug in pcc-priorities (RuntimeError")
    assert len(err.splitlines()) == 1
