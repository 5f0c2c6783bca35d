"""The walks made faster yield exactly what the generators they replaced yielded, in order.

(Generated statements are compared in ``test_walk.py``'s document-order test, which draws them
already.)
"""

from __future__ import annotations

from findings_sample import statements
from walk_reference import assert_same_walks


def test_walks_match_the_reference_on_the_sample() -> None:
    """On statements shaped like real ones, every walk is as before, item for item."""
    checked = 0
    for index, (_name, statement) in enumerate(statements()):
        if index % 4 == 0:
            assert_same_walks(statement)
            checked += 1
    assert checked >= 15
