"""Tests that the benchmark corpus and the pydantic/msgspec equivalents are what they claim."""

from __future__ import annotations

import itertools
import json
import random
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import pcc_priorities as p
from pcc_priorities.testing import statements

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
pytest.importorskip("pydantic")
pytest.importorskip("msgspec")

from benchmarks import alternatives, corpus


def _same(left: bytes | str, right: bytes | str) -> bool:
    return bool(json.loads(left, parse_float=Decimal) == json.loads(right, parse_float=Decimal))


@given(statements())
def test_alternatives_accept_every_valid_document(statement: p.Statement) -> None:
    """Every document the library accepts loads in the pydantic and msgspec equivalents."""
    document = p.dumps(statement).encode("utf-8")
    alternatives.pydantic_loads(document)
    assert _same(alternatives.msgspec_dumps(alternatives.msgspec_loads(document)), document)


@pytest.mark.parametrize(
    "change",
    [
        {"colour": "blue"},
        {"title": 7},
        {"published": "September"},
        {"sections": [{"priority": "homicide", "title": "t", "blocks": [{"type": "poem"}]}]},
        {"sections": [{"priority": "homicide", "title": "t", "figures": [{"value": 1}]}]},
    ],
)
def test_alternatives_refuse_what_the_library_refuses(change: dict[str, Any]) -> None:
    """Unknown keys, wrong types, bad dates, unknown tags and missing keys fail in all three."""
    document = json.loads(p.dumps(corpus.statement(p.get_force("Kent"), 2023, 1, _rng())))
    document.update(change)
    data = json.dumps(document).encode()
    with pytest.raises(p.DocumentError):
        p.loads(data)
    with pytest.raises(Exception):  # noqa: B017, PT011 - pydantic's ValidationError
        alternatives.pydantic_loads(data)
    with pytest.raises(Exception):  # noqa: B017, PT011 - msgspec's ValidationError
        alternatives.msgspec_loads(data)


def _rng() -> random.Random:
    return random.Random(1)


def test_corpus_is_seeded_and_valid() -> None:
    """The corpus generator gives the same valid statements for the same seed."""
    first = list(itertools.islice(corpus.generate(), 3))
    again = list(itertools.islice(corpus.generate(), 3))
    assert first == again
    for _, statement in first:
        assert len(statement.sections) == 6
        assert p.loads(p.dumps(statement)) == statement
        assert sum(len(s.figures) for s in statement.sections) >= 24
