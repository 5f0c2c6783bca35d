"""Limits on what a loader accepts, so hostile input is refused quickly."""

from __future__ import annotations

import os

from attrs import frozen

from pcc_priorities.convert.hooks import PathSegment
from pcc_priorities.exceptions import DocumentError, Problem
from pcc_priorities.files import open_input
from pcc_priorities.model.pointer import pointer

__all__ = ["DEFAULT_LIMITS", "Limits"]


@frozen(kw_only=True)
class Limits:
    """Limits on what a loader accepts, so hostile input is refused quickly.

    Attributes:
        max_bytes: The largest document, in bytes of UTF-8 (default 20 MiB; statements are
            well under 1 MiB).
        max_depth: The deepest nesting of objects and arrays (default 64; statements nest
            about 12 deep, more with nested subsections or extension data).
    """

    max_bytes: int = 20 * 2**20
    max_depth: int = 64


DEFAULT_LIMITS = Limits()


def _too_large(size: int, limits: Limits, source: str | None) -> DocumentError:
    return DocumentError(
        [
            Problem(
                path="",
                message=(
                    f"the document is {size:,} bytes, over the limit of {limits.max_bytes:,} "
                    "(Limits.max_bytes)"
                ),
            )
        ],
        source,
    )


def check_depth(data: object, limits: Limits, source: str | None) -> None:
    """Refuse data nested deeper than ``limits.max_depth`` (this also stops cycles)."""
    stack: list[tuple[object, int, tuple[PathSegment, ...]]] = [(data, 1, ())]
    while stack:
        value, depth, path = stack.pop()
        if depth > limits.max_depth:
            raise DocumentError(
                [
                    Problem(
                        path=pointer(path),
                        message=(
                            f"nested more than {limits.max_depth} levels deep (Limits.max_depth)"
                        ),
                    )
                ],
                source,
            )
        if type(value) is dict or isinstance(value, dict):
            stack.extend(
                (item, depth + 1, (*path, key))
                for key, item in value.items()
                if isinstance(item, dict | list | tuple)
            )
        elif isinstance(value, list | tuple):
            stack.extend(
                (item, depth + 1, (*path, index))
                for index, item in enumerate(value)
                if isinstance(item, dict | list | tuple)
            )


def read_file_bytes(path: str | os.PathLike[str], limits: Limits) -> bytes:
    """Return the bytes of ``path``, refusing a file over ``limits.max_bytes`` before reading.

    Raises:
        DocumentError: The file is over the limit.
        FileProblemError: The file cannot be read.
    """
    with open_input(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limits.max_bytes:
            raise _too_large(size, limits, os.fspath(path))
        return handle.read(limits.max_bytes + 1)


def check_size(text: str | bytes, limits: Limits, source: str | None) -> None:
    """Refuse text over ``limits.max_bytes`` bytes of UTF-8.

    Raises:
        DocumentError: The text is over the limit.
    """
    size = (
        len(text)
        if isinstance(text, bytes | bytearray)
        else len(text.encode("utf-8", "surrogatepass"))
    )
    if size > limits.max_bytes:
        raise _too_large(size, limits, source)
