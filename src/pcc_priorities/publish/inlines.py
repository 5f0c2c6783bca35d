"""Inline content: statement text split into words and abbreviations, and joining pieces."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pcc_priorities.publish.messages import _
from pcc_priorities.publish.tree import (
    Abbr,
    Inline,
    Inlines,
    Link,
    Status,
    Strong,
    Text,
    text_piece,
)

__all__ = [
    "Acronyms",
    "Joined",
    "adds_to",
    "blank",
    "comma_separated",
    "join_inlines",
    "plain_text",
    "renderer_words",
]


#: Texts up to this long are split once per page (:meth:`Acronyms.split`).
_SPLIT_KEPT = 200

#: Terms longer than this are tried one by one (they are few), so the tree stays shallow.
_TREE_DEPTH = 100


def _trie(terms: list[str]) -> str:
    """A pattern matching any of ``terms``, the longest first, as a tree of shared prefixes.

    An alternation of every term makes the matcher try each term at each position, so the
    time grows with terms times text; a tree tries one path.
    """
    long = sorted((term for term in terms if len(term) > _TREE_DEPTH), key=lambda t: -len(t))
    tree: dict[str, dict[str, Any]] = {}
    for term in terms:
        if len(term) > _TREE_DEPTH:
            continue
        node = tree
        for character in term:
            node = node.setdefault(character, {})
        node[""] = {}

    def pattern(node: dict[str, dict[str, Any]]) -> str:
        branches = [re.escape(key) + pattern(child) for key, child in sorted(node.items()) if key]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "|".join([*(re.escape(term) for term in long), pattern(tree)])


class Acronyms:
    """Finds abbreviations in text and pairs them with their expansions."""

    def __init__(self, expansions: Mapping[str, str]) -> None:
        self.expansions = {
            term: expansion for term, expansion in expansions.items() if term.strip()
        }
        self.used: set[str] = set()
        self.pattern = (
            re.compile(r"(?<!\w)(" + _trie(sorted(self.expansions)) + r")(?=s?(?!\w))")
            if self.expansions
            else None
        )
        #: Short texts already split: a page repeats its periods, measures and areas.
        self.split_texts: dict[str, Inlines] = {}

    def split(self, text: str) -> Inlines:
        """Return ``text`` as text and abbreviations."""
        if len(text) <= _SPLIT_KEPT:
            split = self.split_texts.get(text)
            if split is None:
                split = self.split_texts[text] = self._split(text)
            return split
        return self._split(text)

    def _split(self, text: str) -> Inlines:
        if self.pattern is None or not text:
            return (text_piece(text) if type(text) is str else Text(text),)
        parts: list[Inline] = []
        position = 0
        for match in self.pattern.finditer(text):
            term = match.group(1)
            if match.start() > position:
                parts.append(text_piece(text[position : match.start()]))
            parts.append(Abbr(term, self.expansions[term]))
            self.used.add(term)
            position = match.end()
        if position < len(text) or not parts:
            parts.append(text_piece(text[position:]))
        return tuple(parts)


def renderer_words(message: str) -> Inlines:
    """Return the renderer's words ``message`` (English), in the page's language, as content.

    ``message`` is looked up in the page's message catalogue (:mod:`.messages`); give it a
    literal string (or one marked with ``N_``), so that the extraction tool finds it.
    """
    return (text_piece(_(message)),)


def blank(content: Inlines) -> bool:
    """Return whether inline content has no visible characters."""
    if len(content) == 1 and type(content[0]) is Text:  # the commonest case, at once
        return not content[0].text.strip()
    return all(not getattr(piece, "text", "").strip() for piece in content)


class Joined(str):
    """Texts joined by NUL into one string, so that a wording is looked for in one pass.

    A wording without a NUL is in the joined string exactly when it is in one of the texts;
    :func:`adds_to` looks for a wording with a NUL in each text (:attr:`parts`) instead.
    """

    parts: tuple[str, ...]

    def __new__(cls, texts: Sequence[str]) -> Joined:
        """Join ``texts``, keeping them."""
        joined = super().__new__(cls, "\x00".join(texts))
        joined.parts = tuple(texts)
        return joined


def adds_to(wording: str, shown: Sequence[str]) -> bool:
    """Return whether a published wording says more than the wordings already ``shown``."""
    for earlier in shown:
        if isinstance(earlier, Joined) and (not earlier.parts or "\x00" in wording):
            if any(wording in part for part in earlier.parts):
                return False
        elif wording in earlier:
            return False
    return True


def comma_separated(parts: Sequence[Inlines]) -> Inlines:
    """Join inline pieces with commas."""
    result: list[Inline] = []
    for index, part in enumerate(parts):
        if index:
            result.append(text_piece(", "))
        result.extend(part)
    return tuple(result)


def join_inlines(*parts: Inlines | Inline | str) -> Inlines:
    """Concatenate inline pieces; bare strings are renderer wording."""
    result: list[Inline] = []
    for part in parts:
        if type(part) is tuple:
            result.extend(part)
        elif type(part) is str:
            result.append(text_piece(part))  # the commonest case, without calling Text
        elif isinstance(part, tuple):
            result.extend(part)
        elif isinstance(part, str):
            result.append(Text(part))
        else:
            result.append(part)
    return tuple(result)


#: The inline pieces that are words (a tuple: ``A | B`` would make a union at every test).
_WORDED = (Text, Abbr, Strong, Status)


def plain_text(content: Inlines) -> str:
    """Inline content as plain text (abbreviations as written, links as their words)."""
    if len(content) == 1 and type(content[0]) is Text:
        return content[0].text
    parts: list[str] = []
    for piece in content:
        if type(piece) is Text or isinstance(piece, _WORDED):
            parts.append(piece.text)
        elif isinstance(piece, Link):
            parts.append(plain_text(piece.content))
    return "".join(parts)
