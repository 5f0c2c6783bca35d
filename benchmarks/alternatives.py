"""Equivalent pydantic v2 and msgspec models of the statement format, for side-by-side benchmarks.

They are derived from the attrs model field by field (so they cannot fall behind it) with the
same strictness as the library's loader: unknown keys refused, strict scalar types, exact
decimals, ISO dates, narrative blocks as a union tagged by ``type``. What they do NOT do is the
library's cross-reference validation (framework, priority, force and metric ids): the library
does more work per document than either alternative.
"""

from __future__ import annotations

import sys
import types
import typing
from typing import Annotated, Any, Literal, Union

import attrs
import msgspec
import pydantic

from pcc_priorities import model as _model
from pcc_priorities.convert.codegen import is_period_bound
from pcc_priorities.convert.hooks import BLOCK_TAGS, SHORTHANDS
from pcc_priorities.formats.json import SCHEMA_VERSION
from pcc_priorities.model.json_values import FrozenJSONObject
from pcc_priorities.periods import PartialDate

_PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_TAG_OF = {cls: tag for tag, cls in BLOCK_TAGS.items()}
_MODULE = sys.modules[__name__]


def _attrs_classes() -> list[type[Any]]:
    seen: list[type[Any]] = []

    def visit(cls: type[Any]) -> None:
        if cls in seen:
            return
        seen.append(cls)
        for hint in typing.get_type_hints(cls).values():
            for inner in _flatten(hint):
                if attrs.has(inner) and inner is not PartialDate:
                    visit(inner)

    visit(_model.Statement)
    return seen


def _flatten(hint: Any) -> list[Any]:
    args = typing.get_args(hint)
    if not args:
        return [hint]
    return [inner for arg in args for inner in _flatten(arg)]


# --------------------------------------------------------------------------- pydantic


class _PydanticBase(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", strict=True, frozen=True)


def _pydantic_type(hint: Any, models: dict[type[Any], Any]) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType) and set(args) == set(BLOCK_TAGS.values()):
        return Annotated[
            Union[tuple(models[cls] for cls in BLOCK_TAGS.values())],  # noqa: UP007
            pydantic.Field(discriminator="type"),
        ]
    if origin is tuple:
        return tuple[_pydantic_type(args[0], models), ...]
    if is_period_bound(hint):
        bound = Annotated[str, pydantic.StringConstraints(pattern=_PARTIAL_DATE)]
        return Union[bound, type(None)] if type(None) in args else bound  # noqa: UP007
    if args and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return Union[(*(_pydantic_type(a, models) for a in rest), type(None))]
    if hint is PartialDate:
        return Annotated[str, pydantic.StringConstraints(pattern=_PARTIAL_DATE)]
    if hint is FrozenJSONObject:
        return dict[str, Any]
    if isinstance(hint, type) and attrs.has(hint):
        if hint in SHORTHANDS:
            return Union[str, models[hint]]  # noqa: UP007
        return models[hint]
    return hint


def build_pydantic() -> type[pydantic.BaseModel]:
    """Return the pydantic model of a whole statement document."""
    classes = _attrs_classes()
    models: dict[type[Any], Any] = {cls: f"Pyd{cls.__name__}" for cls in classes}
    namespace: dict[str, Any] = {}
    for cls in classes:
        hints = typing.get_type_hints(cls)
        fields: dict[str, Any] = {}
        if cls in _TAG_OF:
            fields["type"] = (Literal[_TAG_OF[cls]], ...)
        for field in attrs.fields(cls):
            annotation = _pydantic_type(hints[field.name], models)
            default: Any = ...
            if field.default is not attrs.NOTHING:
                default = (
                    pydantic.Field(default_factory=dict)
                    if isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
                    else field.default
                )
            fields[field.name] = (annotation, default)
        if cls is _model.Statement:
            fields = {"schema_version": (Literal[SCHEMA_VERSION], ...), **fields}
        model = pydantic.create_model(  # type: ignore[call-overload]
            f"Pyd{cls.__name__}", __base__=_PydanticBase, **fields
        )
        models[cls] = model
        namespace[model.__name__] = model
    for model in namespace.values():
        model.model_rebuild(_types_namespace=namespace)
    return models[_model.Statement]  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- msgspec


