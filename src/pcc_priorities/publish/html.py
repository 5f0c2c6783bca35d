"""Writing a laid-out statement as HTML, with every piece of statement text escaped.

Markup is built by the small functions here, never by pasting statement text into a template:
:func:`_text` escapes every character that HTML gives a meaning (``&``, ``<``, ``>``, and
quotes inside attribute values) and makes control characters visible, and only the writer's
own constants become element names, attribute names and class names.

"""

from __future__ import annotations

import base64
import hashlib
import html
from functools import lru_cache
from urllib.parse import quote

from pcc_priorities.publish.charts import CHART_STYLESHEET
from pcc_priorities.publish.drawing import chart_svg
from pcc_priorities.publish.messages import speaking
from pcc_priorities.publish.style import ADDED_STYLE, DARK_PAGE_STYLE
from pcc_priorities.publish.tree import (
    Abbr,
    Cell,
    Chart,
    Contents,
    ContentsEntry,
    DescriptionList,
    Document,
    Heading,
    Image,
    Inlines,
    ItemList,
    LanguageLink,
    LayoutBlock,
    Link,
    Para,
    Quote,
    Section,
    Status,
    Strong,
    Table,
    Text,
    text_piece,
)
from pcc_priorities.publish.words import CHART_WORDS, is_web_url, lines, link_target, printable

__all__ = ["STYLESHEET", "write_html"]


#: The page's style sheet: no external assets, readable in print and at 400% zoom.
STYLESHEET = (
    """\
.pcc-statement {
  color: #0b0c0c;
  background: #ffffff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  max-width: 60rem;
  margin: 0 auto;
  padding: 1rem;
}
.pcc-statement h1, .pcc-statement h2, .pcc-statement h3,
.pcc-statement h4, .pcc-statement h5, .pcc-statement h6 {
  line-height: 1.25;
  margin: 1.5em 0 0.5em;
}
.pcc-statement h1 { font-size: 2rem; margin-top: 0.5em; }
.pcc-statement h2 { font-size: 1.6rem; border-top: 2px solid #0b0c0c; padding-top: 0.5em; }
.pcc-statement h3 { font-size: 1.3rem; }
.pcc-statement h4 { font-size: 1.15rem; }
.pcc-statement h5, .pcc-statement h6 { font-size: 1rem; }
.pcc-statement p, .pcc-statement ul, .pcc-statement ol { margin: 0 0 1em; }
.pcc-statement a { color: #1d4f91; text-decoration: underline; }
.pcc-statement a:visited { color: #4c2c92; }
.pcc-statement a:focus, .pcc-statement [tabindex]:focus {
  outline: 3px solid #ffdd00;
  outline-offset: 0;
  background: #ffdd00;
  color: #0b0c0c;
}
.pcc-statement abbr[title] { text-decoration: underline dotted; cursor: help; }
.pcc-statement .pcc-metadata {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0.25em 1em;
  margin: 0 0 1.5em;
}
.pcc-statement .pcc-metadata > div { display: contents; }
.pcc-statement .pcc-metadata dt { font-weight: 700; }
.pcc-statement .pcc-metadata dd { margin: 0; }
.pcc-statement .pcc-glossary dt { font-weight: 700; }
.pcc-statement .pcc-glossary dd { margin: 0 0 0.5em 1.5em; }
.pcc-statement .pcc-national-priority { color: #383f43; }
.pcc-statement section.pcc-applicability {
  border-bottom: 2px solid #0b0c0c;
  margin: 0 0 1.5em;
}
.pcc-statement .pcc-status {
  display: inline-block;
  padding: 0 0.4em;
  border: 1px solid currentColor;
  border-radius: 0.2em;
  font-weight: 700;
  white-space: nowrap;
}
.pcc-statement .pcc-status-applicable { color: #005a30; background: #cce2d8; }
.pcc-statement .pcc-status-not-applicable { color: #942514; background: #f4cdc6; }
.pcc-statement .pcc-status-not-yet-assessed { color: #594d00; background: #fff7bf; }
.pcc-statement .pcc-status-not-stated { color: #383f43; background: #e5e6e7; }
.pcc-statement .pcc-table { overflow-x: auto; margin: 0 0 1.5em; }
.pcc-statement table { border-collapse: collapse; width: 100%; }
.pcc-statement caption {
  text-align: left;
  font-weight: 700;
  padding: 0 0 0.5em;
}
.pcc-statement th, .pcc-statement td {
  border: 1px solid #b1b4b6;
  padding: 0.3em 0.5em;
  text-align: left;
  vertical-align: top;
}
.pcc-statement thead th { background: #f3f2f1; }
.pcc-statement tbody th { font-weight: 600; }
.pcc-statement figure { margin: 0 0 1em; }
.pcc-statement blockquote {
  margin: 0;
  padding: 0.5em 1em;
  border-left: 5px solid #b1b4b6;
}
.pcc-statement blockquote p { margin: 0; }
.pcc-statement figcaption { padding: 0.25em 0 0 1.3em; color: #383f43; }
@media print {
  .pcc-statement { max-width: none; padding: 0; color: #000000; font-size: 11pt; }
  .pcc-statement a { color: #000000; }
  .pcc-statement a[href^="http"]::after { content: " (" attr(href) ")"; }
  .pcc-statement .pcc-table { overflow: visible; }
  .pcc-statement .pcc-status { background: none; color: #000000; }
  .pcc-statement h1, .pcc-statement h2, .pcc-statement h3,
  .pcc-statement h4, .pcc-statement h5, .pcc-statement h6 { break-after: avoid; }
  .pcc-statement tr, .pcc-statement li, .pcc-statement figure { break-inside: avoid; }
}
"""
    + ADDED_STYLE
)

