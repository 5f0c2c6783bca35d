"""Shared by the publishing tests: a sample statement, hostile rewrites and page parsers."""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import attrs
from markdown_it import MarkdownIt

import pcc_priorities as p
from pcc_priorities.publish.footer import is_email_address
from pcc_priorities.publish.words import is_web_url, lines, printable, same_words

#: Fields that hold ids or codes, not published text.
ID_FIELDS = frozenset(
    {
        "framework",
        "priority",
        "id",
        "metric",
        "national_metric",
        "proxy_metric",
        "code",
        "kind",
        "language",
        "national_priorities",
        "national_metrics",
        "figure",
        "headline",
    }
)


def _is_id(owner: object, name: str) -> bool:
    """Whether field ``name`` of ``owner`` holds ids, not published text."""
    if isinstance(owner, p.StatementOfContribution) and name == "priorities":
        return True  # the ids of the priorities covered (a plan's priorities are text)
    return name in ID_FIELDS


def sample_statement() -> p.Statement:
    """A small statement that uses every part of the model the renderers show."""
    q1 = p.ReportingPeriod(
        start=date(2023, 4, 1),
        end=date(2023, 6, 30),
        label="Q1 2023/24",
        kind=p.PeriodKind.FINANCIAL_QUARTER,
    )
    year = p.ReportingPeriod(start=date(2022, 4, 1), end=date(2023, 3, 31), label="2022/23")
    return p.Statement(
        body=p.PolicingBody(
            kind="pcc", name="Police and Crime Commissioner for West Mercia", holder="J Campion"
        ),
        force=p.PoliceForce(code="E23000016", name="West Mercia Police"),
        framework="ncpm-2021",
        title="Police and Crime Commissioner Statement",
        edition="Update September 2023",
        published=p.PartialDate(year=2023, month=9, day=14),
        prepared_by=p.Authorship(by=p.AuthorKind.POLICE_FORCE, wording="Provided by the force"),
        periods=(q1,),
        preamble=(
            p.Paragraph(text="The Order provides that PCCs must publish:"),
            p.BulletList(items=("a statement on the contribution;", "an explanation.")),
        ),
        applicability=p.ApplicabilityAssessment(
            status=p.Applicability.APPLICABLE,
            aligns_with=("Safer West Mercia Plan",),
            wording="All the national policing priorities are assessed to be applicable.",
        ),
        introduction=(p.Paragraph(text="Set out below is the statement."),),
        sections_heading="National Policing priorities",
        sections=(
            p.PrioritySection(
                priority="serious-violence",
                title="Reduce serious violence",
                metrics=(
                    p.MetricReference(
                        id="knife", name="Knife Crime Offences", data_source="Police recorded"
                    ),
                    p.MetricReference(
                        id="firearms",
                        name="Offences involving discharge of a firearm",
                        data_source="Police recorded",
                        national_metric="firearm-discharge-offences",
                    ),
                ),
                figures=(
                    p.Figure(
                        measure="Offences involving a knife",
                        metric="knife",
                        value=Decimal(1209),
                        unit=p.Unit.COUNT,
                        period=year,
                        wording="1,209, which is a 7% (n = 76) decrease from 2021/22",
                        comparisons=(
                            p.Comparison(
                                basis=p.ComparisonBasis.PREVIOUS_PERIOD,
                                period=p.ReportingPeriod(
                                    start=date(2021, 4, 1), end=date(2022, 3, 31), label="2021/22"
                                ),
                                change=p.Change(
                                    direction=p.Direction.DECREASE,
                                    count=Decimal(-76),
                                    percent=Decimal(-7),
                                    wording="a 7% (n = 76) decrease",
                                ),
                            ),
                            p.Comparison(
                                basis=p.ComparisonBasis.BASELINE,
                                value=Decimal(1300),
                                wording="below the 2019 baseline",
                            ),
                        ),
                    ),
                    p.Figure(
                        measure="Domestic abuse share of violent offences",
                        value=Decimal(53),
                        unit=p.Unit.PERCENT,
                        qualifier=p.Qualifier.UP_TO,
                        area=p.Area(kind=p.AreaKind.LOCAL_POLICING_AREA, name="North Worcs"),
                    ),
                    p.Figure(
                        measure="Sharps admissions",
                        unit=p.Unit.COUNT,
                        availability=p.DataAvailability(
                            status=p.DataStatus.NOT_AVAILABLE,
                            reason="NHS data is not available",
                            proxy_metric="knife",
                        ),
                    ),
                ),
                blocks=(
                    p.Quotation(
                        text="Crimes that involve knives or guns", attribution="Beating Crime Plan"
                    ),
                    p.Paragraph(text="OCG disruptions rose and DVPNs were issued."),
                    p.Subsection(
                        title="Reflections on force performance",
                        figures=(
                            p.Figure(
                                measure="Homicide rate",
                                value=Decimal(8),
                                unit=p.Unit.RANK,
                                rank=p.Rank(order=p.RankOrder.HIGHEST, out_of=43, group="forces"),
                            ),
                        ),
                        blocks=(p.BulletList(items=("First step", "Second step"), ordered=True),),
                    ),
                ),
            ),
            p.PrioritySection(
                priority="cyber-crime",
                title="Tackle cyber crime",
                applicability=p.ApplicabilityAssessment(
                    status=p.Applicability.NOT_APPLICABLE, reasons=("Handled regionally",)
                ),
                figures=(
                    p.Figure(
                        measure="Cash seized",
                        value=Decimal(163000),
                        unit=p.Unit.MONEY,
                        source="Force data",
                    ),
                    p.Figure(
                        measure="Burglary rate",
                        value=Decimal("4.25"),
                        unit=p.Unit.RATE,
                        rate_base=p.RateBase(per=1000, denominator=p.RateDenominator.HOUSEHOLDS),
                        period=q1,
                    ),
                ),
            ),
        ),
        review="This statement will be reviewed quarterly.",
        source_url="https://www.westmercia-pcc.gov.uk/statement",
        plans=(
            p.PlanReference(
                kind=p.PlanKind.POLICE_AND_CRIME_PLAN,
                title="Safer West Mercia Plan",
                owner="The PCC",
                url="https://example.org/plan",
                priorities=(p.PlanPriority(title="Putting victims and survivors first"),),
            ),
        ),
        glossary=(
            p.GlossaryEntry(term="OCG", expansion="organised crime group"),
            p.GlossaryEntry(term="DVPN", expansion="Domestic Violence Protection Notice"),
        ),
    )


