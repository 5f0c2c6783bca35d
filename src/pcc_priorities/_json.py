"""Canonical JSON: the source of truth for statements.

A statement document is a JSON object with ``schema_version`` first and the statement's
attributes after it, in model order, with attributes at their default left out. Numbers are
read as exact decimals and written back with the same digits. :func:`dumps` always writes the
canonical text, so dumping a loaded canonical document gives it back byte for byte.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from attrs import frozen

from pcc_priorities._converter import (
    PathSegment,
    converter,
    json_pointer,
    problems_from_exception,
    text_writer,
)
from pcc_priorities._files import atomic_write_text
from pcc_priorities._model import Statement
from pcc_priorities._reference import Framework, body_kinds, forces, frameworks
from pcc_priorities.exceptions import DocumentError, Problem

__all__ = [
    "DEFAULT_LIMITS",
    "SCHEMA_VERSION",
    "Limits",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "to_dict",
]

#: The version of the statement format this library writes.
SCHEMA_VERSION = "1.0"

_SURROGATE = re.compile("[\ud800-\udfff]")
#: A lone surrogate can only enter parsed JSON through an escape, or from a str given as is.
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89abcdefABCDEF]")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


class _DuplicateKeys(dict[str, Any]):
    """A JSON object in which some key was written more than once."""

    duplicates: list[str]


def _mark_duplicates(pairs: list[tuple[str, Any]], result: dict[str, Any]) -> _DuplicateKeys:
    marked = _DuplicateKeys(result)
    seen: set[str] = set()
    marked.duplicates = []
    for key, _ in pairs:
        if key in seen:
            marked.duplicates.append(key)
        seen.add(key)
    return marked


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


# --------------------------------------------------------------------------- reading


def _parse(text: str | bytes, source: str | None) -> tuple[Any, bool, bool]:
    """Return the parsed document, and whether it repeats a key or may hold a lone surrogate.

    A lone surrogate can only come from an escape, or from a str given with one in it.
    """
    duplicates = False

    def object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicates
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        duplicates = True
        return _mark_duplicates(pairs, result)

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
    try:
        data = json.loads(
            text,
            parse_float=Decimal,
            parse_constant=_reject_constant,
            object_pairs_hook=object_pairs,
        )
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
    if "\\u" in text and _ESCAPED_SURROGATE.search(text):
        return True
    if decoded:  # text decoded from UTF-8 holds no surrogate of its own
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


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


def _check_depth(data: object, limits: Limits, source: str | None) -> None:
    """Refuse data nested deeper than ``limits.max_depth`` (this also stops cycles)."""
    stack: list[tuple[object, int, tuple[PathSegment, ...]]] = [(data, 1, ())]
    while stack:
        value, depth, path = stack.pop()
        if depth > limits.max_depth:
            raise DocumentError(
                [
                    Problem(
                        path=json_pointer(path),
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


def loads(
    text: str | bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Statement:
    """Load a statement from canonical JSON text.

    Args:
        text: The document, as text or as UTF-8 bytes.
        source: A name for the document in error messages (a file name).
        limits: The largest and deepest document accepted.

    Raises:
        DocumentError: The document is not a valid statement; lists every problem.
    """
    size = (
        len(text)
        if isinstance(text, bytes | bytearray)
        else len(text.encode("utf-8", "surrogatepass"))
    )
    if size > limits.max_bytes:
        raise _too_large(size, limits, source)
    data, duplicates, suspect = _parse(text, source)
    _check_depth(data, limits, source)
    return _from_data(data, source, duplicates=duplicates, suspect=suspect)


def load(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Statement:
    """Load a statement from a canonical JSON file.

    A file over ``limits.max_bytes`` is refused before it is read.

    Raises:
        DocumentError: The file is not a valid statement; lists every problem.
        OSError: The file cannot be read.
    """
    source = os.fspath(path)
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limits.max_bytes:
            raise _too_large(size, limits, source)
        data = handle.read(limits.max_bytes + 1)
    return loads(data, source=source, limits=limits)


def from_dict(
    data: object, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Statement:
    """Return the statement a parsed JSON document describes.

    ``data`` is what :func:`json.loads` returns for the document (numbers with a fraction
    as :class:`~decimal.Decimal`, to keep them exact).

    Raises:
        DocumentError: The document is not a valid statement; lists every problem.
    """
    _check_depth(data, limits, source)
    return _from_data(data, source, duplicates=False, suspect=_holds_surrogate(data))


def _holds_surrogate(value: object) -> bool:
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_holds_surrogate(k) or _holds_surrogate(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_holds_surrogate(item) for item in value)
    return False


def _from_data(data: object, source: str | None, *, duplicates: bool, suspect: bool) -> Statement:
    """Structure parsed data; the fast path runs unless the text may hold lone surrogates."""
    if not isinstance(data, dict):
        raise DocumentError(
            [Problem(path="", message="expected a statement document (a JSON object)")], source
        )
    found: list[tuple[tuple[PathSegment, ...], str]] = []
    version = data.get("schema_version")
    if version is None:
        found.append(
            (("schema_version",), f"this required key is missing (use {SCHEMA_VERSION!r})")
        )
    elif version != SCHEMA_VERSION:
        found.append(
            (
                ("schema_version",),
                f"this library reads schema_version {SCHEMA_VERSION!r}, got {version!r}",
            )
        )
    body = {key: value for key, value in data.items() if key != "schema_version"}
    found.extend(_reference_problems(data))
    if duplicates:
        found.extend(_duplicate_key_problems(data, ()))
    if not found and not suspect:
        try:
            return converter(detailed=False).structure(body, Statement)
        except Exception:  # any problem at all: the detailed pass says what it is
            pass
    try:
        statement = converter(detailed=True).structure(body, Statement)
    except Exception as error:
        found.extend(problems_from_exception(error))
    else:
        if not found:  # text that looked suspect but held no lone surrogate
            return statement
    order = _document_order(data)
    found.sort(key=lambda item: _position(order, item[0]))
    raise DocumentError(
        [Problem(path=json_pointer(path), message=message) for path, message in found], source
    )


def _document_order(data: object) -> dict[tuple[PathSegment, ...], int]:
    order: dict[tuple[PathSegment, ...], int] = {}
    stack: list[tuple[tuple[PathSegment, ...], object]] = [((), data)]
    while stack:
        path, value = stack.pop()
        order[path] = len(order)
        if isinstance(value, dict):
            stack.extend(reversed([((*path, k), v) for k, v in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([((*path, i), v) for i, v in enumerate(value)]))
    return order


def _position(
    order: Mapping[tuple[PathSegment, ...], int], path: tuple[PathSegment, ...]
) -> tuple[int, int]:
    for length in range(len(path), -1, -1):
        if path[:length] in order:
            return order[path[:length]], len(path) - length
    return len(order), 0  # pragma: no cover - the root is always known


def _duplicate_key_problems(
    value: object, path: tuple[PathSegment, ...]
) -> Iterator[tuple[tuple[PathSegment, ...], str]]:
    if isinstance(value, dict):
        if isinstance(value, _DuplicateKeys):
            for key in value.duplicates:
                yield (*path, key), "this key is written more than once in the object"
        for key, item in value.items():
            yield from _duplicate_key_problems(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _duplicate_key_problems(item, (*path, index))


def _items(value: object) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _block_figures(
    blocks: object, path: tuple[PathSegment, ...]
) -> Iterator[tuple[tuple[PathSegment, ...], dict[str, Any]]]:
    for index, block in _items(blocks):
        for figure_index, figure in _items(block.get("figures")):
            yield (*path, index, "figures", figure_index), figure
        yield from _block_figures(block.get("blocks"), (*path, index, "blocks"))


def _reference_ids() -> tuple[set[str], set[str], dict[str, Framework]]:
    """The body kinds, force codes and frameworks known now (frameworks can be registered)."""
    registered = frameworks()
    if _REFERENCE_CACHE and _REFERENCE_CACHE[0] == registered:
        cached: tuple[set[str], set[str], dict[str, Framework]] = _REFERENCE_CACHE[1]
        return cached
    ids = (
        {kind.id for kind in body_kinds()},
        {force.code for force in forces()},
        {framework.id: framework for framework in registered},
    )
    _REFERENCE_CACHE[:] = [registered, ids]
    return ids


_REFERENCE_CACHE: list[Any] = []


def _reference_problems(data: dict[str, Any]) -> Iterator[tuple[tuple[PathSegment, ...], str]]:
    """Check what the structure cannot: ids against reference data and each other."""
    kinds, codes, known = _reference_ids()
    body = data.get("body")
    if isinstance(body, dict) and isinstance(body.get("kind"), str) and body["kind"] not in kinds:
        yield (
            ("body", "kind"),
            f"unknown body kind {body['kind']!r}; expected one of: {', '.join(sorted(kinds))}",
        )
    force = data.get("force")
    if (
        isinstance(force, dict)
        and isinstance(force.get("code"), str)
        and force["code"] not in codes
    ):
        yield (
            ("force", "code"),
            (
                f"unknown police force area code {force['code']!r}; expected an ONS code such as "
                "'E23000016' (see `pcc-priorities forces`)"
            ),
        )
    language = data.get("language")
    if isinstance(language, str) and not _LANGUAGE.fullmatch(language):
        yield ("language",), f"expected a language tag such as 'en-GB' or 'cy', got {language!r}"

    framework = known.get(data["framework"]) if isinstance(data.get("framework"), str) else None
    if isinstance(data.get("framework"), str) and framework is None:
        yield (
            ("framework",),
            (f"unknown framework {data['framework']!r}; known: {', '.join(sorted(known))}"),
        )
    priority_ids = {p.id for p in framework.priorities} if framework else set()
    national_metrics = {m.id for m in framework.metrics} if framework else set()

    metric_ids: set[str] = set()
    figure_ids: set[str] = set()
    references: list[tuple[tuple[PathSegment, ...], str]] = []
    located: list[tuple[tuple[PathSegment, ...], dict[str, Any]]] = []
    for key in ("preamble", "introduction"):
        located.extend(_block_figures(data.get(key), (key,)))
    for index, section in _items(data.get("sections")):
        path: tuple[PathSegment, ...] = ("sections", index)
        priority = section.get("priority")
        if framework and isinstance(priority, str) and priority not in priority_ids:
            yield (
                (*path, "priority"),
                (
                    f"unknown priority {priority!r} in framework {framework.id!r}; "
                    f"expected one of: {', '.join(p.id for p in framework.priorities)}"
                ),
            )
        for metric_index, metric in _items(section.get("metrics")):
            metric_path = (*path, "metrics", metric_index)
            metric_id = metric.get("id")
            if isinstance(metric_id, str):
                if metric_id in metric_ids:
                    yield (*metric_path, "id"), f"metric id {metric_id!r} is used twice"
                metric_ids.add(metric_id)
            national = metric.get("national_metric")
            if framework and isinstance(national, str) and national not in national_metrics:
                yield (
                    (*metric_path, "national_metric"),
                    (
                        f"unknown national metric {national!r} in framework {framework.id!r}; "
                        f"expected one of: {', '.join(sorted(national_metrics))}"
                    ),
                )
        located.extend(
            ((*path, "figures", figure_index), figure)
            for figure_index, figure in _items(section.get("figures"))
        )
        located.extend(_block_figures(section.get("blocks"), (*path, "blocks")))
    for figure_path, figure in located:
        figure_id = figure.get("id")
        if isinstance(figure_id, str):
            if figure_id in figure_ids:
                yield (*figure_path, "id"), f"figure id {figure_id!r} is used twice"
            figure_ids.add(figure_id)
        if isinstance(figure.get("metric"), str):
            references.append(((*figure_path, "metric"), figure["metric"]))
        availability = figure.get("availability")
        if isinstance(availability, dict) and isinstance(availability.get("proxy_metric"), str):
            references.append(
                ((*figure_path, "availability", "proxy_metric"), availability["proxy_metric"])
            )
    for path, metric_id in references:
        if metric_id not in metric_ids:
            yield (
                path,
                (
                    f"unknown metric {metric_id!r}; a figure names a metric by the id of "
                    "one of the statement's metrics"
                ),
            )


# --------------------------------------------------------------------------- writing


_VERSION_MEMBER = f'"schema_version": "{SCHEMA_VERSION}"'
_STATEMENT_TEXT = text_writer(Statement)


def to_dict(statement: Statement) -> dict[str, Any]:
    """Return the canonical JSON data of ``statement``: dicts, lists, str, int, Decimal."""
    body = converter(detailed=False).unstructure(statement, Statement)
    return {"schema_version": SCHEMA_VERSION, **body}


def dumps(statement: Statement) -> str:
    """Return ``statement`` as canonical JSON text (two-space indent, UTF-8, final newline)."""
    return _STATEMENT_TEXT(statement, "\n", _VERSION_MEMBER) + "\n"


def dump(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write ``statement`` to ``path`` as canonical JSON, atomically."""
    atomic_write_text(path, dumps(statement))