STYLESHEET += CHART_STYLESHEET

_PAGE_STYLE = (
    """\
body { margin: 0; background: #ffffff; }
"""
    + DARK_PAGE_STYLE
)


def _text(text: str) -> str:
    """Escape statement text for an element's content; line breaks become ``<br>``."""
    # Printable text (nearly all text) has no line break and nothing for printable() to
    # show: the same output, without splitting it into lines.
    if text.isprintable():  # html.escape(text, quote=False), without the call
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "<br>".join(html.escape(printable(line), quote=False) for line in lines(text))


def _attribute(text: str) -> str:
    """Escape text for a double-quoted attribute value."""
    return html.escape(text if text.isprintable() else printable(text), quote=True)


@lru_cache(maxsize=256)
def _lang(lang: str | None) -> str:
    """A ``lang`` attribute, or nothing (a page has few languages: each is written once)."""
    return "" if lang is None else f' lang="{_attribute(lang)}"'


@lru_cache(maxsize=256)
def _kind(kind: str | None) -> str:
    """A ``class`` attribute of one of the renderer's class names, or nothing."""
    return "" if kind is None else f' class="pcc-{_attribute(kind)}"'


@lru_cache(maxsize=256)
def _cell_labels(columns: tuple[str, ...]) -> tuple[str, ...]:
    """Each cell's opening tag, naming its column (a page's tables repeat their columns)."""
    return tuple(f'<td data-label="{_attribute(column)}">' for column in columns[1:])


