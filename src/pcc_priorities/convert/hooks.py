"""The cattrs converters: the one place where model objects meet plain JSON data.

Two converters are built from the same hooks: a fast one that stops at the first problem and a
detailed one that collects every problem with its path. Loading tries the fast one and falls
back to the detailed one only when the document is invalid, so every error still comes with
its full path.

"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum, StrEnum
from functools import cache
from typing import Any, TypeAlias

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from pcc_priorities.convert.codegen import HookGenerator, is_period_bound, read_period_bound
from pcc_priorities.exceptions import Problem
from pcc_priorities.model.figures import Area
from pcc_priorities.model.json_values import FrozenJSONObject, freeze, thaw
from pcc_priorities.model.narrative import Block, BulletList, Paragraph, Quotation, Subsection
from pcc_priorities.model.pointer import pointer
from pcc_priorities.model.statement import PlanPriority
from pcc_priorities.model.values import to_decimal
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.period import ReportingPeriod

__all__ = [
    "BLOCK_TAGS",
    "EXTENSION_KEY",
    "SHORTHANDS",
    "Invalid",
    "PathSegment",
    "converter",
    "problems_from_exception",
    "text_writer",
]


PathSegment: TypeAlias = str | int

#: The JSON tag of each narrative block type.
BLOCK_TAGS: Mapping[str, type[Block]] = {
    "paragraph": Paragraph,
    "bullet_list": BulletList,
    "quotation": Quotation,
    "subsection": Subsection,
}

#: Classes written in JSON as their first field's text alone when every other field is at
#: its default (a plan priority with nothing but its title); both forms are read.
SHORTHANDS: tuple[type[Any], ...] = (PlanPriority,)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Characters an extension key's name may not hold: control characters, and every character
#: either ECMA-262 or Python counts as white space. Spelled out rather than ``\s``, which
#: differs between the two, so that the JSON Schema and the loader agree.
_NOT_IN_KEY = r"\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
#: Extension keys: a namespace (lower-case letters, digits, dots, hyphens), a colon, a name.
EXTENSION_KEY = re.compile(rf"[a-z0-9][a-z0-9.-]*:[^{_NOT_IN_KEY}:][^{_NOT_IN_KEY}]*")


class Invalid(ValueError):
    """A value is not what the format expects; the message says what was expected."""


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {shown!r}"
    if isinstance(value, int | Decimal):
        return f"the number {value}"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, dict | Mapping):
        return "an object"
    return f"a {type(value).__name__}"


def _check_text(value: str) -> str:
    if _SURROGATE.search(value):
        raise Invalid("text holds a lone surrogate (\\ud800-\\udfff), which is not Unicode text")
    return value


# --------------------------------------------------------------------------- scalar hooks


def _structure_str(value: object, _type: object) -> str:
    if not isinstance(value, str):
        raise Invalid(f"expected a string, got {_describe(value)}")
    return _check_text(value)


def _structure_int(value: object, _type: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"expected a whole number, got {_describe(value)}")
    return value


def _structure_bool(value: object, _type: object) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {_describe(value)}")
    return value


def _structure_decimal(value: object, _type: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise Invalid(f"expected a number, got {_describe(value)}")
    number = Decimal(value) if isinstance(value, int) else value
    if not number.is_finite():
        raise Invalid(f"expected a finite number, got {value}")
    try:
        return to_decimal(number)  # refuses absurd magnitudes
    except ValueError as error:
        raise Invalid(str(error)) from None


def _structure_date(value: object, _type: object) -> date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise Invalid(f"expected a date as YYYY-MM-DD, got {_describe(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"{value!r} is not a real date") from None


def _structure_partial_date(value: object, _type: object) -> PartialDate:
    if not isinstance(value, str):
        raise Invalid(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {_describe(value)}")
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise Invalid(str(error)) from None


def _structure_period_bound(value: object, type_: object) -> date | PartialDate | None:
    if value is None and type(None) in typing.get_args(type_):
        return None
    if not isinstance(value, str):
        raise Invalid(
            f"expected a date as YYYY-MM-DD, or YYYY-MM or YYYY where the day is not known, "
            f"got {_describe(value)}"
        )
    try:
        return read_period_bound(value)
    except ValueError as error:
        raise Invalid(str(error)) from None


def _structure_extensions(value: object, _type: object) -> FrozenJSONObject:
    if not isinstance(value, dict | Mapping):
        raise Invalid(f"expected an object of namespaced keys, got {_describe(value)}")
    for key in value:
        if not isinstance(key, str) or not EXTENSION_KEY.fullmatch(key):
            raise Invalid(
                f"extension key {key!r} is not namespaced; write it as 'namespace:name' "
                "with a lower-case namespace (for example 'cms:page-id')"
            )
    _check_json_text(value)
    frozen = freeze(value)
    assert isinstance(frozen, FrozenJSONObject)
    return frozen


def _check_json_text(value: object) -> None:
    if isinstance(value, str):
        _check_text(value)
    elif isinstance(value, dict | Mapping):
        for key, item in value.items():
            _check_text(key)
            _check_json_text(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_json_text(item)
    elif isinstance(value, float):
        raise Invalid("expected an exact number, got a binary float")


@cache
def _enum_values(enum_type: type[Enum]) -> tuple[dict[object, Enum], str]:
    by_value = {member.value: member for member in enum_type}
    return by_value, ", ".join(repr(v) for v in by_value)


def _structure_enum(value: object, enum_type: type[Enum]) -> Enum:
    by_value, allowed = _enum_values(enum_type)
    try:
        return by_value[value]
    except (KeyError, TypeError):
        raise Invalid(f"expected one of {allowed}, got {_describe(value)}") from None


# --------------------------------------------------------------------------- containers


def _is_homogeneous_tuple(type_: object) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(
    conv: cattrs.Converter, *, detailed: bool
) -> Callable[[Any], Callable[[object, object], tuple[Any, ...]]]:
    def factory(type_: Any) -> Callable[[object, object], tuple[Any, ...]]:
        element_type = typing.get_args(type_)[0]
        handler = conv.get_structure_hook(element_type)
        fast_handler = (
            converter(detailed=False).get_structure_hook(element_type) if detailed else None
        )

        def structure(value: object, _type: object) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise Invalid(f"expected an array, got {_describe(value)}")
            if not detailed:
                return tuple([handler(item, element_type) for item in value])
            result: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                if len(errors) == MAX_ITEM_PROBLEMS:
                    errors.append(_items_not_listed(value[index:], fast_handler, element_type))
                    break
                try:
                    result.append(handler(item, element_type))
                except Exception as error:
                    error.__notes__ = [
                        *getattr(error, "__notes__", []),
                        IterableValidationNote(f"@ index {index}", index, element_type),
                    ]
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"while structuring {type_}", errors, type_)
            return tuple(result)

        return structure

    return factory


#: The most items of one array whose problems the detailed path lists; the rest are counted.
MAX_ITEM_PROBLEMS = 100


def _items_not_listed(rest: Sequence[object], handler: Any, element_type: Any) -> Invalid:
    """The note that some items were not examined in detail: how many of them are not valid."""
    failing = 0
    for item in rest:
        try:
            handler(item, element_type)
        except Exception:
            failing += 1
    return Invalid(
        f"the problems of the first {MAX_ITEM_PROBLEMS} items of this array that are not valid "
        f"are listed; {failing:,} more items after them are not valid either"
    )


def _class_hook_factory(
    conv: cattrs.Converter, *, detailed: bool
) -> Callable[[type[Any]], Callable[[object, object], Any]]:
    def factory(cls: type[Any]) -> Callable[[object, object], Any]:
        generated = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
        )
        short = cls in SHORTHANDS
        first = attrs.fields(cls)[0].name

        def structure(value: object, _type: object) -> Any:
            if short and isinstance(value, str):
                return cls(**{first: _check_text(value)})
            if not isinstance(value, dict):
                expected = f"the {first} as text, or an object" if short else "an object"
                raise Invalid(f"expected {expected}, got {_describe(value)}")
            return generated(value, cls)

        return structure

    return factory


def _structure_block(conv: cattrs.Converter) -> Callable[[object, object], Block]:
    hooks: dict[str, Callable[[Any, Any], Any]] = {}
    allowed = ", ".join(repr(tag) for tag in BLOCK_TAGS)

    def structure(value: object, _type: object) -> Block:
        if not isinstance(value, dict):
            raise Invalid(
                f"expected a narrative block (an object with a 'type'), got {_describe(value)}"
            )
        tag = value.get("type")
        if not hooks:  # looked up on first use: a subsection's blocks are blocks too
            hooks.update({t: conv.get_structure_hook(cls) for t, cls in BLOCK_TAGS.items()})
        hook = hooks.get(tag) if isinstance(tag, str) else None
        if hook is None:
            error = Invalid(
                "a narrative block needs a 'type'"
                if tag is None
                else f"expected a block type of {allowed}, got {_describe(tag)}"
            )
            error.__notes__ = [AttributeValidationNote("type", "type", str)]
            raise ClassValidationError("invalid block", [error], Block)  # type: ignore[arg-type]
        rest = {key: item for key, item in value.items() if key != "type"}
        return typing.cast(Block, hook(rest, BLOCK_TAGS[typing.cast(str, tag)]))

    return structure


@cache
def converter(*, detailed: bool) -> cattrs.Converter:
    """Return the converter for the document formats (``detailed`` collects every problem)."""
    conv = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, lambda value: value)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook_func(is_period_bound, _structure_period_bound)
    conv.register_unstructure_hook_func(
        is_period_bound, lambda value: None if value is None else str(value)
    )
    conv.register_structure_hook(FrozenJSONObject, _structure_extensions)
    conv.register_unstructure_hook(FrozenJSONObject, thaw)
    conv.register_structure_hook(Enum, _structure_enum)
    conv.register_structure_hook(StrEnum, _structure_enum)  # before str in the MRO
    conv.register_structure_hook_factory(
        _is_homogeneous_tuple, _tuple_hook_factory(conv, detailed=detailed)
    )
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple,
        lambda t: _tuple_unstructure(conv, typing.get_args(t)[0]),
    )
    if detailed:
        conv.register_structure_hook_factory(attrs.has, _class_hook_factory(conv, detailed=True))
        conv.register_structure_hook(Block, _structure_block(conv))
    else:
        conv.register_structure_hook_factory(attrs.has, _fast_structure_factory)
        conv.register_structure_hook(Block, lambda value, _type: _GENERATOR.block(value))
    conv.register_unstructure_hook_factory(attrs.has, _GENERATOR.unstructure_for)
    conv.register_unstructure_hook(Block, _GENERATOR.unblock)
    return conv


_GENERATOR = HookGenerator(
    BLOCK_TAGS,
    _structure_extensions,
    shared=(ReportingPeriod, Area, PartialDate),
    shorthands=SHORTHANDS,
)


def text_writer(cls: type[Any]) -> Callable[..., str]:
    """Return the canonical JSON text writer of model class ``cls``.

    ``writer(obj, indent, first=None)``: ``indent`` is the newline and spaces before the
    object's closing brace, ``first`` an already-written member to put first.
    """
    return _GENERATOR.text_for(cls)


def _fast_structure_factory(cls: type[Any]) -> Callable[[object, object], Any]:
    function = _GENERATOR.structure_for(cls)
    return lambda value, _type: function(value)


def _tuple_unstructure(conv: cattrs.Converter, element_type: Any) -> Callable[[Any], list[Any]]:
    handler = conv.get_unstructure_hook(element_type)
    return lambda value: [handler(item) for item in value]


# --------------------------------------------------------------------------- errors → problems


def problems_from_exception(
    error: BaseException, path: tuple[PathSegment, ...] = ()
) -> Iterator[tuple[tuple[PathSegment, ...], str]]:
    """Yield ``(path, message)`` for every problem a detailed cattrs error holds."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without = error.group_exceptions()
        for child, note in with_notes:
            segment: PathSegment = (
                note.index if isinstance(note, IterableValidationNote) else note.name
            )
            yield from problems_from_exception(child, (*path, segment))
        for child in without:
            yield from problems_from_exception(child, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        allowed = ", ".join(field.name for field in attrs.fields(error.cl))
        keys = sorted(error.extra_fields, key=str)
        for key in keys[:MAX_ITEM_PROBLEMS]:
            yield (*path, key), f"unknown key {key!r}; the keys allowed here are: {allowed}"
        if len(keys) > MAX_ITEM_PROBLEMS:
            yield (
                path,
                (
                    f"{len(keys) - MAX_ITEM_PROBLEMS:,} more unknown keys than the "
                    f"{MAX_ITEM_PROBLEMS} listed; the keys allowed here are: {allowed}"
                ),
            )
    elif isinstance(error, KeyError):
        yield path, "this required key is missing"
    elif isinstance(error, Invalid):
        yield path, str(error)
    elif isinstance(error, BaseExceptionGroup):
        for member in error.exceptions:
            yield from problems_from_exception(member, path)
    elif isinstance(error, ValueError | TypeError):
        yield path, str(error)
    else:
        yield path, f"invalid value: {error!r}"


def to_problems(
    error: BaseException, order: Callable[[tuple[PathSegment, ...]], int] | None = None
) -> list[Problem]:
    """Return the problems in a detailed cattrs error, in document order where known."""
    found = list(problems_from_exception(error))
    if order is not None:
        found.sort(key=lambda item: order(item[0]))
    return [Problem(path=pointer(path), message=message) for path, message in found]
