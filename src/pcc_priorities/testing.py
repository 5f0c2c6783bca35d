"""Hypothesis strategies for every model type, for tests of projects built on pcc-priorities.

Install the ``testing`` extra (``pip install 'pcc-priorities[testing]'``). Every strategy
generates values that are valid documents: :func:`statements` gives statements that load,
dump and load again unchanged, with ids that resolve against the reference data.

Example::

    from hypothesis import given
    from pcc_priorities import dumps, loads
    from pcc_priorities.testing import statements

    @given(statements())
    def test_round_trip(statement):
        assert loads(dumps(statement)) == statement
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

import attrs

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "pcc_priorities.testing needs Hypothesis: pip install 'pcc-priorities[testing]'"
    ) from error

from pcc_priorities._jsonvalue import FrozenJSONObject, JSONValue, freeze_object
from pcc_priorities._model import (
    Applicability,
    ApplicabilityAssessment,
    Area,
    AreaKind,
    AuthorKind,
    Authorship,
    Block,
    BulletList,
    Change,
    Comparison,
    ComparisonBasis,
    DataAvailability,
    DataStatus,
    Direction,
    Figure,
    GlossaryEntry,
    MetricReference,
    NarrativeRole,
    Paragraph,
    PartialDate,
    PeriodKind,
    PlanKind,
    PlanReference,
    PoliceForce,
    PolicingBody,
    PrioritySection,
    Qualifier,
    Quotation,
    Rank,
    RankOrder,
    RateBase,
    RateDenominator,
    ReportingPeriod,
    Statement,
    Subsection,
    Suppression,
    Unit,
)
from pcc_priorities._reference import Framework, body_kinds, forces, frameworks
from pcc_priorities._report import Category, Finding, Report, Severity

__all__ = [
    "applicability_assessments",
    "areas",
    "authorships",
    "blocks",
    "changes",
    "comparisons",
    "dates",
    "decimals",
    "extensions",
    "figures",
    "findings",
    "glossary_entries",
    "hostile_texts",
    "json_pointers",
    "json_values",
    "kinded_periods",
    "metric_references",
    "partial_dates",
    "plan_references",
    "police_forces",
    "policing_bodies",
    "priority_sections",
    "reporting_periods",
    "reports",
    "statements",
    "suppressions",
    "texts",
]

T = TypeVar("T")

_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-"


def texts(*, min_size: int = 0, max_size: int = 30) -> st.SearchStrategy[str]:
    """Any Unicode text a document can hold: everything but lone surrogates."""
    return st.text(alphabet=st.characters(codec="utf-8"), min_size=min_size, max_size=max_size)


#: Fragments that try to break out of HTML or Markdown, or to run a script.
_HOSTILE_FRAGMENTS = (
    "<script>window.__pccScriptRan = true</script>",
    '"><img src=x onerror="window.__pccScriptRan = true">',
    "' onmouseover='window.__pccScriptRan = true",
    "javascript:window.__pccScriptRan = true",
    '<a href="javascript:alert(1)">link</a>',
    "</p></section><h1>injected</h1>",
    "<!-- comment -->",
    "<![CDATA[x]]>",
    "<style>body{display:none}</style>",
    "&amp;",
    "&lt;script&gt;",
    "&#60;",
    "\x00",
    "\x1b[31m",
    "\x7f\x85",
    "\u2028",
    "\r\n\r\n",
    "\n\n",
    "\n",
    "    indented",
    "\t",
    "# heading",
    "- item",
    "1. item",
    "2) item",
    "> quote",
    "---",
    "===",
    "***",
    "| a | b |",
    "|---|",
    "[x](javascript:alert(1))",
    "![x](https://example.org/x.png)",
    "<https://example.org>",
    "https://example.org/page",
    "`code`",
    "```",
    "~~~",
    "**bold** _em_ ~~gone~~",
    "$x$",
    "\\",
    "[^1]: footnote",
    "[ref]: https://example.org",
    "{{ x }} ${x} %s",
    ":::",
    "OCG",
)


def hostile_texts(*, min_size: int = 0) -> st.SearchStrategy[str]:
    """Text made of markup, Markdown syntax, control characters and any Unicode.

    For tests that publishing escapes everything: every piece may try to become an element,
    an attribute, a link, a script or a Markdown block.
    """
    pieces = st.sampled_from(_HOSTILE_FRAGMENTS) | texts(max_size=8)
    return (
        st.lists(pieces, min_size=1 if min_size else 0, max_size=5)
        .map("".join)
        .filter(lambda text: len(text) >= min_size)
    )


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _tuples(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def dates() -> st.SearchStrategy[date]:
    """Dates from 2000 to 2039."""
    return st.dates(min_value=date(2000, 1, 1), max_value=date(2039, 12, 31))


def decimals() -> st.SearchStrategy[Decimal]:
    """Exact numbers as statements write them: whole numbers and up to three decimal places.

    Negative zeros ("-0", "-0.0") are among them, since a document may hold them.
    """
    whole = st.integers(min_value=-(10**12), max_value=10**12).map(Decimal)
    negative_zeros = st.sampled_from([Decimal("-0"), Decimal("-0.0")])
    fractional = st.builds(
        lambda digits, places: Decimal(digits).scaleb(-places),
        st.integers(min_value=-(10**9), max_value=10**9),
        st.integers(min_value=1, max_value=3),
    )
    return whole | fractional | negative_zeros


def partial_dates() -> st.SearchStrategy[PartialDate]:
    """Dates known to the year, the month or the day."""
    return dates().flatmap(
        lambda day: st.sampled_from(
            [
                PartialDate(year=day.year),
                PartialDate(year=day.year, month=day.month),
                PartialDate.from_date(day),
            ]
        )
    )


@st.composite
def reporting_periods(draw: st.DrawFn) -> ReportingPeriod:
    """Periods of up to about four years, with or without a label and a kind."""
    start = draw(dates())
    end = start + timedelta(days=draw(st.integers(min_value=0, max_value=1500)))
    return ReportingPeriod(
        start=start,
        end=end,
        label=draw(_optional(texts(max_size=30))),
        kind=draw(_optional(st.sampled_from(PeriodKind))),
    )


def json_values() -> st.SearchStrategy[JSONValue]:
    """Any JSON value, frozen, with exact numbers."""
    scalars = st.none() | st.booleans() | st.integers() | decimals() | texts(max_size=20)
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=3).map(tuple)
            | st.dictionaries(texts(max_size=8), children, max_size=3).map(freeze_object)
        ),
        max_leaves=8,
    )


def extensions() -> st.SearchStrategy[FrozenJSONObject]:
    """Extension mappings with namespaced keys ('namespace:name')."""
    keys = st.from_regex(r"[a-z0-9][a-z0-9.-]{0,8}:[a-zA-Z0-9_-]{1,10}", fullmatch=True)
    return st.dictionaries(keys, json_values(), max_size=3).map(freeze_object)


def _ids() -> st.SearchStrategy[str]:
    return st.text(alphabet=_ID_ALPHABET, min_size=1, max_size=12)


def policing_bodies() -> st.SearchStrategy[PolicingBody]:
    """Bodies of every kind the register knows."""
    return st.builds(
        PolicingBody,
        kind=st.sampled_from([kind.id for kind in body_kinds()]),
        name=texts(min_size=1),
        holder=_optional(texts()),
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
    return st.builds(Authorship, by=st.sampled_from(AuthorKind), wording=_optional(texts()))


def applicability_assessments() -> st.SearchStrategy[ApplicabilityAssessment]:
    """Applicability assessments of every status."""
    return st.builds(
        ApplicabilityAssessment,
        status=st.sampled_from(Applicability),
        reasons=_tuples(texts(min_size=1)),
        aligns_with=_tuples(texts(min_size=1)),
        wording=_optional(texts()),
    )


def areas() -> st.SearchStrategy[Area]:
    """Areas of every kind."""
    return st.builds(Area, kind=st.sampled_from(AreaKind), name=texts(min_size=1))


def changes() -> st.SearchStrategy[Change]:
    """Stated changes (not necessarily consistent with any figure)."""
    return st.builds(
        Change,
        direction=_optional(st.sampled_from(Direction)),
        count=_optional(decimals()),
        percent=_optional(decimals()),
        percentage_points=_optional(decimals()),
        wording=_optional(texts()),
    )


def comparisons() -> st.SearchStrategy[Comparison]:
    """Comparisons of every basis."""
    return st.builds(
        Comparison,
        basis=st.sampled_from(ComparisonBasis),
        period=_optional(reporting_periods()),
        value=_optional(decimals()),
        area=_optional(areas()),
        change=_optional(changes()),
        wording=_optional(texts()),
    )


def metric_references(framework: Framework | None = None) -> st.SearchStrategy[MetricReference]:
    """Metric references, linked to ``framework``'s national metrics where given."""
    national = (
        _optional(st.sampled_from([m.id for m in framework.metrics]))
        if framework and framework.metrics
        else st.none()
    )
    return st.builds(
        MetricReference,
        id=_ids(),
        name=texts(min_size=1),
        data_source=_optional(texts()),
        national_metric=national,
    )


