"""Tests of walking a statement: texts, figures and periods in document order, and paths."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings

import pcc_priorities as p
from check_helpers import clean, with_blocks
from pcc_priorities.model.pointer import parse_pointer, pointer
from pcc_priorities.model.walk import (
    TextKind,
    iter_figures,
    iter_periods,
    iter_texts,
    path_sort_key,
    resolves,
)
from pcc_priorities.testing import json_pointers, statements
from walk_reference import assert_same_walks


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
    """Texts, figures and periods come in reading order: the statement's parts in its order.

    Within a part they come in the order their paths sort in; with no order of its own, a
    statement's parts come in the document's order, so every path sorts. Each walk yields
    exactly what the generators it replaced yielded (``walk_reference``).
    """
    assert_same_walks(statement)
    rank = {part.value: position for position, part in enumerate(statement.parts())}
    rank["sections_heading"] = rank["sections"]

    def key(path: tuple[str | int, ...]) -> tuple[object, ...]:
        part = rank.get(str(path[0]), -1)  # the title, edition and periods come first
        return (part, path_sort_key(statement, pointer(path)))

    for walk in (iter_texts, iter_figures, iter_periods):
        paths = [item.path for item in walk(statement)]
        assert [key(path) for path in paths] == sorted(key(path) for path in paths)
        assert all(resolves(statement, pointer(path)) for path in paths)
        if not statement.order:
            keys = [path_sort_key(statement, pointer(path)) for path in paths]
            assert keys == sorted(keys)


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


def test_figure_labels_are_texts_in_order() -> None:
    """A figure's published labels are FIGURE_LABEL texts, at their paths, in document order."""
    figure = clean().sections[0].figures[0]
    comparison = attrs.evolve(
        figure.comparisons[0],
        area=p.Area(kind=p.AreaKind.REGION, name="West Midlands"),
        change=attrs.evolve(figure.comparisons[0].change, wording="a 43% rise"),
        wording="up on last year",
    )
    labelled = attrs.evolve(
        figure,
        wording="50 offences",
        rank=p.Rank(order=p.RankOrder.LOWEST, group="most similar forces"),
        area=p.Area(kind=p.AreaKind.FORCE, name="West Mercia"),
        source="Police recorded crime",
        comparisons=(comparison,),
        availability=p.DataAvailability(status=p.DataStatus.PROVISIONAL, reason="Not final"),
    )
    statement = with_blocks(clean(), p.Subsection(title="Knife crime", figures=(labelled,)))
    at = ("sections", 0, "blocks", 0, "figures", 0)
    found = [
        (item.path[len(at) :], item.kind, item.text)
        for item in iter_texts(statement)
        if item.path[: len(at)] == at
    ]
    label = TextKind.FIGURE_LABEL
    assert found == [
        (("measure",), label, "Offences recorded"),
        (("wording",), TextKind.FIGURE, "50 offences"),
        (("rank", "group"), label, "most similar forces"),
        (("area", "name"), label, "West Mercia"),
        (("source",), label, "Police recorded crime"),
        (("comparisons", 0, "area", "name"), label, "West Midlands"),
        (("comparisons", 0, "change", "wording"), label, "a 43% rise"),
        (("comparisons", 0, "wording"), label, "up on last year"),
        (("availability", "reason"), label, "Not final"),
    ]
