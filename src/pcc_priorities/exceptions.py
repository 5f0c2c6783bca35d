"""The exceptions pcc-priorities raises, all under one base class.

Catch :class:`PccPrioritiesError` to handle every error the library raises on purpose.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "DirectionError",
    "DocumentError",
    "DocumentUpgradedWarning",
    "EncodingError",
    "FileProblemError",
    "MissingCountError",
    "MissingExtraError",
    "OutputExistsError",
    "PccPrioritiesError",
    "PeriodError",
    "Problem",
    "RankError",
    "ReferenceDataError",
    "RemovalRefusedError",
    "RuleError",
    "SeriesError",
    "TableError",
    "TableProblem",
    "UnknownForceError",
    "UnknownFrameworkError",
    "UnknownRuleError",
    "UnsupportedFormatError",
    "WrittenValueError",
]


class PccPrioritiesError(Exception):
    """The base class of every error pcc-priorities raises on purpose."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a document.

    Attributes:
        path: Where the problem is, as a JSON Pointer (RFC 6901) into the document;
            ``""`` is the whole document.
        message: What is wrong and what was expected, in a sentence.
        line: The line of the source text, where the parser knows it (1-based).
        column: The column of the source text, where the parser knows it (1-based).
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.path or "(document)"
        if self.line is not None:
            where += f" (line {self.line}" + (
                f", column {self.column})" if self.column is not None else ")"
            )
        return one_line(f"{where}: {self.message}")


#: Line breaks as ``str.splitlines`` knows them (CR LF counts as one).
_LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␛
    return "\u2421" if code == 0x7F else "\ufffd"  # ␡, or � for C1 controls


def one_line(text: str) -> str:
    """Return ``text`` on one line: line breaks as "␤", other controls made visible.

    Line breaks (as ``str.splitlines`` knows them) become "␤" (U+2424), C0 controls and DEL
    their Control Pictures ("␛" for escape), C1 controls U+FFFD. The check report, the
    difference report and every error message show statement text and JSON Pointers
    through this one function, so an escape sequence never reaches a terminal.
    """
    return _CONTROLS.sub(_control_picture, _LINE_BREAKS.sub("\u2424", text))


def shown(text: str, limit: int = 60) -> str:
    """Return ``repr(text)`` for a message, cut to about ``limit`` characters with the length."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text):,} characters)"


#: The most problems an error's message lists; the rest are counted (all are in ``problems``).
MAX_LISTED_PROBLEMS = 100


def _listed(problems: Sequence[object]) -> list[str]:
    """The lines listing ``problems``: the first :data:`MAX_LISTED_PROBLEMS`, then a count."""
    lines = [f"  {problem}" for problem in problems[:MAX_LISTED_PROBLEMS]]
    hidden = len(problems) - MAX_LISTED_PROBLEMS
    if hidden > 0:
        lines.append(f"  ... and {hidden:,} more problems not listed")
    return lines


class DocumentError(PccPrioritiesError, ValueError):
    """A document is not a valid statement; lists every problem found.

    Attributes:
        problems: Every problem found, in document order, each with its JSON Pointer path.
        source: The file or other source the document came from (or was to be written
            to), where known.
        writing: Whether the document was being written: it is over the limits loading
            applies, so it was not written.
    """

    problems: tuple[Problem, ...]
    source: str | None
    writing: bool

    def __init__(
        self, problems: Iterable[Problem], source: str | None = None, *, writing: bool = False
    ) -> None:
        self.problems = tuple(problems)
        self.source = source
        self.writing = writing
        super().__init__(self._describe())

    def _describe(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        head = f"{self.source}: " if self.source else ""
        what = (
            "will not write a document that loading refuses"
            if self.writing
            else ("not a valid statement document")
        )
        lines = [f"{head}{what} ({count:,} {noun}):"]
        lines.extend(_listed(self.problems))
        return "\n".join(lines)


class EncodingError(PccPrioritiesError, ValueError):
    """A statement cannot be written as UTF-8 text: some text in it is not Unicode text.

    The model accepts any Python string, but a lone surrogate (U+D800 to U+DFFF) cannot be
    encoded; the writers refuse it rather than write a file no reader accepts.

    Attributes:
        path: Where the text is, as a JSON Pointer (RFC 6901) into the document written.
    """

    path: str

    def __init__(self, message: str, path: str) -> None:
        self.path = path
        super().__init__(f"{path or '(document)'}: {message}")


class MissingExtraError(PccPrioritiesError, ImportError):
    """A feature needs an optional extra that is not installed; the message names it."""


class UnsupportedFormatError(PccPrioritiesError, ValueError):
    """A file's extension names no document format the library reads or writes."""


