"""Rules for statements as other areas publish them (ruleset 1.1).

For each new rule a statement that triggers it and a near miss that does not (the cases
join those of ``test_builtin``), then the rules that changed: a statement of contribution
meets PCC101 and PCC106, things stated once count, comparison periods follow from the
figure's, a proxy explains unavailable data, messages keep titles and agree in number.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import attrs
import pytest

import pcc_priorities as p
from check_helpers import AS_OF, clean, found, with_comparison, with_figure, with_section
from pcc_priorities.checks import RULESET_VERSION, Severity, get_rule
from pcc_priorities.periods import parse_period

S = p.Statement
Basis = p.ComparisonBasis


def _bare(statement: S) -> S:
    """No metric and no figure anywhere."""
    return attrs.evolve(
        statement,
        sections=tuple(attrs.evolve(s, metrics=(), figures=()) for s in statement.sections),
    )


def _one_for_all(
    statement: S, *, listed: bool = True, priorities: tuple[str, ...] | None = None
) -> S:
    """Sections replaced by a statement of contribution for all (or some) priorities."""
    framework = p.get_framework("ncpm-2021")
    intro: tuple[p.Block, ...] = ()
    if listed:
        intro = (
            p.Paragraph(text="These measures fall under the following headings:"),
            p.BulletList(items=tuple(priority.title for priority in framework.priorities)),
        )
    kept = tuple(s for s in statement.sections if priorities and s.priority not in priorities)
    return attrs.evolve(
        statement,
        introduction=intro,
        contribution=p.StatementOfContribution(
            title="Statement of Contribution",
            priorities=priorities,
            blocks=(p.Paragraph(text="The objectives of the plan take account of every measure."),),
        ),
        sections=kept,
    )


def _with_period_kind(statement: S, start: date, end: date, kind: p.PeriodKind) -> S:
    period = p.ReportingPeriod(start=start, end=end, kind=kind, label="financial year to date")
    return with_figure(statement, period=period, comparisons=())


def _count(count: int, percent: str, **comparison: object) -> Callable[[S], S]:
    def change(statement: S) -> S:
        return with_figure(
            statement,
            value=Decimal(count),
            comparisons=(
                p.Comparison(
                    basis=Basis.SAME_PERIOD_LAST_YEAR,
                    period=parse_period("Q1 2022/23"),
                    change=p.Change(direction=p.Direction.DECREASE, percent=Decimal(percent)),
                    **comparison,  # type: ignore[arg-type]
                ),
            ),
        )

    return change


def _breakdown(statement: S, *counts: int, total: int = 5) -> S:
    whole = attrs.evolve(statement.sections[0].figures[0], id="total", value=Decimal(total))
    parts = tuple(
        attrs.evolve(
            whole,
            id=None,
            value=Decimal(count),
            comparisons=(),
            area=p.Area(kind=p.AreaKind.LOCAL_POLICING_AREA, name=f"Division {number}"),
            part_of=p.PartOf(figure="total"),
        )
        for number, count in enumerate(counts, start=1)
    )
    return with_section(statement, 0, figures=(whole, *parts))


# (code, statement that triggers it, path of the finding, statement that does not, as of)
NEW_CASES: list[tuple[str, Callable[[], S], str, Callable[[], S], date]] = [
    ("PCC211", lambda: _bare(clean()), "", clean, AS_OF),
    (
        "PCC212",
        lambda: _one_for_all(clean()),
        "/introduction/1/items/0",
        lambda: _one_for_all(clean(), listed=False),
        AS_OF,
    ),
    (
        "PCC312",
        lambda: _with_period_kind(
            clean(), date(2022, 4, 1), date(2023, 12, 31), p.PeriodKind.YEAR_TO_DATE
        ),
        "/sections/0/figures/0/period/kind",
        lambda: _with_period_kind(
            clean(), date(2023, 4, 1), date(2023, 6, 30), p.PeriodKind.YEAR_TO_DATE
        ),
        AS_OF,
    ),
    (
        "PCC313",
        lambda: _count(5, "-47")(clean()),
        "/sections/0/figures/0/comparisons/0/change/percent",
        lambda: _count(5, "-50")(clean()),
        AS_OF,
    ),
    (
        "PCC314",
        lambda: _breakdown(clean(), 3, 3),
        "/sections/0/figures/0/value",
        lambda: _breakdown(clean(), 3, 2),
        AS_OF,
    ),
]


@pytest.mark.parametrize(("code", "trigger", "path", "near_miss", "as_of"), NEW_CASES)
def test_new_rule_triggers(
    code: str, trigger: Callable[[], S], path: str, near_miss: Callable[[], S], as_of: date
) -> None:
    """The new rule finds what it is for, at the expected path."""
    assert (code, path) in found(trigger(), code, as_of=as_of)


@pytest.mark.parametrize(("code", "trigger", "path", "near_miss", "as_of"), NEW_CASES)
def test_new_rule_does_not_trigger(
    code: str, trigger: Callable[[], S], path: str, near_miss: Callable[[], S], as_of: date
) -> None:
    """The new rule finds nothing in a statement that differs only in what makes it right."""
    assert found(near_miss(), code, as_of=as_of) == []


def test_the_ruleset_version_moved_and_changes_are_catalogued() -> None:
    """Ruleset 1.1 lists, for each new or changed rule, what changed."""
    assert RULESET_VERSION == "1.1"
    for code in ("PCC101", "PCC104", "PCC105", "PCC106", "PCC202", "PCC203", "PCC206", "PCC210"):
        assert any(change.startswith("1.1: ") for change in get_rule(code).changes), code
    for code in ("PCC211", "PCC212", "PCC312", "PCC313", "PCC314"):
        assert get_rule(code).changes == ("1.1: new.",)


# --------------------------------------------------------------------------- PCC101, PCC106


def test_one_statement_of_contribution_meets_the_order_for_every_priority() -> None:
    """A statement whose only contribution text covers all priorities has no PCC101/PCC106."""
    statement = _one_for_all(clean())
    assert found(statement, "PCC101") == []
    assert found(statement, "PCC106") == []
    assert p.check(statement, as_of=AS_OF).conformant


def test_a_contribution_for_some_priorities_leaves_the_others_missing() -> None:
    """A statement of contribution covers only the priorities it lists."""
    statement = attrs.evolve(
        _one_for_all(clean(), priorities=("homicide", "serious-violence")), sections=()
    )
    missing = [f for f in p.check(statement, as_of=AS_OF).findings if f.code == "PCC101"]
    assert len(missing) == 4
    assert all("(homicide)" not in f.message for f in missing)


def test_an_empty_statement_of_contribution_addresses_nothing() -> None:
    """A statement of contribution that says nothing ("To follow.") does not count."""
    statement = attrs.evolve(
        _one_for_all(clean()),
        contribution=p.StatementOfContribution(blocks=(p.Paragraph(text="To follow."),)),
    )
    assert len(found(statement, "PCC101")) == 6


def test_a_section_without_narrative_is_covered_by_the_contribution() -> None:
    """A section with figures only is fine when the statement of contribution covers it."""
    figures_only = with_section(clean(), 0, blocks=())
    assert found(figures_only, "PCC106") == [("PCC106", "/sections/0/blocks")]
    covered = attrs.evolve(
        figures_only,
        contribution=p.StatementOfContribution(
            priorities=("homicide",), blocks=(p.Paragraph(text="Patrols in every town."),)
        ),
    )
    assert found(covered, "PCC106") == []


# --------------------------------------------------------------------------- stated once


def test_a_period_and_source_stated_once_count() -> None:
    """PCC203 and PCC202 accept the period and data source the statement states once."""
    bare = with_figure(clean(), period=None)
    bare = with_section(
        bare, 0, metrics=(attrs.evolve(bare.sections[0].metrics[0], data_source=None),)
    )
    assert found(bare, "PCC203")
    assert found(bare, "PCC202")
    stated = attrs.evolve(
        bare,
        defaults=p.StatementDefaults(
            period=parse_period("Q1 2023/24"), data_source="Police recorded crime"
        ),
    )
    assert found(stated, "PCC203") == []
    assert found(stated, "PCC202") == []


def test_a_baseline_stated_once_gives_every_baseline_comparison_its_period() -> None:
    """A baseline comparison without a period is fine when the baseline is stated once."""
    statement = with_comparison(clean(), basis=Basis.BASELINE, period=None)
    assert found(statement, "PCC206") == [("PCC206", "/sections/0/figures/0/comparisons/0/period")]
    stated = attrs.evolve(
        statement, defaults=p.StatementDefaults(baseline=parse_period("year ending June 2019"))
    )
    assert found(stated, "PCC206") == []


@pytest.mark.parametrize(
    ("basis", "period", "reported"),
    [
        (Basis.SAME_PERIOD_LAST_YEAR, "Q2 2023/24", False),
        (Basis.PREVIOUS_PERIOD, "Q2 2023/24", False),
        (Basis.PREVIOUSLY_PUBLISHED, "2022/23", False),
        (Basis.PREVIOUS_PERIOD, "YTD to July 2023", True),
        (Basis.SAME_PERIOD_LAST_YEAR, "the quarter", True),
        (Basis.PEAK, "Q2 2023/24", True),
    ],
)
def test_comparison_periods_that_follow_from_the_figure_count(
    basis: p.ComparisonBasis, period: str, reported: bool
) -> None:
    """PCC206 derives the period from the figure's for last year, previous and as published."""
    statement = with_figure(
        with_comparison(clean(), basis=basis, period=None, value=None, change=None),
        period=parse_period(period),
    )
    assert bool(found(statement, "PCC206")) is reported


