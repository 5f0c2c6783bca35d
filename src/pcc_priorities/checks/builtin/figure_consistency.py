"""Consistency rules (PCC312 to PCC314): periods and figures that cannot be what they say.

A period whose dates cannot be of its kind, a percentage no whole count could give, and a
breakdown whose parts do not add up to the whole. The other consistency rules are in
:mod:`pcc_priorities.checks.builtin.consistency`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pcc_priorities.checks.builtin.citations import STATISTICS_CODE
from pcc_priorities.checks.registry import CheckContext, Occurrence, rule
from pcc_priorities.checks.report import Category, Severity
from pcc_priorities.figures.change import whole_references
from pcc_priorities.model.figures import Figure
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.values import BreakdownKind, Unit
from pcc_priorities.model.walk import Path
from pcc_priorities.periods.period import ReportingPeriod

# --------------------------------------------------------------------------- periods


@rule(
    code="PCC312",
    name="period-contradicts-its-kind",
    severity=Severity.ERROR,
    category=Category.CONSISTENCY,
    citation=STATISTICS_CODE,
    summary="A period's dates cannot be a period of its kind (a “year to date” of 21 months).",
    fix=(
        "Check the period against the published text: correct the dates, or the kind if the "
        "label was read wrongly. If the statement itself is wrong, say so to its authors; "
        "the document keeps what was published."
    ),
    changes=("1.1: new.",),
)
def period_contradicts_its_kind(
    statement: Statement, context: CheckContext
) -> Iterator[Occurrence]:
    """A period cannot be what it says when its dates do not fit its kind.

    A period is stored as published, so a publisher's error stays in the document: "financial
    year to date (April 22 – December 23)" runs from 1 April 2022 to 31 December 2023, 21
    months, which no year to date can be. The figures reported for it cannot be read for the
    period named, so this is an error, not a matter of presentation. Only what is certain is
    reported: a period whose days are not all known (a plan's "2022-27", "the quarter") is
    reported only when no days it could have fit its kind. Local plans' periods are checked
    too.
    """
    located: list[tuple[Path, ReportingPeriod]] = [
        (path, period) for path, period, _ in context.period_rows()
    ]
    located.extend(
        (("plans", index, "period"), plan.period)
        for index, plan in enumerate(statement.plans)
        if plan.period is not None
    )
    for path, period in located:
        problem = period.kind_problem()
        if problem is not None and period.kind is not None:
            named = f"“{period.label}”" if period.label is not None else "This period"
            kind = period.kind.value.replace("_", " ")
            yield Occurrence(
                path=(*path, "kind"),
                message=f"{named}, stored as a {kind} period, cannot be one: {problem}.",
            )


# --------------------------------------------------------------------------- percentages


@rule(
    code="PCC313",
    name="percentage-impossible",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    citation=STATISTICS_CODE,
    summary="A stated percentage change to a count is one no whole count could give.",
    fix=(
        "Check the percentage and the count against the source; give the count compared with "
        "(the comparison's `value`) so readers can check the change themselves."
    ),
    changes=("1.1: new.",),
)
def percentage_impossible(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A percentage change to a count must come from some whole count.

    "5 offences, a fall of 47%" cannot be right: a fall from 9 is 44.4% and from 10 is 50.0%,
    and offences come in whole numbers. Where a comparison gives a count's change as a
    percentage without the count it is compared with (or the change in count, which PCC301
    checks), the percentage must be one some whole count gives at the places it is written
    with. The finding names the nearest whole counts and what they give. Hedged values
    ("about 5"), ranges and figures that are not counts are not checked.
    """
    for at, figure, _section in context.figure_rows():
        value = figure.value
        # The comparisons are looked at first: most give the count compared with, and then
        # the figure's value need not be checked (decimal arithmetic) at all.
        checked = [
            (index, comparison.change.percent)
            for index, comparison in enumerate(figure.comparisons)
            if comparison.change is not None
            and comparison.change.percent is not None
            and comparison.change.count is None
            and comparison.value is None
        ]
        if (
            not checked
            or value is None
            or figure.unit is not Unit.COUNT
            or figure.qualifier is not None
            or figure.upper_value is not None
            or value < 0
            or value != value.to_integral_value()
        ):
            continue
        for index, percent in checked:
            found = whole_references(value, percent)
            if found.matching is not None:
                continue
            nearest = ", ".join(
                f"from {reference} it is {_signed(percent)}%"
                for reference, percent in found.nearest
            )
            because = f": {nearest}" if nearest else ""
            yield Occurrence(
                path=(*at, "comparisons", index, "change", "percent"),
                message=(
                    f"“{figure.measure}”: no whole count changes to {value} by "
                    f"{_signed(percent)}%{because}."
                ),
            )


def _signed(number: Decimal) -> str:
    return f"+{number}" if number > 0 else f"{number}"


# --------------------------------------------------------------------------- breakdowns


@rule(
    code="PCC314",
    name="parts-do-not-add-up",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    citation=STATISTICS_CODE,
    summary="The parts of a figure do not add up to it.",
    fix=(
        "Check the figures against the source: the parts of a breakdown should add up to the "
        "whole, and one part cannot be more than the whole."
    ),
    changes=("1.1: new.",),
)
def parts_do_not_add_up(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A figure's parts should add up to it.

    "3 offences in one division and 2 in the other, of 5": figures that are parts of another
    (`part_of`), broken down the same way (by area, by offence), should add up to the whole.
    Two or more parts are a breakdown and must add up exactly; a single part is a share ("3
    of them in Luton") and must not be more than the whole. Only counts and money are added
    up, and only where the whole and every part have a plain value (no "about", no range)
    of the same unit for the same period.
    """
    defaults = statement.defaults
    wholes: dict[str, tuple[Path, Figure]] = {}
    groups: dict[tuple[str, BreakdownKind], list[Figure]] = {}
    for at, figure, _section in context.figure_rows():
        if figure.id is not None:
            wholes.setdefault(figure.id, (at, figure))
        if figure.part_of is not None:
            key = (figure.part_of.figure, figure.part_of.by)
            groups.setdefault(key, []).append(figure)
    for (whole_id, by), parts in groups.items():
        found = wholes.get(whole_id)
        if found is None:
            continue
        whole_path, whole = found
        members = [whole, *parts]
        if not all(_plain(member) for member in members):
            continue
        if len({member.unit for member in members}) != 1:
            continue
        periods = {_period_key(member.effective_period(defaults)) for member in members}
        if len(periods) != 1:
            continue
        assert whole.value is not None
        total = sum((part.value for part in parts if part.value is not None), Decimal(0))
        if len(parts) == 1 and total <= whole.value:
            continue
        if len(parts) > 1 and total == whole.value:
            continue
        shown = " + ".join(str(part.value) for part in parts)
        if len(parts) == 1:
            words = f"its part by {by} ({shown}) is more than the whole"
        else:
            words = f"its {len(parts)} parts by {by} add up to {total} ({shown})"
        yield Occurrence(
            path=(*whole_path, "value"),
            message=f"“{whole.measure}” is {whole.value}, but {words}.",
        )


def _plain(figure: Figure) -> bool:
    return (
        figure.value is not None
        and figure.unit in (Unit.COUNT, Unit.MONEY)
        and figure.qualifier is None
        and figure.upper_value is None
    )


def _period_key(period: ReportingPeriod | None) -> object:
    if period is None:
        return None
    return (period.start, period.end)
