"""Tests of the public surface: what `import pcc_priorities` offers."""

from __future__ import annotations

import pcc_priorities


def test_all_is_sorted_unique_and_importable() -> None:
    """__all__ is sorted, has no duplicates, and every name in it exists."""
    names = pcc_priorities.__all__
    assert names == sorted(names)
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
