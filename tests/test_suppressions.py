"""Tests of suppressions in the model and in canonical JSON."""

from __future__ import annotations

from typing import Any

import pytest

import pcc_priorities as p
from check_helpers import clean, suppressing
from pcc_priorities.formats import from_dict, to_dict


def test_suppressions_round_trip_in_json() -> None:
    """Suppressions are written after the glossary and load back unchanged."""
    statement = suppressing(
        clean(),
        p.Suppression(rule="PCC401", path="/sections/0", reason="OCG is a local household word"),
        p.Suppression(rule="PCC3", path="", reason="figures checked by the analyst"),
    )
    data = to_dict(statement)
    assert data["suppressions"] == [
        {"rule": "PCC401", "path": "/sections/0", "reason": "OCG is a local household word"},
        {"rule": "PCC3", "path": "", "reason": "figures checked by the analyst"},
    ]
    assert list(data)[-1] == "suppressions"
    assert p.loads(p.dumps(statement)) == statement


def test_statement_without_suppressions_writes_none() -> None:
    """An empty list of suppressions is left out of the document."""
    assert "suppressions" not in to_dict(clean())


@pytest.mark.parametrize(
    ("suppression", "path"),
    [
        ({"rule": "PCC401", "path": "/title"}, "/suppressions/0/reason"),
        ({"rule": 401, "path": "/title", "reason": "r"}, "/suppressions/0/rule"),
        ({"rule": "PCC401", "path": "/title", "reason": "r", "by": "me"}, "/suppressions/0/by"),
    ],
)
def test_malformed_suppressions_are_reported_with_paths(
    suppression: dict[str, Any], path: str
) -> None:
    """A malformed suppression is a document problem at its path."""
    data = to_dict(clean())
    data["suppressions"] = [suppression]
    with pytest.raises(p.DocumentError) as caught:
        from_dict(data)
    assert [problem.path for problem in caught.value.problems] == [path]
