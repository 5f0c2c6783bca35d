"""The page in published order: the statement's parts as published, additions kept apart."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import pcc_priorities as p
from pcc_priorities.cli import EXIT_OK, main
from pcc_priorities.periods import parse_period
from pcc_priorities.publish import render_html, render_markdown
from pcc_priorities.reference import shipped_glossary

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "west-mercia-2023-09.json"
Part = p.StatementPart


@pytest.fixture(scope="module")
def example() -> p.Statement:
    return p.load(EXAMPLE)


def _positions(page: str, *texts: str) -> list[int]:
    return [page.index(text) for text in texts]


def test_the_summary_splits_no_published_text(example: p.Statement) -> None:
    """Preamble, applicability and introduction follow each other; the summary comes first."""
    page = render_markdown(example)
    preamble, wording, introduction = (
        "The Elected Local Policing Bodies",
        "All the national policing priorities are assessed to be applicable",
        "Set out below is the PCC’s statement",
    )
    summary = "## Which national priorities apply: at a glance"
    assert _positions(page, summary, preamble, wording, introduction) == sorted(
        _positions(page, summary, preamble, wording, introduction)
    )
    between = page[page.index(preamble) : page.index(introduction)]
    assert "Table:" not in between
    assert "#" not in between  # no heading splits them
    assert page.count(wording) == 1


def test_the_statements_own_order_is_kept(example: p.Statement) -> None:
    """Where the statement puts its applicability after its introduction, so does the page."""
    moved = attrs.evolve(example, order=(Part.PREAMBLE, Part.INTRODUCTION, Part.APPLICABILITY))
    page = render_markdown(moved)
    assert page.index("Set out below is the PCC’s statement") < page.index(
        "All the national policing priorities are assessed to be applicable"
    )


def test_nothing_stated_means_no_table_and_one_line(example: p.Statement) -> None:
    """Without any applicability there is no summary table, and one line says so."""
    statement = attrs.evolve(example, applicability=None)
    page = render_markdown(statement)
    assert "at a glance" not in page
    assert "Applicability of each national priority" not in page
    assert page.count("Not stated in this statement") == 1


def test_only_the_statements_own_expansions_are_published(example: p.Statement) -> None:
    """The page spells out only what the statement spells out, unless a glossary is chosen."""
    page = render_html(example)
    assert '<abbr title="organised crime groups">OCG</abbr>' in page
    assert "Digital Crime and Performance Pack" not in page  # DCPP is never spelled out
    assert '<abbr title="domestic violence protection notice">' not in page
    with_glossary = render_html(example, glossary=shipped_glossary())
    assert "Digital Crime and Performance Pack" in with_glossary
    assert render_markdown(example).count("**DCPP:**") == 0
    assert render_markdown(example, glossary=shipped_glossary()).count("**DCPP:**") == 1


def test_the_command_line_opts_in_to_the_glossary(tmp_path: Path) -> None:
    """`pcc-priorities render --glossary` adds the shipped glossary's expansions."""
    plain, full = tmp_path / "plain.md", tmp_path / "full.md"
    assert main(["render", str(EXAMPLE), "-o", str(plain)], io.StringIO()) == EXIT_OK
    assert main(["render", str(EXAMPLE), "-o", str(full), "--glossary"], io.StringIO()) == EXIT_OK
    assert "Digital Crime and Performance Pack" not in plain.read_text("utf-8")
    assert "Digital Crime and Performance Pack" in full.read_text("utf-8")


def test_a_comparisons_published_wording_appears_once(example: p.Statement) -> None:
    """A figure's words the narrative publishes are not repeated, nor a change's in another's."""
    first = example.sections[0].figures[0]
    twice = attrs.evolve(
        first,
        comparisons=(
            p.Comparison(basis=p.ComparisonBasis.OTHER, wording="compared to any recent"),
            p.Comparison(
                basis=p.ComparisonBasis.PEAK,
                value=Decimal(24),
                change=p.Change(wording="reduced significantly"),
                wording="This has reduced significantly from a peak",
            ),
        ),
    )
    section = attrs.evolve(example.sections[0], figures=(twice,))
    page = render_markdown(attrs.evolve(example, sections=(section, *example.sections[1:])))
    assert page.count(twice.wording or "") == 1  # the narrative only
    assert page.count("As published: reduced significantly") == 0


def test_a_statement_of_contribution_is_shown_where_published(example: p.Statement) -> None:
    """The statement of contribution is a part of its own, in the statement's order."""
    statement = attrs.evolve(
        example,
        contribution=p.StatementOfContribution(
            title="Statement of Contribution.",
            blocks=(p.Paragraph(text="The objectives of the plan take account of the measures."),),
        ),
        order=(Part.PREAMBLE, Part.CONTRIBUTION, Part.APPLICABILITY),
    )
    page = render_markdown(statement)
    assert page.index("## Statement of Contribution.") < page.index(
        "All the national policing priorities are assessed"
    )


def test_things_stated_once_are_shown_once_and_used(example: p.Statement) -> None:
    """The words are shown once, where published; tables show what applies, marked so."""
    baseline = parse_period("2019 pre-pandemic baseline")
    words = "Comparisons are made against a 2019 pre-pandemic baseline."
    figure = p.Figure(
        measure="Neighbourhood crimes",
        value=Decimal(100),
        unit=p.Unit.COUNT,
        comparisons=(p.Comparison(basis=p.ComparisonBasis.BASELINE, value=Decimal(120)),),
    )
    section = attrs.evolve(example.sections[3], figures=(figure,))
    statement = attrs.evolve(
        example,
        defaults=p.StatementDefaults(
            period=parse_period("rolling year to March 2023"), baseline=baseline, wording=(words,)
        ),
        sections=(*example.sections[:3], section, *example.sections[4:]),
    )
    page = render_markdown(statement)
    assert page.count(words) == 1
    assert "2019 pre-pandemic baseline, stated for all comparisons" in page
    assert "(stated for all figures)" in page
