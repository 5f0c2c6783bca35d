"""Tests of the built-in rules: for each, a statement that triggers it and one that does not."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import attrs
import pytest

import pcc_priorities as p
from check_helpers import (
    AS_OF,
    Q1,
    clean,
    found,
    suppressing,
    with_blocks,
    with_comparison,
    with_figure,
    with_paragraphs,
    with_section,
)
from pcc_priorities.checks.builtin import BUILTIN_RULES
from pcc_priorities.checks.builtin.consistency import TITLE_SIMILARITY, title_similarity
from pcc_priorities.checks.text import is_placeholder_only, placeholders
from test_rules_statements import NEW_CASES

S = p.Statement


def _not_applicable(reasons: tuple[str, ...] = ()) -> p.ApplicabilityAssessment:
    return p.ApplicabilityAssessment(status=p.Applicability.NOT_APPLICABLE, reasons=reasons)


def _applicable() -> p.ApplicabilityAssessment:
    return p.ApplicabilityAssessment(
        status=p.Applicability.APPLICABLE, reasons=("it is in the local plan",)
    )


def _every_section(statement: S, **changes: object) -> S:
    return attrs.evolve(
        statement, sections=tuple(attrs.evolve(s, **changes) for s in statement.sections)
    )


def _without_section(statement: S, index: int) -> S:
    sections = list(statement.sections)
    del sections[index]
    return attrs.evolve(statement, sections=tuple(sections))


def _plus_section(statement: S, priority: str, title: str = "Reduce serious violence") -> S:
    extra = attrs.evolve(
        statement.sections[1], priority=priority, title=title, metrics=(), figures=()
    )
    return attrs.evolve(statement, sections=(*statement.sections, extra))


def _with_metric(statement: S, **changes: object) -> S:
    metric = attrs.evolve(statement.sections[0].metrics[0], **changes)
    return with_section(statement, 0, metrics=(metric,))


def _suppression(rule: str, path: str = "", reason: str = "reviewed") -> p.Suppression:
    return p.Suppression(rule=rule, path=path, reason=reason)


_ACRONYM_FIRST = (
    "The OCG team made arrests.",
    "Organised crime groups (OCG) were disrupted.",
)

# (code, statement that triggers it, path of the finding, statement that does not, as of)
CASES: list[tuple[str, Callable[[], S], str, Callable[[], S], date]] = [
    (
        "PCC101",
        lambda: _without_section(clean(), 2),
        "/sections",
        lambda: attrs.evolve(
            clean(), sections=(), applicability=_not_applicable(("policed nationally",))
        ),
        AS_OF,
    ),
    (
        "PCC102",
        lambda: attrs.evolve(clean(), applicability=None),
        "/sections/0/applicability",
        lambda: _every_section(
            attrs.evolve(clean(), applicability=None), applicability=_applicable()
        ),
        AS_OF,
    ),
    (
        "PCC103",
        lambda: attrs.evolve(
            clean(),
            applicability=p.ApplicabilityAssessment(status=p.Applicability.NOT_YET_ASSESSED),
        ),
        "/applicability/status",
        lambda: _every_section(
            attrs.evolve(
                clean(),
                applicability=p.ApplicabilityAssessment(status=p.Applicability.NOT_YET_ASSESSED),
            ),
            applicability=_applicable(),
        ),
        AS_OF,
    ),
    (
        "PCC104",
        lambda: with_section(clean(), 1, applicability=_not_applicable()),
        "/sections/1/applicability/reasons",
        lambda: with_section(clean(), 1, applicability=_not_applicable(("no knife crime",))),
        AS_OF,
    ),
    (
        "PCC105",
        lambda: attrs.evolve(
            clean(), applicability=p.ApplicabilityAssessment(status=p.Applicability.APPLICABLE)
        ),
        "/applicability/reasons",
        lambda: attrs.evolve(
            clean(),
            applicability=p.ApplicabilityAssessment(
                status=p.Applicability.APPLICABLE, aligns_with=("Police and Crime Plan",)
            ),
        ),
        AS_OF,
    ),
    (
        "PCC106",
        lambda: with_blocks(clean()),
        "/sections/0/blocks",
        lambda: with_section(
            clean(), 0, blocks=(), applicability=_not_applicable(("no homicides here",))
        ),
        AS_OF,
    ),
    (
        "PCC107",
        lambda: attrs.evolve(clean(), body=p.PolicingBody(kind="pcc", name=" ")),
        "/body/name",
        clean,
        AS_OF,
    ),
    (
        "PCC108",
        lambda: attrs.evolve(clean(), force=p.PoliceForce(code="E23000016", name="")),
        "/force/name",
        clean,
        AS_OF,
    ),
    (
        "PCC109",
        lambda: attrs.evolve(clean(), framework="ncpm-1999"),
        "/framework",
        clean,
        AS_OF,
    ),
    (
        "PCC110",
        lambda: attrs.evolve(clean(), published=None),
        "/published",
        lambda: attrs.evolve(clean(), published=p.PartialDate(year=2023)),
        AS_OF,
    ),
    (
        "PCC201",
        lambda: with_section(clean(), 0, metrics=(), figures=()),
        "/sections/0",
        lambda: with_section(
            clean(),
            0,
            metrics=(),
            figures=(),
            blocks=(
                p.Subsection(
                    title="Knife crime",
                    blocks=(p.Paragraph(text="Knife crime fell in the quarter."),),
                    figures=(clean().sections[0].figures[0],),
                ),
            ),
        ),
        AS_OF,
    ),
    (
        "PCC202",
        lambda: _with_metric(clean(), data_source=None),
        "/sections/0/metrics/0/data_source",
        lambda: _with_metric(clean(), data_source="NHS"),
        AS_OF,
    ),
    (
        "PCC203",
        lambda: with_figure(clean(), period=None),
        "/sections/0/figures/0/period",
        lambda: with_figure(
            clean(),
            period=None,
            value=None,
            comparisons=(),
            availability=p.DataAvailability(
                status=p.DataStatus.NOT_AVAILABLE, reason="The NHS has not published it."
            ),
        ),
        AS_OF,
    ),
    (
        "PCC204",
        lambda: with_figure(clean(), unit=None),
        "/sections/0/figures/0/unit",
        lambda: with_figure(clean(), unit=None, value=None, comparisons=()),
        AS_OF,
    ),
    (
        "PCC205",
        lambda: with_figure(clean(), unit=p.Unit.RATE, comparisons=()),
        "/sections/0/figures/0/rate_base",
        lambda: with_figure(
            clean(),
            unit=p.Unit.RATE,
            comparisons=(),
            rate_base=p.RateBase(per=1000, denominator=p.RateDenominator.POPULATION),
        ),
        AS_OF,
    ),
    (
        "PCC206",
        lambda: with_comparison(clean(), period=None, basis=p.ComparisonBasis.PEAK),
        "/sections/0/figures/0/comparisons/0/period",
        # The same period last year follows from the figure's own period (ruleset 1.1).
        lambda: with_comparison(clean(), period=None),
        AS_OF,
    ),
    (
        "PCC207",
        lambda: with_comparison(clean(), basis=p.ComparisonBasis.UNSTATED),
        "/sections/0/figures/0/comparisons/0/basis",
        lambda: with_comparison(clean(), basis=p.ComparisonBasis.PREVIOUS_PERIOD),
        AS_OF,
    ),
    (
        "PCC208",
        lambda: with_paragraphs(clean(), "Patrols went up.", "  "),
        "/sections/0/blocks/1/text",
        lambda: with_paragraphs(clean(), "Patrols went up.", "Arrests went up."),
        AS_OF,
    ),
    (
        "PCC209",
        lambda: with_paragraphs(clean(), "Patrols went up.", "Figures to follow."),
        "/sections/0/blocks/1/text",
        lambda: with_paragraphs(clean(), "Officers have clear guidance to follow in every case."),
        AS_OF,
    ),
    (
        "PCC210",
        lambda: with_figure(
            clean(),
            availability=p.DataAvailability(status=p.DataStatus.NOT_AVAILABLE),
        ),
        "/sections/0/figures/0/availability/reason",
        lambda: with_figure(
            clean(),
            availability=p.DataAvailability(
                status=p.DataStatus.NOT_AVAILABLE, reason="The NHS has not published it."
            ),
        ),
        AS_OF,
    ),
    (
        "PCC301",
        # "total offences involving a knife 2022/23 at 1,209, which is a 7% (n = 76) decrease"
        lambda: with_figure(
            clean(),
            value=Decimal(1209),
            comparisons=(
                p.Comparison(
                    basis=p.ComparisonBasis.PREVIOUS_PERIOD,
                    period=Q1,
                    change=p.Change(
                        direction=p.Direction.DECREASE, count=Decimal(-76), percent=Decimal(-7)
                    ),
                ),
            ),
        ),
        "/sections/0/figures/0/comparisons/0/change",
        # "a 43% increase ... the baseline recorded in 2019 with 35 offences and 50 offences"
        clean,
        AS_OF,
    ),
    (
        "PCC302",
        lambda: attrs.evolve(clean(), published=p.PartialDate(year=2023, month=11)),
        "/published",
        lambda: attrs.evolve(clean(), published=p.PartialDate(year=2023, month=10)),
        AS_OF,
    ),
    (
        "PCC303",
        lambda: with_figure(
            clean(), period=p.ReportingPeriod(start=date(2023, 4, 1), end=date(2024, 3, 31))
        ),
        "/sections/0/figures/0/period",
        lambda: with_figure(
            clean(),
            comparisons=(
                p.Comparison(
                    basis=p.ComparisonBasis.TARGET,
                    value=Decimal(60),
                    period=p.ReportingPeriod(start=date(2023, 4, 1), end=date(2024, 3, 31)),
                ),
            ),
        ),
        AS_OF,
    ),
    (
        "PCC304",
        lambda: attrs.evolve(clean(), published=p.PartialDate(year=2023, month=6, day=15)),
        "/periods/0",
        lambda: attrs.evolve(clean(), published=p.PartialDate(year=2023, month=6)),
        AS_OF,
    ),
    (
        "PCC305",
        lambda: _plus_section(clean(), "serious-violence"),
        "/sections/6/priority",
        clean,
        AS_OF,
    ),
    (
        "PCC306",
        lambda: _plus_section(clean(), "terrorism", "Counter terrorism"),
        "/sections/6/priority",
        clean,
        AS_OF,
    ),
    (
        "PCC307",
        lambda: with_section(clean(), 0, title="Priority 1"),
        "/sections/0/title",
        lambda: with_section(clean(), 0, title="Reducing homicides and murder"),
        AS_OF,
    ),
    (
        "PCC308",
        lambda: _with_metric(clean(), national_metric="victim-satisfaction"),
        "/sections/0/metrics/0/national_metric",
        lambda: _with_metric(clean(), national_metric="homicides"),
        AS_OF,
    ),
    (
        "PCC309",
        lambda: _with_metric(clean(), national_metric="homicides", data_source="NHS"),
        "/sections/0/metrics/0/data_source",
        lambda: _with_metric(clean(), national_metric="homicides", data_source="Homicide Index"),
        AS_OF,
    ),
    (
        "PCC310",
        lambda: attrs.evolve(
            clean(), body=p.PolicingBody(kind="mayor", name="Mayor of West Mercia")
        ),
        "/body/kind",
        clean,
        AS_OF,
    ),
    (
        "PCC311",
        lambda: attrs.evolve(
            clean(),
            body=p.PolicingBody(kind="common-council", name="Common Council"),
            force=p.PoliceForce(code="E23000034", name="City of London Police"),
        ),
        "/body/kind",
        clean,
        AS_OF,
    ),
    (
        "PCC401",
        lambda: with_paragraphs(clean(), "The OCG team made arrests."),
        "/sections/0/blocks/0/text",
        lambda: with_paragraphs(clean(), "Organised crime groups (OCG) were disrupted by the NHS."),
        AS_OF,
    ),
    (
        "PCC402",
        lambda: with_paragraphs(clean(), *_ACRONYM_FIRST),
        "/sections/0/blocks/0/text",
        lambda: with_paragraphs(clean(), *reversed(_ACRONYM_FIRST)),
        AS_OF,
    ),
    (
        "PCC403",
        lambda: with_paragraphs(clean(), "Domestic abuse (DA) fell.", "A district attorney (DA)."),
        "/sections/0/blocks/1/text",
        lambda: with_paragraphs(clean(), "Domestic abuse (DA) fell.", "Domestic Abuse (DA)."),
        AS_OF,
    ),
    (
        "PCC901",
        lambda: suppressing(clean(), _suppression("ACME1", "/title")),
        "/suppressions/0/rule",
        lambda: suppressing(
            with_paragraphs(clean(), "The OCG team met."), _suppression("PCC4", "/sections/0")
        ),
        AS_OF,
    ),
    (
        "PCC902",
        lambda: suppressing(clean(), _suppression("PCC4", "/sections/99")),
        "/suppressions/0/path",
        lambda: suppressing(
            attrs.evolve(clean(), published=p.PartialDate(year=2023, month=11)),
            _suppression("PCC302", "/published"),
        ),
        AS_OF,
    ),
    (
        "PCC903",
        lambda: suppressing(clean(), _suppression("PCC401", "/sections/0")),
        "/suppressions/0",
        lambda: suppressing(
            with_paragraphs(clean(), "The OCG team met."), _suppression("PCC401", "/sections/0")
        ),
        AS_OF,
    ),
    (
        "PCC904",
        lambda: suppressing(
            with_paragraphs(clean(), "The OCG team met."), _suppression("PCC401", "", reason=" ")
        ),
        "/suppressions/0/reason",
        lambda: suppressing(with_paragraphs(clean(), "The OCG team met."), _suppression("PCC401")),
        AS_OF,
    ),
    (
        "PCC905",
        lambda: suppressing(attrs.evolve(clean(), published=None), _suppression("PCC1")),
        "/suppressions/0/rule",
        lambda: suppressing(with_paragraphs(clean(), "The OCG team met."), _suppression("PCC")),
        AS_OF,
    ),
]


def test_the_clean_statement_has_no_findings() -> None:
    """The statement the rule tests start from gives no finding at all."""
    assert found(clean()) == []


def test_every_rule_has_a_case() -> None:
    """Every built-in rule has a triggering and a non-triggering statement, here or beside."""
    codes = [code for code, *_ in CASES] + [code for code, *_ in NEW_CASES]
    assert sorted(codes) == [rule.code for rule in BUILTIN_RULES]


@pytest.mark.parametrize(("code", "trigger", "path", "near_miss", "as_of"), CASES)
def test_rule_triggers(
    code: str, trigger: Callable[[], S], path: str, near_miss: Callable[[], S], as_of: date
) -> None:
    """The rule finds what it is for, at the expected path."""
    assert (code, path) in found(trigger(), code, as_of=as_of)


@pytest.mark.parametrize(("code", "trigger", "path", "near_miss", "as_of"), CASES)
def test_rule_does_not_trigger(
    code: str, trigger: Callable[[], S], path: str, near_miss: Callable[[], S], as_of: date
) -> None:
    """The rule finds nothing in a statement that differs only in what makes it right."""
    assert found(near_miss(), code, as_of=as_of) == []


# --------------------------------------------------------------------------- details of rules


def test_removing_a_section_names_the_missing_priority() -> None:
    """The finding for a missing section says which priority is missing."""
    report = p.check(_without_section(clean(), 2), as_of=AS_OF, select=["PCC101"])
    assert [f.message for f in report.findings] == [
        "No section addresses the national priority “Disrupt drugs supply and county lines” "
        "(drugs-and-county-lines); para 7A requires a statement on every priority."
    ]


def test_missing_sections_and_assessment_are_both_reported() -> None:
    """Without a section or any assessment, both the section and the assessment are missing."""
    statement = attrs.evolve(_without_section(clean(), 0), applicability=None)
    assert ("PCC101", "/sections") in found(statement)
    assert ("PCC102", "/applicability") in found(statement)


def test_statement_wide_findings_are_reported_once() -> None:
    """A statement-wide assessment without reasons gives one finding, not one per priority."""
    statement = attrs.evolve(
        clean(), applicability=p.ApplicabilityAssessment(status=p.Applicability.APPLICABLE)
    )
    assert found(statement, "PCC105") == [("PCC105", "/applicability/reasons")]


def test_a_placeholder_is_not_a_statement_of_contribution() -> None:
    """A section whose only narrative is "To follow." has no statement of the contribution."""
    statement = with_paragraphs(clean(), "To follow.")
    assert ("PCC106", "/sections/0/blocks") in found(statement)
    assert ("PCC209", "/sections/0/blocks/0/text") in found(statement)


def test_a_subsection_counts_as_narrative() -> None:
    """Narrative inside a subsection is a statement of the contribution."""
    statement = with_blocks(
        clean(),
        p.Subsection(
            title="Knife crime", blocks=(p.Paragraph(text="Knife crime fell by a third."),)
        ),
    )
    assert found(statement, "PCC106") == []


def test_unknown_body_kind_is_not_identified() -> None:
    """A body of a kind the register does not know does not identify the body."""
    statement = attrs.evolve(clean(), body=p.PolicingBody(kind="sheriff", name="The Sheriff"))
    assert ("PCC107", "/body/kind") in found(statement)


def test_unregistered_force_code_is_not_identified() -> None:
    """A force code outside the register does not identify the force."""
    statement = attrs.evolve(clean(), force=p.PoliceForce(code="E99999999", name="Nowhere"))
    assert ("PCC108", "/force/code") in found(statement)


def test_unknown_framework_stops_the_framework_rules() -> None:
    """With an unknown framework only PCC109 speaks for the priorities, not every rule."""
    codes = {code for code, _ in found(attrs.evolve(clean(), framework="ncpm-1999"))}
    assert codes == {"PCC109"}


def test_body_is_compared_with_the_register_on_the_publication_date() -> None:
    """North Yorkshire's body was a commissioner before 2024 and the mayor after."""
    north_yorkshire = p.PoliceForce(code="E23000009", name="North Yorkshire Police")
    commissioner = p.PolicingBody(kind="pfcc", name="Police, Fire and Crime Commissioner")
    statement = attrs.evolve(clean(), force=north_yorkshire, body=commissioner)
    assert found(statement, "PCC310") == []
    later = attrs.evolve(statement, published=p.PartialDate(year=2025, month=1))
    assert found(later, "PCC310", as_of=date(2025, 6, 1)) == [("PCC310", "/body/kind")]


