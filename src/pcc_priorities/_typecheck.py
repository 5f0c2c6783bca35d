"""Values checked where they are made: type checks derived from attrs classes' annotations.

Every frozen attrs class of the model, of the periods and of the reference data is declared
with ``field_transformer=typed_fields``. The transformer gives the class one validator,
:class:`TypeChecks`, that checks every field's value against the field's annotation when an
object is constructed (or evolved), and raises a :class:`TypeError` that names the class, the
field, what was expected and what was given::

    Statement.published: expected a PartialDate or None, got str '2027-02'; read one with
    pcc_priorities.periods.PartialDate.parse('2027-02')

The annotations are resolved once per class, on its first construction (forward references
such as ``tuple[Block, ...]`` can be resolved only once the module has finished loading), and
compiled to one small function per class.

What the checks hold to:

- ``str``, classes and enumerations: an instance (a plain ``str`` is not an enumeration);
- ``int`` refuses a ``bool`` and ``bool`` refuses an ``int``; ``date`` refuses a ``datetime``;
- ``X | None`` lets None through; unions accept any member;
- ``tuple[X, ...]`` wants a tuple (a list is refused: model objects are frozen and hashable,
  so they hold tuples) whose every item is an ``X``;
- a field with a converter (exact numbers, extensions) is checked by its converter; a
  ``TypeError`` it raises is given the class and field name.

The checks are attrs validators, so they run after converters and before the classes' own
value checks (which raise :class:`ValueError` as before), and ``attrs.validators.disabled()``
turns them off with the rest. The loader does not run them at all: its generated fast path
has already checked every value, and builds objects with :func:`unchecked_constructor`.

Imports nothing from the library, so that the periods and the model can both use it.
"""

from __future__ import annotations

import functools
import reprlib
import sys
import threading
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

import attrs

__all__ = [
    "NamedConverter",
    "TypeChecks",
    "describe",
    "problem_message",
    "shown",
    "typed_fields",
    "unchecked_constructor",
    "value_converter",
    "value_validator",
]

T = TypeVar("T")

#: How to read an object of these classes from text, named as users import them.
_TEXT_READERS = {
    "pcc_priorities.periods.dates.PartialDate": "pcc_priorities.periods.PartialDate.parse",
    "pcc_priorities.periods.period.ReportingPeriod": "pcc_priorities.periods.parse_period",
    "datetime.date": "datetime.date.fromisoformat",
}

_SHORT = reprlib.Repr()
_SHORT.maxstring = 40
_SHORT.maxother = 40


# --------------------------------------------------------------------------- attrs hooks


def typed_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """Give an attrs class its type checks: use as ``@frozen(field_transformer=typed_fields)``.

    The first field's validator becomes a :class:`TypeChecks` for the whole class (running
    the field's own validator after it), so every field's type is checked before any value
    check runs. Converters are wrapped so that a ``TypeError`` they raise names the field.

    Args:
        cls: The class attrs is building.
        fields: Its fields, as attrs collected them.

    Returns:
        The fields with the checks added.
    """
    if not fields:
        return fields
    checked = tuple((field.name, field.type) for field in fields if field.converter is None)
    first = fields[0]
    checks = TypeChecks(cls, checked, then=value_validator(first))
    result = [first.evolve(validator=checks), *fields[1:]]
    return [_named_converter(cls.__name__, field) for field in result]


def _named_converter(owner: str, field: attrs.Attribute[Any]) -> attrs.Attribute[Any]:
    converter = field.converter
    if converter is None or isinstance(converter, attrs.Converter | NamedConverter):
        return field
    return field.evolve(converter=NamedConverter(f"{owner}.{field.name}", converter))


