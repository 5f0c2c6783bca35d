"""The checker's quick looks at text answer as the slower looks they replaced."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pcc_priorities.checks.text import is_blank, placeholder_hint, visible_text


def _before(text: str) -> bool:
    """The look as it was: each wording searched for in the whole lower-cased text."""
    t = text.lower()
    return (
        "due course" in t or "coming soon" in t or "lorem" in t or "insert" in t
        or "to follow" in t or "[" in t or "<" in t
        or ("tb" in t and ("tbc" in t or "tbd" in t or "tba" in t))
        or "todo" in t or "fixme" in t or "xx" in t
        or ("to be " in t and (
            "to be confirmed" in t or "to be determined" in t or "to be added" in t
            or "to be inserted" in t or "to be provided" in t or "to be updated" in t
            or "to be agreed" in t
        ))
    )  # fmt: skip


_PIECES = st.sampled_from(
    [
        "to be ", "To Be ", "confirmed", "agreed", "to be agree", "due course", "Coming Soon",
        "lorem", "INSERT", "to follow", "[", "<", "tb", "TB", "c", "d", "a", "x", "X", "fi",
        "fixme", "FIXM", "todo", "to", " ", "\u0130", "\u212a", "e", "nothing much here",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=10).map("".join) | st.text(max_size=30))
def test_the_hint_is_as_before(text: str) -> None:
    """For any text, the hint is true exactly when one of the old searches finds something."""
    assert placeholder_hint(text) == _before(text)


@given(
    st.text(
        alphabet=st.sampled_from(" \t\n\x00\x1f\x85\xa0\u200b\u2028\ufeffa.é\U000e0001"),
        max_size=8,
    )
    | st.text(max_size=12)
)
def test_blank_is_what_shows_nothing(text: str) -> None:
    """A text is blank exactly when its visible text is empty."""
    assert is_blank(text) == (not visible_text(text))
