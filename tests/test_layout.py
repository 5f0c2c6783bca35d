"""The package's folders are its layers: what each may import, no cycles, modules of one job."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "pcc_priorities"
MAX_LINES = 600

#: Each layer and the layers it may import (besides itself). The root package's __init__
#: and __main__ may import anything; nothing may import the command line.
_BASE = {"exceptions", "_lazy"}
#: The layers a layer that touches the file system builds on.
_IO = {*_BASE, "files"}
ALLOWED: dict[str, set[str]] = {
    "exceptions": set(),
    "_lazy": set(),
    "_version": set(),
    "files": {"exceptions"},
    "_typecheck": set(),
    "periods": {*_BASE, "_typecheck"},
    "model": {"periods", "exceptions", "_typecheck"},
    "convert": {*_BASE, "_typecheck", "model", "periods"},
    "reference": {*_IO, "_typecheck", "convert", "model", "periods"},
    "formats": {*_IO, "reference", "convert", "model", "periods"},
    "figures": {*_IO, "reference", "model", "periods"},
    "tables": {*_IO, "figures", "formats", "reference", "model", "periods"},
    "checks": {*_IO, "_version", "figures", "formats", "reference", "convert", "model", "periods"},
    "publish": {*_IO, "formats", "reference", "convert", "model", "periods"},
    "editions": {*_IO, "formats", "reference", "convert", "model", "periods"},
    "testing": {*_BASE, "checks", "reference", "model", "periods"},
    "cli": {
        *_IO,
        "_version",
        "checks",
        "editions",
        "figures",
        "formats",
        "publish",
        "reference",
        "tables",
        "convert",
        "model",
        "periods",
    },
}


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> Iterator[str]:
    """Every pcc_priorities module ``path`` imports, at any depth of the code."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pcc_priorities"):
            assert node.module is not None
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                yield child if child in MODULES else node.module
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("pcc_priorities"))


GRAPH = {name: set(_imports(path)) - {name} for name, path in MODULES.items()}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one import cycle in ``graph``, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_module_imports_another_that_imports_it_back() -> None:
    """There is no import cycle between modules, even through imports inside functions."""
    assert _cycle(GRAPH) is None, " -> ".join(_cycle(GRAPH) or [])


def test_no_layer_imports_a_layer_that_imports_it_back() -> None:
    """Between the folders (layers) there is no cycle either."""
    layers: dict[str, set[str]] = {}
    for module, targets in GRAPH.items():
        source = _layer(module)
        if source in ("", "__main__"):
            continue
        layers.setdefault(source, set()).update(
            _layer(t) for t in targets if _layer(t) not in ("", source)
        )
    assert _cycle(layers) is None, " -> ".join(_cycle(layers) or [])


def test_each_layer_imports_only_the_layers_below_it() -> None:
    """Each folder imports only what docs/design.md allows it (the model imports no I/O)."""
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if (layer := _layer(module)) not in ("", "__main__")
        for target in targets
        if _layer(target) not in (layer, *ALLOWED[layer])
    )
    assert wrong == []


def test_every_layer_is_listed() -> None:
    """A new folder must say what it may import."""
    layers = {_layer(m) for m in MODULES} - {"", "__main__"}
    assert layers == set(ALLOWED)


def test_no_module_is_over_600_lines() -> None:
    """Each module has one job; the longest are listed when one grows too long."""
    lengths = sorted(
        (
            (len(path.read_text(encoding="utf-8").splitlines()), name)
            for name, path in MODULES.items()
        ),
        reverse=True,
    )
    longest = ", ".join(f"{name} ({count})" for count, name in lengths[:5])
    assert lengths[0][0] <= MAX_LINES, f"over {MAX_LINES} lines; the longest: {longest}"


_IMPORT_EACH = """
import importlib, json, sys
failed = {}
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m.split(".")[0] == "pcc_priorities"]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as error:
        failed[name] = repr(error)
print(json.dumps(failed))
"""


def test_every_module_imports_on_its_own() -> None:
    """Each module imports first, with no other module of the package loaded before it."""
    names = sorted(set(MODULES) - {"pcc_priorities.__main__"})
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_EACH, *names],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert json.loads(result.stdout) == {}


@pytest.mark.parametrize(
    "package",
    sorted(name for name, path in MODULES.items() if path.name == "__init__.py"),
)
def test_every_package_has_a_sorted_all_and_says_what_it_holds(package: str) -> None:
    """Each package's docstring says what belongs there; its __all__ is sorted and resolves."""
    module = __import__(package, fromlist=["__all__"])
    assert module.__doc__
    assert len(module.__doc__.strip()) > 40
    names = list(getattr(module, "__all__", []))
    assert names == sorted(
        names, key=lambda n: (0 if n.isupper() else 1 if n[0].isupper() else 2, n)
    ) or names == sorted(names)
    for name in names:
        assert getattr(module, name) is not None
