"""Tests of the model's invariants and helpers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

from pcc_priorities import (
    Change,
    Figure,
    Paragraph,
    PartialDate,
    PrioritySection,
    Rank,
    RankOrder,
    RateBase,
    RateDenominator,
    ReportingPeriod,
    Statement,
    Unit,
)
from pcc_priorities import PoliceForce as Force
from pcc_priorities import PolicingBody as Body


def _statement(**changes: object) -> Statement:
    base = Statement(
        body=Body(kind="pcc", name="Police and Crime Commissioner for West Mercia"),
        force=Force(code="E23000016", name="West Mercia Police"),
        framework="ncpm-2021",
        title="Statement",
    )
    return attrs.evolve(base, **changes)


def test_period_cannot_end_before_it_starts() -> None:
    """A reporting period whose end is before its start is refused."""
    with pytest.raises(ValueError, match="before it starts"):
        ReportingPeriod(start=date(2023, 4, 2), end=date(2023, 4, 1))


def test_one_day_period_is_allowed() -> None:
    """A period may start and end on the same day."""
    period = ReportingPeriod(start=date(2023, 4, 1), end=date(2023, 4, 1))
    assert period.start == period.end


def test_model_objects_are_frozen() -> None:
    """Model objects cannot be changed after construction."""
    figure = Figure(measure="Homicides", value=Decimal(1))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        figure.value = Decimal(2)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("given", "expected"),
    [(1209, Decimal(1209)), ("0.1", Decimal("0.1")), (Decimal("15.9"), Decimal("15.9"))],
)
def test_figure_values_are_exact_decimals(given: object, expected: Decimal) -> None:
    """Ints, numeric strings and Decimals become Decimals with the same digits."""
    figure = Figure(measure="m", value=given)  # type: ignore[arg-type]
    assert figure.value == expected
    assert str(figure.value) == str(expected)


@pytest.mark.parametrize("bad", [0.1, True, "NaN", "Infinity", "seven"])
def test_inexact_or_non_numbers_are_refused(bad: object) -> None:
    """Floats, booleans, non-finite and non-numeric values are refused as figure values."""
    with pytest.raises((TypeError, ValueError)):
        Figure(measure="m", value=bad)  # type: ignore[arg-type]


def test_change_counts_are_decimals() -> None:
    """A change's count and percentage are kept as exact decimals."""
    change = Change(count=-76, percent=Decimal("-7"))
    assert change.count == Decimal(-76)
    assert change.percent == Decimal(-7)


def test_range_needs_upper_not_below_value() -> None:
    """A figure's upper value cannot be below its value, nor stand without one."""
    assert Figure(measure="charges", value=7, upper_value=10, unit=Unit.COUNT).upper_value == 10
    with pytest.raises(ValueError, match="upper_value"):
        Figure(measure="charges", value=10, upper_value=7)
    with pytest.raises(ValueError, match="upper_value"):
        Figure(measure="charges", upper_value=7)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2023-09", date(2023, 9, 1), date(2023, 9, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-09-14", date(2023, 9, 14), date(2023, 9, 14)),
    ],
)
def test_partial_dates_span_their_precision(text: str, earliest: date, latest: date) -> None:
    """A partial date stands for every day of its year, month or day, and prints as parsed."""
    parsed = PartialDate.parse(text)
    assert (parsed.earliest, parsed.latest) == (earliest, latest)
    assert str(parsed) == text


@pytest.mark.parametrize("text", ["2023-13", "2023-02-30", "23-09", "2023-9", "Sept 2023", ""])
def test_partial_dates_refuse_bad_text(text: str) -> None:
    """Impossible or malformed partial dates are refused."""
    with pytest.raises(ValueError):  # noqa: PT011 - the message varies by case
        PartialDate.parse(text)


def test_extensions_are_frozen_and_hashable() -> None:
    """Extensions become read-only mappings that keep key order and can be hashed."""
    section = PrioritySection(
        priority="homicide",
        title="Reduce murder and other homicide",
        extensions={"cms:z": 1, "cms:a": [1, {"b": None}]},
    )
    assert list(section.extensions) == ["cms:z", "cms:a"]
    assert section.extensions["cms:a"] == (1, {"b": None})
    assert isinstance(hash(section), int)
    with pytest.raises(TypeError):
        section.extensions["cms:z"] = 2  # type: ignore[index]


def test_extensions_refuse_floats() -> None:
    """A binary float in extensions is refused, so values stay exact."""
    with pytest.raises(TypeError, match="Decimal"):
        PrioritySection(priority="homicide", title="t", extensions={"cms:x": 0.1})


def test_statement_finds_its_section() -> None:
    """Statement.section returns the section for a priority id, or None."""
    section = PrioritySection(priority="homicide", title="t", blocks=(Paragraph(text="x"),))
    statement = _statement(sections=(section,))
    assert statement.section("homicide") is section
    assert statement.section("cyber-crime") is None


def test_whole_numbers_stay_within_writable_range() -> None:
    """Ranks and rate bases refuse whole numbers too large to write and read back."""
    with pytest.raises(ValueError, match="out of range"):
        Rank(order=RankOrder.HIGHEST, out_of=10**5000)
    with pytest.raises(ValueError, match="out of range"):
        RateBase(per=10**16, denominator=RateDenominator.POPULATION)
    assert Rank(order=RankOrder.HIGHEST, out_of=43).out_of == 43
