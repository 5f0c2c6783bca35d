"""Arithmetic of stated changes, ranks and targets.

Whether "a 7% (n = 76) decrease" agrees with the counts, what change two values make, which
way a word points, what "8th highest of 43" says, and whether a target is met. One
implementation, used by scripts, by the monthly figures and by the checker's consistency rule.

"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import TypeAlias

from attrs import frozen

from pcc_priorities.exceptions import DirectionError, RankError
from pcc_priorities.model.figures import Change, Comparison, Rank
from pcc_priorities.model.values import Direction, RankOrder

__all__ = [
    "DIRECTION_WORDS",
    "ChangeCheck",
    "RankedPosition",
    "TargetCheck",
    "WholeReferences",
    "absolute_change",
    "change_problems",
    "check_change",
    "check_target",
    "decimal_places",
    "describe_change",
    "direction_of",
    "parse_direction",
    "parse_rank",
    "percent_change",
    "rank_problem",
    "round_half_up",
    "rounds_to",
    "whole_references",
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


#: Half a unit in the last place of a number written with 0, 1, 2 ... decimal places.
_HALF_UNITS = tuple(Decimal(5).scaleb(-(places + 1)) for places in range(12))
_ZERO = Decimal(0)


def rounds_to(actual: Decimal, stated: Decimal) -> bool:
    """Return whether ``actual`` rounds to ``stated`` at the places ``stated`` is written with.

    Half-way values count both ways, since statements round half up and half to even.
    """
    places = decimal_places(stated)
    half = _HALF_UNITS[places] if places < len(_HALF_UNITS) else _half_unit(places)
    return abs(actual - stated) <= half


def _half_unit(places: int) -> Decimal:
    return Decimal(5).scaleb(-(places + 1))


def direction_of(change: Decimal) -> Direction:
    """Return the direction word for a signed change."""
    if change > _ZERO:
        return Direction.INCREASE
    if change < _ZERO:
        return Direction.DECREASE
    return Direction.STABLE


#: The words statements use for each direction, lower case.
DIRECTION_WORDS: dict[str, Direction] = {
    **dict.fromkeys(
        (
            "increase", "increased", "increases", "increasing", "rise", "rises", "risen",
            "rose", "up", "higher", "more", "grew", "growth", "grown", "went up", "gone up",
        ),
        Direction.INCREASE,
    ),
    **dict.fromkeys(
        (
            "decrease", "decreased", "decreases", "decreasing", "reduction", "reductions",
            "reduced", "reduce", "fall", "falls", "fell", "fallen", "drop", "drops", "dropped",
            "down", "lower", "fewer", "less", "decline", "declined", "went down", "gone down",
        ),
        Direction.DECREASE,
    ),
    **dict.fromkeys(
        (
            "stable", "unchanged", "no change", "the same", "same", "steady", "flat",
            "remained stable", "remained the same", "static", "level",
        ),
        Direction.STABLE,
    ),
}  # fmt: skip


def parse_direction(word: str) -> Direction:
    """Return the direction a word or phrase states ("reduction" → decrease, "stable").

    Raises:
        DirectionError: The word is not one of :data:`DIRECTION_WORDS`.
    """
    key = " ".join(word.lower().split())
    try:
        return DIRECTION_WORDS[key]
    except KeyError:
        raise DirectionError(
            f"{word!r} is not a direction word; expected a word such as increase, decrease, "
            "reduction or stable"
        ) from None


def round_half_up(number: Decimal, places: int) -> Decimal:
    """Round ``number`` to ``places`` decimal places, halves away from zero (5.85 → 5.9).

    Exact whatever the size: the result may hold more digits than the default context's 28.
    """
    digits = max(28, number.adjusted() + places + 2)
    return number.quantize(
        Decimal(1).scaleb(-places), context=Context(prec=digits, rounding=ROUND_HALF_UP)
    )


def describe_change(reference: Decimal, value: Decimal, *, places: int = 0) -> Change:
    """Return the change from ``reference`` to ``value`` as a statement would state it.

    The count is exact, the percentage rounded half up to ``places`` decimal places (None
    from a reference of zero), and the direction follows the count. :func:`check_change`
    always finds the result agrees with the two values.
    """
    count = absolute_change(reference, value)
    percent = percent_change(reference, value)
    return Change(
        direction=direction_of(count),
        count=count,
        percent=None if percent is None else round_half_up(percent, places),
    )


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
        expected_direction: The direction the values give.
    """

    agrees: bool | None
    reference: Decimal | None = None
    value: Decimal | None = None
    expected_count: Decimal | None = None
    expected_percent: Decimal | None = None
    problems: tuple[str, ...] = ()
    expected_direction: Direction | None = None


