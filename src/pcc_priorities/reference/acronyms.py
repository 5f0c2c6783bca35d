"""Acronyms in text: where a text uses one, where it spells one out, and a statement's own.

- :func:`find_acronyms` finds acronyms in a text ("OCG", "DVPNs", "S&H"), with their spans;
- :func:`find_definitions` finds where a text spells an acronym out, in either of the two
  usual forms: "organised crime groups (OCG)" and "OCG (organised crime group)";
- :func:`defined_acronyms` gives every acronym a statement defines, in its glossary or inline,
  with its expansion and where it is defined.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from attrs import frozen

from pcc_priorities.model.statement import Statement
from pcc_priorities.model.walk import (
    TextAtPath,
    TextKind,
    iter_texts,
    pointer,
    text_rows,
)
from pcc_priorities.reference.glossary import AcronymGlossary, acronym_key, shipped_glossary
from pcc_priorities.reference.texts_at_once import JoinedTexts, ReaderTexts

__all__ = [
    "AcronymDefinition",
    "AcronymUse",
    "InlineDefinition",
    "JoinedTexts",
    "ReaderTexts",
    "acronym_definitions",
    "acronym_expansions",
    "defined_acronyms",
    "find_acronyms",
    "find_acronyms_in",
    "find_definitions",
    "find_definitions_in",
]


# --------------------------------------------------------------------------- finding acronyms


@frozen(kw_only=True)
class AcronymUse:
    """An acronym as it occurs in a text.

    Attributes:
        term: The acronym without a plural ending ("DVPN" for "DVPNs").
        text: The acronym as written ("DVPNs").
        start: Where it starts in the text.
        end: Where it ends in the text (exclusive).
    """

    term: str
    text: str
    start: int
    end: int


# A run of capitals, digits and inner '&' of two characters or more, starting with a capital;
# a plural 's' may follow. Words with other lower-case letters never match, so ordinary prose
# costs the regex alone. The pattern starts with its first character so the regex engine can
# skip ahead; find_acronyms checks that no letter, digit, '_' or '&' comes before it, that it
# has two capitals, and that it is no Roman numeral.
_CANDIDATE = re.compile(r"[A-Z][A-Z0-9&]*[A-Z0-9]s?(?![\w&])")
#: Each character of a text as a byte of its class: a capital "A", a digit or "&" "0", anything
#: else " " (a character beyond ASCII is first encoded as one "?", so offsets stay the same).
_CLASSES = bytes(
    65 if 65 <= byte <= 90 else 48 if 48 <= byte <= 57 or byte == 38 else 32 for byte in range(256)
)
#: Where a candidate can start: a capital followed by a capital, a digit or "&".
_CANDIDATE_START = re.compile(rb"A(?=[A0])")


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """The matches ``_CANDIDATE.finditer(text)`` gives, found much sooner in long prose.

    Every candidate starts with a capital followed by a capital, a digit or "&". The regex
    engine tests every character of ``text`` against its first character class; here the
    characters are mapped to their classes by a byte table, places such a pair starts are found
    by a search for one byte, and the pattern is tried only there, from left to right, skipping
    what the last match took, as ``finditer`` does.
    """
    if len(text) < 2:
        return
    classes = text.encode("ascii", "replace").translate(_CLASSES)
    match = _CANDIDATE.match
    resume = 0
    for start in _CANDIDATE_START.finditer(classes):
        position = start.start()
        if position < resume:
            continue
        found = match(text, position)
        if found is not None:
            resume = found.end()
            yield found


#: Roman numerals of I, V and X only: "CD" and "DC" are far more often acronyms.
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")


def _is_acronym(word: str) -> bool:
    core = word[:-1] if word.endswith("s") else word
    if not core.isupper():  # a lower-case letter (it has a capital: it starts with one)
        return False
    capitals = sum(1 for ch in core if ch.isupper())
    return capitals >= 2 and not _ROMAN.fullmatch(core)


_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"


def _shouting(text: str) -> bool:
    if len(text) < 24:
        return False
    # Quick answer for ordinary prose: with 40% of all characters lower-case, at most 60% of
    # the letters can be capitals.
    ascii_text = text.encode("ascii", "ignore")
    lower_case = len(ascii_text) - len(ascii_text.translate(None, _ASCII_LOWER))
    if lower_case >= 0.4 * len(text):
        return False
    letters = sum(map(str.isalpha, text))
    return letters >= 24 and sum(map(str.isupper, text)) / letters > 0.6


def find_acronyms(text: str) -> Iterator[AcronymUse]:
    """Yield each acronym in ``text``, in order.

    An acronym is a word of at least two capital letters with no lower-case letters ("OCG",
    "HMICFRS", "S&H"), optionally with a plural "s" ("DVPNs"). Roman numerals and text written
    all in capitals (a shouted heading) are not acronyms.
    """
    if _shouting(text):
        return
    for match in _candidates(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_&"):
            continue
        word = match.group()
        if _is_acronym(word):
            yield AcronymUse(term=acronym_key(word), text=word, start=start, end=match.end())


# --------------------------------------------------------------------------- many texts at once


def find_acronyms_in(texts: Sequence[str] | JoinedTexts) -> Iterator[tuple[int, AcronymUse]]:
    """Yield ``(index, use)`` for each acronym of each text, in order.

    The same as :func:`find_acronyms` on each text in turn (offsets are within each text),
    found by one search over all of them, which is much quicker for many short texts. Pass
    :class:`JoinedTexts` to search texts already joined for another search.
    """
    found = texts if isinstance(texts, JoinedTexts) else JoinedTexts(texts)
    texts, joined, starts = found.texts, found.joined, found.starts
    last = len(starts) - 1
    index = 0
    shouting: dict[int, bool] = {}
    for match in _candidates(joined):
        start = match.start()
        while index < last and starts[index + 1] <= start:
            index += 1
        # The character before is in the same text, or is the ")" between texts.
        if start and (joined[start - 1].isalnum() or joined[start - 1] in "_&"):
            continue
        word = match.group()
        if not _is_acronym(word):
            continue
        if index not in shouting:
            shouting[index] = _shouting(texts[index])
        if not shouting[index]:
            offset = starts[index]
            yield (
                index,
                AcronymUse(
                    term=acronym_key(word),
                    text=word,
                    start=start - offset,
                    end=match.end() - offset,
                ),
            )


# --------------------------------------------------------------------------- inline definitions


@frozen(kw_only=True)
class InlineDefinition:
    """A place where a text spells an acronym out.

    Attributes:
        term: The acronym without a plural ending ("LPA" for "Local Policing Areas (LPAs)").
        expansion: What the text says it stands for, as written ("Local Policing Areas").
        start: Where the definition starts in the text: the expansion in "organised crime
            groups (OCG)", the acronym in "OCG (organised crime group)".
        end: Where the definition ends (exclusive), after the closing parenthesis.
    """

    term: str
    expansion: str
    start: int
    end: int


_PARENTHESIS = re.compile(r"\(([^()]*)\)")
#: Brackets with something in them: empty ones ("()", as between joined texts) define nothing,
#: and no other brackets can take their characters.
_FILLED_PARENTHESIS = re.compile(r"\(([^()]+)\)")
_WORD = re.compile(r"\S+")
_QUOTES = "\"'‘’“”«»"
_EDGE = _QUOTES + ".,;:!?()[]{}"
_CLAUSE_END = ".,;:!?"
#: The most letters an acronym that is spelled out can have ("HMICFRS" has seven).
_MAX_LETTERS = 12
#: How far before an acronym in brackets its expansion is looked for, in characters.
_WINDOW = 400
#: Words an acronym may skip ("Theft from the person (TFP)" skips "the").
_SKIPPABLE = frozenset(
    {"a", "an", "and", "&", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)


def _letters(term: str) -> str:
    return "".join(ch for ch in term.upper() if ch.isalpha())


def _clean(token: str) -> str:
    word = token.strip(_EDGE)
    for ending in ("'s", "’s", "'", "’"):
        if word.endswith(ending) and len(word) > len(ending):
            word = word[: -len(ending)]
            break
    return word


def _options(token: str) -> list[str]:
    """The letters one word can stand for in an acronym."""
    word = _clean(token)
    if not word:
        return []
    parts = [part for part in re.split(r"[-‐–/]", word) if part]
    options: list[str] = []
    if word.isupper() and len(_letters(word)) >= 2:
        options.append(_letters(word))  # an acronym inside an expansion: "theft from MV"
    if parts and parts[0][:1].isalpha():
        options.append(parts[0][0].upper())
    if len(parts) > 1 and all(part[:1].isalpha() for part in parts):
        options.append("".join(part[0].upper() for part in parts))  # "Anti-Social" → AS
    return options


def _spelling_starts(letters: str, tokens: Sequence[str]) -> list[int]:
    """Return each ``i``, last first, such that ``tokens[i:]`` spell ``letters``.

    The first and the last of the tokens must each give letters; small words between them
    may be skipped. One table of partial results serves every start, so the work is
    proportional to the letters times the tokens.
    """
    if not tokens or not letters:
        return []
    options = [_options(token) for token in tokens]
    skippable = [_clean(token).casefold() in _SKIPPABLE for token in tokens]
    last = len(tokens) - 1

    @cache
    def rest(position: int, index: int) -> bool:
        if index > last:
            return position == len(letters)
        if skippable[index] and index < last and rest(position, index + 1):
            return True
        return any(
            letters.startswith(option, position) and rest(position + len(option), index + 1)
            for option in options[index]
        )

    return [
        index
        for index in range(last, -1, -1)
        if any(
            letters.startswith(option) and rest(len(option), index + 1) for option in options[index]
        )
    ]


def _term_letters(term: str) -> list[str]:
    key = acronym_key(term)
    letters = _letters(key)
    candidates = [letters]
    if key.endswith("S") and len(letters) > 2:
        candidates.append(letters[:-1])  # "Suspicious Activity Reports (SARS)"
    return candidates


def _acronym_only(content: str) -> str | None:
    if len(content) > 4 * _MAX_LETTERS:
        return None
    stripped = content.strip().strip(_QUOTES)
    if (
        _WORD.fullmatch(stripped)
        and _is_acronym(stripped)
        and len(_letters(stripped)) <= _MAX_LETTERS
    ):
        return stripped
    return None


def _possessive(text: str) -> str:
    for ending in ("'s", "’s"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def _expansion_before(text: str, end: int, term: str) -> tuple[int, str] | None:
    """Find the words just before ``end`` that spell ``term``; return (start, expansion)."""
    limit = 2 * len(term) + 4  # words: every letter's word and a small word between each
    window = max(0, end - min(_WINDOW, 20 * (limit + 1)))
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, window, end)]
    if window > 0 and words:
        words = words[1:]  # the first word may be cut by the window
    kept: list[tuple[int, int, str]] = []
    for start, stop, word in reversed(words):
        if "(" in word or ")" in word or (kept and word.rstrip(_QUOTES)[-1:] in _CLAUSE_END):
            break
        kept.append((start, stop, word))
        if len(kept) > limit:
            break
    kept.reverse()
    # An expansion has words, not only capitals: "OCG OCG (OCG)" defines nothing.
    worded = [any(ch.islower() for ch in word) for _, _, word in kept]
    for letters in _term_letters(term):
        for index in _spelling_starts(letters, [word for _, _, word in kept]):
            if any(worded[index:]):
                first = kept[index][2]
                start = kept[index][0] + len(first) - len(first.lstrip(_EDGE))
                expansion = _possessive(text[start : kept[-1][1]].strip(_EDGE + " "))
                return start, expansion
    return None


def _expansion_inside(content: str, term: str) -> str | None:
    """Return the parenthesised ``content`` if it spells ``term`` (up to a comma)."""
    clause = re.split(r"[,;:]", content, maxsplit=1)[0].strip().strip(_QUOTES).strip()
    tokens = clause.split()
    if not tokens or not any(ch.islower() for ch in clause):
        return None
    for letters in _term_letters(term):
        if 0 in _spelling_starts(letters, tokens):
            return clause
    return None


def find_definitions(text: str) -> Iterator[InlineDefinition]:
    """Yield each place ``text`` spells an acronym out, in order.

    Two forms are recognised, as style guides recommend them: the expansion followed by the
    acronym in brackets ("Local Policing Areas (LPAs)", "‘most similar groups’ (MSG)") and
    the acronym followed by its expansion in brackets ("IOM (Integrated Offender
    Management)", "UNODC(United Nations Office of Drugs and Crime)"). The initials of the
    expansion must spell the acronym; small words ("of", "and", "the") may be skipped,
    hyphenated words may give one letter or one per part, and an acronym inside the
    expansion gives its own letters ("theft from MV (TFMV)").
    """
    for match in _PARENTHESIS.finditer(text):
        yield from _definitions_at(text, match)


def find_definitions_in(
    texts: Sequence[str] | JoinedTexts,
) -> Iterator[tuple[int, InlineDefinition]]:
    """Yield ``(index, definition)`` for each place a text spells an acronym out, in order.

    The same as :func:`find_definitions` on each text in turn (offsets are within each
    text), with one search for brackets over all of them. Pass :class:`JoinedTexts` to search
    texts already joined for another search.
    """
    found = texts if isinstance(texts, JoinedTexts) else JoinedTexts(texts)
    texts, joined, starts = found.texts, found.joined, found.starts
    last = len(starts) - 1
    index = 0
    for match in _FILLED_PARENTHESIS.finditer(joined):
        start = match.start()
        while index < last and starts[index + 1] <= start:
            index += 1
        text = texts[index]
        local = start - starts[index]
        if local >= len(text):
            continue  # the "()" between two texts
        # Brackets cannot run across texts: the same match, within the text.
        within = _PARENTHESIS.match(text, local)
        if within is not None:  # pragma: no branch - always, by the argument above
            for definition in _definitions_at(text, within):
                yield index, definition


def _definitions_at(text: str, match: re.Match[str]) -> Iterator[InlineDefinition]:
    """The definition the brackets ``match`` in ``text`` give, if any."""
    content = match.group(1)
    inner = _acronym_only(content)
    if inner is not None:
        found = _expansion_before(text, match.start(), inner)
        if found is not None:
            start, expansion = found
            yield InlineDefinition(
                term=acronym_key(inner), expansion=expansion, start=start, end=match.end()
            )
        return
    window = max(0, match.start() - 2 * _MAX_LETTERS)
    before = text[window : match.start()].rstrip()
    word = _WORD.search(before[::-1])
    if word is None:
        return
    candidate = _clean(before[len(before) - word.end() :])
    if not _is_acronym(candidate) or len(_letters(candidate)) > _MAX_LETTERS:
        return
    inside = _expansion_inside(content, candidate)
    if inside is not None:
        yield InlineDefinition(
            term=acronym_key(candidate),
            expansion=inside,
            start=window + before.rfind(candidate),
            end=match.end(),
        )


# --------------------------------------------------------------------------- a statement's acronyms


@frozen(kw_only=True)
class AcronymDefinition:
    """An acronym a statement spells out, in its glossary or in its text.

    Attributes:
        term: The acronym without a plural ending ("OCG").
        expansion: What the statement says it stands for.
        path: Where it is spelled out, as a JSON Pointer (a glossary entry or a text).
        inline: True if spelled out in the text, False if in the statement's glossary.
        start: Where the definition starts in the text, for inline definitions.
        end: Where it ends in the text (exclusive), for inline definitions.
    """

    term: str
    expansion: str
    path: str
    inline: bool
    start: int | None = None
    end: int | None = None


def located_definitions(
    statement: Statement, texts: Iterable[TextAtPath] | ReaderTexts | None = None
) -> Iterator[tuple[int, AcronymDefinition]]:
    """Yield (order, definition): glossary entries first (order -1), then texts in order.

    ``texts`` is ``iter_texts(statement)`` (or its :class:`ReaderTexts`) where the caller has
    it already.
    """
    for index, entry in enumerate(statement.glossary):
        term = acronym_key(entry.term)
        if term and entry.expansion.strip():
            yield (
                -1,
                AcronymDefinition(
                    term=term,
                    expansion=entry.expansion.strip(),
                    path=pointer(("glossary", index)),
                    inline=False,
                ),
            )
    if isinstance(texts, ReaderTexts):
        reader = texts
    elif texts is None:
        reader = ReaderTexts(text_rows(statement))
    else:
        reader = ReaderTexts((item.path, item.text, item.kind, item.section) for item in texts)
    for index, found in find_definitions_in(reader.joined):
        yield (
            reader.orders[index],
            AcronymDefinition(
                term=found.term,
                expansion=found.expansion,
                path=pointer(reader.paths[index]),
                inline=True,
                start=found.start,
                end=found.end,
            ),
        )


def acronym_definitions(statement: Statement) -> tuple[AcronymDefinition, ...]:
    """Return every acronym definition in ``statement``: glossary entries, then the text's.

    Inline definitions come in document order. Figures' wordings are not searched: they
    repeat the narrative.
    """
    # The statement's own words only, read without the figures' texts at all.
    own = ReaderTexts(text_rows(statement, figures=False))
    return tuple(definition for _, definition in located_definitions(statement, own))


def defined_acronyms(statement: Statement) -> dict[str, AcronymDefinition]:
    """Return the acronyms ``statement`` spells out, each with its first definition.

    Keys are acronyms without a plural ending ("OCG"), in the order they are first defined;
    a glossary entry comes before any inline definition of the same acronym. Look an
    acronym as written up with :func:`acronym_key` ("OCGs" → "OCG"); a renderer can mark up
    each :func:`find_acronyms` result with ``defined_acronyms(statement)[use.term]``.
    """
    found: dict[str, AcronymDefinition] = {}
    for definition in acronym_definitions(statement):
        found.setdefault(definition.term, definition)
    return found


def acronym_expansions(
    statement: Statement, glossary: AcronymGlossary | None = None
) -> dict[str, str]:
    """Return an expansion for every acronym ``statement`` uses, for marking up its text.

    The statement's own definitions (its glossary, then the text's "Organised Crime Groups
    (OCG)" asides) come first; acronyms it uses without spelling out take the first
    expansion in ``glossary`` (default: the shipped glossary). Keys are acronyms without a
    plural ending ("OCG" for "OCGs"), as renderers match plurals themselves; acronyms found
    in neither are left out rather than guessed.
    """
    chosen = glossary or shipped_glossary()
    own = defined_acronyms(statement)
    expansions: dict[str, str] = {term: definition.expansion for term, definition in own.items()}
    for found in iter_texts(statement):
        if found.kind is TextKind.FIGURE_LABEL:
            continue
        for use in find_acronyms(found.text):
            if use.term in expansions:
                continue
            entry = chosen.get(use.text)
            if entry is not None:
                expansions[use.term] = entry.expansions[0]
    return expansions
