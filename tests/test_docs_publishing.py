"""docs/publishing.md: its Python examples run as written and print what the page shows."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PAGE = ROOT / "docs" / "publishing.md"


def test_examples_run_in_order_and_print_what_the_page_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page's python blocks run from the repository root, and the diff report matches."""
    monkeypatch.chdir(ROOT)
    text = PAGE.read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 5
    namespace: dict[str, object] = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for block in blocks:
            exec(compile(block, str(PAGE), "exec"), namespace)
    shown = re.search(r"prints\n\n```text\n(.*?)```", text, re.S)
    assert shown is not None
    assert shown.group(1) in printed.getvalue()


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_are_committed_and_small(width: int) -> None:
    """The page's pictures of the rendered example, at both widths, are PNGs under 300 kB."""
    for name in (f"west-mercia-2023-09-{width}.png", f"west-mercia-2023-09-chart-{width}.png"):
        assert f"images/{name}" in PAGE.read_text("utf-8")
        data = (ROOT / "docs" / "images" / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(data) < 300_000
