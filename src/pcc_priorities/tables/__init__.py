"""Figures as tables: CSV, XLSX and ODS, written and read back losslessly.

May import the model, periods, figures, formats and exceptions.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.tables.csv import (
        figures_from_csv,
        figures_to_csv,
        read_figures_csv,
        write_figures_csv,
    )
    from pcc_priorities.tables.fill import (
        FigureUpdate,
        FillReport,
        UpdateKind,
        fill_figures,
    )
    from pcc_priorities.tables.locations import (
        FigureLocation,
        FigurePart,
        LocatedFigure,
        located_figures,
        replace_figures,
    )
    from pcc_priorities.tables.national import (
        TIDY_COLUMNS,
        TidyTable,
        national_table,
        statements_table,
    )
    from pcc_priorities.tables.ods import (
        figures_from_ods,
        figures_to_ods,
        read_figures_ods,
        write_figures_ods,
    )
    from pcc_priorities.tables.rows import figures_from_table, figures_table
    from pcc_priorities.tables.xlsx import (
        figures_from_xlsx,
        figures_to_xlsx,
        read_figures_xlsx,
        write_figures_xlsx,
    )


_LAZY = {
    "FigureLocation": "pcc_priorities.tables.locations",
    "FigurePart": "pcc_priorities.tables.locations",
    "FigureUpdate": "pcc_priorities.tables.fill",
    "FillReport": "pcc_priorities.tables.fill",
    "LocatedFigure": "pcc_priorities.tables.locations",
    "TIDY_COLUMNS": "pcc_priorities.tables.national",
    "TidyTable": "pcc_priorities.tables.national",
    "UpdateKind": "pcc_priorities.tables.fill",
    "figures_from_csv": "pcc_priorities.tables.csv",
    "figures_from_ods": "pcc_priorities.tables.ods",
    "figures_from_table": "pcc_priorities.tables.rows",
    "figures_from_xlsx": "pcc_priorities.tables.xlsx",
    "figures_table": "pcc_priorities.tables.rows",
    "figures_to_csv": "pcc_priorities.tables.csv",
    "figures_to_ods": "pcc_priorities.tables.ods",
    "figures_to_xlsx": "pcc_priorities.tables.xlsx",
    "fill_figures": "pcc_priorities.tables.fill",
    "located_figures": "pcc_priorities.tables.locations",
    "national_table": "pcc_priorities.tables.national",
    "read_figures_csv": "pcc_priorities.tables.csv",
    "read_figures_ods": "pcc_priorities.tables.ods",
    "read_figures_xlsx": "pcc_priorities.tables.xlsx",
    "replace_figures": "pcc_priorities.tables.locations",
    "statements_table": "pcc_priorities.tables.national",
    "write_figures_csv": "pcc_priorities.tables.csv",
    "write_figures_ods": "pcc_priorities.tables.ods",
    "write_figures_xlsx": "pcc_priorities.tables.xlsx",
}

__all__ = [
    "TIDY_COLUMNS",
    "FigureLocation",
    "FigurePart",
    "FigureUpdate",
    "FillReport",
    "LocatedFigure",
    "TidyTable",
    "UpdateKind",
    "figures_from_csv",
    "figures_from_ods",
    "figures_from_table",
    "figures_from_xlsx",
    "figures_table",
    "figures_to_csv",
    "figures_to_ods",
    "figures_to_xlsx",
    "fill_figures",
    "located_figures",
    "national_table",
    "read_figures_csv",
    "read_figures_ods",
    "read_figures_xlsx",
    "replace_figures",
    "statements_table",
    "write_figures_csv",
    "write_figures_ods",
    "write_figures_xlsx",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
