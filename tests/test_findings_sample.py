"""Every finding on a larger sample of statements is as pinned before the checker was made faster.

The sample (``tests/findings_sample.py``) is 40 statements of the benchmark corpus, 16 of them
again with texts changed to hold placeholders, acronyms, definitions and empty or invisible
text, and the real statements in ``tests/statements``.
"""

from __future__ import annotations

import json

from findings_sample import GOLDEN, reports


def test_sample_findings_are_word_for_word_as_pinned() -> None:
    """Each statement's report is exactly the pinned one: code, path and message, in order."""
    found = reports()
    pinned = json.loads(GOLDEN.read_text("utf-8"))
    assert list(found) == list(pinned)
    for name, lines in pinned.items():
        assert found[name] == lines, name
