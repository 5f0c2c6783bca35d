"""The JSON Schema: generated from the model, shipped unchanged, agreeing with the loader."""

from __future__ import annotations

import copy
import io
import json
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import pcc_priorities as p
from pcc_priorities import model as _model
from pcc_priorities import periods
from pcc_priorities.cli import main
from pcc_priorities.convert.hooks import EXTENSION_KEY
from pcc_priorities.formats import SCHEMA_VERSION, from_dict
from pcc_priorities.formats import schema as _schema
from pcc_priorities.reference import body_kinds
from pcc_priorities.testing import statements

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = (
    ROOT / "src" / "pcc_priorities" / "formats" / "statement.schema.json",
    ROOT / "docs" / "statement.schema.json",
)
REGENERATE = (
    "python -m pcc_priorities schema --overwrite"
    " -o src/pcc_priorities/formats/statement.schema.json"
    " && python -m pcc_priorities schema --overwrite -o docs/statement.schema.json"
)


@cache
def validator() -> Draft202012Validator:
    return Draft202012Validator(
        _schema.json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def schema_accepts(data: object) -> bool:
    return validator().is_valid(data)


def parse(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


def loader_problems(data: object) -> list[p.Problem] | None:
    """Return the loader's problems with ``data``, or None when it loads."""
    try:
        from_dict(copy.deepcopy(data))
    except p.DocumentError as error:
        return list(error.problems)
    return None


# --------------------------------------------------------------------------- the schema itself


def test_schema_is_a_valid_2020_12_schema() -> None:
    """The generated schema is itself valid against the draft 2020-12 meta-schema."""
    schema = _schema.json_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: str(path.relative_to(ROOT)))
def test_shipped_copies_are_the_generated_schema(path: Path) -> None:
    """The schema shipped in the package and in docs/ is exactly what the generator writes now."""
    assert path.read_text(encoding="utf-8") == _schema.packaged_schema_text(), (
        f"{path} is out of date; regenerate it with: {REGENERATE}"
    )


def test_cli_schema_prints_the_schema() -> None:
    """`pcc-priorities schema` prints the generated schema as JSON."""
    out = io.StringIO()
    assert main(["schema"], out) == 0
    assert json.loads(out.getvalue()) == _schema.json_schema()


def test_cli_schema_writes_a_file_and_refuses_to_replace_it(tmp_path: Path) -> None:
    """`schema -o OUT` writes the schema and will not replace OUT without --overwrite."""
    target = tmp_path / "schema.json"
    assert main(["schema", "-o", str(target)], io.StringIO()) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == _schema.json_schema()
    target.write_text("{}", encoding="utf-8")
    assert main(["schema", "-o", str(target)], io.StringIO()) == 2
    assert target.read_text(encoding="utf-8") == "{}"
    assert main(["schema", "-o", str(target), "--overwrite"], io.StringIO()) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == _schema.json_schema()


def _object_schemas(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = [("(root)", schema)]
    found.extend((name, d) for name, d in schema["$defs"].items() if d.get("type") == "object")
    return [(name, d) for name, d in found if "properties" in d]


def test_every_object_and_property_has_a_description() -> None:
    """Every model object and every one of its properties carries a description from the docs."""
    missing = [
        f"{name}.{key}"
        for name, definition in _object_schemas(_schema.json_schema())
        for key, prop in definition["properties"].items()
        if not prop.get("description")
    ]
    assert missing == []
    assert all(d.get("description") for d in _schema.json_schema()["$defs"].values())


def test_model_objects_forbid_unknown_keys_and_list_required_ones() -> None:
    """Every model object refuses unknown keys and requires the attributes without default."""
    schema = _schema.json_schema()
    for name, definition in _object_schemas(schema):
        assert definition["additionalProperties"] is False, name
    figure = schema["$defs"]["Figure"]
    assert figure["required"] == ["measure"]
    assert list(figure["properties"]) == [f.name for f in attrs.fields(_model.Figure)]
    assert schema["required"][:1] == ["schema_version"]


def test_enums_and_reference_ids_are_listed() -> None:
    """Enumerations come from the StrEnums, and ids from the reference data."""
    schema = _schema.json_schema()
    assert schema["$defs"]["Unit"]["enum"] == [unit.value for unit in _model.Unit]
    assert "`money`: Pounds sterling." in schema["$defs"]["Unit"]["description"]
    assert schema["properties"]["framework"]["enum"] == [f.id for f in p.frameworks()]
    codes = schema["$defs"]["PoliceForce"]["properties"]["code"]["enum"]
    assert codes == [force.code for force in p.forces()]
    assert len(codes) == 43
    kinds = schema["$defs"]["PolicingBody"]["properties"]["kind"]["enum"]
    assert kinds == [kind.id for kind in body_kinds()]


def test_blocks_are_a_one_of_tagged_by_type() -> None:
    """A narrative block is one of the block objects, each with a constant 'type'."""
    schema = _schema.json_schema()
    refs = [branch["$ref"] for branch in schema["$defs"]["Block"]["oneOf"]]
    assert refs == [
        f"#/$defs/{name}" for name in ("Paragraph", "BulletList", "Quotation", "Subsection")
    ]
    assert schema["$defs"]["BulletList"]["properties"]["type"]["const"] == "bullet_list"
    assert schema["$defs"]["BulletList"]["required"][0] == "type"


def test_extension_keys_follow_the_converter_pattern() -> None:
    """Extension keys are checked with the converter's own pattern."""
    names = _schema.json_schema()["$defs"]["Extensions"]["propertyNames"]
    assert names == {"pattern": f"^{EXTENSION_KEY.pattern}(?!\\n)$"}


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("language",), "en-GB\n"),
        (("published",), "2023\n"),
        (("published",), "2023-04\n"),
        (("periods", 0, "start"), "2023-04-01\n"),
        (("extensions",), {"a:b\n": 1}),
        (("extensions",), {"a:b\x1c": 1}),
        (("extensions",), {"a:b\ufeff": 1}),
        (("extensions",), {"a:b\u2028c": 1}),
    ],
)
def test_schema_and_loader_refuse_the_same_text(path: tuple[Any, ...], value: object) -> None:
    """A final newline or a white-space character the dialects disagree on fails both."""
    data = _minimal()
    data["periods"] = [{"start": "2023-04-01", "end": "2024-03-31"}]
    assert schema_accepts(data)
    assert loader_problems(data) is None
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not schema_accepts(data)
    assert loader_problems(data) is not None


