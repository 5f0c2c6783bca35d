"""Acronyms and definitions found in many texts at once are those found text by text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pcc_priorities.reference.acronyms import (
    _CANDIDATE,
    _candidates,
    find_acronyms,
    find_acronyms_in,
    find_definitions,
    find_definitions_in,
)

#: Text made of what the two searches turn on: capitals, brackets, '&', plural 's', words.
_PIECES = st.sampled_from(
    [
        "OCG", "DVPNs", "S&H", "IV", "XX", "(", ")", "()", " ", "&", "s", "_", "x", "9",
        "organised crime groups (OCG)", "IOM (Integrated Offender Management)",
        "Local Policing Areas (LPAs)", "theft from MV (TFMV)", "THE SHOUTED HEADING OF IT",
        "\x00", "\n", "é", "A", "B",
    ]
)  # fmt: skip
_TEXTS = st.lists(st.lists(_PIECES, max_size=12).map("".join), max_size=8)


@given(_TEXTS)
def test_acronyms_in_many_texts_are_those_of_each_text(texts: list[str]) -> None:
    """find_acronyms_in gives exactly what find_acronyms gives for each text, in order."""
    one_by_one = [(index, use) for index, text in enumerate(texts) for use in find_acronyms(text)]
    assert list(find_acronyms_in(texts)) == one_by_one


@given(_TEXTS)
def test_definitions_in_many_texts_are_those_of_each_text(texts: list[str]) -> None:
    """find_definitions_in gives exactly what find_definitions gives for each text, in order."""
    one_by_one = [
        (index, found) for index, text in enumerate(texts) for found in find_definitions(text)
    ]
    assert list(find_definitions_in(texts)) == one_by_one


def test_texts_ending_and_starting_with_brackets_do_not_join() -> None:
    """An open bracket at one text's end and a close at the next's start make no definition."""
    texts = ["organised crime groups (", "OCG) and (", ")", "Local Policing Areas (LPAs)"]
    found = list(find_definitions_in(texts))
    assert [(index, definition.term) for index, definition in found] == [(3, "LPA")]
    assert list(find_acronyms_in(["OCG", "s", "DV"])) == [
        (0, use) for use in find_acronyms("OCG")
    ] + [(2, use) for use in find_acronyms("DV")]


@given(
    _TEXTS.map("".join) | st.text(alphabet=st.sampled_from("AB9&s_x é()\u0130\ud800"), max_size=40)
)
def test_candidates_are_those_the_regex_finds(text: str) -> None:
    """The quick search for acronym candidates finds exactly the regex's matches, in order."""
    expected = [(match.start(), match.end()) for match in _CANDIDATE.finditer(text)]
    assert [(match.start(), match.end()) for match in _candidates(text)] == expected
