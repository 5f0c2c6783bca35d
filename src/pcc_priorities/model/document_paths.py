"""Where JSON Pointers into a statement lead: whether they resolve, and their document order.

(Part of :mod:`pcc_priorities.model.walk`, which re-exports both functions.)
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from pcc_priorities.model.narrative import BulletList, Paragraph, Quotation, Subsection
from pcc_priorities.model.pointer import parse_pointer
from pcc_priorities.model.statement import Statement

__all__ = ["path_sort_key", "resolves"]


def _step(value: object, segment: str) -> tuple[bool, int, object]:
    """Go one segment down from ``value``: (known, position, child)."""
    if isinstance(value, tuple):
        if segment.isdigit() and (segment == "0" or not segment.startswith("0")):
            index = int(segment)
            if index < len(value):
                return True, index, value[index]
        return False, 0, None
    if isinstance(value, Mapping):
        keys = list(value)
        if segment in keys:
            return True, keys.index(segment), value[segment]
        return False, 0, None
    if attrs.has(type(value)):
        names = [field.name for field in attrs.fields(type(value))]  # type: ignore[arg-type]
        if segment == "type" and isinstance(value, Paragraph | BulletList | Quotation | Subsection):
            return True, -1, None  # a block's tag comes first in JSON
        if segment in names:
            return True, names.index(segment), getattr(value, segment)
    return False, 0, None


def resolves(statement: Statement, path: str) -> bool:
    """Return whether JSON Pointer ``path`` names a part of ``statement``.

    A part that is left out because it has its default value (an unset ``published``, an empty
    ``periods``) still resolves: it is where a missing part belongs.
    """
    segments = parse_pointer(path)
    if segments is None:
        return False
    value: object = statement
    for segment in segments:
        known, _position, value = _step(value, segment)
        if not known:
            return False
    return True


def path_sort_key(statement: Statement, path: str) -> tuple[tuple[int, int | str], ...]:
    """Return a key that sorts JSON Pointers into ``statement`` in document order.

    Parts are ordered as the canonical document writes them (model order); a path that
    does not resolve sorts after its last part that does, by its remaining text.
    """
    segments = parse_pointer(path)
    if segments is None:
        return ((1, path),)
    key: list[tuple[int, int | str]] = []
    value: object = statement
    for index, segment in enumerate(segments):
        known, position, value = _step(value, segment)
        if not known:
            key.append((1, "/".join(segments[index:])))
            break
        key.append((0, position))
    return tuple(key)
