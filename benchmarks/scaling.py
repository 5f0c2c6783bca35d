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


# --------------------------------------------------------------------------- hostile growth
#
# Inputs that once made the work grow faster than the input (issue 12): each is built at a
# size n and at 2n and 4n; linear work takes twice and four times as long.


def _with_paragraph(statement: p.Statement, text: str) -> p.Statement:
    section = statement.sections[0]
    paragraph = p.Paragraph(text=text)
    return attrs.evolve(
        statement,
        sections=(attrs.evolve(section, blocks=(paragraph,)), *statement.sections[1:]),
    )


def _placeholders(base: p.Statement, piece: str) -> Callable[[int], Callable[[], object]]:
    def build(n: int) -> Callable[[], object]:
        statement = _with_paragraph(base, piece * n)
        return lambda: p.check(statement, as_of=AS_OF)

    return build


def _suppressions(base: p.Statement) -> Callable[[int], Callable[[], object]]:
    def build(n: int) -> Callable[[], object]:
        section = base.sections[0]
        paragraphs = tuple(p.Paragraph(text=f"Figures TBC {index}.") for index in range(1000 * n))
        statement = attrs.evolve(
            base,
            sections=(attrs.evolve(section, blocks=paragraphs), *base.sections[1:]),
            suppressions=tuple(
                p.Suppression(rule="PCC2", path=f"/sections/0/nothing{index}", reason="r")
                for index in range(500 * n)
            ),
        )
        return lambda: p.check(statement, as_of=AS_OF)

    return build


def _one_word_changed(base: p.Statement) -> Callable[[int], Callable[[], object]]:
    def build(n: int) -> Callable[[], object]:
        words = [f"word{index % 97}" for index in range(n)]
        old = _with_paragraph(base, " ".join(words))
        words[n // 2] = "changed"
        new = _with_paragraph(base, " ".join(words))
        return lambda: p.diff(old, new)

    return build


def _glossary_words(base: p.Statement) -> Callable[[int], Callable[[], object]]:
    def build(n: int) -> Callable[[], object]:
        glossary = tuple(p.GlossaryEntry(term=f"AB{i}X", expansion=f"term {i}") for i in range(n))
        statement = attrs.evolve(
            _with_paragraph(base, " ".join(f"AB{i}X and" for i in range(n))),
            glossary=glossary,
        )
        return lambda: p.render(statement, "md")

    return build


def _cpu_seconds(task: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.process_time()
        task()
        times.append(time.process_time() - start)
    return min(times)


HOSTILE_SIZES = {
    "check: text of `[insert ` × n": 12_500,
    "check: text of `<add ` × n": 12_500,
    "check: suppressions (500n) × findings (1,000n)": 2,
    "diff: one word changed in a paragraph of n words": 2_500,
    "render Markdown: n glossary terms, each used": 4_000,
}


def hostile_table(repeats: int = 3) -> str:
    """Time each hostile input at n, 2n and 4n (CPU seconds, best of ``repeats``)."""
    _, base = next(corpus.generate())
    builders = {
        "check: text of `[insert ` × n": _placeholders(base, "[insert "),
        "check: text of `<add ` × n": _placeholders(base, "<add "),
        "check: suppressions (500n) × findings (1,000n)": _suppressions(base),
        "diff: one word changed in a paragraph of n words": _one_word_changed(base),
        "render Markdown: n glossary terms, each used": _glossary_words(base),
    }
    lines = [
        "**Hostile growth** (CPU seconds, best of "
        f"{repeats}; linear work doubles from column to column)",
        "",
        "| task | n | n | 2n | 4n | 2n / n | 4n / 2n |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, build in builders.items():
        n = HOSTILE_SIZES[name]
        times = [_cpu_seconds(build(n * factor), repeats) for factor in (1, 2, 4)]
        lines.append(
            f"| {name} | {n:,} | {times[0]:.3f} | {times[1]:.3f} | {times[2]:.3f} "
            f"| {times[1] / times[0]:.2f} | {times[2] / times[1]:.2f} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Measure and print the scaling tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update benchmarks/README.md")
    parser.add_argument("--hostile", action="store_true", help="only the hostile inputs (issue 12)")
    args = parser.parse_args()
    if args.hostile:
        print(hostile_table())
        return
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
