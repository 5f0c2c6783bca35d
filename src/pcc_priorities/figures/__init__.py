"""Figure arithmetic: changes, ranks and targets, and figures from monthly series.

May import the model, periods and exceptions.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.figures.change import (
        ChangeCheck,
        RankedPosition,
        TargetCheck,
        absolute_change,
        check_change,
        check_target,
        describe_change,
        direction_of,
        parse_direction,
        parse_rank,
        percent_change,
        rank_problem,
    )
    from pcc_priorities.figures.monthly import (
        MonthlyFigures,
        MonthlySeries,
        figures_from_months,
        load_monthly_csv,
        monthly_series_from_csv,
    )

_LAZY = {
    "ChangeCheck": "pcc_priorities.figures.change",
    "MonthlyFigures": "pcc_priorities.figures.monthly",
    "MonthlySeries": "pcc_priorities.figures.monthly",
    "RankedPosition": "pcc_priorities.figures.change",
    "TargetCheck": "pcc_priorities.figures.change",
    "absolute_change": "pcc_priorities.figures.change",
    "check_change": "pcc_priorities.figures.change",
    "check_target": "pcc_priorities.figures.change",
    "describe_change": "pcc_priorities.figures.change",
    "direction_of": "pcc_priorities.figures.change",
    "figures_from_months": "pcc_priorities.figures.monthly",
    "load_monthly_csv": "pcc_priorities.figures.monthly",
    "monthly_series_from_csv": "pcc_priorities.figures.monthly",
    "parse_direction": "pcc_priorities.figures.change",
    "parse_rank": "pcc_priorities.figures.change",
    "percent_change": "pcc_priorities.figures.change",
    "rank_problem": "pcc_priorities.figures.change",
}

__all__ = [
    "ChangeCheck",
    "MonthlyFigures",
    "MonthlySeries",
    "RankedPosition",
    "TargetCheck",
    "absolute_change",
    "check_change",
    "check_target",
    "describe_change",
    "direction_of",
    "figures_from_months",
    "load_monthly_csv",
    "monthly_series_from_csv",
    "parse_direction",
    "parse_rank",
    "percent_change",
    "rank_problem",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
