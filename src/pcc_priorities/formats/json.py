"""Canonical JSON: the source of truth for statements.

A statement document is a JSON object with ``schema_version`` first and the statement's
attributes after it, in model order, with attributes at their default left out. Numbers are
read as exact decimals and written back with the same digits. :func:`dumps_json` always writes the
canonical text, so dumping a loaded canonical document gives it back byte for byte.

"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from pcc_priorities.convert.hooks import (
    BLOCK_TAGS,
    SHORTHANDS,
    PathSegment,
    converter,
    text_writer,
)
from pcc_priorities.exceptions import DocumentError, EncodingError, Problem
from pcc_priorities.files import atomic_write_bytes
from pcc_priorities.formats.fast_reading import read_valid
from pcc_priorities.formats.limits import (
    DEFAULT_LIMITS,
    Limits,
    check_depth,
    check_size,
    read_file_bytes,
    too_many_values,
)
from pcc_priorities.formats.reading import (
    SCHEMA_VERSION,
    SURROGATE,
    DuplicateKeys,
    read_data,
    warn_if_upgraded,
)
from pcc_priorities.formats.upgrade import LoadResult
from pcc_priorities.model.figures import Area
from pcc_priorities.model.pointer import pointer
from pcc_priorities.model.statement import Statement
from pcc_priorities.periods.period import ReportingPeriod

__all__ = ["SCHEMA_VERSION", "dump_json", "dumps_json", "load_json", "loads_json", "to_dict"]


#: A lone surrogate can only enter parsed JSON through an escape, or from a str given as is.
ESCAPED_SURROGATE = re.compile(r"\\u[dD][89abcdefABCDEF]")


def mark_duplicates(pairs: list[tuple[str, Any]], result: dict[str, Any]) -> DuplicateKeys:
    marked = DuplicateKeys(result)
    seen: set[str] = set()
    marked.duplicates = []
    for key, _ in pairs:
        if key in seen:
            marked.duplicates.append(key)
        seen.add(key)
    return marked


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _decimal(text: str) -> Decimal:
    """Read a JSON number with a fraction or exponent exactly; refuse one Python cannot hold."""
    try:
        return Decimal(text)
    except InvalidOperation:  # an exponent beyond what the decimal module holds
        shown = text if len(text) <= 40 else f"{text[:40]}... ({len(text):,} characters)"
        raise ValueError(f"the number {shown} is too large or too small to read") from None


# --------------------------------------------------------------------------- reading


#: A JSON string, escapes included (the unrolled loop: no backtracking).
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


def _too_many_containers(text: str, limit: int) -> bool:
    """Whether JSON ``text`` holds more than ``limit`` arrays and objects (cheap to ask)."""
    if text.count("[") + text.count("{") <= limit:  # a bound: brackets in strings count too
        return False
    bare = _JSON_STRING.sub("", text)
    return bare.count("[") + bare.count("{") > limit


class _TooManyValues(Exception):
    """The document's objects hold more members than ``Limits.max_values``."""


def _parse(
    text: str | bytes, source: str | None, limits: Limits = DEFAULT_LIMITS
) -> tuple[Any, bool, bool]:
    """Return the parsed document, and whether it repeats a key or may hold a lone surrogate.

    A lone surrogate can only come from an escape, or from a str given with one in it.
    Parsing stops once the objects read hold more than ``limits.max_values`` members, before
    memory runs out; :func:`check_depth` counts every value afterwards.
    """
    duplicates = False
    members = 0

    def object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicates, members
        members += 2 * len(pairs) + 1
        if members > limits.max_values:
            raise _TooManyValues
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        duplicates = True
        return mark_duplicates(pairs, result)

    decoded = isinstance(text, bytes | bytearray)
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DocumentError(
                [Problem(path="", message=f"not UTF-8 text (byte {error.start}: {error.reason})")],
                source,
            ) from None
    elif text.startswith("\ufeff"):
        text = text[1:]
    if _too_many_containers(text, limits.max_values):  # arrays have no hook to stop parsing
        raise too_many_values(limits.max_values, "max_values", source)
    try:
        data = json.loads(
            text,
            parse_float=_decimal,
            parse_constant=_reject_constant,
            object_pairs_hook=object_pairs,
        )
    except _TooManyValues:
        raise too_many_values(limits.max_values, "max_values", source) from None
    except json.JSONDecodeError as error:
        raise DocumentError(
            [
                Problem(
                    path="",
                    message=f"not valid JSON: {error.msg}",
                    line=error.lineno,
                    column=error.colno,
                )
            ],
            source,
        ) from None
    except (ValueError, RecursionError) as error:
        message = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise DocumentError(
            [Problem(path="", message=f"not valid JSON: {message}")], source
        ) from None
    return data, duplicates, _may_hold_surrogate(text, decoded=decoded)