def check_change(value: Decimal | None, comparison: Comparison) -> ChangeCheck:
    """Check the change a comparison states against the figure's value and the reference value.

    Where one of the two values is missing it is derived from the stated count ("1,209 ...
    a 7% (n = 76) decrease" gives a reference of 1,285, and 76 / 1,285 is 5.9%, not 7%).
    A stated percentage agrees when the exact percentage rounds to it at the decimal places
    it is written with; a change in percentage points (for figures that are percentages)
    likewise. The direction word must match the signs and the values.
    """
    agrees, reference, value, expected_count, expected_percent, problems = _checked(
        value, comparison
    )
    return ChangeCheck(
        agrees=agrees,
        reference=reference,
        value=value,
        expected_count=expected_count,
        expected_percent=expected_percent,
        problems=tuple(problems),
        expected_direction=None if expected_count is None else direction_of(expected_count),
    )


def change_problems(value: Decimal | None, comparison: Comparison) -> list[str] | None:
    """What :func:`check_change` finds disagrees, or None if it agrees or cannot tell.

    The same answer as ``check_change(value, comparison)``'s ``problems`` where its ``agrees``
    is False, without making the whole result (the checker asks this of every comparison).
    """
    agrees, _, _, _, _, problems = _checked(value, comparison)
    return problems if agrees is False else None


_NO_CHANGE = Change()

_Checked: TypeAlias = tuple[
    bool | None, Decimal | None, Decimal | None, Decimal | None, Decimal | None, list[str]
]


def _checked(value: Decimal | None, comparison: Comparison) -> _Checked:
    """:func:`check_change`'s findings: (agrees, reference, value, count, percent, problems)."""
    change = comparison.change or _NO_CHANGE
    reference = comparison.value
    count = change.count
    if reference is None and value is not None and count is not None:
        reference = value - count
    if value is None and reference is not None and count is not None:
        value = reference + count
    if value is None or reference is None:
        problems = _direction_problems(change, None)
        return (False if problems else None), reference, value, None, None, problems
    expected_count = value - reference
    # As percent_change(reference, value), from the difference already made.
    expected_percent = None if reference == 0 else expected_count / abs(reference) * _HUNDRED
    problems = []
    checked = False
    if count is not None and comparison.value is not None:
        checked = True
        if count != expected_count:
            problems.append(
                f"the stated change of {count} does not match {value} against {reference} "
                f"(a change of {expected_count})"
            )
    percent = change.percent
    if percent is not None:
        if expected_percent is None:
            problems.append("a percentage change from zero is undefined")
        else:
            checked = True
            places = decimal_places(percent)
            half = _HALF_UNITS[places] if places < len(_HALF_UNITS) else _half_unit(places)
            if abs(expected_percent - percent) > half:  # as rounds_to(expected_percent, percent)
                places += 1
                problems.append(
                    f"the stated change of {percent}% does not match {value} against "
                    f"{reference}, which is {_fmt(expected_percent, places)}%"
                )
    points = change.percentage_points
    if points is not None:
        checked = True
        if not rounds_to(expected_count, points):
            problems.append(
                f"the stated change of {points} percentage points does not "
                f"match {value} against {reference}, a change of {expected_count}"
            )
    if change.direction is not None:
        problems.extend(_direction_problems(change, expected_count))
        checked = True
    agrees = (not problems) if (checked or problems) else None
    return agrees, reference, value, expected_count, expected_percent, problems


@frozen(kw_only=True)
class WholeReferences:
    """Which whole counts a stated percentage change to a whole count could have come from.

    Attributes:
        matching: The smallest and largest whole reference that give the percentage, at the
            places it is written with (the largest None when every larger one does too);
            None when none does.
        nearest: Where none does, the whole references just below and above the exact one,
            each with the percentage it gives (one decimal place more than stated, at least
            one), as "from 9 it is -44.4%".
    """

    matching: tuple[int, int | None] | None
    nearest: tuple[tuple[int, Decimal], ...] = ()