class NamedConverter:
    """A field's converter whose ``TypeError`` names the class and field it converts for."""

    __slots__ = ("label", "original")

    def __init__(self, label: str, original: Callable[[Any], Any]) -> None:
        """Wrap ``original``, the converter of the field ``label`` ("Figure.value")."""
        self.label = label
        self.original = original

    def __call__(self, value: Any) -> Any:
        """Convert ``value`` as the original converter does.

        Raises:
            TypeError: The original converter refused the value's type; the message names
                the field.
        """
        try:
            return self.original(value)
        except TypeError as error:
            raise TypeError(f"{self.label}: {error}") from None


class TypeChecks:
    """The attrs validator that checks the types of every field of one class.

    Built by :func:`typed_fields`; attached to the class's first field, it checks the whole
    object, then runs that field's own validator (``then``).
    """

    __slots__ = ("_check", "fields", "owner", "then")

    def __init__(
        self,
        owner: type,
        fields: tuple[tuple[str, Any], ...],
        then: Callable[[Any, attrs.Attribute[Any], Any], Any] | None = None,
    ) -> None:
        """Prepare the checks of ``owner``'s ``fields``; they are compiled on first use.

        Args:
            owner: The class.
            fields: The name and declared type of each field to check (a field with a
                converter is checked by its converter); the type is used only where the
                class's annotations do not name the field (``attrs.make_class``).
            then: The first field's own validator, run after the type checks.
        """
        self.owner = owner
        self.fields = fields
        self.then = then
        self._check: Callable[[Any], None] | None = None

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        """Check every field of ``instance``, then run the first field's own validator.

        Raises:
            TypeError: A field's value is not of its annotated type.
        """
        check = self._check
        if check is None:
            check = self._check = _compile_checks(self.owner, self.fields)
        check(instance)
        if self.then is not None:
            self.then(instance, attribute, value)


def value_validator(field: attrs.Attribute[Any]) -> Any:
    """Return the validator of ``field`` without its type checks (None if it has none left)."""
    validator = field.validator
    return validator.then if isinstance(validator, TypeChecks) else validator


def value_converter(field: attrs.Attribute[Any]) -> Any:
    """Return the converter of ``field`` as declared, without the wrapper that names it."""
    converter = field.converter
    return converter.original if isinstance(converter, NamedConverter) else converter


# --------------------------------------------------------------------------- construction


_CONSTRUCTORS: dict[type, Callable[..., Any]] = {}
_LOCK = threading.Lock()


def unchecked_constructor(cls: type[T]) -> Callable[..., T]:
    """Return a function that builds ``cls`` from every field's value, in field order.

    It does what the class's ``__init__`` does (converters, then the class's own value
    checks, which raise :class:`ValueError` as before) but leaves out the type checks. Only
    for callers that have already checked every value's type: the loader's generated fast
    path, and parsers whose results are typed by construction. Generated once per class.

    Raises:
        TypeError: ``cls`` is not a slotted attrs class built as the model's are (a field
            without ``__init__``, a converter that takes the object, ``__attrs_post_init__``,
            a cached hash).
    """
    found = _CONSTRUCTORS.get(cls)
    if found is None:
        with _LOCK:
            found = _CONSTRUCTORS.get(cls) or _compile_constructor(cls)
            _CONSTRUCTORS[cls] = found
    return typing.cast("Callable[..., T]", found)  # a string: nothing to build per call


