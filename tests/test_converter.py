"""Tests that the generated fast hooks agree with cattrs's generic, detailed converter."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
import cattrs
import pytest
from cattrs.gen import make_dict_unstructure_fn
from hypothesis import given

import pcc_priorities as p
from pcc_priorities.convert.codegen import json_text
from pcc_priorities.convert.hooks import BLOCK_TAGS, converter
from pcc_priorities.formats import from_dict, to_dict
from pcc_priorities.model.json_values import FrozenJSONObject, thaw
from pcc_priorities.model.narrative import Block
from pcc_priorities.periods.dates import PartialDate
from pcc_priorities.testing import statements


def _generic_unstructure() -> cattrs.Converter:
    """A plain cattrs converter with omit_if_default, as the reference output."""
    conv = cattrs.Converter()
    conv.register_unstructure_hook(Decimal, lambda value: value)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_unstructure_hook(FrozenJSONObject, thaw)
    conv.register_unstructure_hook_factory(
        attrs.has, lambda cls: make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)
    )
    tags = {cls: tag for tag, cls in BLOCK_TAGS.items()}

    def block(value: Any) -> dict[str, Any]:
        return {"type": tags[type(value)], **conv.unstructure(value, type(value))}

    conv.register_unstructure_hook(Block, block)
    plan_priority = make_dict_unstructure_fn(p.PlanPriority, conv, _cattrs_omit_if_default=True)

    def shorthand(value: p.PlanPriority) -> Any:
        # A plan priority with nothing but its title is written as its title alone.
        return value.title if value.title_only else plan_priority(value)

    conv.register_unstructure_hook(p.PlanPriority, shorthand)
    return conv


GENERIC = _generic_unstructure()


@given(statements())
def test_fast_unstructure_matches_cattrs(statement: p.Statement) -> None:
    """The generated unstructure hooks give exactly cattrs's omit-if-default data."""
    fast = converter(detailed=False).unstructure(statement, p.Statement)
    generic = GENERIC.unstructure(statement, p.Statement)
    assert json.dumps(fast, default=str) == json.dumps(generic, default=str)


@given(statements())
def test_fast_and_detailed_structure_agree(statement: p.Statement) -> None:
    """The fast and the detailed converters build the same statement from valid data."""
    data = converter(detailed=False).unstructure(statement, p.Statement)
    fast = converter(detailed=False).structure(data, p.Statement)
    detailed = converter(detailed=True).structure(data, p.Statement)
    assert fast == detailed == statement


@given(statements())
def test_text_writer_matches_the_data(statement: p.Statement) -> None:
    """The generated canonical writer gives the same text as writing the dict form."""
    assert p.dumps(statement) == json_text(to_dict(statement), "\n") + "\n"


def test_unknown_keys_of_mixed_types_are_all_reported() -> None:
    """Unknown keys 1 and "zz" on one object are both reported, not a TypeError."""
    document = {
        "schema_version": "1.0",
        "body": {"kind": "pcc", "name": "PCC", 1: "x", "zz": "y"},
        "force": {"code": "E23000016", "name": "West Mercia Police"},
        "framework": "ncpm-2021",
        "title": "Statement",
    }
    with pytest.raises(p.DocumentError) as caught:
        from_dict(document)
    assert [problem.path for problem in caught.value.problems] == ["/body/1", "/body/zz"]
