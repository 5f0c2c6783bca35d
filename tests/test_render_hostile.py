"""Publishing: statements the hostile-text properties found changing the page's structure.

Each test is one minimal statement that once gave the Markdown or the HTML another structure
than the same statement with plain text (tests/test_render.py's properties), kept as an
explicit regression test.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import attrs

import pcc_priorities as p
from _render_helpers import (
    Page,
    map_texts,
    markdown_skeleton,
    markdown_text,
    plain,
    sample_statement,
    shown,
    squeeze,
    tame,
)
from pcc_priorities.publish import render_html, render_markdown


def assert_keeps_its_structure(
    statement: p.Statement, stand_in: Callable[[str], str] = plain
) -> None:
    """Assert that both formats have the structure they have with each text ``stand_in``'s."""
    tamed = map_texts(statement, stand_in)
    markdown = render_markdown(statement, acronyms={})
    assert markdown_skeleton(markdown) == markdown_skeleton(render_markdown(tamed, acronyms={}))
    page = Page(render_html(statement, acronyms={}))
    assert page.problems() == []
    assert page.skeleton() == Page(render_html(tamed, acronyms={})).skeleton()


def with_knife_measure(measure: str) -> p.Statement:
    """The sample statement with its charted knife crime figure measuring ``measure``."""
    statement = sample_statement()
    section = statement.sections[0]
    knife = attrs.evolve(section.figures[0], measure=measure)
    section = attrs.evolve(section, figures=(knife, *section.figures[1:]))
    return attrs.evolve(statement, sections=(section, *statement.sections[1:]))


def test_a_chart_title_ending_in_a_space_stays_stressed() -> None:
    """A chart's measure ending in a no-break space keeps the chart's caption in bold."""
    statement = with_knife_measure("Knife offences\xa0")
    assert_keeps_its_structure(statement)
    markdown = render_markdown(statement)
    assert "**Chart: Knife offences&#160;**" in markdown
    assert "Chart: Knife offences\xa0" in markdown_text(markdown)
    assert squeeze(shown("Knife offences\xa0")) in squeeze(markdown_text(markdown))


def yearly(measure: str, year: int, area: str | None = None) -> p.Figure:
    """A count of ``measure`` for the financial year starting in ``year``."""
    period = p.ReportingPeriod(
        start=date(year, 4, 1),
        end=date(year + 1, 3, 31),
        label=f"{year}/{year % 100 + 1}",
        kind=p.PeriodKind.FINANCIAL_YEAR,
    )
    return p.Figure(
        measure=measure,
        value=Decimal(year),
        unit=p.Unit.COUNT,
        period=period,
        area=None if area is None else p.Area(kind=p.AreaKind.LOCAL_POLICING_AREA, name=area),
    )


def with_cyber_figures(*figures: p.Figure) -> p.Statement:
    """The sample statement with ``figures`` as its cyber crime section's."""
    statement = sample_statement()
    section = attrs.evolve(statement.sections[1], figures=figures)
    return attrs.evolve(statement, sections=(statement.sections[0], section))


def test_two_measures_are_no_series_in_the_tamed_twin_either() -> None:
    """Figures of two measures are no series, and their tamed twins (the properties') neither."""
    statement = with_cyber_figures(yearly("Burglary", 2021), yearly("Robbery", 2022))
    assert_keeps_its_structure(statement, tame)
    assert render_html(statement).count("<svg") == 1  # the knife crime chart only
    assert tame("Burglary") != tame("Robbery")


def test_a_series_is_of_the_same_words() -> None:
    """Measures, areas and labels the same but for spacing and case make one series."""
    statement = with_cyber_figures(
        yearly("Knife crime", 2021, area="North  Worcs"),
        yearly("knife crime\n", 2022, area="north worcs"),
        yearly("", 2021),
        yearly("\u2028", 2022),
    )
    assert_keeps_its_structure(statement, tame)
    html = render_html(statement)
    assert html.count("<svg") == 3  # and the knife crime chart
    assert "<figcaption>Chart: Knife crime, North  Worcs</figcaption>" in html
    assert "**Chart:&#32;**" in render_markdown(statement)
    assert tame("Knife crime") == tame("knife  CRIME ") != tame("Knife")
    assert tame("\u2028") == " "
    assert tame("") == ""


def test_headings_of_line_separators_are_listed_in_the_contents() -> None:
    """Headings made only of line or paragraph separators are listed as untitled parts."""
    statement = sample_statement()
    section = attrs.evolve(statement.sections[1], title="\u2028")
    contribution = p.StatementOfContribution(title="\u2029", blocks=(p.Paragraph(text="Ours."),))
    statement = attrs.evolve(
        statement, sections=(statement.sections[0], section), contribution=contribution
    )
    assert_keeps_its_structure(statement)
    assert render_html(statement).count(">Untitled part</a>") == 2
    assert "Untitled part" in render_markdown(statement)
