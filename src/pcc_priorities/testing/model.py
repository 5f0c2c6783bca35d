"""Hypothesis strategies for every model class, up to whole statements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from pcc_priorities.model.figures import (
    Area,
    Change,
    Comparison,
    DataAvailability,
    Figure,
    MetricReference,
    PartOf,
    Rank,
    RateBase,
    StatementDefaults,
)
from pcc_priorities.model.narrative import Block, BulletList, Paragraph, Quotation, Subsection
from pcc_priorities.model.pointer import pointer
from pcc_priorities.model.statement import (
    ApplicabilityAssessment,
    Authorship,
    Contact,
    EditionRecord,
    GlossaryEntry,
    PlanPriority,
    PlanReference,
    PoliceForce,
    PolicingBody,
    PrioritySection,
    Statement,
    StatementOfContribution,
    Suppression,
    Translation,
)
from pcc_priorities.model.values import (
    Applicability,
    AreaKind,
    AuthorKind,
    BreakdownKind,
    ComparisonBasis,
    DataStatus,
    Direction,
    NarrativeRole,
    PlanKind,
    Qualifier,
    RankOrder,
    RateDenominator,
    StatementPart,
    Unit,
)
from pcc_priorities.reference.force_register import body_kinds, forces
from pcc_priorities.reference.national_frameworks import Framework, frameworks
from pcc_priorities.testing.values import (
    ID_ALPHABET,
    decimals,
    extensions,
    optional,
    partial_dates,
    reporting_periods,
    texts,
    tuples,
)

__all__ = [
    "applicability_assessments",
    "areas",
    "authorships",
    "blocks",
    "changes",
    "comparisons",
    "contacts",
    "edition_records",
    "figures",
    "glossary_entries",
    "json_pointers",
    "metric_references",
    "plan_priorities",
    "plan_references",
    "police_forces",
    "policing_bodies",
    "priority_sections",
    "statement_defaults",
    "statements",
    "statements_of_contribution",
    "suppressions",
    "translations",
]


def _ids() -> st.SearchStrategy[str]:
    return st.text(alphabet=ID_ALPHABET, min_size=1, max_size=12)


def policing_bodies() -> st.SearchStrategy[PolicingBody]:
    """Bodies of every kind the register knows."""
    return st.builds(
        PolicingBody,
        kind=st.sampled_from([kind.id for kind in body_kinds()]),
        name=texts(min_size=1),
        holder=optional(texts()),
    )


def police_forces() -> st.SearchStrategy[PoliceForce]:
    """Forces from the register, with any published name."""
    return st.builds(
        PoliceForce,
        code=st.sampled_from([force.code for force in forces()]),
        name=texts(min_size=1),
    )


def authorships() -> st.SearchStrategy[Authorship]:
    """Who prepared a statement."""
    return st.builds(Authorship, by=st.sampled_from(AuthorKind), wording=optional(texts()))


def applicability_assessments() -> st.SearchStrategy[ApplicabilityAssessment]:
    """Applicability assessments of every status."""
    return st.builds(
        ApplicabilityAssessment,
        status=st.sampled_from(Applicability),
        reasons=tuples(texts(min_size=1)),
        aligns_with=tuples(texts(min_size=1)),
        wording=optional(texts()),
    )


def areas() -> st.SearchStrategy[Area]:
    """Areas of every kind."""
    return st.builds(Area, kind=st.sampled_from(AreaKind), name=texts(min_size=1))


def changes() -> st.SearchStrategy[Change]:
    """Stated changes (not necessarily consistent with any figure)."""
    return st.builds(
        Change,
        direction=optional(st.sampled_from(Direction)),
        count=optional(decimals()),
        percent=optional(decimals()),
        percentage_points=optional(decimals()),
        wording=optional(texts()),
    )


def comparisons() -> st.SearchStrategy[Comparison]:
    """Comparisons of every basis."""
    return st.builds(
        Comparison,
        basis=st.sampled_from(ComparisonBasis),
        period=optional(reporting_periods()),
        value=optional(decimals()),
        area=optional(areas()),
        change=optional(changes()),
        wording=optional(texts()),
    )


def metric_references(framework: Framework | None = None) -> st.SearchStrategy[MetricReference]:
    """Metric references, linked to ``framework``'s national metrics where given."""
    national = (
        optional(st.sampled_from([m.id for m in framework.metrics]))
        if framework and framework.metrics
        else st.none()
    )
    return st.builds(
        MetricReference,
        id=_ids(),
        name=texts(min_size=1),
        data_source=optional(texts()),
        national_metric=national,
    )


