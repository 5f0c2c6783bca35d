"""Charts: a figure against what it is compared with, or several periods of one measure.

:class:`FigureCharts` finds what a list of figures can chart and lays each chart out as a
:class:`~pcc_priorities.publish.tree.Chart` (its bars, a description of the trend in words,
and the table of the data it is drawn from); :func:`chart_svg` draws one as a small inline
SVG bar chart that needs no script, no style sheet and no external file.

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

import html
from collections.abc import Callable, Sequence
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

from pcc_priorities.model.figures import Comparison, Figure
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.values import ComparisonBasis, Unit
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.publish.inlines import join_inlines
from pcc_priorities.publish.tree import (
    Abbr,
    Chart,
    ChartPoint,
    Inlines,
    Link,
    Row,
    Status,
    Strong,
    Table,
    Text,
)
from pcc_priorities.publish.words import (
    BASIS_LABELS,
    CHART_WORDS,
    amount_words,
    difference_words,
    label_of,
    lines,
    period_dates,
    printable,
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


def plain_text(content: Inlines) -> str:
    """Inline content as plain text (abbreviations as written, links as their words)."""
    parts: list[str] = []
    for piece in content:
        if isinstance(piece, Text | Abbr | Strong | Status):
            parts.append(piece.text)
        elif isinstance(piece, Link):
            parts.append(plain_text(piece.content))
    return "".join(parts)


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
    with localcontext() as context:
        context.prec = 500  # exact: the model keeps exponents within ±100
        return figure.value - step, True


class FigureCharts:
    """Finds the charts a list of figures has and lays them out."""

    def __init__(self, statement: Statement, text: Callable[[str], Inlines]) -> None:
        self.statement = statement
        self.text = text

    def charts(self, figures: Sequence[Figure]) -> tuple[Chart, ...]:
        """The charts of ``figures``: one per series of periods, one per figure compared."""
        found: list[Chart] = []
        for series in self.series(figures):
            found.append(self.series_chart(series))
        for figure in figures:
            chart = self.comparison_chart(figure)
            if chart is not None:
                found.append(chart)
        return tuple(found)

    # ---------------------------------------------------------------- what is charted

    def series(self, figures: Sequence[Figure]) -> list[list[Figure]]:
        """Figures of one measure, unit and area over two or more periods of one kind."""
        groups: dict[tuple[object, ...], list[Figure]] = {}
        for figure in figures:
            period = figure.effective_period(self.statement.defaults)
            if not _chartable(figure) or period is None or period.kind is None:
                continue
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
            periods = [f.effective_period(self.statement.defaults) for f in group]
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
            return (Text(CHART_WORDS["no period"]),)
        if period.label is not None:
            return self.text(period.label)
        return (Text(period_dates(period)),)

    def reference_label(self, figure: Figure, comparison: Comparison) -> Inlines:
        """What a figure is compared with, as a bar's label ("Previous period: 2021/22")."""
        label: Inlines = (Text(label_of(BASIS_LABELS, comparison.basis)),)
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
        with localcontext() as context:
            context.prec = 500
            step = value - reference
        if step == 0:
            return (Text(CHART_WORDS["no change"]),)
        side = CHART_WORDS["up"] if step > 0 else CHART_WORDS["down"]
        return (Text(side + difference_words(step, unit)),)

    def comparison_sentence(
        self, own: ChartPoint, point: ChartPoint, comparison: Comparison, unit: Unit | None
    ) -> Inlines:
        """One sentence: the figure against one value it is compared with."""
        with localcontext() as context:
            context.prec = 500
            step = own.value - point.value
        start = join_inlines(own.value_words, CHART_WORDS["for"], own.label, ": ")
        note = () if point.note is None else (Text(point.note),)
        if comparison.basis is ComparisonBasis.TARGET:
            if step == 0:
                middle = join_inlines(CHART_WORDS["meets target"], point.value_words)
            else:
                side = CHART_WORDS["above target"] if step > 0 else CHART_WORDS["below target"]
                middle = join_inlines(difference_words(step, unit), side, point.value_words)
            return join_inlines(start, middle, join_inlines(" (", note, ")") if note else (), ".")
        if step == 0:
            middle = join_inlines(CHART_WORDS["same"], point.value_words)
        else:
            side = CHART_WORDS["higher"] if step > 0 else CHART_WORDS["lower"]
            middle = join_inlines(difference_words(step, unit), side, point.value_words)
        return join_inlines(start, middle, " (", point.label, "; " if note else "", note, ").")

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
            cells: list[tuple[Inlines, ...]] = [((Text(point.value_words),),)]
            if with_notes:
                cells.append(((Text(point.note),),) if point.note is not None else ((),))
            rows.append(Row(point.label, tuple(cells)))
        table = Table(
            caption=join_inlines(CHART_WORDS["data caption"], title),
            columns=(CHART_WORDS["bar"], *columns),
            rows=tuple(rows),
            kind="chart-data",
        )
        return Chart(title=title, points=points, description=description, table=table)


