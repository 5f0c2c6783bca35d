"""Imports that report and protect, and sheets people make: issue 12, items 2 and 3."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pcc_priorities as p
from pcc_priorities import RemovalRefusedError, Statement, TableError
from pcc_priorities.cli import main
from pcc_priorities.tables import (
    ImportKind,
    detect_delimiter,
    figures_from_csv,
    figures_table,
    figures_to_csv,
    figures_to_ods,
    figures_to_xlsx,
    import_figures,
    import_figures_csv,
    import_figures_ods,
    import_figures_xlsx,
    import_table,
    located_figures,
    replace_figures,
)
from pcc_priorities.testing import statements

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"


@pytest.fixture(scope="module")
def west_mercia() -> Statement:
    return p.load(EXAMPLE)


@pytest.fixture(scope="module")
def table(west_mercia: Statement) -> list[list[str]]:
    return figures_table(west_mercia)


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue()


def _columns(rows: list[list[str]], *titles: str) -> list[list[str]]:
    positions = [rows[0].index(title) for title in titles]
    return [[row[i] for i in positions] for row in rows]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


# --------------------------------------------------------------------------- reporting


def test_an_unchanged_table_keeps_every_figure(
    west_mercia: Statement, table: list[list[str]]
) -> None:
    """Importing a statement's own table changes nothing and reports every figure kept."""
    report = import_table(west_mercia, table)
    assert report.statement == west_mercia
    assert len(report.of_kind(ImportKind.KEPT)) == len(located_figures(west_mercia)) == 69
    assert not report.changes_anything
    assert report.summary() == "0 figures added, 0 changed, 0 removed, 69 kept"


def test_changes_and_additions_are_reported(west_mercia: Statement, table: list[list[str]]) -> None:
    """A changed value is reported with the old and new value; a new row is reported added."""
    header = table[0]
    rows = [list(row) for row in table]
    rows[1][header.index("Value")] = "7"
    added = list(rows[1])
    added[header.index("Figure id")] = "new-figure"
    added[header.index("Figure")] = "99"
    report = import_table(west_mercia, [*rows, added])
    changed = report.of_kind(ImportKind.CHANGED)
    assert [item.differences for item in changed] == [("value: 1 → 7",)]
    assert changed[0].row == 2
    [new] = report.of_kind(ImportKind.ADDED)
    assert (new.figure.id, new.row, new.location.index) == ("new-figure", len(rows) + 1, 5)
    assert report.summary().startswith("1 figure added, 1 changed, 0 removed, 68 kept")


def test_removal_is_refused_unless_allowed(west_mercia: Statement, table: list[list[str]]) -> None:
    """A figure with no row is not removed silently: refused by name, removed when allowed."""
    rows = [table[0], *table[2:]]
    with pytest.raises(RemovalRefusedError, match="homicide-q1-2023-24") as raised:
        import_table(west_mercia, rows, source="figures.csv")
    assert len(raised.value.problems) == 1
    assert "--allow-removal" in str(raised.value)
    report = import_table(west_mercia, rows, allow_removal=True)
    [removed] = report.of_kind(ImportKind.REMOVED)
    assert removed.figure.id == "homicide-q1-2023-24"
    assert len(located_figures(report.statement)) == 68
    assert report.statement.sections[0].figures[0].id == "homicide-first-6-months-2023"


def test_an_empty_table_is_refused(west_mercia: Statement, table: list[list[str]]) -> None:
    """A table of titles only is refused with its own message, and empties when allowed."""
    with pytest.raises(RemovalRefusedError, match=r"the table has no figures.*all 69 figures"):
        import_table(west_mercia, [table[0]])
    report = import_table(west_mercia, [table[0]], allow_removal=True)
    assert len(report.of_kind(ImportKind.REMOVED)) == 69
    assert located_figures(report.statement) == ()


def test_a_changed_id_at_the_same_place_is_a_removal(
    west_mercia: Statement, table: list[list[str]]
) -> None:
    """A row at a figure's place with another id adds a figure: the old one would be removed."""
    rows = [list(row) for row in table]
    rows[1][rows[0].index("Figure id")] = "another-id"
    with pytest.raises(RemovalRefusedError, match="homicide-q1-2023-24"):
        import_table(west_mercia, rows)
    report = import_table(west_mercia, rows, allow_removal=True)
    assert [item.figure.id for item in report.of_kind(ImportKind.ADDED)] == ["another-id"]


