"""Inline content: statement text split into words and abbreviations, and joining pieces."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pcc_priorities.publish.tree import Abbr, Inline, Inlines, Text

__all__ = ["Acronyms", "adds_to", "blank", "comma_separated", "join_inlines", "renderer_words"]


class Acronyms:
    """Finds abbreviations in text and pairs them with their expansions."""

    def __init__(self, expansions: Mapping[str, str]) -> None:
        self.expansions = {
            term: expansion for term, expansion in expansions.items() if term.strip()
        }
        self.used: set[str] = set()
        terms = sorted(self.expansions, key=lambda term: (-len(term), term))
        self.pattern = (
            re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in terms) + r")(?=s?(?!\w))")
            if terms
            else None
        )

    def split(self, text: str) -> Inlines:
        """Return ``text`` as text and abbreviations."""
        if self.pattern is None or not text:
            return (Text(text),)
        parts: list[Inline] = []
        position = 0
        for match in self.pattern.finditer(text):
            term = match.group(1)
            if match.start() > position:
                parts.append(Text(text[position : match.start()]))
            parts.append(Abbr(term, self.expansions[term]))
            self.used.add(term)
            position = match.end()
        if position < len(text) or not parts:
            parts.append(Text(text[position:]))
        return tuple(parts)


def renderer_words(text: str) -> Inlines:
    """Return renderer wording as inline content."""
    return (Text(text),)


def blank(content: Inlines) -> bool:
    """Return whether inline content has no visible characters."""
    return all(not getattr(piece, "text", "").strip() for piece in content)


def adds_to(wording: str, shown: Sequence[str]) -> bool:
    """Return whether a published wording says more than the wordings already ``shown``."""
    return not any(wording in earlier for earlier in shown)


def comma_separated(parts: Sequence[Inlines]) -> Inlines:
    """Join inline pieces with commas."""
    result: list[Inline] = []
    for index, part in enumerate(parts):
        if index:
            result.append(Text(", "))
        result.extend(part)
    return tuple(result)


def join_inlines(*parts: Inlines | Inline | str) -> Inlines:
    """Concatenate inline pieces; bare strings are renderer wording."""
    result: list[Inline] = []
    for part in parts:
        if isinstance(part, str):
            result.append(Text(part))
        elif isinstance(part, tuple):
            result.extend(part)
        else:
            result.append(part)
    return tuple(result)
