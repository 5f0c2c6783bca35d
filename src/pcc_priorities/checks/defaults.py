"""The process's rules: the built-in ones, then those registered through entry points."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import metadata
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


def _entry_point_rules() -> Iterator[Rule]:
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
