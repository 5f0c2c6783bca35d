"""Converters between model objects and plain JSON data: cattrs hooks and generated fast paths.

May import the model, periods and exceptions. Reference data and statement documents are
both read through here.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.convert.hooks import BLOCK_TAGS, EXTENSION_KEY, converter

_LAZY = {
    "BLOCK_TAGS": "pcc_priorities.convert.hooks",
    "EXTENSION_KEY": "pcc_priorities.convert.hooks",
    "converter": "pcc_priorities.convert.hooks",
}

__all__ = [
    "BLOCK_TAGS",
    "EXTENSION_KEY",
    "converter",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
