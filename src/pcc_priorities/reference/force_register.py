"""The register of the 43 territorial forces and their policing bodies over time."""

from __future__ import annotations

import json
from datetime import date
from functools import cache

from attrs import frozen

from pcc_priorities._typecheck import typed_fields
from pcc_priorities.exceptions import ReferenceDataError, UnknownForceError
from pcc_priorities.files import package_files
from pcc_priorities.model.statement import PoliceForce, PolicingBody
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.reference.national_frameworks import (
    Citation,
    normalise_name,
    structure_reference_data,
)

__all__ = [
    "BodyKind",
    "BodyTerm",
    "RegisteredForce",
    "body_kinds",
    "forces",
    "get_body_kind",
    "get_force",
]


# --------------------------------------------------------------------------- forces and bodies


@frozen(kw_only=True, field_transformer=typed_fields)
class BodyKind:
    """A kind of local policing body ("pcc", "pfcc", "mayor", "mopac", "common-council").

    Attributes:
        id: A stable id.
        title: Its name ("Police and crime commissioner").
        elected: Whether it is an elected local policing body, to which para 7A applies.
        note: Anything a reader should know (what is unconfirmed).
    """

    id: str
    title: str
    elected: bool
    note: str | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class BodyTerm:
    """Which body held the policing functions for an area, and when.

    Attributes:
        kind: The body kind's id.
        title: The body's name ("Police and Crime Commissioner for West Mercia").
        start: When it took the functions, where known (None: since before the register).
        end: When it gave them up (None: still holds them).
    """

    kind: str
    title: str
    start: PartialDate | None = None
    end: PartialDate | None = None

    def covers(self, day: date) -> bool:
        """Return whether the term includes ``day`` (partial dates count generously)."""
        if self.start is not None and day < self.start.earliest:
            return False
        return self.end is None or day <= self.end.latest


@frozen(kw_only=True, field_transformer=typed_fields)
class RegisteredForce:
    """A territorial police force area in the register.

    Attributes:
        code: The ONS police force area code ("E23000016").
        area: The police area's name ("West Mercia").
        force_name: The force's name ("West Mercia Police").
        country: "England" or "Wales".
        aliases: Other names the area or force goes by ("Devon & Cornwall").
        bodies: The bodies that held policing functions, oldest first.
        note: Anything a reader should know.
    """

    code: str
    area: str
    force_name: str
    country: str
    aliases: tuple[str, ...] = ()
    bodies: tuple[BodyTerm, ...] = ()
    note: str | None = None

    def body(self, on: date | None = None) -> BodyTerm:
        """Return the body that held policing functions on ``on`` (default: the current one).

        Raises:
            LookupError: The register has no body for that date.
        """
        if on is None:
            return self.bodies[-1]
        for term in reversed(self.bodies):
            if term.covers(on):
                return term
        raise LookupError(f"the register has no policing body for {self.area} on {on}")

    def police_force(self) -> PoliceForce:
        """Return the force as a statement names it."""
        return PoliceForce(code=self.code, name=self.force_name)

    def policing_body(self, on: date | None = None) -> PolicingBody:
        """Return the policing body on ``on`` (default: today's holder) as a statement names it."""
        term = self.body(on)
        return PolicingBody(kind=term.kind, name=term.title)


@frozen(kw_only=True, field_transformer=typed_fields)
class _Register:
    body_kinds: tuple[BodyKind, ...]
    forces: tuple[RegisteredForce, ...]
    sources: tuple[Citation, ...] = ()
    note: str | None = None


@cache
def _register() -> tuple[_Register, dict[str, RegisteredForce]]:
    text = (package_files("pcc_priorities.reference", __file__) / "data" / "forces.json").read_text(
        "utf-8"
    )
    register: _Register = structure_reference_data(json.loads(text), _Register, "forces.json")
    kinds = {kind.id for kind in register.body_kinds}
    index: dict[str, RegisteredForce] = {}
    for force in register.forces:
        for term in force.bodies:
            if term.kind not in kinds:
                raise ReferenceDataError(
                    f"forces.json: {force.code}: unknown body kind {term.kind!r}"
                )
        for key in (force.code, force.area, force.force_name, *force.aliases):
            folded = normalise_name(key)
            if index.setdefault(folded, force) is not force:
                raise ReferenceDataError(f"forces.json: name {key!r} is used by two forces")
    return register, index


def forces() -> tuple[RegisteredForce, ...]:
    """Return the 43 territorial forces of England and Wales, in ONS code order."""
    return _register()[0].forces


def body_kinds() -> tuple[BodyKind, ...]:
    """Return the kinds of local policing body the register knows."""
    return _register()[0].body_kinds


def get_body_kind(kind_id: str) -> BodyKind:
    """Return the body kind with ``kind_id``.

    Raises:
        KeyError: No such body kind.
    """
    for kind in body_kinds():
        if kind.id == kind_id:
            return kind
    raise KeyError(kind_id)


def get_force(key: str) -> RegisteredForce:
    """Return the force with ONS code, area name, force name or common alternative name ``key``.

    Matching ignores case, punctuation and '&' versus 'and' ("Devon & Cornwall",
    "devon and cornwall police", "E23000035" all find the same force).

    Raises:
        UnknownForceError: No force matches.
    """
    found = _register()[1].get(normalise_name(key))
    if found is None:
        raise UnknownForceError(f"no force in the register matches {key!r}")
    return found
