"""The renderer's words: how dates, numbers, units and statuses are written on the page."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping
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
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(value: date | PartialDate) -> str:
    """Return a date the British way: "14 September 2023", "September 2023", "2023"."""
    if isinstance(value, date):
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    if value.month is None:
        return str(value.year)
    month = _MONTHS[value.month - 1]
    if value.day is None:
        return f"{month} {value.year}"
    return f"{value.day} {month} {value.year}"


def period_dates(period: ReportingPeriod) -> str:
    """The days a period covers, as far as the statement gives them."""
    start, end = period.start, period.end
    if start is None and end is None:
        return "dates not stated"
    if end is None:
        assert start is not None
        return f"from {format_date(start)}, end not stated"
    if start is None:
        return f"start not stated, to {format_date(end)}"
    if start == end:
        return format_date(start)
    return f"{format_date(start)} to {format_date(end)}"


_MINUS = "\u2212"


def format_number(value: Decimal, *, signed: bool = False) -> str:
    """Return ``value`` with its written digits and thousands separators ("1,209", "15.90").

    Negative numbers take a true minus sign; ``signed`` adds "+" to positive ones.
    """
    text = format(abs(value), ",f")
    if value < 0 or (value == 0 and value.is_signed()):
        return _MINUS + text
    return f"+{text}" if signed and value > 0 else text


def _ordinal(value: Decimal) -> str:
    if value != value.to_integral_value() or value < 0:
        return format_number(value)
    number = int(value)
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number:,}{suffix}"


# --------------------------------------------------------------------------- wording

_Key = TypeVar("_Key")

STATUS_LABELS = {
    Applicability.APPLICABLE: ("Applicable", "applicable"),
    Applicability.NOT_APPLICABLE: ("Not applicable", "not-applicable"),
    Applicability.NOT_YET_ASSESSED: ("Not yet assessed", "not-yet-assessed"),
}
NOT_STATED = ("Not stated", "not-stated")

BASIS_LABELS = {
    ComparisonBasis.PREVIOUS_PERIOD: "Previous period",
    ComparisonBasis.SAME_PERIOD_LAST_YEAR: "Same period last year",
    ComparisonBasis.BASELINE: "Baseline",
    ComparisonBasis.TARGET: "Target",
    ComparisonBasis.MOST_SIMILAR_GROUP: "Most similar group",
    ComparisonBasis.NATIONAL_AVERAGE: "National average",
    ComparisonBasis.PEAK: "Peak",
    ComparisonBasis.PREVIOUSLY_PUBLISHED: "Previously published",
    ComparisonBasis.UNSTATED: "Unstated reference",
    ComparisonBasis.OTHER: "Other reference",
}

UNIT_LABELS = {
    Unit.COUNT: "Count",
    Unit.PERCENT: "Per cent",
    Unit.MONEY: "Pounds sterling",
    Unit.RATE: "Rate",
    Unit.RANK: "Rank",
}

QUALIFIER_LABELS = {
    Qualifier.APPROXIMATELY: "approximately",
    Qualifier.UP_TO: "up to",
    Qualifier.AT_LEAST: "at least",
    Qualifier.MORE_THAN: "more than",
    Qualifier.LESS_THAN: "less than",
}

DIRECTION_LABELS = {
    Direction.INCREASE: "Increase",
    Direction.DECREASE: "Decrease",
    Direction.STABLE: "No change",
}

DATA_STATUS_LABELS = {
    DataStatus.NOT_AVAILABLE: "Not available",
    DataStatus.PROVISIONAL: "Provisional",
    DataStatus.TO_FOLLOW: "To follow",
}

PLAN_KIND_LABELS = {
    PlanKind.POLICE_AND_CRIME_PLAN: "Police and crime plan",
    PlanKind.CONTROL_STRATEGY: "Control strategy",
    PlanKind.OTHER: "Other document",
}

AUTHOR_LABELS = {
    AuthorKind.POLICING_BODY: "The policing body's office",
    AuthorKind.POLICE_FORCE: "The police force",
    AuthorKind.JOINT: "The policing body and the police force",
}

DENOMINATOR_LABELS = {
    RateDenominator.POPULATION: "population",
    RateDenominator.HOUSEHOLDS: "households",
}

RANK_ORDER_LABELS = {RankOrder.HIGHEST: "highest", RankOrder.LOWEST: "lowest"}


def label_of(table: Mapping[_Key, str], value: _Key) -> str:
    """Return the words for an enumeration member, or its value where the table has none."""
    return table.get(value) or str(getattr(value, "value", value))


def unit_words(figure: Figure) -> str:
    words = "Not stated" if figure.unit is None else label_of(UNIT_LABELS, figure.unit)
    if figure.rate_base is not None:
        base = figure.rate_base
        words += f" per {base.per:,} {label_of(DENOMINATOR_LABELS, base.denominator)}"
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
CHART_WORDS = {
    "caption": "Chart: ",
    "svg title": "Bar chart: ",
    "data caption": "Data for the chart: ",
    "bar": "Period or comparison",
    "value": "Value",
    "note": "Note",
    "no period": "Period not stated",
    "worked out": "worked out from the figure and the change stated",
    "for": " for ",
    "higher": " higher than ",
    "lower": " lower than ",
    "same": "the same as ",
    "above target": " above the target of ",
    "below target": " below the target of ",
    "meets target": "meeting the target of ",
    "series": "From ",
    "to": " to ",
    "up": "up ",
    "down": "down ",
    "no change": "no change",
    "highest": "Highest: ",
    "lowest": "lowest: ",
    "point": "percentage point",
    "points": "percentage points",
}


def difference_words(value: Decimal, unit: Unit | None) -> str:
    """A difference between two values of ``unit``, unsigned ("76", "£3,000", "2 points")."""
    size = abs(value)
    if unit is Unit.PERCENT:
        name = CHART_WORDS["point"] if size == 1 else CHART_WORDS["points"]
        return f"{format_number(size)} {name}"
    return amount_words(size, unit if unit is Unit.MONEY else None)
