"""Side-by-side benchmarks of pcc-priorities against the alternatives, in one process.

    python -m benchmarks.run              # print the table
    python -m benchmarks.run --write      # and update benchmarks/README.md

Every contender runs over the whole corpus (344 statements) once per round; rounds interleave
the contenders so that a noisy machine slows them alike, and the table reports the median
and the spread (min-max) over rounds, with ratios against pydantic v2 and the parse floors.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson

import pcc_priorities as p
from benchmarks import alternatives, corpus

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "benchmarks" / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"


def _time_rounds(
    contenders: dict[str, Callable[[], object]], rounds: int
) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, run in contenders.items():
            gc.collect()
            start = time.perf_counter()
            run()
            results[name].append(time.perf_counter() - start)
    return results


def _row(name: str, times: list[float], reference: float | None, floor: float | None) -> str:
    median = statistics.median(times)
    spread = f"{min(times) * 1000:.0f}–{max(times) * 1000:.0f}"
    ratio = f"{median / reference:.2f}" if reference else ""
    floor_ratio = f"{median / floor:.1f}" if floor else ""
    return f"| {name} | {median * 1000:.0f} | {spread} | {ratio} | {floor_ratio} |"


def _table(
    title: str, results: dict[str, list[float]], reference: str, floor: str | None
) -> list[str]:
    ref = statistics.median(results[reference])
    flo = statistics.median(results[floor]) if floor else None
    lines = [
        f"**{title}** (344 statements; ms for the whole corpus)",
        "",
        f"| contender | median ms | spread ms | × {reference} | × {floor or '-'} |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [_row(name, times, ref, flo) for name, times in results.items()]
    return lines


def _subprocess_seconds(command: list[str], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return times


def _peak_memory(build: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    kept = build()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return peak / 2**20


def main() -> None:
    """Run the benchmarks and print (or write) the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--write", action="store_true", help="update benchmarks/README.md")
    args = parser.parse_args()

    documents = corpus.documents()
    megabytes = sum(map(len, documents)) / 2**20
    statements = [p.loads(d) for d in documents]
    pyd_models = [alternatives.pydantic_loads(d) for d in documents]
    msg_models = [alternatives.msgspec_loads(d) for d in documents]

    load = _time_rounds(
        {
            "pydantic v2 (model_validate_json)": lambda: [
                alternatives.pydantic_loads(d) for d in documents
            ],
            "pcc-priorities (loads)": lambda: [p.loads(d) for d in documents],
            "msgspec (typed decode)": lambda: [alternatives.msgspec_loads(d) for d in documents],
            "json.loads (floor)": lambda: [json.loads(d) for d in documents],
            "json.loads, exact decimals (floor)": lambda: [
                json.loads(d, parse_float=Decimal) for d in documents
            ],
            "orjson.loads (floor)": lambda: [orjson.loads(d) for d in documents],
        },
        args.rounds,
    )
    dump = _time_rounds(
        {
            "pydantic v2 (model_dump_json)": lambda: [
                alternatives.pydantic_dumps(m) for m in pyd_models
            ],
            "pcc-priorities (dumps)": lambda: [p.dumps(s) for s in statements],
            "msgspec (encode)": lambda: [alternatives.msgspec_dumps(m) for m in msg_models],
        },
        args.rounds,
    )
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; corpus {len(documents)} statements, {megabytes:.1f} MiB "
        f"of JSON; {args.rounds} rounds; run on {date.today()}.",
        "",
        *_table(
            "Load: JSON bytes → model",
            load,
            "pydantic v2 (model_validate_json)",
            "orjson.loads (floor)",
        ),
        "",
        *_table("Dump: model → JSON", dump, "pydantic v2 (model_dump_json)", None),
        "",
    ]

    others: dict[str, Callable[[], object]] = {}
    check = getattr(p, "check", None)
    if check is not None:
        as_of = date(2025, 1, 1)
        others["check (whole corpus)"] = lambda: [check(s, as_of=as_of) for s in statements]
    render_html = getattr(p, "render_html", None)
    if render_html is not None:
        others["render HTML (whole corpus)"] = lambda: [render_html(s) for s in statements]
    if others:
        results = _time_rounds(others, args.rounds)
        lines += [
            "**Check and render** (344 statements; ms for the whole corpus)",
            "",
            "| task | median ms | spread ms |",
            "|---|---:|---:|",
        ]
        for name, times in results.items():
            lines.append(
                f"| {name} | {statistics.median(times) * 1000:.0f} | "
                f"{min(times) * 1000:.0f}–{max(times) * 1000:.0f} |"
            )
        lines.append("")

    python = sys.executable
    bare = _subprocess_seconds([python, "-c", "pass"], 9)
    imported = _subprocess_seconds([python, "-c", "import pcc_priorities"], 9)
    example = str(ROOT / "examples" / "west-mercia-2023-09.json")
    command = "check" if check is not None else "validate"
    cli = _subprocess_seconds([python, "-m", "pcc_priorities", command, example], 9)
    bare_ms = statistics.median(bare) * 1000
    lines += [
        "**Start-up** (median of 9 runs, each a fresh interpreter)",
        "",
        "| what | median ms | less bare interpreter ms |",
        "|---|---:|---:|",
        f"| python -c pass | {bare_ms:.0f} | 0 |",
        f"| import pcc_priorities | {statistics.median(imported) * 1000:.0f} | "
        f"{statistics.median(imported) * 1000 - bare_ms:.0f} |",
        f"| pcc-priorities {command} (worked example) | {statistics.median(cli) * 1000:.0f} | "
        f"{statistics.median(cli) * 1000 - bare_ms:.0f} |",
        "",
    ]

    memory: dict[str, Any] = {
        "pcc-priorities": lambda: [p.loads(d) for d in documents],
        "pydantic v2": lambda: [alternatives.pydantic_loads(d) for d in documents],
        "msgspec": lambda: [alternatives.msgspec_loads(d) for d in documents],
    }
    lines += [
        "**Peak memory** while loading the whole corpus and keeping every model (tracemalloc)",
        "",
        "| contender | peak MiB |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {_peak_memory(build):.0f} |" for name, build in memory.items()]
    text = "\n".join(lines)
    print(text)
    if args.write:
        readme = README.read_text(encoding="utf-8")
        head, _, rest = readme.partition(START)
        _, _, tail = rest.partition(END)
        README.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
