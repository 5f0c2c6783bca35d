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
        find_definitions,
    )
    from pcc_priorities.reference.forces import (
        BodyKind,
        BodyTerm,
        RegisteredForce,
        body_kinds,
        forces,
        get_body_kind,
        get_force,
    )
    from pcc_priorities.reference.frameworks import (
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
    from pcc_priorities.reference.glossary import (
        Acronym,
        AcronymGlossary,
        GlossarySource,
        acronym_key,
        shipped_glossary,
    )

_LAZY = {
    "Acronym": ".glossary",
    "AcronymDefinition": ".acronyms",
    "AcronymGlossary": ".glossary",
    "AcronymUse": ".acronyms",
    "BodyKind": ".forces",
    "BodyTerm": ".forces",
    "Citation": ".frameworks",
    "DataSource": ".frameworks",
    "Framework": ".frameworks",
    "GlossarySource": ".glossary",
    "InlineDefinition": ".acronyms",
    "NationalMetric": ".frameworks",
    "NationalPriority": ".frameworks",
    "RegisteredForce": ".forces",
    "acronym_definitions": ".acronyms",
    "acronym_expansions": ".acronyms",
    "acronym_key": ".glossary",
    "body_kinds": ".forces",
    "defined_acronyms": ".acronyms",
    "find_acronyms": ".acronyms",
    "find_definitions": ".acronyms",
    "forces": ".forces",
    "frameworks": ".frameworks",
    "get_body_kind": ".forces",
    "get_force": ".forces",
    "get_framework": ".frameworks",
    "load_framework": ".frameworks",
    "normalise_name": ".frameworks",
    "register_framework": ".frameworks",
    "shipped_glossary": ".glossary",
}

__all__ = [
    "Acronym",
    "AcronymDefinition",
    "AcronymGlossary",
    "AcronymUse",
    "BodyKind",
    "BodyTerm",
    "Citation",
    "DataSource",
    "Framework",
    "GlossarySource",
    "InlineDefinition",
    "NationalMetric",
    "NationalPriority",
    "RegisteredForce",
    "acronym_definitions",
    "acronym_expansions",
    "acronym_key",
    "body_kinds",
    "defined_acronyms",
    "find_acronyms",
    "find_definitions",
    "forces",
    "frameworks",
    "get_body_kind",
    "get_force",
    "get_framework",
    "load_framework",
    "normalise_name",
    "register_framework",
    "shipped_glossary",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
