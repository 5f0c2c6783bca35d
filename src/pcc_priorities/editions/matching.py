"""Pairing the parts of two editions: by key, by similar words, and what moved."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Any, TypeVar

from pcc_priorities.model.narrative import Block, BulletList, Paragraph, Quotation, Subsection

__all__ = [
    "BLOCK_NAMES",
    "block_words",
    "longest_increasing",
    "match_keys",
    "moved",
    "pair_blocks",
    "similar",
]

T = TypeVar("T")


def match_keys(
    old: Sequence[T], new: Sequence[T], key: Callable[[T], Hashable]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair items with equal keys, in order; return pairs, unmatched old and unmatched new."""
    waiting: dict[Hashable, list[int]] = {}
    for index, item in enumerate(new):
        waiting.setdefault(key(item), []).append(index)
    pairs: list[tuple[int, int]] = []
    removed: list[int] = []
    for index, item in enumerate(old):
        queue = waiting.get(key(item))
        if queue:
            pairs.append((index, queue.pop(0)))
        else:
            removed.append(index)
    paired_new = {new_index for _, new_index in pairs}
    added = [index for index in range(len(new)) if index not in paired_new]
    return pairs, removed, added


def block_words(block: Block) -> str:
    """The words of a block, to compare two editions of it."""
    if isinstance(block, (Paragraph, Quotation)):
        return block.text
    if isinstance(block, BulletList):
        return "\n".join(block.items)
    return block.title


BLOCK_NAMES: dict[type[Any], str] = {
    Paragraph: "paragraph",
    BulletList: "list",
    Quotation: "quotation",
    Subsection: "subsection",
}


SIMILAR = 0.5


def similar(old: Block, new: Block) -> bool:
    """Whether two blocks are one block edited: the same kind, and similar words or title."""
    if type(old) is not type(new):
        return False
    if isinstance(old, Subsection) and isinstance(new, Subsection) and old.title == new.title:
        return True
    return text_similarity(block_words(old), block_words(new)) >= SIMILAR


def _common_start(first: str, second: str) -> int:
    """How many characters the two texts start with in common (by halving: C-speed compares)."""
    low, high = 0, min(len(first), len(second))
    while low < high:
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


#: Texts this long together are compared character by character, exactly as difflib does.
_EXACT_UP_TO = 400
#: A word, or a run of white space.
_TOKENS = re.compile(r"\s+|\S+")


def text_similarity(old: str, new: str) -> float:
    """How alike two texts are, from 0 to 1 (difflib's ratio, in time linear in the texts).

    Cheap bounds settle most pairs: the common start and end (one word changed in a long
    paragraph) give a lower bound, the characters in common an upper one. Between them, short
    texts (400 characters together) get difflib's own ratio; longer ones are compared by
    their words and runs of space, with difflib's heuristic for long sequences, rather than
    by their characters, which takes time growing with the square of their length.
    """
    total = len(old) + len(new)
    if old == new or total == 0:
        return 1.0
    start = _common_start(old, new)
    end = _common_start(old[start:][::-1], new[start:][::-1])
    lower = 2 * (start + end) / total
    if lower >= SIMILAR:
        return lower
    upper = 2 * sum((Counter(old) & Counter(new)).values()) / total
    if upper < SIMILAR:
        return upper
    if total <= _EXACT_UP_TO:  # short: difflib's own ratio, quickly
        return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio()
    # Words and the runs of space between them, so that space counts as difflib counts it.
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    tokens = difflib.SequenceMatcher(None, old_tokens, new_tokens)
    shared = sum(
        len("".join(old_tokens[block.a : block.a + block.size]))
        for block in tokens.get_matching_blocks()
    )
    return max(lower, 2 * shared / total)


def moved(pairs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """Return the matched (old, new) pairs that moved: outside a longest run kept in order."""
    ordered = sorted(pairs, key=lambda pair: pair[1])
    kept = longest_increasing([old_index for old_index, _ in ordered])
    return {pair for pair in ordered if pair[0] not in kept}


def longest_increasing(numbers: Sequence[int]) -> set[int]:
    """Return the members of a longest increasing subsequence (the sections that stayed)."""
    tails: list[int] = []
    previous: dict[int, int | None] = {}
    ends: list[int] = []
    for number in numbers:
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if tails[middle] < number:
                low = middle + 1
            else:
                high = middle
        previous[number] = ends[low - 1] if low else None
        if low == len(tails):
            tails.append(number)
            ends.append(number)
        else:
            tails[low] = number
            ends[low] = number
    kept: set[int] = set()
    current = ends[-1] if ends else None
    while current is not None:
        kept.add(current)
        current = previous[current]
    return kept


#: How many new blocks ahead an old block looks for its edited self: the work stays linear
#: in the number of blocks replaced.
PAIRING_WINDOW = 20


def pair_blocks(
    old: Sequence[Block], new: Sequence[Block], olds: list[int], news: list[int]
) -> Iterator[tuple[int | None, int | None]]:
    """Pair replaced blocks that are edits of each other; yield the rest as removed or added."""
    position = 0
    for old_index in olds:
        for offset in range(position, min(len(news), position + PAIRING_WINDOW)):
            if similar(old[old_index], new[news[offset]]):
                for added in news[position:offset]:
                    yield None, added
                yield old_index, news[offset]
                position = offset + 1
                break
        else:
            yield old_index, None
    for added in news[position:]:
        yield None, added
