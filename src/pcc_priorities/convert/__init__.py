"""Converters between model objects and plain JSON data: cattrs hooks and generated fast paths.

May import the model, periods and exceptions. Reference data and statement documents are
both read through here.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.convert.codegen import HookGenerator, Unfit, json_number, json_text
    from pcc_priorities.convert.converter import (
        BLOCK_TAGS,
        Invalid,
        PathSegment,
        converter,
        problems_from_exception,
        text_writer,
    )

_LAZY = {
    "BLOCK_TAGS": ".converter",
    "HookGenerator": ".codegen",
    "Invalid": ".converter",
    "PathSegment": ".converter",
    "Unfit": ".codegen",
    "converter": ".converter",
    "json_number": ".codegen",
    "json_text": ".codegen",
    "problems_from_exception": ".converter",
    "text_writer": ".converter",
}

__all__ = [
    "BLOCK_TAGS",
    "HookGenerator",
    "Invalid",
    "PathSegment",
    "Unfit",
    "converter",
    "json_number",
    "json_text",
    "problems_from_exception",
    "text_writer",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