def test_a_title_that_reads_like_another_priority_says_so() -> None:
    """A cyber crime section titled for serious violence is named as such."""
    statement = with_section(clean(), 4, title="Reduce serious violence")
    report = p.check(statement, as_of=AS_OF, select=["PCC307"])
    assert [f.path for f in report.findings] == ["/sections/4/title"]
    assert "reads like the priority “Reduce serious violence”" in report.findings[0].message


@pytest.mark.parametrize(
    ("title", "wording", "close"),
    [
        ("Reduce murder and other homicide", "Reduce murder and other homicide", True),
        ("Reducing homicides and murder", "Reduce murder and other homicide", True),
        ("Tackling drug dealing and county lines", "Disrupt drugs supply and county lines", True),
        ("Neighbourhood policing", "Reduce neighbourhood crime", True),
        ("Priority 1", "Reduce murder and other homicide", False),
        ("Drugs", "Disrupt drugs supply and county lines", False),
        ("", "Reduce serious violence", False),
    ],
)
def test_title_similarity(title: str, wording: str, close: bool) -> None:
    """Titles reworded in the usual ways are close to the official wording; others are not."""
    assert (title_similarity(title, wording) >= TITLE_SIMILARITY) is close


def test_percentage_points_and_direction_words_are_checked() -> None:
    """A change whose direction word contradicts the numbers is inconsistent."""
    statement = with_comparison(
        clean(),
        change=p.Change(direction=p.Direction.DECREASE, count=Decimal(15), percent=Decimal(43)),
    )
    assert found(statement, "PCC301") == [("PCC301", "/sections/0/figures/0/comparisons/0/change")]


