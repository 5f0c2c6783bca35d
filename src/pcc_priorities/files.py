"""Files: one way to read an input, refuse to overwrite, write atomically and report a problem.

A foundation module beside :mod:`pcc_priorities.exceptions`: it imports nothing else of the
package, and every layer that touches the file system (formats, reference, tables, figures,
publish, the command line) goes through it.

Every reader and writer of the library and every command of the command line goes through
these functions, so that they all behave, and are refused, in the same words:

- :func:`open_input` and :func:`read_input` open a file to read; an operating-system error
  (:class:`OSError`) becomes a :class:`~pcc_priorities.exceptions.FileProblemError` that names
  the file and says in words what went wrong and what to do.
- :func:`check_output` refuses an output that is one of the inputs (also through a symbolic or
  hard link), that is a folder, or that exists when it is not to be replaced.
- :func:`write_output` writes a file atomically: the data goes to a temporary file in the same
  folder (named ``.NAME.pcc-tmp-PID-XXXXXXXXXXXX``), which then takes the output's name in
  one step, so a reader never sees half a file. One left by an interrupted write (a
  ``kill -9``) is removed by the next write to the same place. Without ``overwrite`` the
  name is taken with a hard link, which the operating system refuses if the output exists:
  of several writers of the same new file, exactly one succeeds and the others get
  :class:`~pcc_priorities.exceptions.OutputExistsError`. The temporary file never stays
  behind.
- :func:`format_by_extension` picks a format from an output's extension, and checks that a
  format asked for agrees with it.
- :func:`package_files` finds the data files shipped inside the package.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, BinaryIO, TypeVar

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

from pcc_priorities.exceptions import (
    FileProblemError,
    OutputExistsError,
    PccPrioritiesError,
    UnsupportedFormatError,
)

__all__ = [
    "TEMPORARY_MARK",
    "atomic_write_bytes",
    "atomic_write_text",
    "check_output",
    "file_problem",
    "format_by_extension",
    "open_input",
    "package_files",
    "read_input",
    "remove_stale_temporaries",
    "write_output",
]

#: What the name of every temporary file this library writes holds:
#: ``.NAME.pcc-tmp-PID-XXXXXXXXXXXX``.
TEMPORARY_MARK = ".pcc-tmp-"

#: The errors os.link gives on a file system without hard links.
_NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS, errno.EXDEV}
)
#: The longest part of the output's name kept in a temporary file's name.
_NAME_KEPT = 200
_ATTEMPTS = 100
#: A temporary file older than this (in seconds) is stale whoever wrote it.
_STALE_AFTER = 24 * 60 * 60

Chosen = TypeVar("Chosen", bound=str)

PathName = str | os.PathLike[str]


# --------------------------------------------------------------------------- problems in words


def _blocking_file(path: str) -> str | None:
    """Return the first part of ``path`` that is a file where a folder should be."""
    for part in reversed(PurePath(path).parents):
        text = str(part)
        if text != os.curdir and os.path.exists(text) and not os.path.isdir(text):
            return text
    return None


def _explain(error: OSError, path: str, writing: bool) -> tuple[str, str]:
    """Return what went wrong and what to do, in words, for ``error`` on ``path``."""
    number = error.errno
    folder = os.path.dirname(path) or "."
    if number == errno.ENOENT:
        if writing:
            return (
                f"the folder {folder} does not exist",
                "create it first, or write to a folder that exists",
            )
        return "no such file", "check the file's name and folder"
    if number == errno.EISDIR or (number == errno.EACCES and os.path.isdir(path)):
        return "it is a folder, not a file", (
            "name a file to write, not a folder" if writing else "name a file in it"
        )
    if number == errno.ENOTDIR:
        blocker = _blocking_file(path)
        where = (
            f"{blocker} is a file, not a folder" if blocker else "a folder in the path is a file"
        )
        return where, "check the path"
    if number in (errno.EACCES, errno.EPERM):
        if writing:
            return "permission denied", f"write to a folder you may write to, not {folder}"
        return "permission denied", "check that you may read the file"
    if number == errno.ENOSPC:
        return "the disk is full", "free some space and try again"
    if number == errno.EDQUOT:
        return "the disk quota is used up", "free some space and try again"
    if number == errno.EROFS:
        return "the file system is read-only", "write somewhere else"
    if number == errno.ENAMETOOLONG:
        return "the name is too long", "choose a shorter name"
    if number == errno.ELOOP:
        return "its symbolic links go round in a loop", "check the links"
    if number in (errno.EBUSY, errno.ETXTBSY):
        return "the file is in use", "close the program using it and try again"
    if number in (errno.EMFILE, errno.ENFILE):
        return "too many files are open", "close some programs and try again"
    if number == errno.EIO:
        return "the disk reported an input/output error", "check the disk and try again"
    words = (error.strerror or str(error) or type(error).__name__).strip().rstrip(".")
    if words[1:2].islower():
        words = words[:1].lower() + words[1:]
    return words, "check the file and the folder, and try again"


def file_problem(error: OSError, path: PathName, *, writing: bool) -> FileProblemError:
    """Return ``error`` as a :class:`FileProblemError` about ``path``, put in words.

    Args:
        error: What the operating system said.
        path: The file as the caller named it (never a temporary file).
        writing: Whether the file was being written (else read).
    """
    if isinstance(error, FileProblemError):
        return error
    name = os.fspath(path)
    reason, advice = _explain(error, name, writing)
    return FileProblemError(name, reason, advice, writing=writing, cause=error)


# --------------------------------------------------------------------------- reading


@contextmanager
def open_input(path: PathName) -> Iterator[BinaryIO]:
    """Open ``path`` to read bytes; every operating-system error becomes a FileProblemError.

    Errors raised while the file is open (reading it) are put in words too.

    Raises:
        FileProblemError: The file cannot be opened or read: it does not exist, is a folder,
            may not be read...
    """
    name = os.fspath(path)
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise file_problem(error, name, writing=False) from None
    with handle:
        try:
            yield handle
        except PccPrioritiesError:
            raise
        except OSError as error:
            raise file_problem(error, name, writing=False) from None


def read_input(path: PathName) -> bytes:
    """Return the bytes of the file at ``path``.

    Raises:
        FileProblemError: The file cannot be read; the message says why and what to do.
    """
    with open_input(path) as handle:
        return handle.read()


# --------------------------------------------------------------------------- writing


def _same_file(output: os.stat_result, others: list[os.stat_result], source: str) -> bool:
    try:
        found = os.stat(source)
    except (OSError, ValueError):  # an input that cannot be read is reported by its reader
        return False
    return any(os.path.samestat(found, other) for other in [output, *others])


def check_output(
    path: PathName, *, overwrite: bool = False, inputs: Collection[PathName] = ()
) -> None:
    """Refuse to write ``path`` if it is an input, a folder, or exists and is not to be replaced.

    :func:`write_output` calls this itself; call it first to refuse before doing the work
    that makes the output.

    Args:
        path: The output.
        overwrite: Whether an existing file (or symbolic link) may be replaced.
        inputs: The files the output is made from: never written over, whatever
            ``overwrite`` says, also when the output is a symbolic or hard link to one.

    Raises:
        OutputExistsError: ``path`` is one of ``inputs``, or exists (even as a symbolic link
            to nothing) and ``overwrite`` is false.
        FileProblemError: ``path`` is a folder, is in a folder that does not exist, or
            cannot be looked at.
    """
    name = os.fspath(path)
    try:
        link = os.lstat(name)
    except FileNotFoundError as error:
        if not os.path.isdir(os.path.dirname(name) or os.curdir):
            raise file_problem(error, name, writing=True) from None
        return
    except OSError as error:
        raise file_problem(error, name, writing=True) from None
    followed: list[os.stat_result] = []
    if stat.S_ISLNK(link.st_mode):
        with suppress(OSError):
            followed.append(os.stat(name))
    for source in inputs:
        if _same_file(link, followed, os.fspath(source)):
            raise OutputExistsError(name, input=os.fspath(source))
    if any(stat.S_ISDIR(status.st_mode) for status in [link, *followed]):
        raise FileProblemError(
            name, "it is a folder, not a file", "name a file to write, not a folder", writing=True
        )
    if not overwrite:
        raise OutputExistsError(name)


def _temporary_prefix(name: str) -> str:
    """The start of every temporary file's name for the output ``name``."""
    return f".{name[:_NAME_KEPT]}{TEMPORARY_MARK}"


