r"""The quick writer of canonical JSON: generated code copies the model into mirror structs.

For every attrs class of the statement model a :class:`msgspec.Struct` of the same fields, in
the same order, is made once; one generated function per class copies a model object into
its mirror (exact numbers as raw JSON text, extension data as compact JSON); msgspec writes
the mirrors compactly in C, leaving out members at their defaults as the canonical form does,
and :func:`msgspec.json.format` indents the text two spaces, one member a line, as
:func:`~pcc_priorities.formats.json.dumps_json` has always written it. Strings are escaped as
the standard library's ``json`` escapes them (``"``, ``\``, control characters; nothing
else), so the text is the same, byte for byte, as the generated text writers'
(:meth:`~pcc_priorities.convert.codegen.HookGenerator.text_for`), which tests hold it to.

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
import msgspec

from pcc_priorities.convert.codegen import is_period_bound, json_number, short_test
from pcc_priorities.convert.struct_reader import hints_of, optional_inner
from pcc_priorities.model.json_values import FrozenJSONObject
from pcc_priorities.periods.dates import PartialDate

__all__ = ["StructWriter"]


class _Omitted:
    """The default of a mirror field whose model default is not a singleton ("en-GB")."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<omitted>"


#: msgspec leaves out a member whose value *is* the default; equal is not enough for text.
_OMIT = _Omitted()
#: The default of a required field: never a value, so always written.
_REQUIRED = _Omitted()


def _default_of(field: attrs.Attribute[Any]) -> Any:
    default = field.default
    return default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type, union-attr]


def _number(value: Decimal) -> msgspec.Raw:
    return msgspec.Raw(json_number(value))