def test_hedged_figures_are_not_checked_for_consistency() -> None:
    """An approximate figure ("~80%") is not held to exact arithmetic."""
    statement = with_figure(clean(), qualifier=p.Qualifier.APPROXIMATELY, value=Decimal(52))
    assert found(statement, "PCC301") == []


def test_period_after_publication_defers_to_period_in_future() -> None:
    """A period that ends after the date of the check is reported once, by PCC303."""
    period = p.ReportingPeriod(start=date(2023, 4, 1), end=date(2023, 12, 31))
    statement = with_figure(clean(), period=period)
    codes = [code for code, path in found(statement) if path == "/sections/0/figures/0/period"]
    assert codes == ["PCC303"]


def test_data_to_follow_is_a_placeholder() -> None:
    """A figure recorded as to follow is reported as a placeholder."""
    statement = with_figure(
        clean(), availability=p.DataAvailability(status=p.DataStatus.TO_FOLLOW, reason="later")
    )
    assert ("PCC209", "/sections/0/figures/0/availability/status") in found(statement)


def test_empty_lists_items_and_subsections_are_reported() -> None:
    """Empty lists, empty items and empty subsections each give a finding at their path."""
    statement = with_blocks(
        clean(),
        p.Paragraph(text="Patrols went up."),
        p.BulletList(items=()),
        p.BulletList(items=("Arrests went up.", "")),
        p.Subsection(title=""),
    )
    assert found(statement, "PCC208") == [
        ("PCC208", "/sections/0/blocks/1/items"),
        ("PCC208", "/sections/0/blocks/2/items/1"),
        ("PCC208", "/sections/0/blocks/3/title"),
        ("PCC208", "/sections/0/blocks/3/blocks"),
    ]