def test_extension_keys_may_hold_non_ascii_names() -> None:
    """A key name in any script, without white space or controls, passes schema and loader."""
    data = _minimal() | {"extensions": {"cms:tudalen-\u00e9\u0634\U0001f693": 1}}
    assert schema_accepts(data)
    assert loader_problems(data) is None


def test_a_new_model_field_needs_no_schema_code() -> None:
    """A field added to a model class appears in the schema with its type and description."""

    @attrs.frozen(kw_only=True)
    class Suppression:
        """A finding the authors chose to suppress.

        Attributes:
            rule: The rule code.
            reason: Why it is suppressed,
                on two lines.
        """

        rule: str
        reason: str | None = None
        since: periods.PartialDate | None = None

    generator = _schema._Generator()
    definition = generator.object_schema(Suppression)
    assert definition["required"] == ["rule"]
    assert definition["properties"]["reason"]["description"] == (
        "Why it is suppressed, on two lines."
    )
    assert definition["properties"]["since"]["anyOf"][0] == {"$ref": "#/$defs/PartialDate"}


def test_an_unknown_type_is_refused_with_a_hint() -> None:
    """A type the generator has no schema for raises an error naming where to add it."""
    with pytest.raises(TypeError, match="_SCALARS"):
        _schema._Generator().for_type(complex)


# --------------------------------------------------------------------------- against the loader


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statements())
def test_every_valid_statement_validates(statement: p.Statement) -> None:
    """Every document the library writes for a valid statement validates against the schema."""
    data = parse(p.dumps(statement))
    errors = [error.message for error in validator().iter_errors(data)]
    assert errors == []


#: Loader problems the schema cannot express (see the module docstring of _schema).
NOT_EXPRESSIBLE = (
    "is used twice",  # ids unique in the statement
    "unknown metric",  # figures name a metric of the statement
    "before it starts",  # period order
    "upper_value needs",  # range order
    "unknown figure",  # a breakdown names a figure of the statement
    "part of itself",  # breakdowns do not go round in a circle
)