def test_rows_without_ids_match_by_place() -> None:
    """Figures with no id are found by part, section, subsection and position."""
    statement = _statement_with(p.Figure(measure="a", value=1), p.Figure(measure="b", value=2))
    rows = figures_table(statement)
    rows[2][rows[0].index("Value")] = "3"
    report = import_table(statement, rows)
    assert [item.kind for item in report.figures] == [ImportKind.KEPT, ImportKind.CHANGED]
    assert report.statement.sections[0].figures[1].value == 3


def test_a_moved_figure_is_reported(west_mercia: Statement, table: list[list[str]]) -> None:
    """A row found by id but given another position is changed: moved, and placed there."""
    rows = [list(row) for row in table]
    header = rows[0]
    rows[1][header.index("Figure")], rows[2][header.index("Figure")] = "2", "1"
    report = import_table(west_mercia, rows)
    moved = report.of_kind(ImportKind.CHANGED)
    assert [item.differences for item in moved] == [
        ("moved from section 1, figure 1",),
        ("moved from section 1, figure 2",),
    ]
    figures = report.statement.sections[0].figures
    assert [figures[0].id, figures[1].id] == [table[2][6], table[1][6]]


# --------------------------------------------------------------------------- sheets people make


def test_semicolon_id_and_value_changes_only_values(
    west_mercia: Statement, table: list[list[str]]
) -> None:
    """A semicolon CSV of Figure id and Value alone imports, and changes only the values."""
    rows = _columns(table, "Figure id", "Value")
    rows[1][1] = "5"
    rows[3][1] = ""
    report = import_figures_csv(west_mercia, _csv(rows, ";"))
    before, after = located_figures(west_mercia), located_figures(report.statement)
    assert [item.location for item in before] == [item.location for item in after]
    for old, new in zip(before, after, strict=True):
        assert attrs.evolve(new.figure, value=old.figure.value) == old.figure
    assert after[0].figure.value == 5
    assert after[2].figure.value is None
    assert [item.row for item in report.of_kind(ImportKind.CHANGED)] == [2, 4]
    absent = report.absent_summary()
    assert absent is not None
    assert "Measure" in absent
    assert "Comparison 1 (all its columns)" in absent


def test_an_absent_column_keeps_an_empty_column_clears(
    west_mercia: Statement, table: list[list[str]]
) -> None:
    """A column left out keeps the statement's values; a column there with an empty cell clears."""
    rows = _columns(table, "Figure id", "Value", "Wording")
    rows[1][2] = ""
    imported = import_table(west_mercia, rows).statement
    assert imported.sections[0].figures[0].wording is None
    assert imported.sections[0].figures[0].source == west_mercia.sections[0].figures[0].source
    assert imported.sections[0].figures[1] == west_mercia.sections[0].figures[1]


def test_a_table_must_say_which_figure_each_row_is(west_mercia: Statement) -> None:
    """Without Figure id or the place columns, and without Value, the header is refused."""
    with pytest.raises(TableError) as raised:
        import_table(west_mercia, [["Measure", "Wording"], ["a", "b"]])
    messages = {(problem.column, problem.message) for problem in raised.value.problems}
    assert (None, "the table needs a 'Figure id' column, or the columns 'Part', 'Section', "
            "'Subsection', 'Figure', to say which figure each row is") in messages  # fmt: skip
    assert ("Value", "this column is missing") in messages


def test_a_new_id_without_place_columns_is_refused(west_mercia: Statement) -> None:
    """A row whose id the statement lacks, in a table without place columns, is refused."""
    rows = [["Figure id", "Value"], ["no-such-figure", "1"]]
    with pytest.raises(TableError, match="the statement has no figure 'no-such-figure'") as raised:
        import_table(west_mercia, rows)
    assert (raised.value.problems[0].row, raised.value.problems[0].column) == (2, "Figure id")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_detected(
    west_mercia: Statement, table: list[list[str]], delimiter: str
) -> None:
    """Comma, semicolon and tab tables are each read alike without naming the delimiter."""
    text = _csv(table, delimiter)
    assert detect_delimiter(text) == delimiter
    assert figures_from_csv(west_mercia, text) == west_mercia