def _compact(value: object) -> str:
    """Compact JSON of plain data, numbers exact and text escaped as canonical JSON does."""
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
    if isinstance(value, Mapping):
        members = (f"{encode_basestring(k)}:{_compact(v)}" for k, v in value.items())
        return "{" + ",".join(members) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(_compact(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _extensions(value: FrozenJSONObject) -> msgspec.Raw | None:
    return msgspec.Raw(_compact(value)) if value else None


class StructWriter:
    """Mirror structs for writing, the generated functions that fill them, and the writer.

    The functions are generated as single expressions: an object's own objects (a
    comparison's change and area) are built inline, and each item of an array by one call.
    """

    def __init__(
        self,
        root: type[Any],
        block_tags: Mapping[str, type[Any]],
        *,
        first: tuple[str, str],
        shared: Iterable[type[Any]] = (),
        shorthands: Iterable[type[Any]] = (),
    ) -> None:
        """Make the mirrors of ``root`` and every class it holds, and the copying functions.

        Args:
            root: The document's class (the statement).
            block_tags: The narrative block classes by their JSON ``type`` tag.
            first: The member written first in a document (``schema_version`` and its value).
            shared: Classes whose objects the loader shares between figures and documents
                (periods, areas): each object's mirror is made once and reused while the
                object lives.
            shorthands: Classes written as their first field's text alone when every other
                field is at its default (a plan's priority by its title).
        """
        self.root = root
        self.shorthands = frozenset(shorthands)
        self.block_tags = dict(block_tags)
        self._tag_of = {cls: tag for tag, cls in block_tags.items()}
        self.first = first
        self.shared = frozenset(shared)
        self.mirrors: dict[type[Any], Any] = {}
        self.globals: dict[str, Any] = {
            "_number": _number,
            "_extensions": _extensions,
            "_OMIT": _OMIT,
            "_str": str,
            "_Raw": msgspec.Raw,
            "_id": id,
        }
        self._names: dict[int, str] = {}
        self._count = 0
        self._functions: dict[type[Any], str] = {}
        self._items: dict[Any, Callable[[Any], Any]] = {}
        self._mirror(root)
        blocks = {cls: self.globals[self._function(cls)] for cls in self.block_tags.values()}
        self.globals["_block"] = lambda block: blocks[type(block)](block)
        self._document = typing.cast(Callable[[Any], Any], self.globals[self._function(root)])
        self.encoder = msgspec.json.Encoder()

    def _name(self, value: Any, prefix: str) -> str:
        key = id(value)
        if key not in self._names:
            name = f"_{prefix}{len(self._names)}"
            self._names[key] = name
            self.globals[name] = value
        return self._names[key]

    def _fresh(self) -> str:
        self._count += 1
        return f"u{self._count}"

    def _is_block(self, hint: Any) -> bool:
        args = set(typing.get_args(hint))
        return bool(args) and args == set(self.block_tags.values())

    def _converted(self, hint: Any) -> bool:
        """Whether a value of ``hint`` is written as something else than itself."""
        inner = optional_inner(hint)
        if inner is not None:
            return self._converted(inner)
        if typing.get_origin(hint) is tuple:
            return self._converted(typing.get_args(hint)[0])
        return not (
            hint in (str, int, bool, date) or (isinstance(hint, type) and issubclass(hint, Enum))
        )

    # ------------------------------------------------------------------ mirrors

    def _default(self, field: attrs.Attribute[Any], hint: Any) -> Any:
        """The mirror's default for ``field``: msgspec leaves out a value that *is* it."""
        if field.default is attrs.NOTHING:
            return _REQUIRED
        default = _default_of(field)
        if default is None or isinstance(default, FrozenJSONObject):
            return None  # None is a singleton; empty extensions are written as None
        if default == ():
            return [] if self._converted(hint) else ()  # () is a singleton; [] means empty
        if isinstance(default, bool | Enum):
            return default
        return _OMIT  # text and numbers: the copy compares, and writes _OMIT

    def _mirror(self, cls: type[Any]) -> Any:
        if cls in self.mirrors:  # made, or being made (a subsection holds blocks)
            return self.mirrors[cls]
        self.mirrors[cls] = None
        hints = hints_of(cls)
        fields: list[Any] = []
        if cls is self.root:
            fields.append((self.first[0], str, _REQUIRED))
        for field in attrs.fields(cls):
            fields.append((field.name, typing.Any, self._default(field, hints[field.name])))
            for inner in _classes(hints[field.name]):
                self._mirror(inner)
        options: dict[str, Any] = {}
        if cls in self._tag_of:
            options = {"tag_field": "type", "tag": self._tag_of[cls]}
        mirror = msgspec.defstruct(
            f"Written{cls.__name__}",
            fields,
            omit_defaults=True,
            gc=False,
            module=__name__,
            **options,
        )
        self.mirrors[cls] = mirror
        return mirror

    # ------------------------------------------------------------------ copying

    def _bind(self, expression: str, var: str, access: str) -> str:
        """``expression`` of ``var``, with ``var`` bound to ``access`` where first evaluated."""
        uses = len(re.findall(rf"\b{var}\b", expression))
        if uses <= 1:
            return re.sub(rf"\b{var}\b", lambda _: access, expression)
        # The first place ``var`` is written is where it is first evaluated: conditions and
        # the first argument come first in every expression made here.
        return re.sub(rf"\b{var}\b", lambda _: f"({var} := {access})", expression, count=1)

    def _value(self, hint: Any, access: str) -> str:
        """An expression giving the mirror value of the model value ``access``."""
        if is_period_bound(hint):  # a date and a PartialDate both write as their ISO text
            if type(None) not in typing.get_args(hint):
                return f"_str({access})"
            var = self._fresh()
            return self._bind(f"(None if {var} is None else _str({var}))", var, access)
        inner = optional_inner(hint)
        if inner is not None:
            if not self._converted(inner):
                return access
            var = self._fresh()
            built = self._value(inner, var)
            return self._bind(f"(None if {var} is None else {built})", var, access)
        if hint is Decimal:
            # str() is the canonical text unless it has an exponent or is "-0" (json_number).
            var, text = self._fresh(), self._fresh()
            expression = (
                f"(_Raw({text}) if 'E' not in ({text} := _str({var})) and {text} != '-0' "
                f"else _number({var}))"
            )
            return self._bind(expression, var, access)
        if hint is PartialDate:
            return f"_str({access})"
        if hint is FrozenJSONObject:
            return f"_extensions({access})"
        if typing.get_origin(hint) is tuple:
            element = typing.get_args(hint)[0]
            if not self._converted(element):
                return access
            if self._is_block(element):
                return f"list(map(_block, {access}))"
            # A function per item: names bound inside a comprehension would be cells, slower.
            function = self._name(self._item_function(element), "item")
            return f"list(map({function}, {access}))"
        if isinstance(hint, type) and attrs.has(hint):
            if hint in self.shared:
                var, hit = self._fresh(), self._fresh()
                memo = self._name(self._memo(hint), "memo")
                function = self._function(hint)
                expression = (
                    f"({hit}[1] if ({hit} := {memo}.get(_id({var}))) is not None "
                    f"and {hit}[0] is {var} else {function}({var}))"
                )
                return self._bind(expression, var, access)
            if hint in self.shorthands:
                return f"{self._shorthand(hint)}({access})"
            var = self._fresh()
            return self._bind(self._construct(hint, var), var, access)
        return access

    def _shorthand(self, cls: type[Any]) -> str:
        """The name of a generated function writing a ``cls`` in its shortest form.

        Its first field's text alone when every other field is at its default, and an object
        otherwise.
        """
        name = f"short_or_copy_{cls.__name__}"
        if name not in self.globals:
            short = self._name(short_test(cls), "isshort")
            first = attrs.fields(cls)[0].name
            source = (
                f"def {name}(o):\n    if {short}(o): return o.{first}\n"
                f"    return {self._construct(cls, 'o')}"
            )
            exec(compile(source, f"<pcc struct writer {cls.__name__}>", "exec"), self.globals)
        return name

    def _construct(self, cls: type[Any], var: str) -> str:
        """An expression building the mirror of the model object ``var`` of class ``cls``."""
        hints = hints_of(cls)
        arguments = [repr(self.first[1])] if cls is self.root else []
        for field in attrs.fields(cls):
            hint = hints[field.name]
            access = f"{var}.{field.name}"
            if self._default(field, hint) is _OMIT:
                value = self._fresh()
                marker = self._name(_default_of(field), "default")
                expression = f"(_OMIT if {value} == {marker} else {self._value(hint, value)})"
                arguments.append(self._bind(expression, value, access))
            else:
                arguments.append(self._value(hint, access))
        return f"{self._name(self.mirrors[cls], 'mirror')}({', '.join(arguments)})"

    def _item_function(self, hint: Any) -> Callable[[Any], Any]:
        """A generated function giving the mirror value of one item of type ``hint``."""
        key = ("item", hint)
        found = self._items.get(key)
        if found is None:
            name = f"item_{len(self._items)}"
            source = f"def {name}(x):\n    return {self._value(hint, 'x')}"
            exec(compile(source, f"<pcc struct writer item {hint!r}>", "exec"), self.globals)
            found = self._items[key] = self.globals[name]
        return found

    def _memo(self, cls: type[Any]) -> dict[int, Any]:
        return typing.cast(dict[int, Any], self.globals.setdefault(f"_memo_{cls.__name__}", {}))

    def _function(self, cls: type[Any]) -> str:
        """The name of the generated function copying a ``cls`` (memoised if shared)."""
        name = f"copy_{cls.__name__}"
        if cls in self._functions:
            return name
        self._functions[cls] = name
        lines = [f"def {name}(o):"]
        built = self._construct(cls, "o")
        if cls in self.shared:
            # Keyed by identity, holding the object, so that the key is never another's.
            memo = self._name(self._memo(cls), "memo")
            lines += [
                f"    result = {built}",
                f"    if len({memo}) >= 4096: {memo}.clear()",
                f"    {memo}[_id(o)] = (o, result)",
                "    return result",
            ]
        else:
            lines.append(f"    return {built}")
        exec(compile("\n".join(lines), f"<pcc struct writer {cls.__name__}>", "exec"), self.globals)
        return name

    def write(self, document: Any) -> bytes:
        """Return the canonical JSON of ``document`` as UTF-8, with its final newline.

        Raises:
            UnicodeEncodeError: Some text holds a lone surrogate.
        """
        compact = self.encoder.encode(self._document(document))
        return msgspec.json.format(compact, indent=2) + b"\n"


def _classes(hint: Any) -> list[type[Any]]:
    """The attrs classes ``hint`` names, in unions and tuples too."""
    args = typing.get_args(hint)
    if args:
        return [cls for arg in args for cls in _classes(arg)]
    return [hint] if isinstance(hint, type) and attrs.has(hint) and hint is not PartialDate else []
