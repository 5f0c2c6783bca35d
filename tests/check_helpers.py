"""Statements for the checker's tests: a clean one, and small changes to it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

import pcc_priorities as p
from pcc_priorities.reference import NationalPriority

#: The date the clean statement is checked as of.
AS_OF = date(2023, 10, 1)
Q1 = p.ReportingPeriod(start=date(2023, 4, 1), end=date(2023, 6, 30), label="Q1 2023/24")
Q1_LAST_YEAR = p.ReportingPeriod(start=date(2022, 4, 1), end=date(2022, 6, 30), label="Q1 2022/23")


def figure(**changes: Any) -> p.Figure:
    """A complete figure: 50 offences in Q1, 43% up on 35 a year earlier."""
    base = p.Figure(
        measure="Offences recorded",
        value=Decimal(50),
        unit=p.Unit.COUNT,
        period=Q1,
        comparisons=(
            p.Comparison(
                basis=p.ComparisonBasis.SAME_PERIOD_LAST_YEAR,
                period=Q1_LAST_YEAR,
                value=Decimal(35),
                change=p.Change(
                    direction=p.Direction.INCREASE, count=Decimal(15), percent=Decimal(43)
                ),
            ),
        ),
    )
    return attrs.evolve(base, **changes)


def section(priority: NationalPriority, index: int) -> p.PrioritySection:
    """A complete section for ``priority``: its title, a metric, a figure, narrative."""
    return p.PrioritySection(
        priority=priority.id,
        title=priority.title,
        metrics=(
            p.MetricReference(
                id=f"metric-{index}",
                name="Offences recorded",
                data_source="Police recorded crime",
            ),
        ),
        figures=(figure(metric=f"metric-{index}"),),
        blocks=(p.Paragraph(text="The force has put more patrols into the town centres."),),
    )


def clean() -> p.Statement:
    """A statement on which no built-in rule finds anything, as of :data:`AS_OF`."""
    framework = p.get_framework("ncpm-2021")
    return p.Statement(
        body=p.PolicingBody(kind="pcc", name="Police and Crime Commissioner for West Mercia"),
        force=p.PoliceForce(code="E23000016", name="West Mercia Police"),
        framework="ncpm-2021",
        title="Statement on the national policing priorities",
        published=p.PartialDate(year=2023, month=9, day=15),
        periods=(Q1,),
        applicability=p.ApplicabilityAssessment(
            status=p.Applicability.APPLICABLE,
            reasons=("they align with the Safer West Mercia Plan",),
            aligns_with=("Safer West Mercia Plan",),
        ),
        sections=tuple(
            section(priority, index) for index, priority in enumerate(framework.priorities)
        ),
    )


def with_section(statement: p.Statement, index: int, **changes: Any) -> p.Statement:
    """Return ``statement`` with section ``index`` changed."""
    sections = list(statement.sections)
    sections[index] = attrs.evolve(sections[index], **changes)
    return attrs.evolve(statement, sections=tuple(sections))


def with_figure(statement: p.Statement, **changes: Any) -> p.Statement:
    """Return ``statement`` with the first section's figure changed."""
    first = statement.sections[0]
    return with_section(statement, 0, figures=(attrs.evolve(first.figures[0], **changes),))


def with_comparison(statement: p.Statement, **changes: Any) -> p.Statement:
    """Return ``statement`` with the first figure's comparison changed."""
    comparison = statement.sections[0].figures[0].comparisons[0]
    return with_figure(statement, comparisons=(attrs.evolve(comparison, **changes),))


def with_blocks(statement: p.Statement, *blocks: p.Block) -> p.Statement:
    """Return ``statement`` with the first section's narrative replaced by ``blocks``."""
    return with_section(statement, 0, blocks=blocks)


def with_paragraphs(statement: p.Statement, *texts: str) -> p.Statement:
    """Return ``statement`` with the first section's narrative replaced by paragraphs."""
    return with_blocks(statement, *(p.Paragraph(text=text) for text in texts))


def suppressing(statement: p.Statement, *suppressions: p.Suppression) -> p.Statement:
    """Return ``statement`` with ``suppressions``."""
    return attrs.evolve(statement, suppressions=suppressions)


def found(
    statement: p.Statement, code: str | None = None, *, as_of: date = AS_OF, **options: Any
) -> list[tuple[str, str]]:
    """Return (code, path) of every unsuppressed finding (of ``code`` only, if given)."""
    report = p.check(statement, as_of=as_of, **options)
    return [
        (finding.code, finding.path)
        for finding in report.active
        if code is None or finding.code == code
    ]


Change = Callable[[p.Statement], p.Statement]


def apply(statement: p.Statement, changes: Iterable[Change]) -> p.Statement:
    """Apply each change to ``statement`` in turn."""
    for change in changes:
        statement = change(statement)
    return statement
