"""A larger sample of statements whose every finding is pinned: the guard for the checker's speed.

The sample is 40 statements of the benchmark corpus (one per force, generated here with a fixed
seed), 16 of them again with texts changed to hold what the text rules look for (placeholders,
acronyms and their definitions, invisible characters, empty text), and the real statements in
``tests/statements``. ``tests/test_findings_sample.py`` checks each and compares every finding
(code, path, suppression and message) with ``tests/golden/findings-sample.json``.

The pinned file was made from the checker before it was made faster, and is only regenerated
on purpose, when a change is meant to alter findings (then review the diff)::

    PYTHONPATH=src:. python tests/findings_sample.py
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus  # noqa: E402

import pcc_priorities as p  # noqa: E402
from pcc_priorities.checks import Report  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden" / "findings-sample.json"
STATEMENTS = Path(__file__).resolve().parent / "statements"
AS_OF = date(2025, 1, 1)

#: What the changed statements' texts are replaced by, or end with.
SNIPPETS = (
    "TBC",
    "To follow.",
    "[insert figure here]",
    "Figures to be confirmed in due course.",
    "Lorem ipsum dolor sit amet",
    "<insert date>",
    "XX",
    "TODO: FIXME",
    "tbd",
    "",
    "  \u200b ",
    "\u200b",
    "The ASB team worked with OCG leads.",
    "Organised Crime Groups (OCGs) were disrupted.",
    "HMICFRS (His Majesty's Inspectorate of Constabulary and Fire & Rescue Services) visited.",
    "Anti-Social Behaviour (ASB) fell; DVPNs and S&H cases rose.",
    "OCG (organised crime group) and OCG (outer city ground).",
    "theft from MV (TFMV) and CSE, CCE and VAWG.",
    "Domestic abuse (DA) and DA (district attorney).",
    "NHS and UK figures; see the IOM (Integrated Offender Management) scheme.",
    "THIS HEADING IS WRITTEN ALL IN CAPITALS AS A SHOUT",
    "Coming soon: the PCC’s review (Q3).",
    "Insert the figure here",
    "Operation XXVII and Chapter IV.",
)

#: Keys whose string values are text a reader sees (not identifiers, codes or dates).
_TEXT_KEYS = frozenset(
    {"text", "items", "title", "wording", "measure", "source", "attribution", "reason"}
)


def _change(value: Any, rng: random.Random, key: str | None = None) -> Any:
    """``value`` with some of its reader-facing strings replaced or extended by a snippet."""
    if isinstance(value, dict):
        return {name: _change(item, rng, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_change(item, rng, key) for item in value]
    if isinstance(value, str) and key in _TEXT_KEYS and rng.random() < 0.08:
        snippet = rng.choice(SNIPPETS)
        return snippet if rng.random() < 0.5 else f"{value} {snippet}"
    return value


def statements() -> Iterator[tuple[str, p.Statement]]:
    """Yield ``(name, statement)`` for every statement of the sample, in a fixed order."""
    rng = random.Random(1515)
    forces = p.forces()
    for index, force in enumerate(forces[:40]):
        year, quarter = 2022 + index % 2, (index * 3) % 4 + 1
        statement = corpus.statement(force, year, quarter, rng)
        yield f"corpus-{force.code}", statement
        if index % 5 in (0, 3):
            document = json.loads(p.dumps(statement))
            changed = _change(document, random.Random(index))
            yield f"changed-{force.code}", p.loads(json.dumps(changed))
    for path in sorted(STATEMENTS.glob("*.json")):
        yield path.stem, p.load(path)


def finding_lines(report: Report) -> list[str]:
    """A report's findings as lines, in order: code, path, suppression and message."""
    return [
        f"{finding.code} {finding.path} {'(suppressed) ' if finding.suppressed else ''}"
        f"{finding.message}"
        for finding in report.findings
    ]


def reports() -> dict[str, list[str]]:
    """Every statement's findings as lines (:func:`finding_lines`)."""
    return {
        name: finding_lines(p.check(statement, as_of=AS_OF)) for name, statement in statements()
    }


def main() -> None:
    """Write the pinned findings (on purpose only: see the module's docstring)."""
    text = json.dumps(reports(), indent=0, ensure_ascii=False)
    GOLDEN.write_text(text + "\n", "utf-8")
    print(f"wrote {GOLDEN}")


if __name__ == "__main__":
    main()
