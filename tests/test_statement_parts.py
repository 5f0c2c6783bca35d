"""The parts real statements publish, in the model, JSON, tables and diff.

A statement of contribution, things stated once, the order of parts, plans' own priorities
and breakdowns.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import pcc_priorities as p
from pcc_priorities.editions import diff
from pcc_priorities.formats import from_dict, to_dict
from pcc_priorities.model import USUAL_ORDER, iter_periods, iter_texts
from pcc_priorities.periods import parse_period
from pcc_priorities.tables import figures_from_table, figures_table

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "west-mercia-2023-09.json"
Part = p.StatementPart
Basis = p.ComparisonBasis


@pytest.fixture(scope="module")
def example() -> p.Statement:
    return p.load(EXAMPLE)


def _document() -> dict[str, Any]:
    loaded = json.loads(EXAMPLE.read_text("utf-8"), parse_float=Decimal)
    assert isinstance(loaded, dict)
    return loaded


def _problems(document: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(p.DocumentError) as raised:
        from_dict(copy.deepcopy(document))
    return [(problem.path, problem.message) for problem in raised.value.problems]


# --------------------------------------------------------------------------- contribution


def test_a_statement_of_contribution_covers_all_or_some_priorities() -> None:
    """With no list it covers every priority; with a list only those."""
    every = p.StatementOfContribution(title="Statement of Contribution.")
    some = p.StatementOfContribution(priorities=("homicide",))
    assert every.covers("cyber-crime")
    assert some.covers("homicide")
    assert not some.covers("cyber-crime")


def test_unknown_priorities_of_the_contribution_and_plans_are_refused() -> None:
    """Ids of national priorities and metrics outside sections must be the framework's."""
    document = _document()
    document["contribution"] = {"priorities": ["homicide", "knife-crime"]}
    document["plans"][0]["priorities"] = [
        "Putting victims first",
        {"title": "Safer places", "national_priorities": ["burglary"], "national_metrics": ["x"]},
    ]
    problems = dict(_problems(document))
    assert "unknown priority 'knife-crime'" in problems["/contribution/priorities/1"]
    assert "unknown priority 'burglary'" in problems["/plans/0/priorities/1/national_priorities/0"]
    assert "unknown metric 'x'" in problems["/plans/0/priorities/1/national_metrics/0"]


# --------------------------------------------------------------------------- stated once


def test_defaults_apply_where_a_figure_or_metric_gives_none_of_its_own() -> None:
    """The period, baseline and data source stated once apply unless one is given."""
    rolling = parse_period("rolling year to March 2023")
    baseline = parse_period("year ending June 2019")
    defaults = p.StatementDefaults(period=rolling, baseline=baseline, data_source="PRC")
    own = parse_period("Q4 2022/23")
    assert p.Figure(measure="x").effective_period(defaults) == rolling
    assert p.Figure(measure="x", period=own).effective_period(defaults) == own
    assert p.Figure(measure="x").effective_period(None) is None
    assert p.MetricReference(id="m", name="M").effective_data_source(defaults) == "PRC"
    assert p.MetricReference(id="m", name="M", data_source="NHS").effective_data_source(
        defaults
    ) == ("NHS")
    to_baseline = p.Comparison(basis=Basis.BASELINE)
    assert to_baseline.effective_period(own, defaults) == baseline
    assert to_baseline.effective_period(own, None) is None


def test_comparison_periods_follow_from_the_figure_and_the_basis() -> None:
    """Same period last year, the previous period and as published before name a period."""
    quarter = parse_period("Q2 2023/24")
    last_year = p.Comparison(basis=Basis.SAME_PERIOD_LAST_YEAR).effective_period(quarter)
    previous = p.Comparison(basis=Basis.PREVIOUS_PERIOD).effective_period(quarter)
    before = p.Comparison(basis=Basis.PREVIOUSLY_PUBLISHED).effective_period(quarter)
    assert last_year is not None
    assert last_year.canonical_label() == "Q2 2022/23"
    assert previous is not None
    assert previous.canonical_label() == "Q1 2023/24"
    assert before == quarter
    ytd = parse_period("YTD to July 2023")
    assert p.Comparison(basis=Basis.PREVIOUS_PERIOD).effective_period(ytd) is None
    label_only = parse_period("the quarter")
    assert p.Comparison(basis=Basis.SAME_PERIOD_LAST_YEAR).effective_period(label_only) is None
    assert p.Comparison(basis=Basis.TARGET).effective_period(quarter) is None
    own = parse_period("Q4 2022/23")
    assert p.Comparison(basis=Basis.PREVIOUS_PERIOD, period=own).effective_period(quarter) == own


def test_a_baseline_stated_once_is_stored_once(example: p.Statement) -> None:
    """The baseline is written once, under defaults, not on each comparison."""
    statement = attrs.evolve(
        example,
        defaults=p.StatementDefaults(
            baseline=parse_period("2019 pre-pandemic baseline"),
            wording=("Comparisons are made against a 2019 pre-pandemic baseline.",),
        ),
    )
    text = p.dumps(statement)
    assert text.count("2019 pre-pandemic baseline") == 2  # the period's label, the wording
    assert p.loads(text) == statement
    assert to_dict(statement)["defaults"]["baseline"]["kind"] == "calendar_year"


# --------------------------------------------------------------------------- order


