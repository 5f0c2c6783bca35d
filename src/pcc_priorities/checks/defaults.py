"""The process's rules: the built-in ones, then those registered through entry points."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from importlib.machinery import PathFinder
from typing import Any

import attrs

from pcc_priorities.checks.builtin import BUILTIN_RULES
from pcc_priorities.checks.registry import (
    ENTRY_POINT_GROUP,
    Rule,
    RuleRegistry,
    check_not_reserved,
)
from pcc_priorities.exceptions import RuleError

__all__ = ["default_registry", "get_rule", "register_rule", "rules"]


def _may_declare_rules(path: Iterable[str] | None = None) -> bool:
    """Whether any distribution on ``path`` (``sys.path``) may register rules: a quick look.

    Importing :mod:`importlib.metadata` and asking it for entry points costs about 15 ms, a
    tenth of ``pcc-priorities check``'s start-up, and nearly always finds none. This reads
    what its path finder would read, the ``entry_points.txt`` of each ``*.dist-info`` and
    ``*.egg-info`` folder in the folders on the path, for the group's name, and answers
    "maybe" wherever it cannot be sure: a path entry that is a file (a zip), an egg, or a
    finder on ``sys.meta_path`` that finds distributions some other way. Only "no" skips
    :mod:`importlib.metadata`.
    """
    for finder in sys.meta_path:
        if finder is not PathFinder and hasattr(finder, "find_distributions"):
            return True
    for entry in sys.path if path is None else path:
        folder = entry or "."
        try:
            with os.scandir(folder) as children:
                names = [(child.name.lower(), child.path) for child in children]
        except NotADirectoryError:
            return True  # a zip file on the path: it may hold distributions
        except OSError:
            if os.path.isfile(folder):
                return True
            continue  # no such folder, or not readable: no distributions found there either
        for name, where in names:
            if name.endswith(".egg"):
                return True
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(where, "entry_points.txt"), "rb") as declared:
                        if ENTRY_POINT_GROUP.encode() in declared.read():
                            return True
                except OSError:
                    continue  # no entry points (or an egg-info file): nothing to register
    return False


def _entry_point_rules() -> Iterator[Rule]:
    if not _may_declare_rules():
        return
    from importlib import metadata  # noqa: PLC0415 - only where rules may be registered

    for entry in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda item: item.name):
        try:
            loaded: Any = entry.load()
        except Exception as error:
            raise RuleError(
                f"the rules registered as {entry.name!r} = {entry.value!r} in the "
                f"{ENTRY_POINT_GROUP!r} entry point group could not be loaded: {error!r}"
            ) from error
        items = [loaded] if isinstance(loaded, Rule) else loaded
        if isinstance(items, str | bytes) or not isinstance(items, Iterable):
            raise RuleError(
                f"entry point {entry.name!r} = {entry.value!r} must name a Rule or an "
                f"iterable of Rules, not {type(loaded).__name__}"
            )
        origin = f"{entry.dist.name} {entry.dist.version}" if entry.dist else entry.value
        for item in items:
            if not isinstance(item, Rule):
                raise RuleError(f"entry point {entry.name!r} gave {item!r}, which is not a Rule")
            check_not_reserved(item)
            yield attrs.evolve(item, origin=item.origin or origin)


_default: RuleRegistry | None = None


def default_registry() -> RuleRegistry:
    """Return the process's registry: the built-in rules, then those of entry points.

    Entry points are loaded on first use.

    Raises:
        RuleError: A registered entry point fails to load or gives something else than rules.
    """
    global _default  # noqa: PLW0603 - built once, on first use
    if _default is None:
        registry = RuleRegistry(
            attrs.evolve(item, origin="pcc-priorities") for item in BUILTIN_RULES
        )
        for item in _entry_point_rules():
            registry.register(item)
        _default = registry
    return _default


def rules() -> tuple[Rule, ...]:
    """Return every rule the checker knows, in code order: built-in and registered."""
    return tuple(default_registry())


def get_rule(code: str) -> Rule:
    """Return the rule with ``code`` ("PCC101").

    Raises:
        UnknownRuleError: No rule has that code.
    """
    return default_registry().get(code)


def register_rule(new: Rule) -> None:
    """Make ``new`` known to the checker in this process, beside the built-in rules.

    Other distributions usually register through the entry point group instead (see
    ``docs/checks.md``).

    Raises:
        RuleError: Its code starts with the reserved "PCC", or another rule has its code
            or name.
    """
    check_not_reserved(new)
    default_registry().register(new)
