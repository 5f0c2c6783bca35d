"""Charts: which figures are charted, the words that describe them, and the SVG they draw.

The SVG of one chart of the worked example is a golden file (tests/golden/), updated on
purpose with

    PCC_UPDATE_GOLDEN=1 python -m pytest tests/test_charts.py
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import pcc_priorities as p
from _render_helpers import sample_statement
from pcc_priorities.publish import render_html, render_markdown
from pcc_priorities.publish.builder import layout
from pcc_priorities.publish.charts import FigureCharts, chart_svg, plain_text
from pcc_priorities.publish.tree import (
    Chart,
    ChartPoint,
    Inlines,
    LayoutBlock,
    Section,
    Table,
    Text,
)
from pcc_priorities.publish.words import amount_words
from pcc_priorities.testing.model import figures

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"
GOLDEN = Path(__file__).parent / "golden" / "chart-knife-crime.svg"
UPDATE = os.environ.get("PCC_UPDATE_GOLDEN") == "1"
SVG = "{http://www.w3.org/2000/svg}"


def charts_in(blocks: tuple[LayoutBlock, ...]) -> Iterator[Chart]:
    """Every chart in a laid-out document, in reading order."""
    for block in blocks:
        if isinstance(block, Chart):
            yield block
        elif isinstance(block, Section):
            yield from charts_in(block.blocks)


def example_charts() -> list[Chart]:
    """The charts of the worked example."""
    return list(charts_in(layout(p.load(EXAMPLE)).blocks))


def plain(content: str) -> Inlines:
    """Statement text as inline content, without abbreviations."""
    return (Text(content),)


def charts_of(*given_figures: p.Figure) -> tuple[Chart, ...]:
    """The charts of ``given_figures`` in the sample statement."""
    return FigureCharts(sample_statement(), plain).charts(given_figures)


def parsed(chart: Chart) -> ET.Element:
    """The chart's SVG, parsed as XML (which fails on anything not well formed)."""
    return ET.fromstring(chart_svg(chart, "pcc-chart-1", described_by="d"))


def texts(svg: ET.Element) -> list[str]:
    """The text of each ``<text>`` element of an SVG."""
    return ["".join(element.itertext()) for element in svg.iter(f"{SVG}text")]


def test_the_svg_of_a_chart_is_the_reviewed_golden_file() -> None:
    """The knife crime chart of the worked example draws exactly the reviewed SVG."""
    [chart] = [c for c in example_charts() if plain_text(c.title) == "Offences involving a knife"]
    svg = chart_svg(chart, "pcc-chart-3", described_by="pcc-chart-3-description") + "\n"
    if UPDATE:
        GOLDEN.write_text(svg, encoding="utf-8", newline="\n")
    assert GOLDEN.read_text(encoding="utf-8") == svg, (
        "the chart's SVG differs from tests/golden/chart-knife-crime.svg; if the change is "
        "meant, update it with PCC_UPDATE_GOLDEN=1 python -m pytest tests/test_charts.py"
    )


def test_worked_example_charts_each_metric_once() -> None:
    """The worked example has one chart per metric with a figure compared with a known value.

    Homicides are one metric with two such figures (the rolling 12-month total against its
    peak, and the homicides recorded against the number previously published): the first is
    drawn, the second is in its table.
    """
    titles = [plain_text(chart.title) for chart in example_charts()]
    assert titles == [
        "Homicides, rolling 12-month total",
        "Offences involving a knife",
        "Hospital admissions for assault with a sharp object",
        "OCG disruptions",
        "Warrants executed (Op Mille)",
        "Theft from the person offences",
        "Victims of domestic abuse completely, very or fairly satisfied",
    ]


def compared(measure: str, value: int, *, metric: str | None = None) -> p.Figure:
    """A figure of ``measure`` compared with the previous period's 10."""
    comparison = p.Comparison(basis=p.ComparisonBasis.PREVIOUS_PERIOD, value=Decimal(10))
    return p.Figure(
        measure=measure,
        metric=metric,
        value=Decimal(value),
        unit=p.Unit.COUNT,
        comparisons=(comparison,),
    )