def test_the_order_of_parts_is_kept_and_completed(example: p.Statement) -> None:
    """A statement's own order comes first; parts it leaves out follow in the usual order."""
    assert example.parts() == USUAL_ORDER
    moved = attrs.evolve(example, order=(Part.PREAMBLE, Part.INTRODUCTION, Part.APPLICABILITY))
    assert moved.parts()[:4] == (
        Part.PREAMBLE,
        Part.INTRODUCTION,
        Part.APPLICABILITY,
        Part.DEFAULTS,
    )
    assert set(moved.parts()) == set(Part)
    paths = [item.path[0] for item in iter_texts(moved)]
    assert paths.index("introduction") < paths.index("applicability")
    assert p.loads(p.dumps(moved)) == moved
    with pytest.raises(ValueError, match="names introduction more than once"):
        attrs.evolve(example, order=(Part.INTRODUCTION, Part.INTRODUCTION))


# --------------------------------------------------------------------------- plans


def test_a_plan_priority_with_only_its_title_is_written_as_text(example: p.Statement) -> None:
    """Title-only plan priorities stay strings in JSON; mapped ones are objects; both read."""
    plan = attrs.evolve(
        example.plans[0],
        priorities=(
            p.PlanPriority(title="Putting victims and survivors first"),
            p.PlanPriority(
                title="Building a more secure West Mercia",
                national_priorities=("homicide", "serious-violence"),
                national_metrics=("homicides",),
                wording="takes account of these measures",
            ),
        ),
    )
    statement = attrs.evolve(example, plans=(plan, *example.plans[1:]))
    data = to_dict(statement)["plans"][0]["priorities"]
    assert data[0] == "Putting victims and survivors first"
    assert data[1]["national_priorities"] == ["homicide", "serious-violence"]
    assert p.loads(p.dumps(statement)) == statement
    assert p.loads(p.dumps(statement, "yaml"), "yaml") == statement
    texts = {item.path: item.text for item in iter_texts(statement)}
    assert texts[("plans", 0, "priorities", 0)] == "Putting victims and survivors first"
    assert texts[("plans", 0, "priorities", 1, "wording")] == "takes account of these measures"


# --------------------------------------------------------------------------- breakdowns


def _with_breakdown(example: p.Statement) -> p.Statement:
    total = p.Figure(measure="Homicides", value=Decimal(5), unit=p.Unit.COUNT, id="total")
    parts = tuple(
        p.Figure(
            measure="Homicides",
            value=Decimal(count),
            unit=p.Unit.COUNT,
            area=p.Area(kind=p.AreaKind.LOCAL_POLICING_AREA, name=name),
            part_of=p.PartOf(figure="total"),
        )
        for name, count in (("North", 3), ("South", 2))
    )
    section = example.sections[0]
    section = attrs.evolve(section, figures=(*section.figures, total, *parts))
    return attrs.evolve(example, sections=(section, *example.sections[1:]))


def test_breakdowns_round_trip_through_json_and_tables(example: p.Statement) -> None:
    """A figure's part_of is kept in JSON and in the figures table, losslessly."""
    statement = _with_breakdown(example)
    assert p.loads(p.dumps(statement)) == statement
    rows = figures_table(statement)
    header = rows[0]
    assert {"Part of", "Part by"} <= set(header)
    assert figures_from_table(statement, rows) == statement
    without = [[cell for title, cell in zip(header, row, strict=True) if title[:5] != "Part "]
               for row in rows]  # fmt: skip
    assert figures_from_table(_without_parts(statement), without) == _without_parts(statement)


def _without_parts(statement: p.Statement) -> p.Statement:
    section = statement.sections[0]
    figures = tuple(attrs.evolve(figure, part_of=None) for figure in section.figures)
    return attrs.evolve(
        statement, sections=(attrs.evolve(section, figures=figures), *statement.sections[1:])
    )


def test_breakdowns_must_name_a_figure_and_not_loop(example: p.Statement) -> None:
    """A part names another figure of the statement by id, never itself, even at a remove."""
    document = to_dict(_with_breakdown(example))
    figures = document["sections"][0]["figures"]
    figures[-1]["part_of"]["figure"] = "nowhere"
    figures[-2]["id"] = "north"
    figures[-3]["part_of"] = {"figure": "north"}
    problems = _problems(document)
    assert any("unknown figure 'nowhere'" in message for _, message in problems)
    assert any("would be a part of itself" in message for _, message in problems)


# --------------------------------------------------------------------------- diff


def test_diff_reports_the_new_parts(example: p.Statement) -> None:
    """Defaults, the contribution, the order and breakdowns changed are differences."""
    changed = attrs.evolve(
        _with_breakdown(example),
        defaults=p.StatementDefaults(data_source="Police recorded crime"),
        contribution=p.StatementOfContribution(blocks=(p.Paragraph(text="All of them."),)),
        order=(Part.INTRODUCTION,),
    )
    found = {difference.new_path for difference in diff(example, changed).differences}
    assert {"/defaults", "/contribution", "/order"} <= found
    again = attrs.evolve(
        changed,
        contribution=p.StatementOfContribution(blocks=(p.Paragraph(text="All six of them."),)),
    )
    edited = diff(changed, again).differences
    assert [d.new_path for d in edited] == ["/contribution/blocks/0"]


def test_periods_stated_once_are_periods_the_checker_sees(example: p.Statement) -> None:
    """The period and baseline stated once are walked with the statement's periods."""
    statement = attrs.evolve(
        example,
        defaults=p.StatementDefaults(
            period=p.ReportingPeriod.financial_year(2022),
            baseline=p.ReportingPeriod(start=date(2018, 7, 1), end=date(2019, 6, 30)),
        ),
    )
    paths = [item.path for item in iter_periods(statement)]
    assert ("defaults", "period") in paths
    assert ("defaults", "baseline") in paths
