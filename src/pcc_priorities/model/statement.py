"""The statement: who publishes it, its plans, applicability, sections and suppressions."""

from __future__ import annotations

from typing import TypeAlias

from attrs import field, frozen

from pcc_priorities._typecheck import typed_fields
from pcc_priorities.model.figures import Figure, MetricReference, StatementDefaults
from pcc_priorities.model.json_values import FrozenJSONObject, JSONValue
from pcc_priorities.model.narrative import Block
from pcc_priorities.model.values import (
    Applicability,
    AuthorKind,
    PlanKind,
    StatementPart,
    freeze_extensions,
)
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.period import ReportingPeriod

__all__ = [
    "ApplicabilityAssessment",
    "Authorship",
    "Contact",
    "EditionRecord",
    "GlossaryEntry",
    "PlanPriority",
    "PlanReference",
    "PoliceForce",
    "PolicingBody",
    "PrioritySection",
    "Statement",
    "StatementOfContribution",
    "Suppression",
    "Translation",
]


# --------------------------------------------------------------------------- who


@frozen(kw_only=True, field_transformer=typed_fields)
class PolicingBody:
    """The elected local policing body that publishes the statement.

    Attributes:
        kind: The kind of body, an id from the register's body kinds ("pcc", "pfcc",
            "mayor", "mopac").
        name: The body's name as published ("Police and Crime Commissioner for West Mercia").
        holder: The name of the office holder, where given.
    """

    kind: str
    name: str
    holder: str | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class PoliceForce:
    """The police force maintained by the body.

    Attributes:
        code: The ONS police force area code ("E23000016").
        name: The force's name as published ("West Mercia Police").
    """

    code: str
    name: str


@frozen(kw_only=True, field_transformer=typed_fields)
class Authorship:
    """Who prepared the statement.

    Attributes:
        by: The body's office, the force, or both.
        wording: The wording as published ("Provided by West Mercia Police").
    """

    by: AuthorKind
    wording: str | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class PlanPriority:
    """One of a local plan's own priorities, with the national priorities and metrics it serves.

    "Each of our plan's priorities takes account of these measures": a plan priority names
    the national priorities (and, where the statement says, the national metrics) it
    serves. A priority with nothing but its title is written in JSON as its title alone.

    Attributes:
        title: The priority as the plan writes it ("Putting victims and survivors first").
        national_priorities: The ids of the national priorities it serves, in the statement's
            framework.
        national_metrics: The ids of the framework's national metrics it serves.
        wording: How the statement says the priority serves them, as published.
    """

    title: str
    national_priorities: tuple[str, ...] = ()
    national_metrics: tuple[str, ...] = ()
    wording: str | None = None

    @property
    def title_only(self) -> bool:
        """Whether it has nothing but its title (and is written in JSON as the title alone)."""
        return not (self.national_priorities or self.national_metrics or self.wording is not None)


@frozen(kw_only=True, field_transformer=typed_fields)
class PlanReference:
    """A local document the statement refers to: the police and crime plan, a control strategy.

    Attributes:
        kind: What kind of document it is.
        title: Its title ("Safer West Mercia Plan").
        owner: Who owns it ("West Mercia Police"), where said.
        period: The years it covers, where said.
        published: When it was published, where said.
        url: Where it is published.
        priorities: Its own priorities, as written, each with the national priorities it
            serves where the statement says.
    """

    kind: PlanKind
    title: str
    owner: str | None = None
    period: ReportingPeriod | None = None
    published: PartialDate | None = None
    url: str | None = None
    priorities: tuple[PlanPriority, ...] = ()


@frozen(kw_only=True, field_transformer=typed_fields)
class GlossaryEntry:
    """An abbreviation the statement spells out outside its text.

    Attributes:
        term: The abbreviation ("OCG").
        expansion: What it stands for ("organised crime group").
    """

    term: str
    expansion: str


@frozen(kw_only=True, field_transformer=typed_fields)
class Translation:
    """The same statement published in another language, as its own page.

    Welsh bodies publish a Welsh page and an English page that link to each other; each
    statement document names the other's page here, and the rendered page links to it
    (``<link rel="alternate" hreflang>`` and a visible language switch).

    Attributes:
        language: The other page's language, as a BCP 47 tag ("cy", "en-GB").
        url: Where that page is published (an http or https address).
    """

    language: str
    url: str


