"""National measures as data: which recorded offences make up each national metric, and when.

A framework's metrics say *what* is measured ("Homicides", "Neighbourhood crime"); a set of
crime measures says *which rows* of a long-format table of police recorded crime count
towards each one, for each period of the offence classification. The set for the 2021
National Crime and Policing Measures ships as package data
(``reference/data/measures/ncpm-2021-recorded-crime.json``), every mapping with its source and
whether it is confirmed. Metrics recorded crime cannot measure are listed with the reason.
"""

from __future__ import annotations

import itertools
import json
import os
from datetime import date
from functools import cache

from attrs import frozen

from pcc_priorities._typecheck import typed_fields
from pcc_priorities.exceptions import PeriodError, ReferenceDataError
from pcc_priorities.files import package_files, read_input
from pcc_priorities.periods.calendar import day_label
from pcc_priorities.periods.period import PeriodKind, ReportingPeriod
from pcc_priorities.reference.national_frameworks import (
    Citation,
    get_framework,
    normalise_name,
    structure_reference_data,
)

__all__ = [
    "BaselineDefinition",
    "Classification",
    "CrimeMeasure",
    "CrimeMeasures",
    "MeasurePart",
    "UnmeasuredMetric",
    "crime_measures",
    "load_crime_measures",
]


@frozen(kw_only=True, field_transformer=typed_fields)
class Classification:
    """Which offences count towards a part of a measure while one classification applies.

    A row of a table counts when its offence subgroup is one of ``offence_subgroups`` or its
    offence code one of ``offence_codes`` (compared without regard to case, spacing or
    punctuation).

    Attributes:
        offence_subgroups: The offence subgroups that count ("Residential burglary").
        offence_codes: The offence codes that count ("28E").
        applies_from: The first day the classification applies; None: since the table starts.
        applies_until: The last day it applies; None: still in force.
        source: Where the mapping comes from.
        confirmed: Whether the mapping is confirmed by the publisher.
        note: Anything a reader should know (the codes a subgroup held, what changed).
    """

    offence_subgroups: tuple[str, ...] = ()
    offence_codes: tuple[str, ...] = ()
    applies_from: date | None = None
    applies_until: date | None = None
    source: str | None = None
    confirmed: bool = False
    note: str | None = None

    def covers(self, period: ReportingPeriod) -> bool:
        """Return whether the classification applies on every day ``period`` can span.

        An end of the period that is not known could be any day, so it is covered only
        where the classification has no bound on that side.
        """
        first, last = period.earliest_start, period.latest_end
        starts = self.applies_from is None or (first is not None and self.applies_from <= first)
        ends = self.applies_until is None or (last is not None and last <= self.applies_until)
        return starts and ends

    def touches(self, period: ReportingPeriod) -> bool:
        """Return whether the classification may apply on a day of ``period``.

        An end of the period that is not known could be any day, so it touches every bound.
        """
        first, last = period.earliest_start, period.latest_end
        starts = self.applies_from is None or last is None or self.applies_from <= last
        ends = self.applies_until is None or first is None or first <= self.applies_until
        return starts and ends

    def describe(self) -> str:
        """The offences in words ("subgroup 'Homicide'", "codes 28E, 28F")."""
        words = []
        if self.offence_subgroups:
            noun = "subgroup" if len(self.offence_subgroups) == 1 else "subgroups"
            words.append(f"{noun} " + ", ".join(repr(s) for s in self.offence_subgroups))
        if self.offence_codes:
            noun = "code" if len(self.offence_codes) == 1 else "codes"
            words.append(f"{noun} " + ", ".join(self.offence_codes))
        return " or ".join(words) or "no offences"


@frozen(kw_only=True, field_transformer=typed_fields)
class MeasurePart:
    """One offence a measure adds up ("Residential burglary" in neighbourhood crime).

    Attributes:
        title: The part in words.
        classifications: The offences that count, one entry per period of the classification.
    """

    title: str
    classifications: tuple[Classification, ...]

    def classification_for(self, quarter: ReportingPeriod) -> Classification:
        """Return the classification that applies throughout ``quarter``.

        Raises:
            PeriodError: No classification applies then, or one changes inside the quarter.
        """
        for classification in self.classifications:
            if classification.covers(quarter):
                return classification
        if any(c.touches(quarter) for c in self.classifications):
            raise PeriodError(
                f"{self.title}: the offence classification changes inside "
                f"{quarter.canonical_label()}; figures are made of whole periods of one "
                "classification"
            )
        raise PeriodError(
            f"{self.title}: no offence classification applies in {quarter.canonical_label()}"
        )


@frozen(kw_only=True, field_transformer=typed_fields)
class CrimeMeasure:
    """A measure made of recorded offences, and the framework metric it reports.

    Attributes:
        id: A stable id ("neighbourhood-crime").
        title: The measure in words ("Neighbourhood crime"): the figures' measure.
        parts: The offences it adds up.
        metric: The framework metric the figures report; None for a local measure.
        note: Anything a reader should know.
    """

    id: str
    title: str
    parts: tuple[MeasurePart, ...]
    metric: str | None = None
    note: str | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class UnmeasuredMetric:
    """A framework metric that recorded crime cannot measure, and why.

    Attributes:
        metric: The framework metric's id.
        reason: Why, and where its figures come from instead.
    """

    metric: str
    reason: str


