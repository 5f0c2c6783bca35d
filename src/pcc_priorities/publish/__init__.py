"""Publishing: a statement as accessible HTML or Markdown, through one layout tree.

May import the model, periods, reference, formats and exceptions; never checks or the
command line.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.publish.builder import layout
    from pcc_priorities.publish.html import STYLESHEET, write_html
    from pcc_priorities.publish.markdown import write_markdown
    from pcc_priorities.publish.page import (
        Download,
        Logo,
        PageOptions,
        check_logo,
        check_stylesheet,
        read_logo,
        read_stylesheet,
    )
    from pcc_priorities.publish.rendering import (
        RenderFormat,
        html_stylesheet,
        render,
        render_file,
        render_html,
        render_markdown,
        render_translations,
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
        LanguageLink,
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

_LAZY = {
    "Download": "pcc_priorities.publish.page",
    "Logo": "pcc_priorities.publish.page",
    "PageOptions": "pcc_priorities.publish.page",
    "check_logo": "pcc_priorities.publish.page",
    "check_stylesheet": "pcc_priorities.publish.page",
    "read_logo": "pcc_priorities.publish.page",
    "read_stylesheet": "pcc_priorities.publish.page",
    "Abbr": "pcc_priorities.publish.tree",
    "Cell": "pcc_priorities.publish.tree",
    "DescriptionList": "pcc_priorities.publish.tree",
    "Document": "pcc_priorities.publish.tree",
    "Heading": "pcc_priorities.publish.tree",
    "Inline": "pcc_priorities.publish.tree",
    "Inlines": "pcc_priorities.publish.tree",
    "ItemList": "pcc_priorities.publish.tree",
    "LanguageLink": "pcc_priorities.publish.tree",
    "LayoutBlock": "pcc_priorities.publish.tree",
    "Link": "pcc_priorities.publish.tree",
    "Para": "pcc_priorities.publish.tree",
    "Quote": "pcc_priorities.publish.tree",
    "RenderFormat": "pcc_priorities.publish.rendering",
    "Row": "pcc_priorities.publish.tree",
    "STYLESHEET": "pcc_priorities.publish.html",
    "Section": "pcc_priorities.publish.tree",
    "Status": "pcc_priorities.publish.tree",
    "Strong": "pcc_priorities.publish.tree",
    "Table": "pcc_priorities.publish.tree",
    "Text": "pcc_priorities.publish.tree",
    "html_stylesheet": "pcc_priorities.publish.rendering",
    "layout": "pcc_priorities.publish.builder",
    "render": "pcc_priorities.publish.rendering",
    "render_file": "pcc_priorities.publish.rendering",
    "render_html": "pcc_priorities.publish.rendering",
    "render_markdown": "pcc_priorities.publish.rendering",
    "render_translations": "pcc_priorities.publish.rendering",
    "write_html": "pcc_priorities.publish.html",
    "write_markdown": "pcc_priorities.publish.markdown",
}

__all__ = [
    "STYLESHEET",
    "Abbr",
    "Cell",
    "DescriptionList",
    "Document",
    "Download",
    "Heading",
    "Inline",
    "Inlines",
    "ItemList",
    "LanguageLink",
    "LayoutBlock",
    "Link",
    "Logo",
    "PageOptions",
    "Para",
    "Quote",
    "RenderFormat",
    "Row",
    "Section",
    "Status",
    "Strong",
    "Table",
    "Text",
    "check_logo",
    "check_stylesheet",
    "html_stylesheet",
    "layout",
    "read_logo",
    "read_stylesheet",
    "render",
    "render_file",
    "render_html",
    "render_markdown",
    "render_translations",
    "write_html",
    "write_markdown",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