def _may_hold_surrogate(text: str, *, decoded: bool) -> bool:
    """Whether parsing ``text`` may have produced a lone surrogate (cheap C-speed checks)."""
    if "\\u" in text and ESCAPED_SURROGATE.search(text):
        return True
    if decoded:  # text decoded from UTF-8 holds no surrogate of its own
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def loads_json(
    text: str | bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Statement:
    """Load a statement from canonical JSON text.

    A document written in an earlier ``schema_version`` is upgraded first, with a
    :class:`~pcc_priorities.exceptions.DocumentUpgradedWarning`; use
    :func:`~pcc_priorities.formats.loads_with_report` to be told in the result instead.

    Args:
        text: The document, as text or as UTF-8 bytes.
        source: A name for the document in error messages (a file name).
        limits: The largest document and the deepest nesting accepted.

    Raises:
        DocumentError: The document is not a valid statement; lists every problem.
    """
    result = read_json_text(text, source=source, limits=limits)
    warn_if_upgraded(result)
    return result.statement


def load_json(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Statement:
    """Load a statement from a canonical JSON file.

    A file over ``limits.max_bytes`` is refused before it is read. A document written in an
    earlier ``schema_version`` is upgraded first, with a
    :class:`~pcc_priorities.exceptions.DocumentUpgradedWarning`; use
    :func:`~pcc_priorities.formats.load_with_report` to be told in the result instead.

    Raises:
        DocumentError: The file is not a valid statement; lists every problem.
        FileProblemError: The file cannot be read; the message says why.
    """
    result = read_json_file(path, limits=limits)
    warn_if_upgraded(result)
    return result.statement


def read_json_file(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> LoadResult:
    """Read a JSON statement file, upgrading it if needed, and say what was done."""
    data = read_file_bytes(path, limits)
    return read_json_text(data, source=os.fspath(path), limits=limits)


def read_json_text(
    text: str | bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> LoadResult:
    """Read JSON statement text, upgrading it if needed, and say what was done.

    A valid document in the current version is read by the quick path; any other, and any
    document the quick path cannot vouch for, by :func:`read_json_carefully`.
    """
    check_size(text, limits, source)
    quick = read_valid(text, source=source, limits=limits)
    if quick is not None:
        return quick
    return read_json_carefully(text, source=source, limits=limits)


def read_json_carefully(
    text: str | bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> LoadResult:
    """Read JSON statement text as the loader always has: every problem found, with its path.

    The standard library parses the text (repeated keys marked), its depth is checked, and
    :func:`~pcc_priorities.formats.reading.read_data` upgrades and structures it.
    """
    check_size(text, limits, source)
    data, duplicates, suspect = _parse(text, source, limits)
    check_depth(data, limits, source)
    return read_data(data, source=source, duplicates=duplicates, suspect=suspect)


# --------------------------------------------------------------------------- writing


_VERSION_MEMBER = f'"schema_version": "{SCHEMA_VERSION}"'


def to_dict(statement: Statement) -> dict[str, Any]:
    """Return the canonical JSON data of ``statement``: dicts, lists, str, int, Decimal."""
    body = converter(detailed=False).unstructure(statement, Statement)
    return {"schema_version": SCHEMA_VERSION, **body}


@cache
def _writer() -> Any:
    """The struct writer, made on first use (msgspec is imported only then)."""
    from pcc_priorities.convert.struct_writer import StructWriter  # noqa: PLC0415

    return StructWriter(
        Statement,
        BLOCK_TAGS,
        first=("schema_version", SCHEMA_VERSION),
        shared=(ReportingPeriod, Area),
        shorthands=SHORTHANDS,
    )


def canonical_bytes(statement: Statement) -> bytes:
    """Return ``statement`` as canonical JSON in UTF-8 (two-space indent, final newline).

    msgspec writes mirrors of the model in C (:mod:`pcc_priorities.convert.struct_writer`);
    should it refuse anything (a lone surrogate), the generated text writers write the
    statement, or raise the error that names where the problem is.

    Raises:
        EncodingError: Some text in the statement holds a lone surrogate.
    """
    try:
        return bytes(_writer().write(statement))
    except Exception:  # anything at all: the text writers say what it is
        return _encoded(written_text(statement), statement)


def written_text(statement: Statement) -> str:
    """Return canonical JSON written by the generated text writers, as before the struct writer.

    The reference the struct writer is held to, byte for byte; it does not look for lone
    surrogates.
    """
    return text_writer(Statement)(statement, "\n", _VERSION_MEMBER) + "\n"


def dumps_json(statement: Statement) -> str:
    """Return ``statement`` as canonical JSON text (two-space indent, UTF-8, final newline).

    Raises:
        EncodingError: Some text in the statement holds a lone surrogate, which cannot be
            written as UTF-8; the error names its path.
    """
    return canonical_bytes(statement).decode("utf-8")


def dump_json(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write ``statement`` to ``path`` as canonical JSON, atomically.

    Raises:
        EncodingError: Some text in the statement holds a lone surrogate (nothing is
            written).
    """
    atomic_write_bytes(path, canonical_bytes(statement))


def _encoded(text: str, statement: Statement) -> bytes:
    """``text`` as UTF-8; on a lone surrogate, the error names where it is in ``statement``."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise unencodable_text_error(to_dict(statement)) from None


def unencodable_text_error(data: object) -> EncodingError:
    """Return the error naming the first text in document data that holds a lone surrogate."""
    path = surrogate_path(data, ())
    return EncodingError(
        "text holds a lone surrogate (\\ud800-\\udfff), which is not Unicode text and "
        "cannot be written as UTF-8",
        pointer(path or ()),
    )


def surrogate_path(value: object, path: tuple[PathSegment, ...]) -> tuple[PathSegment, ...] | None:
    if isinstance(value, str):
        return path if SURROGATE.search(value) else None
    if isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str) and SURROGATE.search(key):
                return (*path, key)
            found = surrogate_path(item, (*path, key))
            if found is not None:
                return found
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = surrogate_path(item, (*path, index))
            if found is not None:
                return found
    return None
