"""Statement documents: canonical JSON and YAML.

Also the JSON Schema, upgrades between versions, limits on input, and the one way to read
files, refuse to overwrite and write atomically (:mod:`pcc_priorities.formats.files`).

May import the model, periods, convert, reference and exceptions; never checks, publish,
tables, editions or the command line.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.formats.documents import (
        FORMATS,
        Format,
        dump,
        dumps,
        format_of,
        load,
        load_with_report,
        loads,
        loads_with_report,
    )
    from pcc_priorities.formats.files import (
        TEMPORARY_MARK,
        atomic_write_bytes,
        atomic_write_text,
        check_output,
        file_problem,
        format_by_extension,
        open_input,
        read_input,
        write_output,
    )
    from pcc_priorities.formats.json import SCHEMA_VERSION, to_dict
    from pcc_priorities.formats.limits import DEFAULT_LIMITS, Limits
    from pcc_priorities.formats.reading import from_dict
    from pcc_priorities.formats.schema import json_schema, schema_text
    from pcc_priorities.formats.upgrade import (
        LoadResult,
        Upgrade,
        UpgradeResult,
        register_upgrade,
        upgrade_document,
        upgrades,
    )

_LAZY = {
    "DEFAULT_LIMITS": "pcc_priorities.formats.limits",
    "FORMATS": "pcc_priorities.formats.documents",
    "Format": "pcc_priorities.formats.documents",
    "Limits": "pcc_priorities.formats.limits",
    "LoadResult": "pcc_priorities.formats.upgrade",
    "SCHEMA_VERSION": "pcc_priorities.formats.json",
    "TEMPORARY_MARK": "pcc_priorities.formats.files",
    "Upgrade": "pcc_priorities.formats.upgrade",
    "UpgradeResult": "pcc_priorities.formats.upgrade",
    "atomic_write_bytes": "pcc_priorities.formats.files",
    "atomic_write_text": "pcc_priorities.formats.files",
    "check_output": "pcc_priorities.formats.files",
    "dump": "pcc_priorities.formats.documents",
    "dumps": "pcc_priorities.formats.documents",
    "file_problem": "pcc_priorities.formats.files",
    "format_by_extension": "pcc_priorities.formats.files",
    "format_of": "pcc_priorities.formats.documents",
    "from_dict": "pcc_priorities.formats.reading",
    "json_schema": "pcc_priorities.formats.schema",
    "load": "pcc_priorities.formats.documents",
    "load_with_report": "pcc_priorities.formats.documents",
    "loads": "pcc_priorities.formats.documents",
    "loads_with_report": "pcc_priorities.formats.documents",
    "open_input": "pcc_priorities.formats.files",
    "read_input": "pcc_priorities.formats.files",
    "register_upgrade": "pcc_priorities.formats.upgrade",
    "schema_text": "pcc_priorities.formats.schema",
    "to_dict": "pcc_priorities.formats.json",
    "upgrade_document": "pcc_priorities.formats.upgrade",
    "upgrades": "pcc_priorities.formats.upgrade",
    "write_output": "pcc_priorities.formats.files",
}

__all__ = [
    "DEFAULT_LIMITS",
    "FORMATS",
    "SCHEMA_VERSION",
    "TEMPORARY_MARK",
    "Format",
    "Limits",
    "LoadResult",
    "Upgrade",
    "UpgradeResult",
    "atomic_write_bytes",
    "atomic_write_text",
    "check_output",
    "dump",
    "dumps",
    "file_problem",
    "format_by_extension",
    "format_of",
    "from_dict",
    "json_schema",
    "load",
    "load_with_report",
    "loads",
    "loads_with_report",
    "open_input",
    "read_input",
    "register_upgrade",
    "schema_text",
    "to_dict",
    "upgrade_document",
    "upgrades",
    "write_output",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