# --------------------------------------------------------------------------- applicability


@frozen(kw_only=True, field_transformer=typed_fields)
class ApplicabilityAssessment:
    """Which national priorities apply in the police area, and why (para 7A(b)).

    Attributes:
        status: Applicable, not applicable, or not yet assessed.
        reasons: The reasons given for the assessment.
        aligns_with: The local plans or strategies the assessment rests on, by title.
        wording: The assessment as published.
    """

    status: Applicability
    reasons: tuple[str, ...] = ()
    aligns_with: tuple[str, ...] = ()
    wording: str | None = None


# --------------------------------------------------------------------------- suppressions


@frozen(kw_only=True, field_transformer=typed_fields)
class Suppression:
    """A check finding the statement's authors have reviewed and accept, with their reason.

    A suppressed finding still shows in the check report, marked as suppressed with this
    reason; it no longer counts towards the report's totals or its exit code.

    Attributes:
        rule: The code of the rule ("PCC401"), or a prefix of codes ("PCC4").
        path: A JSON Pointer (RFC 6901) into the statement document: the finding's path or a
            part that contains it; ``""`` is the whole document.
        reason: Why the finding is accepted, for the people who review the statement.
    """

    rule: str
    path: str
    reason: str


# --------------------------------------------------------------------------- the statement


@frozen(kw_only=True, field_transformer=typed_fields)
class StatementOfContribution:
    """The statement of the force's contribution (para 7A(a)) made once for many priorities.

    Some statements publish one section ("Statement of contribution", or a paragraph saying
    the force's plan addresses all the measures) instead of one per priority. It meets para
    7A(a) for the priorities it covers, as a section's own narrative would.

    Attributes:
        title: Its heading as published, where it has one ("Statement of Contribution.").
        priorities: The ids of the national priorities it covers, in the statement's
            framework; None (the default) for every priority of the framework.
        blocks: Its narrative, in order.
    """

    title: str | None = None
    priorities: tuple[str, ...] | None = None
    blocks: tuple[Block, ...] = ()

    def covers(self, priority: str) -> bool:
        """Whether it covers the national priority ``priority`` (an id)."""
        return self.priorities is None or priority in self.priorities


#: The order of a statement's parts where it does not give its own.
USUAL_ORDER: tuple[StatementPart, ...] = tuple(StatementPart)


def _check_order(_instance: object, _attribute: object, order: tuple[StatementPart, ...]) -> None:
    repeated = sorted({part.value for part in order if order.count(part) > 1})
    if repeated:
        raise ValueError(f"the order names {', '.join(repeated)} more than once")


@frozen(kw_only=True, field_transformer=typed_fields)
class Contact:
    """How to contact the body about the statement, as it publishes it.

    Attributes:
        wording: The contact details as published ("Contact the Office of the Police and
            Crime Commissioner"), where they are more than an address.
        email: An e-mail address.
        telephone: A telephone number, as written.
        address: A postal address, as written (lines separated by line breaks).
        url: A web page for contacting the body.
    """

    wording: str | None = None
    email: str | None = None
    telephone: str | None = None
    address: str | None = None
    url: str | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class EditionRecord:
    """One edition of the statement in its history, and what changed in it.

    Attributes:
        edition: The edition's label as published ("Update April 2024").
        published: When that edition was published, to the precision given.
        changes: What changed in that edition, in the statement's words, one item a change.
    """

    edition: str | None = None
    published: PartialDate | None = None
    changes: tuple[str, ...] = ()