# --------------------------------------------------------------------------- PCC210, messages


def test_a_proxy_metric_explains_unavailable_data() -> None:
    """Data not available with a proxy named and no reason is not reported by PCC210."""
    proxy = p.DataAvailability(status=p.DataStatus.NOT_AVAILABLE, proxy_metric="metric-0")
    assert found(with_figure(clean(), availability=proxy), "PCC210") == []


def test_messages_keep_titles_and_agree_in_number() -> None:
    """PCC104 keeps the priority's title as written; PCC105 says "6 priorities are"."""
    section = attrs.evolve(
        clean().sections[2],
        applicability=p.ApplicabilityAssessment(status=p.Applicability.NOT_APPLICABLE),
    )
    statement = with_section(clean(), 2, applicability=section.applicability)
    [finding] = [f for f in p.check(statement, as_of=AS_OF).findings if f.code == "PCC104"]
    assert finding.message.startswith(
        "The priority “Disrupt drugs supply and county lines” (drugs-and-county-lines) is "
    )
    wide = attrs.evolve(
        clean(),
        applicability=p.ApplicabilityAssessment(status=p.Applicability.APPLICABLE),
    )
    [finding] = [f for f in p.check(wide, as_of=AS_OF).findings if f.code == "PCC105"]
    assert finding.message.startswith("6 priorities are assessed applicable")