def whole_references(value: Decimal, percent: Decimal) -> WholeReferences:
    """The whole counts from which a change of ``percent`` % gives the whole count ``value``.

    "5 offences, a fall of 47%": from 9 the fall is 44.4% and from 10 it is 50.0%, so no
    whole count gives 47%, and both are nearest. A percentage agrees as in
    :func:`check_change`: the exact percentage rounds to it at the places it is written with.

    Raises:
        ValueError: ``value`` is not a whole number of zero or more.
    """
    if value < 0 or value != value.to_integral_value():
        raise ValueError(f"{value} is not a whole count")
    tolerance = Decimal(5).scaleb(-(decimal_places(percent) + 1))
    shown = min(decimal_places(percent) + 1, 6)
    if value == 0:
        # From any count, a fall to zero is -100%.
        return WholeReferences(matching=(1, None) if rounds_to(Decimal(-100), percent) else None)
    low_factor = 1 + (percent - tolerance) / _HUNDRED
    high_factor = 1 + (percent + tolerance) / _HUNDRED
    if high_factor <= 0:
        return WholeReferences(matching=None)  # a fall of 100% or more cannot leave a count
    smallest = value / high_factor
    largest = value / low_factor if low_factor > 0 else None
    first = int(smallest.to_integral_value(rounding="ROUND_CEILING"))
    first = max(first, 1)
    if largest is None or first <= largest:
        last = None if largest is None else int(largest.to_integral_value(rounding="ROUND_FLOOR"))
        return WholeReferences(matching=(first, last))
    exact = value / (1 + percent / _HUNDRED)
    below = max(int(exact.to_integral_value(rounding="ROUND_FLOOR")), 1)
    nearest = []
    for reference in sorted({below, below + 1}):
        change = percent_change(Decimal(reference), value)
        assert change is not None
        nearest.append((reference, round_half_up(change, shown)))
    return WholeReferences(matching=None, nearest=tuple(nearest))


def _direction_problems(change: Change, expected: Decimal | None) -> list[str]:
    direction = change.direction
    if direction is None:
        return []
    problems: list[str] = []
    # As direction_of(number) != direction, for each stated number other than zero.
    for label, number in (
        ("count", change.count),
        ("percentage", change.percent),
        ("percentage-point change", change.percentage_points),
    ):
        if number is None:
            continue
        if number > _ZERO:
            stated = Direction.INCREASE
        elif number < _ZERO:
            stated = Direction.DECREASE
        else:
            continue
        if stated != direction:
            problems.append(f"the stated {label} {number} contradicts the word {direction}")
    if expected is not None and direction is not Direction.STABLE:
        actual = direction_of(expected)
        if actual not in (direction, Direction.STABLE):
            problems.append(
                f"the values show {'an' if actual is Direction.INCREASE else 'a'} {actual}, "
                f"but the statement says {direction}"
            )
    return problems


def _fmt(number: Decimal, places: int) -> str:
    return f"{number:.{places}f}"