def _running(pid: int) -> bool:
    """Whether a process with id ``pid`` runs on this machine (or may: not ours to ask)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def remove_stale_temporaries(folder: str, name: str) -> list[str]:
    """Remove the temporary files an interrupted write of ``name`` in ``folder`` left behind.

    A temporary file's name says which output it was for and which process wrote it
    (``.NAME.pcc-tmp-PID-XXXXXXXXXXXX``). One is stale when that process no longer runs,
    or when it is over a day old (a process on another machine sharing the folder); a
    file of a write still going on is left alone. :func:`write_output` calls this before
    each write, so the next write to the same place tidies up after a ``kill -9``.

    Returns:
        The names of the files removed.
    """
    prefix = _temporary_prefix(name)
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        pid_text, _, token = entry.name[len(prefix) :].partition("-")
        if not (pid_text.isdigit() and len(pid_text) < 10 and len(token) == 12):
            continue  # not a name this library makes
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            old = now - entry.stat(follow_symlinks=False).st_mtime > _STALE_AFTER
            if old or not _running(int(pid_text)):
                os.unlink(entry.path)
                removed.append(entry.name)
        except OSError:
            continue
    return removed


def _temporary(folder: str, name: str) -> tuple[int, str]:
    """Create a new, empty temporary file for ``name`` in ``folder``; return it open."""
    for _ in range(_ATTEMPTS):
        candidate = os.path.join(
            folder, f"{_temporary_prefix(name)}{os.getpid()}-{os.urandom(6).hex()}"
        )
        try:
            # Mode 0o666 less the umask, as for any new file; O_EXCL never follows a link.
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(candidate, flags, 0o666), candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name")  # pragma: no cover


def _link_new(temporary: str, target: str) -> None:
    """Give ``temporary`` the name ``target``, which must not exist; never replace a file."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise OutputExistsError(target) from None
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
    else:
        return
    # A file system without hard links: take the name exclusively, then move the data in.
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        raise OutputExistsError(target) from None
    try:
        os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(target)
        raise


