"""Filling a statement's figures from computed ones, reporting what was added, changed and kept.

:func:`fill_figures` puts figures (from the national open data, or any others with a metric
and a period) into a statement: a figure the statement already has (same metric, same measure,
a period of the same kind and length, the whole force) is refreshed in its place, keeping its
id; any other goes to the end of the figures of the section that lists its metric. Only
figures change: narrative, metrics, titles and everything else stay exactly as they were
(:func:`~pcc_priorities.tables.replace_figures` does the placing).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

import attrs
from attrs import frozen

from pcc_priorities.model.figures import Comparison, Figure
from pcc_priorities.model.statement import Statement
from pcc_priorities.periods.period import PeriodKind, ReportingPeriod
from pcc_priorities.reference.national_frameworks import normalise_name
from pcc_priorities.tables.locations import (
    FigureLocation,
    FigurePart,
    LocatedFigure,
    located_figures,
    replace_figures,
)

__all__ = ["FigureUpdate", "FillReport", "UpdateKind", "fill_figures"]


class UpdateKind(StrEnum):
    """What filling did to a figure."""

    ADDED = "added"
    CHANGED = "changed"
    KEPT = "kept"


@frozen(kw_only=True)
class FigureUpdate:
    """One figure filled in.

    Attributes:
        kind: Added, changed or kept as it was.
        location: Where the figure is in the filled statement.
        figure: The figure as it is now.
        previous: The figure it replaced, for a change or a figure kept.
        differences: What changed, in words ("value: 12 → 14").
    """

    kind: UpdateKind
    location: FigureLocation
    figure: Figure
    previous: Figure | None = None
    differences: tuple[str, ...] = ()

    def describe(self) -> str:
        """One line: what happened to which figure, where."""
        figure = self.figure
        period = figure.period.canonical_label() if figure.period is not None else "no period"
        where = _where(self.location)
        head = f"{self.kind}: {figure.measure}, {period} ({where})"
        return head + (": " + "; ".join(self.differences) if self.differences else "")


@frozen(kw_only=True)
class FillReport:
    """A statement with its figures filled in, and what was done.

    Attributes:
        statement: The statement after filling.
        updates: Every figure added, changed or kept, in the order given.
        not_placed: Figures that have no place in the statement, with the reason.
    """

    statement: Statement
    updates: tuple[FigureUpdate, ...]
    not_placed: tuple[tuple[Figure, str], ...] = ()

    def of_kind(self, kind: UpdateKind) -> tuple[FigureUpdate, ...]:
        """The updates of one kind."""
        return tuple(update for update in self.updates if update.kind is kind)

    def summary(self) -> str:
        """One line of counts: "3 figures added, 5 changed, 4 kept, 0 not placed"."""
        counts = [len(self.of_kind(kind)) for kind in UpdateKind]
        added, changed, kept = counts
        noun = "figure" if added == 1 else "figures"
        return (
            f"{added} {noun} added, {changed} changed, {kept} kept, "
            f"{len(self.not_placed)} not placed"
        )


def _where(location: FigureLocation) -> str:
    if location.part is FigurePart.SECTION:
        inner = "" if not location.blocks else ", subsection " + ".".join(map(str, location.blocks))
        return f"section {location.section}{inner}, figure {location.index}"
    return f"{location.part}, subsection {'.'.join(map(str, location.blocks))}"


def _same_kind(old: ReportingPeriod | None, new: ReportingPeriod | None) -> bool:
    """Whether a figure for ``old`` is the same kind of figure as one for ``new``.

    The same kind of period and, except for a year to date (which grows each quarter), the
    same number of months: a rolling 12 months is not a rolling 3 months.
    """
    if old is None or new is None or old.kind is None:
        return False
    if old.kind is not new.kind:
        return False
    return old.kind is PeriodKind.YEAR_TO_DATE or old.whole_months == new.whole_months


def _matches(existing: Figure, metric: str, figure: Figure) -> bool:
    return (
        existing.metric == metric
        and normalise_name(existing.measure) == normalise_name(figure.measure)
        and existing.area is None
        and existing.unit in (None, figure.unit)
        and _same_kind(existing.period, figure.period)
    )


def _label(period: ReportingPeriod | None) -> str:
    return "none" if period is None else period.canonical_label()


def _differences(old: Figure, new: Figure) -> tuple[str, ...]:
    found = []
    if old.value != new.value:
        found.append(f"value: {old.value} → {new.value}")
    if not _same_days(old.period, new.period):
        found.append(f"period: {_label(old.period)} → {_label(new.period)}")
    if old.source != new.source:
        found.append(f"source: {old.source or 'none'} → {new.source or 'none'}")
    if old.comparisons != new.comparisons:
        found.append("comparisons recomputed")
    if old.wording is not None and new.wording is None:
        found.append("published wording removed (it described the old value)")
    if old.unit != new.unit:
        found.append(f"unit: {old.unit or 'none'} → {new.unit}")
    return tuple(found)


def _refreshed(existing: Figure, new: Figure) -> Figure:
    bases = {comparison.basis for comparison in new.comparisons}
    kept: tuple[Comparison, ...] = tuple(c for c in existing.comparisons if c.basis not in bases)
    period = existing.period if _same_days(existing.period, new.period) else new.period
    same = existing.value == new.value and period is existing.period
    return attrs.evolve(
        new,
        id=existing.id,
        period=period,
        wording=existing.wording if same else None,
        comparisons=(*new.comparisons, *kept),
    )


def _same_days(old: ReportingPeriod | None, new: ReportingPeriod | None) -> bool:
    """Whether two periods cover the same days as the same kind (labels aside)."""
    if old is None or new is None:
        return old is new
    return (old.start, old.end, old.kind) == (new.start, new.end, new.kind)


def _metric_places(statement: Statement) -> dict[str, tuple[int, str]]:
    """Section number and the statement's metric id, by national metric id and by metric id."""
    places: dict[str, tuple[int, str]] = {}
    for number, section in enumerate(statement.sections, start=1):
        for metric in section.metrics:
            places.setdefault(metric.id, (number, metric.id))
            if metric.national_metric is not None:
                places.setdefault(metric.national_metric, (number, metric.id))
    return places


