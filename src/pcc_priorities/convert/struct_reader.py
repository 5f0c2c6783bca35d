"""The quick reader of canonical JSON: msgspec decodes into mirror structs, code builds the model.

For every attrs class of the statement model a frozen :class:`msgspec.Struct` of the same
fields is made once (the *mirror*), with the same strictness as the loader's fast path:
unknown keys refused, strict scalar types (a bool is not a whole number, a whole number is not
text), ISO dates, enumerations by value, narrative blocks as a union tagged by ``type``.
msgspec's C decoder parses and type-checks a document into mirrors; one generated function per
class then builds the model object from its mirror, without checking types again.

Numbers are decoded as :class:`msgspec.Raw` and read as exact decimals here, because msgspec's
own decimals accept numbers written as strings, which the format refuses; extension data is
decoded as raw JSON and read with the standard library, so that it keeps its exact numbers
and its repeated keys can be found.

This reader decides nothing on its own, like the generated fast path it sits before. It
cannot see repeated keys, or members written at their default: the caller compares the
document with :meth:`StructReader.members_text`, and any difference, any error, sends the
document to the detailed loader, which says what is wrong with it.

"""

from __future__ import annotations

import json
import keyword
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

import attrs
import msgspec

from pcc_priorities._typecheck import value_converter, value_validator
from pcc_priorities.convert.codegen import is_period_bound, read_period_bound, short_constructor
from pcc_priorities.model.json_values import FrozenJSONObject
from pcc_priorities.periods.dates import PartialDate

__all__ = ["StructReader", "hints_of", "optional_inner"]


_HINTS: dict[type[Any], dict[str, Any]] = {}


def hints_of(cls: type[Any]) -> dict[str, Any]:
    """The resolved annotations of ``cls``, once (resolving them compiles every one)."""
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls)
    return found


def optional_inner(hint: Any) -> Any | None:
    """The ``X`` of ``X | None``, or None when ``hint`` is not optional."""
    args = typing.get_args(hint)
    if type(None) in args and len(args) == 2:
        return next(a for a in args if a is not type(None))
    return None


def _default_of(field: attrs.Attribute[Any]) -> Any:
    default = field.default
    return default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type, union-attr]


def _number_reader(convert: Callable[[Decimal], Decimal | None]) -> Callable[[Any], Any]:
    """Return the reader of raw JSON numbers into exact decimals, checked by ``convert``.

    A number reads as ``json.loads(..., parse_float=Decimal)`` and the fast path read it (a
    whole number as ``Decimal(int)``, so "-0" is 0). A string, a literal or anything else
    raises (``Decimal`` refuses it), and the document goes to the detailed loader. Numbers
    repeat across figures and documents, and decimals are immutable: each text is read once
    and its decimal shared.
    """
    cache: dict[str, Any] = {}

    def number(raw: msgspec.Raw) -> Any:
        text = str(raw, "ascii")
        found = cache.get(text)
        if found is None:
            if text == "null":
                return None
            found = convert(Decimal(0) if text == "-0" else Decimal(text))
            if len(cache) >= 4096:
                cache.clear()
            cache[text] = found
        return found

    number.cache = cache  # type: ignore[attr-defined]  # the readers look numbers up inline
    return number


def _building_class(cls: type[Any]) -> type[Any] | None:
    """A subclass of ``cls`` whose objects take plain attribute writes, or None.

    Setting a slot through its descriptor's ``__set__`` (past a frozen class's
    ``__setattr__``) is a call, about 45 ns a field; an attribute written to an object of this
    subclass, which has the ``__setattr__`` of :class:`object`, is one specialised instruction,
    about 5 ns. The subclass adds nothing to the layout, so once every field is written the
    object's class is set to ``cls`` (``o.__class__ = cls``), and it is exactly the object the
    class itself would make. None when the class cannot be swapped (then the descriptors are
    called), or a field's name cannot be written as an attribute.
    """
    if any(not f.name.isidentifier() or keyword.iskeyword(f.name) for f in attrs.fields(cls)):
        return None  # pragma: no cover - every field of the model is an identifier
    building = type(
        f"{cls.__name__}Building",
        (cls,),
        {
            "__slots__": (),
            # Both, or writes still go through a Python function (``__delattr__`` shares the
            # type's C slot with ``__setattr__``).
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            "__module__": __name__,
            "__doc__": f"A {cls.__name__} being built by the struct reader.",
        },
    )
    try:
        probe: Any = object.__new__(building)
        probe.__class__ = cls
    except TypeError:  # pragma: no cover - a layout the model's classes do not have
        return None
    return building


