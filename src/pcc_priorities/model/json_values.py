"""Immutable JSON values, for the ``extensions`` that tools carry inside a statement."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TypeAlias

__all__ = ["FrozenJSONObject", "JSONValue", "freeze", "freeze_object", "thaw"]


#: A JSON value as the library holds it: objects are :class:`FrozenJSONObject`, arrays are
#: tuples and numbers with a fraction or exponent are :class:`~decimal.Decimal`, so that the
#: value written in the document is kept exactly.
JSONValue: TypeAlias = (
    "bool | int | Decimal | str | tuple[JSONValue, ...] | FrozenJSONObject | None"
)


#: The most digits a whole number in an extension may have: Python's ``json`` module refuses
#: to read integers of more than 4,300 digits (``sys.get_int_max_str_digits``).
_INT_DIGITS = 4000
_INT_LIMIT = 10**_INT_DIGITS


class FrozenJSONObject(Mapping[str, "JSONValue"]):
    """A read-only, hashable JSON object that keeps the order of its keys."""

    __slots__ = ("_hash", "_items")

    def __init__(self, items: Mapping[str, JSONValue] | None = None) -> None:
        self._items: dict[str, JSONValue] = dict(items or {})
        self._hash: int | None = None

    def __getitem__(self, key: str) -> JSONValue:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._items.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenJSONObject):
            return self._items == other._items
        if isinstance(other, Mapping):
            return self._items == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenJSONObject({self._items!r})"


def freeze(value: object) -> JSONValue:
    """Return ``value`` as an immutable JSON value (dicts and lists become read-only).

    Raises:
        TypeError: ``value`` holds something that is not JSON (a float, a set, an object).
        ValueError: ``value`` holds a whole number of more than 4,000 digits, which Python's
            own JSON reader would refuse to read back.
    """
    if isinstance(value, int) and not -_INT_LIMIT < value < _INT_LIMIT:
        digits = int(value.bit_length() * 0.30103) + 1
        raise ValueError(
            f"expected a whole number of at most {_INT_DIGITS:,} digits (longer ones cannot "
            f"be read back as JSON), got one of about {digits:,} digits"
        )
    if value is None or isinstance(value, (bool, int, str, Decimal)):
        return value
    if isinstance(value, FrozenJSONObject):
        return value
    if isinstance(value, Mapping):
        return freeze_object(value)
    if isinstance(value, Sequence) and not isinstance(value, (bytes, bytearray)):
        return tuple(freeze(item) for item in value)
    raise TypeError(
        f"expected a JSON value (null, true/false, a number, a string, an array or an object), "
        f"got {type(value).__name__}; write fractional numbers as decimal.Decimal"
    )


def freeze_object(value: Mapping[str, object]) -> FrozenJSONObject:
    """Return a mapping of JSON values as a :class:`FrozenJSONObject`."""
    if isinstance(value, FrozenJSONObject):
        return value
    items: dict[str, JSONValue] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise TypeError(f"JSON object keys must be strings, got {type(key).__name__}")
        items[key] = freeze(item)
    return FrozenJSONObject(items)


def thaw(value: JSONValue) -> object:
    """Return a frozen JSON value as plain dicts and lists, for serialisers."""
    if isinstance(value, FrozenJSONObject):
        return {key: thaw(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [thaw(item) for item in value]
    return value
