"""What changed between two editions of a statement, with JSON Pointer paths into each.

Priority sections are matched by priority id, metrics by id, figures by id (or by measure,
metric and area where they have none), plans by title and glossary entries by term, so a
section that moved is reported as moved rather than as removed and added (metrics and
figures that moved within a section too), suppressions by rule and path. Narrative is
aligned block by block: a block that is only in one edition is added or removed, and a
block of the same kind in the same place with similar words is edited.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Hashable, Iterator, Sequence
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

import attrs
from attrs import frozen

from pcc_priorities._codegen import json_text
from pcc_priorities._converter import converter
from pcc_priorities._jsonvalue import JSONValue, freeze, thaw
from pcc_priorities._model import (
    Block,
    BulletList,
    Figure,
    GlossaryEntry,
    MetricReference,
    Paragraph,
    PlanReference,
    PrioritySection,
    Quotation,
    Statement,
    Subsection,
    Suppression,
)

__all__ = [
    "Difference",
    "DifferenceKind",
    "StatementDiff",
    "diff",
    "diff_to_json",
    "diff_to_text",
]

T = TypeVar("T")


class DifferenceKind(StrEnum):
    """What kind of change a :class:`Difference` is."""

    #: A statement-level detail: title, edition, dates, body, force, periods, review, plans,
    #: glossary, suppressions, a priority section's title.
    DETAIL_CHANGED = "detail_changed"
    PRIORITY_ADDED = "priority_added"
    PRIORITY_REMOVED = "priority_removed"
    #: A priority section is in a different place among the sections both editions have.
    PRIORITY_MOVED = "priority_moved"
    #: The statement-wide or a section's applicability assessment (para 7A(b)).
    APPLICABILITY_CHANGED = "applicability_changed"
    METRIC_ADDED = "metric_added"
    METRIC_REMOVED = "metric_removed"
    METRIC_CHANGED = "metric_changed"
    #: A metric is in a different place among the metrics both editions' section has.
    METRIC_MOVED = "metric_moved"
    FIGURE_ADDED = "figure_added"
    FIGURE_REMOVED = "figure_removed"
    #: One attribute of a figure: its value, unit, period, comparisons, wording...
    FIGURE_CHANGED = "figure_changed"
    #: A figure is in a different place among the figures both editions have there.
    FIGURE_MOVED = "figure_moved"
    NARRATIVE_ADDED = "narrative_added"
    NARRATIVE_REMOVED = "narrative_removed"
    NARRATIVE_EDITED = "narrative_edited"


@frozen(kw_only=True)
class Difference:
    """One change from the old edition to the new.

    Attributes:
        kind: What kind of change it is.
        where: Where it is, in words ("Reduce serious violence › Reflections on force
            performance").
        summary: What changed, in a sentence.
        old_path: A JSON Pointer into the old document; None for something added.
        new_path: A JSON Pointer into the new document; None for something removed.
        old: The old value as canonical JSON data; None for something added.
        new: The new value as canonical JSON data; None for something removed.
    """

    kind: DifferenceKind
    where: str
    summary: str
    old_path: str | None = None
    new_path: str | None = None
    old: JSONValue = None
    new: JSONValue = None


@frozen(kw_only=True)
class StatementDiff:
    """Every change between two editions of a statement, in document order.

    Attributes:
        old_label: The old edition, in words (its title and edition label).
        new_label: The new edition, in words.
        differences: The changes.
    """

    old_label: str
    new_label: str
    differences: tuple[Difference, ...]

    def __bool__(self) -> bool:
        return bool(self.differences)

    def counts(self) -> dict[str, int]:
        """Return how many differences there are of each kind, in kind order."""
        counted = {kind.value: 0 for kind in DifferenceKind}
        for difference in self.differences:
            counted[difference.kind.value] += 1
        return {kind: count for kind, count in counted.items() if count}


# --------------------------------------------------------------------------- helpers


def _data(value: object, type_: Any = None) -> JSONValue:
    """Return a model value as frozen canonical JSON data."""
    if value is None:
        return None
    unstructured = converter(detailed=False).unstructure(value, type_ or type(value))
    return freeze(unstructured)


def _pointer(*parts: str | int) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def _quote(text: str, limit: int = 60) -> str:
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return json.dumps(short, ensure_ascii=False)


def _compact(value: JSONValue) -> str:
    """Return a value on one line for the text report."""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    return json.dumps(thaw(value), ensure_ascii=False, default=lambda number: format(number, "f"))


def _match(
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


def _block_words(block: Block) -> str:
    if isinstance(block, Paragraph | Quotation):
        return block.text
    if isinstance(block, BulletList):
        return "\n".join(block.items)
    return block.title


_BLOCK_NAMES: dict[type[Any], str] = {
    Paragraph: "paragraph",
    BulletList: "list",
    Quotation: "quotation",
    Subsection: "subsection",
}
_SIMILAR = 0.5


def _similar(old: Block, new: Block) -> bool:
    if type(old) is not type(new):
        return False
    if isinstance(old, Subsection) and isinstance(new, Subsection) and old.title == new.title:
        return True
    ratio = difflib.SequenceMatcher(None, _block_words(old), _block_words(new), autojunk=False)
    return ratio.ratio() >= _SIMILAR


# --------------------------------------------------------------------------- the walk


class _Differ:
    def __init__(self) -> None:
        self.found: list[Difference] = []

    def add(self, kind: DifferenceKind, where: str, summary: str, **rest: Any) -> None:
        self.found.append(Difference(kind=kind, where=where, summary=summary, **rest))

    def statement(self, old: Statement, new: Statement) -> None:
        where = "Statement"
        for name in (
            "title",
            "edition",
            "language",
            "published",
            "framework",
            "body",
            "force",
            "prepared_by",
            "periods",
            "sections_heading",
            "review",
            "source_url",
            "extensions",
        ):
            self.detail(where, name, getattr(old, name), getattr(new, name), old_at=(), new_at=())
        self.blocks(where + " › preamble", old.preamble, new.preamble, ("preamble",), ("preamble",))
        self.applicability(where, old, new, (), ())
        self.blocks(
            where + " › introduction",
            old.introduction,
            new.introduction,
            ("introduction",),
            ("introduction",),
        )
        self.sections(old.sections, new.sections)
        self.keyed(
            where,
            "plan",
            "plans",
            old.plans,
            new.plans,
            key=lambda plan: plan.title,
            type_=PlanReference,
        )
        self.keyed(
            where,
            "glossary entry",
            "glossary",
            old.glossary,
            new.glossary,
            key=lambda entry: entry.term,
            type_=GlossaryEntry,
        )
        self.keyed(
            where,
            "suppression",
            "suppressions",
            old.suppressions,
            new.suppressions,
            key=lambda suppression: (suppression.rule, suppression.path),
            type_=Suppression,
            label=_suppression_label,
        )

    def detail(
        self,
        where: str,
        name: str,
        old: object,
        new: object,
        *,
        old_at: tuple[str | int, ...],
        new_at: tuple[str | int, ...],
    ) -> None:
        if old == new:
            return
        old_data, new_data = _plain(old), _plain(new)
        self.add(
            DifferenceKind.DETAIL_CHANGED,
            where,
            f"{name.replace('_', ' ')}: {_compact(old_data)} → {_compact(new_data)}",
            old_path=_pointer(*old_at, name),
            new_path=_pointer(*new_at, name),
            old=old_data,
            new=new_data,
        )

    def applicability(
        self,
        where: str,
        old: Statement | PrioritySection,
        new: Statement | PrioritySection,
        old_at: tuple[str | int, ...],
        new_at: tuple[str | int, ...],
    ) -> None:
        if old.applicability == new.applicability:
            return
        before = old.applicability.status.value if old.applicability else "not stated"
        after = new.applicability.status.value if new.applicability else "not stated"
        words = (
            f"applicability: {before} → {after}"
            if before != after
            else f"applicability ({after}): reasons or wording changed"
        )
        self.add(
            DifferenceKind.APPLICABILITY_CHANGED,
            where,
            words.replace("_", " "),
            old_path=_pointer(*old_at, "applicability"),
            new_path=_pointer(*new_at, "applicability"),
            old=_data(old.applicability),
            new=_data(new.applicability),
        )

    def sections(self, old: Sequence[PrioritySection], new: Sequence[PrioritySection]) -> None:
        pairs, removed, added = _match(old, new, lambda section: section.priority)
        for index in removed:
            section = old[index]
            self.add(
                DifferenceKind.PRIORITY_REMOVED,
                section.title,
                f"priority section removed: {_quote(section.title)} ({section.priority})",
                old_path=_pointer("sections", index),
                old=_data(section),
            )
        for index in added:
            section = new[index]
            self.add(
                DifferenceKind.PRIORITY_ADDED,
                section.title,
                f"priority section added: {_quote(section.title)} ({section.priority})",
                new_path=_pointer("sections", index),
                new=_data(section),
            )
        ordered = sorted(pairs, key=lambda pair: pair[1])
        moved = _moved(pairs)
        for old_index, new_index in ordered:
            section = new[new_index]
            if (old_index, new_index) in moved:
                self.add(
                    DifferenceKind.PRIORITY_MOVED,
                    section.title,
                    f"priority section moved: {_quote(section.title)} "
                    f"from position {old_index + 1} to {new_index + 1}",
                    old_path=_pointer("sections", old_index),
                    new_path=_pointer("sections", new_index),
                    old=old_index,
                    new=new_index,
                )
            self.section(old[old_index], section, old_index, new_index)

    def section(
        self, old: PrioritySection, new: PrioritySection, old_index: int, new_index: int
    ) -> None:
        where = new.title
        old_at: tuple[str | int, ...] = ("sections", old_index)
        new_at: tuple[str | int, ...] = ("sections", new_index)
        self.detail(where, "title", old.title, new.title, old_at=old_at, new_at=new_at)
        self.detail(
            where, "extensions", old.extensions, new.extensions, old_at=old_at, new_at=new_at
        )
        self.applicability(where, old, new, old_at, new_at)
        self.metrics(where, old.metrics, new.metrics, old_at, new_at)
        self.figures(where, old.figures, new.figures, old_at, new_at)
        self.blocks(where, old.blocks, new.blocks, (*old_at, "blocks"), (*new_at, "blocks"))

    def keyed(
        self,
        where: str,
        noun: str,
        name: str,
        old: Sequence[T],
        new: Sequence[T],
        *,
        key: Callable[[T], Hashable],
        type_: type[Any],
        label: Callable[[T], str] | None = None,
    ) -> None:
        def words(item: T) -> str:
            return label(item) if label is not None else _quote(str(key(item)))

        pairs, removed, added = _match(old, new, key)
        for index in removed:
            self.add(
                DifferenceKind.DETAIL_CHANGED,
                where,
                f"{noun} removed: {words(old[index])}",
                old_path=_pointer(name, index),
                old=_data(old[index], type_),
            )
        for index in added:
            self.add(
                DifferenceKind.DETAIL_CHANGED,
                where,
                f"{noun} added: {words(new[index])}",
                new_path=_pointer(name, index),
                new=_data(new[index], type_),
            )
        for old_index, new_index in pairs:
            if old[old_index] != new[new_index]:
                self.add(
                    DifferenceKind.DETAIL_CHANGED,
                    where,
                    f"{noun} changed: {words(new[new_index])}",
                    old_path=_pointer(name, old_index),
                    new_path=_pointer(name, new_index),
                    old=_data(old[old_index], type_),
                    new=_data(new[new_index], type_),
                )

    def _membership(
        self,
        where: str,
        noun: str,
        old: Sequence[Any],
        new: Sequence[Any],
        at: tuple[tuple[str | int, ...], tuple[str | int, ...]],
        *,
        key: Callable[[Any], Hashable],
        label: Callable[[Any], str],
    ) -> list[tuple[int, int]]:
        """Report members of a list removed, added and moved; return the matched pairs.

        ``noun`` names the members ("metric"), their key in the document ("metrics") and
        the kinds of difference ("metric_removed", "metric_added", "metric_moved").
        """
        removed_kind = DifferenceKind(f"{noun}_removed")
        added_kind = DifferenceKind(f"{noun}_added")
        moved_kind = DifferenceKind(f"{noun}_moved")
        old_at, new_at = at
        member = f"{noun}s"
        pairs, removed, added = _match(old, new, key)
        for index in removed:
            self.add(
                removed_kind,
                where,
                f"{noun} removed: {_quote(label(old[index]))}",
                old_path=_pointer(*old_at, member, index),
                old=_data(old[index]),
            )
        for index in added:
            self.add(
                added_kind,
                where,
                f"{noun} added: {_quote(label(new[index]))}",
                new_path=_pointer(*new_at, member, index),
                new=_data(new[index]),
            )
        for old_index, new_index in sorted(_moved(pairs), key=lambda pair: pair[1]):
            self.add(
                moved_kind,
                where,
                f"{noun} moved: {_quote(label(new[new_index]))} "
                f"from position {old_index + 1} to {new_index + 1}",
                old_path=_pointer(*old_at, member, old_index),
                new_path=_pointer(*new_at, member, new_index),
                old=old_index,
                new=new_index,
            )
        return list(pairs)

    def metrics(
        self,
        where: str,
        old: Sequence[MetricReference],
        new: Sequence[MetricReference],
        old_at: tuple[str | int, ...],
        new_at: tuple[str | int, ...],
    ) -> None:
        pairs = self._membership(
            where,
            "metric",
            old,
            new,
            (old_at, new_at),
            key=lambda metric: metric.id,
            label=lambda metric: metric.name,
        )
        for old_index, new_index in pairs:
            before, after = old[old_index], new[new_index]
            for field in attrs.fields(MetricReference):
                was, now = getattr(before, field.name), getattr(after, field.name)
                if was != now:
                    self.add(
                        DifferenceKind.METRIC_CHANGED,
                        where,
                        f"metric {_quote(after.name)}: {field.name.replace('_', ' ')} "
                        f"{_compact(_plain(was))} → {_compact(_plain(now))}",
                        old_path=_pointer(*old_at, "metrics", old_index, field.name),
                        new_path=_pointer(*new_at, "metrics", new_index, field.name),
                        old=_plain(was),
                        new=_plain(now),
                    )

    def figures(
        self,
        where: str,
        old: Sequence[Figure],
        new: Sequence[Figure],
        old_at: tuple[str | int, ...],
        new_at: tuple[str | int, ...],
    ) -> None:
        pairs = self._membership(
            where,
            "figure",
            old,
            new,
            (old_at, new_at),
            key=_figure_key,
            label=lambda figure: figure.measure,
        )
        for old_index, new_index in pairs:
            before, after = old[old_index], new[new_index]
            for field in attrs.fields(Figure):
                was, now = getattr(before, field.name), getattr(after, field.name)
                if was == now:
                    continue
                old_path = _pointer(*old_at, "figures", old_index, field.name)
                new_path = _pointer(*new_at, "figures", new_index, field.name)
                if field.name == "comparisons" and len(was) == len(now):
                    for number, (one, other) in enumerate(zip(was, now, strict=True)):
                        if one != other:
                            self.add(
                                DifferenceKind.FIGURE_CHANGED,
                                where,
                                f"figure {_quote(after.measure)}: comparison {number + 1} "
                                f"({other.basis.value.replace('_', ' ')}) changed",
                                old_path=f"{old_path}/{number}",
                                new_path=f"{new_path}/{number}",
                                old=_data(one),
                                new=_data(other),
                            )
                    continue
                self.add(
                    DifferenceKind.FIGURE_CHANGED,
                    where,
                    f"figure {_quote(after.measure)}: {field.name.replace('_', ' ')} "
                    f"{_compact(_plain(was))} → {_compact(_plain(now))}",
                    old_path=old_path,
                    new_path=new_path,
                    old=_plain(was),
                    new=_plain(now),
                )

    def blocks(
        self,
        where: str,
        old: Sequence[Block],
        new: Sequence[Block],
        old_at: tuple[str | int, ...],
        new_at: tuple[str | int, ...],
    ) -> None:
        old_keys = [json.dumps(thaw(_data(block, Block)), default=str) for block in old]
        new_keys = [json.dumps(thaw(_data(block, Block)), default=str) for block in new]
        matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
        for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
            if tag == "equal":
                continue
            olds = list(range(old_start, old_end))
            news = list(range(new_start, new_end))
            for old_index, new_index in _pair_blocks(old, new, olds, news):
                if old_index is None and new_index is not None:
                    block = new[new_index]
                    self.add(
                        DifferenceKind.NARRATIVE_ADDED,
                        where,
                        f"{_BLOCK_NAMES[type(block)]} added: {_quote(_block_words(block))}",
                        new_path=_pointer(*new_at, new_index),
                        new=_data(block, Block),
                    )
                elif new_index is None and old_index is not None:
                    block = old[old_index]
                    self.add(
                        DifferenceKind.NARRATIVE_REMOVED,
                        where,
                        f"{_BLOCK_NAMES[type(block)]} removed: {_quote(_block_words(block))}",
                        old_path=_pointer(*old_at, old_index),
                        old=_data(block, Block),
                    )
                elif old_index is not None and new_index is not None:
                    self.edited(
                        where,
                        old[old_index],
                        new[new_index],
                        old_at=old_at,
                        new_at=new_at,
                        old_index=old_index,
                        new_index=new_index,
                    )

    def edited(
        self,
        where: str,
        old: Block,
        new: Block,
        *,
        old_at: tuple[str | int, ...],
        new_at: tuple[str | int, ...],
        old_index: int,
        new_index: int,
    ) -> None:
        old_path = (*old_at, old_index)
        new_path = (*new_at, new_index)
        if isinstance(old, Subsection) and isinstance(new, Subsection):
            inner = f"{where} › {new.title}"
            if old.title != new.title or old.role != new.role:
                self.add(
                    DifferenceKind.NARRATIVE_EDITED,
                    inner,
                    f"subsection heading: {_quote(old.title)} → {_quote(new.title)}",
                    old_path=_pointer(*old_path, "title"),
                    new_path=_pointer(*new_path, "title"),
                    old=old.title,
                    new=new.title,
                )
            self.figures(inner, old.figures, new.figures, old_path, new_path)
            self.blocks(inner, old.blocks, new.blocks, (*old_path, "blocks"), (*new_path, "blocks"))
            return
        self.add(
            DifferenceKind.NARRATIVE_EDITED,
            where,
            f"{_BLOCK_NAMES[type(new)]} edited: {_quote(_block_words(new))}",
            old_path=_pointer(*old_path),
            new_path=_pointer(*new_path),
            old=_data(old, Block),
            new=_data(new, Block),
        )


def _plain(value: object) -> JSONValue:
    """Return any attribute value as frozen canonical JSON data."""
    if value is None or isinstance(value, str | int | Decimal):
        return value if not isinstance(value, StrEnum) else value.value
    if isinstance(value, tuple) and value and isinstance(value[0], Block):
        return tuple(_data(item, Block) for item in value)
    if isinstance(value, tuple) and value and attrs.has(type(value[0])):
        return tuple(_data(item) for item in value)
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    return _data(value)


def _figure_key(figure: Figure) -> Hashable:
    if figure.id is not None:
        return ("id", figure.id)
    return ("measure", figure.measure, figure.metric, figure.area)


def _suppression_label(suppression: Suppression) -> str:
    where = suppression.path or "the whole statement"
    return f"{suppression.rule} at {_quote(where)}"


def _moved(pairs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """Return the matched (old, new) pairs that moved: outside a longest run kept in order."""
    ordered = sorted(pairs, key=lambda pair: pair[1])
    kept = _longest_increasing([old_index for old_index, _ in ordered])
    return {pair for pair in ordered if pair[0] not in kept}


def _longest_increasing(numbers: Sequence[int]) -> set[int]:
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


def _pair_blocks(
    old: Sequence[Block], new: Sequence[Block], olds: list[int], news: list[int]
) -> Iterator[tuple[int | None, int | None]]:
    """Pair replaced blocks that are edits of each other; yield the rest as removed or added."""
    position = 0
    for old_index in olds:
        for offset in range(position, len(news)):
            if _similar(old[old_index], new[news[offset]]):
                for added in news[position:offset]:
                    yield None, added
                yield old_index, news[offset]
                position = offset + 1
                break
        else:
            yield old_index, None
    for added in news[position:]:
        yield None, added


def _label(statement: Statement) -> str:
    parts = [statement.title]
    if statement.edition:
        parts.append(statement.edition)
    elif statement.published:
        parts.append(str(statement.published))
    return " – ".join(parts)


def diff(old: Statement, new: Statement) -> StatementDiff:
    """Return what changed from the ``old`` edition of a statement to the ``new`` one.

    Reports priority sections added, removed or moved; applicability assessments changed;
    metrics and figures added, removed, moved or changed (value, unit, period, comparison...);
    narrative added, removed or edited; statement details, plans, glossary entries and
    suppressions (by rule and path) added, removed or changed. Each difference has a
    JSON Pointer into the old and into the new canonical document.
    """
    differ = _Differ()
    differ.statement(old, new)
    return StatementDiff(
        old_label=_label(old), new_label=_label(new), differences=tuple(differ.found)
    )


# --------------------------------------------------------------------------- output

_MARKS = {
    "added": "+",
    "removed": "-",
}


def _mark(kind: DifferenceKind) -> str:
    return _MARKS.get(kind.value.rsplit("_", 1)[1], "~")


def diff_to_text(result: StatementDiff) -> str:
    """Return a difference report for people: one entry per change, with its paths."""
    lines = [f"--- {result.old_label}", f"+++ {result.new_label}"]
    if not result.differences:
        lines.append("No differences.")
        return "\n".join(lines) + "\n"
    counts = ", ".join(
        f"{count} {kind.replace('_', ' ')}" for kind, count in result.counts().items()
    )
    lines.append(f"{len(result.differences)} differences: {counts}")
    for difference in result.differences:
        lines.append("")
        lines.append(f"{_mark(difference.kind)} {difference.where}: {difference.summary}")
        paths = []
        if difference.old_path is not None:
            paths.append(f"old {difference.old_path}")
        if difference.new_path is not None:
            paths.append(f"new {difference.new_path}")
        lines.append("    at " + ", ".join(paths))
        if difference.kind is DifferenceKind.NARRATIVE_EDITED and isinstance(
            difference.old, type(difference.new)
        ):
            lines.extend(_word_changes(difference.old, difference.new))
    return "\n".join(lines) + "\n"


def _block_text(value: JSONValue) -> str:
    data = thaw(value)
    if isinstance(data, dict):
        if "items" in data:
            return "\n".join(str(item) for item in data["items"])
        return str(data.get("text", data.get("title", "")))
    return str(data)


def _word_changes(old: JSONValue, new: JSONValue) -> list[str]:
    before, after = _block_text(old), _block_text(new)
    return [f"    - {line}" for line in before.splitlines() or [""]] + [
        f"    + {line}" for line in after.splitlines() or [""]
    ]


def diff_to_json(result: StatementDiff) -> str:
    """Return the differences as a JSON document (numbers exact, two-space indent)."""
    document = {
        "old": result.old_label,
        "new": result.new_label,
        "counts": result.counts(),
        "differences": [
            {
                "kind": difference.kind.value,
                "where": difference.where,
                "summary": difference.summary,
                "old_path": difference.old_path,
                "new_path": difference.new_path,
                "old": thaw(difference.old),
                "new": thaw(difference.new),
            }
            for difference in result.differences
        ],
    }
    return json_text(document, "\n") + "\n"