def _distinct_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("a key is written twice")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _parse_extensions(raw: msgspec.Raw) -> Any:
    """Extension data as the careful loader parses it; a repeated key raises."""
    return json.loads(
        bytes(raw),
        parse_float=Decimal,
        parse_constant=_no_constant,
        object_pairs_hook=_distinct_keys,
    )


class StructReader:
    """Mirror structs of the model's attrs classes, and the generated functions that read them."""

    def __init__(
        self,
        root: type[Any],
        block_tags: Mapping[str, type[Any]],
        *,
        version: str,
        extensions: Callable[[object, object], FrozenJSONObject],
        shared: Iterable[type[Any]] = (),
        shorthands: Iterable[type[Any]] = (),
    ) -> None:
        """Make the mirrors of ``root`` and every class it holds, and the reading functions.

        Args:
            root: The document's class (the statement); its mirror has ``schema_version``
                first, which must be ``version``.
            block_tags: The narrative block classes by their JSON ``type`` tag.
            version: The ``schema_version`` a document must have to be read here.
            extensions: The structure hook for extension objects (parsed JSON in, frozen out).
            shared: Small classes whose objects are built once per distinct value and shared,
                as the fast path does (periods, areas).
            shorthands: Classes a document may write as their first field's text alone
                (a plan's priority by its title), every other field at its default.
        """
        self.root = root
        self.shorthands = frozenset(shorthands)
        self.block_tags = dict(block_tags)
        self._tag_of = {cls: tag for tag, cls in block_tags.items()}
        self.version = version
        self.shared = frozenset(shared)
        self.mirrors: dict[type[Any], Any] = {}
        self._read: dict[type[Any], Callable[[Any], Any]] = {}
        self._namespace: dict[str, Any] = {}
        self.globals: dict[str, Any] = {
            "_new": object.__new__,
            "_number": _number_reader(lambda number: number),
            "_partial_date": PartialDate.parse,
            "_period_bound": read_period_bound,
            "_str": str,
            "_extensions": lambda raw: extensions(_parse_extensions(raw), None),
            "_FrozenJSONObject": FrozenJSONObject,
        }
        self._names: dict[int, str] = {}
        mirror = self._mirror(root)
        self.decoder = msgspec.json.Decoder(mirror)
        self.encoder = msgspec.json.Encoder()
        self.read = self._reader(root)
        self._blocks = {self.mirrors[cls]: self._reader(cls) for cls in self.block_tags.values()}
        self.globals["_block"] = self._read_block
        #: The deepest nesting of a document without a subsection inside a subsection and
        #: with plain values in its extensions.
        self._depths: dict[type[Any], int] = {}
        self._depth_memo: dict[tuple[Any, ...], int] = {}
        self.depth = self.depth_of(root)

    def _name(self, value: Any, prefix: str) -> str:
        key = id(value)
        if key not in self._names:
            name = f"_{prefix}{len(self._names)}"
            self._names[key] = name
            self.globals[name] = value
        return self._names[key]

    def _is_block(self, hint: Any) -> bool:
        args = set(typing.get_args(hint))
        return bool(args) and args == set(self.block_tags.values())

    # ------------------------------------------------------------------ mirrors

    def _mirror_type(self, hint: Any) -> Any:
        if is_period_bound(hint):  # a day, or a date known to the month or year: text
            return str | None if type(None) in typing.get_args(hint) else str
        inner = optional_inner(hint)
        if inner is not None:
            if inner is Decimal:  # null is read from the raw text too
                return msgspec.Raw
            return typing.Optional[self._mirror_type(inner)]  # noqa: UP045 - may be a name
        if hint is Decimal or hint is FrozenJSONObject:
            return msgspec.Raw
        if hint is PartialDate:
            return str
        if typing.get_origin(hint) is tuple:
            return tuple[self._mirror_type(typing.get_args(hint)[0]), ...]  # type: ignore[misc]
        if self._is_block(hint):
            members = tuple(self._mirror(cls) for cls in self.block_tags.values())
            return typing.Union[members]  # noqa: UP007 - a union of a runtime tuple
        if hint in self.shorthands:  # the text alone, or the object
            return typing.Union[str, self._mirror(hint)]  # noqa: UP007 - a runtime class
        if isinstance(hint, type) and attrs.has(hint):
            return self._mirror(hint)
        if hint in (str, int, bool, date) or (isinstance(hint, type) and issubclass(hint, Enum)):
            return hint
        raise TypeError(f"no mirror for {hint!r}")  # pragma: no cover - every type is known

    def _mirror(self, cls: type[Any]) -> Any:
        found = self.mirrors.get(cls)
        if found is not None:
            return found
        name = f"Mirror{cls.__name__}"
        self.mirrors[cls] = name  # a forward reference while its own fields are made
        hints = hints_of(cls)
        fields: list[Any] = []
        if cls is self.root:
            fields.append(("schema_version", Literal[self.version]))
        for field in attrs.fields(cls):
            kind = self._mirror_type(hints[field.name])
            if field.default is attrs.NOTHING:
                fields.append((field.name, kind))
            elif kind is msgspec.Raw:
                fields.append((field.name, kind, None))  # absent; null is raw b"null"
            else:
                fields.append((field.name, kind, _default_of(field)))
        options: dict[str, Any] = {}
        if cls in self._tag_of:
            options = {"tag_field": "type", "tag": self._tag_of[cls]}
        struct = msgspec.defstruct(
            name,
            fields,
            kw_only=True,
            frozen=True,
            forbid_unknown_fields=True,
            omit_defaults=True,
            gc=False,  # trees, never cycles: nothing for the collector to trace
            module=__name__,
            **options,
        )
        # Forward references ("MirrorSubsection") resolve in this namespace.
        self._namespace[name] = struct
        globals()[name] = struct
        self.mirrors[cls] = struct
        return struct

    # ------------------------------------------------------------------ reading

    def _expression(self, hint: Any, var: str) -> str:
        """An expression building the model value of type ``hint`` from mirror value ``var``."""
        if is_period_bound(hint):
            if type(None) in typing.get_args(hint):
                return f"(None if {var} is None else _period_bound({var}))"
            return f"_period_bound({var})"
        inner = optional_inner(hint)
        if inner is not None:
            if inner is Decimal:
                return f"(None if {var} is None else _number({var}))"
            built = self._expression(inner, var)
            return var if built == var else f"(None if {var} is None else {built})"
        if hint is Decimal:
            return f"_number({var})"
        if hint is FrozenJSONObject:
            return f"(_FrozenJSONObject() if {var} is None else _extensions({var}))"
        if hint is PartialDate:
            return f"_partial_date({var})"
        if typing.get_origin(hint) is tuple:
            element = typing.get_args(hint)[0]
            if self._is_block(element):
                return f"(tuple(map(_block, {var})) if {var} else ())"
            if self._expression(element, "x") == "x":
                return var  # msgspec made the tuple of text, dates or enumerations
            function = self._read_function(element)
            return f"(tuple(map({function}, {var})) if {var} else ())"
        if isinstance(hint, type) and attrs.has(hint) and not self._is_block(hint):
            return f"{self._read_function(hint)}({var})"
        return var

    def _read_function(self, cls: type[Any]) -> str:
        """The name of the function reading a ``cls`` from its mirror (or text, if short)."""
        read = self._name(self._reader(cls), "read")
        if cls not in self.shorthands:
            return read
        short = self._name(short_constructor(cls), "short")

        def short_or_read(mirror: Any) -> Any:
            return short_build(mirror) if mirror.__class__ is str else read_mirror(mirror)

        short_build, read_mirror = self.globals[short], self.globals[read]
        return self._name(short_or_read, "shortread")

    def _reader(self, cls: type[Any]) -> Callable[[Any], Any]:
        found = self._read.get(cls)
        if found is not None:
            return found
        fields = attrs.fields(cls)
        if hasattr(cls, "__attrs_post_init__") or any(not field.init for field in fields):
            raise TypeError(f"cannot read {cls.__qualname__}: not built as the model's classes are")
        name = self._name(cls, "cls")

        def placeholder(mirror: Any) -> Any:  # pragma: no cover - replaced before any use
            return self._read[cls](mirror)

        self._read[cls] = placeholder  # against recursion (subsections hold blocks)
        hints = hints_of(cls)
        lines = [f"def read_{name}(s):"]
        memo = cls in self.shared
        if memo:
            memo_name = self._name({}, "memo")
            lines += [f"    hit = {memo_name}.get(s)", "    if hit is not None: return hit"]
        building = _building_class(cls)
        lines.append(f"    o = _new({name if building is None else self._name(building, 'b')})")
        validations = []
        for field in fields:
            hint = hints[field.name]
            if building is None:  # the slot's own setter, past the frozen class's __setattr__
                setter = self._name(getattr(cls, field.name).__set__, "set")
                assign = f"    {setter}(o, {{}})"
            else:
                assign = f"    o.{field.name} = {{}}"
            value = self._expression(hint, "v")
            converter = value_converter(field)
            inner_number = converter is not None and optional_inner(hint) is Decimal
            if converter is not None:
                convert = self._name(converter, "convert")
                inner = optional_inner(hint)
                if inner is Decimal:  # the number reader converts, once per distinct text
                    number = _number_reader(converter)
                    reader = self._name(number, "number")
                    cache = self._name(number.cache, "numbers")  # type: ignore[attr-defined]
                    # A number read before is looked up here, without a call.
                    lines += [
                        f"    v = s.{field.name}",
                        "    if v is not None:",
                        f"        h = {cache}.get(_str(v, 'ascii'))",
                        f"        v = h if h is not None else {reader}(v)",
                    ]
                    value = "v"
                elif inner is not None:
                    if converter(None) is not None:  # pragma: no cover - not in the model
                        raise TypeError(f"{cls.__name__}.{field.name}: a converter of None")
                    # None stays None; convert only a value that is there.
                    built = self._expression(inner, "v")
                    value = f"(None if v is None else {convert}({built}))"
                else:
                    value = f"{convert}({value})"
            if value == "v" and inner_number:
                lines.append(assign.format("v"))
            elif value == "v":
                lines.append(assign.format(f"s.{field.name}"))
            else:
                lines += [f"    v = s.{field.name}", assign.format(value)]
            validator = value_validator(field)
            if validator is not None:
                validations.append(
                    f"    {self._name(validator, 'check')}(o, "
                    f"{self._name(field, 'field')}, o.{field.name})"
                )
        if building is not None:
            lines.append(f"    o.__class__ = {name}")
        lines += validations
        if memo:
            lines += [
                f"    if len({memo_name}) >= 4096: {memo_name}.clear()",
                f"    {memo_name}[s] = o",
            ]
        lines.append("    return o")
        exec(compile("\n".join(lines), f"<pcc struct reader {cls.__name__}>", "exec"), self.globals)
        function = typing.cast(Callable[[Any], Any], self.globals[f"read_{name}"])
        self._read[cls] = function
        return function

    def _read_block(self, mirror: Any) -> Any:
        return self._blocks[type(mirror)](mirror)

    # ------------------------------------------------------------------ depth

    def _depth(self, hint: Any, within: tuple[type[Any], ...]) -> int:
        """The deepest objects and arrays a value of ``hint`` holds, counting itself.

        A class inside itself (a subsection in a subsection) counts as nothing, and extension
        data as one object of plain values: the loader measures those when they occur.
        """
        inner = optional_inner(hint)
        if inner is not None:
            return self._depth(inner, within)
        if typing.get_origin(hint) is tuple:
            return 1 + self._depth(typing.get_args(hint)[0], within)
        if self._is_block(hint):
            return max(self._depth(cls, within) for cls in self.block_tags.values())
        if hint is FrozenJSONObject:
            return 1
        if isinstance(hint, type) and attrs.has(hint) and hint is not PartialDate:
            if hint in within:
                return 0
            # Only blocks hold themselves: the depth of a class depends on which are around.
            key = (hint, tuple(cls for cls in within if cls in self._tag_of))
            found = self._depth_memo.get(key)
            if found is None:
                hints = hints_of(hint)
                inside = (*within, hint)
                found = 1 + max(self._depth(hints[f.name], inside) for f in attrs.fields(hint))
                self._depth_memo[key] = found
            return found
        return 0

    def depth_of(self, cls: type[Any]) -> int:
        """The deepest objects and arrays an object of ``cls`` holds, counting itself.

        Without ``cls`` inside itself, and with plain values in extension data.
        """
        found = self._depths.get(cls)
        if found is None:
            found = self._depths[cls] = self._depth(cls, ())
        return found

    # ------------------------------------------------------------------ the document

    def decode(self, text: bytes | str) -> Any:
        """Decode ``text`` into the root's mirror (raises if it does not fit the mirrors)."""
        return self.decoder.decode(text)

    def members_text(self, mirror: Any) -> bytes:
        """The compact JSON of ``mirror``: every member it holds that is not at its default."""
        return self.encoder.encode(mirror)
