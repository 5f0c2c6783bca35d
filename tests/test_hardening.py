"""Hardening: size and depth limits, any Unicode, interrupted writes, and loader fuzzing.

The Hypothesis fuzz tests here are property tests (a few dozen examples by default, 150 under
the ci profile); the long campaigns, 20,000 inputs per loader and the pipeline after each
load, are tests/fuzzing.py (run by tests/test_fuzzing.py under the ``fuzz`` marker).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import random
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pcc_priorities as p
from fuzzing import value_paths
from pcc_priorities import DocumentError
from pcc_priorities.formats import Limits, from_dict, to_dict
from pcc_priorities.tables import figures_from_csv, figures_to_csv

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "west-mercia-2023-09.json"
POINTER = r"(/([^~/]|~[01])*)*"


def _minimal(**extra: object) -> dict[str, Any]:
    return {
        "schema_version": "1.0",
        "body": {"kind": "pcc", "name": "Police and Crime Commissioner for West Mercia"},
        "force": {"code": "E23000016", "name": "West Mercia Police"},
        "framework": "ncpm-2021",
        "title": "Statement",
        **extra,
    }


# --------------------------------------------------------------------------- limits


def test_oversized_text_is_refused_before_parsing() -> None:
    """A document over Limits.max_bytes is refused at once with a clear message."""
    text = json.dumps(_minimal(review="x" * 5000))
    with pytest.raises(DocumentError, match="over the limit of 1,000"):
        p.loads(text, limits=Limits(max_bytes=1000))
    assert p.loads(text).review == "x" * 5000


def test_oversized_file_is_refused_without_reading(tmp_path: Path) -> None:
    """A file over the limit is refused from its size, before its bytes are read."""
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(21 * 2**20)
    start = time.perf_counter()
    with pytest.raises(DocumentError, match="over the limit of 20,971,520"):
        p.load(path)
    assert time.perf_counter() - start < 5


def test_deep_nesting_is_refused_with_a_path() -> None:
    """Data nested deeper than Limits.max_depth is refused, naming where."""
    deep: object = "bottom"
    for _ in range(100):
        deep = [deep]
    document = _minimal(extensions={"cms:deep": deep})
    with pytest.raises(DocumentError, match="nested more than 64 levels") as caught:
        from_dict(document)
    assert caught.value.problems[0].path.startswith("/extensions/cms:deep/0/0")
    assert from_dict(document, limits=Limits(max_depth=200)).extensions


def test_cyclic_data_is_refused() -> None:
    """A dict that contains itself is refused by the depth limit, not looped over."""
    document = _minimal()
    document["extensions"] = {"cms:loop": document}
    with pytest.raises(DocumentError, match="nested more than"):
        from_dict(document)


def test_nesting_beyond_the_parser_is_a_document_error() -> None:
    """Nesting too deep even for the JSON parser is a DocumentError, not a RecursionError."""
    with pytest.raises(DocumentError, match="nested too deeply"):
        p.loads("[" * 200_000 + "]" * 200_000)


# --------------------------------------------------------------------------- text


@given(st.text(max_size=40))
def test_any_text_is_kept_exactly_or_refused(title: str) -> None:
    """Any str (surrogates, controls, RTL and zero-width marks) round-trips or is refused."""
    has_surrogate = any("\ud800" <= ch <= "\udfff" for ch in title)
    if has_surrogate:
        with pytest.raises(DocumentError) as caught:
            from_dict(_minimal(title=title))
        assert [problem.path for problem in caught.value.problems] == ["/title"]
        return
    statement = from_dict(_minimal(title=title))
    assert p.loads(p.dumps(statement)).title == title
    assert p.loads(p.dumps(statement).encode("utf-8")).title == title


@pytest.mark.parametrize(
    "text", ["\u200f\u202eRTL", "zero\u200bwidth", "nul\x00bell\x07", "\ufeffbom", "e\u0301"]
)
def test_special_characters_survive_unchanged(text: str) -> None:
    """Marks, controls, a BOM inside text and combining characters are never normalised."""
    statement = from_dict(_minimal(title=text))
    assert p.loads(p.dumps(statement)).title == text


# --------------------------------------------------------------------------- files


def test_write_interrupted_midway_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails half-way through leaves the previous file byte for byte."""
    path = tmp_path / "statement.json"
    p.dump(from_dict(_minimal(title="old")), path)
    before = path.read_bytes()
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *args: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            raise OSError("interrupted")

        def __getattr__(self, name: str) -> Any:
            return getattr(self.handle, name)

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    with pytest.raises(OSError, match="interrupted"):
        p.dump(from_dict(_minimal(title="new" * 1000)), path)
    assert path.read_bytes() == before
    assert sorted(f.name for f in tmp_path.iterdir()) == ["statement.json"]


