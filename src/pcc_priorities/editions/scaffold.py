"""The scaffold: a new statement with every priority, metric and data source, ready to fill in."""

from __future__ import annotations

from datetime import date

from pcc_priorities.exceptions import UnknownForceError
from pcc_priorities.model.figures import MetricReference
from pcc_priorities.model.narrative import Quotation
from pcc_priorities.model.statement import PrioritySection, Statement
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.periods.reading import parse_period
from pcc_priorities.reference.force_register import RegisteredForce, get_force
from pcc_priorities.reference.national_frameworks import (
    DEFAULT_FRAMEWORK,
    Framework,
    get_framework,
)

__all__ = ["DEFAULT_FRAMEWORK", "ORDER_PARA_7A", "new_statement"]

#: The text of para 7A, as SI 2021/547 inserted it.
ORDER_PARA_7A = (
    "In relation to the key national priorities for policing, as communicated to elected "
    "local policing bodies by the Secretary of State— (a) a statement on the contribution of "
    "the police force maintained by the elected local policing body to achieving improvements "
    "against those priorities; (b) an explanation of which of the national priorities are "
    "assessed to be applicable and which not applicable in the context of the relevant police "
    "area and the reasons for that assessment."
)

_ORDER_TITLE = (
    "The Elected Local Policing Bodies (Specified Information) Order 2011, Schedule, "
    "paragraph 7A (inserted in 2021)"
)


def new_statement(
    *,
    force: str | RegisteredForce,
    framework: str | Framework = DEFAULT_FRAMEWORK,
    period: ReportingPeriod | str | None = None,
    published: PartialDate | None = None,
    title: str = "Statement on the national policing priorities",
) -> Statement:
    """Return a new statement for ``force`` with every priority of ``framework`` to fill in.

    The statement has the force and its policing body from the register, the Order's para
    7A as its preamble, and one section per priority, in the framework's order, with the
    official title, the national metrics and their data sources. Narrative, figures and the
    applicability assessments are left for the analyst: checking the new statement lists
    exactly what remains to be written.

    Args:
        force: The force: a registered force, or its ONS code or a name
            ("West Mercia", "E23000016").
        framework: The framework, or its id.
        period: The period the statement reports on, if known: a period, or its text as
            the statement will write it ("Q1 2023/24"), read by :func:`parse_period`.
        published: The planned publication date, if known.
        title: The statement's title.

    Raises:
        UnknownForceError: No force matches ``force``, or the register has no policing body
            for it on the publication date (or the period's end).
        UnknownFrameworkError: No framework has the id ``framework``.
        PeriodError: ``period`` is text that is not one reporting period.
    """
    if isinstance(period, str):
        period = parse_period(period)
    registered = get_force(force) if isinstance(force, str) else force
    chosen = get_framework(framework) if isinstance(framework, str) else framework
    day: date | None = (
        published.latest
        if published is not None
        else period.latest_end
        if period is not None
        else None
    )
    try:
        body = registered.policing_body(day)
    except LookupError as error:
        raise UnknownForceError(str(error)) from None
    sections = tuple(
        PrioritySection(
            priority=priority.id,
            title=priority.title,
            metrics=tuple(
                MetricReference(
                    id=metric.id,
                    name=metric.title,
                    data_source="; ".join(
                        chosen.data_source(source).title for source in metric.data_sources
                    )
                    or None,
                    national_metric=metric.id,
                )
                for metric in chosen.metrics_for(priority.id)
            ),
        )
        for priority in chosen.priorities
    )
    return Statement(
        body=body,
        force=registered.police_force(),
        framework=chosen.id,
        title=title,
        published=published,
        periods=() if period is None else (period,),
        preamble=(Quotation(text=ORDER_PARA_7A, attribution=_ORDER_TITLE),),
        sections=sections,
    )
