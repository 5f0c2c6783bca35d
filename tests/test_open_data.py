"""Reading the national open data tables, the measures as data, and the figures they give."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pcc_priorities.exceptions import (
    MissingCountError,
    MissingExtraError,
    PeriodError,
    ReferenceDataError,
    SeriesError,
    TableError,
)
from pcc_priorities.figures import (
    check_change,
    crime_count,
    crime_figure,
    force_figures,
    quarters_of,
    read_crime_table,
    standard_periods,
)
from pcc_priorities.figures.crime_table import crime_table_from_sheets
from pcc_priorities.figures.sheets import Sheet
from pcc_priorities.model import ComparisonBasis
from pcc_priorities.periods import ReportingPeriod, parse_period
from pcc_priorities.reference import crime_measures, get_framework, home_office_layout
from pcc_priorities.reference.measure_sets import load_crime_measures

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmarks.open_data_workbook import HEADER, csv_text

from open_data_helpers import CITY, DEVON, WEST_MERCIA, all_rows, write_table

Q2 = parse_period("Q2 2024/25")


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory):
    """The generated table, read from its ODS copy."""
    return read_crime_table(write_table(tmp_path_factory.mktemp("table"), "ods"))


def _csv_table(rows: list[list[object]], name: str = "table.csv"):
    return crime_table_from_sheets([Sheet(name, [[str(c) for c in row] for row in rows])])


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize("kind", ["ods", "xlsx", "csv"])
def test_ods_xlsx_and_csv_copies_read_to_the_same_counts(tmp_path: Path, kind: str) -> None:
    """The same table as ODS, XLSX or CSV gives the same rows, forces and hand-worked counts."""
    table = read_crime_table(write_table(tmp_path, kind))
    assert table.rows == 1112
    assert [force.code for force in table.forces()] == ["E23000016", "E23000034", "E23000035"]
    assert crime_count(table, WEST_MERCIA, "neighbourhood-crime", Q2) == Decimal(205)


def test_home_office_spellings_are_matched_to_the_register(table) -> None:
    """'London, City of' and 'Devon and Cornwall' are found as the forces with those codes."""
    assert table.force(CITY).code == "E23000034"
    assert table.force("City of London Police").code == "E23000034"
    assert table.force(DEVON).code == "E23000035"


@pytest.mark.parametrize(
    ("name", "code"),
    [("London, City of", "E23000034"), ("Devon and Cornwall", "E23000035"),
     ("Metropolitan Police", "E23000001"), ("Avon and Somerset", "E23000036"),
     ("Dyfed-Powys", "W15000004"), ("Hampshire", "E23000030"),
     ("Hampshire and Isle of Wight", "E23000030")],
)  # fmt: skip
def test_every_home_office_spelling_seen_in_public_code_is_found(name: str, code: str) -> None:
    """Force names as the published tables spell them are found in the register."""
    rows = [list(HEADER), ["2024/25", "2", name, "X", "G", "Homicide", "1", "2"]]
    assert [force.code for force in _csv_table(rows).forces()] == [code]


def test_bodies_that_are_not_police_force_areas_are_kept_apart(table) -> None:
    """Action Fraud and British Transport Police rows are counted apart, never for a force."""
    others = {body.name: (body.rows, body.known) for body in table.other_bodies}
    assert others == {"Action Fraud": (34, True), "British Transport Police": (272, True)}
    entries = table.other_entries("Action Fraud", date(2024, 7, 1))
    assert entries is not None
    assert sum(entries.values()) == 20002


def test_a_name_the_register_does_not_know_is_kept_apart_and_flagged() -> None:
    """A force name that matches no force is kept apart, marked unknown, not dropped."""
    rows = [list(HEADER), ["2024/25", "1", "Westshire", "X", "G", "Homicide", "1", "2"]]
    table = _csv_table([*rows, ["2024/25", "1", "Kent", "X", "G", "Homicide", "1", "3"]])
    assert [(b.name, b.rows, b.known) for b in table.other_bodies] == [("Westshire", 1, False)]


def test_columns_in_any_order_and_case_with_extra_columns_are_read() -> None:
    """Column order, the titles' case and extra columns do not matter."""
    rows = [["note", "number of offences", "FORCE NAME", "offence subgroup", "Financial Quarter",
             "financial year"],
            ["x", "4", "Kent", "Homicide", "Q2", "2024-25"]]  # fmt: skip
    table = _csv_table(rows)
    assert crime_count(table, "Kent", "homicides", Q2) == 4


