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

    Every document within the limits is loaded or refused in a few seconds and well under
    1 GB of memory on a small machine (see ``benchmarks/limits.py``).

    Attributes:
        max_bytes: The largest document, in bytes of UTF-8 (default 20 MiB; statements are
            well under 1 MiB).
        max_depth: The deepest nesting of objects and arrays (default 64; statements nest
            about 12 deep, more with nested subsections or extension data).
        max_values: The most values (objects, arrays, keys, texts, numbers...) a document
            holds (default 1,000,000; the worked example holds about 2,400).
        max_yaml_bytes: The largest YAML document, in bytes of UTF-8 (default 4 MiB), counting
            what its aliases expand to: YAML is read in pure Python, some fifty times slower
            than JSON.
        max_yaml_values: The most values a YAML document holds once its aliases are expanded
            (default 100,000).
    """

    max_bytes: int = 20 * 2**20
    max_depth: int = 64
    max_values: int = 1_000_000
    max_yaml_bytes: int = 4 * 2**20
    max_yaml_values: int = 100_000


DEFAULT_LIMITS = Limits()


def too_many_values(limit: int, attribute: str, source: str | None) -> DocumentError:
    """The error for a document with more than ``limit`` values."""
    return DocumentError(
        [
            Problem(
                path="",
                message=f"the document holds more than {limit:,} values (Limits.{attribute})",
            )
        ],
        source,
    )


def _too_large(
    size: int, limits: Limits, source: str | None, *, yaml: bool = False
) -> DocumentError:
    limit, name = (
        (limits.max_yaml_bytes, "max_yaml_bytes") if yaml else (limits.max_bytes, "max_bytes")
    )
    return DocumentError(
        [
            Problem(
                path="",
                message=f"the document is {size:,} bytes, over the limit of {limit:,} "
                f"(Limits.{name})",
            )
        ],
        source,
    )


def check_depth(data: object, limits: Limits, source: str | None) -> None:
    """Refuse data nested deeper than ``limits.max_depth`` (this also stops cycles).

    Refuses data holding more than ``limits.max_values`` values too.
    """
    stack: list[tuple[object, int, tuple[PathSegment, ...]]] = [(data, 1, ())]
    values = 1
    while stack:
        value, depth, path = stack.pop()
        if isinstance(value, (dict, list, tuple)):
            values += len(value) * (2 if isinstance(value, dict) else 1)
            if values > limits.max_values:
                raise too_many_values(limits.max_values, "max_values", source)
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


def check_size(
    text: str | bytes, limits: Limits, source: str | None, *, yaml: bool = False
) -> None:
    """Refuse text over ``limits.max_bytes`` bytes of UTF-8 (``max_yaml_bytes`` for YAML).

    Raises:
        DocumentError: The text is over the limit.
    """
    size = (
        len(text)
        if isinstance(text, bytes | bytearray)
        else len(text.encode("utf-8", "surrogatepass"))
    )
    if size > (limits.max_yaml_bytes if yaml else limits.max_bytes):
        raise _too_large(size, limits, source, yaml=yaml)
