"""Dates and numbers as people write them: one reader, the same answer everywhere."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pcc_priorities as p
from pcc_priorities.cli import main
from pcc_priorities.exceptions import PeriodError, TableError, WrittenValueError
from pcc_priorities.figures import monthly_series_from_csv
from pcc_priorities.periods import (
    PartialDate,
    PeriodKind,
    parse_period,
    read_date,
    read_number,
    read_partial_date,
    read_whole_number,
)
from pcc_priorities.tables import figures_from_csv, figures_to_csv

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "west-mercia-2023-09.json"

#: Dates as people write them, with the day each one is.
DATES = [
    ("2027-02-15", date(2027, 2, 15)),
    ("15/02/2027", date(2027, 2, 15)),
    ("15/2/27", date(2027, 2, 15)),
    ("15.02.2027", date(2027, 2, 15)),
    ("05/08/2023", date(2023, 8, 5)),
    ("15 February 2027", date(2027, 2, 15)),
    ("15th February 2027", date(2027, 2, 15)),
    ("15th of Feb 2027", date(2027, 2, 15)),
    ("Monday 15 February 2027", date(2027, 2, 15)),
    ("February 15, 2027", date(2027, 2, 15)),
    ("1 Sept 2023", date(2023, 9, 1)),
    ("29 February 2024", date(2024, 2, 29)),
]

#: Text written like a date that is not one, with the words every reader refuses it with.
NOT_DATES = [
    ("31/02/2023", "not a date: February 2023 has no day 31 (UK dates are day/month/year)"),
    ("12/25/2023", "not a date: month 25 does not exist (UK dates are day/month/year)"),
    ("31 September 2023", "not a date: September 2023 has no day 31"),
    ("29 February 2023", "not a date: February 2023 has no day 29"),
    ("2023-13-01", "not a date: month 13 does not exist"),
]

#: Text that is no date at all: every reader refuses it.
NOT_DATES_AT_ALL = ["lots", "15/02", "2027/02/15x", "\u0661\u0665/02/2027"]


def _cli(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue(), capsys.readouterr().err


def _sheet_with_period(start: str, end: str) -> str:
    """The worked example's figures as CSV, the first figure's period typed as given."""
    statement = p.load(EXAMPLE)
    rows = list(csv.reader(io.StringIO(figures_to_csv(statement))))
    header = rows[0]
    first = rows[1]
    first[header.index("Period")] = ""
    first[header.index("Period start")] = start
    first[header.index("Period end")] = end
    first[header.index("Period kind")] = "day"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _imported_period(text: str) -> p.ReportingPeriod | None:
    statement = p.load(EXAMPLE)
    updated = figures_from_csv(statement, _sheet_with_period(text, text))
    return next(f for s in updated.sections for f in s.figures).period


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_a_date_reads_the_same_everywhere(
    text: str, expected: date, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reader, a spreadsheet cell, the period reader and the command line agree."""
    assert read_date(text) == expected
    assert read_partial_date(text) == PartialDate.from_date(expected)
    period = parse_period(text)
    assert (period.start, period.end, period.kind) == (expected, expected, PeriodKind.DAY)
    imported = _imported_period(text)
    assert imported is not None
    assert (imported.start, imported.end) == (expected, expected)
    code, out, _ = _cli("period", text, capsys=capsys)
    assert code == 0
    assert f"\t{expected.isoformat()}\t{expected.isoformat()}\tday\t" in out
    code, out, err = _cli("period", "Q4", "--as-of", text, capsys=capsys)
    assert (code, err) == (0, "")


@pytest.mark.parametrize(("text", "reason"), NOT_DATES)
def test_a_date_that_does_not_exist_is_refused_in_the_same_words(
    text: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each reader refuses it, and each refusal carries the same reason."""
    with pytest.raises(WrittenValueError) as written:
        read_date(text)
    assert reason in str(written.value)
    with pytest.raises(PeriodError) as period:
        parse_period(text)
    assert reason in str(period.value)
    with pytest.raises(TableError) as table:
        _imported_period(text)
    assert reason in str(table.value)
    code, _, err = _cli("period", text, capsys=capsys)
    assert code == 2
    assert reason in err
    code, _, err = _cli("period", "Q4", "--as-of", text, capsys=capsys)
    assert code == 2
    assert reason in err
    assert "Traceback" not in err


@pytest.mark.parametrize("text", NOT_DATES_AT_ALL)
def test_text_that_is_no_date_is_refused_everywhere(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reader, a spreadsheet cell, the period reader and --as-of all refuse it."""
    with pytest.raises(WrittenValueError, match="expected a date such as 15/02/2027"):
        read_date(text)
    with pytest.raises(PeriodError):
        parse_period(text)
    with pytest.raises(TableError, match="expected a date such as 15/02/2027"):
        _imported_period(text)
    code, _, err = _cli("period", "Q4", "--as-of", text, capsys=capsys)
    assert code == 2
    assert "expected a date such as 15/02/2027" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027", PartialDate(year=2027)),
        ("2027-02", PartialDate(year=2027, month=2)),
        ("February 2027", PartialDate(year=2027, month=2)),
        ("Feb 27", PartialDate(year=2027, month=2)),
        ("Feb-27", PartialDate(year=2027, month=2)),
        ("15/02/2027", PartialDate(year=2027, month=2, day=15)),
    ],
)
def test_partial_dates_read_to_the_precision_written(
    text: str, expected: PartialDate, capsys: pytest.CaptureFixture[str]
) -> None:
    """A year, a month or a day; the command line's --published reads the same."""
    assert read_partial_date(text) == expected
    code, out, _ = _cli("new", "-", "--police-force", "Gwent", "--published", text, capsys=capsys)
    assert code == 0
    assert p.loads(out).published == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("15 February", "it needs its year"),
        ("Q1", "expected a date such as"),
        ("", "expected a date such as"),
    ],
)
def test_partial_dates_need_a_year(text: str, message: str) -> None:
    """A date without its year is no partial date."""
    with pytest.raises(WrittenValueError, match=message):
        read_partial_date(text)


