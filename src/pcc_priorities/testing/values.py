"""Hypothesis strategies for texts, numbers, dates, periods and JSON values."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

from hypothesis import strategies as st

from pcc_priorities.model.json_values import FrozenJSONObject, JSONValue, freeze_object
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.periods.kinds import PeriodKind
from pcc_priorities.periods.period import ReportingPeriod

__all__ = [
    "dates",
    "decimals",
    "extensions",
    "hostile_texts",
    "json_values",
    "kinded_periods",
    "partial_dates",
    "partial_periods",
    "reporting_periods",
    "texts",
]


T = TypeVar("T")

ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-"


def texts(*, min_size: int = 0, max_size: int = 30) -> st.SearchStrategy[str]:
    """Any Unicode text a document can hold: everything but lone surrogates."""
    return st.text(alphabet=st.characters(codec="utf-8"), min_size=min_size, max_size=max_size)


#: Fragments that try to break out of HTML or Markdown, or to run a script.
_HOSTILE_FRAGMENTS = (
    "<script>window.__pccScriptRan = true</script>",
    '"><img src=x onerror="window.__pccScriptRan = true">',
    "' onmouseover='window.__pccScriptRan = true",
    "javascript:window.__pccScriptRan = true",
    '<a href="javascript:alert(1)">link</a>',
    "</p></section><h1>injected</h1>",
    "<!-- comment -->",
    "<![CDATA[x]]>",
    "<style>body{display:none}</style>",
    "&amp;",
    "&lt;script&gt;",
    "&#60;",
    "\x00",
    "\x1b[31m",
    "\x7f\x85",
    "\u2028",
    "\r\n\r\n",
    "\n\n",
    "\n",
    "    indented",
    "\t",
    "# heading",
    "- item",
    "1. item",
    "2) item",
    "> quote",
    "---",
    "===",
    "***",
    "| a | b |",
    "|---|",
    "[x](javascript:alert(1))",
    "![x](https://example.org/x.png)",
    "<https://example.org>",
    "https://example.org/page",
    "`code`",
    "```",
    "~~~",
    "**bold** _em_ ~~gone~~",
    "$x$",
    "\\",
    "[^1]: footnote",
    "[ref]: https://example.org",
    "{{ x }} ${x} %s",
    ":::",
    "OCG",
)


def hostile_texts(*, min_size: int = 0) -> st.SearchStrategy[str]:
    """Text made of markup, Markdown syntax, control characters and any Unicode.

    For tests that publishing escapes everything: every piece may try to become an element,
    an attribute, a link, a script or a Markdown block.
    """
    pieces = st.sampled_from(_HOSTILE_FRAGMENTS) | texts(max_size=8)
    return (
        st.lists(pieces, min_size=1 if min_size else 0, max_size=5)
        .map("".join)
        .filter(lambda text: len(text) >= min_size)
    )


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def tuples(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def dates() -> st.SearchStrategy[date]:
    """Dates from 2000 to 2039."""
    return st.dates(min_value=date(2000, 1, 1), max_value=date(2039, 12, 31))


def decimals() -> st.SearchStrategy[Decimal]:
    """Exact numbers as statements write them: whole numbers and up to three decimal places.

    Negative zeros ("-0", "-0.0") are among them, since a document may hold them.
    """
    whole = st.integers(min_value=-(10**12), max_value=10**12).map(Decimal)
    negative_zeros = st.sampled_from([Decimal("-0"), Decimal("-0.0")])
    fractional = st.builds(
        lambda digits, places: Decimal(digits).scaleb(-places),
        st.integers(min_value=-(10**9), max_value=10**9),
        st.integers(min_value=1, max_value=3),
    )
    return whole | fractional | negative_zeros


def partial_dates() -> st.SearchStrategy[PartialDate]:
    """Dates known to the year, the month or the day."""
    return dates().flatmap(
        lambda day: st.sampled_from(
            [
                PartialDate(year=day.year),
                PartialDate(year=day.year, month=day.month),
                PartialDate.from_date(day),
            ]
        )
    )


@st.composite
def exact_periods(draw: st.DrawFn) -> ReportingPeriod:
    """Periods of up to about four years known to the day, with or without a label and kind."""
    start = draw(dates())
    end = start + timedelta(days=draw(st.integers(min_value=0, max_value=1500)))
    return ReportingPeriod(
        start=start,
        end=end,
        label=draw(optional(texts(max_size=30))),
        kind=draw(optional(st.sampled_from(PeriodKind))),
    )


@st.composite
def partial_periods(draw: st.DrawFn) -> ReportingPeriod:
    """Periods whose days are not all known: ends known to the month or year, or not at all.

    A run of years ("2022-27"), an open end ("since March 2023"), or a label alone ("the
    quarter"); with or without a kind, and whatever the kind (a period is stored as
    published).
    """
    start_day = draw(dates())
    end_day = start_day + timedelta(days=draw(st.integers(min_value=0, max_value=1500)))

    def bound(day: date) -> st.SearchStrategy[date | PartialDate | None]:
        return st.sampled_from(
            [None, day, PartialDate(year=day.year), PartialDate(year=day.year, month=day.month)]
        )

    start, end = draw(bound(start_day)), draw(bound(end_day))
    if isinstance(start, date) and isinstance(end, date):
        end = PartialDate(year=end.year)  # at least one end is partial
    label = draw(optional(texts(max_size=30)))
    if start is None and end is None and label is None:
        label = draw(texts(min_size=1, max_size=30))
    return ReportingPeriod(
        start=start, end=end, label=label, kind=draw(optional(st.sampled_from(PeriodKind)))
    )


def reporting_periods() -> st.SearchStrategy[ReportingPeriod]:
    """Periods of up to about four years, exact or partial, with or without label and kind."""
    return exact_periods() | partial_periods()


def json_values() -> st.SearchStrategy[JSONValue]:
    """Any JSON value, frozen, with exact numbers."""
    scalars = st.none() | st.booleans() | st.integers() | decimals() | texts(max_size=20)
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=3).map(tuple)
            | st.dictionaries(texts(max_size=8), children, max_size=3).map(freeze_object)
        ),
        max_leaves=8,
    )


def extensions() -> st.SearchStrategy[FrozenJSONObject]:
    """Extension mappings with namespaced keys ('namespace:name')."""
    keys = st.from_regex(r"[a-z0-9][a-z0-9.-]{0,8}:[a-zA-Z0-9_-]{1,10}", fullmatch=True)
    return st.dictionaries(keys, json_values(), max_size=3).map(freeze_object)


@st.composite
def kinded_periods(draw: st.DrawFn) -> ReportingPeriod:
    """Periods of every kind whose dates fit their kind, built with the constructors.

    Their :meth:`~pcc_priorities.ReportingPeriod.canonical_label` reads back to the same
    period. They have no label, like every constructed period. Runs of years are partial
    ("2022 to 2027"); every other kind is known to the day.
    """
    year = draw(st.integers(min_value=2000, max_value=2038))
    month = draw(st.integers(min_value=1, max_value=12))
    quarter = draw(st.integers(min_value=1, max_value=4))
    kind = draw(st.sampled_from(PeriodKind))
    if kind is PeriodKind.FINANCIAL_YEAR:
        return ReportingPeriod.financial_year(year)
    if kind is PeriodKind.FINANCIAL_QUARTER:
        return ReportingPeriod.financial_quarter(year, quarter)
    if kind is PeriodKind.CALENDAR_YEAR:
        return ReportingPeriod.calendar_year(year)
    if kind is PeriodKind.CALENDAR_QUARTER:
        return ReportingPeriod.calendar_quarter(year, quarter)
    if kind is PeriodKind.MONTH:
        return ReportingPeriod.month(year, month)
    if kind is PeriodKind.MONTHS:
        first = year * 12 + month - 1
        length = draw(
            st.integers(min_value=2, max_value=36).filter(
                lambda n: not (n == 3 and (first % 12) % 3 == 0)
            )
        )
        last = first + length - 1
        return ReportingPeriod.months((year, month), (last // 12, last % 12 + 1))
    if kind is PeriodKind.YEAR_TO_DATE:
        day = draw(st.none() | st.integers(min_value=1, max_value=28))
        return ReportingPeriod.year_to_date(year, month, day)
    if kind is PeriodKind.ROLLING:
        return ReportingPeriod.rolling(year, month, draw(st.integers(min_value=1, max_value=36)))
    if kind is PeriodKind.YEARS:
        return ReportingPeriod.years(year, year + draw(st.integers(min_value=1, max_value=6)))
    start = draw(dates())
    if kind is PeriodKind.DAY:
        return ReportingPeriod.day(start)
    end = start + timedelta(days=draw(st.integers(min_value=0, max_value=1500)))
    return ReportingPeriod.date_range(start, end)
