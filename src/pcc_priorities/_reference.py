"""Reference data: the national frameworks and the register of forces and policing bodies.

Both ship as JSON package data (``pcc_priorities/data``) and load on first use. A new
framework is a new file in ``data/frameworks/`` or a call to :func:`register_framework`; no
code changes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from attrs import frozen

from pcc_priorities._converter import converter, to_problems
from pcc_priorities._model import PartialDate, PoliceForce, PolicingBody
from pcc_priorities.exceptions import (
    ReferenceDataError,
    UnknownForceError,
    UnknownFrameworkError,
)

__all__ = [
    "BodyKind",
    "BodyTerm",
    "Citation",
    "DataSource",
    "Framework",
    "NationalMetric",
    "NationalPriority",
    "RegisteredForce",
    "body_kinds",
    "forces",
    "frameworks",
    "get_body_kind",
    "get_force",
    "get_framework",
    "load_framework",
    "normalise_name",
    "register_framework",
]


@lru_cache(maxsize=8192)
def normalise_name(text: str) -> str:
    """Return ``text`` folded for matching names: case, accents, '&', punctuation, spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


# --------------------------------------------------------------------------- frameworks


@frozen(kw_only=True)
class Citation:
    """A public source for reference data.

    Attributes:
        title: The source's title.
        url: Where it is published.
    """

    title: str
    url: str | None = None


@frozen(kw_only=True)
class NationalPriority:
    """One national priority of a framework.

    Attributes:
        id: A stable id ("homicide").
        title: The official wording ("Reduce murder and other homicide").
        aliases: Other wordings statements use for it.
    """

    id: str
    title: str
    aliases: tuple[str, ...] = ()

    @property
    def wordings(self) -> tuple[str, ...]:
        """The official title followed by every alias."""
        return (self.title, *self.aliases)


@frozen(kw_only=True)
class DataSource:
    """A source of data for national metrics.

    Attributes:
        id: A stable id ("police-recorded-crime").
        title: Its name ("Police recorded crime").
        aliases: Other names statements use for it ("Police recorded data").
        url: Where it is described.
    """

    id: str
    title: str
    aliases: tuple[str, ...] = ()
    url: str | None = None


@frozen(kw_only=True)
class NationalMetric:
    """A national metric of a priority, with its data sources.

    Attributes:
        id: A stable id ("homicides").
        priority: The id of the priority it measures.
        title: Its name.
        data_sources: Ids of its data sources.
        confirmed: False where no public source confirms the metric (kept as data).
        note: Anything a reader should know.
    """

    id: str
    priority: str
    title: str
    data_sources: tuple[str, ...] = ()
    confirmed: bool = True
    note: str | None = None


@frozen(kw_only=True)
class Framework:
    """A set of national priorities as communicated by the Secretary of State.

    Attributes:
        id: A stable id, which statements cite ("ncpm-2021").
        title: Its name ("National Crime and Policing Measures").
        version: Its version as published ("2021").
        communicated: When it was communicated to elected local policing bodies.
        description: A sentence on what it is.
        sources: Where it is published.
        priorities: Its priorities, in official order.
        metrics: Its national metrics.
        data_sources: The data sources its metrics use.
    """

    id: str
    title: str
    version: str
    communicated: PartialDate | None = None
    description: str | None = None
    sources: tuple[Citation, ...] = ()
    priorities: tuple[NationalPriority, ...] = ()
    metrics: tuple[NationalMetric, ...] = ()
    data_sources: tuple[DataSource, ...] = ()

    def priority(self, priority_id: str) -> NationalPriority:
        """Return the priority with ``priority_id``.

        Raises:
            KeyError: The framework has no such priority.
        """
        for priority in self.priorities:
            if priority.id == priority_id:
                return priority
        raise KeyError(priority_id)

    def metric(self, metric_id: str) -> NationalMetric:
        """Return the national metric with ``metric_id``.

        Raises:
            KeyError: The framework has no such metric.
        """
        for metric in self.metrics:
            if metric.id == metric_id:
                return metric
        raise KeyError(metric_id)

    def data_source(self, source_id: str) -> DataSource:
        """Return the data source with ``source_id``.

        Raises:
            KeyError: The framework has no such data source.
        """
        for source in self.data_sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def metrics_for(self, priority_id: str) -> tuple[NationalMetric, ...]:
        """Return the national metrics of one priority, in framework order."""
        return tuple(metric for metric in self.metrics if metric.priority == priority_id)

    def match_priority(self, wording: str) -> NationalPriority | None:
        """Return the priority whose official title or an alias matches ``wording``.

        Matching ignores case, punctuation, '&' versus 'and' and spacing; it does not guess.
        """
        wanted = normalise_name(wording)
        for priority in self.priorities:
            if any(normalise_name(text) == wanted for text in priority.wordings):
                return priority
        return None

    def match_data_source(self, wording: str) -> DataSource | None:
        """Return the data source whose title or an alias matches ``wording``."""
        wanted = normalise_name(wording)
        for source in self.data_sources:
            if any(normalise_name(text) == wanted for text in (source.title, *source.aliases)):
                return source
        return None