def test_glossary_entries_spell_acronyms_out() -> None:
    """An acronym in the statement's glossary is spelled out, before any use."""
    statement = attrs.evolve(
        with_paragraphs(clean(), "The OCG team made arrests."),
        glossary=(p.GlossaryEntry(term="OCG", expansion="organised crime group"),),
    )
    assert found(statement, "PCC401") == []
    assert found(statement, "PCC402") == []


def test_acronym_finding_counts_uses_and_gives_a_hint() -> None:
    """One finding per acronym, at its first use, with its count and the shipped expansion."""
    statement = with_paragraphs(clean(), "Two DVPNs were issued.", "Another DVPN was issued.")
    report = p.check(statement, as_of=AS_OF, select=["PCC401"])
    assert [(f.path, f.message) for f in report.findings] == [
        (
            "/sections/0/blocks/0/text",
            "“DVPN” is used 2 times and never spelled out; spell it out at its first use, here, "
            "or add it to the glossary. It usually stands for “domestic violence protection "
            "notice”.",
        )
    ]


def test_acronyms_in_figure_wordings_are_not_counted() -> None:
    """A figure's wording repeats the narrative, so its acronyms are not uses of their own."""
    statement = with_figure(clean(), wording="69 OCG disruptions")
    assert found(statement, "PCC401") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Figures TBC.", ["TBC"]),
        ("Figures will be published in due course.", ["in due course"]),
        ("Data to follow", ["to follow"]),
        ("£XX was seized [insert figure]", ["[insert figure]", "XX"]),
        ("The date is to be confirmed.", ["to be confirmed"]),
        ("Officers have guidance to follow in every case.", []),
        ("Details are to be planned and confirmed.", []),
        ("The TBCU met.", []),
    ],
)
def test_placeholders(text: str, expected: list[str]) -> None:
    """Placeholder wordings are found, and ordinary wording is not."""
    assert placeholders(text) == expected


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("To follow.", True),
        ("TBC", True),
        ("Narrative to follow.", True),
        ("", False),
        ("Figures will be published in due course.", False),
    ],
)
def test_placeholder_only(text: str, only: bool) -> None:
    """Text that says nothing but that content will come is placeholder only."""
    assert is_placeholder_only(text) is only