def test_a_metric_is_charted_once_by_its_first_figure_compared() -> None:
    """Two figures of one metric make one chart, the first's; another metric gets its own."""
    found = charts_of(
        compared("Knife crime", 12, metric="knife"),
        compared("Knife crime in Telford", 4, metric="knife"),
        compared("Robbery", 7, metric="robbery"),
    )
    assert [plain_text(chart.title) for chart in found] == ["Knife crime", "Robbery"]


def test_a_metric_charted_once_on_the_page_is_not_charted_again() -> None:
    """A metric drawn for a section's figures is not drawn again for a subsection's."""
    charts = FigureCharts(sample_statement(), plain)
    assert len(charts.charts((compared("Knife crime", 12, metric="knife"),))) == 1
    assert charts.charts((compared("Knife crime", 9, metric="knife"),)) == ()
    assert len(charts.charts((compared("Robbery", 9, metric="robbery"),))) == 1


def test_figures_without_a_metric_are_charted_once_per_measure_in_their_list() -> None:
    """Unlinked figures stand for their measure, within one list of figures only."""
    charts = FigureCharts(sample_statement(), plain)
    found = charts.charts(
        (compared("Arrests", 12), compared("arrests ", 5), compared("Seizures", 3))
    )
    assert [plain_text(chart.title) for chart in found] == ["Arrests", "Seizures"]
    # The same measure in another section's figures is another thing to draw.
    assert len(charts.charts((compared("Arrests", 4),))) == 1


def test_a_metric_with_a_series_is_charted_by_its_series() -> None:
    """A series of periods is the metric's chart, before any of its figures compared."""
    quarters = [p.ReportingPeriod.financial_quarter(2023, quarter) for quarter in (1, 2)]
    series = [
        attrs.evolve(compared("Burglaries", value, metric="burglary"), period=period)
        for value, period in zip((40, 55), quarters, strict=True)
    ]
    [chart] = charts_of(compared("Burglaries", 3, metric="burglary"), *series)
    assert [point.value for point in chart.points] == [40, 55]


def test_a_value_worked_out_from_the_change_is_exact_and_said_so() -> None:
    """Knife crime: 1,209 after a fall of 76 was 1,285, marked as worked out, in words."""
    [chart] = [c for c in example_charts() if plain_text(c.title) == "Offences involving a knife"]
    before, after = chart.points
    assert (before.value, before.value_words, before.style) == (Decimal(1285), "1,285", "reference")
    assert before.note is not None
    assert "worked out" in before.note
    assert (after.value, after.style) == (Decimal(1209), "figure")
    assert plain_text(chart.description[0]) == (
        "1,209 for 2022/23: 76 lower than 1,285 (Previous period: 2021/22; worked out from "
        "the figure and the change stated)."
    )
    assert chart.table.columns == ("Period or comparison", "Value", "Note")


def test_a_percentage_against_a_target_is_described_in_percentage_points() -> None:
    """78% against a target of 80% is 2 percentage points below it, drawn as an outline."""
    [chart] = [c for c in example_charts() if "satisfied" in plain_text(c.title)]
    target, _own = chart.points
    assert target.style == "target"
    assert plain_text(chart.description[0]) == (
        "78% for YTD (Apr-June 23): 2 percentage points below the target of 80%."
    )
    assert 'stroke-dasharray="5 3"' in chart_svg(chart, "c")


def test_hedged_ranged_and_ranked_figures_are_not_charted() -> None:
    """An approximate value, a range or a rank is not drawn as a bar of a single length."""
    compared = (p.Comparison(basis=p.ComparisonBasis.PREVIOUS_PERIOD, value=Decimal(10)),)
    base = p.Figure(measure="Arrests", value=Decimal(12), unit=p.Unit.COUNT, comparisons=compared)
    assert len(charts_of(base)) == 1
    assert charts_of(attrs.evolve(base, qualifier=p.Qualifier.APPROXIMATELY)) == ()
    assert charts_of(attrs.evolve(base, upper_value=Decimal(14))) == ()
    assert charts_of(attrs.evolve(base, unit=p.Unit.RANK)) == ()
    assert charts_of(attrs.evolve(base, comparisons=())) == ()


