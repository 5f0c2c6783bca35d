r"""Where the command line writes: results on standard output, messages and errors on stderr.

Every command writes through a :class:`Console`, so that every command behaves the same way:

- a **result** (a report, a listing, a document without ``-o``) goes to standard output;
- a **message** (a file was written, a document was upgraded as it was read) goes to
  standard error, unless ``--quiet`` is given;
- an **error** goes to standard error, always, as one line that starts with the command
  (``pcc-priorities render: error: ...``); the problem lists of an invalid document or table
  follow that line, indented.

Text that the stream cannot encode (a terminal that is not UTF-8, a file name that is not
valid UTF-8) is escaped instead of stopping the command: JSON as ``\uXXXX`` escapes, so it
stays valid JSON, and other text as Python's backslash escapes.
"""

from __future__ import annotations

import json
import re
from typing import TextIO

__all__ = [
    "EXIT_BUG",
    "EXIT_FINDINGS",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_PIPE_CLOSED",
    "PROG",
    "Console",
    "printable",
]

#: Success.
EXIT_OK = 0
#: Findings at or above the chosen severity (``check``), or differences (``diff``).
EXIT_FINDINGS = 1
#: Invalid input, a usage error, or an output that was refused or could not be written.
EXIT_INVALID = 2
#: A bug in pcc-priorities: an exception nobody expected (EX_SOFTWARE of sysexits.h).
EXIT_BUG = 70
#: Interrupted with Ctrl-C (128 + SIGINT, as a shell reports it).
EXIT_INTERRUPTED = 130
#: The reader of standard output went away (``| head``): 128 + SIGPIPE, as a shell reports it.
EXIT_PIPE_CLOSED = 141

#: The program's name, as errors and usage show it.
PROG = "pcc-priorities"

_NON_ASCII = re.compile("[^\x00-\x7f]")


def _encoding(stream: TextIO) -> str:
    return getattr(stream, "encoding", None) or "utf-8"


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    except LookupError:  # an encoding Python does not know: leave it to the stream
        return True
    return True


def printable(text: str, stream: TextIO, *, json_text: bool = False) -> str:
    r"""Return ``text`` with what ``stream`` cannot encode escaped.

    Args:
        text: What to write.
        stream: Where it goes; its ``encoding`` decides (UTF-8 when it has none).
        json_text: ``text`` is JSON: escape as ``\uXXXX``, which keeps it valid JSON.
    """
    encoding = _encoding(stream)
    if _encodable(text, encoding):
        return text
    if json_text:
        return _NON_ASCII.sub(lambda match: json.dumps(match[0])[1:-1], text)
    return text.encode(encoding, "backslashreplace").decode(encoding)


class Console:
    """The streams of one run of the command line, and whether messages are wanted.

    Attributes:
        out: Where results go (standard output).
        err: Where messages and errors go (standard error).
        quiet: Whether messages are left out (``--quiet``); results and errors never are.
        prog: The command as typed, for error lines ("pcc-priorities render").
    """

    def __init__(self, out: TextIO, err: TextIO, *, quiet: bool = False, prog: str = PROG) -> None:
        self.out = out
        self.err = err
        self.quiet = quiet
        self.prog = prog

    def result(self, text: str) -> None:
        """Write ``text`` (a result) to standard output, as it is."""
        self.out.write(printable(text, self.out))

    def result_json(self, data: object) -> None:
        """Write ``data`` as indented JSON to standard output, with a final newline."""
        utf8 = _encodable("\u00e9\U0001f600", _encoding(self.out))
        self.out.write(json.dumps(data, indent=2, ensure_ascii=not utf8) + "\n")

    def result_json_text(self, text: str) -> None:
        """Write ``text``, which is JSON already, to standard output."""
        self.out.write(printable(text, self.out, json_text=True))

    def message(self, text: str) -> None:
        """Write ``text`` (one line, no newline) to standard error unless quiet."""
        if not self.quiet:
            self.err.write(printable(text, self.err) + "\n")

    def error(self, text: str) -> None:
        """Write ``text`` to standard error as an error of the command, always."""
        self.err.write(printable(f"{self.prog}: error: {text}", self.err) + "\n")
