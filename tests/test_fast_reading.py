"""Tests that the quick JSON path reads exactly what the careful loader reads, and nothing else.

The quick path (:mod:`pcc_priorities.formats.fast_reading`) may only say "valid": every
document gives the same statement, or the same problems in the same order, as
:func:`~pcc_priorities.formats.json.read_json_carefully`, the loader as it always was.
"""

from __future__ import annotations

import json
import pickle
import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pcc_priorities as p
from pcc_priorities.convert.struct_reader import _building_class
from pcc_priorities.formats import Limits, to_dict
from pcc_priorities.formats.fast_reading import (
    _depth_within,
    _reader,
    _values_bound,
    read_valid,
)
from pcc_priorities.formats.json import read_json_carefully, read_json_text
from pcc_priorities.formats.limits import DEFAULT_LIMITS, check_depth
from pcc_priorities.testing import statements

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks import corpus  # noqa: E402

from test_hardening import mutated_texts  # noqa: E402


def _outcome(read: Any, text: str | bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[Any, ...]:
    """What a reader gives: the result's fields, or the error's problems in order."""
    try:
        result = read(text, source="doc.json", limits=limits)
    except p.DocumentError as error:
        problems = [(q.path, q.message, q.line, q.column) for q in error.problems]
        return ("refused", error.source, problems)
    return (
        "read",
        result.statement,
        # Equal is not enough: Decimal("1.50") == Decimal("1.5"), and findings print values.
        repr(result.statement),
        result.schema_version,
        result.upgrades,
        result.format,
        result.source,
    )


def _same_either_way(text: str | bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[Any, ...]:
    quick = _outcome(read_json_text, text, limits)
    careful = _outcome(read_json_carefully, text, limits)
    assert quick == careful
    return quick


def _sample() -> list[bytes]:
    rng = random.Random(15)
    forces = p.forces()
    return [
        p.dumps(corpus.statement(forces[index], 2022 + index % 2, index % 4 + 1, rng)).encode()
        for index in range(0, len(forces), 11)
    ]


SAMPLE = _sample()


@pytest.mark.parametrize("document", SAMPLE, ids=lambda d: json.loads(d)["force"]["code"])
def test_corpus_statements_take_the_quick_path_and_read_alike(document: bytes) -> None:
    """Benchmark-corpus statements are read by the quick path, as the careful loader reads them."""
    quick = read_valid(document, source="doc.json", limits=DEFAULT_LIMITS)
    assert quick is not None
    assert _same_either_way(document)[1] == quick.statement


@pytest.mark.parametrize("document", SAMPLE[:3], ids=lambda d: json.loads(d)["force"]["code"])
def test_findings_are_the_same_either_way(document: bytes) -> None:
    """Checking a statement read quickly gives the report checking the careful read gives."""
    quick = read_valid(document, source=None, limits=DEFAULT_LIMITS)
    assert quick is not None
    careful = read_json_carefully(document)
    as_of = date(2025, 1, 1)
    quick_report = p.check(quick.statement, as_of=as_of).to_json()
    assert quick_report == p.check(careful.statement, as_of=as_of).to_json()
    assert json.loads(quick_report)["findings"]


def test_the_worked_example_takes_the_quick_path() -> None:
    """The worked example, as text or bytes, with or without a BOM, is read quickly and alike."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for document in (text, text.encode("utf-8"), "\ufeff" + text, b"\xef\xbb\xbf" + text.encode()):
        assert read_valid(document, source=None, limits=DEFAULT_LIMITS) is not None
        assert _same_either_way(document)[0] == "read"


@settings(max_examples=60)
@given(statements(), st.integers(min_value=1, max_value=16))
def test_generated_statements_read_alike(statement: p.Statement, max_depth: int) -> None:
    """Every generated statement is read quickly, equal to itself and to the careful read.

    And the quick depth check agrees with measuring the document, whatever the limit.
    """
    document = p.dumps(statement)
    quick = read_valid(document.encode(), source=None, limits=DEFAULT_LIMITS)
    assert quick is not None
    assert quick.statement == statement
    assert _same_either_way(document)[1] == statement
    limits = Limits(max_depth=max_depth)
    assert _depth_within(statement, limits, _reader()) == _measured_ok(statement, limits)
    _same_either_way(document, limits)


@given(mutated_texts())
def test_fuzz_mutated_documents_read_alike(text: str | bytes) -> None:
    """A mutated document gives the same statement or the same problems either way."""
    _same_either_way(text)


# --------------------------------------------------------------------------- text edits


def _example() -> str:
    return p.dumps(p.load(EXAMPLE))


def _edit(old: str, new: str, count: int = 1) -> str:
    text = _example()
    assert old in text
    return text.replace(old, new, count)


EDITS = {
    "key written twice at the top": lambda: _edit('"title": ', '"title": "Other",\n  "title": '),
    "key written twice in a figure": lambda: _edit('"measure": ', '"measure": "x", "measure": '),
    "key twice, colon escaped in a text": lambda: _edit(
        '"title": ', '"edition": "a\\u003ab",\n  "title": "Other",\n  "title": '
    ),
    "escaped colon alone": lambda: _edit('"title": "', '"title": "\\u003A '),
    "space before a colon": lambda: _edit('"title": ', '"title"  :\n '),
    "a member at its default": lambda: _edit('"title": ', '"edition": null,\n  "title": '),
    "an empty array written": lambda: _edit('"title": ', '"glossary": [],\n  "title": '),
    "a number as a string": lambda: _edit('"value": 3', '"value": "3'),
    "an upper value below the value": lambda: _edit('"value": 3', '"upper_value": 1, "value": 3'),
    "a period that ends before it starts": lambda: _edit(
        '"start": "2023-04-01"', '"start": "2099-04-01"'
    ),
    "minus zero": lambda: _edit('"value": 3', '"value": -0, "upper_value": 3'),
    "minus zero alone": lambda: _edit('"value": 3', '"value": -0.0', 1),
    "an exponent": lambda: _edit('"value": 3', '"value": 3e1'),
    "an absurd exponent": lambda: _edit('"value": 3', '"value": 3e400'),
    "a long whole number": lambda: _edit('"value": 3', '"value": 3' + "0" * 5000),
    "a boolean for a number": lambda: _edit('"value": 3', '"value": true, "y": 3'),
    "an unknown key": lambda: _edit('"title": ', '"colour": "blue",\n  "title": '),
    "an unknown force": lambda: _edit('"E23000016"', '"E23999999"'),
    "an unknown language": lambda: _edit('"title": ', '"language": "english",\n  "title": '),
    "an unknown priority": lambda: _edit('"priority": "', '"priority": "x'),
    "an unknown framework": lambda: _edit('"ncpm-2021"', '"ncpm-2099"'),
    "a later schema_version": lambda: _edit('"schema_version": "1.0"', '"schema_version": "9.0"'),
    "an earlier schema_version": lambda: _edit(
        '"schema_version": "1.0"', '"schema_version": "0.9"'
    ),
    "a lone surrogate": lambda: _edit('"title": "', '"title": "\\ud800'),
    "a control character": lambda: _edit('"title": "', '"title": "\\u0001\\b\\/'),
    "a date that is not": lambda: _edit('"start": "2023-04-01"', '"start": "2023-02-30"'),
    "a short date": lambda: _edit('"start": "2023-04-01"', '"start": "2023-4-1"'),
    "a date with a time": lambda: _edit('"start": "2023-04-01"', '"start": "2023-04-01T00:00"'),
    "an unknown block type": lambda: _edit('"type": "paragraph"', '"type": "poem"'),
    "a block without a type": lambda: _edit('"type": "paragraph",', ""),
    "trailing text": lambda: _example() + "x",
    "trailing comma": lambda: _edit('"title": ', '"title": "a",,\n  "x": '),
    "an array for the document": lambda: "[" + _example() + "]",
    "a byte order mark twice": lambda: "\ufeff\ufeff" + _example(),
    "extensions": lambda: _edit(
        '"title": ', '"extensions": {"cms:a": [{"x": 1.50}]},\n  "title": '
    ),
    "a key twice in extensions": lambda: _edit(
        '"title": ', '"extensions": {"cms:a": {"x": 1, "x": 2}},\n  "title": '
    ),
    "a constant in extensions": lambda: _edit(
        '"title": ', '"extensions": {"cms:a": NaN},\n  "title": '
    ),
    "a surrogate in extensions": lambda: _edit(
        '"title": ', '"extensions": {"cms:a": "\\udc00"},\n  "title": '
    ),
    "an extension key not namespaced": lambda: _edit(
        '"title": ', '"extensions": {"a": 1},\n  "title": '
    ),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_edited_documents_read_alike(name: str) -> None:
    """Each edit the quick path must not wave through gives the careful loader's outcome."""
    text = EDITS[name]()
    _same_either_way(text)
    _same_either_way(text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize(
    "name",
    [
        "key written twice at the top",
        "key written twice in a figure",
        "key twice, colon escaped in a text",
        "a member at its default",
        "a number as a string",
        "an unknown key",
        "an unknown force",
        "a lone surrogate",
        "a key twice in extensions",
        "a surrogate in extensions",
        "an upper value below the value",
        "a period that ends before it starts",
    ],
)
def test_the_quick_path_declines_what_it_cannot_vouch_for(name: str) -> None:
    """Repeated keys, members at their defaults and invalid values never pass the quick path."""
    text = EDITS[name]()
    assert read_valid(text, source=None, limits=DEFAULT_LIMITS) is None


def test_a_repeated_key_is_still_reported() -> None:
    """A key written twice is refused with its path, as before."""
    outcome = _same_either_way(EDITS["key written twice at the top"]())
    assert outcome[0] == "refused"
    assert ("/title", "this key is written more than once in the object", None, None) in outcome[2]


# --------------------------------------------------------------------------- depth


def _nested(levels: int) -> p.Statement:
    statement = p.load(EXAMPLE)
    block: p.Block = p.Paragraph(text="Deepest.")
    for level in range(levels):
        block = p.Subsection(title=f"Level {level}", blocks=(block,))
    section = statement.sections[0]
    sections = (
        p.PrioritySection(
            priority=section.priority, title=section.title, blocks=(*section.blocks, block)
        ),
        *statement.sections[1:],
    )
    return attrs.evolve(statement, sections=sections)


def _measured_ok(statement: p.Statement, limits: Limits) -> bool:
    try:
        check_depth(to_dict(statement), limits, None)
    except p.DocumentError:
        return False
    return True


@pytest.mark.parametrize("levels", [1, 3, 27, 30])
@pytest.mark.parametrize("max_depth", [8, 10, 12, 64])
def test_nested_subsections_meet_the_depth_limit_alike(levels: int, max_depth: int) -> None:
    """Subsections nested deep are refused, or read, exactly as the careful loader does."""
    statement = _nested(levels)
    limits = Limits(max_depth=max_depth)
    reader = _reader()
    assert _depth_within(statement, limits, reader) == _measured_ok(statement, limits)
    _same_either_way(p.dumps(statement), limits)


# --------------------------------------------------------------------------- references


def _reference_edits() -> list[tuple[str, Any]]:
    def first_figure(data: dict[str, Any]) -> dict[str, Any]:
        return next(s for s in data["sections"] if s.get("figures"))["figures"][0]

    def metrics(data: dict[str, Any]) -> list[dict[str, Any]]:
        return next(s for s in data["sections"] if s.get("metrics"))["metrics"]

    return [
        ("body kind", lambda d: d["body"].update(kind="sheriff")),
        ("figure metric", lambda d: first_figure(d).update(metric="nowhere")),
        (
            "proxy metric",
            lambda d: first_figure(d).update(
                availability={"status": "not_available", "proxy_metric": "nowhere"}
            ),
        ),
        (
            "figure id twice",
            lambda d: [f.update(id="same") for s in d["sections"] for f in s.get("figures", [])],
        ),
        ("metric id twice", lambda d: metrics(d).append(dict(metrics(d)[0]))),
        ("national metric", lambda d: metrics(d)[0].update(national_metric="nowhere")),
        (
            "subsection figure metric",
            lambda d: d["preamble"].append(
                {
                    "type": "subsection",
                    "title": "t",
                    "blocks": [
                        {
                            "type": "subsection",
                            "title": "u",
                            "figures": [{"measure": "m", "metric": "nowhere"}],
                        }
                    ],
                }
            ),
        ),
    ]


@pytest.mark.parametrize(
    ("name", "edit"), _reference_edits(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_reference_problems_read_alike(name: str, edit: Any) -> None:
    """Unknown or repeated ids are refused with the careful loader's problems."""
    data = json.loads(_example())
    edit(data)
    outcome = _same_either_way(json.dumps(data, indent=2))
    assert outcome[0] == "refused", name


REAL = sorted((Path(__file__).parent / "statements").glob("*.json"))


@pytest.mark.parametrize("path", REAL, ids=lambda path: path.stem)
def test_real_statements_take_the_quick_path_and_read_alike(path: Path) -> None:
    """Real statements (partial periods, plans' priorities as text) read quickly, alike."""
    document = path.read_bytes()
    quick = read_valid(document, source=None, limits=DEFAULT_LIMITS)
    assert quick is not None
    assert repr(quick.statement) == repr(read_json_carefully(document).statement)
    assert p.dumps(quick.statement).encode() == document


@pytest.mark.parametrize("max_values", [10, 200, 1_000])
def test_the_values_limit_holds_either_way(max_values: int) -> None:
    """A document with more values than ``Limits.max_values`` is refused by both paths alike."""
    text = (ROOT / "examples" / "west-mercia-2023-09.json").read_bytes()
    _same_either_way(text, Limits(max_values=max_values))
    with pytest.raises(p.DocumentError, match="max_values"):
        read_json_text(text, limits=Limits(max_values=max_values))


def _careful_values(text: str) -> int:
    """The most values any of the careful loader's counts finds in ``text`` (valid JSON)."""
    members = objects = elements = containers = 0
    stack: list[Any] = [json.loads(text)]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            members, objects, containers = members + len(value), objects + 1, containers + 1
            stack.extend(value.values())
        elif isinstance(value, list):
            elements, containers = elements + len(value), containers + 1
            stack.extend(value)
    return max(containers, 2 * members + objects, 1 + 2 * members + elements)


@pytest.mark.parametrize("padding", [0, 200_000])
def test_the_values_limit_holds_either_way_near_it(padding: int) -> None:
    """Near the limit, a text is read or refused alike, short or long (a long paragraph).

    The quick path once compared only colons and brackets with the limit, and read documents
    the careful loader refused for holding twice as many members as that.
    """
    text = _edit('"title": "', '"title": "' + "x" * padding)
    values = _careful_values(text)
    colons = text.count(":")
    brackets = text.count("[") + text.count("{")
    for max_values in {values - 1, values, values + 1, max(colons, brackets) + 1}:
        outcome = _same_either_way(text, Limits(max_values=max_values))
        assert (outcome[0] == "read") == (max_values >= values), max_values
    if padding:  # far longer than the limit: the quick path counts the text's marks
        bound = _values_bound(text, colons)
        assert values <= bound < len(text)
        assert read_valid(text, source=None, limits=Limits(max_values=bound)) is not None
        assert read_valid(text, source=None, limits=Limits(max_values=bound - 1)) is None


@settings(max_examples=40)
@given(statements(), st.data())
def test_generated_statements_meet_the_values_limit_alike(
    statement: p.Statement, data: st.DataObject
) -> None:
    """Any limit, near the values held or the text's length, is met or refused either way."""
    document = p.dumps(statement)
    values = _careful_values(document)
    compact = json.dumps(json.loads(document), separators=(",", ":"), ensure_ascii=False)
    text = data.draw(st.sampled_from([document, compact]))
    max_values = data.draw(
        st.one_of(
            st.integers(max(1, values - 2), values + 2),
            st.integers(len(text) - 2, len(text) + 2),
            st.integers(1, 2 * len(text)),
        )
    )
    outcome = _same_either_way(text, Limits(max_values=max_values))
    assert (outcome[0] == "read") == (max_values >= values)


# --------------------------------------------------------------------------- objects built


def _objects(value: object) -> list[object]:
    """``value`` and every model object and tuple inside it."""
    found, stack = [], [value]
    while stack:
        item = stack.pop()
        found.append(item)
        if isinstance(item, tuple):
            stack.extend(item)
        elif attrs.has(type(item)):
            stack.extend(getattr(item, f.name) for f in attrs.fields(type(item)))
    return found


def test_the_quick_path_builds_objects_of_the_model_classes_themselves() -> None:
    """Objects are written as a subclass's, then given their class: nothing of it is left."""
    reader = _reader()
    assert all(_building_class(cls) is not None for cls in reader._read)  # none left slow
    quick = read_valid(SAMPLE[0], source=None, limits=DEFAULT_LIMITS)
    assert quick is not None
    objects = [o for o in _objects(quick.statement) if attrs.has(type(o))]
    assert len(objects) > 100
    for item in objects:
        assert type(item).__module__.startswith("pcc_priorities.")
        assert not type(item).__name__.endswith("Building"), type(item)
        field = attrs.fields(type(item))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(item, field, None)
    again = pickle.loads(pickle.dumps(quick.statement))
    assert again == quick.statement
    assert repr(again) == repr(read_json_carefully(SAMPLE[0]).statement)
