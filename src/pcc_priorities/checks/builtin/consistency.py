"""Consistency rules (PCC3xx): figures, dates, priorities and bodies that contradict each other."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache

from pcc_priorities.checks.builtin.citations import NATIONAL_MEASURES, ORDER_7A, STATISTICS_CODE
from pcc_priorities.checks.registry import CheckContext, Occurrence, rule
from pcc_priorities.checks.report import Category, Severity
from pcc_priorities.checks.text import first_sections, priority_label
from pcc_priorities.figures.change import change_problems
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.values import ComparisonBasis
from pcc_priorities.model.walk import Path
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.reference.force_register import forces, get_body_kind
from pcc_priorities.reference.national_frameworks import normalise_name

# --------------------------------------------------------------------------- consistency (PCC3xx)


@rule(
    code="PCC301",
    name="change-inconsistent",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    citation=STATISTICS_CODE,
    summary="A stated change does not match the stated figures.",
    fix=(
        "Recalculate the change from the two figures and correct the percentage, the count or "
        "the figures, whichever is wrong."
    ),
)
def change_inconsistent(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A stated change must match the stated figures.

    A stated change is checked against the figure and the figure compared with: the count must
    match exactly, the percentage to the precision it is written with (43% for 35 → 50, which
    is 42.9%), and the direction word must agree with the numbers. Where only one figure and the
    count are stated, the other is derived: "1,209 ... a 7% (n = 76) decrease" implies 1,285
    before, and 76 / 1,285 is 5.9%, not 7%. Hedged figures ("~80%", "up to 53%") and ranges are
    not checked.
    """
    for at, figure, _section in context.figure_rows():
        if figure.qualifier is not None or figure.upper_value is not None:
            continue
        for index, comparison in enumerate(figure.comparisons):
            if comparison.change is None:
                continue
            problems = change_problems(figure.value, comparison)
            if problems is not None:
                yield Occurrence(
                    path=(*at, "comparisons", index, "change"),
                    message=f"“{figure.measure}”: " + "; ".join(problems) + ".",
                )


