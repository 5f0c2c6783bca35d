"""What changed between two editions: kinds, paths, text and JSON reports."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import pcc_priorities as p
from _render_helpers import sample_statement
from pcc_priorities.editions import DifferenceKind, StatementDiff, diff_to_json, diff_to_text
from pcc_priorities.formats import to_dict
from pcc_priorities.testing import statements

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"


def resolve(document: Any, pointer: str) -> Any:
    """Return what a JSON Pointer points at in ``document``."""
    for part in pointer.split("/")[1:]:
        key = part.replace("~1", "/").replace("~0", "~")
        document = document[int(key)] if isinstance(document, list) else document[key]
    return document


def kinds(result: StatementDiff) -> list[str]:
    return [difference.kind.value for difference in result.differences]


@pytest.fixture(scope="module")
def example() -> p.Statement:
    return p.load(EXAMPLE)


def test_same_edition_has_no_differences(example: p.Statement) -> None:
    """An edition compared with itself has no differences, and the report says so."""
    result = p.diff(example, example)
    assert not result
    assert result.differences == ()
    assert diff_to_text(result).endswith("No differences.\n")
    assert json.loads(diff_to_json(result))["differences"] == []


def test_figure_value_change_has_paths_in_both_editions(example: p.Statement) -> None:
    """A changed value is one figure change, with the path of the value in each edition."""
    section = example.sections[1]
    figures = list(section.figures)
    figures[3] = attrs.evolve(figures[3], value=Decimal(1100))
    new = attrs.evolve(
        example, sections=(attrs.evolve(section, figures=tuple(figures)), *example.sections[2:])
    )
    result = p.diff(example, new)
    changed = [d for d in result.differences if d.kind is DifferenceKind.FIGURE_CHANGED]
    assert len(changed) == 1
    assert changed[0].old_path == "/sections/1/figures/3/value"
    assert changed[0].new_path == "/sections/0/figures/3/value"
    assert changed[0].old == Decimal(1209)
    assert changed[0].new == Decimal(1100)
    assert resolve(to_dict(example), changed[0].old_path) == Decimal(1209)
    assert resolve(to_dict(new), changed[0].new_path) == Decimal(1100)
    assert "value 1209 → 1100" in changed[0].summary
    assert kinds(result).count("priority_removed") == 1


def test_priority_added_removed_and_moved(example: p.Statement) -> None:
    """Sections are matched by priority: reordering is a move, not a removal and an addition."""
    first, second, *rest = example.sections
    new = attrs.evolve(example, sections=(second, first, *rest[:-1]))
    result = p.diff(example, new)
    assert kinds(result) == ["priority_removed", "priority_moved"]
    moved = result.differences[1]
    expected = {
        first.title: ("/sections/0", "/sections/1"),
        second.title: ("/sections/1", "/sections/0"),
    }
    assert (moved.old_path, moved.new_path) == expected[moved.where]
    back = p.diff(new, example)
    assert kinds(back) == ["priority_added", "priority_moved"]
    assert back.differences[0].new_path == "/sections/5"


def test_applicability_change_is_reported(example: p.Statement) -> None:
    """A change of applicability, statement-wide or per section, is reported as such."""
    assessment = p.ApplicabilityAssessment(
        status=p.Applicability.NOT_APPLICABLE, reasons=("Handled by the regional unit",)
    )
    section = attrs.evolve(example.sections[5], applicability=assessment)
    new = attrs.evolve(example, sections=(*example.sections[:5], section))
    (difference,) = p.diff(example, new).differences
    assert difference.kind is DifferenceKind.APPLICABILITY_CHANGED
    assert difference.summary == "applicability: not stated → not applicable"
    assert difference.new_path == "/sections/5/applicability"
    wide = attrs.evolve(
        example,
        applicability=attrs.evolve(example.applicability, reasons=("a different reason",)),
    )
    (difference,) = p.diff(example, wide).differences
    assert difference.new_path == "/applicability"
    assert "reasons or wording changed" in difference.summary


def test_narrative_added_removed_and_edited(example: p.Statement) -> None:
    """New, dropped and reworded blocks are told apart, with the words before and after."""
    section = example.sections[0]
    blocks = list(section.blocks)
    edited = attrs.evolve(blocks[1], text=blocks[1].text.replace("only 3", "only three"))
    new_blocks = (blocks[0], edited, *blocks[3:], p.Paragraph(text="A closing paragraph."))
    new = attrs.evolve(
        example,
        sections=(attrs.evolve(section, blocks=new_blocks), *example.sections[1:]),
    )
    result = p.diff(example, new)
    assert kinds(result) == ["narrative_edited", "narrative_removed", "narrative_added"]
    text = diff_to_text(result)
    assert "~ Reduce murder and other homicide: paragraph edited:" in text
    assert "    - In the first 6 months of 2023, only 3 homicides" in text
    assert "    + In the first 6 months of 2023, only three homicides" in text
    assert "    at old /sections/0/blocks/2" in text
    assert '+ Reduce murder and other homicide: paragraph added: "A closing paragraph."' in text


def test_changes_inside_subsections_have_deep_paths(example: p.Statement) -> None:
    """A figure changed inside a subsection is reported with the subsection in its path."""
    section = example.sections[0]
    index = next(i for i, b in enumerate(section.blocks) if isinstance(b, p.Subsection))
    subsection = section.blocks[index]
    assert isinstance(subsection, p.Subsection)
    figure = attrs.evolve(subsection.figures[0], value=Decimal(18))
    blocks = list(section.blocks)
    blocks[index] = attrs.evolve(subsection, figures=(figure, *subsection.figures[1:]))
    new = attrs.evolve(
        example, sections=(attrs.evolve(section, blocks=tuple(blocks)), *example.sections[1:])
    )
    (difference,) = p.diff(example, new).differences
    assert difference.kind is DifferenceKind.FIGURE_CHANGED
    assert difference.where == f"{section.title} › {subsection.title}"
    assert difference.new_path == f"/sections/0/blocks/{index}/figures/0/value"


def test_json_report_is_exact(example: p.Statement) -> None:
    """The JSON report keeps numbers exact and carries the canonical data of each side."""
    new = attrs.evolve(example, edition="Update December 2023", review=None)
    report = json.loads(diff_to_json(p.diff(example, new)))
    assert report["counts"] == {"detail_changed": 2}
    assert [d["old_path"] for d in report["differences"]] == ["/edition", "/review"]
    assert report["differences"][1]["new"] is None


def test_metrics_plans_and_glossary_are_compared() -> None:
    """Metric changes, plans and glossary entries are reported by their keys."""
    old = sample_statement()
    section = old.sections[0]
    metric = attrs.evolve(section.metrics[0], data_source="NHS")
    new = attrs.evolve(
        old,
        sections=(attrs.evolve(section, metrics=(metric,)), *old.sections[1:]),
        plans=(),
        glossary=(*old.glossary, p.GlossaryEntry(term="PCC", expansion="commissioner")),
    )
    result = p.diff(old, new)
    summaries = [d.summary for d in result.differences]
    assert 'metric "Knife Crime Offences": data source "Police recorded" → "NHS"' in summaries
    assert 'metric removed: "Offences involving discharge of a firearm"' in summaries
    assert 'plan removed: "Safer West Mercia Plan"' in summaries
    assert 'glossary entry added: "PCC"' in summaries


def test_suppressions_are_compared_by_rule_and_path(example: p.Statement) -> None:
    """Suppressions added, removed and with a changed reason are reported with their paths."""
    kept = p.Suppression(rule="PCC203", path="/sections/0", reason="Reported monthly")
    dropped = p.Suppression(rule="PCC401", path="", reason="Acronyms in the glossary")
    old = attrs.evolve(example, suppressions=(kept, dropped))
    added = p.Suppression(rule="PCC209", path="", reason="Figures to follow")
    new = attrs.evolve(
        example, suppressions=(added, attrs.evolve(kept, reason="Reported quarterly"))
    )
    result = p.diff(old, new)
    assert [(d.summary, d.old_path, d.new_path) for d in result.differences] == [
        ('suppression removed: PCC401 at "the whole statement"', "/suppressions/1", None),
        ('suppression added: PCC209 at "the whole statement"', None, "/suppressions/0"),
        ('suppression changed: PCC203 at "/sections/0"', "/suppressions/0", "/suppressions/1"),
    ]
    assert result.differences[2].new == {
        "rule": "PCC203",
        "path": "/sections/0",
        "reason": "Reported quarterly",
    }


def test_figures_and_metrics_reordered_are_moved(example: p.Statement) -> None:
    """Swapping two figures and two metrics in a section reports each as moved, with paths."""
    section = example.sections[1]
    figures, metrics = list(section.figures), list(section.metrics)
    figures[0], figures[1] = figures[1], figures[0]
    metrics[0], metrics[1] = metrics[1], metrics[0]
    swapped = attrs.evolve(section, figures=tuple(figures), metrics=tuple(metrics))
    new = attrs.evolve(example, sections=(example.sections[0], swapped, *example.sections[2:]))
    result = p.diff(example, new)
    assert [(d.kind.value, d.old_path, d.new_path) for d in result.differences] == [
        ("metric_moved", "/sections/1/metrics/1", "/sections/1/metrics/0"),
        ("figure_moved", "/sections/1/figures/1", "/sections/1/figures/0"),
    ]
    assert result.differences[1].summary == (
        f"figure moved: {json.dumps(figures[0].measure, ensure_ascii=False)} from position 2 to 1"
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statements(), statements())
def test_diff_is_empty_exactly_when_editions_are_equal(old: p.Statement, new: p.Statement) -> None:
    """There are differences exactly when the editions differ, and every path resolves."""
    result = p.diff(old, new)
    assert bool(result) == (old != new)
    assert not p.diff(new, new)
    old_data, new_data = to_dict(old), to_dict(new)
    for difference in result.differences:
        for data, pointer in ((old_data, difference.old_path), (new_data, difference.new_path)):
            if pointer is not None:
                parent, _, last = pointer.rpartition("/")
                container = resolve(data, parent)
                assert isinstance(container, dict | list)
                del last
    assert json.loads(diff_to_json(result))["counts"] == result.counts()
    assert diff_to_text(result).count("\n    at ") == len(result.differences)
