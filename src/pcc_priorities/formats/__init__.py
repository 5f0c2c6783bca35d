"""Statement documents: canonical JSON and YAML.

Also the JSON Schema, upgrades between versions, limits on input, and atomic file writing.

May import the model, periods, convert, reference and exceptions; never checks, publish,
tables, editions or the command line.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.formats.documents import (
        FORMATS,
        Format,
        dump_any,
        dumps_any,
        format_of,
        load_any,
        load_with_report,
        loads_with_report,
    )
    from pcc_priorities.formats.files import atomic_write_bytes, atomic_write_text
    from pcc_priorities.formats.json import SCHEMA_VERSION, dump, dumps, load, loads, to_dict
    from pcc_priorities.formats.limits import DEFAULT_LIMITS, Limits
    from pcc_priorities.formats.reading import from_dict
    from pcc_priorities.formats.schema import (
        SCHEMA_DIALECT,
        attribute_descriptions,
        enum_member_descriptions,
        json_schema,
        packaged_schema_text,
        schema_text,
    )
    from pcc_priorities.formats.upgrade import (
        CURRENT_VERSION,
        LoadResult,
        Upgrade,
        UpgradeResult,
        register_upgrade,
        upgrade_document,
        upgrade_path,
        upgrades,
    )
    from pcc_priorities.formats.yaml import (
        data_to_yaml,
        dump_yaml,
        dumps_yaml,
        load_yaml,
        loads_yaml,
        read_yaml_file,
        read_yaml_text,
        yaml_to_data,
    )

_LAZY = {
    "CURRENT_VERSION": ".upgrade",
    "DEFAULT_LIMITS": ".limits",
    "FORMATS": ".documents",
    "Format": ".documents",
    "Limits": ".limits",
    "LoadResult": ".upgrade",
    "SCHEMA_DIALECT": ".schema",
    "SCHEMA_VERSION": ".json",
    "Upgrade": ".upgrade",
    "UpgradeResult": ".upgrade",
    "atomic_write_bytes": ".files",
    "atomic_write_text": ".files",
    "attribute_descriptions": ".schema",
    "data_to_yaml": ".yaml",
    "dump": ".json",
    "dump_any": ".documents",
    "dump_yaml": ".yaml",
    "dumps": ".json",
    "dumps_any": ".documents",
    "dumps_yaml": ".yaml",
    "enum_member_descriptions": ".schema",
    "format_of": ".documents",
    "from_dict": ".reading",
    "json_schema": ".schema",
    "load": ".json",
    "load_any": ".documents",
    "load_with_report": ".documents",
    "load_yaml": ".yaml",
    "loads": ".json",
    "loads_with_report": ".documents",
    "loads_yaml": ".yaml",
    "packaged_schema_text": ".schema",
    "read_yaml_file": ".yaml",
    "read_yaml_text": ".yaml",
    "register_upgrade": ".upgrade",
    "schema_text": ".schema",
    "to_dict": ".json",
    "upgrade_document": ".upgrade",
    "upgrade_path": ".upgrade",
    "upgrades": ".upgrade",
    "yaml_to_data": ".yaml",
}

__all__ = [
    "CURRENT_VERSION",
    "DEFAULT_LIMITS",
    "FORMATS",
    "SCHEMA_DIALECT",
    "SCHEMA_VERSION",
    "Format",
    "Limits",
    "LoadResult",
    "Upgrade",
    "UpgradeResult",
    "atomic_write_bytes",
    "atomic_write_text",
    "attribute_descriptions",
    "data_to_yaml",
    "dump",
    "dump_any",
    "dump_yaml",
    "dumps",
    "dumps_any",
    "dumps_yaml",
    "enum_member_descriptions",
    "format_of",
    "from_dict",
    "json_schema",
    "load",
    "load_any",
    "load_with_report",
    "load_yaml",
    "loads",
    "loads_with_report",
    "loads_yaml",
    "packaged_schema_text",
    "read_yaml_file",
    "read_yaml_text",
    "register_upgrade",
    "schema_text",
    "to_dict",
    "upgrade_document",
    "upgrade_path",
    "upgrades",
    "yaml_to_data",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
