"""Versions of the statement format, and the chain of upgrades from old versions to the current.

Every document names its ``schema_version``. An upgrade is a pure function from the plain JSON
data of one version to the data of the next; the loader applies the chain of upgrades from the
document's version to :data:`~pcc_priorities.formats.SCHEMA_VERSION` before it reads the
document, and
says so in a :class:`LoadResult` (and, for the plain ``load`` functions, in a
:class:`~pcc_priorities.exceptions.DocumentUpgradedWarning`).

The policy (docs/versions.md): a change that every old document survives unchanged (a new
optional key, a new enumeration value, a new block type) bumps the minor version; a change
that some old document does not survive (a key renamed or removed, a meaning or type changed)
bumps the major version. Either way the library registers an upgrade from the version before,
so the chain reaches back to "1.0".

Upgrade functions are written as ``upgrade_1_0_to_1_1(data) -> data`` and registered with
:func:`register_upgrade`. They receive a deep copy, so they can change it in place, and they
never raise on data they do not recognise: they change what they know and leave the rest for
the loader to report with its path.

"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal

from attrs import frozen

from pcc_priorities.exceptions import DocumentError, Problem
from pcc_priorities.model.statement import Statement

__all__ = [
    "CURRENT_VERSION",
    "LoadResult",
    "Upgrade",
    "UpgradeResult",
    "register_upgrade",
    "upgrade_document",
    "upgrade_path",
    "upgrades",
]


#: The version of the statement format this library reads and writes.
CURRENT_VERSION = "1.0"

#: MAJOR.MINOR, each part at most nine digits (so a version of 5,000 digits is refused as
#: text, before Python is asked to read it as a number).
_VERSION = re.compile(r"(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})", re.ASCII)

UpgradeFunction = Callable[[dict[str, Any]], dict[str, Any]]


@frozen(kw_only=True)
class Upgrade:
    """One step of the chain: from one version of the format to the next.

    Attributes:
        source: The version it reads ("1.0").
        target: The version it writes ("1.1").
        summary: What changed, in a sentence for people ("renamed 'x' to 'y'").
        function: The pure function from the data of ``source`` to the data of ``target``.
    """

    source: str
    target: str
    summary: str
    function: UpgradeFunction

    def __str__(self) -> str:
        return f"{self.source} -> {self.target}: {self.summary}"


@frozen(kw_only=True)
class UpgradeResult:
    """A document's data brought to the current version of the format.

    Attributes:
        data: The upgraded data (a new object; the input is never changed).
        schema_version: The version the document was written in.
        upgrades: The upgrades applied, oldest first; empty when it was already current.
    """

    data: dict[str, Any]
    schema_version: str
    upgrades: tuple[Upgrade, ...] = ()


@frozen(kw_only=True)
class LoadResult:
    """A statement as loaded, and what was done to read it.

    Attributes:
        statement: The statement.
        schema_version: The ``schema_version`` the document was written in.
        upgrades: The upgrades applied before reading it, oldest first; empty when the
            document was written in the current version.
        format: The format it was read from: "json" or "yaml".
        source: The file or other source it came from, where known.
    """

    statement: Statement
    schema_version: str
    upgrades: tuple[Upgrade, ...] = ()
    format: Literal["json", "yaml"] = "json"
    source: str | None = None

    @property
    def upgraded(self) -> bool:
        """Whether the document was written in an earlier version and upgraded on load."""
        return bool(self.upgrades)

    def note(self) -> str | None:
        """Return a sentence saying how the document was upgraded, or None if it was not."""
        if not self.upgrades:
            return None
        head = f"{self.source}: " if self.source else ""
        steps = "; ".join(str(step) for step in self.upgrades)
        return (
            f"{head}upgraded from schema_version {self.schema_version!r} to "
            f"{self.upgrades[-1].target!r} on load ({steps}); save it with "
            "`pcc-priorities upgrade` to keep the upgraded document"
        )


_UPGRADES: dict[str, Upgrade] = {}


def _parse_version(text: str) -> tuple[int, int] | None:
    match = _VERSION.fullmatch(text)
    return None if match is None else (int(match.group(1)), int(match.group(2)))


def register_upgrade(
    source: str, target: str, summary: str
) -> Callable[[UpgradeFunction], UpgradeFunction]:
    """Register the decorated function as the upgrade from ``source`` to ``target``.

    Each version has at most one upgrade out of it, to a later version.

    Raises:
        ValueError: A version is not written "MAJOR.MINOR", ``target`` is not later than
            ``source``, or ``source`` already has an upgrade.
    """
    parsed_source, parsed_target = _parse_version(source), _parse_version(target)
    if parsed_source is None or parsed_target is None:
        raise ValueError(f"versions are written MAJOR.MINOR ('1.0'), got {source!r}, {target!r}")
    if parsed_target <= parsed_source:
        raise ValueError(f"an upgrade goes to a later version, not {source!r} -> {target!r}")
    if source in _UPGRADES:
        raise ValueError(f"schema_version {source!r} already has an upgrade: {_UPGRADES[source]}")

    def register(function: UpgradeFunction) -> UpgradeFunction:
        _UPGRADES[source] = Upgrade(
            source=source, target=target, summary=summary, function=function
        )
        return function

    return register


def upgrades() -> tuple[Upgrade, ...]:
    """Return every registered upgrade, oldest source version first."""
    return tuple(sorted(_UPGRADES.values(), key=lambda step: _parse_version(step.source) or (0, 0)))


def _shown(value: object) -> str:
    """``value`` as a message shows it: its repr, cut to 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:60]}... ({len(text):,} characters)"