@st.composite
def figures(draw: st.DrawFn, metric_ids: Sequence[str] = ()) -> Figure:
    """Figures whose metric (and proxy metric) is one of ``metric_ids`` or unset.

    A figure's ``part_of`` names any id; :func:`statements` makes it name a figure of the
    statement.
    """
    metric = st.sampled_from(list(metric_ids)) if metric_ids else st.nothing()
    value = draw(optional(decimals()))
    upper = None
    if value is not None and draw(st.booleans()):
        upper = value + draw(st.integers(min_value=0, max_value=100))
    availability = draw(
        optional(
            st.builds(
                DataAvailability,
                status=st.sampled_from(DataStatus),
                reason=optional(texts()),
                proxy_metric=optional(metric),
            )
        )
    )
    return Figure(
        measure=draw(texts(min_size=1)),
        metric=draw(optional(metric)),
        wording=draw(optional(texts())),
        value=value,
        upper_value=upper,
        qualifier=draw(optional(st.sampled_from(Qualifier))),
        unit=draw(optional(st.sampled_from(Unit))),
        rate_base=draw(
            optional(
                st.builds(
                    RateBase,
                    per=st.sampled_from([1000, 100000]),
                    denominator=st.sampled_from(RateDenominator),
                )
            )
        ),
        rank=draw(
            optional(
                st.builds(
                    Rank,
                    order=st.sampled_from(RankOrder),
                    out_of=optional(st.integers(min_value=1, max_value=43)),
                    group=optional(texts()),
                )
            )
        ),
        period=draw(optional(reporting_periods())),
        area=draw(optional(areas())),
        part_of=draw(optional(st.builds(PartOf, figure=_ids(), by=st.sampled_from(BreakdownKind)))),
        source=draw(optional(texts())),
        comparisons=draw(tuples(comparisons(), max_size=2)),
        availability=availability,
        id=draw(optional(_ids())),
    )


def blocks(metric_ids: Sequence[str] = (), max_depth: int = 1) -> st.SearchStrategy[Block]:
    """Narrative blocks of every type, subsections nested up to ``max_depth``."""
    roles = optional(st.sampled_from(NarrativeRole))
    leaves: st.SearchStrategy[Block] = (
        st.builds(Paragraph, text=texts(), role=roles)
        | st.builds(BulletList, items=tuples(texts()), ordered=st.booleans(), role=roles)
        | st.builds(Quotation, text=texts(), attribution=optional(texts()), role=roles)
    )
    if max_depth <= 0:
        return leaves
    return leaves | st.builds(
        Subsection,
        title=texts(min_size=1),
        blocks=tuples(blocks(metric_ids, max_depth - 1)),
        figures=tuples(figures(metric_ids), max_size=2),
        role=roles,
    )


def statement_defaults() -> st.SearchStrategy[StatementDefaults]:
    """What a statement states once for all its figures: a period, a baseline, a source."""
    return st.builds(
        StatementDefaults,
        period=optional(reporting_periods()),
        baseline=optional(reporting_periods()),
        data_source=optional(texts()),
        wording=tuples(texts(min_size=1), max_size=2),
    )


def statements_of_contribution(
    framework: Framework | None = None,
) -> st.SearchStrategy[StatementOfContribution]:
    """Statements of contribution for all priorities or some of ``framework``'s."""
    ids = [p.id for p in framework.priorities] if framework else []
    covered = optional(
        st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)).map(tuple)
        if ids
        else st.just(())
    )
    return st.builds(
        StatementOfContribution,
        title=optional(texts()),
        priorities=covered,
        blocks=tuples(blocks(max_depth=1), max_size=2),
    )


def contacts() -> st.SearchStrategy[Contact]:
    """How to contact a body: any of wording, e-mail, telephone, address and web page."""
    return st.builds(
        Contact,
        wording=optional(texts()),
        email=optional(texts()),
        telephone=optional(texts()),
        address=optional(texts()),
        url=optional(texts()),
    )


def edition_records() -> st.SearchStrategy[EditionRecord]:
    """Editions in a statement's history, with what changed in each."""
    return st.builds(
        EditionRecord,
        edition=optional(texts()),
        published=optional(partial_dates()),
        changes=tuples(texts(min_size=1), max_size=2),
    )


def glossary_entries() -> st.SearchStrategy[GlossaryEntry]:
    """Glossary entries."""
    return st.builds(GlossaryEntry, term=texts(min_size=1, max_size=8), expansion=texts(min_size=1))