class OutputExistsError(PccPrioritiesError, FileExistsError):
    """An output file exists and was not to be replaced, or is an input itself.

    Attributes:
        path: The output, as the caller named it.
        input: The input the output is the same file as (also through a symbolic or hard
            link); None when the output merely exists.
    """

    path: str
    input: str | None

    def __init__(self, path: str, *, input: str | None = None) -> None:
        super().__init__(errno.EEXIST, "File exists")
        self.path = path
        self.input = input
        self.filename = path

    def describe(self, option: str = "overwrite=True") -> str:
        """Return the message, naming ``option`` as the way to replace an existing output.

        The command line passes ``"--overwrite"``; the library's own message names the
        keyword argument ``overwrite=True``. An input is never replaced, whatever the option.
        """
        if self.input is None:
            return f"{self.path} already exists; pass {option} to replace it"
        if self.input == self.path:
            return f"{self.path} is an input; write the output to another file"
        return (
            f"{self.path} is the same file as the input {self.input}; "
            "write the output to another file"
        )

    def __str__(self) -> str:
        return self.describe()

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path,), {"input": self.input})


class FileProblemError(PccPrioritiesError, OSError):
    """A file cannot be read or written; the message says which, why and what to do.

    The operating system's error (an :class:`OSError`) is put in words: "no such file",
    "is a folder, not a file", "permission denied", "the folder does not exist", "the disk is
    full". It names the file as the caller gave it, never a temporary file. As an
    :class:`OSError`, it keeps the ``errno`` and ``strerror`` of the operating system's error.

    Attributes:
        path: The file, as the caller named it.
        writing: True when the file was being written, False when it was being read.
        reason: What went wrong, in words ("no such file").
        advice: What to do about it ("check the name and the folder").
    """

    path: str
    writing: bool
    reason: str
    advice: str

    def __init__(
        self,
        path: str,
        reason: str,
        advice: str,
        *,
        writing: bool = False,
        cause: OSError | None = None,
    ) -> None:
        if cause is not None and cause.errno is not None:
            super().__init__(cause.errno, cause.strerror or reason)
        else:
            super().__init__(self._words(path, reason, advice, writing))
        self.path = path
        self.writing = writing
        self.reason = reason
        self.advice = advice
        self.filename = path

    @staticmethod
    def _words(path: str, reason: str, advice: str, writing: bool) -> str:
        verb = "write" if writing else "read"
        return f"{path}: cannot {verb} the file: {reason}; {advice}"

    def __str__(self) -> str:
        return self._words(self.path, self.reason, self.advice, self.writing)

    def __reduce__(self) -> tuple[object, ...]:
        state = {"writing": self.writing, "errno": self.errno, "strerror": self.strerror}
        return (type(self), (self.path, self.reason, self.advice), state)


class PeriodError(PccPrioritiesError, ValueError):
    """A reporting period cannot be read or built.

    The message says what was wrong and what was expected: text that is not a period, text
    that could mean two periods ("Q1 2023": calendar or financial year?), a date that does
    not exist ("31/02/2023"), or a range that ends before it starts.

    Attributes:
        text: The text that was read, where the error comes from parsing.
    """

    text: str | None

    def __init__(self, message: str, text: str | None = None) -> None:
        self.text = text
        super().__init__(f"{shown(text)}: {message}" if text is not None else message)


class WrittenValueError(PccPrioritiesError, ValueError):
    """A date or a number as a person wrote it cannot be read.

    Raised by the one reader of dates and numbers (:mod:`pcc_priorities.periods.written`),
    which the command line, spreadsheets, periods and monthly series all use, so the same
    text is refused with the same words everywhere.

    Attributes:
        text: The text that was read.
        reason: What is wrong with it and what was expected.
    """

    text: str
    reason: str

    def __init__(self, reason: str, text: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"{shown(text)}: {reason}")


