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
import warnings
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, Literal

from attrs import frozen

from pcc_priorities._converter import (
    PathSegment,
    converter,
    json_pointer,
    problems_from_exception,
    text_writer,
)
from pcc_priorities._files import atomic_write_bytes
from pcc_priorities._model import Statement
from pcc_priorities._reference import Framework, body_kinds, forces, frameworks
from pcc_priorities._upgrade import CURRENT_VERSION, LoadResult, Upgrade, upgrade_document
from pcc_priorities.exceptions import (
    DocumentError,
    DocumentUpgradedWarning,
    EncodingError,
    Problem,
)

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

#: The version of the statement format this library reads and writes.
SCHEMA_VERSION = CURRENT_VERSION

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

    A document written in an earlier ``schema_version`` is upgraded first, with a
    :class:`~pcc_priorities.exceptions.DocumentUpgradedWarning`; use
    :func:`~pcc_priorities.loads_with_report` to be told in the result instead.

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


def load(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Statement:
    """Load a statement from a canonical JSON file.

    A file over ``limits.max_bytes`` is refused before it is read. A document written in an
    earlier ``schema_version`` is upgraded first, with a
    :class:`~pcc_priorities.exceptions.DocumentUpgradedWarning`; use
    :func:`~pcc_priorities.load_with_report` to be told in the result instead.

    Raises:
        DocumentError: The file is not a valid statement; lists every problem.
        OSError: The file cannot be read.
    """
    result = read_json_file(path, limits=limits)
    warn_if_upgraded(result)
    return result.statement


def read_file_bytes(path: str | os.PathLike[str], limits: Limits) -> bytes:
    """Return the bytes of ``path``, refusing a file over ``limits.max_bytes`` before reading.

    Raises:
        DocumentError: The file is over the limit.
        OSError: The file cannot be read.
    """
    with open(path, "rb") as handle:
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


def read_json_file(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> LoadResult:
    """Read a JSON statement file, upgrading it if needed, and say what was done."""
    data = read_file_bytes(path, limits)
    return read_json_text(data, source=os.fspath(path), limits=limits)


def read_json_text(
    text: str | bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> LoadResult:
    """Read JSON statement text, upgrading it if needed, and say what was done."""
    check_size(text, limits, source)
    data, duplicates, suspect = _parse(text, source)
    _check_depth(data, limits, source)
    return read_data(data, source=source, duplicates=duplicates, suspect=suspect)


def warn_if_upgraded(result: LoadResult, stacklevel: int = 4) -> None:
    """Warn with :class:`DocumentUpgradedWarning` if ``result`` was upgraded on load.

    The default ``stacklevel`` points at the caller of the public function that called this.
    """
    note = result.note()
    if note is not None:
        warnings.warn(DocumentUpgradedWarning(note), stacklevel=stacklevel)


def from_dict(
    data: object, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Statement:
    """Return the statement a parsed JSON document describes.

    ``data`` is what :func:`json.loads` returns for the document (numbers with a fraction
    as :class:`~decimal.Decimal`, to keep them exact). A document written in an earlier
    ``schema_version`` is upgraded first, with a
    :class:`~pcc_priorities.exceptions.DocumentUpgradedWarning`.

    Raises:
        DocumentError: The document is not a valid statement; lists every problem.
    """
    _check_depth(data, limits, source)
    result = read_data(data, source=source, duplicates=False)
    warn_if_upgraded(result, stacklevel=3)
    return result.statement


def _holds_surrogate(value: object) -> bool:
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_holds_surrogate(k) or _holds_surrogate(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_holds_surrogate(item) for item in value)
    return False


def read_data(
    data: object,
    *,
    source: str | None = None,
    format: Literal["json", "yaml"] = "json",
    duplicates: bool = True,
    suspect: bool | None = None,
) -> LoadResult:
    """Return the statement a parsed document describes, upgraded if needed, with a report.

    Args:
        data: The parsed document (its depth already checked against the limits).
        source: A name for the document in error messages (a file name).
        format: The format it was parsed from, for the report.
        duplicates: Whether the parser may have marked keys written twice.
        suspect: Whether the text may hold a lone surrogate (None: look); the fast path runs
            only when it cannot.

    Raises:
        DocumentError: The document is not a valid statement; lists every problem.
    """
    if not isinstance(data, dict):
        raise DocumentError(
            [Problem(path="", message="expected a statement document (a JSON object)")], source
        )
    if suspect is None:
        suspect = _holds_surrogate(data)
    found: list[tuple[tuple[PathSegment, ...], str]] = []
    if duplicates:  # a fact of the text as written: found before any upgrade
        found.extend(_duplicate_key_problems(data, ()))
    written = data.get("schema_version")
    steps: tuple[Upgrade, ...] = ()
    if written != SCHEMA_VERSION:  # a current document is read as it is, without a copy
        try:
            upgraded = upgrade_document(data)
        except DocumentError as error:
            found.extend((("schema_version",), problem.message) for problem in error.problems)
        else:
            data, steps = upgraded.data, upgraded.upgrades
    body = {key: value for key, value in data.items() if key != "schema_version"}
    found.extend(_reference_problems(data))
    statement: Statement | None = None
    if not found and not suspect:
        try:
            statement = converter(detailed=False).structure(body, Statement)
        except Exception:  # any problem at all: the detailed pass says what it is
            statement = None
    if statement is None:
        try:
            statement = converter(detailed=True).structure(body, Statement)
        except Exception as error:
            found.extend(problems_from_exception(error))
    if statement is not None and not found:  # suspect text may hold no lone surrogate
        return LoadResult(
            statement=statement,
            schema_version=str(written),
            upgrades=steps,
            format=format,
            source=source,
        )
    order = _document_order(data)
    found.sort(key=lambda item: _position(order, item[0]))
    problems = [Problem(path=json_pointer(path), message=message) for path, message in found]
    if steps:
        problems.insert(
            0,
            Problem(
                path="/schema_version",
                message=f"written in schema_version {written!r} and upgraded to "
                f"{steps[-1].target!r} before reading; the paths below are in the upgraded "
                "document",
            ),
        )
    raise DocumentError(problems, source)


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
    """Return ``statement`` as canonical JSON text (two-space indent, UTF-8, final newline).

    Raises:
        EncodingError: Some text in the statement holds a lone surrogate, which cannot be
            written as UTF-8; the error names its path.
    """
    text = _STATEMENT_TEXT(statement, "\n", _VERSION_MEMBER) + "\n"
    # Only a lone surrogate fails to encode. isascii() costs nothing; encoding (C speed,
    # about a nanosecond a character) is checked only for text with non-ASCII characters.
    if not text.isascii():
        _encoded(text, statement)
    return text


def dump(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write ``statement`` to ``path`` as canonical JSON, atomically.

    Raises:
        EncodingError: Some text in the statement holds a lone surrogate (nothing is
            written).
    """
    text = _STATEMENT_TEXT(statement, "\n", _VERSION_MEMBER) + "\n"
    atomic_write_bytes(path, _encoded(text, statement))


def _encoded(text: str, statement: Statement) -> bytes:
    """``text`` as UTF-8; on a lone surrogate, the error names where it is in ``statement``."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise unencodable_text_error(to_dict(statement)) from None


def unencodable_text_error(data: object) -> EncodingError:
    """Return the error naming the first text in document data that holds a lone surrogate."""
    path = _surrogate_path(data, ())
    return EncodingError(
        "text holds a lone surrogate (\\ud800-\\udfff), which is not Unicode text and "
        "cannot be written as UTF-8",
        json_pointer(path or ()),
    )


def _surrogate_path(value: object, path: tuple[PathSegment, ...]) -> tuple[PathSegment, ...] | None:
    if isinstance(value, str):
        return path if _SURROGATE.search(value) else None
    if isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str) and _SURROGATE.search(key):
                return (*path, key)
            found = _surrogate_path(item, (*path, key))
            if found is not None:
                return found
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = _surrogate_path(item, (*path, index))
            if found is not None:
                return found
    return None