def test_sheets_that_are_not_data_are_skipped_and_listed(table) -> None:
    """A cover sheet is listed as skipped, with the reason."""
    assert [sheet.name for sheet in table.skipped_sheets] == ["Cover_sheet"]


def test_a_missing_required_column_names_sheet_row_and_column() -> None:
    """A data sheet without 'Number of Offences' is refused naming the sheet, row and column."""
    rows = [["Title"], list(HEADER[:-1]), ["2024/25", 1, "Kent", "X", "G", "Homicide", "1"]]
    with pytest.raises(TableError) as caught:
        crime_table_from_sheets([Sheet("2024_25", rows)])
    problem = caught.value.problems[0]
    assert (problem.sheet, problem.row) == ("2024_25", 2)
    assert "'Number of Offences'" in problem.message
    assert "sheet '2024_25', row 2" in str(caught.value)


@pytest.mark.parametrize(
    ("cell", "words"),
    [("1.5", "whole number"), ("many", "expected a number"), ("", "cannot be left empty")],
)
def test_a_count_that_cannot_be_read_names_its_cell(cell: str, words: str) -> None:
    """A count cell that is not a whole number is refused with its row and column."""
    rows = [list(HEADER), ["2024/25", "1", "Kent", "X", "G", "Homicide", "1", cell]]
    with pytest.raises(TableError) as caught:
        _csv_table(rows, "t")
    problem = caught.value.problems[0]
    assert (problem.row, problem.column) == (2, "Number of Offences")
    assert words in problem.message


def test_a_count_given_twice_is_an_error_not_a_sum() -> None:
    """The same force, quarter and offence twice is refused, naming where the first is."""
    row = ["2024/25", "1", "Kent", "X", "G", "Homicide", "1", "2"]
    with pytest.raises(TableError, match="also in sheet 't', row 2"):
        _csv_table([list(HEADER), row, row], "t")


def test_negative_counts_are_kept_as_published() -> None:
    """Published counts can be negative (adjustments); they are kept, not refused."""
    rows = [list(HEADER), ["2024/25", "2", "Kent", "X", "G", "Homicide", "1", "-2"],
            ["2024/25", "2", "Kent", "Y", "G", "Homicide", "4.1", "3"]]  # fmt: skip
    assert crime_count(_csv_table(rows), "Kent", "homicides", Q2) == 1


def test_the_publication_date_comes_from_the_file_name(table) -> None:
    """'...-230426.ods' was published on 23 April 2026, and the figures say so."""
    assert table.published == date(2026, 4, 23)
    figure = crime_figure(table, WEST_MERCIA, "homicides", Q2)
    assert figure.source == (
        "Home Office, police recorded crime open data tables, published 23 April 2026"
    )


