"""Reference data, shipped as package data.

The national frameworks, the register of forces and policing bodies, and the glossary of
policing acronyms.

May import the model, periods, convert and exceptions.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.reference.acronyms import (
        AcronymDefinition,
        AcronymUse,
        InlineDefinition,
        acronym_definitions,
        acronym_expansions,
        defined_acronyms,
        find_acronyms,
        find_acronyms_in,
        find_definitions,
        find_definitions_in,
    )
    from pcc_priorities.reference.force_register import (
        BodyKind,
        BodyTerm,
        RegisteredForce,
        body_kinds,
        forces,
        get_body_kind,
        get_force,
    )
    from pcc_priorities.reference.glossary import (
        Acronym,
        AcronymGlossary,
        GlossarySource,
        acronym_key,
        shipped_glossary,
    )
    from pcc_priorities.reference.measure_sets import (
        BaselineDefinition,
        Classification,
        CrimeMeasure,
        CrimeMeasures,
        MeasurePart,
        UnmeasuredMetric,
        crime_measures,
        load_crime_measures,
    )
    from pcc_priorities.reference.national_frameworks import (
        Citation,
        DataSource,
        Framework,
        NationalMetric,
        NationalPriority,
        frameworks,
        get_framework,
        load_framework,
        normalise_name,
        register_framework,
    )
    from pcc_priorities.reference.table_layouts import (
        TableColumns,
        TableLayout,
        home_office_layout,
        load_table_layout,
    )


_LAZY = {
    "Acronym": "pcc_priorities.reference.glossary",
    "AcronymDefinition": "pcc_priorities.reference.acronyms",
    "AcronymGlossary": "pcc_priorities.reference.glossary",
    "AcronymUse": "pcc_priorities.reference.acronyms",
    "BaselineDefinition": "pcc_priorities.reference.measure_sets",
    "BodyKind": "pcc_priorities.reference.force_register",
    "BodyTerm": "pcc_priorities.reference.force_register",
    "Citation": "pcc_priorities.reference.national_frameworks",
    "Classification": "pcc_priorities.reference.measure_sets",
    "CrimeMeasure": "pcc_priorities.reference.measure_sets",
    "CrimeMeasures": "pcc_priorities.reference.measure_sets",
    "DataSource": "pcc_priorities.reference.national_frameworks",
    "Framework": "pcc_priorities.reference.national_frameworks",
    "GlossarySource": "pcc_priorities.reference.glossary",
    "InlineDefinition": "pcc_priorities.reference.acronyms",
    "MeasurePart": "pcc_priorities.reference.measure_sets",
    "NationalMetric": "pcc_priorities.reference.national_frameworks",
    "NationalPriority": "pcc_priorities.reference.national_frameworks",
    "RegisteredForce": "pcc_priorities.reference.force_register",
    "TableColumns": "pcc_priorities.reference.table_layouts",
    "TableLayout": "pcc_priorities.reference.table_layouts",
    "UnmeasuredMetric": "pcc_priorities.reference.measure_sets",
    "acronym_definitions": "pcc_priorities.reference.acronyms",
    "acronym_expansions": "pcc_priorities.reference.acronyms",
    "acronym_key": "pcc_priorities.reference.glossary",
    "body_kinds": "pcc_priorities.reference.force_register",
    "crime_measures": "pcc_priorities.reference.measure_sets",
    "defined_acronyms": "pcc_priorities.reference.acronyms",
    "find_acronyms": "pcc_priorities.reference.acronyms",
    "find_acronyms_in": "pcc_priorities.reference.acronyms",
    "find_definitions": "pcc_priorities.reference.acronyms",
    "find_definitions_in": "pcc_priorities.reference.acronyms",
    "forces": "pcc_priorities.reference.force_register",
    "frameworks": "pcc_priorities.reference.national_frameworks",
    "get_body_kind": "pcc_priorities.reference.force_register",
    "get_force": "pcc_priorities.reference.force_register",
    "get_framework": "pcc_priorities.reference.national_frameworks",
    "home_office_layout": "pcc_priorities.reference.table_layouts",
    "load_crime_measures": "pcc_priorities.reference.measure_sets",
    "load_framework": "pcc_priorities.reference.national_frameworks",
    "load_table_layout": "pcc_priorities.reference.table_layouts",
    "normalise_name": "pcc_priorities.reference.national_frameworks",
    "register_framework": "pcc_priorities.reference.national_frameworks",
    "shipped_glossary": "pcc_priorities.reference.glossary",
}

__all__ = [
    "Acronym",
    "AcronymDefinition",
    "AcronymGlossary",
    "AcronymUse",
    "BaselineDefinition",
    "BodyKind",
    "BodyTerm",
    "Citation",
    "Classification",
    "CrimeMeasure",
    "CrimeMeasures",
    "DataSource",
    "Framework",
    "GlossarySource",
    "InlineDefinition",
    "MeasurePart",
    "NationalMetric",
    "NationalPriority",
    "RegisteredForce",
    "TableColumns",
    "TableLayout",
    "UnmeasuredMetric",
    "acronym_definitions",
    "acronym_expansions",
    "acronym_key",
    "body_kinds",
    "crime_measures",
    "defined_acronyms",
    "find_acronyms",
    "find_acronyms_in",
    "find_definitions",
    "find_definitions_in",
    "forces",
    "frameworks",
    "get_body_kind",
    "get_force",
    "get_framework",
    "home_office_layout",
    "load_crime_measures",
    "load_framework",
    "load_table_layout",
    "normalise_name",
    "register_framework",
    "shipped_glossary",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