@frozen(kw_only=True, field_transformer=typed_fields)
class BaselineDefinition:
    """The period the national measures compare with.

    Attributes:
        start: Its first day.
        end: Its last day.
        label: How it is written ("year ending June 2019").
        note: Where it comes from.
    """

    start: date
    end: date
    label: str
    note: str | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class CrimeMeasures:
    """A versioned set of crime measures for one framework.

    Attributes:
        id: A stable id ("ncpm-2021-recorded-crime").
        framework: The framework whose metrics the measures report.
        title: Its title.
        version: Its version.
        measures: The measures, in the order figures are given.
        not_measured: The framework's metrics recorded crime cannot measure.
        baseline: The national measures' baseline period.
        sources: Where the mappings come from.
        note: What is confirmed and what is not.
    """

    id: str
    framework: str
    title: str
    version: str
    measures: tuple[CrimeMeasure, ...]
    not_measured: tuple[UnmeasuredMetric, ...] = ()
    baseline: BaselineDefinition | None = None
    sources: tuple[Citation, ...] = ()
    note: str | None = None

    def measure(self, key: str) -> CrimeMeasure:
        """Return the measure with id or title ``key`` (case and punctuation ignored).

        Raises:
            KeyError: No measure has that id or title; the message lists them.
        """
        wanted = normalise_name(key)
        for measure in self.measures:
            if wanted in (normalise_name(measure.id), normalise_name(measure.title)):
                return measure
        known = ", ".join(measure.id for measure in self.measures)
        raise KeyError(f"no crime measure {key!r}; the measures are {known}")

    def baseline_period(self) -> ReportingPeriod | None:
        """The baseline as a reporting period (12 months to June 2019), labelled as written."""
        if self.baseline is None:
            return None
        return ReportingPeriod(
            start=self.baseline.start,
            end=self.baseline.end,
            label=self.baseline.label,
            kind=PeriodKind.ROLLING,
        )


def _check(measures: CrimeMeasures, source: str) -> CrimeMeasures:
    problems: list[str] = []
    seen: set[str] = set()
    metric_ids: set[str] | None = None
    try:
        framework = get_framework(measures.framework)
        metric_ids = {metric.id for metric in framework.metrics}
    except LookupError:
        problems.append(f"unknown framework {measures.framework!r}")
    for measure in measures.measures:
        if measure.id in seen:
            problems.append(f"duplicate measure id {measure.id!r}")
        seen.add(measure.id)
        if (
            metric_ids is not None
            and measure.metric is not None
            and measure.metric not in metric_ids
        ):
            problems.append(f"measure {measure.id!r} names unknown metric {measure.metric!r}")
        if not measure.parts:
            problems.append(f"measure {measure.id!r} has no parts")
        for part in measure.parts:
            for classification in part.classifications:
                if not (classification.offence_subgroups or classification.offence_codes):
                    problems.append(f"{measure.id}: {part.title}: a classification selects nothing")
                start, end = classification.applies_from, classification.applies_until
                if start is not None and end is not None and end < start:
                    problems.append(
                        f"{measure.id}: {part.title}: applies until {day_label(end)}, "
                        f"before it applies from {day_label(start)}"
                    )
            ordered = sorted(part.classifications, key=lambda c: c.applies_from or date.min)
            for earlier, later in itertools.pairwise(ordered):
                if earlier.applies_until is None or (
                    later.applies_from is not None and later.applies_from <= earlier.applies_until
                ):
                    problems.append(f"{measure.id}: {part.title}: classifications overlap")
    for unmeasured in measures.not_measured:
        if metric_ids is not None and unmeasured.metric not in metric_ids:
            problems.append(f"not_measured names unknown metric {unmeasured.metric!r}")
    if problems:
        raise ReferenceDataError(f"{source}: " + "; ".join(problems))
    return measures


def _from_text(text: str, source: str) -> CrimeMeasures:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReferenceDataError(f"{source}: not valid JSON: {error}") from None
    measures: CrimeMeasures = structure_reference_data(data, CrimeMeasures, source)
    return _check(measures, source)


@cache
def _packaged() -> dict[str, CrimeMeasures]:
    folder = package_files("pcc_priorities.reference", __file__) / "data" / "measures"
    found: dict[str, CrimeMeasures] = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".json"):
            measures = _from_text(entry.read_text("utf-8"), entry.name)
            found.setdefault(measures.framework, measures)
    return found


def crime_measures(framework: str = "ncpm-2021") -> CrimeMeasures:
    """Return the crime measures shipped for ``framework``.

    Raises:
        ReferenceDataError: No crime measures ship for that framework.
    """
    found = _packaged().get(framework)
    if found is None:
        raise ReferenceDataError(
            f"no crime measures ship for the framework {framework!r}; "
            f"they ship for {', '.join(_packaged()) or 'none'}"
        )
    return found


def load_crime_measures(path: str | os.PathLike[str]) -> CrimeMeasures:
    """Read a set of crime measures from a JSON file shaped like the shipped ones.

    Raises:
        ReferenceDataError: The file is not a valid set of measures; the message says why.
        FileProblemError: The file cannot be read.
    """
    name = os.fspath(path)
    try:
        text = read_input(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReferenceDataError(f"{name}: not UTF-8 text") from None
    return _from_text(text, name)