def test_an_unknown_extension_and_the_missing_extra_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A .txt table is refused; without python-calamine an ODS names the extra to install."""
    with pytest.raises(TableError, match="extension"):
        read_crime_table(tmp_path / "table.txt")
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'pcc-priorities\[opendata\]'"):
        read_crime_table(tmp_path / "table.ods")


# --------------------------------------------------------------------------- measures


def test_every_framework_metric_is_measured_or_says_why_not() -> None:
    """Each national metric is made of recorded offences or listed with the reason it is not."""
    measures = crime_measures()
    measured = {m.metric for m in measures.measures}
    unmeasured = {m.metric: m.reason for m in measures.not_measured}
    metrics = {metric.id for metric in get_framework("ncpm-2021").metrics}
    assert measured | set(unmeasured) == metrics
    assert not measured & set(unmeasured)
    assert all(reason for reason in unmeasured.values())
    assert measures.baseline_period() == ReportingPeriod.rolling(2019, 6).__class__(
        start=date(2018, 7, 1), end=date(2019, 6, 30), label="year ending June 2019",
        kind=ReportingPeriod.rolling(2019, 6).kind,
    )  # fmt: skip


def test_each_mapping_has_its_source_and_classification_dates() -> None:
    """Every classification names its source; burglary changes on 1 April 2017."""
    measures = crime_measures()
    for measure in measures.measures:
        for part in measure.parts:
            assert all(c.source for c in part.classifications)
    burglary = measures.measure("residential-burglary").parts[0]
    assert [c.applies_until for c in burglary.classifications] == [date(2017, 3, 31), None]
    assert burglary.classifications[1].applies_from == date(2017, 4, 1)
    assert "unconfirmed" in (home_office_layout().note or "")


def test_a_malformed_set_of_measures_is_refused(tmp_path: Path) -> None:
    """A measure naming an unknown metric is refused with the file's name."""
    path = tmp_path / "measures.json"
    path.write_text(
        '{"id": "x", "framework": "ncpm-2021", "title": "x", "version": "1", "measures": '
        '[{"id": "a", "title": "A", "metric": "nope", "parts": [{"title": "A", '
        '"classifications": [{"offence_codes": ["1"]}]}]}]}',
        encoding="utf-8",
    )
    with pytest.raises(ReferenceDataError, match="unknown metric 'nope'"):
        load_crime_measures(path)


# --------------------------------------------------------------------------- figures


def test_figures_and_comparisons_match_hand_worked_values(table) -> None:
    """Homicides, 12 months to September 2024: 6, against 4 a year before and 4 at baseline."""
    baseline = parse_period("year ending June 2019")
    figure = crime_figure(
        table, WEST_MERCIA, "homicides", parse_period("12 months to September 2024"),
        baseline=baseline,
    )  # fmt: skip
    assert figure.value == 6
    assert figure.metric == "homicides"
    year_earlier, base = figure.comparisons
    assert year_earlier.basis is ComparisonBasis.SAME_PERIOD_LAST_YEAR
    assert year_earlier.period is not None
    assert year_earlier.period.canonical_label() == "12 months to September 2023"
    assert (year_earlier.value, base.value) == (4, 4)
    assert base.change is not None
    assert (base.change.count, base.change.percent) == (2, 50)
    assert all(check_change(figure.value, c).agrees for c in figure.comparisons)


def test_neighbourhood_crime_adds_its_four_offences(table) -> None:
    """Q2 2024/25: 90 + 10 + 20 + 30 + 40 + 15 = 205 against 215, a 5% fall."""
    figure = crime_figure(table, WEST_MERCIA, "neighbourhood-crime", Q2)
    (comparison,) = figure.comparisons
    assert (figure.value, comparison.value) == (205, 215)
    assert comparison.change is not None
    assert (comparison.change.count, comparison.change.percent) == (-10, -5)


def test_a_missing_quarter_names_force_offence_and_quarter(table) -> None:
    """Devon and Cornwall has no rows for Q1 2024/25: an error, never a zero."""
    with pytest.raises(MissingCountError) as caught:
        crime_figure(table, DEVON, "homicides", parse_period("Q1 2024/25"))
    error = caught.value
    assert (error.force, error.quarter) == ("Devon and Cornwall", "Q1 2024/25")
    assert "Homicide" in error.offence
    with pytest.raises(MissingCountError, match=r"Vehicle offences.*Q2 2024/25"):
        crime_figure(table, CITY, "neighbourhood-crime", Q2)
    with pytest.raises(MissingCountError, match="Q1 2024/25"):
        crime_figure(table, DEVON, "homicides", parse_period("12 months to June 2024"))


