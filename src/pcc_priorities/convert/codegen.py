"""Specialised structure and unstructure hooks, generated once per model class.

cattrs's generic paths dispatch on every optional field, tuple and union at run time. For the
fast path of valid documents we generate, per attrs class, a plain function that checks each
field's JSON type inline and builds the object with one call. Any problem at all makes it
raise :class:`Unfit`, and the loader then runs cattrs's detailed converter, which reports
every problem with its path; so these hooks decide nothing the detailed converter would not.

Objects are built with :func:`~pcc_priorities._typecheck.unchecked_constructor`: the
classes' converters and value checks run, their type checks do not, because every value's
type was checked inline here already. Nothing is switched off for anyone else: other threads
constructing objects meanwhile run their checks as always.

The unstructure side mirrors cattrs's ``omit_if_default`` output exactly (tests compare them).

"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from json.encoder import encode_basestring
from typing import Any

import attrs

from pcc_priorities._typecheck import unchecked_constructor
from pcc_priorities.model.json_values import FrozenJSONObject, thaw
from pcc_priorities.periods.dates import PartialDate

__all__ = [
    "HookGenerator",
    "Unfit",
    "is_period_bound",
    "json_number",
    "json_text",
    "read_period_bound",
]


class Unfit(Exception):  # a signal, never seen by users
    """The fast path cannot take this value; the detailed converter will say why."""


_MISSING = object()
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}").fullmatch


def _fail(*_args: object) -> typing.NoReturn:
    raise Unfit


def json_number(value: Decimal) -> str:
    """Return the canonical JSON text of an exact number: plain notation, digits kept.

    A whole zero with a sign is written "0": JSON readers take ``-0`` as the integer 0, so
    "-0" would not read back as written ("-0.0" does, and is kept).
    """
    text = str(value)
    if "E" in text and -64 <= value.adjusted() <= 64:
        text = format(value, "f")
    return "0" if text == "-0" else text


def json_text(value: object, indent: str) -> str:
    """Return the canonical JSON text of plain JSON data (dicts, lists, str, int, Decimal)."""
    if isinstance(value, str):
        return str(encode_basestring(value))
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return json_number(value)
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        members = (f"{encode_basestring(k)}: {json_text(v, inner)}" for k, v in value.items())
        return "{" + inner + ("," + inner).join(members) + indent + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        items = (json_text(item, inner) for item in value)
        return "[" + inner + ("," + inner).join(items) + indent + "]"
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _default_of(field: attrs.Attribute[Any]) -> Any:
    """The default value of ``field``, calling its factory where it has one."""
    default = field.default
    return default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type, union-attr]


def _optional_inner(hint: Any) -> Any | None:
    args = typing.get_args(hint)
    if type(None) in args and len(args) == 2:
        return next(a for a in args if a is not type(None))
    return None


def is_period_bound(hint: Any) -> bool:
    """Whether ``hint`` is an end of a period: ``date | PartialDate``, optionally ``| None``.

    In JSON both are text: ``YYYY-MM-DD`` is a day (a ``date``), ``YYYY-MM`` and ``YYYY``
    a date known only to the month or the year (a ``PartialDate``).
    """
    args = set(typing.get_args(hint)) - {type(None)}
    return args == {date, PartialDate}


def read_period_bound(text: str) -> date | PartialDate:
    """Read an end of a period from its JSON text.

    Raises:
        ValueError: The text is not ``YYYY``, ``YYYY-MM`` or a real ``YYYY-MM-DD`` date.
    """
    if _DATE(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a real date") from None
    return PartialDate.parse(text)


def short_constructor(cls: type[Any]) -> Callable[[str], Any]:
    """Build ``cls`` from its first field's text, every other field at its default."""
    build = unchecked_constructor(cls)
    defaults = [_default_of(field) for field in attrs.fields(cls)[1:]]
    return lambda text: build(text, *defaults)


def short_test(cls: type[Any]) -> Callable[[Any], bool]:
    """Whether an object of ``cls`` has every field but the first at its default."""
    rest = [(field.name, _default_of(field)) for field in attrs.fields(cls)[1:]]
    return lambda obj: all(getattr(obj, name) == default for name, default in rest)


