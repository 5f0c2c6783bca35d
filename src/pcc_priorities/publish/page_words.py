"""The renderer's words for the parts it adds around a statement: contents, summary, footer.

English message ids (marked with ``N_`` and looked up where they are used, with ``_`` or
``renderer_words``) and small functions that write sentences in the page's language from the
message catalogue. Nothing here is statement text: the functions put the statement's own
figures (already written as words) into sentences.
"""

from __future__ import annotations

from decimal import Decimal

from pcc_priorities.model.values import ComparisonBasis, Direction
from pcc_priorities.publish.messages import N_, _

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

CONTENTS_HEADING = N_("Contents")
#: A contents entry for a heading the statement gives no words for.
UNTITLED = N_("Untitled part")
#: The link before the contents that takes a keyboard or screen reader user past them.
SKIP_CONTENTS = N_("Skip the contents")
SUMMARY_HEADING = N_("Summary")
SUMMARY_INTRODUCTION = N_(
    "Where each national priority stands, made for this page from the statement's own "
    "assessments and figures: for each priority, whether it applies and its headline figure."
)
SUMMARY_NO_SECTIONS = N_("This statement has no priority sections to summarise.")
HEADLINE_LABEL = N_("Headline figure:")
STATUS_END = N_(".")
NO_FIGURES = N_("No figures are given for this priority.")
NO_HEADLINE_VALUE = N_("No figure with a value or a stated change is given for this priority.")
NO_CHANGE_STATED = N_("no change is stated")
#: Before a comparison's own words, where only they say what the figure is compared with.
AS_PUBLISHED = N_("as published:")
NAMED_HEADLINE = N_("the statement's headline figure")
LOGO_WORDS = N_("Logo of {name}")

ABOUT_HEADING = N_("About this statement")
PUBLISHED = N_("Published")
LAST_UPDATED = N_("Last updated")
NOT_STATED = N_("Not stated")
EDITIONS_HEADING = N_("Editions and what changed")
EDITION_UNNAMED = N_("An earlier edition")
THIS_EDITION = N_("This edition")
NO_CHANGES_RECORDED = N_("No changes recorded.")
CHANGES_MORE = N_("and {count} more changes")
CONTACT_HEADING = N_("Contact")
EMAIL = N_("Email")
TELEPHONE = N_("Telephone")
ADDRESS = N_("Address")
CONTACT_PAGE = N_("Contact page")
ACCESSIBILITY_LINK = N_("Accessibility statement")
ACCESSIBILITY_HEADING = N_("Accessibility")
DOWNLOADS_HEADING = N_("Download the figures")
DOWNLOADS_INTRODUCTION = N_(
    "The statement's figures as a spreadsheet, one row for each figure or comparison:"
)
DOWNLOAD_KINDS = {
    "csv": N_("CSV (comma-separated values)"),
    "ods": N_("ODS (OpenDocument spreadsheet)"),
}


def published_words(date_words: str | None) -> str:
    """An edition's publication date in a list of editions ("published 14 September 2023")."""
    if date_words:
        return _("published {date}").format(date=date_words)
    return _("publication date not stated")


# --------------------------------------------------------------------------- the change

_UP = {Direction.INCREASE: N_("up"), Direction.DECREASE: N_("down"), Direction.STABLE: "unchanged"}
_HIGHER = {
    Direction.INCREASE: N_("higher than"),
    Direction.DECREASE: N_("lower than"),
    Direction.STABLE: N_("the same as"),
}

#: A change over time, after "up 5%": against what it is measured.
_SINCE = {
    ComparisonBasis.PREVIOUS_PERIOD: N_("on the previous period"),
    ComparisonBasis.SAME_PERIOD_LAST_YEAR: N_("on the same period last year"),
    ComparisonBasis.BASELINE: N_("on the baseline"),
    ComparisonBasis.PEAK: N_("from the peak"),
    ComparisonBasis.PREVIOUSLY_PUBLISHED: N_("on the figure published before"),
    # Against what, the statement says in its own words (shown in the figures' table).
    ComparisonBasis.OTHER: "",
    ComparisonBasis.UNSTATED: "",
}

#: A comparison with another figure at the same time: "higher than" what.
_AGAINST = {
    ComparisonBasis.TARGET: N_("the target"),
    ComparisonBasis.MOST_SIMILAR_GROUP: N_("the most similar group"),
    ComparisonBasis.NATIONAL_AVERAGE: N_("the national average"),
}

#: A comparison without a stated change: "compared with 178 in" what.
_COMPARED = {
    ComparisonBasis.PREVIOUS_PERIOD: N_("the previous period"),
    ComparisonBasis.SAME_PERIOD_LAST_YEAR: N_("the same period last year"),
    ComparisonBasis.BASELINE: N_("the baseline"),
    ComparisonBasis.PEAK: N_("the peak"),
    ComparisonBasis.PREVIOUSLY_PUBLISHED: N_("the figure published before"),
    ComparisonBasis.TARGET: N_("the target"),
    ComparisonBasis.MOST_SIMILAR_GROUP: N_("the most similar group"),
    ComparisonBasis.NATIONAL_AVERAGE: N_("the national average"),
    ComparisonBasis.OTHER: N_("the figure it is compared with"),
    ComparisonBasis.UNSTATED: N_("another figure"),
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
    words = _(_UP[direction])
    if amount is not None and direction is not Direction.STABLE:
        words = _("{direction} {amount}").format(direction=words, amount=amount)
    since = _SINCE.get(basis, "")
    if since:
        words += f" {_(since)}"
    if basis is ComparisonBasis.PEAK and peak is not None:
        words += " " + _("of {peak}").format(peak=peak)
    if reference:
        words += f" ({reference})"
    return words


def against_words(
    direction: Direction, amount: str | None, basis: ComparisonBasis, reference: str | None
) -> str:
    """A comparison with another figure in words: "3% lower than the national average"."""
    what = _(_AGAINST.get(basis, _COMPARED[basis]))
    if amount is not None and direction is not Direction.STABLE:
        words = _("{amount} {comparison} {what}").format(
            amount=amount, comparison=_(_HIGHER[direction]), what=what
        )
    else:
        words = _("{comparison} {what}").format(comparison=_(_HIGHER[direction]), what=what)
    if reference:
        words += f" ({reference})"
    return words


def compared_words(value: str, basis: ComparisonBasis, reference: str | None) -> str:
    """A comparison without a stated change: "compared with 178 in the same period last year"."""
    what = _(_COMPARED.get(basis, _COMPARED[ComparisonBasis.OTHER]))
    words = _("compared with {value} for {what}").format(value=value, what=what)
    if reference:
        words += f" ({reference})"
    return words


def description_words(title: str, body: str) -> str:
    """The page's meta description: what the page is, in one sentence."""
    if body:
        return _(
            "{title}: the statement by {body} on the national policing priorities, which of "
            "them apply in the area and the police force's contribution to each."
        ).format(title=title, body=body)
    return _(
        "{title}: the statement on the national policing priorities, which of them apply in "
        "the area and the police force's contribution to each."
    ).format(title=title)
