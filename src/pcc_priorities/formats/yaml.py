"""YAML authoring: the same statement documents as canonical JSON, written for people.

YAML support is an optional extra (``pip install 'pcc-priorities[yaml]'``), built on
ruamel.yaml: it reads YAML 1.2, where ``no``, ``off`` and ``y`` are text rather than false
(YAML 1.1 readers such as PyYAML turn a title of "No" into false), and it gives the line and
column of every node. The library reads the node tree itself rather than letting the YAML
library build Python values, so that:

- numbers are exact: ``1.50`` is ``Decimal("1.50")``, whole numbers are ints, as in JSON;
  numbers YAML writes another way (``0x1F``, ``0o17``, ``.inf``) are refused, with their line;
- dates stay text (``2023-09-01``), as in JSON, and only the types JSON has are accepted;
- keys are text, and a key written twice is an error, not a silent overwrite;
- every problem the loader finds carries the line and column of the node it is about.

Written YAML is canonical too: keys in model order, text with line breaks as literal block
scalars (``|``), long text as folded block scalars (``>``), and numbers with their digits.
Loading the YAML gives the same statement as loading the JSON; comments are not kept.

"""

from __future__ import annotations

import io
import os
import re
import sys
import warnings
from decimal import Decimal, InvalidOperation
from typing import Any

from pcc_priorities.convert.codegen import json_number
from pcc_priorities.convert.hooks import PathSegment
from pcc_priorities.exceptions import DocumentError, Problem
from pcc_priorities.files import atomic_write_text
from pcc_priorities.formats import yaml_support as support
from pcc_priorities.formats.json import (
    ESCAPED_SURROGATE,
    mark_duplicates,
    surrogate_path,
    to_dict,
    unencodable_text_error,
)
from pcc_priorities.formats.limits import (
    DEFAULT_LIMITS,
    Limits,
    check_depth,
    check_size,
    read_file_bytes,
)
from pcc_priorities.formats.reading import read_data, warn_if_upgraded
from pcc_priorities.formats.upgrade import LoadResult
from pcc_priorities.model.pointer import pointer
from pcc_priorities.model.statement import Statement

__all__ = [
    "data_to_yaml",
    "dump_yaml",
    "dumps_yaml",
    "load_yaml",
    "loads_yaml",
    "read_yaml_file",
    "read_yaml_text",
    "yaml_to_data",
]


#: Text that a block scalar or a plain scalar holds unchanged: printable, no tabs, and no line
#: break but "\n".
_BLOCK_SAFE = re.compile(
    "[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*"
)
#: One line of words with single spaces between them: folded without change.
_FOLDABLE = re.compile(r"[^ \n]+(?: [^ \n]+)*")
#: Text at least this long, on one line, is written as a folded block scalar.
_FOLD_AT = 80


# --------------------------------------------------------------------------- reading


