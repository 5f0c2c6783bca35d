"""Figure arithmetic: changes, ranks and targets; figures from monthly series and from tables.

Figures from monthly counts, and from long tables of recorded crime (the Home Office police
recorded crime open data tables, read through ``python-calamine``: the ``opendata`` extra).

May import the model, periods, reference data, files and exceptions.
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
    from pcc_priorities.figures.crime_table import (
        CrimeTable,
        OtherBody,
        SkippedSheet,
        crime_table_from_sheets,
        read_crime_table,
    )
    from pcc_priorities.figures.monthly import (
        MonthlyFigures,
        MonthlySeries,
        figures_from_months,
        load_monthly_csv,
        monthly_series_from_csv,
    )
    from pcc_priorities.figures.recorded_crime import (
        ForceFigures,
        crime_count,
        crime_figure,
        force_figures,
        quarters_of,
        standard_periods,
    )
    from pcc_priorities.figures.sheets import (
        Sheet,
        read_sheets,
        sheets_from_bytes,
        workbook_kind,
    )


_LAZY = {
    "ChangeCheck": "pcc_priorities.figures.change",
    "CrimeTable": "pcc_priorities.figures.crime_table",
    "ForceFigures": "pcc_priorities.figures.recorded_crime",
    "MonthlyFigures": "pcc_priorities.figures.monthly",
    "MonthlySeries": "pcc_priorities.figures.monthly",
    "OtherBody": "pcc_priorities.figures.crime_table",
    "RankedPosition": "pcc_priorities.figures.change",
    "Sheet": "pcc_priorities.figures.sheets",
    "SkippedSheet": "pcc_priorities.figures.crime_table",
    "TargetCheck": "pcc_priorities.figures.change",
    "absolute_change": "pcc_priorities.figures.change",
    "check_change": "pcc_priorities.figures.change",
    "check_target": "pcc_priorities.figures.change",
    "crime_count": "pcc_priorities.figures.recorded_crime",
    "crime_figure": "pcc_priorities.figures.recorded_crime",
    "crime_table_from_sheets": "pcc_priorities.figures.crime_table",
    "describe_change": "pcc_priorities.figures.change",
    "direction_of": "pcc_priorities.figures.change",
    "figures_from_months": "pcc_priorities.figures.monthly",
    "force_figures": "pcc_priorities.figures.recorded_crime",
    "load_monthly_csv": "pcc_priorities.figures.monthly",
    "monthly_series_from_csv": "pcc_priorities.figures.monthly",
    "parse_direction": "pcc_priorities.figures.change",
    "parse_rank": "pcc_priorities.figures.change",
    "percent_change": "pcc_priorities.figures.change",
    "quarters_of": "pcc_priorities.figures.recorded_crime",
    "rank_problem": "pcc_priorities.figures.change",
    "read_crime_table": "pcc_priorities.figures.crime_table",
    "read_sheets": "pcc_priorities.figures.sheets",
    "sheets_from_bytes": "pcc_priorities.figures.sheets",
    "standard_periods": "pcc_priorities.figures.recorded_crime",
    "workbook_kind": "pcc_priorities.figures.sheets",
}

__all__ = [
    "ChangeCheck",
    "CrimeTable",
    "ForceFigures",
    "MonthlyFigures",
    "MonthlySeries",
    "OtherBody",
    "RankedPosition",
    "Sheet",
    "SkippedSheet",
    "TargetCheck",
    "absolute_change",
    "check_change",
    "check_target",
    "crime_count",
    "crime_figure",
    "crime_table_from_sheets",
    "describe_change",
    "direction_of",
    "figures_from_months",
    "force_figures",
    "load_monthly_csv",
    "monthly_series_from_csv",
    "parse_direction",
    "parse_rank",
    "percent_change",
    "quarters_of",
    "rank_problem",
    "read_crime_table",
    "read_sheets",
    "sheets_from_bytes",
    "standard_periods",
    "workbook_kind",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
