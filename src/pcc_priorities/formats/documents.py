"""One place that picks the document format of a file: canonical JSON or YAML, by extension.

The command line and scripts call these functions, so every command reads and writes either
format: ``.json`` is canonical JSON, ``.yaml`` and ``.yml`` are YAML (the ``yaml`` extra).

"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pcc_priorities.exceptions import UnsupportedFormatError
from pcc_priorities.formats.files import atomic_write_text
from pcc_priorities.formats.json import dumps, read_json_file, read_json_text
from pcc_priorities.formats.limits import DEFAULT_LIMITS, Limits
from pcc_priorities.formats.reading import warn_if_upgraded
from pcc_priorities.formats.upgrade import LoadResult
from pcc_priorities.formats.yaml import dumps_yaml, read_yaml_file, read_yaml_text
from pcc_priorities.model.statement import Statement

__all__ = [
    "FORMATS",
    "Format",
    "dump_any",
    "dumps_any",
    "format_of",
    "load_any",
    "load_with_report",
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
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UnsupportedFormatError(
            f"{os.fspath(path)}: cannot tell the format from the extension "
            f"{suffix or '(none)'!r}; use one of {known}"
        ) from None


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
        OSError: The file cannot be read.
    """
    if format_of(path) == "yaml":
        return read_yaml_file(path, limits=limits)
    return read_json_file(path, limits=limits)


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
    if format == "yaml":
        return read_yaml_text(text, source=source, limits=limits)
    return read_json_text(text, source=source, limits=limits)


def load_any(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Statement:
    """Load a statement file, JSON or YAML by its extension.

    A document written in an earlier ``schema_version`` is upgraded first, with a
    :class:`~pcc_priorities.exceptions.DocumentUpgradedWarning`.

    Raises:
        DocumentError: The file is not a valid statement; lists every problem.
        UnsupportedFormatError: The extension is not .json, .yaml or .yml.
        MissingExtraError: The file is YAML and the ``yaml`` extra is not installed.
        OSError: The file cannot be read.
    """
    result = load_with_report(path, limits=limits)
    warn_if_upgraded(result)
    return result.statement


def dumps_any(statement: Statement, format: Format = "json") -> str:
    """Return ``statement`` as canonical text in ``format`` ("json" or "yaml").

    Raises:
        MissingExtraError: ``format`` is "yaml" and the ``yaml`` extra is not installed.
    """
    return dumps_yaml(statement) if format == "yaml" else dumps(statement)


def dump_any(statement: Statement, path: str | os.PathLike[str]) -> None:
    """Write ``statement`` to ``path`` atomically, as JSON or YAML by the extension.

    Raises:
        UnsupportedFormatError: The extension is not .json, .yaml or .yml.
        MissingExtraError: The extension is YAML and the ``yaml`` extra is not installed.
    """
    atomic_write_text(path, dumps_any(statement, format_of(path)))
