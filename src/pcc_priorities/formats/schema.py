"""The JSON Schema (draft 2020-12) of statement documents, generated from the model.

Nothing here is kept by hand per field. The generator walks the attrs classes of the model and
their type hints, takes descriptions from each class's ``Attributes:`` docstring section, and
follows the conventions of the converters in :mod:`pcc_priorities._converter`: keys are the
attribute names, attributes with a default may be left out, unknown keys are refused, narrative
blocks are tagged by ``"type"``, numbers are exact, dates are ``YYYY-MM-DD`` text. A new field
in the model needs no code here; a new kind of scalar value (a new type the converter has a
hook for) needs one entry in :data:`_SCALARS`.

What the schema cannot say (the loader checks it; docs/formats.md lists it for readers):
that figures name metrics the statement lists and that ids are unique, that a figure is a
part of another figure of the statement (and never of itself), that a period does not end
before it starts, that a figure's ``upper_value`` is not below its ``value``, that a
whole number is written without a fraction (a validator that reads ``1000.0`` as a number
sees an integer), that text holds no lone surrogate, and that no key is written twice. Real
calendar dates (no ``2023-02-30``) are checked through ``format: date``, so only by
validators that assert formats.

"""

from __future__ import annotations

import ast
import inspect
import json
import re
import textwrap
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

import attrs

from pcc_priorities.convert.hooks import BLOCK_TAGS, EXTENSION_KEY, SHORTHANDS, converter
from pcc_priorities.formats.reading import LANGUAGE_TAG, SCHEMA_VERSION
from pcc_priorities.model.figures import MetricReference
from pcc_priorities.model.json_values import FrozenJSONObject
from pcc_priorities.model.narrative import Block
from pcc_priorities.model.statement import (
    PlanPriority,
    PoliceForce,
    PolicingBody,
    PrioritySection,
    Statement,
    StatementOfContribution,
    Translation,
)
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.reference.force_register import body_kinds, forces
from pcc_priorities.reference.national_frameworks import Framework, frameworks, packaged_frameworks

__all__ = [
    "SCHEMA_DIALECT",
    "attribute_descriptions",
    "enum_member_descriptions",
    "json_schema",
    "packaged_schema_text",
    "schema_text",
]


#: The JSON Schema dialect of the generated schema.
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

JSONSchema = dict[str, Any]

# Patterns are written for ECMA-262 and Python alike: ASCII digits only, anchored. They end
# with _END, not a bare "$": Python's re.search (which Python validators use) lets "$" match
# before a final newline, so "2023\n" would pass; the lookahead refuses it in both dialects.
_END = r"(?!\n)$"
_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH = "(?:0[1-9]|1[0-2])"
_DAY = "(?:0[1-9]|[12][0-9]|3[01])"
_DATE_PATTERN = f"^{_YEAR}-{_MONTH}-{_DAY}{_END}"

#: The schema of each type the converter has a scalar hook for. Types with a description are
#: named definitions in ``$defs``; the others are written inline.
_SCALARS: Mapping[object, JSONSchema] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    Decimal: {"type": "number"},
    date: {"type": "string", "format": "date", "pattern": _DATE_PATTERN},
    PartialDate: {
        "title": "PartialDate",
        "type": "string",
        "description": "A date known to the year, the month or the day: YYYY, YYYY-MM or "
        "YYYY-MM-DD.",
        "anyOf": [
            {"pattern": f"^{_YEAR}{_END}"},
            {"pattern": f"^{_YEAR}-{_MONTH}{_END}"},
            {"format": "date", "pattern": _DATE_PATTERN},
        ],
    },
    date | PartialDate: {
        "title": "PeriodBound",
        "type": "string",
        "description": "An end of a period: a day (YYYY-MM-DD), or a date known only to the "
        "month (YYYY-MM) or the year (YYYY) where the statement gives no day.",
        "anyOf": [
            {"pattern": f"^{_YEAR}{_END}"},
            {"pattern": f"^{_YEAR}-{_MONTH}{_END}"},
            {"format": "date", "pattern": _DATE_PATTERN},
        ],
    },
    FrozenJSONObject: {
        "title": "Extensions",
        "type": "object",
        "description": "Data of other tools, kept exactly. Every key is namespaced: a "
        "lower-case namespace, a colon and a name ('cms:page-id'); values are any JSON.",
        "propertyNames": {"pattern": f"^{EXTENSION_KEY.pattern}{_END}"},
    },
}

#: Tagged unions: the union type, the key that holds the tag, and the tag of each class.
_TAGGED_UNIONS: tuple[tuple[object, str, str, Mapping[str, type[Any]]], ...] = (
    (Block, "Block", "type", BLOCK_TAGS),
)

