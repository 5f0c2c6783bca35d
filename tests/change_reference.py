"""check_change as it was before it was made faster: the reference the tests hold it to."""

from __future__ import annotations

from decimal import Decimal

from pcc_priorities.figures.change import (
    ChangeCheck,
    _fmt,
    absolute_change,
    decimal_places,
    percent_change,
)
from pcc_priorities.model.figures import Change, Comparison
from pcc_priorities.model.values import Direction


def rounds_to(actual: Decimal, stated: Decimal) -> bool:
    tolerance = Decimal(5).scaleb(-(decimal_places(stated) + 1))
    return abs(actual - stated) <= tolerance


def direction_of(change: Decimal) -> Direction:
    if change > 0:
        return Direction.INCREASE
    if change < 0:
        return Direction.DECREASE
    return Direction.STABLE


def check_change(value: Decimal | None, comparison: Comparison) -> ChangeCheck:
    """Check the change a comparison states against the figure's value and the reference value.

    Where one of the two values is missing it is derived from the stated count ("1,209 ...
    a 7% (n = 76) decrease" gives a reference of 1,285, and 76 / 1,285 is 5.9%, not 7%).
    A stated percentage agrees when the exact percentage rounds to it at the decimal places
    it is written with; a change in percentage points (for figures that are percentages)
    likewise. The direction word must match the signs and the values.
    """
    change = comparison.change or Change()
    reference = comparison.value
    if reference is None and value is not None and change.count is not None:
        reference = value - change.count
    if value is None and reference is not None and change.count is not None:
        value = reference + change.count
    problems: list[str] = []
    if value is None or reference is None:
        problems.extend(_direction_problems(change, None))
        return ChangeCheck(
            agrees=False if problems else None,
            reference=reference,
            value=value,
            problems=tuple(problems),
        )
    expected_count = absolute_change(reference, value)
    expected_percent = percent_change(reference, value)
    checked = False
    if change.count is not None and comparison.value is not None:
        checked = True
        if change.count != expected_count:
            problems.append(
                f"the stated change of {change.count} does not match {value} against {reference} "
                f"(a change of {expected_count})"
            )
    if change.percent is not None:
        if expected_percent is None:
            problems.append("a percentage change from zero is undefined")
        else:
            checked = True
            if not rounds_to(expected_percent, change.percent):
                places = decimal_places(change.percent) + 1
                problems.append(
                    f"the stated change of {change.percent}% does not match {value} against "
                    f"{reference}, which is {_fmt(expected_percent, places)}%"
                )
    if change.percentage_points is not None:
        checked = True
        if not rounds_to(expected_count, change.percentage_points):
            problems.append(
                f"the stated change of {change.percentage_points} percentage points does not "
                f"match {value} against {reference}, a change of {expected_count}"
            )
    problems.extend(_direction_problems(change, expected_count))
    checked = checked or change.direction is not None
    return ChangeCheck(
        agrees=(not problems) if (checked or problems) else None,
        reference=reference,
        value=value,
        expected_count=expected_count,
        expected_percent=expected_percent,
        problems=tuple(problems),
        expected_direction=direction_of(expected_count),
    )


def _direction_problems(change: Change, expected: Decimal | None) -> list[str]:
    if change.direction is None:
        return []
    problems: list[str] = []
    for label, number in (
        ("count", change.count),
        ("percentage", change.percent),
        ("percentage-point change", change.percentage_points),
    ):
        if number is not None and number != 0 and direction_of(number) != change.direction:
            problems.append(f"the stated {label} {number} contradicts the word {change.direction}")
    if expected is not None and change.direction is not Direction.STABLE:
        actual = direction_of(expected)
        if actual not in (change.direction, Direction.STABLE):
            problems.append(
                f"the values show {'an' if actual is Direction.INCREASE else 'a'} {actual}, "
                f"but the statement says {change.direction}"
            )
    return problems