def _compile_constructor(cls: type) -> Callable[..., Any]:
    props = attrs.inspect(cls)
    unsupported = [
        reason
        for reason, present in (
            ("is not slotted", not props.is_slotted),
            ("has no attrs __init__", not props.added_init),
            ("caches its hash", props.hashability is attrs.ClassProps.Hashability.HASHABLE_CACHED),
            ("has __attrs_pre_init__", hasattr(cls, "__attrs_pre_init__")),
            ("has __attrs_post_init__", hasattr(cls, "__attrs_post_init__")),
        )
        if present
    ]
    fields = attrs.fields(cls)
    unsupported += [f"field {f.name} is not in __init__" for f in fields if not f.init]
    unsupported += [
        f"field {f.name} has a converter that takes the object or field"
        for f in fields
        if isinstance(f.converter, attrs.Converter)
    ]
    if unsupported:
        raise TypeError(f"cannot build {cls.__qualname__} unchecked: {'; '.join(unsupported)}")
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    arguments = [f"a{index}" for index in range(len(fields))]
    lines = [f"def build({', '.join(arguments)}):", "    o = _new(_cls)"]
    validations = []
    for index, field in enumerate(fields):
        argument = arguments[index]
        scope[f"_set{index}"] = getattr(cls, field.name).__set__  # the slot's own setter
        converter = value_converter(field)
        if converter is not None:
            scope[f"_convert{index}"] = converter
            argument = f"_convert{index}({argument})"
        lines.append(f"    _set{index}(o, {argument})")
        validator = value_validator(field)
        if validator is not None:
            scope[f"_validate{index}"] = validator
            scope[f"_field{index}"] = field
            validations.append(f"    _validate{index}(o, _field{index}, o.{field.name})")
    lines += [*validations, "    return o"]
    exec(compile("\n".join(lines), f"<pcc unchecked {cls.__qualname__}>", "exec"), scope)
    return typing.cast(Callable[..., Any], scope["build"])


# --------------------------------------------------------------------------- compiling checks


def _compile_checks(owner: type, fields: tuple[tuple[str, Any], ...]) -> Callable[[Any], None]:
    """One function that checks ``fields`` of an ``owner`` object, from its resolved hints."""
    try:
        hints = typing.get_type_hints(owner)
    except NameError as error:  # pragma: no cover - a forward reference not yet defined
        raise TypeError(
            f"cannot resolve the annotations of {owner.__qualname__}: {error}"
        ) from error
    scope: dict[str, Any] = {"_date": date, "_datetime": datetime}
    lines = ["def check(o):"]
    for name, declared in fields:
        hint = hints.get(name, declared)
        fail = f"_fail_{name}"
        scope[fail] = functools.partial(_raise, owner.__name__, name, hint)
        body = _emit(hint, "v", f"{fail}(o.{name})", "    ", scope=scope, depth=0)
        if body:
            lines += [f"    v = o.{name}", *body]
    lines.append("    return None")
    exec(compile("\n".join(lines), f"<pcc type checks {owner.__qualname__}>", "exec"), scope)
    return typing.cast(Callable[[Any], None], scope["check"])


def _emit(
    hint: Any, var: str, fail: str, indent: str, *, scope: dict[str, Any], depth: int
) -> list[str]:
    """Lines that call ``fail`` unless ``var`` holds a value of type ``hint``."""
    if hint is Any or hint is object:
        return []
    members = _union_members(hint)
    if members is not None:
        others = [m for m in members if m is not type(None)]
        if len(others) < len(members) and len(others) == 1:
            inner = _emit(others[0], var, fail, indent + "    ", scope=scope, depth=depth)
            return [f"{indent}if {var} is not None:", *inner] if inner else []
        condition = " or ".join(_condition(m, var, scope) for m in members)
        return [f"{indent}if not ({condition}): {fail}"]
    if _is_homogeneous_tuple(hint):
        item = f"x{depth}"
        element = typing.get_args(hint)[0]
        inner = _emit(element, item, fail, indent + "    ", scope=scope, depth=depth + 1)
        lines = [f"{indent}if not isinstance({var}, tuple): {fail}"]
        return [*lines, f"{indent}for {item} in {var}:", *inner] if inner else lines
    return [f"{indent}if not ({_condition(hint, var, scope)}): {fail}"]