def test_several_periods_of_one_measure_make_a_series_in_time_order() -> None:
    """Three quarters of one measure, published out of order, are charted in date order."""
    quarters = [p.ReportingPeriod.financial_quarter(2023, quarter) for quarter in (2, 1, 3)]
    values = [Decimal(40), Decimal(55), Decimal("37.5")]
    series = [
        p.Figure(measure="Burglaries", value=value, unit=p.Unit.COUNT, period=period)
        for value, period in zip(values, quarters, strict=True)
    ]
    [chart] = charts_of(*series)
    assert [point.value_words for point in chart.points] == ["55", "40", "37.5"]
    words = [plain_text(sentence) for sentence in chart.description]
    assert words[0].startswith("From 55 for ")
    assert words[0].endswith(": down 17.5.")
    assert words[1].startswith("Highest: 55 for ")
    other_measure = attrs.evolve(series[0], measure="Robberies")
    assert charts_of(series[0], other_measure) == ()  # one period each: no series
    relabelled = attrs.evolve(series[0], period=attrs.evolve(quarters[0], label="Q2"))
    assert charts_of(series[0], relabelled) == ()  # the same days under two labels


def test_negative_values_draw_to_the_left_of_zero() -> None:
    """A negative value's bar ends left of the zero line, and its label is written there."""
    chart = Chart(
        title=plain("Net change"),
        points=(
            ChartPoint(plain("Before"), Decimal(-30), amount_words(Decimal(-30), None)),
            ChartPoint(plain("After"), Decimal(20), "20"),
        ),
        description=(plain("From −30 to 20."),),
        table=Table(plain("Data"), ("Bar", "Value"), ()),
    )
    svg = parsed(chart)
    [axis] = svg.findall(f"{SVG}line")  # the zero line (the hatching is in <defs>)
    zero = float(axis.get("x1", "nan"))
    negative, positive = svg.iter(f"{SVG}rect")
    assert float(negative.get("x", "nan")) + float(negative.get("width", "nan")) == zero
    assert float(positive.get("x", "nan")) == zero
    assert "\u221230" in texts(svg)


def test_a_single_zero_point_gives_a_chart() -> None:
    """One bar of value 0 is drawn (with no width) and labelled, without dividing by zero."""
    chart = Chart(
        title=plain("Homicides"),
        points=(ChartPoint(plain("Q3"), Decimal(0), "0"),),
        description=(plain("0 for Q3."),),
        table=Table(plain("Data"), ("Bar", "Value"), ()),
    )
    svg = parsed(chart)
    [bar] = svg.iter(f"{SVG}rect")
    assert bar.get("width") == "0"
    assert "0" in texts(svg)


def test_statement_text_in_a_chart_is_escaped() -> None:
    """Markup and control characters in a measure or label are text in the SVG, never tags."""
    hostile = '<script>alert(1)</script> "quoted" & \x07 \u202e'
    compared = (
        p.Comparison(
            basis=p.ComparisonBasis.PREVIOUS_PERIOD,
            value=Decimal(3),
            period=p.ReportingPeriod(label=hostile),
        ),
    )
    [chart] = charts_of(
        p.Figure(measure=hostile, value=Decimal(2), unit=p.Unit.COUNT, comparisons=compared)
    )
    svg = chart_svg(chart, "c")
    assert "<script" not in svg
    root = ET.fromstring(svg)
    assert any("<script>" in text for text in texts(root))
    title = root.find(f"{SVG}title")
    assert title is not None
    assert "\u2407" in "".join(title.itertext())
    assert "\u202e" not in svg


def test_markdown_has_the_description_and_data_but_no_drawing() -> None:
    """The Markdown carries each chart's description and data table, and no SVG."""
    markdown = render_markdown(p.load(EXAMPLE))
    assert "<svg" not in markdown
    assert "**Chart: Offences involving a knife** 1,209 for 2022/23: 76 lower than 1,285" in (
        markdown
    )
    assert "Table: Data for the chart: Offences involving a knife" in markdown


def test_html_chart_is_named_described_and_next_to_its_data() -> None:
    """Each chart's SVG is an image named by its title and described by the paragraph."""
    page = render_html(p.load(EXAMPLE))
    figures_html = re.findall(r'<figure class="pcc-chart">.*?</figure>', page, re.DOTALL)
    assert len(figures_html) == 7
    for number, figure_html in enumerate(figures_html, start=1):
        ident = f"pcc-chart-{number}"
        assert f'role="img" aria-labelledby="{ident}-title"' in figure_html
        assert f'aria-describedby="{ident}-description"' in figure_html
        assert f'<p class="pcc-chart-description" id="{ident}-description">' in figure_html
        assert "pcc-table-chart-data" in figure_html