# --------------------------------------------------------------------------- ranks

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_RANK = re.compile(
    r"(?:the\s+)?(?P<position>\d+(?:st|nd|rd|th)?|[a-z]+)\s+(?P<order>highest|lowest)\b"
    r"(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
_OUT_OF = re.compile(r"\b(?:of|out\s+of)\s+(?:the\s+)?(?P<count>\d+)\b(?P<group>.*)", re.DOTALL)
_IN_GROUP = re.compile(
    r"\b(?:in|among|amongst|across)\s+(?:the\s+|our\s+)?(?P<group>.+)", re.DOTALL
)


@frozen(kw_only=True)
class RankedPosition:
    """A position in a ranking, as "8th highest of 43" states it.

    Attributes:
        position: The position counted from the end the rank names (8).
        rank: The ranking: which end, how many were ranked and what.
    """

    position: int
    rank: Rank

    def from_other_end(self) -> RankedPosition:
        """The same position counted from the other end: 8th highest of 43 is 36th lowest.

        Raises:
            RankError: The ranking does not say how many were ranked.
        """
        if self.rank.out_of is None:
            raise RankError("counting from the other end needs the number ranked (of 43)")
        order = RankOrder.LOWEST if self.rank.order is RankOrder.HIGHEST else RankOrder.HIGHEST
        return RankedPosition(
            position=self.rank.out_of + 1 - self.position,
            rank=Rank(order=order, out_of=self.rank.out_of, group=self.rank.group),
        )


def parse_rank(text: str) -> RankedPosition:
    """Read a rank as statements write it.

    "8th highest of 43" (out of 43), "fifth lowest of 43 forces" (group "forces"), "2nd
    highest in the most similar group" (group "most similar group"), "the 8th highest rate
    of homicide" (no number ranked). A figure holds the position as its value, with unit
    ``rank`` and the :class:`Rank` in ``Figure.rank``.

    Raises:
        RankError: The text is not a rank, or the position is impossible (0th, 9th of 8).
    """
    match = _RANK.search(" ".join(text.split()))
    if match is None:
        raise RankError(
            f"cannot read {text!r} as a rank; expected a position and an end, as in "
            "'8th highest of 43' or 'fifth lowest in the most similar group'"
        )
    written = match["position"].lower()
    if written in _ORDINAL_WORDS:
        position = _ORDINAL_WORDS[written]
    elif re.fullmatch(r"\d+(?:st|nd|rd|th)?", written):
        position = int(re.sub(r"\D", "", written))
    else:
        raise RankError(f"cannot read {match['position']!r} in {text!r} as a position")
    order = RankOrder(match["order"].lower())
    rest = match["rest"].strip()
    out_of: int | None = None
    group: str | None = None
    counted = _OUT_OF.search(rest)
    if counted:
        out_of = int(counted["count"])
        group = counted["group"].strip() or None
    else:
        within = _IN_GROUP.search(rest)
        if within:
            group = within["group"].strip().rstrip(".") or None
    rank = Rank(order=order, out_of=out_of, group=group)
    problem = rank_problem(position, rank)
    if problem:
        raise RankError(f"{text!r}: {problem}")
    return RankedPosition(position=position, rank=rank)


def rank_problem(position: Decimal | int, rank: Rank) -> str | None:
    """Say why ``position`` cannot be a place in ``rank``; None when it can."""
    if position != int(position) or position < 1:
        return f"a position is a whole number from 1, got {position}"
    if rank.out_of is not None and position > rank.out_of:
        return f"position {position} is beyond the {rank.out_of} ranked"
    return None


# --------------------------------------------------------------------------- targets


@frozen(kw_only=True)
class TargetCheck:
    """Whether a figure meets its target.

    Attributes:
        met: True if the value meets or beats the target, False if not, None if it cannot
            be told (see ``problems``).
        target: The target level: stated, or the baseline changed by the stated change.
        gap: ``value - target``, signed.
        problems: Why it cannot be told, in words.
    """

    met: bool | None
    target: Decimal | None = None
    gap: Decimal | None = None
    problems: tuple[str, ...] = ()


def check_target(
    value: Decimal,
    target: Comparison,
    *,
    higher_is_better: bool | None = None,
    baseline: Decimal | None = None,
) -> TargetCheck:
    """Check ``value`` against a target comparison.

    The target is the comparison's value ("78% ... against a target of 80%": the target is
    80) or, where it states a change instead ("a 20% reduction on the baseline"), the
    ``baseline`` changed by that count or percentage. Whether higher is better comes from
    ``higher_is_better`` or else from the direction of the stated change.
    """
    change = target.change
    level = target.value
    problems: list[str] = []
    if level is None and change is not None and baseline is not None:
        if change.count is not None:
            level = baseline + change.count
        elif change.percent is not None:
            level = baseline + baseline * change.percent / _HUNDRED
    if level is None:
        problems.append(
            "the target has no value, and no stated change with a baseline to apply it to"
        )
    better = higher_is_better
    if better is None and change is not None:
        signed = change.count if change.count is not None else change.percent
        direction = change.direction or (None if signed is None else direction_of(signed))
        if direction in (Direction.INCREASE, Direction.DECREASE):
            better = direction is Direction.INCREASE
    if better is None:
        problems.append("say whether higher is better (higher_is_better)")
    if problems:
        return TargetCheck(
            met=None,
            target=level,
            gap=None if level is None else value - level,
            problems=tuple(problems),
        )
    assert level is not None
    return TargetCheck(
        met=value >= level if better else value <= level, target=level, gap=value - level
    )