def _condition(hint: Any, var: str, scope: dict[str, Any]) -> str:
    """An expression true when ``var`` holds a value of type ``hint``."""
    if hint is type(None):
        return f"{var} is None"
    if hint is int:
        return f"(isinstance({var}, int) and {var} is not True and {var} is not False)"
    if hint is bool:
        return f"({var} is True or {var} is False)"
    if hint is date:
        return f"(isinstance({var}, _date) and not isinstance({var}, _datetime))"
    if isinstance(hint, type):
        name = f"_t{len(scope)}"
        scope[name] = hint
        return f"isinstance({var}, {name})"
    # Anything rarer (a fixed-length tuple, a union holding a tuple) takes the general path.
    name = f"_accepts{len(scope)}"
    scope[name] = functools.partial(_accepts, hint)
    return f"{name}({var})"


# --------------------------------------------------------------------------- general rules


def _union_members(hint: Any) -> tuple[Any, ...] | None:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return None


def _is_homogeneous_tuple(hint: Any) -> bool:
    args = typing.get_args(hint)
    return typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis


def _accepts(hint: Any, value: object) -> bool:
    """Whether ``value`` is of type ``hint``: the rules the compiled checks follow."""
    return _problem(hint, value) is None


def _problem(hint: Any, value: object) -> tuple[str, Any, object] | None:
    """Where ``value`` first departs from ``hint``: (index suffix, hint there, value there)."""
    if hint is Any or hint is object:
        return None
    members = _union_members(hint)
    if members is not None:
        if any(_problem(member, value) is None for member in members):
            return None
        return "", hint, value
    origin = typing.get_origin(hint)
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, tuple):
            return "", hint, value
        if _is_homogeneous_tuple(hint):
            expected = [args[0]] * len(value)
        elif args == ((),):
            expected = []
        else:
            expected = list(args)
        if len(expected) != len(value):
            return "", hint, value
        for index, (item_hint, item) in enumerate(zip(expected, value, strict=True)):
            found = _problem(item_hint, item)
            if found is not None:
                return f"[{index}]{found[0]}", found[1], found[2]
        return None
    if hint is type(None):
        accepted = value is None
    elif hint is int:
        accepted = isinstance(value, int) and not isinstance(value, bool)
    elif hint is bool:
        accepted = isinstance(value, bool)
    elif hint is date:
        accepted = isinstance(value, date) and not isinstance(value, datetime)
    elif isinstance(hint, type):
        accepted = isinstance(value, hint)
    elif isinstance(origin, type):  # another generic (Mapping[str, X]): its container only
        accepted = isinstance(value, origin)
    else:  # pragma: no cover - no such annotation in the library
        accepted = True
    return None if accepted else ("", hint, value)


def _raise(owner: str, name: str, hint: Any, value: object) -> typing.NoReturn:
    raise TypeError(problem_message(owner, name, hint, value))


def problem_message(owner: str, name: str, hint: Any, value: object) -> str:
    """Say why ``value`` does not fit field ``name`` of class ``owner``, annotated ``hint``.

    ``"Statement.published: expected a PartialDate or None, got str '2027-02'; read one with
    pcc_priorities.periods.PartialDate.parse('2027-02')"``. For a tuple, the message names
    the first item that does not fit (``Statement.periods[1]``).
    """
    found = _problem(hint, value)
    suffix, expected, given = found if found is not None else ("", hint, value)
    message = f"{owner}.{name}{suffix}: expected {describe(expected)}, got {shown(given)}"
    advice = _advice(expected, given)
    return f"{message}; {advice}" if advice else message


# --------------------------------------------------------------------------- words


def describe(hint: Any, article: bool = True) -> str:
    """Say in words what ``hint`` wants: "a PartialDate or None", "a tuple of Figure"."""
    members = _union_members(hint)
    if members is not None:
        ordered = sorted(members, key=lambda member: member is type(None))
        words = [describe(member, article) for member in ordered]
        return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
    if hint is type(None):
        return "None"
    if hint is Any or hint is object:
        return "any value"
    if _is_homogeneous_tuple(hint):
        return f"{'a ' if article else ''}tuple of {describe(typing.get_args(hint)[0], False)}"
    origin = typing.get_origin(hint)
    name = getattr(origin or hint, "__name__", None) or str(hint)
    if origin is not None:
        name = str(hint).replace("datetime.", "").replace("decimal.", "")
    if not article:
        return name
    return f"{'an' if name[:1] in 'AEIOaeio' else 'a'} {name}"