# --------------------------------------------------------------------------- rewriting text


def map_texts(value: Any, change: Callable[[str], str], *, ids: bool = False) -> Any:
    """Return ``value`` with every published string passed through ``change``.

    Ids and codes are changed too when ``ids`` is true; enumerations and extensions never.
    """
    if isinstance(value, enum.Enum):
        return value
    if isinstance(value, str):
        return change(value)
    if isinstance(value, tuple):
        return tuple(map_texts(item, change, ids=ids) for item in value)
    if attrs.has(type(value)):
        updates = {}
        for field in attrs.fields(type(value)):
            if field.name == "extensions" or (_is_id(value, field.name) and not ids):
                continue
            updates[field.name] = map_texts(getattr(value, field.name), change, ids=ids)
        return attrs.evolve(value, **updates)
    return value


def published_texts(value: Any) -> Iterator[str]:
    """Yield every published string in ``value``.

    Not ids, codes, extensions or suppressions: suppressions are notes for the checker, not
    part of the published statement.
    """
    if isinstance(value, enum.Enum):
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from published_texts(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            # A statement's pages in other languages are links in the page's furniture.
            skipped = {"extensions", "suppressions", "translations"}
            if field.name not in skipped and not _is_id(value, field.name):
                yield from published_texts(getattr(value, field.name))


def tame(text: str) -> str:
    """A harmless stand-in: as empty or blank, and equal where the page takes texts as equal.

    A web or e-mail address is kept. Otherwise two texts get the same stand-in exactly when
    the page takes them for the same words (``same_words``: a chart draws figures of one
    measure as a series), so a page and its tamed twin draw the same charts.
    """
    if not text or is_web_url(text) or is_email_address(text):
        return text
    words = same_words(text)
    if not words:
        return " "  # blank stays blank: no words
    return "x" + hashlib.sha256(words.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def plain(text: str) -> str:
    """A plain stand-in: "x" for any text with characters (a web address kept), "" for none."""
    if is_web_url(text):
        return text
    return "x" if text else ""


def shown(text: str) -> str:
    """Return ``text`` as a reader sees it: control characters visible, line breaks as LF."""
    return "\n".join(printable(line) for line in lines(text))


def squeeze(text: str) -> str:
    """Collapse runs of whitespace, as Markdown and HTML do."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- HTML

TAGS = {
    "html": {"lang"},
    "head": set(),
    "meta": {"charset", "http-equiv", "content", "name"},
    "link": {"rel", "hreflang", "href"},
    "title": {"id"},
    "style": set(),
    "body": set(),
    "main": set(),
    "article": {"class", "lang"},
    "section": {"class"},
    "nav": {"class", "aria-labelledby"},
    "footer": {"class"},
    "img": {"src", "alt"},
    **{f"h{level}": {"id", "lang"} for level in range(1, 7)},
    "p": {"class", "lang", "id"},
    "ul": {"lang"},
    "ol": {"lang"},
    "li": set(),
    "figure": {"class", "lang"},
    "blockquote": set(),
    "figcaption": set(),
    "dl": {"class"},
    "div": {"class", "role", "aria-labelledby", "tabindex"},
    "dt": set(),
    "dd": set(),
    "table": set(),
    "caption": {"id"},
    "thead": set(),
    "tbody": set(),
    "tr": set(),
    "th": {"scope"},
    "td": {"data-label"},
    "strong": {"class"},
    "abbr": {"title"},
    "a": {"href", "hreflang", "lang", "class"},
    "br": set(),
    # The charts: inline SVG the renderer draws (publish/charts.py).
    "svg": {
        "xmlns",
        "viewbox",
        "width",
        "height",
        "role",
        "aria-labelledby",
        "aria-describedby",
        "font-size",
        "fill",
    },
    "desc": set(),
    "defs": set(),
    "pattern": {"id", "width", "height", "patternunits", "patterntransform"},
    "line": {"x1", "y1", "x2", "y2", "stroke", "stroke-width"},
    "rect": {
        "x",
        "y",
        "width",
        "height",
        "class",
        "fill",
        "stroke",
        "stroke-width",
        "stroke-dasharray",
    },
    "text": {"x", "y", "text-anchor", "font-weight"},
    "tspan": {"x", "dy"},
}
CLASSES = {
    "pcc-statement",
    "pcc-metadata",
    "pcc-glossary",
    "pcc-applicability",
    "pcc-assessment",
    "pcc-priorities",
    "pcc-priority",
    "pcc-national-priority",
    "pcc-subsection",
    "pcc-plans",
    "pcc-contribution",
    "pcc-review",
    "pcc-quotation",
    "pcc-table",
    "pcc-table-applicability",
    "pcc-table-metrics",
    "pcc-table-figures",
    "pcc-status",
    "pcc-status-applicable",
    "pcc-status-not-applicable",
    "pcc-status-not-yet-assessed",
    "pcc-status-not-stated",
    "pcc-language-switch",
    "pcc-skip",
    "pcc-contents",
    "pcc-summary",
    "pcc-footer",
    "pcc-dates",
    "pcc-editions",
    "pcc-contact",
    "pcc-accessibility",
    "pcc-downloads",
    "pcc-logo",
    "pcc-chart",
    "pcc-chart-body",
    "pcc-chart-description",
    "pcc-chart-bar",
    "pcc-table-chart-data",
}
#: Links the renderer makes besides web addresses and its own anchors: an e-mail address
#: the statement gives, and files of the figures written beside the page.
_OTHER_HREF = re.compile(r"mailto:[^\s<>\"']+@[^\s<>\"']+|[A-Za-z0-9._%-]+\.(?:csv|ods)")
_DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+")
_ID = re.compile(r"pcc-[a-z0-9-]+")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
#: A page in another language written beside this one: a relative file name, no scheme.
_PAGE_FILE = re.compile(r"(?:\.\./|[\w.-]+/)*[\w.-]+\.(?:html?|md|markdown)")


class Page(HTMLParser):
    """An HTML page as a list of start tags and the text a reader sees."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []
        self.others: list[str] = []
        self.parts: list[str] = []
        self.open: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(attributes)))
        if tag == "br":
            self.parts.append("\n")
        elif tag not in {"meta", "link", "img"}:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.others.append(f"self-closing {tag}")

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.others.append(f"</{tag}> closes {self.open[-1:]}")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if not self.open or self.open[-1] not in {"style", "title"}:
            self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        self.others.append(f"comment {data!r}")

    def handle_pi(self, data: str) -> None:
        self.others.append(f"processing instruction {data!r}")

    def unknown_decl(self, data: str) -> None:
        self.others.append(f"declaration {data!r}")

    @property
    def text(self) -> str:
        """The text of the page, with ``<br>`` as a line feed."""
        return "".join(self.parts)

    def hrefs(self) -> list[str]:
        return [
            value or ""
            for _, attributes in self.tags
            for name, value in attributes
            if name == "href"
        ]

    def skeleton(self) -> list[tuple[str, tuple[str, ...], str]]:
        """The elements, their attribute names and classes: everything but text and values."""
        # A chart label's lines (<tspan>) follow the length of its text, as <br> does.
        return [
            (tag, tuple(name for name, _ in attributes), dict(attributes).get("class") or "")
            for tag, attributes in self.tags
            if tag not in {"br", "tspan"}
        ]

    def problems(self) -> list[str]:
        """Every element, attribute or value that the renderer's vocabulary does not have."""
        found = list(self.others)
        if self.open:
            found.append(f"unclosed {self.open}")
        for tag, attributes in self.tags:
            if tag not in TAGS:
                found.append(f"element {tag}")
                continue
            for name, given in attributes:
                value = given or ""
                if name not in TAGS[tag]:
                    found.append(f"attribute {name} on {tag}")
                elif name == "class" and not set(value.split()) <= CLASSES:
                    found.append(f"class {value!r}")
                elif name in {"id", "aria-labelledby", "aria-describedby"} and not all(
                    _ID.fullmatch(part) for part in value.split() or [""]
                ):
                    found.append(f"{name} {value!r}")
                elif name == "href" and not (
                    (value.startswith("#") and _ID.fullmatch(value[1:]))
                    or is_web_url(value)
                    or (dict(attributes).get("hreflang") and _PAGE_FILE.fullmatch(value))
                    or _OTHER_HREF.fullmatch(value)
                ):
                    found.append(f"href {value!r}")
                elif name == "src" and not _DATA_IMAGE.fullmatch(value):
                    found.append(f"src {value[:40]!r}")
                elif name == "lang" and not _LANGUAGE.fullmatch(value):
                    found.append(f"lang {value!r}")
        return found