@st.composite
def figures(draw: st.DrawFn, metric_ids: Sequence[str] = ()) -> Figure:
    """Figures whose metric (and proxy metric) is one of ``metric_ids`` or unset."""
    metric = st.sampled_from(list(metric_ids)) if metric_ids else st.nothing()
    value = draw(_optional(decimals()))
    upper = None
    if value is not None and draw(st.booleans()):
        upper = value + draw(st.integers(min_value=0, max_value=100))
    availability = draw(
        _optional(
            st.builds(
                DataAvailability,
                status=st.sampled_from(DataStatus),
                reason=_optional(texts()),
                proxy_metric=_optional(metric),
            )
        )
    )
    return Figure(
        measure=draw(texts(min_size=1)),
        metric=draw(_optional(metric)),
        wording=draw(_optional(texts())),
        value=value,
        upper_value=upper,
        qualifier=draw(_optional(st.sampled_from(Qualifier))),
        unit=draw(_optional(st.sampled_from(Unit))),
        rate_base=draw(
            _optional(
                st.builds(
                    RateBase,
                    per=st.sampled_from([1000, 100000]),
                    denominator=st.sampled_from(RateDenominator),
                )
            )
        ),
        rank=draw(
            _optional(
                st.builds(
                    Rank,
                    order=st.sampled_from(RankOrder),
                    out_of=_optional(st.integers(min_value=1, max_value=43)),
                    group=_optional(texts()),
                )
            )
        ),
        period=draw(_optional(reporting_periods())),
        area=draw(_optional(areas())),
        source=draw(_optional(texts())),
        comparisons=draw(_tuples(comparisons(), max_size=2)),
        availability=availability,
        id=draw(_optional(_ids())),
    )