def test_a_classification_change_counts_each_side_and_is_noted(table) -> None:
    """2016/17 burglary is domestic burglary (4 x 85); 2017/18 residential (4 x 110); noted."""
    result = force_figures(
        table, WEST_MERCIA, periods=[parse_period("2017/18")], only=["residential-burglary"]
    )
    (figure,) = result.figures
    assert figure.value == 440
    assert figure.comparisons[0].value == 340
    assert any("classification differs" in note for note in result.notes)


def test_periods_must_be_whole_quarters_and_baselines_as_long() -> None:
    """A month is not whole quarters; a 12-month baseline is not compared with a quarter."""
    with pytest.raises(PeriodError, match="whole financial quarters"):
        quarters_of(parse_period("June 2024"))
    assert len(quarters_of(parse_period("year to date to September 2024"))) == 2
    table = _csv_table([list(HEADER), *[r for r in all_rows()[1:] if r[2] == WEST_MERCIA]])
    with pytest.raises(SeriesError, match="not as long"):
        crime_figure(
            table, WEST_MERCIA, "homicides", Q2, baseline=parse_period("year ending June 2019")
        )


def test_standard_periods_are_the_four_statements_quote() -> None:
    """Up to Q2 2024/25: the quarter, 2023/24, the year to date and the rolling 12 months."""
    labels = [p.canonical_label() for p in standard_periods(Q2)]
    assert labels == [
        "Q2 2024/25",
        "2023/24",
        "year to date to September 2024",
        "12 months to September 2024",
    ]


def test_force_figures_give_every_measure_with_the_national_baseline(table) -> None:
    """Six measures by four periods; 12-month figures carry the year ending June 2019."""
    result = force_figures(table, WEST_MERCIA)
    assert len(result.figures) == 24
    rolling = [f for f in result.figures if f.period == ReportingPeriod.rolling(2024, 9)]
    assert all(len(f.comparisons) == 2 for f in rolling)
    assert {metric for metric, _ in result.not_measured} >= {"victim-satisfaction"}


_COUNTS = st.lists(st.integers(min_value=-5, max_value=10_000), min_size=8, max_size=8)


@given(_COUNTS)
def test_any_counts_written_as_csv_sum_back_exactly(counts: list[int]) -> None:
    """Counts written to a CSV table are read back and added up exactly, quarter by quarter."""
    rows = [list(HEADER)]
    for index, count in enumerate(counts):
        year, quarter = 2023 + index // 4, index % 4 + 1
        rows.append([f"{year}/{(year + 1) % 100:02}", quarter, "Kent", "X", "G", "Homicide",
                     "1", count])  # fmt: skip
    table = _csv_table([[str(cell) for cell in row] for row in rows])
    figure = crime_figure(table, "Kent", "homicides", parse_period("2024/25"))
    assert figure.value == sum(counts[4:])
    assert figure.comparisons[0].value == sum(counts[:4])
    assert check_change(figure.value, figure.comparisons[0]).agrees is not False
    assert csv_text(rows).count("\r\n") == 9


@given(
    st.integers(min_value=2000, max_value=2098),
    st.integers(min_value=1, max_value=4),
    st.sampled_from(["{y}/{n:02}", "{y}-{n:02}", " {y}/{n:02} "]),
    st.sampled_from(["int", "float", "text", "Q"]),
)
def test_financial_year_and_quarter_cells_are_read_in_their_written_forms(
    year: int, quarter: int, year_form: str, quarter_form: str
) -> None:
    """A year written 2024/25 or 2024-25 with quarter 2, 2.0, "2" or "Q2" is the quarter named."""
    from pcc_priorities.figures.crime_table import _Reader  # noqa: PLC0415

    written_year = year_form.format(y=year, n=(year + 1) % 100)
    written_quarter: object = {
        "int": quarter, "float": float(quarter), "text": str(quarter), "Q": f"Q{quarter}"
    }[quarter_form]  # fmt: skip
    found = _Reader._read_quarter(written_year, written_quarter)
    assert found == ReportingPeriod.financial_quarter(year, quarter).start
    assert isinstance(_Reader._read_quarter(written_year, quarter + 4), str)