def fill_figures(statement: Statement, figures: Iterable[Figure]) -> FillReport:
    """Return ``statement`` with ``figures`` filled in, and what was added, changed and kept.

    Each figure's ``metric`` names a national metric (or a metric id of the statement); it
    goes to the section that lists that metric, under the statement's own metric id. A
    figure the statement already has (same metric and measure, a period of the same kind and
    length, for the whole force) is replaced in place: it keeps its id, and its published
    wording if its value and period are unchanged (otherwise the wording, which described the
    old value, is removed); comparisons on other bases (a target, the most similar group)
    are kept. Other figures are added after the section's own figures. Nothing but figures
    changes.
    """
    located = list(located_figures(statement))
    places = _metric_places(statement)
    matched: set[int] = set()
    updates: list[FigureUpdate] = []
    not_placed: list[tuple[Figure, str]] = []
    added_at: dict[int, int] = {}
    own_count = {number: len(s.figures) for number, s in enumerate(statement.sections, start=1)}
    for figure in figures:
        place = places.get(figure.metric or "")
        if place is None:
            not_placed.append(
                (figure, f"the statement lists no metric {figure.metric or '(none)'!r}")
            )
            continue
        section, metric = place
        new = attrs.evolve(figure, metric=metric)
        found = next(
            (
                index
                for index, item in enumerate(located)
                if index not in matched and _matches(item.figure, metric, new)
            ),
            None,
        )
        if found is None:
            added_at[section] = added_at.get(section, 0) + 1
            location = FigureLocation(
                part=FigurePart.SECTION,
                section=section,
                blocks=(),
                index=own_count[section] + added_at[section],
            )
            located.append(LocatedFigure(location=location, figure=new))
            matched.add(len(located) - 1)
            updates.append(FigureUpdate(kind=UpdateKind.ADDED, location=location, figure=new))
            continue
        matched.add(found)
        existing = located[found]
        refreshed = _refreshed(existing.figure, new)
        kind = UpdateKind.KEPT if refreshed == existing.figure else UpdateKind.CHANGED
        located[found] = LocatedFigure(location=existing.location, figure=refreshed)
        updates.append(
            FigureUpdate(
                kind=kind,
                location=existing.location,
                figure=refreshed,
                previous=existing.figure,
                differences=_differences(existing.figure, refreshed),
            )
        )
    filled = replace_figures(statement, located) if updates else statement
    return FillReport(statement=filled, updates=tuple(updates), not_placed=tuple(not_placed))