# --------------------------------------------------------------------------- Markdown

MARKDOWN = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def markdown_tokens(text: str) -> list[Any]:
    """Parse GitHub-flavoured Markdown (CommonMark, tables, strikethrough)."""
    return MARKDOWN.parse(text)


def markdown_skeleton(text: str) -> list[tuple[str, str]]:
    """The block and inline structure, without text and line breaks."""
    skeleton: list[tuple[str, str]] = []
    for token in markdown_tokens(text):
        if token.type != "inline":
            skeleton.append((token.type, token.tag))
            continue
        for child in token.children or ():
            if child.type in {"text", "softbreak", "hardbreak"} or (
                child.type == "html_inline" and child.content == "<br>"
            ):
                continue  # line breaks: text may have them
            if child.type == "html_inline":
                skeleton.append((child.type, child.content))
            else:
                skeleton.append((child.type, child.attrs.get("href", "") if child.attrs else ""))
    return skeleton


def markdown_text(text: str) -> str:
    """The text a reader of the rendered Markdown sees, link addresses included."""
    parts: list[str] = []
    for token in markdown_tokens(text):
        for child in token.children or ():
            if child.type == "text":
                parts.append(child.content)
            elif child.type in {"softbreak", "hardbreak"} or (
                child.type == "html_inline" and child.content == "<br>"
            ):
                parts.append("\n")
            elif child.type == "link_open":
                parts.append(f" {child.attrs['href']} ")
        parts.append("\n")
    return "".join(parts)
