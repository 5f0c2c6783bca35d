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
    from pcc_priorities.periods.period import PeriodKind, ReportingPeriod
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
    "DateParts": ".written",
    "FINANCIAL_YEAR_START_MONTH": ".calendar",
    "MONTH_NAMES": ".calendar",
    "PartialDate": ".dates",
    "PeriodKind": ".period",
    "ReportingPeriod": ".period",
    "add_months": ".calendar",
    "date_parts": ".written",
    "day_label": ".calendar",
    "financial_quarter_number": ".calendar",
    "financial_year_label": ".calendar",
    "financial_year_of": ".calendar",
    "is_month_end": ".calendar",
    "is_month_start": ".calendar",
    "month_end": ".calendar",
    "month_label": ".calendar",
    "month_number": ".written",
    "month_start": ".calendar",
    "parse_period": ".reading",
    "read_date": ".written",
    "read_number": ".written",
    "read_partial_date": ".written",
    "read_whole_number": ".written",
    "whole_months": ".calendar",
}

__all__ = [
    "FINANCIAL_YEAR_START_MONTH",
    "MONTH_NAMES",
    "DateParts",
    "PartialDate",
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
