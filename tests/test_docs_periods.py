"""The examples in docs/periods.md and docs/spreadsheets.md run and print what they show."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", ["periods.md", "spreadsheets.md"])
def test_page_examples_run_and_print_what_they_show(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page's python blocks run in order, and a text block after one shows what it prints."""
    monkeypatch.chdir(ROOT)
    blocks = FENCE.findall((ROOT / "docs" / page).read_text(encoding="utf-8"))
    namespace: dict[str, object] = {"__name__": "__docs__"}
    printed = None
    checked = 0
    for language, body in blocks:
        if language == "python":
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(compile(body, f"docs/{page}", "exec"), namespace)
            printed = buffer.getvalue()
        elif language == "text" and printed is not None:
            assert printed == body
            checked += 1
            printed = None
        else:
            printed = None
    assert checked >= 1
