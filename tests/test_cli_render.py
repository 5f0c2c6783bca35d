"""The render and diff commands: output files, refusals and exit codes."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import attrs
import pytest

import pcc_priorities as p
from pcc_priorities.cli import EXIT_FINDINGS, EXIT_INVALID, EXIT_OK, main
from pcc_priorities.publish import render_html, render_markdown

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    copy = tmp_path / "statement.json"
    shutil.copyfile(EXAMPLE, copy)
    return copy


def test_render_html_to_a_file(source: Path, tmp_path: Path) -> None:
    """Render -o writes the HTML page, the same as the library gives."""
    output = tmp_path / "statement.html"
    code, printed = run("render", str(source), "-o", str(output))
    assert code == EXIT_OK
    assert printed == ""
    assert output.read_text("utf-8") == render_html(p.load(source))


def test_render_markdown_and_fragment_to_standard_output(source: Path) -> None:
    """Without -o the result is printed; --format md gives Markdown, --fragment an article."""
    code, printed = run("render", str(source), "--format", "md")
    assert code == EXIT_OK
    assert printed == render_markdown(p.load(source))
    code, printed = run("render", str(source), "--fragment")
    assert printed.startswith('<article class="pcc-statement"')


def test_render_refuses_an_existing_output_unless_forced(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An existing output is kept (exit 2) unless --overwrite is given."""
    output = tmp_path / "statement.md"
    output.write_text("keep me", "utf-8")
    code, _ = run("render", str(source), "--format", "md", "-o", str(output))
    assert code == EXIT_INVALID
    assert output.read_text("utf-8") == "keep me"
    assert "already exists" in capsys.readouterr().err
    code, _ = run("render", str(source), "--format", "md", "-o", str(output), "--overwrite")
    assert code == EXIT_OK
    assert output.read_text("utf-8").startswith("# Police and Crime Commissioner Statement")


@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_render_never_overwrites_the_input(
    source: Path, tmp_path: Path, link: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even with --overwrite, an output that is the input through a link is refused."""
    before = source.read_bytes()
    output = tmp_path / "statement.html"
    if link == "symbolic":
        output.symlink_to(source)
    else:
        output.hardlink_to(source)
    code, _ = run("render", str(source), "-o", str(output), "--overwrite")
    assert code == EXIT_INVALID
    assert source.read_bytes() == before
    assert capsys.readouterr().err == (
        f"pcc-priorities render: error: {output} is the same file as the input {source}; "
        "write the output to another file\n"
    )


def test_render_of_an_invalid_document_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An invalid document gives exit 2 and the problems, and writes nothing."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0"}', "utf-8")
    output = tmp_path / "bad.html"
    code, _ = run("render", str(bad), "-o", str(output))
    assert code == EXIT_INVALID
    assert not output.exists()
    assert "not a valid statement document" in capsys.readouterr().err


def test_diff_exit_codes_and_formats(source: Path, tmp_path: Path) -> None:
    """Diff exits 0 for equal editions, 1 for different ones, and writes text or JSON."""
    code, printed = run("diff", str(source), str(source))
    assert code == EXIT_OK
    assert "No differences." in printed
    statement = p.load(source)
    newer = tmp_path / "newer.json"
    p.dump(attrs.evolve(statement, edition="Update December 2023"), newer)
    code, printed = run("diff", str(source), str(newer))
    assert code == EXIT_FINDINGS
    assert '~ Statement: edition: "Published September 2023" → "Update December 2023"' in printed
    code, printed = run("diff", str(source), str(newer), "--format", "json")
    assert code == EXIT_FINDINGS
    assert json.loads(printed)["differences"][0]["new_path"] == "/edition"


def test_commands_have_help(capsys: pytest.CaptureFixture[str]) -> None:
    """Render and diff explain themselves with --help."""
    for command in ("render", "diff"):
        assert main([command, "--help"]) == 0
        assert "usage: pcc-priorities " + command in capsys.readouterr().out


def test_render_dash_writes_to_standard_output_and_md_is_inferred(tmp_path: Path) -> None:
    """-o - prints the page; an output ending in .md gets Markdown without --format."""
    out = io.StringIO()
    assert main(["render", str(EXAMPLE), "-o", "-"], out=out) == 0
    assert out.getvalue().startswith("<!DOCTYPE html>")
    assert not (Path.cwd() / "-").exists()
    target = tmp_path / "statement.md"
    assert main(["render", str(EXAMPLE), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# ")
