"""The shipped glossary of common policing acronyms (``reference/data/acronyms.json``)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache

from attrs import field, frozen

from pcc_priorities.convert.hooks import converter, to_problems
from pcc_priorities.exceptions import ReferenceDataError
from pcc_priorities.files import package_files

__all__ = ["Acronym", "AcronymGlossary", "GlossarySource", "acronym_key", "shipped_glossary"]


# --------------------------------------------------------------------------- the shipped glossary


_PLURAL = re.compile(r"(?:['’]?s)$")


def acronym_key(term: str) -> str:
    """Return ``term`` without a lower-case plural ending: "OCGs" and "OCG's" give "OCG"."""
    stripped = term.strip()
    if len(stripped) > 2 and stripped[-1] == "s" and any(c.isupper() for c in stripped[:-1]):
        stripped = _PLURAL.sub("", stripped)
    return stripped


@frozen(kw_only=True)
class GlossarySource:
    """A public source the shipped glossary takes expansions from.

    Attributes:
        id: A short id entries use to cite it.
        title: Its title.
        url: Where it is published.
    """

    id: str
    title: str
    url: str | None = None


@frozen(kw_only=True)
class Acronym:
    """An acronym in the shipped glossary.

    Attributes:
        term: The acronym as written ("OCG", "S&H").
        expansions: What it stands for, most usual first, in sentence case.
        well_known: Whether readers know it without explanation (UK, NHS), so a statement
            need not spell it out.
        sources: Ids of the glossary sources that give the expansion; empty where none does.
        note: Anything a reader of the glossary should know.
    """

    term: str
    expansions: tuple[str, ...]
    well_known: bool = False
    sources: tuple[str, ...] = ()
    note: str | None = None


@frozen(kw_only=True)
class AcronymGlossary:
    """A glossary of acronyms with the sources it draws on.

    Attributes:
        acronyms: The acronyms, in alphabetical order.
        sources: The sources entries cite.
        note: What the glossary is and how it was compiled.
    """

    acronyms: tuple[Acronym, ...]
    sources: tuple[GlossarySource, ...] = ()
    note: str | None = None
    _by_key: Mapping[str, Acronym] = field(init=False, eq=False, repr=False)

    @_by_key.default
    def _index(self) -> Mapping[str, Acronym]:
        return {acronym_key(acronym.term): acronym for acronym in self.acronyms}

    def get(self, term: str) -> Acronym | None:
        """Return the entry for ``term`` ("OCGs" and "SARS" find "OCG" and "SAR"), or None."""
        key = acronym_key(term)
        index = self._by_key
        found = index.get(key)
        if found is None and len(key) > 2 and key.endswith("S"):
            found = index.get(key[:-1])
        return found

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.get(term) is not None


@cache
def shipped_glossary() -> AcronymGlossary:
    """Return the glossary of common policing acronyms shipped with the package.

    Raises:
        ReferenceDataError: The packaged file is malformed (a packaging bug).
    """
    text = (
        package_files("pcc_priorities.reference", __file__) / "data" / "acronyms.json"
    ).read_text("utf-8")
    try:
        glossary = converter(detailed=True).structure(json.loads(text), AcronymGlossary)
    except Exception as error:
        problems = "; ".join(str(problem) for problem in to_problems(error))
        raise ReferenceDataError(f"acronyms.json: {problems}") from None
    known = {source.id for source in glossary.sources}
    seen: set[str] = set()
    for acronym in glossary.acronyms:
        key = acronym_key(acronym.term)
        if key in seen:
            raise ReferenceDataError(f"acronyms.json: {acronym.term!r} is listed twice")
        seen.add(key)
        if not acronym.expansions:
            raise ReferenceDataError(f"acronyms.json: {acronym.term!r} has no expansion")
        unknown = [source for source in acronym.sources if source not in known]
        if unknown:
            raise ReferenceDataError(
                f"acronyms.json: {acronym.term!r} cites unknown sources {unknown}"
            )
    return glossary