class _Reader:
    """Turns a composed YAML node tree into JSON-like data, noting where each value is."""

    def __init__(self, limits: Limits, size: int) -> None:
        self.positions: dict[str, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.limits = limits
        #: The values read so far, aliases expanded; the document's size, aliases expanded.
        self.values = 0
        self.size = size
        self.duplicates = False
        self.seen: set[int] = set()
        self.open: set[int] = set()

    def problem(self, path: tuple[PathSegment, ...], node: Any, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(path=pointer(path), message=message, line=mark.line + 1, column=mark.column + 1)
        )

    def value(
        self, node: Any, path: tuple[PathSegment, ...], mark: Any = None, aliased: bool = False
    ) -> object:
        start = mark or node.start_mark
        self.positions.setdefault(pointer(path), (start.line + 1, start.column + 1))
        aliased = aliased or id(node) in self.seen
        self.seen.add(id(node))
        self.values += 1
        if aliased and type(node).__name__ == "ScalarNode":  # "billion laughs": bytes count
            self.size += len(node.value.encode("utf-8", "surrogatepass")) + 1
        if self.values > self.limits.max_yaml_values or self.size > self.limits.max_yaml_bytes:
            self.problem(path, node, self._too_large())
            raise support.TooLarge
        if id(node) in self.open:
            self.problem(path, node, "an alias refers to a node that contains it")
            return None
        tag = str(node.tag)
        kind = type(node).__name__
        if kind == "ScalarNode":
            return self.scalar(node, tag, path)
        self.open.add(id(node))
        try:
            if kind == "SequenceNode" and tag == support.SEQ:
                return [
                    self.value(item, (*path, index), aliased=aliased)
                    for index, item in enumerate(node.value)
                ]
            if kind == "MappingNode" and tag == support.MAP:
                return self.mapping(node, path, aliased)
        finally:
            self.open.discard(id(node))
        self.problem(path, node, f"the YAML tag {tag!r} is not supported here")
        return None

    def _too_large(self) -> str:
        if self.values > self.limits.max_yaml_values:
            return (
                f"the document holds more than {self.limits.max_yaml_values:,} values once its "
                "aliases are expanded (Limits.max_yaml_values)"
            )
        return (
            f"the document is over {self.limits.max_yaml_bytes:,} bytes once its aliases are "
            "expanded (Limits.max_yaml_bytes)"
        )

    def scalar(self, node: Any, tag: str, path: tuple[PathSegment, ...]) -> object:
        text: str = node.value
        if tag == support.STR:
            return text
        if tag == support.NULL:
            return None
        if tag == support.BOOL and text.lower() in ("true", "false"):
            return text.lower() == "true"
        if tag == support.INT and support.DECIMAL_INT.fullmatch(text):
            try:
                return int(text)
            except ValueError:  # more digits than Python reads (sys.get_int_max_str_digits)
                self.problem(
                    path,
                    node,
                    f"expected a number of at most {sys.get_int_max_str_digits():,} digits, "
                    f"got a whole number of {len(text.lstrip('+-')):,} digits",
                )
                return None
        if tag == support.FLOAT and support.DECIMAL_FLOAT.fullmatch(text):
            try:
                return Decimal(text)
            except InvalidOperation:  # an exponent beyond what the decimal module holds
                self.problem(path, node, f"the number {_shown(text)} is too large or too small")
                return None
        if tag in (support.INT, support.FLOAT):
            self.problem(
                path, node, f"write numbers in decimal digits, as in JSON ({text!r} is not)"
            )
            return None
        self.problem(
            path,
            node,
            f"the YAML tag {tag!r} is not supported; a statement holds text, numbers, "
            "true/false, null, lists and mappings",
        )
        return None

    def mapping(self, node: Any, path: tuple[PathSegment, ...], aliased: bool) -> dict[str, Any]:
        pairs: list[tuple[str, Any]] = []
        for key_node, value_node in node.value:
            if type(key_node).__name__ != "ScalarNode" or str(key_node.tag) != support.STR:
                shown = key_node.value if type(key_node).__name__ == "ScalarNode" else "a key"
                self.problem(
                    path,
                    key_node,
                    f"keys are text; {shown!r} is read as another type (quote it)",
                )
                continue
            key = key_node.value
            value = self.value(value_node, (*path, key), key_node.start_mark, aliased)
            pairs.append((key, value))
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        self.duplicates = True
        return mark_duplicates(pairs, result)


def _shown(text: str) -> str:
    """``text`` as an error message shows it: at most 40 characters and the length."""
    return text if len(text) <= 40 else f"{text[:40]}... ({len(text):,} characters)"


def _decode(text: str | bytes, source: str | None) -> str:
    if isinstance(text, bytes | bytearray):
        try:
            return bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DocumentError(
                [Problem(path="", message=f"not UTF-8 text (byte {error.start}: {error.reason})")],
                source,
            ) from None
    return text[1:] if text.startswith("\ufeff") else text


def _line_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def yaml_to_data(
    text: str | bytes, *, source: str | None = None
) -> tuple[object, dict[str, tuple[int, int]]]:
    """Parse YAML text into JSON-like data, and the line and column of every JSON Pointer.

    A mapping that repeats a key is marked for the loader, which reports it.

    Raises:
        DocumentError: The text is not YAML, or holds what JSON cannot (tags, non-text keys,
            numbers not written in decimal); each problem has its line and column.
        MissingExtraError: ruamel.yaml is not installed.
    """
    data, positions, _ = _parse_yaml(text, source, DEFAULT_LIMITS)
    return data, positions


def _parse_yaml(
    text: str | bytes, source: str | None, limits: Limits
) -> tuple[object, dict[str, tuple[int, int]], bool]:
    """Return the data, the positions, and whether some mapping repeats a key."""
    decoded = _decode(text, source)
    ruamel = support.ruamel_module()
    try:
        with warnings.catch_warnings():
            # An anchor defined again is valid YAML: the later definition holds from there.
            warnings.simplefilter("ignore", ruamel.error.ReusedAnchorWarning)
            node = support.compose(decoded, limits.max_yaml_values)
    except support.TooLarge:
        raise DocumentError(
            [
                Problem(
                    path="",
                    message=f"the document holds more than {limits.max_yaml_values:,} values "
                    "(Limits.max_yaml_values)",
                )
            ],
            source,
        ) from None
    except ruamel.error.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        detail = error.problem or error.context or "unreadable"
        if error.context and error.problem:
            detail = f"{error.problem} ({error.context})"
        raise DocumentError(
            [
                Problem(
                    path="",
                    message=f"not valid YAML: {detail}",
                    line=None if mark is None else mark.line + 1,
                    column=None if mark is None else mark.column + 1,
                )
            ],
            source,
        ) from None
    except ruamel.reader.ReaderError as error:
        line, column = _line_column(decoded, error.position)
        raise DocumentError(
            [
                Problem(
                    path="",
                    message=f"not valid YAML: character {error.character!r} is not allowed "
                    "(write it as an escape in double quotes)",
                    line=line,
                    column=column,
                )
            ],
            source,
        ) from None
    except ruamel.error.YAMLError as error:  # pragma: no cover - every parser error is marked
        raise DocumentError(
            [Problem(path="", message=f"not valid YAML: {error}")], source
        ) from None
    except RecursionError:
        raise DocumentError(
            [Problem(path="", message="not valid YAML: nested too deeply")], source
        ) from None
    except (ValueError, OverflowError):  # ruamel's chr() of an escape beyond U+10FFFF
        raise _escape_error(decoded, source) from None
    if node is None:
        raise DocumentError(
            [Problem(path="", message="the YAML document is empty; expected a statement")], source
        )
    reader = _Reader(limits, len(decoded.encode("utf-8", "surrogatepass")))
    try:
        data = reader.value(node, ())
    except support.TooLarge:
        data = None
    except RecursionError:
        raise DocumentError(
            [Problem(path="", message="not valid YAML: nested too deeply")], source
        ) from None
    if reader.problems:
        raise DocumentError(reader.problems, source)
    return data, reader.positions, reader.duplicates


def _escape_error(text: str, source: str | None) -> DocumentError:
    """The error for an escape that names no character, with its line where it can be found."""
    found = next(
        (m for m in re.finditer(r"\\U([0-9a-fA-F]{8})", text) if int(m[1], 16) > 0x10FFFF), None
    )
    line, column = (None, None) if found is None else _line_column(text, found.start())
    shown = "an escape" if found is None else f"the escape {found[0]}"
    return DocumentError(
        [
            Problem(
                path="",
                message=f"not valid YAML: {shown} names no Unicode character "
                "(the last is \\U0010FFFF)",
                line=line,
                column=column,
            )
        ],
        source,
    )


def _locate(problem: Problem, positions: dict[str, tuple[int, int]]) -> Problem:
    if problem.line is not None:
        return problem
    pointer = problem.path
    while True:
        if pointer in positions:
            line, column = positions[pointer]
            return Problem(path=problem.path, message=problem.message, line=line, column=column)
        if not pointer:
            return problem
        pointer = pointer[: pointer.rfind("/")]


def read_yaml_text(
    text: str | bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> LoadResult:
    """Read a YAML statement, upgrading it if needed, and say what was done.

    Raises:
        DocumentError: The document is not a valid statement; every problem has its JSON
            Pointer path and, where the YAML parser knows it, its line and column.
        MissingExtraError: ruamel.yaml is not installed.
    """
    check_size(text, limits, source, yaml=True)
    data, positions, duplicates = _parse_yaml(text, source, limits)
    try:
        check_depth(data, limits, source)
        return read_data(data, source=source, format="yaml", duplicates=duplicates)
    except DocumentError as error:
        located = [_locate(problem, positions) for problem in error.problems]
        raise DocumentError(located, source) from None


def read_yaml_file(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> LoadResult:
    """Read a YAML statement file, upgrading it if needed, and say what was done."""
    data = read_file_bytes(path, limits)
    return read_yaml_text(data, source=os.fspath(path), limits=limits)


def loads_yaml(
    text: str | bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Statement:
    """Load a statement from YAML text.

    A document written in an earlier ``schema_version`` is upgraded first, with a
    :class:`~pcc_priorities.exceptions.DocumentUpgradedWarning`.

    Raises:
        DocumentError: The document is not a valid statement; every problem has its JSON
            Pointer path and, where the YAML parser knows it, its line and column.
        MissingExtraError: ruamel.yaml is not installed (the ``yaml`` extra).
    """
    result = read_yaml_text(text, source=source, limits=limits)
    warn_if_upgraded(result)
    return result.statement


def load_yaml(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Statement:
    """Load a statement from a YAML file.

    Raises:
        DocumentError: The file is not a valid statement; lists every problem with its path,
            line and column.
        MissingExtraError: ruamel.yaml is not installed (the ``yaml`` extra).
        FileProblemError: The file cannot be read; the message says why.
    """
    result = read_yaml_file(path, limits=limits)
    warn_if_upgraded(result)
    return result.statement


# --------------------------------------------------------------------------- writing


def _text_style(text: str) -> str | None:
    """Return the scalar style for ``text``: block scalars for prose, escapes where needed.

    The emitter honours a requested block style even for text a YAML reader would change
    (carriage returns, the line breaks U+0085, U+2028 and U+2029, a byte order mark, control
    characters), so such text is written double-quoted, where every one is escaped.
    """
    if not _BLOCK_SAFE.fullmatch(text):
        return '"'
    if "\n" in text:
        return "|"
    if len(text) >= _FOLD_AT and _FOLDABLE.fullmatch(text):
        return ">"
    if "  " in text:  # the emitter may break a plain scalar inside a run of spaces
        return '"'
    return None


def _node(value: object) -> Any:
    nodes = support.ruamel_module().nodes
    if isinstance(value, dict):
        items = [
            (
                nodes.ScalarNode(
                    support.STR, key, style=None if _BLOCK_SAFE.fullmatch(key) else '"'
                ),
                _node(item),
            )
            for key, item in value.items()
        ]
        return nodes.MappingNode(support.MAP, items, flow_style=not items)
    if isinstance(value, list | tuple):
        return nodes.SequenceNode(
            support.SEQ, [_node(item) for item in value], flow_style=not value
        )
    if isinstance(value, str):
        return nodes.ScalarNode(support.STR, value, style=_text_style(value))
    if value is None:
        return nodes.ScalarNode(support.NULL, "null")
    if isinstance(value, bool):
        return nodes.ScalarNode(support.BOOL, "true" if value else "false")
    if isinstance(value, int):
        return nodes.ScalarNode(support.INT, str(value))
    if isinstance(value, Decimal):
        text = json_number(value)
        return nodes.ScalarNode(
            support.INT if support.DECIMAL_INT.fullmatch(text) else support.FLOAT, text
        )
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def data_to_yaml(data: object) -> str:
    """Return JSON-like data (dicts, lists, str, int, Decimal, bool, None) as YAML text."""
    stream = io.StringIO()
    support.yaml_instance(writing=True).serialize(_node(data), stream)
    return stream.getvalue()


def dumps_yaml(statement: Statement) -> str:
    """Return ``statement`` as canonical YAML text (the canonical JSON data, written as YAML).

    Raises:
        MissingExtraError: ruamel.yaml is not installed (the ``yaml`` extra).
        EncodingError: Some text in the statement holds a lone surrogate, which cannot be
            written as UTF-8; the error names its path.
    """
    data = to_dict(statement)
    text = data_to_yaml(data)
    # The writer escapes a lone surrogate ("\\ud800"), which no reader takes back as text;
    # on a hit (or such an escape written as text), the walk says whether one is there.
    suspect = "\\u" in text and ESCAPED_SURROGATE.search(text) is not None
    if suspect and surrogate_path(data, ()) is not None:
        raise unencodable_text_error(data)
    return text


def dump_yaml(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write ``statement`` to ``path`` as canonical YAML, atomically.

    Raises:
        MissingExtraError: ruamel.yaml is not installed (the ``yaml`` extra).
        EncodingError: Some text in the statement holds a lone surrogate (nothing is
            written).
    """
    atomic_write_text(path, dumps_yaml(statement))
