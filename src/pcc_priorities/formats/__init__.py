"""Statement documents: canonical JSON and YAML.

Also the JSON Schema, upgrades between versions and limits on input. Files are read and
written through :mod:`pcc_priorities.files`, the one way every part of the library does so.

May import the model, periods, convert, reference, files and exceptions; never checks,
publish, tables, editions or the command line.
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
    "Upgrade": "pcc_priorities.formats.upgrade",
    "UpgradeResult": "pcc_priorities.formats.upgrade",
    "dump": "pcc_priorities.formats.documents",
    "dumps": "pcc_priorities.formats.documents",
    "format_of": "pcc_priorities.formats.documents",
    "from_dict": "pcc_priorities.formats.reading",
    "json_schema": "pcc_priorities.formats.schema",
    "load": "pcc_priorities.formats.documents",
    "load_with_report": "pcc_priorities.formats.documents",
    "loads": "pcc_priorities.formats.documents",
    "loads_with_report": "pcc_priorities.formats.documents",
    "register_upgrade": "pcc_priorities.formats.upgrade",
    "schema_text": "pcc_priorities.formats.schema",
    "to_dict": "pcc_priorities.formats.json",
    "upgrade_document": "pcc_priorities.formats.upgrade",
    "upgrades": "pcc_priorities.formats.upgrade",
}

__all__ = [
    "DEFAULT_LIMITS",
    "FORMATS",
    "SCHEMA_VERSION",
    "Format",
    "Limits",
    "LoadResult",
    "Upgrade",
    "UpgradeResult",
    "dump",
    "dumps",
    "format_of",
    "from_dict",
    "json_schema",
    "load",
    "load_with_report",
    "loads",
    "loads_with_report",
    "register_upgrade",
    "schema_text",
    "to_dict",
    "upgrade_document",
    "upgrades",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
