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
    from pcc_priorities.tables.figures_table import figures_from_table, figures_table
    from pcc_priorities.tables.locations import (
        FigureLocation,
        FigurePart,
        LocatedFigure,
        located_figures,
        replace_figures,
    )
    from pcc_priorities.tables.xlsx import (
        figures_from_xlsx,
        figures_to_xlsx,
        read_figures_xlsx,
        write_figures_xlsx,
    )

_LAZY = {
    "FigureLocation": ".locations",
    "FigurePart": ".locations",
    "LocatedFigure": ".locations",
    "figures_from_csv": ".csv",
    "figures_from_table": ".figures_table",
    "figures_from_xlsx": ".xlsx",
    "figures_table": ".figures_table",
    "figures_to_csv": ".csv",
    "figures_to_xlsx": ".xlsx",
    "located_figures": ".locations",
    "read_figures_csv": ".csv",
    "read_figures_xlsx": ".xlsx",
    "replace_figures": ".locations",
    "write_figures_csv": ".csv",
    "write_figures_xlsx": ".xlsx",
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
