"""Tests of the public surface: what `import pcc_priorities` offers."""

from __future__ import annotations

import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import pcc_priorities
from pcc_priorities import exceptions, model


def test_all_is_sorted_unique_and_importable() -> None:
    """__all__ is sorted (constants, classes, then functions), unique, and importable."""
    names = pcc_priorities.__all__

    def group(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert names == sorted(names, key=group)
    assert len(set(names)) == len(names)
    assert all(hasattr(pcc_priorities, name) for name in names)


def test_public_callables_are_documented() -> None:
    """Every public class and function has a docstring."""
    missing = [
        name
        for name in pcc_priorities.__all__
        if callable(getattr(pcc_priorities, name)) and not getattr(pcc_priorities, name).__doc__
    ]
    assert missing == []


SUBPACKAGES = [
    "pcc_priorities.periods",
    "pcc_priorities.model",
    "pcc_priorities.convert",
    "pcc_priorities.reference",
    "pcc_priorities.formats",
    "pcc_priorities.tables",
    "pcc_priorities.figures",
    "pcc_priorities.checks",
    "pcc_priorities.publish",
    "pcc_priorities.editions",
    "pcc_priorities.testing",
]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_the_everyday_surface_is_small_and_complete() -> None:
    """The top level holds the model, the everyday verbs, the look-ups and the exceptions."""
    verbs = {"load", "loads", "dump", "dumps", "check", "render", "diff", "new_statement"}
    lookups = {"forces", "get_force", "frameworks", "get_framework"}
    classes = {
        name
        for name in model.__all__
        if isinstance(getattr(model, name), type) and not name.endswith("AtPath")
    } - {"TextKind", "FrozenJSONObject"}
    assert verbs | lookups <= set(pcc_priorities.__all__)
    assert classes <= set(pcc_priorities.__all__)
    assert set(exceptions.__all__) <= set(pcc_priorities.__all__)
    # Issues 12 and 14 added RemovalRefusedError, Contact, EditionRecord, PageAssetError and
    # Translation.
    assert len(pcc_priorities.__all__) <= 83


def test_import_is_light() -> None:
    """Importing the package loads no checker, publisher, spreadsheet or YAML code."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, pcc_priorities; print(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    heavy = (
        "pcc_priorities.checks",
        "pcc_priorities.publish",
        "pcc_priorities.tables",
        "pcc_priorities.editions",
        "ruamel",
        "openpyxl",
    )
    assert [m for m in loaded if m.startswith(heavy)] == []


@pytest.mark.parametrize("package", SUBPACKAGES)
def test_each_subpackage_documents_what_it_offers(package: str) -> None:
    """Every function and class a subpackage offers resolves and has a docstring."""
    module = importlib.import_module(package)
    undocumented = [
        name
        for name in module.__all__
        if (inspect.isfunction(value := getattr(module, name)) or inspect.isclass(value))
        and not inspect.getdoc(value)
    ]
    assert undocumented == []


def test_load_reads_json_and_yaml_by_extension() -> None:
    """load() chooses the format by extension; loads() and dumps() take it by name."""
    json_statement = pcc_priorities.load(EXAMPLES / "west-mercia-2023-09.json")
    yaml_statement = pcc_priorities.load(EXAMPLES / "west-mercia-2023-09.yaml")
    assert json_statement == yaml_statement
    text = pcc_priorities.dumps(json_statement, "yaml")
    assert pcc_priorities.loads(text, "yaml") == json_statement
    assert pcc_priorities.loads(pcc_priorities.dumps(json_statement)) == json_statement
    with pytest.raises(pcc_priorities.UnsupportedFormatError, match="'toml'"):
        pcc_priorities.dumps(json_statement, "toml")  # type: ignore[arg-type]
    with pytest.raises(pcc_priorities.UnsupportedFormatError, match=re.escape("'.txt'")):
        pcc_priorities.load(EXAMPLES / "statement.txt")
