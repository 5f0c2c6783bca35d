"""Time as statements write it.

The calendar, partial dates, reporting periods, and reading periods as published.

Imports only :mod:`pcc_priorities.exceptions`; the model imports this, never the other way.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.periods.calendar import (
        FINANCIAL_YEAR_START_MONTH,
        MONTH_NAMES,
        add_months,
        day_label,
        financial_quarter_number,
        financial_year_label,
        financial_year_of,
        is_month_end,
        is_month_start,
        month_end,
        month_label,
        month_start,
        whole_months,
    )
    from pcc_priorities.periods.dates import PartialDate
    from pcc_priorities.periods.kinds import PeriodBound, PeriodKind
    from pcc_priorities.periods.period import ReportingPeriod
    from pcc_priorities.periods.reading import parse_period
    from pcc_priorities.periods.written import (
        DateParts,
        date_parts,
        month_number,
        read_date,
        read_number,
        read_partial_date,
        read_whole_number,
    )

_LAZY = {
    "DateParts": "pcc_priorities.periods.written",
    "FINANCIAL_YEAR_START_MONTH": "pcc_priorities.periods.calendar",
    "MONTH_NAMES": "pcc_priorities.periods.calendar",
    "PartialDate": "pcc_priorities.periods.dates",
    "PeriodBound": "pcc_priorities.periods.kinds",
    "PeriodKind": "pcc_priorities.periods.kinds",
    "ReportingPeriod": "pcc_priorities.periods.period",
    "add_months": "pcc_priorities.periods.calendar",
    "date_parts": "pcc_priorities.periods.written",
    "day_label": "pcc_priorities.periods.calendar",
    "financial_quarter_number": "pcc_priorities.periods.calendar",
    "financial_year_label": "pcc_priorities.periods.calendar",
    "financial_year_of": "pcc_priorities.periods.calendar",
    "is_month_end": "pcc_priorities.periods.calendar",
    "is_month_start": "pcc_priorities.periods.calendar",
    "month_end": "pcc_priorities.periods.calendar",
    "month_label": "pcc_priorities.periods.calendar",
    "month_number": "pcc_priorities.periods.written",
    "month_start": "pcc_priorities.periods.calendar",
    "parse_period": "pcc_priorities.periods.reading",
    "read_date": "pcc_priorities.periods.written",
    "read_number": "pcc_priorities.periods.written",
    "read_partial_date": "pcc_priorities.periods.written",
    "read_whole_number": "pcc_priorities.periods.written",
    "whole_months": "pcc_priorities.periods.calendar",
}

__all__ = [
    "FINANCIAL_YEAR_START_MONTH",
    "MONTH_NAMES",
    "DateParts",
    "PartialDate",
    "PeriodBound",
    "PeriodKind",
    "ReportingPeriod",
    "add_months",
    "date_parts",
    "day_label",
    "financial_quarter_number",
    "financial_year_label",
    "financial_year_of",
    "is_month_end",
    "is_month_start",
    "month_end",
    "month_label",
    "month_number",
    "month_start",
    "parse_period",
    "read_date",
    "read_number",
    "read_partial_date",
    "read_whole_number",
    "whole_months",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
