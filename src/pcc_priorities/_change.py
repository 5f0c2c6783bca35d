"""Arithmetic of stated changes: whether "a 7% (n = 76) decrease" agrees with the counts.

One implementation, used by scripts and by the checker's consistency rule.
"""

from __future__ import annotations

from decimal import Decimal

from attrs import frozen

from pcc_priorities._model import Change, Comparison, Direction

__all__ = [
    "ChangeCheck",
    "absolute_change",
    "check_change",
    "decimal_places",
    "direction_of",
    "percent_change",
    "rounds_to",
]

_HUNDRED = Decimal(100)


def absolute_change(reference: Decimal, value: Decimal) -> Decimal:
    """Return ``value - reference``: the signed change from the reference to the figure."""
    return value - reference


def percent_change(reference: Decimal, value: Decimal) -> Decimal | None:
    """Return the signed percentage change from ``reference`` to ``value``.

    None when ``reference`` is zero, where a percentage change is undefined.
    """
    if reference == 0:
        return None
    return (value - reference) / abs(reference) * _HUNDRED


def decimal_places(number: Decimal) -> int:
    """Return how many decimal places ``number`` is written with ("7" → 0, "15.9" → 1)."""
    exponent = number.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def rounds_to(actual: Decimal, stated: Decimal) -> bool:
    """Return whether ``actual`` rounds to ``stated`` at the places ``stated`` is written with.

    Half-way values count both ways, since statements round half up and half to even.
    """
    tolerance = Decimal(5).scaleb(-(decimal_places(stated) + 1))
    return abs(actual - stated) <= tolerance


def direction_of(change: Decimal) -> Direction:
    """Return the direction word for a signed change."""
    if change > 0:
        return Direction.INCREASE
    if change < 0:
        return Direction.DECREASE
    return Direction.STABLE


@frozen(kw_only=True)
class ChangeCheck:
    """Whether a stated change agrees with the figure and its reference.

    Attributes:
        agrees: True if every stated part agrees within the rounding used; False if any
            part disagrees; None if there is not enough to tell.
        reference: The reference value, stated or derived (value − stated count).
        value: The figure's value, stated or derived (reference + stated count).
        expected_count: The change in count the values give.
        expected_percent: The percentage change the values give, unrounded.
        problems: What disagrees, in words.
    """

    agrees: bool | None
    reference: Decimal | None = None
    value: Decimal | None = None
    expected_count: Decimal | None = None
    expected_percent: Decimal | None = None
    problems: tuple[str, ...] = ()


def check_change(value: Decimal | None, comparison: Comparison) -> ChangeCheck:
    """Check the change a comparison states against the figure's value and the reference value.

    Where one of the two values is missing it is derived from the stated count ("1,209 ...
    a 7% (n = 76) decrease" gives a reference of 1,285, and 76 / 1,285 is 5.9%, not 7%).
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
    problems.extend(_direction_problems(change, expected_count))
    checked = checked or change.direction is not None
    return ChangeCheck(
        agrees=(not problems) if (checked or problems) else None,
        reference=reference,
        value=value,
        expected_count=expected_count,
        expected_percent=expected_percent,
        problems=tuple(problems),
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
                f"the values show an {actual}, but the statement says {change.direction}"
            )
    return problems


def _fmt(number: Decimal, places: int) -> str:
    return f"{number:.{places}f}"
