"""`render` with what a page carries besides the statement: history, figure files, logo, CSS."""

from __future__ import annotations

import io
import shutil
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import pcc_priorities as p
from pcc_priorities.cli import EXIT_INVALID, EXIT_OK, main
from pcc_priorities.tables import figures_to_csv, figures_to_ods

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    copy = tmp_path / "statement.json"
    shutil.copyfile(EXAMPLE, copy)
    return copy


def _earlier(source: Path, tmp_path: Path) -> Path:
    """An earlier edition of the example, with one figure different."""
    statement = p.load(source)
    section = statement.sections[1]
    figures = list(section.figures)
    figures[3] = attrs.evolve(figures[3], value=Decimal(1100))
    old = attrs.evolve(
        statement,
        edition="Update August 2023",
        published=p.PartialDate(year=2023, month=8, day=15),
        sections=(
            statement.sections[0],
            attrs.evolve(section, figures=tuple(figures)),
            *statement.sections[2:],
        ),
    )
    path = tmp_path / "old.json"
    p.dump(old, path)
    return path


def test_history_lists_the_editions_with_what_diff_found(source: Path, tmp_path: Path) -> None:
    """--history OLD lists OLD and this edition, with the figure that changed between them."""
    output = tmp_path / "page.html"
    code, _ = run(
        "render", str(source), "-o", str(output), "--history", str(_earlier(source, tmp_path))
    )
    assert code == EXIT_OK
    page = output.read_text("utf-8")
    assert "<li>Update August 2023 (published 15 August 2023): No changes recorded.</li>" in page
    assert (
        "Published September 2023 (published September 2023): Reduce serious violence: figure "
        '"Offences involving a knife": value 1100 → 1209.' in page
    )
    assert "edition:" not in page  # the edition's own label and dates are not listed as changes


def test_figure_files_are_written_beside_the_page_and_linked(source: Path, tmp_path: Path) -> None:
    """--figures-files writes CSV and ODS beside the page, exactly the library's, and links them."""
    output = tmp_path / "page.html"
    code, _ = run("render", str(source), "-o", str(output), "--figures-files")
    assert code == EXIT_OK
    statement = p.load(source)
    assert (tmp_path / "page.figures.csv").read_bytes() == figures_to_csv(statement).encode()
    assert (tmp_path / "page.figures.ods").read_bytes() == figures_to_ods(statement)
    page = output.read_text("utf-8")
    assert '<a href="page.figures.csv">' in page
    assert '<a href="page.figures.ods">' in page


def test_nothing_is_written_when_a_figure_file_exists(source: Path, tmp_path: Path) -> None:
    """An existing figure file is refused before anything is written, unless --overwrite."""
    output = tmp_path / "page.html"
    (tmp_path / "page.figures.ods").write_bytes(b"old")
    code, _ = run("render", str(source), "-o", str(output), "--figures-files")
    assert code != EXIT_OK
    assert not output.exists()
    assert not (tmp_path / "page.figures.csv").exists()
    code, _ = run("render", str(source), "-o", str(output), "--figures-files", "--overwrite")
    assert code == EXIT_OK
    assert (tmp_path / "page.figures.ods").read_bytes() != b"old"


def test_logo_and_style_sheet_go_into_the_page(source: Path, tmp_path: Path) -> None:
    """--logo embeds the checked image; --stylesheet adds the body's CSS after the page's."""
    logo, css, output = tmp_path / "logo.png", tmp_path / "body.css", tmp_path / "page.html"
    logo.write_bytes(PNG)
    css.write_text(".pcc-statement h1 { color: #7a003c; }\n", "utf-8")
    code, _ = run(
        "render",
        str(source),
        "-o",
        str(output),
        "--logo",
        str(logo),
        "--logo-text",
        "West Mercia PCC",
        "--stylesheet",
        str(css),
    )
    assert code == EXIT_OK
    page = output.read_text("utf-8")
    assert 'alt="West Mercia PCC"' in page
    assert "data:image/png;base64," in page
    assert "#7a003c" in page


def test_an_svg_logo_is_refused_with_a_reason(source: Path, tmp_path: Path) -> None:
    """An SVG logo, whatever its name, is refused and nothing is written."""
    logo, output = tmp_path / "logo.png", tmp_path / "page.html"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', "utf-8")
    err = io.StringIO()
    import contextlib  # noqa: PLC0415

    with contextlib.redirect_stderr(err):
        code, _ = run("render", str(source), "-o", str(output), "--logo", str(logo))
    assert code == EXIT_INVALID
    assert "SVG" in err.getvalue()
    assert not output.exists()


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--format", "md", "--logo", "x.png"], "--logo is for HTML only"),
        (["--fragment", "--stylesheet", "x.css"], "--stylesheet is for a whole page"),
        (["--figures-files"], "give the page with -o"),
        (["--logo-text", "x"], "--logo-text goes with --logo"),
    ],
)
def test_options_that_do_not_fit_are_refused(
    source: Path, extra: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Options that do not go with the format or the output are refused with a reason."""
    code, _ = run("render", str(source), *extra)
    assert code != EXIT_OK
    assert words in capsys.readouterr().err
