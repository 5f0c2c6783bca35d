"""Tests of acronyms: the shipped glossary, finding acronyms, and a statement's definitions."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from importlib import resources
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import pcc_priorities as p
from check_helpers import clean, with_paragraphs
from pcc_priorities.reference import acronym_expansions
from pcc_priorities.reference.acronyms import (
    acronym_definitions,
    defined_acronyms,
    find_acronyms,
    find_definitions,
    located_definitions,
)
from pcc_priorities.reference.glossary import acronym_key, shipped_glossary


def test_shipped_glossary_is_sorted_sourced_and_unique() -> None:
    """Entries are in order, unique, cite known sources, and have expansions."""
    glossary = shipped_glossary()
    terms = [acronym.term for acronym in glossary.acronyms]
    assert terms == sorted(terms)
    assert len(set(terms)) == len(terms)
    sources = {source.id for source in glossary.sources}
    cited = {source for acronym in glossary.acronyms for source in acronym.sources}
    assert cited == sources
    assert all(acronym.expansions and acronym.expansions[0] for acronym in glossary.acronyms)
    data = resources.files("pcc_priorities.reference") / "data" / "acronyms.json"
    raw = json.loads(data.read_text())
    assert len(raw["acronyms"]) == len(glossary.acronyms)


def test_shipped_glossary_knows_common_policing_acronyms() -> None:
    """The glossary expands the acronyms statements use, plurals and all."""
    glossary = shipped_glossary()
    assert glossary.get("OCG") is not None
    assert glossary.get("OCGs") == glossary.get("OCG")
    assert glossary.get("SARS") == glossary.get("SAR")
    assert "VAWG" in glossary
    assert "ZZZZ" not in glossary
    assert glossary.get("VAWG").expansions == ("violence against women and girls",)  # type: ignore[union-attr]
    well_known = {a.term for a in glossary.acronyms if a.well_known}
    assert {"UK", "NHS"} <= well_known
    assert "OCG" not in well_known


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The OCG and two DVPNs.", [("OCG", "OCG"), ("DVPN", "DVPNs")]),
        (
            "RASSO DS’s and S&H, SP&I",
            [("RASSO", "RASSO"), ("DS", "DS"), ("S&H", "S&H"), ("SP&I", "SP&I")],
        ),
        ("UNODC(United Nations)", [("UNODC", "UNODC")]),
        ("Q1 23/24, 4P plans, iQuanta, PhD, A and I", []),
        ("Part II and XIV", []),
        ("VV and CD and DC", [("VV", "VV"), ("CD", "CD"), ("DC", "DC")]),
        ("NATIONAL METRICS AND DATA SOURCES FOR THE FORCE", []),
    ],
)
def test_find_acronyms(text: str, found: list[tuple[str, str]]) -> None:
    """Acronyms are capital words of two letters or more, with an optional plural."""
    assert [(use.term, use.text) for use in find_acronyms(text)] == found


@given(st.text())
def test_acronym_spans_are_exact(text: str) -> None:
    """Each acronym found is exactly the text at its span, and its term is its key."""
    for use in find_acronyms(text):
        assert text[use.start : use.end] == use.text
        assert use.term == acronym_key(use.text)
        assert sum(ch.isupper() for ch in use.term) >= 2


@pytest.mark.parametrize(
    ("text", "term", "expansion", "span"),
    [
        (
            "26 Active organised crime groups (OCG)",
            "OCG",
            "organised crime groups",
            "organised crime groups (OCG)",
        ),
        (
            "Our ‘most similar groups’ (MSG) have",
            "MSG",
            "most similar groups",
            "most similar groups’ (MSG)",
        ),
        (
            "the Police and Crime Commissioner’s (PCC) plan",
            "PCC",
            "Police and Crime Commissioner",
            "Police and Crime Commissioner’s (PCC)",
        ),
        (
            "Theft from the person (TFP)",
            "TFP",
            "Theft from the person",
            "Theft from the person (TFP)",
        ),
        (
            "All Local Policing Areas (LPAs) are",
            "LPA",
            "Local Policing Areas",
            "Local Policing Areas (LPAs)",
        ),
        (
            "Suspicious Activity Reports (SARS) which",
            "SARS",
            "Suspicious Activity Reports",
            "Suspicious Activity Reports (SARS)",
        ),
        ("theft from MV (TFMV).", "TFMV", "theft from MV", "theft from MV (TFMV)"),
        (
            "stalking and harassment (S&H)",
            "S&H",
            "stalking and harassment",
            "stalking and harassment (S&H)",
        ),
        (
            "anti-social behaviour (ASB)",
            "ASB",
            "anti-social behaviour",
            "anti-social behaviour (ASB)",
        ),
        (
            "a key IOM (Integrated Offender Management) nominal",
            "IOM",
            "Integrated Offender Management",
            "IOM (Integrated Offender Management)",
        ),
        (
            "UNODC(United Nations Office of Drugs and Crime) are",
            "UNODC",
            "United Nations Office of Drugs and Crime",
            "UNODC(United Nations Office of Drugs and Crime)",
        ),
        (
            "OCG (organised crime group, see below)",
            "OCG",
            "organised crime group",
            "OCG (organised crime group, see below)",
        ),
    ],
)
def test_find_definitions(text: str, term: str, expansion: str, span: str) -> None:
    """Both usual forms of spelling an acronym out are found, with the expansion's words."""
    [definition] = find_definitions(text)
    assert (definition.term, definition.expansion) == (term, expansion)
    assert text[definition.start : definition.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "has not been met (DCPP) and has",
        "a 7% (n = 76) decrease",
        "partners, Areas (LPA)",
        "Homicides (Police recorded data)",
        "the figure (TBC)",
        "OCG (OCG)",
        "(OCG) (OCG)",
    ],
)
def test_not_definitions(text: str) -> None:
    """Brackets whose words do not spell the acronym are not definitions."""
    assert list(find_definitions(text)) == []


