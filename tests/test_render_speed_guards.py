"""What the renderer's speed-ups must not change: the bytes of pages and the charts' geometry.

The HTML writer keeps escaped texts per page, short :class:`~pcc_priorities.publish.Text`
values are shared, and chart coordinates are worked out in binary floating point with exact
decimals near a rounding tie. None of these may change a byte of any page: the hashes of
pages of a benchmark-corpus sample and of every real statement in tests/statements/ are
pinned (made by the renderer before the speed-ups). A change meant to alter pages regenerates
them on purpose, with the other golden files:
``PCC_UPDATE_GOLDEN=1 python -m pytest tests/test_render_speed_guards.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import random
import sys
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import pcc_priorities as p
from pcc_priorities.publish import Text, render_html, render_markdown
from pcc_priorities.publish.drawing import _number, _Scale
from pcc_priorities.publish.tree import text_piece

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden" / "page-hashes.json"
UPDATE = os.environ.get("PCC_UPDATE_GOLDEN") == "1"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus  # noqa: E402


def _statements() -> dict[str, p.Statement]:
    found = {"west-mercia-2023-09": p.load(ROOT / "examples" / "west-mercia-2023-09.json")}
    for path in sorted((ROOT / "tests" / "statements").glob("*.json")):
        found[path.stem] = p.load(path)
    rng = random.Random(14)
    forces = p.forces()
    for index in range(1, len(forces), 6):
        found[f"corpus-{forces[index].code}"] = corpus.statement(
            forces[index], 2022 + index % 2, index % 4 + 1, rng
        )
    return found


def _hashes() -> dict[str, dict[str, str]]:
    hashes = {}
    for name, statement in _statements().items():
        pages = {
            "html": render_html(statement),
            "fragment": render_html(statement, fragment=True, heading_level=2),
            "markdown": render_markdown(statement),
        }
        hashes[name] = {
            kind: hashlib.sha256(page.encode("utf-8")).hexdigest() for kind, page in pages.items()
        }
    return hashes


def test_pages_are_byte_for_byte_the_reviewed_ones() -> None:
    """Every page of the sample hashes to the value pinned before the speed-ups."""
    hashes = _hashes()
    if UPDATE:
        GOLDEN.write_text(json.dumps(hashes, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = sorted(
        f"{name} {kind}"
        for name, kinds in hashes.items()
        for kind, digest in kinds.items()
        if expected.get(name, {}).get(kind) != digest
    )
    assert set(expected) == set(hashes)
    assert not changed, (
        f"pages changed: {changed}; if meant, PCC_UPDATE_GOLDEN=1 python -m pytest "
        "tests/test_render_speed_guards.py, and review the page changes"
    )


def _exact(value: Decimal) -> str:
    rounded = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
    text = format(rounded, "f")
    return text[:-2] if text.endswith(".0") else text


_VALUES = st.decimals(
    min_value=Decimal("-1e30"), max_value=Decimal("1e30"), allow_nan=False, places=None
).filter(lambda value: value.is_finite()) | st.builds(
    lambda digits, exponent: Decimal(digits).scaleb(exponent),
    st.integers(-(10**30), 10**30),
    st.integers(-100, 100),
)


@given(
    values=st.lists(_VALUES, min_size=1, max_size=4),
    left=st.integers(0, 200).map(lambda halves: Decimal(halves) / 2 + 4),
    width=st.integers(240, 4000).map(lambda halves: Decimal(halves) / 2),
    shift=st.sampled_from([0, 4, -4]),
)
@example(values=[Decimal("1.25")], left=Decimal(4), width=Decimal(100), shift=0)
@example(values=[Decimal("0.0125"), Decimal(1)], left=Decimal(4), width=Decimal(100), shift=0)
@example(
    values=[Decimal("-1e100"), Decimal("1e-100")], left=Decimal(4), width=Decimal(300), shift=4
)
def test_chart_coordinates_are_the_exact_decimal_positions_rounded(
    values: list[Decimal], left: Decimal, width: Decimal, shift: int
) -> None:
    """Floating-point chart coordinates are always the exact decimal position, rounded half even."""
    zero = Decimal(0)
    low, high = min([zero, *values]), max([zero, *values])
    scale = _Scale(left, width, low, high - low if high != low else Decimal(1))
    for value in [zero, *values]:
        assert scale.at(value, shift) == _number(scale.exact(value) + shift)
        assert scale.size(value, zero) == _number(abs(scale.exact(value) - scale.exact(zero)))
    # The exact rounding itself: a position on a tie goes to the even tenth.
    assert _number(Decimal("12.25")) == _exact(Decimal("12.25")) == "12.2"


def test_a_coordinate_on_a_rounding_tie_is_rounded_as_the_decimals_say() -> None:
    """A bar ending exactly half-way between two tenths is rounded half even, as before."""
    # left 4 + 1.25 * 100 / 2 = 66.5 exactly; 66.25 is a tie between 66.2 and 66.3.
    scale = _Scale(Decimal(4), Decimal(100), Decimal(0), Decimal(2))
    assert scale.at(Decimal("1.245")) == _number(Decimal("66.25")) == "66.2"
    assert scale.at(Decimal("1.255")) == _number(Decimal("66.75")) == "66.8"


def test_short_texts_are_shared_values_and_long_ones_are_made_anew() -> None:
    """Equal short texts may be one object, and behave exactly as separate values would."""
    short = Text("Previous period")
    assert Text("Previous period") is short
    assert Text(text="Previous period") == short
    long = "x" * 500
    assert Text(long) is not Text(long)
    assert Text(long) == Text(long)
    assert pickle.loads(pickle.dumps(short)) == short
    assert repr(short) == "Text(text='Previous period')"


@given(st.text(max_size=120))
def test_a_text_piece_is_the_text_the_class_makes(words: str) -> None:
    """``text_piece`` gives what ``Text`` gives: an equal, shared text, of the class itself."""
    piece = text_piece(words)
    made = Text(words)
    assert type(piece) is Text
    assert piece == made
    assert piece.text == words
    assert (piece is made) == (len(words) <= 80)  # shared where short, as Text shares
    assert hash(piece) == hash(made)
    assert pickle.loads(pickle.dumps(piece)) == piece
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        piece.text = "changed"  # type: ignore[misc]
