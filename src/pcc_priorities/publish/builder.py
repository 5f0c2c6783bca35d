"""The layout of a published statement, shared by the HTML and Markdown renderers.

:func:`layout` turns a :class:`~pcc_priorities.Statement` into a small tree of headings,
paragraphs, lists, quotations and tables. The HTML and Markdown writers serialise that one
tree, so both formats carry the same content in the same order. Statement text is held here
as plain strings; only the writers escape it, each for its own format.

"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from pcc_priorities.exceptions import UnknownFrameworkError
from pcc_priorities.model.figures import MetricReference
from pcc_priorities.model.narrative import Block, BulletList, Paragraph, Quotation, Subsection
from pcc_priorities.model.statement import (
    PlanPriority,
    PlanReference,
    PrioritySection,
    Statement,
)
from pcc_priorities.model.values import StatementPart
from pcc_priorities.publish import page_words
from pcc_priorities.publish.charts import FigureCharts
from pcc_priorities.publish.figure_tables import FigureTables, narrative_texts
from pcc_priorities.publish.footer import FooterLayout
from pcc_priorities.publish.glance import NOT_STATED_HERE
from pcc_priorities.publish.inlines import (
    Acronyms,
    blank,
    comma_separated,
    join_inlines,
    renderer_words,
)
from pcc_priorities.publish.messages import N_, _, catalogue_language, language_name, speaking
from pcc_priorities.publish.page import PageOptions
from pcc_priorities.publish.summary import SummaryLayout, contents
from pcc_priorities.publish.tree import (
    Cell,
    DescriptionList,
    Document,
    Heading,
    Image,
    Inline,
    Inlines,
    ItemList,
    LanguageLink,
    LayoutBlock,
    Link,
    Para,
    Quote,
    Row,
    Section,
    Strong,
    Table,
    Text,
)
from pcc_priorities.publish.words import (
    AUTHOR_LABELS,
    PLAN_KIND_LABELS,
    format_date,
    is_web_url,
    label_of,
)
from pcc_priorities.reference.acronyms import acronym_expansions, defined_acronyms
from pcc_priorities.reference.glossary import AcronymGlossary
from pcc_priorities.reference.national_frameworks import Framework, get_framework

__all__ = ["layout"]


_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_MAX_LEVEL = 6


_FALLBACK_TITLE = N_("Statement on the national policing priorities")


class _Builder(SummaryLayout, FooterLayout):
    """Lays out one statement."""

    def __init__(
        self,
        statement: Statement,
        acronyms: Mapping[str, str] | None,
        heading_level: int,
        glossary: AcronymGlossary | None = None,
        options: PageOptions | None = None,
    ) -> None:
        self.statement = statement
        self.options = options if options is not None else PageOptions()
        self.parts_named = 0
        if acronyms is None:
            acronyms = (
                acronym_expansions(statement, glossary)
                if glossary is not None
                else {term: found.expansion for term, found in defined_acronyms(statement).items()}
            )
        self.acronyms = Acronyms(acronyms)
        self.figure_tables = FigureTables(statement, self.acronyms.split)
        self.figure_charts = FigureCharts(statement, self.acronyms.split)
        self.top = heading_level
        self.framework: Framework | None
        try:
            self.framework = get_framework(statement.framework)
        except UnknownFrameworkError:
            self.framework = None
        language = statement.language
        valid = _LANGUAGE.fullmatch(language) is not None
        #: The catalogue of the renderer's words: Welsh for a Welsh statement, else English.
        self.words = catalogue_language(language) if valid else "en"
        #: The page's language: the statement's own tag where the renderer speaks it.
        self.page_lang = "en-GB" if self.words == "en" else language
        same = catalogue_language(language) == self.words and (
            self.words != "en" or language.lower().split("-", 1)[0] == "en"
        )
        #: The language of statement text, where it is not the page's.
        self.lang = None if same or not valid else language
        self.anchors = self._section_anchors()

    # ---------------------------------------------------------------- helpers

    def text(self, text: str) -> Inlines:
        return self.acronyms.split(text)

    def level(self, depth: int) -> int:
        return min(self.top + depth, _MAX_LEVEL)

    def heading(self, depth: int, content: Inlines, anchor: str | None = None) -> Heading:
        return Heading(self.level(depth), content, anchor)

    def titled(
        self, depth: int, title: str, anchor: str | None, fallback: str = page_words.UNTITLED
    ) -> Heading:
        """A heading of the statement's own ``title``, or ``fallback`` where it shows nothing.

        A heading with nothing visible (a title of spaces or a line separator) is no heading
        to a reader or a screen reader; the renderer's ``fallback`` words stand in, in the
        page's language, as the contents list's entry does.
        """
        content = self.text(title)
        if blank(content):
            return Heading(self.level(depth), renderer_words(fallback), anchor)
        return Heading(self.level(depth), content, anchor, self.lang)

    def _section_anchors(self) -> list[str]:
        anchors: list[str] = []
        seen: set[str] = set()
        for number, section in enumerate(self.statement.sections, start=1):
            anchor = f"pcc-priority-{section.priority}"
            if not _ID.fullmatch(section.priority) or anchor in seen:
                anchor = f"pcc-section-{number}"
            seen.add(anchor)
            anchors.append(anchor)
        return anchors

    # ---------------------------------------------------------------- document

    def document(self) -> Document:
        statement = self.statement
        heading = self.text(statement.title)
        if blank(heading):  # a page needs its heading; the statement's title was not found
            heading = renderer_words(_FALLBACK_TITLE)
        top: list[LayoutBlock] = []
        logo = self.options.logo
        if logo is not None:
            alternative = self.options.logo_text
            if alternative is None:
                alternative = _(page_words.LOGO_WORDS).format(name=statement.body.name.strip())
            top.append(Image(logo.data_url, alternative, kind="logo"))
        top += [Heading(self.level(0), heading, "pcc-title", self.lang), self.metadata()]
        # Additions before any published text, splitting none: the summary and the
        # applicability at a glance (the contents list goes before them, once all is laid out).
        blocks: list[LayoutBlock] = [self.summary()]
        glance = self.at_a_glance()
        if glance is not None:
            blocks.append(glance)
        glossary_at: int | None = None
        for part in statement.parts():  # the published order
            if part is StatementPart.GLOSSARY:
                glossary_at = len(blocks)
                continue
            blocks.extend(self.part(part))
        blocks.append(self.footer())  # an addition after every published part
        glossary = self.glossary()  # last: it lists the abbreviations used on the page
        if glossary is not None and glossary_at is not None:
            blocks.insert(glossary_at, glossary)
        listed = contents(
            blocks,
            self.level(1),
            Heading(self.level(1), renderer_words(page_words.CONTENTS_HEADING), "pcc-contents"),
            "pcc-summary",
        )
        if listed is not None:
            top.append(listed)
        title = statement.title if statement.title.strip() else _(_FALLBACK_TITLE)
        if statement.body.name.strip():
            title = f"{title} – {statement.body.name}"
        description = self.options.description
        if description is None:
            description = page_words.description_words(
                " ".join(statement.title.split()) or _(_FALLBACK_TITLE),
                " ".join(statement.body.name.split()),
            )
        return Document(
            title=title,
            blocks=(*top, *blocks),
            lang=self.page_lang,
            alternates=self.alternates(),
            description=description,
        )

    def alternates(self) -> tuple[LanguageLink, ...]:
        """The statement's pages in other languages that it gives a web address for."""
        return tuple(
            LanguageLink(translation.language, translation.url, language_name(translation.language))
            for translation in self.statement.translations
            if is_web_url(translation.url) and _LANGUAGE.fullmatch(translation.language)
        )

    def part(self, part: StatementPart) -> list[LayoutBlock]:
        """One part of the statement, as it publishes it."""
        statement = self.statement
        match part:
            case StatementPart.PREAMBLE:
                return list(self.blocks(statement.preamble, depth=1))
            case StatementPart.APPLICABILITY:
                return self.applicability_part()
            case StatementPart.INTRODUCTION:
                return list(self.blocks(statement.introduction, depth=1))
            case StatementPart.DEFAULTS if statement.defaults is not None:
                return [
                    Para(self.text(words), lang=self.lang) for words in statement.defaults.wording
                ]
            case StatementPart.CONTRIBUTION if statement.contribution is not None:
                return [self.contribution()]
            case StatementPart.SECTIONS:
                return [self.priorities()]
            case StatementPart.REVIEW if statement.review is not None:
                return [
                    Section(
                        self.heading(1, renderer_words("Review of this statement"), "pcc-review"),
                        (Para(self.text(statement.review), lang=self.lang),),
                        kind="review",
                    )
                ]
            case StatementPart.PLANS if statement.plans:
                return [self.plans()]
            case _:
                return []

    def metadata(self) -> DescriptionList:
        statement = self.statement
        items: list[tuple[Inlines, Inlines]] = []
        body = self.text(statement.body.name)
        if statement.body.holder is not None:
            body = join_inlines(body, " (", self.text(statement.body.holder), ")")
        items.append((renderer_words("Published by"), body))
        items.append((renderer_words("Police force"), self.text(statement.force.name)))
        if statement.prepared_by is not None:
            author = statement.prepared_by
            words = (
                self.text(author.wording)
                if author.wording is not None
                else (Text(label_of(AUTHOR_LABELS, author.by)),)
            )
            items.append((renderer_words("Prepared by"), words))
        items.append(
            (
                renderer_words("Published"),
                (
                    Text(
                        format_date(statement.published) if statement.published else _("Not stated")
                    ),
                ),
            )
        )
        if statement.edition is not None:
            items.append((renderer_words("Edition"), self.text(statement.edition)))
        if statement.periods:
            periods: list[Inline] = []
            for index, period in enumerate(statement.periods):
                if index:
                    periods.append(Text("; "))
                periods.extend(self.figure_tables.period(period))
            items.append((renderer_words("Period covered"), tuple(periods)))
        defaults = statement.defaults
        if defaults is not None:
            if defaults.period is not None:
                items.append(
                    (
                        renderer_words("Period of the figures, unless stated"),
                        self.figure_tables.period(defaults.period),
                    )
                )
            if defaults.baseline is not None:
                items.append(
                    (
                        renderer_words("Baseline, unless stated"),
                        self.figure_tables.period(defaults.baseline),
                    )
                )
            if defaults.data_source is not None:
                items.append(
                    (renderer_words("Data source, unless stated"), self.text(defaults.data_source))
                )
        if self.framework is not None:
            framework: Inlines = (Text(f"{_(self.framework.title)} ({self.framework.version})"),)
        else:
            framework = (Text(statement.framework),)
        items.append((renderer_words("National priorities"), framework))
        if not self.any_assessment():
            items.append(
                (renderer_words("Which priorities apply"), renderer_words(NOT_STATED_HERE))
            )
        if statement.source_url is not None:
            items.append((renderer_words("Published at"), self.link(statement.source_url)))
        return DescriptionList(tuple(items), kind="metadata")

    def link(self, url: str, content: Inlines | None = None) -> Inlines:
        label = content if content is not None else (Text(url),)
        if is_web_url(url):
            if blank(label):
                label = (Text(url),)  # a link needs words to be found and followed
            return (Link(label, url),)
        if content is None:
            return label
        return join_inlines(content, " (", url, ")")

    # ---------------------------------------------------------------- 7A(a)

    def contribution(self) -> Section:
        """The statement of contribution made once for several or all priorities."""
        contribution = self.statement.contribution
        assert contribution is not None
        blocks: list[LayoutBlock] = []
        if contribution.priorities is not None:
            names = [self.priority_title(priority) for priority in contribution.priorities]
            covered = "; ".join(names) if names else _("no national priority")
            blocks.append(
                Para(
                    join_inlines(Strong(_("Covers:")), f" {covered}"),
                    kind="national-priority",
                )
            )
        blocks.extend(self.blocks(contribution.blocks, depth=2))
        heading = (
            self.titled(1, contribution.title, "pcc-contribution")
            if contribution.title is not None
            else None
        )
        return Section(heading, tuple(blocks), kind="contribution")

    def priorities(self) -> Section:
        statement = self.statement
        heading = statement.sections_heading
        words = N_("National policing priorities")
        top = (
            self.titled(1, heading, "pcc-priorities", words)
            if heading is not None
            else Heading(self.level(1), renderer_words(words), "pcc-priorities")
        )
        sections = tuple(
            self.priority(section, anchor, number)
            for number, (section, anchor) in enumerate(
                zip(statement.sections, self.anchors, strict=True), start=1
            )
        )
        blocks: tuple[LayoutBlock, ...] = sections
        if not sections:
            blocks = (Para(renderer_words("This statement has no priority sections.")),)
        return Section(
            top,
            blocks,
            kind="priorities",
        )

    def priority(self, section: PrioritySection, anchor: str, number: int) -> Section:
        blocks: list[LayoutBlock] = []
        national = self.national_priority(section.priority)
        blocks.append(Para(national, kind="national-priority"))
        if section.applicability is not None:
            blocks.extend(self.assessment_blocks(section.applicability))
        if section.metrics:
            blocks.append(self.metrics(section.metrics, section.title))
        if section.figures:
            blocks.extend(self.figure_charts.charts(section.figures))
            blocks.append(
                self.figure_tables.figures(
                    section.figures, section.title, narrative_texts(section.blocks)
                )
            )
        blocks.extend(self.blocks(section.blocks, depth=3))
        return Section(self.titled(2, section.title, anchor), tuple(blocks), kind="priority")

    def priority_title(self, priority_id: str) -> str:
        if self.framework is not None:
            for priority in self.framework.priorities:
                if priority.id == priority_id:
                    return _(priority.title)
        return _("Priority {id}").format(id=repr(priority_id))

    def national_priority(self, priority_id: str) -> Inlines:
        if self.framework is not None:
            priorities = self.framework.priorities
            for position, priority in enumerate(priorities, start=1):
                if priority.id == priority_id:
                    place = _("({position} of {count})").format(
                        position=position, count=len(priorities)
                    )
                    return join_inlines(
                        Strong(_("National priority:")), f" {_(priority.title)} {place}"
                    )
        return join_inlines(
            Strong(_("National priority:")),
            " ",
            Text(priority_id),
            " ",
            _("(not in the framework)"),
        )

    def metrics(self, metrics: Sequence[MetricReference], title: str) -> Table:
        rows: list[Row] = []
        defaults = self.statement.defaults
        for metric in metrics:
            stated_once = metric.data_source is None and metric.effective_data_source(defaults)
            if metric.data_source is not None:
                source: Cell = (self.text(metric.data_source),)
            elif stated_once and defaults is not None and defaults.data_source is not None:
                source = (
                    join_inlines(self.text(defaults.data_source), " ", _("(stated for all)")),
                )
            else:
                source = (renderer_words("Not stated"),)
            rows.append(Row(self.text(metric.name), (source, (self.national_metric(metric),))))
        return Table(
            caption=join_inlines(_("Metrics and data sources:"), " ", self.text(title)),
            columns=(_("Metric"), _("Data source"), _("National metric")),
            rows=tuple(rows),
            kind="metrics",
        )

    def national_metric(self, metric: MetricReference) -> Inlines:
        if metric.national_metric is None:
            return renderer_words("Local metric")
        if self.framework is not None:
            for national in self.framework.metrics:
                if national.id == metric.national_metric:
                    return (Text(_(national.title)),)
        return join_inlines(Text(metric.national_metric), " ", _("(not in the framework)"))

    # ---------------------------------------------------------------- narrative

    def blocks(self, blocks: Iterable[Block], depth: int) -> Iterator[LayoutBlock]:
        for block in blocks:
            yield self.block(block, depth)

    def block(self, block: Block, depth: int) -> LayoutBlock:
        if isinstance(block, Paragraph):
            return Para(self.text(block.text), lang=self.lang)
        if isinstance(block, BulletList):
            return ItemList(
                tuple(self.text(item) for item in block.items), block.ordered, self.lang
            )
        if isinstance(block, Quotation):
            attribution = self.text(block.attribution) if block.attribution is not None else None
            return Quote(self.text(block.text), attribution, self.lang)
        return self.subsection(block, depth)

    def subsection(self, subsection: Subsection, depth: int) -> Section:
        blocks: list[LayoutBlock] = []
        if subsection.figures:
            blocks.extend(self.figure_charts.charts(subsection.figures))
            blocks.append(
                self.figure_tables.figures(
                    subsection.figures, subsection.title, narrative_texts(subsection.blocks)
                )
            )
        blocks.extend(self.blocks(subsection.blocks, depth + 1))
        anchor = None
        if depth == 1:  # a part of the statement's own, listed in the contents
            self.parts_named += 1
            anchor = f"pcc-part-{self.parts_named}"
        return Section(
            self.titled(depth, subsection.title, anchor), tuple(blocks), kind="subsection"
        )

    # ---------------------------------------------------------------- after the sections

    def plans(self) -> Section:
        items: list[Inlines] = []
        for plan in self.statement.plans:
            items.append(self.plan(plan))
        blocks: list[LayoutBlock] = [ItemList(tuple(items))]
        for plan in self.statement.plans:
            if plan.priorities:
                before, _title, after = _("Priorities of {plan}:").partition("{plan}")
                blocks.append(Para(join_inlines(before, self.text(plan.title), after)))
                blocks.append(
                    ItemList(tuple(self.plan_priority(p) for p in plan.priorities), lang=self.lang)
                )
        return Section(
            self.heading(1, renderer_words("Local plans and strategies"), "pcc-plans"),
            tuple(blocks),
            kind="plans",
        )

    def plan_priority(self, priority: PlanPriority) -> Inlines:
        """A plan's priority, with the national priorities and metrics it serves."""
        words = self.text(priority.title)
        serves = [self.priority_title(p) for p in priority.national_priorities]
        serves += [self.national_metric_title(m) for m in priority.national_metrics]
        if serves:
            words = join_inlines(words, " (", _("serves:"), " ", "; ".join(serves), ")")
        if priority.wording is not None:
            words = join_inlines(words, ": ", self.text(priority.wording))
        return words

    def national_metric_title(self, metric_id: str) -> str:
        if self.framework is not None:
            for national in self.framework.metrics:
                if national.id == metric_id:
                    return _(national.title)
        return _("Metric {id}").format(id=repr(metric_id))

    def plan(self, plan: PlanReference) -> Inlines:
        words = join_inlines(
            self.link(plan.url, self.text(plan.title))
            if plan.url is not None
            else self.text(plan.title)
        )
        details: list[Inlines] = [(Text(label_of(PLAN_KIND_LABELS, plan.kind)),)]
        if plan.owner is not None:
            details.append(self.text(plan.owner))
        if plan.period is not None:
            details.append(self.figure_tables.period(plan.period))
        if plan.published is not None:
            details.append((Text(_("published {date}").format(date=format_date(plan.published))),))
        return join_inlines(words, " (", comma_separated(details), ")")

    def glossary(self) -> Section | None:
        items: list[tuple[Inlines, Inlines]] = [
            ((Text(entry.term),), (Text(entry.expansion),)) for entry in self.statement.glossary
        ]
        own = {entry.term for entry in self.statement.glossary}
        for term in sorted(self.acronyms.used - own, key=lambda t: (t.casefold(), t)):
            items.append(((Text(term),), (Text(self.acronyms.expansions[term]),)))
        if not items:
            return None
        return Section(
            self.heading(1, renderer_words("Abbreviations"), "pcc-abbreviations"),
            (DescriptionList(tuple(items), kind="glossary"),),
            kind="glossary",
        )


