"""Publishing: a statement as accessible HTML or Markdown, through one layout tree.

May import the model, periods, reference, formats and exceptions; never checks or the
command line.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.publish.figure_tables import FigureTables
    from pcc_priorities.publish.html import STYLESHEET, write_html
    from pcc_priorities.publish.inlines import (
        Acronyms,
        adds_to,
        blank,
        comma_separated,
        join_inlines,
        renderer_words,
    )
    from pcc_priorities.publish.layout import layout
    from pcc_priorities.publish.markdown import write_markdown
    from pcc_priorities.publish.render import (
        RenderFormat,
        html_stylesheet,
        render,
        render_file,
        render_html,
        render_markdown,
    )
    from pcc_priorities.publish.tree import (
        Abbr,
        Cell,
        DescriptionList,
        Document,
        Heading,
        Inline,
        Inlines,
        ItemList,
        LayoutBlock,
        Link,
        Para,
        Quote,
        Row,
        Section,
        Status,
        Strong,
        Table,
        Text,
    )
    from pcc_priorities.publish.words import format_date, format_number, is_web_url, printable

_LAZY = {
    "Abbr": ".tree",
    "Acronyms": ".inlines",
    "Cell": ".tree",
    "DescriptionList": ".tree",
    "Document": ".tree",
    "FigureTables": ".figure_tables",
    "Heading": ".tree",
    "Inline": ".tree",
    "Inlines": ".tree",
    "ItemList": ".tree",
    "LayoutBlock": ".tree",
    "Link": ".tree",
    "Para": ".tree",
    "Quote": ".tree",
    "RenderFormat": ".render",
    "Row": ".tree",
    "STYLESHEET": ".html",
    "Section": ".tree",
    "Status": ".tree",
    "Strong": ".tree",
    "Table": ".tree",
    "Text": ".tree",
    "adds_to": ".inlines",
    "blank": ".inlines",
    "comma_separated": ".inlines",
    "format_date": ".words",
    "format_number": ".words",
    "html_stylesheet": ".render",
    "is_web_url": ".words",
    "join_inlines": ".inlines",
    "layout": ".layout",
    "printable": ".words",
    "render": ".render",
    "render_file": ".render",
    "render_html": ".render",
    "render_markdown": ".render",
    "renderer_words": ".inlines",
    "write_html": ".html",
    "write_markdown": ".markdown",
}

__all__ = [
    "STYLESHEET",
    "Abbr",
    "Acronyms",
    "Cell",
    "DescriptionList",
    "Document",
    "FigureTables",
    "Heading",
    "Inline",
    "Inlines",
    "ItemList",
    "LayoutBlock",
    "Link",
    "Para",
    "Quote",
    "RenderFormat",
    "Row",
    "Section",
    "Status",
    "Strong",
    "Table",
    "Text",
    "adds_to",
    "blank",
    "comma_separated",
    "format_date",
    "format_number",
    "html_stylesheet",
    "is_web_url",
    "join_inlines",
    "layout",
    "printable",
    "render",
    "render_file",
    "render_html",
    "render_markdown",
    "renderer_words",
    "write_html",
    "write_markdown",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