def _version_problem(message: str) -> DocumentError:
    return DocumentError([Problem(path="/schema_version", message=message)])


def upgrade_path(version: str) -> tuple[Upgrade, ...]:
    """Return the upgrades that bring a document from ``version`` to the current version.

    Raises:
        DocumentError: ``version`` is not a version this library can read or upgrade from.
    """
    if version == CURRENT_VERSION:
        return ()
    parsed = _parse_version(version)
    current = _parse_version(CURRENT_VERSION)
    assert current is not None
    if parsed is None:
        raise _version_problem(
            f"this library reads schema_version {CURRENT_VERSION!r}; expected a version "
            f"written MAJOR.MINOR, got {_shown(version)}"
        )
    if parsed > current:
        raise _version_problem(
            f"this library reads schema_version {CURRENT_VERSION!r} and earlier; {version!r} "
            "is newer: install a newer pcc-priorities to read it"
        )
    steps: list[Upgrade] = []
    at = version
    while at != CURRENT_VERSION:
        step = _UPGRADES.get(at)
        if step is None:
            readable = ", ".join(repr(s.source) for s in upgrades()) or "none"
            raise _version_problem(
                f"this library reads schema_version {CURRENT_VERSION!r} and upgrades from: "
                f"{readable}; there is no upgrade from schema_version {at!r}"
            )
        steps.append(step)
        at = step.target
    return tuple(steps)


def upgrade_document(data: Mapping[str, Any]) -> UpgradeResult:
    """Return ``data`` brought to the current version of the format.

    ``data`` is a parsed statement document (JSON or YAML). It is not changed: each upgrade
    works on a copy. The result's ``schema_version`` is the version ``data`` was written in.

    Raises:
        DocumentError: ``schema_version`` is missing, malformed, newer than this library, or
            has no chain of upgrades to the current version; or an upgrade failed.
    """
    version = data.get("schema_version")
    if version is None:
        raise _version_problem(f"this required key is missing (use {CURRENT_VERSION!r})")
    if not isinstance(version, str):
        raise _version_problem(
            f"this library reads schema_version {CURRENT_VERSION!r}, written as text; "
            f"got {_shown(version)}"
        )
    steps = upgrade_path(version)
    current: dict[str, Any] = copy.deepcopy(dict(data))
    for step in steps:
        try:
            current = step.function(copy.deepcopy(current))
        except Exception as error:
            raise _version_problem(f"the upgrade {step} failed: {error}") from error
        rest = {key: value for key, value in current.items() if key != "schema_version"}
        current = {"schema_version": step.target, **rest}
    return UpgradeResult(data=current, schema_version=version, upgrades=steps)


# --------------------------------------------------------------------------- the upgrades
#
# None yet: "1.0" is the first version of the format. The first change to the format adds
# here, for example:
#
#     @register_upgrade("1.0", "1.1", "added the optional 'suppressions' list")
#     def upgrade_1_0_to_1_1(data: dict[str, Any]) -> dict[str, Any]:
#         return data
#
# with CURRENT_VERSION set to "1.1", a fixture tests/fixtures/statement-1.0.json kept as
# published, and a test that it upgrades and loads.
