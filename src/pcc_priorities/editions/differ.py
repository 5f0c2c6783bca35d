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
from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

import attrs

from pcc_priorities.convert.hooks import converter
from pcc_priorities.editions.differences import Difference, DifferenceKind, StatementDiff
from pcc_priorities.editions.matching import (
    BLOCK_NAMES,
    block_words,
    match_keys,
    moved,
    pair_blocks,
)
from pcc_priorities.model.figures import Figure, MetricReference
from pcc_priorities.model.json_values import JSONValue, freeze, thaw
from pcc_priorities.model.narrative import Block, Subsection
from pcc_priorities.model.pointer import pointer
from pcc_priorities.model.statement import (
    GlossaryEntry,
    PlanReference,
    PrioritySection,
    Statement,
    StatementOfContribution,
    Suppression,
)

__all__ = ["diff"]

T = TypeVar("T")


# --------------------------------------------------------------------------- helpers


def _data(value: object, type_: Any = None) -> JSONValue:
    """Return a model value as frozen canonical JSON data."""
    if value is None:
        return None
    unstructured = converter(detailed=False).unstructure(value, type_ or type(value))
    return freeze(unstructured)


def _quote(text: str, limit: int = 60) -> str:
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return json.dumps(short, ensure_ascii=False)


def _compact(value: JSONValue) -> str:
    """Return a value on one line for the text report."""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    return json.dumps(thaw(value), ensure_ascii=False, default=lambda number: format(number, "f"))


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
            "updated",
            "framework",
            "body",
            "force",
            "prepared_by",
            "periods",
            "defaults",
            "sections_heading",
            "review",
            "source_url",
            "translations",
            "contact",
            "accessibility_url",
            "history",
            "order",
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
        self.contribution(where, old.contribution, new.contribution)
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

    def contribution(
        self,
        where: str,
        old: StatementOfContribution | None,
        new: StatementOfContribution | None,
    ) -> None:
        """The statement of contribution: added or removed whole, or its parts changed."""
        if old is None or new is None:
            self.detail(where, "contribution", old, new, old_at=(), new_at=())
            return
        at: tuple[str | int, ...] = ("contribution",)
        inner = where + " › contribution"
        for name in ("title", "priorities"):
            self.detail(inner, name, getattr(old, name), getattr(new, name), old_at=at, new_at=at)
        self.blocks(inner, old.blocks, new.blocks, (*at, "blocks"), (*at, "blocks"))

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
            old_path=pointer((*old_at, name)),
            new_path=pointer((*new_at, name)),
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
            old_path=pointer((*old_at, "applicability")),
            new_path=pointer((*new_at, "applicability")),
            old=_data(old.applicability),
            new=_data(new.applicability),
        )

    def sections(self, old: Sequence[PrioritySection], new: Sequence[PrioritySection]) -> None:
        pairs, removed, added = match_keys(old, new, lambda section: section.priority)
        for index in removed:
            section = old[index]
            self.add(
                DifferenceKind.PRIORITY_REMOVED,
                section.title,
                f"priority section removed: {_quote(section.title)} ({section.priority})",
                old_path=pointer(("sections", index)),
                old=_data(section),
            )
        for index in added:
            section = new[index]
            self.add(
                DifferenceKind.PRIORITY_ADDED,
                section.title,
                f"priority section added: {_quote(section.title)} ({section.priority})",
                new_path=pointer(("sections", index)),
                new=_data(section),
            )
        ordered = sorted(pairs, key=lambda pair: pair[1])
        shifted = moved(pairs)
        for old_index, new_index in ordered:
            section = new[new_index]
            if (old_index, new_index) in shifted:
                self.add(
                    DifferenceKind.PRIORITY_MOVED,
                    section.title,
                    f"priority section moved: {_quote(section.title)} "
                    f"from position {old_index + 1} to {new_index + 1}",
                    old_path=pointer(("sections", old_index)),
                    new_path=pointer(("sections", new_index)),
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
        self.detail(where, "headline", old.headline, new.headline, old_at=old_at, new_at=new_at)
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

        pairs, removed, added = match_keys(old, new, key)
        for index in removed:
            self.add(
                DifferenceKind.DETAIL_CHANGED,
                where,
                f"{noun} removed: {words(old[index])}",
                old_path=pointer((name, index)),
                old=_data(old[index], type_),
            )
        for index in added:
            self.add(
                DifferenceKind.DETAIL_CHANGED,
                where,
                f"{noun} added: {words(new[index])}",
                new_path=pointer((name, index)),
                new=_data(new[index], type_),
            )
        for old_index, new_index in pairs:
            if old[old_index] != new[new_index]:
                self.add(
                    DifferenceKind.DETAIL_CHANGED,
                    where,
                    f"{noun} changed: {words(new[new_index])}",
                    old_path=pointer((name, old_index)),
                    new_path=pointer((name, new_index)),
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
        pairs, removed, added = match_keys(old, new, key)
        for index in removed:
            self.add(
                removed_kind,
                where,
                f"{noun} removed: {_quote(label(old[index]))}",
                old_path=pointer((*old_at, member, index)),
                old=_data(old[index]),
            )
        for index in added:
            self.add(
                added_kind,
                where,
                f"{noun} added: {_quote(label(new[index]))}",
                new_path=pointer((*new_at, member, index)),
                new=_data(new[index]),
            )
        for old_index, new_index in sorted(moved(pairs), key=lambda pair: pair[1]):
            self.add(
                moved_kind,
                where,
                f"{noun} moved: {_quote(label(new[new_index]))} "
                f"from position {old_index + 1} to {new_index + 1}",
                old_path=pointer((*old_at, member, old_index)),
                new_path=pointer((*new_at, member, new_index)),
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
                        old_path=pointer((*old_at, "metrics", old_index, field.name)),
                        new_path=pointer((*new_at, "metrics", new_index, field.name)),
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
                old_path = pointer((*old_at, "figures", old_index, field.name))
                new_path = pointer((*new_at, "figures", new_index, field.name))
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
            for old_index, new_index in pair_blocks(old, new, olds, news):
                if old_index is None and new_index is not None:
                    block = new[new_index]
                    self.add(
                        DifferenceKind.NARRATIVE_ADDED,
                        where,
                        f"{BLOCK_NAMES[type(block)]} added: {_quote(block_words(block))}",
                        new_path=pointer((*new_at, new_index)),
                        new=_data(block, Block),
                    )
                elif new_index is None and old_index is not None:
                    block = old[old_index]
                    self.add(
                        DifferenceKind.NARRATIVE_REMOVED,
                        where,
                        f"{BLOCK_NAMES[type(block)]} removed: {_quote(block_words(block))}",
                        old_path=pointer((*old_at, old_index)),
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
                    old_path=pointer((*old_path, "title")),
                    new_path=pointer((*new_path, "title")),
                    old=old.title,
                    new=new.title,
                )
            self.figures(inner, old.figures, new.figures, old_path, new_path)
            self.blocks(inner, old.blocks, new.blocks, (*old_path, "blocks"), (*new_path, "blocks"))
            return
        self.add(
            DifferenceKind.NARRATIVE_EDITED,
            where,
            f"{BLOCK_NAMES[type(new)]} edited: {_quote(block_words(new))}",
            old_path=pointer((*old_path,)),
            new_path=pointer((*new_path,)),
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