#: Numbers as people write them, with their exact values.
NUMBERS = [
    ("1209", Decimal("1209")),
    ("1,209", Decimal("1209")),
    ("12,345.60", Decimal("12345.60")),
    ("-7", Decimal("-7")),
    ("\u22127", Decimal("-7")),
    ("+3.5", Decimal("3.5")),
    ("7%", Decimal("7")),
    ("-5.9 %", Decimal("-5.9")),
    ("1.5E+3", Decimal("1.5E+3")),
    (" 76 ", Decimal("76")),
]
NOT_NUMBERS = ["lots", "1,20", "1.2.3", "\u0661\u0662", "12k", "1" * 500, "1E+500", "--7"]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_a_number_reads_the_same_everywhere(text: str, expected: Decimal) -> None:
    """The reader and a spreadsheet's value cell give the same exact number."""
    number = read_number(text)
    assert (number, str(number)) == (expected, str(expected))
    statement = p.load(EXAMPLE)
    rows = list(csv.reader(io.StringIO(figures_to_csv(statement))))
    rows[1][rows[0].index("Value")] = text
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    updated = figures_from_csv(statement, buffer.getvalue())
    value = next(f for s in updated.sections for f in s.figures).value
    assert (value, str(value)) == (expected, str(expected))


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_text_that_is_no_number_is_refused_everywhere(text: str) -> None:
    """The reader, a spreadsheet value cell and a monthly count cell refuse it alike."""
    with pytest.raises(WrittenValueError) as written:
        read_number(text)
    statement = p.load(EXAMPLE)
    rows = list(csv.reader(io.StringIO(figures_to_csv(statement))))
    rows[1][rows[0].index("Value")] = text
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    with pytest.raises(TableError) as table:
        figures_from_csv(statement, buffer.getvalue())
    assert written.value.reason in str(table.value)
    with pytest.raises(TableError) as monthly:
        monthly_series_from_csv(f'Month,Homicides\n2023-04,"{text}"\n')
    assert written.value.reason in str(monthly.value)


def test_monthly_counts_and_months_use_the_same_reader() -> None:
    """A monthly CSV reads "1,209" and "−3" as numbers and "Jun-23" as a month."""
    series = monthly_series_from_csv('Month,Burglary\nJun-23,"1,209"\n2023-07,12\n')
    assert series["Burglary"].as_dict() == {
        date(2023, 6, 1): Decimal("1209"),
        date(2023, 7, 1): Decimal("12"),
    }


@pytest.mark.parametrize(
    ("text", "expected"), [("1,209", 1209), ("-3", -3), ("+12", 12), ("\u22124", -4)]
)
def test_whole_numbers(text: str, expected: int) -> None:
    """Whole numbers read with their thousands separators and signs."""
    assert read_whole_number(text) == expected


@pytest.mark.parametrize("text", ["1.5", "1,20", "", "x"])
def test_not_whole_numbers(text: str) -> None:
    """A fraction or other text is no whole number."""
    with pytest.raises(WrittenValueError, match="expected a whole number"):
        read_whole_number(text)


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_every_date_reads_back_from_each_written_form(day: date) -> None:
    """ISO, day-first numbers and the month's name all give the day back."""
    month = day.strftime("%B")
    for text in (
        day.isoformat(),
        f"{day.day:02}/{day.month:02}/{day.year:04}",
        f"{day.day} {month} {day.year:04}",
        f"{month[:3]} {day.day}, {day.year:04}",
    ):
        assert read_date(text) == day


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=3, max_value=10**12, min_value=-(10**12)
    )
)
def test_every_number_reads_back_from_its_grouped_form(number: Decimal) -> None:
    """A number written with thousands separators reads back exactly."""
    assert read_number(f"{number:,}") == number


def test_refusals_are_library_errors_and_value_errors() -> None:
    """A script can catch the library's base class or ValueError."""
    with pytest.raises(p.PccPrioritiesError):
        read_date("31/02/2023")
    with pytest.raises(ValueError, match="no day 31"):
        read_date("31/02/2023")
    with pytest.raises(TypeError):
        read_date(20270215)  # type: ignore[arg-type]
