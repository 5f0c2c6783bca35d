"""Publishing: statements the hostile-text properties found changing the page's structure.

Each test is one minimal statement that once gave the Markdown or the HTML another structure
than the same statement with plain text (tests/test_render.py's properties), kept as an
explicit regression test.
"""

from __future__ import annotations

import attrs

import pcc_priorities as p
from _render_helpers import (
    Page,
    map_texts,
    markdown_skeleton,
    markdown_text,
    sample_statement,
    shown,
    squeeze,
    tame,
)
from pcc_priorities.publish import render_html, render_markdown


def assert_keeps_its_structure(statement: p.Statement) -> None:
    """Assert that both formats have the structure they have with plain text, showing it all."""
    tamed = map_texts(statement, tame)
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