def test_unsuppressible_findings_stay_active() -> None:
    """A suppression cannot silence a statutory finding."""
    statement = suppressing(attrs.evolve(clean(), published=None), _suppression("PCC110"))
    report = p.check(statement, as_of=AS_OF)
    assert not report.conformant
    assert ("PCC110", "/published") in [(f.code, f.path) for f in report.active]
    assert ("PCC905", "/suppressions/0/rule") in [(f.code, f.path) for f in report.active]


def test_invalid_pointer_in_a_suppression_is_reported() -> None:
    """A suppression path that is not a JSON Pointer is reported and suppresses nothing."""
    statement = suppressing(
        with_paragraphs(clean(), "The OCG team met."), _suppression("PCC401", "sections/0")
    )
    assert ("PCC902", "/suppressions/0/path") in found(statement)
    assert ("PCC401", "/sections/0/blocks/0/text") in found(statement)


def test_a_suppression_with_a_bad_path_is_reported_once() -> None:
    """A suppression whose path names nothing is reported as such, not also as unused."""
    statement = suppressing(clean(), _suppression("PCC401", "/sections/99"))
    assert [code for code, _ in found(statement)] == ["PCC902"]


def test_suppressions_of_rules_not_run_are_not_unused() -> None:
    """A suppression of a rule that was ignored is not reported as unused."""
    statement = suppressing(clean(), _suppression("PCC401", "/sections/0"))
    assert found(statement, "PCC903", ignore=["PCC4"]) == []


