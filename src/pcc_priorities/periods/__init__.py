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

_LAZY = {
    "FINANCIAL_YEAR_START_MONTH": ".calendar",
    "MONTH_NAMES": ".calendar",
    "PartialDate": ".dates",
    "PeriodKind": ".period",
    "ReportingPeriod": ".period",
    "add_months": ".calendar",
    "day_label": ".calendar",
    "financial_quarter_number": ".calendar",
    "financial_year_label": ".calendar",
    "financial_year_of": ".calendar",
    "is_month_end": ".calendar",
    "is_month_start": ".calendar",
    "month_end": ".calendar",
    "month_label": ".calendar",
    "month_start": ".calendar",
    "parse_period": ".reading",
    "whole_months": ".calendar",
}

__all__ = [
    "FINANCIAL_YEAR_START_MONTH",
    "MONTH_NAMES",
    "PartialDate",
    "PeriodKind",
    "ReportingPeriod",
    "add_months",
    "day_label",
    "financial_quarter_number",
    "financial_year_label",
    "financial_year_of",
    "is_month_end",
    "is_month_start",
    "month_end",
    "month_label",
    "month_start",
    "parse_period",
    "whole_months",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
