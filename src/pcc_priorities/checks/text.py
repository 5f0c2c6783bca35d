"""Text helpers the built-in rules share: placeholders, visible content, narrative and figures."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from pcc_priorities.checks.registry import CheckContext
from pcc_priorities.model.narrative import Block, BulletList, Paragraph, Quotation, Subsection
from pcc_priorities.model.statement import ApplicabilityAssessment, PrioritySection, Statement
from pcc_priorities.model.walk import Path, text_rows
from pcc_priorities.reference.national_frameworks import NationalPriority
from pcc_priorities.reference.texts_at_once import ReaderTexts

__all__ = ["is_placeholder_only", "placeholders"]


def reader_texts(context: CheckContext) -> ReaderTexts:
    """The statement's own words (not figures' texts), joined once; rules share one per check.

    Positions (``orders``) are among these texts only, which keeps their order.
    """
    return ReaderTexts(text_rows(context.statement, figures=False))


# --------------------------------------------------------------------------- helpers


def priority_label(priority: NationalPriority) -> str:
    return f"“{priority.title}” ({priority.id})"


_PLACEHOLDER_PHRASES = re.compile(
    r"\b(?:to be (?:confirmed|determined|added|inserted|provided|updated|agreed)"
    r"|in due course|coming soon|lorem ipsum|insert [\w ]{1,30}? here)\b"
    r"|\bto follow(?=\s*[.)\]]*\s*$)"
    # A bracket's placeholder ends at the first "]" (or ">"); another "[" (or "<") before it
    # ends the attempt, so that text of many "[insert " is read once, not once per bracket.
    r"|\[\s*(?:insert|add|tbc|tbd|todo)\b[^\]\[]*\]"
    r"|<\s*(?:insert|add)\b[^<>]*>",
    re.IGNORECASE,
)
PLACEHOLDER_TOKENS = re.compile(r"(?<![\w&])(?:TBC|TBD|TBA|tbc|tbd|tba|TODO|FIXME|X{2,})(?![\w&])")


#: What may follow "to be " in a placeholder phrase.
_TO_BE = ("confirmed", "determined", "added", "inserted", "provided", "updated", "agreed")


def placeholder_hint(text: str) -> bool:
    """Whether ``text`` holds something every placeholder match contains.

    Texts without any skip the expressions above, which are slow on long narrative. The
    lower-cased text holds one of: "due course", "coming soon", "lorem", "insert", "to follow",
    "[", "<", "tbc", "tbd", "tba", "todo", "fixme", "xx", or "to be " followed by one of
    :data:`_TO_BE`. Each search reads the whole text when it finds nothing, as it does in
    most statements, so searches that share a rare start are made as one: each "to be ",
    "tb" and "x" is looked at where it is found.
    """
    t = text.lower()
    if (
        "due course" in t or "coming soon" in t or "lorem" in t or "insert" in t
        or "to follow" in t or "[" in t or "<" in t or "todo" in t
    ):  # fmt: skip
        return True
    find = t.find
    at = find("tb")
    while at >= 0:
        if t.startswith(("tbc", "tbd", "tba"), at):
            return True
        at = find("tb", at + 2)
    at = find("x")
    while at >= 0:
        if t.startswith("xx", at) or (at >= 2 and t.startswith("fixme", at - 2)):
            return True
        at = find("x", at + 1)
    at = find("to be ")
    while at >= 0:
        if t.startswith(_TO_BE, at + 6):
            return True
        at = find("to be ", at + 6)
    return False


may_hold_placeholder = lru_cache(maxsize=8192)(placeholder_hint)


def placeholders(text: str) -> list[str]:
    """Return the placeholder wordings in ``text`` ("TBC", "to follow", "in due course")."""
    if not may_hold_placeholder(text):
        return []
    found = [match.group() for match in _PLACEHOLDER_PHRASES.finditer(text)]
    found.extend(match.group() for match in PLACEHOLDER_TOKENS.finditer(text))
    return found


def is_placeholder_only(text: str) -> bool:
    """Return whether ``text`` says nothing but that something will come ("To follow.")."""
    if not may_hold_placeholder(text):
        return False
    rest = PLACEHOLDER_TOKENS.sub(" ", _PLACEHOLDER_PHRASES.sub(" ", text))
    return len(re.findall(r"\w+", rest)) < 3 and bool(placeholders(text))


@lru_cache(maxsize=8192)
def visible_text(text: str) -> str:
    """Return ``text`` without format and control characters, and stripped of whitespace.

    Zero-width and other format characters (Unicode category Cf, such as U+200B) and control
    characters (Cc) show nothing, and ``str.strip`` keeps them.
    """
    if text.isprintable():
        return text.strip()
    kept = "".join(
        char for char in text if char.isspace() or unicodedata.category(char) not in {"Cf", "Cc"}
    )
    return kept.strip()


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: :func:`visible_text` would return "".

    Quicker on long text: a text whose first character after leading whitespace is printable
    shows that character, so only the rest of texts need the whole look.
    """
    stripped = text.lstrip()
    if not stripped:
        return True
    if stripped[0].isprintable():
        return False
    return not visible_text(text)