def blocks(metric_ids: Sequence[str] = (), max_depth: int = 1) -> st.SearchStrategy[Block]:
    """Narrative blocks of every type, subsections nested up to ``max_depth``."""
    roles = _optional(st.sampled_from(NarrativeRole))
    leaves: st.SearchStrategy[Block] = (
        st.builds(Paragraph, text=texts(), role=roles)
        | st.builds(BulletList, items=_tuples(texts()), ordered=st.booleans(), role=roles)
        | st.builds(Quotation, text=texts(), attribution=_optional(texts()), role=roles)
    )
    if max_depth <= 0:
        return leaves
    return leaves | st.builds(
        Subsection,
        title=texts(min_size=1),
        blocks=_tuples(blocks(metric_ids, max_depth - 1)),
        figures=_tuples(figures(metric_ids), max_size=2),
        role=roles,
    )


def glossary_entries() -> st.SearchStrategy[GlossaryEntry]:
    """Glossary entries."""
    return st.builds(GlossaryEntry, term=texts(min_size=1, max_size=8), expansion=texts(min_size=1))


def plan_references() -> st.SearchStrategy[PlanReference]:
    """References to local plans and strategies."""
    return st.builds(
        PlanReference,
        kind=st.sampled_from(PlanKind),
        title=texts(min_size=1),
        owner=_optional(texts()),
        period=_optional(reporting_periods()),
        published=_optional(partial_dates()),
        url=_optional(texts()),
        priorities=_tuples(texts()),
    )


def json_pointers() -> st.SearchStrategy[str]:
    """JSON Pointers (RFC 6901): ``""`` or ``/``-separated, escaped segments."""
    segment = texts(max_size=10) | st.integers(min_value=0, max_value=20).map(str)
    return st.lists(segment, max_size=5).map(
        lambda parts: "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)
    )


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
        figures=draw(_tuples(figures(known), max_size=2)),
        applicability=draw(_optional(applicability_assessments())),
        blocks=draw(_tuples(blocks(known), max_size=3)),
        extensions=draw(extensions()),
    )


def _language() -> st.SearchStrategy[str]:
    return st.sampled_from(["en-GB", "cy", "cy-GB", "en"])


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
        prepared_by=draw(_optional(authorships())),
        edition=draw(_optional(texts())),
        language=draw(_language()),
        published=draw(_optional(partial_dates())),
        periods=draw(_tuples(reporting_periods(), max_size=2)),
        preamble=draw(_tuples(blocks(max_depth=1), max_size=2)),
        applicability=draw(_optional(applicability_assessments())),
        introduction=draw(_tuples(blocks(max_depth=1), max_size=2)),
        sections_heading=draw(_optional(texts())),
        sections=tuple(sections),
        review=draw(_optional(texts())),
        source_url=draw(_optional(texts())),
        plans=draw(_tuples(plan_references(), max_size=2)),
        glossary=draw(_tuples(glossary_entries())),
        suppressions=draw(_tuples(suppressions(), max_size=2)),
        extensions=draw(extensions()),
    )
    return _number_figures(statement)


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