# --------------------------------------------------------------------------- new rules' details


def test_an_impossible_percentage_names_the_nearest_counts() -> None:
    """PCC313 says which whole counts come nearest and what they give."""
    [finding] = [
        f for f in p.check(_count(5, "-47")(clean()), as_of=AS_OF).findings if f.code == "PCC313"
    ]
    assert finding.message == (
        "“Offences recorded”: no whole count changes to 5 by -47%: from 9 it is -44.4%, from "
        "10 it is -50.0%."
    )
    with_reference = _count(5, "-47", value=Decimal(9))(clean())
    assert found(with_reference, "PCC313") == []  # PCC301 checks it instead
    assert found(with_reference, "PCC301")


def test_a_single_part_may_be_less_than_the_whole_not_more() -> None:
    """One part is a share of the whole; it is reported only when it is more than the whole."""
    assert found(_breakdown(clean(), 3), "PCC314") == []
    assert found(_breakdown(clean(), 6), "PCC314") == [("PCC314", "/sections/0/figures/0/value")]
    [finding] = [
        f for f in p.check(_breakdown(clean(), 3, 3), as_of=AS_OF).findings if f.code == "PCC314"
    ]
    assert (
        finding.message == "“Offences recorded” is 5, but its 2 parts by area add up to 6 (3 + 3)."
    )


def test_a_period_that_cannot_be_its_kind_is_an_error() -> None:
    """PCC312 is an error, says what the kind needs, and checks plans' periods too."""
    statement = _with_period_kind(
        clean(), date(2022, 4, 1), date(2023, 12, 31), p.PeriodKind.YEAR_TO_DATE
    )
    report = p.check(statement, as_of=AS_OF)
    [finding] = [f for f in report.findings if f.code == "PCC312"]
    assert finding.severity is Severity.ERROR
    assert "a year to date runs from 1 April" in finding.message
    assert not report.conformant
    plan = p.PlanReference(
        kind=p.PlanKind.POLICE_AND_CRIME_PLAN,
        title="Plan",
        period=p.ReportingPeriod(
            start=date(2022, 4, 2), end=date(2023, 3, 31), kind=p.PeriodKind.FINANCIAL_YEAR
        ),
    )
    assert found(attrs.evolve(clean(), plans=(plan,)), "PCC312") == [
        ("PCC312", "/plans/0/period/kind")
    ]
    years = attrs.evolve(plan, period=parse_period("2022-27"))
    assert found(attrs.evolve(clean(), plans=(years,)), "PCC312") == []


def test_a_statement_with_no_sections_and_no_figures_gets_a_warning() -> None:
    """A statement with nothing but framing text is reported once, for the whole statement."""
    framing = attrs.evolve(clean(), sections=())
    assert found(framing, "PCC211") == [("PCC211", "")]


def test_partial_periods_are_in_the_future_only_when_all_of_them_is() -> None:
    """PCC303 reports a period known only to the year only when the whole year is after."""
    this_year = with_figure(
        clean(),
        period=p.ReportingPeriod(start=p.PartialDate(year=2023), end=p.PartialDate(year=2023)),
    )
    assert found(this_year, "PCC303") == []
    next_year = with_figure(
        clean(),
        period=p.ReportingPeriod(start=p.PartialDate(year=2024), end=p.PartialDate(year=2024)),
    )
    assert found(next_year, "PCC303") == [("PCC303", "/sections/0/figures/0/period")]
