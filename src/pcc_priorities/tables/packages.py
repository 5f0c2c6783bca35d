"""Workbook files as zip packages of XML: written byte for byte the same, read within bounds.

XLSX (Office Open XML) and ODS (OpenDocument) workbooks are zip files of XML parts. This
module writes such a package with fixed timestamps, so the same table always gives the same
bytes, and reads one without trusting it: a damaged file, a part that is not XML, a zip
entry that claims to unpack to gigabytes, or a sheet of millions of cells is refused with a
:class:`~pcc_priorities.exceptions.TableError`, never another exception, and within a few
seconds.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from typing import Any
from xml.etree import ElementTree

from pcc_priorities.exceptions import TableError, TableProblem

__all__ = [
    "MAX_CELLS",
    "MAX_PART_BYTES",
    "Package",
    "package_bytes",
    "table_problem",
    "xml_text",
]

#: The largest XML part read, once unpacked (a figures sheet of a statement is well under
#: 1 MiB; the worked example's is about 120 KiB).
MAX_PART_BYTES = 64 * 2**20
#: The most cells with a value a sheet may hold.
MAX_CELLS = 500_000
#: The time every entry of a written package carries: the earliest a zip file can hold.
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def table_problem(message: str, source: str | None, *, sheet: str | None = None) -> TableError:
    """Return a TableError with one problem about the whole table."""
    return TableError([TableProblem(row=None, column=None, message=message, sheet=sheet)], source)


def package_bytes(parts: Sequence[tuple[str, bytes]], *, stored: Sequence[str] = ()) -> bytes:
    """Return a zip package of ``parts`` (name, bytes) in order, the same bytes every time.

    Every entry has the same fixed time and permissions; those named in ``stored`` are not
    compressed (an ODS package's ``mimetype``).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


#: What a damaged zip file or XML part can raise in the standard library.
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    LookupError,  # KeyError, IndexError, and an XML declaration's unknown encoding
    TypeError,
    NotImplementedError,
    RuntimeError,
    ElementTree.ParseError,
    UnicodeDecodeError,
)


class Package:
    """A workbook's zip package, opened to read its parts within bounds.

    Attributes:
        kind: "XLSX" or "ODS", for messages.
        source: The file's name, for messages.
    """

    def __init__(self, data: bytes, kind: str, source: str | None) -> None:
        self.kind = kind
        self.source = source
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            self.names = {info.filename: info for info in self.archive.infolist()}
        except _DAMAGED as error:
            raise self.damaged(error) from None

    def damaged(self, error: BaseException) -> TableError:
        """The error for a file that is not a readable workbook of this kind."""
        words = " ".join(str(error).split()) or type(error).__name__
        return table_problem(f"not an {self.kind} workbook, or a damaged one: {words}", self.source)

    def has(self, name: str) -> bool:
        """Whether the package holds the part ``name``."""
        return name in self.names

    def read(self, name: str) -> bytes:
        """Return the part ``name``, refusing one that unpacks to more than MAX_PART_BYTES.

        Raises:
            TableError: The part is missing, too large or damaged.
        """
        info = self.names.get(name)
        if info is None:
            raise table_problem(f"not an {self.kind} workbook: it has no {name}", self.source)
        if info.file_size > MAX_PART_BYTES:
            raise table_problem(
                f"{name} unpacks to {info.file_size:,} bytes, over the {MAX_PART_BYTES:,} a "
                "figures workbook may hold",
                self.source,
            )
        try:
            with self.archive.open(info) as handle:
                data = handle.read(MAX_PART_BYTES + 1)
        except _DAMAGED as error:
            raise self.damaged(error) from None
        if len(data) > MAX_PART_BYTES:  # pragma: no cover - zipfile stops at the declared size
            raise table_problem(f"{name} is too large", self.source)
        return data

    def elements(self, name: str) -> Iterator[tuple[str, Any]]:
        """Yield ``(event, element)`` for the part ``name`` ("start" and "end" events).

        Raises:
            TableError: The part is not well-formed XML (raised when it is met).
        """
        data = self.read(name)
        try:
            yield from ElementTree.iterparse(io.BytesIO(data), events=("start", "end"))
        except _DAMAGED as error:
            raise self.damaged(error) from None

    def close(self) -> None:
        """Close the package."""
        self.archive.close()


def xml_text(text: str) -> str:
    """Return ``text`` escaped for XML character data and attribute values."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\t", "&#9;")
    )