class DirectionError(PccPrioritiesError, ValueError):
    """A word or phrase does not state a direction of change ("fluctuated")."""


class RankError(PccPrioritiesError, ValueError):
    """A rank cannot be read, or names an impossible position ("9th of 8")."""


class PageAssetError(PccPrioritiesError, ValueError):
    """A logo or style sheet for the published page cannot be used.

    The message names the file and says what was expected (a PNG, JPEG, GIF or WebP image
    under the size limit; a style sheet that cannot end the page's ``<style>`` element).
    """


class ReferenceDataError(PccPrioritiesError, ValueError):
    """A framework or register file is malformed."""


class UnknownFrameworkError(PccPrioritiesError, LookupError):
    """No framework is registered with the given id."""


class UnknownForceError(PccPrioritiesError, LookupError):
    """No force in the register matches the given code or name."""


class DocumentUpgradedWarning(UserWarning):
    """A document written in an earlier ``schema_version`` was upgraded as it was loaded.

    The message says from which version and by which steps. Save the document with
    ``pcc-priorities upgrade`` (or load it with ``load_with_report`` to be told in the result).
    """


class UnknownRuleError(PccPrioritiesError, LookupError):
    """No rule has the given code, or no rule code starts with the given prefix."""


class RuleError(PccPrioritiesError):
    """A rule is badly defined, could not be loaded from its entry point, or failed."""


class SeriesError(PccPrioritiesError, ValueError):
    """Monthly figures cannot give what was asked.

    A month is missing (never taken as zero), a period is not whole months, or a count is
    not a number of the right kind.
    """


class MissingCountError(SeriesError, LookupError):
    """A table has no count for a force, an offence and a quarter that a figure needs.

    A missing count is never taken as zero: the figure cannot be given.

    Attributes:
        force: The force, as the table names it.
        offence: The offence in words, with the subgroups or codes looked for.
        quarter: The quarter ("Q2 2024/25").
    """

    force: str
    offence: str
    quarter: str

    def __init__(self, message: str, *, force: str, offence: str, quarter: str) -> None:
        self.force = force
        self.offence = offence
        self.quarter = quarter
        super().__init__(message)


@attrs.frozen(kw_only=True)
class TableProblem:
    """One thing wrong with a table (a CSV file or a worksheet).

    Attributes:
        row: The row, counted as a spreadsheet does: the title row is row 1.
            None for the whole table.
        column: The column's title, where the problem is in one cell or column.
        message: What is wrong and what was expected, in a sentence.
        sheet: The worksheet, in a workbook of several sheets.
    """

    row: int | None
    column: str | None
    message: str
    sheet: str | None = None

    def __str__(self) -> str:
        where = [] if self.sheet is None else [f"sheet {self.sheet!r}"]
        where += [] if self.row is None else [f"row {self.row}"]
        if self.column is not None:
            where.append(f"column {self.column!r}")
        return one_line(f"{', '.join(where) or '(table)'}: {self.message}")


class TableError(PccPrioritiesError, ValueError):
    """A table cannot be read (or written); lists every problem with its row and column.

    Attributes:
        problems: Every problem found, in row order.
        source: The file the table came from (or was to be written to), where known.
        writing: Whether the table was being written rather than read.
    """

    problems: tuple[TableProblem, ...]
    source: str | None
    writing: bool

    def __init__(
        self, problems: Iterable[TableProblem], source: str | None = None, *, writing: bool = False
    ) -> None:
        self.problems = tuple(problems)
        self.source = source
        self.writing = writing
        count = len(self.problems)
        head = f"{source}: " if source else ""
        verb = "write" if writing else "read"
        noun = "problem" if count == 1 else "problems"
        lines = [f"{head}cannot {verb} the table ({count:,} {noun}):"]
        lines.extend(_listed(self.problems))
        super().__init__("\n".join(lines))


class RemovalRefusedError(TableError):
    """Importing a table would remove figures, and removal was not allowed.

    Each problem names a figure that has no row (or says the table has none at all).
    """
