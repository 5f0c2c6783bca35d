"""Figure tables: a section's figures as a table, one row per comparison."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from pcc_priorities.model.figures import Change, Comparison, Figure, Rank
from pcc_priorities.model.narrative import Block, BulletList, Paragraph, Quotation
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.values import ComparisonBasis, Unit
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.publish.inlines import (
    Joined,
    adds_to,
    comma_separated,
    join_inlines,
    renderer_words,
)
from pcc_priorities.publish.messages import N_, _, ngettext, number_count
from pcc_priorities.publish.tree import Cell, Inlines, Row, Table, Text, text_piece
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

__all__ = ["FigureTables", "narrative_texts"]

#: The figure table's columns after the measure, in order; each is shown where it carries
#: something for at least one row (the value, where no column would).
_FIGURE_COLUMNS = (
    N_("Value"),
    N_("Unit"),
    N_("Period"),
    N_("Area"),
    N_("Compared with"),
    N_("Change"),
    N_("Source"),
)
#: Where a figure's own published wording goes: the first of these the table has.
_WORDING_HOMES = ("Value", "Change", "Compared with", "Period", "Unit", "Area", "Source")
#: A cell left empty on purpose (a row without a comparison has no change).
_BLANK: Cell = ((),)


def _empty(column: str) -> Cell:
    """What a row shows in a column that other rows fill, in the page's language."""
    if column == "Area":
        return (renderer_words("Force"),)
    if column == "Compared with":
        return (renderer_words("No comparison"),)
    return (renderer_words("Not stated"),)


