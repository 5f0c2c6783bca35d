"""Parsing the command line: a parser without argparse's traps, and the options commands share.

argparse's defaults hide traps this module closes:

- options are never matched by a prefix (``allow_abbrev=False``): ``--over`` is refused, not
  taken for ``--overwrite``;
- a wrong argument to a command shows the usage of that command, not the top-level one
  (:meth:`Parser.error`), on one line with the problem;
- ``--force`` never silently means something else: on a command that writes a file it is an
  alias of ``--overwrite``; on a command that names a police force (``--police-force``) it is
  refused as ambiguous (:meth:`Parser.settle_force_option`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any, NoReturn

from pcc_priorities.cli.console import EXIT_INVALID, printable
from pcc_priorities.exceptions import PccPrioritiesError, WrittenValueError
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.written import read_date, read_partial_date

__all__ = [
    "FORCE_IS_AMBIGUOUS",
    "Parser",
    "UsageError",
    "codes_argument",
    "count_argument",
    "date_argument",
    "partial_date_argument",
]

#: Why ``--force`` is refused on a command that names a police force.
FORCE_IS_AMBIGUOUS = (
    "--force is ambiguous here: to name the police force write --police-force NAME; "
    "to replace an existing file write --overwrite"
)


class UsageError(PccPrioritiesError):
    """Options that argparse cannot check on its own do not fit together.

    The command line shows it with the usage of the command that was typed.
    """


class _RefuseForce(argparse.Action):
    """``--force`` on a command that names a police force: refused, with what to write."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        parser.error(FORCE_IS_AMBIGUOUS)


class Parser(argparse.ArgumentParser):
    """An argument parser without argparse's traps; every command's parser is one too.

    - No option is matched by a prefix of its name.
    - A usage error is one line on standard error, with the usage of the command typed,
      and exits with :data:`~pcc_priorities.cli.console.EXIT_INVALID` (2).
    - A command that writes a file takes ``--overwrite``; ``--force`` is settled by
      :meth:`settle_force_option`.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)
        self.writes_files = False
        self.names_police_force = False

    # ----------------------------------------------------------------------- usage errors

    def usage_line(self) -> str:
        """Return the usage of this parser's command on one line ("usage: pcc-priorities ...")."""
        return " ".join(self.format_usage().split())

    def usage_error(self, message: str) -> str:
        """Return the one-line error for ``message``, with this command's usage."""
        return f"{self.prog}: error: {message} ({self.usage_line()})"

    def error(self, message: str) -> NoReturn:
        """Write ``message`` with this command's usage, on one line, and exit 2."""
        sys.stderr.write(printable(self.usage_error(message), sys.stderr) + "\n")
        raise SystemExit(EXIT_INVALID)

    # ----------------------------------------------------------------------- shared options

    def add_overwrite_option(self, what: str) -> None:
        """Add ``--overwrite``: replace ``what`` (an output) if it exists; never an input."""
        self.writes_files = True
        self.add_argument(
            "--overwrite",
            action="store_true",
            help=f"replace {what} if it exists (never an input)",
        )

    def add_police_force_option(self, **kwargs: Any) -> None:
        """Add ``--police-force``, which names a force: ``--force`` is then ambiguous here."""
        self.names_police_force = True
        self.add_argument("--police-force", **kwargs)

    def settle_force_option(self) -> None:
        """Add ``--force``: refused where a police force is named, else ``--overwrite``'s alias.

        Call once the command's other options are added.
        """
        if self.names_police_force:
            self.add_argument(
                "--force",
                action=_RefuseForce,
                nargs="?",
                help=argparse.SUPPRESS,
            )
        elif self.writes_files:
            self.add_argument(
                "--force",
                dest="overwrite",
                action="store_true",
                help="an alias of --overwrite",
            )

    def add_common_options(self, quiet_help: str | None = None) -> None:
        """Add the options every command takes: ``-q/--quiet`` and ``--traceback``."""
        self.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            help=quiet_help or "no messages on standard error (results and errors still show)",
        )
        self.add_argument(
            "--traceback",
            action="store_true",
            help="on an error, show Python's traceback too (for a bug report)",
        )


# --------------------------------------------------------------------------- argument types


def date_argument(text: str) -> date:
    """An argparse type: a date as people write it (15/02/2027, 15 February 2027, ISO)."""
    try:
        return read_date(text)
    except WrittenValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def partial_date_argument(text: str) -> PartialDate:
    """An argparse type: a date to the year, month or day (2027, February 2027, 15/02/2027)."""
    try:
        return read_partial_date(text)
    except WrittenValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def count_argument(text: str) -> int:
    """An argparse type: a whole number, zero or more."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected zero or more, got {number}")
    return number


def codes_argument(values: Sequence[str] | None) -> list[str] | None:
    """Split repeated, comma-separated ``--select``/``--ignore`` values into rule codes."""
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]
