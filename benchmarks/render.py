"""Time publishing the worked example: HTML page, Markdown, and a diff of two editions.

Run from the repository root: ``python benchmarks/render.py``.
"""

from __future__ import annotations

import timeit
from decimal import Decimal

import attrs

import pcc_priorities as p
from pcc_priorities.editions import diff_to_json
from pcc_priorities.publish import render_html, render_markdown

statement = p.load("examples/west-mercia-2023-09.json")
section = statement.sections[1]
figures = list(section.figures)
figures[3] = attrs.evolve(figures[3], value=Decimal(1100))
newer = attrs.evolve(
    statement,
    edition="Update December 2023",
    sections=(
        *statement.sections[:1],
        attrs.evolve(section, figures=tuple(figures)),
        *statement.sections[2:],
    ),
)

cases = {
    "render_html (page)": lambda: render_html(statement),
    "render_html (fragment)": lambda: render_html(statement, fragment=True),
    "render_markdown": lambda: render_markdown(statement),
    "diff (one figure changed)": lambda: p.diff(statement, newer),
    "diff_to_json": lambda: diff_to_json(p.diff(statement, newer)),
    "load (for scale)": lambda: p.load("examples/west-mercia-2023-09.json"),
}
print(f"worked example: {len(render_html(statement)):,} bytes of HTML")
for name, case in cases.items():
    runs, total = timeit.Timer(case).autorange()
    best = min(timeit.repeat(case, number=runs, repeat=5)) / runs
    print(f"{name:28} {best * 1000:8.2f} ms")