# --------------------------------------------------------------------------- fuzzing


def _seed_documents() -> list[dict[str, Any]]:
    """Valid documents to mutate: the worked example and a few generated statements."""
    seeds = [json.loads(EXAMPLE.read_text(encoding="utf-8"))]
    rng = random.Random(7)
    forces = p.forces()
    for index in range(4):
        force = forces[rng.randrange(len(forces))]
        seeds.append(
            to_dict(
                p.Statement(
                    body=force.policing_body(),
                    force=force.police_force(),
                    framework="ncpm-2021",
                    title=f"Seed {index}",
                )
            )
        )
    return [json.loads(json.dumps(seed, default=str)) for seed in seeds]


SEEDS = _seed_documents()
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def mutated_texts(draw: st.DrawFn) -> str | bytes:
    """JSON text of a valid document with one to three random parts mutated."""
    document = copy.deepcopy(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = value_paths(document)
        target = draw(st.sampled_from(paths))
        if not target:
            document = draw(JSON_VALUES)
            break
        parent: Any = document
        for part in target[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "wrap", "extra"]))
        if action == "replace":
            parent[target[-1]] = draw(JSON_VALUES)
        elif action == "delete":
            del parent[target[-1]]
        elif action == "wrap":
            parent[target[-1]] = [parent[target[-1]]]
        elif isinstance(parent[target[-1]], dict):
            parent[target[-1]][draw(st.text(max_size=6))] = draw(JSON_VALUES)
    text = json.dumps(document, ensure_ascii=draw(st.booleans()))
    cut = draw(st.integers(min_value=0, max_value=len(text)))
    return draw(
        st.sampled_from([text, text.encode("utf-8", "surrogatepass"), text[:cut], text + "x"])
    )


def _only_document_errors(load: Any, data: object) -> None:
    try:
        statement = load(data)
    except DocumentError as error:
        problems = error.problems
    else:
        assert p.loads(p.dumps(statement)) == statement
        return
    assert problems
    for problem in problems:
        assert re.fullmatch(POINTER, problem.path), problem.path
        assert problem.message


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(mutated_texts())
def test_fuzz_json_loader_raises_only_document_error(text: str | bytes) -> None:
    """Mutated documents either load and round-trip or raise DocumentError with paths."""
    _only_document_errors(p.loads, text)


@given(JSON_VALUES)
def test_fuzz_arbitrary_json_values(value: object) -> None:
    """Any JSON value as a whole document raises only DocumentError."""
    _only_document_errors(from_dict, value)


_WORKED = p.load(EXAMPLE)
_CSV_ROWS = list(csv.reader(io.StringIO(figures_to_csv(_WORKED).removeprefix("\ufeff"))))
CELL_VALUES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "'", "=1+1", "count", "percent", "2023-02-30", "Q5 2023", "-7", "1e400"]),
    st.integers().map(str),
)


@st.composite
def mutated_csvs(draw: st.DrawFn) -> str:
    """The worked example's figures as CSV with cells, rows or columns changed at random."""
    rows = [list(row) for row in _CSV_ROWS]
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        action = draw(st.sampled_from(["cell", "drop-row", "copy-row", "drop-column", "ragged"]))
        row = draw(st.integers(min_value=0, max_value=len(rows) - 1))
        if action == "cell" and rows[row]:
            column = draw(st.integers(min_value=0, max_value=len(rows[row]) - 1))
            rows[row][column] = draw(CELL_VALUES)
        elif action == "drop-row" and len(rows) > 1:
            del rows[row]
        elif action == "copy-row":
            rows.insert(row, list(rows[row]))
        elif action == "drop-column" and rows[0]:
            column = draw(st.integers(min_value=0, max_value=len(rows[0]) - 1))
            for each in rows:
                del each[column : column + 1]
        else:
            rows[row].append(draw(CELL_VALUES))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    text = buffer.getvalue()
    cut = draw(st.integers(min_value=0, max_value=len(text)))
    return draw(st.sampled_from([text, text[:cut], text.replace(",", ";", 3)]))


@given(mutated_csvs())
def test_fuzz_csv_loader_raises_only_table_error(text: str) -> None:
    """Mutated figure tables either import and round-trip or raise TableError with places."""
    try:
        statement = figures_from_csv(_WORKED, text)
    except p.TableError as error:
        problems = error.problems
    else:
        assert p.loads(p.dumps(statement)) == statement
        return
    assert problems
    assert all(problem.message for problem in problems)
