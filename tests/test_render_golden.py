"""Golden files: the worked example's HTML and Markdown, byte for byte.

A change to the renderers that changes the output fails here until the golden files are
updated on purpose, and the diff of tests/golden/ is reviewed with the change:

    PCC_UPDATE_GOLDEN=1 python -m pytest tests/test_render_golden.py
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

import pcc_priorities as p
from pcc_priorities.publish import render_html, render_markdown

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "west-mercia-2023-09.json"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("PCC_UPDATE_GOLDEN") == "1"

RENDERERS: dict[str, Callable[[p.Statement], str]] = {
    "west-mercia-2023-09.html": render_html,
    "west-mercia-2023-09.fragment.html": lambda statement: render_html(
        statement, fragment=True, heading_level=2
    ),
    "west-mercia-2023-09.md": render_markdown,
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_worked_example_matches_its_golden_file(name: str) -> None:
    """The rendered worked example is exactly the reviewed golden file."""
    rendered = RENDERERS[name](p.load(EXAMPLE))
    golden = GOLDEN / name
    if UPDATE:
        golden.write_text(rendered, encoding="utf-8", newline="\n")
    assert golden.exists(), f"{golden} is missing: run with PCC_UPDATE_GOLDEN=1 to create it"
    expected = golden.read_text(encoding="utf-8")
    assert rendered == expected, (
        f"{name} differs from {golden}; if the change is meant, update it with "
        "PCC_UPDATE_GOLDEN=1 python -m pytest tests/test_render_golden.py and review the diff"
    )
