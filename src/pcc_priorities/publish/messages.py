"""The renderer's words in the page's language: gettext message catalogues, English and Welsh.

Every word the renderer adds to a page (headings, labels, table columns, statuses, month
names, the framework's titles) is looked up here, in the catalogue of the page's language:
``locale/<language>/LC_MESSAGES/pcc_priorities.mo`` beside this module, compiled from the
``.po`` file next to it (``python tools/messages.py`` extracts, updates and compiles; a test
checks that the compiled catalogues match their sources). The message ids are the English
words, so English needs no look-up, and a word without a translation stays English rather
than disappearing.

The language is set for the time a page is laid out or written (:func:`speaking`), so the
functions that make words (:func:`_`, :func:`ngettext`, and the date and number writers in
:mod:`~pcc_priorities.publish.words`) need not pass it along. It is held in a context
variable, so pages laid out at the same time in other threads or tasks keep their own.

"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from functools import cache

from pcc_priorities.files import package_files

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "N_",
    "catalogue_language",
    "current_language",
    "language_name",
    "ngettext",
    "number_count",
    "speaking",
    "translations",
]

#: The gettext domain: the catalogues' file name.
DOMAIN = "pcc_priorities"

#: The languages whose catalogues are shipped; the first is the source language.
LANGUAGES = ("en", "cy")

#: The language of the page being laid out or written (a key of :data:`LANGUAGES`).
_SPEAKING: ContextVar[str] = ContextVar("pcc_priorities_renderer_language", default="en")

#: The look-up of the page being laid out: its catalogue's ``gettext``; None for English,
#: the source language, whose catalogue gives each message as it is (a test keeps it so).
_LOOKUP: ContextVar[Callable[[str], str] | None] = ContextVar(
    "pcc_priorities_renderer_lookup", default=None
)

#: Each shipped language's name in that language, for a page's language switch.
_NAMES = {"en": "English", "cy": "Cymraeg"}


def catalogue_language(tag: str) -> str:
    """Return the shipped catalogue for a BCP 47 language tag: "cy" for Welsh, else "en".

    The primary subtag decides, in any case: "cy", "CY" and "cy-GB" are Welsh.
    """
    primary = tag.split("-", 1)[0].lower()
    return primary if primary in LANGUAGES else LANGUAGES[0]


def language_name(tag: str) -> str:
    """A language's name in that language ("Cymraeg", "English"), or the tag itself.

    Only the shipped languages are named; any other is shown as its tag ("fr").
    """
    return _NAMES.get(tag.split("-", 1)[0].lower(), tag)


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of a shipped language (:data:`LANGUAGES`), read once.

    Raises:
        ValueError: ``language`` is not a shipped language.
    """
    if language not in LANGUAGES:
        raise ValueError(f"no catalogue for {language!r}; shipped: {', '.join(LANGUAGES)}")
    source = package_files(__package__, __file__) / "locale" / language / "LC_MESSAGES"
    with (source / f"{DOMAIN}.mo").open("rb") as catalogue:
        return gettext.GNUTranslations(catalogue)


@contextmanager
def speaking(tag: str) -> Iterator[str]:
    """Make the renderer's words those of ``tag``'s catalogue until the block ends.

    Yields the catalogue's language ("en" or "cy").
    """
    language = catalogue_language(tag)
    token = _SPEAKING.set(language)
    translated = language != LANGUAGES[0]
    lookup = _LOOKUP.set(translations(language).gettext if translated else None)
    try:
        yield language
    finally:
        _LOOKUP.reset(lookup)
        _SPEAKING.reset(token)


def current_language() -> str:
    """The catalogue language of the page being laid out or written ("en" outside one)."""
    return _SPEAKING.get()


def _(message: str) -> str:
    """Return the renderer's words ``message`` (English) in the page's language."""
    lookup = _LOOKUP.get()
    return message if lookup is None else lookup(message)


def N_(message: str) -> str:
    """Mark ``message`` as renderer words to be looked up later (a table's labels)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the form of a message for ``count`` in the page's language.

    English has two forms, Welsh six (none, one, two, three, six, other); the catalogue's
    ``Plural-Forms`` header chooses. Format the count into the result yourself.
    """
    return translations(_SPEAKING.get()).ngettext(singular, plural, count)


def number_count(value: Decimal) -> int:
    """The count that chooses a plural form for a written number.

    A whole number counts as itself (its size: "-1 percentage point" is singular in
    English); a number with a fraction takes the "other" form, as CLDR's plural rules give
    for decimals in English and Welsh ("1.5 percentage points").
    """
    magnitude = abs(value)
    if magnitude == magnitude.to_integral_value():
        return int(magnitude)
    return 100  # "other" in English and Welsh
