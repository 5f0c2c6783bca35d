"""Tests of canonical JSON: lossless round trips, exact numbers and complete error reports."""

from __future__ import annotations

import copy
import errno
import json
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pcc_priorities as p
from pcc_priorities import DocumentError, Statement
from pcc_priorities.formats import from_dict, to_dict
from pcc_priorities.model.json_values import thaw
from pcc_priorities.testing import json_values, statements

POINTER = re.compile(r"(/([^~/]|~[01])*)*")


def _minimal() -> dict[str, Any]:
    return {
        "schema_version": "1.0",
        "body": {"kind": "pcc", "name": "Police and Crime Commissioner for West Mercia"},
        "force": {"code": "E23000016", "name": "West Mercia Police"},
        "framework": "ncpm-2021",
        "title": "Police and Crime Commissioner Statement",
    }


def _problems(document: object) -> list[tuple[str, str]]:
    with pytest.raises(DocumentError) as caught:
        from_dict(document)
    return [(problem.path, problem.message) for problem in caught.value.problems]


@given(statements())
def test_json_round_trip_is_lossless(statement: Statement) -> None:
    """Every generated statement loads back equal from its canonical JSON."""
    assert p.loads(p.dumps(statement)) == statement


@given(statements())
def test_canonical_text_is_reproduced_byte_for_byte(statement: Statement) -> None:
    """Dumping a loaded canonical document reproduces the document exactly."""
    text = p.dumps(statement)
    assert p.dumps(p.loads(text)) == text
    assert p.dumps(p.loads(text.encode("utf-8"))) == text


@given(statements())
def test_dict_forms_round_trip(statement: Statement) -> None:
    """to_dict and from_dict are inverse, and to_dict starts with schema_version."""
    data = to_dict(statement)
    assert next(iter(data)) == "schema_version"
    assert from_dict(data) == statement


@pytest.mark.parametrize("written", ["0.1", "78", "1.50", "-0.001", "163000", "1E+3", "15.9"])
def test_numbers_keep_their_written_value(written: str) -> None:
    """A figure's number keeps its exact decimal value, with no float drift."""
    document = _minimal()
    document["sections"] = [
        {
            "priority": "homicide",
            "title": "Reduce murder and other homicide",
            "figures": [{"measure": "m", "value": "__NUMBER__"}],
        }
    ]
    text = json.dumps(document).replace('"__NUMBER__"', written)
    statement = p.loads(text)
    value = statement.sections[0].figures[0].value
    assert value == Decimal(written)
    assert value is not None
    assert Decimal(written).as_tuple() == value.as_tuple()
    assert p.loads(p.dumps(statement)) == statement


def test_plain_numbers_are_written_without_exponent() -> None:
    """Canonical JSON writes decimals in plain notation with their digits ("1.50", "78")."""
    document = _minimal()
    document["sections"] = [
        {
            "priority": "homicide",
            "title": "t",
            "figures": [
                {"measure": "a", "value": Decimal("1.50")},
                {"measure": "b", "value": 78},
                {"measure": "c", "value": Decimal("0.1")},
            ],
        }
    ]
    text = p.dumps(from_dict(document))
    assert '"value": 1.50' in text
    assert '"value": 78' in text
    assert '"value": 0.1' in text


def test_text_keeps_every_character() -> None:
    """Unicode text, control characters and quotes survive a round trip unchanged."""
    title = 'Cyfrinair \u200f\u200b\x00 "quoted" \\ back \u2028 £163k — “curly” 🚓'
    document = _minimal() | {"title": title}
    statement = from_dict(document)
    assert p.loads(p.dumps(statement)).title == title


