"""What changed between two editions: the differences, and the text and JSON that show them."""

from __future__ import annotations

from enum import StrEnum

from attrs import frozen

from pcc_priorities.convert.codegen import json_text
from pcc_priorities.exceptions import one_line
from pcc_priorities.model.json_values import JSONValue, thaw

__all__ = ["Difference", "DifferenceKind", "StatementDiff", "diff_to_json", "diff_to_text"]


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


# --------------------------------------------------------------------------- output

_MARKS = {
    "added": "+",
    "removed": "-",
}


def _mark(kind: DifferenceKind) -> str:
    return _MARKS.get(kind.value.rsplit("_", 1)[1], "~")


def diff_to_text(result: StatementDiff) -> str:
    """Return a difference report for people: one entry per change, with its paths.

    Statement text and paths are shown on their lines as the check report shows them: a
    line break as "␤", other control characters as Control Pictures, so no text can add a
    line to the report or send an escape sequence to a terminal.
    """
    lines = [f"--- {result.old_label}", f"+++ {result.new_label}"]
    if not result.differences:
        lines.append("No differences.")
        return "".join(one_line(line) + "\n" for line in lines)
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
    return "".join(one_line(line) + "\n" for line in lines)


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
