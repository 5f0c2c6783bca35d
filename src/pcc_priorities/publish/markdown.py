r"""Writing a laid-out statement as Markdown that statement text cannot restructure.

Every character Markdown could read as syntax is escaped: a backslash before ``\ ` * _ [ ]
< > # | ~ $`` wherever they occur, before ``- + = :`` and a numbered-list full stop at the
start of a line, and a character reference for an entity-like ``&``, for leading spaces and
for line breaks where a break would end the block. Line breaks inside paragraphs, list items
and quotations become hard line breaks (a backslash at the end of the line). Bold text has
whitespace at its edges as character references, so that its ``**`` still make it bold.

"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import quote

from pcc_priorities.publish.charts import plain_text
from pcc_priorities.publish.messages import speaking
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
    Status,
    Strong,
    Table,
    Text,
)
from pcc_priorities.publish.words import CHART_WORDS, is_web_url, lines, link_target, printable

__all__ = ["write_markdown"]


_SYNTAX = re.compile(r"([\\`*_\[\]<>#|~$])")
#: What a GitHub-flavoured renderer would turn into a link: "://", "www." and "@".
_AUTOLINK = re.compile(r":(?=//)|(?<=\bwww)\.|@", re.IGNORECASE)
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
_LIST_NUMBER = re.compile(r"(\d{1,9})([.)])")
_LINE_START = frozenset("-+=:")


def _escaped(match: re.Match[str]) -> str:
    return "\\" + match[0]


def _escape(text: str) -> str:
    r"""Escape ``text`` for inline Markdown, keeping line breaks as LF.

    A bare web or e-mail address in text is escaped too ("https\://", "www\.", "\@"), so
    that renderers which turn such addresses into links (GitHub's) show it as text, as the
    HTML does.
    """
    escaped = (
        _AUTOLINK.sub(_escaped, _ENTITY.sub(r"\\&", _SYNTAX.sub(r"\\\1", printable(line))))
        for line in lines(text)
    )
    return "\n".join(escaped)


def _is_space(character: str) -> bool:
    return character.isspace() or unicodedata.category(character) == "Zs"


def _line_start(line: str) -> str:
    """Make the start of a line unable to open a block (heading, list, code, rule)."""
    if not line:
        return line
    first = line[0]
    if _is_space(first):
        return f"&#{ord(first)};{line[1:]}"
    if first in _LINE_START:
        return "\\" + line
    number = _LIST_NUMBER.match(line)
    if number is not None:
        return f"{number.group(1)}\\{line[number.end(1) :]}"
    return line


def _strong(text: str) -> str:
    r"""Return ``text`` stressed (``**text**``), whatever characters are at its edges.

    A ``**`` next to whitespace on its inner side stresses nothing (CommonMark's flanking
    rule): so whitespace at either edge (a space, a no-break space, a tab, a line break)
    becomes a character reference ("&#160;"), which reads as the same character.
    """
    inner = _escape(text)
    start = len(inner) - len(inner.lstrip())
    end = max(len(inner.rstrip()), start)
    edges = "".join(f"&#{ord(character)};" for character in inner[:start])
    tail = "".join(f"&#{ord(character)};" for character in inner[end:])
    return f"**{edges}{inner[start:end]}{tail}**"


#: Tuples, not ``A | B`` unions (which are made again at every test).
_TEXTS = (Text, Abbr)
_STRESSED = (Strong, Status)


def _inline(content: Inlines) -> str:
    parts: list[str] = []
    for piece in content:
        if isinstance(piece, _TEXTS):
            parts.append(_escape(piece.text))
        elif isinstance(piece, _STRESSED):
            parts.append(_strong(piece.text))
        elif isinstance(piece, Link):
            label = _inline(piece.content)
            if piece.href.startswith("#"):
                parts.append(label)
            elif piece.content == (Text(piece.href),) and link_target(piece.href) == piece.href:
                parts.append(f"<{piece.href}>")
            else:
                parts.append(f"[{label}](<{link_target(piece.href)}>)")
    return "".join(parts)


def _block_lines(content: Inlines) -> list[str]:
    """Return inline content as the lines of a paragraph, joined by hard line breaks."""
    rendered = _inline(content)
    if not rendered:
        return []
    split = rendered.split("\n")
    trailing = 0
    while len(split) > 1 and split[-1] == "":
        split.pop()
        trailing += 1
    result = [_line_start(line) for line in split]
    result[-1] += "&#10;" * trailing
    return [line + "\\" for line in result[:-1]] + [result[-1]]


def _one_line(content: Inlines) -> str:
    """Return inline content on one line (headings, table cells, list labels)."""
    return _line_start(_inline(content).replace("\n", "&#10;"))


def _cell(cell: Cell) -> str:
    return "<br>".join(_one_line(line) for line in cell)


class _Writer:
    def __init__(self) -> None:
        self.lists = 0

    def blocks(self, blocks: tuple[LayoutBlock, ...]) -> Iterator[str]:
        for block in blocks:
            yield from self.block(block)

    def block(self, block: LayoutBlock) -> Iterator[str]:
        if isinstance(block, Heading):
            yield f"{'#' * block.level} {_one_line(block.content)}".rstrip()
        elif isinstance(block, Para):
            text = "\n".join(_block_lines(block.content))
            if text:
                yield text
        elif isinstance(block, ItemList):
            yield from self.item_list(block)
        elif isinstance(block, Quote):
            quoted = _block_lines(block.content) or [""]
            if block.attribution is not None:
                quoted += ["", *_block_lines((Text("— "), *block.attribution))]
            yield "\n".join(f"> {line}".rstrip() for line in quoted)
        elif isinstance(block, DescriptionList):
            yield from self.description_list(block)
        elif isinstance(block, Table):
            yield from self.table(block)
        elif isinstance(block, Contents):
            yield from self.block(block.heading)
            yield from self.contents(block.entries)
        elif isinstance(block, Image):
            return  # Markdown pages carry no embedded images; the HTML page has the logo
        elif isinstance(block, Chart):
            yield from self.chart(block)
        else:
            if block.heading is not None:
                yield from self.block(block.heading)
            yield from self.blocks(block.blocks)

    def item_list(self, block: ItemList) -> Iterator[str]:
        # Alternate the marker so that two lists in a row stay two lists.
        self.lists += 1
        if not block.items:
            return
        rendered: list[str] = []
        for number, item in enumerate(block.items, start=1):
            if block.ordered:
                marker = f"{number}{'.' if self.lists % 2 else ')'}"
            else:
                marker = "-" if self.lists % 2 else "*"
            indent = " " * (len(marker) + 1)
            item_lines = _block_lines(item)
            if not item_lines:
                rendered.append(marker)
                continue
            rendered.append(f"{marker} {item_lines[0]}")
            rendered.extend(indent + line for line in item_lines[1:])
        yield "\n".join(rendered)

    def contents(self, entries: tuple[ContentsEntry, ...]) -> Iterator[str]:
        # The page's own anchors are not Markdown's: the contents list the parts' titles.
        self.lists += 1
        lines: list[str] = []

        def add(entries: tuple[ContentsEntry, ...], indent: str) -> None:
            for number, entry in enumerate(entries, start=1):
                marker = f"{number}{'.' if self.lists % 2 else ')'}"
                lines.append(f"{indent}{marker} {_one_line(entry.content)}".rstrip())
                add(entry.entries, indent + " " * (len(marker) + 1))

        add(entries, "")
        if lines:
            yield "\n".join(lines)

    def description_list(self, block: DescriptionList) -> Iterator[str]:
        self.lists += 1
        marker = "-" if self.lists % 2 else "*"
        rendered = [
            f"{marker} **{_one_line(term)}:** {_one_line(description)}".rstrip()
            for term, description in block.items
        ]
        if rendered:
            yield "\n".join(rendered)

    def chart(self, chart: Chart) -> Iterator[str]:
        """A chart as its description and its data table: Markdown has no drawing."""
        title = _one_line((Strong(CHART_WORDS["caption"] + plain_text(chart.title)),))
        sentences = [_one_line(sentence) for sentence in chart.description]
        yield " ".join([title, *sentences])
        yield from self.table(chart.table)

    def table(self, table: Table) -> Iterator[str]:
        yield f"Table: {_one_line(table.caption)}".rstrip()
        rows = [
            "| " + " | ".join(_escape(column) for column in table.columns) + " |",
            "|" + "---|" * len(table.columns),
        ]
        for row in table.rows:
            cells = [_one_line(row.header), *(_cell(cell) for cell in row.cells)]
            rows.append("| " + " | ".join(cells) + " |")
        yield "\n".join(rows)


def _language_switch(document: Document) -> Iterator[str]:
    """The links to the page in its other languages, as one line before the title."""
    if document.alternates:
        yield " \\| ".join(
            f"[{_escape(link.name)}](<{_href(link)}>)" for link in document.alternates
        )


def _href(link: LanguageLink) -> str:
    """A language link's target: a web address as links take it, or a file name escaped."""
    return link_target(link.href) if is_web_url(link.href) else quote(link.href)


def write_markdown(document: Document) -> str:
    """Return ``document`` as GitHub-flavoured Markdown.

    Markdown cannot say which language a page is in; a page in other languages too starts
    with links to them.
    """
    with speaking(document.lang):  # the words the writer adds (a chart's) in its language
        blocks = [*_language_switch(document), *_Writer().blocks(document.blocks)]
    return "\n\n".join(blocks) + "\n"