def test_every_problem_is_listed_with_its_path() -> None:
    """One DocumentError lists every problem: unknown keys, types, dates, ids and tags."""
    document = _minimal() | {
        "colour": "blue",
        "published": "2023-13",
        "sections": [
            {
                "priority": "knitting",
                "title": 7,
                "figures": [
                    {
                        "measure": "m",
                        "value": "12",
                        "period": {"start": "2023-02-30", "end": "2023-03-01"},
                    }
                ],
                "blocks": [{"type": "poem", "text": "x"}, {"text": "no type"}],
            }
        ],
    }
    found = dict(_problems(document))
    assert set(found) == {
        "/colour",
        "/published",
        "/sections/0/priority",
        "/sections/0/title",
        "/sections/0/figures/0/value",
        "/sections/0/figures/0/period/start",
        "/sections/0/blocks/0/type",
        "/sections/0/blocks/1/type",
    }
    assert "unknown key 'colour'" in found["/colour"]
    assert "unknown priority 'knitting'" in found["/sections/0/priority"]
    assert "expected a string" in found["/sections/0/title"]
    assert "expected a number" in found["/sections/0/figures/0/value"]
    assert "not a real date" in found["/sections/0/figures/0/period/start"]
    assert "'paragraph'" in found["/sections/0/blocks/0/type"]


def test_problems_come_in_document_order() -> None:
    """Problems are listed in the order their places appear in the document."""
    document = _minimal() | {"title": 1, "sections": [{"priority": "homicide", "title": 2}]}
    document["body"] = {"kind": "nope", "name": 3}
    paths = [path for path, _ in _problems(document)]
    assert paths == ["/body/kind", "/body/name", "/title", "/sections/0/title"]


def test_missing_required_keys_are_named() -> None:
    """A missing required key is reported at its own path."""
    document = _minimal()
    del document["force"]
    assert _problems(document) == [("/force", "this required key is missing")]


def test_cross_references_are_checked() -> None:
    """Figures name metrics the statement lists; metric and figure ids are unique."""
    document = _minimal() | {
        "sections": [
            {
                "priority": "homicide",
                "title": "t",
                "metrics": [
                    {"id": "homicides", "name": "Homicides", "national_metric": "homicides"},
                    {"id": "homicides", "name": "Again", "national_metric": "not-national"},
                ],
                "figures": [
                    {"measure": "m", "metric": "homicides", "id": "f1"},
                    {"measure": "m", "metric": "ghost", "id": "f1"},
                ],
                "blocks": [
                    {
                        "type": "subsection",
                        "title": "s",
                        "figures": [
                            {
                                "measure": "m",
                                "availability": {
                                    "status": "not_available",
                                    "proxy_metric": "ghost2",
                                },
                            }
                        ],
                    }
                ],
            }
        ]
    }
    found = dict(_problems(document))
    assert "used twice" in found["/sections/0/metrics/1/id"]
    assert "unknown national metric" in found["/sections/0/metrics/1/national_metric"]
    assert "unknown metric 'ghost'" in found["/sections/0/figures/1/metric"]
    assert "used twice" in found["/sections/0/figures/1/id"]
    assert "ghost2" in found["/sections/0/blocks/0/figures/0/availability/proxy_metric"]


def test_reference_data_ids_are_checked() -> None:
    """Unknown frameworks, force codes, body kinds and language tags are reported."""
    document = _minimal() | {"framework": "ncpm-1999", "language": "English!"}
    document["force"] = {"code": "E23999999", "name": "Nowhere Police"}
    document["body"] = {"kind": "sheriff", "name": "Sheriff"}
    found = dict(_problems(document))
    assert set(found) == {"/framework", "/force/code", "/body/kind", "/language"}


@pytest.mark.parametrize(
    ("version", "message"),
    [(None, "missing"), ("9.9", "reads schema_version '1.0'"), (1, "reads schema_version")],
)
def test_schema_version_is_required_and_known(version: object, message: str) -> None:
    """A document without a known schema_version is refused at /schema_version."""
    document = _minimal()
    if version is None:
        del document["schema_version"]
    else:
        document["schema_version"] = version
    [(path, found)] = _problems(document)
    assert path == "/schema_version"
    assert message in found


def test_duplicate_keys_are_refused() -> None:
    """A key written twice in one object is an error, never silently the last one."""
    text = json.dumps(_minimal())[:-1] + ', "title": "Again"}'
    with pytest.raises(DocumentError) as caught:
        p.loads(text)
    assert [(x.path, x.message) for x in caught.value.problems] == [
        ("/title", "this key is written more than once in the object")
    ]


