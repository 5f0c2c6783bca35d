"""Change arithmetic, direction words, ranks and targets."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import change_reference
from pcc_priorities import (
    Change,
    Comparison,
    ComparisonBasis,
    Direction,
    DirectionError,
    Rank,
    RankError,
    RankOrder,
)
from pcc_priorities.figures import (
    check_change,
    check_target,
    describe_change,
    parse_direction,
    parse_rank,
    rank_problem,
)
from pcc_priorities.figures.change import change_problems, round_half_up
from pcc_priorities.testing import decimals

D = Decimal


def _compared(reference: Decimal | None, change: Change) -> Comparison:
    return Comparison(basis=ComparisonBasis.SAME_PERIOD_LAST_YEAR, value=reference, change=change)


def test_west_mercia_knife_crime_percentage_is_wrong() -> None:
    """1,209 knife offences as "a 7% (n = 76) decrease" disagrees: 76 / 1,285 is 5.9%."""
    result = check_change(
        D(1209), _compared(None, Change(direction=Direction.DECREASE, count=D(-76), percent=D(-7)))
    )
    assert result.agrees is False
    assert result.reference == D(1285)
    assert result.problems == (
        "the stated change of -7% does not match 1209 against 1285, which is -5.9%",
    )


def test_west_mercia_sharps_admissions_agree() -> None:
    """35 to 50 admissions is "a 43% increase ... of 15": both agree at whole percent."""
    result = check_change(
        D(50), _compared(D(35), Change(direction=Direction.INCREASE, count=D(15), percent=D(43)))
    )
    assert result.agrees is True
    assert result.expected_direction is Direction.INCREASE


def test_rounding_follows_the_places_written() -> None:
    """A percentage written to one place must agree to one place, not just to whole percent."""
    assert check_change(D(1209), _compared(D(1285), Change(percent=D("-5.9")))).agrees is True
    assert check_change(D(1209), _compared(D(1285), Change(percent=D("-6.0")))).agrees is False
    assert check_change(D(1209), _compared(D(1285), Change(percent=D(-6)))).agrees is True


def test_percentage_points_are_checked() -> None:
    """A change in percentage points is the difference of the two percentages."""
    stated = Change(direction=Direction.DECREASE, percentage_points=D(-2))
    assert check_change(D(78), _compared(D(80), stated)).agrees is True
    wrong = Change(percentage_points=D("-2.5"))
    result = check_change(D(78), _compared(D(80), wrong))
    assert result.agrees is False
    assert "percentage points" in result.problems[0]


def test_direction_word_against_values() -> None:
    """A direction word that contradicts the values is a problem; stable is never flagged."""
    wrong = check_change(D(148), _compared(D(178), Change(direction=Direction.INCREASE)))
    assert wrong.agrees is False
    assert wrong.problems == ("the values show a decrease, but the statement says increase",)
    stable = check_change(D(148), _compared(D(178), Change(direction=Direction.STABLE)))
    assert stable.agrees is True


def test_nothing_to_check() -> None:
    """With no reference and no stated count there is nothing to tell, so agrees is None."""
    assert check_change(D(10), _compared(None, Change(percent=D(5)))).agrees is None
    assert check_change(D(10), _compared(D(8), Change())).agrees is None


@given(
    decimals(),
    decimals(),
    st.integers(min_value=0, max_value=2),
)
def test_change_computed_then_checked_agrees(
    reference: Decimal, value: Decimal, places: int
) -> None:
    """A change described from two values always agrees with them when checked."""
    change = describe_change(reference, value, places=places)
    result = check_change(value, _compared(reference, change))
    assert result.agrees is True, result.problems
    assert change.count == value - reference
    assert result.expected_direction is change.direction


def test_describe_change_rounds_half_up() -> None:
    """A described change rounds its percentage half up, and leaves it out from zero."""
    assert describe_change(D(1285), D(1209)) == Change(
        direction=Direction.DECREASE, count=D(-76), percent=D(-6)
    )
    assert describe_change(D(1285), D(1209), places=1).percent == D("-5.9")
    assert describe_change(D(0), D(4)).percent is None
    assert describe_change(D(4), D(4)).direction is Direction.STABLE
    assert round_half_up(D("5.85"), 1) == D("5.9")
    assert round_half_up(D("-5.85"), 1) == D("-5.9")


@pytest.mark.parametrize(
    ("word", "direction"),
    [
        ("increase", Direction.INCREASE),
        ("Rise", Direction.INCREASE),
        ("reduction", Direction.DECREASE),
        ("dropped", Direction.DECREASE),
        ("fewer", Direction.DECREASE),
        ("stable", Direction.STABLE),
        ("remained  stable", Direction.STABLE),
        ("no change", Direction.STABLE),
    ],
)
def test_direction_words(word: str, direction: Direction) -> None:
    """Statements' direction words map to increase, decrease or stable."""
    assert parse_direction(word) is direction