class HookGenerator:
    """Generates, on first use, fast hooks for attrs classes and the narrative-block union."""

    def __init__(
        self,
        block_tags: Mapping[str, type[Any]],
        extensions: Callable[[object, object], FrozenJSONObject],
        shared: Iterable[type[Any]] = (),
        shorthands: Iterable[type[Any]] = (),
    ) -> None:
        """Prepare to generate hooks.

        Args:
            block_tags: The narrative block classes by their JSON ``type`` tag.
            extensions: The structure hook for extension objects.
            shared: Small classes made only of text, dates and enumerations (periods,
                areas), whose objects are built once per distinct JSON value and shared:
                safe because they are frozen, and they repeat across documents. Numbers
                must not appear in them: 1, 1.0 and true are equal dictionary keys.
            shorthands: Classes whose first field is text and whose objects, when every
                other field is at its default, are written in JSON as that text alone (a
                plan priority with nothing but its title); reading accepts both forms.
        """
        self.block_tags = dict(block_tags)
        self.shared = frozenset(shared)
        self.shorthands = frozenset(shorthands)
        self._tag_of = {cls: tag for tag, cls in block_tags.items()}
        self.globals: dict[str, Any] = {
            "_MISSING": _MISSING,
            "Unfit": Unfit,
            "_Decimal": Decimal,
            "_date": date.fromisoformat,
            "_DATE": _DATE,
            "_PartialDate": PartialDate.parse,
            "_bound": read_period_bound,
            "_extensions": extensions,
            "_thaw": thaw,
            "_FrozenJSONObject": FrozenJSONObject,
            "_block": self.block,
            "_unblock": self.unblock,
            "_wblock": self.write_block,
            "_enc": encode_basestring,
            "_num": json_number,
            "_json_text": json_text,
        }
        self.structure: dict[type[Any], Callable[[Any], Any]] = {}
        self.unstructure: dict[type[Any], Callable[[Any], Any]] = {}
        self.text: dict[type[Any], Callable[..., str]] = {}
        self._names: dict[int, str] = {}

    def _name(self, value: Any, prefix: str) -> str:
        key = id(value)
        if key not in self._names:
            name = f"_{prefix}{len(self._names)}"
            self._names[key] = name
            self.globals[name] = value
        return self._names[key]

    # ------------------------------------------------------------------ structure

    def _check(self, hint: Any, var: str, indent: str) -> list[str]:
        """Lines that check and convert JSON value ``var`` of type ``hint`` in place."""
        if is_period_bound(hint):
            return [
                f"{indent}if {var} is not None:",
                f"{indent}    if type({var}) is not str: raise Unfit",
                f"{indent}    {var} = _bound({var})",
            ]
        inner = _optional_inner(hint)
        if inner is not None:
            body = self._check(inner, var, indent + "    ")
            return [f"{indent}if {var} is not None:", *body]
        if hint is str:
            # Lone surrogates are looked for once per document, before this path runs.
            return [f"{indent}if type({var}) is not str: raise Unfit"]
        if hint is int:
            return [f"{indent}if type({var}) is not int: raise Unfit"]
        if hint is bool:
            return [f"{indent}if type({var}) is not bool: raise Unfit"]
        if hint is Decimal:
            return [
                f"{indent}if type({var}) is int: {var} = _Decimal({var})",
                f"{indent}elif type({var}) is not _Decimal or not {var}.is_finite(): raise Unfit",
            ]
        if hint is date:
            return [
                f"{indent}if type({var}) is not str or not _DATE({var}): raise Unfit",
                f"{indent}{var} = _date({var})",
            ]
        if hint is PartialDate:
            return [
                f"{indent}if type({var}) is not str: raise Unfit",
                f"{indent}{var} = _PartialDate({var})",
            ]
        if hint is FrozenJSONObject:
            return [f"{indent}{var} = _extensions({var}, None)"]
        if isinstance(hint, type) and issubclass(hint, Enum):
            table = self._name({member.value: member for member in hint}, "enum")
            return [f"{indent}{var} = {table}[{var}]"]
        if typing.get_origin(hint) is tuple:
            element = typing.get_args(hint)[0]
            item = "x"
            body = self._check(element, item, "    ")
            function = self._name(self._compile_element(element, body, item), "items")
            return [
                f"{indent}if type({var}) is not list: raise Unfit",
                f"{indent}{var} = tuple([{function}({item}) for {item} in {var}])",
            ]
        if self._is_block(hint):
            return [f"{indent}{var} = _block({var})"]
        if isinstance(hint, type) and attrs.has(hint):
            self._ensure_structure(hint)
            return [f"{indent}{var} = {self._name(hint, 'cls')}_s({var})"]
        raise TypeError(f"no fast structure hook for {hint!r}")  # pragma: no cover

    def _compile_element(self, element: Any, body: list[str], item: str) -> Callable[[Any], Any]:
        if not body:
            return lambda value: value  # pragma: no cover - every element type is checked
        source = "\n".join([f"def _element({item}):", *body, f"    return {item}"])
        scope: dict[str, Any] = {}
        exec(compile(source, f"<pcc fast element {element!r}>", "exec"), self.globals, scope)
        return typing.cast(Callable[[Any], Any], scope["_element"])

    def _is_block(self, hint: Any) -> bool:
        args = set(typing.get_args(hint))
        return bool(args) and args == set(self.block_tags.values())

    def _ensure_structure(self, cls: type[Any]) -> None:
        if cls in self.structure:
            return
        name = self._name(cls, "cls")
        self.structure[cls] = _fail  # placeholder against recursion
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        allowed = {f.name for f in fields}
        if cls in self.block_tags.values():
            allowed.add("type")
        allowed_name = self._name(frozenset(allowed), "keys")
        lines = [f"def {name}_s(o):"]
        if cls in self.shorthands:
            short = self._name(short_constructor(cls), "short")
            lines.append(f"    if type(o) is str: return {short}(o)")
        lines += [
            "    if type(o) is not dict or not o.keys() <= " + allowed_name + ": raise Unfit",
            "    g = o.get",
        ]
        memo = cls in self.shared
        if memo:
            # Leaf objects made only of text (periods, areas) repeat across a document and
            # across documents: reuse the frozen object built for the same text.
            memo_name = self._name({}, "memo")
            key = ", ".join(f"g({field.name!r})" for field in fields)
            lines += [
                f"    key = ({key},)",
                f"    hit = {memo_name}.get(key)",
                "    if hit is not None: return hit",
            ]
        arguments = []
        build = self._name(unchecked_constructor(cls), "new")
        for field in fields:
            var = f"v_{field.name}"
            hint = hints[field.name]
            default = _default_of(field)
            if field.default is attrs.NOTHING:
                lines.append(f"    {var} = o[{field.name!r}]")
                lines.extend(self._check(hint, var, "    "))
            elif default is None and _optional_inner(hint) is not None:
                # Absent and null both mean None; the optional check lets None through.
                lines.append(f"    {var} = g({field.name!r})")
                lines.extend(self._check(hint, var, "    "))
            else:
                # A default JSON cannot spell (an empty tuple, frozen object) marks absence;
                # otherwise a sentinel does.
                spelled = not isinstance(default, tuple | FrozenJSONObject)
                marker = "_MISSING" if spelled else self._name(default, "default")
                lines.append(f"    {var} = g({field.name!r}, {marker})")
                if spelled:
                    lines.append(
                        f"    if {var} is _MISSING: {var} = {self._name(default, 'default')}"
                    )
                    lines.append("    else:")
                else:
                    lines.append(f"    if {var} is not {marker}:")
                checks = self._check(hint, var, "        ")
                lines.extend(checks or ["        pass"])
            arguments.append(var)
        if memo:
            lines += [
                f"    result = {build}({', '.join(arguments)})",
                f"    if len({memo_name}) >= 4096: {memo_name}.clear()",
                f"    {memo_name}[key] = result",
                "    return result",
            ]
        else:
            lines.append(f"    return {build}({', '.join(arguments)})")
        source = "\n".join(lines)
        exec(compile(source, f"<pcc fast structure {cls.__name__}>", "exec"), self.globals)
        self.structure[cls] = self.globals[f"{name}_s"]

    def block(self, value: Any) -> Any:
        """Structure a narrative block by its ``type`` tag."""
        if type(value) is not dict:
            raise Unfit
        cls = self.block_tags[value["type"]]
        return self.structure_for(cls)(value)

    def structure_for(self, cls: type[Any]) -> Callable[[Any], Any]:
        """Return the fast structure function of ``cls``."""
        self._ensure_structure(cls)
        return self.structure[cls]

    # ------------------------------------------------------------------ unstructure

    def _emit(self, hint: Any, expr: str) -> str:
        """An expression giving the JSON data of ``expr`` of type ``hint`` (not None)."""
        if is_period_bound(hint):
            return f"str({expr})"
        inner = _optional_inner(hint)
        if inner is not None:
            return self._emit(inner, expr)
        if hint in (str, int, bool, Decimal):
            return expr
        if hint is date:
            return f"{expr}.isoformat()"
        if hint is PartialDate:
            return f"str({expr})"
        if hint is FrozenJSONObject:
            return f"_thaw({expr})"
        if isinstance(hint, type) and issubclass(hint, Enum):
            return f"{expr}.value"
        if typing.get_origin(hint) is tuple:
            element = typing.get_args(hint)[0]
            return f"[{self._emit(element, 'x')} for x in {expr}]"
        if self._is_block(hint):
            return f"_unblock({expr})"
        if isinstance(hint, type) and attrs.has(hint):
            self._ensure_unstructure(hint)
            return f"{self._name(hint, 'cls')}_u({expr})"
        raise TypeError(f"no fast unstructure hook for {hint!r}")  # pragma: no cover

    def _written_when(self, field: attrs.Attribute[Any]) -> str | None:
        """The condition on ``v`` under which a field is written (None: always).

        Fields at their default are left out, as cattrs's ``omit_if_default`` does.
        """
        if field.default is attrs.NOTHING:
            return None
        default = _default_of(field)
        if default is None:
            return "v is not None"
        if default == ():
            return "v"
        return f"v != {self._name(default, 'default')}"

    def _ensure_unstructure(self, cls: type[Any]) -> None:
        if cls in self.unstructure:
            return
        name = self._name(cls, "cls")
        self.unstructure[cls] = _fail
        hints = typing.get_type_hints(cls)
        lines = [f"def {name}_u(o):"]
        if cls in self.shorthands:
            is_short = self._name(short_test(cls), "isshort")
            first = attrs.fields(cls)[0].name
            lines.append(f"    if {is_short}(o): return o.{first}")
        lines.append("    d = {}")
        for field in attrs.fields(cls):
            hint = hints[field.name]
            emit = self._emit(hint, "v")
            lines.append(f"    v = o.{field.name}")
            condition = self._written_when(field)
            if condition is None:
                if _optional_inner(hint) is not None:
                    emit = f"None if v is None else {emit}"
                lines.append(f"    d[{field.name!r}] = {emit}")
            else:
                lines.append(f"    if {condition}: d[{field.name!r}] = {emit}")
        lines.append("    return d")
        source = "\n".join(lines)
        exec(compile(source, f"<pcc fast unstructure {cls.__name__}>", "exec"), self.globals)
        self.unstructure[cls] = self.globals[f"{name}_u"]

    def unblock(self, block: Any) -> dict[str, Any]:
        """Unstructure a narrative block, its ``type`` tag first."""
        cls = type(block)
        return {"type": self._tag_of[cls], **self.unstructure_for(cls)(block)}

    def unstructure_for(self, cls: type[Any]) -> Callable[[Any], Any]:
        """Return the fast unstructure function of ``cls``."""
        self._ensure_unstructure(cls)
        return self.unstructure[cls]

    # ------------------------------------------------------------------ canonical text

    def _text(self, hint: Any, expr: str, inner: str) -> str:
        """An expression giving the canonical JSON text of ``expr`` (not None).

        ``inner`` names the variable holding the indentation of the value's own lines.
        """
        if is_period_bound(hint):
            return f"('\"' + str({expr}) + '\"')"
        optional = _optional_inner(hint)
        if optional is not None:
            return self._text(optional, expr, inner)
        if hint is str:
            return f"_enc({expr})"
        if hint is int:
            return f"str({expr})"
        if hint is bool:
            return f"('true' if {expr} else 'false')"
        if hint is Decimal:
            return f"_num({expr})"
        if hint is date:
            return f"('\"' + {expr}.isoformat() + '\"')"
        if hint is PartialDate:
            return f"('\"' + str({expr}) + '\"')"
        if hint is FrozenJSONObject:
            return f"_json_text(_thaw({expr}), {inner})"
        if isinstance(hint, type) and issubclass(hint, Enum):
            table = self._name({m: encode_basestring(m.value) for m in hint}, "enumtext")
            return f"{table}[{expr}]"
        if typing.get_origin(hint) is tuple:
            element = typing.get_args(hint)[0]
            item = self._text(element, "x", "i2")
            return (
                f"(('[' + (i2 := {inner} + '  ') + (',' + i2).join([{item} for x in {expr}]) "
                f"+ {inner} + ']') if {expr} else '[]')"
            )
        if self._is_block(hint):
            return f"_wblock({expr}, {inner})"
        if isinstance(hint, type) and attrs.has(hint):
            self._ensure_text(hint)
            return f"{self._name(hint, 'cls')}_w({expr}, {inner})"
        raise TypeError(f"no canonical text writer for {hint!r}")  # pragma: no cover

    def _ensure_text(self, cls: type[Any]) -> None:
        if cls in self.text:
            return
        name = self._name(cls, "cls")
        self.text[cls] = _fail
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        memo = cls in self.shared
        lines = [f"def {name}_w(o, ind, first=None):"]
        if memo:
            memo_name = self._name({}, "textmemo")
            lines += [
                "    key = (o, ind)",
                f"    hit = {memo_name}.get(key)",
                "    if hit is not None: return hit",
            ]
        if cls in self.shorthands:
            is_short = self._name(short_test(cls), "isshort")
            field_name = fields[0].name
            lines.append(f"    if first is None and {is_short}(o): return _enc(o.{field_name})")
        lines += ["    i1 = ind + '  '", "    out = [] if first is None else [first]"]
        for field in fields:
            hint = hints[field.name]
            prefix = encode_basestring(field.name) + ": "
            text = self._text(hint, "v", "i1")
            lines.append(f"    v = o.{field.name}")
            condition = self._written_when(field)
            if condition is None:
                if _optional_inner(hint) is not None:
                    text = f"('null' if v is None else {text})"
                lines.append(f"    out.append({prefix!r} + {text})")
            else:
                lines.append(f"    if {condition}: out.append({prefix!r} + {text})")
        lines.append("    text = ('{' + i1 + (',' + i1).join(out) + ind + '}') if out else '{}'")
        if memo:
            lines += [
                f"    if len({memo_name}) >= 4096: {memo_name}.clear()",
                f"    {memo_name}[key] = text",
            ]
        lines.append("    return text")
        source = "\n".join(lines)
        exec(compile(source, f"<pcc canonical text {cls.__name__}>", "exec"), self.globals)
        self.text[cls] = self.globals[f"{name}_w"]

    def write_block(self, block: Any, indent: str) -> str:
        """Return the canonical text of a narrative block, its ``type`` tag first."""
        cls = type(block)
        tag = f'"type": {encode_basestring(self._tag_of[cls])}'
        return str(self.text_for(cls)(block, indent, tag))

    def text_for(self, cls: type[Any]) -> Callable[..., str]:
        """Return the canonical text writer of ``cls``: ``writer(obj, indent, first=None)``.

        ``indent`` is the newline and spaces before the object's closing brace; ``first``
        is an already-written member to put first (a block's tag, the schema version).
        """
        self._ensure_text(cls)
        return self.text[cls]