def _msgspec_type(hint: Any, structs: dict[type[Any], Any]) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType) and set(args) == set(BLOCK_TAGS.values()):
        return Union[tuple(structs[cls] for cls in BLOCK_TAGS.values())]  # noqa: UP007
    if origin is tuple:
        return tuple[_msgspec_type(args[0], structs), ...]
    if is_period_bound(hint):
        bound = Annotated[str, msgspec.Meta(pattern=_PARTIAL_DATE)]
        return Union[bound, type(None)] if type(None) in args else bound  # noqa: UP007
    if args and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return Union[(*(_msgspec_type(a, structs) for a in rest), type(None))]
    if hint is PartialDate:
        return Annotated[str, msgspec.Meta(pattern=_PARTIAL_DATE)]
    if hint is FrozenJSONObject:
        return dict[str, Any]
    if isinstance(hint, type) and attrs.has(hint):
        if hint in SHORTHANDS:
            return Union[str, structs[hint]]  # noqa: UP007
        return structs[hint]
    return hint


def build_msgspec() -> type[msgspec.Struct]:
    """Return the msgspec Struct of a whole statement document."""
    classes = _attrs_classes()
    structs: dict[type[Any], Any] = {}
    # Two passes: create every struct with a forward reference by name, then let msgspec
    # resolve the names from this module's namespace.
    for cls in classes:
        name = f"Msg{cls.__name__}"
        structs[cls] = name
    for cls in classes:
        hints = typing.get_type_hints(cls)
        fields: list[Any] = []
        for field in attrs.fields(cls):
            annotation = _msgspec_type(hints[field.name], structs)
            if field.default is attrs.NOTHING:
                fields.append((field.name, annotation))
            elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                fields.append((field.name, annotation, msgspec.field(default_factory=dict)))
            else:
                fields.append((field.name, annotation, field.default))
        if cls is _model.Statement:
            fields.insert(0, ("schema_version", Literal[SCHEMA_VERSION]))
        options: dict[str, Any] = {}
        if cls in _TAG_OF:
            options = {"tag_field": "type", "tag": _TAG_OF[cls]}
        struct = msgspec.defstruct(
            f"Msg{cls.__name__}",
            fields,
            kw_only=True,
            frozen=True,
            forbid_unknown_fields=True,
            omit_defaults=True,
            module=__name__,
            **options,
        )
        setattr(_MODULE, struct.__name__, struct)
        structs[cls] = struct
    return structs[_model.Statement]  # type: ignore[no-any-return]


PydanticStatement = build_pydantic()
MsgspecStatement = build_msgspec()
_msgspec_decoder = msgspec.json.Decoder(MsgspecStatement)
_msgspec_encoder = msgspec.json.Encoder(decimal_format="number")


def pydantic_loads(data: bytes) -> pydantic.BaseModel:
    """Load a statement document with the pydantic model."""
    return PydanticStatement.model_validate_json(data)


def pydantic_dumps(model: pydantic.BaseModel) -> bytes:
    """Dump a pydantic statement (defaults left out, as the library does)."""
    return model.model_dump_json(exclude_defaults=True).encode()


def msgspec_loads(data: bytes) -> msgspec.Struct:
    """Load a statement document with the msgspec model."""
    return _msgspec_decoder.decode(data)


def msgspec_dumps(struct: msgspec.Struct) -> bytes:
    """Dump a msgspec statement (defaults left out, as the library does)."""
    return _msgspec_encoder.encode(struct)


__all__ = [
    "MsgspecStatement",
    "PydanticStatement",
    "msgspec_dumps",
    "msgspec_loads",
    "pydantic_dumps",
    "pydantic_loads",
]
