"""Spreadsheet interchange: figures to CSV and XLSX and back."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pcc_priorities as p
from pcc_priorities import Statement, TableError
from pcc_priorities.periods import parse_period
from pcc_priorities.tables import (
    FigureLocation,
    FigurePart,
    LocatedFigure,
    figures_from_csv,
    figures_from_xlsx,
    figures_table,
    figures_to_csv,
    figures_to_xlsx,
    located_figures,
    read_figures_csv,
    read_figures_xlsx,
    replace_figures,
    write_figures_csv,
    write_figures_xlsx,
)
from pcc_priorities.tables.cell_formats import escape as _xlsx_escape
from pcc_priorities.tables.cell_formats import unescape as _xlsx_unescape
from pcc_priorities.testing import statements

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "west-mercia-2023-09.json"


def _without_figures(statement: Statement) -> Statement:
    return replace_figures(statement, [])


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def west_mercia() -> Statement:
    return p.load(EXAMPLE)


@given(statements())
def test_csv_round_trip(statement: Statement) -> None:
    """Figures exported to CSV import back unchanged, into the statement or into it bare."""
    text = figures_to_csv(statement)
    assert figures_from_csv(statement, text) == statement
    assert figures_from_csv(_without_figures(statement), text) == statement


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(statements())
def test_xlsx_round_trip(statement: Statement) -> None:
    """Exporting every figure to XLSX and importing it back gives the statement unchanged."""
    stripped = _without_figures(statement)
    assert figures_from_xlsx(stripped, figures_to_xlsx(statement)) == statement


def test_worked_example_round_trips_through_files(west_mercia: Statement, tmp_path: Path) -> None:
    """The West Mercia figures survive a CSV file and an XLSX file, each written atomically."""
    write_figures_csv(west_mercia, tmp_path / "figures.csv")
    write_figures_xlsx(west_mercia, tmp_path / "figures.xlsx")
    stripped = _without_figures(west_mercia)
    assert read_figures_csv(stripped, tmp_path / "figures.csv") == west_mercia
    assert read_figures_xlsx(stripped, tmp_path / "figures.xlsx") == west_mercia
    assert sorted(path.name for path in tmp_path.iterdir()) == ["figures.csv", "figures.xlsx"]


def test_rows_say_where_each_figure_lives(west_mercia: Statement) -> None:
    """Each row names its part, section, priority, subsection path and title, and position."""
    rows = figures_table(west_mercia)
    header = rows[0]
    assert header[:8] == [
        "Part", "Section", "Priority", "Subsection", "Subsection title", "Figure",
        "Figure id", "Measure",
    ]  # fmt: skip
    located = located_figures(west_mercia)
    assert len(rows) == len(located) + 1
    nested = next(item for item in located if item.location.blocks)
    row = dict(zip(header, rows[1 + located.index(nested)], strict=True))
    assert row["Part"] == "section"
    assert row["Subsection"] == ".".join(str(n) for n in nested.location.blocks)
    assert row["Subsection title"]
    assert row["Figure"] == str(nested.location.index)


def test_text_that_looks_like_a_formula_is_escaped() -> None:
    """Text starting with = or - or an apostrophe, and empty text, get one leading apostrophe."""
    statement = _statement_with(
        p.Figure(measure="=HYPERLINK(1)", wording="", source="'quoted", id="-1")
    )
    row = dict(zip(*figures_table(statement)[:2], strict=True))
    assert (row["Measure"], row["Wording"], row["Source"], row["Figure id"]) == (
        "'=HYPERLINK(1)",
        "'",
        "''quoted",
        "'-1",
    )
    assert row["Metric"] == ""
    assert figures_from_csv(statement, figures_to_csv(statement)) == statement


def _statement_with(*figures: p.Figure) -> Statement:
    return Statement(
        body=p.PolicingBody(kind="pcc", name="PCC"),
        force=p.PoliceForce(code="E23000016", name="West Mercia Police"),
        framework="ncpm-2021",
        title="Statement",
        sections=(
            p.PrioritySection(
                priority="homicide",
                title="Reduce murder and other homicide",
                metrics=(p.MetricReference(id="homicides", name="Homicides", data_source="PRC"),),
                figures=figures,
                blocks=(p.Paragraph(text="x"), p.Subsection(title="Reflections")),
            ),
        ),
    )


def _edit(statement: Statement, change: Callable[[dict[str, str]], None]) -> str:
    rows = figures_table(statement)
    header = rows[0]
    record = dict(zip(header, rows[1], strict=True))
    change(record)
    return _csv([header, [record.get(title, "") for title in header]])


@pytest.fixture
def simple() -> Statement:
    comparison = p.Comparison(
        basis=p.ComparisonBasis.SAME_PERIOD_LAST_YEAR,
        value=Decimal(178),
        change=p.Change(count=Decimal(-30)),
    )
    return _statement_with(
        p.Figure(
            measure="Theft from the person",
            metric="homicides",
            value=Decimal(148),
            comparisons=(comparison,),
        )
    )


@pytest.mark.parametrize(
    ("column", "cell", "message", "reported"),
    [
        ("Value", "lots", "expected a number such as 1,209", "Value"),
        ("Unit", "furlongs", "expected one of: count, percent, money, rate, rank", "Unit"),
        ("Period start", "31/02/2023", "not a date: February 2023 has no day 31", "Period start"),
        ("Period end", "2023-04-01", "a period needs both its start and end", "Period start"),
        ("Section", "2", "there is no section 2", "Section"),
        ("Subsection", "1", "block 1 is a paragraph, not a subsection", "Subsection"),
        ("Subsection", "9", "there is no block 9", "Subsection"),
        (
            "Priority",
            "serious-violence",
            "is not the section's priority in the statement",
            "Priority",
        ),
        ("Metric", "burglary", "the statement has no metric 'burglary'", "Metric"),
        ("Data source", "NHS", "is not the metric's data source", "Data source"),
        ("Measure", "", "this cell must not be empty", "Measure"),
        (
            "Part",
            "appendix",
            "expected one of: preamble, introduction, contribution, section",
            "Part",
        ),
        ("Comparison 1: basis", "", "a comparison needs its basis", "Comparison 1: basis"),
        ("Period", "Q5 2023", "quarter 5 does not exist", "Period"),
        ("Upper value", "100", "an upper value needs a value not greater than it", "Upper value"),
        ("Rank out of", "43", "a rank needs its order", "Rank order"),
        ("Area name", "Telford", "an area needs both its kind and its name", "Area kind"),
        ("Rate per", "1" * 5000, "expected a whole number such as 1,209", "Rate per"),
        ("Rate per", "\u0663", "expected a whole number such as 1,209", "Rate per"),
        ("Value", "\u0661\u0662", "expected a number such as 1,209", "Value"),
        ("Value", "1E+200", "decimal exponent is -100 to 100", "Value"),
        (
            "Period start",
            "\u0660\u0665/08/2023",
            "expected a date such as 15/02/2027",
            "Period start",
        ),
    ],
)
def test_cell_errors_name_row_and_column(
    simple: Statement, column: str, cell: str, message: str, reported: str
) -> None:
    """A cell that cannot be read, or disagrees with the statement, is named by row and column."""
    text = _edit(simple, lambda record: record.__setitem__(column, cell))
    with pytest.raises(TableError, match=message) as raised:
        figures_from_csv(simple, text, source="figures.csv")
    problem = next(p for p in raised.value.problems if message in p.message)
    assert (problem.row, problem.column) == (2, reported)
    assert str(raised.value).startswith("figures.csv: cannot read the table")


def test_a_period_can_be_given_by_its_label(simple: Statement) -> None:
    """A row with a period label and no dates reads the label as a period."""

    def change(record: dict[str, str]) -> None:
        record["Period"] = "Q1 23/24"

    imported = figures_from_csv(simple, _edit(simple, change))
    period = imported.sections[0].figures[0].period
    assert period == parse_period("Q1 23/24")


def test_change_direction_not_stated_is_kept(simple: Statement) -> None:
    """A stated change with no direction word exports as 'not stated' and reads back so."""
    row = dict(zip(*figures_table(simple)[:2], strict=True))
    assert row["Comparison 1: change direction"] == "not stated"
    assert row["Comparison 1: change count"] == "-30"
    assert figures_from_csv(simple, figures_to_csv(simple)) == simple


def test_human_values_are_read(simple: Statement) -> None:
    """Enum cells accept any case, spaces or underscores; numbers accept thousands and %."""

    def change(record: dict[str, str]) -> None:
        record["Unit"] = "Count"
        record["Value"] = "1,209"
        record["Comparison 1: basis"] = "Same_Period-last year"
        record["Comparison 1: change percent"] = "-6%"
        record["Period start"] = "01/04/2023"
        record["Period end"] = "2023-06-30"

    figure = figures_from_csv(simple, _edit(simple, change)).sections[0].figures[0]
    assert (figure.unit, figure.value) == (p.Unit.COUNT, 1209)
    assert figure.comparisons[0].change == p.Change(count=Decimal(-30), percent=Decimal(-6))
    assert figure.period is not None
    assert figure.period.start.isoformat() == "2023-04-01"


def test_header_problems_are_listed(simple: Statement) -> None:
    """Unknown and repeated columns are all reported on row 1."""
    rows = figures_table(simple)
    header = [*rows[0][1:], "Notes", "Comparison 2: colour", "Value"]
    with pytest.raises(TableError) as raised:
        figures_from_csv(simple, _csv([header]))
    found = {(problem.column, problem.message.split(";")[0]) for problem in raised.value.problems}
    assert ("Notes", "unknown column") in found
    assert ("Comparison 2: colour", "unknown comparison column") in found
    assert ("Value", "this title is used twice") in found
    assert not any(message == "this column is missing" for _, message in found)


def test_two_rows_for_one_figure_are_refused(simple: Statement) -> None:
    """Two rows for the same position in the same place are refused, naming both rows."""
    rows = figures_table(simple)
    with pytest.raises(TableError, match=r"figure 1 of this place is given twice \(also row 2\)"):
        figures_from_csv(simple, _csv([rows[0], rows[1], rows[1]]))


def test_figure_ids_stay_unique(simple: Statement) -> None:
    """Two figures with one id are refused."""
    rows = figures_table(simple)
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True), **{"Figure id": "f1"})
    second = dict(first, Figure="2")
    text = _csv([header, [first[t] for t in header], [second[t] for t in header]])
    with pytest.raises(TableError, match="figure id 'f1' is also in row 2"):
        figures_from_csv(simple, text)


def test_rows_go_to_subsections_in_figure_order(simple: Statement) -> None:
    """Rows fill their places in Figure order, whatever the row order."""
    figures = [
        LocatedFigure(
            location=FigureLocation(part=FigurePart.SECTION, section=1, blocks=(2,), index=n),
            figure=p.Figure(measure=f"m{n}"),
        )
        for n in (3, 1)
    ]
    result = replace_figures(simple, figures)
    subsection = result.sections[0].blocks[1]
    assert isinstance(subsection, p.Subsection)
    assert [f.measure for f in subsection.figures] == ["m1", "m3"]
    assert result.sections[0].figures == ()
    assert attrs.evolve(result, sections=simple.sections) == simple


def test_preamble_figures_need_a_subsection(simple: Statement) -> None:
    """A figure placed straight in the preamble is refused: the preamble holds blocks."""
    bad = LocatedFigure(
        location=FigureLocation(part=FigurePart.PREAMBLE, section=None, blocks=(), index=1),
        figure=p.Figure(measure="m"),
    )
    with pytest.raises(TableError, match="figures in the preamble are in subsections"):
        replace_figures(simple, [bad])


def test_bad_files_are_refused(tmp_path: Path, simple: Statement) -> None:
    """A CSV that is not UTF-8 and a file that is not a workbook raise TableError."""
    path = tmp_path / "figures.csv"
    path.write_bytes(b"Part\xff\n")
    with pytest.raises(TableError, match="not UTF-8"):
        read_figures_csv(simple, path)
    with pytest.raises(TableError, match="not an XLSX workbook"):
        figures_from_xlsx(simple, b"not a zip")


def test_xlsx_keeps_characters_a_worksheet_cannot_hold() -> None:
    """Control characters, carriage returns and literal _x0041_ escapes survive XLSX."""
    statement = _statement_with(p.Figure(measure="a\x00b\rc_x0041_d\x0b"))
    assert figures_from_xlsx(statement, figures_to_xlsx(statement)) == statement


def test_negative_whole_numbers_round_trip() -> None:
    """A negative whole number the model holds (Rank out_of=-3) is exported and read back."""
    rank = p.Rank(order=p.RankOrder.HIGHEST, out_of=-3)
    statement = _statement_with(p.Figure(measure="m", rank=rank))
    assert figures_from_csv(statement, figures_to_csv(statement)) == statement
    assert figures_from_xlsx(statement, figures_to_xlsx(statement)) == statement


def test_back_to_back_escape_sequences_survive_xlsx() -> None:
    """Text made of escape sequences one after another, "_x005F_x0041_", survives XLSX."""
    statement = _statement_with(p.Figure(measure="_x005F_x0041_", wording="_x0041_x0042__x"))
    back = figures_from_xlsx(statement, figures_to_xlsx(statement))
    assert back.sections[0].figures[0].measure == "_x005F_x0041_"
    assert back == statement


@given(st.text(alphabet="_x0F5A4\x00\x0b", max_size=40))
def test_xlsx_unescape_reverses_escape(text: str) -> None:
    """Unescaping the escaped text of any mix of underscores and hex digits gives it back."""
    assert _xlsx_unescape(_xlsx_escape(text)) == text


def test_xlsx_refuses_text_longer_than_a_cell() -> None:
    """Text over 32,767 characters once escaped is a TableError by row and column, not cut."""
    statement = _statement_with(p.Figure(measure="m"), p.Figure(measure="x" * 32_768))
    with pytest.raises(TableError, match="at most 32,767 characters") as raised:
        figures_to_xlsx(statement)
    assert [(x.row, x.column) for x in raised.value.problems] == [(3, "Measure")]
    fits = _statement_with(p.Figure(measure="x" * 32_767))
    assert figures_from_xlsx(fits, figures_to_xlsx(fits)) == fits