def plan_priorities(framework: Framework | None = None) -> st.SearchStrategy[PlanPriority]:
    """A plan's own priorities, each serving some of ``framework``'s priorities and metrics."""
    priorities = [p.id for p in framework.priorities] if framework else []
    metrics = [m.id for m in framework.metrics] if framework else []

    def some(ids: list[str]) -> st.SearchStrategy[tuple[str, ...]]:
        if not ids:
            return st.just(())
        return st.lists(st.sampled_from(ids), unique=True, max_size=3).map(tuple)

    return st.builds(
        PlanPriority,
        title=texts(),
        national_priorities=some(priorities),
        national_metrics=some(metrics),
        wording=optional(texts()),
    )


def plan_references(framework: Framework | None = None) -> st.SearchStrategy[PlanReference]:
    """References to local plans and strategies, whose priorities serve ``framework``'s."""
    return st.builds(
        PlanReference,
        kind=st.sampled_from(PlanKind),
        title=texts(min_size=1),
        owner=optional(texts()),
        period=optional(reporting_periods()),
        published=optional(partial_dates()),
        url=optional(texts()),
        priorities=tuples(plan_priorities(framework)),
    )


def json_pointers() -> st.SearchStrategy[str]:
    """JSON Pointers (RFC 6901): ``""`` or ``/``-separated, escaped segments."""
    segment = texts(max_size=10) | st.integers(min_value=0, max_value=20).map(str)
    return st.lists(segment, max_size=5).map(pointer)


def suppressions() -> st.SearchStrategy[Suppression]:
    """Suppressions of check findings, by rule code or prefix, path and reason."""
    codes = st.from_regex(r"[A-Z]{2,5}[0-9]{0,3}", fullmatch=True)
    return st.builds(
        Suppression, rule=codes | texts(max_size=8), path=json_pointers(), reason=texts()
    )


@st.composite
def priority_sections(
    draw: st.DrawFn, framework: Framework | None = None, metric_ids: Sequence[str] = ()
) -> PrioritySection:
    """Priority sections of ``framework`` (default: any packaged framework)."""
    chosen = framework or draw(st.sampled_from(frameworks()))
    metrics = draw(
        st.lists(metric_references(chosen), max_size=3, unique_by=lambda m: m.id).map(tuple)
    )
    known = [*metric_ids, *(m.id for m in metrics)]
    return PrioritySection(
        priority=draw(st.sampled_from([p.id for p in chosen.priorities])),
        title=draw(texts(min_size=1)),
        metrics=metrics,
        figures=draw(tuples(figures(known), max_size=2)),
        applicability=draw(optional(applicability_assessments())),
        blocks=draw(tuples(blocks(known), max_size=3)),
        extensions=draw(extensions()),
    )


def _language() -> st.SearchStrategy[str]:
    return st.sampled_from(["en-GB", "cy", "cy-GB", "en"])


def translations() -> st.SearchStrategy[Translation]:
    """The statement's pages in other languages: a language tag and an address."""
    return st.builds(Translation, language=_language(), url=texts(min_size=1))


@st.composite
def statements(draw: st.DrawFn, framework: Framework | None = None) -> Statement:
    """Whole statements that are valid documents (ids resolve; figure ids are unique)."""
    chosen = framework or draw(st.sampled_from(frameworks()))
    sections: list[PrioritySection] = []
    used: set[str] = set()
    for _ in range(draw(st.integers(min_value=0, max_value=len(chosen.priorities)))):
        section = draw(priority_sections(chosen))
        metrics = tuple(m for m in section.metrics if m.id not in used)
        used.update(m.id for m in metrics)
        sections.append(_restrict_metrics(section, metrics, used))
    statement = Statement(
        body=draw(policing_bodies()),
        force=draw(police_forces()),
        framework=chosen.id,
        title=draw(texts(min_size=1)),
        prepared_by=draw(optional(authorships())),
        edition=draw(optional(texts())),
        language=draw(_language()),
        published=draw(optional(partial_dates())),
        updated=draw(optional(partial_dates())),
        periods=draw(tuples(reporting_periods(), max_size=2)),
        preamble=draw(tuples(blocks(max_depth=1), max_size=2)),
        applicability=draw(optional(applicability_assessments())),
        introduction=draw(tuples(blocks(max_depth=1), max_size=2)),
        defaults=draw(optional(statement_defaults())),
        contribution=draw(optional(statements_of_contribution(chosen))),
        sections_heading=draw(optional(texts())),
        sections=tuple(sections),
        review=draw(optional(texts())),
        source_url=draw(optional(texts())),
        translations=draw(tuples(translations(), max_size=2)),
        contact=draw(optional(contacts())),
        accessibility_url=draw(optional(texts())),
        plans=draw(tuples(plan_references(chosen), max_size=2)),
        glossary=draw(tuples(glossary_entries())),
        history=draw(tuples(edition_records(), max_size=2)),
        order=draw(st.permutations(list(StatementPart)).flatmap(_prefix)),
        suppressions=draw(tuples(suppressions(), max_size=2)),
        extensions=draw(extensions()),
    )
    statement = _number_figures(statement)
    chooser = draw(st.randoms(use_true_random=False))
    return _name_headlines(_link_parts(statement, chooser), chooser)