class _Writer:
    """Writes layout blocks into one list of strings.

    Escaped texts are kept by text for the page being written: a page repeats its labels,
    periods and values many times, and escaping is the writer's commonest work.
    """

    def __init__(self) -> None:
        self.tables = 0
        self.charts = 0
        self.out: list[str] = []
        self.escaped: dict[str, str] = {}
        self.write_block = {
            Heading: self.heading,
            Para: self.para,
            ItemList: self.item_list,
            Quote: self.quote,
            DescriptionList: self.description_list,
            Table: self.table,
            Contents: self.contents,
            Image: self.image,
            Chart: self.chart,
            Section: self.section,
        }

    # ---------------------------------------------------------------- inline content

    def text(self, text: str) -> str:
        """``text`` escaped (:func:`_text`), once per distinct text on the page."""
        escaped = self.escaped.get(text)
        if escaped is None:
            escaped = self.escaped[text] = _text(text)
        return escaped

    def inlines(self, content: Inlines) -> str:
        """Inline content as HTML."""
        if len(content) == 1 and type(content[0]) is Text:
            return self.text(content[0].text)
        parts: list[str] = []
        escaped = self.escaped
        for piece in content:
            if type(piece) is Text:  # the commonest piece: self.text, without the call
                written = escaped.get(piece.text)
                if written is None:
                    written = escaped[piece.text] = _text(piece.text)
                parts.append(written)
            elif isinstance(piece, Text):
                parts.append(self.text(piece.text))
            elif isinstance(piece, Abbr):
                parts.append(
                    f'<abbr title="{_attribute(piece.expansion)}">{self.text(piece.text)}</abbr>'
                )
            elif isinstance(piece, Strong):
                parts.append(f"<strong>{self.text(piece.text)}</strong>")
            elif isinstance(piece, Status):
                parts.append(
                    f'<strong class="pcc-status pcc-status-{_attribute(piece.kind)}">'
                    f"{self.text(piece.text)}</strong>"
                )
            elif isinstance(piece, Link):
                target = piece.href if piece.href.startswith("#") else link_target(piece.href)
                parts.append(f'<a href="{_attribute(target)}">{self.inlines(piece.content)}</a>')
        return "".join(parts)

    def cell(self, cell: Cell) -> str:
        """A table cell's lines, joined by line breaks."""
        inlines = self.inlines
        if len(cell) == 1:
            return inlines(cell[0])
        return "<br>".join([inlines(line) for line in cell])

    # ---------------------------------------------------------------- blocks

    def blocks(self, blocks: tuple[LayoutBlock, ...]) -> None:
        """Write ``blocks`` in order."""
        write_block = self.write_block
        for block in blocks:
            write_block[type(block)](block)  # type: ignore[operator]

    def heading(self, block: Heading) -> None:
        """A heading, with its anchor."""
        anchor = "" if block.anchor is None else f' id="{_attribute(block.anchor)}"'
        tag = f"h{block.level}"
        self.out.append(f"<{tag}{anchor}{_lang(block.lang)}>{self.inlines(block.content)}</{tag}>")

    def para(self, block: Para) -> None:
        """A paragraph."""
        self.out.append(
            f"<p{_kind(block.kind)}{_lang(block.lang)}>{self.inlines(block.content)}</p>"
        )

    def item_list(self, block: ItemList) -> None:
        """A list, numbered or not."""
        tag = "ol" if block.ordered else "ul"
        out = self.out
        out.append(f"<{tag}{_lang(block.lang)}>")
        for item in block.items:
            out.append(f"<li>{self.inlines(item)}</li>")
        out.append(f"</{tag}>")

    def quote(self, block: Quote) -> None:
        """A quotation, with its attribution."""
        out = self.out
        out.append(f'<figure class="pcc-quotation"{_lang(block.lang)}>')
        out.append(f"<blockquote><p>{self.inlines(block.content)}</p></blockquote>")
        if block.attribution is not None:
            out.append(f"<figcaption>— {self.inlines(block.attribution)}</figcaption>")
        out.append("</figure>")

    def description_list(self, block: DescriptionList) -> None:
        """Terms and their descriptions."""
        out = self.out
        out.append(f"<dl{_kind(block.kind)}>")
        for term, description in block.items:
            out.append(
                f"<div><dt>{self.inlines(term)}</dt><dd>{self.inlines(description)}</dd></div>"
            )
        out.append("</dl>")

    def image(self, block: Image) -> None:
        """An image embedded as a data URL (the body's logo)."""
        self.out.append(
            f'<p{_kind(block.kind)}><img src="{_attribute(block.data_url)}" '
            f'alt="{_attribute(block.alternative)}"></p>'
        )

    def section(self, block: Section) -> None:
        """A section (or the footer), its heading and its blocks."""
        tag = "footer" if block.kind == "footer" else "section"
        self.out.append(f"<{tag}{_kind(block.kind)}>")
        if block.heading is not None:
            self.heading(block.heading)
        self.blocks(block.blocks)
        self.out.append(f"</{tag}>")

    def entries(self, entries: tuple[ContentsEntry, ...]) -> None:
        """The contents' entries, nested."""
        out = self.out
        out.append("<ol>")
        for entry in entries:
            link = f'<a href="#{_attribute(entry.anchor)}">{self.inlines(entry.content)}</a>'
            if entry.entries:
                out.append(f"<li>{link}")
                self.entries(entry.entries)
                out.append("</li>")
            else:
                out.append(f"<li>{link}</li>")
        out.append("</ol>")

    def contents(self, contents: Contents) -> None:
        """The contents list, with the link that skips it."""
        heading = contents.heading
        labelled = (
            "" if heading.anchor is None else f' aria-labelledby="{_attribute(heading.anchor)}"'
        )
        out = self.out
        out.append(f'<nav class="pcc-contents"{labelled}>')
        if contents.skip_to is not None:
            out.append(
                f'<a class="pcc-skip" href="#{_attribute(contents.skip_to)}">'
                f"{self.text(contents.skip_words)}</a>"
            )
        self.heading(heading)
        self.entries(contents.entries)
        out.append("</nav>")

    def chart(self, chart: Chart) -> None:
        """A chart: its caption, its trend in words, the drawing and its data table."""
        self.charts += 1
        ident = f"pcc-chart-{self.charts}"
        out = self.out
        out.append('<figure class="pcc-chart">')
        caption = self.inlines((text_piece(CHART_WORDS["caption"]), *chart.title))
        out.append(f"<figcaption>{caption}</figcaption>")
        sentences = " ".join([self.inlines(sentence) for sentence in chart.description])
        out.append(f'<p class="pcc-chart-description" id="{ident}-description">{sentences}</p>')
        out.append('<div class="pcc-chart-body">')
        out.append(chart_svg(chart, ident, described_by=f"{ident}-description"))
        self.table(chart.table)
        out.append("</div>")
        out.append("</figure>")

    def table(self, table: Table) -> None:
        """A table in a region that scrolls or reflows on narrow screens."""
        self.tables += 1
        caption = f"pcc-caption-{self.tables}"
        kind = "" if table.kind is None else f" pcc-table-{_attribute(table.kind)}"
        out = self.out
        out.append(
            f'<div class="pcc-table{kind}" role="region" aria-labelledby="{caption}" tabindex="0">'
        )
        out.append("<table>")
        out.append(f'<caption id="{caption}">{self.inlines(table.caption)}</caption>')
        out.append("<thead>")
        text = self.text
        out.append(
            "<tr>"
            + "".join(f'<th scope="col">{text(column)}</th>' for column in table.columns)
            + "</tr>"
        )
        out.append("</thead>")
        out.append("<tbody>")
        # Each cell names its column, for narrow screens, where rows stack (CSS only).
        labels = _cell_labels(table.columns)
        count = len(labels)
        cell = self.cell
        inlines = self.inlines
        for row in table.rows:
            cells = row.cells
            if len(cells) <= count:
                written = "".join(
                    [
                        f"{label}{cell(content)}</td>"
                        for label, content in zip(labels, cells, strict=False)
                    ]
                )
            else:  # cells beyond the columns (a table made by hand) name no column
                written = "".join(
                    [
                        f"{label}{cell(content)}</td>"
                        for label, content in zip(labels, cells, strict=False)
                    ]
                    + [f"<td>{cell(content)}</td>" for content in cells[count:]]
                )
            out.append(f'<tr><th scope="row">{inlines(row.header)}</th>{written}</tr>')
        out.append("</tbody>")
        out.append("</table>")
        out.append("</div>")