@pytest.mark.parametrize("reason", ["TBC", "\u200b", " \u2060\u200d ", "To be confirmed."])
def test_placeholder_or_invisible_reasons_are_not_reasons(reason: str) -> None:
    """A not-applicable assessment whose only reason is a placeholder or invisible is PCC104."""
    statement = with_section(clean(), 0, applicability=_not_applicable((reason,)))
    assert found(statement, "PCC104") == [("PCC104", "/sections/0/applicability/reasons")]


def test_placeholder_or_invisible_aligned_plans_are_not_reasons() -> None:
    """An applicable assessment with only a zero-width reason and a "TBC" plan is PCC105."""
    assessment = p.ApplicabilityAssessment(
        status=p.Applicability.APPLICABLE, reasons=("\u200b",), aligns_with=("TBC",)
    )
    statement = with_section(clean(), 0, applicability=assessment)
    assert found(statement, "PCC105") == [("PCC105", "/sections/0/applicability/reasons")]


def test_zero_width_narrative_is_empty_and_no_contribution() -> None:
    """A paragraph of zero-width spaces is empty (PCC208) and no statement of contribution."""
    statement = with_blocks(
        clean(), p.Paragraph(text="\u200b\u200b"), p.BulletList(items=("\ufeff",))
    )
    assert found(statement, "PCC106") == [("PCC106", "/sections/0/blocks")]
    assert found(statement, "PCC208") == [
        ("PCC208", "/sections/0/blocks/0/text"),
        ("PCC208", "/sections/0/blocks/1/items/0"),
    ]


def test_text_with_zero_width_characters_still_counts() -> None:
    """Real text with a zero-width joiner in it is content, not empty."""
    statement = with_paragraphs(clean(), "Patrols\u200d went up in the town centres.")
    assert found(statement, "PCC106") == []
    assert found(statement, "PCC208") == []


def test_placeholders_in_figure_labels_are_found() -> None:
    """A placeholder in a figure's measure, source or comparison wording is PCC209."""
    comparison = clean().sections[0].figures[0].comparisons[0]
    statement = with_figure(
        clean(),
        measure="Knife crime offences TBC",
        source="[insert source]",
        comparisons=(attrs.evolve(comparison, wording="to be confirmed"),),
    )
    assert found(statement, "PCC209") == [
        ("PCC209", "/sections/0/figures/0/measure"),
        ("PCC209", "/sections/0/figures/0/source"),
        ("PCC209", "/sections/0/figures/0/comparisons/0/wording"),
    ]


def test_acronyms_in_figure_labels_are_not_counted() -> None:
    """Acronyms in a figure's labels are not uses for the acronym rules, as before."""
    statement = with_figure(clean(), measure="OCG disruptions", source="NFIB data")
    assert found(statement, "PCC401") == []