_ROLE = re.compile(r":(?:class|attr|func|meth|data|mod|obj|exc):`~?([^`]+)`")
_DOUBLE_BACKTICK = re.compile(r"``([^`]+)``")
_SECTION = re.compile(r"^(Attributes|Args|Arguments|Raises|Returns|Yields|Example|Examples|Note):")


def _clean(text: str) -> str:
    """Return docstring text as plain Markdown-ish text: Sphinx roles become code spans."""
    text = _ROLE.sub(lambda match: f"`{match.group(1)}`", text)
    return _DOUBLE_BACKTICK.sub(lambda match: f"`{match.group(1)}`", text)


def _summary(cls: type[Any]) -> str:
    """Return the part of a class docstring before its first section, as one text."""
    doc = inspect.getdoc(cls) or ""
    kept: list[str] = []
    for line in doc.splitlines():
        if _SECTION.match(line.strip()):
            break
        kept.append(line)
    paragraphs = "\n".join(kept).strip().split("\n\n")
    return _clean("\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip()))


def attribute_descriptions(cls: type[Any]) -> Mapping[str, str]:
    """Return the description of each attribute in the ``Attributes:`` section of ``cls``."""
    return _attribute_descriptions(inspect.getdoc(cls) or "")


@cache
def _attribute_descriptions(doc: str) -> Mapping[str, str]:
    found: dict[str, list[str]] = {}
    current: str | None = None
    inside = False
    indent = 0
    for line in doc.splitlines():
        stripped = line.strip()
        if not inside:
            inside = stripped == "Attributes:"
            continue
        if not stripped:
            continue
        depth = len(line) - len(line.lstrip())
        if depth == 0:
            break  # the next section
        match = re.fullmatch(r"(\w+)(?: \([^)]*\))?: ?(.*)", stripped)
        if match and (current is None or depth <= indent):
            current, indent = match.group(1), depth
            found[current] = [match.group(2)]
        elif current is not None:
            found[current].append(stripped)
    return {name: _clean(" ".join(parts).strip()) for name, parts in found.items()}


@cache
def enum_member_descriptions(enum_type: type[Enum]) -> Mapping[str, str]:
    """Return the ``#:`` comment above each member of ``enum_type``, by member value.

    Members without a comment are left out; so is everything when the source is not available.
    """
    try:
        source = textwrap.dedent(inspect.getsource(enum_type))
    except (OSError, TypeError):  # pragma: no cover - no source (a frozen application)
        return {}
    lines = source.splitlines()
    found: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if not isinstance(target, ast.Name) or target.id not in enum_type.__members__:
                continue
            comment: list[str] = []
            row = node.lineno - 2
            while row >= 0 and lines[row].strip().startswith("#:"):
                comment.insert(0, lines[row].strip()[2:].strip())
                row -= 1
            if comment:
                value = enum_type[target.id].value
                found[str(value)] = _clean(" ".join(comment))
    return found


def _optional_inner(type_: object) -> object | None:
    """Return ``X`` for ``X | None``, or None when ``type_`` is not optional."""
    if typing.get_origin(type_) in (typing.Union, types.UnionType):
        args = typing.get_args(type_)
        if type(None) in args:
            rest = tuple(arg for arg in args if arg is not type(None))
            return rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007
    return None


def _is_homogeneous_tuple(type_: object) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tagged_union(type_: object) -> tuple[str, str, Mapping[str, type[Any]]] | None:
    for union, name, key, tags in _TAGGED_UNIONS:
        if type_ == union:
            return name, key, tags
    return None


class _Generator:
    """Builds the schema of one root class, collecting named definitions in ``defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, JSONSchema] = {}
        self.tag_of: dict[type[Any], tuple[str, str]] = {
            cls: (key, tag) for _, _, key, tags in _TAGGED_UNIONS for tag, cls in tags.items()
        }
        self.unstructure = converter(detailed=False).unstructure

    def ref(self, name: str) -> JSONSchema:
        return {"$ref": f"#/$defs/{name}"}

    def for_type(self, type_: object) -> JSONSchema:
        """Return the schema of values of ``type_``."""
        inner = _optional_inner(type_)
        if inner is not None:
            return {"anyOf": [self.for_type(inner), {"type": "null"}]}
        if type_ in _SCALARS:
            schema = _SCALARS[type_]
            if "title" not in schema:
                return dict(schema)
            self.defs.setdefault(schema["title"], dict(schema))
            return self.ref(schema["title"])
        if isinstance(type_, type) and issubclass(type_, Enum):
            return self.enum(type_)
        if _is_homogeneous_tuple(type_):
            return {"type": "array", "items": self.for_type(typing.get_args(type_)[0])}
        tagged = _tagged_union(type_)
        if tagged is not None:
            return self.union(*tagged)
        if isinstance(type_, type) and attrs.has(type_):
            self.define(type_)
            if type_ in SHORTHANDS:
                first = attrs.fields(type_)[0].name
                return {
                    "anyOf": [
                        {
                            "type": "string",
                            "description": f"The {first} alone, where nothing else is given.",
                        },
                        self.ref(type_.__name__),
                    ]
                }
            return self.ref(type_.__name__)
        raise TypeError(
            f"no JSON Schema for {type_!r}: add it to _SCALARS (or _TAGGED_UNIONS) in "
            "pcc_priorities/formats/schema.py, beside its hooks in convert/converter.py"
        )

    def enum(self, enum_type: type[Enum]) -> JSONSchema:
        name = enum_type.__name__
        if name not in self.defs:
            described = enum_member_descriptions(enum_type)
            lines = [_summary(enum_type)]
            members = [
                f"- `{m.value}`: {described[m.value]}" for m in enum_type if m.value in described
            ]
            if members:
                lines.extend(["", *members])
            self.defs[name] = {
                "title": name,
                "description": "\n".join(lines),
                "type": "string",
                "enum": [member.value for member in enum_type],
            }
        return self.ref(name)

    def union(self, name: str, key: str, tags: Mapping[str, type[Any]]) -> JSONSchema:
        if name not in self.defs:
            self.defs[name] = {}  # reserved: the members refer back to the union
            for cls in tags.values():
                self.define(cls)
            self.defs[name] = {
                "title": name,
                "description": f"One of the {len(tags)} kinds of {name.lower()}, told apart "
                f"by '{key}': " + ", ".join(f"'{tag}'" for tag in tags) + ".",
                "oneOf": [self.ref(cls.__name__) for cls in tags.values()],
            }
        return self.ref(name)

    def define(self, cls: type[Any]) -> None:
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {}  # reserved: the class may contain itself
            self.defs[cls.__name__] = self.object_schema(cls)

    def object_schema(self, cls: type[Any]) -> JSONSchema:
        """Return the schema of an attrs class as a JSON object (the converter's layout)."""
        hints = typing.get_type_hints(cls)
        described = attribute_descriptions(cls)
        properties: dict[str, JSONSchema] = {}
        required: list[str] = []
        tag = self.tag_of.get(cls)
        if tag is not None:
            properties[tag[0]] = {"const": tag[1], "description": "The kind of block."}
            required.append(tag[0])
        for field in attrs.fields(cls):
            schema = self.for_type(hints[field.name])
            schema = {**_reference_constraint(cls, field.name, schema), **schema}
            if field.name in described:
                schema = {"description": described[field.name], **schema}
            default = field.default
            if default is attrs.NOTHING:
                required.append(field.name)
            else:
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    default = default.factory()
                schema["default"] = self.unstructure(default, hints[field.name])
            properties[field.name] = _tidy(schema)
        return {
            "title": cls.__name__,
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
            **_object_constraint(cls),
        }


def _tidy(schema: JSONSchema) -> JSONSchema:
    """Order keywords for readers: description first, then the type, then the rest."""
    first = ("title", "description", "const", "type", "$ref", "anyOf", "enum", "pattern")
    ordered = {key: schema[key] for key in first if key in schema}
    ordered.update((key, value) for key, value in schema.items() if key not in ordered)
    if "default" in ordered:
        ordered["default"] = ordered.pop("default")
    return ordered


def _known_values(values: Iterable[str], optional: bool) -> JSONSchema:
    listed: list[object] = list(values)
    return {"enum": [*listed, None] if optional else listed}


def _reference_constraint(cls: type[Any], name: str, schema: JSONSchema) -> JSONSchema:
    """Return the constraints reference data puts on one attribute (the loader checks them)."""
    if cls is PolicingBody and name == "kind":
        return {"enum": [kind.id for kind in body_kinds()]}
    if cls is PoliceForce and name == "code":
        return {"enum": [force.code for force in forces()]}
    if (cls is Statement or cls is Translation) and name == "language":
        return {"pattern": f"^{LANGUAGE_TAG.pattern}{_END}"}
    if cls is Statement and name == "order":
        return {"uniqueItems": True}
    return {}


def _object_constraint(cls: type[Any]) -> JSONSchema:
    """Return what an object of ``cls`` needs beyond its properties (the loader checks it)."""
    if cls is ReportingPeriod:
        # A period needs its dates, or at least the label it is known by.
        return {
            "anyOf": [
                {"required": [name], "properties": {name: {"type": "string"}}}
                for name in ("start", "end", "label")
            ]
        }
    return {}


#: Attributes whose values come from the statement's framework: the ids allowed for each.
_FRAMEWORK_IDS: Mapping[tuple[type[Any], str], Callable[[Framework], Iterable[str]]] = {
    (PrioritySection, "priority"): lambda framework: [p.id for p in framework.priorities],
    (MetricReference, "national_metric"): lambda framework: [m.id for m in framework.metrics],
    (StatementOfContribution, "priorities"): lambda framework: [p.id for p in framework.priorities],
    (PlanPriority, "national_priorities"): lambda framework: [p.id for p in framework.priorities],
    (PlanPriority, "national_metrics"): lambda framework: [m.id for m in framework.metrics],
}


def _framework_fragment(
    cls: type[Any], framework: Framework, stack: tuple[type[Any], ...] = ()
) -> JSONSchema | None:
    """Return the constraints ``framework`` puts inside an object of ``cls``, if any."""
    if cls in stack:
        return None
    hints = typing.get_type_hints(cls)
    properties: dict[str, JSONSchema] = {}
    for field in attrs.fields(cls):
        type_ = hints[field.name]
        ids = _FRAMEWORK_IDS.get((cls, field.name))
        if ids is not None:
            optional = _optional_inner(type_) is not None
            inner = _optional_inner(type_) if optional else type_
            if _is_homogeneous_tuple(inner):
                properties[field.name] = {"items": _known_values(ids(framework), False)}
            else:
                properties[field.name] = _known_values(ids(framework), optional)
            continue
        fragment = _type_fragment(type_, framework, (*stack, cls))
        if fragment is not None:
            properties[field.name] = fragment
    return {"properties": properties} if properties else None


def _type_fragment(
    type_: object, framework: Framework, stack: tuple[type[Any], ...]
) -> JSONSchema | None:
    inner = _optional_inner(type_)
    if inner is not None:
        return _type_fragment(inner, framework, stack)
    if _is_homogeneous_tuple(type_):
        items = _type_fragment(typing.get_args(type_)[0], framework, stack)
        return None if items is None else {"items": items}
    tagged = _tagged_union(type_)
    if tagged is not None:
        _, key, tags = tagged
        branches = [
            {"if": {"properties": {key: {"const": tag}}}, "then": fragment}
            for tag, cls in tags.items()
            if (fragment := _framework_fragment(cls, framework, stack)) is not None
        ]
        return {"allOf": branches} if branches else None
    if isinstance(type_, type) and attrs.has(type_) and type_ not in _SCALARS:
        return _framework_fragment(type_, framework, stack)
    return None


def json_schema(known_frameworks: Iterable[Framework] | None = None) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of statement documents.

    The schema is generated from the model on every call. It lists the ids of the frameworks,
    body kinds and forces in the reference data, and for each framework the ids of its
    priorities and national metrics, so a document that names an unknown one fails it.

    Args:
        known_frameworks: The frameworks whose ids the schema accepts; by default every
            framework known to this process (the packaged ones and any registered).
    """
    chosen = tuple(frameworks() if known_frameworks is None else known_frameworks)
    generator = _Generator()
    root = generator.object_schema(Statement)
    root["properties"] = {
        "schema_version": {
            "description": "The version of the statement format the document is written in.",
            "const": SCHEMA_VERSION,
        },
        **root["properties"],
    }
    root["required"] = ["schema_version", *root["required"]]
    root["properties"]["framework"] = {
        **root["properties"]["framework"],
        "enum": [framework.id for framework in chosen],
    }
    by_framework = [
        {
            "if": {
                "properties": {"framework": {"const": framework.id}},
                "required": ["framework"],
            },
            "then": fragment,
        }
        for framework in chosen
        if (fragment := _framework_fragment(Statement, framework)) is not None
    ]
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:pcc-priorities:statement:{SCHEMA_VERSION}",
        "$comment": "Generated from the pcc-priorities model by `pcc-priorities schema`; "
        "do not edit by hand.",
        **root,
    }
    if by_framework:
        schema["allOf"] = by_framework
    schema["$defs"] = dict(sorted(generator.defs.items()))
    return schema


def schema_text(known_frameworks: Iterable[Framework] | None = None) -> str:
    """Return :func:`json_schema` as JSON text: two-space indent, UTF-8, final newline."""
    return json.dumps(json_schema(known_frameworks), indent=2, ensure_ascii=False) + "\n"


def packaged_schema_text() -> str:
    """Return the schema text as shipped: for the packaged frameworks only.

    The copies in ``src/pcc_priorities/formats/statement.schema.json`` and
    ``docs/statement.schema.json`` must equal this text; a test says so.
    """
    return schema_text(packaged_frameworks().values())
