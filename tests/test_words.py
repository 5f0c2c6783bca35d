"""Tests of the renderer's text helpers in :mod:`pcc_priorities.publish.words`."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from pcc_priorities.publish.words import _CONTROL, _visible, printable


def _slow(text: str) -> str:
    return _CONTROL.sub(_visible, text)


@given(st.text())
def test_printable_gives_what_the_pattern_gives(text: str) -> None:
    """The quick path for printable text changes no result: the pattern's replacement it is."""
    assert printable(text) == _slow(text)


@given(st.text(st.characters(codec=None, exclude_categories=())))
def test_printable_gives_what_the_pattern_gives_for_any_character(text: str) -> None:
    """Surrogates, controls, format characters and unassigned code points included."""
    assert printable(text) == _slow(text)


def test_every_code_point_the_pattern_replaces_is_not_printable() -> None:
    """No character the pattern replaces is one str.isprintable() accepts."""
    replaced = [chr(code) for code in range(sys.maxunicode + 1) if _CONTROL.match(chr(code))]
    assert replaced
    assert not any(character.isprintable() for character in replaced)
    assert all(printable(character) == _slow(character) for character in replaced)


def _text_by_lines(text: str) -> str:
    import html  # noqa: PLC0415

    from pcc_priorities.publish.words import lines  # noqa: PLC0415

    return "<br>".join(html.escape(printable(line), quote=False) for line in lines(text))


@given(st.text(st.characters(codec=None, exclude_categories=())))
def test_html_text_fast_path_gives_what_the_line_by_line_escape_gives(text: str) -> None:
    """The HTML writer's quick path for printable text changes no page: same escape, same breaks."""
    from pcc_priorities.publish.html import _text  # noqa: PLC0415

    assert _text(text) == _text_by_lines(text)


@given(
    st.lists(st.text(max_size=6), max_size=4), st.text(max_size=4), st.lists(st.text(max_size=4))
)
def test_adds_to_with_joined_texts_is_adds_to_with_each(
    narrative: list[str], wording: str, shown: list[str]
) -> None:
    """Looking for a wording in the joined narrative gives what looking in each text gives."""
    from pcc_priorities.publish.inlines import Joined, adds_to  # noqa: PLC0415

    assert adds_to(wording, [Joined(narrative), *shown]) == adds_to(wording, [*narrative, *shown])