# --------------------------------------------------------------------------- properties

labels = st.text(max_size=80)
values = st.decimals(
    min_value=Decimal("-1E+30"), max_value=Decimal("1E+30"), allow_nan=False, places=None
).filter(lambda value: value.is_finite() and -30 <= value.adjusted() <= 30)
units = st.sampled_from([None, p.Unit.COUNT, p.Unit.PERCENT, p.Unit.MONEY, p.Unit.RATE])


@st.composite
def charts(draw: st.DrawFn) -> Chart:
    """Any chart: one to twelve bars with any labels and values."""
    unit = draw(units)
    points = tuple(
        ChartPoint(
            label=plain(draw(labels)),
            value=value,
            value_words=amount_words(value, unit),
            style=draw(st.sampled_from(["figure", "reference", "target"])),
        )
        for value in draw(st.lists(values, min_size=1, max_size=12))
    )
    return Chart(
        title=plain(draw(labels)),
        points=points,
        description=(plain(draw(labels)),),
        table=Table(plain("Data"), ("Bar", "Value"), ()),
    )


@given(charts())
def test_any_chart_is_well_formed_svg_with_every_value_labelled(chart: Chart) -> None:
    """Any series draws well-formed SVG, a bar per value inside the drawing, each labelled."""
    svg = parsed(chart)
    _, _, width, height = (float(number) for number in svg.get("viewBox", "").split())
    bars = list(svg.iter(f"{SVG}rect"))
    assert len(bars) == len(chart.points)
    for bar in bars:
        left, size = float(bar.get("x", "nan")), float(bar.get("width", "nan"))
        assert left >= 0
        assert size >= 0
        assert left + size <= width + 0.2
        assert 0 <= float(bar.get("y", "nan")) <= height
    written = texts(svg)
    for point in chart.points:
        assert point.value_words in written


@st.composite
def compared_figures(draw: st.DrawFn) -> p.Figure:
    """Any figure with a single value, compared with values given or changes stated."""
    changes = st.builds(p.Change, count=st.none() | values, percentage_points=st.none() | values)
    comparisons = st.builds(
        p.Comparison,
        basis=st.sampled_from(list(p.ComparisonBasis)),
        value=st.none() | values,
        change=st.none() | changes,
    )
    return attrs.evolve(
        draw(figures()),
        value=draw(values),
        upper_value=None,
        qualifier=None,
        unit=draw(units),
        comparisons=tuple(draw(st.lists(comparisons, min_size=1, max_size=3))),
    )


@st.composite
def monthly_series(draw: st.DrawFn) -> list[p.Figure]:
    """Two to twelve months of one measure, in any order."""
    months = draw(st.lists(st.integers(1, 12), min_size=2, max_size=12, unique=True))
    measure = draw(st.text(min_size=1, max_size=30))
    return [
        p.Figure(
            measure=measure,
            value=draw(values),
            unit=p.Unit.COUNT,
            period=p.ReportingPeriod.month(2023, month),
        )
        for month in months
    ]


@settings(max_examples=60)  # whole figures are slow to draw; the series are quick
@given(st.lists(compared_figures(), max_size=4), monthly_series())
def test_charts_of_any_figures_are_well_formed(
    given_figures: list[p.Figure], series: list[p.Figure]
) -> None:
    """Any figures compared, and any monthly series, chart as well-formed, labelled SVG."""
    found = charts_of(*given_figures, *series)
    for chart in found:
        assert chart.points
        assert chart.description
        written = texts(parsed(chart))
        for point in chart.points:
            assert point.value_words in written
    months = [figure.period.start for figure in series if figure.period is not None]
    in_order = [figure.value for _, figure in sorted(zip(months, series, strict=True))]
    assert in_order in [[point.value for point in chart.points] for chart in found]


def test_period_dates_order_a_series_even_when_labels_differ() -> None:
    """Months published newest first are charted oldest first."""
    months = [p.ReportingPeriod.month(2023, month) for month in (3, 2, 1)]
    series = [
        p.Figure(measure="Calls", value=Decimal(number), unit=p.Unit.COUNT, period=period)
        for number, period in zip((3, 2, 1), months, strict=True)
    ]
    [chart] = charts_of(*series)
    assert [point.value for point in chart.points] == [1, 2, 3]
