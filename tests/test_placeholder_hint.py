"""The quick look for placeholders answers as the thirteen substring searches it replaced."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pcc_priorities.checks.text import placeholder_hint


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