def _structure(data: Any, cls: type[Any], source: str) -> Any:
    try:
        return converter(detailed=False).structure(data, cls)
    except Exception:
        pass
    try:
        return converter(detailed=True).structure(data, cls)
    except Exception as error:
        problems = "; ".join(str(p) for p in to_problems(error))
        raise ReferenceDataError(f"{source}: {problems}") from None


def _check_framework(framework: Framework, source: str) -> Framework:
    problems: list[str] = []
    for kind, items in (
        ("priority", framework.priorities),
        ("metric", framework.metrics),
        ("data source", framework.data_sources),
    ):
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                problems.append(f"duplicate {kind} id {item.id!r}")
            seen.add(item.id)
    priority_ids = {p.id for p in framework.priorities}
    source_ids = {s.id for s in framework.data_sources}
    for metric in framework.metrics:
        if metric.priority not in priority_ids:
            problems.append(f"metric {metric.id!r} names unknown priority {metric.priority!r}")
        problems.extend(
            f"metric {metric.id!r} names unknown data source {s!r}"
            for s in metric.data_sources
            if s not in source_ids
        )
    if problems:
        raise ReferenceDataError(f"{source}: " + "; ".join(problems))
    return framework


def load_framework(path: str | Path) -> Framework:
    """Load a framework from a JSON file in the reference-data format.

    Raises:
        ReferenceDataError: The file is not a valid framework.
    """
    text = Path(path).read_text(encoding="utf-8")
    return _framework_from_text(text, str(path))


def _framework_from_text(text: str, source: str) -> Framework:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReferenceDataError(f"{source}: not JSON: {error}") from None
    return _check_framework(_structure(data, Framework, source), source)


_extra_frameworks: dict[str, Framework] = {}


@cache
def _packaged_frameworks() -> dict[str, Framework]:
    found: dict[str, Framework] = {}
    folder = resources.files("pcc_priorities") / "data" / "frameworks"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            framework = _framework_from_text(entry.read_text(encoding="utf-8"), entry.name)
            found[framework.id] = framework
    return found


def register_framework(framework: Framework) -> None:
    """Make ``framework`` known to this process, beside the packaged ones.

    Raises:
        ValueError: A different framework with the same id is already known.
    """
    _check_framework(framework, framework.id)
    known = _packaged_frameworks().get(framework.id) or _extra_frameworks.get(framework.id)
    if known is not None and known != framework:
        raise ValueError(f"a different framework with id {framework.id!r} is already known")
    _extra_frameworks[framework.id] = framework


def frameworks() -> tuple[Framework, ...]:
    """Return every known framework: the packaged ones, then any registered."""
    return (*_packaged_frameworks().values(), *_extra_frameworks.values())


def get_framework(framework_id: str) -> Framework:
    """Return the framework with ``framework_id`` ("ncpm-2021").

    Raises:
        UnknownFrameworkError: No framework has that id.
    """
    found = _packaged_frameworks().get(framework_id) or _extra_frameworks.get(framework_id)
    if found is None:
        known = ", ".join(repr(f.id) for f in frameworks())
        raise UnknownFrameworkError(f"no framework {framework_id!r}; known: {known}")
    return found


# --------------------------------------------------------------------------- forces and bodies


@frozen(kw_only=True)
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


@frozen(kw_only=True)
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


@frozen(kw_only=True)
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


@frozen(kw_only=True)
class _Register:
    body_kinds: tuple[BodyKind, ...]
    forces: tuple[RegisteredForce, ...]
    sources: tuple[Citation, ...] = ()
    note: str | None = None


@cache
def _register() -> tuple[_Register, dict[str, RegisteredForce]]:
    text = (resources.files("pcc_priorities") / "data" / "forces.json").read_text("utf-8")
    register: _Register = _structure(json.loads(text), _Register, "forces.json")
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
