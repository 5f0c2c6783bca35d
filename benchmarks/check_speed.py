"""How long the checker takes: the worked example, and the same statement ten times as long.

Run from the repository root: ``python benchmarks/check_speed.py``. Prints the median of
repeated runs of ``pcc_priorities.check`` with every built-in rule, then the rules that take
longest on the longer statement.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

import attrs

import pcc_priorities as p
from pcc_priorities.checks.defaults import default_registry
from pcc_priorities.checks.registry import CheckContext
from pcc_priorities.reference.acronyms import find_definitions

AS_OF = date(2023, 10, 1)
ROUNDS = 25


def median_ms(function, rounds: int = ROUNDS) -> float:
    function()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def longer(statement: p.Statement, times: int) -> p.Statement:
    sections = tuple(
        attrs.evolve(section, blocks=section.blocks * times) for section in statement.sections
    )
    return attrs.evolve(statement, sections=sections)


def main() -> None:
    example = p.load("examples/west-mercia-2023-09.json")
    big = longer(example, 10)
    words = sum(
        len(t.text.split()) for t in CheckContext(example, as_of=AS_OF, framework=None).texts()
    )
    print(
        f"worked example ({words} words of text): "
        f"{median_ms(lambda: p.check(example, as_of=AS_OF)):.1f} ms per check"
    )
    big_ms = median_ms(lambda: p.check(big, as_of=AS_OF), 5)
    print(f"ten times the narrative: {big_ms:.1f} ms per check")
    path = "examples/west-mercia-2023-09.json"
    both_ms = median_ms(lambda: p.check(p.load(path), as_of=AS_OF))
    print(f"load + check the example file: {both_ms:.1f} ms")
    hostile = "a (OCG) " * 100_000
    hostile_ms = median_ms(lambda: list(find_definitions(hostile)), 3)
    print(f"acronym definitions in 800 kB of 'a (OCG) ': {hostile_ms:.0f} ms")
    framework = p.get_framework(big.framework)
    per_rule = []
    for rule in default_registry():

        def run(rule=rule):
            rule.occurrences(
                big,
                CheckContext(
                    big, as_of=AS_OF, framework=framework, known_rules=tuple(default_registry())
                ),
            )

        per_rule.append((median_ms(run, 3), rule.code, rule.name))
    print("slowest rules on the longer statement (each with its own context):")
    for ms, code, name in sorted(per_rule, reverse=True)[:5]:
        print(f"  {code} {name}: {ms:.1f} ms")


if __name__ == "__main__":
    main()