@frozen(kw_only=True, field_transformer=typed_fields)
class PrioritySection:
    """What the statement says about one national priority.

    Attributes:
        priority: The id of the national priority in the statement's framework.
        title: The priority's title as published ("Improve victim satisfaction with a focus on
            victims of domestic abuse").
        metrics: The metrics listed, with their data sources.
        figures: The figures stated for the priority (outside any subsection).
        applicability: The section's own applicability assessment, where given.
        blocks: The narrative: the statement of the force's contribution (para 7A(a)).
        headline: The id of the figure the statement names as the section's headline figure
            (one of the section's figures, its subsections' included), for summaries; the
            loader refuses an id that names no figure of the section.
        extensions: Namespaced data of other tools, kept exactly.
    """

    priority: str
    title: str
    metrics: tuple[MetricReference, ...] = ()
    figures: tuple[Figure, ...] = ()
    applicability: ApplicabilityAssessment | None = None
    blocks: tuple[Block, ...] = ()
    headline: str | None = None
    extensions: FrozenJSONObject = field(factory=FrozenJSONObject, converter=freeze_extensions)


@frozen(kw_only=True, field_transformer=typed_fields)
class Statement:
    """A statement on the national policing priorities (Specified Information Order, para 7A).

    Attributes:
        body: The elected local policing body that publishes it.
        force: The police force whose contribution it describes.
        prepared_by: Who prepared it.
        title: The title as published.
        edition: The edition label as published ("Update April 2024").
        language: The language, as a BCP 47 tag ("en-GB", "cy").
        published: When it was published, to the precision given.
        updated: When it was last updated, to the precision given, where that is later than
            its publication.
        framework: The id of the national framework it reports against ("ncpm-2021").
        periods: The periods it covers.
        preamble: The statutory preamble (what the Order requires).
        applicability: The statement-wide applicability assessment (para 7A(b)).
        introduction: Narrative before the priority sections.
        defaults: What it states once for all its figures and metrics: a period, a baseline,
            a data source.
        contribution: The statement of the force's contribution made once for several or
            all priorities (para 7A(a)), where it is published as one part.
        sections_heading: The heading over the priority sections, as published.
        sections: One section per priority, in published order.
        review: The review and variation wording.
        source_url: Where the statement is published.
        translations: The same statement published in other languages, each as its own
            page (a Welsh body's Welsh and English pages).
        contact: How to contact the body about the statement.
        accessibility_url: The body's accessibility statement for the pages it publishes on.
        plans: The local police and crime plan, control strategy and other documents cited.
        glossary: Abbreviations spelled out outside the text.
        history: The statement's editions and what changed in each, as it records them,
            oldest first.
        order: The order in which it publishes its parts, where that is not the usual one
            (:data:`USUAL_ORDER`: preamble, applicability, introduction, defaults,
            contribution, sections, review, plans, glossary, which is also the order of
            the document's keys); parts it leaves out follow the listed ones in the usual
            order. Each part at most once.
        suppressions: Check findings the authors have reviewed and accept.
        extensions: Namespaced data of other tools, kept exactly.
    """

    body: PolicingBody
    force: PoliceForce
    framework: str
    title: str
    prepared_by: Authorship | None = None
    edition: str | None = None
    language: str = "en-GB"
    published: PartialDate | None = None
    updated: PartialDate | None = None
    periods: tuple[ReportingPeriod, ...] = ()
    preamble: tuple[Block, ...] = ()
    applicability: ApplicabilityAssessment | None = None
    introduction: tuple[Block, ...] = ()
    defaults: StatementDefaults | None = None
    contribution: StatementOfContribution | None = None
    sections_heading: str | None = None
    sections: tuple[PrioritySection, ...] = ()
    review: str | None = None
    source_url: str | None = None
    translations: tuple[Translation, ...] = ()
    contact: Contact | None = None
    accessibility_url: str | None = None
    plans: tuple[PlanReference, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    history: tuple[EditionRecord, ...] = ()
    order: tuple[StatementPart, ...] = field(default=(), validator=_check_order)
    suppressions: tuple[Suppression, ...] = ()
    extensions: FrozenJSONObject = field(factory=FrozenJSONObject, converter=freeze_extensions)

    def section(self, priority: str) -> PrioritySection | None:
        """Return the first section for ``priority``, or None."""
        return next((s for s in self.sections if s.priority == priority), None)

    def parts(self) -> tuple[StatementPart, ...]:
        """Every part in the order the statement publishes them (see ``order``)."""
        return (*self.order, *(part for part in USUAL_ORDER if part not in self.order))


#: Any value the model holds in extensions.
ExtensionValue: TypeAlias = JSONValue