def test_a_named_delimiter_is_used(west_mercia: Statement, table: list[list[str]]) -> None:
    """A named delimiter overrides detection: the wrong one gives an unknown-column error."""
    text = _csv(_columns(table, "Figure id", "Value"), ";")
    with pytest.raises(TableError, match="unknown column"):
        figures_from_csv(west_mercia, text, delimiter=",")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    titles=st.lists(
        st.sampled_from(
            ["Figure id", "Value", "Measure", "Wording", "Source", "Comparison 1: basis"]
        ),
        min_size=1,
        max_size=6,
        unique=True,
    ),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_detection_finds_the_delimiter_of_known_titles(titles: list[str], delimiter: str) -> None:
    """Any set of known titles joined by comma, semicolon or tab is read with that delimiter."""
    if len(titles) == 1:
        titles = [*titles, "Figure"]
    assert detect_delimiter(_csv([titles, ["1;2,3\t4"] * len(titles)], delimiter)) == delimiter


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statement=statements(), data=st.data())
def test_leaving_columns_out_keeps_their_values(statement: Statement, data: st.DataObject) -> None:
    """Any columns left out but those that place a figure and Value keep the statement's values."""
    table = figures_table(statement)
    optional = [
        t for t in table[0] if t not in ("Part", "Section", "Subsection", "Figure", "Value")
    ]
    dropped = set(data.draw(st.lists(st.sampled_from(optional), unique=True), label="dropped"))
    kept = [i for i, title in enumerate(table[0]) if title not in dropped]
    rows = [[row[i] for i in kept] for row in table]
    report = import_table(statement, rows)
    assert report.statement == statement
    assert set(report.absent_columns) <= dropped


# --------------------------------------------------------------------------- templates


def test_a_new_statement_exports_a_template(tmp_path: Path) -> None:
    """export-figures of a fresh new statement writes one row per national metric."""
    statement_path, figures_path = tmp_path / "new.json", tmp_path / "template.csv"
    assert run("new", "--police-force", "West Mercia", str(statement_path), "-q")[0] == 0
    assert run("export-figures", str(statement_path), "-o", str(figures_path), "-q")[0] == 0
    rows = list(csv.reader(io.StringIO(figures_path.read_text(encoding="utf-8-sig"))))
    framework = p.get_framework("ncpm-2021")
    header = rows[0]
    metrics = [row[header.index("Metric")] for row in rows[1:]]
    assert sorted(metrics) == sorted(metric.id for metric in framework.metrics)
    assert len(metrics) == 9
    assert [rows[1][header.index(f"Comparison {n}: basis")] for n in (1, 2)] == [
        "baseline",
        "same period last year",
    ]
    assert all(row[header.index("Measure")] == "" for row in rows[1:])


def test_a_template_left_empty_adds_nothing() -> None:
    """A template imported as it is adds no figure; a filled-in row takes its metric's name."""
    statement = p.new_statement(force="West Mercia")
    rows = figures_table(statement)
    report = import_table(statement, rows)
    assert report.statement == statement
    assert len(report.unfilled_rows) == 9
    rows[1][rows[0].index("Value")] = "4"
    report = import_table(statement, rows)
    [added] = report.of_kind(ImportKind.ADDED)
    metric = statement.sections[0].metrics[0]
    assert (added.figure.measure, added.figure.metric, added.figure.value) == (
        metric.name,
        metric.id,
        4,
    )
    assert [c.basis for c in added.figure.comparisons] == [
        p.ComparisonBasis.BASELINE,
        p.ComparisonBasis.SAME_PERIOD_LAST_YEAR,
    ]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statements())
def test_import_of_own_table_keeps_everything(statement: Statement) -> None:
    """Any statement's own table imports back unchanged, every figure kept, nothing removed."""
    report = import_table(statement, figures_table(statement))
    assert report.statement == statement
    assert {item.kind for item in report.figures} <= {ImportKind.KEPT}
    bare = replace_figures(statement, [])
    assert import_table(bare, figures_table(statement)).statement == statement


# --------------------------------------------------------------------------- files and commands


