"""The renderer's words: how dates, numbers, units and statuses are written on the page."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import TypeVar

from pcc_priorities.model.figures import Figure
from pcc_priorities.model.values import (
    Applicability,
    AuthorKind,
    ComparisonBasis,
    DataStatus,
    Direction,
    PlanKind,
    Qualifier,
    RankOrder,
    RateDenominator,
    Unit,
)
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.period import ReportingPeriod
from pcc_priorities.publish.messages import N_, _, current_language, ngettext, number_count

__all__ = ["format_date", "format_number", "is_web_url", "link_target", "printable"]


# --------------------------------------------------------------------------- text helpers

_NONCHARACTERS = "".join(
    chr(plane | 0xFFFE) + chr(plane | 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
#: Bidirectional embeddings, overrides and isolates (LRE … RLO, LRI … PDI), which can make
#: text read in an order other than the one it is stored in ("Trojan Source").
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + _BIDI_CONTROLS
    + _NONCHARACTERS
    + "]"
)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ ␁ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩
    return "\ufffd"


def printable(text: str) -> str:
    """Return ``text`` with characters HTML and Markdown cannot carry made visible.

    C0 control characters other than tab, line feed and carriage return become their
    Control Pictures (U+0000 becomes "␀"), DEL becomes "␡", bidirectional embeddings,
    overrides and isolates (U+202A to U+202E, U+2066 to U+2069) become their code point
    in angle brackets ("⟨U+202E⟩"), and C1 controls, lone surrogates and Unicode
    noncharacters become U+FFFD. Nothing is dropped.
    """
    # Every character the pattern replaces is one str.isprintable() refuses (categories Cc,
    # Cf, Cs and Cn), so printable text, nearly all text, is returned without a regex pass.
    if text.isprintable():
        return text
    return _CONTROL.sub(_visible, text)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def lines(text: str) -> list[str]:
    """Split ``text`` at each line break (CR LF, CR or LF)."""
    return _LINE_BREAK.split(text)


def same_words(text: str) -> str:
    """Return ``text`` as the page compares texts: its words, single-spaced, case folded.

    Two texts the page takes for the same (two figures' measures, areas or period labels,
    to draw them as one series) are those with the same words: "Knife crime" and
    "knife  crime " are one measure; a text of only whitespace has no words ("").
    """
    return " ".join(text.split()).casefold()


_WEB_URL = re.compile(r"https?://[^\s<>\"'`\\\x00-\x1f\x7f-\x9f]+")


def is_web_url(text: str) -> bool:
    """Return whether ``text`` is an http(s) address the renderers may link to.

    Only ``http`` and ``https`` addresses with a host and without spaces, quotes, angle
    brackets, backslashes or control characters are linked; anything else (a
    ``javascript:`` address included) is shown as text.
    """
    if not _WEB_URL.fullmatch(text):
        return False
    try:
        parts = urllib.parse.urlsplit(text)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in {"http", "https"} and bool(host) and host.isascii()


#: What a link's target keeps as it is: the characters RFC 3986 allows, and % escapes.
_URI_SAFE = "%;/?:@&=+$,-_.!~*'()#[]"


def link_target(url: str) -> str:
    """Return the address ``url`` (one :func:`is_web_url` accepts) as a link's exact target.

    Characters outside ASCII, and invisible ones such as a right-to-left override, are
    percent-encoded as UTF-8, as a Markdown renderer does with a link's destination: so the
    HTML and the Markdown of a statement link to the same address, which decodes to the
    address the statement holds, and nothing in it can reorder the text around it.
    """
    return urllib.parse.quote(url, safe=_URI_SAFE)


_MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def format_date(value: date | PartialDate) -> str:
    """Return a date as the page's language writes it: "14 September 2023", "Medi 2023", "2023".

    Day, month, year, with a plain cardinal day, in English and in Welsh ("31 Mawrth 2023",
    as the North Wales and Dyfed-Powys commissioners and the Welsh Government write dates).
    """
    if isinstance(value, date):
        return f"{value.day} {_(_MONTHS[value.month - 1])} {value.year}"
    if value.month is None:
        return str(value.year)
    month = _(_MONTHS[value.month - 1])
    if value.day is None:
        return f"{month} {value.year}"
    return f"{value.day} {month} {value.year}"


def period_dates(period: ReportingPeriod) -> str:
    """The days a period covers, as far as the statement gives them."""
    start, end = period.start, period.end
    if start is None and end is None:
        return _("dates not stated")
    if end is None:
        assert start is not None
        return _("from {start}, end not stated").format(start=format_date(start))
    if start is None:
        return _("start not stated, to {end}").format(end=format_date(end))
    if start == end:
        return format_date(start)
    return _("{start} to {end}").format(start=format_date(start), end=format_date(end))


_MINUS = "\u2212"


def format_number(value: Decimal, *, signed: bool = False) -> str:
    """Return ``value`` with its written digits and thousands separators ("1,209", "15.90").

    Negative numbers take a true minus sign; ``signed`` adds "+" to positive ones.
    """
    text = format(abs(value), ",f")
    if value < 0 or (value == 0 and value.is_signed()):
        return _MINUS + text
    return f"+{text}" if signed and value > 0 else text


#: Welsh ordinal suffixes written after digits, 1 to 20 ("1af", "2il", "3ydd", "11eg").
_WELSH_ORDINALS = (
    "af", "il", "ydd", "ydd", "ed", "ed", "fed", "fed", "fed", "fed",
    "eg", "fed", "eg", "eg", "fed", "eg", "eg", "fed", "eg", "fed",
)  # fmt: skip


def _welsh_ordinal_suffix(number: int) -> str | None:
    """The suffix of a Welsh ordinal written in digits, or None beyond 99.

    1 to 20 have their own suffixes; above 20 the counting is in twenties, so a number
    ending an exact score takes "fed" ("40fed") and the others "ain", from "ar hugain",
    "a deugain" ("23ain", "26ain", as Gwent's commissioner dates the month).
    """
    if 1 <= number <= 20:
        return _WELSH_ORDINALS[number - 1]
    if 20 < number < 100:
        return "fed" if number % 20 == 0 else "ain"
    return None


def _ordinal(value: Decimal) -> str:
    if value != value.to_integral_value() or value < 0:
        return format_number(value)
    number = int(value)
    if current_language() == "cy":
        welsh = _welsh_ordinal_suffix(number)
        return f"{number:,}{welsh}" if welsh else _("number {number}").format(number=f"{number:,}")
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number:,}{suffix}"


# --------------------------------------------------------------------------- wording

_Key = TypeVar("_Key")

STATUS_LABELS = {
    Applicability.APPLICABLE: (N_("Applicable"), "applicable"),
    Applicability.NOT_APPLICABLE: (N_("Not applicable"), "not-applicable"),
    Applicability.NOT_YET_ASSESSED: (N_("Not yet assessed"), "not-yet-assessed"),
}
NOT_STATED = (N_("Not stated"), "not-stated")

BASIS_LABELS = {
    ComparisonBasis.PREVIOUS_PERIOD: N_("Previous period"),
    ComparisonBasis.SAME_PERIOD_LAST_YEAR: N_("Same period last year"),
    ComparisonBasis.BASELINE: N_("Baseline"),
    ComparisonBasis.TARGET: N_("Target"),
    ComparisonBasis.MOST_SIMILAR_GROUP: N_("Most similar group"),
    ComparisonBasis.NATIONAL_AVERAGE: N_("National average"),
    ComparisonBasis.PEAK: N_("Peak"),
    ComparisonBasis.PREVIOUSLY_PUBLISHED: N_("Previously published"),
    ComparisonBasis.UNSTATED: N_("Unstated reference"),
    ComparisonBasis.OTHER: N_("Other reference"),
}

UNIT_LABELS = {
    Unit.COUNT: N_("Count"),
    Unit.PERCENT: N_("Per cent"),
    Unit.MONEY: N_("Pounds sterling"),
    Unit.RATE: N_("Rate"),
    Unit.RANK: N_("Rank"),
}

QUALIFIER_LABELS = {
    Qualifier.APPROXIMATELY: N_("approximately"),
    Qualifier.UP_TO: N_("up to"),
    Qualifier.AT_LEAST: N_("at least"),
    Qualifier.MORE_THAN: N_("more than"),
    Qualifier.LESS_THAN: N_("less than"),
}

DIRECTION_LABELS = {
    Direction.INCREASE: N_("Increase"),
    Direction.DECREASE: N_("Decrease"),
    Direction.STABLE: N_("No change"),
}

DATA_STATUS_LABELS = {
    DataStatus.NOT_AVAILABLE: N_("Not available"),
    DataStatus.PROVISIONAL: N_("Provisional"),
    DataStatus.TO_FOLLOW: N_("To follow"),
}

PLAN_KIND_LABELS = {
    PlanKind.POLICE_AND_CRIME_PLAN: N_("Police and crime plan"),
    PlanKind.CONTROL_STRATEGY: N_("Control strategy"),
    PlanKind.OTHER: N_("Other document"),
}

AUTHOR_LABELS = {
    AuthorKind.POLICING_BODY: N_("The policing body's office"),
    AuthorKind.POLICE_FORCE: N_("The police force"),
    AuthorKind.JOINT: N_("The policing body and the police force"),
}

DENOMINATOR_LABELS = {
    RateDenominator.POPULATION: N_("population"),
    RateDenominator.HOUSEHOLDS: N_("households"),
}

RANK_ORDER_LABELS = {RankOrder.HIGHEST: N_("highest"), RankOrder.LOWEST: N_("lowest")}


def label_of(table: Mapping[_Key, str], value: _Key) -> str:
    """Return the words for an enumeration member in the page's language.

    Where the table has no words for it, its value as it is.
    """
    words = table.get(value)
    return _(words) if words else str(getattr(value, "value", value))


def unit_words(figure: Figure) -> str:
    """A figure's unit, and for a rate what it is per ("Rate per 1,000 population")."""
    words = _("Not stated") if figure.unit is None else label_of(UNIT_LABELS, figure.unit)
    if figure.rate_base is not None:
        base = figure.rate_base
        words = _("{unit} per {number} {denominator}").format(
            unit=words,
            number=f"{base.per:,}",
            denominator=label_of(DENOMINATOR_LABELS, base.denominator),
        )
    return words


def amount_words(value: Decimal, unit: Unit | None, *, signed: bool = False) -> str:
    if unit is Unit.PERCENT:
        return format_number(value, signed=signed) + "%"
    if unit is Unit.MONEY:
        number = format_number(value, signed=signed)
        if number[0] in (_MINUS, "+"):
            return f"{number[0]}£{number[1:]}"
        return f"£{number}"
    if unit is Unit.RANK and not signed:
        return _ordinal(value)
    return format_number(value, signed=signed)


# --------------------------------------------------------------------------- charts

#: The words of the charts (:mod:`pcc_priorities.publish.charts`), in plain English.
_CHART_WORD_IDS = {
    "caption": N_("Chart: "),
    "svg title": N_("Bar chart: "),
    "data caption": N_("Data for the chart: "),
    "bar": N_("Period or comparison"),
    "value": N_("Value"),
    "note": N_("Note"),
    "no period": N_("Period not stated"),
    "worked out": N_("worked out from the figure and the change stated"),
    "for": N_(" for "),
    "higher": N_(" higher than "),
    "lower": N_(" lower than "),
    "same": N_("the same as "),
    "above target": N_(" above the target of "),
    "below target": N_(" below the target of "),
    "meets target": N_("meeting the target of "),
    "series": N_("From "),
    "to": N_(" to "),
    "up": N_("up "),
    "down": N_("down "),
    "no change": N_("no change"),
    "highest": N_("Highest: "),
    "lowest": N_("lowest: "),
}


class _LookedUp(Mapping[str, str]):
    """Renderer words by key, each looked up in the page's language when it is read."""

    def __init__(self, ids: Mapping[str, str]) -> None:
        self._ids = ids

    def __getitem__(self, key: str) -> str:
        return _(self._ids[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


#: The charts' words, by key, in the page's language.
CHART_WORDS: Mapping[str, str] = _LookedUp(_CHART_WORD_IDS)


def difference_words(value: Decimal, unit: Unit | None) -> str:
    """A difference between two values of ``unit``, unsigned ("76", "£3,000", "2 points")."""
    size = abs(value)
    if unit is Unit.PERCENT:
        return ngettext(
            "{number} percentage point", "{number} percentage points", number_count(size)
        ).format(number=format_number(size))
    return amount_words(size, unit if unit is Unit.MONEY else None)