@rule(
    code="PCC302",
    name="publication-date-in-future",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    summary="The publication date is after the date of the check.",
    fix=(
        "Correct the date. When checking a draft before it is published, check it as of the "
        "planned publication date (`--as-of`)."
    ),
)
def publication_date_in_future(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """The publication date should not be in the future.

    A publication date after the date of the check is usually a mistyped year. A date known only
    to the month or year counts as in the future only if all of it is.
    """
    published = statement.published
    if published is not None and published.earliest > context.as_of:
        yield Occurrence(
            path=("published",),
            message=(
                f"The statement is dated {published}, after the date of the check "
                f"({context.as_of.isoformat()})."
            ),
        )


@rule(
    code="PCC303",
    name="period-in-future",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    summary="A reporting period ends after the date of the check.",
    fix=(
        "Correct the period: figures cannot exist for days that have not happened (a year to "
        "date ends at the latest month reported)."
    ),
)
def period_in_future(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Reporting periods should have ended by the date of the check.

    The statement's periods, figures' periods and comparisons' periods must have ended by the
    date of the check. Targets' periods and local plans' periods may run into the future and are
    not checked. A period whose end is known only to the month or year counts only if all of
    it is after the date of the check.
    """
    as_of = context.as_of
    for path, period, end in context.shared(_period_ends):
        if end > as_of:
            yield Occurrence(
                path=path,
                message=(
                    f"This period ends {_end_words(period.end)}, after the date of "
                    f"the check ({context.as_of.isoformat()})."
                ),
            )


def _period_ends(context: CheckContext) -> list[tuple[Path, ReportingPeriod, date]]:
    """Each period PCC303 and PCC304 look at (not targets'), with the earliest day it ends on."""
    found = []
    target = ComparisonBasis.TARGET
    for path, period, comparison in context.period_rows():
        if comparison is not None and comparison.basis is target:
            continue
        end = period.earliest_end
        if end is not None:
            found.append((path, period, end))
    return found


def _end_words(end: date | PartialDate | None) -> str:
    if isinstance(end, date):
        return f"on {end.isoformat()}"
    return f"in {end}"


@rule(
    code="PCC304",
    name="period-after-publication",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    summary="A reporting period ends after the statement's publication date.",
    fix="Correct the period or the publication date; one of them is mistyped.",
)
def period_after_publication(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Reporting periods should end by the publication date.

    A statement cannot report figures for days after it was published. Periods that also end
    after the date of the check are reported by PCC303 instead; targets' periods are not
    checked. A period whose end is known only to the month or year counts only if all of it
    is after the publication date.
    """
    published = statement.published
    if published is None:
        return
    ends = context.shared(_period_ends)
    if not ends:
        return
    latest, as_of = published.latest, context.as_of  # once, not once per period
    for path, period, end in ends:
        if latest < end <= as_of:
            yield Occurrence(
                path=path,
                message=(
                    f"This period ends {_end_words(period.end)}, after the statement's "
                    f"publication date ({published})."
                ),
            )


@rule(
    code="PCC305",
    name="duplicate-priority-section",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    summary="Two sections address the same national priority.",
    fix="Merge the sections, or give the second its own priority.",
)
def duplicate_priority_section(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Each national priority should have one section.

    A second section for the same priority is usually a mislabelled section for another
    priority.
    """
    first = first_sections(statement)
    for index, section in enumerate(statement.sections):
        if first[section.priority] != index:
            yield Occurrence(
                path=("sections", index, "priority"),
                message=(
                    f"Section {first[section.priority]} already addresses the priority "
                    f"{section.priority!r}."
                ),
            )


@rule(
    code="PCC306",
    name="unknown-priority-section",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    summary="A section names a priority that is not in the statement's framework.",
    fix="Use the id of one of the framework's priorities (`pcc-priorities frameworks -v`).",
)
def unknown_priority_section(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Sections should name priorities of the statement's framework.

    Sections are matched to the framework's priorities by id; a section with an unknown id
    addresses none of them.
    """
    if context.framework is None:
        return
    known = {priority.id for priority in context.framework.priorities}
    for index, section in enumerate(statement.sections):
        if section.priority not in known:
            yield Occurrence(
                path=("sections", index, "priority"),
                message=(
                    f"The framework {context.framework.id!r} has no priority {section.priority!r}."
                ),
            )


_TITLE_STOPWORDS = frozenset({"a", "an", "and", "the", "of", "to", "with", "in", "on", "for"})
#: Below this similarity to every official wording, a title is "far" from its priority.
TITLE_SIMILARITY = 0.6
_TITLE_CHARACTERS = 300


def _stems(text: str) -> set[str]:
    return {word[:5] for word in normalise_name(text).split() if word not in _TITLE_STOPWORDS}


@lru_cache(maxsize=4096)
def title_similarity(title: str, wording: str) -> float:
    """Return how alike a section title and a priority's wording are, from 0 to 1.

    The larger of the two: the character similarity of the normalised texts, and the share
    of significant words they have in common (compared by their first five letters, so
    "reducing homicides" matches "reduce homicide").
    """
    first, second = normalise_name(title), normalise_name(wording)
    # Titles are short; a very long one is far from any wording and is not compared in full.
    characters = SequenceMatcher(None, first[:_TITLE_CHARACTERS], second).ratio()
    a, b = _stems(title), _stems(wording)
    words = 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0
    return max(characters, words)


@rule(
    code="PCC307",
    name="priority-title-mismatch",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    citation=NATIONAL_MEASURES,
    summary="A section's title is far from every official wording of its priority.",
    fix=(
        "Title the section with the priority's official wording (`pcc-priorities frameworks "
        "-v`), or check that the section is for the right priority."
    ),
)
def priority_title_mismatch(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A section's title should resemble its priority's official wording.

    Readers look for the national priorities by their official wording. A section title that
    resembles none of its priority's wordings (its title and the aliases statements use) may
    confuse them, or may mean the section was given the wrong priority id; the message says so
    when the title reads like another priority.
    """
    if context.framework is None:
        return
    priorities = {priority.id: priority for priority in context.framework.priorities}
    for index, section in enumerate(statement.sections):
        own = priorities.get(section.priority)
        if own is None or context.framework.match_priority(section.title) is own:
            continue
        score = max(title_similarity(section.title, wording) for wording in own.wordings)
        if score >= TITLE_SIMILARITY:
            continue
        best, best_score = own, score
        for other in context.framework.priorities:
            other_score = max(title_similarity(section.title, w) for w in other.wordings)
            if other_score > best_score:
                best, best_score = other, other_score
        hint = (
            f"; it reads like the priority {priority_label(best)}"
            if best is not own and best_score >= TITLE_SIMILARITY
            else ""
        )
        yield Occurrence(
            path=("sections", index, "title"),
            message=(
                f"The title “{section.title}” is far from the wording of the priority "
                f"{priority_label(own)}{hint}."
            ),
        )


@rule(
    code="PCC308",
    name="metric-of-other-priority",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    citation=NATIONAL_MEASURES,
    summary="A section lists a national metric of another priority.",
    fix="Move the metric to the section of its priority, or correct its `national_metric`.",
)
def metric_of_other_priority(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A section should list only its own priority's national metrics.

    Each national metric measures one priority; listing it under another priority's section
    misleads readers about what is measured.
    """
    if context.framework is None:
        return
    national = {metric.id: metric for metric in context.framework.metrics}
    for index, section in enumerate(statement.sections):
        for metric_index, metric in enumerate(section.metrics):
            linked = national.get(metric.national_metric or "")
            if linked is not None and linked.priority != section.priority:
                yield Occurrence(
                    path=("sections", index, "metrics", metric_index, "national_metric"),
                    message=(
                        f"The national metric {linked.id!r} measures the priority "
                        f"{linked.priority!r}, not {section.priority!r}."
                    ),
                )


@rule(
    code="PCC309",
    name="data-source-differs",
    severity=Severity.INFO,
    category=Category.CONSISTENCY,
    citation=NATIONAL_MEASURES,
    summary="A national metric is reported from a different data source than the national one.",
    fix=(
        "Check the data source; if the force reports the metric from another source on "
        "purpose, say why in the narrative."
    ),
)
def data_source_differs(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """A national metric reported from another source deserves a second look.

    National metrics are measured from set data sources (victim satisfaction from the Crime
    Survey for England and Wales, for one). A metric linked to a national metric whose data
    source is a different known source may be right, but readers should know the figures are
    not the national measure.
    """
    if context.framework is None:
        return
    framework = context.framework
    national = {metric.id: metric for metric in framework.metrics}
    for index, section in enumerate(statement.sections):
        for metric_index, metric in enumerate(section.metrics):
            linked = national.get(metric.national_metric or "")
            if linked is None or metric.data_source is None:
                continue
            source = framework.match_data_source(metric.data_source)
            if source is not None and source.id not in linked.data_sources:
                expected = ", ".join(framework.data_source(s).title for s in linked.data_sources)
                yield Occurrence(
                    path=("sections", index, "metrics", metric_index, "data_source"),
                    message=(
                        f"The national metric {linked.id!r} is measured from {expected}; this "
                        f"metric's data source is {source.title}."
                    ),
                )


@rule(
    code="PCC310",
    name="body-differs-from-register",
    severity=Severity.WARNING,
    category=Category.CONSISTENCY,
    summary="The policing body is not of the kind the register has for the force at the time.",
    fix=(
        "Check the body's kind (`pcc-priorities forces`): policing functions pass between "
        "kinds of body (a commissioner to a mayor)."
    ),
)
def body_differs_from_register(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """The policing body should be the one the register has at the time.

    The register records which kind of body held policing functions for each force over time.
    The body is compared with the register on the publication date (or the date of the check if
    there is none).
    """
    registered = next((f for f in forces() if f.code == statement.force.code), None)
    if registered is None:
        return
    day = statement.published.latest if statement.published else context.as_of
    try:
        term = registered.body(day)
    except LookupError:
        return
    if term.kind != statement.body.kind:
        yield Occurrence(
            path=("body", "kind"),
            message=(
                f"On {day.isoformat()} the register has {term.title} (a {term.kind!r}) for "
                f"{registered.area}, not a {statement.body.kind!r}."
            ),
        )


@rule(
    code="PCC311",
    name="body-not-elected",
    severity=Severity.INFO,
    category=Category.CONSISTENCY,
    citation=ORDER_7A,
    summary="The policing body is not an elected local policing body.",
    fix="Nothing to fix if the body publishes the statement voluntarily.",
)
def body_not_elected(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Para 7A binds elected local policing bodies only.

    A statement by another kind of body (the Common Council of the City of London) is voluntary,
    so the statutory rules are good practice for it.
    """
    try:
        kind = get_body_kind(statement.body.kind)
    except KeyError:
        return
    if not kind.elected:
        yield Occurrence(
            path=("body", "kind"),
            message=f"A {kind.title} is not an elected local policing body.",
        )
