"""Every finding, word for word, on the worked example and a sample of the benchmark corpus.

Changes made for speed must not change a finding: this pins the whole report (code, path,
message, suppression) of each statement. A change meant to alter findings regenerates the
file on purpose: ``PCC_REGENERATE_GOLDEN=1 python -m pytest tests/test_findings_golden.py``,
then review the diff.
"""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import date
from pathlib import Path

import pcc_priorities as p

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden" / "findings.json"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus  # noqa: E402

from findings_sample import finding_lines  # noqa: E402


def _statements() -> dict[str, tuple[p.Statement, date]]:
    found = {"west-mercia-2023-09": (p.load(ROOT / "examples" / "west-mercia-2023-09.json"),
                                     date(2023, 10, 1))}  # fmt: skip
    rng = random.Random(15)
    forces = p.forces()
    for index in range(0, len(forces), 4):
        statement = corpus.statement(forces[index], 2022 + index % 2, index % 4 + 1, rng)
        found[f"corpus-{forces[index].code}"] = (statement, date(2025, 1, 1))
    return found


def _reports() -> dict[str, list[str]]:
    return {
        name: finding_lines(p.check(statement, as_of=as_of))
        for name, (statement, as_of) in _statements().items()
    }


def test_findings_are_word_for_word_as_pinned() -> None:
    """Each statement's report is exactly the pinned one, finding by finding, in order."""
    reports = _reports()
    if os.environ.get("PCC_REGENERATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(reports, indent=1, ensure_ascii=False) + "\n", "utf-8")
    assert reports == json.loads(GOLDEN.read_text("utf-8"))
