"""Loading and saving statements: canonical JSON or YAML, picked by extension or by name.

:func:`load` and :func:`dump` take the format from the file's extension: ``.json`` is
canonical JSON, ``.yaml`` and ``.yml`` are YAML (the ``yaml`` extra). :func:`loads` and
:func:`dumps` take it as an argument. The command line and scripts call these functions, so
every command reads and writes either format.

"""

from __future__ import annotations

import os
from typing import Literal

import attrs

from pcc_priorities.exceptions import DocumentError, UnsupportedFormatError
from pcc_priorities.files import atomic_write_text, format_by_extension
from pcc_priorities.formats.json import dumps_json, read_json_text, to_dict
from pcc_priorities.formats.limits import (
    DEFAULT_LIMITS,
    Limits,
    check_depth,
    check_size,
    read_file_bytes,
)
from pcc_priorities.formats.reading import warn_if_upgraded
from pcc_priorities.formats.upgrade import LoadResult
from pcc_priorities.model.statement import Statement

__all__ = [
    "FORMATS",
    "Format",
    "check_loadable",
    "dump",
    "dumps",
    "format_of",
    "load",
    "load_with_report",
    "loads",
    "loads_with_report",
]


Format = Literal["json", "yaml"]

#: The document formats, by file extension (lower case, with the dot).
FORMATS: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}


def format_of(path: str | os.PathLike[str]) -> Format:
    """Return the document format of ``path`` from its extension: "json" or "yaml".

    Raises:
        UnsupportedFormatError: The extension is not .json, .yaml or .yml.
    """
    return format_by_extension(path, FORMATS)


def load_with_report(
    path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS
) -> LoadResult:
    """Load a statement file (JSON or YAML, by extension) and say what was done to read it.

    The result holds the statement, the ``schema_version`` the file was written in and the
    upgrades applied; it never warns.

    Raises:
        DocumentError: The file is not a valid statement; lists every problem.
        UnsupportedFormatError: The extension is not .json, .yaml or .yml.
        MissingExtraError: The file is YAML and the ``yaml`` extra is not installed.
        FileProblemError: The file cannot be read; the message says why.
    """
    try:
        kind = format_of(path)
    except UnsupportedFormatError:
        if os.path.isdir(path):  # "data/" is a folder, whatever its name says
            read_file_bytes(path, limits)
        raise
    data = read_file_bytes(path, limits)
    if kind == "yaml":
        from pcc_priorities.formats.yaml import read_yaml_text  # noqa: PLC0415 - YAML only

        return read_yaml_text(data, source=os.fspath(path), limits=limits)
    return read_json_text(data, source=os.fspath(path), limits=limits)


def loads_with_report(
    text: str | bytes,
    *,
    format: Format = "json",
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> LoadResult:
    """Load a statement from text in ``format`` and say what was done to read it.

    Raises:
        DocumentError: The text is not a valid statement; lists every problem.
        MissingExtraError: ``format`` is "yaml" and the ``yaml`` extra is not installed.
    """
    if _checked(format) == "yaml":
        from pcc_priorities.formats.yaml import read_yaml_text  # noqa: PLC0415 - YAML only

        return read_yaml_text(text, source=source, limits=limits)
    return read_json_text(text, source=source, limits=limits)


def load(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Statement:
    """Load a statement file: canonical JSON (``.json``) or YAML (``.yaml``, ``.yml``).

    A file over ``limits.max_bytes`` is refused before it is read. A document written in an
    earlier ``schema_version`` is upgraded first, with a
    :class:`~pcc_priorities.exceptions.DocumentUpgradedWarning`; use
    :func:`load_with_report` to be told in the result instead.

    Raises:
        DocumentError: The file is not a valid statement; lists every problem.
        UnsupportedFormatError: The extension is not .json, .yaml or .yml.
        MissingExtraError: The file is YAML and the ``yaml`` extra is not installed.
        FileProblemError: The file cannot be read; the message says why.
    """
    result = load_with_report(path, limits=limits)
    warn_if_upgraded(result)
    return result.statement


def loads(
    text: str | bytes,
    format: Format = "json",
    *,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Statement:
    """Load a statement from text in ``format``: "json" (canonical JSON, the default) or "yaml".

    Args:
        text: The document, as text or as UTF-8 bytes.
        format: "json" or "yaml".
        source: A name for the document in error messages (a file name).
        limits: The largest document and the deepest nesting accepted.

    Raises:
        DocumentError: The text is not a valid statement; lists every problem.
        UnsupportedFormatError: ``format`` is neither "json" nor "yaml".
        MissingExtraError: ``format`` is "yaml" and the ``yaml`` extra is not installed.
    """
    result = loads_with_report(text, format=format, source=source, limits=limits)
    warn_if_upgraded(result)
    return result.statement


def dumps(statement: Statement, format: Format = "json") -> str:
    """Return ``statement`` as canonical text in ``format``: "json" (the default) or "yaml".

    Raises:
        UnsupportedFormatError: ``format`` is neither "json" nor "yaml".
        MissingExtraError: ``format`` is "yaml" and the ``yaml`` extra is not installed.
    """
    if _checked(format) == "yaml":
        from pcc_priorities.formats.yaml import dumps_yaml  # noqa: PLC0415 - YAML only

        return dumps_yaml(statement)
    return dumps_json(statement)


def dump(
    statement: Statement, path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS
) -> None:
    """Write ``statement`` to ``path`` atomically, as JSON or YAML by the extension.

    A document that loading with ``limits`` would refuse is not written.

    Raises:
        DocumentError: The document would be over the limits loading applies (too large,
            too many values, nested too deeply); nothing is written.
        UnsupportedFormatError: The extension is not .json, .yaml or .yml.
        MissingExtraError: The extension is YAML and the ``yaml`` extra is not installed.
        FileProblemError: The file cannot be written; the message says why.
    """
    kind = format_of(path)
    text = dumps(statement, kind)
    check_loadable(statement, text, kind, limits=limits, source=os.fspath(path))
    atomic_write_text(path, text)


def check_loadable(
    statement: Statement,
    text: str,
    format: Format,
    *,
    limits: Limits = DEFAULT_LIMITS,
    source: str | None = None,
) -> None:
    """Refuse ``text`` (``statement`` dumped in ``format``) if loading it would be refused.

    Loading applies ``limits``: the size of the text, and the values and depth of the
    document. :func:`dump` and the command line's writers call this, so they never write a
    file that they cannot read back.

    Raises:
        DocumentError: The text is over a limit; the message says which, and that nothing
            was written.
    """
    yaml = format == "yaml"
    try:
        check_size(text, limits, source, yaml=yaml)
        values = limits.max_yaml_values if yaml else limits.max_values
        if len(text) > values or len(text) > limits.max_depth:  # else neither can be exceeded
            check_depth(to_dict(statement), attrs.evolve(limits, max_values=values), source)
    except DocumentError as error:
        advice = "; write JSON instead" if yaml else ""
        problems = [
            attrs.evolve(problem, message=problem.message + advice) for problem in error.problems
        ]
        raise DocumentError(problems, source, writing=True) from None


def _checked(format: str) -> Format:
    if format not in ("json", "yaml"):
        raise UnsupportedFormatError(f"unknown document format {format!r}; use 'json' or 'yaml'")
    return "yaml" if format == "yaml" else "json"
