"""Figure arithmetic: changes, ranks and targets, and figures from monthly series.

May import the model, periods and exceptions.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.figures.change import (
        DIRECTION_WORDS,
        ChangeCheck,
        RankedPosition,
        TargetCheck,
        absolute_change,
        check_change,
        check_target,
        decimal_places,
        describe_change,
        direction_of,
        parse_direction,
        parse_rank,
        percent_change,
        rank_problem,
        round_half_up,
        rounds_to,
    )
    from pcc_priorities.figures.monthly import (
        MonthlyFigures,
        MonthlySeries,
        figures_from_months,
        load_monthly_csv,
        monthly_series_from_csv,
    )

_LAZY = {
    "ChangeCheck": ".change",
    "DIRECTION_WORDS": ".change",
    "MonthlyFigures": ".monthly",
    "MonthlySeries": ".monthly",
    "RankedPosition": ".change",
    "TargetCheck": ".change",
    "absolute_change": ".change",
    "check_change": ".change",
    "check_target": ".change",
    "decimal_places": ".change",
    "describe_change": ".change",
    "direction_of": ".change",
    "figures_from_months": ".monthly",
    "load_monthly_csv": ".monthly",
    "monthly_series_from_csv": ".monthly",
    "parse_direction": ".change",
    "parse_rank": ".change",
    "percent_change": ".change",
    "rank_problem": ".change",
    "round_half_up": ".change",
    "rounds_to": ".change",
}

__all__ = [
    "DIRECTION_WORDS",
    "ChangeCheck",
    "MonthlyFigures",
    "MonthlySeries",
    "RankedPosition",
    "TargetCheck",
    "absolute_change",
    "check_change",
    "check_target",
    "decimal_places",
    "describe_change",
    "direction_of",
    "figures_from_months",
    "load_monthly_csv",
    "monthly_series_from_csv",
    "parse_direction",
    "parse_rank",
    "percent_change",
    "rank_problem",
    "round_half_up",
    "rounds_to",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