def layout(
    statement: Statement,
    *,
    acronyms: Mapping[str, str] | None = None,
    heading_level: int = 1,
    glossary: AcronymGlossary | None = None,
    alternates: Sequence[LanguageLink] | None = None,
    options: PageOptions | None = None,
) -> Document:
    """Return the layout of ``statement`` that both renderers write out.

    Args:
        statement: The statement.
        acronyms: Abbreviations to mark up, term to expansion; by default those the
            statement spells out itself (its glossary and its "organised crime groups (OCG)"
            asides).
        heading_level: The level of the statement's title (1 for a page of its own; 2 or 3
            to embed it under a page's own heading).
        glossary: A glossary of acronyms whose expansions the page may add for acronyms the
            statement uses without spelling them out (``shipped_glossary()``); by default
            none: the page publishes only the expansions the statement gives. Ignored when
            ``acronyms`` is given.
        alternates: The page in other languages, for its language switch and its
            ``hreflang`` links; by default the statement's ``translations`` that give a web
            address.
        options: What the page carries besides the statement (earlier editions, downloads,
            a logo); see :class:`~pcc_priorities.publish.PageOptions`.

    The renderer's words are in the statement's language where a catalogue is shipped for
    it (Welsh, for ``language`` "cy"), and in English otherwise.
    """
    if not 1 <= heading_level <= 4:
        raise ValueError(f"heading_level must be from 1 to 4, got {heading_level}")
    with speaking(statement.language if _LANGUAGE.fullmatch(statement.language) else "en"):
        builder = _Builder(statement, acronyms, heading_level, glossary, options)
        document = builder.document()
    if alternates is not None:
        document = attrs.evolve(document, alternates=tuple(alternates))
    return document