def narrative_texts(blocks: Iterable[Block]) -> list[str]:
    """The texts of paragraphs, list items and quotations in ``blocks``, subsections' too."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, (Paragraph, Quotation)):
            texts.append(block.text)
        elif isinstance(block, BulletList):
            texts.extend(block.items)
        else:
            texts.extend(narrative_texts(block.blocks))
    return texts


class FigureTables:
    """Lays out figures, their values, comparisons and changes, as table cells."""

    def __init__(self, statement: Statement, text: Callable[[str], Inlines]) -> None:
        self.statement = statement
        self.text = text
        self.periods: dict[int, tuple[ReportingPeriod, Inlines, Cell]] = {}
        #: A unit's cell, by its words: figures share a few units.
        self.units: dict[str, Cell] = {}

    def period(self, period: ReportingPeriod) -> Inlines:
        """A period as published, with the days it covers."""
        return self._period(period)[1]

    def _period(self, period: ReportingPeriod) -> tuple[ReportingPeriod, Inlines, Cell]:
        # Figures share periods (the statement's own, or one object for several figures):
        # each is written once per page, with the cell that holds it. The period is kept
        # with its words, so that its id is not reused while the table is laid out.
        kept = self.periods.get(id(period))
        if kept is not None and kept[0] is period:
            return kept
        if period.label is None:
            words: Inlines = (Text(period_dates(period)),)
        else:
            words = join_inlines(self.text(period.label), f" ({period_dates(period)})")
        kept = self.periods[id(period)] = (period, words, (words,))
        return kept

    def unit(self, figure: Figure) -> Cell | None:
        """The figure's unit (and what a rate is per), or None where it states neither."""
        if figure.unit is None and figure.rate_base is None:
            return None
        words = unit_words(figure)
        cell = self.units.get(words)
        if cell is None:
            cell = self.units[words] = ((text_piece(words),),)
        return cell

    def figures(
        self, figures: Sequence[Figure], title: str, narrative: Sequence[str] = ()
    ) -> Table:
        """A table of ``figures``: the columns that carry something, one row per comparison.

        A column is left out where no row has anything for it (no column of "Not stated").
        Each published wording appears once on the page: a figure's, a comparison's or a
        change's is shown only where it says more than the section's ``narrative`` (the
        texts published around the table) and the wordings already shown.
        """
        # Each row's cells are a list in the order of _FIGURE_COLUMNS (a list, not a dict
        # per row: tables are most of a page's work).
        rows: list[tuple[Inlines, list[Cell | None], Inlines | None]] = []
        around = Joined(narrative)
        text = self.text
        for figure in figures:
            shown: list[str] = [around]
            wording: Inlines | None = None
            if figure.wording is not None and adds_to(figure.wording, shown):
                wording = join_inlines(_("As published:"), " ", text(figure.wording))
                shown.append(figure.wording)
            value = self.value(figure) or None
            unit = self.unit(figure)
            period = self.figure_period(figure)
            area: Cell | None = (text(figure.area.name),) if figure.area is not None else None
            source: Cell | None = (text(figure.source),) if figure.source is not None else None
            measure = text(figure.measure)
            if not figure.comparisons:
                # No comparison, so no change to state.
                rows.append((measure, [value, unit, period, area, None, _BLANK, source], wording))
                continue
            for comparison in figure.comparisons:
                compared = self.comparison(comparison, figure, shown)
                change = comparison.change
                changed = None if change is None else self.change(change, figure.unit, shown)
                # The figure's wording on its first row only.
                rows.append(
                    (measure, [value, unit, period, area, compared, changed, source], wording)
                )
                wording = None
        # Which columns: from what the figures hold, never from how their words compare.
        chosen = [
            index
            for index in range(len(_FIGURE_COLUMNS))
            if any(cells[index] is not None and cells[index] != _BLANK for _, cells, _w in rows)
        ] or [0]
        # A figure's own wording goes with its value, or the first column there is.
        home = next(
            _FIGURE_COLUMNS.index(column)
            for column in _WORDING_HOMES
            if _FIGURE_COLUMNS.index(column) in chosen
        )
        empty = {index: _empty(_FIGURE_COLUMNS[index]) for index in chosen}
        laid: list[Row] = []
        for header, cells, wording in rows:
            if wording is not None:
                held = cells[home]
                cells[home] = (wording,) if held is None or held == _BLANK else (*held, wording)
            laid.append(Row(header, tuple([cells[index] or empty[index] for index in chosen])))
        return Table(
            caption=join_inlines(_("Figures:"), " ", text(title)),
            columns=(_("Measure"), *(_(_FIGURE_COLUMNS[index]) for index in chosen)),
            rows=tuple(laid),
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
            if figure.rank is None:
                lines.append((text_piece(words),))
            else:
                lines.append(join_inlines(words, self.rank(figure.rank)))
        elif figure.rank is not None:
            lines.append(join_inlines(_("Rank:"), self.rank(figure.rank)))
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

    def figure_period(self, figure: Figure) -> Cell | None:
        """The figure's period, or the one the statement states once for all figures."""
        if figure.period is not None:
            return self._period(figure.period)[2]
        defaults = self.statement.defaults
        if defaults is not None and defaults.period is not None:
            return (join_inlines(self.period(defaults.period), " ", _("(stated for all figures)")),)
        return None

    def comparison(self, comparison: Comparison, figure: Figure, shown: list[str]) -> Cell:
        """What a figure is compared with, and its wording where it says more than ``shown``."""
        unit = figure.unit
        words: Inlines = (text_piece(label_of(BASIS_LABELS, comparison.basis)),)
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
        if details or comparison.value is not None:
            # One list for the pieces join_inlines would give.
            pieces = list(words)
            if details:
                pieces.append(text_piece(" ("))
                pieces.extend(comma_separated(details))
                pieces.append(text_piece(")"))
            if comparison.value is not None:
                pieces.append(text_piece(f": {amount_words(comparison.value, unit)}"))
            words = tuple(pieces)
        lines: list[Inlines] = [words]
        if comparison.wording is not None and adds_to(comparison.wording, shown):
            lines.append(join_inlines(_("As published:"), " ", self.text(comparison.wording)))
            shown.append(comparison.wording)
        return tuple(lines)

    def change(self, change: Change, unit: Unit | None, shown: list[str]) -> Cell:
        """The change stated, in words, and its wording where it says more than ``shown``."""
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
        lines: list[Inlines] = [(text_piece(words),)] if words else []
        if change.wording is not None and adds_to(change.wording, shown):
            lines.append(join_inlines(_("As published:"), " ", self.text(change.wording)))
            shown.append(change.wording)
        return tuple(lines) or (renderer_words("Not stated"),)
