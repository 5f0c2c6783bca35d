"""Does the work grow linearly? Load, check, render and dump at 1x, 10x and 100x.

    python -m benchmarks.scaling            # print the table
    python -m benchmarks.scaling --write    # and update benchmarks/README.md

Two kinds of growth:

- one statement with its figures and narrative repeated 10 and 100 times (every section's
  figures, blocks and metrics copied with fresh ids, so nothing is shared or cached);
- the number of statements: 3, 30 and 300 statements of the corpus.

For each task the table gives the time per unit (per copy, or per statement) at each size;
linear work keeps that figure flat, quadratic work makes it grow with the size.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import attrs

import pcc_priorities as p
from benchmarks import corpus
from pcc_priorities.publish import render_html

README = Path(__file__).resolve().parent / "README.md"
START, END = "<!-- scaling:start -->", "<!-- scaling:end -->"
AS_OF = date(2025, 1, 1)


def _renamed(figure: p.Figure, copy: int) -> p.Figure:
    return attrs.evolve(figure, id=None if figure.id is None else f"{figure.id}-c{copy}")


def _copy_block(block: p.Block, copy: int) -> p.Block:
    if isinstance(block, p.Subsection):
        return attrs.evolve(
            block,
            blocks=tuple(_copy_block(b, copy) for b in block.blocks),
            figures=tuple(_renamed(f, copy) for f in block.figures),
        )
    if isinstance(block, p.Paragraph):
        return attrs.evolve(block, text=f"{block.text} (copy {copy})")
    return block


def scaled(statement: p.Statement, factor: int) -> p.Statement:
    """Return ``statement`` with every section's figures, metrics and narrative ``factor`` times."""
    sections = []
    for section in statement.sections:
        metrics = tuple(
            attrs.evolve(m, id=f"{m.id}-c{c}") if c else m
            for c in range(factor)
            for m in section.metrics
        )
        renames = {m.id: m.id for m in section.metrics}
        figures = []
        for copy in range(factor):
            for figure in section.figures:
                metric = figure.metric
                if copy and metric in renames:
                    metric = f"{metric}-c{copy}"
                figures.append(attrs.evolve(_renamed(figure, copy), metric=metric))
        blocks = tuple(
            _copy_block(block, copy) for copy in range(factor) for block in section.blocks
        )
        sections.append(
            attrs.evolve(section, metrics=metrics, figures=tuple(figures), blocks=blocks)
        )
    return attrs.evolve(statement, sections=tuple(sections))


def _seconds(task: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _tasks(statements: list[p.Statement]) -> dict[str, Callable[[], object]]:
    texts = [p.dumps(s).encode() for s in statements]
    return {
        "load": lambda: [p.loads(t) for t in texts],
        "dump": lambda: [p.dumps(s) for s in statements],
        "check": lambda: [p.check(s, as_of=AS_OF) for s in statements],
        "render HTML": lambda: [render_html(s) for s in statements],
    }


def main() -> None:
    """Measure and print the scaling tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update benchmarks/README.md")
    args = parser.parse_args()
    _, base = next(corpus.generate())
    lines = [
        "**One statement, figures and narrative repeated** (ms per copy; flat means linear)",
        "",
        "| task | ×1 | ×10 | ×100 | ×100 / ×1 |",
        "|---|---:|---:|---:|---:|",
    ]
    per_copy: dict[str, list[float]] = {}
    for factor, repeats in ((1, 21), (10, 7), (100, 3)):
        for name, task in _tasks([scaled(base, factor)]).items():
            per_copy.setdefault(name, []).append(_seconds(task, repeats) / factor * 1000)
    for name, values in per_copy.items():
        cells = " | ".join(f"{v:.2f}" for v in values)
        lines.append(f"| {name} | {cells} | {values[-1] / values[0]:.2f} |")
    statements = [s for _, s in itertools.islice(corpus.generate(), 300)]
    lines += [
        "",
        "**Number of statements** (ms per statement; flat means linear)",
        "",
        "| task | 3 | 30 | 300 | 300 / 3 |",
        "|---|---:|---:|---:|---:|",
    ]
    per_statement: dict[str, list[float]] = {}
    for count, repeats in ((3, 15), (30, 5), (300, 2)):
        for name, task in _tasks(statements[:count]).items():
            per_statement.setdefault(name, []).append(_seconds(task, repeats) / count * 1000)
    for name, values in per_statement.items():
        cells = " | ".join(f"{v:.2f}" for v in values)
        lines.append(f"| {name} | {cells} | {values[-1] / values[0]:.2f} |")
    text = "\n".join(lines)
    print(text)
    if args.write:
        readme = README.read_text(encoding="utf-8")
        head, _, rest = readme.partition(START)
        _, _, tail = rest.partition(END)
        README.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
