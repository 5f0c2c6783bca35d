"""Figures as tables: CSV and XLSX, written and read back losslessly.

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
    from pcc_priorities.tables.locations import (
        FigureLocation,
        FigurePart,
        LocatedFigure,
        located_figures,
        replace_figures,
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
    "LocatedFigure": "pcc_priorities.tables.locations",
    "figures_from_csv": "pcc_priorities.tables.csv",
    "figures_from_table": "pcc_priorities.tables.rows",
    "figures_from_xlsx": "pcc_priorities.tables.xlsx",
    "figures_table": "pcc_priorities.tables.rows",
    "figures_to_csv": "pcc_priorities.tables.csv",
    "figures_to_xlsx": "pcc_priorities.tables.xlsx",
    "located_figures": "pcc_priorities.tables.locations",
    "read_figures_csv": "pcc_priorities.tables.csv",
    "read_figures_xlsx": "pcc_priorities.tables.xlsx",
    "replace_figures": "pcc_priorities.tables.locations",
    "write_figures_csv": "pcc_priorities.tables.csv",
    "write_figures_xlsx": "pcc_priorities.tables.xlsx",
}

__all__ = [
    "FigureLocation",
    "FigurePart",
    "LocatedFigure",
    "figures_from_csv",
    "figures_from_table",
    "figures_from_xlsx",
    "figures_table",
    "figures_to_csv",
    "figures_to_xlsx",
    "located_figures",
    "read_figures_csv",
    "read_figures_xlsx",
    "replace_figures",
    "write_figures_csv",
    "write_figures_xlsx",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