def has_content(text: str) -> bool:
    """Whether ``text`` shows a reader something other than a placeholder ("TBC")."""
    visible = visible_text(text)
    return bool(visible) and not is_placeholder_only(visible)


def any_content(items: tuple[str, ...]) -> bool:
    return any(has_content(item) for item in items)


def has_narrative(blocks: tuple[Block, ...]) -> bool:
    for block in blocks:
        if isinstance(block, (Paragraph, Quotation)) and has_content(block.text):
            return True
        if isinstance(block, BulletList) and any(has_content(item) for item in block.items):
            return True
        if isinstance(block, Subsection) and has_narrative(block.blocks):
            return True
    return False


def has_figures(section: PrioritySection) -> bool:
    if section.metrics or section.figures:
        return True

    def walk(blocks: tuple[Block, ...]) -> bool:
        return any(
            isinstance(block, Subsection) and (bool(block.figures) or walk(block.blocks))
            for block in blocks
        )

    return walk(section.blocks)


def first_sections(statement: Statement) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, section in enumerate(statement.sections):
        found.setdefault(section.priority, index)
    return found


def grouped_assessments(
    statement: Statement, context: CheckContext
) -> Iterator[tuple[ApplicabilityAssessment, Path, list[NationalPriority]]]:
    """Each assessment in use, once, with the framework priorities it covers."""
    if context.framework is None:
        return
    groups: dict[Path, tuple[ApplicabilityAssessment, list[NationalPriority]]] = {}
    for priority in context.framework.priorities:
        found = context.assessment(priority.id)
        if found is not None:
            assessment, path = found
            groups.setdefault(path, (assessment, []))[1].append(priority)
    for path, (assessment, covered) in groups.items():
        yield assessment, path, covered


def priority_list(covered: list[NationalPriority]) -> str:
    if len(covered) == 1:
        return f"the priority {priority_label(covered[0])}"
    return f"{len(covered)} priorities"


def is_are(covered: list[NationalPriority]) -> str:
    """The verb that agrees with :func:`priority_list`: "is" for one priority, else "are"."""
    return "is" if len(covered) == 1 else "are"


def sentence_start(text: str) -> str:
    """``text`` with its first letter capitalised and the rest as written.

    ``str.capitalize`` lower-cases the rest, which would change a quoted title.
    """
    return text[:1].upper() + text[1:]


def contribution_covers(statement: Statement, priority: str) -> bool:
    """Whether the statement of contribution covers ``priority`` and says something."""
    contribution = statement.contribution
    return (
        contribution is not None
        and contribution.covers(priority)
        and has_narrative(contribution.blocks)
    )