def write_output(
    path: PathName,
    data: bytes | str,
    *,
    overwrite: bool = False,
    inputs: Collection[PathName] = (),
) -> None:
    """Write ``data`` (bytes, or text as UTF-8) to ``path`` atomically.

    The data goes to a temporary file in the same folder, which then takes the output's name
    in one step: a reader sees the old file or the new one, never half a file. A new file
    gets the mode any new file gets (0o666 less the umask); a replaced file keeps its mode.

    Args:
        path: The output.
        data: What to write: bytes as they are, text encoded as UTF-8.
        overwrite: Whether an existing file may be replaced. Without it, the output is
            created exclusively: if another writer creates it first, this one is refused
            rather than replacing it.
        inputs: Files never to write over (see :func:`check_output`).

    Raises:
        OutputExistsError: ``path`` is one of ``inputs``, or exists and ``overwrite`` is false.
        FileProblemError: The file cannot be written: the folder does not exist, may not be
            written to, the disk is full... The message names ``path``, never the temporary
            file, which is removed.
    """
    name = os.fspath(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    check_output(name, overwrite=overwrite, inputs=inputs)
    folder = os.path.dirname(name) or os.curdir
    remove_stale_temporaries(folder, os.path.basename(name))
    try:
        descriptor, temporary = _temporary(folder, os.path.basename(name))
    except OSError as error:
        raise file_problem(error, name, writing=True) from None
    moved = False
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            with suppress(OSError):
                os.chmod(temporary, os.stat(name).st_mode & 0o7777)
            os.replace(temporary, name)
            moved = True
        else:
            _link_new(temporary, name)
    except PccPrioritiesError:
        raise
    except OSError as error:
        raise file_problem(error, name, writing=True) from None
    finally:
        if not moved:
            with suppress(OSError):
                os.unlink(temporary)


def atomic_write_bytes(path: PathName, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, replacing any file there.

    The same as :func:`write_output` with ``overwrite=True``.

    Raises:
        FileProblemError: The file cannot be written.
    """
    write_output(path, data, overwrite=True)


def atomic_write_text(path: PathName, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8, atomically, replacing any file there.

    The same as :func:`write_output` with ``overwrite=True``.

    Raises:
        FileProblemError: The file cannot be written.
    """
    write_output(path, text, overwrite=True)


# --------------------------------------------------------------------------- formats


def format_by_extension(
    path: PathName, formats: Mapping[str, Chosen], *, chosen: Chosen | None = None
) -> Chosen:
    """Return the format that ``path``'s extension names in ``formats``.

    Args:
        path: A file name.
        formats: Format by extension (lower case, with the dot: ``{".csv": "csv"}``).
        chosen: A format asked for; it must agree with the extension.

    Raises:
        UnsupportedFormatError: The extension is not in ``formats`` (the message lists those
            that are), or names another format than ``chosen``.
    """
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()
    found = formats.get(suffix)
    if found is None:
        known = ", ".join(formats)
        raise UnsupportedFormatError(
            f"{name}: cannot tell the format from the extension {suffix or '(none)'!r}; "
            f"use one of {known}"
        )
    if chosen is not None and chosen != found:
        wanted = ", ".join(extension for extension, kind in formats.items() if kind == chosen)
        raise UnsupportedFormatError(
            f"{name}: the format {chosen} does not match the extension {suffix!r} "
            f"({found}); end the name in {wanted or 'another extension'}, or choose {found}"
        )
    return found


def package_files(package: str, module_file: str | None) -> Traversable:
    """The folder of ``package``'s data files (``module_file`` is its ``__file__``).

    Where the package is files on disk (an installed wheel, a checkout), the folder itself:
    :mod:`importlib.resources` costs several milliseconds to import (about 3 % of the start-up
    of ``pcc-priorities check``) for what a path gives. Anywhere else (a zip archive) it is
    :func:`importlib.resources.files`, which reads it there.
    """
    if module_file is not None:
        folder = Path(module_file).parent
        if folder.is_dir():
            return folder
    from importlib import resources  # noqa: PLC0415 - only where the package is no folder

    return resources.files(package)
