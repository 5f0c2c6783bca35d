"""Tests of the public surface: what `import pcc_priorities` offers."""

from __future__ import annotations

import pcc_priorities


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
