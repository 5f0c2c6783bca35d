"""The ruamel.yaml machinery the YAML reader and writer share (the ``yaml`` extra).

Kept apart from :mod:`pcc_priorities.formats.yaml`, which reads and writes statements: the
YAML 1.2 core schema's resolver, an emitter that never folds quoted text, and a composer
that stops at the limit on values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from pcc_priorities.exceptions import MissingExtraError

__all__ = [
    "BOOL",
    "DECIMAL_FLOAT",
    "DECIMAL_INT",
    "FLOAT",
    "INT",
    "MAP",
    "NULL",
    "SEQ",
    "STR",
    "TooLarge",
    "compose",
    "ruamel_module",
    "yaml_instance",
]

TAG = "tag:yaml.org,2002:"
NULL, BOOL, INT, FLOAT, STR = (TAG + name for name in ("null", "bool", "int", "float", "str"))
SEQ, MAP = TAG + "seq", TAG + "map"

DECIMAL_INT = re.compile(r"[-+]?[0-9]+")
DECIMAL_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")

WIDTH = 88


def ruamel_module() -> Any:
    """Return the ruamel.yaml package, or raise MissingExtraError saying how to install it."""
    try:
        import ruamel.yaml  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError(
            "YAML needs the optional ruamel.yaml package: pip install 'pcc-priorities[yaml]'"
        ) from None
    return ruamel.yaml


@cache
def _resolver_class() -> type[Any]:
    """Return a resolver for the YAML 1.2 core schema without timestamps or merge keys."""
    from ruamel.yaml.resolver import BaseResolver  # noqa: PLC0415 - an optional extra

    class CoreResolver(BaseResolver):
        def __init__(self, version: Any = None, loader: Any = None, loadumper: Any = None) -> None:
            super().__init__(loader if loader is not None else loadumper)

        @property
        def processing_version(self) -> tuple[int, int]:
            return (1, 2)

    rules: Sequence[tuple[str, str, str]] = (
        (NULL, r"~|null|Null|NULL|", "~nN"),
        (BOOL, r"true|True|TRUE|false|False|FALSE", "tTfF"),
        (INT, r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
        (FLOAT, DECIMAL_FLOAT.pattern, "-+.0123456789"),
        (FLOAT, r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)", "-+."),
    )
    for tag, pattern, first in rules:
        compiled = re.compile(f"^(?:{pattern})$")
        CoreResolver.add_implicit_resolver_base(tag, compiled, list(first))
    CoreResolver.add_implicit_resolver_base(NULL, re.compile("^$"), [""])
    return CoreResolver


@cache
def _emitter_class() -> type[Any]:
    r"""Return an emitter that never folds a quoted scalar.

    ruamel.yaml folds long quoted scalars, and there it can change text: a double-quoted
    scalar folded after an escape ("\x84") reads back with a space added. Text that needs
    quotes is rare (prose is written as a block scalar), so it is written on one line. Plain
    scalars are folded only at single spaces: :func:`_text_style` quotes text with a run of
    spaces, which a folded plain scalar would read back as one.
    """
    from ruamel.yaml.emitter import Emitter  # noqa: PLC0415 - an optional extra

    class UnfoldedEmitter(Emitter):
        def write_single_quoted(self, text: Any, split: Any = True) -> None:
            super().write_single_quoted(text, split=False)

        def write_double_quoted(self, text: Any, split: Any = True) -> None:
            super().write_double_quoted(text, split=False)

    return UnfoldedEmitter


def yaml_instance(*, writing: bool = False) -> Any:
    """Return a ruamel.yaml ``YAML`` object for the core schema, set up to read or to write."""
    yaml = ruamel_module().YAML(typ="safe", pure=True)
    yaml.Resolver = _resolver_class()
    if writing:
        yaml.Emitter = _emitter_class()
        yaml.allow_unicode = True
        yaml.width = WIDTH
        yaml.indent(mapping=2, sequence=4, offset=2)
        yaml.explicit_start = False
    return yaml


class TooLarge(Exception):
    """The document holds more than the limits allow, aliases expanded."""


@cache
def _composer_class() -> type[Any]:
    """Return a composer that stops once a document holds more values than its loader allows."""
    from ruamel.yaml.composer import Composer  # noqa: PLC0415 - an optional extra

    class CountingComposer(Composer):
        nodes = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            self.nodes += 1
            if self.nodes > self.loader.max_values:
                raise TooLarge
            return super().compose_node(parent, index)

    return CountingComposer


def compose(text: str, max_values: int) -> Any:
    """Compose ``text`` into a node tree, stopping at ``max_values`` nodes."""
    yaml = yaml_instance()
    yaml.Composer = _composer_class()
    yaml.max_values = max_values
    return yaml.compose(text)