def test_unknown_direction_word() -> None:
    """A word that states no direction is refused, with examples of words that do."""
    with pytest.raises(DirectionError, match="expected a word such as increase"):
        parse_direction("fluctuated")


@pytest.mark.parametrize(
    ("text", "position", "rank"),
    [
        ("8th highest of 43", 8, Rank(order=RankOrder.HIGHEST, out_of=43)),
        ("fifth lowest of 43 forces", 5, Rank(order=RankOrder.LOWEST, out_of=43, group="forces")),
        (
            "2nd highest in the most similar group",
            2,
            Rank(order=RankOrder.HIGHEST, group="most similar group"),
        ),
        ("the 8th highest rate of homicide", 8, Rank(order=RankOrder.HIGHEST)),
        ("1st Lowest out of 8", 1, Rank(order=RankOrder.LOWEST, out_of=8)),
    ],
)
def test_reads_ranks(text: str, position: int, rank: Rank) -> None:
    """Ranks read as a position, the end counted from, the number ranked and the group."""
    ranked = parse_rank(text)
    assert (ranked.position, ranked.rank) == (position, rank)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("9th highest of 8", "beyond the 8 ranked"),
        ("0th highest of 43", "from 1"),
        ("highest ever", "cannot read"),
        ("umpteenth lowest", "as a position"),
    ],
)
def test_refuses_impossible_ranks(text: str, message: str) -> None:
    """A rank that cannot be read, or is beyond the number ranked, raises RankError."""
    with pytest.raises(RankError, match=message):
        parse_rank(text)


def test_rank_from_the_other_end() -> None:
    """8th highest of 43 is 36th lowest of 43, and back."""
    ranked = parse_rank("8th highest of 43")
    other = ranked.from_other_end()
    assert (other.position, other.rank.order) == (36, RankOrder.LOWEST)
    assert other.from_other_end() == ranked
    with pytest.raises(RankError, match="needs the number ranked"):
        parse_rank("2nd highest in the most similar group").from_other_end()


def test_rank_problem() -> None:
    """A position must be a whole number from 1 to the number ranked."""
    assert rank_problem(3, Rank(order=RankOrder.HIGHEST, out_of=8)) is None
    assert rank_problem(D("2.5"), Rank(order=RankOrder.HIGHEST)) is not None


def test_target_met_or_missed() -> None:
    """78% satisfaction against a target of 80% misses it by 2 points when higher is better."""
    target = Comparison(basis=ComparisonBasis.TARGET, value=D(80))
    missed = check_target(D(78), target, higher_is_better=True)
    assert (missed.met, missed.target, missed.gap) == (False, D(80), D(-2))
    assert check_target(D(29), Comparison(basis=ComparisonBasis.TARGET, value=D(22)),
                        higher_is_better=True).met is True  # fmt: skip


def test_target_as_a_change_from_a_baseline() -> None:
    """A 20% reduction target on a baseline of 35 is 28, and lower is better."""
    target = Comparison(
        basis=ComparisonBasis.TARGET, change=Change(direction=Direction.DECREASE, percent=D(-20))
    )
    result = check_target(D(27), target, baseline=D(35))
    assert (result.met, result.target, result.gap) == (True, D(28), D(-1))


def test_target_that_cannot_be_told() -> None:
    """Without a level or without knowing which way is better, met is None and says why."""
    result = check_target(D(27), Comparison(basis=ComparisonBasis.TARGET, value=D(30)))
    assert result.met is None
    assert result.problems == ("say whether higher is better (higher_is_better)",)
    empty = check_target(D(27), Comparison(basis=ComparisonBasis.TARGET), higher_is_better=False)
    assert empty.met is None
    assert "no value" in empty.problems[0]


_STATED = st.none() | st.sampled_from([D(0), D(15), D(-15), D("42.9"), D(43), D("-7"), D("0.5")])


@given(
    st.none() | st.sampled_from([D(35), D(0), D(50), D("1285"), D("-3")]) | decimals(),
    st.none() | st.sampled_from([D(50), D(0), D(35), D("1209")]) | decimals(),
    st.builds(
        Change,
        direction=st.none() | st.sampled_from(Direction),
        count=_STATED | decimals(),
        percent=_STATED | decimals(),
        percentage_points=_STATED,
        wording=st.none() | st.just("up"),
    ),
)
def test_check_change_is_as_before(
    reference: Decimal | None, value: Decimal | None, change: Change
) -> None:
    """The faster check gives the same result, and the checker's short answer agrees with it."""
    comparison = _compared(reference, change)
    result = check_change(value, comparison)
    assert result == change_reference.check_change(value, comparison)
    assert change_problems(value, comparison) == (
        list(result.problems) if result.agrees is False else None
    )
