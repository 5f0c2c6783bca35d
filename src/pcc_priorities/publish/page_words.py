"""The renderer's words for the parts it adds around a statement: contents, summary, footer.

Plain English constants and small functions, as in :mod:`pcc_priorities.publish.words`, so
that a message catalogue can take them over. Nothing here is statement text: the functions
put the statement's own figures (already written as words) into sentences.
"""

from __future__ import annotations

from decimal import Decimal

from pcc_priorities.model.values import ComparisonBasis, Direction

__all__ = [
    "ABOUT_HEADING",
    "ACCESSIBILITY_LINK",
    "CONTENTS_HEADING",
    "SKIP_CONTENTS",
    "SUMMARY_HEADING",
    "against_words",
    "description_words",
    "direction_of",
    "since_words",
]

CONTENTS_HEADING = "Contents"
#: The link before the contents that takes a keyboard or screen reader user past them.
SKIP_CONTENTS = "Skip the contents"
SUMMARY_HEADING = "Summary"
SUMMARY_INTRODUCTION = (
    "Where each national priority stands, made for this page from the statement's own "
    "assessments and figures: for each priority, whether it applies and its headline figure."
)
SUMMARY_NO_SECTIONS = "This statement has no priority sections to summarise."
HEADLINE_LABEL = "Headline figure:"
STATUS_END = "."
NO_FIGURES = "No figures are given for this priority."
NO_HEADLINE_VALUE = "No figure with a value or a stated change is given for this priority."
NO_CHANGE_STATED = "no change is stated"
#: Before a comparison's own words, where only they say what the figure is compared with.
AS_PUBLISHED = "as published:"
NAMED_HEADLINE = "the statement's headline figure"
LOGO_WORDS = "Logo of {name}"

ABOUT_HEADING = "About this statement"
PUBLISHED = "Published"
LAST_UPDATED = "Last updated"
NOT_STATED = "Not stated"
EDITIONS_HEADING = "Editions and what changed"
EDITION_UNNAMED = "An earlier edition"
THIS_EDITION = "This edition"
NO_CHANGES_RECORDED = "No changes recorded."
CHANGES_MORE = "and {count} more changes"
CONTACT_HEADING = "Contact"
EMAIL = "Email"
TELEPHONE = "Telephone"
ADDRESS = "Address"
CONTACT_PAGE = "Contact page"
ACCESSIBILITY_LINK = "Accessibility statement"
ACCESSIBILITY_HEADING = "Accessibility"
DOWNLOADS_HEADING = "Download the figures"
DOWNLOADS_INTRODUCTION = (
    "The statement's figures as a spreadsheet, one row for each figure or comparison:"
)
DOWNLOAD_KINDS = {
    "csv": "CSV (comma-separated values)",
    "ods": "ODS (OpenDocument spreadsheet)",
}


def published_words(date_words: str | None) -> str:
    """An edition's publication date in a list of editions ("published 14 September 2023")."""
    return f"published {date_words}" if date_words else "publication date not stated"


# --------------------------------------------------------------------------- the change

_UP = {Direction.INCREASE: "up", Direction.DECREASE: "down", Direction.STABLE: "unchanged"}
_HIGHER = {
    Direction.INCREASE: "higher than",
    Direction.DECREASE: "lower than",
    Direction.STABLE: "the same as",
}

#: A change over time, after "up 5%": against what it is measured.
_SINCE = {
    ComparisonBasis.PREVIOUS_PERIOD: "on the previous period",
    ComparisonBasis.SAME_PERIOD_LAST_YEAR: "on the same period last year",
    ComparisonBasis.BASELINE: "on the baseline",
    ComparisonBasis.PEAK: "from the peak",
    ComparisonBasis.PREVIOUSLY_PUBLISHED: "on the figure published before",
    # Against what, the statement says in its own words (shown in the figures' table).
    ComparisonBasis.OTHER: "",
    ComparisonBasis.UNSTATED: "",
}

#: A comparison with another figure at the same time: "higher than" what.
_AGAINST = {
    ComparisonBasis.TARGET: "the target",
    ComparisonBasis.MOST_SIMILAR_GROUP: "the most similar group",
    ComparisonBasis.NATIONAL_AVERAGE: "the national average",
}

#: A comparison without a stated change: "compared with 178 in" what.
_COMPARED = {
    ComparisonBasis.PREVIOUS_PERIOD: "the previous period",
    ComparisonBasis.SAME_PERIOD_LAST_YEAR: "the same period last year",
    ComparisonBasis.BASELINE: "the baseline",
    ComparisonBasis.PEAK: "the peak",
    ComparisonBasis.PREVIOUSLY_PUBLISHED: "the figure published before",
    ComparisonBasis.TARGET: "the target",
    ComparisonBasis.MOST_SIMILAR_GROUP: "the most similar group",
    ComparisonBasis.NATIONAL_AVERAGE: "the national average",
    ComparisonBasis.OTHER: "the figure it is compared with",
    ComparisonBasis.UNSTATED: "another figure",
}


def direction_of(direction: Direction | None, signed: Decimal | None) -> Direction | None:
    """The direction the statement states, or the one its signed change gives."""
    if direction is not None:
        return direction
    if signed is None:
        return None
    if signed > 0:
        return Direction.INCREASE
    if signed < 0:
        return Direction.DECREASE
    return Direction.STABLE


def since_words(
    direction: Direction,
    amount: str | None,
    basis: ComparisonBasis,
    reference: str | None,
    peak: str | None = None,
) -> str:
    """A change in words: "down 5.9% on the same period last year (2022/23)".

    Args:
        direction: The direction, stated or from the sign of the change.
        amount: The size of the change without its sign ("5.9%", "76"), or None.
        basis: What the figure is compared with.
        reference: The reference's period or area as published, or None.
        peak: The value of a peak compared with, written ("24"), or None.
    """
    if basis in _AGAINST:
        return against_words(direction, amount, basis, reference)
    words = _UP[direction]
    if amount is not None and direction is not Direction.STABLE:
        words += f" {amount}"
    since = _SINCE.get(basis, "")
    if since:
        words += f" {since}"
    if basis is ComparisonBasis.PEAK and peak is not None:
        words += f" of {peak}"
    if reference:
        words += f" ({reference})"
    return words


def against_words(
    direction: Direction, amount: str | None, basis: ComparisonBasis, reference: str | None
) -> str:
    """A comparison with another figure in words: "3% lower than the national average"."""
    words = _HIGHER[direction]
    if amount is not None and direction is not Direction.STABLE:
        words = f"{amount} {words}"
    words += f" {_AGAINST.get(basis, _COMPARED[basis])}"
    if reference:
        words += f" ({reference})"
    return words


def compared_words(value: str, basis: ComparisonBasis, reference: str | None) -> str:
    """A comparison without a stated change: "compared with 178 in the same period last year"."""
    words = f"compared with {value} for {_COMPARED.get(basis, _COMPARED[ComparisonBasis.OTHER])}"
    if reference:
        words += f" ({reference})"
    return words


def description_words(title: str, body: str) -> str:
    """The page's meta description: what the page is, in one sentence."""
    who = f" by {body}" if body else ""
    return (
        f"{title}: the statement{who} on the national policing priorities, which of them "
        "apply in the area and the police force's contribution to each."
    )
