"""The layout of a published statement, shared by the HTML and Markdown renderers.

:func:`layout` turns a :class:`~pcc_priorities.Statement` into a small tree of headings,
paragraphs, lists, quotations and tables. The HTML and Markdown writers serialise that one
tree, so both formats carry the same content in the same order. Statement text is held here
as plain strings; only the writers escape it, each for its own format.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TypeAlias, TypeVar

from attrs import frozen

from pcc_priorities._glossary import acronym_expansions
from pcc_priorities._model import (
    Applicability,
    ApplicabilityAssessment,
    AuthorKind,
    Block,
    BulletList,
    Change,
    Comparison,
    ComparisonBasis,
    DataStatus,
    Direction,
    Figure,
    MetricReference,
    Paragraph,
    PartialDate,
    PlanKind,
    PlanReference,
    PrioritySection,
    Qualifier,
    Quotation,
    Rank,
    RankOrder,
    RateDenominator,
    ReportingPeriod,
    Statement,
    Subsection,
    Unit,
)
from pcc_priorities._reference import Framework, get_framework
from pcc_priorities.exceptions import UnknownFrameworkError

__all__ = [
    "Abbr",
    "Cell",
    "DescriptionList",
    "Document",
    "Heading",
    "Inline",
    "Inlines",
    "ItemList",
    "LayoutBlock",
    "Link",
    "Para",
    "Quote",
    "Row",
    "Section",
    "Status",
    "Strong",
    "Table",
    "Text",
    "format_date",
    "format_number",
    "is_web_url",
    "layout",
    "printable",
]

# --------------------------------------------------------------------------- the tree


@frozen
class Text:
    """Text from the statement or the renderer, to be escaped by the writer."""

    text: str


@frozen
class Abbr:
    """An abbreviation with its expansion (``<abbr title>`` in HTML)."""

    text: str
    expansion: str


@frozen
class Strong:
    """Renderer wording to stress (labels); never holds statement text."""

    text: str


@frozen
class Status:
    """An applicability status label; ``kind`` is one of a fixed set of class names."""

    text: str
    kind: str


@frozen
class Link:
    """A link: a web address :func:`is_web_url` accepted, or an anchor the renderer made."""

    content: Inlines
    href: str


Inline: TypeAlias = Text | Abbr | Strong | Status | Link
Inlines: TypeAlias = tuple[Inline, ...]


@frozen
class Heading:
    """A heading; ``anchor`` is an id the renderer made, never statement text."""

    level: int
    content: Inlines
    anchor: str | None = None
    lang: str | None = None


@frozen
class Para:
    """A paragraph; ``kind`` is one of a fixed set of class names."""

    content: Inlines
    kind: str | None = None
    lang: str | None = None


@frozen
class ItemList:
    """A bulleted or numbered list of short items."""

    items: tuple[Inlines, ...]
    ordered: bool = False
    lang: str | None = None


@frozen
class Quote:
    """A quotation with its attribution."""

    content: Inlines
    attribution: Inlines | None = None
    lang: str | None = None


@frozen
class DescriptionList:
    """Terms and their descriptions (metadata, the glossary)."""

    items: tuple[tuple[Inlines, Inlines], ...]
    kind: str | None = None


#: A table cell: one or more lines.
Cell: TypeAlias = tuple[Inlines, ...]


@frozen
class Row:
    """A table row: a header cell for the row, then data cells."""

    header: Inlines
    cells: tuple[Cell, ...]


@frozen
class Table:
    """A data table with a caption, column headers and rows with row headers."""

    caption: Inlines
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    kind: str | None = None


@frozen
class Section:
    """A titled part of the document."""

    heading: Heading | None
    blocks: tuple[LayoutBlock, ...]
    kind: str | None = None


LayoutBlock: TypeAlias = Heading | Para | ItemList | Quote | DescriptionList | Table | Section


@frozen
class Document:
    """The whole statement, laid out.

    Attributes:
        title: The page title (plain text).
        blocks: The content, in reading order.
    """

    title: str
    blocks: tuple[LayoutBlock, ...]


# --------------------------------------------------------------------------- text helpers

_NONCHARACTERS = "".join(
    chr(plane | 0xFFFE) + chr(plane | 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
#: Bidirectional embeddings, overrides and isolates (LRE … RLO, LRI … PDI), which can make
#: text read in an order other than the one it is stored in ("Trojan Source").
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + _BIDI_CONTROLS
    + _NONCHARACTERS
    + "]"
)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ ␁ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩
    return "\ufffd"


def printable(text: str) -> str:
    """Return ``text`` with characters HTML and Markdown cannot carry made visible.

    C0 control characters other than tab, line feed and carriage return become their
    Control Pictures (U+0000 becomes "␀"), DEL becomes "␡", bidirectional embeddings,
    overrides and isolates (U+202A to U+202E, U+2066 to U+2069) become their code point
    in angle brackets ("⟨U+202E⟩"), and C1 controls, lone surrogates and Unicode
    noncharacters become U+FFFD. Nothing is dropped.
    """
    return _CONTROL.sub(_visible, text)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def lines(text: str) -> list[str]:
    """Split ``text`` at each line break (CR LF, CR or LF)."""
    return _LINE_BREAK.split(text)


_WEB_URL = re.compile(r"https?://[^\s<>\"'`\\\x00-\x1f\x7f-\x9f]+")


def is_web_url(text: str) -> bool:
    """Return whether ``text`` is an http(s) address the renderers may link to.

    Only ``http`` and ``https`` addresses with a host and without spaces, quotes, angle
    brackets, backslashes or control characters are linked; anything else (a
    ``javascript:`` address included) is shown as text.
    """
    if not _WEB_URL.fullmatch(text):
        return False
    try:
        parts = urllib.parse.urlsplit(text)
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(value: date | PartialDate) -> str:
    """Return a date the British way: "14 September 2023", "September 2023", "2023"."""
    if isinstance(value, date):
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    if value.month is None:
        return str(value.year)
    month = _MONTHS[value.month - 1]
    if value.day is None:
        return f"{month} {value.year}"
    return f"{value.day} {month} {value.year}"


def _period_dates(period: ReportingPeriod) -> str:
    if period.start == period.end:
        return format_date(period.start)
    return f"{format_date(period.start)} to {format_date(period.end)}"


_MINUS = "\u2212"


def format_number(value: Decimal, *, signed: bool = False) -> str:
    """Return ``value`` with its written digits and thousands separators ("1,209", "15.90").

    Negative numbers take a true minus sign; ``signed`` adds "+" to positive ones.
    """
    text = format(abs(value), ",f")
    if value < 0 or (value == 0 and value.is_signed()):
        return _MINUS + text
    return f"+{text}" if signed and value > 0 else text


def _ordinal(value: Decimal) -> str:
    if value != value.to_integral_value() or value < 0:
        return format_number(value)
    number = int(value)
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number:,}{suffix}"


# --------------------------------------------------------------------------- wording

_Key = TypeVar("_Key")

_STATUS = {
    Applicability.APPLICABLE: ("Applicable", "applicable"),
    Applicability.NOT_APPLICABLE: ("Not applicable", "not-applicable"),
    Applicability.NOT_YET_ASSESSED: ("Not yet assessed", "not-yet-assessed"),
}
_NOT_STATED = ("Not stated", "not-stated")

_BASIS = {
    ComparisonBasis.PREVIOUS_PERIOD: "Previous period",
    ComparisonBasis.SAME_PERIOD_LAST_YEAR: "Same period last year",
    ComparisonBasis.BASELINE: "Baseline",
    ComparisonBasis.TARGET: "Target",
    ComparisonBasis.MOST_SIMILAR_GROUP: "Most similar group",
    ComparisonBasis.NATIONAL_AVERAGE: "National average",
    ComparisonBasis.PEAK: "Peak",
    ComparisonBasis.PREVIOUSLY_PUBLISHED: "Previously published",
    ComparisonBasis.UNSTATED: "Unstated reference",
    ComparisonBasis.OTHER: "Other reference",
}

_UNIT = {
    Unit.COUNT: "Count",
    Unit.PERCENT: "Per cent",
    Unit.MONEY: "Pounds sterling",
    Unit.RATE: "Rate",
    Unit.RANK: "Rank",
}

_QUALIFIER = {
    Qualifier.APPROXIMATELY: "approximately",
    Qualifier.UP_TO: "up to",
    Qualifier.AT_LEAST: "at least",
    Qualifier.MORE_THAN: "more than",
    Qualifier.LESS_THAN: "less than",
}

_DIRECTION = {
    Direction.INCREASE: "Increase",
    Direction.DECREASE: "Decrease",
    Direction.STABLE: "No change",
}

_DATA_STATUS = {
    DataStatus.NOT_AVAILABLE: "Not available",
    DataStatus.PROVISIONAL: "Provisional",
    DataStatus.TO_FOLLOW: "To follow",
}

_PLAN_KIND = {
    PlanKind.POLICE_AND_CRIME_PLAN: "Police and crime plan",
    PlanKind.CONTROL_STRATEGY: "Control strategy",
    PlanKind.OTHER: "Other document",
}

_AUTHOR = {
    AuthorKind.POLICING_BODY: "The policing body's office",
    AuthorKind.POLICE_FORCE: "The police force",
    AuthorKind.JOINT: "The policing body and the police force",
}

_DENOMINATOR = {
    RateDenominator.POPULATION: "population",
    RateDenominator.HOUSEHOLDS: "households",
}

_RANK_ORDER = {RankOrder.HIGHEST: "highest", RankOrder.LOWEST: "lowest"}


def _label(table: Mapping[_Key, str], value: _Key) -> str:
    """Return the words for an enumeration member, or its value where the table has none."""
    return table.get(value) or str(getattr(value, "value", value))


def _unit_words(figure: Figure) -> str:
    words = "Not stated" if figure.unit is None else _label(_UNIT, figure.unit)
    if figure.rate_base is not None:
        base = figure.rate_base
        words += f" per {base.per:,} {_label(_DENOMINATOR, base.denominator)}"
    return words


def _amount(value: Decimal, unit: Unit | None, *, signed: bool = False) -> str:
    if unit is Unit.PERCENT:
        return format_number(value, signed=signed) + "%"
    if unit is Unit.MONEY:
        number = format_number(value, signed=signed)
        if number[0] in (_MINUS, "+"):
            return f"{number[0]}£{number[1:]}"
        return f"£{number}"
    if unit is Unit.RANK and not signed:
        return _ordinal(value)
    return format_number(value, signed=signed)


# --------------------------------------------------------------------------- acronyms


class _Acronyms:
    """Finds abbreviations in text and pairs them with their expansions."""

    def __init__(self, expansions: Mapping[str, str]) -> None:
        self.expansions = {
            term: expansion for term, expansion in expansions.items() if term.strip()
        }
        self.used: set[str] = set()
        terms = sorted(self.expansions, key=lambda term: (-len(term), term))
        self.pattern = (
            re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in terms) + r")(?=s?(?!\w))")
            if terms
            else None
        )

    def split(self, text: str) -> Inlines:
        """Return ``text`` as text and abbreviations."""
        if self.pattern is None or not text:
            return (Text(text),)
        parts: list[Inline] = []
        position = 0
        for match in self.pattern.finditer(text):
            term = match.group(1)
            if match.start() > position:
                parts.append(Text(text[position : match.start()]))
            parts.append(Abbr(term, self.expansions[term]))
            self.used.add(term)
            position = match.end()
        if position < len(text) or not parts:
            parts.append(Text(text[position:]))
        return tuple(parts)


# --------------------------------------------------------------------------- the builder

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_MAX_LEVEL = 6


def _words(text: str) -> Inlines:
    """Return renderer wording as inline content."""
    return (Text(text),)


_FALLBACK_TITLE = "Statement on the national policing priorities"


def _blank(content: Inlines) -> bool:
    """Return whether inline content has no visible characters."""
    return all(not getattr(piece, "text", "").strip() for piece in content)


def _adds_to(wording: str, figure_wording: str | None) -> bool:
    """Return whether a comparison's wording says more than the figure's own wording."""
    return figure_wording is None or wording not in figure_wording


def _comma_separated(parts: Sequence[Inlines]) -> Inlines:
    result: list[Inline] = []
    for index, part in enumerate(parts):
        if index:
            result.append(Text(", "))
        result.extend(part)
    return tuple(result)


def _join(*parts: Inlines | Inline | str) -> Inlines:
    """Concatenate inline pieces; bare strings are renderer wording."""
    result: list[Inline] = []
    for part in parts:
        if isinstance(part, str):
            result.append(Text(part))
        elif isinstance(part, tuple):
            result.extend(part)
        else:
            result.append(part)
    return tuple(result)


class _Builder:
    """Lays out one statement."""

    def __init__(
        self, statement: Statement, acronyms: Mapping[str, str] | None, heading_level: int
    ) -> None:
        self.statement = statement
        if acronyms is None:
            acronyms = acronym_expansions(statement)
        self.acronyms = _Acronyms(acronyms)
        self.top = heading_level
        self.framework: Framework | None
        try:
            self.framework = get_framework(statement.framework)
        except UnknownFrameworkError:
            self.framework = None
        language = statement.language
        english = language.lower() == "en" or language.lower().startswith("en-")
        #: The language of statement text, where it is not English like the renderer's words.
        self.lang = None if english or not _LANGUAGE.fullmatch(language) else language
        self.anchors = self._section_anchors()

    # ---------------------------------------------------------------- helpers

    def text(self, text: str) -> Inlines:
        return self.acronyms.split(text)

    def level(self, depth: int) -> int:
        return min(self.top + depth, _MAX_LEVEL)

    def heading(self, depth: int, content: Inlines, anchor: str | None = None) -> Heading:
        return Heading(self.level(depth), content, anchor)

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
        blocks: list[LayoutBlock] = [
            Heading(self.level(0), self.text(statement.title), "pcc-title", self.lang),
            self.metadata(),
        ]
        blocks.extend(self.blocks(statement.preamble, depth=1))
        blocks.append(self.applicability_summary())
        blocks.extend(self.blocks(statement.introduction, depth=1))
        blocks.append(self.priorities())
        if statement.plans:
            blocks.append(self.plans())
        if statement.review is not None:
            blocks.append(
                Section(
                    self.heading(1, _words("Review of this statement"), "pcc-review"),
                    (Para(self.text(statement.review), lang=self.lang),),
                    kind="review",
                )
            )
        glossary = self.glossary()  # last: it lists the abbreviations used above
        if glossary is not None:
            blocks.append(glossary)
        title = statement.title if statement.title.strip() else _FALLBACK_TITLE
        if statement.body.name.strip():
            title = f"{title} – {statement.body.name}"
        return Document(title=title, blocks=tuple(blocks))

    def metadata(self) -> DescriptionList:
        statement = self.statement
        items: list[tuple[Inlines, Inlines]] = []
        body = self.text(statement.body.name)
        if statement.body.holder is not None:
            body = _join(body, " (", self.text(statement.body.holder), ")")
        items.append((_words("Published by"), body))
        items.append((_words("Police force"), self.text(statement.force.name)))
        if statement.prepared_by is not None:
            author = statement.prepared_by
            words = (
                self.text(author.wording)
                if author.wording is not None
                else (Text(_label(_AUTHOR, author.by)),)
            )
            items.append((_words("Prepared by"), words))
        items.append(
            (
                _words("Published"),
                (Text(format_date(statement.published) if statement.published else "Not stated"),),
            )
        )
        if statement.edition is not None:
            items.append((_words("Edition"), self.text(statement.edition)))
        if statement.periods:
            periods: list[Inline] = []
            for index, period in enumerate(statement.periods):
                if index:
                    periods.append(Text("; "))
                periods.extend(self.period(period))
            items.append((_words("Period covered"), tuple(periods)))
        if self.framework is not None:
            framework: Inlines = (Text(f"{self.framework.title} ({self.framework.version})"),)
        else:
            framework = (Text(statement.framework),)
        items.append((_words("National priorities"), framework))
        if statement.source_url is not None:
            items.append((_words("Published at"), self.link(statement.source_url)))
        return DescriptionList(tuple(items), kind="metadata")

    def period(self, period: ReportingPeriod) -> Inlines:
        if period.label is None:
            return (Text(_period_dates(period)),)
        return _join(self.text(period.label), f" ({_period_dates(period)})")

    def link(self, url: str, content: Inlines | None = None) -> Inlines:
        label = content if content is not None else (Text(url),)
        if is_web_url(url):
            if _blank(label):
                label = (Text(url),)  # a link needs words to be found and followed
            return (Link(label, url),)
        if content is None:
            return label
        return _join(content, " (", url, ")")

    # ---------------------------------------------------------------- 7A(b)

    def status(self, assessment: ApplicabilityAssessment | None) -> Status:
        text, kind = _STATUS.get(assessment.status, _NOT_STATED) if assessment else _NOT_STATED
        return Status(text, kind)

    def assessment_blocks(self, assessment: ApplicabilityAssessment) -> list[LayoutBlock]:
        blocks: list[LayoutBlock] = [
            Para(_join(Strong("Assessment:"), " ", self.status(assessment)), kind="assessment")
        ]
        if assessment.wording is not None:
            blocks.append(Para(self.text(assessment.wording), lang=self.lang))
        if assessment.reasons:
            blocks.append(Para((Strong("Reasons given:"),)))
            blocks.append(ItemList(tuple(self.text(r) for r in assessment.reasons), lang=self.lang))
        if assessment.aligns_with:
            blocks.append(Para((Strong("Rests on:"),)))
            blocks.append(
                ItemList(tuple(self.text(a) for a in assessment.aligns_with), lang=self.lang)
            )
        return blocks

    def applicability_summary(self) -> Section:
        statement = self.statement
        blocks: list[LayoutBlock] = []
        if statement.applicability is not None:
            blocks.append(
                Para(
                    (
                        Text(
                            "The statement's assessment for all the national priorities "
                            "(paragraph 7A(b) of the Order):"
                        ),
                    )
                )
            )
            blocks.extend(self.assessment_blocks(statement.applicability))
        rows: list[Row] = []
        for section, anchor in zip(statement.sections, self.anchors, strict=True):
            own = section.applicability
            assessment = own or statement.applicability
            if own is not None:
                basis = "This priority's own assessment"
            elif statement.applicability is not None:
                basis = "The statement-wide assessment"
            else:
                basis = "No assessment given"
            given = assessment.reasons if assessment is not None else ()
            reasons: Cell = tuple(self.text(reason) for reason in given)
            if own is not None and own.wording is not None:
                reasons = (*reasons, self.text(own.wording))
            label = self.text(section.title)
            if _blank(label):
                label = _words(self.priority_title(section.priority))
            rows.append(
                Row(
                    (Link(label, f"#{anchor}"),),
                    (((self.status(assessment),),), ((Text(basis),),), reasons),
                )
            )
        if self.framework is not None:
            covered = {section.priority for section in statement.sections}
            for priority in self.framework.priorities:
                if priority.id not in covered:
                    rows.append(
                        Row(
                            (Text(priority.title),),
                            (
                                ((Status(*_NOT_STATED),),),
                                ((Text("No section in this statement"),),),
                                (),
                            ),
                        )
                    )
        if not rows:
            blocks.append(Para(_words("This statement names no national priorities.")))
            return Section(
                self.heading(1, _words("Which national priorities apply"), "pcc-applicability"),
                tuple(blocks),
                kind="applicability",
            )
        blocks.append(
            Table(
                caption=_words("Applicability of each national priority"),
                columns=(
                    "National priority",
                    "Assessment",
                    "Where assessed",
                    "Reasons and wording",
                ),
                rows=tuple(rows),
                kind="applicability",
            )
        )
        return Section(
            self.heading(1, _words("Which national priorities apply"), "pcc-applicability"),
            tuple(blocks),
            kind="applicability",
        )

    # ---------------------------------------------------------------- 7A(a)

    def priorities(self) -> Section:
        statement = self.statement
        heading = statement.sections_heading
        title = (
            self.text(heading) if heading is not None else (Text("National policing priorities"),)
        )
        sections = tuple(
            self.priority(section, anchor, number)
            for number, (section, anchor) in enumerate(
                zip(statement.sections, self.anchors, strict=True), start=1
            )
        )
        blocks: tuple[LayoutBlock, ...] = sections
        if not sections:
            blocks = (Para(_words("This statement has no priority sections.")),)
        return Section(
            Heading(self.level(1), title, "pcc-priorities", self.lang if heading else None),
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
            blocks.append(self.figures(section.figures, section.title))
        blocks.extend(self.blocks(section.blocks, depth=3))
        heading = Heading(self.level(2), self.text(section.title), anchor, self.lang)
        return Section(heading, tuple(blocks), kind="priority")

    def priority_title(self, priority_id: str) -> str:
        if self.framework is not None:
            for priority in self.framework.priorities:
                if priority.id == priority_id:
                    return priority.title
        return f"Priority {priority_id!r}"

    def national_priority(self, priority_id: str) -> Inlines:
        if self.framework is not None:
            priorities = self.framework.priorities
            for position, priority in enumerate(priorities, start=1):
                if priority.id == priority_id:
                    return _join(
                        Strong("National priority:"),
                        f" {priority.title} ({position} of {len(priorities)})",
                    )
        return _join(
            Strong("National priority:"), " ", Text(priority_id), " (not in the framework)"
        )

    def metrics(self, metrics: Sequence[MetricReference], title: str) -> Table:
        rows: list[Row] = []
        for metric in metrics:
            source: Cell = (
                (
                    self.text(metric.data_source)
                    if metric.data_source is not None
                    else _words("Not stated")
                ),
            )
            rows.append(Row(self.text(metric.name), (source, (self.national_metric(metric),))))
        return Table(
            caption=_join("Metrics and data sources: ", self.text(title)),
            columns=("Metric", "Data source", "National metric"),
            rows=tuple(rows),
            kind="metrics",
        )

    def national_metric(self, metric: MetricReference) -> Inlines:
        if metric.national_metric is None:
            return (Text("Local metric"),)
        if self.framework is not None:
            for national in self.framework.metrics:
                if national.id == metric.national_metric:
                    return (Text(national.title),)
        return _join(Text(metric.national_metric), " (not in the framework)")

    def figures(self, figures: Sequence[Figure], title: str) -> Table:
        with_area = any(f.area is not None for f in figures)
        with_source = any(f.source is not None for f in figures)
        with_wording = any(f.wording is not None for f in figures)
        columns = ["Measure", "Value", "Unit", "Period"]
        if with_area:
            columns.append("Area")
        columns.extend(["Compared with", "Change"])
        if with_source:
            columns.append("Source")
        if with_wording:
            columns.append("As published")
        rows: list[Row] = []
        for figure in figures:
            common: list[Cell] = [
                self.value(figure),
                ((Text(_unit_words(figure)),),),
                ((self.period(figure.period) if figure.period else (Text("Not stated"),)),),
            ]
            if with_area:
                common.append(
                    ((_join(self.text(figure.area.name)) if figure.area else (Text("Force"),)),)
                )
            tail: list[Cell] = []
            if with_source:
                tail.append(
                    ((self.text(figure.source) if figure.source else (Text("Not stated"),)),)
                )
            if with_wording:
                tail.append(((self.text(figure.wording) if figure.wording is not None else ()),))
            comparisons: Sequence[Comparison | None] = figure.comparisons or (None,)
            for comparison in comparisons:
                compared: list[Cell] = [
                    self.comparison(comparison, figure.unit, figure.wording),
                    self.change(
                        comparison.change if comparison else None, figure.unit, figure.wording
                    ),
                ]
                rows.append(Row(self.text(figure.measure), (*common, *compared, *tail)))
        return Table(
            caption=_join("Figures: ", self.text(title)),
            columns=tuple(columns),
            rows=tuple(rows),
            kind="figures",
        )

    def value(self, figure: Figure) -> Cell:
        lines: list[Inlines] = []
        if figure.value is not None:
            words = _amount(figure.value, figure.unit)
            if figure.upper_value is not None:
                words += f" to {_amount(figure.upper_value, figure.unit)}"
            if figure.qualifier is not None:
                words = f"{_label(_QUALIFIER, figure.qualifier)} {words}"
            lines.append(_join(words, self.rank(figure.rank)))
        elif figure.rank is not None:
            lines.append(_join("Rank:", self.rank(figure.rank)))
        elif figure.availability is None:
            lines.append((Text("Not stated"),))
        availability = figure.availability
        if availability is not None:
            note: Inlines = (Text(_label(_DATA_STATUS, availability.status)),)
            if availability.reason is not None:
                note = _join(note, ": ", self.text(availability.reason))
            if availability.proxy_metric is not None:
                note = _join(
                    note, " (proxy metric: ", self.metric_name(availability.proxy_metric), ")"
                )
            lines.append(note)
        return tuple(lines)

    def rank(self, rank: Rank | None) -> Inlines:
        if rank is None:
            return ()
        words = f" {_label(_RANK_ORDER, rank.order)}"
        if rank.out_of is not None:
            words += f" of {rank.out_of:,}"
        if rank.group is None:
            return (Text(words),)
        return _join(words, " (", self.text(rank.group), ")")

    def metric_name(self, metric_id: str) -> Inlines:
        for section in self.statement.sections:
            for metric in section.metrics:
                if metric.id == metric_id:
                    return self.text(metric.name)
        return (Text(metric_id),)

    def comparison(
        self, comparison: Comparison | None, unit: Unit | None, figure_wording: str | None
    ) -> Cell:
        if comparison is None:
            return ((Text("No comparison"),),)
        words: Inlines = (Text(_label(_BASIS, comparison.basis)),)
        details: list[Inlines] = []
        if comparison.period is not None:
            period = comparison.period
            details.append(
                self.text(period.label)
                if period.label is not None
                else _words(_period_dates(period))
            )
        if comparison.area is not None:
            details.append(self.text(comparison.area.name))
        if details:
            words = _join(words, " (", _comma_separated(details), ")")
        if comparison.value is not None:
            words = _join(words, f": {_amount(comparison.value, unit)}")
        lines: list[Inlines] = [words]
        if comparison.wording is not None and _adds_to(comparison.wording, figure_wording):
            lines.append(_join("As published: ", self.text(comparison.wording)))
        return tuple(lines)

    def change(self, change: Change | None, unit: Unit | None, figure_wording: str | None) -> Cell:
        if change is None:
            return ((Text("Not stated"),),)
        parts: list[str] = []
        if change.count is not None:
            parts.append(
                _amount(change.count, unit if unit is not Unit.RANK else None, signed=True)
            )
        if change.percent is not None:
            parts.append(f"{format_number(change.percent, signed=True)}%")
        if change.percentage_points is not None:
            parts.append(
                f"{format_number(change.percentage_points, signed=True)} percentage points"
            )
        words = _label(_DIRECTION, change.direction) if change.direction is not None else ""
        if parts:
            figures = parts[0] + (f" ({', '.join(parts[1:])})" if parts[1:] else "")
            words = f"{words}: {figures}" if words else figures
        lines: list[Inlines] = [(Text(words),)] if words else []
        if change.wording is not None and _adds_to(change.wording, figure_wording):
            lines.append(_join("As published: ", self.text(change.wording)))
        return tuple(lines) or ((Text("Not stated"),),)

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
            blocks.append(self.figures(subsection.figures, subsection.title))
        blocks.extend(self.blocks(subsection.blocks, depth + 1))
        heading = Heading(self.level(depth), self.text(subsection.title), None, self.lang)
        return Section(heading, tuple(blocks), kind="subsection")

    # ---------------------------------------------------------------- after the sections

    def plans(self) -> Section:
        items: list[Inlines] = []
        for plan in self.statement.plans:
            items.append(self.plan(plan))
        blocks: list[LayoutBlock] = [ItemList(tuple(items))]
        for plan in self.statement.plans:
            if plan.priorities:
                blocks.append(Para(_join("Priorities of ", self.text(plan.title), ":")))
                blocks.append(
                    ItemList(tuple(self.text(p) for p in plan.priorities), lang=self.lang)
                )
        return Section(
            self.heading(1, _words("Local plans and strategies"), "pcc-plans"),
            tuple(blocks),
            kind="plans",
        )

    def plan(self, plan: PlanReference) -> Inlines:
        words = _join(
            self.link(plan.url, self.text(plan.title))
            if plan.url is not None
            else self.text(plan.title)
        )
        details: list[Inlines] = [(Text(_label(_PLAN_KIND, plan.kind)),)]
        if plan.owner is not None:
            details.append(self.text(plan.owner))
        if plan.period is not None:
            details.append(self.period(plan.period))
        if plan.published is not None:
            details.append((Text(f"published {format_date(plan.published)}"),))
        return _join(words, " (", _comma_separated(details), ")")

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
            self.heading(1, _words("Abbreviations"), "pcc-abbreviations"),
            (DescriptionList(tuple(items), kind="glossary"),),
            kind="glossary",
        )


def layout(
    statement: Statement,
    *,
    acronyms: Mapping[str, str] | None = None,
    heading_level: int = 1,
) -> Document:
    """Return the layout of ``statement`` that both renderers write out.

    Args:
        statement: The statement.
        acronyms: Abbreviations to mark up, term to expansion; by default the statement's
            own glossary.
        heading_level: The level of the statement's title (1 for a page of its own; 2 or 3
            to embed it under a page's own heading).
    """
    if not 1 <= heading_level <= 4:
        raise ValueError(f"heading_level must be from 1 to 4, got {heading_level}")
    builder = _Builder(statement, acronyms, heading_level)
    return builder.document()
