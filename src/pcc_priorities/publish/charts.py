"""Charts: a figure against what it is compared with, or several periods of one measure.

:class:`FigureCharts` finds what a list of figures can chart and lays each chart out as a
:class:`~pcc_priorities.publish.tree.Chart` (its bars, a description of the trend in words,
and the table of the data it is drawn from); :func:`chart_svg`
(:mod:`pcc_priorities.publish.drawing`) draws one as a small inline SVG bar chart that needs
no script, no style sheet and no external file.

The charts follow the accessible-charts guidance used across UK government (the Government
Analysis Function's "Data visualisation: charts"): a title, the trend described in words
beside the chart, the data as a table beside it, every bar labelled with its value and its
name directly (no legend, nothing told by colour alone: the figure's own bar is solid, what it
is compared with is hatched, a target is an outline), and colours taken from the text colour
so they keep their contrast in a light or dark colour scheme and print in black.

Bars start at zero: a bar's length is read as its size, so a bar chart whose axis starts
elsewhere makes a fall of 5% look like a fall by half. Negative values draw to the left of
the zero line. Values are the statement's exact decimals, written by the renderer's own
number words; only the bars' lengths are rounded (to a tenth of a unit of the drawing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Context, Decimal

from pcc_priorities.model.figures import Comparison, Figure
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.values import ComparisonBasis, Unit
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.publish.drawing import chart_svg
from pcc_priorities.publish.inlines import join_inlines, plain_text
from pcc_priorities.publish.tree import Chart, ChartPoint, Inlines, Row, Table, text_piece
from pcc_priorities.publish.words import (
    BASIS_LABELS,
    CHART_WORDS,
    amount_words,
    difference_words,
    label_of,
    period_dates,
    same_words,
)

__all__ = ["CHART_STYLESHEET", "FigureCharts", "chart_svg", "plain_text"]


#: Styles for the charts, scoped like the page's own: the bars take the text colour mixed
#: with a blue (or the ``--pcc-chart-accent`` a body's own style sheet sets), so a dark
#: colour scheme (light text) gets light bars, and print gets black.
CHART_STYLESHEET = """\
.pcc-statement .pcc-chart { margin: 0 0 1.5em; }
.pcc-statement .pcc-chart > figcaption {
  font-weight: 700;
  color: inherit;
  padding: 0 0 0.5em;
}
.pcc-statement .pcc-chart-body {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5em 2em;
  align-items: flex-start;
}
.pcc-statement .pcc-chart-body > svg {
  flex: 1 1 18rem;
  min-width: 0;
  max-width: 26rem;
  height: auto;
}
.pcc-statement .pcc-chart-body > .pcc-table { flex: 1 1 14rem; min-width: 0; }
.pcc-statement .pcc-chart-bar {
  fill: currentColor;
  fill: color-mix(in srgb, currentColor 45%, var(--pcc-chart-accent, #1d70b8));
}
.pcc-statement .pcc-chart-description { margin: 0.5em 0 0; }
@media print {
  .pcc-statement .pcc-chart { break-inside: avoid; }
  .pcc-statement .pcc-chart-bar { fill: #000000; }
  .pcc-statement .pcc-chart-body > svg { max-width: 12cm; }
}
"""

# --------------------------------------------------------------------------- laying out


def _chartable(figure: Figure) -> bool:
    """Whether a figure's value can be drawn as a bar: a single, unhedged amount."""
    return (
        figure.value is not None
        and figure.upper_value is None
        and figure.qualifier is None
        and figure.unit is not Unit.RANK
    )


def _reference_value(figure: Figure, comparison: Comparison) -> tuple[Decimal, bool] | None:
    """The value a figure is compared with, and whether it was worked out from the change."""
    if comparison.value is not None:
        return comparison.value, False
    change = comparison.change
    if change is None or figure.value is None:
        return None
    step = change.percentage_points if figure.unit is Unit.PERCENT else None
    step = step if step is not None else change.count
    if step is None:
        return None
    return _EXACT.subtract(figure.value, step), True


#: Exact for the differences charts state: the model keeps exponents within ±100.
_EXACT = Context(prec=500)


class FigureCharts:
    """Finds the charts a list of figures has and lays them out."""

    def __init__(self, statement: Statement, text: Callable[[str], Inlines]) -> None:
        self.statement = statement
        self.text = text
        self.periods: dict[int, tuple[ReportingPeriod, Inlines]] = {}
        #: The metrics already charted on this page (a metric's id is unique in a statement).
        self.charted: set[str] = set()

    def charts(self, figures: Sequence[Figure]) -> tuple[Chart, ...]:
        """The charts of ``figures``: one per metric (see :meth:`metric_of`).

        A metric is charted once on a page, where its first chart falls in the order of the
        page: by its series of periods where it has one, or else by its first figure compared
        with a known value. Its other figures are in the figure tables.
        """
        found: list[Chart] = []
        here: set[object] = set()
        for series in self.series(figures):
            metric = self.metric_of(series[0])
            if not self.drawn(metric, here):
                self.draw(metric, here)
                found.append(self.series_chart(series))
        for figure in figures:
            metric = self.metric_of(figure)
            chart = None if self.drawn(metric, here) else self.comparison_chart(figure)
            if chart is not None:
                self.draw(metric, here)
                found.append(chart)
        return tuple(found)

    @staticmethod
    def metric_of(figure: Figure) -> object:
        """What a figure's chart is of: its metric's id, or else its measure's words.

        A figure that names no metric stands for its own measure, within its list of figures
        (the same measure in two sections is two things to draw).
        """
        return figure.metric if figure.metric is not None else (same_words(figure.measure),)

    def drawn(self, metric: object, here: set[object]) -> bool:
        """Whether ``metric`` has a chart in this list of figures or, by its id, on the page."""
        return metric in here or (type(metric) is str and metric in self.charted)

    def draw(self, metric: object, here: set[object]) -> None:
        """Note that ``metric`` has its chart."""
        here.add(metric)
        if type(metric) is str:
            self.charted.add(metric)

    # ---------------------------------------------------------------- what is charted

    def series(self, figures: Sequence[Figure]) -> list[list[Figure]]:
        """Figures of one measure, unit and area over two or more periods of one kind."""
        groups: dict[tuple[object, ...], list[Figure]] = {}
        defaults = self.statement.defaults
        dated: list[tuple[Figure, ReportingPeriod]] = []
        for figure in figures:
            period = figure.effective_period(defaults)
            if period is not None and period.kind is not None and _chartable(figure):
                dated.append((figure, period))
        if all(period is dated[0][1] for _, period in dated):
            return []  # one period for every figure (most sections): one value each, no series
        for figure, period in dated:
            area = None if figure.area is None else (figure.area.kind, same_words(figure.area.name))
            key = (
                same_words(figure.measure),
                figure.metric,
                figure.unit,
                figure.rate_base,
                area,
                period.kind,
            )
            groups.setdefault(key, []).append(figure)
        found: list[list[Figure]] = []
        for group in groups.values():
            periods = [f.effective_period(defaults) for f in group]
            # The same days twice under two labels are one period: two values, not a series.
            spans = {
                (period.start, period.end)
                if period.start and period.end
                else period.label and same_words(period.label)
                for period in periods
                if period is not None
            }
            if len(group) < 2 or len(spans) < len(periods):
                continue
            starts = [period.start if period is not None else None for period in periods]
            dates = [start for start in starts if isinstance(start, date)]
            if len(dates) == len(group):
                ordered = sorted(zip(dates, group, strict=True), key=lambda pair: pair[0])
                found.append([figure for _, figure in ordered])
            else:
                found.append(group)
        return found

    # ---------------------------------------------------------------- labels

    def period_label(self, period: ReportingPeriod | None) -> Inlines:
        """A period as a bar's label: its published label, or else its dates."""
        if period is None:
            return (text_piece(CHART_WORDS["no period"]),)
        if period.label is not None:
            return self.text(period.label)
        # Written once per page (the period kept with its words, so that its id is not reused).
        kept = self.periods.get(id(period))
        if kept is not None and kept[0] is period:
            return kept[1]
        words = (text_piece(period_dates(period)),)
        self.periods[id(period)] = (period, words)
        return words

    def reference_label(self, figure: Figure, comparison: Comparison) -> Inlines:
        """What a figure is compared with, as a bar's label ("Previous period: 2021/22")."""
        label: Inlines = (text_piece(label_of(BASIS_LABELS, comparison.basis)),)
        period = comparison.effective_period(
            figure.effective_period(self.statement.defaults), self.statement.defaults
        )
        own = comparison.period is not None or comparison.basis is ComparisonBasis.BASELINE
        if own and period is not None:
            label = join_inlines(label, ": ", self.period_label(period))
        if comparison.area is not None:
            label = join_inlines(label, " (", self.text(comparison.area.name), ")")
        return label

    def title(self, figure: Figure) -> Inlines:
        """A chart's title: the measure, and the area where the figure has one."""
        title = self.text(figure.measure)
        if figure.area is not None:
            title = join_inlines(title, ", ", self.text(figure.area.name))
        return title

    # ---------------------------------------------------------------- charts

    def comparison_chart(self, figure: Figure) -> Chart | None:
        """A figure against the values it is compared with, where any is known."""
        if not _chartable(figure):
            return None
        assert figure.value is not None
        references: list[tuple[Comparison, ChartPoint]] = []
        for comparison in figure.comparisons:
            found = _reference_value(figure, comparison)
            if found is None:
                continue
            value, worked_out = found
            target = comparison.basis is ComparisonBasis.TARGET
            references.append(
                (
                    comparison,
                    ChartPoint(
                        label=self.reference_label(figure, comparison),
                        value=value,
                        value_words=amount_words(value, figure.unit),
                        style="target" if target else "reference",
                        note=CHART_WORDS["worked out"] if worked_out else None,
                    ),
                )
            )
        if not references:
            return None
        own = ChartPoint(
            label=self.period_label(figure.effective_period(self.statement.defaults)),
            value=figure.value,
            value_words=amount_words(figure.value, figure.unit),
        )
        description = tuple(
            self.comparison_sentence(own, point, comparison, figure.unit)
            for comparison, point in references
        )
        points = (*(point for _, point in references), own)
        return self.chart(self.title(figure), points, description)

    def series_chart(self, figures: Sequence[Figure]) -> Chart:
        """Several periods of one measure, in time order where their dates are known."""
        points: list[ChartPoint] = []
        for figure in figures:
            assert figure.value is not None
            points.append(
                ChartPoint(
                    label=self.period_label(figure.effective_period(self.statement.defaults)),
                    value=figure.value,
                    value_words=amount_words(figure.value, figure.unit),
                )
            )
        first, last = points[0], points[-1]
        unit = figures[0].unit
        sentence = join_inlines(
            CHART_WORDS["series"],
            first.value_words,
            CHART_WORDS["for"],
            first.label,
            CHART_WORDS["to"],
            last.value_words,
            CHART_WORDS["for"],
            last.label,
            ": ",
            self.difference(last.value, first.value, unit),
            ".",
        )
        description = [sentence]
        if len(points) > 2:
            highest = max(points, key=lambda point: point.value)
            lowest = min(points, key=lambda point: point.value)
            description.append(
                join_inlines(
                    CHART_WORDS["highest"],
                    highest.value_words,
                    CHART_WORDS["for"],
                    highest.label,
                    "; ",
                    CHART_WORDS["lowest"],
                    lowest.value_words,
                    CHART_WORDS["for"],
                    lowest.label,
                    ".",
                )
            )
        return self.chart(self.title(figures[0]), tuple(points), tuple(description))

    def difference(self, value: Decimal, reference: Decimal, unit: Unit | None) -> Inlines:
        """How ``value`` differs from ``reference`` ("down 76", "up 2 percentage points")."""
        step = _EXACT.subtract(value, reference)
        if step == 0:
            return (text_piece(CHART_WORDS["no change"]),)
        side = CHART_WORDS["up"] if step > 0 else CHART_WORDS["down"]
        return (text_piece(side + difference_words(step, unit)),)

    def comparison_sentence(
        self, own: ChartPoint, point: ChartPoint, comparison: Comparison, unit: Unit | None
    ) -> Inlines:
        """One sentence: the figure against one value it is compared with."""
        step = _EXACT.subtract(own.value, point.value)
        words = CHART_WORDS
        if comparison.basis is ComparisonBasis.TARGET:
            if step == 0:
                middle: tuple[str, ...] = (words["meets target"], point.value_words)
            else:
                side = words["above target"] if step > 0 else words["below target"]
                middle = (difference_words(step, unit), side, point.value_words)
            note: tuple[str, ...] = () if point.note is None else (" (", point.note, ")")
            return join_inlines(own.value_words, words["for"], own.label, ": ", *middle, *note, ".")
        if step == 0:
            middle = (words["same"], point.value_words)
        else:
            side = words["higher"] if step > 0 else words["lower"]
            middle = (difference_words(step, unit), side, point.value_words)
        note = () if point.note is None else ("; ", point.note)
        return join_inlines(
            own.value_words, words["for"], own.label, ": ", *middle, " (", point.label, *note, ")."
        )

    def chart(
        self, title: Inlines, points: tuple[ChartPoint, ...], description: tuple[Inlines, ...]
    ) -> Chart:
        """A chart with the table of its data."""
        with_notes = any(point.note is not None for point in points)
        columns = [CHART_WORDS["value"]]
        if with_notes:
            columns.append(CHART_WORDS["note"])
        rows = []
        for point in points:
            cells: list[tuple[Inlines, ...]] = [((text_piece(point.value_words),),)]
            if with_notes:
                cells.append(((text_piece(point.note),),) if point.note is not None else ((),))
            rows.append(Row(point.label, tuple(cells)))
        table = Table(
            caption=join_inlines(CHART_WORDS["data caption"], title),
            columns=(CHART_WORDS["bar"], *columns),
            rows=tuple(rows),
            kind="chart-data",
        )
        return Chart(title=title, points=points, description=description, table=table)