def test_every_format_reports_alike(west_mercia: Statement, tmp_path: Path) -> None:
    """CSV, XLSX and ODS files give the same report, by suffix or by format."""
    bare = replace_figures(west_mercia, [])
    summaries = {
        import_figures_csv(bare, figures_to_csv(west_mercia)).summary(),
        import_figures_xlsx(bare, figures_to_xlsx(west_mercia)).summary(),
        import_figures_ods(bare, figures_to_ods(west_mercia)).summary(),
    }
    assert summaries == {"69 figures added, 0 changed, 0 removed, 0 kept"}
    path = tmp_path / "figures.xlsx"
    path.write_bytes(figures_to_xlsx(west_mercia))
    report = import_figures(west_mercia, path)
    assert (report.sheet, report.source, report.summary()) == (
        "Figures",
        str(path),
        "0 figures added, 0 changed, 0 removed, 69 kept",
    )


def test_cli_refuses_an_empty_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """import-figures of a header-only table exits 2 with a message and writes nothing."""
    figures, output = tmp_path / "empty.csv", tmp_path / "out.json"
    assert run("export-figures", str(EXAMPLE), "-o", str(figures), "-q")[0] == 0
    figures.write_text(figures.read_text(encoding="utf-8-sig").splitlines()[0] + "\n")
    capsys.readouterr()
    code, _ = run("import-figures", str(EXAMPLE), str(figures), "-o", str(output))
    assert code == 2
    assert "the table has no figures" in capsys.readouterr().err
    assert not output.exists()
    code, _ = run(
        "import-figures", str(EXAMPLE), str(figures), "-o", str(output), "--allow-removal"
    )
    assert code == 0
    assert "0 figures added, 0 changed, 69 removed, 0 kept" in capsys.readouterr().err
    assert located_figures(p.load(output)) == ()


def test_cli_dry_run_writes_nothing(tmp_path: Path) -> None:
    """--dry-run prints the report on standard output and leaves every file as it was."""
    figures, output = tmp_path / "figures.csv", tmp_path / "out.json"
    rows = _columns(figures_table(p.load(EXAMPLE)), "Figure id", "Value")
    rows[1][1] = "2"
    figures.write_text(_csv(rows, ";"), encoding="utf-8")
    before = sorted(tmp_path.iterdir())
    code, out = run("import-figures", str(EXAMPLE), str(figures), "-o", str(output), "--dry-run")
    assert code == 0
    assert out.splitlines()[:2] == [
        "dry run: nothing written",
        "0 figures added, 1 changed, 0 removed, 68 kept",
    ]
    assert (
        "changed: Homicides (homicide-q1-2023-24), section 1, figure 1, row 2: value: 1 → 2" in out
    )
    assert sorted(tmp_path.iterdir()) == before
    assert run("import-figures", str(EXAMPLE), str(figures), "--dry-run")[0] == 0
    assert run("import-figures", str(EXAMPLE), str(figures))[0] == 2


def test_cli_named_delimiter(tmp_path: Path) -> None:
    """--delimiter names the CSV delimiter, and is refused for a workbook."""
    figures, output = tmp_path / "figures.csv", tmp_path / "out.json"
    figures.write_text(_csv(_columns(figures_table(p.load(EXAMPLE)), "Figure id", "Value"), "\t"))
    argv = ["import-figures", str(EXAMPLE), str(figures), "-o", str(output), "-q"]
    assert run(*argv, "--delimiter", "tab")[0] == 0
    assert p.load(output) == p.load(EXAMPLE)
    assert run(*argv, "--delimiter", "comma", "--overwrite")[0] == 2
    xlsx = tmp_path / "figures.xlsx"
    xlsx.write_bytes(figures_to_xlsx(p.load(EXAMPLE)))
    assert run("import-figures", str(EXAMPLE), str(xlsx), "--dry-run", "--delimiter", "tab")[0] == 2


def _statement_with(*figures: p.Figure) -> Statement:
    base = p.new_statement(force="West Mercia")
    section = attrs.evolve(base.sections[0], figures=figures)
    return attrs.evolve(base, sections=(section, *base.sections[1:]))


def test_new_writes_a_template_beside_the_statement(tmp_path: Path) -> None:
    """The new command with --figures writes the statement and an ODS template."""
    statement_path, figures_path = tmp_path / "new.json", tmp_path / "template.ods"
    argv = ["new", "--police-force", "West Mercia", str(statement_path), "-q"]
    assert run(*argv, "--figures", str(figures_path))[0] == 0
    statement = p.load(statement_path)
    report = import_figures(statement, figures_path)
    assert (report.statement, len(report.unfilled_rows)) == (statement, 9)
    assert run("new", "--police-force", "West Mercia", "-", "--figures", "t.csv")[0] == 2
