"""Tests of walking a statement: texts, figures and periods in document order, and paths."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings

import pcc_priorities as p
from check_helpers import clean, with_blocks
from pcc_priorities._walk import (
    TextKind,
    iter_figures,
    iter_periods,
    iter_texts,
    parse_pointer,
    path_sort_key,
    pointer,
    resolves,
)
from pcc_priorities.testing import json_pointers, statements


@given(json_pointers())
def test_pointers_round_trip(text: str) -> None:
    """A JSON Pointer parses into segments that write back as the same pointer."""
    segments = parse_pointer(text)
    assert segments is not None
    assert pointer(segments) == text


@pytest.mark.parametrize("text", ["sections/0", "/a~2b", "/~"])
def test_malformed_pointers(text: str) -> None:
    """Text that is not a JSON Pointer does not parse."""
    assert parse_pointer(text) is None


def test_resolving_paths() -> None:
    """Paths resolve to parts of the statement, including parts left at their default."""
    statement = with_blocks(clean(), p.Subsection(title="Knife crime"))
    for path in ("", "/published", "/glossary", "/sections/0/blocks/0/type", "/sections/5"):
        assert resolves(statement, path), path
    for path in ("/sections/6", "/sections/01", "/nothing", "/title/0", "sections"):
        assert not resolves(statement, path), path


@settings(max_examples=30)
@given(statements())
def test_walks_are_in_document_order(statement: p.Statement) -> None:
    """Texts, figures and periods come in the order their paths sort in."""
    for walk in (iter_texts, iter_figures, iter_periods):
        keys = [path_sort_key(statement, pointer(item.path)) for item in walk(statement)]
        assert keys == sorted(keys)
        assert all(resolves(statement, pointer(item.path)) for item in walk(statement))


def test_texts_cover_what_readers_see() -> None:
    """Titles, narrative, metrics and figure wordings are texts; ids and names are not."""
    statement = attrs.evolve(clean(), edition="Update April 2024", review="Reviewed yearly.")
    kinds = {(item.path, item.kind) for item in iter_texts(statement)}
    assert (("title",), TextKind.HEADING) in kinds
    assert (("edition",), TextKind.OTHER) in kinds
    assert (("applicability", "aligns_with", 0), TextKind.ASSESSMENT) in kinds
    assert (("sections", 0, "metrics", 0, "data_source"), TextKind.METRIC) in kinds
    assert (("sections", 0, "blocks", 0, "text"), TextKind.NARRATIVE) in kinds
    assert (("review",), TextKind.OTHER) in kinds
    assert not any(path[0] in {"body", "force", "framework"} for path, _ in kinds)