def shown(value: object) -> str:
    """Name a value given: its type, and the value itself where it is short to show."""
    kind = type(value).__name__
    if value is None:
        return "None"
    if isinstance(value, Enum):
        return f"{kind}.{value.name}"
    if isinstance(value, str):
        return f"{kind} {_SHORT.repr(value)}"
    if isinstance(value, (bool, int, float, Decimal)):
        return f"{kind} {_SHORT.repr(value) if isinstance(value, int) else value}"
    if isinstance(value, date):
        return f"{kind} {value.isoformat()}"
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        count = len(value)
        return f"{kind} of {count} item{'' if count == 1 else 's'}"
    return kind


def _public_name(cls: type) -> str:
    """The dotted name users import ``cls`` by: the shortest package that exports it."""
    parts = cls.__module__.split(".")
    for end in range(1, len(parts) + 1):
        module = sys.modules.get(".".join(parts[:end]))
        if module is not None and cls.__name__ in getattr(module, "__all__", ()):
            return f"{module.__name__}.{cls.__qualname__}"
    return f"{cls.__module__}.{cls.__qualname__}"  # pragma: no cover - every class is exported


def _advice(hint: Any, value: object) -> str | None:
    """How to give a value of type ``hint`` instead of ``value``, where there is a usual way."""
    members = _union_members(hint)
    if members is not None:
        others = [m for m in members if m is not type(None)]
        if len(others) != 1:
            return _union_advice(others, value)
        hint = others[0]
    if _is_homogeneous_tuple(hint):
        if isinstance(value, list):
            return (
                "pass a tuple, such as tuple(the_list): model objects are frozen, so they "
                "hold tuples, not lists"
            )
        if _accepts(typing.get_args(hint)[0], value):
            return "for one item, pass a one-item tuple: (item,)"
        return None
    if not isinstance(hint, type):
        return None
    if issubclass(hint, Enum) and isinstance(value, str) and not isinstance(value, Enum):
        values = {member.value: member for member in hint}
        if value in values:
            return (
                f"make one with {hint.__name__}({value!r}) ({hint.__name__}.{values[value].name})"
            )
        allowed = ", ".join(repr(v) for v in values)
        return f"make one with {hint.__name__}(value), where value is one of {allowed}"
    if isinstance(value, datetime) and hint is date:
        return "pass its date: value.date()"
    reader = _TEXT_READERS.get(f"{hint.__module__}.{hint.__qualname__}")
    if reader is not None and isinstance(value, str):
        return f"read one with {reader}({_SHORT.repr(value)})"
    if isinstance(value, date) and hasattr(hint, "from_date"):
        return f"make one with {_public_name(hint)}.from_date(value)"
    if isinstance(value, str) and attrs.has(hint):
        fields = attrs.fields(hint)
        rest_default = all(field.default is not attrs.NOTHING for field in fields[1:])
        if fields and rest_default and typing.get_type_hints(hint).get(fields[0].name) is str:
            return f"make one with {_public_name(hint)}({fields[0].name}={_SHORT.repr(value)})"
    return None


def _union_advice(members: list[Any], value: object) -> str | None:
    """Advice for a union of several types: the member the value is closest to."""
    if isinstance(value, str) and date in members:
        full = len(value) == 10 and value[4:5] == "-" and value[7:8] == "-"
        partial = next((m for m in members if m is not date and m.__name__ == "PartialDate"), None)
        if not full and partial is not None:
            return _advice(partial, value)
        return _advice(date, value)
    for member in members:
        advice = _advice(member, value)
        if advice is not None:
            return advice
    return None
