"""The national frameworks: priorities, national metrics and data sources, as package data.

A new framework is a new file in ``reference/data/frameworks/`` or a call to
:func:`register_framework`; no code changes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeAlias

from attrs import frozen

from pcc_priorities._typecheck import typed_fields
from pcc_priorities.convert.hooks import converter, to_problems
from pcc_priorities.exceptions import ReferenceDataError, UnknownFrameworkError
from pcc_priorities.files import package_files, read_input
from pcc_priorities.model.values import ComparisonBasis
from pcc_priorities.periods.dates import PartialDate

__all__ = [
    "DEFAULT_FRAMEWORK",
    "Citation",
    "DataSource",
    "Framework",
    "NationalMetric",
    "NationalPriority",
    "frameworks",
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


@frozen(kw_only=True, field_transformer=typed_fields)
class Citation:
    """A public source for reference data.

    Attributes:
        title: The source's title.
        url: Where it is published.
    """

    title: str
    url: str | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
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


@frozen(kw_only=True, field_transformer=typed_fields)
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


@frozen(kw_only=True, field_transformer=typed_fields)
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


@frozen(kw_only=True, field_transformer=typed_fields)
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
        usual_comparisons: What statements usually compare its figures with, as comparison
            bases (``"baseline"``, ``"same_period_last_year"``): the comparison columns of a
            figures template. Reference data, not a rule.
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
    usual_comparisons: tuple[str, ...] = ()

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
        return _wordings(self)[1].get(normalise_name(wording))

    def match_data_source(self, wording: str) -> DataSource | None:
        """Return the data source whose title or an alias matches ``wording``."""
        return _wordings(self)[2].get(normalise_name(wording))


_Wordings: TypeAlias = tuple[Framework, dict[str, NationalPriority], dict[str, DataSource]]
#: Each framework's priorities and data sources by their normalised wordings, made on first
#: use (the checker matches titles and sources many times per statement), by the framework's
#: identity: a frozen framework never changes, and hashing one would read all of it.
_WORDINGS: dict[int, _Wordings] = {}


def _wordings(framework: Framework) -> _Wordings:
    found = _WORDINGS.get(id(framework))
    if found is None or found[0] is not framework:
        priorities: dict[str, NationalPriority] = {}
        for priority in framework.priorities:  # the first priority with a wording wins
            for text in priority.wordings:
                priorities.setdefault(normalise_name(text), priority)
        sources: dict[str, DataSource] = {}
        for source in framework.data_sources:
            for text in (source.title, *source.aliases):
                sources.setdefault(normalise_name(text), source)
        if len(_WORDINGS) >= 64:  # frameworks made on the fly: keep the table small
            _WORDINGS.clear()
        found = _WORDINGS[id(framework)] = (framework, priorities, sources)
    return found


def structure_reference_data(data: Any, cls: type[Any], source: str) -> Any:
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
    bases = {basis.value for basis in ComparisonBasis}
    problems.extend(
        f"usual comparison {basis!r} is not a comparison basis (expected one of: "
        + ", ".join(sorted(bases))
        + ")"
        for basis in framework.usual_comparisons
        if basis not in bases
    )
    if problems:
        raise ReferenceDataError(f"{source}: " + "; ".join(problems))
    return framework


def load_framework(path: str | Path) -> Framework:
    """Load a framework from a JSON file in the reference-data format.

    Raises:
        ReferenceDataError: The file is not a valid framework.
        FileProblemError: The file cannot be read; the message says why.
        UnicodeDecodeError: The file is not UTF-8 text.
    """
    text = read_input(path).decode("utf-8")
    return _framework_from_text(text, str(path))


def _framework_from_text(text: str, source: str) -> Framework:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReferenceDataError(f"{source}: not JSON: {error}") from None
    return _check_framework(structure_reference_data(data, Framework, source), source)


#: The framework a new statement reports against unless told otherwise
#: (:func:`pcc_priorities.editions.new_statement`, ``pcc-priorities new``).
DEFAULT_FRAMEWORK = "ncpm-2021"

_extra_frameworks: dict[str, Framework] = {}


@cache
def packaged_frameworks() -> dict[str, Framework]:
    found: dict[str, Framework] = {}
    folder = package_files("pcc_priorities.reference", __file__) / "data" / "frameworks"
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
    known = packaged_frameworks().get(framework.id) or _extra_frameworks.get(framework.id)
    if known is not None and known != framework:
        raise ValueError(f"a different framework with id {framework.id!r} is already known")
    _extra_frameworks[framework.id] = framework


def frameworks() -> tuple[Framework, ...]:
    """Return every known framework: the packaged ones, then any registered."""
    return (*packaged_frameworks().values(), *_extra_frameworks.values())


def get_framework(framework_id: str) -> Framework:
    """Return the framework with ``framework_id`` ("ncpm-2021").

    Raises:
        UnknownFrameworkError: No framework has that id.
    """
    found = packaged_frameworks().get(framework_id) or _extra_frameworks.get(framework_id)
    if found is None:
        known = ", ".join(repr(f.id) for f in frameworks())
        raise UnknownFrameworkError(f"no framework {framework_id!r}; known: {known}")
    return found
