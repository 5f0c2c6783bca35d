"""Publishing a statement: accessible HTML and GitHub-flavoured Markdown, built from the model.

Both formats come from one layout (:mod:`pcc_priorities._layout`), so they carry the same
content in the same order; every piece of statement text is escaped by the writer of each
format.

"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from enum import StrEnum

from pcc_priorities.files import check_output, write_output
from pcc_priorities.formats.documents import load
from pcc_priorities.model.statement import Statement
from pcc_priorities.publish.builder import layout
from pcc_priorities.publish.html import STYLESHEET, write_html
from pcc_priorities.publish.markdown import write_markdown
from pcc_priorities.publish.messages import language_name
from pcc_priorities.publish.page import PageOptions
from pcc_priorities.publish.tree import LanguageLink
from pcc_priorities.reference.glossary import AcronymGlossary

__all__ = [
    "RenderFormat",
    "html_stylesheet",
    "render",
    "render_file",
    "render_html",
    "render_markdown",
    "render_translations",
]


class RenderFormat(StrEnum):
    """A publication format."""

    #: A standalone HTML page (or, with ``fragment=True``, an ``<article>`` to embed).
    HTML = "html"
    #: GitHub-flavoured Markdown.
    MARKDOWN = "md"


def render_html(
    statement: Statement,
    *,
    fragment: bool = False,
    heading_level: int = 1,
    acronyms: Mapping[str, str] | None = None,
    glossary: AcronymGlossary | None = None,
    options: PageOptions | None = None,
) -> str:
    """Return ``statement`` as an accessible HTML page.

    The page is standalone (no external assets, no JavaScript), declares ``lang="en-GB"``,
    and carries a Content Security Policy that allows nothing but its own style sheet.

    Args:
        statement: The statement to publish.
        fragment: Return only the ``<article class="pcc-statement">`` element, to embed in a
            content management system's page; style it with :func:`html_stylesheet`.
        heading_level: The level of the statement's title (1 for a page of its own; 2 or 3
            when the embedding page has its own ``h1``); headings go no deeper than ``h6``.
        acronyms: Abbreviations to mark up with ``<abbr title>``, term to expansion; by
            default the statement's own definitions (its glossary and its "Organised Crime
            Groups (OCG)" asides): the page publishes no expansion the statement does not
            give. Pass ``{}`` to mark up none.
        glossary: Opt in to a glossary's expansions (``shipped_glossary()``, the shipped
            glossary of policing acronyms) for acronyms the statement uses without spelling
            them out; they are listed under "Abbreviations" and marked up like the
            statement's own. Ignored when ``acronyms`` is given.
        options: What the page carries besides the statement: earlier editions, links to
            the figures as files, a logo, the body's own style sheet, a description
            (:class:`~pcc_priorities.publish.PageOptions`).

    Raises:
        ValueError: ``heading_level`` is not from 1 to 4.
    """
    document = layout(
        statement,
        acronyms=acronyms,
        heading_level=heading_level,
        glossary=glossary,
        options=options,
    )
    stylesheet = options.stylesheet if options is not None else None
    return write_html(document, fragment=fragment, stylesheet=stylesheet)


def render_markdown(
    statement: Statement,
    *,
    heading_level: int = 1,
    acronyms: Mapping[str, str] | None = None,
    glossary: AcronymGlossary | None = None,
    options: PageOptions | None = None,
) -> str:
    """Return ``statement`` as GitHub-flavoured Markdown, with the same content as the HTML.

    Markdown has no element for abbreviations, so the abbreviations used are listed under
    an "Abbreviations" heading, as they are in the HTML.

    Args:
        statement: The statement to publish.
        heading_level: The level of the statement's title (see :func:`render_html`).
        acronyms: Abbreviations to list, term to expansion; by default the statement's
            own definitions (see :func:`render_html`).
        glossary: Opt in to a glossary's expansions (see :func:`render_html`).
        options: What the page carries besides the statement (see :func:`render_html`);
            Markdown shows no logo and takes no style sheet.

    Raises:
        ValueError: ``heading_level`` is not from 1 to 4.
    """
    document = layout(
        statement,
        acronyms=acronyms,
        heading_level=heading_level,
        glossary=glossary,
        options=options,
    )
    return write_markdown(document)


def render_translations(
    statements: Sequence[Statement],
    format: RenderFormat | str,
    *,
    hrefs: Sequence[str],
    fragment: bool = False,
    heading_level: int = 1,
    glossary: AcronymGlossary | None = None,
) -> list[str]:
    """Return the pages of one statement published in several languages, linked together.

    Welsh bodies publish a Welsh page and an English page that link to each other: give
    each language's statement document, and each page links to the others, with
    ``<link rel="alternate" hreflang>`` in its head and a visible language switch (in
    Markdown, a line of links before the title). Each page's words are in its own
    statement's language (see :func:`render_html`).

    Args:
        statements: The statement in each language, each in a different language.
        format: "html" or "md", for every page.
        hrefs: Where each page is found from the others, in the same order: its file name
            beside them ("statement.cy.html") or its web address. Where a statement names
            the other language's page in its ``translations``, that address is used instead.
        fragment: HTML only: each page as an ``<article>`` fragment (the language switch
            is in the article; the ``<link>`` elements need a page's head).
        heading_level: The level of each statement's title (see :func:`render_html`).
        glossary: Opt in to a glossary's expansions (see :func:`render_html`).

    Raises:
        ValueError: The statements and the addresses differ in number, two statements are
            in the same language, ``format`` is not a known format, or ``heading_level`` is
            out of range.
    """
    chosen = RenderFormat(format)
    if len(statements) != len(hrefs):
        raise ValueError(f"{len(statements)} statements but {len(hrefs)} addresses")
    languages = [statement.language.lower() for statement in statements]
    repeated = sorted({language for language in languages if languages.count(language) > 1})
    if repeated:
        raise ValueError(f"more than one statement in {', '.join(map(repr, repeated))}")
    pages: list[str] = []
    for index, statement in enumerate(statements):
        published = {t.language.lower(): t.url for t in statement.translations}
        links = [
            LanguageLink(
                other.language,
                published.get(other.language.lower(), hrefs[position]),
                language_name(other.language),
            )
            for position, other in enumerate(statements)
            if position != index
        ]
        document = layout(
            statement, heading_level=heading_level, glossary=glossary, alternates=links
        )
        if chosen is RenderFormat.HTML:
            pages.append(write_html(document, fragment=fragment))
        else:
            pages.append(write_markdown(document))
    return pages


def html_stylesheet() -> str:
    """Return the CSS the HTML page embeds, for a page that embeds the fragment.

    Every rule is scoped to ``.pcc-statement``, so it styles nothing else on the page.
    """
    return STYLESHEET


def render(
    statement: Statement,
    format: RenderFormat | str,
    *,
    fragment: bool = False,
    heading_level: int = 1,
    acronyms: Mapping[str, str] | None = None,
    glossary: AcronymGlossary | None = None,
    options: PageOptions | None = None,
) -> str:
    """Return ``statement`` in ``format`` ("html" or "md").

    ``fragment`` applies to HTML only. See :func:`render_html` and :func:`render_markdown`;
    pass ``glossary=shipped_glossary()`` to add the shipped glossary's expansions of
    acronyms the statement does not spell out.

    Raises:
        ValueError: ``format`` is not a known format, or ``heading_level`` is out of range.
    """
    chosen = RenderFormat(format)
    if chosen is RenderFormat.HTML:
        return render_html(
            statement,
            fragment=fragment,
            heading_level=heading_level,
            acronyms=acronyms,
            glossary=glossary,
            options=options,
        )
    return render_markdown(
        statement,
        heading_level=heading_level,
        acronyms=acronyms,
        glossary=glossary,
        options=options,
    )


def render_file(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    format: RenderFormat | str,
    *,
    overwrite: bool = False,
    fragment: bool = False,
    heading_level: int = 1,
    acronyms: Mapping[str, str] | None = None,
    glossary: AcronymGlossary | None = None,
    options: PageOptions | None = None,
) -> Statement:
    """Load the statement document ``source`` and write it to ``output`` in ``format``.

    The output is written atomically (see
    :func:`~pcc_priorities.files.write_output`), so a reader never sees half a page;
    without ``overwrite`` it is created exclusively. Returns the statement rendered.

    Raises:
        OutputExistsError: ``output`` is the input document (never overwritten), or it
            exists and ``overwrite`` is false.
        DocumentError: ``source`` is not a valid statement document (JSON or YAML, by
            its extension; see ``load``).
        FileProblemError: ``source`` cannot be read or ``output`` cannot be written; the
            message says why.
        ValueError: ``format`` is not a known format.
    """
    chosen = RenderFormat(format)
    check_output(output, overwrite=overwrite, inputs=[source])
    statement = load(source)
    text = render(
        statement,
        chosen,
        fragment=fragment,
        heading_level=heading_level,
        acronyms=acronyms,
        glossary=glossary,
        options=options,
    )
    write_output(output, text, overwrite=overwrite, inputs=[source])
    return statement
