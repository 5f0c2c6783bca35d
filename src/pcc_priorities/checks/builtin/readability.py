"""Readability rules (PCC4xx): acronyms spelled out where a reader first meets them."""

from __future__ import annotations

from collections.abc import Iterator

from pcc_priorities.checks.builtin.citations import GOV_UK_STYLE
from pcc_priorities.checks.registry import CheckContext, Occurrence, rule
from pcc_priorities.checks.report import Category, Severity
from pcc_priorities.checks.text import PLACEHOLDER_TOKENS, reader_texts
from pcc_priorities.model.statement import Statement
from pcc_priorities.model.walk import Path, parse_pointer
from pcc_priorities.reference.acronyms import (
    AcronymDefinition,
    find_acronyms_in,
    located_definitions,
)
from pcc_priorities.reference.national_frameworks import normalise_name

# --------------------------------------------------------------------------- readability (PCC4xx)


def _definitions(context: CheckContext) -> tuple[tuple[int, AcronymDefinition], ...]:
    """Every acronym definition with its text order (shared by the acronym rules)."""
    return tuple(located_definitions(context.statement, context.shared(reader_texts)))


def _acronym_uses(
    context: CheckContext,
) -> dict[str, tuple[int, int, Path, int]]:
    """First use of each acronym: (text order, offset, path, number of uses)."""
    uses: dict[str, tuple[int, int, Path, int]] = {}
    reader = context.shared(reader_texts)
    for index, use in find_acronyms_in(reader.joined):
        if PLACEHOLDER_TOKENS.fullmatch(use.term):
            continue  # reported by PCC209
        if use.term in uses:
            first = uses[use.term]
            uses[use.term] = (*first[:3], first[3] + 1)
        else:
            uses[use.term] = (reader.orders[index], use.start, reader.paths[index], 1)
    return uses


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


@rule(
    code="PCC401",
    name="acronym-not-spelled-out",
    severity=Severity.WARNING,
    category=Category.READABILITY,
    citation=GOV_UK_STYLE,
    summary="An acronym is used without being spelled out anywhere in the statement.",
    fix=(
        "Spell the acronym out at its first use (“organised crime groups (OCG)”) or add "
        "it to the statement's glossary."
    ),
)
def acronym_not_spelled_out(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Acronyms should be spelled out.

    Statements are for the public, who do not know policing's acronyms. Each acronym should be
    spelled out at its first use, in either form ("organised crime groups (OCG)" or "OCG
    (organised crime group)"), or in the statement's glossary. Acronyms style guides call well
    known (UK, NHS) need not be. The finding points at the first use and, where the shipped
    glossary knows the acronym, suggests what it usually stands for.
    """
    defined = {definition.term for _, definition in context.shared(_definitions)}
    for term, (_, _, path, count) in context.shared(_acronym_uses).items():
        if term in defined:
            continue
        entry = context.glossary.get(term)
        if entry is not None and entry.well_known:
            continue
        hint = ""
        if entry is not None:
            hint = f" It usually stands for “{entry.expansions[0]}”."
        yield Occurrence(
            path=path,
            message=(
                f"“{term}” is used {_times(count)} and never spelled out; spell it out at its "
                f"first use, here, or add it to the glossary.{hint}"
            ),
        )


@rule(
    code="PCC402",
    name="acronym-spelled-out-late",
    severity=Severity.INFO,
    category=Category.READABILITY,
    citation=GOV_UK_STYLE,
    summary="An acronym is used before the place that spells it out.",
    fix="Spell the acronym out at its first use instead.",
)
def acronym_spelled_out_late(statement: Statement, context: CheckContext) -> Iterator[Occurrence]:
    """Acronyms should be spelled out at their first use.

    Readers meet an acronym at its first use; spelling it out only later leaves them guessing
    until then. Acronyms in the statement's glossary count as spelled out before any use.
    """
    first_definition: dict[str, tuple[int, int, str]] = {}
    for order, definition in context.shared(_definitions):
        first_definition.setdefault(
            definition.term, (order, definition.start or 0, definition.path)
        )
    for term, (order, start, path, _count) in context.shared(_acronym_uses).items():
        found = first_definition.get(term)
        if found is None:
            continue
        entry = context.glossary.get(term)
        if entry is not None and entry.well_known:
            continue
        if (order, start) < found[:2]:
            yield Occurrence(
                path=path,
                message=f"“{term}” is used here before it is spelled out at {found[2]}.",
            )


def _same_expansion(first: str, second: str) -> bool:
    def words(text: str) -> list[str]:
        return [word.rstrip("s") for word in normalise_name(text).split()]

    return words(first) == words(second)


@rule(
    code="PCC403",
    name="acronym-defined-twice-differently",
    severity=Severity.WARNING,
    category=Category.READABILITY,
    citation=GOV_UK_STYLE,
    summary="An acronym is spelled out in two different ways.",
    fix="Use one expansion throughout, or use different acronyms for different things.",
)
def acronym_defined_twice_differently(
    statement: Statement, context: CheckContext
) -> Iterator[Occurrence]:
    """An acronym should stand for one thing.

    An acronym spelled out as two different things ("DA: domestic abuse", "DA: district
    attorney") leaves readers unsure which is meant. Differences of case and plural do not
    count.
    """
    first: dict[str, tuple[str, str]] = {}
    for _, definition in context.shared(_definitions):
        if definition.term not in first:
            first[definition.term] = (definition.expansion, definition.path)
            continue
        expansion, path = first[definition.term]
        if not _same_expansion(expansion, definition.expansion):
            yield Occurrence(
                path=tuple(parse_pointer(definition.path) or ()),
                message=(
                    f"“{definition.term}” is spelled out here as “{definition.expansion}” but at "
                    f"{path} as “{expansion}”."
                ),
            )