def _href(link: LanguageLink) -> str:
    """A language link's target: a web address as links take it, or a file name escaped."""
    return link_target(link.href) if is_web_url(link.href) else quote(link.href)


def _language_switch(document: Document) -> str:
    """The visible links to the page in its other languages (empty without any)."""
    if not document.alternates:
        return ""
    links = " | ".join(
        f'<a href="{_attribute(_href(link))}" hreflang="{_attribute(link.lang)}"'
        f"{_lang(link.lang)}>{_text(link.name)}</a>"
        for link in document.alternates
    )
    return f'<p class="pcc-language-switch">{links}</p>\n'


def _article(document: Document) -> str:
    writer = _Writer()
    writer.blocks(document.blocks)
    body = "\n".join(writer.out)
    return (
        f'<article class="pcc-statement"{_lang(document.lang)}>\n'
        f"{_language_switch(document)}{body}\n</article>\n"
    )


#: The page's own style sheet, as its ``<style>`` element holds it.
_STYLE = "\n" + _PAGE_STYLE + STYLESHEET


@lru_cache(maxsize=16)
def _style_hash(style: str) -> str:
    """The style sheet's hash for the Content Security Policy (a page's is nearly always ours)."""
    digest = hashlib.sha256(style.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _has_image(blocks: tuple[LayoutBlock, ...]) -> bool:
    return any(
        isinstance(block, Image) or (isinstance(block, Section) and _has_image(block.blocks))
        for block in blocks
    )


def write_html(document: Document, *, fragment: bool = False, stylesheet: str | None = None) -> str:
    """Return ``document`` as an HTML page, or as an ``<article>`` fragment to embed.

    Args:
        document: The laid-out statement.
        fragment: Return the ``<article>`` alone.
        stylesheet: A body's own CSS, added after the page's (pages only), already checked
            (:func:`~pcc_priorities.publish.page.check_stylesheet`).
    """
    with speaking(document.lang):  # the words the writer adds (a chart's) in its language
        article = _article(document)
    if fragment:
        return article
    style = _STYLE
    if stylesheet:
        style += "/* The body's own style sheet */\n" + stylesheet + "\n"
    # An embedded logo is a data: URL; nothing else on the page is an image.
    images = "data:" if _has_image(document.blocks) else "'none'"
    policy = (
        f"default-src 'none'; style-src '{_style_hash(style)}'; img-src {images}; "
        "base-uri 'none'; form-action 'none'"
    )
    alternates = "".join(
        f'<link rel="alternate" hreflang="{_attribute(link.lang)}" '
        f'href="{_attribute(_href(link))}">\n'
        for link in document.alternates
    )
    description = ""
    if document.description is not None:
        summary = _attribute(" ".join(lines(document.description)))
        description = f'<meta name="description" content="{summary}">\n'
    return (
        "<!DOCTYPE html>\n"
        f"<html{_lang(document.lang)}>\n"
        "<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"{description}"
        f"<title>{_attribute(' '.join(lines(document.title)))}</title>\n"
        f"{alternates}"
        f"<style>{style}</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{article}"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )
