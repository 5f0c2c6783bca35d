"""JSON Pointers (RFC 6901): the one way paths into a statement document are written and read.

A path is a tuple of keys and indexes (``("sections", 1, "figures", 0)``); its pointer is
``"/sections/1/figures/0"``, and ``()`` is ``""``, the whole document. Every error, finding,
difference and table cell that names a place in a statement uses these helpers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

__all__ = ["Path", "escape_segment", "parse_pointer", "pointer"]

#: A path into a document: keys and array indexes, outermost first.
Path: TypeAlias = tuple[str | int, ...]


def escape_segment(segment: str | int) -> str:
    """Return one key or index as a pointer segment: ``~`` as ``~0`` and ``/`` as ``~1``."""
    text = str(segment)
    if "~" in text or "/" in text:
        return text.replace("~", "~0").replace("/", "~1")
    return text


def pointer(path: Iterable[str | int]) -> str:
    """Return ``path`` as a JSON Pointer; ``()`` is ``""``, the whole document."""
    return "".join("/" + escape_segment(part) for part in path)


def parse_pointer(text: str) -> tuple[str, ...] | None:
    """Return the unescaped segments of JSON Pointer ``text``, or None if it is not one.

    Segments stay text: whether ``"0"`` is an array index depends on the document.
    """
    if text == "":
        return ()
    if not text.startswith("/"):
        return None
    segments: list[str] = []
    for raw in text[1:].split("/"):
        if "~" in raw.replace("~0", "").replace("~1", ""):
            return None
        segments.append(raw.replace("~1", "/").replace("~0", "~"))
    return tuple(segments)
