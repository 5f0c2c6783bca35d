"""The page's footer: when it was published and updated, its editions, contact, downloads.

An addition of the renderer at the end of the page, after every published part: the
publication and update dates, the editions the statement records (and any earlier editions
given to the renderer, with what ``diff`` found changed), the body's contact details and
accessibility statement where the statement gives them, and links to the figures as files.
"""

from __future__ import annotations

import re
import urllib.parse

from pcc_priorities.model.statement import Contact, EditionRecord, Statement
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.publish import page_words as words
from pcc_priorities.publish.inlines import join_inlines, renderer_words
from pcc_priorities.publish.messages import _
from pcc_priorities.publish.page import PageOptions
from pcc_priorities.publish.tree import (
    DescriptionList,
    Heading,
    Inlines,
    ItemList,
    LayoutBlock,
    Link,
    Para,
    Section,
)
from pcc_priorities.publish.words import format_date

__all__ = ["FooterLayout", "is_email_address", "last_updated"]

_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
)


def is_email_address(text: str) -> bool:
    """Return whether ``text``, without whitespace around it, is an address to link to.

    The footer links such an e-mail address with ``mailto:``; any other text is shown as
    the statement gives it.
    """
    return _EMAIL.fullmatch(text.strip()) is not None


def _later(first: PartialDate | None, second: PartialDate | None) -> PartialDate | None:
    if first is None or second is None:
        return first or second
    return second if _key(second) > _key(first) else first


def _key(value: PartialDate) -> tuple[object, ...]:
    return (value.earliest, value.latest)


def last_updated(statement: Statement, history: tuple[EditionRecord, ...]) -> PartialDate | None:
    """When the statement was last updated: its own date, or its latest recorded edition's.

    None where that is not later than its publication (a page shows "Last updated" only for
    an update).
    """
    latest = statement.updated
    for record in (*statement.history, *history):
        latest = _later(latest, record.published)
    if latest is None:
        return None
    published = statement.published
    if published is not None and _key(latest) <= _key(published):
        return None
    return latest


class FooterLayout:
    """The footer; the builder provides the statement's words and the page's options."""

    statement: Statement
    options: PageOptions

    def text(self, text: str) -> Inlines:  # pragma: no cover - the builder's
        """Statement text as inline content (the builder marks up abbreviations)."""
        raise NotImplementedError

    def level(self, depth: int) -> int:  # pragma: no cover - the builder's
        """The heading level ``depth`` below the statement's title."""
        raise NotImplementedError

    def link(self, url: str, content: Inlines | None = None) -> Inlines:  # pragma: no cover
        """A web address as a link, or as text where it is not one the page may link to."""
        raise NotImplementedError

    def footer(self) -> Section:
        """The footer section: dates, editions, contact, accessibility, downloads."""
        statement = self.statement
        dates: list[tuple[Inlines, Inlines]] = [
            (
                renderer_words(words.PUBLISHED),
                renderer_words(
                    format_date(statement.published) if statement.published else _(words.NOT_STATED)
                ),
            )
        ]
        updated = last_updated(statement, self.options.history)
        if updated is not None:
            dates.append((renderer_words(words.LAST_UPDATED), renderer_words(format_date(updated))))
        blocks: list[LayoutBlock] = [DescriptionList(tuple(dates), kind="dates")]
        blocks.extend(self.editions())
        if statement.contact is not None:
            blocks.extend(self.contact(statement.contact))
        if statement.accessibility_url is not None:
            blocks.append(
                Section(
                    Heading(
                        self.level(2),
                        renderer_words(words.ACCESSIBILITY_HEADING),
                        "pcc-accessibility",
                    ),
                    (
                        Para(
                            self.link(
                                statement.accessibility_url,
                                renderer_words(words.ACCESSIBILITY_LINK),
                            )
                        ),
                    ),
                    kind="accessibility",
                )
            )
        if self.options.downloads:
            blocks.append(self.downloads())
        heading = Heading(self.level(1), renderer_words(words.ABOUT_HEADING), "pcc-about")
        return Section(heading, tuple(blocks), kind="footer")

    def editions(self) -> list[LayoutBlock]:
        """The editions the statement records and the page was given, oldest first."""
        records = (*self.options.history, *self.statement.history)
        if not records:
            return []
        items = tuple(self.edition(record) for record in records)
        return [
            Section(
                Heading(self.level(2), renderer_words(words.EDITIONS_HEADING), "pcc-editions"),
                (ItemList(items),),
                kind="editions",
            )
        ]

    def edition(self, record: EditionRecord) -> Inlines:
        """One edition: its label, its date, and what changed."""
        label = (
            self.text(record.edition) if record.edition else renderer_words(words.EDITION_UNNAMED)
        )
        when = format_date(record.published) if record.published is not None else None
        line = join_inlines(label, f" ({words.published_words(when)})", ": ")
        if not record.changes:
            return join_inlines(line, _(words.NO_CHANGES_RECORDED))
        for index, change in enumerate(record.changes):
            line = join_inlines(line, "; " if index else "", self.text(change))
        return join_inlines(line, ".")

    def contact(self, contact: Contact) -> list[LayoutBlock]:
        """The body's contact details, each as the statement gives it."""
        blocks: list[LayoutBlock] = []
        if contact.wording is not None:
            blocks.append(Para(self.text(contact.wording)))
        items: list[tuple[Inlines, Inlines]] = []
        if contact.email is not None:
            address = contact.email.strip()
            shown = self.text(contact.email)
            if is_email_address(address):
                shown = (Link(shown, "mailto:" + urllib.parse.quote(address, safe="@.+-_")),)
            items.append((renderer_words(words.EMAIL), shown))
        if contact.telephone is not None:
            items.append((renderer_words(words.TELEPHONE), self.text(contact.telephone)))
        if contact.address is not None:
            items.append((renderer_words(words.ADDRESS), self.text(contact.address)))
        if contact.url is not None:
            items.append((renderer_words(words.CONTACT_PAGE), self.link(contact.url)))
        if items:
            blocks.append(DescriptionList(tuple(items), kind="contact"))
        heading = Heading(self.level(2), renderer_words(words.CONTACT_HEADING), "pcc-contact")
        return [Section(heading, tuple(blocks), kind="contact")]

    def downloads(self) -> Section:
        """Links to the figures as files beside the page."""
        items = tuple(
            (
                Link(
                    renderer_words(words.DOWNLOAD_KINDS.get(download.kind, download.kind)),
                    download.href,
                ),
            )
            for download in self.options.downloads
        )
        return Section(
            Heading(self.level(2), renderer_words(words.DOWNLOADS_HEADING), "pcc-downloads"),
            (Para(renderer_words(words.DOWNLOADS_INTRODUCTION)), ItemList(items)),
            kind="downloads",
        )