def _name_headlines(statement: Statement, chooser: Any) -> Statement:
    """Make some sections name one of their own figures as their headline."""
    sections: list[PrioritySection] = []
    for section in statement.sections:
        found: list[Figure] = list(section.figures)
        _collect_figures(section.blocks, found)
        ids = [figure.id for figure in found if figure.id is not None]
        headline = chooser.choice(ids) if ids and chooser.random() < 0.5 else None
        sections.append(attrs.evolve(section, headline=headline))
    return attrs.evolve(statement, sections=tuple(sections))


def _collect_figures(blocks: Sequence[Block], into: list[Figure]) -> None:
    for block in blocks:
        if isinstance(block, Subsection):
            into.extend(block.figures)
            _collect_figures(block.blocks, into)


def _prefix(parts: list[StatementPart]) -> st.SearchStrategy[tuple[StatementPart, ...]]:
    """No order (the usual one) or the first few parts of a shuffled order."""
    return st.just(()) | st.integers(min_value=1, max_value=len(parts)).map(
        lambda count: tuple(parts[:count])
    )


def _link_parts(statement: Statement, chooser: Any) -> Statement:
    """Make some figures parts of figures with a smaller id number (so never a cycle)."""
    earlier: list[str] = []

    def link(figure: Figure) -> Figure:
        part_of = None
        if earlier and chooser.random() < 0.3:
            by = figure.part_of.by if figure.part_of is not None else BreakdownKind.AREA
            part_of = PartOf(figure=chooser.choice(earlier), by=by)
        if figure.id is not None:
            earlier.append(figure.id)
        return figure if figure.part_of == part_of else attrs.evolve(figure, part_of=part_of)

    return _map_figures(statement, link)


def _restrict_metrics(
    section: PrioritySection, metrics: tuple[MetricReference, ...], known: set[str]
) -> PrioritySection:
    """Drop metrics whose id another section used, and unlink figures from them."""

    def fix(figure: Figure) -> Figure:
        changes: dict[str, Any] = {}
        if figure.metric is not None and figure.metric not in known:
            changes["metric"] = None
        availability = figure.availability
        if availability and availability.proxy_metric and availability.proxy_metric not in known:
            changes["availability"] = attrs.evolve(availability, proxy_metric=None)
        return attrs.evolve(figure, **changes) if changes else figure

    def fix_block(block: Block) -> Block:
        if isinstance(block, Subsection):
            return attrs.evolve(
                block,
                blocks=tuple(fix_block(b) for b in block.blocks),
                figures=tuple(fix(f) for f in block.figures),
            )
        return block

    return attrs.evolve(
        section,
        metrics=metrics,
        figures=tuple(fix(f) for f in section.figures),
        blocks=tuple(fix_block(b) for b in section.blocks),
    )


def _map_figures(statement: Statement, change: Any) -> Statement:
    """Return ``statement`` with ``change`` applied to every figure, in document order."""

    def walk(block: Block) -> Block:
        if isinstance(block, Subsection):
            return attrs.evolve(
                block,
                blocks=tuple(walk(b) for b in block.blocks),
                figures=tuple(change(f) for f in block.figures),
            )
        return block

    contribution = statement.contribution
    if contribution is not None:
        contribution = attrs.evolve(
            contribution, blocks=tuple(walk(b) for b in contribution.blocks)
        )
    return attrs.evolve(
        statement,
        preamble=tuple(walk(b) for b in statement.preamble),
        introduction=tuple(walk(b) for b in statement.introduction),
        contribution=contribution,
        sections=tuple(
            attrs.evolve(
                s,
                figures=tuple(change(f) for f in s.figures),
                blocks=tuple(walk(b) for b in s.blocks),
            )
            for s in statement.sections
        ),
    )


def _number_figures(statement: Statement) -> Statement:
    """Give figures that have an id a unique one, so documents stay valid."""
    counter = iter(range(1_000_000))

    def renumber(figure: Figure) -> Figure:
        return figure if figure.id is None else attrs.evolve(figure, id=f"f{next(counter)}")

    return _map_figures(statement, renumber)
