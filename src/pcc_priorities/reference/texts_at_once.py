"""Many texts searched as one: joined once, with where each starts, for the acronym searches.

:class:`JoinedTexts` joins texts so that one regex search goes over all of them;
:class:`ReaderTexts` picks a statement's own words (not figures' texts) from the text walk's
rows and joins them, once per check, for every acronym rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import accumulate, compress, repeat
from operator import add, and_, is_not, itemgetter

from pcc_priorities.model.walk import TextKind, TextRow

__all__ = ["JoinedTexts", "ReaderTexts"]


#: Put between texts searched as one: neither an acronym nor a bracket's content can contain
#: it or run across it, and nothing before or after it reads as part of a word.
_BETWEEN = "()"


def _joined(texts: Sequence[str]) -> tuple[str, list[int]]:
    """The texts joined by :data:`_BETWEEN`, and where each starts in the joined text."""
    # Each text starts after the ones before it and a separator each: summed in C, not per text.
    starts = list(accumulate(map(add, map(len, texts), repeat(len(_BETWEEN))), initial=0))
    starts.pop()
    return _BETWEEN.join(texts), starts


class JoinedTexts:
    """Texts joined once, for :func:`find_acronyms_in` and :func:`find_definitions_in` both.

    Attributes:
        texts: The texts.
        joined: The texts joined by ``"()"``, which no acronym or bracket runs across.
        starts: Where each text starts in ``joined``.
    """

    __slots__ = ("joined", "starts", "texts")

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.joined, self.starts = _joined(texts)


class ReaderTexts:
    """A statement's own words in order (not figures' wordings or labels), joined once.

    What the acronym searches read: :func:`located_definitions` and the checker's acronym
    rules share one.

    Attributes:
        rows: The texts kept, as rows of ``text_rows``: (path, text, kind, section).
        orders: Each text's position among the rows it was made from: among all the
            statement's texts, or among its own words where only those were given.
        paths: Each text's path.
        joined: The texts, joined for the searches over many texts.
    """

    __slots__ = ("joined", "orders", "paths", "rows")

    def __init__(self, rows: Iterable[TextRow]) -> None:
        # Not figures' wordings (they repeat the narrative) nor their labels (table cells, not
        # where acronyms are spelled out). Kinds are compared by identity (hashing an enum
        # member for a set lookup calls Python code), and the rows are picked in C: a
        # statement has hundreds of texts.
        every = rows if isinstance(rows, Sequence) else list(rows)
        kinds = list(map(itemgetter(2), every))
        if TextKind.FIGURE in kinds or TextKind.FIGURE_LABEL in kinds:
            kept = list(
                map(
                    and_,
                    map(is_not, kinds, repeat(TextKind.FIGURE)),
                    map(is_not, kinds, repeat(TextKind.FIGURE_LABEL)),
                )
            )
            chosen = list(compress(every, kept))
            self.orders = list(compress(range(len(every)), kept))
        else:  # the statement's own words already (``text_rows(figures=False)``)
            chosen = list(every)
            self.orders = list(range(len(every)))
        self.rows = chosen
        self.paths = list(map(itemgetter(0), chosen))
        self.joined = JoinedTexts(list(map(itemgetter(1), chosen)))