def _paths(value: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


_WORDS = sorted(
    {
        member.value
        for module in (_model, periods)
        for name in module.__all__
        if isinstance(cls := getattr(module, name), type) and issubclass(cls, StrEnum)
        for member in cls
    }
    | {"paragraph", "bullet_list", "quotation", "subsection", "ncpm-2021", "homicide", "pcc"}
)

#: Values to put anywhere. Left out on purpose (documented limits of JSON Schema): whole
#: numbers written with a fraction (2.0), lone surrogates, and text ending in a newline (Python's
#: `re` lets `$` match before it, unlike ECMA-262).
POOL = st.one_of(
    st.sampled_from(
        [
            None,
            True,
            False,
            0,
            7,
            -3,
            Decimal("1.5"),
            Decimal("-0.25"),
            "",
            "x",
            "2023-09-01",
            "2024-02-29",
            "2023-02-30",
            "2023-09",
            "2023-13",
            "2023",
            "0000",
            "E23000016",
            "en-GB",
            "not a code",
            "cms:page-id",
            [],
            {},
            ["x"],
            {"type": "paragraph", "text": "x"},
            {"cms:id": 1},
            {"no-namespace": 1},
        ]
    ),
    st.sampled_from(_WORDS),
)
KEYS = st.sampled_from(
    ["type", "text", "value", "id", "extra", "cms:id", "role", "period", "start"]
)


def mutate(draw: st.DrawFn, data: Any) -> Any:
    """Return a copy of ``data`` with one change: a value replaced, a key removed or added."""
    data = copy.deepcopy(data)
    path = draw(st.sampled_from(_paths(data)))
    target = _at(data, path)
    choices = ["replace"] if path else []
    if isinstance(target, dict):
        choices.append("add")
        if target:
            choices.append("remove")
    action = draw(st.sampled_from(choices))
    if action == "replace":
        _at(data, path[:-1])[path[-1]] = draw(POOL)
    elif action == "remove":
        del target[draw(st.sampled_from(sorted(target)))]
    else:
        target[draw(KEYS)] = draw(POOL)
    return data


def assert_agree(data: Any) -> None:
    problems = loader_problems(data)
    accepted = schema_accepts(data)
    if problems is None:
        event("both accept")
        assert accepted, [e.message for e in validator().iter_errors(data)]
        return
    structural = [
        problem
        for problem in problems
        if not any(marker in problem.message for marker in NOT_EXPRESSIBLE)
    ]
    event("both reject" if structural else "loader rejects a cross-check")
    if structural:
        assert not accepted, structural


# Generating a statement costs far more than checking one: each example checks ten mutations.
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statements(), st.data())
def test_schema_and_loader_agree_on_structure(statement: p.Statement, data: st.DataObject) -> None:
    """The schema accepts what the loader accepts and rejects what it rejects for structure.

    Structure is every reason but the cross-checks the schema cannot express.
    """
    document = parse(p.dumps(statement))
    for _ in range(10):
        assert_agree(data.draw(st.composite(lambda draw: mutate(draw, document))()))


def _minimal() -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "body": {"kind": "pcc", "name": "Police and Crime Commissioner for West Mercia"},
        "force": {"code": "E23000016", "name": "West Mercia Police"},
        "framework": "ncpm-2021",
        "title": "Statement",
        "sections": [
            {
                "priority": "homicide",
                "title": "Reduce murder and other homicide",
                "metrics": [{"id": "m", "name": "Homicides", "national_metric": "homicides"}],
                "blocks": [{"type": "paragraph", "text": "We reduced homicide."}],
            }
        ],
    }


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("sections", 0, "priority"), "knife-crime"),
        (("sections", 0, "metrics", 0, "national_metric"), "knife-offences"),
        (("framework",), "ncpm-2099"),
        (("force", "code"), "E23000099"),
        (("body", "kind"), "sheriff"),
        (("sections", 0, "blocks", 0, "type"), "table"),
        (("language",), "English"),
        (("published",), "2023-02-30"),
        (("schema_version",), "0.1"),
    ],
)
def test_reference_ids_and_tags_are_checked_by_both(path: tuple[Any, ...], value: object) -> None:
    """An unknown id, block type, language, date or version fails the loader and the schema."""
    data = _minimal()
    assert loader_problems(data) is None
    assert schema_accepts(data)
    _at(data, path[:-1])[path[-1]] = value
    assert loader_problems(data) is not None
    assert not schema_accepts(data)


def _period_backwards(data: dict[str, Any]) -> None:
    data["periods"] = [{"start": "2023-04-01", "end": "2022-03-31"}]


def _range_backwards(data: dict[str, Any]) -> None:
    data["sections"][0]["figures"] = [{"measure": "x", "value": 5, "upper_value": 4}]


def _unknown_metric(data: dict[str, Any]) -> None:
    data["sections"][0]["figures"] = [{"measure": "x", "metric": "no-such-metric"}]


def _metric_id_twice(data: dict[str, Any]) -> None:
    data["sections"][0]["metrics"].append({"id": "m", "name": "Twice"})


def _whole_number_with_fraction(data: dict[str, Any]) -> None:
    # As a JSON parser that reads numbers as binary floats gives "per": 1000.0 to a validator.
    rate_base = {"per": 1000.0, "denominator": "population"}
    data["sections"][0]["figures"] = [{"measure": "x", "unit": "rate", "rate_base": rate_base}]


def _lone_surrogate(data: dict[str, Any]) -> None:
    data["title"] = "broken \ud800 text"


def _absurd_number(data: dict[str, Any]) -> None:
    data["sections"][0]["figures"] = [{"measure": "x", "value": Decimal("1E+101")}]


@pytest.mark.parametrize(
    "change",
    [
        _period_backwards,
        _range_backwards,
        _unknown_metric,
        _metric_id_twice,
        _whole_number_with_fraction,
        _lone_surrogate,
        _absurd_number,
    ],
)
def test_documented_limits_are_left_to_the_loader(change: Any) -> None:
    """What the docs say the schema cannot express passes the schema and fails the loader."""
    data = _minimal()
    change(data)
    assert schema_accepts(data)
    assert loader_problems(data) is not None


def test_worked_example_validates() -> None:
    """The worked example (West Mercia, September 2023) validates against the schema."""
    data = parse((ROOT / "examples" / "west-mercia-2023-09.json").read_text(encoding="utf-8"))
    assert [error.message for error in validator().iter_errors(data)] == []
