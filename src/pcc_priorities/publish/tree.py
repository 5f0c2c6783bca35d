"""The layout tree: a statement as headings, paragraphs, lists and tables, for any writer."""

from __future__ import annotations

from decimal import Decimal
from typing import TypeAlias

from attrs import frozen

__all__ = [
    "Abbr",
    "Cell",
    "Chart",
    "ChartPoint",
    "Contents",
    "ContentsEntry",
    "DescriptionList",
    "Document",
    "Heading",
    "Image",
    "Inline",
    "Inlines",
    "ItemList",
    "LanguageLink",
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
]


# --------------------------------------------------------------------------- the tree


#: Short texts already made, shared: a page repeats its words, labels, periods and values
#: thousands of times, and a text is immutable. Bounded, so that no process keeps more.
#: (A plain ``str`` key only: ``Text`` shares no text of a ``str`` subclass.)
_SHARED: dict[str, Text] = {}
_SHARED_MOST = 20_000
_SHARED_LONGEST = 80


@frozen(init=False)
class Text:
    """Text from the statement or the renderer, to be escaped by the writer.

    Texts are values: two equal texts may be the same object.
    """

    text: str

    def __new__(cls, text: str) -> Text:
        """Return the text ``text``, shared with an earlier equal one where it is short."""
        shareable = cls is Text and type(text) is str and len(text) <= _SHARED_LONGEST
        piece = _SHARED.get(text) if shareable else None
        if piece is None:
            piece = object.__new__(cls)
            object.__setattr__(piece, "text", text)
            if shareable:
                if len(_SHARED) >= _SHARED_MOST:
                    _SHARED.clear()
                _SHARED[text] = piece
        return piece

    def __reduce__(self) -> tuple[type[Text], tuple[str]]:
        """Pickle as the call that makes it."""
        return (type(self), (self.text,))


_new_object = object.__new__
_set_slot = object.__setattr__


def text_piece(text: str) -> Text:
    """``Text(text)`` for a plain ``str``, made without calling the class.

    Making texts is the layout's commonest step: this gives the same object, shared the same
    way, at about half the cost of the call.
    """
    piece = _SHARED.get(text)
    if piece is None:
        piece = _new_object(Text)
        _set_slot(piece, "text", text)
        if len(text) <= _SHARED_LONGEST:
            if len(_SHARED) >= _SHARED_MOST:
                _SHARED.clear()
            _SHARED[text] = piece
    return piece


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


@frozen
class ChartPoint:
    """One bar of a chart: what it stands for, its exact value and how it is drawn.

    Attributes:
        label: What the bar stands for (a period, or what the figure is compared with).
        value: The value, exactly as the statement gives it or as worked out from it.
        value_words: The value as the page writes it ("1,209", "£97", "53%").
        style: How the bar is drawn: ``figure`` (solid), ``reference`` (hatched) or
            ``target`` (outline only).
        note: Renderer words about the value ("worked out from the change stated").
    """

    label: Inlines
    value: Decimal
    value_words: str
    style: str = "figure"
    note: str | None = None


@frozen
class Chart:
    """A bar chart of figures, with its description and the table it is drawn from.

    Attributes:
        title: What the chart shows (the measure, and its area where it has one).
        points: The bars, in reading order.
        description: The trend in words, one sentence per item.
        table: The data the chart is drawn from, as a table.
    """

    title: Inlines
    points: tuple[ChartPoint, ...]
    description: tuple[Inlines, ...]
    table: Table


@frozen
class ContentsEntry:
    """A line of the contents: a heading's words, its anchor, and the headings under it."""

    content: Inlines
    anchor: str
    entries: tuple[ContentsEntry, ...] = ()


@frozen
class Contents:
    """A linked list of the page's parts (``<nav>`` in HTML).

    Attributes:
        heading: The list's own heading.
        entries: The parts, in reading order.
        skip_to: The anchor just after the list, for a link that skips it; None for none.
        skip_words: The words of that link.
    """

    heading: Heading
    entries: tuple[ContentsEntry, ...]
    skip_to: str | None = None
    skip_words: str = ""


@frozen
class Image:
    """An image the renderer embeds (the body's logo): a checked ``data:`` URL and its text."""

    data_url: str
    alternative: str
    kind: str | None = None


LayoutBlock: TypeAlias = (
    Heading | Para | ItemList | Quote | DescriptionList | Table | Chart | Section | Contents | Image
)


@frozen
class LanguageLink:
    """The same page in another language.

    Attributes:
        lang: The other page's language (a BCP 47 tag, for ``hreflang`` and ``lang``).
        href: Its address: a web address :func:`is_web_url` accepted, or the file name of a
            page the renderer wrote beside this one.
        name: The language's name in that language ("Cymraeg", "English").
    """

    lang: str
    href: str
    name: str


@frozen
class Document:
    """The whole statement, laid out.

    Attributes:
        title: The page title (plain text).
        blocks: The content, in reading order.
        lang: The page's language, the language of the renderer's words (a BCP 47 tag).
        alternates: The same page in other languages, for the page's language switch.
        description: What the page is, in a sentence (plain text; its meta description).
    """

    title: str
    blocks: tuple[LayoutBlock, ...]
    lang: str = "en-GB"
    alternates: tuple[LanguageLink, ...] = ()
    description: str | None = None