def test_syntax_errors_give_line_and_column() -> None:
    """A JSON syntax error is a DocumentError with the line and column."""
    with pytest.raises(DocumentError) as caught:
        p.loads('{\n  "title": "x",\n  oops\n}', source="broken.json")
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (3, 3)
    assert "broken.json" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"\xff\xfe{}", "not UTF-8"),
        ('{"value": NaN}', "NaN is not a JSON number"),
        ('{"value": Infinity}', "Infinity is not a JSON number"),
        ("[1, 2]", "expected a statement document"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_unreadable_input_is_a_document_error(text: str | bytes, message: str) -> None:
    """Bytes that are not UTF-8, non-JSON numbers and non-objects raise DocumentError."""
    with pytest.raises(DocumentError, match=message):
        p.loads(text)


def test_lone_surrogates_are_refused_with_a_path() -> None:
    """A lone surrogate escape in text is refused, not kept or mangled."""
    text = json.dumps(_minimal()).replace("Police and Crime Commissioner Statement", "\\ud800")
    with pytest.raises(DocumentError) as caught:
        p.loads(text)
    assert [x.path for x in caught.value.problems] == ["/title"]


def test_byte_order_mark_is_accepted() -> None:
    """A UTF-8 byte order mark, as Windows editors write it, is not part of the document."""
    text = json.dumps(_minimal())
    assert p.loads(("\ufeff" + text).encode("utf-8")) == p.loads(text)


def test_extension_keys_must_be_namespaced() -> None:
    """Extension keys without a namespace are refused at /extensions."""
    document = _minimal() | {"extensions": {"pageId": 4}}
    [(path, message)] = _problems(document)
    assert path == "/extensions"
    assert "namespace:name" in message


def test_extensions_are_preserved_exactly() -> None:
    """Extensions keep their values, numbers and key order exactly."""
    document = _minimal() | {
        "extensions": {"cms:page": {"z": 1, "a": [0.10, None, True, "x"]}, "dash:tile": 2}
    }
    text = json.dumps(document)
    text = text.replace("0.1", "0.10")
    statement = p.loads(text)
    again = p.dumps(statement)
    assert '"z": 1,\n      "a": [\n        0.10,' in again
    assert p.loads(again) == statement


def test_dump_writes_canonical_file(tmp_path: Path) -> None:
    """Dump writes the canonical text and load reads it back."""
    statement = from_dict(_minimal())
    path = tmp_path / "statement.json"
    p.dump(statement, path)
    assert path.read_text(encoding="utf-8") == p.dumps(statement)
    assert p.load(path) == statement


def test_failed_dump_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails before the rename leaves the old file whole and no temporary file."""
    path = tmp_path / "statement.json"
    path.write_text("previous", encoding="utf-8")

    def fail(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match=r"statement\.json: cannot write the file: the disk is full"):
        p.dump(from_dict(_minimal()), path)
    assert path.read_text(encoding="utf-8") == "previous"
    assert [f.name for f in tmp_path.iterdir()] == ["statement.json"]


def test_load_names_the_file_in_errors(tmp_path: Path) -> None:
    """Errors from load say which file they are about."""
    path = tmp_path / "bad.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        p.load(path)
    assert caught.value.source == str(path)
    assert str(path) in str(caught.value)


# --------------------------------------------------------------------------- malformed input


def _paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


def _json_plain(value: object) -> object:
    return json.loads(json.dumps(thaw(value), default=str))  # type: ignore[arg-type]


@st.composite
def mutated_documents(draw: st.DrawFn) -> object:
    """Valid documents with one random part replaced, removed or extended."""
    document = copy.deepcopy(to_dict(draw(statements())))
    target = draw(st.sampled_from(_paths(document)))
    action = draw(st.sampled_from(["replace", "delete", "extra"]))
    if not target:
        return draw(json_values().map(_json_plain))
    parent: Any = document
    for part in target[:-1]:
        parent = parent[part]
    last = target[-1]
    if action == "replace":
        parent[last] = draw(json_values().map(_json_plain))
    elif action == "delete":
        del parent[last]
    elif isinstance(parent[last], dict):
        parent[last][draw(st.text(max_size=5))] = draw(json_values().map(_json_plain))
    else:
        parent[last] = [parent[last]]
    return document


@given(mutated_documents())
def test_malformed_documents_raise_only_document_error(document: object) -> None:
    """A mutated document either loads or raises DocumentError whose problems have paths."""
    try:
        statement = from_dict(document)
    except DocumentError as error:
        problems = error.problems
    else:
        assert p.loads(p.dumps(statement)) == statement
        return
    assert problems
    for problem in problems:
        assert POINTER.fullmatch(problem.path), problem.path
        assert problem.message


@given(st.binary(max_size=200))
def test_arbitrary_bytes_raise_only_document_error(data: bytes) -> None:
    """Arbitrary bytes never raise anything but DocumentError."""
    with pytest.raises(DocumentError):
        p.loads(data)


# --------------------------------------------------------------------------- formats review


@pytest.mark.parametrize("written", ["1E+101", "-9.5E+150", "1E-101", "0E-200", "1" * 5000])
def test_numbers_of_absurd_magnitude_are_refused_with_their_path(written: str) -> None:
    """A number with a decimal exponent outside -100..100 is a problem at its own path."""
    document = _minimal() | {"sections": [{"priority": "homicide", "figures": []}]}
    document["sections"][0]["figures"] = [{"measure": "m", "value": Decimal(written)}]
    found = dict(_problems(document))
    assert "decimal exponent is -100 to 100" in found["/sections/0/figures/0/value"]


def test_the_model_refuses_numbers_of_absurd_magnitude() -> None:
    """The model refuses a Decimal or int far beyond any figure, whatever its type."""
    with pytest.raises(ValueError, match="decimal exponent is -100 to 100"):
        p.Figure(measure="m", value=Decimal("1E+101"))
    with pytest.raises(ValueError, match="decimal exponent is -100 to 100"):
        p.Figure(measure="m", value=10**200)
    assert p.Figure(measure="m", value=Decimal("-9.99E+100")).value == Decimal("-9.99E+100")


def test_extension_whole_numbers_over_4000_digits_are_refused() -> None:
    """An extension integer too long for Python's JSON reader is refused, not written."""
    document = _minimal() | {"extensions": {"a:b": [10**4000]}}
    found = _problems(document)
    assert found[0][0] == "/extensions"
    assert "at most 4,000 digits" in found[0][1]
    assert from_dict(_minimal() | {"extensions": {"a:b": 10**4000 - 1}}).extensions


@pytest.mark.parametrize("written", ["-0", "-0E+3"])
def test_negative_whole_zero_is_written_as_zero(written: str) -> None:
    """A signed whole zero is written "0", so the text reads back to the same bytes."""
    statement = from_dict(_minimal() | {"extensions": {"a:b": Decimal(written)}})
    text = p.dumps(statement)
    assert '"a:b": 0\n' in text
    assert p.dumps(p.loads(text)) == text


def test_negative_fractional_zero_keeps_its_sign() -> None:
    """-0.0 is written as "-0.0", which reads back exactly."""
    statement = from_dict(_minimal() | {"extensions": {"a:b": Decimal("-0.0")}})
    text = p.dumps(statement)
    assert '"a:b": -0.0\n' in text
    assert p.dumps(p.loads(text)) == text


def test_lone_surrogate_is_refused_when_writing(tmp_path: Path) -> None:
    """Both dumps and dump raise EncodingError naming the path of a lone surrogate."""
    statement = from_dict(_minimal())
    bad = attrs.evolve(statement, title="a\ud800b")
    with pytest.raises(p.EncodingError) as caught:
        p.dumps(bad)
    assert caught.value.path == "/title"
    target = tmp_path / "out.json"
    with pytest.raises(p.EncodingError):
        p.dump(bad, target)
    assert not target.exists()
    keyed = attrs.evolve(statement, extensions={"a:b": {"x": [1, {"k\udc00": 2}]}})
    with pytest.raises(p.EncodingError) as caught:
        p.dumps(keyed)
    assert caught.value.path == "/extensions/a:b/x/1/k\udc00"
