"""Figures as tables (CSV, XLSX, ODS), imports with a report, the whole-statement workbook.

Figures are written and read back losslessly; the whole-statement workbook holds
applicability, metrics and figures, a sheet each.

May import the model, periods, figures, formats and exceptions.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.tables.columns import figures_table
    from pcc_priorities.tables.csv import (
        detect_delimiter,
        figures_from_csv,
        figures_to_csv,
        import_figures_csv,
        read_figures_csv,
        write_figures_csv,
    )
    from pcc_priorities.tables.fill import (
        FigureUpdate,
        FillReport,
        UpdateKind,
        fill_figures,
    )
    from pcc_priorities.tables.import_report import (
        CellPlace,
        FigureImport,
        ImportKind,
        ImportReport,
    )
    from pcc_priorities.tables.imports import figures_from_table, import_table
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
        import_figures_ods,
        read_figures_ods,
        write_figures_ods,
    )
    from pcc_priorities.tables.reading import import_figures
    from pcc_priorities.tables.workbook import (
        fill_from_sheets,
        import_workbook,
        statement_from_workbook,
        statement_sheets,
        statement_to_ods,
        statement_to_xlsx,
        write_statement_workbook,
    )
    from pcc_priorities.tables.xlsx import (
        figures_from_xlsx,
        figures_to_xlsx,
        import_figures_xlsx,
        read_figures_xlsx,
        write_figures_xlsx,
    )


_LAZY = {
    "statement_sheets": "pcc_priorities.tables.workbook",
    "statement_to_xlsx": "pcc_priorities.tables.workbook",
    "statement_to_ods": "pcc_priorities.tables.workbook",
    "import_workbook": "pcc_priorities.tables.workbook",
    "statement_from_workbook": "pcc_priorities.tables.workbook",
    "write_statement_workbook": "pcc_priorities.tables.workbook",
    "fill_from_sheets": "pcc_priorities.tables.workbook",
    "CellPlace": "pcc_priorities.tables.import_report",
    "FigureImport": "pcc_priorities.tables.import_report",
    "ImportKind": "pcc_priorities.tables.import_report",
    "ImportReport": "pcc_priorities.tables.import_report",
    "import_table": "pcc_priorities.tables.imports",
    "import_figures": "pcc_priorities.tables.reading",
    "detect_delimiter": "pcc_priorities.tables.csv",
    "import_figures_csv": "pcc_priorities.tables.csv",
    "import_figures_xlsx": "pcc_priorities.tables.xlsx",
    "import_figures_ods": "pcc_priorities.tables.ods",
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
    "figures_from_table": "pcc_priorities.tables.imports",
    "figures_from_xlsx": "pcc_priorities.tables.xlsx",
    "figures_table": "pcc_priorities.tables.columns",
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
    "CellPlace",
    "FigureImport",
    "FigureLocation",
    "FigurePart",
    "FigureUpdate",
    "FillReport",
    "ImportKind",
    "ImportReport",
    "LocatedFigure",
    "TidyTable",
    "UpdateKind",
    "detect_delimiter",
    "figures_from_csv",
    "figures_from_ods",
    "figures_from_table",
    "figures_from_xlsx",
    "figures_table",
    "figures_to_csv",
    "figures_to_ods",
    "figures_to_xlsx",
    "fill_figures",
    "fill_from_sheets",
    "import_figures",
    "import_figures_csv",
    "import_figures_ods",
    "import_figures_xlsx",
    "import_table",
    "import_workbook",
    "located_figures",
    "national_table",
    "read_figures_csv",
    "read_figures_ods",
    "read_figures_xlsx",
    "replace_figures",
    "statement_from_workbook",
    "statement_sheets",
    "statement_to_ods",
    "statement_to_xlsx",
    "statements_table",
    "write_figures_csv",
    "write_figures_ods",
    "write_figures_xlsx",
    "write_statement_workbook",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
