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


def test_context_walks_are_the_walks() -> None:
    """A check's shared walks, as objects and as rows, are the walks of the statement."""
    from datetime import date  # noqa: PLC0415

    from pcc_priorities.checks import CheckContext  # noqa: PLC0415
    from pcc_priorities.model import walk  # noqa: PLC0415

    for index, (_name, statement) in enumerate(statements()):
        if index % 9:
            continue
        context = CheckContext(statement, as_of=date(2025, 1, 1), framework=None)
        assert list(context.texts()) == list(walk.iter_texts(statement))
        assert list(context.blocks()) == list(walk.iter_blocks(statement))
        assert list(context.figures()) == list(walk.iter_figures(statement))
        assert list(context.periods()) == list(walk.iter_periods(statement))
        assert list(context.text_rows()) == walk.text_rows(statement)
        assert list(context.block_rows()) == walk.block_rows(statement)
        assert list(context.figure_rows()) == walk.figure_rows(statement)
        assert list(context.period_rows()) == walk.period_rows(statement)
