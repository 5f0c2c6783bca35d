"""The documentation: every Python example in docs/*.md runs, and generated pages are complete."""

from __future__ import annotations

import contextlib
import io
import re
import sys
from pathlib import Path

import attrs
import pytest

from pcc_priorities.formats.schema import json_schema
from pcc_priorities.reference import national_frameworks as _reference

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

#: A fenced block of Python: ```python on its own line, up to the closing fence.
_FENCE = re.compile(
    r"^(?P<indent> *)```python[ \t]*\n(?P<code>.*?)^(?P=indent)```[ \t]*$", re.M | re.S
)
#: A block is skipped only when the line before it says why: <!-- docs-test: skip (reason) -->.
_SKIP = re.compile(r"<!-- docs-test: skip(?: \((?P<reason>[^)]*)\))? -->\s*$")


@attrs.frozen
class Example:
    """One fenced Python block of a page."""

    page: Path
    line: int
    code: str
    skip: str | None


def examples(page: Path) -> list[Example]:
    """Return the Python blocks of ``page`` in order, each with the reason it is skipped, if any."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        marker = _SKIP.search(before)
        indent = len(match.group("indent"))
        code = "\n".join(row[indent:] for row in match.group("code").splitlines())
        found.append(Example(page, line, code, None if marker is None else marker.group("reason")))
    return found


PAGES = sorted(DOCS.glob("*.md"))
PAGES_WITH_CODE = [page for page in PAGES if examples(page)]


@pytest.fixture
def reference_data_restored() -> object:
    """Undo frameworks a page registers, so pages cannot change other tests."""
    saved = dict(_reference._extra_frameworks)
    yield
    _reference._extra_frameworks.clear()
    _reference._extra_frameworks.update(saved)


@pytest.mark.usefixtures("reference_data_restored")
@pytest.mark.parametrize("page", PAGES_WITH_CODE, ids=lambda page: page.name)
def test_page_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Python block of the page runs, in order, in one namespace, from the repository root."""
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    namespace: dict[str, object] = {"__name__": f"docs.{page.stem}"}
    ran = 0
    for example in examples(page):
        if example.skip is not None:
            continue
        # Padding keeps the page's line numbers in tracebacks.
        code = compile("\n" * example.line + example.code, str(page), "exec")
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, namespace)  # running the documentation is the point
        ran += 1
    assert ran > 0


def test_skipped_examples_say_why() -> None:
    """A block is skipped only with a reason written next to the marker."""
    unexplained = [
        f"{example.page.name}:{example.line}"
        for page in PAGES
        for example in examples(page)
        if example.skip is not None and not example.skip.strip()
    ]
    assert unexplained == []


def test_examples_are_found_with_their_lines(tmp_path: Path) -> None:
    """The extractor finds each block, its line, its skip reason, and no other fences."""
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n```python\na = 1\n```\n\n```sh\nls\n```\n\n"
        "<!-- docs-test: skip (needs a browser) -->\n```python\nb = 2\n```\n"
        "\n1. A step:\n\n   ```python\n   c = a + 1\n   ```\n",
        encoding="utf-8",
    )
    found = examples(page)
    assert [(e.line, e.code, e.skip) for e in found] == [
        (3, "a = 1", None),
        (12, "b = 2", "needs a browser"),
        (18, "c = a + 1", None),
    ]


# --------------------------------------------------------------------------- generated pages


def _load_extension() -> object:
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        import pcc_docs  # noqa: PLC0415 - lives in docs/_ext, not on the path
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    return pcc_docs


def test_format_reference_covers_every_definition_and_key() -> None:
    """The generated format reference has a heading per definition and a row per key."""
    pcc_docs = _load_extension()
    schema = json_schema()
    text = pcc_docs.format_reference(schema)  # type: ignore[attr-defined]
    for name, definition in schema["$defs"].items():
        assert f"\n## {name}\n" in text
        for key in definition.get("properties", {}):
            assert f"| `{key}` |" in text
    for key in schema["properties"]:
        assert f"| `{key}` |" in text


def test_cli_reference_has_every_command() -> None:
    """The generated command-line reference has a section with the help of every command."""
    pcc_docs = _load_extension()
    text = pcc_docs.cli_reference()  # type: ignore[attr-defined]
    for command in ("validate", "schema", "upgrade", "convert", "frameworks", "forces"):
        assert f"## `pcc-priorities {command}`" in text
        assert f"usage: pcc-priorities {command}" in text


def test_other_pages_are_added_to_the_contents(tmp_path: Path) -> None:
    """Pages the index does not list by name are added to its contents, sorted."""
    pcc_docs = _load_extension()
    for name in ("index", "tutorial", "rules", "periods"):
        (tmp_path / f"{name}.md").write_text(f"# {name}\n", encoding="utf-8")
    listed = pcc_docs.other_pages(tmp_path, "index", "tutorial\n")  # type: ignore[attr-defined]
    assert listed == "periods\nrules"
