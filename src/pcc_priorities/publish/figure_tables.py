"""Figure tables: a section's figures as a table, one row per comparison."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pcc_priorities.model.figures import Change, Comparison, Figure, Rank
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.values import ComparisonBasis, Unit
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.publish.inlines import adds_to, comma_separated, join_inlines, renderer_words
from pcc_priorities.publish.messages import _, ngettext, number_count
from pcc_priorities.publish.tree import Cell, Inlines, Row, Table, Text
from pcc_priorities.publish.words import (
    BASIS_LABELS,
    DATA_STATUS_LABELS,
    DIRECTION_LABELS,
    QUALIFIER_LABELS,
    RANK_ORDER_LABELS,
    amount_words,
    format_number,
    label_of,
    period_dates,
    unit_words,
)

__all__ = ["FigureTables"]


class FigureTables:
    """Lays out figures, their values, comparisons and changes, as table cells."""

    def __init__(self, statement: Statement, text: Callable[[str], Inlines]) -> None:
        self.statement = statement
        self.text = text

    def period(self, period: ReportingPeriod) -> Inlines:
        """A period as published, with the days it covers."""
        if period.label is None:
            return (Text(period_dates(period)),)
        return join_inlines(self.text(period.label), f" ({period_dates(period)})")

    def figures(self, figures: Sequence[Figure], title: str) -> Table:
        """A table of ``figures``: the columns that carry something, one row per comparison."""
        with_area = any(f.area is not None for f in figures)
        with_source = any(f.source is not None for f in figures)
        with_wording = any(f.wording is not None for f in figures)
        columns = [_("Measure"), _("Value"), _("Unit"), _("Period")]
        if with_area:
            columns.append(_("Area"))
        columns.extend([_("Compared with"), _("Change")])
        if with_source:
            columns.append(_("Source"))
        if with_wording:
            columns.append(_("As published"))
        rows: list[Row] = []
        for figure in figures:
            common: list[Cell] = [
                self.value(figure),
                ((Text(unit_words(figure)),),),
                (self.figure_period(figure),),
            ]
            if with_area:
                common.append(
                    (
                        (
                            join_inlines(self.text(figure.area.name))
                            if figure.area
                            else renderer_words("Force")
                        ),
                    )
                )
            tail: list[Cell] = []
            if with_source:
                tail.append(
                    ((self.text(figure.source) if figure.source else renderer_words("Not stated")),)
                )
            # Each published wording appears once: the figure's on its first row, then a
            # comparison's or a change's only where it says more than the wordings shown.
            shown: list[str] = [figure.wording] if figure.wording is not None else []
            comparisons: Sequence[Comparison | None] = figure.comparisons or (None,)
            for position, comparison in enumerate(comparisons):
                compared: list[Cell] = [
                    self.comparison(comparison, figure, shown),
                    self.change(comparison.change if comparison else None, figure.unit, shown),
                ]
                wording: list[Cell] = []
                if with_wording:
                    published = figure.wording if position == 0 else None
                    wording.append(((self.text(published) if published is not None else ()),))
                rows.append(Row(self.text(figure.measure), (*common, *compared, *tail, *wording)))
        return Table(
            caption=join_inlines(_("Figures:"), " ", self.text(title)),
            columns=tuple(columns),
            rows=tuple(rows),
            kind="figures",
        )

    def value(self, figure: Figure) -> Cell:
        """A figure's value with its qualifier, range and rank, or why it is not available."""
        lines: list[Inlines] = []
        if figure.value is not None:
            words = amount_words(figure.value, figure.unit)
            if figure.upper_value is not None:
                words = _("{low} to {high}").format(
                    low=words, high=amount_words(figure.upper_value, figure.unit)
                )
            if figure.qualifier is not None:
                words = f"{label_of(QUALIFIER_LABELS, figure.qualifier)} {words}"
            lines.append(join_inlines(words, self.rank(figure.rank)))
        elif figure.rank is not None:
            lines.append(join_inlines(_("Rank:"), self.rank(figure.rank)))
        elif figure.availability is None:
            lines.append(renderer_words("Not stated"))
        availability = figure.availability
        if availability is not None:
            note: Inlines = (Text(label_of(DATA_STATUS_LABELS, availability.status)),)
            if availability.reason is not None:
                note = join_inlines(note, ": ", self.text(availability.reason))
            if availability.proxy_metric is not None:
                note = join_inlines(
                    note,
                    " (",
                    _("proxy metric:"),
                    " ",
                    self.metric_name(availability.proxy_metric),
                    ")",
                )
            lines.append(note)
        return tuple(lines)

    def rank(self, rank: Rank | None) -> Inlines:
        """A ranking's order, size and group, after a value."""
        if rank is None:
            return ()
        words = f" {label_of(RANK_ORDER_LABELS, rank.order)}"
        if rank.out_of is not None:
            words += " " + _("of {count}").format(count=f"{rank.out_of:,}")
        if rank.group is None:
            return (Text(words),)
        return join_inlines(words, " (", self.text(rank.group), ")")

    def metric_name(self, metric_id: str) -> Inlines:
        """The published name of the statement's metric ``metric_id``."""
        for section in self.statement.sections:
            for metric in section.metrics:
                if metric.id == metric_id:
                    return self.text(metric.name)
        return (Text(metric_id),)

    def figure_period(self, figure: Figure) -> Inlines:
        """The figure's period, or the one the statement states once for all figures."""
        if figure.period is not None:
            return self.period(figure.period)
        defaults = self.statement.defaults
        if defaults is not None and defaults.period is not None:
            return join_inlines(self.period(defaults.period), " ", _("(stated for all figures)"))
        return renderer_words("Not stated")

    def comparison(self, comparison: Comparison | None, figure: Figure, shown: list[str]) -> Cell:
        """What a figure is compared with, and its wording where it says more than ``shown``."""
        if comparison is None:
            return (renderer_words("No comparison"),)
        unit = figure.unit
        words: Inlines = (Text(label_of(BASIS_LABELS, comparison.basis)),)
        details: list[Inlines] = []
        defaults = self.statement.defaults
        baseline = (
            defaults.baseline
            if comparison.period is None
            and comparison.basis is ComparisonBasis.BASELINE
            and defaults is not None
            else None
        )
        if comparison.period is not None:
            period = comparison.period
            details.append(
                self.text(period.label)
                if period.label is not None
                else (Text(period_dates(period)),)
            )
        elif baseline is not None:
            label = (
                self.text(baseline.label)
                if baseline.label is not None
                else (Text(period_dates(baseline)),)
            )
            details.append(join_inlines(label, ", ", _("stated for all comparisons")))
        if comparison.area is not None:
            details.append(self.text(comparison.area.name))
        if details:
            words = join_inlines(words, " (", comma_separated(details), ")")
        if comparison.value is not None:
            words = join_inlines(words, f": {amount_words(comparison.value, unit)}")
        lines: list[Inlines] = [words]
        if comparison.wording is not None and adds_to(comparison.wording, shown):
            lines.append(join_inlines(_("As published:"), " ", self.text(comparison.wording)))
            shown.append(comparison.wording)
        return tuple(lines)

    def change(self, change: Change | None, unit: Unit | None, shown: list[str]) -> Cell:
        """The change stated, in words, and its wording where it says more than ``shown``."""
        if change is None:
            return (renderer_words("Not stated"),)
        parts: list[str] = []
        if change.count is not None:
            parts.append(
                amount_words(change.count, unit if unit is not Unit.RANK else None, signed=True)
            )
        if change.percent is not None:
            parts.append(f"{format_number(change.percent, signed=True)}%")
        if change.percentage_points is not None:
            points = change.percentage_points
            parts.append(
                ngettext(
                    "{number} percentage point",
                    "{number} percentage points",
                    number_count(points),
                ).format(number=format_number(points, signed=True))
            )
        words = label_of(DIRECTION_LABELS, change.direction) if change.direction is not None else ""
        if parts:
            figures = parts[0] + (f" ({', '.join(parts[1:])})" if parts[1:] else "")
            words = f"{words}: {figures}" if words else figures
        lines: list[Inlines] = [(Text(words),)] if words else []
        if change.wording is not None and adds_to(change.wording, shown):
            lines.append(join_inlines(_("As published:"), " ", self.text(change.wording)))
            shown.append(change.wording)
        return tuple(lines) or (renderer_words("Not stated"),)
