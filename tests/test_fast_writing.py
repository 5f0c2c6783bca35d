"""Tests that the struct writer writes canonical JSON byte for byte as the text writers did.

:func:`~pcc_priorities.formats.json.written_text` is the writer as it was before (generated
text writers); the struct writer (msgspec) must give the same bytes for every statement.
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pcc_priorities as p
from pcc_priorities.exceptions import EncodingError
from pcc_priorities.formats.json import _writer, canonical_bytes, written_text
from pcc_priorities.model import FrozenJSONObject
from pcc_priorities.testing import statements

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"
sys.path.insert(0, str(ROOT))

from benchmarks import corpus  # noqa: E402


def _same_bytes(statement: p.Statement) -> None:
    expected = written_text(statement).encode("utf-8")
    assert _writer().write(statement) == expected  # the struct writer itself, no fallback
    assert p.dumps(statement) == expected.decode("utf-8")


def test_corpus_statements_are_written_byte_for_byte() -> None:
    """A sample of the benchmark corpus is written exactly as the text writers wrote it."""
    rng = random.Random(15)
    forces = p.forces()
    for index in range(0, len(forces), 7):
        _same_bytes(corpus.statement(forces[index], 2023, index % 4 + 1, rng))


def test_the_worked_example_is_written_as_it_is_stored() -> None:
    """The worked example's file is canonical: writing what was read gives the file back."""
    text = EXAMPLE.read_text(encoding="utf-8")
    statement = p.loads(text)
    _same_bytes(statement)
    assert p.dumps(statement) == text


@settings(max_examples=60)
@given(statements())
def test_generated_statements_are_written_byte_for_byte(statement: p.Statement) -> None:
    """Every generated statement is written exactly as the text writers write it."""
    _same_bytes(statement)


NUMBERS = [
    "0",
    "-0",
    "-0.0",
    "0E-3",
    "-0E+2",
    "1E+5",
    "1e-7",
    "1.50",
    "123456789012345678901234567890.5",
    "1E+70",
    "1E-70",
    "-12.5E+3",
    "7E+64",
    "7E-64",
]


@pytest.mark.parametrize("number", NUMBERS)
def test_exact_numbers_are_written_as_before(number: str) -> None:
    """Numbers with exponents, signed zeros and trailing zeros are written as json_number does."""
    statement = p.load(EXAMPLE)
    figure = p.Figure(
        measure="m",
        value=Decimal(number),
        comparisons=(p.Comparison(basis=p.ComparisonBasis.UNSTATED, value=Decimal(number)),),
    )
    section = attrs.evolve(statement.sections[0], figures=(figure,), metrics=())
    _same_bytes(attrs.evolve(statement, sections=(section, *statement.sections[1:])))


TEXTS = [
    'quote " backslash \\ slash /',
    "controls \x00\x01\x08\x0c\x0a\x0d\x09\x1f and \x7f",
    "line and paragraph separators \u2028\u2029",
    "Welsh: Comisiynydd Heddlu a Throseddu, £163k, 😀",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_text_is_escaped_as_before(text: str) -> None:
    """Quotes, backslashes, control and other characters are escaped exactly as before."""
    statement = p.load(EXAMPLE)
    block = p.BulletList(items=(text, text), ordered=True)
    _same_bytes(attrs.evolve(statement, title=text or "t", edition=text, introduction=(block,)))


def test_defaults_are_left_out_by_value() -> None:
    """A language equal to the default but another object is left out, as the text writers do."""
    statement = p.load(EXAMPLE)
    _same_bytes(attrs.evolve(statement, language="".join(["en", "-GB"])))
    _same_bytes(attrs.evolve(statement, language="cy"))


@given(
    st.dictionaries(
        st.from_regex(r"[a-z]{1,4}:[a-zé😀 ]{1,4}", fullmatch=True),
        st.recursive(
            st.none()
            | st.booleans()
            | st.integers()
            | st.decimals(allow_nan=False, allow_infinity=False, places=None).map(
                lambda d: Decimal(str(d))
            )
            | st.text(max_size=4),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=3), inner, max_size=3)
            ),
            max_leaves=8,
        ),
        max_size=3,
    )
)
def test_extensions_are_written_as_before(data: dict[str, object]) -> None:
    """Extension data of any shape, with exact numbers, is written exactly as before."""
    statement = attrs.evolve(p.load(EXAMPLE), extensions=data)
    _same_bytes(statement)


def test_a_lone_surrogate_is_still_refused_with_its_path() -> None:
    """Text with a lone surrogate raises EncodingError naming its path, as before."""
    statement = attrs.evolve(p.load(EXAMPLE), edition="bad \ud800 text")
    with pytest.raises(EncodingError) as raised:
        canonical_bytes(statement)
    assert raised.value.path == "/edition"
    with pytest.raises(EncodingError):
        p.dumps(statement)


def test_empty_extensions_and_blocks_are_left_out() -> None:
    """Empty extension objects and empty tuples are left out, as the text writers do."""
    statement = p.load(EXAMPLE)
    _same_bytes(attrs.evolve(statement, extensions=FrozenJSONObject(), preamble=()))