def _number_figures(statement: Statement) -> Statement:
    """Give figures that have an id a unique one, so documents stay valid."""
    counter = iter(range(1_000_000))

    def renumber(figure: Figure) -> Figure:
        return figure if figure.id is None else attrs.evolve(figure, id=f"f{next(counter)}")

    def walk(block: Block) -> Block:
        if isinstance(block, Subsection):
            return attrs.evolve(
                block,
                blocks=tuple(walk(b) for b in block.blocks),
                figures=tuple(renumber(f) for f in block.figures),
            )
        return block

    return attrs.evolve(
        statement,
        preamble=tuple(walk(b) for b in statement.preamble),
        introduction=tuple(walk(b) for b in statement.introduction),
        sections=tuple(
            attrs.evolve(
                s,
                figures=tuple(renumber(f) for f in s.figures),
                blocks=tuple(walk(b) for b in s.blocks),
            )
            for s in statement.sections
        ),
    )


def findings() -> st.SearchStrategy[Finding]:
    """Check findings of every severity and category, suppressed or not."""
    return st.builds(
        Finding,
        code=st.from_regex(r"[A-Z]{2,4}[0-9]{1,3}", fullmatch=True),
        rule=st.from_regex(r"[a-z]{1,8}(-[a-z]{1,8}){0,2}", fullmatch=True),
        severity=st.sampled_from(Severity),
        category=st.sampled_from(Category),
        message=texts(),
        path=json_pointers(),
        citation=_optional(texts()),
        suppression=_optional(suppressions()),
    )


def reports() -> st.SearchStrategy[Report]:
    """Check reports with up to six findings (not tied to any statement)."""
    return st.builds(
        Report,
        findings=_tuples(findings(), max_size=6),
        framework=texts(min_size=1),
        framework_version=_optional(texts()),
        ruleset_version=texts(),
        library_version=texts(),
        as_of=dates(),
        rules=_tuples(texts(max_size=6), max_size=4),
        source=_optional(texts()),
    )


@st.composite
def kinded_periods(draw: st.DrawFn) -> ReportingPeriod:
    """Periods of every kind whose dates fit their kind, built with the constructors.

    Their :meth:`~pcc_priorities.ReportingPeriod.canonical_label` reads back to the same
    period. They have no label, like every constructed period.
    """
    year = draw(st.integers(min_value=2000, max_value=2038))
    month = draw(st.integers(min_value=1, max_value=12))
    quarter = draw(st.integers(min_value=1, max_value=4))
    kind = draw(st.sampled_from(PeriodKind))
    if kind is PeriodKind.FINANCIAL_YEAR:
        return ReportingPeriod.financial_year(year)
    if kind is PeriodKind.FINANCIAL_QUARTER:
        return ReportingPeriod.financial_quarter(year, quarter)
    if kind is PeriodKind.CALENDAR_YEAR:
        return ReportingPeriod.calendar_year(year)
    if kind is PeriodKind.CALENDAR_QUARTER:
        return ReportingPeriod.calendar_quarter(year, quarter)
    if kind is PeriodKind.MONTH:
        return ReportingPeriod.month(year, month)
    if kind is PeriodKind.MONTHS:
        first = year * 12 + month - 1
        length = draw(
            st.integers(min_value=2, max_value=36).filter(
                lambda n: not (n == 3 and (first % 12) % 3 == 0)
            )
        )
        last = first + length - 1
        return ReportingPeriod.months((year, month), (last // 12, last % 12 + 1))
    if kind is PeriodKind.YEAR_TO_DATE:
        day = draw(st.none() | st.integers(min_value=1, max_value=28))
        return ReportingPeriod.year_to_date(year, month, day)
    if kind is PeriodKind.ROLLING:
        return ReportingPeriod.rolling(year, month, draw(st.integers(min_value=1, max_value=36)))
    start = draw(dates())
    if kind is PeriodKind.DAY:
        return ReportingPeriod.day(start)
    end = start + timedelta(days=draw(st.integers(min_value=0, max_value=1500)))
    return ReportingPeriod.date_range(start, end)