words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8).filter(
        lambda word: (
            word
            not in {
                "an",
                "and",
                "at",
                "by",
                "for",
                "from",
                "in",
                "of",
                "on",
                "or",
                "the",
                "to",
                "with",
            }
        )
    ),
    min_size=2,
    max_size=5,
)


@given(words, st.booleans())
def test_any_spelled_out_acronym_is_found(expansion_words: list[str], acronym_first: bool) -> None:
    """Words followed by their initials in brackets, or the reverse, are a definition."""
    expansion = " ".join(expansion_words)
    term = "".join(word[0] for word in expansion_words).upper()
    assume(not re.fullmatch(r"X{0,3}(?:IX|IV|V?I{0,3})", term))  # Roman numerals are not acronyms
    text = f"We met {term} ({expansion})." if acronym_first else f"We met {expansion} ({term})."
    definitions = list(find_definitions(text))
    assert [(d.term, d.expansion) for d in definitions] == [(term, expansion)]


def test_statement_definitions_in_glossary_and_text() -> None:
    """A statement's acronyms come from its glossary first, then its text in order."""
    statement = attrs.evolve(
        with_paragraphs(
            clean(),
            "Organised crime groups (OCG) were disrupted.",
            "Domestic abuse (DA) fell; OCG (organised crime gangs) too.",
        ),
        glossary=(p.GlossaryEntry(term="DAs", expansion="domestic abuse"),),
    )
    assert [(d.term, d.expansion, d.path, d.inline) for d in acronym_definitions(statement)] == [
        ("DA", "domestic abuse", "/glossary/0", False),
        ("OCG", "Organised crime groups", "/sections/0/blocks/0/text", True),
        ("DA", "Domestic abuse", "/sections/0/blocks/1/text", True),
        ("OCG", "organised crime gangs", "/sections/0/blocks/1/text", True),
    ]
    defined = defined_acronyms(statement)
    assert list(defined) == ["DA", "OCG"]
    assert defined["DA"].path == "/glossary/0"
    assert defined["OCG"].expansion == "Organised crime groups"
    first = defined["OCG"]
    text = statement.sections[0].blocks[0].text  # type: ignore[union-attr]
    assert text[first.start : first.end] == "Organised crime groups (OCG)"  # type: ignore[misc]


def test_figure_wordings_are_not_searched_for_definitions() -> None:
    """Figures' wordings repeat the narrative and are left out."""
    statement = clean()
    figure = attrs.evolve(statement.sections[0].figures[0], wording="organised crime groups (OCG)")
    sections = (attrs.evolve(statement.sections[0], figures=(figure,)), *statement.sections[1:])
    assert defined_acronyms(attrs.evolve(statement, sections=sections)) == {}


def test_acronym_expansions_prefer_the_statement_then_the_glossary() -> None:
    """Expansions come from the statement's own definitions first, then the shipped glossary."""
    example = Path(__file__).resolve().parents[1] / "examples" / "west-mercia-2023-09.json"
    expansions = acronym_expansions(p.load(example))
    assert expansions["OCG"] == "organised crime groups"  # as the statement spells it out
    assert expansions["TFP"] == "Theft from the person"
    assert expansions["DVPN"] == "domestic violence protection notice"  # from the glossary
    assert "OCGs" not in expansions


_DEFINING = st.sampled_from(
    [
        "Organised Crime Groups (OCGs) were disrupted.",
        "The Violence Reduction Unit (VRU) met.",
        "VRU (Violence Reduction Unit) and ",
        "No definition here.",
        "",
    ]
)


@st.composite
def statement_with_definitions(draw: st.DrawFn) -> p.Statement:
    """A statement whose narrative and figures' wordings spell out acronyms, or not."""
    statement = with_paragraphs(clean(), *draw(st.lists(_DEFINING, max_size=3)))
    section = statement.sections[0]
    figure = p.Figure(
        measure=draw(_DEFINING) or "Arrests",
        value=Decimal(3),
        unit=p.Unit.COUNT,
        wording=draw(_DEFINING) or None,
        comparisons=(
            p.Comparison(
                basis=p.ComparisonBasis.PREVIOUS_PERIOD,
                value=Decimal(2),
                wording=draw(_DEFINING) or None,
            ),
        ),
    )
    glossary = tuple(
        p.GlossaryEntry(term=term, expansion="Police and Crime Plan")
        for term in draw(st.lists(st.sampled_from(["PCP", "OCG"]), max_size=2, unique=True))
    )
    return attrs.evolve(
        statement,
        sections=(
            attrs.evolve(section, figures=(*section.figures, figure)),
            *statement.sections[1:],
        ),
        glossary=glossary,
    )


@given(statement_with_definitions())
def test_definitions_from_the_statements_own_words_are_those_of_every_text(
    statement: p.Statement,
) -> None:
    """Reading the statement's own words only finds what a walk over every text finds.

    ``acronym_definitions`` (which the renderer uses) walks without the figures' texts.
    """
    every = tuple(definition for _, definition in located_definitions(statement))
    assert acronym_definitions(statement) == every