# --------------------------------------------------------------------------- drawing

_WIDTH = 360
_PAD = 4
_FONT = 15
_LINE = 18
_BAR = 22
_GAP = 12
#: A generous average width of a character at the chart's font size, in drawing units.
_CHAR = Decimal("8.5")
_TENTH = Decimal("0.1")


def _number(value: Decimal | int) -> str:
    """A coordinate as SVG writes it: at most one decimal place, no exponent."""
    rounded = Decimal(value).quantize(_TENTH, rounding=ROUND_HALF_EVEN)
    text = format(rounded, "f")
    return text[:-2] if text.endswith(".0") else text


def _escape(text: str) -> str:
    """Text for SVG content or a double-quoted attribute, on one line."""
    return html.escape(printable(" ".join(lines(text))), quote=True)


def _wrap(text: str, width: int) -> list[str]:
    """Split ``text`` into lines of at most ``width`` characters, at spaces where it can."""
    result: list[str] = []
    line = ""
    for whole in " ".join(lines(text)).split():
        word = whole
        while len(word) > width:
            if line:
                result.append(line)
                line = ""
            result.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            result.append(line)
            line = word
    if line or not result:
        result.append(line)
    return result


def _label_width(words: str) -> Decimal:
    return len(words) * _CHAR + 6


def chart_svg(chart: Chart, ident: str, *, described_by: str | None = None) -> str:
    """Return ``chart`` as an inline SVG bar chart.

    Args:
        chart: The chart.
        ident: A prefix, unique on the page, for the SVG's ids (its title and patterns).
        described_by: The id of the element that describes the chart in words, if any.
    """
    points = chart.points
    low = min([Decimal(0), *(point.value for point in points)])
    high = max([Decimal(0), *(point.value for point in points)])
    right = max([Decimal(0), *(_label_width(p.value_words) for p in points if p.value >= 0)])
    left = max([Decimal(0), *(_label_width(p.value_words) for p in points if p.value < 0)])
    width = max(Decimal(_WIDTH), left + right + 2 * _PAD + 120)
    plot_left = _PAD + left
    plot_width = width - 2 * _PAD - left - right
    span = high - low if high != low else Decimal(1)

    def x(value: Decimal) -> Decimal:
        return plot_left + (value - low) * plot_width / span

    chars = int((width - 2 * _PAD) / _CHAR)
    zero = x(Decimal(0))
    body: list[str] = []
    y = _PAD
    top = None
    for point in points:
        # One <text> per label, a <tspan> per line: only the number of lines follows the text.
        spans = []
        for number, line in enumerate(_wrap(plain_text(point.label), chars)):
            y += _LINE
            step = "" if number == 0 else f' dy="{_LINE}"'
            spans.append(f'<tspan x="{_PAD}"{step}>{_escape(line)}</tspan>')
        first_line = y - (len(spans) - 1) * _LINE - 4
        body.append(f'<text x="{_PAD}" y="{first_line}">{"".join(spans)}</text>')
        y += 3
        top = y if top is None else top
        end = x(point.value)
        start, size = min(zero, end), abs(end - zero)
        look = {
            "figure": 'class="pcc-chart-bar" fill="currentColor"',
            "reference": f'fill="url(#{ident}-hatch)" stroke="currentColor" stroke-width="1.5"',
            "target": 'fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="5 3"',
        }.get(point.style, 'fill="currentColor"')
        body.append(
            f'<rect x="{_number(start)}" y="{y}" width="{_number(size)}" height="{_BAR}" '
            f"{look}></rect>"
        )
        if point.value < 0:
            where = f'x="{_number(end - 4)}" text-anchor="end"'
        else:
            where = f'x="{_number(end + 4)}"'
        body.append(
            f'<text {where} y="{y + _BAR // 2 + 5}" font-weight="700">'
            f"{_escape(point.value_words)}</text>"
        )
        y += _BAR + _GAP
    bottom = y - _GAP + 3
    body.append(
        f'<line x1="{_number(zero)}" y1="{(top or _PAD) - 3}" x2="{_number(zero)}" '
        f'y2="{bottom}" stroke="currentColor" stroke-width="1.5"></line>'
    )
    height = bottom + _PAD
    described = "" if described_by is None else f' aria-describedby="{_escape(described_by)}"'
    title = _escape(CHART_WORDS["svg title"] + plain_text(chart.title))
    description = _escape(" ".join(plain_text(sentence) for sentence in chart.description))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_number(width)} {height}" '
        f'width="{_number(width)}" height="{height}" role="img" '
        f'aria-labelledby="{ident}-title"{described} font-size="{_FONT}" fill="currentColor">'
        f'<title id="{ident}-title">{title}</title>'
        f"<desc>{description}</desc>"
        f'<defs><pattern id="{ident}-hatch" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="2.5"></line>'
        "</pattern></defs>\n" + "\n".join(body) + "\n</svg>"
    )
